package org.interviewtasks.junior.algorithms;

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

class SecondLargestTest {

  @ParameterizedTest(name = "[{0}] -> {1}")
  @CsvSource({
    "1 2, 1",
    "2 1, 1",
    "3 1 2, 2",
    "1 2 3, 2",
    "2 3 1, 2",
    "5 5 3, 3",
    "3 5 5, 3",
    "5 3 5, 3",
    "5 5 5 4 5, 4",
    "10 8 9 7, 9",
    "7 9 8 10, 9",
    "1 4 2 3, 3",
    "-5 -2 -9, -5",
    "-2147483648 2147483647, -2147483648",
    "2147483647 -2147483648, -2147483648",
    "2147483647 2147483647 2147483646, 2147483646",
    "0 -2147483648, -2147483648",
    "-2147483648 -2147483648 -2147483647, -2147483648"
  })
  void findsTheSecondLargestDistinctValue(String input, int expected) {
    int[] numbers = Ints.parse(input);

    assertThat(SecondLargest.secondLargest(numbers)).isEqualTo(expected);
    assertThat(SecondLargest.secondLargest(List.of(Ints.boxed(numbers)))).isEqualTo(expected);
  }

  @ParameterizedTest(name = "[{0}]")
  @CsvSource({"7", "7 7", "-1 -1 -1", "-2147483648 -2147483648"})
  void failsWithoutTwoDistinctValues(String input) {
    int[] numbers = Ints.parse(input);
    String message = "no second largest: every element equals the largest, " + numbers[0];

    assertThatThrownBy(() -> SecondLargest.secondLargest(numbers))
        .isInstanceOf(NoSuchElementException.class)
        .hasMessage(message);
    assertThatThrownBy(() -> SecondLargest.secondLargest(List.of(Ints.boxed(numbers))))
        .isInstanceOf(NoSuchElementException.class)
        .hasMessage(message);
  }

  @Test
  void failsOnEmptyInput() {
    assertThatThrownBy(() -> SecondLargest.secondLargest(new int[0]))
        .isInstanceOf(NoSuchElementException.class)
        .hasMessage("no second largest number in an empty list");
    assertThatThrownBy(() -> SecondLargest.secondLargest(List.<Integer>of()))
        .isInstanceOf(NoSuchElementException.class)
        .hasMessage("no second largest element in an empty collection");
  }

  @Test
  void worksForAnyComparable() {
    assertThat(SecondLargest.secondLargest(List.of("pear", "apple", "fig"))).isEqualTo("fig");
    assertThat(SecondLargest.secondLargest(List.of(3L, Long.MAX_VALUE, Long.MIN_VALUE)))
        .isEqualTo(3L);
  }

  @Test
  void ofEqualCandidatesReturnsTheFirst() {
    BigDecimal first = new BigDecimal("2.0");
    BigDecimal second = new BigDecimal("2.00");

    assertThat(SecondLargest.secondLargest(List.of(first, BigDecimal.TEN, second))).isSameAs(first);
    assertThat(SecondLargest.secondLargest(List.of(BigDecimal.ONE, first, second, BigDecimal.TEN)))
        .isSameAs(first);
    assertThat(SecondLargest.secondLargest(List.of(first, second, BigDecimal.TEN))).isSameAs(first);
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("org.interviewtasks.junior.algorithms.SecondLargestTest#seeds")
  void agreesWithSortingTheDistinctValues(long seed) {
    int[] numbers = RandomData.ints(new SplittableRandom(seed), 30, 20);
    int[] distinct = IntStream.of(numbers).distinct().sorted().toArray();

    if (distinct.length < 2) {
      assertThatThrownBy(() -> SecondLargest.secondLargest(numbers))
          .isInstanceOf(NoSuchElementException.class);
    } else {
      int expected = distinct[distinct.length - 2];
      assertThat(SecondLargest.secondLargest(numbers)).isEqualTo(expected);
      assertThat(SecondLargest.secondLargest(IntStream.of(numbers).boxed().toList()))
          .isEqualTo(expected);
    }
  }

  @Test
  void rejectsNulls() {
    assertThatNullPointerException()
        .isThrownBy(() -> SecondLargest.secondLargest((int[]) null))
        .withMessage("numbers");
    assertThatNullPointerException()
        .isThrownBy(() -> SecondLargest.secondLargest((List<Integer>) null))
        .withMessage("values");
    assertThatNullPointerException()
        .isThrownBy(() -> SecondLargest.secondLargest(Arrays.asList(null, 1)))
        .withMessage("null element at index 0");
    assertThatNullPointerException()
        .isThrownBy(() -> SecondLargest.secondLargest(Arrays.asList(1, 2, null)))
        .withMessage("null element at index 2");
  }

  @Nested
  class Main {

    @Test
    void printsTheSecondLargestArgument() throws Exception {
      var printed = StdStreams.capture(() -> SecondLargest.main("4", " 9 ", "9", "-1"));

      assertThat(printed.out()).isEqualTo("4" + System.lineSeparator());
    }

    @Test
    void rejectsNoArgumentsAndNonNumbers() {
      assertThatIllegalArgumentException()
          .isThrownBy(SecondLargest::main)
          .withMessage("usage: junior.algorithms.4 <number> [number...]");
      assertThatIllegalArgumentException()
          .isThrownBy(() -> SecondLargest.main("1", "two"))
          .withMessage("not an int: 'two'");
    }
  }

  static LongStream seeds() {
    return Seeds.derive(200);
  }
}
