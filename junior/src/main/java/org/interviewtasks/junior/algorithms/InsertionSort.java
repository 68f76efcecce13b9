package org.interviewtasks.junior.algorithms;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.interviewtasks.common.Args;
import org.interviewtasks.common.Task;

/**
 * Sorts numbers in ascending order with insertion sort.
 *
 * <p><b>Approach.</b> The prefix {@code [0, i)} is kept sorted. Element i is taken out, the larger
 * elements of the prefix are shifted one place right, and it is dropped into the gap, the way one
 * sorts a hand of cards. Shifting (one write per step) instead of swapping neighbours (three
 * writes) is the usual refinement.
 *
 * <p><b>Properties.</b> Stable: the shifting stops at the first element that is not strictly
 * greater, so an element never passes an equal one. Best case O(n) comparisons and no moves on
 * sorted input; worst and average O(n²) (reversed input makes n(n − 1)/2 of each). In general O(n +
 * d) for an input with d inversions, so it is fast on nearly sorted data. O(1) extra space, online
 * (it can sort elements as they arrive).
 *
 * <p><b>When to use it.</b> For small arrays (up to a few dozen elements) and nearly sorted ones:
 * its tiny constant beats O(n log n) algorithms there, which is why the JDK's {@link
 * java.util.Arrays#sort} and TimSort switch to it for short runs.
 *
 * <p><b>Edge cases.</b> Empty and one-element inputs are already sorted. Comparisons never
 * subtract, so {@code Integer.MIN_VALUE} and {@code Integer.MAX_VALUE} sort correctly, and no
 * sentinel value is needed to stop the shifting: the index is checked instead. Null arrays, lists
 * and comparators are rejected with {@link NullPointerException}; null elements are passed to the
 * comparator, which decides.
 *
 * <p><b>Follow-up.</b> <i>"Find the place by binary search?"</i> That cuts comparisons to O(n log
 * n), which helps when comparing is expensive, but the shifts stay O(n²). <i>"Shell sort?"</i>
 * Insertion sort over elements a gap apart, with shrinking gaps, moves elements far in few steps:
 * about O(n^1.3) in practice.
 */
@Task(
    id = "junior.algorithms.15",
    title = "Insertion sort",
    usage = "[int...]   at most 65536 numbers, sorted in O(n²)")
public final class InsertionSort {

  /**
   * The most elements this sort takes, {@value}: its O(n²) worst case then ends in a second or two;
   * longer input gets an {@link IllegalArgumentException} that names the limit.
   */
  public static final int MAX_LENGTH = QuadraticSorts.MAX_LENGTH;

  private InsertionSort() {}

  /** Sorts {@code numbers} in ascending order, in place. */
  public static void sort(int[] numbers) {
    Objects.requireNonNull(numbers, "numbers");
    QuadraticSorts.requireAtMost(numbers.length, "InsertionSort");
    for (int i = 1; i < numbers.length; i++) {
      int current = numbers[i];
      int j = i;
      while (j > 0 && numbers[j - 1] > current) {
        numbers[j] = numbers[j - 1];
        j--;
      }
      numbers[j] = current;
    }
  }

  /** Sorts {@code elements} in place into the order of {@code order}; stable. */
  public static <T> void sort(T[] elements, Comparator<? super T> order) {
    Objects.requireNonNull(elements, "elements");
    Objects.requireNonNull(order, "order");
    QuadraticSorts.requireAtMost(elements.length, "InsertionSort");
    for (int i = 1; i < elements.length; i++) {
      T current = elements[i];
      int j = i;
      while (j > 0 && order.compare(elements[j - 1], current) > 0) {
        elements[j] = elements[j - 1];
        j--;
      }
      elements[j] = current;
    }
  }

  /**
   * A new, mutable list of the elements of {@code list} in the order of {@code order}; stable. The
   * input list is not modified.
   */
  public static <T> List<T> sorted(List<? extends T> list, Comparator<? super T> order) {
    return Sorting.sortedCopy(list, order, InsertionSort::sort);
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
