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

class UniqueCharactersTest {

  @ParameterizedTest(name = "\"{0}\" -> repeats {1}")
  @CsvSource({
    "'', ",
    "a, ",
    "abc, ",
    "aA, ",
    "'a b', ",
    "abca, a",
    "hello, l",
    "abba, b",
    "abcdefga, a",
    "'a  b', ' '",
    "😀😁, ",
    "😀a😀, 😀",
    "éeé, é",
    "'ab\u0301c\u0301', \u0301",
    "жук, ",
    "жужа, ж"
  })
  void findsTheFirstRepeatedCodePoint(String text, String repeated) {
    boolean unique = repeated == null;

    assertThat(UniqueCharacters.firstRepeated(text))
        .isEqualTo(unique ? OptionalInt.empty() : OptionalInt.of(repeated.codePointAt(0)));
    assertThat(UniqueCharacters.hasUniqueCharacters(text)).isEqualTo(unique);
    assertThat(UniqueCharacters.hasUniqueCharactersBySorting(text)).isEqualTo(unique);
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("org.interviewtasks.junior.algorithms.UniqueCharactersTest#seeds")
  void agreesWithCountingDistinctCodePoints(long seed) {
    String text =
        RandomData.text(new SplittableRandom(seed), 8, RandomData.alphabet("abcdefgé😀😁"));
    boolean expected =
        text.codePoints().distinct().count() == text.codePointCount(0, text.length());

    assertThat(UniqueCharacters.hasUniqueCharacters(text)).as("\"%s\"", text).isEqualTo(expected);
    assertThat(UniqueCharacters.hasUniqueCharactersBySorting(text))
        .as("\"%s\"", text)
        .isEqualTo(expected);
  }

  @Test
  void rejectsNull() {
    assertThatNullPointerException()
        .isThrownBy(() -> UniqueCharacters.hasUniqueCharacters(null))
        .withMessage("text");
    assertThatNullPointerException()
        .isThrownBy(() -> UniqueCharacters.firstRepeated(null))
        .withMessage("text");
    assertThatNullPointerException()
        .isThrownBy(() -> UniqueCharacters.hasUniqueCharactersBySorting(null))
        .withMessage("text");
  }

  @Nested
  class Main {

    @Test
    void printsTheVerdictPerArgument() throws Exception {
      var printed = StdStreams.capture(() -> UniqueCharacters.main("hello", "world"));

      assertThat(printed.out())
          .isEqualTo(
              String.join(
                  System.lineSeparator(),
                  "\"hello\": 'l' repeats",
                  "\"world\": all characters unique",
                  ""));
    }

    @Test
    void needsAnArgument() {
      assertThatIllegalArgumentException()
          .isThrownBy(UniqueCharacters::main)
          .withMessage("usage: junior.algorithms.13 <text> [text...]");
    }
  }

  static LongStream seeds() {
    return Seeds.derive(200);
  }
}
