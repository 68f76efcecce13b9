package org.interviewtasks.junior.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.interviewtasks.common.testing.RandomData;
import org.interviewtasks.common.testing.Seeds;
import org.interviewtasks.common.testing.StdStreams;
import org.interviewtasks.junior.files.ListDirectory.Entry;
import org.interviewtasks.junior.files.ListDirectory.Kind;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ListDirectoryTest {

  @TempDir Path dir;

  @Nested
  class Listing {

    @Test
    void marksFilesAndDirectoriesSortedByName() throws IOException {
      Files.writeString(dir.resolve("notes.txt"), "n");
      Files.createDirectory(dir.resolve("docs"));
      Files.writeString(dir.resolve("Zebra"), "z");
      Files.createDirectories(dir.resolve("docs/deeper/still"));

      List<Entry> entries = ListDirectory.list(dir);

      assertThat(entries)
          .containsExactly(
              new Entry("Zebra", Kind.FILE),
              new Entry("docs", Kind.DIRECTORY),
              new Entry("notes.txt", Kind.FILE));
      assertThat(entries.stream().map(Entry::toString))
          .containsExactly("Zebra", "docs/", "notes.txt");
    }

    @Test
    void symbolicLinksAreListedAsLinksNeverFollowed() throws IOException {
      Path outside = Files.createDirectory(dir.resolve("outside"));
      Files.writeString(outside.resolve("secret.txt"), "s");
      Path inside = Files.createDirectory(dir.resolve("inside"));
      TestFiles.symlink(inside.resolve("to-dir"), outside);
      TestFiles.symlink(inside.resolve("to-file"), outside.resolve("secret.txt"));
      TestFiles.symlink(inside.resolve("broken"), dir.resolve("nothing"));
      TestFiles.symlink(inside.resolve("loop"), inside.resolve("loop"));

      assertThat(ListDirectory.list(inside))
          .containsExactly(
              new Entry("broken", Kind.SYMBOLIC_LINK),
              new Entry("loop", Kind.SYMBOLIC_LINK),
              new Entry("to-dir", Kind.SYMBOLIC_LINK),
              new Entry("to-file", Kind.SYMBOLIC_LINK));
      assertThat(ListDirectory.list(inside).get(2)).hasToString("to-dir@");
    }

    @Test
    void aDirectoryGivenAsALinkIsFollowed() throws IOException {
      Path real = Files.createDirectory(dir.resolve("real"));
      Files.writeString(real.resolve("a.txt"), "a");
      Path link = TestFiles.symlink(dir.resolve("link"), real);

      assertThat(ListDirectory.list(link)).containsExactly(new Entry("a.txt", Kind.FILE));
    }

    @Test
    void hiddenEntriesOnlyWhenAsked() throws IOException {
      Files.writeString(dir.resolve(".env"), "secret");
      Files.createDirectory(dir.resolve(".git"));
      Files.writeString(dir.resolve("visible"), "v");

      assertThat(ListDirectory.list(dir)).containsExactly(new Entry("visible", Kind.FILE));
      assertThat(ListDirectory.list(dir, false)).containsExactly(new Entry("visible", Kind.FILE));
      assertThat(ListDirectory.list(dir, true))
          .containsExactly(
              new Entry(".env", Kind.FILE),
              new Entry(".git", Kind.DIRECTORY),
              new Entry("visible", Kind.FILE));
    }

    @Test
    void aSocketIsNeitherAFileNorADirectory() throws IOException {
      Path socket = dir.resolve("s.sock");
      try (var server = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
        server.bind(UnixDomainSocketAddress.of(socket));
      } catch (UnsupportedOperationException | IOException e) {
        assumeTrue(false, "no Unix domain sockets here: " + e);
      }

      assertThat(ListDirectory.list(dir)).containsExactly(new Entry("s.sock", Kind.OTHER));
      assertThat(ListDirectory.list(dir).getFirst()).hasToString("s.sock|");
    }

    @Test
    void anEmptyDirectoryHasNoEntries() throws IOException {
      assertThat(ListDirectory.list(dir)).isEmpty();
    }

    @Test
    void namesKeepTheirUnicode() throws IOException {
      Files.writeString(dir.resolve("été.txt"), "x");
      Files.createDirectory(dir.resolve("写真"));

      assertThat(ListDirectory.list(dir).stream().map(Entry::toString))
          .containsExactly("été.txt", "写真/");
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("org.interviewtasks.junior.files.ListDirectoryTest#seeds")
    void agreesWithFilesListSorted(long seed) throws IOException {
      var random = new SplittableRandom(seed);
      Path folder = Files.createDirectory(dir.resolve("s" + seed));
      Set<String> created = new HashSet<>();
      for (int i = random.nextInt(10); i > 0; i--) {
        String name = RandomData.text(random, 5, RandomData.alphabet("aB.é")) + i;
        if (created.add(name)) {
          if (random.nextBoolean()) {
            Files.createDirectory(folder.resolve(name));
          } else {
            Files.writeString(folder.resolve(name), name);
          }
        }
      }
      boolean all = random.nextBoolean();

      List<Entry> entries = ListDirectory.list(folder, all);

      assertThat(entries.stream().map(Entry::name).toList())
          .isEqualTo(
              TestFiles.names(folder).stream().filter(n -> all || !n.startsWith(".")).toList());
      assertThat(entries)
          .allSatisfy(
              e ->
                  assertThat(e.kind())
                      .isEqualTo(
                          Files.isDirectory(folder.resolve(e.name()))
                              ? Kind.DIRECTORY
                              : Kind.FILE));
    }
  }

  @Test
  void eachKindHasItsMark() {
    assertThat(List.of(Kind.values()).stream().map(Kind::mark)).containsExactly("", "/", "@", "|");
  }

  @Nested
  class Errors {

    @Test
    void aMissingDirectoryOrAFileIsNamed() throws IOException {
      Path missing = dir.resolve("missing");
      Path file = Files.writeString(dir.resolve("file.txt"), "f");

      assertThatThrownBy(() -> ListDirectory.list(missing))
          .isInstanceOf(NoSuchFileException.class)
          .hasMessage(missing + ": no such directory");
      assertThatThrownBy(() -> ListDirectory.list(file))
          .isInstanceOf(NotDirectoryException.class)
          .hasMessage(file.toString());
    }

    @Test
    void rejectsNull() {
      assertThatNullPointerException()
          .isThrownBy(() -> ListDirectory.list(null))
          .withMessage("dir");
    }
  }

  @Nested
  class Main {

    @Test
    void printsOneEntryPerLine() throws Exception {
      Files.createDirectory(dir.resolve("docs"));
      Files.writeString(dir.resolve("a.txt"), "a");
      Files.writeString(dir.resolve(".hidden"), "h");

      var printed = StdStreams.capture(() -> ListDirectory.main(dir.toString()));
      var all = StdStreams.capture(() -> ListDirectory.main(dir.toString(), "--all"));

      assertThat(printed.out().lines()).containsExactly("a.txt", "docs/");
      assertThat(all.out().lines()).containsExactly(".hidden", "a.txt", "docs/");
    }

    @Test
    void rejectsBadArguments() {
      String usage = "usage: junior.files.6 <directory> [--all]";
      assertThatIllegalArgumentException().isThrownBy(ListDirectory::main).withMessage(usage);
      assertThatIllegalArgumentException()
          .isThrownBy(() -> ListDirectory.main("d", "-a"))
          .withMessage(usage);
      assertThatIllegalArgumentException()
          .isThrownBy(() -> ListDirectory.main("d", "--all", "x"))
          .withMessage(usage);
    }
  }

  static LongStream seeds() {
    return Seeds.derive(200);
  }
}
