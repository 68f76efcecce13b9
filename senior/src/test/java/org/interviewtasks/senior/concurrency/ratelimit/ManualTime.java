package org.interviewtasks.senior.concurrency.ratelimit;

import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;

/**
 * Simulated time: it moves only when a test advances it or a waiter sleeps on it; scheduled tasks
 * run, in order, when time reaches them.
 */
final class ManualTime implements TimeSource {

  private record Timer(long due, long sequence, Runnable task) {}

  private long now;
  private long sequence;
  private final PriorityQueue<Timer> timers =
      new PriorityQueue<>(
          (a, b) ->
              a.due() != b.due()
                  ? Long.compare(a.due(), b.due())
                  : Long.compare(a.sequence(), b.sequence()));
  private final List<Long> sleeps = new ArrayList<>();
  private Runnable onSleep = () -> {};

  /** Starts at an arbitrary origin, far from zero, as {@link System#nanoTime()} does. */
  ManualTime() {
    this.now = 123_456_789_000L;
  }

  @Override
  public synchronized long nanoTime() {
    return now;
  }

  @Override
  public void sleep(long nanos) {
    synchronized (this) {
      sleeps.add(nanos);
    }
    onSleep.run();
    advance(nanos);
  }

  @Override
  public synchronized void schedule(Runnable task, long nanos) {
    if (nanos <= 0) {
      task.run();
    } else {
      timers.add(new Timer(now + nanos, sequence++, task));
    }
  }

  /** Moves time on by {@code nanos}, running every task that falls due on the way. */
  void advance(long nanos) {
    long target;
    synchronized (this) {
      target = now + nanos;
    }
    for (; ; ) {
      Timer next;
      synchronized (this) {
        next = timers.peek();
        if (next == null || next.due() > target) {
          now = target;
          return;
        }
        timers.poll();
        now = next.due();
      }
      next.task().run();
    }
  }

  void advanceMillis(long millis) {
    advance(millis * 1_000_000L);
  }

  synchronized int pendingTimers() {
    return timers.size();
  }

  synchronized List<Long> sleeps() {
    return List.copyOf(sleeps);
  }

  /** Runs {@code action} whenever a waiter starts sleeping (before time moves). */
  void onSleep(Runnable action) {
    this.onSleep = action;
  }
}
