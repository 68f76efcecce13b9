package org.interviewtasks.senior.advanced.retry;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.retry.RetryConfig;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.LongStream;
import org.interviewtasks.common.testing.Seeds;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The same policy in ours and in Resilience4j Retry gives the same attempts, outcome and delays.
 * Resilience4j always sleeps for real, so its waits here are a few milliseconds (and ours run in
 * simulated time); the delays are compared as its events report them.
 */
class RetryResilience4jTest {

  private static final Duration BASE = Duration.ofMillis(1);
  private static final Duration CAP = Duration.ofMillis(4);

  static LongStream seeds() {
    return Seeds.derive(30);
  }

  /** A seeded script of outcomes: retryable failures, 503s, a bug, or a 200. */
  private static Object[] script(long seed) {
    var random = new SplittableRandom(seed);
    int length = 1 + random.nextInt(7);
    Object[] steps = new Object[length];
    for (int i = 0; i < length; i++) {
      steps[i] =
          switch (random.nextInt(10)) {
            case 0, 1, 2 -> new IOException("io " + i);
            case 3 -> new SocketTimeoutException("timeout " + i);
            case 4, 5, 6 -> 503;
            case 7 -> new IllegalStateException("bug " + i);
            default -> 200;
          };
    }
    return steps;
  }

  private static Callable<Integer> play(Object[] steps, AtomicInteger calls) {
    return () -> {
      Object step = steps[Math.min(calls.getAndIncrement(), steps.length - 1)];
      if (step instanceof Exception e) {
        throw e;
      }
      return (Integer) step;
    };
  }

  /** What happened: how many calls, the result or the exception that ended it, the waits. */
  record Run(int calls, Object outcome, List<Long> waitsMillis) {}

  private static Run ours(Object[] steps, int maxAttempts) {
    var time = new SimulatedTime();
    Retry retry =
        Retry.builder()
            .maxAttempts(maxAttempts)
            .backoff(Backoff.exponential(BASE, CAP))
            .retryOn(IOException.class)
            .clock(time)
            .sleeper(time)
            .build();
    var calls = new AtomicInteger();
    Object outcome;
    try {
      outcome =
          retry.call(
              Idempotency.IDEMPOTENT, play(steps, calls), ResultClassifier.retryIf(s -> s == 503));
    } catch (RetryException e) {
      outcome = e.getCause();
    }
    return new Run(calls.get(), outcome, time.sleepsMillis());
  }

  private static Run resilience4j(Object[] steps, int maxAttempts) {
    RetryConfig config =
        RetryConfig.<Integer>custom()
            .maxAttempts(maxAttempts)
            .intervalFunction(IntervalFunction.ofExponentialBackoff(BASE, 2.0, CAP))
            .retryExceptions(IOException.class)
            .retryOnResult(s -> s == 503)
            .build();
    var retry = io.github.resilience4j.retry.Retry.of("oracle", config);
    List<Long> waits = new ArrayList<>();
    retry.getEventPublisher().onRetry(e -> waits.add(e.getWaitInterval().toMillis()));
    var calls = new AtomicInteger();
    Object outcome;
    try {
      outcome = retry.executeCallable(play(steps, calls));
    } catch (Exception e) {
      outcome = e;
    }
    return new Run(calls.get(), outcome, waits);
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void samePolicySameAttemptsOutcomeAndDelays(long seed) {
    Object[] steps = script(seed);
    int maxAttempts = 1 + new SplittableRandom(~seed).nextInt(5);

    Run ours = ours(steps, maxAttempts);
    Run theirs = resilience4j(steps, maxAttempts);

    assertThat(ours).isEqualTo(theirs);
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void jitteredDelaysStayWithinTheSameExponentialEnvelope(long seed) {
    // Resilience4j's randomized backoff spreads ±factor around the exponential step; full jitter
    // spreads over [0, step]. Both stay under step · (1 + factor) and both caps hold.
    double factor = 0.5;
    Duration base = Duration.ofMillis(2);
    Duration cap = Duration.ofMillis(16);
    IntervalFunction theirs = IntervalFunction.ofExponentialRandomBackoff(base, 2.0, factor, cap);
    Backoff ours = Backoff.fullJitter(base, cap);
    var random = new SplittableRandom(seed);
    for (int n = 1; n <= 8; n++) {
      long step = Math.min(cap.toMillis(), base.toMillis() << (n - 1));
      long theirDelay = theirs.apply(n);
      long ourDelay = ours.delay(n, Duration.ZERO, random).toMillis();
      assertThat(ourDelay).isBetween(0L, step);
      assertThat(theirDelay)
          .isBetween((long) Math.floor(step * (1 - factor)), (long) Math.ceil(step * (1 + factor)));
    }
  }
}
