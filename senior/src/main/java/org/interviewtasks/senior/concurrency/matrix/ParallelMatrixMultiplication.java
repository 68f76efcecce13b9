package org.interviewtasks.senior.concurrency.matrix;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.nio.ByteOrder;
import java.nio.DoubleBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.RecursiveAction;
import java.util.concurrent.TimeUnit;
import org.interviewtasks.common.Args;
import org.interviewtasks.common.Task;
import org.interviewtasks.senior.infra.ChildJvm;

/**
 * Multiplies matrices in parallel: C = A · B (A is n × m, B is m × p), stored as flat row-major
 * {@code double[]} ({@code a[i * m + k]}), with a cache-blocked kernel split over a {@link
 * ForkJoinPool}, and a variant that shares the matrices with separate worker processes through a
 * memory-mapped file.
 *
 * <p><b>The kernel.</b> The textbook i-j-k loop ({@link #multiplyNaive}) reads B down a column, one
 * cache miss per multiply-add once B is larger than the cache. The i-k-j order (mid's {@code
 * MatrixMultiplication}) streams rows of B and C, which the JIT vectorizes, but for every row of A
 * it streams <i>all</i> of B: at 1024 × 1024 that is 8 MB per row, from memory. The blocked kernel
 * here keeps the i-k-j inner loop and reorders the outer ones so that a tile of B of 128 rows × 256
 * columns (256 KiB, within a core's L2 cache) is reused by every row of a band of C before moving
 * on, and the segment of a C row being updated (2 KiB) stays in L1. Each entry still receives its
 * products in the order k = 0, 1, …, m − 1, and Java never fuses a multiply and an add into an FMA,
 * so the result is <b>bit-for-bit the naive loop's</b>; against other orders of summation (EJML,
 * ojAlgo) it agrees within the usual forward error bound |ΔC| ≤ m · 2⁻⁵³ · |A| · |B| (entry by
 * entry), the tolerance the tests use.
 *
 * <p><b>Parallelism.</b> Row bands of C are independent: a {@link RecursiveAction} halves the row
 * range until a band has at most 32 rows (more for small products, so that a band does at least a
 * million multiply-adds), so bands go to all the pool's threads and idle threads steal. Nothing is
 * shared but read-only A and B, and each band writes its own rows of C: no locks, no false sharing
 * beyond the band edges.
 *
 * <p><b>Processes and shared memory</b> ({@link #multiplyInProcesses}): the Java reading of
 * Python's {@code multiprocessing.shared_memory}. The parent writes A and B once into a file laid
 * out as a header and three regions (A, B, C), maps it, and starts one child JVM per band of rows
 * ({@link BandWorker}); each child maps the same file (the kernel shares the page-cache pages, so
 * nothing is sent through pipes or serialized), copies its band of A and all of B into heap arrays
 * (O(n²) bytes against O(n³) work; the JIT vectorizes loops over arrays, not over buffers), runs
 * the same kernel and writes its rows of C in place into the mapping. The parent waits for every
 * child, then reads C. The costs: a JVM start per worker (a fraction of a second, so processes pay
 * only for large products), and the file, which lives in the directory given (use a tmpfs such as
 * {@code /dev/shm} to keep it off the disk). Threads are the better tool in Java; processes give
 * isolation (a crashing native library takes one worker down, not the caller) and a pattern that
 * scales to other languages sharing the same file.
 *
 * <p><b>Complexity.</b> n · m · p multiply-adds, 2 n m p floating-point operations, O(n m + m p + n
 * p) memory.
 *
 * <p><b>Edge cases and failure modes.</b> Shapes must be at least 1 × 1 and the arrays exactly as
 * long as their shapes; sizes that do not divide the tiles are handled by the tiles' bounds. NaN
 * and infinities follow IEEE 754, as in every numeric library. A worker process that fails or times
 * out (30 minutes) fails the product with its last words, the other workers are destroyed, and the
 * shared file is always deleted.
 *
 * <p><b>Follow-up.</b> <i>"Why not faster still?"</i> Libraries such as OpenBLAS add register
 * blocking (a 4 × 8 block of C held in vector registers), packing of the tiles into contiguous
 * buffers and hand-written FMA kernels, and reach several times more; in Java the Vector API (still
 * incubating) is the road there. <i>"Strassen?"</i> Seven block products instead of eight,
 * O(n^2.81), useful only for large n and less accurate.
 */
@Task(
    id = "senior.concurrency.6",
    title = "Parallel matrix multiplication, threads and processes",
    usage = "[n 1..2048] [--processes]")
