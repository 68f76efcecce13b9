package org.interviewtasks.mid.algorithms;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The loop order of {@link MatrixMultiplication}: the cache-friendly i-k-j order (with its exact
 * overflow checks) against the textbook i-j-k order (unchecked), on square {@code long} matrices.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
public class MatrixMultiplicationBenchmark {

  @Param({"512"})
  public int size;

  private long[][] a;
  private long[][] b;

  @Setup
  public void setUp() {
    SplittableRandom random = new SplittableRandom(7);
    a = new long[size][size];
    b = new long[size][size];
    for (int i = 0; i < size; i++) {
      for (int j = 0; j < size; j++) {
        a[i][j] = random.nextInt(-1000, 1001);
        b[i][j] = random.nextInt(-1000, 1001);
      }
    }
  }

  @Benchmark
  public long[][] ikjExact() {
    return MatrixMultiplication.multiply(a, b);
  }

  @Benchmark
  public long[][] ijkTextbook() {
    return MatrixMultiplication.multiplyIjk(a, b);
  }
}
