package org.interviewtasks.mid.testing;

import java.util.List;
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
 * The measured difference of the optimisation the JFR profile pointed to: counting distinct words
 * with a hash set ({@code countDistinct_ours}, after) against the list scan it replaced ({@code
 * countDistinct_listScan}, before).
 *
 * <p>Run: {@code ./mvnw -B -ntp -pl mid -Pbench -DskipTests verify
 * -Dbench.include=ProfilingWithJfr}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 10, time = 1)
public class ProfilingWithJfrBenchmark {

  @Param({"1000", "10000"})
  public int n;

  private List<String> words;

  @Setup
  public void words() {
    words = ProfilingWithJfr.words(n, n, 42);
  }

  @Benchmark
  public int countDistinct_listScan() {
    return ProfilingWithJfr.countDistinctSlow(words);
  }

  @Benchmark
  public int countDistinct_ours() {
    return ProfilingWithJfr.countDistinctFast(words);
  }
}
