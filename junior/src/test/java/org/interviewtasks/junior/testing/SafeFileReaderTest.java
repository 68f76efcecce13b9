package org.interviewtasks.junior.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.interviewtasks.common.testing.RandomData;
import org.interviewtasks.common.testing.Seeds;
import org.interviewtasks.common.testing.StdStreams;
import org.interviewtasks.junior.testing.SafeFileReader.MalformedFileException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

@DisplayName("SafeFileReader")
class SafeFileReaderTest {

  @TempDir Path dir;

  private Path write(String name, byte[] bytes) throws IOException {
    return Files.write(dir.resolve(name), bytes);
  }

  private Path write(String name, String text) throws IOException {
    return write(name, text.getBytes(StandardCharsets.UTF_8));
  }

  @Nested
  @DisplayName("reads")
  class Reading {

    @ParameterizedTest(name = "{0}")
    @CsvSource(
        delimiter = '|',
        value = {
          "one line without terminator | 1",
          "'a\nb\n'                    | 2",
          "'a\r\nb\r\nc'               | 3",
          "'a\rb'                      | 2",
          "'\n\n'                      | 2",
          "''                          | 0"
        })
    void linesWithAnyTerminator(String text, int count) throws IOException {
      Path file = write("text.txt", text);

      assertThat(SafeFileReader.readLines(file)).hasSize(count).isEqualTo(text.lines().toList());
    }

    @Test
    void unicodeTextAsUtf8() throws IOException {
      Path file = write("unicode.txt", "crème brûlée\n日本語\n😀👍\nЖ\u0301\n");

      assertThat(SafeFileReader.readLines(file))
          .containsExactly("crème brûlée", "日本語", "😀👍", "Ж\u0301");
    }

    @Test
    void dropsAByteOrderMarkAtTheStartOnly() throws IOException {
      Path file = write("bom.txt", "\uFEFFfirst\n\uFEFFsecond");

      assertThat(SafeFileReader.readLines(file)).containsExactly("first", "\uFEFFsecond");
      assertThat(SafeFileReader.readLines(write("only-bom.txt", "\uFEFF"))).isEmpty();
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("org.interviewtasks.junior.testing.SafeFileReaderTest#seeds")
    void whatWasWritten(long seed) throws IOException {
      var random = new SplittableRandom(seed);
      List<String> lines = new ArrayList<>();
      for (int i = random.nextInt(20); i > 0; i--) {
        lines.add(RandomData.text(random, 30).replaceAll("[\r\n\uFEFF]", ""));
      }
      Path file = Files.write(dir.resolve("random.txt"), lines, StandardCharsets.UTF_8);

      assertThat(SafeFileReader.readLines(file)).isEqualTo(lines);
    }
  }

  @Nested
  @DisplayName("throws a precise exception")
  class Failures {

    @Test
    void forAMissingFile() {
      Path missing = dir.resolve("missing.txt");

      assertThatExceptionOfType(NoSuchFileException.class)
          .isThrownBy(() -> SafeFileReader.readLines(missing))
          .satisfies(e -> assertThat(e.getFile()).isEqualTo(missing.toString()));
    }

    @Test
    void forADirectory() {
      assertThatExceptionOfType(FileSystemException.class)
          .isThrownBy(() -> SafeFileReader.readLines(dir))
          .withMessage(dir + ": is a directory, not a file")
          .satisfies(e -> assertThat(e.getReason()).isEqualTo("is a directory, not a file"));
    }

    @Test
    @DisplayName("for a file it may not read (skipped when running as root, who may read anything)")
    void forAnUnreadableFile() throws IOException {
      Path file = write("secret.txt", "hidden");
      assumeTrue(
          Files.getFileStore(file).supportsFileAttributeView("posix"), "needs POSIX permissions");
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("---------"));
      assumeFalse(Files.isReadable(file), "the user can read the file anyway (root)");

