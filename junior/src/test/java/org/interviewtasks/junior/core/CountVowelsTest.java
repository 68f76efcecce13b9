package org.interviewtasks.junior.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import java.text.Normalizer;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.interviewtasks.common.testing.RandomData;
import org.interviewtasks.common.testing.Seeds;
import org.interviewtasks.common.testing.StdStreams;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class CountVowelsTest {

  private static final int[] ASCII_LETTERS =
      RandomData.alphabet("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ .,!0");

  @ParameterizedTest(name = "''{0}'' -> {1}")
  @CsvSource({
    "'', 0",
    "a, 1",
    "A, 1",
    "u, 1",
    "U, 1",
    "b, 0",
    "hello world, 3",
    "AEIOU aeiou, 10",
    "rhythm, 0",
    "gym YYY, 0",
    "yes, 1",
    "Programming in Java, 6",
    "'   ', 0",
    "12345 !?, 0"
  })
  void countsAsciiVowelsInEitherCaseButNotY(String text, int expected) {
    assertThat(CountVowels.countVowels(text)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "''{0}'' -> {1}")
  @CsvSource({
    "café, 2",
    "NAÏVE, 3",
    "Ångström, 2",
    "où, 2",
    "ÀÉÎÕÜ àéîõü, 10",
    "İstanbul, 3",
    "æ œ ø Æ Œ Ø, 0",
    "Москва, 0",
    "αεηιουω, 0",
    "中文字, 0",
    "😀🎉👍, 0",
    "a😀e, 2"
  })
  void countsAccentedLatinVowelsOnly(String text, int expected) {
    assertThat(CountVowels.countVowels(text)).isEqualTo(expected);
  }

  @Test
  void countsAnAccentedVowelOnceWhetherPrecomposedOrDecomposed() {
    String precomposed = "caf\u00e9";
    String decomposed = "cafe\u0301";

    assertThat(CountVowels.countVowels(precomposed)).isEqualTo(2);
    assertThat(CountVowels.countVowels(decomposed)).isEqualTo(2);
    assertThat(CountVowels.countVowels("\u0301\u0301")).isZero();
    assertThat(CountVowels.countVowels("o\u0308\u0301")).isEqualTo(1);
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void doesNotDependOnTheNormalizationForm(long seed) {
    String text = RandomData.text(new SplittableRandom(seed), 40);
    int count = CountVowels.countVowels(text);

    assertThat(CountVowels.countVowels(Normalizer.normalize(text, Normalizer.Form.NFC)))
        .isEqualTo(count);
    assertThat(CountVowels.countVowels(Normalizer.normalize(text, Normalizer.Form.NFD)))
        .isEqualTo(count);
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void agreesWithASimpleLoopOnAsciiText(long seed) {
    String text = RandomData.text(new SplittableRandom(seed), 60, ASCII_LETTERS);
    long expected =
        text.chars()
            .map(Character::toLowerCase)
            .filter(c -> c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u')
            .count();

    assertThat(CountVowels.countVowels(text)).isEqualTo(expected);
  }

  @Test
  void rejectsNull() {
    assertThatNullPointerException()
        .isThrownBy(() -> CountVowels.countVowels(null))
        .withMessage("text");
  }

  @Test
  void mainPrintsTheCountOfTheJoinedArguments() throws Exception {
    var printed = StdStreams.capture(() -> CountVowels.main("Café", "au", "lait"));

    assertThat(printed.out()).isEqualTo("6" + System.lineSeparator());
  }

  @Test
  void mainRejectsNoArguments() {
    assertThatIllegalArgumentException()
        .isThrownBy(CountVowels::main)
        .withMessage("usage: junior.core.15 <text...>");
  }

  static LongStream seeds() {
    return Seeds.derive(200);
  }
}
