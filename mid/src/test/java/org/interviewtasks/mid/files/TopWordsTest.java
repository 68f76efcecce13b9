package org.interviewtasks.mid.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.channels.ClosedByInterruptException;
import java.nio.channels.FileChannel;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.interviewtasks.common.testing.OneCharAtATime;
import org.interviewtasks.common.testing.RandomData;
import org.interviewtasks.common.testing.Seeds;
import org.interviewtasks.common.testing.StdStreams;
import org.interviewtasks.mid.files.TopWords.WordCount;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class TopWordsTest {

  static List<String> words(String text) throws IOException {
    List<String> words = new ArrayList<>();
    TopWords.tokenize(new StringReader(text), words::add);
    List<String> oneByOne = new ArrayList<>();
    TopWords.tokenize(new OneCharAtATime(new StringReader(text)), oneByOne::add);
    assertThat(oneByOne).as("the same words whatever the chunking").isEqualTo(words);
    return words;
  }

  @Nested
  class Tokenization {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(
        delimiter = '|',
        quoteCharacter = '"',
        value = {
          "Hello, world!|hello world",
          "don't stop|don't stop",
          "l’homme|l'homme",
          "Don’t don't|don't don't",
          "'quoted' words'|quoted words",
          "rock'n'roll|rock'n'roll",
          "it''s|it s",
          "end'|end",
          "'|\"\"",
          "a-b_c|a b c",
          "R2D2 and C3PO|r2d2 and c3po",
          "ÉCOLE école|école école",
          "STRASSE straße|strasse straße",
          "TITLE|title",
          "Привет, МИР|привет мир",
          "中文 字|中文 字",
          "x😀y|x y",
          "𝔘𝔫𝔦|𝔘𝔫𝔦",
          "\u0301abc|abc",
          "''|\"\"",
          "\"   \"|\"\""
        })
    void splitsAndLowerCases(String text, String expected) throws IOException {
      List<String> want = expected.isEmpty() ? List.of() : Arrays.asList(expected.split(" "));

      assertThat(words(text)).isEqualTo(want);
    }

    @Test
    void splitsAtWhitespaceOfAnyKind() throws IOException {
      assertThat(words("tab\tnew\nline\r\nend\u00a0x\u3000y"))
          .containsExactly("tab", "new", "line", "end", "x", "y");
    }

    @Test
    void keepsCombiningMarksInsideAWord() throws IOException {
      assertThat(words("cafe\u0301 ok")).containsExactly("cafe\u0301", "ok");
      assertThat(words("x\u20DD y")).containsExactly("x\u20DD", "y");
      assertThat(words("क\u093E")).containsExactly("क\u093E");
    }

    @Test
    void treatsLoneSurrogatesAsSeparators() throws IOException {
      assertThat(words("ab\uD800cd")).containsExactly("ab", "cd");
      assertThat(words("ab\uDC00cd")).containsExactly("ab", "cd");
      assertThat(words("ab\uD800")).containsExactly("ab");
      assertThat(words("ab\uD800\uD835\uDD18")).containsExactly("ab", "𝔘");
    }

    @Test
    void keepsAnApostropheBeforeASupplementaryLetter() throws IOException {
      assertThat(words("a'𝔘")).containsExactly("a'𝔘");
    }

    @Test
    void lowerCasesBeyondAsciiAsStringDoes() throws IOException {
      // A final sigma depends on its neighbours, İ grows a combining dot, the Kelvin sign is a K.
      assertThat(words("ΟΔΟΣ İSTANBUL \u212Aelvin KELVIN"))
          .containsExactly("οδος", "i\u0307stanbul", "kelvin", "kelvin");
      assertThat(TopWords.count(new StringReader("\u212Aelvin KELVIN kelvin")))
          .containsExactlyEntriesOf(Map.of("kelvin", 3L));
    }

    @Test
    void keepsLongWordsWhole() throws IOException {
      String ascii = "Ab".repeat(500);
      String other = "Éa".repeat(500);
      String supplementary = "𝔘a".repeat(500);

      assertThat(words(ascii + " " + other + "😀" + supplementary))
          .containsExactly(
              ascii.toLowerCase(Locale.ROOT), other.toLowerCase(Locale.ROOT), supplementary);
    }

    @Test
    void treatsTheFirstCharPastAsciiLikeAnyOther() throws IOException {
      assertThat(words("a\u0080b\u007Fc\u00AAd")).containsExactly("a", "b", "c\u00AAd");
    }
  }

  @Nested
  class Ranking {

    @Test
    void ranksByCountThenAlphabetically() throws IOException {
      String text = "b a c b a d b e";

      assertThat(TopWords.topWords(new StringReader(text), 3))
          .containsExactly(new WordCount("b", 3), new WordCount("a", 2), new WordCount("c", 1));
    }

    @Test
    void returnsAllWhenFewerThanK() throws IOException {
      assertThat(TopWords.topWords(new StringReader("z y z"), 10))
          .containsExactly(new WordCount("z", 2), new WordCount("y", 1));
      assertThat(TopWords.topWords(new StringReader(""), 10)).isEmpty();
    }

    @Test
    void breaksTiesAtTheCutAlphabetically() {
      Map<String, Long> counts = Map.of("d", 5L, "c", 5L, "b", 5L, "a", 5L, "top", 9L);

      assertThat(TopWords.top(counts, 3))
          .containsExactly(new WordCount("top", 9), new WordCount("a", 5), new WordCount("b", 5));
      assertThat(TopWords.top(counts, 1)).containsExactly(new WordCount("top", 9));
    }

    @Test
    void returnsAnUnmodifiableList() throws IOException {
      List<WordCount> top = TopWords.topWords(new StringReader("a"), 1);

      assertThatThrownBy(() -> top.add(new WordCount("b", 1)))
          .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void countsEveryWord() throws IOException {
      assertThat(TopWords.count(new StringReader("A a b")))
          .containsExactlyInAnyOrderEntriesOf(Map.of("a", 2L, "b", 1L));
    }

    @Test
    void countsManyDistinctWords() throws IOException {
      StringBuilder text = new StringBuilder();
      Map<String, Long> expected = new HashMap<>();
      for (int i = 0; i < 20_000; i++) {
        String word = "w" + (i * 7919 % 5_000);
        text.append(i % 3 == 0 ? word.toUpperCase(Locale.ROOT) : word).append(' ');
        expected.merge(word, 1L, Long::sum);
      }

      assertThat(TopWords.count(new StringReader(text.toString())))
          .containsExactlyInAnyOrderEntriesOf(expected);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("org.interviewtasks.mid.files.TopWordsTest#seeds")
    void agreesWithSortingEveryCount(long seed) throws IOException {
      var random = new SplittableRandom(seed);
      String[] vocabulary = {"alpha", "Beta", "gamma", "δέλτα", "eps'ilon", "zeta", "ETA", "θ"};
      StringBuilder text = new StringBuilder();
      Map<String, Long> expected = new HashMap<>();
      int words = random.nextInt(200);
      for (int i = 0; i < words; i++) {
        String word = vocabulary[random.nextInt(random.nextInt(vocabulary.length) + 1)];
        text.append(word).append(random.nextBoolean() ? " " : ", ");
        expected.merge(word.toLowerCase(Locale.ROOT), 1L, Long::sum);
      }
      int k = random.nextInt(1, 10);
      List<WordCount> oracle =
          expected.entrySet().stream()
              .map(e -> new WordCount(e.getKey(), e.getValue()))
              .sorted(TopWords.BEST_FIRST)
              .limit(k)
              .toList();

      assertThat(TopWords.topWords(new StringReader(text.toString()), k)).isEqualTo(oracle);
    }
  }

  @Nested
  class OnDisk {

    @TempDir Path dir;

    @Test
    void readsAUtf8File() throws IOException {
      Path file = dir.resolve("text.txt");
      Files.writeString(file, "Ça va? ça VA, ça!\n", StandardCharsets.UTF_8);

      assertThat(TopWords.topWords(file, 2))
          .containsExactly(new WordCount("ça", 3), new WordCount("va", 2));
    }

    @Test
    void rejectsInvalidUtf8NamingTheFile() throws IOException {
      Path file = dir.resolve("latin1.txt");
      Files.write(file, new byte[] {'a', ' ', (byte) 0xE9, ' ', 'b'});

      assertThatThrownBy(() -> TopWords.topWords(file, 1))
          .isInstanceOf(IOException.class)
          .hasMessage(file + " is not valid UTF-8 text: malformed input at byte offset 2")
          .hasCauseInstanceOf(MalformedInputException.class);
    }

    @Test
    void rejectsAMissingFile() {
      assertThatThrownBy(() -> TopWords.topWords(dir.resolve("missing"), 1))
          .isInstanceOf(NoSuchFileException.class);
    }
  }

  /** The tokenizer's rules as one regular expression: an oracle written another way. */
  private static final Pattern WORD =
      Pattern.compile("[\\p{L}\\p{Nd}][\\p{L}\\p{Nd}\\p{M}]*(?:['’][\\p{L}\\p{Nd}\\p{M}]+)*");

  static Map<String, Long> oracle(String text) {
    Map<String, Long> counts = new HashMap<>();
    Matcher matcher = WORD.matcher(text);
    while (matcher.find()) {
      counts.merge(matcher.group().replace('’', '\'').toLowerCase(Locale.ROOT), 1L, Long::sum);
    }
    return counts;
  }

  /** Pieces of text whose UTF-8 forms are 1 to 4 bytes a character, glued or separated. */
  private static final String[] PIECES = {
    "word", "Word", "WORD", "é", "École", "日本", "😀", "𝔘𝔫", "e\u0301", "\u0301", "'", "’",
    "don't", "L’Homme", "ΣΑΣ", "İ", "\u212A", "9", "ß", ",", "-", "\u00a0", "\u2003"
  };

  private static final String[] SEPARATORS = {" ", "\t", "\n", "\r\n", "\f", "\u000B", "", ""};

  static String randomText(SplittableRandom random) {
    if (random.nextInt(4) == 0) {
      return RandomData.text(random, 400);
    }
    StringBuilder text = new StringBuilder();
    int pieces = random.nextInt(300);
    for (int i = 0; i < pieces; i++) {
      text.append(PIECES[random.nextInt(PIECES.length)]);
      text.append(SEPARATORS[random.nextInt(SEPARATORS.length)]);
    }
    return text.toString();
  }

  @Nested
  class InParallel {

    @TempDir Path dir;

    private Path write(String text) throws IOException {
      Path file = dir.resolve("text.txt");
      Files.writeString(file, text, StandardCharsets.UTF_8);
      return file;
    }

    private Path write(byte[] bytes) throws IOException {
      Path file = dir.resolve("bytes.txt");
      Files.write(file, bytes);
      return file;
    }

    /** Counts the file in ranges of {@code step} bytes with 1 to 4 threads; all must agree. */
    private Map<String, Long> countInRanges(Path file, long step) throws IOException {
      Map<String, Long> one = TopWords.count(file, 1, step);
      for (int threads = 2; threads <= 4; threads++) {
        assertThat(TopWords.count(file, threads, step))
            .as("%d threads, ranges of %d bytes", threads, step)
            .isEqualTo(one);
      }
      return one;
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("org.interviewtasks.mid.files.TopWordsTest#seeds")
    void agreesWithOneThreadAndTheOracleWhereverTheRangesEnd(long seed) throws IOException {
      var random = new SplittableRandom(seed);
      String text = randomText(random);
      Path file = write(text);
      long step = random.nextLong(1, 48);

      Map<String, Long> expected = oracle(text);
      assertThat(TopWords.count(new StringReader(text))).isEqualTo(expected);
      assertThat(TopWords.count(file, 1, 0)).isEqualTo(expected);
      assertThat(countInRanges(file, step)).as("ranges of %d bytes", step).isEqualTo(expected);
    }

    @ParameterizedTest(name = "ranges of {0} bytes")
    @ValueSource(longs = {1, 2, 3, 4, 5, 7, 8})
    void cutsNoCharacterAndNoWordInTwo(long step) throws IOException {
      String tail = "é日本😀𝔘𝔫 don’t e\u0301\u0301 ’x\t日本\né 'É'\r\nΣΑΣ\f😀\u000Bz";
      for (int shift = 0; shift <= 8; shift++) {
        // shifting the text by one byte at a time puts each byte of it at a nominal range end
        String text = "a".repeat(shift) + " " + tail + " " + tail;
        Path file = write(text);

        assertThat(countInRanges(file, step)).as("shift %d", shift).isEqualTo(oracle(text));
      }
    }

    @Test
    void endsEveryRangeJustAfterAsciiWhitespace() throws IOException {
      byte[] bytes = "ab cd\tef\ngh\rij\fkl\u000Bmn😀op\u00a0qr".getBytes(StandardCharsets.UTF_8);
      Path file = write(bytes);

      try (FileChannel channel = FileChannel.open(file)) {
        List<TopWords.Range> ranges = TopWords.split(channel, bytes.length, 1);

        assertThat(ranges)
            .extracting(TopWords.Range::end)
            .containsExactly(3L, 6L, 9L, 12L, 15L, 18L, (long) bytes.length);
        assertThat(ranges).extracting(TopWords.Range::start).startsWith(0L).contains(3L, 15L);
        for (int i = 1; i < ranges.size(); i++) {
          assertThat(ranges.get(i).start()).isEqualTo(ranges.get(i - 1).end());
        }
        assertThat(TopWords.split(channel, bytes.length, 4))
            .extracting(TopWords.Range::end)
            .containsExactly(6L, 12L, 18L, (long) bytes.length);
        assertThat(TopWords.split(channel, bytes.length, 6))
            .extracting(TopWords.Range::end)
            .containsExactly(6L, 12L, 18L, (long) bytes.length);
        assertThat(TopWords.split(channel, bytes.length, bytes.length))
            .containsExactly(new TopWords.Range(0, bytes.length));
      }
    }

    @Test
    void countsAFileWithNoWhitespaceAsOneRange() throws IOException {
      String huge = "Ab,cd;ÉF.".repeat(20_000);
      Path file = write(huge);

      try (FileChannel channel = FileChannel.open(file)) {
        assertThat(TopWords.split(channel, Files.size(file), 16)).hasSize(1);
      }
      assertThat(countInRanges(file, 16))
          .containsExactlyInAnyOrderEntriesOf(Map.of("ab", 20_000L, "cd", 20_000L, "éf", 20_000L));

      String oneWord = "x".repeat(100_000);
      assertThat(countInRanges(write(oneWord), 16)).containsExactlyEntriesOf(Map.of(oneWord, 1L));
    }

    @Test
    void countsAWhitespaceOnlyAndAnEmptyFileAsNothing() throws IOException {
      assertThat(countInRanges(write(" \t\n\r\f\u000B".repeat(100)), 3)).isEmpty();
      assertThat(TopWords.topWords(write(""), 5, 2)).isEmpty();
      assertThat(countInRanges(write(""), 1)).isEmpty();
    }

    @Test
    void givesTheSameAnswerForAnyNumberOfThreads() throws IOException {
      var random = new SplittableRandom(Seeds.BASE);
      StringBuilder text = new StringBuilder();
      while (text.length() < 3_000_000) {
        text.append(PIECES[random.nextInt(PIECES.length)]).append(random.nextBoolean() ? " " : "");
      }
      Path file = write(text.toString());

      List<WordCount> one = TopWords.topWords(file, 20, 1);
      assertThat(one).hasSize(20);
      assertThat(TopWords.topWords(file, 20, 2)).isEqualTo(one);
      assertThat(TopWords.topWords(file, 20, 7)).isEqualTo(one);
      assertThat(TopWords.topWords(file, 20)).isEqualTo(one);
      assertThat(TopWords.topWords(new StringReader(text.toString()), 20)).isEqualTo(one);
    }

    @ParameterizedTest(name = "{0} threads")
    @ValueSource(ints = {1, 2, 3, 8})
    void namesTheFileAndTheFirstBadByte(int threads) throws IOException {
      byte[] words = "alpha beta gamma delta ".repeat(20).getBytes(StandardCharsets.UTF_8);
      byte[] bad = Arrays.copyOf(words, words.length + 3);
      bad[words.length] = 'x';
      bad[words.length + 1] = (byte) 0xFF; // never valid in UTF-8
      bad[words.length + 2] = 'y';
      Path file = write(bad);

      assertThatThrownBy(() -> TopWords.count(file, threads, 8))
          .isInstanceOf(IOException.class)
          .hasMessage(
              file
                  + " is not valid UTF-8 text: malformed input at byte offset "
                  + (words.length + 1))
          .hasCauseInstanceOf(MalformedInputException.class);

      bad[7] = (byte) 0xC3; // the first byte of a two-byte sequence, followed by 't'
      assertThatThrownBy(() -> TopWords.count(write(bad), threads, 8))
          .hasMessageEndingWith("malformed input at byte offset 7");
    }

    @Test
    void rejectsACharacterCutByTheEndOfTheFile() throws IOException {
      byte[] text = "ok 日".getBytes(StandardCharsets.UTF_8);
      Path file = write(Arrays.copyOf(text, text.length - 1));

      assertThatThrownBy(() -> TopWords.topWords(file, 1, 2))
          .isInstanceOf(IOException.class)
          .hasMessage(file + " is not valid UTF-8 text: malformed input at byte offset 3");
      assertThatThrownBy(() -> TopWords.count(file, 2, 1))
          .hasMessageEndingWith("malformed input at byte offset 3");
    }

    @Test
    void stopsWhenInterruptedAndStaysInterrupted() throws IOException {
      Path file = write("some words ".repeat(1_000));

      Thread.currentThread().interrupt();
      try {
        assertThatThrownBy(() -> TopWords.count(file, 2, 64))
            .isInstanceOf(ClosedByInterruptException.class);
        assertThat(Thread.currentThread().isInterrupted()).isTrue();
      } finally {
        Thread.interrupted();
      }
    }

    @Test
    void rejectsNonPositiveThreads() {
      assertThatIllegalArgumentException()
          .isThrownBy(() -> TopWords.topWords(Path.of("unused"), 1, 0))
          .withMessage("threads must be positive: 0");
      assertThatIllegalArgumentException()
          .isThrownBy(() -> TopWords.topWords(Path.of("unused"), 1, -3))
          .withMessage("threads must be positive: -3");
      assertThatIllegalArgumentException()
          .isThrownBy(() -> TopWords.count(Path.of("unused"), 0, 1))
          .withMessage("threads must be positive: 0");
      assertThatIllegalArgumentException()
          .isThrownBy(() -> TopWords.topWords(Path.of("unused"), 0, 2))
          .withMessage("k must be positive: 0");
    }
  }

  @Nested
  class Validation {

    @Test
    void rejectsNonPositiveK() {
      assertThatIllegalArgumentException()
          .isThrownBy(() -> TopWords.topWords(new StringReader("a"), 0))
          .withMessage("k must be positive: 0");
      assertThatIllegalArgumentException()
          .isThrownBy(() -> TopWords.top(Map.of(), -1))
          .withMessage("k must be positive: -1");
      assertThatIllegalArgumentException()
          .isThrownBy(() -> TopWords.topWords(Path.of("unused"), 0))
          .withMessage("k must be positive: 0");
    }

    @Test
    void rejectsABadKBeforeReadingAnything() throws IOException {
      Reader reader = new StringReader("unread");

      assertThatIllegalArgumentException().isThrownBy(() -> TopWords.topWords(reader, 0));
      assertThat(reader.read()).isEqualTo('u');
    }

    @Test
    void rejectsNulls() {
      assertThatNullPointerException()
          .isThrownBy(() -> TopWords.topWords((Path) null, 1))
          .withMessage("file");
      assertThatNullPointerException()
          .isThrownBy(() -> TopWords.topWords((Reader) null, 1))
          .withMessage("reader");
      assertThatNullPointerException().isThrownBy(() -> TopWords.count(null)).withMessage("reader");
      assertThatNullPointerException()
          .isThrownBy(() -> TopWords.top(null, 1))
          .withMessage("counts");
    }
  }

  @Nested
  class Main {

    @TempDir Path dir;

    @Test
    void printsCountAndWordPerLine() throws Exception {
      Path file = dir.resolve("t.txt");
      Files.writeString(file, "b a b c", StandardCharsets.UTF_8);

      var printed = StdStreams.capture(() -> TopWords.main(file.toString(), "2"));

      String n = System.lineSeparator();
      assertThat(printed.out()).isEqualTo("2 b" + n + "1 a" + n);
    }

    @Test
    void defaultsToTen() throws Exception {
      Path file = dir.resolve("t.txt");
      String text =
          LongStream.range(0, 12)
              .mapToObj(i -> "w" + (char) ('a' + i))
              .collect(Collectors.joining(" "));
      Files.writeString(file, text, StandardCharsets.UTF_8);

      var printed = StdStreams.capture(() -> TopWords.main(file.toString()));

      assertThat(printed.out().lines()).hasSize(10).startsWith("1 wa").endsWith("1 wj");
    }

    @Test
    void rejectsBadUsage() {
      assertThatIllegalArgumentException()
          .isThrownBy(TopWords::main)
          .withMessage("usage: mid.files.2 <file> [k]");
      assertThatIllegalArgumentException()
          .isThrownBy(() -> TopWords.main("a", "1", "2"))
          .withMessage("usage: mid.files.2 <file> [k]");
      assertThatIllegalArgumentException()
          .isThrownBy(() -> TopWords.main("a", "x"))
          .withMessage("not an int: 'x'");
    }
  }

  static LongStream seeds() {
    return Seeds.derive(200);
  }

  @Test
  @EnabledOnOs({OS.LINUX, OS.MAC})
  void aDeviceThatNeverEndsIsRefusedNotRead() {
    assertThatThrownBy(() -> TopWords.topWords(Path.of("/dev/zero"), 10))
        .isInstanceOf(FileSystemException.class)
        .hasMessage("/dev/zero: is not a regular file (a device or a pipe may never end)");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> TopWords.main(" "))
        .withMessage("not a file name: ' '");
  }
}
