package org.interviewtasks.junior.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnmappableCharacterException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.interviewtasks.common.testing.OneCharAtATime;
import org.interviewtasks.common.testing.RandomData;
import org.interviewtasks.common.testing.Seeds;
import org.interviewtasks.common.testing.StdStreams;
import org.interviewtasks.junior.core.FileStatistics.Counts;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class FileStatisticsTest {

  @TempDir Path dir;

  @Nested
  class Counting {

    /** Texts are written with {@code \n}, {@code \r}, {@code \t} escapes, decoded below. */
    @ParameterizedTest(name = "\"{0}\" -> {1} {2} {3}")
    @CsvSource(
        delimiter = '|',
        quoteCharacter = '"',
        value = {
          "\"\"|0|0|0",
          "a|1|1|1",
          "a\\n|1|1|2",
          "a\\nb|2|2|3",
          "\\n|1|0|1",
          "\\n\\n|2|0|2",
          "a\\r\\nb\\r\\n|2|2|6",
          "a\\rb\\r|2|2|4",
          "a\\rb|2|2|3",
          "\\r|1|0|1",
          "\\r\\r|2|0|2",
          "\\n\\r|2|0|2",
          "\\r\\n|1|0|2",
          "\\r\\n\\r\\n|2|0|4",
          "hello world|1|2|11",
          "\"  hello \\t\\t world  \"|1|2|18",
          "one\\ttwo\\tthree|1|3|13",
          "Hello, world! How's it going?|1|5|29",
          "a\\n\\nb|3|2|4",
          "\"   \"|1|0|3",
          "x|1|1|1"
        })
    void countsLinesWordsAndCharacters(String escaped, long lines, long words, long characters)
        throws IOException {
      String text = unescape(escaped);

      assertThat(FileStatistics.of(write(text))).isEqualTo(new Counts(lines, words, characters));
      assertThat(FileStatistics.of(new StringReader(text)))
          .isEqualTo(new Counts(lines, words, characters));
    }

    @Test
    void countsAnEmojiAsOneCharacterAndAnAccentAsItsCodePoints() throws IOException {
      assertThat(FileStatistics.of(write("😀 🎉👍\n"))).isEqualTo(new Counts(1, 2, 5));
      assertThat(FileStatistics.of(write("noe\u0308l café"))).isEqualTo(new Counts(1, 2, 10));
      assertThat(FileStatistics.of(write("Привет, мир\n中文 字"))).isEqualTo(new Counts(2, 4, 16));
    }

    @Test
    void ideographicSpaceSeparatesWordsButNoBreakSpaceDoesNot() throws IOException {
      assertThat(FileStatistics.of(write("東京\u3000大阪"))).isEqualTo(new Counts(1, 2, 5));
      assertThat(FileStatistics.of(write("10\u00a0km"))).isEqualTo(new Counts(1, 1, 5));
      assertThat(FileStatistics.of(write("a\u2003b\u000bc\fd"))).isEqualTo(new Counts(1, 4, 7));
    }

    @Test
    void aLoneSurrogateCountsAsOneCharacter() throws IOException {
      assertThat(FileStatistics.of(new StringReader("\uDE00\uD83D")))
          .isEqualTo(new Counts(1, 1, 2));
      assertThat(FileStatistics.of(new StringReader("\uD83D\uD83D\uDE00")))
          .isEqualTo(new Counts(1, 1, 2));
    }

    @Test
    void readsOtherCharsets() throws IOException {
      Path file = dir.resolve("latin1.txt");
      Files.write(file, new byte[] {'c', 'a', 'f', (byte) 0xE9, '\n'});

      assertThat(FileStatistics.of(file, StandardCharsets.ISO_8859_1))
          .isEqualTo(new Counts(1, 1, 5));
    }
  }

  @Nested
  class BufferBoundaries {

    @Test
    void aSurrogatePairAndACrLfSplitAcrossReadsCountOnce() throws IOException {
      int size = FileStatistics.BUFFER_SIZE;
      var text = new StringBuilder();
      text.append("a".repeat(size - 1)).append("😀"); // the pair straddles the first boundary
      text.append("b".repeat(size - 2)).append("\r\n"); // \r ends read 2, \n starts read 3
      text.append(" x\r\ny");
      String content = text.toString();
      assertThat(Character.isHighSurrogate(content.charAt(size - 1))).isTrue();
      assertThat(content.charAt(2 * size - 1)).isEqualTo('\r');
      var expected = new Counts(3, 3, content.codePointCount(0, content.length()));

      assertThat(FileStatistics.of(write(content))).isEqualTo(expected);
      assertThat(FileStatistics.of(new StringReader(content))).isEqualTo(expected);
      assertThat(FileStatistics.of(new OneCharAtATime(content))).isEqualTo(expected);
    }

    @Test
    void aWordSplitAcrossReadsCountsOnce() throws IOException {
      assertThat(FileStatistics.of(new OneCharAtATime("ab 😀c\r\n\r\nd e\r")))
          .isEqualTo(new Counts(3, 4, 13));
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("org.interviewtasks.junior.core.FileStatisticsTest#seeds")
    void readingOneCharAtATimeChangesNothing(long seed) throws IOException {
      String text =
          RandomData.text(new SplittableRandom(seed), 60, RandomData.alphabet("a \r\n😀"));

      assertThat(FileStatistics.of(new OneCharAtATime(text)))
          .isEqualTo(FileStatistics.of(new StringReader(text)))
          .isEqualTo(naive(text));
    }
  }

  @Nested
  class Errors {

    @Test
    void aMissingFileIsNamed() {
      Path missing = dir.resolve("missing.txt");

      assertThatThrownBy(() -> FileStatistics.of(missing))
          .isInstanceOf(NoSuchFileException.class)
          .hasMessageContaining(missing.toString());
    }

    @Test
    void aDirectoryIsNamed() {
      assertThatThrownBy(() -> FileStatistics.of(dir))
          .isExactlyInstanceOf(IOException.class)
          .hasMessage(dir + " is a directory, not a file");
    }

    @Test
    @EnabledOnOs({OS.LINUX, OS.MAC})
    void aDeviceThatNeverEndsIsRefusedNotRead() {
      Path zero = Path.of("/dev/zero");

      assertThatThrownBy(() -> FileStatistics.of(zero))
          .isInstanceOf(IOException.class)
          .hasMessage("/dev/zero: is not a regular file (a device or a pipe may never end)");
      assertThatThrownBy(() -> FileStatistics.main("/dev/zero"))
          .hasMessage("/dev/zero: is not a regular file (a device or a pipe may never end)");
    }

    @Test
    void malformedUtf8IsReportedWithTheFileNotReplaced() throws IOException {
      Path file = dir.resolve("bad.txt");
      Files.write(file, new byte[] {'o', 'k', ' ', (byte) 0xC3, '(', '\n'});

      assertThatThrownBy(() -> FileStatistics.of(file))
          .isExactlyInstanceOf(IOException.class)
          .hasMessage(file + " is not valid UTF-8 text")
          .hasCauseInstanceOf(MalformedInputException.class);
    }

    @Test
    void aTruncatedSequenceAtTheEndIsMalformedToo() throws IOException {
      Path file = dir.resolve("truncated.txt");
      Files.write(file, new byte[] {'a', (byte) 0xF0, (byte) 0x9F});

      assertThatThrownBy(() -> FileStatistics.of(file))
          .hasMessage(file + " is not valid UTF-8 text");
    }

    @Test
    void anUnmappableCharacterIsReportedWithTheCharset() throws IOException {
      Path file = dir.resolve("ascii.txt");
      Files.write(file, new byte[] {'a', (byte) 0xE9});

      assertThatThrownBy(() -> FileStatistics.of(file, StandardCharsets.US_ASCII))
          .isExactlyInstanceOf(IOException.class)
          .hasMessage(file + " is not valid US-ASCII text")
          .cause()
          .isInstanceOfAny(MalformedInputException.class, UnmappableCharacterException.class);
    }

    @Test
    void rejectsNulls() {
      assertThatNullPointerException()
          .isThrownBy(() -> FileStatistics.of((Path) null))
          .withMessage("file");
      assertThatNullPointerException()
          .isThrownBy(() -> FileStatistics.of(dir, null))
          .withMessage("charset");
      assertThatNullPointerException()
          .isThrownBy(() -> FileStatistics.of((Reader) null))
          .withMessage("reader");
    }
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void agreesWithANaiveInMemoryCount(long seed) throws IOException {
    var random = new SplittableRandom(seed);
    String text = RandomData.text(random, 300) + (random.nextBoolean() ? "\r\n" : "\r");

    assertThat(FileStatistics.of(write(text))).isEqualTo(naive(text));
  }

  @Nested
  class Main {

    @Test
    void printsTheCountsOfEachFileLikeWc() throws Exception {
      Path first = write("one two\nthree\n");
      Path second = dir.resolve("second.txt");
      Files.writeString(second, "😀");

      var printed =
          StdStreams.capture(() -> FileStatistics.main(first.toString(), second.toString()));

      String n = System.lineSeparator();
      assertThat(printed.out()).isEqualTo("2 3 14 " + first + n + "1 1 1 " + second + n);
    }

    @Test
    void rejectsNoArguments() {
      assertThatIllegalArgumentException()
          .isThrownBy(FileStatistics::main)
          .withMessage("usage: junior.core.3 <file> [file...]");
    }

    @Test
    void failsOnAMissingFile() {
      String missing = dir.resolve("nope").toString();

      assertThatThrownBy(() -> FileStatistics.main(missing))
          .isInstanceOf(NoSuchFileException.class)
          .hasMessageContaining(missing);
    }
  }

  /** The oracle: the whole text in memory, split the obvious way. */
  private static Counts naive(String text) {
    long characters = text.codePointCount(0, text.length());
    String[] tokens =
        text.codePoints()
            .mapToObj(cp -> Character.isWhitespace(cp) ? " " : "x")
            .reduce("", String::concat)
            .split(" ");
    long words = Arrays.stream(tokens).filter(t -> !t.isEmpty()).count();
    String normalized = text.replace("\r\n", "\n").replace('\r', '\n');
    long lines =
        normalized.isEmpty()
            ? 0
            : normalized.split("\n", -1).length - (normalized.endsWith("\n") ? 1 : 0);
    return new Counts(lines, words, characters);
  }

  private Path write(String text) throws IOException {
    return Files.writeString(Files.createTempFile(dir, "text", ".txt"), text);
  }

  private static String unescape(String escaped) {
    return escaped.replace("\\n", "\n").replace("\\r", "\r").replace("\\t", "\t");
  }

  static LongStream seeds() {
    return Seeds.derive(100);
  }
}
