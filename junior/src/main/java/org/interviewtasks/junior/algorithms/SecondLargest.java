package org.interviewtasks.junior.algorithms;

import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Objects;
import org.interviewtasks.common.Args;
import org.interviewtasks.common.Task;

/**
 * Finds the second largest number in a list: the largest value that is smaller than the maximum.
 *
 * <p><b>Approach.</b> One pass that keeps the two largest distinct values seen so far: a value
 * above the largest demotes the largest to second place; a value strictly between the two becomes
 * the second; a value equal to the largest changes nothing. O(n) time, O(1) space, where sorting
 * would cost O(n log n). Whether a second value has been seen is a flag, not a sentinel such as
 * {@code Integer.MIN_VALUE}, which could be the real answer.
 *
 * <p><b>Edge cases.</b> "Second largest" means the second largest <i>distinct</i> value: in {@code
 * [5, 5, 3]} it is 3, because 5 is the largest however often it occurs (the other reading, "the
 * element at index 1 after sorting in descending order", would answer 5). Hence a list with fewer
 * than two distinct values, {@code [7, 7]} or {@code [7]} or {@code []}, has no second largest:
 * {@link NoSuchElementException}. Negative numbers and the int extremes work. Null arrays, lists
 * and elements are rejected with {@link NullPointerException}.
 *
 * <p><b>Follow-up.</b> <i>"The k-th largest?"</i> A min-heap of the k largest distinct values (a
 * {@code TreeSet} of size k) gives O(n log k); quickselect O(n) on average, when duplicates count.
 */
@Task(id = "junior.algorithms.4", title = "Second largest number", usage = "<number> [number...]")
public final class SecondLargest {

  private SecondLargest() {}

  /**
   * The second largest distinct value among {@code numbers}.
   *
   * @throws NoSuchElementException if there are fewer than two distinct values
   */
  public static int secondLargest(int... numbers) {
    Objects.requireNonNull(numbers, "numbers");
    if (numbers.length == 0) {
      throw new NoSuchElementException("no second largest number in an empty list");
    }
    int largest = numbers[0];
    int second = 0;
    boolean hasSecond = false;
    for (int i = 1; i < numbers.length; i++) {
      int n = numbers[i];
      if (n > largest) {
        second = largest;
        largest = n;
        hasSecond = true;
      } else if (n < largest && (!hasSecond || n > second)) {
        second = n;
        hasSecond = true;
      }
    }
    if (!hasSecond) {
      throw allEqual(largest);
    }
    return second;
  }

  /**
   * The second largest distinct element by natural order (distinct meaning {@code compareTo} is not
   * 0); of equal candidates, the first.
   *
   * @throws NoSuchElementException if there are fewer than two distinct values
   * @throws NullPointerException if an element is null
   */
  public static <T extends Comparable<? super T>> T secondLargest(Iterable<? extends T> values) {
    Iterator<? extends T> it = Objects.requireNonNull(values, "values").iterator();
    if (!it.hasNext()) {
      throw new NoSuchElementException("no second largest element in an empty collection");
    }
    T largest = requireElement(it.next(), 0);
    T second = null;
    for (int index = 1; it.hasNext(); index++) {
      T next = requireElement(it.next(), index);
      int comparedToLargest = next.compareTo(largest);
      if (comparedToLargest > 0) {
        second = largest;
        largest = next;
      } else if (comparedToLargest < 0 && (second == null || next.compareTo(second) > 0)) {
        second = next;
      }
    }
    if (second == null) {
      throw allEqual(largest);
    }
    return second;
  }

  private static <T> T requireElement(T value, int index) {
    return Objects.requireNonNull(value, () -> "null element at index " + index);
  }

  private static NoSuchElementException allEqual(Object largest) {
    return new NoSuchElementException(
        "no second largest: every element equals the largest, " + largest);
  }

  /**
   * Prints the second largest distinct number among the arguments.
   *
   * @throws IllegalArgumentException if there is no argument or one is not an int
   * @throws NoSuchElementException if there are fewer than two distinct numbers
   */
  public static void main(String... args) {
    if (args.length == 0) {
      throw new IllegalArgumentException("usage: junior.algorithms.4 <number> [number...]");
    }
    System.out.println(secondLargest(Args.toInts(args)));
  }
}
