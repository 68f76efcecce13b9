package org.interviewtasks.senior.advanced.retry;

import java.time.Duration;

/**
 * Waits between attempts. {@link #system()} really sleeps; a test passes one that advances a
 * simulated clock instead, so a schedule of seconds runs in microseconds.
 */
@FunctionalInterface
public interface Sleeper {

  /**
   * Waits for {@code duration} (positive).
   *
   * @throws InterruptedException if the waiting thread is interrupted
   */
  void sleep(Duration duration) throws InterruptedException;

  /** {@link Thread#sleep(Duration)}: a virtual thread unmounts while it sleeps. */
  static Sleeper system() {
    return Thread::sleep;
  }
}
