package org.interviewtasks.mid.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import org.interviewtasks.common.testing.StdStreams;
import org.interviewtasks.mid.files.FileLister.FileInfo;
import org.interviewtasks.mid.files.FileLister.Listing;
import org.interviewtasks.mid.files.FileLister.Options;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FileListerTest {

  @TempDir Path root;

  @BeforeEach
  void tree() throws IOException {
    Files.createDirectories(root.resolve("src/pkg/deep"));
    Files.createDirectories(root.resolve("docs"));
    Files.createDirectories(root.resolve(".git"));
    Files.write(root.resolve("main.py"), new byte[10]);
    Files.write(root.resolve("README.md"), new byte[2048]);
    Files.write(root.resolve("src/app.PY"), new byte[3]);
    Files.write(root.resolve("src/pkg/util.py"), new byte[1500]);
    Files.write(root.resolve("src/pkg/deep/x.py"), new byte[0]);
    Files.write(root.resolve("src/pkg/notes.txt"), new byte[7]);
    Files.write(root.resolve("docs/guide.md"), new byte[5]);
    Files.write(root.resolve(".git/config"), new byte[1]);
    Files.write(root.resolve(".hidden.py"), new byte[4]);
    Files.write(root.resolve("src/pkg/.py"), new byte[9]);
  }

  @Nested
  class Walking {

    @Test
    void listsEveryVisibleFileInSortedDepthFirstOrder() throws IOException {
      Listing listing = FileLister.list(root, Options.ALL);

      assertThat(listing.files())
          .containsExactly(
              new FileInfo("README.md", 2048),
              new FileInfo("docs/guide.md", 5),
              new FileInfo("main.py", 10),
              new FileInfo("src/app.PY", 3),
              new FileInfo("src/pkg/deep/x.py", 0),
              new FileInfo("src/pkg/notes.txt", 7),
              new FileInfo("src/pkg/util.py", 1500));
      assertThat(listing.totalSize()).isEqualTo(2048 + 5 + 10 + 3 + 0 + 7 + 1500);
      assertThat(listing.skipped()).isEmpty();
    }

    @Test
    void filtersByExtensionCaseInsensitivelyWithOrWithoutTheDot() throws IOException {
      assertThat(FileLister.list(root, Options.extensions(".py")).files())
          .extracting(FileInfo::path)
          .containsExactly("main.py", "src/app.PY", "src/pkg/deep/x.py", "src/pkg/util.py");
      assertThat(FileLister.list(root, Options.extensions("md", "TXT")).files())
          .extracting(FileInfo::path)
          .containsExactly("README.md", "docs/guide.md", "src/pkg/notes.txt");
    }

    @Test
    void includesHiddenEntriesOnRequestButADotFileHasNoExtension() throws IOException {
      var options = new Options(Integer.MAX_VALUE, Set.of("py"), null, true, false);

      assertThat(FileLister.list(root, options).files())
          .extracting(FileInfo::path)
          .containsExactly(
              ".hidden.py", "main.py", "src/app.PY", "src/pkg/deep/x.py", "src/pkg/util.py");
      var everything = new Options(Integer.MAX_VALUE, Set.of(), null, true, false);
      assertThat(FileLister.list(root, everything).files())
          .extracting(FileInfo::path)
          .contains(".git/config", "src/pkg/.py");
    }

    @ParameterizedTest(name = "depth {0}")
    @CsvSource({"0, 2", "1, 4", "2, 6", "3, 7", "100, 7"})
    void limitsTheDepth(int depth, int files) throws IOException {
      var options = new Options(depth, Set.of(), null, false, false);

      assertThat(FileLister.list(root, options).files()).hasSize(files);
    }

    @Test
    void filtersByGlobOnTheRelativePath() throws IOException {
      var options = new Options(Integer.MAX_VALUE, Set.of("py"), "src/**", false, false);

      assertThat(FileLister.list(root, options).files())
          .extracting(FileInfo::path)
          .containsExactly("src/app.PY", "src/pkg/deep/x.py", "src/pkg/util.py");
      var topLevel = new Options(Integer.MAX_VALUE, Set.of(), "*.{md,py}", false, false);
      assertThat(FileLister.list(root, topLevel).files())
          .extracting(FileInfo::path)
          .containsExactly("README.md", "main.py");
    }

    @Test
    void listsAnEmptyDirectory() throws IOException {
      Path empty = Files.createDirectory(root.resolve("empty"));

      assertThat(FileLister.list(empty, Options.ALL))
          .isEqualTo(new Listing(java.util.List.of(), 0, java.util.List.of()));
    }
  }

  @Nested
  class Links {

    @Test
    void doesNotFollowLinksByDefault() throws IOException {
      Files.createSymbolicLink(root.resolve("src/pkg/loop"), root.resolve("src"));
      Files.createSymbolicLink(root.resolve("link.py"), root.resolve("main.py"));

      assertThat(FileLister.list(root, Options.extensions("py")).files())
          .extracting(FileInfo::path)
          .doesNotContain("link.py")
          .hasSize(4);
    }

    @Test
    void followsLinksOnRequestAndReportsLoopsAndBrokenLinks() throws IOException {
      Files.createSymbolicLink(root.resolve("src/pkg/loop"), root.resolve("src"));
      Files.createSymbolicLink(root.resolve("link.py"), root.resolve("main.py"));
      Files.createSymbolicLink(root.resolve("docs/alias"), root.resolve("src/pkg/deep"));
      Files.createSymbolicLink(root.resolve("broken.py"), root.resolve("nowhere"));
      var options = new Options(Integer.MAX_VALUE, Set.of("py"), null, false, true);

      Listing listing = FileLister.list(root, options);

      assertThat(listing.files())
          .extracting(FileInfo::path)
          .containsExactly(
              "docs/alias/x.py",
              "link.py",
              "main.py",
              "src/app.PY",
              "src/pkg/deep/x.py",
              "src/pkg/util.py");
      assertThat(listing.files())
          .filteredOn(f -> f.path().equals("link.py"))
          .extracting(FileInfo::size)
          .containsExactly(10L);
      assertThat(listing.skipped())
          .containsExactly("broken.py: broken link", "src/pkg/loop: link loop back to ./src");
    }

    @Test
    void reportsAnUnreadableDirectoryAndGoesOn() throws IOException {
      Path locked = Files.createDirectory(root.resolve("locked"));
      Files.write(locked.resolve("secret.py"), new byte[1]);
      Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("---------"));
      try {
        if (Files.isReadable(locked)) {
          return; // running as root: permissions do not apply, nothing to test
        }
        Listing listing = FileLister.list(root, Options.extensions("py"));
        assertThat(listing.skipped())
            .containsExactly("locked: cannot be read (AccessDeniedException)");
        assertThat(listing.files()).hasSize(4);
      } finally {
        Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("rwx------"));
      }
    }
  }

  @Nested
  class Sizes {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
      "0, 0 B",
      "1023, 1023 B",
      "1024, 1.0 KiB",
      "1536, 1.5 KiB",
      "1048575, 1024.0 KiB",
      "1048576, 1.0 MiB",
      "5368709120, 5.0 GiB",
      "1099511627776, 1.0 TiB",
      "1125899906842624, 1.0 PiB",
      "9223372036854775807, 8.0 EiB"
    })
    void formatsInBinaryUnits(long bytes, String text) {
      assertThat(FileLister.humanSize(bytes)).isEqualTo(text);
    }

    @Test
    void rejectsNegativeSizes() {
      assertThatIllegalArgumentException()
          .isThrownBy(() -> FileLister.humanSize(-1))
          .withMessage("size must not be negative: -1");
    }
  }

  @Nested
  class Validation {

    @Test
    void rejectsBadOptionsAndRoots() throws IOException {
      assertThatIllegalArgumentException()
          .isThrownBy(() -> new Options(-1, Set.of(), null, false, false))
          .withMessage("maxDepth must not be negative: -1");
      assertThatIllegalArgumentException()
          .isThrownBy(() -> Options.extensions("."))
          .withMessage("blank extension: '.'");
      assertThatThrownBy(() -> FileLister.list(root.resolve("none"), Options.ALL))
          .isInstanceOf(NoSuchFileException.class);
      assertThatThrownBy(() -> FileLister.list(root.resolve("main.py"), Options.ALL))
          .isInstanceOf(NotDirectoryException.class);
      assertThatNullPointerException()
          .isThrownBy(() -> FileLister.list(null, Options.ALL))
          .withMessage("root");
      assertThatNullPointerException()
          .isThrownBy(() -> FileLister.list(root, null))
          .withMessage("options");
    }
  }

  @Nested
  class Main {

    @Test
    void printsSizesPathsAndTheTotal() throws Exception {
      var printed =
          StdStreams.capture(() -> FileLister.main(root.toString(), "py", "--depth", "1"));

      String n = System.lineSeparator();
      assertThat(printed.out())
          .isEqualTo(
              "      10 B  main.py"
                  + n
                  + "       3 B  src/app.PY"
                  + n
                  + "      13 B  total in 2 files"
                  + n);
    }

    @Test
    void acceptsEveryOption() throws Exception {
      var printed =
          StdStreams.capture(
              () -> FileLister.main(root.toString(), "--glob", "docs/**", "--all", "--follow"));

      assertThat(printed.out().lines())
          .containsExactly("       5 B  docs/guide.md", "       5 B  total in 1 files");
    }

    @Test
    void rejectsBadUsage() {
      String usage = "usage: mid.files.5 <dir> [ext...] [--depth N] [--glob G] [--all] [--follow]";
      assertThatIllegalArgumentException().isThrownBy(FileLister::main).withMessage(usage);
      assertThatIllegalArgumentException()
          .isThrownBy(() -> FileLister.main(root.toString(), "--depth"))
          .withMessage(usage);
      assertThatIllegalArgumentException()
          .isThrownBy(() -> FileLister.main(root.toString(), "--size"))
          .withMessage(usage);
    }
  }
}
