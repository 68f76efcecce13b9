package org.interviewtasks.junior.core;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.interviewtasks.common.Args;
import org.interviewtasks.common.Task;

/**
 * Generates the first n Fibonacci numbers, F0 = 0, F1 = 1, Fk = Fk−1 + Fk−2: 0, 1, 1, 2, 3, 5, 8…
 *
 * <p><b>Approach.</b> Keep only the last two numbers and add them: O(n) additions and O(1) state
 * besides the result (the naive recursive fib(k − 1) + fib(k − 2) takes exponential time because it
 * recomputes the same values over and over). The numbers grow exponentially, by a factor of about φ
 * ≈ 1.618, so F93 already exceeds {@code Long.MAX_VALUE}: {@link #first} returns {@link
 * BigInteger}s, and {@link #firstAsLongs} uses {@link Math#addExact(long, long)} so it fails at the
 * first overflow instead of wrapping to a negative number. {@link #stream} is the infinite, lazy
 * version, Java's answer to a Python generator: {@link Stream#iterate} over a pair of consecutive
 * numbers, taking as many as the caller asks for.
 *
 * <p><b>Edge cases.</b> n = 0 gives an empty list, n = 1 gives [0], a negative n is an {@link
 * IllegalArgumentException}, and so is an n above {@value #MAX_N} for {@link #first} (above {@value
 * #MAX_PRINTED} from the command line): the list grows with n². The first 93 numbers, up to F92 =
 * 7540113804746346429, fit in a {@code long}; {@code firstAsLongs(94)} throws {@link
 * ArithmeticException} naming n and suggesting {@link #first}. It fails without first allocating an
 * array of n longs, so even {@code firstAsLongs(Integer.MAX_VALUE)} fails fast with that message
 * rather than running out of memory.
 *
 * <p><b>Follow-up.</b> <i>"Just the n-th number, for a huge n?"</i> Fast doubling, F2k = Fk · (2
 * Fk+1 − Fk) and F2k+1 = Fk² + Fk+1², needs O(log n) multiplications. <i>"Why not Binet's formula
 * φⁿ/√5?"</i> In {@code double} it is exact only up to about F70; beyond that rounding errors win.
 */
@Task(id = "junior.core.8", title = "First n Fibonacci numbers", usage = "<n>   n in 0..1000")
public final class FibonacciSequence {

  /** How many Fibonacci numbers, from F0, fit in a long: F92 does, F93 does not. */
  static final int LONG_CAPACITY = 93;

  /**
   * The most numbers {@link #first} returns: 20,000, about 17 MB of {@code BigInteger}s (the k-th
   * has about 0.69 k bits, so the list grows with n²); use {@link #stream} for more.
   */
  public static final int MAX_N = 20_000;

  /**
   * The most numbers {@link #main} prints: 1,000, about 100,000 digits; the digits of the first n
   * grow with n², so 2³¹ − 1 of them would never finish printing.
   */
  public static final int MAX_PRINTED = 1_000;

  private FibonacciSequence() {}

  /** Two consecutive Fibonacci numbers, the state of the stream. */
  private record Pair(BigInteger current, BigInteger next) {
    Pair advance() {
      return new Pair(next, current.add(next));
    }
  }

  /**
   * F0 … Fn−1, as an unmodifiable list.
   *
   * @throws IllegalArgumentException if n is negative or above {@value #MAX_N}
   */
  public static List<BigInteger> first(int n) {
    requireNonNegative(n);
    if (n > MAX_N) {
      throw new IllegalArgumentException(
          "n must be at most " + MAX_N + " (use stream() for more), was " + n);
    }
    List<BigInteger> numbers = new ArrayList<>(n);
    BigInteger current = BigInteger.ZERO;
    BigInteger next = BigInteger.ONE;
    for (int k = 0; k < n; k++) {
      numbers.add(current);
      BigInteger afterNext = current.add(next);
      current = next;
      next = afterNext;
    }
    return Collections.unmodifiableList(numbers);
  }

  /**
   * F0 … Fn−1 as longs, for n &lt;= 93.
   *
   * @throws ArithmeticException if n &gt; 93: the later numbers overflow a long
   */
  public static long[] firstAsLongs(int n) {
    requireNonNegative(n);
    var numbers = LongStream.builder();
    long previous = 1; // F−1 = 1, so that F1 = F−1 + F0
    long current = 0;
    for (int k = 0; k < n; k++) {
      if (k > 0) {
        long next = addOrFail(previous, current, n);
        previous = current;
        current = next;
      }
      numbers.add(current);
    }
    return numbers.build().toArray();
  }

  private static long addOrFail(long a, long b, int n) {
    try {
      return Math.addExact(a, b);
    } catch (ArithmeticException overflow) {
      var e =
          new ArithmeticException(
              "the first "
                  + n
                  + " Fibonacci numbers do not fit in a long (only the first "
                  + LONG_CAPACITY
                  + " do); use first(n) for BigIntegers");
      e.initCause(overflow);
      throw e;
    }
  }

  /** F0, F1, F2, … without end; lazy, so limit it: {@code stream().limit(10)}. */
  public static Stream<BigInteger> stream() {
    return Stream.iterate(new Pair(BigInteger.ZERO, BigInteger.ONE), Pair::advance)
        .map(Pair::current);
  }

  private static void requireNonNegative(int n) {
    if (n < 0) {
      throw new IllegalArgumentException("n must not be negative, was " + n);
    }
  }

  /**
   * Prints the first n Fibonacci numbers, space-separated, e.g. {@code 0 1 1 2 3} for {@code 5}.
   *
   * @throws IllegalArgumentException unless the one argument is a non-negative int
   */
  public static void main(String... args) {
    if (args.length != 1) {
      throw new IllegalArgumentException("usage: junior.core.8 <n>");
    }
    int n = Args.toInt(args[0]);
    if (n > MAX_PRINTED) {
      throw new IllegalArgumentException("n must be at most " + MAX_PRINTED + ", was " + n);
    }
    System.out.println(
        first(n).stream().map(BigInteger::toString).collect(Collectors.joining(" ")));
  }
}
