package org.interviewtasks.junior.core;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import org.interviewtasks.common.Args;
import org.interviewtasks.common.Task;

/**
 * Converts a list of integers to a list of their squares.
 *
 * <p><b>Approach.</b> Map every element to its square: O(n) time, O(n) space for the new list, the
 * input is never modified. The square of an {@code int} does not fit in an {@code int}: 46341² =
 * 2147488281 already exceeds {@code Integer.MAX_VALUE}, and {@code n * n} would silently wrap. So
 * each square is computed as {@code (long) n * n}: even {@code Integer.MIN_VALUE}² = 2<sup>62</sup>
 * fits a {@code long}. {@link #squares(int...)} fills a {@code long[]} in a loop; {@link
 * #squares(List)} is the stream version, {@code map} then {@code toList()}.
 *
 * <p><b>Edge cases.</b> An empty input gives an empty output. Negative numbers square to positive
 * ones, so the squares of a sorted list are not sorted in general ({@code [-3, 1]} gives {@code [9,
 * 1]}). Null arrays, lists and elements are rejected with {@link NullPointerException}, a null
 * element by its index.
 *
 * <p><b>Follow-up.</b> <i>"The input is sorted; return the squares sorted, in O(n)."</i> Squaring
 * then sorting costs O(n log n). But the largest square is at one of the two ends (the most
 * negative or the most positive number), so {@link #sortedSquares(int[])} walks two pointers
 * inwards from both ends and fills the result from its end, taking the larger square each time:
 * O(n) time, O(n) for the result.
 */
@Task(id = "junior.core.12", title = "List of squares", usage = "<integer> [integer...]")
public final class ListOfSquares {

  private ListOfSquares() {}

  /** The squares of the numbers, in the same order, as longs (an int square can overflow int). */
  public static long[] squares(int... numbers) {
    Objects.requireNonNull(numbers, "numbers");
    long[] squares = new long[numbers.length];
    for (int i = 0; i < numbers.length; i++) {
      squares[i] = square(numbers[i]);
    }
    return squares;
  }

  /**
   * The squares of the elements, in the same order, as a new unmodifiable list.
   *
   * @throws NullPointerException if the list or one of its elements is null
   */
  public static List<Long> squares(List<Integer> numbers) {
    // One copy, so that get(i) is O(1) whatever the kind of list (a LinkedList's is O(n)).
    List<Integer> values = new ArrayList<>(Objects.requireNonNull(numbers, "numbers"));
    return IntStream.range(0, values.size())
        .mapToObj(
            i -> square(Objects.requireNonNull(values.get(i), () -> "null element at index " + i)))
        .toList();
  }

  /**
   * The squares of a sorted array, sorted ascending, in O(n).
   *
   * @throws IllegalArgumentException if the array is not sorted ascending
   */
  public static long[] sortedSquares(int[] sortedAscending) {
    int[] a = Objects.requireNonNull(sortedAscending, "sortedAscending");
    for (int i = 1; i < a.length; i++) {
      if (a[i] < a[i - 1]) {
        throw new IllegalArgumentException(
            "not sorted ascending: element "
                + a[i]
                + " at index "
                + i
                + " is less than "
                + a[i - 1]
                + " before it");
      }
    }
    long[] squares = new long[a.length];
    int left = 0;
    int right = a.length - 1;
    for (int next = a.length - 1; next >= 0; next--) {
      long leftSquare = square(a[left]);
      long rightSquare = square(a[right]);
      if (leftSquare > rightSquare) {
        squares[next] = leftSquare;
        left++;
      } else {
        squares[next] = rightSquare;
        right--;
      }
    }
    return squares;
  }

  private static long square(int n) {
    return (long) n * n;
  }

  /**
   * Prints the squares of the integers given as arguments, separated by spaces.
   *
   * @throws IllegalArgumentException if there are no arguments or one is not an int
   */
  public static void main(String... args) {
    if (args.length == 0) {
      throw new IllegalArgumentException("usage: junior.core.12 <integer> [integer...]");
    }
    int[] numbers = Args.toInts(args);
    System.out.println(
        LongStream.of(squares(numbers)).mapToObj(Long::toString).collect(Collectors.joining(" ")));
  }
}
