package org.interviewtasks.junior.algorithms;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BubbleSortTest extends SortContract {

  @Override
  void sort(int[] numbers) {
    BubbleSort.sort(numbers);
  }

  @Override
  <T> void sort(T[] elements, Comparator<? super T> order) {
    BubbleSort.sort(elements, order);
  }

  @Override
  <T> List<T> sorted(List<? extends T> list, Comparator<? super T> order) {
    return BubbleSort.sorted(list, order);
  }

  @Override
  void runMain(String... args) {
    BubbleSort.main(args);
  }

  @Override
  boolean stable() {
    return true;
  }

  @ParameterizedTest(name = "[{0}] takes {1} comparisons")
  @CsvSource({
    "'', 0",
    "7, 0",
    "1 2 3 4 5 6, 5",
    "2 1 3 4 5 6, 5",
    "1 2 3 4 6 5, 9",
    "6 5 4 3 2 1, 15",
    "9 1 2 3 4, 7",
    "2 3 4 5 1, 10"
  })
  void stopsAfterTheLastSwapOfEachPass(String input, int comparisons) {
    assertThat(comparisonsToSort(input)).isEqualTo(comparisons);
  }
}
