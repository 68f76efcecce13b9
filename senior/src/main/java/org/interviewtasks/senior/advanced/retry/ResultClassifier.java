package org.interviewtasks.senior.advanced.retry;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Decides whether a call's <i>result</i> (not an exception) calls for another attempt, e.g. an HTTP
 * 503 (see {@link HttpResults}), and how long the other side asked to wait.
 *
 * @param <T> the result type
 */
@FunctionalInterface
public interface ResultClassifier<T> {

  /** What to do with one result. */
  sealed interface Decision permits Accept, RetryLater {}

  /** The result is final: return it. */
  record Accept() implements Decision {}

  /**
   * Try again, not before {@code notBefore} if present (a server's {@code Retry-After}); the
   * backoff's delay applies when it is longer.
   *
   * @param notBefore the shortest wait the other side asked for, zero or positive
   */
  record RetryLater(Optional<Duration> notBefore) implements Decision {

    /** Checks the hint. */
    public RetryLater {
      Objects.requireNonNull(notBefore, "notBefore");
      notBefore.ifPresent(
          d -> {
            if (d.isNegative()) {
              throw new IllegalArgumentException("notBefore must be >= 0: " + d);
            }
          });
    }
  }

  /**
   * Classifies one result.
   *
   * @param result what the call returned, possibly null
   */
  Decision classify(T result);

  /** Accepts every result: only exceptions are retried. */
  static <T> ResultClassifier<T> acceptAll() {
    Accept accept = new Accept();
    return result -> accept;
  }

  /** Retries a result that matches {@code retryable}, with no wait hint. */
  static <T> ResultClassifier<T> retryIf(Predicate<? super T> retryable) {
    Objects.requireNonNull(retryable, "retryable");
    Accept accept = new Accept();
    RetryLater later = new RetryLater(Optional.empty());
    return result -> retryable.test(result) ? later : accept;
  }
}
