package org.interviewtasks.junior.core;

import java.math.BigInteger;
import org.interviewtasks.common.Args;
import org.interviewtasks.common.Task;

/**
 * Computes n! = 1 · 2 · … · n, both iteratively and recursively.
 *
 * <p><b>Approach.</b> n! grows faster than any fixed-size type: 20! is the last that fits in a
 * {@code long} and 13! the last in an {@code int}, so {@link #iterative} and {@link #recursive}
 * return a {@link BigInteger}, and {@link #exact} returns a {@code long} guarded by {@link
 * Math#multiplyExact(long, long)} so it fails loudly instead of wrapping around. {@link #iterative}
 * multiplies 2, 3, …, n into a running product: n − 1 multiplications, O(1) stack.
 *
 * <p>{@link #recursive} is not the textbook recursion f(n) = n · f(n − 1), f(0) = 1. That one makes
 * n nested calls, each waiting for the next: its stack depth is O(n), so around n ≈ 10⁴ (it depends
 * on {@code -Xss}) it throws {@link StackOverflowError}, and Java does not eliminate tail calls
 * even when it is written tail-recursively. Instead the product of the range [lo, hi] is split in
 * halves, product(lo, hi) = product(lo, mid) · product(mid + 1, hi), down to single numbers. The
 * depth is O(log n), about 17 frames for n = 100 000, so the stack never overflows. It is also
 * faster for large n: the iterative loop multiplies a huge number by a small one n times, while the
 * balanced tree multiplies numbers of similar size, which lets {@code BigInteger} use its
 * sub-quadratic Karatsuba and Toom-Cook algorithms. Both do n − 1 multiplications.
 *
 * <p><b>Edge cases.</b> 0! = 1! = 1 (the empty product). A negative n has no factorial: {@link
 * IllegalArgumentException} from every method; so is an n above {@value #MAX_N}, whose factorial
 * would take minutes to hours and gigabytes (the limit is part of the contract, checked first).
 * {@link #exact} with n ≥ 21 throws {@link ArithmeticException} that names n and points to the
 * {@code BigInteger} versions.
 *
 * <p><b>Follow-up.</b> <i>"How many digits does 1000! have?"</i> 2568; in general the sum of log₁₀
 * k, or Stirling's formula, tells you without computing it. <i>"How many trailing zeros?"</i> The
 * count of factors 5: n/5 + n/25 + n/125 + …, for 1000! that is 249.
 */
@Task(
    id = "junior.core.7",
    title = "Factorial, recursive and iterative",
    usage = "<n> [n...]   each n in 0..30000")
public final class Factorial {

  /**
   * The largest n that {@link #iterative} and {@link #recursive} take: 30000! has 121,288 digits,
   * computed in about a second by the loop and far less by halves; the loop's time grows with the
   * square of n, so n = 2³¹ − 1 would run for years.
   */
  public static final int MAX_N = 30_000;

  private Factorial() {}

  /** n! by a loop: multiplies 2, 3, …, n into a running product. */
  public static BigInteger iterative(int n) {
    requireSupported(n);
    BigInteger product = BigInteger.ONE;
    for (int k = 2; k <= n; k++) {
      product = product.multiply(BigInteger.valueOf(k));
    }
    return product;
  }

  /** n! by recursion on halves of the range 1..n: recursion depth O(log n). */
  public static BigInteger recursive(int n) {
    requireSupported(n);
    return n < 2 ? BigInteger.ONE : product(1, n);
  }

  /** The product lo · (lo + 1) · … · hi, for 1 &lt;= lo &lt;= hi. */
  private static BigInteger product(int lo, int hi) {
    if (lo == hi) {
      return BigInteger.valueOf(lo);
    }
    int mid = (lo + hi) >>> 1; // no overflow even near Integer.MAX_VALUE
    return product(lo, mid).multiply(product(mid + 1, hi));
  }

  /**
   * n! as a {@code long}, for n &lt;= 20.
   *
   * @throws ArithmeticException if n! does not fit in a long (n &gt;= 21)
   */
  public static long exact(int n) {
    requireNonNegative(n);
    long product = 1;
    try {
      for (int k = 2; k <= n; k++) {
        product = Math.multiplyExact(product, k);
      }
    } catch (ArithmeticException overflow) {
      var e =
          new ArithmeticException(
              n
                  + "! does not fit in a long (20! is the largest that does);"
                  + " use iterative(n) or recursive(n), which return a BigInteger");
      e.initCause(overflow);
      throw e;
    }
    return product;
  }

  private static void requireNonNegative(int n) {
    if (n < 0) {
      throw new IllegalArgumentException("no factorial of a negative number: " + n);
    }
  }

  /**
   * Checks that n is in {@code 0..MAX_N}: the input contract of the {@code BigInteger} versions.
   *
   * @throws IllegalArgumentException if n is negative or above {@link #MAX_N}
   */
  public static void requireSupported(int n) {
    requireNonNegative(n);
    if (n > MAX_N) {
      throw new IllegalArgumentException(
          "n must be at most " + MAX_N + " (its factorial has 121288 digits): " + n);
    }
  }

  /**
   * Prints {@code n! = value} for each argument, e.g. {@code 5! = 120}.
   *
   * @throws IllegalArgumentException if there are no arguments, or one is not a non-negative int
   */
  public static void main(String... args) {
    if (args.length == 0) {
      throw new IllegalArgumentException("usage: junior.core.7 <n> [n...]");
    }
    for (String arg : args) {
      int n = Args.toInt(arg);
      System.out.println(n + "! = " + recursive(n));
    }
  }
}
