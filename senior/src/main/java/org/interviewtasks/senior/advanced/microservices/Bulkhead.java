package org.interviewtasks.senior.advanced.microservices;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * A bulkhead: at most {@code maxConcurrent} calls to one dependency at a time, so that a slow
 * dependency ties up a bounded number of the caller's threads (or connections) and the rest of the
 * caller keeps working. A call that finds it full waits at most {@code maxWait} (zero: not at all)
 * and is then refused, which the client reports as {@link ErrorCode#RESOURCE_EXHAUSTED}.
 *
 * <p>A fair {@link Semaphore}: waiting callers enter in arrival order. Thread-safe.
 */
public final class Bulkhead {

  /** The largest accepted {@code maxConcurrent}. */
  public static final int MAX_CONCURRENT = 100_000;

  private final String name;
  private final int maxConcurrent;
  private final Duration maxWait;
  private final Semaphore permits;

  /**
   * A bulkhead.
   *
   * @param name for messages
   * @param maxConcurrent calls at once, 1 to {@value #MAX_CONCURRENT}
   * @param maxWait the longest wait for a place, zero or positive
   */
  public Bulkhead(String name, int maxConcurrent, Duration maxWait) {
    this.name = Objects.requireNonNull(name, "name");
    if (maxConcurrent < 1 || maxConcurrent > MAX_CONCURRENT) {
      throw new IllegalArgumentException(
          "maxConcurrent must be in [1, " + MAX_CONCURRENT + "]: " + maxConcurrent);
    }
    Objects.requireNonNull(maxWait, "maxWait");
    if (maxWait.isNegative()) {
      throw new IllegalArgumentException("maxWait must be >= 0: " + maxWait);
    }
    this.maxConcurrent = maxConcurrent;
    this.maxWait = maxWait;
    this.permits = new Semaphore(maxConcurrent, true);
  }

  /**
   * Takes a place, waiting at most {@code maxWait} and at most {@code budget}.
   *
   * @param budget the caller's time left
   * @return true if a place was taken (then {@link #exit()} after the call)
   * @throws InterruptedException if interrupted while waiting
   */
  public boolean tryEnter(Duration budget) throws InterruptedException {
    Objects.requireNonNull(budget, "budget");
    Duration wait = budget.compareTo(maxWait) < 0 ? budget : maxWait;
    if (wait.isNegative() || wait.isZero()) {
      return permits.tryAcquire();
    }
    return permits.tryAcquire(wait.toNanos(), TimeUnit.NANOSECONDS);
  }

  /** Gives back a place taken by {@link #tryEnter}. */
  public void exit() {
    permits.release();
  }

  /** Places free now. */
  public int available() {
    return permits.availablePermits();
  }

  /** The most calls at once. */
  public int maxConcurrent() {
    return maxConcurrent;
  }

  /** The longest wait for a place. */
  public Duration maxWait() {
    return maxWait;
  }

  /** The name. */
  public String name() {
    return name;
  }

  @Override
  public String toString() {
    return "Bulkhead[" + name + ", " + available() + "/" + maxConcurrent + " free]";
  }
}
