package org.interviewtasks.senior.bigdata.hyperloglog;

import java.util.Locale;
import java.util.Objects;
import org.interviewtasks.common.Args;
import org.interviewtasks.common.Task;

/**
 * Counts the distinct elements of a stream of any length in a few kilobytes, with a relative
 * standard error of about {@code 1.04 / sqrt(m)}: HyperLogLog.
 *
 * <p><b>Approach.</b> Each element is hashed to 64 bits. The first {@code p} bits pick one of
 * {@code m = 2^p} registers; the register keeps the largest "rank" seen, the position of the first
 * 1-bit in the other {@code 64 - p} bits. A rank of r happens once in 2^r elements, so the ranks
 * say how many distinct hashes a register saw, and averaging over m registers tames the variance.
 * Registers take 6 bits each, packed into a {@code long[]} (ranks never exceed 61): {@code 0.75 m}
 * bytes, 3 KiB at p = 12, whatever the stream's size. Adding is O(1) with no allocation; estimating
 * is O(m). Duplicates change nothing, so the sketch counts distinct elements; two sketches merge by
 * taking register-wise maxima, which is exactly the sketch of the union: count per shard, per hour,
 * per server, and combine later.
 *
 * <p><b>Estimators.</b> {@link #classicEstimate()} is the original one (Flajolet et al., 2007): a
 * harmonic mean of {@code 2^register}, which is biased for small counts, so below {@code 2.5 m} it
 * switches to linear counting on the empty registers ({@code m ln(m / empty)}). The raw estimate
 * still has a bias bump between about 2.5m and 5m; HyperLogLog++ (Heule et al., 2013) subtracts an
 * empirical bias table there. {@link #estimate()} instead uses Ertl's improved estimator (2017),
 * which derives the correction from the register histogram (the {@code sigma} and {@code tau}
 * series below) and is unbiased from 0 to beyond 2^60 without tables; it is the default. With a
 * 64-bit hash there is no large-range correction to make. The hash is ours: SplitMix64's finalizer
 * for {@code long}s, and FNV-1a over UTF-16 chars followed by the same finalizer for strings; the
 * same input gives the same hash in every JVM, so sketches built on different machines merge.
 *
 * <p><b>Edge cases.</b> The empty sketch estimates 0. Precision is 4 to 18 (16 registers, 26%
 * error, to 262,144 registers, 0.2% in 192 KiB). Merging sketches of different precisions is
 * rejected. Not thread-safe: give each thread its own sketch and merge them.
 *
 * <p><b>Follow-up.</b> <i>"Small sets in less memory?"</i> HLL++'s sparse mode keeps (index, rank)
 * pairs until they would outgrow the dense array. <i>"Better accuracy for the same memory?"</i>
 * DataSketches' HIP estimator (about 0.84/√m while only adding) or 4-bit registers with an
 * exception table. <i>"Merge different precisions?"</i> Fold the larger one down: a register of p +
 * 1 maps to one of p with its rank adjusted by the dropped bit.
 */
@Task(id = "senior.bigdata.3", title = "HyperLogLog distinct counter")
public final class HyperLogLog {

  /** The smallest precision: 16 registers. */
  public static final int MIN_PRECISION = 4;

  /** The largest precision: 262,144 registers. */
  public static final int MAX_PRECISION = 18;

  private static final int BITS = 6;
  private static final long MASK = (1L << BITS) - 1;
  private static final double ALPHA_INFINITY = 1 / (2 * Math.log(2));

  private final int precision;
  private final int registers;
  private final long[] words;

  /**
   * An empty sketch with {@code 2^precision} registers.
   *
   * @throws IllegalArgumentException if the precision is outside 4..18
   */
  public HyperLogLog(int precision) {
    this.precision = checkPrecision(precision);
    this.registers = 1 << precision;
    this.words = new long[(registers * BITS + 63) >>> 6];
  }

  /**
   * The relative standard error, {@code 1.04 / sqrt(2^precision)}.
   *
   * @throws IllegalArgumentException if the precision is outside 4..18, as for a sketch
   */
  public static double standardError(int precision) {
    return 1.04 / Math.sqrt(1 << checkPrecision(precision));
  }

  private static int checkPrecision(int precision) {
    if (precision < MIN_PRECISION || precision > MAX_PRECISION) {
      throw new IllegalArgumentException(
          "precision must be in " + MIN_PRECISION + ".." + MAX_PRECISION + ": " + precision);
    }
    return precision;
  }

  /** Adds a number. */
  public void add(long item) {
    addHash(hash(item));
  }

  /** Adds a string, by its UTF-16 chars. */
  public void add(CharSequence item) {
    addHash(hash(Objects.requireNonNull(item, "item")));
  }

  /**
   * Adds an element by its 64-bit hash, for callers with their own hash function; the hash must
   * spread its bits evenly (a good mixer, not {@code hashCode()}).
   */
  public void addHash(long hash) {
    int index = (int) (hash >>> (64 - precision));
    long rest = hash << precision;
    int rank = rest == 0 ? 65 - precision : Long.numberOfLeadingZeros(rest) + 1;
    if (rank > register(index)) {
      setRegister(index, rank);
    }
  }

