package org.interviewtasks.senior.concurrency.ratelimit;

import java.time.Duration;
import java.util.Objects;

/**
 * An exact sliding window: at most {@code limit} permits in any interval of length {@code window}
 * (the "sliding log": the times of the last {@code limit} grants in a ring). A permit is free when
 * the grant {@code limit} places back is at least {@code window} old. Permits booked by a waiter
 * carry the future time at which it may use them, so the guarantee holds for the times permits are
 * <i>used</i>.
 *
 * <p>Exact, unlike the popular "sliding window counter" (two fixed windows, weighted), which can
 * let through up to twice the limit around a window boundary, in exchange for 8 bytes per permit of
 * the limit; a lock guards the ring (held for O(n) steps for n permits, never while waiting).
 */
public final class SlidingWindowLimiter extends RateLimiter {

  /** The largest accepted {@code limit} (8 MB of ring). */
  public static final int MAX_LIMIT = 1_000_000;

  private final int limit;
  private final Duration window;
  private final long windowNanos;
  private final long origin;
  private final Object lock = new Object();

  /** Grant times, ns since {@code origin}, oldest at {@code head}, in ascending order. */
  private final long[] grants;

  private int head;

  /**
   * An empty window.
   *
   * @param limit the most permits in any window, in {@code [1, MAX_LIMIT]}
   * @param window the window's length, positive
   * @param time where time comes from
   * @throws IllegalArgumentException if a value is out of range, naming it and its limit
   */
  public SlidingWindowLimiter(int limit, Duration window, TimeSource time) {
    super(time);
    Objects.requireNonNull(window, "window");
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new IllegalArgumentException("limit must be in [1, " + MAX_LIMIT + "]: " + limit);
    }
    if (window.isZero() || window.isNegative()) {
      throw new IllegalArgumentException("window must be > 0: " + window);
    }
    if (window.compareTo(Duration.ofDays(365L * 100)) > 0) {
      throw new IllegalArgumentException("window must be <= 100 years: " + window);
    }
    this.limit = limit;
    this.window = window;
    this.windowNanos = window.toNanos();
    this.grants = new long[limit];
    java.util.Arrays.fill(grants, -windowNanos);
    this.origin = time.nanoTime();
  }

  @Override
  long reserve(int permits, long maxWaitNanos) {
    synchronized (lock) {
      long now = time.nanoTime() - origin;
      long free = grants[(head + permits - 1) % limit] + windowNanos;
      long at = Math.max(now, free);
      long wait = at - now;
      if (wait > maxWaitNanos) {
        return REFUSED;
      }
      for (int i = 0; i < permits; i++) {
        grants[head] = at;
        head = head + 1 == limit ? 0 : head + 1;
      }
      return wait;
    }
  }

  @Override
  public long maxPermits() {
    return limit;
  }

  @Override
  public long availablePermits() {
    synchronized (lock) {
      long cutoff = time.nanoTime() - origin - windowNanos;
      // Grants are ascending from head: binary search for the first one still inside the window.
      int low = 0;
      int high = limit;
      while (low < high) {
        int mid = (low + high) >>> 1;
        if (grants[(head + mid) % limit] <= cutoff) {
          low = mid + 1;
        } else {
          high = mid;
        }
      }
      return low;
    }
  }

  /** The most permits in any window. */
  public int limit() {
    return limit;
  }

  /** The window's length. */
  public Duration window() {
    return window;
  }

  @Override
  public String toString() {
    return "SlidingWindowLimiter[limit=" + limit + " per " + window + "]";
  }
}
