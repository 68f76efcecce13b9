package org.interviewtasks.senior.advanced.retry;

import java.time.Duration;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * How long to wait before retry number {@code n} (1 for the wait after the first attempt). Every
 * delay is capped; the exponential kinds grow from {@code base} by a factor of 2.
 *
 * <ul>
 *   <li>{@link #fixed}: always the same wait.
 *   <li>{@link #exponential}: {@code min(cap, base·2^(n-1))}, no randomness. Clients that failed
 *       together retry together, in waves.
 *   <li>{@link #fullJitter}: uniform in {@code [0, min(cap, base·2^(n-1))]}. Spreads the wave over
 *       the whole window: the least total work for the server in AWS's measurements ("Exponential
 *       Backoff And Jitter", 2015), at the price of an occasional very short wait.
 *   <li>{@link #decorrelatedJitter}: uniform in {@code [base, 3·previous]} capped, where {@code
 *       previous} is the last delay (base at first). Grows about as fast, never waits less than
 *       {@code base}, and depends on the last delay rather than on the attempt number.
 * </ul>
 *
 * All arithmetic is in nanoseconds and saturates at the cap, so no attempt number overflows.
 */
public sealed interface Backoff {

  /**
   * The wait before retry {@code retry}.
   *
   * @param retry 1 for the wait after the first failed attempt, 2 after the second...
   * @param previous the previous wait (zero before the first retry); only decorrelated jitter uses
   *     it
   * @param random the source of jitter; unused by the deterministic kinds
   * @throws IllegalArgumentException if {@code retry < 1} or {@code previous} is negative
   */
  Duration delay(int retry, Duration previous, RandomGenerator random);

  /** A constant wait; zero retries at once. */
  static Backoff fixed(Duration interval) {
    return new Fixed(interval);
  }

  /** {@code min(cap, base·2^(n-1))}. */
  static Backoff exponential(Duration base, Duration cap) {
    return new Exponential(base, cap);
  }

  /** Uniform in {@code [0, min(cap, base·2^(n-1))]}. */
  static Backoff fullJitter(Duration base, Duration cap) {
    return new FullJitter(base, cap);
  }

  /** {@code min(cap, uniform[base, 3·previous])}, with {@code previous = base} at first. */
  static Backoff decorrelatedJitter(Duration base, Duration cap) {
    return new DecorrelatedJitter(base, cap);
  }

  /**
   * The same wait each time.
   *
   * @param interval zero or positive
   */
  record Fixed(Duration interval) implements Backoff {
    /** Checks the interval. */
    public Fixed {
      nonNegative(interval, "interval");
    }

    @Override
    public Duration delay(int retry, Duration previous, RandomGenerator random) {
      check(retry, previous, random);
      return interval;
    }
  }

  /**
   * Doubling waits, capped, no jitter.
   *
   * @param base the first wait, positive
   * @param cap the longest wait, at least {@code base}
   */
  record Exponential(Duration base, Duration cap) implements Backoff {
    /** Checks the bounds. */
    public Exponential {
      bounds(base, cap);
    }

    @Override
    public Duration delay(int retry, Duration previous, RandomGenerator random) {
      check(retry, previous, random);
      return Duration.ofNanos(ceiling(base.toNanos(), cap.toNanos(), retry));
    }
  }

  /**
   * Uniform in {@code [0, min(cap, base·2^(n-1))]}.
   *
   * @param base the first window, positive
   * @param cap the largest window, at least {@code base}
   */
  record FullJitter(Duration base, Duration cap) implements Backoff {
    /** Checks the bounds. */
    public FullJitter {
      bounds(base, cap);
    }

    @Override
    public Duration delay(int retry, Duration previous, RandomGenerator random) {
      check(retry, previous, random);
      long window = ceiling(base.toNanos(), cap.toNanos(), retry);
      return Duration.ofNanos(random.nextLong(window + 1));
    }
  }

  /**
   * {@code min(cap, uniform[base, 3·previous])}.
   *
   * @param base the shortest wait, positive
   * @param cap the longest wait, at least {@code base}
   */
  record DecorrelatedJitter(Duration base, Duration cap) implements Backoff {
    /** Checks the bounds. */
    public DecorrelatedJitter {
      bounds(base, cap);
    }

    @Override
    public Duration delay(int retry, Duration previous, RandomGenerator random) {
      check(retry, previous, random);
      long low = base.toNanos();
      long last = Math.max(low, Math.min(previous.toNanos(), cap.toNanos()));
      long high = last > Long.MAX_VALUE / 3 ? Long.MAX_VALUE - 1 : last * 3;
      return Duration.ofNanos(Math.min(cap.toNanos(), random.nextLong(low, high + 1)));
    }
  }

  /** {@code min(cap, base·2^(retry-1))} without overflow. */
  private static long ceiling(long base, long cap, int retry) {
    int shift = retry - 1;
    if (shift >= Long.SIZE - 2 || base > (cap >> shift)) {
      return cap;
    }
    return Math.min(cap, base << shift);
  }

  private static void check(int retry, Duration previous, RandomGenerator random) {
    if (retry < 1) {
      throw new IllegalArgumentException("retry must be >= 1: " + retry);
    }
    nonNegative(previous, "previous");
    Objects.requireNonNull(random, "random");
  }

  private static void bounds(Duration base, Duration cap) {
    Objects.requireNonNull(base, "base");
    Objects.requireNonNull(cap, "cap");
    if (base.isZero() || base.isNegative()) {
      throw new IllegalArgumentException("base must be > 0: " + base);
    }
    if (cap.compareTo(base) < 0) {
      throw new IllegalArgumentException("cap must be >= base " + base + ": " + cap);
    }
    if (cap.compareTo(MAX) > 0) {
      throw new IllegalArgumentException("cap must be <= " + MAX + ": " + cap);
    }
  }

  private static void nonNegative(Duration value, String name) {
    Objects.requireNonNull(value, name);
    if (value.isNegative()) {
      throw new IllegalArgumentException(name + " must be >= 0: " + value);
    }
    if (value.compareTo(MAX) > 0) {
      throw new IllegalArgumentException(name + " must be <= " + MAX + ": " + value);
    }
  }

  /** The longest wait any backoff accepts: 100 days, far inside a {@code long} of nanoseconds. */
  Duration MAX = Duration.ofDays(100);
}
