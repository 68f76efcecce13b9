package org.interviewtasks.senior.advanced.retry;

import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.retry.RetryConfig;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.Callable;
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
import org.openjdk.jmh.annotations.Warmup;

/**
 * The per-call overhead of a retry wrapper around a call that succeeds at once (the common case,
 * paid on every request): ours against Resilience4j Retry with the same policy (3 attempts,
 * exponential backoff, retry on {@link IOException} and on a result of 503), and the bare call for
 * scale. The call returns a status code from a field, so the wrapper is nearly all that is
 * measured.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class RetryBenchmark {

  /** The policies and the call. */
  @State(Scope.Benchmark)
  public static class Setting {
    int status = 200;
    Callable<Integer> call;
    Retry ours;
    ResultClassifier<Integer> retryOn503;
    io.github.resilience4j.retry.Retry resilience4j;

    @Setup(Level.Trial)
    public void create() {
      call = () -> status;
      ours =
          Retry.builder()
              .maxAttempts(3)
              .backoff(Backoff.exponential(Duration.ofMillis(100), Duration.ofSeconds(1)))
              .retryOn(IOException.class)
              .build();
      retryOn503 = ResultClassifier.retryIf(s -> s == 503);
      resilience4j =
          io.github.resilience4j.retry.Retry.of(
              "bench",
              RetryConfig.<Integer>custom()
                  .maxAttempts(3)
                  .intervalFunction(
                      IntervalFunction.ofExponentialBackoff(
                          Duration.ofMillis(100), 2.0, Duration.ofSeconds(1)))
                  .retryExceptions(IOException.class)
                  .retryOnResult(s -> s == 503)
                  .build());
    }
  }

  @Benchmark
  public Integer successfulCall_ours(Setting s) {
    return s.ours.call(Idempotency.IDEMPOTENT, s.call, s.retryOn503);
  }

  @Benchmark
  public Integer successfulCall_resilience4j(Setting s) throws Exception {
    return s.resilience4j.executeCallable(s.call);
  }

  @Benchmark
  public Integer successfulCall_bareCall(Setting s) throws Exception {
    return s.call.call();
  }
}
