package org.interviewtasks.mid.algorithms;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.interviewtasks.common.Task;

/**
 * Lists all subsets (the power set) of a list: {@code [a, b] -> [], [a], [b], [a, b]}.
 *
 * <p><b>Approach.</b> A list of n elements has 2ⁿ subsets, and writing them all out costs O(n · 2ⁿ)
 * time and space whatever the method. {@link #iterative} counts a bitmask from 0 to 2ⁿ − 1: bit i
 * of the mask says whether element i is in the subset, so every mask is one subset and every subset
 * one mask. {@link #recursive} backtracks: each call records the current subset, then tries adding
 * each later element in turn and undoes it; the recursion is only n deep. {@link #lazy} streams the
 * masks instead of storing the subsets, so it needs O(n) memory at a time, and a caller can stop
 * early or run it in parallel.
 *
 * <p><b>Order.</b> {@link #iterative} and {@link #lazy} give subsets in mask order (binary counting
 * over the positions): {@code [], [a], [b], [a, b], [c], …}. {@link #recursive} gives them in
 * lexicographic order of positions: {@code [], [a], [a, b], [a, b, c], [a, c], [b], …}. Within a
 * subset, elements keep the order of the input.
 *
 * <p><b>Duplicates.</b> Elements are distinguished by position, as in {@code itertools}: {@code [x,
 * x]} has four subsets, two of which are {@code [x]}. {@link #distinct} treats the input as a
 * multiset instead: an element that occurs c times appears 0 to c times in a subset, so there are
 * Π(cᵢ + 1) subsets and no two are equal ({@code [x, x] -> [], [x], [x, x]}).
 *
 * <p><b>Edge cases.</b> The empty list has one subset, the empty one. The lists grow as 2ⁿ, so
 * {@link #iterative}, {@link #recursive} and {@link #distinct} refuse more than 2^{@value
 * #MAX_LISTED} subsets (a {@code List} cannot hold 2³¹, and memory gives out well before), and
 * {@link #lazy} refuses more than {@value #MAX_STREAMED} elements, since its mask is a {@code
 * long}. Null elements are rejected. Each subset is an unmodifiable list.
 *
 * <p><b>Follow-up.</b> <i>"Only subsets of size k?"</i> Combinations: the same backtracking, but
 * record only at depth k, C(n, k) results. <i>"Gray code order?"</i> Mask i ^ (i &gt;&gt; 1) makes
 * consecutive subsets differ by one element, so each can be derived from the last in O(1).
 */
@Task(
    id = "mid.algorithms.10",
    title = "Power set",
    usage = "[element...]   at most 16 elements (65536 subsets printed)")
public final class PowerSet {

  /** The largest n whose 2ⁿ subsets the list-returning methods produce. */
  public static final int MAX_LISTED = 30;

  /** The largest number of elements {@link #lazy} accepts. */
  public static final int MAX_STREAMED = 62;

  private PowerSet() {}

  /**
   * All subsets, by counting a bitmask, in mask order.
   *
   * @throws IllegalArgumentException if there are more than {@value #MAX_LISTED} elements
   */
  public static <T> List<List<T>> iterative(List<T> items) {
    List<T> elements = checked(items, MAX_LISTED, "iterative");
    int count = 1 << elements.size();
    List<List<T>> subsets = new ArrayList<>(count);
    for (int mask = 0; mask < count; mask++) {
      subsets.add(subset(elements, mask));
    }
    return Collections.unmodifiableList(subsets);
  }

  /**
   * All subsets, by backtracking, in lexicographic order of positions.
   *
   * @throws IllegalArgumentException if there are more than {@value #MAX_LISTED} elements
   */
  public static <T> List<List<T>> recursive(List<T> items) {
    List<T> elements = checked(items, MAX_LISTED, "recursive");
    List<List<T>> subsets = new ArrayList<>(1 << elements.size());
    backtrack(elements, 0, new ArrayList<>(), subsets);
    return Collections.unmodifiableList(subsets);
  }

