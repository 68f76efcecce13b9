package org.interviewtasks.junior.core;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Objects;
import org.interviewtasks.common.Args;
import org.interviewtasks.common.Task;

/**
 * Finds the largest number in a list.
 *
 * <p><b>Approach.</b> One pass that keeps the largest value seen so far: every element must be
 * looked at once, so O(n) time is optimal; O(1) extra space. Sorting first would cost O(n log n)
 * for nothing. Two flavours: {@link #largest(int...)} for primitives (no boxing) and {@link
 * #largest(Iterable)} for anything {@link Comparable}: {@code Long}, {@code BigDecimal}, even
 * strings.
 *
 * <p><b>Edge cases.</b> An empty input has no largest element: {@link NoSuchElementException}, not
 * a made-up sentinel such as {@code Integer.MIN_VALUE} that a caller could mistake for data. Null
 * arrays, lists and elements are rejected with {@link NullPointerException}. Negative numbers work
 * because the running maximum starts at the first element, not at 0 (a classic bug). For {@code
 * double}, NaN is rejected: it is neither larger nor smaller than anything, and {@code Math.max}
 * would silently answer NaN.
 *
 * <p><b>Follow-up.</b> <i>"And the k largest?"</i> A min-heap of size k ({@code PriorityQueue})
 * gives O(n log k); quickselect gives O(n) on average. <i>"Streams?"</i> {@code
 * IntStream.of(a).max()} is the idiomatic one-liner and returns an {@code OptionalInt} for the
 * empty case; the loop here shows what it does.
 */
@Task(id = "junior.core.1", title = "Largest number in a list", usage = "<number> [number...]")
public final class LargestNumber {

  private LargestNumber() {}

  /**
   * The largest of the given ints.
   *
   * @throws NoSuchElementException if there are none
   */
  public static int largest(int... numbers) {
    Objects.requireNonNull(numbers, "numbers");
    if (numbers.length == 0) {
      throw new NoSuchElementException("no largest number in an empty list");
    }
    int max = numbers[0];
    for (int i = 1; i < numbers.length; i++) {
      max = Math.max(max, numbers[i]);
    }
    return max;
  }

  /**
   * The largest of the given doubles; {@code -0.0} counts as smaller than {@code 0.0}.
   *
   * @throws NoSuchElementException if there are none
   * @throws IllegalArgumentException if one of them is NaN
   */
  public static double largest(double... numbers) {
    Objects.requireNonNull(numbers, "numbers");
    if (numbers.length == 0) {
      throw new NoSuchElementException("no largest number in an empty list");
    }
    double max = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < numbers.length; i++) {
      if (Double.isNaN(numbers[i])) {
        throw new IllegalArgumentException("NaN at index " + i + " has no order");
      }
      max = Math.max(max, numbers[i]); // orders -0.0 below 0.0, unlike a plain '>'
    }
    return max;
  }

  /**
   * The largest element by natural order; of equal elements, the first.
   *
   * @throws NoSuchElementException if there are none
   * @throws NullPointerException if an element is null
   */
  public static <T extends Comparable<? super T>> T largest(Iterable<? extends T> values) {
    Iterator<? extends T> it = Objects.requireNonNull(values, "values").iterator();
    if (!it.hasNext()) {
      throw new NoSuchElementException("no largest element in an empty collection");
    }
    T max = requireElement(it.next(), 0);
    for (int index = 1; it.hasNext(); index++) {
      T next = requireElement(it.next(), index);
      if (next.compareTo(max) > 0) {
        max = next;
      }
    }
    return max;
  }

  private static <T> T requireElement(T value, int index) {
    return Objects.requireNonNull(value, () -> "null element at index " + index);
  }

  /**
   * Prints the largest of the numbers given as arguments: integers or decimals of any size, e.g.
   * {@code 3 -7.5 1e3}.
   *
   * @throws IllegalArgumentException if an argument is not a number
   */
  public static void main(String... args) {
    BigDecimal[] numbers = Arrays.stream(args).map(Args::toBigDecimal).toArray(BigDecimal[]::new);
    if (numbers.length == 0) {
      throw new IllegalArgumentException("usage: junior.core.1 <number> [number...]");
    }
    System.out.println(largest(Arrays.asList(numbers)).toPlainString());
  }
}
