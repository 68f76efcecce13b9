package org.interviewtasks.senior.advanced.microservices;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import org.interviewtasks.common.testing.Seeds;
import org.interviewtasks.senior.advanced.microservices.CircuitBreaker.Config;
import org.interviewtasks.senior.advanced.microservices.CircuitBreaker.State;
import org.interviewtasks.senior.infra.ManualClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class CircuitBreakerTest {

  private final ManualClock clock = new ManualClock();

  private CircuitBreaker breaker(int window, int minimum, int percent, int trials) {
    return new CircuitBreaker(
        "test", new Config(window, minimum, percent, Duration.ofSeconds(10), trials), clock);
  }

  @Test
  void opensWhenTheFailureRateReachesTheThresholdOverAFullEnoughWindow() {
    CircuitBreaker breaker = breaker(4, 4, 50, 2);
    for (boolean failed : new boolean[] {true, false, true}) {
      assertThat(breaker.tryAcquire()).isTrue();
      outcome(breaker, failed);
    }
    assertThat(breaker.state()).isEqualTo(State.CLOSED);
    assertThat(breaker.failureRatePercent()).isEqualTo(-1f); // 3 of the 4 needed
    assertThat(breaker.tryAcquire()).isTrue();
    breaker.onSuccess(); // 2 of 4 failed: 50% reaches 50%
    assertThat(breaker.state()).isEqualTo(State.OPEN);
    assertThat(breaker.tryAcquire()).isFalse();
    assertThat(breaker.transitions()).isEqualTo(1);
  }

  @Test
  void theWindowSlidesOldOutcomesOut() {
    CircuitBreaker breaker = breaker(3, 3, 67, 1);
    for (boolean failed : new boolean[] {true, false, false, true, false, true}) {
      assertThat(breaker.tryAcquire()).isTrue();
      outcome(breaker, failed);
      assertThat(breaker.state()).isEqualTo(State.CLOSED); // never 2 failures in the last 3
    }
    assertThat(breaker.failureRatePercent())
        .isCloseTo(66.67f, org.assertj.core.data.Offset.offset(0.01f));
    breaker.tryAcquire();
    breaker.onFailure(); // the last three: failed, succeeded, failed
    assertThat(breaker.state()).isEqualTo(State.CLOSED);
    breaker.tryAcquire();
    breaker.onFailure(); // three failures in the last three
    assertThat(breaker.state()).isEqualTo(State.OPEN);
  }

  @Test
  void staysOpenForTheOpenDurationThenLetsTrialCallsThrough() {
    CircuitBreaker breaker = breaker(1, 2, 100, 2);
    breaker.tryAcquire();
    breaker.onFailure();
    assertThat(breaker.state()).isEqualTo(State.OPEN);
    clock.advance(Duration.ofSeconds(10));
    assertThat(breaker.tryAcquire()).isFalse(); // not yet: strictly after the open duration
    clock.advance(Duration.ofMillis(1));
    assertThat(breaker.tryAcquire()).isTrue();
    assertThat(breaker.state()).isEqualTo(State.HALF_OPEN);
    assertThat(breaker.tryAcquire()).isTrue();
    assertThat(breaker.tryAcquire()).isFalse(); // only two trials
    breaker.onSuccess();
    assertThat(breaker.state()).isEqualTo(State.HALF_OPEN);
    breaker.onSuccess();
    assertThat(breaker.state()).isEqualTo(State.CLOSED);
    assertThat(breaker.failureRatePercent()).isEqualTo(-1f); // a fresh window
    assertThat(breaker.tryAcquire()).isTrue();
  }

  @Test
  void aFailedTrialReopens() {
    CircuitBreaker breaker = breaker(1, 2, 50, 2);
    breaker.tryAcquire();
    breaker.onFailure();
    clock.advance(Duration.ofSeconds(11));
    assertThat(breaker.tryAcquire()).isTrue();
    assertThat(breaker.tryAcquire()).isTrue();
    breaker.onSuccess();
    breaker.onFailure(); // 1 of 2: 50%
    assertThat(breaker.state()).isEqualTo(State.OPEN);
    assertThat(breaker.tryAcquire()).isFalse();
    assertThat(breaker.transitions()).isEqualTo(3);
  }

  @Test
  void aReleasedTrialPermitIsGivenBackAndLateOutcomesInOpenStateChangeNothing() {
    CircuitBreaker breaker = breaker(1, 1, 100, 1);
    assertThat(breaker.tryAcquire()).isTrue();
    assertThat(breaker.tryAcquire()).isTrue(); // a second call in flight while closed
    breaker.onFailure();
    assertThat(breaker.state()).isEqualTo(State.OPEN);
    breaker.onSuccess(); // the late one: ignored
    breaker.release();
    assertThat(breaker.state()).isEqualTo(State.OPEN);
    clock.advance(Duration.ofSeconds(11));
    assertThat(breaker.tryAcquire()).isTrue();
    assertThat(breaker.tryAcquire()).isFalse();
    breaker.release(); // the trial was cancelled: its permit comes back
    assertThat(breaker.state()).isEqualTo(State.HALF_OPEN);
    assertThat(breaker.tryAcquire()).isTrue();
    breaker.onSuccess();
    assertThat(breaker.state()).isEqualTo(State.CLOSED);
    breaker.release(); // closed: nothing to give back
    assertThat(breaker.state()).isEqualTo(State.CLOSED);
  }

  @Test
  void halfOpenJudgesAsSoonAsTheMinimumOfTrialsIsIn() {
    CircuitBreaker breaker = breaker(4, 1, 50, 3);
    breaker.tryAcquire();
    breaker.onFailure();
    clock.advance(Duration.ofSeconds(11));
    assertThat(breaker.tryAcquire()).isTrue();
    assertThat(breaker.tryAcquire()).isTrue();
    breaker.onSuccess(); // one trial is enough to judge: 0% failed
    assertThat(breaker.state()).isEqualTo(State.CLOSED);
    breaker.onFailure(); // the other trial, late: now counted in the fresh window
    assertThat(breaker.state()).isEqualTo(State.OPEN);
  }

  @Test
  void minimumCallsAboveTheWindowIsCappedAtTheWindow() {
    CircuitBreaker breaker = breaker(2, 50, 100, 1);
    breaker.tryAcquire();
    breaker.onFailure();
    breaker.tryAcquire();
    breaker.onFailure();
    assertThat(breaker.state()).isEqualTo(State.OPEN);
  }

  @Test
  void halfOpenLetsExactlyItsTrialsThroughWhenThreadsRaceForThem() throws Exception {
    CircuitBreaker breaker = breaker(1, 1, 100, 3);
    breaker.tryAcquire();
    breaker.onFailure();
    clock.advance(Duration.ofSeconds(11));
    int threads = 16;
    CyclicBarrier start = new CyclicBarrier(threads);
    try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
      List<Future<Boolean>> results = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        results.add(
            pool.submit(
                () -> {
                  start.await(10, TimeUnit.SECONDS);
                  return breaker.tryAcquire();
                }));
      }
      int permitted = 0;
      for (Future<Boolean> result : results) {
        permitted += result.get(10, TimeUnit.SECONDS) ? 1 : 0;
      }
      assertThat(permitted).isEqualTo(3);
    }
    assertThat(breaker.state()).isEqualTo(State.HALF_OPEN);
  }

  @Test
  void rejectsBadSettings() {
    Duration d = Duration.ofSeconds(1);
    assertThatThrownBy(() -> new Config(0, 1, 50, d, 1))
        .hasMessage("windowSize must be in [1, 10000]: 0");
    assertThatThrownBy(() -> new Config(10_001, 1, 50, d, 1)).hasMessageContaining("windowSize");
    assertThatThrownBy(() -> new Config(10, 0, 50, d, 1)).hasMessageContaining("minimumCalls");
    assertThatThrownBy(() -> new Config(10, 1, 0, d, 1))
        .hasMessage("failureRatePercent must be in [1, 100]: 0");
    assertThatThrownBy(() -> new Config(10, 1, 101, d, 1))
        .hasMessageContaining("failureRatePercent");
    assertThatThrownBy(() -> new Config(10, 1, 50, Duration.ZERO, 1))
        .hasMessage("openDuration must be > 0: PT0S");
    assertThatThrownBy(() -> new Config(10, 1, 50, d.negated(), 1))
        .hasMessageContaining("openDuration");
    assertThatThrownBy(() -> new Config(10, 1, 50, null, 1))
        .isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> new Config(10, 1, 50, d, 0)).hasMessageContaining("halfOpenCalls");
    Config ok = Config.defaults();
    assertThat(ok).isEqualTo(new Config(100, 100, 50, Duration.ofSeconds(60), 10));
    assertThatThrownBy(() -> new CircuitBreaker(null, ok, clock))
        .isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> new CircuitBreaker("x", null, clock))
        .isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> new CircuitBreaker("x", ok, null))
        .isInstanceOf(NullPointerException.class);
    CircuitBreaker breaker = new CircuitBreaker("orders", ok, clock);
    assertThat(breaker.name()).isEqualTo("orders");
    assertThat(breaker.config()).isSameAs(ok);
    assertThat(breaker).hasToString("CircuitBreaker[orders, CLOSED]");
  }

  static LongStream seeds() {
    return Seeds.derive(40);
  }

  /**
   * The same random sequence of steps (a call that succeeds or fails, a cancelled call, time
   * passing) through ours and Resilience4j's count-based breaker: after every step both agree on
   * whether the call was permitted and on the state.
   */
  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void transitionsMatchResilience4j(long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    int window = 1 + random.nextInt(12);
    int minimum = 1 + random.nextInt(14);
    int percent = 1 + random.nextInt(100);
    int trials = 1 + random.nextInt(5);
    Duration open = Duration.ofMillis(100 + random.nextInt(900));
    CircuitBreaker ours =
        new CircuitBreaker("ours", new Config(window, minimum, percent, open, trials), clock);
    io.github.resilience4j.circuitbreaker.CircuitBreaker theirs =
        io.github.resilience4j.circuitbreaker.CircuitBreaker.of(
            "theirs",
            CircuitBreakerConfig.custom()
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(window)
                .minimumNumberOfCalls(minimum)
                .failureRateThreshold(percent)
                .waitDurationInOpenState(open)
                .permittedNumberOfCallsInHalfOpenState(trials)
                .slowCallRateThreshold(100)
                .slowCallDurationThreshold(Duration.ofDays(1))
                .recordExceptions(IOException.class)
                .clock(clock)
                .build());
    double failureOdds = random.nextDouble();
    List<String> log = new ArrayList<>();
    for (int step = 0; step < 400; step++) {
      int kind = random.nextInt(10);
      if (kind == 0) {
        Duration pass = Duration.ofMillis(random.nextInt(2 * (int) open.toMillis()));
        clock.advance(pass);
        log.add("wait " + pass.toMillis());
        continue;
      }
      boolean mine = ours.tryAcquire();
      boolean r4j = theirs.tryAcquirePermission();
      log.add((mine ? "call" : "refused") + " " + ours.state());
      assertThat(mine).as("permitted at step %d, seed %d: %s", step, seed, log).isEqualTo(r4j);
      if (mine) {
        if (kind == 1) {
          ours.release();
          theirs.releasePermission();
          log.add("released");
        } else if (random.nextDouble() < failureOdds) {
          ours.onFailure();
          theirs.onError(0, TimeUnit.NANOSECONDS, new IOException("down"));
          log.add("failed");
        } else {
          ours.onSuccess();
          theirs.onSuccess(0, TimeUnit.NANOSECONDS);
          log.add("succeeded");
        }
      }
      assertThat(ours.state().name())
          .as("state at step %d, seed %d: %s", step, seed, log)
          .isEqualTo(theirs.getState().name());
    }
  }

  private static void outcome(CircuitBreaker breaker, boolean failed) {
    if (failed) {
      breaker.onFailure();
    } else {
      breaker.onSuccess();
    }
  }
}
