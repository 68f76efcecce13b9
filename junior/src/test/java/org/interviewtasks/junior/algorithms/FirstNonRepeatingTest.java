package org.interviewtasks.junior.algorithms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import java.util.OptionalInt;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.interviewtasks.common.testing.RandomData;
import org.interviewtasks.common.testing.Seeds;
import org.interviewtasks.common.testing.StdStreams;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class FirstNonRepeatingTest {

  @ParameterizedTest(name = "\"{0}\" -> {1}")
  @CsvSource({
    "swiss, w",
    "a, a",
    "abc, a",
    "aabbc, c",
    "abab, ",
    "'', ",
    "aabbcc, ",
    "abcab, c",
    "stress, t",
    "aA, a",
    "Aa, A",
    "aaA, A",
    "'a a', ' '",
    "'ab a', b",
    "😀a😀, a",
    "a😀a, 😀",
    "😀😁😀, 😁",
    "éeé, e",
    "ééß, ß"
  })
  void findsTheFirstCodePointThatOccursOnce(String text, String expected) {
    OptionalInt expectedCodePoint =
        expected == null ? OptionalInt.empty() : OptionalInt.of(expected.codePointAt(0));

    assertThat(FirstNonRepeating.firstNonRepeating(text)).isEqualTo(expectedCodePoint);
  }

  @Test
  void treatsEmojiAsOneCharacterEvenWhenTheyShareASurrogate() {
    // 😀 and 😁 both begin with the high surrogate U+D83D; by char, U+D83D would repeat
    assertThat(FirstNonRepeating.firstNonRepeating("😀😁")).hasValue("😀".codePointAt(0));
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("org.interviewtasks.junior.algorithms.FirstNonRepeatingTest#seeds")
  void agreesWithCountingEachCharacterAgain(long seed) {
    String text = RandomData.text(new SplittableRandom(seed), 12, RandomData.alphabet("abcdé😀"));
    OptionalInt expected =
        text.codePoints()
            .filter(cp -> text.codePoints().filter(other -> other == cp).count() == 1)
            .findFirst();

    assertThat(FirstNonRepeating.firstNonRepeating(text)).as("\"%s\"", text).isEqualTo(expected);
  }

  @Test
  void rejectsNull() {
    assertThatNullPointerException()
        .isThrownBy(() -> FirstNonRepeating.firstNonRepeating(null))
        .withMessage("text");
  }

  @Nested
  class Main {

    @Test
    void printsTheCharacterOrNone() throws Exception {
      var printed = StdStreams.capture(() -> FirstNonRepeating.main("swiss", "aabb", "😀x😀"));

      assertThat(printed.out())
          .isEqualTo(
              String.join(
                  System.lineSeparator(), "\"swiss\": w", "\"aabb\": none", "\"😀x😀\": x", ""));
    }

    @Test
    void needsAnArgument() {
      assertThatIllegalArgumentException()
          .isThrownBy(FirstNonRepeating::main)
          .withMessage("usage: junior.algorithms.8 <text> [text...]");
    }
  }

  static LongStream seeds() {
    return Seeds.derive(200);
  }
}
