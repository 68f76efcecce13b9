package org.interviewtasks.junior.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
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

class WordFrequencyTest {

  @TempDir Path dir;

  @Nested
  class WhatAWordIs {

    /** Expected counts are written {@code word=count} in result order. */
    @ParameterizedTest(name = "\"{0}\" -> {1}")
    @CsvSource(
        delimiter = '|',
        quoteCharacter = '"',
        value = {
          "\"\"|\"\"",
          "the cat and the hat|the=2 and=1 cat=1 hat=1",
          "The THE the tHe|the=4",
          "Hello, world! Hello?|hello=2 world=1",
          "don't DON'T don’t|don't=3",
          "'quoted' students' 'tis|quoted=1 students=1 tis=1",
          "rock'n'roll rock''n|n=1 rock=1 rock'n'roll=1",
          "well-known snake_case|case=1 known=1 snake=1 well=1",
          "2024 was 2024|2024=2 was=1",
          "x² ½ Ⅻ|x²=1 ½=1 ⅻ=1",
          "ß SS ss|ss=2 ß=1",
          "Привет мир ПРИВЕТ|привет=2 мир=1",
          "中文字 中文字|中文字=2",
          "ΟΔΟΣ \u03bf\u03b4\u03bf\u03c2|\u03bf\u03b4\u03bf\u03c2=2",
          "😀 🎉 … — - _ ' ’|\"\"",
          "a\u00a0b\u3000c|a=1 b=1 c=1"
        })
    void countsWordsCaseInsensitively(String text, String expected) throws IOException {
      assertThat(show(WordFrequency.count(write(text)))).isEqualTo(expected);
    }

    @Test
    void aCombiningAccentIsTheSameWordAsAPrecomposedLetter() throws IOException {
      assertThat(WordFrequency.count(write("cafe\u0301 café CAFÉ")))
          .containsExactly(Map.entry("café", 3L));
    }

    @Test
    void wordsDoNotSpanLinesWhateverTheTerminator() throws IOException {
      assertThat(show(WordFrequency.count(write("a\nb\r\nc\rd\n\na"))))
          .isEqualTo("a=2 b=1 c=1 d=1");
    }

    @Test
    void theDefaultLocaleDoesNotMatter() throws IOException {
      Locale before = Locale.getDefault();
      try {
        Locale.setDefault(Locale.forLanguageTag("tr"));

        assertThat(show(WordFrequency.count(write("TITLE title")))).isEqualTo("title=2");
      } finally {
        Locale.setDefault(before);
      }
    }

    @Test
    void sortsByCountThenAlphabetically() throws IOException {
      assertThat(show(WordFrequency.count(write("b a c b a b d")))).isEqualTo("b=3 a=2 c=1 d=1");
    }
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void agreesWithANaiveSplitOfTheWholeText(long seed) throws IOException {
    String text =
        RandomData.text(
            new SplittableRandom(seed), 200, RandomData.alphabet("aB9 '’-_.é\u0301ΣςЖ中😀\n\r½"));

    Map<String, Long> counts = WordFrequency.count(write(text));

    assertThat(counts).isEqualTo(naive(text));
    assertThat(List.copyOf(counts.entrySet()))
        .isSortedAccordingTo(
            Map.Entry.<String, Long>comparingByValue()
                .reversed()
                .thenComparing(Map.Entry.comparingByKey()));
  }

  @Nested
  class Errors {

    @Test
    void aMissingFileIsNamed() {
      Path missing = dir.resolve("missing.txt");

      assertThatThrownBy(() -> WordFrequency.count(missing))
          .isInstanceOf(NoSuchFileException.class)
          .hasMessage(missing + ": no such file");
    }

    @Test
    void bytesThatAreNotUtf8AreNamed() throws IOException {
      Path file = dir.resolve("bad.txt");
      Files.write(file, new byte[] {'o', 'k', ' ', (byte) 0xC3, '(', '\n'});

      assertThatThrownBy(() -> WordFrequency.count(file))
          .isInstanceOf(MalformedFileException.class)
          .hasMessage(file + ": not valid UTF-8 text");
    }

    @Test
    void rejectsNull() {
      assertThatNullPointerException()
          .isThrownBy(() -> WordFrequency.count(null))
          .withMessage("file");
    }
  }

  @Nested
  class Main {

    @Test
    void printsEveryWordMostFrequentFirst() throws Exception {
      Path file = write("to be or not to be");

      var printed = StdStreams.capture(() -> WordFrequency.main(file.toString()));

      assertThat(printed.out().lines().toList()).containsExactly("be 2", "to 2", "not 1", "or 1");
    }

    @Test
    void printsOnlyAsManyAsTheLimit() throws Exception {
      Path file = write("to be or not to be");

      var printed = StdStreams.capture(() -> WordFrequency.main(file.toString(), "1"));

      assertThat(printed.out()).isEqualTo("be 2" + System.lineSeparator());
    }

    @Test
    void rejectsBadArguments() {
      assertThatIllegalArgumentException()
          .isThrownBy(WordFrequency::main)
          .withMessage("usage: junior.files.4 <file> [limit]");
      assertThatIllegalArgumentException()
          .isThrownBy(() -> WordFrequency.main("a", "1", "2"))
          .withMessage("usage: junior.files.4 <file> [limit]");
      assertThatIllegalArgumentException()
          .isThrownBy(() -> WordFrequency.main("a", "0"))
          .withMessage("limit must be at least 1: 0");
      assertThatIllegalArgumentException()
          .isThrownBy(() -> WordFrequency.main("a", "x"))
          .withMessage("not an int: 'x'");
    }
  }

  /** The words written by hand: split at non-word characters, then at runs of apostrophes. */
  private static Map<String, Long> naive(String text) {
    String normalized = Normalizer.normalize(text, Normalizer.Form.NFC).replace('’', '\'');
    var chunk = new StringBuilder();
    List<String> chunks = new ArrayList<>();
    normalized
        .codePoints()
        .forEach(
            c -> {
              if (isWordCharacter(c) || c == '\'') {
                chunk.appendCodePoint(c);
              } else {
                chunks.add(chunk.toString());
                chunk.setLength(0);
              }
            });
    chunks.add(chunk.toString());
    Map<String, Long> counts = new HashMap<>();
    for (String piece : chunks) {
      for (String word : piece.split("'{2,}", -1)) {
        String stripped = word.replaceAll("^'+|'+$", "");
        if (!stripped.isEmpty()) {
          counts.merge(stripped.toLowerCase(Locale.ROOT), 1L, Long::sum);
        }
      }
    }
    return counts;
  }

  private static boolean isWordCharacter(int c) {
    return switch (Character.getType(c)) {
      case Character.UPPERCASE_LETTER,
          Character.LOWERCASE_LETTER,
          Character.TITLECASE_LETTER,
          Character.MODIFIER_LETTER,
          Character.OTHER_LETTER,
          Character.NON_SPACING_MARK,
          Character.ENCLOSING_MARK,
          Character.COMBINING_SPACING_MARK,
          Character.DECIMAL_DIGIT_NUMBER,
          Character.LETTER_NUMBER,
          Character.OTHER_NUMBER ->
          true;
      default -> false;
    };
  }

  private static String show(Map<String, Long> counts) {
    List<String> shown = new ArrayList<>();
    counts.forEach((word, count) -> shown.add(word + "=" + count));
    return String.join(" ", shown);
  }

  private Path write(String text) throws IOException {
    return Files.writeString(Files.createTempFile(dir, "text", ".txt"), text);
  }

  static LongStream seeds() {
    return Seeds.derive(200);
  }
}
