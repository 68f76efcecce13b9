package org.interviewtasks.mid.core;

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
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/** Two threads incrementing one shared counter, for each {@link ThreadSafeCounter.Kind}. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 10, time = 1)
@Threads(2)
public class ThreadSafeCounterBenchmark {

  @Param({"SYNCHRONIZED", "ATOMIC", "ADDER"})
  public ThreadSafeCounter.Kind kind;

  private ThreadSafeCounter counter;

  @Setup
  public void setUp() {
    counter = kind.create();
  }

  @Benchmark
  public void increment() {
    counter.increment();
  }
}
