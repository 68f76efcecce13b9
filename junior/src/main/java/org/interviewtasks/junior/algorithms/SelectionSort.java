package org.interviewtasks.junior.algorithms;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.interviewtasks.common.Args;
import org.interviewtasks.common.Task;

/**
 * Sorts numbers in ascending order with selection sort.
 *
 * <p><b>Approach.</b> For each position i from the left, find the smallest element of the unsorted
 * suffix {@code [i, n)} and swap it into position i. After step i the prefix {@code [0, i]} holds
 * the i + 1 smallest elements in order, so n − 1 steps sort the array.
 *
 * <p><b>Properties.</b> Not stable: the long-distance swap can carry an element past an equal one
 * ({@code [2a, 2b, 1]} becomes {@code [1, 2b, 2a]}). Always n(n − 1)/2 comparisons, best case
 * included, since finding a minimum must look at every remaining element: O(n²) best and worst. At
 * most n − 1 swaps, O(n), the fewest of the simple sorts. O(1) extra space.
 *
 * <p><b>When to use it.</b> When a write costs far more than a comparison (flash memory, or
 * elements that are expensive to move): it moves each element at most once into place. Otherwise
 * insertion sort wins on nearly sorted data and {@link java.util.Arrays#sort} everywhere else.
 *
 * <p><b>Edge cases.</b> Empty and one-element inputs are already sorted. Comparisons never
 * subtract, so {@code Integer.MIN_VALUE} and {@code Integer.MAX_VALUE} sort correctly. Of equal
 * minima the first is selected. Null arrays, lists and comparators are rejected with {@link
 * NullPointerException}; null elements are passed to the comparator, which decides.
 *
 * <p><b>Follow-up.</b> <i>"Make it stable?"</i> Instead of swapping, shift the elements between i
 * and the minimum one place right and insert the minimum (O(n²) moves), or sort a linked list,
 * where moving a node costs O(1). <i>"Heapsort?"</i> It is selection sort with a heap finding the
 * minimum: O(n log n), still unstable.
 */
@Task(
    id = "junior.algorithms.12",
    title = "Selection sort",
    usage = "[int...]   at most 65536 numbers, sorted in O(n²)")
public final class SelectionSort {

  /**
   * The most elements this sort takes, {@value}: its O(n²) worst case then ends in a second or two;
   * longer input gets an {@link IllegalArgumentException} that names the limit.
   */
  public static final int MAX_LENGTH = QuadraticSorts.MAX_LENGTH;

  private SelectionSort() {}

  /** Sorts {@code numbers} in ascending order, in place. */
  public static void sort(int[] numbers) {
    Objects.requireNonNull(numbers, "numbers");
    QuadraticSorts.requireAtMost(numbers.length, "SelectionSort");
    for (int i = 0; i < numbers.length - 1; i++) {
      int min = i;
      for (int j = i + 1; j < numbers.length; j++) {
        if (numbers[j] < numbers[min]) {
          min = j;
        }
      }
      int saved = numbers[i];
      numbers[i] = numbers[min];
      numbers[min] = saved;
    }
  }

  /** Sorts {@code elements} in place into the order of {@code order}; not stable. */
  public static <T> void sort(T[] elements, Comparator<? super T> order) {
    Objects.requireNonNull(elements, "elements");
    Objects.requireNonNull(order, "order");
    QuadraticSorts.requireAtMost(elements.length, "SelectionSort");
    for (int i = 0; i < elements.length - 1; i++) {
      int min = i;
      for (int j = i + 1; j < elements.length; j++) {
        if (order.compare(elements[j], elements[min]) < 0) {
          min = j;
        }
      }
      T saved = elements[i];
      elements[i] = elements[min];
      elements[min] = saved;
    }
  }

  /**
   * A new, mutable list of the elements of {@code list} in the order of {@code order}; not stable.
   * The input list is not modified.
   */
  public static <T> List<T> sorted(List<? extends T> list, Comparator<? super T> order) {
    return Sorting.sortedCopy(list, order, SelectionSort::sort);
  }

  /**
   * Prints the arguments sorted in ascending order, separated by spaces.
   *
   * @throws IllegalArgumentException if an argument is not an int
   */
  public static void main(String... args) {
    int[] numbers = Args.toInts(args);
    sort(numbers);
    System.out.println(Cli.join(numbers));
  }
}
