package org.interviewtasks.senior.infra;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * A clock that moves only when told: {@link #advance}, or {@link #sleep} (which a component under
 * test calls instead of {@code Thread.sleep}, so its waits take no real time). A {@link Clock}, and
 * so also an {@link java.time.InstantSource}, for code that takes either; thread-safe.
 */
public final class ManualClock extends Clock {

  private final ZoneId zone;
  private Instant now;

  /** A clock at {@code start}, in UTC. */
  public ManualClock(Instant start) {
    this(start, ZoneOffset.UTC);
  }

  /** A clock at 2026-01-01T00:00:00Z. */
  public ManualClock() {
    this(Instant.parse("2026-01-01T00:00:00Z"));
  }

  private ManualClock(Instant start, ZoneId zone) {
    this.now = Objects.requireNonNull(start, "start");
    this.zone = Objects.requireNonNull(zone, "zone");
  }

  @Override
  public synchronized Instant instant() {
    return now;
  }

  /**
   * Moves time forward.
   *
   * @throws IllegalArgumentException if {@code duration} is negative: time never goes back
   */
  public synchronized ManualClock advance(Duration duration) {
    Objects.requireNonNull(duration, "duration");
    if (duration.isNegative()) {
      throw new IllegalArgumentException("time never goes back: " + duration);
    }
    now = now.plus(duration);
    return this;
  }

  /** Moves time forward by {@code duration} at once: a sleep that costs no real time. */
  public void sleep(Duration duration) {
    advance(duration);
  }

  @Override
  public ZoneId getZone() {
    return zone;
  }

  /** The same instant source seen in another zone (sharing its time is not supported). */
  @Override
  public Clock withZone(ZoneId zone) {
    return Clock.fixed(instant(), zone);
  }

  @Override
  public String toString() {
    return "ManualClock[" + instant() + "]";
  }
}
