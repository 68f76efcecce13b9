package org.interviewtasks.senior.concurrency.matrix;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.TimeUnit;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.CommonOps_MT_DDRM;
import org.interviewtasks.mid.algorithms.MatrixMultiplication;
import org.ojalgo.matrix.store.R064Store;
import org.openjdk.jmh.annotations.AuxCounters;
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
 * n × n products, in products per second (the primary score, which the README table compares) and
 * in GFLOPS (the secondary {@code gflop} counter, 2n³ floating-point operations per product): our
 * blocked fork/join product on a pool of one thread per core and our worker processes (one per
 * core, JVM start-up included), against the naive i-j-k loop, mid's row-wise i-k-j product over
 * {@code double[][]}, EJML single-threaded and concurrent ({@code CommonOps_MT_DDRM}), and ojAlgo.
 * Each gets its inputs in its own format, built before measuring. At 2048 the naive loop takes
 * about a minute per product.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = "-Xmx3g")
@State(Scope.Benchmark)
public class ParallelMatrixMultiplicationBenchmark {

  @Param({"256", "1024", "2048"})
  public int n;

  private double[] a;
  private double[] b;
  private double[][] aRows;
  private double[][] bRows;
  private DMatrixRMaj ejmlA;
  private DMatrixRMaj ejmlB;
  private DMatrixRMaj ejmlC;
  private R064Store ojA;
  private R064Store ojB;
  private R064Store ojC;
  private ForkJoinPool pool;
  private Path directory;

  /** GFLOP done, reported per second by JMH: GFLOPS. */
  @State(Scope.Thread)
  @AuxCounters(AuxCounters.Type.OPERATIONS)
  public static class Flops {
    public double gflop;
  }

  @Setup(Level.Trial)
  public void matrices() throws IOException {
    SplittableRandom random = new SplittableRandom(n);
    a = random.doubles((long) n * n, -1, 1).toArray();
    b = random.doubles((long) n * n, -1, 1).toArray();
    aRows = new double[n][];
    bRows = new double[n][];
    ojA = R064Store.FACTORY.make(n, n);
    ojB = R064Store.FACTORY.make(n, n);
    ojC = R064Store.FACTORY.make(n, n);
    for (int i = 0; i < n; i++) {
      aRows[i] = java.util.Arrays.copyOfRange(a, i * n, (i + 1) * n);
      bRows[i] = java.util.Arrays.copyOfRange(b, i * n, (i + 1) * n);
      for (int j = 0; j < n; j++) {
        ojA.set(i, j, a[i * n + j]);
        ojB.set(i, j, b[i * n + j]);
      }
    }
    ejmlA = DMatrixRMaj.wrap(n, n, a.clone());
    ejmlB = DMatrixRMaj.wrap(n, n, b.clone());
    ejmlC = new DMatrixRMaj(n, n);
    pool = new ForkJoinPool(Runtime.getRuntime().availableProcessors());
    directory = Files.createDirectories(Path.of("target", "bench-data")).toAbsolutePath();
  }

  @TearDown(Level.Trial)
  public void stopPool() {
    pool.close();
  }

  private void count(Flops flops) {
    flops.gflop += 2.0 * n * n * n / 1e9;
  }

  @Benchmark
  public double[] multiply_ours(Flops flops) {
    count(flops);
    return ParallelMatrixMultiplication.multiply(a, b, n, n, n, pool);
  }

  @Benchmark
  public double[] multiply_oursProcesses(Flops flops) throws IOException {
    count(flops);
    return ParallelMatrixMultiplication.multiplyInProcesses(
        a, b, n, n, n, Runtime.getRuntime().availableProcessors(), directory);
  }

  @Benchmark
  public double[] multiply_naive(Flops flops) {
    count(flops);
    return ParallelMatrixMultiplication.multiplyNaive(a, b, n, n, n);
  }

  @Benchmark
  public double[][] multiply_midRowWise(Flops flops) {
    count(flops);
    return MatrixMultiplication.multiply(aRows, bRows);
  }

  @Benchmark
  public DMatrixRMaj multiply_ejml(Flops flops) {
    count(flops);
    CommonOps_DDRM.mult(ejmlA, ejmlB, ejmlC);
    return ejmlC;
  }

  @Benchmark
  public DMatrixRMaj multiply_ejmlConcurrent(Flops flops) {
    count(flops);
    CommonOps_MT_DDRM.mult(ejmlA, ejmlB, ejmlC);
    return ejmlC;
  }

  @Benchmark
  public R064Store multiply_ojAlgo(Flops flops) {
    count(flops);
    ojC.fillByMultiplying(ojA, ojB);
    return ojC;
  }
}
