package org.interviewtasks.mid.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
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
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.interviewtasks.common.testing.OneCharAtATime;
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
        expected.merge(word.toLowerCase(java.util.Locale.ROOT), 1L, Long::sum);
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
          .hasMessage(file + " is not valid UTF-8 text")
          .hasCauseInstanceOf(MalformedInputException.class);
    }

    @Test
    void rejectsAMissingFile() {
      assertThatThrownBy(() -> TopWords.topWords(dir.resolve("missing"), 1))
          .isInstanceOf(NoSuchFileException.class);
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
