package org.interviewtasks.senior.concurrency.ratelimit;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.time.Duration;
import java.util.Objects;

/**
 * A lock-free token bucket: up to {@code capacity} permits at once, refilled continuously at {@code
 * refill} permits per {@code period}. Its whole state is one {@code long} (GCRA's theoretical
 * arrival time), changed by compare-and-set; see {@link RateLimiter} for the algorithm.
 *
 * <p>The interval between two permits is {@code period / refill} rounded <i>up</i> to a whole
 * nanosecond: when it does not divide evenly the bucket is at most 1 ns per permit slower than
 * asked (0.0001% at 1,000 permits a second, 0.1% at a million), and never faster. Over any interval
 * of length L it grants at most {@code capacity + L·refill/period} permits.
 */
public final class TokenBucket extends RateLimiter {

  /** The largest {@code capacity × interval}: 2^62 ns, about 146 years of burst. */
  static final long MAX_BURST_NANOS = 1L << 62;

  private static final VarHandle TAT;

  static {
    try {
      TAT = MethodHandles.lookup().findVarHandle(TokenBucket.class, "tat", long.class);
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  private final long capacity;
  private final long refill;
  private final Duration period;
  private final long interval;
  private final long burst;
  private final long origin;

  /** Theoretical arrival time, ns since {@code origin}: the bucket is full from then on. */
  @SuppressWarnings("unused") // read and written through TAT
  private volatile long tat;

  /**
   * A full bucket.
   *
   * @param capacity the most permits at once (the burst), at least 1
   * @param refill permits added per {@code period}, at least 1 and at most one per nanosecond
   * @param period the refill period, positive
   * @param time where time comes from
   * @throws IllegalArgumentException if a value is out of range, naming it and its limit
   */
  public TokenBucket(long capacity, long refill, Duration period, TimeSource time) {
    super(time);
    Objects.requireNonNull(period, "period");
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be >= 1: " + capacity);
    }
    if (refill < 1) {
      throw new IllegalArgumentException("refill must be >= 1: " + refill);
    }
    if (period.isZero() || period.isNegative()) {
      throw new IllegalArgumentException("period must be > 0: " + period);
    }
    long periodNanos = saturatedNanos(period);
    if (refill > periodNanos) {
      throw new IllegalArgumentException(
          "refill must be at most one permit per nanosecond ("
              + periodNanos
              + " per "
              + period
              + "): "
              + refill);
    }
    this.capacity = capacity;
    this.refill = refill;
    this.period = period;
    this.interval = Math.ceilDiv(periodNanos, refill);
    if (capacity > MAX_BURST_NANOS / interval) {
      throw new IllegalArgumentException(
          "capacity × interval must be <= 2^62 ns: capacity "
              + capacity
              + " × "
              + interval
              + " ns");
    }
    this.burst = capacity * interval;
    this.origin = time.nanoTime();
  }

  @Override
  long reserve(int permits, long maxWaitNanos) {
    long cost = permits * interval;
    for (; ; ) {
      long now = time.nanoTime() - origin;
      long current = (long) TAT.getVolatile(this);
      long start = Math.max(current, now);
      long next = start + cost;
      if (next < start) {
        return REFUSED; // booked centuries ahead: no wait can be that long
      }
      long wait = Math.max(0, next - burst - now);
      if (wait > maxWaitNanos) {
        return REFUSED;
      }
      if (TAT.compareAndSet(this, current, next)) {
        return wait;
      }
      Thread.onSpinWait();
    }
  }

  @Override
  public long maxPermits() {
    return Math.min(capacity, Integer.MAX_VALUE);
  }

  @Override
  public long availablePermits() {
    long now = time.nanoTime() - origin;
    long debt = Math.max(0, (long) TAT.getVolatile(this) - now);
    return debt >= burst ? 0 : (burst - debt) / interval;
  }

  /** The most permits at once. */
  public long capacity() {
    return capacity;
  }

  /** The nanoseconds between two permits (the period divided by the refill, rounded up). */
  public long intervalNanos() {
    return interval;
  }

  @Override
  public String toString() {
    return "TokenBucket[capacity=" + capacity + ", refill=" + refill + " per " + period + "]";
  }
}
