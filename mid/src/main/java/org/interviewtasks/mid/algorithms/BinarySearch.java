package org.interviewtasks.mid.algorithms;

import java.util.Arrays;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.function.LongPredicate;
import org.interviewtasks.common.Args;
import org.interviewtasks.common.Task;

/**
 * The binary-search toolbox: first and last occurrence, counts, floor and ceiling in a sorted
 * array, and binary search over an answer instead of an array.
 *
 * <p><b>What mid adds over junior.</b> {@link org.interviewtasks.junior.algorithms.BinarySearch}
 * (junior.algorithms.7) finds a key and provides the two primitives, {@code lowerBound} (first
 * element {@code >= key}) and {@code upperBound} (first element {@code > key}). Every question here
 * is one or two calls to them, and this class delegates to junior for both: the last occurrence is
 * just before the upper bound, the count of a key is {@code upperBound - lowerBound}, the floor
 * (largest element {@code <= key}) is just before the upper bound, the ceiling (smallest {@code >=
 * key}) is the lower bound. Seeing them as bounds rather than as "find, then walk left or right"
 * keeps every variant O(log n), even with a million duplicates.
 *
 * <p><b>Search on the answer.</b> Binary search needs no array, only a monotone predicate: false up
 * to some point, true from there on. {@link #firstTrue} finds that point in O(log(hi − lo))
 * evaluations, over the whole {@code long} range without overflow (the midpoint is computed as
 * {@code (lo & hi) + ((lo ^ hi) >> 1)}, which cannot overflow, where {@code (lo + hi) / 2} can).
 * Two classic uses: {@link #isqrt}, the largest x with x² ≤ n, exact where {@code Math.sqrt} on a
 * {@code double} is not above 2⁵³; and {@link #minimumCapacity}, the smallest ship capacity that
 * carries parcels in order within d days: checking one capacity is a greedy O(n) pass, and larger
 * capacities never need more days, so the answer is searched between the heaviest parcel and the
 * total weight, O(n log(total)).
 *
 * <p><b>Edge cases.</b> Absent keys give −1 (occurrences), 0 (counts) or an empty optional (floor,
 * ceiling, a predicate that is never true). The array must be sorted ascending; that is not checked
 * (it would cost O(n)), and an unsorted array gives unspecified answers. A non-monotone predicate
 * gives some point where it changes from false to true, not necessarily the first true. {@link
 * #countBetween} with {@code from > to} is an {@link IllegalArgumentException}, as are a negative n
 * for {@link #isqrt} and bad parcels or days for {@link #minimumCapacity}.
 *
 * <p><b>Follow-up.</b> <i>"On doubles?"</i> Iterate a fixed number of times (100 halvings exhaust a
 * double's precision) rather than until {@code hi - lo < eps}, which may never hold for large
 * values. <i>"Rotated sorted array?"</i> One half of any range is sorted; test whether the key is
 * in it and keep that half or the other.
 */
@Task(id = "mid.algorithms.1", title = "Binary search variants", usage = "<key> [sorted number...]")
public final class BinarySearch {

  private BinarySearch() {}

  /** The index of the first element equal to {@code key}, or -1 if there is none. */
  public static int firstOccurrence(int[] sorted, int key) {
    int index = org.interviewtasks.junior.algorithms.BinarySearch.search(sorted, key);
    return index >= 0 ? index : -1;
  }

  /** The index of the last element equal to {@code key}, or -1 if there is none. */
  public static int lastOccurrence(int[] sorted, int key) {
    int last = upperBound(sorted, key) - 1;
    return last >= 0 && sorted[last] == key ? last : -1;
  }

  /** How many elements equal {@code key}. */
  public static int count(int[] sorted, int key) {
    return upperBound(sorted, key) - lowerBound(sorted, key);
  }

  /**
   * How many elements lie in {@code [from, to]}, both included.
   *
   * @throws IllegalArgumentException if {@code from > to}
   */
  public static int countBetween(int[] sorted, int from, int to) {
    if (from > to) {
      throw new IllegalArgumentException("empty range: from " + from + " > to " + to);
    }
    return upperBound(sorted, to) - lowerBound(sorted, from);
  }

  /** The index of the largest element {@code <= key} (the last, if it repeats), if any. */
  public static OptionalInt floor(int[] sorted, int key) {
    int index = upperBound(sorted, key) - 1;
    return index >= 0 ? OptionalInt.of(index) : OptionalInt.empty();
  }

