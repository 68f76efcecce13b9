package org.interviewtasks.senior.concurrency.ratelimit;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;
import org.interviewtasks.common.Task;

/**
 * Admits at most so many permits per unit of time, for an API that must protect itself or respect a
 * quota: a lock-free {@linkplain TokenBucket token bucket} (bursts up to a capacity, then a steady
 * rate) and an exact {@linkplain SlidingWindowLimiter sliding window} (never more than N in any
 * window of length W).
 *
 * <p><b>Approach.</b> Both kinds answer one question, {@code reserve(n, maxWait)}: "when may n
 * permits be used, if that is at most maxWait from now?" and, if so, book them. Everything else is
 * built on it, once, here: {@link #tryAcquire(int)} books only what is free now; {@link
 * #tryAcquire(int, Duration)} books what will be free within the timeout and sleeps until then;
 * {@link #acquire(int)} books without a limit; {@link #acquireAsync(int)} books and asks the {@link
 * TimeSource}'s single scheduler to complete a {@link CompletableFuture} at the booked time, so a
 * thousand waiters cost a thousand small timer entries, not a thousand parked threads. Booking
 * ahead makes waiters first come, first served, and lets a waiter sleep exactly once.
 *
 * <p><b>Token bucket, lock-free.</b> The whole state is one {@code long}, the <i>theoretical
 * arrival time</i> of GCRA (the generic cell rate algorithm of ATM networks): the instant at which
 * the bucket would be full again. Taking n permits at time t moves it to {@code max(tat, t) + n·T}
 * (T the interval between two permits), allowed when that is at most {@code capacity·T} ahead of t.
 * One compare-and-set of that long per acquisition, retried on contention: no lock, no allocation,
 * no refill thread. The sliding window keeps the times of the last N grants in a ring and takes a
 * short lock: exactness there costs O(N) memory.
 *
 * <p><b>Complexity.</b> Token bucket: O(1) time and 8 bytes of state. Sliding window: O(n) per
 * acquisition of n permits, 8·N bytes.
 *
 * <p><b>Edge cases and failure modes.</b> Time comes only from the {@link TimeSource} (monotonic
 * nanoseconds: a wall-clock jump changes nothing). More permits in one call than the limiter could
 * ever hold is an {@link IllegalArgumentException}, not an endless wait. A waiter that is
 * interrupted (or whose future is cancelled) has already booked its permits and forfeits them: the
 * limiter then admits a little less, never more. After {@link #close()} every call throws {@link
 * IllegalStateException}, pending futures fail with it, and sleeping waiters throw it on waking.
 * The limit holds in one JVM only; several instances of a service share a quota through a shared
 * store (Bucket4j's Redis or JDBC back ends), at the price of a network round trip per decision.
 *
 * <p><b>Follow-up.</b> <i>"Token bucket or sliding window?"</i> The bucket allows a burst of {@code
 * capacity} and then smooths; the window allows N at once at any time but never N+1 in any window,
 * which is what a quota such as "100 per minute" usually means. <i>"Why not a refill thread?"</i>
 * Computing the tokens lazily from the time of the request is exact, costs nothing when idle, and
 * cannot fall behind under load.
 */
