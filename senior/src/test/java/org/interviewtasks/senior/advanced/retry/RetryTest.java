package org.interviewtasks.senior.advanced.retry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.LongStream;
import org.interviewtasks.common.testing.Seeds;
import org.interviewtasks.senior.advanced.retry.ResultClassifier.RetryLater;
import org.interviewtasks.senior.advanced.retry.RetryException.Reason;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class RetryTest {

  private final SimulatedTime time = new SimulatedTime();

  private Retry.Builder simulated() {
    return Retry.builder().clock(time).sleeper(time);
  }

  /** A call that plays a script: an exception is thrown, anything else returned. */
  private static final class Script<T> implements Callable<T> {
    private final Deque<Object> steps;
    private final SimulatedTime time;
    private final Duration cost;
    int calls;

    Script(SimulatedTime time, Duration cost, Object... steps) {
      this.time = time;
      this.cost = cost;
      this.steps = new ArrayDeque<>(List.of(steps));
    }

    Script(SimulatedTime time, Object... steps) {
      this(time, Duration.ZERO, steps);
    }

    @Override
    @SuppressWarnings("unchecked") // the script's non-exception steps are Ts by construction
    public T call() throws Exception {
      calls++;
      time.advance(cost);
      Object step = steps.size() > 1 ? steps.poll() : steps.peek();
      if (step instanceof Exception e) {
        throw e;
      }
      return (T) step;
    }
  }

  @Nested
  class Schedules {

    @Test
    void exponentialDoublesUpToTheCap() {
      Retry retry =
          simulated()
              .maxAttempts(7)
              .backoff(Backoff.exponential(Duration.ofMillis(100), Duration.ofMillis(1000)))
              .build();
      var call = new Script<String>(time, new IOException("down"));

      assertThatThrownBy(() -> retry.call(call))
          .isInstanceOfSatisfying(
              RetryException.class,
              e -> {
                assertThat(e.reason()).isEqualTo(Reason.ATTEMPTS_EXHAUSTED);
                assertThat(e.attempts()).isEqualTo(7);
                assertThat(e.getSuppressed()).hasSize(6);
              });
      assertThat(call.calls).isEqualTo(7);
      assertThat(time.sleepsMillis()).containsExactly(100L, 200L, 400L, 800L, 1000L, 1000L);
    }

    @Test
    void fullJitterScheduleIsExactForAFixedSeed() {
      Retry retry =
          simulated()
              .maxAttempts(6)
              .backoff(Backoff.fullJitter(Duration.ofMillis(100), Duration.ofSeconds(1)))
              .random(new SplittableRandom(42))
              .build();

      assertThatThrownBy(() -> retry.call(new Script<>(time, new IOException("down"))))
          .isInstanceOf(RetryException.class);

      // The golden schedule of seed 42; each lies in [0, min(1 s, 100 ms · 2^(n-1))].
      assertThat(time.sleeps())
          .containsExactly(
              Duration.ofNanos(80_350_727L),
              Duration.ofNanos(88_880_952L),
              Duration.ofNanos(207_277_260L),
              Duration.ofNanos(560_879_100L),
              Duration.ofNanos(720_215_233L));
    }

    @Test
    void decorrelatedJitterScheduleIsExactForAFixedSeed() {
      Retry retry =
          simulated()
              .maxAttempts(6)
              .backoff(Backoff.decorrelatedJitter(Duration.ofMillis(100), Duration.ofSeconds(1)))
              .random(new SplittableRandom(42))
              .build();

      assertThatThrownBy(() -> retry.call(new Script<>(time, new IOException("down"))))
          .isInstanceOf(RetryException.class);

      // Each lies in [100 ms, 3 × the previous], capped at 1 s.
      assertThat(time.sleeps())
          .containsExactly(
              Duration.ofNanos(278_994_046L),
              Duration.ofNanos(204_143_854L),
              Duration.ofNanos(453_219_433L),
              Duration.ofSeconds(1),
              Duration.ofSeconds(1));
    }

    static LongStream seeds() {
      return Seeds.derive(40);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void jitteredDelaysFollowTheirFormulas(long seed) {
      var random = new SplittableRandom(seed);
      long base = 1 + random.nextLong(1_000_000_000L);
      long cap = base + random.nextLong(20_000_000_000L);
      int attempts = 2 + random.nextInt(40);
      boolean full = random.nextBoolean();
      Backoff backoff =
          full
              ? Backoff.fullJitter(Duration.ofNanos(base), Duration.ofNanos(cap))
              : Backoff.decorrelatedJitter(Duration.ofNanos(base), Duration.ofNanos(cap));
      Retry retry =
          simulated()
              .maxAttempts(attempts)
              .backoff(backoff)
              .random(new SplittableRandom(seed))
              .build();

      assertThatThrownBy(() -> retry.call(new Script<>(time, new IOException("down"))))
          .isInstanceOf(RetryException.class);

      // An independent replay of the documented formulas with the same generator.
      var replay = new SplittableRandom(seed);
      List<Duration> expected = new ArrayList<>();
      long previous = base;
      for (int n = 1; n < attempts; n++) {
        long delay;
        if (full) {
          double window = Math.min((double) cap, base * Math.pow(2, n - 1));
          delay = replay.nextLong((long) window + 1);
        } else {
          delay = Math.min(cap, replay.nextLong(base, 3 * previous + 1));
          previous = delay;
        }
        expected.add(Duration.ofNanos(delay));
      }
      assertThat(time.sleeps()).containsExactlyElementsOf(expected);
    }

    @Test
    void aFixedZeroBackoffRetriesWithoutSleeping() {
      Retry retry = simulated().maxAttempts(3).backoff(Backoff.fixed(Duration.ZERO)).build();
      var call = new Script<String>(time, new IOException("1"), new IOException("2"), "ok");

      assertThat(retry.call(call)).isEqualTo("ok");
      assertThat(call.calls).isEqualTo(3);
      assertThat(time.sleeps()).isEmpty();
    }

    @Test
    void theExponentSaturatesAtTheCapForHugeAttemptNumbers() {
      Backoff backoff = Backoff.exponential(Duration.ofMillis(1), Duration.ofDays(1));
      var random = new SplittableRandom(1);
      assertThat(backoff.delay(1, Duration.ZERO, random)).isEqualTo(Duration.ofMillis(1));
      assertThat(backoff.delay(64, Duration.ZERO, random)).isEqualTo(Duration.ofDays(1));
      assertThat(backoff.delay(Integer.MAX_VALUE, Duration.ZERO, random))
          .isEqualTo(Duration.ofDays(1));
      Backoff full = Backoff.fullJitter(Duration.ofMillis(1), Duration.ofDays(1));
      assertThat(full.delay(Integer.MAX_VALUE, Duration.ZERO, random))
          .isBetween(Duration.ZERO, Duration.ofDays(1));
      Backoff decorrelated = Backoff.decorrelatedJitter(Duration.ofMillis(1), Duration.ofDays(1));
      assertThat(decorrelated.delay(3, Duration.ofDays(1), random))
          .isBetween(Duration.ofMillis(1), Duration.ofDays(1));
    }
  }

  @Nested
  class Outcomes {

    @Test
    void aCallThatSucceedsAtOnceNeverSleeps() {
      var call = new Script<String>(time, "fine");
      assertThat(simulated().build().call(call)).isEqualTo("fine");
      assertThat(call.calls).isEqualTo(1);
      assertThat(time.sleeps()).isEmpty();
    }

    @Test
    void recoversAfterTransientFailures() {
      var call =
          new Script<String>(
              time, new SocketTimeoutException("slow"), new ConnectException("refused"), "ok");
      Retry retry = simulated().maxAttempts(3).build();
      assertThat(retry.call(call)).isEqualTo("ok");
      assertThat(call.calls).isEqualTo(3);
      assertThat(time.sleeps()).hasSize(2);
    }

    @Test
    void aNonRetryableFailureStopsAtOnce() {
      var bug = new IllegalStateException("bug");
      var call = new Script<String>(time, bug);
      assertThatThrownBy(() -> simulated().maxAttempts(5).build().call(call))
          .isInstanceOfSatisfying(
              RetryException.class,
              e -> {
                assertThat(e.reason()).isEqualTo(Reason.NOT_RETRYABLE);
                assertThat(e.attempts()).isEqualTo(1);
                assertThat(e).hasCause(bug).hasMessageContaining("not retryable (1 attempt)");
              });
      assertThat(call.calls).isEqualTo(1);
    }

    @Test
    void retryOnReplacesTheRetryableTypes() {
      Retry retry = simulated().maxAttempts(3).retryOn(UncheckedIOException.class).build();
      var wrapped = new UncheckedIOException(new IOException("x"));
      var call = new Script<String>(time, wrapped, "ok");
      assertThat(retry.call(call)).isEqualTo("ok");

      var plain = new Script<String>(time, new IOException("no longer retried"));
      assertThatThrownBy(() -> retry.call(plain))
          .isInstanceOfSatisfying(
              RetryException.class, e -> assertThat(e.reason()).isEqualTo(Reason.NOT_RETRYABLE));
    }

    @Test
    void retryIfTakesAPredicate() {
      Retry retry =
          simulated()
              .maxAttempts(2)
              .retryIf(e -> e.getMessage() != null && e.getMessage().startsWith("transient"))
              .build();
      assertThat(retry.call(new Script<String>(time, new RuntimeException("transient"), "ok")))
          .isEqualTo("ok");
      assertThatThrownBy(() -> retry.call(new Script<String>(time, new RuntimeException("hard"))))
          .isInstanceOf(RetryException.class);
    }

    @Test
    void exhaustedAttemptsCarryEveryFailure() {
      var first = new IOException("1");
      var second = new IOException("2");
      var third = new IOException("3");
      var call = new Script<String>(time, first, second, third);
      assertThatThrownBy(() -> simulated().maxAttempts(3).build().call(call))
          .isInstanceOfSatisfying(
              RetryException.class,
              e -> {
                assertThat(e).hasCause(third).hasMessageContaining("3 attempts");
                assertThat(e.getSuppressed()).containsExactly(first, second);
              });
    }

    @Test
    void oneAttemptMeansNoRetry() {
      var call = new Script<String>(time, new IOException("down"));
      assertThatThrownBy(() -> simulated().maxAttempts(1).build().call(call))
          .isInstanceOfSatisfying(
              RetryException.class,
              e -> assertThat(e.reason()).isEqualTo(Reason.ATTEMPTS_EXHAUSTED));
      assertThat(call.calls).isEqualTo(1);
    }

    @Test
    void aRetryableResultIsRetriedAndTheLastOneReturnedWhenTheBudgetRunsOut() {
      var call = new Script<Integer>(time, 503, 503, 503);
      Retry retry = simulated().maxAttempts(3).build();
      Integer status =
          retry.call(Idempotency.IDEMPOTENT, call, ResultClassifier.retryIf(s -> s >= 500));
      assertThat(status).isEqualTo(503);
      assertThat(call.calls).isEqualTo(3);

      var recovering = new Script<Integer>(time, 503, 200);
      assertThat(
              retry.call(
                  Idempotency.IDEMPOTENT, recovering, ResultClassifier.retryIf(s -> s >= 500)))
          .isEqualTo(200);
    }

    @Test
    void errorsAreNeverCaught() {
      Retry retry = simulated().retryIf(e -> true).build();
      assertThatThrownBy(
              () ->
                  retry.call(
                      () -> {
                        throw new OutOfMemoryError("fake");
                      }))
          .isInstanceOf(OutOfMemoryError.class);
    }

    @Test
    void aNullResultIsAResult() {
      assertThat(simulated().build().<String>call(() -> null)).isNull();
    }
  }

  @Nested
  class Deadline {

    @Test
    void givesUpWhenTheNextWaitWouldEndPastTheDeadline() {
      Retry retry =
          simulated()
              .maxAttempts(10)
              .backoff(Backoff.exponential(Duration.ofSeconds(1), Duration.ofMinutes(1)))
              .deadline(Duration.ofSeconds(10))
              .build();
      var call = new Script<String>(time, Duration.ofMillis(500), new IOException("down"));

      assertThatThrownBy(() -> retry.call(call))
          .isInstanceOfSatisfying(
              RetryException.class,
              e -> {
                assertThat(e.reason()).isEqualTo(Reason.DEADLINE_EXCEEDED);
                assertThat(e.attempts()).isEqualTo(4);
              });
      // Each attempt takes 0.5 s: waits of 1, 2 and 4 s end at 1.5, 4 and 8.5 s; the fourth
      // attempt ends at 9 s, and a wait of 8 s would end at 17 s, past the 10 s deadline.
      assertThat(time.sleepsMillis()).containsExactly(1000L, 2000L, 4000L);
      assertThat(time.instant()).isEqualTo(Instant.parse("2026-01-01T00:00:09Z"));
    }

    @Test
    void aRetryableResultPastTheDeadlineIsReturned() {
      Retry retry =
          simulated()
              .maxAttempts(10)
              .backoff(Backoff.fixed(Duration.ofSeconds(3)))
              .deadline(Duration.ofSeconds(5))
              .build();
      var call = new Script<Integer>(time, 503);
      assertThat(retry.call(Idempotency.IDEMPOTENT, call, ResultClassifier.retryIf(s -> s == 503)))
          .isEqualTo(503);
      assertThat(call.calls).isEqualTo(2);
      assertThat(time.instant()).isEqualTo(Instant.parse("2026-01-01T00:00:03Z"));
    }

    @Test
    void aRetryAfterLongerThanTheDeadlineGivesUpAtOnce() {
      Retry retry = simulated().maxAttempts(5).deadline(Duration.ofSeconds(30)).build();
      var call = new Script<String>(time, "busy");
      ResultClassifier<String> busy = r -> new RetryLater(Optional.of(Duration.ofMinutes(2)));
      assertThat(retry.call(Idempotency.IDEMPOTENT, call, busy)).isEqualTo("busy");
      assertThat(call.calls).isEqualTo(1);
      assertThat(time.sleeps()).isEmpty();
    }

    @Test
    void theDeadlineIsReported() {
      assertThat(simulated().build().deadline()).isEmpty();
      assertThat(simulated().deadline(Duration.ofSeconds(2)).build().deadline())
          .contains(Duration.ofSeconds(2));
    }
  }

  @Nested
  class RetryAfter {

    @Test
    void aLongerServerHintStretchesTheWait() {
      Retry retry =
          simulated()
              .maxAttempts(3)
              .backoff(Backoff.exponential(Duration.ofMillis(100), Duration.ofSeconds(1)))
              .build();
      var call = new Script<String>(time, "wait 2 s", "wait 0 s", "ok");
      ResultClassifier<String> hints =
          r ->
              switch (r) {
                case "wait 2 s" -> new RetryLater(Optional.of(Duration.ofSeconds(2)));
                case "wait 0 s" -> new RetryLater(Optional.of(Duration.ZERO));
                default -> new ResultClassifier.Accept();
              };
      assertThat(retry.call(Idempotency.IDEMPOTENT, call, hints)).isEqualTo("ok");
      // max(backoff, hint): 2 s beats 100 ms; 200 ms beats 0.
      assertThat(time.sleepsMillis()).containsExactly(2000L, 200L);
    }

    @Test
    void aNegativeHintIsRejected() {
      assertThatIllegalArgumentException()
          .isThrownBy(() -> new RetryLater(Optional.of(Duration.ofSeconds(-1))))
          .withMessageContaining("notBefore must be >= 0");
    }
  }

  @Nested
  class IdempotencyGuard {

    @Test
    void aNonIdempotentCallIsNotRepeatedAfterAFailureThatMayHaveHadEffect() {
      var timeout = new SocketTimeoutException("read timed out");
      var call = new Script<String>(time, timeout, "ok");
      Retry retry = simulated().maxAttempts(5).build();
      assertThatThrownBy(() -> retry.call(Idempotency.NON_IDEMPOTENT, call))
          .isInstanceOfSatisfying(
              RetryException.class,
              e -> {
                assertThat(e.reason()).isEqualTo(Reason.NOT_IDEMPOTENT);
                assertThat(e).hasCause(timeout).hasMessageContaining("not idempotent");
              });
      assertThat(call.calls).isEqualTo(1);
    }

    @Test
    void aNonIdempotentCallIsRepeatedWhenItProvablyNeverLeft() {
      var call = new Script<String>(time, new ConnectException("refused"), "ok");
      assertThat(simulated().maxAttempts(5).build().call(Idempotency.NON_IDEMPOTENT, call))
          .isEqualTo("ok");
      assertThat(call.calls).isEqualTo(2);
    }

    @Test
    void neverSentIfIsConfigurable() {
      Retry retry = simulated().maxAttempts(3).neverSentIf(e -> false).build();
      var call = new Script<String>(time, new ConnectException("refused"), "ok");
      assertThatThrownBy(() -> retry.call(Idempotency.NON_IDEMPOTENT, call))
          .isInstanceOf(RetryException.class);
    }

    @Test
    void aNonIdempotentCallsRetryableResultIsReturnedNotRepeated() {
      var call = new Script<Integer>(time, 503, 200);
      Integer status =
          simulated()
              .maxAttempts(5)
              .build()
              .call(Idempotency.NON_IDEMPOTENT, call, ResultClassifier.retryIf(s -> s == 503));
      assertThat(status).isEqualTo(503);
      assertThat(call.calls).isEqualTo(1);
    }

    @Test
    void theSameCallDeclaredIdempotentIsRetried() {
      var call = new Script<String>(time, new SocketTimeoutException("slow"), "ok");
      assertThat(simulated().build().call(Idempotency.IDEMPOTENT, call)).isEqualTo("ok");
    }
  }

  @Nested
  class Interruption {

    @Test
    void anInterruptedWaitStopsAndKeepsTheFlag() {
      Retry retry =
          Retry.builder()
              .clock(time)
              .sleeper(
                  d -> {
                    throw new InterruptedException("stop");
                  })
              .build();
      try {
        assertThatThrownBy(() -> retry.call(new Script<String>(time, new IOException("x"))))
            .isInstanceOfSatisfying(
                RetryException.class,
                e -> {
                  assertThat(e.reason()).isEqualTo(Reason.INTERRUPTED);
                  assertThat(e).hasCauseInstanceOf(InterruptedException.class);
                  assertThat(e.getSuppressed()).singleElement().isInstanceOf(IOException.class);
                });
        assertThat(Thread.currentThread().isInterrupted()).isTrue();
      } finally {
        Thread.interrupted();
      }
    }

    @Test
    void anInterruptedCallIsNotRetried() {
      var call = new Script<String>(time, new InterruptedException("stop"), "ok");
      try {
        assertThatThrownBy(() -> simulated().retryIf(e -> true).build().call(call))
            .isInstanceOfSatisfying(
                RetryException.class, e -> assertThat(e.reason()).isEqualTo(Reason.INTERRUPTED));
        assertThat(Thread.interrupted()).isTrue();
      } finally {
        Thread.interrupted();
      }
      assertThat(call.calls).isEqualTo(1);
    }

    @Test
    void theSystemSleeperReallySleepsAndCanBeInterrupted() {
      Thread.currentThread().interrupt();
      assertThatThrownBy(() -> Sleeper.system().sleep(Duration.ofSeconds(30)))
          .isInstanceOf(InterruptedException.class);
    }
  }

  @Nested
  class Contract {

    @Test
    void theDefaultsAreDocumented() {
      Retry retry = Retry.ofDefaults();
      assertThat(retry.maxAttempts()).isEqualTo(3);
      assertThat(retry.backoff())
          .isEqualTo(Backoff.fullJitter(Duration.ofMillis(100), Duration.ofSeconds(10)));
      assertThat(retry.deadline()).isEmpty();
    }

    @Test
    void builderArgumentsAreChecked() {
      Retry.Builder b = Retry.builder();
      assertThatIllegalArgumentException()
          .isThrownBy(() -> b.maxAttempts(0))
          .withMessage("maxAttempts must be in [1, 1000]: 0");
      assertThatIllegalArgumentException().isThrownBy(() -> b.maxAttempts(1001));
      assertThatIllegalArgumentException()
          .isThrownBy(() -> b.deadline(Duration.ZERO))
          .withMessageContaining("deadline must be > 0");
      assertThatIllegalArgumentException().isThrownBy(() -> b.deadline(Duration.ofSeconds(-1)));
      assertThatIllegalArgumentException()
          .isThrownBy(b::retryOn)
          .withMessageContaining("at least one");
      assertThatNullPointerException().isThrownBy(() -> b.backoff(null)).withMessage("backoff");
      assertThatNullPointerException().isThrownBy(() -> b.deadline(null));
      assertThatNullPointerException().isThrownBy(() -> b.retryIf(null));
      assertThatNullPointerException().isThrownBy(() -> b.neverSentIf(null));
      assertThatNullPointerException().isThrownBy(() -> b.clock(null));
      assertThatNullPointerException().isThrownBy(() -> b.sleeper(null));
      assertThatNullPointerException().isThrownBy(() -> b.random(null));
      assertThatNullPointerException()
          .isThrownBy(() -> b.retryOn((Class<? extends Exception>[]) null));
    }

    @Test
    void callArgumentsAreChecked() {
      Retry retry = simulated().build();
      assertThatNullPointerException().isThrownBy(() -> retry.call(null)).withMessage("call");
      assertThatNullPointerException()
          .isThrownBy(() -> retry.call(null, () -> 1))
          .withMessage("idempotency");
      assertThatNullPointerException()
          .isThrownBy(() -> retry.call(Idempotency.IDEMPOTENT, () -> 1, null))
          .withMessage("results");
      AtomicInteger calls = new AtomicInteger();
      assertThatNullPointerException()
          .isThrownBy(() -> retry.call(Idempotency.IDEMPOTENT, calls::incrementAndGet, r -> null))
          .withMessage("decision");
    }

    @Test
    void backoffArgumentsAreChecked() {
      Duration ms = Duration.ofMillis(1);
      assertThatIllegalArgumentException()
          .isThrownBy(() -> Backoff.exponential(Duration.ZERO, ms))
          .withMessage("base must be > 0: PT0S");
      assertThatIllegalArgumentException()
          .isThrownBy(() -> Backoff.fullJitter(Duration.ofSeconds(2), Duration.ofSeconds(1)))
          .withMessage("cap must be >= base PT2S: PT1S");
      assertThatIllegalArgumentException()
          .isThrownBy(() -> Backoff.decorrelatedJitter(ms, Duration.ofDays(101)))
          .withMessageContaining("cap must be <= PT2400H");
      assertThatIllegalArgumentException()
          .isThrownBy(() -> Backoff.fixed(Duration.ofMillis(-1)))
          .withMessage("interval must be >= 0: PT-0.001S");
      assertThatIllegalArgumentException().isThrownBy(() -> Backoff.fixed(Duration.ofDays(101)));
      assertThatNullPointerException().isThrownBy(() -> Backoff.exponential(null, ms));
      assertThatNullPointerException().isThrownBy(() -> Backoff.exponential(ms, null));
      Backoff backoff = Backoff.exponential(ms, ms);
      var random = new SplittableRandom(1);
      assertThatIllegalArgumentException()
          .isThrownBy(() -> backoff.delay(0, Duration.ZERO, random))
          .withMessage("retry must be >= 1: 0");
      assertThatIllegalArgumentException()
          .isThrownBy(() -> backoff.delay(1, Duration.ofMillis(-1), random))
          .withMessageContaining("previous must be >= 0");
      assertThatNullPointerException().isThrownBy(() -> backoff.delay(1, Duration.ZERO, null));
    }

    @Test
    void aSharedPolicyWorksWithTheThreadLocalRandom() {
      Retry retry =
          simulated()
              .backoff(Backoff.fullJitter(Duration.ofMillis(10), Duration.ofMillis(10)))
              .build();
      assertThat(retry.call(new Script<String>(time, new IOException("x"), "ok"))).isEqualTo("ok");
      assertThat(time.sleeps().getFirst()).isBetween(Duration.ZERO, Duration.ofMillis(10));
    }
  }
}
