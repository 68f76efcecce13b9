package org.interviewtasks.senior.concurrency.hashing;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
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
 * Hashing a 1 GiB file of random bytes that sits in the page cache (generated once into {@code
 * target/bench-data}, then read once before measuring): our streamed SHA-256 against coreutils'
 * {@code sha256sum} run as a whole process on the same file (start-up included, as a user would run
 * it), and the Glacier tree hash on one and two threads against the sequential digest.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 6)
@Fork(1)
@State(Scope.Benchmark)
public class ParallelSha256Benchmark {

  static final long BYTES = 1L << 30;
  static final Path DATA = Path.of("target", "bench-data");

  private Path file;

  @Setup(Level.Trial)
  public void file() throws IOException {
    Files.createDirectories(DATA);
    file = DATA.resolve("random-1gib.bin");
    Path done = DATA.resolve("random-1gib.done");
    if (!Files.exists(done) || !Files.exists(file)) {
      Path partial = DATA.resolve("random-1gib.partial");
      SplittableRandom random = new SplittableRandom(2026);
      byte[] block = new byte[1 << 20];
      try (OutputStream out = Files.newOutputStream(partial)) {
        for (long written = 0; written < BYTES; written += block.length) {
          random.nextBytes(block);
          out.write(block);
        }
      }
      Files.move(
          partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      Files.writeString(done, "1 GiB of random bytes, seed 2026");
    }
    ParallelSha256.sha256(file); // into the page cache
  }

  @Benchmark
  public byte[] sha256_ours() throws IOException {
    return ParallelSha256.sha256(file);
  }

  @Benchmark
  public String sha256_sha256sum() throws IOException, InterruptedException {
    Process process = new ProcessBuilder("sha256sum", file.toString()).start();
    try {
      String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
      if (process.waitFor() != 0 || out.length() < 64) {
        throw new IllegalStateException("sha256sum failed: " + out);
      }
      return out.substring(0, 64);
    } finally {
      process.destroyForcibly();
    }
  }

  @Benchmark
  public byte[] treeHash_oursOneThread() throws IOException {
    return ParallelSha256.treeHash(file, 1);
  }

  @Benchmark
  public byte[] treeHash_oursTwoThreads() throws IOException {
    return ParallelSha256.treeHash(file, 2);
  }

  /** The sequential digest again, as the baseline of the tree hash. */
  @Benchmark
  public byte[] treeHash_sequentialSha256() throws IOException {
    return ParallelSha256.sha256(file);
  }
}