  /**
   * Merges another sketch into this one: this then estimates the union of both streams.
   *
   * @throws IllegalArgumentException if the precisions differ
   */
  public void merge(HyperLogLog other) {
    Objects.requireNonNull(other, "other");
    if (other.precision != precision) {
      throw new IllegalArgumentException(
          "cannot merge a sketch of precision " + other.precision + " into " + precision);
    }
    for (int i = 0; i < registers; i++) {
      int theirs = other.register(i);
      if (theirs > register(i)) {
        setRegister(i, theirs);
      }
    }
  }

  /** The estimated number of distinct elements added: Ertl's improved estimator. */
  public double estimate() {
    int q = 64 - precision;
    int[] histogram = histogram();
    double m = registers;
    double z = m * tau(1 - histogram[q + 1] / m);
    for (int k = q; k >= 1; k--) {
      z = 0.5 * (z + histogram[k]);
    }
    z += m * sigma(histogram[0] / m);
    return ALPHA_INFINITY * m * m / z;
  }

  /** The estimate of the original algorithm, with linear counting for small cardinalities. */
  public double classicEstimate() {
    double m = registers;
    double sum = 0;
    int empty = 0;
    for (int i = 0; i < registers; i++) {
      int value = register(i);
      sum += Double.longBitsToDouble((1023L - value) << 52); // 2^-value, exactly
      if (value == 0) {
        empty++;
      }
    }
    double alpha =
        switch (registers) {
          case 16 -> 0.673;
          case 32 -> 0.697;
          case 64 -> 0.709;
          default -> 0.7213 / (1 + 1.079 / m);
        };
    double raw = alpha * m * m / sum;
    if (raw <= 2.5 * m && empty > 0) {
      return m * Math.log(m / empty);
    }
    return raw;
  }

  /** The precision p: the sketch has 2^p registers. */
  public int precision() {
    return precision;
  }

  /** Bytes of register storage: {@code 6 * 2^p / 8}, rounded up to whole longs. */
  public int sizeInBytes() {
    return words.length * Long.BYTES;
  }

  /** The value of register {@code index}, 0 to 61. */
  int register(int index) {
    long bit = (long) index * BITS;
    int word = (int) (bit >>> 6);
    int shift = (int) (bit & 63);
    long value = words[word] >>> shift;
    if (shift > 64 - BITS) {
      value |= words[word + 1] << (64 - shift);
    }
    return (int) (value & MASK);
  }

  private void setRegister(int index, int value) {
    long bit = (long) index * BITS;
    int word = (int) (bit >>> 6);
    int shift = (int) (bit & 63);
    words[word] = (words[word] & ~(MASK << shift)) | ((long) value << shift);
    if (shift > 64 - BITS) {
      int low = 64 - shift; // bits already written in the first word
      words[word + 1] = (words[word + 1] & ~(MASK >>> low)) | ((long) value >>> low);
    }
  }

  private int[] histogram() {
    int[] histogram = new int[64 - precision + 2];
    for (int i = 0; i < registers; i++) {
      histogram[register(i)]++;
    }
    return histogram;
  }

  /** {@code x + sum over k >= 1 of x^(2^k) 2^(k-1)}; infinite at 1 (all registers empty). */
  static double sigma(double x) {
    if (x == 1) {
      return Double.POSITIVE_INFINITY;
    }
    double power = x;
    double y = 1;
    double z = x;
    double previous;
    do {
      power *= power;
      previous = z;
      z += power * y;
      y += y;
    } while (z != previous);
    return z;
  }

  /** {@code (1 - x - sum over k >= 1 of (1 - x^(2^-k))^2 2^-k) / 3}; 0 at 0 and 1. */
  static double tau(double x) {
    if (x == 0 || x == 1) {
      return 0;
    }
    double root = x;
    double y = 1;
    double z = 1 - x;
    double previous;
    do {
      root = Math.sqrt(root);
      previous = z;
      y *= 0.5;
      z -= (1 - root) * (1 - root) * y;
    } while (z != previous);
    return z / 3;
  }

  /** SplitMix64's finalizer over the number offset by the golden ratio: a bijection on longs. */
  static long hash(long item) {
    long z = item + 0x9E3779B97F4A7C15L;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  /** FNV-1a over the UTF-16 chars, then the same finalizer as {@link #hash(long)}. */
  static long hash(CharSequence item) {
    long h = 0xCBF29CE484222325L;
    for (int i = 0, n = item.length(); i < n; i++) {
      h = (h ^ item.charAt(i)) * 0x100000001B3L;
    }
    return hash(h ^ item.length());
  }

  /**
   * Adds {@code count} distinct numbers to a sketch of the given precision and prints the estimate,
   * its error and the sketch's size: {@code senior.bigdata.3 12 1000000}.
   *
   * @throws IllegalArgumentException on malformed arguments
   */
  public static void main(String... args) {
    if (args.length != 2) {
      throw new IllegalArgumentException("usage: senior.bigdata.3 <precision 4..18> <count>");
    }
    HyperLogLog sketch = new HyperLogLog(Args.toInt(args[0]));
    long count = Args.toLong(args[1]);
    if (count < 0) {
      throw new IllegalArgumentException("count must not be negative: " + count);
    }
    for (long i = 0; i < count; i++) {
      sketch.add(i);
    }
    double estimate = sketch.estimate();
    System.out.printf(
        Locale.ROOT,
        "%d distinct, estimated %.0f (error %+.2f%%, standard error %.2f%%) in %d bytes%n",
        count,
        estimate,
        count == 0 ? 0.0 : 100 * (estimate - count) / count,
        100 * standardError(sketch.precision),
        sketch.sizeInBytes());
  }
}
