package org.interviewtasks.senior.concurrency.ratelimit;

import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * A rate limiter's view of time: a monotonic nanosecond ticker, a way to wait, and a way to run
 * something later. {@link #system()} is {@link System#nanoTime()}, real sleeping and one shared
 * scheduler thread; a test passes a simulated one, so a minute of traffic runs in milliseconds and
 * every count is exact.
 */
public interface TimeSource {

  /** Nanoseconds from an arbitrary origin, monotonic, like {@link System#nanoTime()}. */
  long nanoTime();

  /**
   * Blocks the calling thread for {@code nanos} (positive).
   *
   * @throws InterruptedException if interrupted while waiting
   */
  void sleep(long nanos) throws InterruptedException;

  /**
   * Runs {@code task} once, {@code nanos} from now (at once if zero or less), without blocking the
   * caller and without a thread per pending task.
   */
  void schedule(Runnable task, long nanos);

  /** The real time of this JVM. */
  static TimeSource system() {
    return SystemTime.INSTANCE;
  }

  /** {@link System#nanoTime()}, {@link TimeUnit#sleep}, and the JDK's shared delay scheduler. */
  enum SystemTime implements TimeSource {
    /** The one instance. */
    INSTANCE;

    @Override
    public long nanoTime() {
      return System.nanoTime();
    }

    @Override
    public void sleep(long nanos) throws InterruptedException {
      TimeUnit.NANOSECONDS.sleep(nanos);
    }

    @Override
    public void schedule(Runnable task, long nanos) {
      Objects.requireNonNull(task, "task");
      if (nanos <= 0) {
        task.run();
      } else {
        // One daemon thread for the whole JVM times every delay, then hands the task to the
        // common pool: no thread waits per pending acquisition.
        CompletableFuture.delayedExecutor(nanos, TimeUnit.NANOSECONDS).execute(task);
      }
    }
  }
}
