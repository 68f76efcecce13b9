package org.interviewtasks.senior.concurrency.nativeinterop;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.interviewtasks.senior.concurrency.nativeinterop.NativeInterop.Mechanism;
import org.interviewtasks.senior.concurrency.nativeinterop.NativeInterop.OwnLibrary;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.CompilerControl;
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
 * What a call into C costs, and when C pays it back. {@code emptyCall}: {@code interop_noop}
 * through FFM and JNA against a plain Java method that the JIT is forbidden to inline (inlined, it
 * would cost nothing at all). {@code dot}: the dot product of two {@code double} arrays in C
 * (vectorised: the compiler may reassociate the sum) against the plain Java loop and a Java loop
 * with four partial sums, at a length where the call's cost dominates (16) and one where the work
 * does (65,536). FFM passes the arrays in place ({@code Linker.Option.critical}); JNA copies them.
 * Needs a C compiler on the PATH (the library is compiled in the set-up) and a JDK 22+ for FFM.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(value = 1, jvmArgsAppend = "--enable-native-access=ALL-UNNAMED")
public class NativeInteropBenchmark {

  /** Our library, compiled into a temporary folder, bound both ways. */
  @State(Scope.Benchmark)
  public static class Libraries {
    Path dir;
    OwnLibrary ffm;
    OwnLibrary jna;

    @Setup(Level.Trial)
    public void compile() throws IOException {
      dir = Files.createTempDirectory("interop-bench");
      Path library =
          NativeInterop.compileOwnLibrary(dir)
              .orElseThrow(() -> new IllegalStateException("no C compiler on the PATH"));
      ffm = NativeInterop.ownLibrary(Mechanism.FFM, library);
      jna = NativeInterop.ownLibrary(Mechanism.JNA, library);
    }

    @TearDown(Level.Trial)
    public void delete() {
      ffm.close();
      jna.close();
      try (Stream<Path> files = Files.walk(dir)) {
        files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  /** Two arrays of random doubles. */
  @State(Scope.Benchmark)
  public static class Vectors {
    @Param({"16", "65536"})
    int length;

    double[] a;
    double[] b;

    @Setup(Level.Trial)
    public void fill() {
      SplittableRandom random = new SplittableRandom(7);
      a = random.doubles(length).toArray();
      b = random.doubles(length).toArray();
    }
  }

  @CompilerControl(CompilerControl.Mode.DONT_INLINE)
  static void javaNoop() {}

  /** Four partial sums: what a Java programmer can do by hand to break the chain of additions. */
  static double dotUnrolled(double[] a, double[] b) {
    double s0 = 0;
    double s1 = 0;
    double s2 = 0;
    double s3 = 0;
    int i = 0;
    for (; i + 3 < a.length; i += 4) {
      s0 += a[i] * b[i];
      s1 += a[i + 1] * b[i + 1];
      s2 += a[i + 2] * b[i + 2];
      s3 += a[i + 3] * b[i + 3];
    }
    for (; i < a.length; i++) {
      s0 += a[i] * b[i];
    }
    return (s0 + s1) + (s2 + s3);
  }

  @Benchmark
  public void emptyCall_oursFfm(Libraries libraries) {
    libraries.ffm.noop();
  }

  @Benchmark
  public void emptyCall_oursJna(Libraries libraries) {
    libraries.jna.noop();
  }

  @Benchmark
  public void emptyCall_java() {
    javaNoop();
  }

  @Benchmark
  public double dot_oursFfm(Libraries libraries, Vectors v) {
    return libraries.ffm.dot(v.a, v.b);
  }

  @Benchmark
  public double dot_oursJna(Libraries libraries, Vectors v) {
    return libraries.jna.dot(v.a, v.b);
  }

  @Benchmark
  public double dot_java(Vectors v) {
    return NativeInterop.dotJava(v.a, v.b);
  }

  @Benchmark
  public double dot_javaUnrolled(Vectors v) {
    return dotUnrolled(v.a, v.b);
  }
}
