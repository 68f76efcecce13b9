package org.interviewtasks.junior.core;

import java.math.BigInteger;
import java.util.Objects;
import org.interviewtasks.common.Args;
import org.interviewtasks.common.Task;

/**
 * Calculates the sum of the decimal digits of an integer: 12345 gives 1 + 2 + 3 + 4 + 5 = 15.
 *
 * <p><b>Approach.</b> Arithmetic, not text: {@code n % 10} is the last digit and {@code n / 10}
 * drops it, so a loop peels the digits off from the right. O(d) time for d digits (at most 19 for a
 * {@code long}), O(1) space, no {@code String} allocated. For a {@link BigInteger} the same idea
 * works in chunks: {@link BigInteger#divideAndRemainder} by 10¹⁸ splits off eighteen digits at once
 * as a {@code long}, whose digits {@link #sumOfDigits(long)} then adds. Each division costs O(d),
 * so this is O(d²/18): fine for thousands of digits (see the follow-up for millions).
 *
 * <p><b>Edge cases.</b> A negative number has the digits of its absolute value: −123 gives 6. The
 * obvious {@code Math.abs(n)} fails for {@code Long.MIN_VALUE}, which has no positive counterpart
 * in a {@code long} (it returns {@code Long.MIN_VALUE} itself); taking the absolute value of each
 * remainder instead ({@code -9223372036854775808 % 10 == -8}) works for every {@code long}. 0 has
 * the digit sum 0. The sum of a {@code long}'s digits is at most 9 · 19 = 171; for a {@code
 * BigInteger} it is computed with {@link Math#addExact(int, int)}, so a number of more than 238
 * million digits would throw rather than wrap. A null BigInteger is rejected with {@link
 * NullPointerException}.
 *
 * <p><b>Follow-up.</b> <i>"Repeat until one digit is left?"</i> That is the digital root, {@link
 * #digitalRoot}: since 10 ≡ 1 (mod 9), a number and its digit sum leave the same remainder mod 9,
 * so the root is 1 + (n − 1) mod 9 for n &gt; 0 and 0 for 0, in O(1) once n is small. <i>"A number
 * with a million digits?"</i> Split by 10^(2^k) recursively (divide and conquer) so the divisions
 * work on balanced halves, as {@code BigInteger.toString} itself does.
 */
@Task(
    id = "junior.core.10",
    title = "Sum of the digits of an integer",
    usage = "<integer> [integer...]")
public final class SumOfDigits {

  /** 10¹⁸: the largest power of ten whose remainders always fit in a long. */
  private static final BigInteger CHUNK = BigInteger.TEN.pow(18);

  private SumOfDigits() {}

  /** The sum of the decimal digits of {@code n}, ignoring its sign. */
  public static int sumOfDigits(long n) {
    int sum = 0;
    for (long rest = n; rest != 0; rest /= 10) {
      sum += (int) Math.abs(rest % 10); // the remainder has the sign of n: -8 for MIN_VALUE
    }
    return sum;
  }

  /** The sum of the decimal digits of {@code n}, ignoring its sign, 18 digits at a time. */
  public static int sumOfDigits(BigInteger n) {
    Objects.requireNonNull(n, "n");
    int sum = 0;
    for (BigInteger rest = n.abs(); rest.signum() != 0; ) {
      BigInteger[] quotientAndRemainder = rest.divideAndRemainder(CHUNK);
      sum = Math.addExact(sum, sumOfDigits(quotientAndRemainder[1].longValueExact()));
      rest = quotientAndRemainder[0];
    }
    return sum;
  }

  /**
   * The digital root of {@code n}: its digit sum, summed again until a single digit is left (0 for
   * 0, otherwise 1 to 9), ignoring the sign.
   */
  public static int digitalRoot(long n) {
    int sum = sumOfDigits(n); // same root as n, and small: 0 to 171
    // For sum == 0 this is 1 + (-1 % 9) = 1 + (-1) = 0: Java's % keeps the dividend's sign.
    return 1 + (sum - 1) % 9;
  }

  /**
   * Prints the digit sum of each argument, one per line; the arguments may be integers of any size.
   *
   * @throws IllegalArgumentException if there are no arguments, or one is not an integer
   */
  public static void main(String... args) {
    if (args.length == 0) {
      throw new IllegalArgumentException("usage: junior.core.10 <integer> [integer...]");
    }
    for (String arg : args) {
      System.out.println(sumOfDigits(Args.toBigInteger(arg)));
    }
  }
}
