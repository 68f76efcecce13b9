package org.interviewtasks.junior.algorithms;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SelectionSortTest extends SortContract {

  @Override
  void sort(int[] numbers) {
    SelectionSort.sort(numbers);
  }

  @Override
  <T> void sort(T[] elements, Comparator<? super T> order) {
    SelectionSort.sort(elements, order);
  }

  @Override
  <T> List<T> sorted(List<? extends T> list, Comparator<? super T> order) {
    return SelectionSort.sorted(list, order);
  }

  @Override
  void runMain(String... args) {
    SelectionSort.main(args);
  }

  @Override
  boolean stable() {
    return false;
  }

  @ParameterizedTest(name = "[{0}] takes {1} comparisons")
  @CsvSource({"'', 0", "7, 0", "1 2, 1", "1 2 3 4 5 6, 15", "6 5 4 3 2 1, 15", "3 3 3 3 3 3, 15"})
  void alwaysComparesEveryPair(String input, int comparisons) {
    assertThat(comparisonsToSort(input)).isEqualTo(comparisons);
  }

  @Test
  void isNotStable() {
    Item[] items = {new Item(2, 0), new Item(2, 1), new Item(1, 2)};

    SelectionSort.sort(items, BY_KEY);

    assertThat(items).containsExactly(new Item(1, 2), new Item(2, 1), new Item(2, 0));
  }

  @Test
  void selectsTheFirstOfEqualMinima() {
    Item[] items = {new Item(3, 0), new Item(1, 1), new Item(2, 2), new Item(1, 3)};

    SelectionSort.sort(items, BY_KEY);

    assertThat(items)
        .containsExactly(new Item(1, 1), new Item(1, 3), new Item(2, 2), new Item(3, 0));
  }
}
