package org.interviewtasks.junior.algorithms;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/** What the three quadratic sorts share that is not the algorithm: sorting a copy of a list. */
final class Sorting {

  /**
   * An in-place sort of an array by a comparator, such as {@link BubbleSort#sort(Object[],
   * Comparator)}.
   */
  @FunctionalInterface
  interface ArraySort {
    <T> void sort(T[] elements, Comparator<? super T> order);
  }

  private Sorting() {}

  /**
   * A new, mutable list of the elements of {@code list} sorted by {@code sort}: the list is copied
   * to an array (O(n), as {@link List#sort} does), so a {@code LinkedList} sorts as fast as an
   * {@code ArrayList}, and the input stays untouched.
   */
  static <T> List<T> sortedCopy(
      List<? extends T> list, Comparator<? super T> order, ArraySort sort) {
    @SuppressWarnings("unchecked") // holds only elements of the list, which are Ts
    T[] elements = (T[]) Objects.requireNonNull(list, "list").toArray();
    sort.sort(elements, Objects.requireNonNull(order, "order"));
    return new ArrayList<>(Arrays.asList(elements));
  }
}
