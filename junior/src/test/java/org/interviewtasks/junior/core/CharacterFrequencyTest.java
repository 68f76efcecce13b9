package org.interviewtasks.junior.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.interviewtasks.common.testing.RandomData;
import org.interviewtasks.common.testing.Seeds;
import org.interviewtasks.common.testing.StdStreams;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class CharacterFrequencyTest {

  @Nested
  class Count {

    @ParameterizedTest(name = "''{1}'' in ''{0}'' -> {2}")
    @CsvSource({
      "'', a, 0",
      "a, a, 1",
      "banana, a, 3",
      "banana, n, 2",
      "banana, x, 0",
      "Banana, b, 0",
      "Banana, B, 1",
      "'a a a', ' ', 2",
      "😀a😀b😀, 😀, 3",
      "中文中, 中, 2",
      "Ééé, é, 2",
      "e\u0301e, e, 2"
    })
    void countsCaseSensitivelyByCodePoint(String text, String character, long expected) {
      assertThat(CharacterFrequency.count(text, character.codePointAt(0))).isEqualTo(expected);
    }

    @Test
    void acceptsACharThatWidensToACodePoint() {
      assertThat(CharacterFrequency.count("mississippi", 's')).isEqualTo(4);
      assertThat(CharacterFrequency.count("\u0000x\u0000", 0)).isEqualTo(2);
      assertThat(CharacterFrequency.count("\uDBFF\uDFFF", Character.MAX_CODE_POINT)).isEqualTo(1);
    }

    @Test
    void anEmojiDoesNotMatchItsHalves() {
      assertThat(CharacterFrequency.count("😀", 0x1F600)).isEqualTo(1);
      assertThat(CharacterFrequency.count("\uD83D\uDE00\uDE00", 0x1F600)).isEqualTo(1);
    }

    @ParameterizedTest(name = "U+{0}")
    @ValueSource(ints = {0xD800, 0xD83D, 0xDBFF, 0xDC00, 0xDE00, 0xDFFF})
    void rejectsHalfOfASurrogatePair(int surrogate) {
      String expected =
          String.format(
              "U+%04X is half of a surrogate pair, not a character: pass the whole code point,"
                  + " e.g. text.codePointAt(i)",
              surrogate);
      assertThatIllegalArgumentException()
          .isThrownBy(() -> CharacterFrequency.count("😀", surrogate))
          .withMessage(expected);
      assertThatIllegalArgumentException()
          .isThrownBy(() -> CharacterFrequency.countIgnoringCase("😀", surrogate))
          .withMessage(expected);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(ints = {-1, 0x110000, Integer.MIN_VALUE, Integer.MAX_VALUE})
    void rejectsIntsThatAreNoCodePoint(int notACodePoint) {
      String expected =
          "not a Unicode code point: " + notACodePoint + " (code points are 0 to 0x10FFFF)";
      assertThatIllegalArgumentException()
          .isThrownBy(() -> CharacterFrequency.count("a", notACodePoint))
          .withMessage(expected);
      assertThatIllegalArgumentException()
          .isThrownBy(() -> CharacterFrequency.countIgnoringCase("a", notACodePoint))
          .withMessage(expected);
    }

    @Test
    void rejectsNullText() {
      assertThatNullPointerException()
          .isThrownBy(() -> CharacterFrequency.count(null, 'a'))
          .withMessage("text");
      assertThatNullPointerException()
          .isThrownBy(() -> CharacterFrequency.countIgnoringCase(null, 'a'))
          .withMessage("text");
    }
  }

  @Nested
  class IgnoringCase {

    @ParameterizedTest(name = "''{1}'' in ''{0}'' -> {2}")
    @CsvSource({
      "Banana, b, 1",
      "Banana, A, 3",
      "AaAa, a, 4",
      "ÉéE, é, 2",
      "ΣσςΩ, σ, 3",
      "ЖжЯ, Ж, 2",
      "😀😀, 😀, 2",
      "Straße STRASSE, ß, 1",
      "'', a, 0",
      "xyz, a, 0"
    })
    void matchesUpperAndLowerCase(String text, String character, long expected) {
      assertThat(CharacterFrequency.countIgnoringCase(text, character.codePointAt(0)))
          .isEqualTo(expected);
    }
  }

  @Nested
  class Frequencies {

    @Test
    void countsEveryCharacterInOrderOfFirstAppearance() {
      assertThat(CharacterFrequency.frequencies("banana"))
          .containsExactly(entry("b", 1L), entry("a", 3L), entry("n", 2L));
      assertThat(CharacterFrequency.frequencies("😀a😀 "))
          .containsExactly(entry("😀", 2L), entry("a", 1L), entry(" ", 1L));
      assertThat(CharacterFrequency.frequencies("Aa"))
          .containsExactly(entry("A", 1L), entry("a", 1L));
      assertThat(CharacterFrequency.frequencies("")).isEmpty();
    }

    @Test
    void countsALoneSurrogateAsACharacterOfItsOwn() {
      assertThat(CharacterFrequency.frequencies("\uD800a\uD800"))
          .containsExactly(entry("\uD800", 2L), entry("a", 1L));
    }

    @Test
    void isUnmodifiable() {
      Map<String, Long> frequencies = CharacterFrequency.frequencies("ab");

      assertThatThrownBy(() -> frequencies.put("c", 1L))
          .isInstanceOf(UnsupportedOperationException.class);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("org.interviewtasks.junior.core.CharacterFrequencyTest#seeds")
    void agreesWithGroupingByAndWithCount(long seed) {
      String text = RandomData.text(new SplittableRandom(seed), 50);
      Map<String, Long> frequencies = CharacterFrequency.frequencies(text);
      Map<String, Long> expected =
          text.codePoints()
              .mapToObj(Character::toString)
              .collect(
                  Collectors.groupingBy(
                      Function.identity(), LinkedHashMap::new, Collectors.counting()));

      assertThat(frequencies).containsExactlyEntriesOf(expected);
      assertThat(frequencies.values().stream().mapToLong(Long::longValue).sum())
          .isEqualTo(text.codePointCount(0, text.length()));
      frequencies.forEach(
          (c, n) -> assertThat(CharacterFrequency.count(text, c.codePointAt(0))).isEqualTo(n));
    }

    @Test
    void rejectsNull() {
      assertThatNullPointerException()
          .isThrownBy(() -> CharacterFrequency.frequencies(null))
          .withMessage("text");
    }
  }

  @Nested
  class Main {

    @Test
    void countsTheFirstArgumentInTheOthers() throws Exception {
      var printed = StdStreams.capture(() -> CharacterFrequency.main("a", "banana", "bread"));
      var emoji = StdStreams.capture(() -> CharacterFrequency.main("😀", "😀 hi 😀"));
      var space = StdStreams.capture(() -> CharacterFrequency.main(" ", "a", "b", "c"));

      assertThat(printed.out()).isEqualTo("4" + System.lineSeparator());
      assertThat(emoji.out()).isEqualTo("2" + System.lineSeparator());
      assertThat(space.out()).isEqualTo("2" + System.lineSeparator());
    }

    @Test
    void printsTheFrequencyTableOfASingleArgument() throws Exception {
      var printed = StdStreams.capture(() -> CharacterFrequency.main("abca😀"));

      assertThat(printed.out())
          .isEqualTo(
              String.join(System.lineSeparator(), "'a': 2", "'b': 1", "'c': 1", "'😀': 1", ""));
    }

    @Test
    void rejectsABadCharacterAndNoArguments() {
      assertThatIllegalArgumentException()
          .isThrownBy(() -> CharacterFrequency.main("ab", "text"))
          .withMessage("the character to count must be exactly one character, got 'ab'");
      assertThatIllegalArgumentException()
          .isThrownBy(() -> CharacterFrequency.main("", "text"))
          .withMessage("the character to count must be exactly one character, got ''");
      assertThatIllegalArgumentException()
          .isThrownBy(CharacterFrequency::main)
          .withMessage("usage: junior.core.20 [<character>] <text...>");
    }
  }

  static LongStream seeds() {
    return Seeds.derive(200);
  }
}
