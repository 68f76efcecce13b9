package org.interviewtasks.senior.concurrency.ratelimit;

import io.github.bucket4j.Bucket;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.ratelimiter.internal.AtomicRateLimiter;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The cost of one permit when permits are plentiful (the limiter's overhead on every request, not
 * its waiting), on 1 thread and on 2 threads sharing one limiter: ours (the lock-free token bucket
 * and the locked sliding window) against Bucket4j's local bucket (lock-free by default) and
 * Resilience4j's {@code AtomicRateLimiter}. Each limiter allows about a billion permits a second,
 * far more than the benchmark can take, so every call succeeds and measures the same path.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class RateLimiterBenchmark {

  private static final long PLENTY = 1_000_000_000L;

  /** One limiter of each kind, shared by the benchmark's threads. */
  @State(Scope.Benchmark)
  public static class Limiters {
    TokenBucket bucket;
    SlidingWindowLimiter window;
    Bucket bucket4j;
    AtomicRateLimiter resilience4j;

    @Setup(Level.Trial)
    public void create() {
      bucket = RateLimiter.tokenBucket(PLENTY, PLENTY, Duration.ofSeconds(1));
      window = RateLimiter.slidingWindow(SlidingWindowLimiter.MAX_LIMIT, Duration.ofNanos(1));
      bucket4j =
          Bucket.builder()
              .addLimit(l -> l.capacity(PLENTY).refillGreedy(PLENTY, Duration.ofSeconds(1)))
              .build();
      resilience4j =
          new AtomicRateLimiter(
              "bench",
              RateLimiterConfig.custom()
                  .limitForPeriod(Integer.MAX_VALUE)
                  .limitRefreshPeriod(Duration.ofNanos(1_000))
                  .timeoutDuration(Duration.ZERO)
                  .build());
    }
  }

  @Benchmark
  @Threads(1)
  public boolean tryAcquire1Thread_ours(Limiters l) {
    return l.bucket.tryAcquire();
  }

  @Benchmark
  @Threads(1)
  public boolean tryAcquire1Thread_oursSlidingWindow(Limiters l) {
    return l.window.tryAcquire();
  }

  @Benchmark
  @Threads(1)
  public boolean tryAcquire1Thread_bucket4j(Limiters l) {
    return l.bucket4j.tryConsume(1);
  }

  @Benchmark
  @Threads(1)
  public boolean tryAcquire1Thread_resilience4j(Limiters l) {
    return l.resilience4j.acquirePermission(1);
  }

  @Benchmark
  @Threads(2)
  public boolean tryAcquire2Threads_ours(Limiters l) {
    return l.bucket.tryAcquire();
  }

  @Benchmark
  @Threads(2)
  public boolean tryAcquire2Threads_oursSlidingWindow(Limiters l) {
    return l.window.tryAcquire();
  }

  @Benchmark
  @Threads(2)
  public boolean tryAcquire2Threads_bucket4j(Limiters l) {
    return l.bucket4j.tryConsume(1);
  }

  @Benchmark
  @Threads(2)
  public boolean tryAcquire2Threads_resilience4j(Limiters l) {
    return l.resilience4j.acquirePermission(1);
  }
}
