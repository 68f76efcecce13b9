package org.interviewtasks.senior.concurrency.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import org.interviewtasks.common.testing.Seeds;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Real threads on real time, released together by a latch: whatever the interleaving, the bucket
 * never grants more than {@code capacity + elapsed / interval} permits by any moment. Each grant is
 * stamped with {@link System#nanoTime()} just after it returns, so the stamp is no earlier than the
 * grant, and the bound is checked at every stamp. No assertion is about speed.
 */
class RateLimiterContentionTest {

  static LongStream seeds() {
    return Seeds.derive(4);
  }

  /** Runs {@code threads} workers released by one latch and returns every stamp, sorted. */
  private static long[] race(int threads, Worker worker) throws Exception {
    CountDownLatch start = new CountDownLatch(1);
    List<Future<long[]>> results = new ArrayList<>();
    try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
      for (int t = 0; t < threads; t++) {
        int id = t;
        results.add(
            pool.submit(
                () -> {
                  start.await();
                  return worker.run(id);
                }));
      }
      start.countDown();
      List<long[]> stamps = new ArrayList<>();
      for (Future<long[]> result : results) {
        stamps.add(result.get(60, TimeUnit.SECONDS));
      }
      long[] all = stamps.stream().flatMapToLong(Arrays::stream).sorted().toArray();
      return all;
    }
  }

  @FunctionalInterface
  private interface Worker {
    long[] run(int id) throws Exception;
  }

  private static void assertWithinBound(long[] stamps, long before, long capacity, long interval) {
    for (int i = 0; i < stamps.length; i++) {
      long allowed = capacity + (stamps[i] - before) / interval;
      assertThat((long) i + 1).as("permits granted by stamp %d", i).isLessThanOrEqualTo(allowed);
    }
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void tryAcquireNeverExceedsCapacityPlusRateTimesElapsed(long seed) throws Exception {
    var random = new SplittableRandom(seed);
    int threads = 2 + random.nextInt(3);
    long capacity = 1L + random.nextInt(100);
    long perSecond = 10_000L + random.nextInt(90_000);
    int attempts = 30_000;
    long before = System.nanoTime();
    TokenBucket bucket = RateLimiter.tokenBucket(capacity, perSecond, Duration.ofSeconds(1));

    long[] stamps =
        race(
            threads,
            id -> {
              long[] mine = new long[attempts];
              int n = 0;
              for (int a = 0; a < attempts; a++) {
                if (bucket.tryAcquire()) {
                  mine[n++] = System.nanoTime();
                }
              }
              return Arrays.copyOf(mine, n);
            });

    assertThat(stamps.length).as("the bucket admitted more than its burst").isGreaterThan(0);
    assertWithinBound(stamps, before, capacity, bucket.intervalNanos());
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void blockingAcquireNeverExceedsTheBoundAndEveryWaiterGetsThrough(long seed) throws Exception {
    var random = new SplittableRandom(seed);
    int threads = 2 + random.nextInt(3);
    long capacity = 1L + random.nextInt(10);
    int each = 50;
    long before = System.nanoTime();
    TokenBucket bucket = RateLimiter.tokenBucket(capacity, 20_000, Duration.ofSeconds(1));

    long[] stamps =
        race(
            threads,
            id -> {
              long[] mine = new long[each];
              for (int a = 0; a < each; a++) {
                bucket.acquire();
                mine[a] = System.nanoTime();
              }
              return mine;
            });

    assertThat(stamps).hasSize(threads * each);
    assertWithinBound(stamps, before, capacity, bucket.intervalNanos());
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void asyncWaitersCompleteWithinTheBound(long seed) throws Exception {
    var random = new SplittableRandom(seed);
    int threads = 2 + random.nextInt(3);
    int each = 100;
    long capacity = 5;
    long before = System.nanoTime();
    TokenBucket bucket = RateLimiter.tokenBucket(capacity, 50_000, Duration.ofSeconds(1));
    var completions = new ConcurrentLinkedQueue<Long>();

    race(
        threads,
        id -> {
          List<CompletableFuture<Void>> mine = new ArrayList<>();
          for (int a = 0; a < each; a++) {
            mine.add(bucket.acquireAsync(1).thenRun(() -> completions.add(System.nanoTime())));
          }
          CompletableFuture.allOf(mine.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
          return new long[0];
        });

    long[] stamps = completions.stream().mapToLong(Long::longValue).sorted().toArray();
    assertThat(stamps).hasSize(threads * each);
    assertWithinBound(stamps, before, capacity, bucket.intervalNanos());
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void theSlidingWindowNeverExceedsItsLimitPerWindow(long seed) throws Exception {
    var random = new SplittableRandom(seed);
    int threads = 2 + random.nextInt(3);
    int limit = 20 + random.nextInt(80);
    long windowNanos = Duration.ofMillis(5).toNanos();
    long before = System.nanoTime();
    SlidingWindowLimiter window = RateLimiter.slidingWindow(limit, Duration.ofNanos(windowNanos));

    long[] stamps =
        race(
            threads,
            id -> {
              long[] mine = new long[20_000];
              int n = 0;
              for (int a = 0; a < mine.length; a++) {
                if (window.tryAcquire()) {
                  mine[n++] = System.nanoTime();
                }
              }
              return Arrays.copyOf(mine, n);
            });

    // By stamp i, grants happened in [before, stamp]: at most limit per started window.
    for (int i = 0; i < stamps.length; i++) {
      long windows = (stamps[i] - before) / windowNanos + 1;
      assertThat((long) i + 1).isLessThanOrEqualTo(limit * windows);
    }
  }
}
