package org.interviewtasks.senior.concurrency.matrix;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.interviewtasks.common.testing.Seeds;
import org.interviewtasks.common.testing.StdStreams;
import org.interviewtasks.mid.algorithms.MatrixMultiplication;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ParallelMatrixMultiplicationTest {

  private static ForkJoinPool[] pools;

  @TempDir Path dir;

  @BeforeAll
  static void startPools() {
    pools = new ForkJoinPool[] {new ForkJoinPool(1), new ForkJoinPool(2), new ForkJoinPool(3)};
  }

  @AfterAll
  static void stopPools() {
    for (ForkJoinPool pool : pools) {
      pool.close();
    }
  }

  static double[] random(SplittableRandom random, int length) {
    double[] values = new double[length];
    for (int i = 0; i < length; i++) {
      values[i] = random.nextInt(10) == 0 ? 0 : random.nextDouble(-100, 100);
    }
    return values;
  }

  /**
   * The stated tolerance: every entry within m · 2⁻⁵² of Σₖ |a_ik| · |b_kj| of the reference (the
   * forward error bound of a dot product of length m, doubled to cover both sides' rounding).
   */
  static void assertWithinTolerance(
      double[] actual, double[] reference, double[] a, double[] b, int n, int m, int p) {
    double[] bound =
        ParallelMatrixMultiplication.multiplyNaive(abs(a), abs(b), n, m, p); // |A| · |B|
    double epsilon = m * Math.ulp(1.0);
    for (int i = 0; i < n * p; i++) {
      assertThat(Math.abs(actual[i] - reference[i]))
          .as("entry [%d][%d]", i / p, i % p)
          .isLessThanOrEqualTo(epsilon * bound[i]);
    }
  }

  static double[] abs(double[] values) {
    double[] abs = new double[values.length];
    for (int i = 0; i < values.length; i++) {
      abs[i] = Math.abs(values[i]);
    }
    return abs;
  }

  static double[] ejml(double[] a, double[] b, int n, int m, int p) {
    DMatrixRMaj c = new DMatrixRMaj(n, p);
    CommonOps_DDRM.mult(DMatrixRMaj.wrap(n, m, a), DMatrixRMaj.wrap(m, p, b), c);
    return c.data;
  }

  static double[][] rows(double[] flat, int rows, int columns) {
    double[][] matrix = new double[rows][];
    for (int i = 0; i < rows; i++) {
      matrix[i] = java.util.Arrays.copyOfRange(flat, i * columns, (i + 1) * columns);
    }
    return matrix;
  }

  static Stream<Arguments> shapes() {
    return Stream.of(
        Arguments.of(1, 1, 1),
        Arguments.of(1, 7, 1),
        Arguments.of(3, 1, 4),
        Arguments.of(7, 13, 5),
        Arguments.of(64, 64, 64),
        Arguments.of(200, 200, 200), // square, not a multiple of the tiles
        Arguments.of(129, 130, 257), // one past the tiles in every direction
        Arguments.of(31, 300, 33),
        Arguments.of(300, 3, 300));
  }

  @ParameterizedTest(name = "{0}x{1} by {1}x{2}")
  @MethodSource("shapes")
  void blockedProductIsTheNaiveLoopsBitForBitAndWithinToleranceOfEjml(int n, int m, int p) {
    SplittableRandom random = new SplittableRandom(n * 31L + m * 7L + p);
    double[] a = random(random, n * m);
    double[] b = random(random, m * p);
    double[] naive = ParallelMatrixMultiplication.multiplyNaive(a, b, n, m, p);
    for (ForkJoinPool pool : pools) {
      assertThat(ParallelMatrixMultiplication.multiply(a, b, n, m, p, pool)).isEqualTo(naive);
    }
    assertThat(ParallelMatrixMultiplication.multiply(a, b, n, m, p)).isEqualTo(naive);
    assertWithinTolerance(naive, ejml(a, b, n, m, p), a, b, n, m, p);
    double[][] mid = MatrixMultiplication.multiply(rows(a, n, m), rows(b, m, p));
    assertThat(mid).isDeepEqualTo(rows(naive, n, p));
  }

  static LongStream seeds() {
    return Seeds.derive(25);
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void randomShapesAgreeWithTheNaiveLoopAndEjml(long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    int n = 1 + random.nextInt(random.nextBoolean() ? 10 : 280);
    int m = 1 + random.nextInt(random.nextBoolean() ? 10 : 280);
    int p = 1 + random.nextInt(random.nextBoolean() ? 10 : 280);
    double[] a = random(random, n * m);
    double[] b = random(random, m * p);
    double[] c = ParallelMatrixMultiplication.multiply(a, b, n, m, p, pools[random.nextInt(3)]);
    assertThat(c)
        .as("%dx%d by %dx%d", n, m, m, p)
        .isEqualTo(ParallelMatrixMultiplication.multiplyNaive(a, b, n, m, p));
    assertWithinTolerance(c, ejml(a, b, n, m, p), a, b, n, m, p);
  }

  @Test
  void knownSmallProduct() {
    double[] a = {1, 2, 3, 4, 5, 6}; // 2x3
    double[] b = {7, 8, 9, 10, 11, 12}; // 3x2
    assertThat(ParallelMatrixMultiplication.multiply(a, b, 2, 3, 2))
        .containsExactly(58, 64, 139, 154);
    assertThat(ParallelMatrixMultiplication.multiply(new double[] {3}, new double[] {-2}, 1, 1, 1))
        .containsExactly(-6);
  }

  @Test
  void nanAndInfinityFollowIeee754() {
    double[] a = {Double.NaN, 0, 1, 1};
    double[] b = {1, 2, Double.POSITIVE_INFINITY, 1};
    double[] c = ParallelMatrixMultiplication.multiply(a, b, 2, 2, 2);
    assertThat(c).isEqualTo(ParallelMatrixMultiplication.multiplyNaive(a, b, 2, 2, 2));
    assertThat(c[0]).isNaN(); // NaN * 1 + 0 * inf
    assertThat(c[2]).isEqualTo(Double.POSITIVE_INFINITY);
  }

  @Test
  void theInputsAreNotModified() {
    SplittableRandom random = new SplittableRandom(3);
    double[] a = random(random, 40 * 50);
    double[] b = random(random, 50 * 60);
    double[] aCopy = a.clone();
    double[] bCopy = b.clone();
    ParallelMatrixMultiplication.multiply(a, b, 40, 50, 60);
    assertThat(a).isEqualTo(aCopy);
    assertThat(b).isEqualTo(bCopy);
  }

  @Test
  void concurrentCallersReleasedTogetherShareAPool() throws Exception {
    SplittableRandom random = new SplittableRandom(4);
    int n = 150;
    double[] a = random(random, n * n);
    double[] b = random(random, n * n);
    double[] expected = ParallelMatrixMultiplication.multiplyNaive(a, b, n, n, n);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<double[]>> results = new ArrayList<>();
    try (ExecutorService callers = Executors.newFixedThreadPool(4)) {
      for (int i = 0; i < 4; i++) {
        results.add(
            callers.submit(
                () -> {
                  start.await();
                  return ParallelMatrixMultiplication.multiply(a, b, n, n, n, pools[1]);
                }));
      }
      start.countDown();
      for (Future<double[]> result : results) {
        assertThat(result.get(1, TimeUnit.MINUTES)).isEqualTo(expected);
      }
    }
  }

  // ---- worker processes over a shared mapped file --------------------------------------------

  @Test
  void workerProcessesComputeTheirBandsInTheSharedFile() throws IOException {
    SplittableRandom random = new SplittableRandom(5);
    int n = 70;
    int m = 45;
    int p = 33;
    double[] a = random(random, n * m);
    double[] b = random(random, m * p);
    double[] c = ParallelMatrixMultiplication.multiplyInProcesses(a, b, n, m, p, 3, dir);
    assertThat(c).isEqualTo(ParallelMatrixMultiplication.multiplyNaive(a, b, n, m, p));
    try (Stream<Path> left = Files.list(dir)) {
      assertThat(left).as("shared file and logs deleted").isEmpty();
    }
  }

  @Test
  void aOneByOneProductNeedsOneWorkerWhateverIsAsked() throws IOException {
    assertThat(
            ParallelMatrixMultiplication.multiplyInProcesses(
                new double[] {1.5}, new double[] {-4}, 1, 1, 1, 8, dir))
        .containsExactly(-6);
    try (Stream<Path> left = Files.list(dir)) {
      assertThat(left).isEmpty();
    }
  }

  @Test
  void theWorkerComputesItsBandInPlace() throws IOException {
    SplittableRandom random = new SplittableRandom(6);
    int n = 9;
    int m = 4;
    int p = 5;
    double[] a = random(random, n * m);
    double[] b = random(random, m * p);
    Path file = dir.resolve("shared.bin");
    try (FileChannel channel =
        FileChannel.open(
            file,
            StandardOpenOption.CREATE_NEW,
            StandardOpenOption.READ,
            StandardOpenOption.WRITE)) {
      var shared = ParallelMatrixMultiplication.SharedMatrices.create(channel, n, m, p);
      shared.a().put(0, a);
      shared.b().put(0, b);
      assertThat(BandWorker.run(file.toString(), "2", "6")).isZero();
      double[] c = new double[n * p];
      shared.c().get(0, c);
      double[] expected = ParallelMatrixMultiplication.multiplyNaive(a, b, n, m, p);
      for (int i = 0; i < n; i++) {
        for (int j = 0; j < p; j++) {
          assertThat(c[i * p + j]).isEqualTo(i >= 2 && i < 6 ? expected[i * p + j] : 0.0);
        }
      }
    }
  }

  @Test
  void theWorkerReportsBadUsageAndBadFiles() throws Exception {
    Path notShared = Files.write(dir.resolve("not-shared.bin"), new byte[64]);
    var usage = StdStreams.capture(() -> assertThat(BandWorker.run("x")).isEqualTo(2));
    assertThat(usage.err()).contains("usage: BandWorker <shared file> <from> <to>");
    var badMagic =
        StdStreams.capture(
            () -> assertThat(BandWorker.run(notShared.toString(), "0", "1")).isOne());
    assertThat(badMagic.err())
        .contains("worker failed: java.io.IOException: not a shared matrix file");
    Path file = dir.resolve("shared.bin");
    try (FileChannel channel =
        FileChannel.open(
            file,
            StandardOpenOption.CREATE_NEW,
            StandardOpenOption.READ,
            StandardOpenOption.WRITE)) {
      ParallelMatrixMultiplication.SharedMatrices.create(channel, 3, 1, 1);
    }
    var badBand =
        StdStreams.capture(() -> assertThat(BandWorker.run(file.toString(), "2", "4")).isOne());
    assertThat(badBand.err())
        .contains("worker failed: java.lang.IllegalArgumentException: rows [2, 4) are not a band");
  }

  // ---- arguments -----------------------------------------------------------------------------

  @Test
  void rejectsBadShapesAndArguments() {
    double[] one = {1};
    assertThatNullPointerException()
        .isThrownBy(() -> ParallelMatrixMultiplication.multiply(null, one, 1, 1, 1))
        .withMessage("a");
    assertThatNullPointerException()
        .isThrownBy(() -> ParallelMatrixMultiplication.multiplyNaive(one, null, 1, 1, 1))
        .withMessage("b");
    assertThatNullPointerException()
        .isThrownBy(() -> ParallelMatrixMultiplication.multiply(one, one, 1, 1, 1, null))
        .withMessage("pool");
    assertThatNullPointerException()
        .isThrownBy(
            () -> ParallelMatrixMultiplication.multiplyInProcesses(one, one, 1, 1, 1, 1, null))
        .withMessage("directory");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> ParallelMatrixMultiplication.multiply(one, one, 0, 1, 1))
        .withMessage("n must be at least 1: 0");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> ParallelMatrixMultiplication.multiply(one, one, 1, -1, 1))
        .withMessage("m must be at least 1: -1");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> ParallelMatrixMultiplication.multiply(one, one, 1, 1, 0))
        .withMessage("p must be at least 1: 0");
    assertThatIllegalArgumentException()
        .isThrownBy(
            () -> ParallelMatrixMultiplication.multiply(new double[6], new double[6], 2, 3, 3))
        .withMessage("b has 6 entries, a 3x3 matrix needs 9");
    assertThatIllegalArgumentException()
        .isThrownBy(
            () -> ParallelMatrixMultiplication.multiply(new double[5], new double[6], 2, 3, 2))
        .withMessage("a has 5 entries, a 2x3 matrix needs 6");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> ParallelMatrixMultiplication.multiply(one, one, 1 << 15, 1 << 14, 1))
        .withMessage("a would have 536870912 entries, more than 268435456");
    assertThatIllegalArgumentException()
        .isThrownBy(
            () ->
                ParallelMatrixMultiplication.multiply(
                    new double[1 << 15], new double[1 << 14], 1 << 15, 1, 1 << 14))
        .withMessage("the product would have 536870912 entries, more than 268435456");
    assertThatIllegalArgumentException()
        .isThrownBy(
            () -> ParallelMatrixMultiplication.multiplyInProcesses(one, one, 1, 1, 1, 0, dir))
        .withMessage("workers must be between 1 and 64: 0");
    assertThatIllegalArgumentException()
        .isThrownBy(
            () -> ParallelMatrixMultiplication.multiplyInProcesses(one, one, 1, 1, 1, 65, dir))
        .withMessage("workers must be between 1 and 64: 65");
  }

  @Test
  void mainPrintsTheRate() throws Exception {
    String out = StdStreams.capture(() -> ParallelMatrixMultiplication.main("48")).out();
    assertThat(out).matches("48x48 by 48x48 with fork/join threads: [0-9.]+ s, [0-9.]+ GFLOPS\\R");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> ParallelMatrixMultiplication.main("1", "2"))
        .withMessage("usage: senior.concurrency.6 [n 1..2048] [--processes]");
  }

  @Test
  void theCommandLineMultipliesAtMost2048Square() {
    for (String n : new String[] {"0", "-2147483648", "2049", "2147483647"}) {
      assertThatIllegalArgumentException()
          .isThrownBy(() -> ParallelMatrixMultiplication.main(n))
          .withMessage("n must be in 1..2048 (three n x n matrices in memory): " + n);
    }
  }
}
