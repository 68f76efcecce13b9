package org.interviewtasks.junior.algorithms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

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
import org.junit.jupiter.params.provider.ValueSource;

class EvenNumbersTest {

  @ParameterizedTest(name = "[{0}] -> [{1}]")
  @CsvSource(
      delimiter = ';',
      value = {
        ";",
        "1 3 5;",
        "2; 2",
        "0; 0",
        "1 2 3 4 5 6; 2 4 6",
        "-4 -3 -2 -1 0; -4 -2 0",
        "4 4 3 4; 4 4 4",
        "6 2 8; 6 2 8",
        "2147483647 -2147483648 2147483646; -2147483648 2147483646",
        "-2147483647 -1 1; "
      })
  void keepsTheEvenNumbersInOrder(String input, String expected) {
    int[] numbers = Ints.parse(input);
    List<Integer> list = List.of(Ints.boxed(numbers));

    assertThat(EvenNumbers.evens(numbers)).containsExactly(Ints.parse(expected));
    assertThat(EvenNumbers.evens(list)).containsExactly(Ints.boxed(Ints.parse(expected)));
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(ints = {0, 2, -2, 100, Integer.MIN_VALUE, Integer.MAX_VALUE - 1})
  void recognisesEvenNumbers(int n) {
    assertThat(EvenNumbers.isEven(n)).isTrue();
    assertThat(EvenNumbers.isEven(n + 1)).isFalse();
    assertThat(EvenNumbers.isEven(n - 1)).isFalse();
  }

  @Test
  void leavesTheInputAloneAndReturnsAMutableList() {
    List<Integer> input = new ArrayList<>(List.of(1, 2, 3, 4));
    int[] array = {1, 2, 3, 4};

    List<Integer> evens = EvenNumbers.evens(input);
    evens.add(8);
    EvenNumbers.evens(array);

    assertThat(evens).containsExactly(2, 4, 8);
    assertThat(input).containsExactly(1, 2, 3, 4);
    assertThat(array).containsExactly(1, 2, 3, 4);
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("org.interviewtasks.junior.algorithms.EvenNumbersTest#seeds")
  void agreesWithAStreamFilter(long seed) {
    int[] numbers = RandomData.ints(new SplittableRandom(seed), 40, 1_000);
    int[] expected = IntStream.of(numbers).filter(n -> n % 2 == 0).toArray();

    assertThat(EvenNumbers.evens(numbers)).containsExactly(expected);
    assertThat(EvenNumbers.evens(IntStream.of(numbers).boxed().toList()))
        .containsExactly(Ints.boxed(expected));
  }

  @Test
  void rejectsNulls() {
    assertThatNullPointerException()
        .isThrownBy(() -> EvenNumbers.evens((int[]) null))
        .withMessage("numbers");
    assertThatNullPointerException()
        .isThrownBy(() -> EvenNumbers.evens((List<Integer>) null))
        .withMessage("numbers");
    assertThatNullPointerException()
        .isThrownBy(() -> EvenNumbers.evens(Arrays.asList(2, 4, null)))
        .withMessage("null element at index 2");
    assertThatNullPointerException()
        .isThrownBy(() -> EvenNumbers.evens(Arrays.asList(null, 2)))
        .withMessage("null element at index 0");
  }

  @Nested
  class Main {

    @Test
    void printsTheEvenArguments() throws Exception {
      var printed = StdStreams.capture(() -> EvenNumbers.main("1", " 2 ", "-4", "7", "0"));
      var none = StdStreams.capture(() -> EvenNumbers.main("1", "3"));

      assertThat(printed.out()).isEqualTo("2 -4 0" + System.lineSeparator());
      assertThat(none.out()).isEqualTo(System.lineSeparator());
    }

    @Test
    void rejectsANonNumber() {
      assertThatIllegalArgumentException()
          .isThrownBy(() -> EvenNumbers.main("2", "four"))
          .withMessage("not an int: 'four'");
    }
  }

  static LongStream seeds() {
    return Seeds.derive(200);
  }
}
