package org.interviewtasks.mid.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.interviewtasks.common.testing.RandomData;
import org.interviewtasks.common.testing.Seeds;
import org.interviewtasks.common.testing.StdStreams;
import org.interviewtasks.junior.core.CharacterFrequency;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class CharacterCountTest {

  /** A reader that hands out at most {@code chunk} chars per read, as a slow stream would. */
  static Reader chunked(String text, SplittableRandom random, int maxChunk) {
    return new Reader() {
      private int position;

      @Override
      public int read(char[] buffer, int offset, int length) {
        if (position == text.length()) {
          return -1;
        }
        int n =
            Math.min(Math.min(length, random.nextInt(1, maxChunk + 1)), text.length() - position);
        text.getChars(position, position + n, buffer, offset);
        position += n;
        return n;
      }

      @Override
      public void close() {}
    };
  }

  static Map<String, Long> counts(Object... keysAndCounts) {
    Map<String, Long> map = new LinkedHashMap<>();
    for (int i = 0; i < keysAndCounts.length; i += 2) {
      map.put((String) keysAndCounts[i], ((Number) keysAndCounts[i + 1]).longValue());
    }
    return map;
  }

  @Nested
  class ByCodePoint {

    @Test
    void countsInOrderOfFirstAppearance() {
      assertThat(CharacterCount.byCodePoint("hello"))
          .containsExactly(
              Map.entry("h", 1L), Map.entry("e", 1L), Map.entry("l", 2L), Map.entry("o", 1L));
      assertThat(CharacterCount.byCodePoint("")).isEmpty();
    }

    @Test
    void isJuniorsFrequencyCount() {
      String text = "Mississippi 😀😀 e\u0301";

      assertThat(CharacterCount.byCodePoint(text))
          .isEqualTo(CharacterFrequency.frequencies(text))
          .containsEntry("😀", 2L)
          .containsEntry("\u0301", 1L)
          .isUnmodifiable();
    }
  }

  @Nested
  class ByGrapheme {

    @Test
    void bothSpellingsOfAnAccentedLetterAreOneCharacter() {
      assertThat(CharacterCount.byGrapheme("\u00e9e\u0301"))
          .containsExactly(Map.entry("\u00e9", 2L));
      assertThat(CharacterCount.byCodePoint("\u00e9e\u0301")).hasSize(3);
    }

    @ParameterizedTest(name = "{0} counts as one character")
    @CsvSource({"🇫🇷", "👍🏽", "👨‍👩‍👧", "ö̲"})
    void clustersOfCodePointsAreOneCharacter(String cluster) {
      assertThat(CharacterCount.byGrapheme(cluster + "x" + cluster))
          .containsExactly(Map.entry(cluster, 2L), Map.entry("x", 1L));
    }

    @Test
    void aWindowsLineEndIsOneCharacter() {
      assertThat(CharacterCount.byGrapheme("a\r\nb\n"))
          .containsExactly(
              Map.entry("a", 1L), Map.entry("\r\n", 1L), Map.entry("b", 1L), Map.entry("\n", 1L));
    }

    @Test
    void countsPlainTextLikeCodePoints() {
      assertThat(CharacterCount.byGrapheme("abracadabra"))
          .containsExactly(
              Map.entry("a", 5L),
              Map.entry("b", 2L),
              Map.entry("r", 2L),
              Map.entry("c", 1L),
              Map.entry("d", 1L))
          .isUnmodifiable();
      assertThat(CharacterCount.byGrapheme("")).isEmpty();
    }

    @Test
    void rejectsNull() {
      assertThatNullPointerException()
          .isThrownBy(() -> CharacterCount.byGrapheme(null))
          .withMessage("text");
    }
  }

  @Nested
  class FromReader {

    @Test
    void countsAcrossTheBufferBoundary() throws IOException {
      String text = "a" + "😀".repeat(10_000); // the 8192-char buffer ends inside a pair

      Map<String, Long> counts = CharacterCount.byCodePoint(new StringReader(text));

      assertThat(counts).containsExactly(Map.entry("a", 1L), Map.entry("😀", 10_000L));
    }

    @Test
    void loneSurrogatesCountAsThemselves() throws IOException {
      var random = new SplittableRandom(1);

      assertThat(CharacterCount.byCodePoint(chunked("a\uD83D", random, 1)))
          .isEqualTo(counts("a", 1, "\uD83D", 1));
      assertThat(CharacterCount.byCodePoint(chunked("\uD83Dx\uD83D\uD83D", random, 1)))
          .isEqualTo(counts("\uD83D", 3, "x", 1));
      assertThat(CharacterCount.byCodePoint(chunked("\uDE00\uD83D\uDE00", random, 1)))
          .isEqualTo(counts("\uDE00", 1, "😀", 1));
      assertThat(CharacterCount.byCodePoint(new StringReader(""))).isEmpty();
    }

    @Test
    void doesNotCloseTheReader() throws IOException {
      var reader = new StringReader("abc");
      CharacterCount.byCodePoint(reader);

      assertThat(reader.ready()).isTrue(); // a closed StringReader would throw
    }

    @Test
    void rejectsNull() {
      assertThatNullPointerException()
          .isThrownBy(() -> CharacterCount.byCodePoint((Reader) null))
          .withMessage("reader");
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("org.interviewtasks.mid.core.CharacterCountTest#seeds")
    void agreesWithCountingTheWholeString(long seed) throws IOException {
      var random = new SplittableRandom(seed);
      String text = RandomData.text(random, 200);

      assertThat(CharacterCount.byCodePoint(chunked(text, random, 5)))
          .containsExactlyEntriesOf(CharacterCount.byCodePoint(text))
          .isUnmodifiable();
    }
  }

  @Nested
  class MostCommon {

    @Test
    void sortsByDescendingCountAndKeepsFirstAppearanceForTies() {
      Map<String, Long> counts = counts("b", 2, "a", 2, "c", 3, "d", 1, "e", 2);

      assertThat(CharacterCount.mostCommon(counts, 3))
          .containsExactly(Map.entry("c", 3L), Map.entry("b", 2L), Map.entry("a", 2L));
      assertThat(CharacterCount.mostCommon(counts, 5))
          .extracting(Map.Entry::getKey)
          .containsExactly("c", "b", "a", "e", "d");
    }

    @Test
    void takesAllWhenKIsLargeAndNoneWhenKIsZero() {
      Map<String, Long> counts = CharacterCount.byCodePoint("aab");

      assertThat(CharacterCount.mostCommon(counts, 10))
          .containsExactly(Map.entry("a", 2L), Map.entry("b", 1L))
          .isUnmodifiable();
      assertThat(CharacterCount.mostCommon(counts, 0)).isEmpty();
      assertThat(CharacterCount.mostCommon(Map.of(), 1)).isEmpty();
    }

    @Test
    void rejectsNegativeKAndNull() {
      assertThatIllegalArgumentException()
          .isThrownBy(() -> CharacterCount.mostCommon(Map.of(), -1))
          .withMessage("k must not be negative, was -1");
      assertThatNullPointerException()
          .isThrownBy(() -> CharacterCount.mostCommon(null, 1))
          .withMessage("counts");
    }
  }

  @Nested
  class Main {

    @Test
    void printsCharactersMostCommonFirst() throws Exception {
      var printed = StdStreams.capture(() -> CharacterCount.main("hello 🇫🇷"));

      assertThat(printed.out().lines())
          .containsExactly("'l' 2", "'h' 1", "'e' 1", "'o' 1", "' ' 1", "'🇫🇷' 1");
    }

    @Test
    void needsExactlyOneArgument() {
      assertThatIllegalArgumentException()
          .isThrownBy(CharacterCount::main)
          .withMessage("usage: mid.core.1 <text>");
      assertThatIllegalArgumentException()
          .isThrownBy(() -> CharacterCount.main("a", "b"))
          .withMessage("usage: mid.core.1 <text>");
    }
  }

  static LongStream seeds() {
    return Seeds.derive(200);
  }
}
