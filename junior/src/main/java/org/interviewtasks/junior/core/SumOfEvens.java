package org.interviewtasks.junior.core;

import java.math.BigInteger;
import java.util.List;
import java.util.Objects;
import java.util.stream.IntStream;
import org.interviewtasks.common.Args;
import org.interviewtasks.common.Task;

/**
 * Returns the sum of all even numbers in a list.
 *
 * <p><b>Approach.</b> One pass that adds every element {@code n} with {@code n % 2 == 0}: O(n)
 * time, O(1) extra space. For {@code int} input the total is a {@code long}, which cannot overflow:
 * an array holds fewer than 2<sup>31</sup> elements, each of magnitude at most 2<sup>31</sup>, so
 * the total stays within ±2<sup>62</sup>, well inside a {@code long}. For {@code long} input no
 * primitive is wide enough, so {@link #sumOfEvens(long...)} adds in {@link BigInteger} and converts
 * at the end with {@link BigInteger#longValueExact()}: it fails only when the true total does not
 * fit, never because a running total left the range and came back (which {@code Math.addExact} on
 * the running total would wrongly report). {@link #sumOfEvens(List)} shows the stream version.
 *
 * <p><b>Edge cases.</b> Negative even numbers count: {@code -4} is even. The classic bug is testing
 * oddness with {@code n % 2 == 1}, which is false for negative odd numbers (their remainder is
 * {@code -1}); testing evenness with {@code n % 2 == 0} has no such trap. Zero is even and adds
 * nothing. An empty list, or one without even numbers, sums to 0. Null arrays, lists and elements
 * are rejected with {@link NullPointerException}, a null element by its index.
 *
 * <p><b>Follow-up.</b> <i>"Streams?"</i> {@code IntStream.of(a).filter(n -> n % 2 ==
 * 0).asLongStream() .sum()}; note {@code IntStream.sum()} returns an {@code int} and would
 * overflow. <i>"Faster evenness test?"</i> {@code (n & 1) == 0} checks the lowest bit; the JIT
 * compiles {@code n % 2 == 0} to the same thing, so write whichever reads better.
 */
@Task(
    id = "junior.core.11",
    title = "Sum of the even numbers in a list",
    usage = "<integer> [integer...]")
public final class SumOfEvens {

  private SumOfEvens() {}

  /** The sum of the even ints, as a long, which no int array can overflow. */
  public static long sumOfEvens(int... numbers) {
    Objects.requireNonNull(numbers, "numbers");
    long sum = 0;
    for (int n : numbers) {
      if (n % 2 == 0) {
        sum += n;
      }
    }
    return sum;
  }

  /**
   * The sum of the even longs.
   *
   * @throws ArithmeticException if the sum does not fit in a long
   */
  public static long sumOfEvens(long... numbers) {
    Objects.requireNonNull(numbers, "numbers");
    BigInteger sum = BigInteger.ZERO;
    for (long n : numbers) {
      if (n % 2 == 0) {
        sum = sum.add(BigInteger.valueOf(n));
      }
    }
    try {
      return sum.longValueExact();
    } catch (ArithmeticException e) {
      throw new ArithmeticException("sum of the even numbers " + sum + " overflows a long");
    }
  }

  /**
   * The sum of the even elements, by stream.
   *
   * @throws NullPointerException if the list or one of its elements is null
   */
  public static long sumOfEvens(List<Integer> numbers) {
    Integer[] values = Objects.requireNonNull(numbers, "numbers").toArray(Integer[]::new);
    return IntStream.range(0, values.length)
        .map(i -> Objects.requireNonNull(values[i], () -> "null element at index " + i))
        .filter(n -> n % 2 == 0)
        .asLongStream()
        .sum();
  }

  /**
   * Prints the sum of the even numbers among the arguments, e.g. {@code 1 2 3 -4} prints {@code
   * -2}.
   *
   * @throws IllegalArgumentException if there are no arguments or one is not a long integer
   */
  public static void main(String... args) {
    if (args.length == 0) {
      throw new IllegalArgumentException("usage: junior.core.11 <integer> [integer...]");
    }
    long[] numbers = Args.toLongs(args);
    System.out.println(sumOfEvens(numbers));
  }
}