public final class ParallelMatrixMultiplication {

  /** Rows of B in a tile. */
  static final int TILE_K = 128;

  /** Columns of B (and C) in a tile. */
  static final int TILE_J = 256;

  /** The most rows of C in one fork/join band. */
  static final int BAND = 32;

  /** The most worker processes {@link #multiplyInProcesses} starts. */
  public static final int MAX_WORKERS = 64;

  /** How long a worker process may take. */
  static final long WORKER_TIMEOUT_MINUTES = 30;

  /** Bytes before the first matrix in the shared file: magic, version, n, m, p. */
  static final int HEADER_BYTES = 32;

  /** The first int of a shared file ("MMUL"). */
  static final int MAGIC = 0x4D4D554C;

  /** The most entries of one matrix: 2²⁸, so that it fits one 2 GiB mapping. */
  public static final long MAX_ELEMENTS = 1L << 28;

  /** The largest n {@link #main} multiplies: 2,048, three matrices of 32 MB, seconds of work. */
  public static final int MAX_DEMO_SIZE = 2_048;

  private ParallelMatrixMultiplication() {}

  /**
   * The textbook i-j-k product, the reference the others are checked against.
   *
   * @throws IllegalArgumentException if a shape is below 1 × 1, too large, or does not match its
   *     array's length
   */
  public static double[] multiplyNaive(double[] a, double[] b, int n, int m, int p) {
    checkShapes(a, b, n, m, p);
    double[] c = new double[n * p];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < p; j++) {
        double sum = 0;
        for (int k = 0; k < m; k++) {
          sum += a[i * m + k] * b[k * p + j];
        }
        c[i * p + j] = sum;
      }
    }
    return c;
  }

  /**
   * The blocked product on the common fork/join pool.
   *
   * @throws IllegalArgumentException if a shape is below 1 × 1, too large, or does not match its
   *     array's length
   */
  public static double[] multiply(double[] a, double[] b, int n, int m, int p) {
    return multiply(a, b, n, m, p, ForkJoinPool.commonPool());
  }

  /**
   * The blocked product, its row bands run on the given pool.
   *
   * @throws IllegalArgumentException if a shape is below 1 × 1, too large, or does not match its
   *     array's length
   */
  public static double[] multiply(double[] a, double[] b, int n, int m, int p, ForkJoinPool pool) {
    checkShapes(a, b, n, m, p);
    Objects.requireNonNull(pool, "pool");
    double[] c = new double[n * p];
    // BAND rows reuse each tile of B; for small products a band does at least 10⁶ multiply-adds,
    // below which a task costs more than it saves.
    int band = (int) Math.min(n, Math.max(BAND, 1_000_000L / ((long) m * p)));
    pool.invoke(new Bands(a, b, c, m, p, 0, n, band));
    return c;
  }

  /** Rows [from, to) of C, halved until a band is small enough. */
  private static final class Bands extends RecursiveAction {
    private static final long serialVersionUID = 1L;

    private final transient double[] a; // fork/join tasks are never serialized
    private final transient double[] b;
    private final transient double[] c;
    private final int m;
    private final int p;
    private final int from;
    private final int to;
    private final int band;

    Bands(double[] a, double[] b, double[] c, int m, int p, int from, int to, int band) {
      this.a = a;
      this.b = b;
      this.c = c;
      this.m = m;
      this.p = p;
      this.from = from;
      this.to = to;
      this.band = band;
    }

    @Override
    protected void compute() {
      if (to - from <= band) {
        multiplyBand(a, 0, b, c, 0, from, to, m, p);
        return;
      }
      int middle = (from + to) >>> 1;
      invokeAll(
          new Bands(a, b, c, m, p, from, middle, band), new Bands(a, b, c, m, p, middle, to, band));
    }
  }

  /**
   * Adds rows [from, to) of A · B into C, tile by tile. Row i of A starts at {@code a[aBase + i *
   * m]} and row i of C at {@code c[cBase + i * p]}, so a worker process can pass arrays that hold
   * only its band (bases {@code -from * m} and {@code -from * p}).
   */
  static void multiplyBand(
      double[] a, int aBase, double[] b, double[] c, int cBase, int from, int to, int m, int p) {
    for (int kk = 0; kk < m; kk += TILE_K) {
      int kEnd = Math.min(m, kk + TILE_K);
      for (int jj = 0; jj < p; jj += TILE_J) {
        int jEnd = Math.min(p, jj + TILE_J);
        for (int i = from; i < to; i++) {
          int aRow = aBase + i * m;
          int cRow = cBase + i * p;
          for (int k = kk; k < kEnd; k++) {
            double aik = a[aRow + k];
            int bRow = k * p;
            for (int j = jj; j < jEnd; j++) {
              c[cRow + j] += aik * b[bRow + j];
            }
          }
        }
      }
    }
  }

  /**
   * The blocked product computed by {@code workers} child JVMs, one band of rows each, in a shared
   * memory-mapped file created (and always deleted) in {@code directory}.
   *
   * @param workers 1 to {@link #MAX_WORKERS}; at most n are started
   * @throws IllegalArgumentException if a shape is below 1 × 1, too large, or does not match its
   *     array's length, or workers is out of range
   * @throws IOException if the file cannot be written, or a worker fails or times out (with the
   *     worker's last line of output)
   */
  public static double[] multiplyInProcesses(
      double[] a, double[] b, int n, int m, int p, int workers, Path directory) throws IOException {
    checkShapes(a, b, n, m, p);
    Objects.requireNonNull(directory, "directory");
    if (workers < 1 || workers > MAX_WORKERS) {
      throw new IllegalArgumentException(
          "workers must be between 1 and " + MAX_WORKERS + ": " + workers);
    }
    int bands = Math.min(workers, n);
    Path file = Files.createTempFile(directory, "matmul-", ".bin");
    List<Path> logs = new ArrayList<>();
    List<Process> processes = new ArrayList<>();
    try (FileChannel channel =
        FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
      SharedMatrices shared = SharedMatrices.create(channel, n, m, p);
      shared.a().put(0, a);
      shared.b().put(0, b);
      for (int w = 0; w < bands; w++) {
        int from = (int) ((long) n * w / bands);
        int to = (int) ((long) n * (w + 1) / bands);
        Path log = Files.createTempFile(directory, "matmul-worker-", ".log");
        logs.add(log);
        processes.add(startWorker(file, from, to, log));
      }
      for (int w = 0; w < bands; w++) {
        awaitWorker(processes.get(w), logs.get(w), w);
      }
      double[] c = new double[n * p];
      shared.c().get(0, c);
      return c;
    } finally {
      for (Process process : processes) {
        process.destroyForcibly();
      }
      for (Process process : processes) {
        try {
          process.onExit().get(1, TimeUnit.MINUTES);
        } catch (Exception e) {
          // best effort: the process was told to die
        }
      }
      for (Path log : logs) {
        Files.deleteIfExists(log);
      }
      Files.deleteIfExists(file);
    }
  }

  private static Process startWorker(Path file, int from, int to, Path log) throws IOException {
    List<String> command =
        ChildJvm.command(
            List.of("-XX:+UseSerialGC"),
            BandWorker.class,
            List.of(file.toString(), Integer.toString(from), Integer.toString(to)));
    return new ProcessBuilder(command)
        .redirectErrorStream(true)
        .redirectOutput(log.toFile())
        .start();
  }

  private static void awaitWorker(Process process, Path log, int index) throws IOException {
    try {
      if (!process.waitFor(WORKER_TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
        throw new IOException(
            "worker " + index + " timed out after " + Duration.ofMinutes(WORKER_TIMEOUT_MINUTES));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while waiting for worker " + index);
    }
    if (process.exitValue() != 0) {
      List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
      throw new IOException(
          "worker "
              + index
              + " exited with "
              + process.exitValue()
              + ": "
              + (lines.isEmpty() ? "(no output)" : lines.get(lines.size() - 1)));
    }
  }

  /**
   * The three matrices of a shared file, each a view of its own mapping (one mapping is limited to
   * 2 GiB).
   */
  record SharedMatrices(int n, int m, int p, DoubleBuffer a, DoubleBuffer b, DoubleBuffer c) {

    /** Sizes the file, writes the header and maps the regions. */
    static SharedMatrices create(FileChannel channel, int n, int m, int p) throws IOException {
      long aBytes = (long) n * m * Double.BYTES;
      long bBytes = (long) m * p * Double.BYTES;
      long cBytes = (long) n * p * Double.BYTES;
      MappedByteBuffer header = channel.map(FileChannel.MapMode.READ_WRITE, 0, HEADER_BYTES);
      header.putInt(0, MAGIC).putInt(4, 1).putInt(8, n).putInt(12, m).putInt(16, p);
      return map(channel, n, m, p, aBytes, bBytes, cBytes);
    }

    /** Maps the regions of an existing file, checking its header. */
    static SharedMatrices open(FileChannel channel) throws IOException {
      MappedByteBuffer header = channel.map(FileChannel.MapMode.READ_ONLY, 0, HEADER_BYTES);
      if (header.getInt(0) != MAGIC || header.getInt(4) != 1) {
        throw new IOException("not a shared matrix file (bad magic or version)");
      }
      int n = header.getInt(8);
      int m = header.getInt(12);
      int p = header.getInt(16);
      return map(
          channel,
          n,
          m,
          p,
          (long) n * m * Double.BYTES,
          (long) m * p * Double.BYTES,
          (long) n * p * Double.BYTES);
    }

    private static SharedMatrices map(
        FileChannel channel, int n, int m, int p, long aBytes, long bBytes, long cBytes)
        throws IOException {
      long aAt = HEADER_BYTES;
      long bAt = aAt + aBytes;
      long cAt = bAt + bBytes;
      return new SharedMatrices(
          n,
          m,
          p,
          region(channel, aAt, aBytes),
          region(channel, bAt, bBytes),
          region(channel, cAt, cBytes));
    }

    private static DoubleBuffer region(FileChannel channel, long at, long bytes)
        throws IOException {
      return channel
          .map(FileChannel.MapMode.READ_WRITE, at, bytes)
          .order(ByteOrder.nativeOrder())
          .asDoubleBuffer();
    }
  }

  static void checkShapes(double[] a, double[] b, int n, int m, int p) {
    Objects.requireNonNull(a, "a");
    Objects.requireNonNull(b, "b");
    checkDimension("n", n);
    checkDimension("m", m);
    checkDimension("p", p);
    checkLength("a", a, n, m);
    checkLength("b", b, m, p);
    if ((long) n * p > MAX_ELEMENTS) {
      throw new IllegalArgumentException(
          "the product would have " + (long) n * p + " entries, more than " + MAX_ELEMENTS);
    }
  }

  private static void checkDimension(String name, int value) {
    if (value < 1) {
      throw new IllegalArgumentException(name + " must be at least 1: " + value);
    }
  }

  private static void checkLength(String name, double[] array, int rows, int columns) {
    long expected = (long) rows * columns;
    if (expected > MAX_ELEMENTS) {
      throw new IllegalArgumentException(
          name + " would have " + expected + " entries, more than " + MAX_ELEMENTS);
    }
    if (array.length != expected) {
      throw new IllegalArgumentException(
          name
              + " has "
              + array.length
              + " entries, a "
              + rows
              + "x"
              + columns
              + " matrix needs "
              + expected);
    }
  }

  /**
   * Multiplies two random n × n matrices with threads (or worker processes) and prints the time and
   * GFLOPS: {@code senior.concurrency.6 [n] [--processes]}, n = 1024 by default.
   *
   * @throws IllegalArgumentException on bad usage
   * @throws UncheckedIOException if the worker processes fail
   */
  public static void main(String... args) {
    boolean processes = List.of(args).contains("--processes");
    List<String> numbers = List.of(args).stream().filter(s -> !s.equals("--processes")).toList();
    if (numbers.size() > 1) {
      throw new IllegalArgumentException("usage: senior.concurrency.6 [n 1..2048] [--processes]");
    }
    int n = numbers.isEmpty() ? 1024 : Args.toInt(numbers.get(0));
    if (n < 1 || n > MAX_DEMO_SIZE) {
      throw new IllegalArgumentException(
          "n must be in 1.." + MAX_DEMO_SIZE + " (three n x n matrices in memory): " + n);
    }
    SplittableRandom random = new SplittableRandom(n);
    double[] a = random.doubles((long) n * n, -1, 1).toArray();
    double[] b = random.doubles((long) n * n, -1, 1).toArray();
    long start = System.nanoTime();
    try {
      if (processes) {
        multiplyInProcesses(
            a,
            b,
            n,
            n,
            n,
            Runtime.getRuntime().availableProcessors(),
            Path.of(System.getProperty("java.io.tmpdir")));
      } else {
        multiply(a, b, n, n, n);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    System.out.printf(
        Locale.ROOT,
        "%dx%d by %dx%d with %s: %.3f s, %.2f GFLOPS%n",
        n,
        n,
        n,
        n,
        processes ? "worker processes" : "fork/join threads",
        seconds,
        2.0 * n * n * n / seconds / 1e9);
  }
}
