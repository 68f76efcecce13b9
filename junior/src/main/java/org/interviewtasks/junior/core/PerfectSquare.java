package org.interviewtasks.junior.core;

import java.math.BigInteger;
import java.util.Objects;
import org.interviewtasks.common.Args;
import org.interviewtasks.common.Task;

/**
 * Checks if a number is a perfect square: the square of an integer (0, 1, 4, 9, 16, ...).
 *
 * <p><b>Approach.</b> Compute the integer square root {@code r = ⌊√n⌋} exactly, then {@code n} is a
 * square iff {@code r * r == n}: O(1). The trap is {@code Math.sqrt}: it works on a {@code double},
 * which has 53 bits of precision, so a {@code long} above 2<sup>53</sup> is rounded before the root
 * is even taken, and the root itself is rounded. {@code Math.sqrt(n) == Math.floor(...)} therefore
 * lies near large squares: {@code (2^26 + 1)^2 - 1} is not a square, but its {@code double} root
 * rounds up to exactly 2<sup>26</sup> + 1. So {@link #isqrt(long)} uses {@code (long) Math.sqrt(n)}
 * only as an estimate, which is within one of the true root, and corrects it by checking {@code r²
 * ≤ n < (r + 1)²} in exact {@code long} arithmetic. The largest root of a {@code long} is {@code
 * 3037000499} ({@code 3037000500²} exceeds {@code Long.MAX_VALUE}), so the check never squares a
 * number above it: no overflow. {@link #isPerfectSquare(BigInteger)} does the same for any size
 * with {@link BigInteger#sqrt()}, which is exact.
 *
 * <p><b>Edge cases.</b> 0 and 1 are squares. A negative number is not the square of any integer:
 * {@link #isPerfectSquare(long)} answers {@code false}, while {@link #isqrt(long)} throws {@link
 * IllegalArgumentException}, since a negative number has no real square root to return. {@code
 * Long.MAX_VALUE} is not a square; {@code 3037000499²} = 9223372030926249001 is the largest square
 * in a {@code long}. A null {@code BigInteger} is rejected with {@link NullPointerException}.
 *
 * <p><b>Follow-up.</b> <i>"Make it faster for many non-squares?"</i> Filter first: a square is 0,
 * 1, 4 or 9 modulo 16 ({@code (n & 15)}), which rejects 12 of 16 residues, three quarters of random
 * inputs, without a square root. <i>"Without floating point?"</i> Binary search on {@code r} in
 * {@code [0, 3037000499]} (about 32 steps) or Newton's iteration {@code r = (r + n / r) / 2}.
 */
@Task(id = "junior.core.18", title = "Perfect square check", usage = "<integer>")
public final class PerfectSquare {

  /** The largest {@code r} with {@code r * r <= Long.MAX_VALUE}. */
  static final long MAX_ROOT = 3_037_000_499L;

  private PerfectSquare() {}

  /** Whether {@code n} is the square of an integer; false for every negative number. */
  public static boolean isPerfectSquare(long n) {
    if (n < 0) {
      return false;
    }
    long root = isqrt(n);
    return root * root == n;
  }

  /**
   * Whether {@code n} is the square of an integer, for numbers of any size.
   *
   * @throws NullPointerException if {@code n} is null
   */
  public static boolean isPerfectSquare(BigInteger n) {
    if (Objects.requireNonNull(n, "n").signum() < 0) {
      return false;
    }
    BigInteger root = n.sqrt();
    return root.multiply(root).equals(n);
  }

  /**
   * The integer square root {@code ⌊√n⌋}: the largest {@code r} with {@code r * r <= n}.
   *
   * @throws IllegalArgumentException if {@code n} is negative
   */
  public static long isqrt(long n) {
    if (n < 0) {
      throw new IllegalArgumentException("a negative number has no square root: " + n);
    }
    return correct(n, (long) Math.sqrt((double) n)); // rounds n: only an estimate
  }

  /**
   * The integer square root of {@code n >= 0}, from an estimate within one of it (what {@code
   * Math.sqrt} gives): steps down if {@code estimate²} exceeds {@code n}, up if {@code (estimate +
   * 1)²} does not. Package-private so tests can feed estimates off in either direction.
   */
  static long correct(long n, long estimate) {
    long r = Math.clamp(estimate, 0, MAX_ROOT);
    if (r * r > n) {
      return r - 1;
    }
    if (r < MAX_ROOT && (r + 1) * (r + 1) <= n) {
      return r + 1;
    }
    return r;
  }

  /**
   * Prints whether the integer argument, of any size, is a perfect square, and of what.
   *
   * @throws IllegalArgumentException if there is not exactly one integer argument
   */
  public static void main(String... args) {
    if (args.length != 1) {
      throw new IllegalArgumentException("usage: junior.core.18 <integer>");
    }
    BigInteger n = Args.toBigInteger(args[0]);
    System.out.println(
        isPerfectSquare(n)
            ? n + " is a perfect square (" + n.sqrt() + "^2)"
            : n + " is not a perfect square");
  }
}
