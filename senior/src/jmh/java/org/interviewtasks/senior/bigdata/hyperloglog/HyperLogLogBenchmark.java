package org.interviewtasks.senior.bigdata.hyperloglog;

import java.util.concurrent.TimeUnit;
import org.apache.datasketches.hll.HllSketch;
import org.apache.datasketches.hll.TgtHllType;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Updates per microsecond at equal memory: our sketch and DataSketches' {@code HllSketch} of type
 * HLL_6, both with 2^12 registers of 6 bits (3 KiB), each fed distinct longs (a counter), 1024 per
 * invocation. Estimation error is measured apart, over many seeds, by {@code BigDataFootprints}.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 10, time = 1)
@Fork(1)
@State(Scope.Benchmark)
public class HyperLogLogBenchmark {

  static final int PRECISION = 12;
  private static final int BATCH = 1024;

  private HyperLogLog ours;
  private HllSketch theirs;
  private long next;

  @Setup(Level.Iteration)
  public void fresh() {
    ours = new HyperLogLog(PRECISION);
    theirs = new HllSketch(PRECISION, TgtHllType.HLL_6);
  }

  @Benchmark
  @OperationsPerInvocation(BATCH)
  public HyperLogLog update_ours() {
    long start = next;
    for (long i = start; i < start + BATCH; i++) {
      ours.add(i);
    }
    next = start + BATCH;
    return ours;
  }

  @Benchmark
  @OperationsPerInvocation(BATCH)
  public HllSketch update_dataSketches() {
    long start = next;
    for (long i = start; i < start + BATCH; i++) {
      theirs.update(i);
    }
    next = start + BATCH;
    return theirs;
  }
}