  private static <T> void backtrack(
      List<T> elements, int start, List<T> current, List<List<T>> subsets) {
    subsets.add(Collections.unmodifiableList(new ArrayList<>(current)));
    for (int i = start; i < elements.size(); i++) {
      current.add(elements.get(i));
      backtrack(elements, i + 1, current, subsets);
      current.remove(current.size() - 1);
    }
  }

  /**
   * All subsets as a lazy stream, in mask order; the input is copied when the stream is created.
   *
   * @throws IllegalArgumentException if there are more than {@value #MAX_STREAMED} elements
   */
  public static <T> Stream<List<T>> lazy(List<T> items) {
    List<T> elements = checked(items, MAX_STREAMED, "lazy");
    return LongStream.range(0, 1L << elements.size()).mapToObj(mask -> subset(elements, mask));
  }

  /**
   * All distinct subsets of a multiset: equal elements are interchangeable. Subsets come grouped by
   * how many copies of the first distinct element they hold, then of the second, and so on.
   *
   * @throws IllegalArgumentException if there would be more than 2^{@value #MAX_LISTED} subsets
   */
  public static <T> List<List<T>> distinct(List<T> items) {
    List<T> elements = checked(items, Integer.MAX_VALUE, "distinct");
    Map<T, Integer> counts =
        elements.stream()
            .collect(Collectors.toMap(e -> e, e -> 1, Integer::sum, LinkedHashMap::new));
    long total = 1;
    for (int count : counts.values()) {
      total *= count + 1L;
      if (total > 1L << MAX_LISTED) {
        throw new IllegalArgumentException(
            "more than 2^" + MAX_LISTED + " distinct subsets of " + elements.size() + " elements");
      }
    }
    List<List<T>> subsets = List.of(List.of());
    for (Map.Entry<T, Integer> group : counts.entrySet()) {
      List<List<T>> extended = new ArrayList<>(subsets.size() * (group.getValue() + 1));
      for (List<T> subset : subsets) {
        for (int copies = 0; copies <= group.getValue(); copies++) {
          List<T> next = new ArrayList<>(subset);
          next.addAll(Collections.nCopies(copies, group.getKey()));
          extended.add(Collections.unmodifiableList(next));
        }
      }
      subsets = extended;
    }
    return Collections.unmodifiableList(subsets);
  }

  private static <T> List<T> subset(List<T> elements, long mask) {
    List<T> subset = new ArrayList<>(Long.bitCount(mask));
    for (long rest = mask; rest != 0; rest &= rest - 1) { // clears the lowest set bit
      subset.add(elements.get(Long.numberOfTrailingZeros(rest)));
    }
    return Collections.unmodifiableList(subset);
  }

  private static <T> List<T> checked(List<T> items, int max, String method) {
    Objects.requireNonNull(items, "items");
    for (int i = 0; i < items.size(); i++) {
      if (items.get(i) == null) {
        throw new NullPointerException("null element at index " + i);
      }
    }
    if (items.size() > max) {
      throw new IllegalArgumentException(
          method
              + " takes at most "
              + max
              + " elements, got "
              + items.size()
              + ": 2^"
              + items.size()
              + " subsets are too many");
    }
    return List.copyOf(items);
  }

  /**
   * The most arguments {@link #main} takes: 2¹⁶ = 65,536 lines. Thirty-one would print two billion
   * lines, hundreds of gigabytes, which no reader wants from a command line.
   */
  public static final int MAX_PRINTED = 16;

  /**
   * Prints every subset of the arguments, one per line, in mask order.
   *
   * @throws IllegalArgumentException if there are more than {@value #MAX_PRINTED} arguments
   */
  public static void main(String... args) {
    if (args.length > MAX_PRINTED) {
      throw new IllegalArgumentException(
          "usage: mid.algorithms.10 [element...] with at most "
              + MAX_PRINTED
              + " elements (2^"
              + MAX_PRINTED
              + " lines), got "
              + args.length);
    }
    lazy(List.of(args)).forEach(System.out::println);
  }
}
