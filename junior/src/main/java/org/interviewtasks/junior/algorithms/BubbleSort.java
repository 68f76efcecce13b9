package org.interviewtasks.junior.algorithms;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.interviewtasks.common.Args;
import org.interviewtasks.common.Task;

/**
 * Sorts numbers in ascending order with bubble sort.
 *
 * <p><b>Approach.</b> Each pass walks the unsorted prefix and swaps neighbours that are out of
 * order, so the largest element of the prefix "bubbles" to its end. Two refinements make the
 * textbook version adaptive: a pass without any swap proves the array sorted and stops the sort,
 * and everything after the last swap of a pass is already in place, so the next pass stops there.
 *
 * <p><b>Properties.</b> Stable: only strictly greater neighbours are swapped, so equal elements
 * never pass each other. Best case O(n) comparisons and no swaps on sorted input; worst and average
 * O(n²) comparisons and swaps (reversed input makes n(n − 1)/2 of each); O(1) extra space.
 *
 * <p><b>When to use it.</b> Hardly ever: insertion sort is also stable and adaptive and does about
 * half the work. Bubble sort is worth knowing because it is the simplest sort to prove correct, and
 * its "no swap in a pass" check is a cheap test of sortedness. In production use {@link
 * Arrays#sort} or {@link List#sort}.
 *
 * <p><b>Edge cases.</b> Empty and one-element inputs are already sorted. Comparisons never
 * subtract, so {@code Integer.MIN_VALUE} and {@code Integer.MAX_VALUE} sort correctly (the
 * comparator {@code (a, b) -> a - b} would overflow). Null arrays, lists and comparators are
 * rejected with {@link NullPointerException}; null elements are passed to the comparator, which
 * decides ({@link Comparator#nullsFirst} accepts them).
 *
 * <p><b>Follow-up.</b> <i>"Cocktail shaker sort?"</i> Alternating the direction of the passes moves
 * small elements near the end ("turtles") forward quickly, but it is still O(n²).
 */
@Task(
    id = "junior.algorithms.3",
    title = "Bubble sort",
    usage = "[int...]   at most 65536 numbers, sorted in O(n²)")
public final class BubbleSort {

  /**
   * The most elements this sort takes, {@value}: its O(n²) worst case then ends in a second or two;
   * longer input gets an {@link IllegalArgumentException} that names the limit.
   */
  public static final int MAX_LENGTH = QuadraticSorts.MAX_LENGTH;

  private BubbleSort() {}

  /** Sorts {@code numbers} in ascending order, in place. */
  public static void sort(int[] numbers) {
    Objects.requireNonNull(numbers, "numbers");
    QuadraticSorts.requireAtMost(numbers.length, "BubbleSort");
    int end = numbers.length; // numbers[end..] is sorted and holds the largest elements
    while (end > 1) {
      int lastSwap = 0;
      for (int i = 1; i < end; i++) {
        if (numbers[i - 1] > numbers[i]) {
          int saved = numbers[i - 1];
          numbers[i - 1] = numbers[i];
          numbers[i] = saved;
          lastSwap = i;
        }
      }
      end = lastSwap; // no swap: lastSwap is 0 and the loop ends
    }
  }

  /** Sorts {@code elements} in place into the order of {@code order}; stable. */
  public static <T> void sort(T[] elements, Comparator<? super T> order) {
    Objects.requireNonNull(elements, "elements");
    Objects.requireNonNull(order, "order");
    QuadraticSorts.requireAtMost(elements.length, "BubbleSort");
    int end = elements.length;
    while (end > 1) {
      int lastSwap = 0;
      for (int i = 1; i < end; i++) {
        if (order.compare(elements[i - 1], elements[i]) > 0) {
          T saved = elements[i - 1];
          elements[i - 1] = elements[i];
          elements[i] = saved;
          lastSwap = i;
        }
      }
      end = lastSwap;
    }
  }

  /**
   * A new, mutable list of the elements of {@code list} in the order of {@code order}; stable. The
   * input list is not modified.
   */
  public static <T> List<T> sorted(List<? extends T> list, Comparator<? super T> order) {
    return Sorting.sortedCopy(list, order, BubbleSort::sort);
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