@Task(id = "senior.concurrency.3", title = "Rate limiter")
public abstract sealed class RateLimiter implements AutoCloseable
    permits TokenBucket, SlidingWindowLimiter {

  /** What {@link #reserve} answers when the permits would not be free within the wait allowed. */
  static final long REFUSED = -1;

  final TimeSource time;
  private volatile boolean closed;

  /** The futures of {@link #acquireAsync} not yet due, by a sequence number, for {@link #close}. */
  private final ConcurrentMap<Long, CompletableFuture<Void>> pending = new ConcurrentHashMap<>();

  private final AtomicLong sequence = new AtomicLong();

  RateLimiter(TimeSource time) {
    this.time = Objects.requireNonNull(time, "time");
  }

  /**
   * A token bucket on the system's time: up to {@code capacity} permits at once, refilled by {@code
   * refill} permits every {@code period}, continuously.
   *
   * @see TokenBucket#TokenBucket(long, long, Duration, TimeSource)
   */
  public static TokenBucket tokenBucket(long capacity, long refill, Duration period) {
    return new TokenBucket(capacity, refill, period, TimeSource.system());
  }

  /** A token bucket on the given time; see {@link #tokenBucket(long, long, Duration)}. */
  public static TokenBucket tokenBucket(
      long capacity, long refill, Duration period, TimeSource time) {
    return new TokenBucket(capacity, refill, period, time);
  }

  /**
   * A sliding window on the system's time: at most {@code limit} permits in any interval of length
   * {@code window}.
   *
   * @see SlidingWindowLimiter#SlidingWindowLimiter(int, Duration, TimeSource)
   */
  public static SlidingWindowLimiter slidingWindow(int limit, Duration window) {
    return new SlidingWindowLimiter(limit, window, TimeSource.system());
  }

  /** A sliding window on the given time; see {@link #slidingWindow(int, Duration)}. */
  public static SlidingWindowLimiter slidingWindow(int limit, Duration window, TimeSource time) {
    return new SlidingWindowLimiter(limit, window, time);
  }

  /**
   * Books {@code permits} if they are free within {@code maxWaitNanos}.
   *
   * @return how long to wait before using them (0: now), or {@link #REFUSED}, booking nothing
   */
  abstract long reserve(int permits, long maxWaitNanos);

  /** The most permits one call may ask for: the capacity or the window's limit. */
  public abstract long maxPermits();

  /** How many permits a call could take right now without waiting. */
  public abstract long availablePermits();

  /** {@link #tryAcquire(int) tryAcquire(1)}. */
  public final boolean tryAcquire() {
    return tryAcquire(1);
  }

  /**
   * Takes {@code permits} if they are free now; never waits.
   *
   * @throws IllegalArgumentException if {@code permits} is not in {@code [1, maxPermits()]}
   * @throws IllegalStateException after {@link #close()}
   */
  public final boolean tryAcquire(int permits) {
    check(permits);
    return reserve(permits, 0) == 0;
  }

  /**
   * Takes {@code permits} if they are free within {@code timeout}, waiting for them; refuses at
   * once (without waiting) if they would not be.
   *
   * @throws IllegalArgumentException if {@code permits} is out of range or {@code timeout} is
   *     negative
   * @throws InterruptedException if interrupted while waiting (the permits are forfeited)
   * @throws IllegalStateException after {@link #close()}, also one that happened while waiting
   */
  public final boolean tryAcquire(int permits, Duration timeout) throws InterruptedException {
    Objects.requireNonNull(timeout, "timeout");
    if (timeout.isNegative()) {
      throw new IllegalArgumentException("timeout must be >= 0: " + timeout);
    }
    check(permits);
    long wait = reserve(permits, saturatedNanos(timeout));
    if (wait == REFUSED) {
      return false;
    }
    sleep(wait);
    return true;
  }

  /** {@link #acquire(int) acquire(1)}. */
  public final void acquire() throws InterruptedException {
    acquire(1);
  }

  /**
   * Takes {@code permits}, waiting as long as needed.
   *
   * @throws IllegalArgumentException if {@code permits} is not in {@code [1, maxPermits()]}
   * @throws InterruptedException if interrupted while waiting (the permits are forfeited)
   * @throws IllegalStateException after {@link #close()}, also one that happened while waiting
   */
  public final void acquire(int permits) throws InterruptedException {
    check(permits);
    sleep(reserve(permits, Long.MAX_VALUE));
  }

  /**
   * Books {@code permits} and returns a future completed when they may be used: at once if they are
   * free, else by the time source's scheduler. No thread waits meanwhile. Cancelling the future
   * forfeits the permits.
   *
   * @throws IllegalArgumentException if {@code permits} is not in {@code [1, maxPermits()]}
   * @throws IllegalStateException after {@link #close()}
   */
  public final CompletableFuture<Void> acquireAsync(int permits) {
    check(permits);
    long wait = reserve(permits, Long.MAX_VALUE);
    if (wait == 0) {
      return CompletableFuture.completedFuture(null);
    }
    CompletableFuture<Void> future = new CompletableFuture<>();
    Long id = sequence.incrementAndGet();
    pending.put(id, future);
    time.schedule(
        () -> {
          pending.remove(id);
          future.complete(null);
        },
        wait);
    if (closed) {
      future.completeExceptionally(closedException());
    }
    return future;
  }

  /**
   * Closes the limiter: later calls throw {@link IllegalStateException}, pending futures fail with
   * it. Idempotent.
   */
  @Override
  public void close() {
    closed = true;
    for (CompletableFuture<Void> future : pending.values()) {
      future.completeExceptionally(closedException());
    }
    pending.clear();
  }

  private void sleep(long nanos) throws InterruptedException {
    if (nanos > 0) {
      time.sleep(nanos);
      if (closed) {
        throw closedException();
      }
    }
  }

  private void check(int permits) {
    if (closed) {
      throw closedException();
    }
    if (permits < 1 || permits > maxPermits()) {
      throw new IllegalArgumentException(
          "permits must be in [1, " + maxPermits() + "]: " + permits);
    }
  }

  private IllegalStateException closedException() {
    return new IllegalStateException("rate limiter closed: " + this);
  }

  static long saturatedNanos(Duration duration) {
    return duration.compareTo(Duration.ofNanos(Long.MAX_VALUE)) >= 0
        ? Long.MAX_VALUE
        : duration.toNanos();
  }
}
