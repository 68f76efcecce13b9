package org.interviewtasks.mid.core;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.stream.Collectors;
import org.interviewtasks.common.Args;
import org.interviewtasks.common.Task;
import org.interviewtasks.mid.algorithms.MinHeap;

/**
 * Merges sorted lists into one sorted list without sorting: two lists, k lists, and k lazy
 * sequences.
 *
 * <p><b>What mid adds over junior.</b> Merging two lists is {@link
 * org.interviewtasks.junior.algorithms.MergeSortedLists} (junior.algorithms.11), and {@link
 * #merge(List, List, Comparator)} delegates to it. Mid asks for k inputs, for inputs too large to
 * hold (files, database cursors, network streams), and compares two ways to merge them.
 *
 * <p><b>Approach.</b> {@link #mergeLazily} keeps the current head of each of the k sources in a
 * min-heap ({@link MinHeap}, mid.algorithms.3): the smallest head is the next output, and its
 * source's next element replaces it. Each output costs one heap removal and at most one insertion,
 * O(log k), so N elements take O(N log k) time and O(k) memory, however long the sources are: the
 * heart of external sorting, where sorted runs on disk are merged through a small buffer. The
 * result is an {@link Iterator} that pulls from the sources only when asked. {@link #mergeAll}
 * collects it into a list. {@link #mergePairwise} merges with junior's two-list merge instead,
 * pairing lists in rounds like a tournament: log₂ k rounds, each touching all N elements, so also
 * O(N log k) time, but it needs all inputs in memory and copies each element log₂ k times.
 *
 * <p><b>Stability.</b> Equal elements come out in the order of their sources, then of their
 * positions: the heap breaks ties by source index, and pairwise rounds always merge a lower-index
 * group as junior's "first" list. So the result equals concatenating the sources and sorting
 * stably, which is what the tests compare with.
 *
 * <p><b>Validation.</b> An unsorted input would silently give an unsorted output. The lazy merge
 * checks each element against the previous one from the same source as it goes, in O(1), and throws
 * {@link IllegalArgumentException} naming the source and index where the order breaks; the elements
 * before that point have been returned already, which is the price of streaming.
 *
 * <p><b>Edge cases.</b> No sources, or only empty ones, give an empty result; a single source is
 * copied. In natural order null elements are rejected; with a comparator they are passed to it. The
 * inputs are not modified.
 *
 * <p><b>Follow-up.</b> <i>"k is huge and most sources are short?"</i> The heap still holds only
 * non-empty sources, so memory is O(min(k, N)). <i>"Merge in parallel?"</i> Split the key range by
 * sampled splitters and merge each range on its own core, as parallel sorting libraries do.
 */
@Task(id = "mid.core.6", title = "Merge sorted lists", usage = "<sorted ints> [sorted ints...]")
public final class MergeSortedLists {

  private MergeSortedLists() {}

  /**
   * The elements of both lists in the order of {@code order}, by junior's two-list merge; on ties
   * those of {@code first} come first.
   *
   * @throws IllegalArgumentException if a list is not sorted
   */
  public static <T> List<T> merge(
      List<? extends T> first, List<? extends T> second, Comparator<? super T> order) {
    return org.interviewtasks.junior.algorithms.MergeSortedLists.merge(first, second, order);
  }

  /**
   * A lazy iterator over the elements of all sources in the order of {@code order}, stable across
   * sources. Each source must be sorted; it is read only as far as the output is.
   *
   * @throws IllegalArgumentException from {@code next()}, when a source turns out not to be sorted
   */
  public static <T> Iterator<T> mergeLazily(
      List<? extends Iterator<? extends T>> sources, Comparator<? super T> order) {
    Objects.requireNonNull(sources, "sources");
    Objects.requireNonNull(order, "order");
    for (int i = 0; i < sources.size(); i++) {
      Objects.requireNonNull(sources.get(i), "source " + i);
    }
    return new HeapMerge<>(List.copyOf(sources), order);
  }

  /**
   * All elements of the sorted lists, in order, by a heap of the k heads: O(N log k).
   *
   * @throws IllegalArgumentException if a list is not sorted
   */
  public static <T> List<T> mergeAll(
      List<? extends List<? extends T>> lists, Comparator<? super T> order) {
    List<Iterator<? extends T>> sources = new ArrayList<>();
    for (List<? extends T> list : requireLists(lists)) {
      sources.add(list.iterator());
    }
    List<T> merged = new ArrayList<>();
    mergeLazily(sources, order).forEachRemaining(merged::add);
    return merged;
  }

