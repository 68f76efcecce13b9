package org.interviewtasks.junior.algorithms;

import org.interviewtasks.common.Args;
import org.interviewtasks.common.Task;

/**
 * Computes the greatest common divisor of two numbers with Euclid's algorithm, recursively (as the
 * task asks) and iteratively.
 *
 * <p><b>Approach.</b> gcd(a, b) = gcd(b, a mod b), and gcd(a, 0) = |a|: a common divisor of a and b
 * also divides a − qb, and the remainder at least halves every two steps. So the recursion makes
 * O(log min(|a|, |b|)) calls: at most about 92 for {@code long}s (the worst case is two consecutive
 * Fibonacci numbers), which no stack notices. {@link #gcd} is that recursion; {@link #gcdIterative}
 * is the same loop without calls, as a compiler that eliminated the tail call would produce.
 *
 * <p><b>Edge cases.</b> The result is never negative: gcd(−4, 6) = 2. gcd(a, 0) = |a|, and gcd(0,
 * 0) is defined as 0, as in {@link java.math.BigInteger#gcd}: every integer divides 0, and 0 is the
 * value that makes gcd(a, b) · lcm(a, b) = |ab| and the identity gcd(0, a) = |a| hold. Java's
 * {@code %} takes the sign of the dividend, which the algorithm tolerates: the sign is dropped at
 * the end. That is also how {@code Long.MIN_VALUE} works: its absolute value 2⁶³ is never taken
 * except when it is the answer, for gcd(MIN, 0), gcd(0, MIN) and gcd(MIN, MIN); 2⁶³ does not fit in
 * a {@code long}, so those throw {@link ArithmeticException} instead of returning the negative
 * number {@code Math.abs} would give. gcd(MIN, 6) = 2 works.
 *
 * <p><b>Follow-up.</b> <i>"Least common multiple?"</i> lcm(a, b) = |a / gcd(a, b) · b|; divide
 * first to keep the intermediate small, and use {@code Math.multiplyExact} since the lcm can
 * overflow anyway. <i>"Without division?"</i> Binary GCD (Stein's algorithm) uses only shifts and
 * subtraction, faster on hardware with slow division.
 */
@Task(id = "junior.algorithms.6", title = "Greatest common divisor, recursive")
public final class Gcd {

  private Gcd() {}

  /**
   * The greatest common divisor of {@code a} and {@code b}, by recursion; gcd(0, 0) = 0.
   *
   * @throws ArithmeticException if the result is 2⁶³, which only happens when both are 0 or {@code
   *     Long.MIN_VALUE}, and one of them is {@code Long.MIN_VALUE}
   */
  public static long gcd(long a, long b) {
    return magnitude(euclid(a, b), a, b);
  }

  /** ± gcd(a, b): Euclid's recursion on signed remainders. */
  private static long euclid(long a, long b) {
    return b == 0 ? a : euclid(b, a % b);
  }

  /**
   * The greatest common divisor of {@code a} and {@code b}, by a loop; gcd(0, 0) = 0.
   *
   * @throws ArithmeticException as {@link #gcd} does
   */
  public static long gcdIterative(long a, long b) {
    long x = a;
    long y = b;
    while (y != 0) {
      long remainder = x % y;
      x = y;
      y = remainder;
    }
    return magnitude(x, a, b);
  }

  private static long magnitude(long signedGcd, long a, long b) {
    if (signedGcd == Long.MIN_VALUE) {
      throw new ArithmeticException(
          "gcd(" + a + ", " + b + ") is 2^63, which does not fit in a long");
    }
    return Math.abs(signedGcd);
  }

  /**
   * Prints the greatest common divisor of the two arguments.
   *
   * @throws IllegalArgumentException unless there are exactly two arguments, both longs
   */
  public static void main(String... args) {
    if (args.length != 2) {
      throw new IllegalArgumentException("usage: junior.algorithms.6 <a> <b>");
    }
    System.out.println(gcd(Args.toLong(args[0]), Args.toLong(args[1])));
  }
}
