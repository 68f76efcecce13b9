package org.interviewtasks.mid.core;

import java.math.BigInteger;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.PrimitiveIterator;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.interviewtasks.common.Args;
import org.interviewtasks.common.Task;
import org.interviewtasks.junior.core.FibonacciSequence;

/**
 * Generates the Fibonacci sequence 0, 1, 1, 2, 3, 5, … on demand: Python's generator function in
 * Java.
 *
 * <p><b>How the idea maps.</b> A Python generator ({@code def fib(): a, b = 0, 1; while True: yield
 * a; a, b = b, a + b}) is a function whose local variables survive between calls: each {@code
 * next()} resumes it after the last {@code yield}. Java has no {@code yield} for that, so the
 * locals become the fields of an {@link Iterator} and the loop body becomes {@code next()}: that is
 * exactly what Python's compiler builds internally. {@link #iterator()} is that state machine;
 * {@link #stream()} wraps it in a {@link Spliterator}, the stream API's iterator, to get {@code
 * limit}, {@code takeWhile}, {@code filter} for free. Both are infinite and lazy: nothing is
 * computed until asked for, and a caller takes as many numbers as it needs.
 *
 * <p><b>What mid adds over junior.</b> {@link FibonacciSequence} (junior.core.8) returns the first
 * n numbers as a list, and its {@code stream()} is built on {@code Stream.iterate}. Here the
 * generator is written out by hand, so its state is visible; it can start from any two numbers
 * ({@link #iterator(BigInteger, BigInteger)}: 2, 1 gives the Lucas numbers); and the {@code long}
 * version ({@link #longs()}) ends cleanly after F92, the last Fibonacci number that fits, instead
 * of throwing on overflow: a generator that is simply exhausted, as Python's {@code StopIteration}.
 *
 * <p><b>Edge cases.</b> The {@link BigInteger} sequence never overflows; it only grows (Fₙ has
 * about 0.209 n decimal digits), so memory and addition time grow too. {@code next()} on an
 * exhausted {@link #longs()} iterator throws {@link NoSuchElementException}, as the {@link
 * Iterator} contract requires. Each call returns a new, independent generator; one generator is not
 * thread-safe.
 *
 * <p><b>Follow-up.</b> <i>"Python's {@code send()} and {@code close()}?"</i> A generator that
 * receives values is a coroutine; in Java that is a blocking handoff between two threads (cheap
 * with virtual threads) or a callback. <i>"A random-access Fₙ?"</i> Fast doubling, O(log n)
 * multiplications.
 */
@Task(id = "mid.core.5", title = "Fibonacci generator", usage = "<n>   n in 0..1000")
public final class FibonacciGenerator {

  /**
   * The most numbers {@link #main} prints: 1,000, the last with 209 digits, some 100 KB in all. The
   * stream itself is endless; a program takes what it needs with {@code limit}.
   */
  public static final int MAX_PRINTED = 1_000;

  /** How many Fibonacci numbers, from F0, fit in a long: F0 … F92. */
  public static final int LONG_COUNT = 93;

  private FibonacciGenerator() {}

  /** F0, F1, F2, … without end, computed one {@code next()} at a time. */
  public static Iterator<BigInteger> iterator() {
    return iterator(BigInteger.ZERO, BigInteger.ONE);
  }

  /**
   * The sequence that starts with {@code first, second} and continues by adding the last two,
   * without end; {@code (2, 1)} gives the Lucas numbers.
   */
  public static Iterator<BigInteger> iterator(BigInteger first, BigInteger second) {
    Objects.requireNonNull(first, "first");
    Objects.requireNonNull(second, "second");
    return new Iterator<>() {
      private BigInteger current = first; // the locals of the Python generator
      private BigInteger following = second;

      @Override
      public boolean hasNext() {
        return true; // infinite
      }

      @Override
      public BigInteger next() {
        BigInteger value = current;
        BigInteger afterFollowing = current.add(following);
        current = following;
        following = afterFollowing;
        return value;
      }
    };
  }

  /** F0, F1, F2, … as an infinite, lazy, ordered stream: limit it. */
  public static Stream<BigInteger> stream() {
    Iterator<BigInteger> generator = iterator();
    Spliterator<BigInteger> spliterator =
        new Spliterators.AbstractSpliterator<>(
            Long.MAX_VALUE, // unknown, here infinite
            Spliterator.ORDERED | Spliterator.NONNULL | Spliterator.IMMUTABLE) {
          @Override
          public boolean tryAdvance(Consumer<? super BigInteger> action) {
            action.accept(generator.next());
            return true;
          }
        };
    return StreamSupport.stream(spliterator, false);
  }

  /** F0 … F92 as longs: 93 numbers, then {@code hasNext()} is false. */
  public static PrimitiveIterator.OfLong longs() {
    return new PrimitiveIterator.OfLong() {
      private long current = 0;
      private long following = 1;
      private boolean followingFits = true;
      private boolean exhausted = false;

      @Override
      public boolean hasNext() {
        return !exhausted;
      }

      @Override
      public long nextLong() {
        if (exhausted) {
          throw new NoSuchElementException(
              "the Fibonacci numbers after F92 do not fit in a long; use iterator()");
        }
        long value = current;
        if (!followingFits) {
          exhausted = true; // value is F92, the last that fits
          return value;
        }
        current = following;
        try {
          following = Math.addExact(value, following);
        } catch (ArithmeticException overflow) {
          followingFits = false;
        }
        return value;
      }
    };
  }

  /** F0 … F92 as a finite stream of longs. */
  public static LongStream longStream() {
    return StreamSupport.longStream(
        Spliterators.spliterator(
            longs(), LONG_COUNT, Spliterator.ORDERED | Spliterator.NONNULL | Spliterator.IMMUTABLE),
        false);
  }

  /**
   * Prints the first n Fibonacci numbers, space-separated.
   *
   * @throws IllegalArgumentException unless the one argument is a non-negative int
   */
  public static void main(String... args) {
    if (args.length != 1) {
      throw new IllegalArgumentException("usage: mid.core.5 <n>, n in 0.." + MAX_PRINTED);
    }
    int n = Args.toInt(args[0]);
    if (n < 0 || n > MAX_PRINTED) {
      throw new IllegalArgumentException(
          "n must be in 0.." + MAX_PRINTED + " (the numbers the command line prints): " + n);
    }
    System.out.println(
        stream().limit(n).map(BigInteger::toString).collect(Collectors.joining(" ")));
  }
}
