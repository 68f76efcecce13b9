package org.interviewtasks.junior.algorithms;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.interviewtasks.common.Args;
import org.interviewtasks.common.Task;

/**
 * Searches a sorted array or list for a key by halving the range that can hold it.
 *
 * <p><b>Approach.</b> Everything rests on {@link #lowerBound}: the first index whose element is not
 * less than the key. The range {@code [lo, hi)} always contains that index; the middle element
 * decides which half to keep, so O(log n) comparisons find it (31 at most for an array). {@link
 * #search} then looks at that one element: the key is there, or it is absent and that index is
 * where it would be inserted. The middle is {@code (lo + hi) >>> 1}: the textbook {@code (lo + hi)
 * / 2} overflows to a negative index once {@code lo + hi} exceeds {@code Integer.MAX_VALUE}, a bug
 * that sat in the JDK for nine years. {@link #upperBound} (the first element greater than the key)
 * completes the pair: the key occurs {@code upperBound - lowerBound} times.
 *
 * <p><b>Result.</b> {@link #search} follows {@link Arrays#binarySearch(int[], int)}: the index of
 * the key if present, else {@code -(insertionPoint + 1)}, which is negative exactly when the key is
 * absent (the {@code + 1} keeps insertion point 0 from looking like a hit). Unlike the JDK, which
 * promises no particular one, it returns the <i>first</i> of several equal keys.
 *
 * <p><b>Edge cases.</b> An empty range answers "absent, insert at 0" ({@code -1}). Keys below the
 * first or above the last element give insertion points 0 and n. The input must be sorted in the
 * order used: checking that would cost O(n) and defeat the purpose, so an unsorted input gives an
 * unspecified result, as in the JDK. The list versions call {@link List#get}, so pass a random
 * access list ({@code ArrayList}, {@code List.of}); on a {@code LinkedList} each {@code get} is
 * O(n). Null arrays, lists and comparators are rejected with {@link NullPointerException}; the key
 * and elements are passed to the comparator, which decides about nulls.
 *
 * <p><b>Follow-up.</b> <i>"Search a rotated sorted array?"</i> One half of any range is sorted;
 * check whether the key lies in it and keep that half or the other, still O(log n). <i>"Find the
 * first true in a monotone predicate?"</i> {@link #lowerBound} is exactly that, with {@code element
 * >= key} as the predicate.
 */
@Task(id = "junior.algorithms.7", title = "Binary search", usage = "<key> [sorted number...]")
public final class BinarySearch {

  private BinarySearch() {}

  /**
   * The index of the first occurrence of {@code key} in {@code sorted}, or {@code -(insertionPoint
   * + 1)} if it does not occur; {@code sorted} must be in ascending order.
   */
  public static int search(int[] sorted, int key) {
    int index = lowerBound(sorted, key);
    return index < sorted.length && sorted[index] == key ? index : -(index + 1);
  }

  /** The first index whose element is {@code >= key}, or the length if none is. */
  public static int lowerBound(int[] sorted, int key) {
    return bound(sorted, key, false);
  }

  /** The first index whose element is {@code > key}, or the length if none is. */
  public static int upperBound(int[] sorted, int key) {
    return bound(sorted, key, true);
  }

  private static int bound(int[] sorted, int key, boolean pastEqual) {
    Objects.requireNonNull(sorted, "sorted");
    int lo = 0;
    int hi = sorted.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1; // (lo + hi) / 2 would overflow for lo + hi > Integer.MAX_VALUE
      if (sorted[mid] < key || (pastEqual && sorted[mid] == key)) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  /**
   * The index of the first element of {@code sorted} equal to {@code key} by {@code order}, or
   * {@code -(insertionPoint + 1)} if there is none; {@code sorted} must be in that order.
   */
  public static <T> int search(List<? extends T> sorted, T key, Comparator<? super T> order) {
    int index = lowerBound(sorted, key, order);
    return index < sorted.size() && order.compare(sorted.get(index), key) == 0
        ? index
        : -(index + 1);
  }

  /** The first index whose element is not less than {@code key} by {@code order}, or the size. */
  public static <T> int lowerBound(List<? extends T> sorted, T key, Comparator<? super T> order) {
    return bound(sorted, key, order, false);
  }

  /** The first index whose element is greater than {@code key} by {@code order}, or the size. */
  public static <T> int upperBound(List<? extends T> sorted, T key, Comparator<? super T> order) {
    return bound(sorted, key, order, true);
  }

  private static <T> int bound(
      List<? extends T> sorted, T key, Comparator<? super T> order, boolean pastEqual) {
    Objects.requireNonNull(sorted, "sorted");
    Objects.requireNonNull(order, "order");
    int lo = 0;
    int hi = sorted.size();
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      int compared = order.compare(sorted.get(mid), key);
      if (compared < 0 || (pastEqual && compared == 0)) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  /**
   * Searches the numbers after the first for the first, e.g. {@code 5 1 3 5 7} prints {@code 5
   * found at index 2}, and {@code 4 1 3 5 7} prints {@code 4 not found, insertion point 2}.
   *
   * @throws IllegalArgumentException if there is no argument, one is not an int, or the numbers to
   *     search are not in ascending order
   */
  public static void main(String... args) {
    if (args.length == 0) {
      throw new IllegalArgumentException("usage: junior.algorithms.7 <key> [sorted number...]");
    }
    int key = Args.toInt(args[0]);
    int[] sorted = Args.toAscendingInts(Arrays.copyOfRange(args, 1, args.length));
    int index = search(sorted, key);
    System.out.println(
        index >= 0
            ? key + " found at index " + index
            : key + " not found, insertion point " + (-index - 1));
  }
}
