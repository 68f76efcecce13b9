package org.interviewtasks.senior.architecture.restapi;

import java.util.concurrent.atomic.AtomicLong;
import org.interviewtasks.senior.concurrency.ratelimit.TimeSource;

/** Simulated time for the rate limiter: it moves only when a test says so. */
final class ManualTime implements TimeSource {

  private final AtomicLong nanos = new AtomicLong(1_000_000_000L);

  @Override
  public long nanoTime() {
    return nanos.get();
  }

  @Override
  public void sleep(long nanos) {
    advance(nanos);
  }

  @Override
  public void schedule(Runnable task, long nanos) {
    advance(Math.max(0, nanos));
    task.run();
  }

  void advance(long by) {
    nanos.addAndGet(by);
  }
}
