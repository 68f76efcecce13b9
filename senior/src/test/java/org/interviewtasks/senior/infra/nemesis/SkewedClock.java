package org.interviewtasks.senior.infra.nemesis;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A clock that reads another one plus an offset the nemesis can change at any time: clock skew for
 * code that takes an injected {@link InstantSource}. Setting the offset back to zero is a step back
 * in time for the code that reads it, as an NTP correction would be. Thread-safe.
 */
public final class SkewedClock implements InstantSource {

  private final InstantSource base;
  private final AtomicLong offsetMillis = new AtomicLong();

  /** A clock that reads {@code base} with no skew yet. */
  public SkewedClock(InstantSource base) {
    this.base = Objects.requireNonNull(base, "base");
  }

  /** The system clock, skewable. */
  public static SkewedClock system() {
    return new SkewedClock(InstantSource.system());
  }

  /** From now on this clock reads {@code offset} ahead of its base (behind if negative). */
  public void skew(Duration offset) {
    offsetMillis.set(Objects.requireNonNull(offset, "offset").toMillis());
  }

  /** No skew any more. */
  public void heal() {
    offsetMillis.set(0);
  }

  /** The current skew. */
  public Duration offset() {
    return Duration.ofMillis(offsetMillis.get());
  }

  @Override
  public Instant instant() {
    return base.instant().plusMillis(offsetMillis.get());
  }

  @Override
  public long millis() {
    return base.millis() + offsetMillis.get();
  }
}
