package org.interviewtasks.junior.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.interviewtasks.common.testing.RandomData;
import org.interviewtasks.common.testing.Seeds;
import org.interviewtasks.common.testing.StdStreams;
import org.interviewtasks.junior.files.RenameFiles.Rename;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class RenameFilesTest {

  @TempDir Path dir;

  @ParameterizedTest(name = "{0} + {1} -> {2}")
  @CsvSource({
    "report.txt, _v2, report_v2.txt",
    "archive.tar.gz, _v2, archive.tar_v2.gz",
    "README, _v2, README_v2",
    "a., -x, a-x.",
    ".bashrc, _v2, .bashrc_v2",
    "..x, 1, .1.x",
    "photo.JPG, ' (copy)', photo (copy).JPG",
    "été.md, _ü, été_ü.md"
  })
  void insertsTheSuffixBeforeTheLastDot(String name, String suffix, String expected) {
    assertThat(RenameFiles.newName(name, suffix)).isEqualTo(expected);
  }

  @Nested
  class Renaming {

    @Test
    void renamesEveryRegularFileAndKeepsItsContent() throws IOException {
      Files.writeString(dir.resolve("report.txt"), "r");
      Files.writeString(dir.resolve("archive.tar.gz"), "a");
      Files.writeString(dir.resolve("README"), "m");

      List<Rename> renames = RenameFiles.addSuffix(dir, "_v2");

      assertThat(renames)
          .containsExactly(
              new Rename(dir.resolve("README"), dir.resolve("README_v2")),
              new Rename(dir.resolve("archive.tar.gz"), dir.resolve("archive.tar_v2.gz")),
              new Rename(dir.resolve("report.txt"), dir.resolve("report_v2.txt")));
      assertThat(TestFiles.names(dir))
          .containsExactly("README_v2", "archive.tar_v2.gz", "report_v2.txt");
      assertThat(Files.readString(dir.resolve("report_v2.txt"))).isEqualTo("r");
      assertThat(Files.readString(dir.resolve("README_v2"))).isEqualTo("m");
    }

    @Test
    void leavesDirectoriesLinksAndHiddenFilesAlone() throws IOException {
      Path outside = Files.createDirectory(dir.resolve("outside"));
      Path inside = Files.createDirectory(dir.resolve("inside"));
      Path outsideFile = Files.writeString(outside.resolve("secret.txt"), "s");
      Files.writeString(inside.resolve("note.txt"), "n");
      Files.createDirectory(inside.resolve("sub.d"));
      Files.writeString(inside.resolve(".hidden.txt"), "h");
      TestFiles.symlink(inside.resolve("escape.txt"), outsideFile);
      TestFiles.symlink(inside.resolve("up"), outside);

      List<Rename> renames = RenameFiles.addSuffix(inside, "_v2");

      assertThat(renames)
          .containsExactly(new Rename(inside.resolve("note.txt"), inside.resolve("note_v2.txt")));
      assertThat(TestFiles.names(inside))
          .containsExactly(".hidden.txt", "escape.txt", "note_v2.txt", "sub.d", "up");
      assertThat(TestFiles.names(outside)).containsExactly("secret.txt");
    }

    @Test
    void anEmptyDirectoryHasNothingToRename() throws IOException {
      assertThat(RenameFiles.addSuffix(dir, "_v2")).isEmpty();
    }

    @Test
    void renamesAFileWhoseNewNameIsFreeEvenIfItLooksRenamedAlready() throws IOException {
      Files.writeString(dir.resolve("a_v2.txt"), "x");

      RenameFiles.addSuffix(dir, "_v2");

      assertThat(TestFiles.names(dir)).containsExactly("a_v2_v2.txt");
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("org.interviewtasks.junior.files.RenameFilesTest#seeds")
    void renamesAllOrNothingAndNeverLosesAFile(long seed) throws IOException {
      var random = new SplittableRandom(seed);
      Path folder = Files.createDirectory(dir.resolve("s" + seed));
      int[] alphabet = RandomData.alphabet("ab._");
      Set<String> names = new HashSet<>();
      for (int i = random.nextInt(8); i > 0; i--) {
        String name = "f" + RandomData.text(random, 4, alphabet);
        if (names.add(name)) {
          Files.writeString(folder.resolve(name), name);
        }
      }
      String suffix = random.nextBoolean() ? "_b" : ".b";
      Set<String> expected = new HashSet<>();
      names.forEach(name -> expected.add(RenameFiles.newName(name, suffix)));
      boolean clash =
          names.stream().anyMatch(name -> names.contains(RenameFiles.newName(name, suffix)));

      if (clash) {
        assertThatThrownBy(() -> RenameFiles.addSuffix(folder, suffix))
            .isInstanceOf(FileAlreadyExistsException.class);
        assertThat(TestFiles.names(folder)).containsExactlyInAnyOrderElementsOf(names);
      } else {
        assertThat(RenameFiles.addSuffix(folder, suffix)).hasSize(names.size());
        assertThat(TestFiles.names(folder)).containsExactlyInAnyOrderElementsOf(expected);
        for (String name : names) {
          assertThat(Files.readString(folder.resolve(RenameFiles.newName(name, suffix))))
              .isEqualTo(name);
        }
      }
    }
  }

  @Nested
  class Refusing {

    @Test
    void aTakenNameStopsEverythingBeforeAnyRename() throws IOException {
      Files.writeString(dir.resolve("a.txt"), "a");
      Files.writeString(dir.resolve("b.txt"), "b");
      Files.writeString(dir.resolve(".b_v2.txt"), "hidden, but its name would not be taken");
      Files.createDirectory(dir.resolve("b_v2.txt"));

      assertThatThrownBy(() -> RenameFiles.addSuffix(dir, "_v2"))
          .isInstanceOf(FileAlreadyExistsException.class)
          .hasMessage(
              dir.resolve("b.txt")
                  + " -> "
                  + dir.resolve("b_v2.txt")
                  + ": the new name is taken; nothing was renamed");

      assertThat(TestFiles.names(dir)).containsExactly(".b_v2.txt", "a.txt", "b.txt", "b_v2.txt");
    }

    @ParameterizedTest(name = "suffix \"{0}\"")
    @ValueSource(strings = {"/x", "../x", "a/b", "/tmp/evil", "..\\x", "\\"})
    void aSuffixWithASeparatorCouldLeaveTheFolder(String suffix) throws IOException {
      Files.writeString(dir.resolve("a.txt"), "a");

      assertThatIllegalArgumentException()
          .isThrownBy(() -> RenameFiles.addSuffix(dir, suffix))
          .withMessage("suffix must not contain a path separator: '" + suffix + "'");

      assertThat(TestFiles.names(dir)).containsExactly("a.txt");
    }

    @ParameterizedTest(name = "suffix with U+{0}")
    @ValueSource(ints = {0x0, 0xA, 0xD, 0x1F, 0x7F, 0x85})
    void aSuffixWithAControlCharacterIsRefused(int control) throws IOException {
      Files.writeString(dir.resolve("a.txt"), "a");

      assertThatIllegalArgumentException()
          .isThrownBy(() -> RenameFiles.addSuffix(dir, "_" + (char) control))
          .withMessage("suffix must not contain a control character");

      assertThat(TestFiles.names(dir)).containsExactly("a.txt");
    }

    @Test
    void anEmptySuffixWouldRenameNothing() {
      assertThatIllegalArgumentException()
          .isThrownBy(() -> RenameFiles.addSuffix(dir, ""))
          .withMessage("suffix is empty");
    }

    @Test
    void theDirectoryMustExistAndBeOne() throws IOException {
      Path missing = dir.resolve("missing");
      Path file = Files.writeString(dir.resolve("f.txt"), "f");

      assertThatThrownBy(() -> RenameFiles.addSuffix(missing, "_v2"))
          .isInstanceOf(NoSuchFileException.class)
          .hasMessage(missing + ": no such directory");
      assertThatThrownBy(() -> RenameFiles.addSuffix(file, "_v2"))
          .isInstanceOf(NotDirectoryException.class)
          .hasMessage(file.toString());
    }

    @Test
    void rejectsNulls() {
      assertThatNullPointerException()
          .isThrownBy(() -> RenameFiles.addSuffix(null, "_v2"))
          .withMessage("dir");
      assertThatNullPointerException()
          .isThrownBy(() -> RenameFiles.addSuffix(dir, null))
          .withMessage("suffix");
      assertThatNullPointerException()
          .isThrownBy(() -> RenameFiles.newName(null, "x"))
          .withMessage("name");
      assertThatNullPointerException()
          .isThrownBy(() -> RenameFiles.newName("x", null))
          .withMessage("suffix");
    }
  }

  @Nested
  class FailingHalfway {

    @Test
    void theRenamesDoneAreUndone() throws IOException {
      for (String name : List.of("a.txt", "b.txt", "c.txt")) {
        Files.writeString(dir.resolve(name), name);
      }
      List<String> moves = new ArrayList<>();
      FileMove failOnB =
          (source, target, options) -> {
            moves.add(source.getFileName() + ">" + target.getFileName());
            if (source.getFileName().toString().equals("b.txt")) {
              throw new FileSystemException(source.toString(), null, "disk gone");
            }
            Files.move(source, target, options);
          };

      assertThatThrownBy(() -> RenameFiles.addSuffix(dir, "_v2", failOnB))
          .isInstanceOf(FileSystemException.class)
          .hasMessage(dir.resolve("b.txt") + ": disk gone")
          .satisfies(e -> assertThat(e.getSuppressed()).isEmpty());

      assertThat(moves).containsExactly("a.txt>a_v2.txt", "b.txt>b_v2.txt", "a_v2.txt>a.txt");
      assertThat(TestFiles.names(dir)).containsExactly("a.txt", "b.txt", "c.txt");
      assertThat(Files.readString(dir.resolve("a.txt"))).isEqualTo("a.txt");
    }

    @Test
    void anUndoThatFailsTooIsReportedWithTheFirstFailure() throws IOException {
      for (String name : List.of("a.txt", "b.txt", "c.txt")) {
        Files.writeString(dir.resolve(name), name);
      }
      FileMove onlyFirstWorks =
          (source, target, options) -> {
            if (!source.getFileName().toString().equals("a.txt")) {
              throw new FileSystemException(source.toString(), null, "no");
            }
            Files.move(source, target, options);
          };

      assertThatThrownBy(() -> RenameFiles.addSuffix(dir, "_v2", onlyFirstWorks))
          .hasMessage(dir.resolve("b.txt") + ": no")
          .satisfies(
              e ->
                  assertThat(e.getSuppressed())
                      .singleElement()
                      .hasFieldOrPropertyWithValue("message", dir.resolve("a_v2.txt") + ": no"));

      assertThat(TestFiles.names(dir)).containsExactly("a_v2.txt", "b.txt", "c.txt");
    }
  }

  @Nested
  class Main {

    @Test
    void printsEachRename() throws Exception {
      Files.writeString(dir.resolve("b.txt"), "b");
      Files.writeString(dir.resolve("a.txt"), "a");

      var printed = StdStreams.capture(() -> RenameFiles.main(dir.toString(), "_v2"));

      String n = System.lineSeparator();
      assertThat(printed.out()).isEqualTo("a.txt -> a_v2.txt" + n + "b.txt -> b_v2.txt" + n);
    }

    @Test
    void needsTwoArguments() {
      assertThatIllegalArgumentException()
          .isThrownBy(() -> RenameFiles.main(dir.toString()))
          .withMessage("usage: junior.files.3 <directory> <suffix>");
      assertThatIllegalArgumentException()
          .isThrownBy(() -> RenameFiles.main("a", "b", "c"))
          .withMessage("usage: junior.files.3 <directory> <suffix>");
    }
  }

  static LongStream seeds() {
    return Seeds.derive(200);
  }
}
