package org.interviewtasks.junior.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import org.interviewtasks.common.testing.RandomData;
import org.interviewtasks.common.testing.Seeds;
import org.interviewtasks.common.testing.StdStreams;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class SumOfEvensTest {

  private static int[] parseInts(String numbers) {
    return numbers.isBlank()
        ? new int[0]
        : Arrays.stream(numbers.split(",", -1))
            .mapToInt(s -> Integer.parseInt(s.strip()))
            .toArray();
  }

  private static BigInteger oracle(LongStream numbers) {
    return numbers
        .filter(n -> Math.floorMod(n, 2) == 0)
        .mapToObj(BigInteger::valueOf)
        .reduce(BigInteger.ZERO, BigInteger::add);
  }

  @Nested
  class Ints {

    @ParameterizedTest(name = "[{0}] -> {1}")
    @CsvSource(
        delimiter = ';',
        value = {
          "'' ; 0",
          "7; 0",
          "8; 8",
          "0; 0",
          "1, 2, 3, 4; 6",
          "-4; -4",
          "-3, -4, -5, -6; -10",
          "1, 3, -5, -7; 0",
          "2, 2, 2; 6",
          "-2147483648, -2147483648; -4294967296",
          "2147483646, 2147483646, 2147483647; 4294967292"
        })
    void sumsOnlyTheEvenOnesIncludingNegatives(String numbers, long expected) {
      assertThat(SumOfEvens.sumOfEvens(parseInts(numbers))).isEqualTo(expected);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("org.interviewtasks.junior.core.SumOfEvensTest#seeds")
    void agreesWithABigIntegerSum(long seed) {
      var random = new SplittableRandom(seed);
      int[] values =
          random.nextBoolean()
              ? RandomData.ints(random, 50, 1_000)
              : random.ints(random.nextInt(60)).toArray();

      assertThat(BigInteger.valueOf(SumOfEvens.sumOfEvens(values)))
          .isEqualTo(oracle(IntStream.of(values).asLongStream()));
    }

    @Test
    void rejectsNull() {
      assertThatNullPointerException()
          .isThrownBy(() -> SumOfEvens.sumOfEvens((int[]) null))
          .withMessage("numbers");
    }
  }

  @Nested
  class Longs {

    @Test
    void sumsTheEvenLongs() {
      assertThat(SumOfEvens.sumOfEvens(1L, 2L, -3L, -10L, 5_000_000_000L))
          .isEqualTo(4_999_999_992L);
      assertThat(SumOfEvens.sumOfEvens(new long[0])).isZero();
      assertThat(SumOfEvens.sumOfEvens(Long.MAX_VALUE, Long.MIN_VALUE)).isEqualTo(Long.MIN_VALUE);
      assertThat(SumOfEvens.sumOfEvens(-7L, -9L)).isZero();
    }

    @Test
    void aRunningTotalMayLeaveTheRangeIfTheSumFits() {
      long big = Long.MAX_VALUE - 1;

      assertThat(SumOfEvens.sumOfEvens(big, 2L, -4L)).isEqualTo(Long.MAX_VALUE - 3);
      assertThat(SumOfEvens.sumOfEvens(Long.MIN_VALUE, -2L, 2L)).isEqualTo(Long.MIN_VALUE);
    }

    @Test
    void failsWhenTheSumOverflows() {
      assertThatThrownBy(() -> SumOfEvens.sumOfEvens(Long.MAX_VALUE - 1, 2L))
          .isInstanceOf(ArithmeticException.class)
          .hasMessage("sum of the even numbers 9223372036854775808 overflows a long");
      assertThatThrownBy(() -> SumOfEvens.sumOfEvens(Long.MIN_VALUE, -2L))
          .isInstanceOf(ArithmeticException.class)
          .hasMessage("sum of the even numbers -9223372036854775810 overflows a long");
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("org.interviewtasks.junior.core.SumOfEvensTest#seeds")
    void agreesWithABigIntegerSumOrOverflows(long seed) {
      var random = new SplittableRandom(seed);
      long[] values =
          random.nextBoolean()
              ? random.longs(random.nextInt(6), -1_000, 1_000).toArray()
              : random.longs(random.nextInt(6)).toArray();
      BigInteger expected = oracle(LongStream.of(values));

      if (expected.bitLength() < Long.SIZE) {
        assertThat(SumOfEvens.sumOfEvens(values)).isEqualTo(expected.longValueExact());
      } else {
        assertThatThrownBy(() -> SumOfEvens.sumOfEvens(values))
            .isInstanceOf(ArithmeticException.class)
            .hasMessageContaining(expected.toString());
      }
    }

    @Test
    void rejectsNull() {
      assertThatNullPointerException()
          .isThrownBy(() -> SumOfEvens.sumOfEvens((long[]) null))
          .withMessage("numbers");
    }
  }

  @Nested
  class Lists {

    @Test
    void sumsTheEvenElements() {
      assertThat(SumOfEvens.sumOfEvens(List.of(1, 2, 3, 4, -6))).isZero();
      assertThat(SumOfEvens.sumOfEvens(List.of(10, -3, 7))).isEqualTo(10);
      assertThat(SumOfEvens.sumOfEvens(List.<Integer>of())).isZero();
      assertThat(SumOfEvens.sumOfEvens(List.of(Integer.MIN_VALUE, Integer.MIN_VALUE)))
          .isEqualTo(2L * Integer.MIN_VALUE);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("org.interviewtasks.junior.core.SumOfEvensTest#seeds")
    void agreesWithTheArrayVersion(long seed) {
      var random = new SplittableRandom(seed);
      int[] values = random.ints(random.nextInt(40)).toArray();

      assertThat(SumOfEvens.sumOfEvens(IntStream.of(values).boxed().toList()))
          .isEqualTo(SumOfEvens.sumOfEvens(values));
    }

    @Test
    void rejectsNullListAndNullElementsByIndex() {
      assertThatNullPointerException()
          .isThrownBy(() -> SumOfEvens.sumOfEvens((List<Integer>) null))
          .withMessage("numbers");
      assertThatNullPointerException()
          .isThrownBy(() -> SumOfEvens.sumOfEvens(Arrays.asList(1, null, 3)))
          .withMessage("null element at index 1");
      assertThatNullPointerException()
          .isThrownBy(() -> SumOfEvens.sumOfEvens(Arrays.asList(2, 4, null)))
          .withMessage("null element at index 2");
    }
  }

  @Nested
  class Main {

    @Test
    void printsTheSumOfTheEvenArguments() throws Exception {
      var printed = StdStreams.capture(() -> SumOfEvens.main("1", " 2 ", "3", "-4", "6000000000"));

      assertThat(printed.out()).isEqualTo("5999999998" + System.lineSeparator());
    }

    @Test
    void rejectsNonIntegersAndNoArguments() {
      assertThatIllegalArgumentException()
          .isThrownBy(() -> SumOfEvens.main("1", "2.5"))
          .withMessage("not a long: '2.5'");
      assertThatIllegalArgumentException()
          .isThrownBy(SumOfEvens::main)
          .withMessage("usage: junior.core.11 <integer> [integer...]");
    }
  }

  static LongStream seeds() {
    return Seeds.derive(200);
  }
}