  /**
   * All elements of the sorted lists in natural order, by a heap of the k heads.
   *
   * @throws IllegalArgumentException if a list is not sorted
   * @throws NullPointerException if an element is null
   */
  public static <T extends Comparable<? super T>> List<T> mergeAll(
      List<? extends List<? extends T>> lists) {
    requireLists(lists);
    for (int i = 0; i < lists.size(); i++) {
      List<? extends T> list = lists.get(i);
      for (int j = 0; j < list.size(); j++) {
        if (list.get(j) == null) {
          throw new NullPointerException("null element at index " + j + " of list " + i);
        }
      }
    }
    return mergeAll(lists, Comparator.naturalOrder());
  }

  /**
   * All elements of the sorted lists, in order, by merging pairs of lists with junior's two-list
   * merge, round after round: O(N log k), all in memory.
   *
   * @throws IllegalArgumentException if a list is not sorted
   */
  public static <T> List<T> mergePairwise(
      List<? extends List<? extends T>> lists, Comparator<? super T> order) {
    Objects.requireNonNull(order, "order");
    requireLists(lists);
    if (lists.isEmpty()) {
      return new ArrayList<>();
    }
    List<List<T>> round = new ArrayList<>(); // the first round also checks and copies every input
    for (int i = 0; i < lists.size(); i += 2) {
      round.add(merge(lists.get(i), i + 1 < lists.size() ? lists.get(i + 1) : List.of(), order));
    }
    while (round.size() > 1) {
      List<List<T>> next = new ArrayList<>((round.size() + 1) / 2);
      for (int i = 0; i < round.size(); i += 2) {
        next.add(
            i + 1 < round.size() ? merge(round.get(i), round.get(i + 1), order) : round.get(i));
      }
      round = next;
    }
    return round.get(0);
  }

  private static <L extends List<?>> List<L> requireLists(List<L> lists) {
    Objects.requireNonNull(lists, "lists");
    for (int i = 0; i < lists.size(); i++) {
      Objects.requireNonNull(lists.get(i), "list " + i);
    }
    return lists;
  }

  /** The head of a source in the heap: its value, which source, and its index there. */
  private record Head<T>(T value, int source, long index) {}

  /** The k-way merge: a heap of the sources' heads, refilled from the source of each output. */
  private static final class HeapMerge<T> implements Iterator<T> {

    private final List<? extends Iterator<? extends T>> sources;
    private final Comparator<? super T> order;
    private final MinHeap<Head<T>> heads;

    HeapMerge(List<? extends Iterator<? extends T>> sources, Comparator<? super T> order) {
      this.sources = sources;
      this.order = order;
      this.heads =
          new MinHeap<>(
              Comparator.<Head<T>, T>comparing(Head::value, order)
                  .thenComparingInt(Head::source)); // ties: the lower source first, for stability
      for (int s = 0; s < sources.size(); s++) {
        if (sources.get(s).hasNext()) {
          heads.add(new Head<>(sources.get(s).next(), s, 0));
        }
      }
    }

    @Override
    public boolean hasNext() {
      return !heads.isEmpty();
    }

    @Override
    public T next() {
      if (heads.isEmpty()) {
        throw new NoSuchElementException("all sources are exhausted");
      }
      Head<T> smallest = heads.poll();
      Iterator<? extends T> source = sources.get(smallest.source());
      if (source.hasNext()) {
        T following = source.next();
        if (order.compare(smallest.value(), following) > 0) {
          throw new IllegalArgumentException(
              "source "
                  + smallest.source()
                  + " is not sorted: the element at index "
                  + (smallest.index() + 1)
                  + " is less than the one at index "
                  + smallest.index());
        }
        heads.add(new Head<>(following, smallest.source(), smallest.index() + 1));
      }
      return smallest.value();
    }
  }

  /**
   * Merges lists of ints given as comma-separated arguments, e.g. {@code 1,4,9 2,3 0,10} prints
   * {@code 0 1 2 3 4 9 10}; an empty argument is an empty list.
   *
   * @throws IllegalArgumentException if there is no argument, or one is not a sorted list of ints
   */
  public static void main(String... args) {
    if (args.length == 0) {
      throw new IllegalArgumentException("usage: mid.core.6 <sorted ints> [sorted ints...]");
    }
    List<List<Integer>> lists =
        Arrays.stream(args)
            .map(
                arg ->
                    arg.isBlank()
                        ? List.<Integer>of()
                        : Arrays.stream(Args.toInts(arg.split(",", -1))).boxed().toList())
            .toList();
    System.out.println(
        mergeAll(lists).stream().map(String::valueOf).collect(Collectors.joining(" ")));
  }
}
