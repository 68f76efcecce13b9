package org.interviewtasks.senior.advanced.retry;

import java.io.IOException;
import java.net.ConnectException;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Predicate;
import java.util.random.RandomGenerator;
import org.interviewtasks.common.Task;
import org.interviewtasks.senior.advanced.retry.ResultClassifier.Decision;
import org.interviewtasks.senior.advanced.retry.ResultClassifier.RetryLater;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Retries a call that fails intermittently (a flaky HTTP API, a busy database) with exponential
 * backoff and jitter, within a budget of attempts and of time, and never repeats a call whose
 * repetition could do harm.
 *
 * <p><b>Approach.</b> An immutable policy, built once and shared by any number of threads: {@link
 * #call(Idempotency, Callable, ResultClassifier)} runs the call; a thrown exception is retried if
 * the policy's predicate says so ({@link IOException} by default), a returned result if the {@link
 * ResultClassifier} says so ({@link HttpResults} turns HTTP 429 and 503 into retries that honour
 * {@code Retry-After}). Between attempts it waits the {@link Backoff}'s delay (full jitter by
 * default, or decorrelated jitter, or plain exponential), stretched to the server's {@code
 * Retry-After} when that is longer. It stops at the first of: success, a failure it must not retry,
 * {@code maxAttempts} attempts, or a wait that would end past the overall deadline (it gives up at
 * once rather than sleep in vain). Time is read from an {@link InstantSource} and waiting goes
 * through a {@link Sleeper}, both injectable: the tests run a schedule of minutes in simulated time
 * and assert every delay exactly for a seeded {@link RandomGenerator}.
 *
 * <p><b>Outcomes.</b> A success returns the result. A failure ends in a {@link RetryException}
 * whose {@link RetryException#reason() reason} says why (not retryable, not idempotent, attempts
 * exhausted, deadline, interrupted), with the last exception as its cause and the earlier ones as
 * suppressed. A retryable <i>result</i> that is still the answer when the budget runs out is
 * returned as it is (the caller sees the last 503 and handles it as it would without retries; this
 * is also what Resilience4j does). {@link Error}s are never caught.
 *
 * <p><b>Idempotency.</b> Retrying is only safe if repeating the call does no harm. The caller says
 * so ({@link Idempotency}): a {@link Idempotency#NON_IDEMPOTENT} call is retried only after a
 * failure that proves it never left (a refused connection by default, {@link Builder#neverSentIf}),
 * never after a timeout or a response, which may come after the effect.
 *
 * <p><b>Cost.</b> A call that succeeds at once costs a classification, plus one clock read when a
 * deadline is set; the loop allocates nothing until a retry. Memory: the failures of one call (at
 * most {@code maxAttempts}).
 *
 * <p><b>Failure modes and trade-offs.</b> Retries multiply load on a struggling server: a budget of
 * 3 to 5 attempts with jitter, and a deadline shorter than the caller's own timeout, keep the
 * amplification bounded; a circuit breaker (the microservices task) stops retrying a server that is
 * down. The deadline bounds waiting, not the call itself: a call that hangs must carry its own
 * timeout (the HTTP client's). A shared injected {@link RandomGenerator} is used under a lock (only
 * on the retry path); without one, each thread uses its {@link ThreadLocalRandom}.
 *
 * <p><b>Follow-up.</b> <i>"Why jitter at all?"</i> Without it, every client that failed in the same
 * second retries in the same second, and a recovering server is knocked over again by the
 * synchronized wave. <i>"Why not retry at every layer?"</i> Three layers of 3 attempts make 27
 * calls for one request: retry at one layer (usually the outermost that knows the call is
 * idempotent) and fail fast below it.
 */
@Task(id = "senior.advanced.4", title = "Retry with exponential backoff")
public final class Retry {

  private static final Logger LOG = LoggerFactory.getLogger(Retry.class);

  /** The largest accepted {@code maxAttempts}. */
  public static final int MAX_ATTEMPTS = 1_000;

  private final int maxAttempts;
  private final Backoff backoff;
  private final long deadlineNanos;
  private final Predicate<? super Exception> retryable;
  private final Predicate<? super Exception> neverSent;
  private final InstantSource clock;
  private final Sleeper sleeper;
  private final RandomGenerator random;

  private Retry(Builder builder) {
    this.maxAttempts = builder.maxAttempts;
    this.backoff = builder.backoff;
    this.deadlineNanos = builder.deadline == null ? Long.MAX_VALUE : builder.deadline.toNanos();
    this.retryable = builder.retryable;
    this.neverSent = builder.neverSent;
    this.clock = builder.clock;
    this.sleeper = builder.sleeper;
    this.random = builder.random;
  }

  /** A builder with the defaults: 3 attempts, full jitter from 100 ms to 10 s, no deadline. */
  public static Builder builder() {
    return new Builder();
  }

  /** The default policy ({@link #builder()} unchanged): system clock, real sleeping. */
  public static Retry ofDefaults() {
    return builder().build();
  }

  /**
   * Runs an idempotent call, retrying the exceptions the policy retries; every result is final.
   *
   * @throws RetryException if the call failed for good
   */
  public <T> T call(Callable<? extends T> call) {
    return call(Idempotency.IDEMPOTENT, call, ResultClassifier.acceptAll());
  }

  /**
   * Runs a call, retrying the exceptions the policy retries as far as {@code idempotency} allows;
   * every result is final.
   *
   * @throws RetryException if the call failed for good
   */
  public <T> T call(Idempotency idempotency, Callable<? extends T> call) {
    return call(idempotency, call, ResultClassifier.acceptAll());
  }

  /**
   * Runs a call, retrying the exceptions the policy retries and the results {@code results} asks to
   * retry, as far as {@code idempotency} allows.
   *
   * @param idempotency whether the call may be repeated
   * @param call the call; it runs on the calling thread
   * @param results which results call for another attempt
   * @return the first accepted result, or the last result when the budget ran out on a retryable
   *     one
   * @throws RetryException if the call failed for good (see {@link RetryException.Reason})
   */
  public <T> T call(
      Idempotency idempotency, Callable<? extends T> call, ResultClassifier<? super T> results) {
    Objects.requireNonNull(idempotency, "idempotency");
    Objects.requireNonNull(call, "call");
    Objects.requireNonNull(results, "results");
    // The clock is read only when there is a deadline to hold: a call without one that succeeds
    // at once costs no clock read at all.
    boolean timed = deadlineNanos != Long.MAX_VALUE;
    Instant start = timed ? clock.instant() : null;
    List<Exception> failures = null;
    long previous = 0;
    for (int attempt = 1; ; attempt++) {
      T result = null;
      Exception failure = null;
      long notBefore = 0;
      try {
        result = call.call();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw failed(RetryException.Reason.INTERRUPTED, attempt, e, failures);
      } catch (Exception e) {
        failure = e;
      }
      if (failure == null) {
        Decision decision = Objects.requireNonNull(results.classify(result), "decision");
        // Decision is sealed: Accept or RetryLater. A plain type test keeps the hot path (a result
        // accepted at once) to one check.
        if (!(decision instanceof RetryLater later) || idempotency == Idempotency.NON_IDEMPOTENT) {
          return result;
        }
        notBefore = later.notBefore().map(Retry::saturatedNanos).orElse(0L);
      } else {
        if (!retryable.test(failure)) {
          throw failed(RetryException.Reason.NOT_RETRYABLE, attempt, failure, failures);
        }
        if (idempotency == Idempotency.NON_IDEMPOTENT && !neverSent.test(failure)) {
          throw failed(RetryException.Reason.NOT_IDEMPOTENT, attempt, failure, failures);
        }
      }
      if (attempt >= maxAttempts) {
        return giveUp(RetryException.Reason.ATTEMPTS_EXHAUSTED, attempt, failure, failures, result);
      }
      previous = nextDelay(attempt, previous);
      long wait = Math.max(previous, notBefore);
      if (timed) {
        long elapsed = saturatedNanos(Duration.between(start, clock.instant()));
        if (wait > deadlineNanos - Math.min(elapsed, deadlineNanos)) {
          return giveUp(
              RetryException.Reason.DEADLINE_EXCEEDED, attempt, failure, failures, result);
        }
      }
      if (failure != null) {
        if (failures == null) {
          failures = new ArrayList<>();
        }
        failures.add(failure);
      }
      LOG.debug(
          "attempt {} {}; retrying in {} ms",
          attempt,
          failure == null ? "returned a retryable result" : "failed: " + failure,
          wait / 1_000_000.0);
      if (wait > 0) {
        try {
          sleeper.sleep(Duration.ofNanos(wait));
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw failed(RetryException.Reason.INTERRUPTED, attempt, e, failures);
        }
      }
    }
  }

  private long nextDelay(int retry, long previous) {
    if (random == null) {
      return backoff
          .delay(retry, Duration.ofNanos(previous), ThreadLocalRandom.current())
          .toNanos();
    }
    synchronized (random) {
      return backoff.delay(retry, Duration.ofNanos(previous), random).toNanos();
    }
  }

  private static <T> T giveUp(
      RetryException.Reason reason,
      int attempts,
      Exception failure,
      List<Exception> earlier,
      T result) {
    if (failure == null) {
      LOG.debug("giving up after {} attempts ({}): returning the last result", attempts, reason);
      return result;
    }
    throw failed(reason, attempts, failure, earlier);
  }

  private static RetryException failed(
      RetryException.Reason reason, int attempts, Exception last, List<Exception> earlier) {
    RetryException e = new RetryException(reason, attempts, last);
    if (earlier != null) {
      earlier.forEach(e::addSuppressed);
    }
    return e;
  }

  static long saturatedNanos(Duration duration) {
    if (duration.isNegative()) {
      return 0;
    }
    return duration.compareTo(Duration.ofNanos(Long.MAX_VALUE)) >= 0
        ? Long.MAX_VALUE
        : duration.toNanos();
  }

  /** The most attempts one call gets, the first included. */
  public int maxAttempts() {
    return maxAttempts;
  }

  /** The backoff between attempts. */
  public Backoff backoff() {
    return backoff;
  }

  /** The overall deadline from the first attempt's start, if any. */
  public Optional<Duration> deadline() {
    return deadlineNanos == Long.MAX_VALUE
        ? Optional.empty()
        : Optional.of(Duration.ofNanos(deadlineNanos));
  }

  /** Builds a {@link Retry}; not thread-safe, each setter replaces the previous value. */
  public static final class Builder {
    private int maxAttempts = 3;
    private Backoff backoff = Backoff.fullJitter(Duration.ofMillis(100), Duration.ofSeconds(10));
    private Duration deadline;
    private Predicate<? super Exception> retryable = IOException.class::isInstance;
    private Predicate<? super Exception> neverSent = ConnectException.class::isInstance;
    private InstantSource clock = InstantSource.system();
    private Sleeper sleeper = Sleeper.system();
    private RandomGenerator random;

    private Builder() {}

    /**
     * The most attempts, the first included: 1 means no retry.
     *
     * @throws IllegalArgumentException if not in {@code [1, MAX_ATTEMPTS]}
     */
    public Builder maxAttempts(int maxAttempts) {
      if (maxAttempts < 1 || maxAttempts > MAX_ATTEMPTS) {
        throw new IllegalArgumentException(
            "maxAttempts must be in [1, " + MAX_ATTEMPTS + "]: " + maxAttempts);
      }
      this.maxAttempts = maxAttempts;
      return this;
    }

    /** The waits between attempts. */
    public Builder backoff(Backoff backoff) {
      this.backoff = Objects.requireNonNull(backoff, "backoff");
      return this;
    }

    /**
     * The overall budget of time from the first attempt's start: no attempt starts after it.
     *
     * @throws IllegalArgumentException if not positive
     */
    public Builder deadline(Duration deadline) {
      Objects.requireNonNull(deadline, "deadline");
      if (deadline.isZero() || deadline.isNegative()) {
        throw new IllegalArgumentException("deadline must be > 0: " + deadline);
      }
      this.deadline = deadline;
      return this;
    }

    /**
     * Retries exceptions of these types (and their subtypes) only; replaces the default ({@link
     * IOException}).
     *
     * @throws IllegalArgumentException if none is given
     */
    @SafeVarargs
    public final Builder retryOn(Class<? extends Exception>... types) {
      Objects.requireNonNull(types, "types");
      if (types.length == 0) {
        throw new IllegalArgumentException("retryOn needs at least one exception type");
      }
      List<Class<? extends Exception>> copy = new ArrayList<>(types.length);
      for (Class<? extends Exception> type : types) {
        copy.add(Objects.requireNonNull(type, "type"));
      }
      List<Class<? extends Exception>> list = List.copyOf(copy);
      this.retryable = e -> list.stream().anyMatch(t -> t.isInstance(e));
      return this;
    }

    /** Retries the exceptions that match; replaces {@link #retryOn}. */
    public Builder retryIf(Predicate<? super Exception> retryable) {
      this.retryable = Objects.requireNonNull(retryable, "retryable");
      return this;
    }

    /**
     * The retryable failures that prove the call never reached the other side, the only ones after
     * which a {@link Idempotency#NON_IDEMPOTENT} call is repeated; {@link ConnectException} by
     * default.
     */
    public Builder neverSentIf(Predicate<? super Exception> neverSent) {
      this.neverSent = Objects.requireNonNull(neverSent, "neverSent");
      return this;
    }

    /** Where time comes from, for the deadline and for {@code Retry-After} dates. */
    public Builder clock(InstantSource clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /** How waiting is done. */
    public Builder sleeper(Sleeper sleeper) {
      this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
      return this;
    }

    /**
     * The source of jitter; seed it for a repeatable schedule. Shared calls take turns on it under
     * a lock; by default each thread uses its {@link ThreadLocalRandom}.
     */
    public Builder random(RandomGenerator random) {
      this.random = Objects.requireNonNull(random, "random");
      return this;
    }

    /** The policy. */
    public Retry build() {
      return new Retry(this);
    }
  }
}
