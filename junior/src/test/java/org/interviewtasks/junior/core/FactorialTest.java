package org.interviewtasks.junior.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.time.Duration;
import java.util.function.IntFunction;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.interviewtasks.common.testing.Hostile;
import org.interviewtasks.common.testing.StdStreams;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class FactorialTest {

  static Stream<Named<IntFunction<BigInteger>>> bigVersions() {
    return Stream.of(
        Named.of("iterative", Factorial::iterative), Named.of("recursive", Factorial::recursive));
  }

  @ParameterizedTest(name = "{0}! = {1}")
  @CsvSource({
    "0, 1",
    "1, 1",
    "2, 2",
    "3, 6",
    "4, 24",
    "5, 120",
    "6, 720",
    "7, 5040",
    "8, 40320",
    "9, 362880",
    "10, 3628800",
    "11, 39916800",
    "12, 479001600",
    "13, 6227020800",
    "14, 87178291200",
    "15, 1307674368000",
    "16, 20922789888000",
    "17, 355687428096000",
    "18, 6402373705728000",
    "19, 121645100408832000",
    "20, 2432902008176640000",
    "21, 51090942171709440000",
    "22, 1124000727777607680000",
    "23, 25852016738884976640000",
    "24, 620448401733239439360000",
    "25, 15511210043330985984000000"
  })
  void knownValues(int n, BigInteger expected) {
    assertThat(Factorial.iterative(n)).isEqualTo(expected);
    assertThat(Factorial.recursive(n)).isEqualTo(expected);
    if (n <= 20) {
      assertThat(Factorial.exact(n)).isEqualTo(expected.longValueExact());
    }
  }

  @Test
  void iterativeAndRecursiveAgreeUpTo300() {
    IntStream.rangeClosed(0, 300)
        .forEach(n -> assertThat(Factorial.recursive(n)).isEqualTo(Factorial.iterative(n)));
  }

  @Test
  void iterativeAndRecursiveAgreeOn5000() {
    BigInteger iterative = Factorial.iterative(5000);
    BigInteger recursive = Factorial.recursive(5000);

    assertThat(recursive.bitLength()).isEqualTo(iterative.bitLength());
    assertThat(recursive).isEqualTo(iterative);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("bigVersions")
  void thousandFactorialHas2568DigitsAnd249TrailingZeros(IntFunction<BigInteger> factorial) {
    String digits = factorial.apply(1000).toString();

    assertThat(digits).hasSize(2568).startsWith("402387260077").endsWith("0".repeat(249));
    assertThat(digits.charAt(digits.length() - 250)).isNotEqualTo('0');
  }

  @Test
  void recursionOnHalvesDoesNotOverflowTheStackForLargeN() {
    BigInteger big = Factorial.recursive(30_000);

    assertThat(big.divide(Factorial.recursive(29_999))).isEqualTo(BigInteger.valueOf(30_000));
    assertThat(big.bitLength()).isEqualTo(402_909);
  }

  @Nested
  class Exact {

    @Test
    void twentyIsTheLargestThatFits() {
      assertThat(Factorial.exact(20)).isEqualTo(2_432_902_008_176_640_000L);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(ints = {21, 22, 100, Integer.MAX_VALUE})
    void overflowThrowsAndPointsToBigInteger(int n) {
      assertThatThrownBy(() -> Factorial.exact(n))
          .isInstanceOf(ArithmeticException.class)
          .hasMessage(
              n
                  + "! does not fit in a long (20! is the largest that does);"
                  + " use iterative(n) or recursive(n), which return a BigInteger")
          .hasCauseInstanceOf(ArithmeticException.class);
    }
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(ints = {-1, -2, Integer.MIN_VALUE})
  void rejectsNegativeNumbersEverywhere(int n) {
    String message = "no factorial of a negative number: " + n;
    assertThatIllegalArgumentException()
        .isThrownBy(() -> Factorial.iterative(n))
        .withMessage(message);
    assertThatIllegalArgumentException()
        .isThrownBy(() -> Factorial.recursive(n))
        .withMessage(message);
    assertThatIllegalArgumentException().isThrownBy(() -> Factorial.exact(n)).withMessage(message);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(ints = {30_001, 1_000_000, Integer.MAX_VALUE})
  void rejectsNumbersBeyondTheContractBeforeComputing(int n) {
    String message = "n must be at most 30000 (its factorial has 121288 digits): " + n;
    assertThatIllegalArgumentException()
        .isThrownBy(() -> Factorial.iterative(n))
        .withMessage(message);
    assertThatIllegalArgumentException()
        .isThrownBy(() -> Factorial.recursive(n))
        .withMessage(message);
    assertThatIllegalArgumentException()
        .isThrownBy(() -> Factorial.main("5", Integer.toString(n)))
        .withMessage(message);
  }

  static IntStream hostileInts() {
    return Hostile.ints();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("hostileInts")
  void hostileSizesAreAnsweredOrRefusedQuickly(int n) {
    for (Named<IntFunction<BigInteger>> version : bigVersions().toList()) {
      Hostile.Outcome outcome =
          Hostile.assertHandled(
              version.getName() + "(" + n + ")",
              Duration.ofSeconds(10),
              512L << 20,
              () -> version.getPayload().apply(n));
      if (!outcome.threw()) {
        assertThat(outcome.value()).contains(Factorial.recursive(n));
      }
    }
    Hostile.assertHandled(
        "exact(" + n + ")", Duration.ofSeconds(10), 1L << 20, () -> Factorial.exact(n));
  }

  @Test
  void computesTheLargestSupportedNBothWays() {
    BigInteger largest = Factorial.recursive(Factorial.MAX_N);
    assertThat(largest.toString()).hasSize(121_288);
    assertThat(Factorial.iterative(Factorial.MAX_N)).isEqualTo(largest);
  }

  @Nested
  class Main {

    @Test
    void printsTheFactorialOfEachArgument() throws Exception {
      var printed = StdStreams.capture(() -> Factorial.main("5", " 0 ", "25"));

      String n = System.lineSeparator();
      assertThat(printed.out())
          .isEqualTo("5! = 120" + n + "0! = 1" + n + "25! = 15511210043330985984000000" + n);
    }

    @Test
    void rejectsBadArguments() {
      assertThatIllegalArgumentException()
          .isThrownBy(Factorial::main)
          .withMessage("usage: junior.core.7 <n> [n...]");
      assertThatIllegalArgumentException()
          .isThrownBy(() -> Factorial.main("five"))
          .withMessage("not an int: 'five'");
      assertThatIllegalArgumentException()
          .isThrownBy(() -> Factorial.main("-3"))
          .withMessage("no factorial of a negative number: -3");
    }
  }
}
