package org.interviewtasks.mid.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.FilterInputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.SplittableRandom;
import java.util.function.UnaryOperator;
import java.util.stream.LongStream;
import org.interviewtasks.common.testing.RandomData;
import org.interviewtasks.common.testing.Seeds;
import org.interviewtasks.common.testing.StdStreams;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class StreamingReplaceTest {

  static String replaced(String text, String target, String replacement, int bufferChars)
      throws IOException {
    StringWriter out = new StringWriter();
    long count =
        StreamingReplace.replace(new StringReader(text), out, target, replacement, bufferChars);
    assertThat(out.toString()).isEqualTo(text.replace(target, replacement));
    assertThat(count).isEqualTo(occurrences(text, target));
    return out.toString();
  }

  /** Non-overlapping occurrences, left to right, as String.replace counts them. */
  static long occurrences(String text, String target) {
    long count = 0;
    for (int at = text.indexOf(target); at >= 0; at = text.indexOf(target, at + target.length())) {
      count++;
    }
    return count;
  }

  @Nested
  class Streams {

    @ParameterizedTest(name = "{0}: {1} -> {2}")
    @CsvSource(
        delimiter = '|',
        quoteCharacter = '"',
        value = {
          "the cat sat|cat|dog|the dog sat",
          "cat|cat|dog|dog",
          "catcat|cat|dog|dogdog",
          "concatenate|cat|CAT|conCATenate",
          "aaaa|aa|b|bb",
          "aaa|aa|b|ba",
          "aaab|aab|X|aX",
          "abababc|ababc|X|abX",
          "abcabd|abd|X|abcX",
          "no match|xyz|q|no match",
          "trailing ca|cat|dog|trailing ca",
          "cat|cat|\"\"|\"\"",
          "\"\"|cat|dog|\"\"",
          "naïve café|é|e|naïve cafe",
          "x😀y😀|😀|🎉|x🎉y🎉"
        })
    void replacesEveryOccurrenceAtAnyBufferSize(
        String text, String target, String replacement, String expected) throws IOException {
      for (int bufferChars : new int[] {1, 2, 3, 5, 8192}) {
        assertThat(replaced(text, target, replacement, bufferChars))
            .as("buffer of %d chars", bufferChars)
            .isEqualTo(expected);
      }
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("org.interviewtasks.mid.files.StreamingReplaceTest#seeds")
    void agreesWithStringReplace(long seed) throws IOException {
      var random = new SplittableRandom(seed);
      int[] alphabet = RandomData.alphabet("abé😀");
      String text = RandomData.text(random, 60, alphabet);
      String target = "";
      while (target.isEmpty()) {
        target = RandomData.text(random, 4, alphabet);
      }
      String replacement = RandomData.text(random, 3, alphabet);

      replaced(text, target, replacement, random.nextInt(1, 7));
    }

    @Test
    void computesTheKmpFailureFunction() {
      assertThat(StreamingReplace.failureFunction("abab")).containsExactly(0, 0, 1, 2);
      assertThat(StreamingReplace.failureFunction("aabaaab")).containsExactly(0, 1, 0, 1, 2, 2, 3);
      assertThat(StreamingReplace.failureFunction("x")).containsExactly(0);
    }

    @Test
    void defaultBufferReplacesToo() throws IOException {
      StringWriter out = new StringWriter();

      assertThat(StreamingReplace.replace(new StringReader("a-b-c"), out, "-", "+")).isEqualTo(2);
      assertThat(out).hasToString("a+b+c");
      assertThat(replaced("a\nb\nc", "\nb\n", "-", 2)).isEqualTo("a-c");
    }

    @Test
    void rejectsBadArguments() {
      var in = new StringReader("x");
      var out = new StringWriter();
      assertThatIllegalArgumentException()
          .isThrownBy(() -> StreamingReplace.replace(in, out, "", "y"))
          .withMessage("target must not be empty");
      assertThatIllegalArgumentException()
          .isThrownBy(() -> StreamingReplace.replace(in, out, "x", "y", 0))
          .withMessage("bufferChars must be positive: 0");
      assertThatNullPointerException()
          .isThrownBy(() -> StreamingReplace.replace(null, out, "x", "y"))
          .withMessage("in");
      assertThatNullPointerException()
          .isThrownBy(() -> StreamingReplace.replace(in, null, "x", "y"))
          .withMessage("out");
      assertThatNullPointerException()
          .isThrownBy(() -> StreamingReplace.replace(in, out, null, "y"))
          .withMessage("target");
      assertThatNullPointerException()
          .isThrownBy(() -> StreamingReplace.replace(in, out, "x", null))
          .withMessage("replacement");
    }
  }

  @Nested
  class OnDisk {

    @TempDir Path dir;

    Path file(String content) throws IOException {
      Path file = dir.resolve("notes.txt");
      Files.writeString(file, content, StandardCharsets.UTF_8);
      return file;
    }

    @Test
    void replacesInPlaceAndCounts() throws IOException {
      Path file = file("red fish, blue fish\nold fish, new fish\n");

      assertThat(StreamingReplace.replace(file, "fish", "cat")).isEqualTo(4);
      assertThat(Files.readString(file)).isEqualTo("red cat, blue cat\nold cat, new cat\n");
      assertThat(siblings()).containsExactly(file);
    }

    @Test
    void keepsThePermissionsOfTheFile() throws IOException {
      Path file = file("a");
      var permissions = PosixFilePermissions.fromString("rw-r-----");
      Files.setPosixFilePermissions(file, permissions);

      StreamingReplace.replace(file, "a", "b");

      assertThat(Files.getPosixFilePermissions(file)).isEqualTo(permissions);
    }

    @Test
    void leavesTheOriginalWhenReadingFailsMidway() throws IOException {
      String content = "0123456789".repeat(1000);
      Path file = file(content);
      UnaryOperator<InputStream> failing = in -> new FailingInput(in, 5000);

      assertThatThrownBy(
              () ->
                  StreamingReplace.replace(
                      file, "5", "five", 16, failing, UnaryOperator.identity()))
          .isInstanceOf(IOException.class)
          .hasMessage("disk read error after 5000 bytes");
      assertThat(Files.readString(file)).isEqualTo(content);
      assertThat(siblings()).containsExactly(file);
    }

    @Test
    void leavesTheOriginalWhenTheDiskIsFull() throws IOException {
      String content = "abc".repeat(10_000);
      Path file = file(content);
      UnaryOperator<OutputStream> full = out -> new FullDisk(out, 4096);

      assertThatThrownBy(
              () -> StreamingReplace.replace(file, "b", "B", 64, UnaryOperator.identity(), full))
          .isInstanceOf(IOException.class)
          .hasMessage("No space left on device");
      assertThat(Files.readString(file)).isEqualTo(content);
      assertThat(siblings()).containsExactly(file);
    }

    @Test
    void rejectsInvalidUtf8AndLeavesTheFile() throws IOException {
      Path file = dir.resolve("latin1.txt");
      byte[] bytes = {'c', 'a', 'f', (byte) 0xE9};
      Files.write(file, bytes);

      assertThatThrownBy(() -> StreamingReplace.replace(file, "caf", "x"))
          .isInstanceOf(IOException.class)
          .hasMessage(file + " is not valid UTF-8 text")
          .hasCauseInstanceOf(MalformedInputException.class);
      assertThat(Files.readAllBytes(file)).isEqualTo(bytes);
      assertThat(siblings()).containsExactly(file);
    }

    @Test
    void rejectsMissingFilesAndDirectories() {
      assertThatThrownBy(() -> StreamingReplace.replace(dir.resolve("nope"), "a", "b"))
          .isInstanceOf(NoSuchFileException.class)
          .hasMessage(dir.resolve("nope").toString());
      assertThatThrownBy(() -> StreamingReplace.replace(dir, "a", "b"))
          .isInstanceOf(IOException.class)
          .hasMessage(dir + " is not a regular file");
      assertThatNullPointerException()
          .isThrownBy(() -> StreamingReplace.replace(null, "a", "b"))
          .withMessage("file");
      assertThatIllegalArgumentException()
          .isThrownBy(() -> StreamingReplace.replace(dir.resolve("x"), "", "b"))
          .withMessage("target must not be empty");
      assertThatNullPointerException()
          .isThrownBy(() -> StreamingReplace.replace(dir.resolve("x"), "a", null))
          .withMessage("replacement");
    }

    private java.util.List<Path> siblings() throws IOException {
      try (var listing = Files.list(dir)) {
        return listing.toList();
      }
    }
  }

  @Nested
  class Main {

    @TempDir Path dir;

    @Test
    void printsTheCount() throws Exception {
      Path file = dir.resolve("m.txt");
      Files.writeString(file, "one two one", StandardCharsets.UTF_8);

      var once = StdStreams.capture(() -> StreamingReplace.main(file.toString(), "two", "2"));
      var twice = StdStreams.capture(() -> StreamingReplace.main(file.toString(), "one", "1"));

      assertThat(once.out()).isEqualTo("1 replacement" + System.lineSeparator());
      assertThat(twice.out()).isEqualTo("2 replacements" + System.lineSeparator());
      assertThat(Files.readString(file)).isEqualTo("1 2 1");
    }

    @Test
    void rejectsBadUsage() {
      assertThatIllegalArgumentException()
          .isThrownBy(() -> StreamingReplace.main("file", "only-target"))
          .withMessage("usage: mid.files.4 <file> <target> <replacement>");
    }
  }

  /** Fails once more than {@code limit} bytes have been read. */
  static final class FailingInput extends FilterInputStream {
    private final long limit;
    private long read;

    FailingInput(InputStream in, long limit) {
      super(in);
      this.limit = limit;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      if (read >= limit) {
        throw new IOException("disk read error after " + read + " bytes");
      }
      int n = super.read(buffer, offset, (int) Math.min(length, limit - read));
      read += Math.max(n, 0);
      return n;
    }
  }

  /** Accepts {@code capacity} bytes, then fails like a full disk. */
  static final class FullDisk extends FilterOutputStream {
    private long left;

    FullDisk(OutputStream out, long capacity) {
      super(out);
      this.left = capacity;
    }

    @Override
    public void write(int b) throws IOException {
      write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
      if (length > left) {
        throw new IOException("No space left on device");
      }
      left -= length;
      out.write(bytes, offset, length);
    }
  }

  static LongStream seeds() {
    return Seeds.derive(200);
  }
}
