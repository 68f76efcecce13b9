package org.interviewtasks.junior.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import java.math.BigInteger;
import java.util.ArrayList;
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

class ListOfSquaresTest {

  private static int[] parseInts(String numbers) {
    return numbers.isBlank()
        ? new int[0]
        : Arrays.stream(numbers.split(",", -1))
            .mapToInt(s -> Integer.parseInt(s.strip()))
            .toArray();
  }

  private static long[] parseLongs(String numbers) {
    return numbers.isBlank()
        ? new long[0]
        : Arrays.stream(numbers.split(",", -1)).mapToLong(s -> Long.parseLong(s.strip())).toArray();
  }

  private static int[] randomInts(SplittableRandom random) {
    return random.nextBoolean()
        ? RandomData.ints(random, 40, 100)
        : random.ints(random.nextInt(40)).toArray();
  }

  private static long[] bigIntegerSquares(int[] values) {
    return IntStream.of(values)
        .mapToObj(BigInteger::valueOf)
        .map(n -> n.multiply(n))
        .mapToLong(BigInteger::longValueExact)
        .toArray();
  }

  @Nested
  class IntArrays {

    @ParameterizedTest(name = "[{0}] -> [{1}]")
    @CsvSource(
        delimiter = ';',
        value = {
          "'' ; ''",
          "0; 0",
          "1, 2, 3; 1, 4, 9",
          "-3, 1, -1; 9, 1, 1",
          "46340; 2147395600",
          "46341; 2147488281",
          "2147483647; 4611686014132420609",
          "-2147483648; 4611686018427387904"
        })
    void squaresEachElementWithoutOverflow(String numbers, String expected) {
      assertThat(ListOfSquares.squares(parseInts(numbers))).containsExactly(parseLongs(expected));
    }

    @Test
    void leavesTheInputUntouched() {
      int[] numbers = {3, -4, 5};

      ListOfSquares.squares(numbers);

      assertThat(numbers).containsExactly(3, -4, 5);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("org.interviewtasks.junior.core.ListOfSquaresTest#seeds")
    void agreesWithBigIntegerSquares(long seed) {
      int[] values = randomInts(new SplittableRandom(seed));

      assertThat(ListOfSquares.squares(values)).containsExactly(bigIntegerSquares(values));
    }

    @Test
    void rejectsNull() {
      assertThatNullPointerException()
          .isThrownBy(() -> ListOfSquares.squares((int[]) null))
          .withMessage("numbers");
    }
  }

  @Nested
  class Lists {

    @Test
    void squaresEachElementInOrder() {
      assertThat(ListOfSquares.squares(List.of(-2, 0, 7))).containsExactly(4L, 0L, 49L);
      assertThat(ListOfSquares.squares(List.<Integer>of())).isEmpty();
      assertThat(ListOfSquares.squares(new ArrayList<>(List.of(Integer.MIN_VALUE, 46341))))
          .containsExactly(4611686018427387904L, 2147488281L);
    }

    @Test
    void returnsANewListAndLeavesTheInputUntouched() {
      List<Integer> numbers = new ArrayList<>(List.of(1, 2));

      List<Long> squares = ListOfSquares.squares(numbers);

      assertThat(numbers).containsExactly(1, 2);
      assertThat(squares).containsExactly(1L, 4L);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("org.interviewtasks.junior.core.ListOfSquaresTest#seeds")
    void agreesWithTheArrayVersion(long seed) {
      int[] values = randomInts(new SplittableRandom(seed));

      assertThat(ListOfSquares.squares(IntStream.of(values).boxed().toList()))
          .containsExactlyElementsOf(LongStream.of(ListOfSquares.squares(values)).boxed().toList());
    }

    @Test
    void rejectsNullListAndNullElementsByIndex() {
      assertThatNullPointerException()
          .isThrownBy(() -> ListOfSquares.squares((List<Integer>) null))
          .withMessage("numbers");
      assertThatNullPointerException()
          .isThrownBy(() -> ListOfSquares.squares(Arrays.asList(null, 1)))
          .withMessage("null element at index 0");
      assertThatNullPointerException()
          .isThrownBy(() -> ListOfSquares.squares(Arrays.asList(1, 2, null)))
          .withMessage("null element at index 2");
    }
  }

  @Nested
  class SortedSquares {

    @ParameterizedTest(name = "[{0}] -> [{1}]")
    @CsvSource(
        delimiter = ';',
        value = {
          "'' ; ''",
          "5; 25",
          "-5; 25",
          "-4, -1, 0, 3, 10; 0, 1, 9, 16, 100",
          "-7, -3, 2, 3, 11; 4, 9, 9, 49, 121",
          "-3, -2, -1; 1, 4, 9",
          "1, 2, 3; 1, 4, 9",
          "-2, -2, 2, 2; 4, 4, 4, 4",
          "-2147483648, 0, 2147483647; 0, 4611686014132420609, 4611686018427387904"
        })
    void returnsTheSquaresSorted(String numbers, String expected) {
      assertThat(ListOfSquares.sortedSquares(parseInts(numbers)))
          .containsExactly(parseLongs(expected));
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("org.interviewtasks.junior.core.ListOfSquaresTest#seeds")
    void agreesWithSquaringThenSorting(long seed) {
      int[] values = randomInts(new SplittableRandom(seed));
      Arrays.sort(values);
      long[] expected = bigIntegerSquares(values);
      Arrays.sort(expected);

      assertThat(ListOfSquares.sortedSquares(values)).containsExactly(expected);
    }

    @Test
    void rejectsUnsortedInputNamingTheIndex() {
      assertThatIllegalArgumentException()
          .isThrownBy(() -> ListOfSquares.sortedSquares(new int[] {1, 5, 5, 2, 0}))
          .withMessage("not sorted ascending: element 2 at index 3 is less than 5 before it");
      assertThatIllegalArgumentException()
          .isThrownBy(() -> ListOfSquares.sortedSquares(new int[] {1, 0}))
          .withMessage("not sorted ascending: element 0 at index 1 is less than 1 before it");
      assertThatNullPointerException()
          .isThrownBy(() -> ListOfSquares.sortedSquares(null))
          .withMessage("sortedAscending");
    }
  }

  @Nested
  class Main {

    @Test
    void printsTheSquaresOfItsArguments() throws Exception {
      var printed = StdStreams.capture(() -> ListOfSquares.main("3", " -4 ", "46341"));

      assertThat(printed.out()).isEqualTo("9 16 2147488281" + System.lineSeparator());
    }

    @Test
    void rejectsNonIntsAndNoArguments() {
      assertThatIllegalArgumentException()
          .isThrownBy(() -> ListOfSquares.main("1", "2147483648"))
          .withMessage("not an int: '2147483648'");
      assertThatIllegalArgumentException()
          .isThrownBy(ListOfSquares::main)
          .withMessage("usage: junior.core.12 <integer> [integer...]");
    }
  }

  static LongStream seeds() {
    return Seeds.derive(200);
  }
}
