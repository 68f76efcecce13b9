package org.interviewtasks.senior.advanced.microservices;

import java.time.Duration;
import java.util.Objects;

/** Checks of the timeouts that cross the public API. */
final class Timeouts {

  /** The longest accepted timeout: one day, like {@link RestServer#MAX_TIMEOUT_MS}. */
  static final Duration MAX = Duration.ofDays(1);

  private Timeouts() {}

  /**
   * The timeout in nanoseconds.
   *
   * @throws IllegalArgumentException if not in (0, 1 day]
   */
  static long positiveNanos(Duration timeout) {
    Objects.requireNonNull(timeout, "timeout");
    if (timeout.isNegative() || timeout.isZero() || timeout.compareTo(MAX) > 0) {
      throw new IllegalArgumentException("timeout must be in (0, " + MAX + "]: " + timeout);
    }
    return timeout.toNanos();
  }
}
