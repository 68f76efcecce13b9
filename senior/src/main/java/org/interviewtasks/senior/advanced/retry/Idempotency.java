package org.interviewtasks.senior.advanced.retry;

/**
 * Whether a call may be repeated: what the caller declares about the call's effect, since no retry
 * mechanism can find it out.
 */
public enum Idempotency {

  /**
   * Repeating the call has the effect of doing it once: a read, a {@code PUT} or {@code DELETE}, a
   * {@code POST} that carries an idempotency key the server honours. Retried on every retryable
   * failure and result.
   */
  IDEMPOTENT,

  /**
   * Repeating the call may repeat its effect (a payment, an append). Retried only after a failure
   * that proves the call never reached the other side (by default a refused connection, see {@link
   * Retry.Builder#neverSentIf}); never after a result, nor after a failure such as a timeout, which
   * may have struck after the effect took place.
   */
  NON_IDEMPOTENT
}