  /** The index of the smallest element {@code >= key} (the first, if it repeats), if any. */
  public static OptionalInt ceiling(int[] sorted, int key) {
    int index = lowerBound(sorted, key);
    return index < sorted.length ? OptionalInt.of(index) : OptionalInt.empty();
  }

  private static int lowerBound(int[] sorted, int key) {
    return org.interviewtasks.junior.algorithms.BinarySearch.lowerBound(sorted, key);
  }

  private static int upperBound(int[] sorted, int key) {
    return org.interviewtasks.junior.algorithms.BinarySearch.upperBound(sorted, key);
  }

  /**
   * The smallest x in {@code [lo, hi]} for which {@code predicate} is true, assuming it is false
   * below some point and true from there on; empty if it is false on the whole range.
   *
   * @throws IllegalArgumentException if {@code lo > hi}
   */
  public static OptionalLong firstTrue(long lo, long hi, LongPredicate predicate) {
    Objects.requireNonNull(predicate, "predicate");
    if (lo > hi) {
      throw new IllegalArgumentException("empty range: lo " + lo + " > hi " + hi);
    }
    // Invariant: the answer, if any, is in [low, high]; high is true or the range end.
    long low = lo;
    long high = hi;
    while (low < high) {
      long mid = (low & high) + ((low ^ high) >> 1); // floor((low + high) / 2), without overflow
      if (predicate.test(mid)) {
        high = mid;
      } else {
        low = mid + 1;
      }
    }
    return predicate.test(low) ? OptionalLong.of(low) : OptionalLong.empty();
  }

  /**
   * The integer square root: the largest x with x² &lt;= n.
   *
   * @throws IllegalArgumentException if n is negative
   */
  public static long isqrt(long n) {
    if (n < 0) {
      throw new IllegalArgumentException("no square root of a negative number: " + n);
    }
    // The first x whose square exceeds n; x > n / x is x * x > n without overflow.
    return firstTrue(1, 3_037_000_500L, x -> x > n / x).orElseThrow() - 1;
  }

  /**
   * The smallest capacity that ships the parcels, in the given order, within {@code days} days, a
   * day's load being consecutive parcels that weigh at most the capacity together.
   *
   * @throws IllegalArgumentException if there are no parcels, a weight is not positive, or {@code
   *     days < 1}
   */
  public static long minimumCapacity(int[] weights, int days) {
    Objects.requireNonNull(weights, "weights");
    if (weights.length == 0) {
      throw new IllegalArgumentException("no parcels to ship");
    }
    if (days < 1) {
      throw new IllegalArgumentException("days must be at least 1, was " + days);
    }
    long heaviest = 0;
    long total = 0;
    for (int i = 0; i < weights.length; i++) {
      if (weights[i] <= 0) {
        throw new IllegalArgumentException(
            "weight at index " + i + " must be positive, was " + weights[i]);
      }
      heaviest = Math.max(heaviest, weights[i]);
      total += weights[i];
    }
    return firstTrue(heaviest, total, capacity -> daysNeeded(weights, capacity) <= days)
        .orElseThrow(); // the total always fits in one day
  }

  private static int daysNeeded(int[] weights, long capacity) {
    int days = 1;
    long load = 0;
    for (int weight : weights) {
      if (load + weight > capacity) {
        days++;
        load = 0;
      }
      load += weight;
    }
    return days;
  }

  /**
   * Prints where the first argument occurs among the sorted numbers after it, e.g. {@code 5 1 5 5
   * 9} prints {@code first 1, last 2, count 2, floor 2, ceiling 1}.
   *
   * @throws IllegalArgumentException if there is no argument, one is not an int, or the numbers are
   *     not sorted
   */
  public static void main(String... args) {
    if (args.length == 0) {
      throw new IllegalArgumentException("usage: mid.algorithms.1 <key> [sorted number...]");
    }
    int key = Args.toInt(args[0]);
    int[] sorted = Args.toAscendingInts(Arrays.copyOfRange(args, 1, args.length));
    System.out.println(
        "first "
            + firstOccurrence(sorted, key)
            + ", last "
            + lastOccurrence(sorted, key)
            + ", count "
            + count(sorted, key)
            + ", floor "
            + describe(floor(sorted, key))
            + ", ceiling "
            + describe(ceiling(sorted, key)));
  }

  private static String describe(OptionalInt index) {
    return index.isPresent() ? String.valueOf(index.getAsInt()) : "none";
  }
}
