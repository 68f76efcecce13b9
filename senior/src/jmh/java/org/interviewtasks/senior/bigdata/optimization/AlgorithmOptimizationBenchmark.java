package org.interviewtasks.senior.bigdata.optimization;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.interviewtasks.senior.bigdata.optimization.AlgorithmOptimization.PageVisitors;
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
 * The access-log report before ({@code naive}) and after ({@code ours}, the optimized version) on
 * the same generated log of 50,000 lines, 200 pages and 5,000 visitors. Allocation per report is
 * measured apart by {@code BigDataFootprints}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@State(Scope.Benchmark)
public class AlgorithmOptimizationBenchmark {

  static final int LINES = 50_000;
  static final Instant FROM = Instant.parse("2024-05-01T00:00:00Z");
  static final Instant TO = Instant.parse("2024-05-02T00:00:00Z");

  private List<String> log;

  @Setup(Level.Trial)
  public void generate() {
    log = AlgorithmOptimization.sampleLog(1, LINES, 200, 5_000);
  }

  @Benchmark
  public List<PageVisitors> topPages_ours() {
    return AlgorithmOptimization.optimized(log, FROM, TO, 10);
  }

  @Benchmark
  public List<PageVisitors> topPages_naive() {
    return AlgorithmOptimization.naive(log, FROM, TO, 10);
  }
}
