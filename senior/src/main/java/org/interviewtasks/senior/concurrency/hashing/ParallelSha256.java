package org.interviewtasks.senior.concurrency.hashing;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.interviewtasks.common.Args;
import org.interviewtasks.common.RegularFiles;
import org.interviewtasks.common.Task;

/**
 * Hashes a large file with SHA-256: the standard digest, streamed, and a parallel tree hash, the
 * only way to use several cores for one file.
 *
 * <p><b>Why one SHA-256 cannot be split.</b> SHA-256 is a Merkle–Damgård construction: the message
 * is cut into 64-byte blocks and each block is mixed into a 32-byte state by the compression
 * function, {@code state = compress(state, block)}. Block k needs the state left by block k − 1, so
 * the blocks form one chain with no shortcut: hashing the second half of a file "in parallel" would
 * need the state after the first half, which is what we are computing. Partial hashes of chunks
 * cannot be combined into the file's SHA-256 (the final padding also encodes the total length). So
 * {@link #sha256} is sequential by nature: one thread, one buffer reused for the whole file (no
 * allocation per read), bytes read through a {@link FileChannel} into a heap array the digest
 * consumes without another copy. On a CPU with SHA extensions (the JDK uses them as an intrinsic)
 * it runs at memory speed of a single core; the operating system's read-ahead already overlaps the
 * disk with the hashing.
 *
 * <p><b>What can be parallel: a tree hash.</b> Hash fixed-size leaves independently, then hash
 * pairs of hashes up a Merkle tree. That is a <i>different function</i>, not SHA-256 of the file,
 * and both sides must agree on its exact shape. {@link #treeHash} implements the published format
 * of Amazon S3 Glacier's {@code x-amz-sha256-tree-hash}: leaves of 1 MiB ({@link #LEAF_SIZE}, the
 * last one shorter), each hashed with SHA-256; each level hashes the concatenation of consecutive
 * pairs, {@code SHA-256(left ‖ right)}, and an odd node at the end of a level is carried up
 * unchanged; the root is the single hash left. A file of at most one leaf therefore has a tree hash
 * equal to its SHA-256, and an empty file is one empty leaf: SHA-256 of zero bytes. Leaves are
 * hashed on {@code threads} platform threads (CPU-bound work), each pulling the next leaf index
 * from a shared counter and reading it with a positional read of one shared channel, into its own
 * reused buffer and digest; the n − 1 inner hashes of 64 bytes cost nothing beside n leaves of 1
 * MiB, so the levels are combined on the calling thread ({@link #combine}).
 *
 * <p><b>Complexity.</b> Both read every byte once: O(size) time. Memory: one buffer for {@link
 * #sha256}; one leaf buffer per thread plus 32 bytes per leaf for {@link #treeHash}.
 *
 * <p><b>Edge cases and failure modes.</b> The empty file is hashed as described. A file that
 * changes while it is hashed gives a hash of no particular version; a file that shrinks under the
 * tree hash (a leaf ends early) is an {@link IOException}, never a hash of missing bytes. The first
 * failure of a leaf stops the other threads and is rethrown; the pool is always shut down. An
 * interrupted caller gets an {@link InterruptedIOException} with its interrupt flag set.
 *
 * <p><b>Follow-up.</b> <i>"Is this tree hash safe as a general-purpose hash?"</i> Glacier's tree
 * gives leaves and inner nodes the same form, so a 64-byte leaf can look like an inner node; RFC
 * 6962 (Certificate Transparency) prefixes leaves with 0x00 and nodes with 0x01 to prevent such
 * second preimages. Modern hashes built for trees (BLAKE3) do this inside the function. <i>"Why not
 * memory-map the file?"</i> A mapping avoids one copy, but {@link MessageDigest} copies a direct
 * buffer through a small temporary array anyway, and faults on the mapping cost about as much as a
 * read into a reused buffer; the buffered read is simpler and works for files over 2 GiB without
 * many mappings.
 */
@Task(
    id = "senior.concurrency.2",
    title = "SHA-256 of a large file, and a parallel tree hash",
    usage = "<file> [threads]   a regular file; threads 1..256")
public final class ParallelSha256 {

  /** The leaf size of the Glacier tree hash: 1 MiB. */
  public static final int LEAF_SIZE = 1 << 20;

  /** The buffer size of {@link #sha256(Path)}: 1 MiB. */
  public static final int DEFAULT_BUFFER_SIZE = 1 << 20;

  /** The largest buffer or leaf accepted: 64 MiB. */
  public static final int MAX_BUFFER_SIZE = 1 << 26;

  /** The most threads {@link #treeHash} accepts. */
  public static final int MAX_THREADS = 256;

