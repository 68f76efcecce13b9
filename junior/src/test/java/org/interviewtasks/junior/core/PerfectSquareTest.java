package org.interviewtasks.junior.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import java.math.BigInteger;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.interviewtasks.common.testing.Seeds;
import org.interviewtasks.common.testing.StdStreams;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class PerfectSquareTest {

  private static final long TWO_26_PLUS_1 = (1L << 26) + 1;

  @Nested
  class Longs {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
      "0, true",
      "1, true",
      "2, false",
      "3, false",
      "4, true",
      "15, false",
      "16, true",
      "17, false",
      "144, true",
      "1000000, true",
      "999999, false",
      "4611686014132420609, true",
      "9223372030926249001, true",
      "9223372030926249000, false",
      "9223372030926249002, false",
      "9223372036854775807, false",
      "-1, false",
      "-4, false",
      "-9223372036854775808, false"
    })
    void answersCorrectly(long n, boolean expected) {
      assertThat(PerfectSquare.isPerfectSquare(n)).isEqualTo(expected);
    }

    @Test
    void isNotFooledByDoubleRoundingNearTwoToThe53() {
      long square = TWO_26_PLUS_1 * TWO_26_PLUS_1;
      long below = square - 1;

      assertThat(Math.sqrt((double) below)).as("the naive check lies").isEqualTo(TWO_26_PLUS_1);
      assertThat(PerfectSquare.isPerfectSquare(below)).isFalse();
      assertThat(PerfectSquare.isPerfectSquare(square)).isTrue();
      assertThat(PerfectSquare.isqrt(below)).isEqualTo(TWO_26_PLUS_1 - 1);
      assertThat(PerfectSquare.isqrt(square)).isEqualTo(TWO_26_PLUS_1);
    }

    @ParameterizedTest(name = "isqrt({0}) = {1}")
    @CsvSource({
      "0, 0",
      "1, 1",
      "3, 1",
      "4, 2",
      "8, 2",
      "9, 3",
      "4611686014132420608, 2147483646",
      "4611686014132420609, 2147483647",
      "9223372030926249000, 3037000498",
      "9223372030926249001, 3037000499",
      "9223372036854775807, 3037000499"
    })
    void computesTheIntegerSquareRoot(long n, long root) {
      assertThat(PerfectSquare.isqrt(n)).isEqualTo(root);
    }

    @ParameterizedTest(name = "n = {0}, estimate {1} -> {2}")
    @CsvSource({
      "15, 3, 3",
      "15, 4, 3",
      "16, 3, 4",
      "16, 4, 4",
      "16, 5, 4",
      "17, 3, 4",
      "0, -1, 0",
      "0, 1, 0",
      "1, 0, 1",
      "9223372036854775807, 3037000498, 3037000499",
      "9223372036854775807, 3037000499, 3037000499",
      "9223372036854775807, 3037000500, 3037000499",
      "9223372030926249001, 3037000498, 3037000499",
      "9223372030926249000, 3037000499, 3037000498"
    })
    void correctsAnEstimateOffByOneInEitherDirection(long n, long estimate, long root) {
      assertThat(PerfectSquare.correct(n, estimate)).isEqualTo(root);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("org.interviewtasks.junior.core.PerfectSquareTest#seeds")
    void agreesWithBigIntegerSqrt(long seed) {
      var random = new SplittableRandom(seed);
      long k = random.nextLong(PerfectSquare.MAX_ROOT + 1);
      long square = k * k;
      long[] candidates = {
        random.nextLong(), random.nextLong(1L << 53), square, square - 1, square + 1, k
      };
      for (long n : candidates) {
        BigInteger big = BigInteger.valueOf(n);
        boolean expected = n >= 0 && big.sqrt().pow(2).equals(big);

        assertThat(PerfectSquare.isPerfectSquare(n)).as("n = %d", n).isEqualTo(expected);
        assertThat(PerfectSquare.isPerfectSquare(big)).as("n = %d", n).isEqualTo(expected);
        if (n >= 0) {
          assertThat(PerfectSquare.isqrt(n)).as("n = %d", n).isEqualTo(big.sqrt().longValueExact());
        }
      }
    }

    @ParameterizedTest(name = "isqrt({0})")
    @ValueSource(longs = {-1, -4, Long.MIN_VALUE})
    void isqrtRejectsNegativeNumbers(long n) {
      assertThatIllegalArgumentException()
          .isThrownBy(() -> PerfectSquare.isqrt(n))
          .withMessage("a negative number has no square root: " + n);
    }
  }

  @Nested
  class BigIntegers {

    @Test
    void answersForNumbersOfAnySize() {
      BigInteger big = BigInteger.TEN.pow(40).add(BigInteger.valueOf(7));
      BigInteger square = big.multiply(big);

      assertThat(PerfectSquare.isPerfectSquare(square)).isTrue();
      assertThat(PerfectSquare.isPerfectSquare(square.add(BigInteger.ONE))).isFalse();
      assertThat(PerfectSquare.isPerfectSquare(square.subtract(BigInteger.ONE))).isFalse();
      assertThat(PerfectSquare.isPerfectSquare(BigInteger.ZERO)).isTrue();
      assertThat(PerfectSquare.isPerfectSquare(BigInteger.ONE)).isTrue();
      assertThat(PerfectSquare.isPerfectSquare(BigInteger.valueOf(-4))).isFalse();
    }

    @Test
    void rejectsNull() {
      assertThatNullPointerException()
          .isThrownBy(() -> PerfectSquare.isPerfectSquare((BigInteger) null))
          .withMessage("n");
    }
  }

  @Nested
  class Main {

    @Test
    void printsTheRootOfASquare() throws Exception {
      var printed = StdStreams.capture(() -> PerfectSquare.main(" 9223372030926249001 "));

      assertThat(printed.out())
          .isEqualTo(
              "9223372030926249001 is a perfect square (3037000499^2)" + System.lineSeparator());
    }

    @Test
    void saysWhenItIsNotASquareEvenBeyondLong() throws Exception {
      var printed = StdStreams.capture(() -> PerfectSquare.main("100000000000000000000000001"));
      var negative = StdStreams.capture(() -> PerfectSquare.main("-16"));

      assertThat(printed.out())
          .isEqualTo(
              "100000000000000000000000001 is not a perfect square" + System.lineSeparator());
      assertThat(negative.out()).isEqualTo("-16 is not a perfect square" + System.lineSeparator());
    }

    @Test
    void rejectsBadArguments() {
      assertThatIllegalArgumentException()
          .isThrownBy(() -> PerfectSquare.main("4.0"))
          .withMessage("not an integer: '4.0'");
      assertThatIllegalArgumentException()
          .isThrownBy(() -> PerfectSquare.main("4", "9"))
          .withMessage("usage: junior.core.18 <integer>");
      assertThatIllegalArgumentException()
          .isThrownBy(PerfectSquare::main)
          .withMessage("usage: junior.core.18 <integer>");
    }
  }

  static LongStream seeds() {
    return Seeds.derive(200);
  }
}
