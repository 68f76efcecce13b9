package org.interviewtasks.senior.concurrency.matrix;

import java.nio.channels.FileChannel;
import java.nio.file.StandardOpenOption;
import org.interviewtasks.common.Args;
import org.interviewtasks.senior.concurrency.matrix.ParallelMatrixMultiplication.SharedMatrices;

/**
 * The main class of a worker process of {@link ParallelMatrixMultiplication#multiplyInProcesses}:
 * {@code java -cp <class path> BandWorker <shared file> <from> <to>} maps the file, computes rows
 * [from, to) of C and writes them in place, then exits 0. On failure it prints the stack trace and
 * a last line {@code worker failed: <cause>} that the parent quotes, and exits 1.
 */
public final class BandWorker {

  private BandWorker() {}

  /** Computes the band and exits with its status. */
  public static void main(String... args) {
    int status = run(args);
    if (status != 0) {
      System.exit(status);
    }
  }

  /** Computes the band; 0 on success, 1 if it failed, 2 on bad usage. */
  static int run(String... args) {
    if (args.length != 3) {
      System.err.println("usage: BandWorker <shared file> <from> <to>");
      return 2;
    }
    try (FileChannel channel =
        FileChannel.open(Args.toPath(args[0]), StandardOpenOption.READ, StandardOpenOption.WRITE)) {
      SharedMatrices shared = SharedMatrices.open(channel);
      int from = Integer.parseInt(args[1]);
      int to = Integer.parseInt(args[2]);
      int n = shared.n();
      int m = shared.m();
      int p = shared.p();
      if (from < 0 || to > n || from >= to) {
        throw new IllegalArgumentException(
            "rows [" + from + ", " + to + ") are not a band of a matrix with " + n + " rows");
      }
      // Heap copies of the inputs this band reads, O(n²) against O(n³) work: the JIT vectorizes
      // loops over arrays. The result goes straight into the shared mapping.
      double[] aBand = new double[(to - from) * m];
      shared.a().get(from * m, aBand);
      double[] b = new double[m * p];
      shared.b().get(0, b);
      double[] cBand = new double[(to - from) * p];
      ParallelMatrixMultiplication.multiplyBand(
          aBand, -from * m, b, cBand, -from * p, from, to, m, p);
      shared.c().put(from * p, cBand);
      return 0;
    } catch (Exception | Error e) {
      e.printStackTrace();
      System.err.println("worker failed: " + e);
      return 1;
    }
  }
}
