package org.interviewtasks.junior.algorithms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.util.SplittableRandom;
import java.util.function.LongBinaryOperator;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.interviewtasks.common.testing.Seeds;
import org.interviewtasks.common.testing.StdStreams;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class GcdTest {

  static Stream<Arguments> versions() {
    return Stream.of(
        Arguments.of("recursive", (LongBinaryOperator) Gcd::gcd),
        Arguments.of("iterative", (LongBinaryOperator) Gcd::gcdIterative));
  }

  static Stream<Arguments> cases() {
    long min = Long.MIN_VALUE;
    long max = Long.MAX_VALUE;
    long[][] table = {
      {12, 18, 6},
      {18, 12, 6},
      {17, 5, 1},
      {7, 7, 7},
      {1, 1, 1},
      {0, 5, 5},
      {5, 0, 5},
      {0, 0, 0},
      {-4, 6, 2},
      {4, -6, 2},
      {-4, -6, 2},
      {-5, 0, 5},
      {0, -5, 5},
      {48, 180, 12},
      {1_000_000_007L * 6, 1_000_000_007L * 10, 2_000_000_014L},
      {max, max, max},
      {max, 1, 1},
      {max, 0, max},
      {-max, 0, max},
      {min, 6, 2},
      {6, min, 2},
      {min, -1, 1},
      {min, 1L << 62, 1L << 62},
      {min, -(1L << 62), 1L << 62},
      {min, max, 1},
      {7_540_113_804_746_346_429L, 4_660_046_610_375_530_309L, 1} // consecutive Fibonacci
    };
    return versions()
        .flatMap(
            version ->
                Stream.of(table)
                    .map(
                        row ->
                            Arguments.of(
                                version.get()[0], version.get()[1], row[0], row[1], row[2])));
  }

  @ParameterizedTest(name = "{0}: gcd({2}, {3}) = {4}")
  @MethodSource("cases")
  void computesTheGreatestCommonDivisor(
      String name, LongBinaryOperator gcd, long a, long b, long expected) {
    assertThat(gcd.applyAsLong(a, b)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("versions")
  void refusesAResultOfTwoToThe63(String name, LongBinaryOperator gcd) {
    assertThatThrownBy(() -> gcd.applyAsLong(Long.MIN_VALUE, 0))
        .isInstanceOf(ArithmeticException.class)
        .hasMessage("gcd(-9223372036854775808, 0) is 2^63, which does not fit in a long");
    assertThatThrownBy(() -> gcd.applyAsLong(0, Long.MIN_VALUE))
        .isInstanceOf(ArithmeticException.class)
        .hasMessage("gcd(0, -9223372036854775808) is 2^63, which does not fit in a long");
    assertThatThrownBy(() -> gcd.applyAsLong(Long.MIN_VALUE, Long.MIN_VALUE))
        .isInstanceOf(ArithmeticException.class)
        .hasMessageStartingWith("gcd(-9223372036854775808, -9223372036854775808) is 2^63");
  }

  static Stream<Arguments> versionsAndSeeds() {
    return versions()
        .flatMap(
            version ->
                seeds().mapToObj(seed -> Arguments.of(version.get()[0], version.get()[1], seed)));
  }

  @ParameterizedTest(name = "{0}: seed {2}")
  @MethodSource("versionsAndSeeds")
  void agreesWithBigInteger(String name, LongBinaryOperator gcd, long seed) {
    var random = new SplittableRandom(seed);
    long common = random.nextLong(1, 1_000);
    long a =
        random.nextBoolean() ? random.nextLong() : random.nextLong(-1_000_000, 1_000_000) * common;
    long b =
        random.nextBoolean() ? random.nextLong() : random.nextLong(-1_000_000, 1_000_000) * common;

    assertThat(gcd.applyAsLong(a, b))
        .as("gcd(%d, %d)", a, b)
        .isEqualTo(BigInteger.valueOf(a).gcd(BigInteger.valueOf(b)).longValueExact());
  }

  @Nested
  class Main {

    @Test
    void printsTheGcdOfTwoArguments() throws Exception {
      var printed = StdStreams.capture(() -> Gcd.main("-48", " 180 "));

      assertThat(printed.out()).isEqualTo("12" + System.lineSeparator());
    }

    @Test
    void needsTwoLongs() {
      assertThatIllegalArgumentException()
          .isThrownBy(() -> Gcd.main("12"))
          .withMessage("usage: junior.algorithms.6 <a> <b>");
      assertThatIllegalArgumentException()
          .isThrownBy(() -> Gcd.main("1", "2", "3"))
          .withMessage("usage: junior.algorithms.6 <a> <b>");
      assertThatIllegalArgumentException()
          .isThrownBy(() -> Gcd.main("12", "1.5"))
          .withMessage("not a long: '1.5'");
    }
  }

  static LongStream seeds() {
    return Seeds.derive(200);
  }
}
