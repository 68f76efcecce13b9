package org.interviewtasks.junior.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.NoSuchElementException;
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

class LargestNumberTest {

  @Nested
  class Ints {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(
        delimiter = ';',
        value = {
          "7; 7",
          "1, 2, 3; 3",
          "3, 2, 1; 3",
          "2, 9, 4; 9",
          "-5, -2, -9; -2",
          "0, -1; 0",
          "4, 4, 4; 4",
          "-2147483648, 2147483647; 2147483647",
          "-2147483648; -2147483648"
        })
    void findsTheLargest(String numbers, int expected) {
      int[] values =
          Arrays.stream(numbers.split(",")).mapToInt(s -> Integer.parseInt(s.strip())).toArray();

      assertThat(LargestNumber.largest(values)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("org.interviewtasks.junior.core.LargestNumberTest#seeds")
    void agreesWithIntStreamMax(long seed) {
      int[] values = RandomData.ints(new SplittableRandom(seed), 50, 1_000);

      if (values.length == 0) {
        assertThatThrownBy(() -> LargestNumber.largest(values))
            .isInstanceOf(NoSuchElementException.class);
      } else {
        assertThat(LargestNumber.largest(values))
            .isEqualTo(IntStream.of(values).max().orElseThrow());
      }
    }

    @Test
    void rejectsEmptyAndNull() {
      assertThatThrownBy(() -> LargestNumber.largest(new int[0]))
          .isInstanceOf(NoSuchElementException.class)
          .hasMessage("no largest number in an empty list");
      assertThatNullPointerException()
          .isThrownBy(() -> LargestNumber.largest((int[]) null))
          .withMessage("numbers");
    }
  }

  @Nested
  class Doubles {

    @Test
    void findsTheLargestIncludingInfinitiesAndNegativeZero() {
      assertThat(LargestNumber.largest(-1.5, -0.25, -3.0)).isEqualTo(-0.25);
      assertThat(LargestNumber.largest(1.0, Double.POSITIVE_INFINITY, 2.0)).isInfinite();
      assertThat(LargestNumber.largest(Double.NEGATIVE_INFINITY))
          .isEqualTo(Double.NEGATIVE_INFINITY);
      assertThat(Double.doubleToRawLongBits(LargestNumber.largest(-0.0, 0.0))).isZero();
      assertThat(Double.doubleToRawLongBits(LargestNumber.largest(-0.0)))
          .isEqualTo(Double.doubleToRawLongBits(-0.0));
      assertThat(LargestNumber.largest(Double.MIN_VALUE, 0.0)).isEqualTo(Double.MIN_VALUE);
    }

    @Test
    void rejectsNaNWithItsIndex() {
      assertThatIllegalArgumentException()
          .isThrownBy(() -> LargestNumber.largest(1.0, Double.NaN))
          .withMessage("NaN at index 1 has no order");
      assertThatIllegalArgumentException()
          .isThrownBy(() -> LargestNumber.largest(Double.NaN, 1.0))
          .withMessage("NaN at index 0 has no order");
    }

    @Test
    void rejectsEmptyAndNull() {
      assertThatThrownBy(() -> LargestNumber.largest(new double[0]))
          .isInstanceOf(NoSuchElementException.class)
          .hasMessage("no largest number in an empty list");
      assertThatNullPointerException()
          .isThrownBy(() -> LargestNumber.largest((double[]) null))
          .withMessage("numbers");
    }
  }

  @Nested
  class Comparables {

    @Test
    void worksForAnyComparable() {
      assertThat(LargestNumber.largest(List.of(3L, -8L, Long.MAX_VALUE))).isEqualTo(Long.MAX_VALUE);
      assertThat(LargestNumber.largest(List.of(new BigDecimal("1e400"), BigDecimal.TEN)))
          .isEqualTo(new BigDecimal("1e400"));
      assertThat(LargestNumber.largest(List.of("apple", "pear", "fig"))).isEqualTo("pear");
    }

    @Test
    void ofEqualElementsReturnsTheFirst() {
      BigDecimal first = new BigDecimal("2.0");
      BigDecimal second = new BigDecimal("2.00");

      assertThat(LargestNumber.largest(List.of(BigDecimal.ONE, first, second))).isSameAs(first);
    }

    @Test
    void rejectsEmptyNullAndNullElements() {
      assertThatThrownBy(() -> LargestNumber.largest(List.<Integer>of()))
          .isInstanceOf(NoSuchElementException.class)
          .hasMessage("no largest element in an empty collection");
      assertThatNullPointerException()
          .isThrownBy(() -> LargestNumber.largest((Iterable<Integer>) null))
          .withMessage("values");
      assertThatNullPointerException()
          .isThrownBy(() -> LargestNumber.largest(Arrays.asList(1, null, 3)))
          .withMessage("null element at index 1");
      assertThatNullPointerException()
          .isThrownBy(() -> LargestNumber.largest(Arrays.asList(null, 3)))
          .withMessage("null element at index 0");
      assertThatNullPointerException()
          .isThrownBy(() -> LargestNumber.largest(Arrays.asList(1, 2, null)))
          .withMessage("null element at index 2");
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("org.interviewtasks.junior.core.LargestNumberTest#seeds")
    void agreesWithTheIntVersion(long seed) {
      int[] values = RandomData.ints(new SplittableRandom(seed), 50, 100);
      if (values.length > 0) {
        assertThat(LargestNumber.largest(IntStream.of(values).boxed().toList()))
            .isEqualTo(LargestNumber.largest(values));
      }
    }
  }

  @Nested
  class Main {

    @Test
    void printsTheLargestOfItsArguments() throws Exception {
      var printed = StdStreams.capture(() -> LargestNumber.main("3", "-7.5", " 1e3 ", "42"));

      assertThat(printed.out()).isEqualTo("1000" + System.lineSeparator());
    }

    @Test
    void handlesNumbersBeyondLong() throws Exception {
      var printed =
          StdStreams.capture(
              () -> LargestNumber.main("-99999999999999999999", "-100000000000000000000"));

      assertThat(printed.out().strip()).isEqualTo("-99999999999999999999");
    }

    @Test
    void rejectsNonNumbersAndNoArguments() {
      assertThatIllegalArgumentException()
          .isThrownBy(() -> LargestNumber.main("1", "two"))
          .withMessage("not a number: 'two'");
      assertThatIllegalArgumentException()
          .isThrownBy(LargestNumber::main)
          .withMessageStartingWith("usage: junior.core.1");
    }
  }

  static LongStream seeds() {
    return Seeds.derive(200);
  }
}
