package org.interviewtasks.senior.advanced.dispatch;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.interviewtasks.senior.advanced.dispatch.Shapes.Circle;
import org.interviewtasks.senior.advanced.dispatch.Shapes.Collision;
import org.interviewtasks.senior.advanced.dispatch.Shapes.Rectangle;
import org.interviewtasks.senior.advanced.dispatch.Shapes.Shape;
import org.interviewtasks.senior.advanced.dispatch.Shapes.Triangle;
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
 * One two-argument dispatch of the collision rules of {@link Shapes}: our multimethod (cached per
 * class pair, and resolving on every call), against the pattern-matching {@code switch} over the
 * sealed pair and double dispatch by two virtual calls. One operation dispatches 1,024 fixed random
 * pairs of the three shapes (so every call site sees all nine combinations, as a real one would)
 * and JMH divides by 1,024.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(1)
@State(Scope.Benchmark)
public class DynamicDispatchBenchmark {

  static final int PAIRS = 1024;

  final Shape[] firsts = new Shape[PAIRS];
  final Shape[] seconds = new Shape[PAIRS];
  MultiMethod<Collision> multimethod;

  @Setup(Level.Trial)
  public void generate() {
    Shape[] shapes = {new Circle(), new Triangle(), new Rectangle()};
    SplittableRandom random = new SplittableRandom(6);
    for (int i = 0; i < PAIRS; i++) {
      firsts[i] = shapes[random.nextInt(3)];
      seconds[i] = shapes[random.nextInt(3)];
    }
    multimethod = Shapes.byMultiMethod();
  }

  @Benchmark
  @OperationsPerInvocation(PAIRS)
  public int collide_ours() {
    int sum = 0;
    for (int i = 0; i < PAIRS; i++) {
      sum += multimethod.invoke(firsts[i], seconds[i]).rule().length();
    }
    return sum;
  }

  @Benchmark
  @OperationsPerInvocation(PAIRS)
  public int collide_oursUncached() {
    int sum = 0;
    for (int i = 0; i < PAIRS; i++) {
      sum += multimethod.invokeUncached(firsts[i], seconds[i]).rule().length();
    }
    return sum;
  }

  @Benchmark
  @OperationsPerInvocation(PAIRS)
  public int collide_sealedSwitch() {
    int sum = 0;
    for (int i = 0; i < PAIRS; i++) {
      sum += Shapes.bySwitch(firsts[i], seconds[i]).rule().length();
    }
    return sum;
  }

  @Benchmark
  @OperationsPerInvocation(PAIRS)
  public int collide_virtualCall() {
    int sum = 0;
    for (int i = 0; i < PAIRS; i++) {
      sum += firsts[i].collide(seconds[i]).rule().length();
    }
    return sum;
  }
}
