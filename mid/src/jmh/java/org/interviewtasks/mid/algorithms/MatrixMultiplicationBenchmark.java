package org.interviewtasks.mid.algorithms;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
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
 * overflow checks) against the textbook i-j-k order (unchecked), on square {@code long} matrices;
 * and the {@code double} product against EJML's {@code CommonOps_DDRM.mult}, the library a user
 * would pick, which switches to a cache-blocked kernel for large matrices. Every side allocates its
 * result. For the bench report: {@code longProduct_ours} against {@code longProduct_textbookIjk},
 * {@code doubleProduct_ours} against {@code doubleProduct_ejml}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 10, time = 1)
public class MatrixMultiplicationBenchmark {

  @Param({"512"})
  public int size;

  private long[][] a;
  private long[][] b;
  private double[][] x;
  private double[][] y;
  private DMatrixRMaj xEjml;
  private DMatrixRMaj yEjml;

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
    x = new double[size][size];
    y = new double[size][size];
    for (int i = 0; i < size; i++) {
      for (int j = 0; j < size; j++) {
        x[i][j] = random.nextDouble(-1, 1);
        y[i][j] = random.nextDouble(-1, 1);
      }
    }
    xEjml = new DMatrixRMaj(x);
    yEjml = new DMatrixRMaj(y);
  }

  @Benchmark
  public long[][] longProduct_ours() {
    return MatrixMultiplication.multiply(a, b);
  }

  @Benchmark
  public long[][] longProduct_textbookIjk() {
    return MatrixMultiplication.multiplyIjk(a, b);
  }

  @Benchmark
  public double[][] doubleProduct_ours() {
    return MatrixMultiplication.multiply(x, y);
  }

  @Benchmark
  public DMatrixRMaj doubleProduct_ejml() {
    DMatrixRMaj product = new DMatrixRMaj(size, size);
    CommonOps_DDRM.mult(xEjml, yEjml, product);
    return product;
  }
}
