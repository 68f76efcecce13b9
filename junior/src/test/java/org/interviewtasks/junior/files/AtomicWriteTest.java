package org.interviewtasks.junior.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.CopyOption;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicWriteTest {

  @TempDir Path dir;

  @Nested
  class Replacing {

    @Test
    void createsANewFileWithWhatTheBodyWrites() throws IOException {
      Path target = dir.resolve("new.bin");

      String result =
          AtomicWrite.replace(
              target,
              out -> {
                out.write(new byte[] {1, 2, 3});
                out.close(); // a library may close what it was given
                return "done";
              });

      assertThat(result).isEqualTo("done");
      assertThat(Files.readAllBytes(target)).containsExactly(1, 2, 3);
      assertThat(TestFiles.names(dir)).containsExactly("new.bin");
    }

    @Test
    void replacesAnExistingFileWhole() throws IOException {
      Path target = Files.writeString(dir.resolve("a.txt"), "a much longer old content\n");

      AtomicWrite.replaceText(
          target,
          out -> {
            out.write("new ");
            out.write(new char[] {'é', 'x', 'y'}, 0, 2);
            out.write("-abc-", 1, 3);
            out.close();
            return null;
          });

      assertThat(Files.readString(target)).isEqualTo("new éxabc");
      assertThat(TestFiles.names(dir)).containsExactly("a.txt");
    }

    @Test
    void writesUtf8() throws IOException {
      Path target = dir.resolve("utf8.txt");

      AtomicWrite.replaceText(
          target,
          out -> {
            out.write("é😀");
            return null;
          });

      assertThat(Files.readAllBytes(target))
          .isEqualTo("é😀".getBytes(StandardCharsets.UTF_8))
          .hasSize(6);
    }

    @Test
    void keepsThePermissionsOfTheFileItReplaces() throws IOException {
      Path target = Files.writeString(dir.resolve("a.txt"), "old");
      try {
        Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rw-r-----"));
      } catch (UnsupportedOperationException e) {
        assumeTrue(false, "no POSIX permissions here");
      }

      AtomicWrite.replaceText(
          target,
          out -> {
            out.write("new");
            return null;
          });

      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(target)))
          .isEqualTo("rw-r-----");
    }

    @Test
    void aNewFileGetsTheDefaultPermissionsNotThoseOfATemporaryFile() throws IOException {
      Path plain = Files.writeString(dir.resolve("plain.txt"), "x");
      Path target = dir.resolve("new.txt");

      AtomicWrite.replaceText(
          target,
          out -> {
            out.write("x");
            return null;
          });

      try {
        assertThat(Files.getPosixFilePermissions(target))
            .isEqualTo(Files.getPosixFilePermissions(plain));
      } catch (UnsupportedOperationException e) {
        assumeTrue(false, "no POSIX permissions here");
      }
    }

    @Test
    void writesThroughASymbolicLinkAndKeepsTheLink() throws IOException {
      Path real = Files.writeString(dir.resolve("real.txt"), "old");
      Path link = TestFiles.symlink(dir.resolve("link.txt"), real);

      AtomicWrite.replaceText(
          link,
          out -> {
            out.write("new");
            return null;
          });

      assertThat(Files.isSymbolicLink(link)).isTrue();
      assertThat(Files.readString(real)).isEqualTo("new");
      assertThat(TestFiles.names(dir)).containsExactly("link.txt", "real.txt");
    }

    @Test
    void fallsBackToAPlainMoveWhereAtomicMovesAreRefused() throws IOException {
      Path target = Files.writeString(dir.resolve("a.txt"), "old");
      List<List<CopyOption>> moves = new ArrayList<>();
      FileMove noAtomicMoves =
          (source, destination, options) -> {
            moves.add(List.of(options));
            if (List.of(options).contains(StandardCopyOption.ATOMIC_MOVE)) {
              throw new AtomicMoveNotSupportedException(source.toString(), null, "refused");
            }
            Files.move(source, destination, options);
          };

      AtomicWrite.replace(
          target,
          out -> {
            out.write('n');
            return null;
          },
          noAtomicMoves);

      assertThat(Files.readString(target)).isEqualTo("n");
      assertThat(moves)
          .containsExactly(
              List.of(StandardCopyOption.ATOMIC_MOVE),
              List.of(StandardCopyOption.REPLACE_EXISTING));
      assertThat(TestFiles.names(dir)).containsExactly("a.txt");
    }
  }

  @Nested
  class Failing {

    @Test
    void aBodyThatThrowsMidwayLeavesTheOriginalIntactAndNoTemporaryFile() throws IOException {
      byte[] original = "line 1\r\nline 2\n".getBytes(StandardCharsets.UTF_8);
      Path target = Files.write(dir.resolve("a.txt"), original);

      assertThatThrownBy(
              () ->
                  AtomicWrite.replaceText(
                      target,
                      out -> {
                        out.write("half of the new content".repeat(1000));
                        out.flush();
                        throw new IOException("disk on fire");
                      }))
          .hasMessage("disk on fire");

      assertThat(Files.readAllBytes(target)).isEqualTo(original);
      assertThat(TestFiles.names(dir)).containsExactly("a.txt");
    }

    @Test
    void uncheckedExceptionsAndErrorsCleanUpToo() throws IOException {
      Path target = Files.writeString(dir.resolve("a.txt"), "old");

      assertThatThrownBy(
              () ->
                  AtomicWrite.replace(
                      target,
                      out -> {
                        out.write(1);
                        throw new UncheckedIOException(new IOException("unchecked"));
                      }))
          .isInstanceOf(UncheckedIOException.class);
      assertThatThrownBy(
              () ->
                  AtomicWrite.replace(
                      target,
                      out -> {
                        throw new StackOverflowError("error");
                      }))
          .isInstanceOf(StackOverflowError.class);

      assertThat(Files.readString(target)).isEqualTo("old");
      assertThat(TestFiles.names(dir)).containsExactly("a.txt");
    }

    @Test
    void aFailedMoveLeavesTheOriginalAndNoTemporaryFile() throws IOException {
      Path target = Files.writeString(dir.resolve("a.txt"), "old");
      FileMove failing =
          (source, destination, options) -> {
            throw new FileSystemException(source.toString(), null, "cannot move");
          };

      assertThatThrownBy(
              () ->
                  AtomicWrite.replace(
                      target,
                      out -> {
                        out.write('n');
                        return null;
                      },
                      failing))
          .hasMessageEndingWith(": cannot move");

      assertThat(Files.readString(target)).isEqualTo("old");
      assertThat(TestFiles.names(dir)).containsExactly("a.txt");
    }

    @Test
    void anUnpairedSurrogateIsNamedAndLeavesTheOriginal() throws IOException {
      Path target = Files.writeString(dir.resolve("a.txt"), "old");

      assertThatThrownBy(
              () ->
                  AtomicWrite.replaceText(
                      target,
                      out -> {
                        out.write("ok \uD800 broken");
                        return null;
                      }))
          .isExactlyInstanceOf(IOException.class)
          .hasMessage(target + ": the text has an unpaired surrogate, which UTF-8 cannot encode")
          .hasCauseInstanceOf(MalformedInputException.class);

      assertThat(Files.readString(target)).isEqualTo("old");
      assertThat(TestFiles.names(dir)).containsExactly("a.txt");
    }

    @Test
    void aMissingFolderOrADirectoryTargetFailsBeforeTheBodyRuns() {
      Path orphan = dir.resolve("missing/a.txt");
      List<String> ran = new ArrayList<>();

      assertThatThrownBy(
              () ->
                  AtomicWrite.replace(
                      orphan,
                      out -> {
                        ran.add("body");
                        return null;
                      }))
          .isInstanceOf(NoSuchFileException.class)
          .hasMessage(orphan + ": folder " + orphan.getParent() + " does not exist");
      assertThatThrownBy(
              () ->
                  AtomicWrite.replace(
                      dir,
                      out -> {
                        ran.add("body");
                        return null;
                      }))
          .isInstanceOf(FileSystemException.class)
          .hasMessage(dir + ": is a directory, not a file");

      assertThat(ran).isEmpty();
    }

    @Test
    void aReadOnlyFolderIsRefusedAndItsFileKept() throws IOException {
      Path folder = Files.createDirectory(dir.resolve("read-only"));
      Path target = Files.writeString(folder.resolve("a.txt"), "old");
      TestFiles.assumePermissionsEnforced(folder, "r-x------");
      try {
        assertThatThrownBy(
                () ->
                    AtomicWrite.replaceText(
                        target,
                        out -> {
                          out.write("new");
                          return null;
                        }))
            .isInstanceOf(AccessDeniedException.class);

        assertThat(Files.readString(target)).isEqualTo("old");
        assertThat(TestFiles.names(folder)).containsExactly("a.txt");
      } finally {
        Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwx------"));
      }
    }
  }
}
