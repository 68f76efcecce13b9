package org.interviewtasks.junior.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.interviewtasks.common.testing.Seeds;
import org.interviewtasks.common.testing.StdStreams;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class FileCopyTest {

  @TempDir Path dir;

  @Nested
  class Copying {

    @Test
    void copiesEveryByteValueExactly() throws IOException {
      byte[] all = new byte[256];
      for (int i = 0; i < all.length; i++) {
        all[i] = (byte) i;
      }
      Path source = Files.write(dir.resolve("all.bin"), all);
      Path target = dir.resolve("copy.bin");

      assertThat(FileCopy.copy(source, target)).isEqualTo(256);

      assertThat(Files.readAllBytes(target)).isEqualTo(all);
      assertThat(Files.readAllBytes(source)).isEqualTo(all);
    }

    @Test
    void copiesAnEmptyFile() throws IOException {
      Path source = Files.createFile(dir.resolve("empty"));
      Path target = dir.resolve("copy");

      assertThat(FileCopy.copy(source, target)).isZero();

      assertThat(target).isRegularFile().isEmptyFile();
    }

    @Test
    void replacesAnExistingTarget() throws IOException {
      Path source = Files.writeString(dir.resolve("new.txt"), "new");
      Path target = Files.writeString(dir.resolve("old.txt"), "a longer old content");

      FileCopy.copy(source, target);

      assertThat(Files.readString(target)).isEqualTo("new");
      assertThat(TestFiles.names(dir)).containsExactly("new.txt", "old.txt");
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("org.interviewtasks.junior.files.FileCopyTest#seeds")
    void copiesRandomContentOfAnySize(long seed) throws IOException {
      var random = new SplittableRandom(seed);
      byte[] content = new byte[random.nextInt(3 * 8192)];
      random.nextBytes(content);
      Path source = Files.write(dir.resolve("source-" + seed), content);
      Path target = dir.resolve("target-" + seed);

      assertThat(FileCopy.copy(source, target)).isEqualTo(content.length);

      assertThat(Files.readAllBytes(target)).isEqualTo(content);
    }
  }

  @Nested
  class Errors {

    @Test
    void aMissingSourceIsNamedAndTheTargetKept() throws IOException {
      Path missing = dir.resolve("missing.txt");
      Path target = Files.writeString(dir.resolve("target.txt"), "kept");

      assertThatThrownBy(() -> FileCopy.copy(missing, target))
          .isInstanceOf(NoSuchFileException.class)
          .hasMessage(missing + ": no such file");

      assertThat(Files.readString(target)).isEqualTo("kept");
      assertThat(TestFiles.names(dir)).containsExactly("target.txt");
    }

    @Test
    void directoriesAreNotFiles() throws IOException {
      Path file = Files.writeString(dir.resolve("a.txt"), "x");
      Path sub = Files.createDirectory(dir.resolve("sub"));

      assertThatThrownBy(() -> FileCopy.copy(sub, dir.resolve("b.txt")))
          .isInstanceOf(FileSystemException.class)
          .hasMessage(sub + ": is a directory, not a file");
      assertThatThrownBy(() -> FileCopy.copy(file, sub))
          .isInstanceOf(FileSystemException.class)
          .hasMessage(sub + ": is a directory, not a file");
    }

    @Test
    void aMissingTargetFolderIsNamed() throws IOException {
      Path source = Files.writeString(dir.resolve("a.txt"), "x");
      Path target = dir.resolve("nowhere/b.txt");

      assertThatThrownBy(() -> FileCopy.copy(source, target))
          .isInstanceOf(NoSuchFileException.class)
          .hasMessage(target + ": folder " + target.getParent() + " does not exist");
    }

    @Test
    void copyingAFileOntoItselfIsRefusedWhateverThePath() throws IOException {
      Path file = Files.writeString(dir.resolve("a.txt"), "precious");
      Path sameViaDots = dir.resolve("sub/../a.txt");
      Files.createDirectory(dir.resolve("sub"));
      Path link = TestFiles.symlink(dir.resolve("link.txt"), file);

      assertThatIllegalArgumentException()
          .isThrownBy(() -> FileCopy.copy(file, file))
          .withMessage(file + " and " + file + " are the same file");
      assertThatIllegalArgumentException()
          .isThrownBy(() -> FileCopy.copy(file, sameViaDots))
          .withMessage(file + " and " + sameViaDots + " are the same file");
      assertThatIllegalArgumentException()
          .isThrownBy(() -> FileCopy.copy(link, file))
          .withMessage(link + " and " + file + " are the same file");

      assertThat(Files.readString(file)).isEqualTo("precious");
    }

    @Test
    void rejectsNulls() {
      assertThatNullPointerException()
          .isThrownBy(() -> FileCopy.copy(null, dir.resolve("b")))
          .withMessage("source");
      assertThatNullPointerException()
          .isThrownBy(() -> FileCopy.copy(Files.writeString(dir.resolve("a"), "x"), null))
          .withMessage("target");
    }
  }

  @Nested
  class Main {

    @Test
    void copiesAndSaysHowMuch() throws Exception {
      Path source = Files.writeString(dir.resolve("a.txt"), "héllo");
      Path target = dir.resolve("b.txt");

      var printed = StdStreams.capture(() -> FileCopy.main(source.toString(), target.toString()));

      assertThat(printed.out()).isEqualTo("6 bytes copied to " + target + System.lineSeparator());
      assertThat(Files.readString(target)).isEqualTo("héllo");
    }

    @Test
    void needsTwoArguments() {
      assertThatIllegalArgumentException()
          .isThrownBy(() -> FileCopy.main("only-one"))
          .withMessage("usage: junior.files.1 <source> <target>");
      assertThatIllegalArgumentException()
          .isThrownBy(() -> FileCopy.main("a", "b", "c"))
          .withMessage("usage: junior.files.1 <source> <target>");
    }
  }

  static LongStream seeds() {
    return Seeds.derive(200);
  }
}
