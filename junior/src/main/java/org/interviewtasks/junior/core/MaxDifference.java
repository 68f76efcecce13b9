package org.interviewtasks.junior.core;

import java.util.NoSuchElementException;
import java.util.Objects;
import org.interviewtasks.common.Args;
import org.interviewtasks.common.Task;

/**
 * Finds the maximum difference between any two elements in a list.
 *
 * <p>The statement has two readings, and an interviewer may mean either, so ask:
 *
 * <ul>
 *   <li>{@link #maxDifference(int...)}: any two elements, in any order. The answer is simply {@code
 *       max - min}, never negative.
 *   <li>{@link #maxForwardDifference(int...)}: {@code a[j] - a[i]} with {@code j > i}, the later
 *       element minus the earlier one, as in "best time to buy and sell a stock once".
 * </ul>
 *
 * <p><b>Approach.</b> Both take one pass, O(n) time and O(1) space, instead of comparing all O(n²)
 * pairs. The first keeps the running maximum and minimum. The second keeps the minimum of the
 * elements seen so far: the best pair ending at {@code j} starts at that minimum, so the answer is
 * the best of {@code a[j] - min} over all {@code j}. Differences are {@code long}: {@code
 * Integer.MAX_VALUE - Integer.MIN_VALUE} = 2<sup>32</sup> - 1 overflows an {@code int}.
 *
 * <p><b>Edge cases.</b> A difference needs two elements: fewer throws {@link
 * NoSuchElementException}. Equal elements give 0. When the list strictly decreases, every forward
 * difference is negative; {@link #maxForwardDifference(int...)} returns the largest (least
 * negative) one rather than 0, because 0 would claim a pair that does not exist. (A stock question
 * that allows "do not trade" wants {@code Math.max(0, result)}.) A null array is rejected with
 * {@link NullPointerException}.
 *
 * <p><b>Follow-up.</b> <i>"Return the pair too?"</i> Remember the index of the minimum and of the
 * best {@code j}. <i>"Several buys and sells allowed?"</i> Then the best profit is the sum of every
 * positive step {@code a[j] - a[j-1]}.
 */
@Task(id = "junior.core.13", title = "Maximum difference between two elements")
public final class MaxDifference {

  private MaxDifference() {}

  /**
   * The largest difference between any two elements: the maximum minus the minimum.
   *
   * @throws NoSuchElementException if there are fewer than two elements
   */
  public static long maxDifference(int... numbers) {
    requireTwo(numbers);
    int min = numbers[0];
    int max = numbers[0];
    for (int n : numbers) {
      min = Math.min(min, n);
      max = Math.max(max, n);
    }
    return (long) max - min;
  }

  /**
   * The largest {@code numbers[j] - numbers[i]} with {@code j > i}; negative when the numbers
   * strictly decrease.
   *
   * @throws NoSuchElementException if there are fewer than two elements
   */
  public static long maxForwardDifference(int... numbers) {
    requireTwo(numbers);
    int minSoFar = numbers[0];
    long best = Long.MIN_VALUE;
    for (int j = 1; j < numbers.length; j++) {
      best = Math.max(best, (long) numbers[j] - minSoFar);
      minSoFar = Math.min(minSoFar, numbers[j]);
    }
    return best;
  }

  private static void requireTwo(int[] numbers) {
    Objects.requireNonNull(numbers, "numbers");
    if (numbers.length < 2) {
      throw new NoSuchElementException(
          "a difference needs at least two elements, got " + numbers.length);
    }
  }

  /**
   * Prints both maximum differences of the integers given as arguments.
   *
   * @throws IllegalArgumentException if there are fewer than two arguments or one is not an int
   */
  public static void main(String... args) {
    if (args.length < 2) {
      throw new IllegalArgumentException("usage: junior.core.13 <integer> <integer> [integer...]");
    }
    int[] numbers = Args.toInts(args);
    System.out.println("max difference (any two): " + maxDifference(numbers));
    System.out.println(
        "max forward difference (later - earlier): " + maxForwardDifference(numbers));
  }
}