  /** The length of a SHA-256 hash in bytes. */
  public static final int HASH_LENGTH = 32;

  private ParallelSha256() {}

  /**
   * The SHA-256 digest of a file, read sequentially through a 1 MiB buffer.
   *
   * @throws java.nio.file.FileSystemException if it is a device or a pipe, which may never end
   * @throws IOException if the file cannot be read
   */
  public static byte[] sha256(Path file) throws IOException {
    return sha256(file, DEFAULT_BUFFER_SIZE);
  }

  /**
   * The SHA-256 digest of a file, read sequentially through one reused buffer of the given size.
   *
   * @param bufferSize bytes per read, 1 to {@link #MAX_BUFFER_SIZE}
   * @throws IllegalArgumentException if the buffer size is out of range
   * @throws java.nio.file.FileSystemException if it is a device or a pipe, which may never end
   * @throws IOException if the file cannot be read
   */
  public static byte[] sha256(Path file, int bufferSize) throws IOException {
    RegularFiles.requireEnding(file);
    requireSize("bufferSize", bufferSize);
    MessageDigest digest = newDigest();
    byte[] array = new byte[bufferSize];
    ByteBuffer buffer = ByteBuffer.wrap(array);
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
      for (int read = channel.read(buffer); read >= 0; read = channel.read(buffer)) {
        digest.update(array, 0, buffer.position());
        buffer.clear();
      }
    }
    return digest.digest();
  }

  /**
   * The Glacier tree hash of a file: 1 MiB leaves hashed on {@code threads} threads, combined by
   * {@link #combine}.
   *
   * @param threads 1 to {@link #MAX_THREADS}; with 1 the calling thread does all the work
   * @throws IllegalArgumentException if threads is out of range
   * @throws java.nio.file.FileSystemException if it is a device or a pipe, which may never end
   * @throws IOException if the file cannot be read or shrinks while it is hashed
   */
  public static byte[] treeHash(Path file, int threads) throws IOException {
    return treeHash(file, threads, LEAF_SIZE);
  }

  /**
   * A tree hash with another leaf size: the Glacier format at {@link #LEAF_SIZE}, the same tree
   * over smaller or larger leaves otherwise (useful to test many leaves on small files).
   *
   * @param threads 1 to {@link #MAX_THREADS}
   * @param leafSize 1 to {@link #MAX_BUFFER_SIZE} bytes
   * @throws IllegalArgumentException if threads or the leaf size is out of range, or the file has
   *     more than {@link Integer#MAX_VALUE} leaves
   * @throws java.nio.file.FileSystemException if it is a device or a pipe, which may never end
   * @throws IOException if the file cannot be read or shrinks while it is hashed
   */
  public static byte[] treeHash(Path file, int threads, int leafSize) throws IOException {
    RegularFiles.requireEnding(file);
    if (threads < 1 || threads > MAX_THREADS) {
      throw new IllegalArgumentException(
          "threads must be between 1 and " + MAX_THREADS + ": " + threads);
    }
    requireSize("leafSize", leafSize);
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
      long size = channel.size();
      long leafCount = size == 0 ? 1 : (size - 1) / leafSize + 1;
      if (leafCount > Integer.MAX_VALUE) {
        throw new IllegalArgumentException(
            "a file of "
                + size
                + " bytes has "
                + leafCount
                + " leaves of "
                + leafSize
                + " bytes, more than "
                + Integer.MAX_VALUE);
      }
      Leaves leaves = new Leaves(channel, size, leafSize, (int) leafCount);
      int workers = Math.min(threads, leaves.count);
      if (workers == 1) {
        leaves.hashAll();
      } else {
        hashInParallel(leaves, workers);
      }
      return combine(Arrays.asList(leaves.hashes));
    }
  }

  /**
   * Combines leaf hashes up the tree: each level hashes consecutive pairs, {@code SHA-256(left ‖
   * right)}, and carries an odd last node up unchanged, until one hash is left.
   *
   * @param leafHashes the hashes of the leaves in file order, each {@value #HASH_LENGTH} bytes
   * @return the root; the single leaf itself when there is one
   * @throws IllegalArgumentException if the list is empty or a hash is not 32 bytes long
   */
  public static byte[] combine(List<byte[]> leafHashes) {
    Objects.requireNonNull(leafHashes, "leafHashes");
    if (leafHashes.isEmpty()) {
      throw new IllegalArgumentException("no leaf hashes: a tree needs at least one leaf");
    }
    List<byte[]> level = new ArrayList<>(leafHashes.size());
    for (int i = 0; i < leafHashes.size(); i++) {
      byte[] hash = Objects.requireNonNull(leafHashes.get(i), "leafHashes[" + i + "]");
      if (hash.length != HASH_LENGTH) {
        throw new IllegalArgumentException(
            "leafHashes[" + i + "] has " + hash.length + " bytes, not " + HASH_LENGTH);
      }
      level.add(hash);
    }
    MessageDigest digest = newDigest();
    while (level.size() > 1) {
      List<byte[]> up = new ArrayList<>((level.size() + 1) / 2);
      for (int i = 0; i < level.size(); i += 2) {
        if (i + 1 == level.size()) {
          up.add(level.get(i));
        } else {
          digest.update(level.get(i));
          digest.update(level.get(i + 1));
          up.add(digest.digest());
        }
      }
      level = up;
    }
    return level.get(0).clone();
  }

  /** The leaves of one file and their hashes, filled by one or more threads. */
  private static final class Leaves {
    final FileChannel channel;
    final long size;
    final int leafSize;
    final int count;
    final byte[][] hashes;
    final AtomicInteger next = new AtomicInteger();
    final AtomicBoolean failed = new AtomicBoolean();

    Leaves(FileChannel channel, long size, int leafSize, int count) {
      this.channel = channel;
      this.size = size;
      this.leafSize = leafSize;
      this.count = count;
      this.hashes = new byte[count][];
    }

    /** Hashes leaves until none is left or another thread failed; one buffer and digest. */
    void hashAll() throws IOException {
      MessageDigest digest = newDigest();
      byte[] array = new byte[(int) Math.min(leafSize, Math.max(size, 1))];
      ByteBuffer buffer = ByteBuffer.wrap(array);
      for (int leaf = next.getAndIncrement();
          leaf < count && !failed.get();
          leaf = next.getAndIncrement()) {
        long start = (long) leaf * leafSize;
        int length = (int) Math.min(leafSize, size - start);
        buffer.clear().limit(length);
        while (buffer.hasRemaining()) {
          if (channel.read(buffer, start + buffer.position()) < 0) {
            throw new IOException(
                "file shrank while hashing: leaf "
                    + leaf
                    + " ends at byte "
                    + (start + buffer.position())
                    + " of "
                    + size);
          }
        }
        digest.update(array, 0, length);
        hashes[leaf] = digest.digest();
      }
    }
  }

  private static void hashInParallel(Leaves leaves, int workers) throws IOException {
    List<Callable<Void>> tasks = new ArrayList<>(workers);
    for (int w = 0; w < workers; w++) {
      tasks.add(
          () -> {
            try {
              leaves.hashAll();
              return null;
            } catch (IOException | RuntimeException | Error e) {
              leaves.failed.set(true);
              throw e;
            }
          });
    }
    AtomicInteger threadNumber = new AtomicInteger();
    try (ExecutorService pool =
        Executors.newFixedThreadPool(
            workers,
            runnable -> {
              Thread thread =
                  new Thread(runnable, "sha256-leaves-" + threadNumber.incrementAndGet());
              thread.setDaemon(true);
              return thread;
            })) {
      List<Future<Void>> results = pool.invokeAll(tasks);
      for (Future<Void> result : results) {
        result.get();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while hashing leaves");
    } catch (ExecutionException e) {
      switch (e.getCause()) {
        case IOException io -> throw io;
        case RuntimeException runtime -> throw runtime;
        case Error error -> throw error;
        default -> throw new IllegalStateException(e.getCause());
      }
    }
  }

  private static void requireSize(String name, int size) {
    if (size < 1 || size > MAX_BUFFER_SIZE) {
      throw new IllegalArgumentException(
          name + " must be between 1 and " + MAX_BUFFER_SIZE + " bytes: " + size);
    }
  }

  private static MessageDigest newDigest() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform must provide SHA-256", e);
    }
  }

  /**
   * Prints the SHA-256 and the Glacier tree hash of a file, in hex: {@code senior.concurrency.2
   * <file> [threads]} (threads: the number of cores by default).
   *
   * @throws IllegalArgumentException on bad usage
   * @throws UncheckedIOException if the file cannot be read
   */
  public static void main(String... args) {
    if (args.length < 1 || args.length > 2) {
      throw new IllegalArgumentException("usage: senior.concurrency.2 <file> [threads]");
    }
    Path file = Args.toPath(args[0]);
    int threads =
        args.length == 2
            ? Args.toInt(args[1])
            : Math.min(MAX_THREADS, Runtime.getRuntime().availableProcessors());
    try {
      HexFormat hex = HexFormat.of();
      System.out.println("sha256    " + hex.formatHex(sha256(file)) + "  " + file);
      System.out.println("tree-hash " + hex.formatHex(treeHash(file, threads)) + "  " + file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
