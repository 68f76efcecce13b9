package org.interviewtasks.senior.advanced.memoization;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Stream;
import org.interviewtasks.junior.core.Factorial;
import org.interviewtasks.mid.core.MemoizedFactorial;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One memoized call of n! that hits, ours (a lookup in the SQLite table plus reading the stored
 * JSON back into a {@link BigInteger}) against what it saves and what else a user could do: the
 * computation itself (junior's {@link Factorial#iterative}, no memo), an in-heap {@link
 * ConcurrentHashMap} holding the result, and mid's {@link MemoizedFactorial} (an in-heap memo of
 * every k! up to n). The persistent hit pays a JDBC round trip into SQLite and a parse of
 * ~n·log₁₀(n) digits, so it wins against the computation only when the computation is expensive
 * (2000!), loses for a cheap one (100!), and is always far behind an in-heap map: the reason to put
 * one in front of it when hits dominate and memory allows.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class PersistentMemoizationBenchmark {

  /** The argument, the store and the other memos, all warm. */
  @State(Scope.Benchmark)
  public static class Setting {
    @Param({"100", "2000"})
    int n;

    Path folder;
    PersistentMemoization store;
    Function<Integer, BigInteger> persistent;
    final Map<Integer, BigInteger> map = new ConcurrentHashMap<>();
    final MemoizedFactorial mid = new MemoizedFactorial();

    @Setup(Level.Trial)
    public void open() throws IOException {
      folder = Files.createTempDirectory("memo-bench-");
      store = PersistentMemoization.open(folder.resolve("memo.db"));
      persistent = store.memoize("factorial", 1, Factorial::iterative, BigInteger.class);
      BigInteger warm = persistent.apply(n); // stored once, so each call below is a hit
      map.put(n, warm);
      mid.factorial(n);
    }

    @TearDown(Level.Trial)
    public void close() throws IOException {
      store.close();
      try (Stream<Path> files = Files.list(folder)) {
        for (Path file : files.toList()) {
          Files.delete(file);
        }
      }
      Files.delete(folder);
    }
  }

  @Benchmark
  public BigInteger factorialHit_ours(Setting setting) {
    return setting.persistent.apply(setting.n);
  }

  @Benchmark
  public BigInteger factorialHit_compute(Setting setting) {
    return Factorial.iterative(setting.n);
  }

  @Benchmark
  public BigInteger factorialHit_inMemoryMap(Setting setting) {
    return setting.map.computeIfAbsent(setting.n, Factorial::iterative);
  }

  @Benchmark
  public BigInteger factorialHit_midMemoizedFactorial(Setting setting) {
    return setting.mid.factorial(setting.n);
  }
}
