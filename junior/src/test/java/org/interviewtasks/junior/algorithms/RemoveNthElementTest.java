package org.interviewtasks.junior.algorithms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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

class RemoveNthElementTest {

  @ParameterizedTest(name = "[{0}] without index {1} -> [{2}]")
  @CsvSource(
      delimiter = ';',
      value = {
        "7; 0;",
        "1 2 3; 0; 2 3",
        "1 2 3; 1; 1 3",
        "1 2 3; 2; 1 2",
        "5 5 5; 1; 5 5",
        "-2147483648 0 2147483647; 2; -2147483648 0"
      })
  void removesTheElementAtTheIndex(String input, int index, String expected) {
    int[] array = Ints.parse(input);

    assertThat(RemoveNthElement.removeAt(array, index)).containsExactly(Ints.parse(expected));
    assertThat(RemoveNthElement.removeAt(List.of(Ints.boxed(array)), index))
        .containsExactly(Ints.boxed(Ints.parse(expected)));
  }

  @Test
  void removesByIndexNotByValue() {
    List<Integer> numbers = List.of(1, 2, 3);

    assertThat(RemoveNthElement.removeAt(numbers, 1)).containsExactly(1, 3);
  }

  @Test
  void keepsNullElementsAndLeavesTheInputAlone() {
    List<String> input = Arrays.asList("a", null, "c");
    int[] array = {1, 2, 3};

    List<String> result = RemoveNthElement.removeAt(input, 0);
    result.add("d");
    RemoveNthElement.removeAt(array, 1);

    assertThat(result).containsExactly(null, "c", "d");
    assertThat(input).containsExactly("a", null, "c");
    assertThat(array).containsExactly(1, 2, 3);
  }

  @ParameterizedTest(name = "index {1} of [{0}]")
  @CsvSource(
      delimiter = ';',
      value = {";0", ";-1", "1 2 3;3", "1 2 3;-1", "1 2 3;2147483647", "1 2 3;-2147483648"})
  void rejectsAnIndexOutOfBounds(String input, int index) {
    int[] array = Ints.parse(input);
    String message = "index " + index + " is out of bounds for " + array.length + " element(s)";

    assertThatThrownBy(() -> RemoveNthElement.removeAt(array, index))
        .isInstanceOf(IndexOutOfBoundsException.class)
        .hasMessage(message);
    assertThatThrownBy(() -> RemoveNthElement.removeAt(List.of(Ints.boxed(array)), index))
        .isInstanceOf(IndexOutOfBoundsException.class)
        .hasMessage(message);
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("org.interviewtasks.junior.algorithms.RemoveNthElementTest#seeds")
  void keepsEveryOtherElementInOrder(long seed) {
    var random = new SplittableRandom(seed);
    List<Integer> list = RandomData.intList(random, 20, 50);
    if (list.isEmpty()) {
      list.add(random.nextInt());
    }
    int index = random.nextInt(list.size());
    List<Integer> expected =
        IntStream.range(0, list.size()).filter(i -> i != index).mapToObj(list::get).toList();
    int[] array = list.stream().mapToInt(Integer::intValue).toArray();

    assertThat(RemoveNthElement.removeAt(list, index)).isEqualTo(expected);
    assertThat(IntStream.of(RemoveNthElement.removeAt(array, index)).boxed().toList())
        .isEqualTo(expected);
  }

  @Test
  void rejectsNull() {
    assertThatNullPointerException()
        .isThrownBy(() -> RemoveNthElement.removeAt((List<?>) null, 0))
        .withMessage("list");
    assertThatNullPointerException()
        .isThrownBy(() -> RemoveNthElement.removeAt((int[]) null, 0))
        .withMessage("array");
  }

  @Nested
  class Main {

    @Test
    void printsTheRemainingArguments() throws Exception {
      var printed = StdStreams.capture(() -> RemoveNthElement.main(" 1 ", "a", "b", "c"));

      assertThat(printed.out()).isEqualTo("a c" + System.lineSeparator());
    }

    @Test
    void rejectsBadArguments() {
      assertThatIllegalArgumentException()
          .isThrownBy(RemoveNthElement::main)
          .withMessage("usage: junior.algorithms.14 <index> [element...]");
      assertThatIllegalArgumentException()
          .isThrownBy(() -> RemoveNthElement.main("one", "a"))
          .withMessage("not an int: 'one'");
      assertThatIllegalArgumentException()
          .isThrownBy(() -> RemoveNthElement.main("1", "a"))
          .withMessage("no element at index 1 of 1 (indices start at 0)");
      assertThatIllegalArgumentException()
          .isThrownBy(() -> RemoveNthElement.main("-1"))
          .withMessage("no element at index -1 of 0 (indices start at 0)");
    }
  }

  static LongStream seeds() {
    return Seeds.derive(200);
  }
}
