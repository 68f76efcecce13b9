package org.interviewtasks.senior.concurrency.hashing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import org.interviewtasks.common.testing.Seeds;
import org.interviewtasks.common.testing.StdStreams;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class ParallelSha256Test {

  private static final HexFormat HEX = HexFormat.of();

  @TempDir Path dir;

  // ---- oracles, independent of the class under test ------------------------------------------

  static byte[] sha256(byte[]... parts) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      for (byte[] part : parts) {
        digest.update(part);
      }
      return digest.digest();
    } catch (NoSuchAlgorithmException e) {
      throw new AssertionError(e);
    }
  }

  /**
   * The tree hash by its recursive definition: the left subtree covers the largest power of two of
   * leaves below n. This equals the level-by-level pairing with odd nodes carried up, computed a
   * different way.
   */
  static byte[] treeOracle(List<byte[]> leaves, int from, int to) {
    if (to - from == 1) {
      return leaves.get(from);
    }
    int split = Integer.highestOneBit(to - from - 1);
    return sha256(treeOracle(leaves, from, from + split), treeOracle(leaves, from + split, to));
  }

  static byte[] treeOracle(byte[] content, int leafSize) {
    List<byte[]> leaves = new ArrayList<>();
    for (int start = 0; start < content.length; start += leafSize) {
      leaves.add(
          sha256(Arrays.copyOfRange(content, start, Math.min(content.length, start + leafSize))));
    }
    if (leaves.isEmpty()) {
      leaves.add(sha256());
    }
    return treeOracle(leaves, 0, leaves.size());
  }

  /** {@code sha256sum} of coreutils, as a process, over several files at once. */
  static Map<Path, String> sha256sum(List<Path> files) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of("sha256sum", "--"));
    files.forEach(f -> command.add(f.toString()));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    try {
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(process.waitFor(5, TimeUnit.MINUTES)).isTrue();
      assertThat(process.exitValue()).as(output).isZero();
      Map<Path, String> sums = new HashMap<>();
      output.lines().forEach(line -> sums.put(Path.of(line.substring(66)), line.substring(0, 64)));
      return sums;
    } finally {
      process.destroyForcibly();
    }
  }

  Path file(String name, byte[] content) throws IOException {
    return Files.write(dir.resolve(name), content);
  }

  static byte[] random(SplittableRandom random, int length) {
    byte[] bytes = new byte[length];
    random.nextBytes(bytes);
    return bytes;
  }

  // ---- the standard digest -------------------------------------------------------------------

  /** Sizes around SHA-256's 64-byte block (55/56: where the length no longer fits) and buffers. */
  static final int[] SIZES = {
    0, 1, 55, 56, 63, 64, 65, 119, 120, 127, 128, 129, 1000, 4095, 4096, 4097, 65_536, 1_048_575,
    1_048_576, 1_048_577, 3_000_001
  };

  static final int[] BUFFERS = {1, 7, 64, 100, 4096, 65_536, ParallelSha256.DEFAULT_BUFFER_SIZE};

  @Test
  void digestEqualsMessageDigestAndSha256sumAtBlockAndBufferBoundaries() throws Exception {
    SplittableRandom random = new SplittableRandom(Seeds.BASE);
    List<Path> files = new ArrayList<>();
    Map<Path, byte[]> contents = new HashMap<>();
    for (int size : SIZES) {
      byte[] content = random(random, size);
      Path file = file("f" + size + ".bin", content);
      files.add(file);
      contents.put(file, content);
    }
    Map<Path, String> sums = sha256sum(files);
    for (Path file : files) {
      byte[] content = contents.get(file);
      String expected = HEX.formatHex(sha256(content));
      assertThat(sums.get(file)).as("sha256sum of %d bytes", content.length).isEqualTo(expected);
      assertThat(HEX.formatHex(ParallelSha256.sha256(file))).isEqualTo(expected);
      for (int buffer : BUFFERS) {
        if (content.length / buffer <= 5_000) { // at most a few thousand reads per file
          assertThat(HEX.formatHex(ParallelSha256.sha256(file, buffer)))
              .as("%d bytes through a %d-byte buffer", content.length, buffer)
              .isEqualTo(expected);
        }
      }
    }
  }

  @Test
  void emptyFileHasTheWellKnownDigest() throws IOException {
    Path empty = file("empty", new byte[0]);
    assertThat(HEX.formatHex(ParallelSha256.sha256(empty)))
        .isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    assertThat(ParallelSha256.treeHash(empty, 2)).isEqualTo(ParallelSha256.sha256(empty));
  }

  @Test
  void knownAnswerForAbc() throws IOException {
    assertThat(
            HEX.formatHex(
                ParallelSha256.sha256(file("abc", "abc".getBytes(StandardCharsets.US_ASCII)))))
        .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  }

  /**
   * A sparse file of 3 GiB and a few bytes, with non-zero bytes at the start, across the 2 GiB and
   * 3 GiB marks and at the end (positions past {@code Integer.MAX_VALUE}): sha256sum runs as a
   * process at the same time as our digest; the tree hash is checked against leaves hashed with
   * {@link MessageDigest} (every all-zero leaf has the same hash, so the oracle reads only the
   * leaves with markers).
   */
  @Test
  void severalGibibyteSparseFileMatchesSha256sumAndTheTreeOracle() throws Exception {
    long size = 3L * 1024 * 1024 * 1024 + 12_345;
    Path sparse = dir.resolve("sparse.bin");
    long[] markers = {0, (1L << 31) - 2, 3L << 30, size - 1};
    try (RandomAccessFile raf = new RandomAccessFile(sparse.toFile(), "rw")) {
      raf.setLength(size);
      for (long marker : markers) {
        raf.seek(marker);
        raf.write(new byte[] {(byte) 0xA5, (byte) 0x5A}, 0, (int) Math.min(2, size - marker));
      }
    }
    try (ExecutorService background = Executors.newSingleThreadExecutor()) {
      // sha256sum (about 230 MB/s here) runs on one core while ours and the tree hash use the
      // other.
      Future<Map<Path, String>> coreutils = background.submit(() -> sha256sum(List.of(sparse)));
      String ours = HEX.formatHex(ParallelSha256.sha256(sparse));
      byte[] tree = ParallelSha256.treeHash(sparse, 2);
      assertThat(tree).isEqualTo(treeOracle(sparse, size, markers));
      assertThat(ours).isEqualTo(coreutils.get(10, TimeUnit.MINUTES).get(sparse));
    }
  }

  /** The tree of a sparse file: the zero leaf's hash everywhere but where the markers are. */
  private static byte[] treeOracle(Path sparse, long size, long[] markers) throws IOException {
    int leaf = ParallelSha256.LEAF_SIZE;
    int leafCount = (int) ((size + leaf - 1) / leaf);
    byte[] zeroLeaf = sha256(new byte[leaf]);
    List<byte[]> leaves = new ArrayList<>(leafCount);
    for (int i = 0; i < leafCount; i++) {
      leaves.add(zeroLeaf);
    }
    try (RandomAccessFile raf = new RandomAccessFile(sparse.toFile(), "r")) {
      for (long marker : markers) {
        for (long l = marker / leaf; l <= Math.min(leafCount - 1, (marker + 1) / leaf); l++) {
          byte[] content = new byte[(int) Math.min(leaf, size - l * leaf)];
          raf.seek(l * leaf);
          raf.readFully(content);
          leaves.set((int) l, sha256(content));
        }
      }
    }
    return treeOracle(leaves, 0, leafCount);
  }

  // ---- the tree hash -------------------------------------------------------------------------

  static LongStream seeds() {
    return Seeds.derive(40);
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void treeHashMatchesTheRecursiveOracleForAnyShapeAndThreads(long seed) throws IOException {
    SplittableRandom random = new SplittableRandom(seed);
    int leafSize = 1 + random.nextInt(2048);
    int size = random.nextInt(40 * leafSize + 1);
    int threads = 1 + random.nextInt(6);
    byte[] content = random(random, size);
    Path file = file("tree-" + seed, content);
    assertThat(ParallelSha256.treeHash(file, threads, leafSize))
        .as("%d bytes, leaves of %d, %d threads", size, leafSize, threads)
        .isEqualTo(treeOracle(content, leafSize));
  }

  @ParameterizedTest(name = "{0} leaves")
  @ValueSource(ints = {1, 2, 3, 4, 5, 6, 7, 8, 9, 16, 17})
  void everyLeafCountFromOneToSeventeenCombinesLikeGlacier(int leaves) throws IOException {
    byte[] content = random(new SplittableRandom(leaves), leaves * 100 - 37);
    Path file = file("leaves-" + leaves, content);
    for (int threads : new int[] {1, 2, 3, 8}) {
      assertThat(ParallelSha256.treeHash(file, threads, 100)).isEqualTo(treeOracle(content, 100));
    }
  }

  @Test
  void glacierLeavesOfOneMebibyteOnARealFile() throws IOException {
    byte[] content = random(new SplittableRandom(7), 5 * ParallelSha256.LEAF_SIZE + 123);
    Path file = file("glacier.bin", content);
    byte[] expected = treeOracle(content, ParallelSha256.LEAF_SIZE);
    assertThat(ParallelSha256.treeHash(file, 1)).isEqualTo(expected);
    assertThat(ParallelSha256.treeHash(file, 2)).isEqualTo(expected);
    assertThat(expected).isNotEqualTo(sha256(content));
  }

  @Test
  void aFileOfOneLeafHasTheTreeHashOfItsSha256() throws IOException {
    byte[] content = random(new SplittableRandom(8), ParallelSha256.LEAF_SIZE);
    Path file = file("one-leaf.bin", content);
    assertThat(ParallelSha256.treeHash(file, 4)).isEqualTo(sha256(content));
  }

  @Test
  void combineHashesPairsAndCarriesTheOddNodeUp() {
    byte[] a = sha256("a".getBytes(StandardCharsets.UTF_8));
    byte[] b = sha256("b".getBytes(StandardCharsets.UTF_8));
    byte[] c = sha256("c".getBytes(StandardCharsets.UTF_8));
    assertThat(ParallelSha256.combine(List.of(a))).isEqualTo(a).isNotSameAs(a);
    assertThat(ParallelSha256.combine(List.of(a, b))).isEqualTo(sha256(a, b));
    assertThat(ParallelSha256.combine(List.of(a, b, c))).isEqualTo(sha256(sha256(a, b), c));
  }

  @Test
  void concurrentCallersReleasedTogetherAllGetTheSameRoot() throws Exception {
    byte[] content = random(new SplittableRandom(9), 300_000);
    Path file = file("shared.bin", content);
    byte[] expected = treeOracle(content, 4096);
    int callers = 6;
    CountDownLatch start = new CountDownLatch(1);
    List<Future<byte[]>> results = new ArrayList<>();
    try (ExecutorService pool = Executors.newFixedThreadPool(callers)) {
      for (int i = 0; i < callers; i++) {
        int threads = 1 + i % 3;
        results.add(
            pool.submit(
                () -> {
                  start.await();
                  return ParallelSha256.treeHash(file, threads, 4096);
                }));
      }
      start.countDown();
      for (Future<byte[]> result : results) {
        assertThat(result.get(1, TimeUnit.MINUTES)).isEqualTo(expected);
      }
    }
  }

  // ---- errors --------------------------------------------------------------------------------

  @Test
  void rejectsBadArgumentsBeforeTouchingTheFile() {
    Path missing = dir.resolve("missing");
    assertThatNullPointerException()
        .isThrownBy(() -> ParallelSha256.sha256(null))
        .withMessage("file");
    assertThatNullPointerException()
        .isThrownBy(() -> ParallelSha256.treeHash(null, 1))
        .withMessage("file");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> ParallelSha256.sha256(missing, 0))
        .withMessage("bufferSize must be between 1 and 67108864 bytes: 0");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> ParallelSha256.sha256(missing, ParallelSha256.MAX_BUFFER_SIZE + 1))
        .withMessageContaining("67108865");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> ParallelSha256.treeHash(missing, 0))
        .withMessage("threads must be between 1 and 256: 0");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> ParallelSha256.treeHash(missing, 257))
        .withMessageContaining("257");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> ParallelSha256.treeHash(missing, 1, 0))
        .withMessage("leafSize must be between 1 and 67108864 bytes: 0");
  }

  @Test
  void tooManyLeavesIsRejected() throws IOException {
    Path sparse = dir.resolve("many-leaves");
    try (RandomAccessFile raf = new RandomAccessFile(sparse.toFile(), "rw")) {
      raf.setLength(1L << 32);
    }
    assertThatIllegalArgumentException()
        .isThrownBy(() -> ParallelSha256.treeHash(sparse, 2, 1))
        .withMessageContaining("4294967296 leaves of 1 bytes");
  }

  @Test
  void missingFilesAndDirectoriesAreIoErrors() {
    Path missing = dir.resolve("missing");
    assertThatThrownBy(() -> ParallelSha256.sha256(missing))
        .isInstanceOf(NoSuchFileException.class);
    assertThatThrownBy(() -> ParallelSha256.treeHash(missing, 2))
        .isInstanceOf(NoSuchFileException.class);
    assertThatThrownBy(() -> ParallelSha256.sha256(dir)).isInstanceOf(IOException.class);
  }

  @Test
  void combineRejectsEmptyNullAndWrongLengths() {
    assertThatNullPointerException()
        .isThrownBy(() -> ParallelSha256.combine(null))
        .withMessage("leafHashes");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> ParallelSha256.combine(List.of()))
        .withMessage("no leaf hashes: a tree needs at least one leaf");
    assertThatNullPointerException()
        .isThrownBy(() -> ParallelSha256.combine(Arrays.asList(sha256(), null)))
        .withMessage("leafHashes[1]");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> ParallelSha256.combine(List.of(sha256(), new byte[31])))
        .withMessage("leafHashes[1] has 31 bytes, not 32");
  }

  // ---- the command line ----------------------------------------------------------------------

  @Test
  void mainPrintsBothHashes() throws Exception {
    Path file = file("main.txt", "hello\n".getBytes(StandardCharsets.UTF_8));
    String out = StdStreams.capture(() -> ParallelSha256.main(file.toString(), "2")).out();
    String sha = "5891b5b522d5df086d0ff0b110fbd9d21bb4fc7163af34d08286a2e846f6be03";
    assertThat(out)
        .isEqualTo(
            "sha256    "
                + sha
                + "  "
                + file
                + System.lineSeparator()
                + "tree-hash "
                + sha
                + "  "
                + file
                + System.lineSeparator());
    assertThatIllegalArgumentException()
        .isThrownBy(() -> ParallelSha256.main())
        .withMessage("usage: senior.concurrency.2 <file> [threads]");
  }

  @Test
  @EnabledOnOs({OS.LINUX, OS.MAC})
  void aDeviceThatNeverEndsIsRefusedNotHashed() {
    Path zero = Path.of("/dev/zero");
    assertThatThrownBy(() -> ParallelSha256.sha256(zero))
        .isInstanceOf(FileSystemException.class)
        .hasMessage("/dev/zero: is not a regular file (a device or a pipe may never end)");
    assertThatThrownBy(() -> ParallelSha256.treeHash(zero, 2))
        .isInstanceOf(FileSystemException.class)
        .hasMessage("/dev/zero: is not a regular file (a device or a pipe may never end)");
  }
}
