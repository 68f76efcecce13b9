package org.interviewtasks.junior.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.List;
import org.interviewtasks.common.testing.StdStreams;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class FibonacciSequenceTest {

  @ParameterizedTest(name = "F{0} = {1}")
  @CsvSource({
    "0, 0",
    "1, 1",
    "2, 1",
    "3, 2",
    "10, 55",
    "20, 6765",
    "50, 12586269025",
    "92, 7540113804746346429",
    "93, 12200160415121876738",
    "100, 354224848179261915075"
  })
  void knownValues(int k, BigInteger expected) {
    assertThat(FibonacciSequence.first(k + 1)).last().isEqualTo(expected);
    assertThat(FibonacciSequence.stream().skip(k).findFirst()).contains(expected);
  }

  @Test
  void startsZeroOneOne() {
    assertThat(FibonacciSequence.first(0)).isEmpty();
    assertThat(FibonacciSequence.first(1)).containsExactly(BigInteger.ZERO);
    assertThat(FibonacciSequence.first(10))
        .extracting(BigInteger::intValueExact)
        .containsExactly(0, 1, 1, 2, 3, 5, 8, 13, 21, 34);
  }

  @Test
  void eachIsTheSumOfTheTwoBeforeAndCassiniHolds() {
    List<BigInteger> f = FibonacciSequence.first(502);

    assertThat(f).hasSize(502);
    for (int n = 2; n <= 501; n++) {
      assertThat(f.get(n)).isEqualTo(f.get(n - 1).add(f.get(n - 2)));
    }
    for (int n = 1; n <= 500; n++) {
      // F(n-1) F(n+1) - F(n)^2 = (-1)^n
      BigInteger cassini = f.get(n - 1).multiply(f.get(n + 1)).subtract(f.get(n).pow(2));
      assertThat(cassini).isEqualTo(BigInteger.valueOf(n % 2 == 0 ? 1 : -1));
    }
  }

  @Test
  void theListIsUnmodifiable() {
    List<BigInteger> f = FibonacciSequence.first(3);

    assertThatThrownBy(() -> f.add(BigInteger.TWO))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Nested
  class Longs {

    @Test
    void agreeWithTheBigIntegersUpTo93() {
      for (int n = 0; n <= 93; n++) {
        long[] longs = FibonacciSequence.firstAsLongs(n);
        assertThat(longs).hasSize(n);
        assertThat(FibonacciSequence.first(n))
            .extracting(BigInteger::longValueExact)
            .containsExactly(Arrays.stream(longs).boxed().toArray(Long[]::new));
      }
    }

    @Test
    void theNinetyThirdIsTheLastThatFits() {
      assertThat(FibonacciSequence.firstAsLongs(93)).endsWith(7_540_113_804_746_346_429L);
      assertThat(FibonacciSequence.firstAsLongs(2)).containsExactly(0, 1);
      assertThat(FibonacciSequence.firstAsLongs(0)).isEmpty();
    }

    @ParameterizedTest(name = "n = {0}")
    @ValueSource(ints = {94, 95, 1000, Integer.MAX_VALUE})
    void beyondThatTheyOverflowWithAMessageNamingN(int n) {
      assertThatThrownBy(() -> FibonacciSequence.firstAsLongs(n))
          .isInstanceOf(ArithmeticException.class)
          .hasMessage(
              "the first "
                  + n
                  + " Fibonacci numbers do not fit in a long (only the first 93 do);"
                  + " use first(n) for BigIntegers")
          .hasCauseInstanceOf(ArithmeticException.class);
    }
  }

  @Nested
  class Streams {

    @Test
    void limitingTheStreamGivesTheFirstN() {
      for (int n : new int[] {0, 1, 2, 50, 300}) {
        assertThat(FibonacciSequence.stream().limit(n).toList())
            .isEqualTo(FibonacciSequence.first(n));
      }
    }

    @Test
    void isInfiniteAndLazy() {
      assertThat(FibonacciSequence.stream().filter(f -> f.bitLength() > 1000).findFirst())
          .hasValueSatisfying(f -> assertThat(f.bitLength()).isEqualTo(1001));
    }
  }

  @Test
  void firstTakesAtMostMaxNAndSaysToStreamBeyond() {
    assertThat(FibonacciSequence.first(FibonacciSequence.MAX_N)).hasSize(20_000);
    assertThatIllegalArgumentException()
        .isThrownBy(() -> FibonacciSequence.first(Integer.MAX_VALUE))
        .withMessage("n must be at most 20000 (use stream() for more), was 2147483647");
    assertThat(FibonacciSequence.stream().skip(20_000).findFirst().orElseThrow())
        .isEqualTo(
            FibonacciSequence.first(20_000)
                .get(19_999)
                .add(FibonacciSequence.first(19_999).get(19_998)));
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(ints = {-1, Integer.MIN_VALUE})
  void rejectsNegativeN(int n) {
    String message = "n must not be negative, was " + n;
    assertThatIllegalArgumentException()
        .isThrownBy(() -> FibonacciSequence.first(n))
        .withMessage(message);
    assertThatIllegalArgumentException()
        .isThrownBy(() -> FibonacciSequence.firstAsLongs(n))
        .withMessage(message);
  }

  @Nested
  class Main {

    @Test
    void printsTheFirstNSpaceSeparated() throws Exception {
      var printed = StdStreams.capture(() -> FibonacciSequence.main(" 8 "));

      assertThat(printed.out()).isEqualTo("0 1 1 2 3 5 8 13" + System.lineSeparator());
    }

    @Test
    void printsAnEmptyLineForZero() throws Exception {
      var printed = StdStreams.capture(() -> FibonacciSequence.main("0"));

      assertThat(printed.out()).isEqualTo(System.lineSeparator());
    }

    @Test
    void rejectsBadArguments() {
      assertThatIllegalArgumentException()
          .isThrownBy(FibonacciSequence::main)
          .withMessage("usage: junior.core.8 <n>");
      assertThatIllegalArgumentException()
          .isThrownBy(() -> FibonacciSequence.main("1", "2"))
          .withMessage("usage: junior.core.8 <n>");
      assertThatIllegalArgumentException()
          .isThrownBy(() -> FibonacciSequence.main("ten"))
          .withMessage("not an int: 'ten'");
      assertThatIllegalArgumentException()
          .isThrownBy(() -> FibonacciSequence.main("-1"))
          .withMessage("n must not be negative, was -1");
      assertThatIllegalArgumentException()
          .isThrownBy(() -> FibonacciSequence.main("1001"))
          .withMessage("n must be at most 1000, was 1001");
    }
  }
}
