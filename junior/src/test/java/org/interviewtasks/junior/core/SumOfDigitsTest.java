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

class SumOfDigitsTest {

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "0, 0",
    "7, 7",
    "-7, 7",
    "10, 1",
    "12345, 15",
    "-12345, 15",
    "99, 18",
    "1000000, 1",
    "9223372036854775807, 88",
    "-9223372036854775807, 88",
    "-9223372036854775808, 89",
    "2147483647, 46",
    "-2147483648, 47"
  })
  void sumsTheDigitsOfTheAbsoluteValue(long n, int expected) {
    assertThat(SumOfDigits.sumOfDigits(n)).isEqualTo(expected);
    assertThat(SumOfDigits.sumOfDigits(BigInteger.valueOf(n))).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "0, 0",
    "999999999999999999, 162",
    "1000000000000000000, 1",
    "1000000000000000001, 2",
    "-1999999999999999999, 163",
    "123456789012345678901234567890, 135",
    "-99999999999999999999999999999999999999, 342"
  })
  void sumsTheDigitsOfBigIntegersAcrossChunks(BigInteger n, int expected) {
    assertThat(SumOfDigits.sumOfDigits(n)).isEqualTo(expected);
  }

  @Test
  void sumsAThousandNines() {
    assertThat(SumOfDigits.sumOfDigits(BigInteger.TEN.pow(1000).subtract(BigInteger.ONE)))
        .isEqualTo(9000);
  }

  @Test
  void rejectsNull() {
    assertThatNullPointerException()
        .isThrownBy(() -> SumOfDigits.sumOfDigits((BigInteger) null))
        .withMessage("n");
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void agreesWithSummingTheCharsOfTheDecimalString(long seed) {
    var random = new SplittableRandom(seed);
    long n = random.nextLong() >> random.nextInt(64); // all magnitudes, both signs
    BigInteger big = randomBigInteger(random);

    assertThat(SumOfDigits.sumOfDigits(n)).isEqualTo(charSum(Long.toString(n)));
    assertThat(SumOfDigits.sumOfDigits(BigInteger.valueOf(n))).isEqualTo(charSum(Long.toString(n)));
    assertThat(SumOfDigits.sumOfDigits(big)).isEqualTo(charSum(big.toString()));
  }

  @Nested
  class DigitalRoot {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
      "0, 0",
      "5, 5",
      "9, 9",
      "10, 1",
      "18, 9",
      "38, 2",
      "99, 9",
      "12345, 6",
      "-12345, 6",
      "9223372036854775807, 7",
      "-9223372036854775808, 8"
    })
    void repeatsTheSumUntilOneDigitIsLeft(long n, int expected) {
      assertThat(SumOfDigits.digitalRoot(n)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("org.interviewtasks.junior.core.SumOfDigitsTest#seeds")
    void agreesWithRepeatedSumming(long seed) {
      var random = new SplittableRandom(seed);
      long n = random.nextLong() >> random.nextInt(64);

      long root = n;
      while (root < 0 || root > 9) {
        root = SumOfDigits.sumOfDigits(root);
      }
      assertThat(SumOfDigits.digitalRoot(n)).isEqualTo(root);
    }
  }

  @Nested
  class Main {

    @Test
    void printsTheDigitSumOfEachArgument() throws Exception {
      var printed =
          StdStreams.capture(() -> SumOfDigits.main("12345", " -99 ", "99999999999999999999"));

      String n = System.lineSeparator();
      assertThat(printed.out()).isEqualTo("15" + n + "18" + n + "180" + n);
    }

    @Test
    void rejectsBadArguments() {
      assertThatIllegalArgumentException()
          .isThrownBy(SumOfDigits::main)
          .withMessage("usage: junior.core.10 <integer> [integer...]");
      assertThatIllegalArgumentException()
          .isThrownBy(() -> SumOfDigits.main("12", "1.5"))
          .withMessage("not an integer: '1.5'");
      assertThatIllegalArgumentException()
          .isThrownBy(() -> SumOfDigits.main("x"))
          .withMessage("not an integer: 'x'");
    }
  }

  /** Up to 120 random digits, either sign, leading zeros allowed. */
  private static BigInteger randomBigInteger(SplittableRandom random) {
    var digits = new StringBuilder(random.nextBoolean() ? "-" : "");
    for (int i = random.nextInt(1, 121); i > 0; i--) {
      digits.append((char) ('0' + random.nextInt(10)));
    }
    return new BigInteger(digits.toString());
  }

  private static int charSum(String decimal) {
    return decimal.chars().filter(Character::isDigit).map(c -> c - '0').sum();
  }

  static LongStream seeds() {
    return Seeds.derive(300);
  }
}
