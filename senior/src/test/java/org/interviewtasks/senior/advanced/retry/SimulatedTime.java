package org.interviewtasks.senior.advanced.retry;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;

/** A clock that moves only when something sleeps on it, recording every sleep. */
final class SimulatedTime implements InstantSource, Sleeper {

  private Instant now;
  private final List<Duration> sleeps = new ArrayList<>();

  SimulatedTime(Instant start) {
    this.now = start;
  }

  SimulatedTime() {
    this(Instant.parse("2026-01-01T00:00:00Z"));
  }

  @Override
  public synchronized Instant instant() {
    return now;
  }

  @Override
  public synchronized void sleep(Duration duration) {
    sleeps.add(duration);
    now = now.plus(duration);
  }

  /** Moves time on without a sleep (the time a call itself takes). */
  synchronized void advance(Duration duration) {
    now = now.plus(duration);
  }

  synchronized List<Duration> sleeps() {
    return List.copyOf(sleeps);
  }

  synchronized List<Long> sleepsMillis() {
    return sleeps.stream().map(Duration::toMillis).toList();
  }
}
