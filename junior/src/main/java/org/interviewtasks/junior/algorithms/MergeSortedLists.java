package org.interviewtasks.junior.algorithms;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import org.interviewtasks.common.Args;
import org.interviewtasks.common.Task;

/**
 * Merges two sorted lists into one sorted list, without sorting.
 *
 * <p><b>Approach.</b> The merge step of merge sort: look at the head of each list, move the smaller
 * one to the output, repeat; when one list runs out, append the rest of the other. Each element is
 * compared and moved once: O(n + m) time for the O(n + m) result, against O((n + m) log(n + m)) for
 * concatenating and sorting. The lists are read through iterators, so a {@code LinkedList} merges
 * as fast as an {@code ArrayList}.
 *
 * <p><b>Stability.</b> On a tie the element of the first list goes first, and each list keeps its
 * own order, so equal elements end up in the order "first list, then second list". That is what
 * makes merge sort stable, and it matters when sorting records by one key.
 *
 * <p><b>Validation.</b> Merging assumes sorted inputs; an unsorted one would give an unsorted
 * result without any error. Checking costs one more O(n + m) pass, which does not change the
 * complexity, so both inputs are checked first, and an unsorted one is rejected with {@link
 * IllegalArgumentException} naming the list and the index where the order breaks.
 *
 * <p><b>Edge cases.</b> Either or both lists may be empty. Duplicates, inside one list or across
 * both, are all kept. The inputs are not modified; the result is a new, mutable list. Null lists,
 * arrays and comparators are rejected with {@link NullPointerException}; with a comparator, null
 * elements are passed to it ({@link Comparator#nullsFirst} accepts them); in natural order they are
 * rejected.
 *
 * <p><b>Follow-up.</b> <i>"Merge k sorted lists?"</i> A min-heap ({@code PriorityQueue}) of the k
 * heads: O(N log k) for N elements in all. <i>"In place, into the first array that has room at the
 * end?"</i> Merge from the back, largest first, so nothing is overwritten before it is read.
 */
@Task(id = "junior.algorithms.11", title = "Merge two sorted lists")
public final class MergeSortedLists {

  private MergeSortedLists() {}

  /**
   * The elements of both lists in the order of {@code order}; on ties those of {@code first} come
   * first.
   *
   * @throws IllegalArgumentException if a list is not sorted by {@code order}
   */
  public static <T> List<T> merge(
      List<? extends T> first, List<? extends T> second, Comparator<? super T> order) {
    Objects.requireNonNull(order, "order");
    requireSorted(Objects.requireNonNull(first, "first"), "first", order);
    requireSorted(Objects.requireNonNull(second, "second"), "second", order);
    List<T> merged = new ArrayList<>(first.size() + second.size());
    Iterator<? extends T> left = first.iterator();
    Iterator<? extends T> right = second.iterator();
    boolean hasLeft = left.hasNext();
    boolean hasRight = right.hasNext();
    T x = hasLeft ? left.next() : null;
    T y = hasRight ? right.next() : null;
    while (hasLeft && hasRight) {
      if (order.compare(y, x) < 0) { // strictly less: on a tie, first's element goes first
        merged.add(y);
        hasRight = right.hasNext();
        y = hasRight ? right.next() : null;
      } else {
        merged.add(x);
        hasLeft = left.hasNext();
        x = hasLeft ? left.next() : null;
      }
    }
    if (hasLeft) {
      merged.add(x);
      left.forEachRemaining(merged::add);
    }
    if (hasRight) {
      merged.add(y);
      right.forEachRemaining(merged::add);
    }
    return merged;
  }

  /**
   * The elements of both lists in natural order; on ties those of {@code first} come first.
   *
   * @throws IllegalArgumentException if a list is not in ascending order
   * @throws NullPointerException if an element is null
   */
  public static <T extends Comparable<? super T>> List<T> merge(
      List<? extends T> first, List<? extends T> second) {
    requireNoNulls(Objects.requireNonNull(first, "first"), "first");
    requireNoNulls(Objects.requireNonNull(second, "second"), "second");
    return merge(first, second, Comparator.naturalOrder());
  }

  /**
   * The numbers of both arrays in ascending order.
   *
   * @throws IllegalArgumentException if an array is not in ascending order
   */
  public static int[] merge(int[] first, int[] second) {
    requireSorted(Objects.requireNonNull(first, "first"), "first");
    requireSorted(Objects.requireNonNull(second, "second"), "second");
    int[] merged = new int[first.length + second.length];
    int i = 0;
    int j = 0;
    for (int k = 0; k < merged.length; k++) {
      if (j == second.length || (i < first.length && first[i] <= second[j])) {
        merged[k] = first[i++];
      } else {
        merged[k] = second[j++];
      }
    }
    return merged;
  }

  private static <T> void requireSorted(
      List<? extends T> list, String name, Comparator<? super T> order) {
    Iterator<? extends T> it = list.iterator();
    if (!it.hasNext()) {
      return;
    }
    T previous = it.next();
    for (int index = 1; it.hasNext(); index++) {
      T current = it.next();
      if (order.compare(previous, current) > 0) {
        throw notSorted(name, index);
      }
      previous = current;
    }
  }

  private static void requireSorted(int[] numbers, String name) {
    for (int index = 1; index < numbers.length; index++) {
      if (numbers[index - 1] > numbers[index]) {
        throw notSorted(name, index);
      }
    }
  }

  private static IllegalArgumentException notSorted(String name, int index) {
    return new IllegalArgumentException(
        name
            + " is not sorted: the element at index "
            + index
            + " is less than the one at index "
            + (index - 1));
  }

  private static void requireNoNulls(List<?> list, String name) {
    int index = 0;
    for (Object element : list) {
      if (element == null) {
        throw new NullPointerException("null element at index " + index + " of " + name);
      }
      index++;
    }
  }

  /**
   * Merges two lists of ints given as comma-separated arguments, e.g. {@code 1,4,9 2,3,10} prints
   * {@code 1 2 3 4 9 10}; an empty argument is an empty list.
   *
   * @throws IllegalArgumentException unless there are exactly two arguments, each a sorted list
   */
  public static void main(String... args) {
    if (args.length != 2) {
      throw new IllegalArgumentException("usage: junior.algorithms.11 <sorted ints> <sorted ints>");
    }
    System.out.println(Cli.join(merge(ints(args[0]), ints(args[1]))));
  }

  private static int[] ints(String commaSeparated) {
    return commaSeparated.isBlank() ? new int[0] : Args.toInts(commaSeparated.split(",", -1));
  }
}
