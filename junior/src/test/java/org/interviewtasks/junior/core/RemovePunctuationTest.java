package org.interviewtasks.junior.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import java.util.SplittableRandom;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.interviewtasks.common.testing.RandomData;
import org.interviewtasks.common.testing.Seeds;
import org.interviewtasks.common.testing.StdStreams;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class RemovePunctuationTest {

  /** Every printable ASCII character, plus non-ASCII punctuation, symbols, letters and emoji. */
  private static final int[] ALPHABET =
      IntStream.concat(
              IntStream.rangeClosed(' ', '~'),
              "«»“”‘’¿¡…—–‐·§¶€£×÷±°éÉñЖж中文😀👍𝔘\u0301\u00a0\u2003、。「」".codePoints())
          .toArray();

  private static final Pattern UNICODE_PUNCTUATION =
      Pattern.compile("\\p{P}", Pattern.UNICODE_CHARACTER_CLASS);
  private static final Pattern POSIX_PUNCTUATION = Pattern.compile("\\p{Punct}");

  private static String randomText(long seed) {
    var random = new SplittableRandom(seed);
    return random.nextBoolean()
        ? RandomData.text(random, 40, ALPHABET)
        : RandomData.text(random, 40);
  }

  @Nested
  class Unicode {

    @ParameterizedTest(name = "''{0}'' -> ''{1}''")
    @MethodSource("org.interviewtasks.junior.core.RemovePunctuationTest#unicodeExamples")
    void removesUnicodePunctuationButKeepsSymbols(String text, String expected) {
      assertThat(RemovePunctuation.removePunctuation(text)).isEqualTo(expected);
    }

    @Test
    void keepsCombiningMarksSurrogatePairsAndUnusualSpaces() {
      assertThat(RemovePunctuation.removePunctuation("e\u0301!\u00a0𝔘\u2003?"))
          .isEqualTo("e\u0301\u00a0𝔘\u2003");
      assertThat(RemovePunctuation.removePunctuation("a\uD800.")).isEqualTo("a\uD800");
    }

    @Test
    void classifiesEveryPunctuationCategory() {
      assertThat("_-([)]«»!‿‐⁅⁆‹›¿".codePoints())
          .allSatisfy(c -> assertThat(RemovePunctuation.isPunctuation(c)).as("%s", c).isTrue());
      assertThat("aZ09 $+=^`|~<>€×\u00a0".codePoints())
          .allSatisfy(c -> assertThat(RemovePunctuation.isPunctuation(c)).as("%s", c).isFalse());
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("org.interviewtasks.junior.core.RemovePunctuationTest#seeds")
    void agreesWithTheRegexUnicodePunctuationClass(long seed) {
      String text = randomText(seed);
      String result = RemovePunctuation.removePunctuation(text);

      assertThat(result).isEqualTo(UNICODE_PUNCTUATION.matcher(text).replaceAll(""));
      assertThat(UNICODE_PUNCTUATION.matcher(result).find()).isFalse();
    }

    @Test
    void rejectsNull() {
      assertThatNullPointerException()
          .isThrownBy(() -> RemovePunctuation.removePunctuation(null))
          .withMessage("text");
    }
  }

  @Nested
  class Ascii {

    @ParameterizedTest(name = "''{0}'' -> ''{1}''")
    @MethodSource("org.interviewtasks.junior.core.RemovePunctuationTest#asciiExamples")
    void removesTheAsciiPunctuationOnly(String text, String expected) {
      assertThat(RemovePunctuation.removeAsciiPunctuation(text)).isEqualTo(expected);
    }

    @Test
    void removesExactlyThe32PosixCharacters() {
      String printable =
          IntStream.rangeClosed(' ', '~')
              .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
              .toString();

      assertThat(RemovePunctuation.ASCII_PUNCTUATION).hasSize(32);
      assertThat(RemovePunctuation.removeAsciiPunctuation(printable))
          .isEqualTo(" 0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz");
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("org.interviewtasks.junior.core.RemovePunctuationTest#seeds")
    void agreesWithThePosixPunctClass(long seed) {
      String text = randomText(seed);
      String result = RemovePunctuation.removeAsciiPunctuation(text);

      assertThat(result).isEqualTo(POSIX_PUNCTUATION.matcher(text).replaceAll(""));
      assertThat(POSIX_PUNCTUATION.matcher(result).find()).isFalse();
    }

    @Test
    void rejectsNull() {
      assertThatNullPointerException()
          .isThrownBy(() -> RemovePunctuation.removeAsciiPunctuation(null))
          .withMessage("text");
    }
  }

  @Test
  void mainPrintsTheJoinedArgumentsWithoutPunctuation() throws Exception {
    var printed = StdStreams.capture(() -> RemovePunctuation.main("«Hi»,", "you…", "$5!"));

    assertThat(printed.out()).isEqualTo("Hi you $5" + System.lineSeparator());
  }

  @Test
  void mainRejectsNoArguments() {
    assertThatIllegalArgumentException()
        .isThrownBy(RemovePunctuation::main)
        .withMessage("usage: junior.core.19 <sentence...>");
  }

  static Stream<Arguments> unicodeExamples() {
    return Stream.of(
        Arguments.of("", ""),
        Arguments.of("Hello, world!", "Hello world"),
        Arguments.of("don't stop", "dont stop"),
        Arguments.of("«Bonjour» — dit-il…", "Bonjour  ditil"),
        Arguments.of("¿Qué? ¡Sí!", "Qué Sí"),
        Arguments.of("a - b", "a  b"),
        Arguments.of("snake_case (x) [y] {z}", "snakecase x y z"),
        Arguments.of("\"quoted\" 'single' “curly” ‘too’", "quoted single curly too"),
        Arguments.of("#1 @home 50% a&b a*b a/b a\\b", "1 home 50 ab ab ab ab"),
        Arguments.of("$5 + 3 = 8", "$5 + 3 = 8"),
        Arguments.of("a^b `c` x|y ~z <p>", "a^b `c` x|y ~z <p>"),
        Arguments.of("€10 × 2 ÷ 4 ± 1°", "€10 × 2 ÷ 4 ± 1°"),
        Arguments.of("你好，世界。「引用」", "你好世界引用"),
        Arguments.of("naïve café!", "naïve café"),
        Arguments.of("ok 😀! 👍.", "ok 😀 👍"),
        Arguments.of("Ж, ж.", "Ж ж"));
  }

  static Stream<Arguments> asciiExamples() {
    return Stream.of(
        Arguments.of("", ""),
        Arguments.of("Hello, world!", "Hello world"),
        Arguments.of("$5 + 3 = 8", "5  3  8"),
        Arguments.of("don't", "dont"),
        Arguments.of("a^b `c` x|y ~z <p> {q}", "ab c xy z p q"),
        Arguments.of("«Bonjour» — dit-il…", "«Bonjour» — ditil…"),
        Arguments.of("¿Qué?", "¿Qué"),
        Arguments.of("ok 😀!", "ok 😀"));
  }

  static LongStream seeds() {
    return Seeds.derive(200);
  }
}