      assertThatThrownBy(() -> SafeFileReader.readLines(file))
          .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    @DisplayName("for bytes that are not UTF-8, naming file, line and offset")
    void forMalformedInput() throws IOException {
      Path file = write("latin1.txt", "first\ncafé\n".getBytes(StandardCharsets.ISO_8859_1));

      assertThatExceptionOfType(MalformedFileException.class)
          .isThrownBy(() -> SafeFileReader.readLines(file))
          .withMessage(file + ": not valid UTF-8: malformed byte at line 2, byte offset 9")
          .withCauseInstanceOf(MalformedInputException.class)
          .satisfies(
              e -> {
                assertThat(e.getFile()).isEqualTo(file.toString());
                assertThat(e.line()).isEqualTo(2);
                assertThat(e.byteOffset()).isEqualTo(9);
                assertThat(((MalformedInputException) e.getCause()).getInputLength()).isEqualTo(1);
              });
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
      "a lone continuation byte at the start, 80, 1, 0",
      "a truncated sequence at the end, 41 0a 42 e2 82, 2, 3",
      "an overlong encoding of '/', 41 c0 af, 1, 1",
      "an encoded surrogate, 0a 0a ed a0 80, 3, 2",
      "a byte that never occurs, 41 0a ff, 2, 2"
    })
    void forEveryKindOfMalformedUtf8(String kind, String hex, int line, long offset)
        throws IOException {
      Path file = write("bad.bin", HexFormat.ofDelimiter(" ").parseHex(hex));

      assertThatExceptionOfType(MalformedFileException.class)
          .isThrownBy(() -> SafeFileReader.readLines(file))
          .satisfies(
              e -> {
                assertThat(e.line()).isEqualTo(line);
                assertThat(e.byteOffset()).isEqualTo(offset);
              });
    }

    @Test
    void forNull() {
      assertThatNullPointerException()
          .isThrownBy(() -> SafeFileReader.readLines(null))
          .withMessage("file");
    }
  }

  @Nested
  @DisplayName("report() handles each failure")
  class Reporting {

    @Test
    void countsTheLinesOfAGoodFile() throws IOException {
      Path file = write("notes.txt", "a\nb\nc\n");
      Path single = write("single.txt", "only");

      assertThat(SafeFileReader.report(file)).isEqualTo(file + ": 3 lines");
      assertThat(SafeFileReader.report(single)).isEqualTo(single + ": 1 line");
      assertThat(SafeFileReader.report(write("empty.txt", ""))).endsWith("empty.txt: 0 lines");
    }

    @Test
    void missingFile() {
      Path missing = dir.resolve("missing.txt");

      assertThat(SafeFileReader.report(missing)).isEqualTo("not found: " + missing);
    }

    @Test
    void directory() {
      assertThat(SafeFileReader.report(dir))
          .isEqualTo("cannot read " + dir + ": is a directory, not a file");
    }

    @Test
    void malformedFile() throws IOException {
      Path file = write("latin1.txt", "x\ny\nz\u00e9".getBytes(StandardCharsets.ISO_8859_1));

      assertThat(SafeFileReader.report(file)).isEqualTo("not UTF-8 text: " + file + " (line 3)");
    }

    /** Failures a test cannot cause for real (as root, or without a failing disk), injected. */
    @Test
    void failuresThatAreHardToCause() {
      Path file = dir.resolve("any.txt");

      assertThat(
              SafeFileReader.report(
                  file,
                  f -> {
                    throw new AccessDeniedException(f.toString());
                  }))
          .isEqualTo("permission denied: " + file);
      assertThat(
              SafeFileReader.report(
                  file,
                  f -> {
                    throw new FileSystemLoopException(f.toString());
                  }))
          .isEqualTo("cannot read " + file);
      assertThat(
              SafeFileReader.report(
                  file,
                  f -> {
                    throw new FileSystemException(f.toString(), null, "Stale file handle");
                  }))
          .isEqualTo("cannot read " + file + ": Stale file handle");
      assertThat(
              SafeFileReader.report(
                  file,
                  f -> {
                    throw new IOException("Input/output error");
                  }))
          .isEqualTo("I/O error reading " + file + ": Input/output error");
    }

    @Test
    void rejectsNull() {
      assertThatNullPointerException()
          .isThrownBy(() -> SafeFileReader.report(null))
          .withMessage("file");
    }
  }

  @Nested
  class Main {

    @Test
    void printsAReportPerFile() throws Exception {
      Path good = write("good.txt", "1\n2\n");
      Path missing = dir.resolve("missing.txt");

      var printed =
          StdStreams.capture(() -> SafeFileReader.main(good.toString(), missing.toString()));

      assertThat(printed.out().lines())
          .containsExactly(good + ": 2 lines", "not found: " + missing);
    }

    @Test
    void needsAFile() {
      assertThatIllegalArgumentException()
          .isThrownBy(SafeFileReader::main)
          .withMessage("usage: junior.testing.4 <file> [file...]");
    }
  }

  static LongStream seeds() {
    return Seeds.derive(200);
  }
}
