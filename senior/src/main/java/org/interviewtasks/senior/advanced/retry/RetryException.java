package org.interviewtasks.senior.advanced.retry;

import java.io.Serial;

/**
 * A call that {@link Retry} gave up on: why ({@link #reason()}), after how many attempts, and the
 * last failure as the cause (the earlier ones are attached as suppressed exceptions).
 */
public final class RetryException extends RuntimeException {

  @Serial private static final long serialVersionUID = 1L;

  /** Why the retry gave up. */
  public enum Reason {
    /** The failure is not one the policy retries (e.g. a bug, a 4xx turned into an exception). */
    NOT_RETRYABLE,
    /**
     * A retryable failure on a {@link Idempotency#NON_IDEMPOTENT} call that may have had effect.
     */
    NOT_IDEMPOTENT,
    /** Every allowed attempt failed. */
    ATTEMPTS_EXHAUSTED,
    /** The next attempt could not start before the overall deadline. */
    DEADLINE_EXCEEDED,
    /** The thread was interrupted while waiting or inside the call. */
    INTERRUPTED
  }

  private final Reason reason;
  private final int attempts;

  RetryException(Reason reason, int attempts, Throwable cause) {
    super(message(reason, attempts, cause), cause);
    this.reason = reason;
    this.attempts = attempts;
  }

  private static String message(Reason reason, int attempts, Throwable cause) {
    String what =
        switch (reason) {
          case NOT_RETRYABLE -> "not retryable";
          case NOT_IDEMPOTENT ->
              "not retried: the call is not idempotent and may have taken effect";
          case ATTEMPTS_EXHAUSTED -> "gave up: every attempt failed";
          case DEADLINE_EXCEEDED -> "gave up: the next attempt would start after the deadline";
          case INTERRUPTED -> "interrupted";
        };
    return what + " (" + attempts + (attempts == 1 ? " attempt" : " attempts") + "): " + cause;
  }

  /** Why the retry gave up. */
  public Reason reason() {
    return reason;
  }

  /** How many times the call was made, at least 1. */
  public int attempts() {
    return attempts;
  }
}
