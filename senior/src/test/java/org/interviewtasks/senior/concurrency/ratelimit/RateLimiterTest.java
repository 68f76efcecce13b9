package org.interviewtasks.senior.concurrency.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.stream.LongStream;
import org.interviewtasks.common.testing.Seeds;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class RateLimiterTest {

  private static final long MS = 1_000_000L;

  private final ManualTime time = new ManualTime();

  /** Takes every permit free right now, one at a time. */
  private static int drain(RateLimiter limiter) {
    int taken = 0;
    while (limiter.tryAcquire()) {
      taken++;
    }
    return taken;
  }

  @Nested
  class TokenBuckets {

    private final TokenBucket bucket =
        RateLimiter.tokenBucket(10, 5, Duration.ofSeconds(1), time); // 1 permit per 200 ms

    @Test
    void startsFullThenRefillsOnePermitPerInterval() {
      assertThat(bucket.intervalNanos()).isEqualTo(200 * MS);
      assertThat(bucket.availablePermits()).isEqualTo(10);
      assertThat(drain(bucket)).isEqualTo(10);
      time.advanceMillis(199);
      assertThat(drain(bucket)).isZero();
      time.advanceMillis(1);
      assertThat(drain(bucket)).isEqualTo(1);
      time.advanceMillis(1000);
      assertThat(bucket.availablePermits()).isEqualTo(5);
      assertThat(drain(bucket)).isEqualTo(5);
    }

    @Test
    void aLongIdlePeriodRefillsToTheCapacityAndNoFurther() {
      drain(bucket);
      time.advance(Duration.ofHours(1).toNanos());
      assertThat(drain(bucket)).isEqualTo(10);
      time.advance(Duration.ofDays(300).toNanos());
      assertThat(bucket.availablePermits()).isEqualTo(10);
    }

    @Test
    void aGreedyClientGetsExactlyTheBurstPlusTheRate() {
      // Every millisecond for 10 s, take all that is free: the running total is always
      // capacity + floor(t / 200 ms).
      long total = 0;
      for (int t = 0; t <= 10_000; t++) {
        total += drain(bucket);
        assertThat(total).as("at %d ms", t).isEqualTo(10 + t / 200);
        time.advanceMillis(1);
      }
    }

    @Test
    void burstsAndIdlePeriodsAddUpExactly() {
      // A burst of 10, 3 s idle (15 permits refilled, 10 kept), a burst, 1 s of steady demand.
      assertThat(drain(bucket)).isEqualTo(10);
      time.advanceMillis(3000);
      assertThat(drain(bucket)).isEqualTo(10);
      int steady = 0;
      for (int t = 1; t <= 1000; t++) {
        time.advanceMillis(1);
        steady += drain(bucket);
      }
      assertThat(steady).isEqualTo(5);
      time.advanceMillis(400);
      assertThat(bucket.tryAcquire(3)).isFalse();
      assertThat(bucket.tryAcquire(2)).isTrue();
    }

    @Test
    void takesSeveralPermitsAtOnceOrNone() {
      assertThat(bucket.tryAcquire(10)).isTrue();
      assertThat(bucket.tryAcquire(1)).isFalse();
      time.advanceMillis(600);
      assertThat(bucket.tryAcquire(4)).isFalse();
      assertThat(bucket.availablePermits()).isEqualTo(3);
      assertThat(bucket.tryAcquire(3)).isTrue();
    }

    @Test
    void anIntervalThatDoesNotDivideEvenlyIsRoundedUpNeverFaster() {
      TokenBucket third = RateLimiter.tokenBucket(1, 3, Duration.ofSeconds(1), time);
      assertThat(third.intervalNanos()).isEqualTo(333_333_334L);
      long total = 0;
      for (int t = 0; t <= 60_000; t++) {
        total += drain(third);
        time.advanceMillis(1);
      }
      // Ideal: 1 + 3 × 60 = 181; the 181st permit would be due at 60.00000012 s.
      assertThat(total).isEqualTo(180);
    }

    @Test
    void describesItself() {
      assertThat(bucket).hasToString("TokenBucket[capacity=10, refill=5 per PT1S]");
      assertThat(bucket.capacity()).isEqualTo(10);
      assertThat(bucket.maxPermits()).isEqualTo(10);
    }

    @Test
    void argumentsAreChecked() {
      Duration second = Duration.ofSeconds(1);
      assertThatIllegalArgumentException()
          .isThrownBy(() -> RateLimiter.tokenBucket(0, 1, second, time))
          .withMessage("capacity must be >= 1: 0");
      assertThatIllegalArgumentException()
          .isThrownBy(() -> RateLimiter.tokenBucket(1, 0, second, time))
          .withMessage("refill must be >= 1: 0");
      assertThatIllegalArgumentException()
          .isThrownBy(() -> RateLimiter.tokenBucket(1, 1, Duration.ZERO, time))
          .withMessage("period must be > 0: PT0S");
      assertThatIllegalArgumentException()
          .isThrownBy(() -> RateLimiter.tokenBucket(1, 1, Duration.ofSeconds(-1), time));
      assertThatIllegalArgumentException()
          .isThrownBy(() -> RateLimiter.tokenBucket(1, 1001, Duration.ofNanos(1000), time))
          .withMessageContaining("at most one permit per nanosecond");
      assertThatIllegalArgumentException()
          .isThrownBy(() -> RateLimiter.tokenBucket(Long.MAX_VALUE, 1, second, time))
          .withMessageContaining("capacity × interval must be <= 2^62 ns");
      assertThatNullPointerException()
          .isThrownBy(() -> RateLimiter.tokenBucket(1, 1, null, time))
          .withMessage("period");
      assertThatNullPointerException()
          .isThrownBy(() -> RateLimiter.tokenBucket(1, 1, second, null))
          .withMessage("time");
      // A period too long for a long of nanoseconds saturates, then fails the burst check.
      assertThatIllegalArgumentException()
          .isThrownBy(() -> RateLimiter.tokenBucket(1, 1, Duration.ofDays(365L * 1000), time))
          .withMessageContaining("capacity × interval");
      assertThat(RateLimiter.tokenBucket(1, 1, Duration.ofDays(365L * 100), time).tryAcquire())
          .isTrue();
    }
  }

  @Nested
  class SlidingWindows {

    private final SlidingWindowLimiter window =
        RateLimiter.slidingWindow(5, Duration.ofSeconds(1), time);

    @Test
    void admitsTheLimitInAnyWindowAndNoMore() {
      assertThat(window.availablePermits()).isEqualTo(5);
      assertThat(drain(window)).isEqualTo(5);
      time.advanceMillis(999);
      assertThat(drain(window)).isZero();
      time.advanceMillis(1);
      assertThat(drain(window)).isEqualTo(5);
    }

    @Test
    void grantsLeaveTheWindowOneByOne() {
      for (int i = 0; i < 5; i++) {
        assertThat(window.tryAcquire()).isTrue();
        time.advanceMillis(100); // grants at 0, 100, ..., 400 ms
      }
      time.advanceMillis(500); // now 1000 ms: the grant of 0 ms has left
      assertThat(window.availablePermits()).isEqualTo(1);
      assertThat(drain(window)).isEqualTo(1);
      time.advanceMillis(250); // 1250 ms: those of 100 and 200 ms have left
      assertThat(window.tryAcquire(3)).isFalse();
      assertThat(window.tryAcquire(2)).isTrue();
    }

    static LongStream seeds() {
      return Seeds.derive(25);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void neverAdmitsMoreThanTheLimitInAnyWindow(long seed) {
      var random = new SplittableRandom(seed);
      int limit = 1 + random.nextInt(20);
      long windowMs = 1L + random.nextInt(500);
      var limiter = RateLimiter.slidingWindow(limit, Duration.ofMillis(windowMs), time);
      List<Long> granted = new ArrayList<>();
      int saturatedWindows = 0;
      for (int step = 0; step < 3000; step++) {
        int permits = 1 + random.nextInt(limit);
        if (limiter.tryAcquire(permits)) {
          for (int p = 0; p < permits; p++) {
            granted.add(time.nanoTime());
          }
        }
        time.advance(random.nextLong(windowMs * MS / 4 + 1));
      }
      // Any window [t, t + W) starting at a grant holds at most `limit` grants.
      for (int i = 0; i < granted.size(); i++) {
        int j = i;
        while (j < granted.size() && granted.get(j) - granted.get(i) < windowMs * MS) {
          j++;
        }
        assertThat(j - i).isLessThanOrEqualTo(limit);
        if (j - i == limit) {
          saturatedWindows++;
        }
      }
      assertThat(saturatedWindows).as("the limit is reached, not just respected").isPositive();
    }

    @Test
    void describesItself() {
      assertThat(window).hasToString("SlidingWindowLimiter[limit=5 per PT1S]");
      assertThat(window.limit()).isEqualTo(5);
      assertThat(window.window()).isEqualTo(Duration.ofSeconds(1));
      assertThat(window.maxPermits()).isEqualTo(5);
    }

    @Test
    void argumentsAreChecked() {
      Duration second = Duration.ofSeconds(1);
      assertThatIllegalArgumentException()
          .isThrownBy(() -> RateLimiter.slidingWindow(0, second, time))
          .withMessage("limit must be in [1, 1000000]: 0");
      assertThatIllegalArgumentException()
          .isThrownBy(() -> RateLimiter.slidingWindow(1_000_001, second, time));
      assertThatIllegalArgumentException()
          .isThrownBy(() -> RateLimiter.slidingWindow(1, Duration.ZERO, time))
          .withMessage("window must be > 0: PT0S");
      assertThatIllegalArgumentException()
          .isThrownBy(() -> RateLimiter.slidingWindow(1, Duration.ofDays(365L * 101), time))
          .withMessageContaining("window must be <= 100 years");
      assertThatNullPointerException()
          .isThrownBy(() -> RateLimiter.slidingWindow(1, null, time))
          .withMessage("window");
    }
  }

  /** The waiting paths, the same for both kinds. */
  @Nested
  class Waiting {

    private final TokenBucket bucket =
        RateLimiter.tokenBucket(1, 5, Duration.ofSeconds(1), time); // 1 permit per 200 ms

    @Test
    void tryAcquireWithATimeoutWaitsOnlyIfThePermitComesInTime() throws Exception {
      assertThat(bucket.tryAcquire()).isTrue();
      assertThat(bucket.tryAcquire(1, Duration.ofMillis(150))).isFalse();
      assertThat(time.sleeps()).isEmpty();
      assertThat(bucket.tryAcquire(1, Duration.ofMillis(200))).isTrue();
      assertThat(time.sleeps()).containsExactly(200 * MS);
      assertThat(bucket.tryAcquire(1, Duration.ZERO)).isFalse();
    }

    @Test
    void acquireWaitsExactlyUntilItsPermit() throws Exception {
      for (int i = 0; i < 4; i++) {
        bucket.acquire();
      }
      assertThat(time.sleeps()).containsExactly(200 * MS, 200 * MS, 200 * MS);
    }

    @Test
    void waitersAreServedInTheOrderTheyBooked() {
      assertThat(bucket.acquireAsync(1)).isDone();
      List<CompletableFuture<Void>> waiters = new ArrayList<>();
      for (int i = 0; i < 3; i++) {
        waiters.add(bucket.acquireAsync(1));
      }
      assertThat(waiters).noneMatch(CompletableFuture::isDone);
      assertThat(time.pendingTimers()).isEqualTo(3);
      time.advanceMillis(200);
      assertThat(waiters).extracting(CompletableFuture::isDone).containsExactly(true, false, false);
      time.advanceMillis(399);
      assertThat(waiters).extracting(CompletableFuture::isDone).containsExactly(true, true, false);
      time.advanceMillis(1);
      assertThat(waiters).allMatch(CompletableFuture::isDone);
      // The booked permits are used up: nothing is free before 800 ms.
      assertThat(bucket.tryAcquire()).isFalse();
    }

    @Test
    void slidingWindowWaitersGetTheirPermitsWhenTheOldGrantsLeave() throws Exception {
      var window = RateLimiter.slidingWindow(2, Duration.ofSeconds(1), time);
      window.acquire(2);
      CompletableFuture<Void> later = window.acquireAsync(1);
      assertThat(later).isNotDone();
      time.advanceMillis(1000);
      assertThat(later).isDone();
      assertThat(window.tryAcquire(1, Duration.ofMillis(10))).isTrue();
      assertThat(window.tryAcquire(1, Duration.ofMillis(999))).isFalse();
      window.acquire();
      assertThat(time.sleeps()).containsExactly(1000 * MS);
    }

    @Test
    void aCancelledFutureForfeitsItsPermits() {
      bucket.tryAcquire();
      CompletableFuture<Void> cancelled = bucket.acquireAsync(1);
      cancelled.cancel(false);
      CompletableFuture<Void> next = bucket.acquireAsync(1);
      time.advanceMillis(200);
      assertThat(next).isNotDone();
      time.advanceMillis(200);
      assertThat(next).isDone();
    }

    @Test
    void anInterruptedWaiterForfeitsItsPermit() {
      TokenBucket real = RateLimiter.tokenBucket(1, 1, Duration.ofHours(1));
      assertThat(real.tryAcquire()).isTrue();
      Thread.currentThread().interrupt();
      try {
        assertThatThrownBy(real::acquire).isInstanceOf(InterruptedException.class);
      } finally {
        Thread.interrupted();
      }
      assertThat(real.availablePermits()).isZero();
    }

    @Test
    void waitingArgumentsAreChecked() {
      assertThatIllegalArgumentException()
          .isThrownBy(() -> bucket.tryAcquire(1, Duration.ofMillis(-1)))
          .withMessage("timeout must be >= 0: PT-0.001S");
      assertThatNullPointerException()
          .isThrownBy(() -> bucket.tryAcquire(1, null))
          .withMessage("timeout");
      assertThatIllegalArgumentException()
          .isThrownBy(() -> bucket.tryAcquire(2))
          .withMessage("permits must be in [1, 1]: 2");
      assertThatIllegalArgumentException().isThrownBy(() -> bucket.tryAcquire(0));
      assertThatIllegalArgumentException().isThrownBy(() -> bucket.acquire(-1));
      assertThatIllegalArgumentException().isThrownBy(() -> bucket.acquireAsync(2));
      assertThatIllegalArgumentException()
          .isThrownBy(() -> bucket.tryAcquire(2, Duration.ofSeconds(1)));
    }
  }

  @Nested
  class Closing {

    private final SlidingWindowLimiter window =
        RateLimiter.slidingWindow(1, Duration.ofSeconds(1), time);

    @Test
    void everyCallAfterCloseThrows() {
      window.close();
      window.close();
      assertThatThrownBy(window::tryAcquire)
          .isInstanceOf(IllegalStateException.class)
          .hasMessage("rate limiter closed: SlidingWindowLimiter[limit=1 per PT1S]");
      assertThatThrownBy(() -> window.tryAcquire(1, Duration.ofSeconds(1)))
          .isInstanceOf(IllegalStateException.class);
      assertThatThrownBy(window::acquire).isInstanceOf(IllegalStateException.class);
      assertThatThrownBy(() -> window.acquireAsync(1)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void pendingFuturesFailOnClose() {
      window.tryAcquire();
      CompletableFuture<Void> pending = window.acquireAsync(1);
      window.close();
      assertThatThrownBy(pending::get)
          .isInstanceOf(ExecutionException.class)
          .hasCauseInstanceOf(IllegalStateException.class);
      time.advanceMillis(1000); // the timer fires later and changes nothing
      assertThat(pending).isCompletedExceptionally();
    }

    @Test
    void aWaiterWokenAfterCloseThrows() {
      window.tryAcquire();
      time.onSleep(window::close);
      assertThatThrownBy(window::acquire)
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("closed");
    }
  }

  @Test
  void theSystemTimeSourceRunsADueTaskAtOnceAndALaterOneOnItsScheduler() throws Exception {
    TimeSource system = TimeSource.system();
    assertThat(system.nanoTime()).isLessThanOrEqualTo(System.nanoTime());
    var now = new CompletableFuture<Thread>();
    system.schedule(() -> now.complete(Thread.currentThread()), 0);
    assertThat(now.getNow(null)).isSameAs(Thread.currentThread());
    var later = new CompletableFuture<Thread>();
    system.schedule(() -> later.complete(Thread.currentThread()), MS);
    assertThat(later.get(10, java.util.concurrent.TimeUnit.SECONDS))
        .isNotSameAs(Thread.currentThread());
    assertThatNullPointerException().isThrownBy(() -> system.schedule(null, 1));
    system.sleep(1);
  }
}
