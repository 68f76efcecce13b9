package org.interviewtasks.mid.core;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Two threads incrementing one shared counter: each {@link ThreadSafeCounter.Kind} against what a
 * user would write without the task, a bare {@link AtomicLong} field.
 *
 * <p>Methods are named {@code <measure>_<impl>} for the bench report: {@code
 * increment_oursSynchronized}, {@code increment_oursAtomic} and {@code increment_oursAdder} are
 * each compared with {@code increment_atomicLong}. Under contention the lock parks threads, the
 * compare-and-swap retries, and the adder's striped cells scale; the atomic counter shows what the
 * interface costs over the bare field (nothing, once inlined). One method runs at a time, so the
 * four counters in this state never contend with each other.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 10, time = 1)
@Threads(2)
public class ThreadSafeCounterBenchmark {

  private final ThreadSafeCounter locked = ThreadSafeCounter.Kind.SYNCHRONIZED.create();
  private final ThreadSafeCounter atomic = ThreadSafeCounter.Kind.ATOMIC.create();
  private final ThreadSafeCounter adder = ThreadSafeCounter.Kind.ADDER.create();
  private final AtomicLong bare = new AtomicLong();

  @Benchmark
  public void increment_oursSynchronized() {
    locked.increment();
  }

  @Benchmark
  public void increment_oursAtomic() {
    atomic.increment();
  }

  @Benchmark
  public void increment_oursAdder() {
    adder.increment();
  }

  @Benchmark
  public void increment_atomicLong() {
    bare.incrementAndGet(); // as the atomic counter does: a side effect, nothing to consume
  }
}
