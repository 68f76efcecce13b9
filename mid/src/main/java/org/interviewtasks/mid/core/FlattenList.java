package org.interviewtasks.mid.core;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Set;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.interviewtasks.common.Task;

/**
 * Flattens arbitrarily nested lists: {@code [[1, 2, [3]], 4] -> [1, 2, 3, 4]}.
 *
 * <p><b>Approach.</b> The recursive solution (for each element: recurse if it is a list, else yield
 * it) is short, but its depth is the nesting depth: a list nested 100 000 levels deep overflows the
 * stack. Here the recursion's call stack becomes an explicit stack of iterators, one per list
 * currently being walked: take the next element of the top iterator; if it is an {@link Iterable},
 * push its iterator; if the top iterator is exhausted, pop it. The stack lives on the heap, so
 * depth is limited only by memory. The same loop drives a lazy {@link Iterator} ({@link
 * #iterator}), Python's recursive generator with {@code yield from}: each {@code next()} does just
 * the work to reach the next leaf, so a caller can stop early, and a nested structure that is
 * itself lazy is never fully materialized. O(n + m) time for n leaves and m lists; O(d) extra space
 * for depth d, plus the output for {@link #flatten}.
 *
 * <p><b>What counts as nested.</b> Any {@link Iterable} (lists, sets, queues, custom iterables) is
 * opened; everything else is a leaf, including strings (which Python would iterate into characters,
 * a classic pitfall), arrays and maps: convert those first if they should be opened. A {@code null}
 * element is a leaf too, and is kept: nothing is silently dropped.
 *
 * <p><b>Edge cases.</b> Empty lists at any depth contribute nothing. A list that contains itself,
 * directly or deeper, would be endless: the lists on the current path are tracked by identity, and
 * meeting one again is an {@link IllegalArgumentException}. The same list appearing twice side by
 * side is fine and flattened twice. {@link #flatten(Iterable, Class)} checks each leaf's type and
 * names the first wrong one.
 *
 * <p><b>Follow-up.</b> <i>"Flatten only one level?"</i> {@code stream.flatMap(List::stream)}.
 * <i>"Keep the depth of each leaf?"</i> The stack's size when the leaf is reached is its depth.
 */
@Task(id = "mid.core.4", title = "Flatten a nested list", usage = "<nested JSON array>")
public final class FlattenList {

  private FlattenList() {}

  /** The leaves of {@code nested}, depth first, as a new unmodifiable list (nulls kept). */
  public static List<Object> flatten(Iterable<?> nested) {
    List<Object> leaves = new ArrayList<>();
    iterator(nested).forEachRemaining(leaves::add);
    return Collections.unmodifiableList(leaves);
  }

  /**
   * The leaves of {@code nested}, which must all be of {@code type}, as a new unmodifiable list.
   *
   * @throws IllegalArgumentException naming the first leaf that is not of {@code type}
   */
  public static <T> List<T> flatten(Iterable<?> nested, Class<T> type) {
    Objects.requireNonNull(type, "type");
    List<T> leaves = new ArrayList<>();
    for (Iterator<Object> it = iterator(nested); it.hasNext(); ) {
      Object leaf = it.next();
      if (leaf != null && !type.isInstance(leaf)) {
        throw new IllegalArgumentException(
            "leaf "
                + leaves.size()
                + " is a "
                + leaf.getClass().getSimpleName()
                + ", not a "
                + type.getSimpleName()
                + ": "
                + leaf);
      }
      leaves.add(type.cast(leaf));
    }
    return Collections.unmodifiableList(leaves);
  }

  /** The leaves of {@code nested} as a lazy, sequential, ordered stream. */
  public static Stream<Object> stream(Iterable<?> nested) {
    return StreamSupport.stream(
        Spliterators.spliteratorUnknownSize(iterator(nested), Spliterator.ORDERED), false);
  }

  /**
   * A lazy iterator over the leaves of {@code nested}, depth first. It reads the nested lists as it
   * goes, so they must not change meanwhile.
   */
  public static Iterator<Object> iterator(Iterable<?> nested) {
    return new Leaves(Objects.requireNonNull(nested, "nested"));
  }

  /** The depth-first walk, with its stack of iterators and the lists they belong to. */
  private static final class Leaves implements Iterator<Object> {

    private final Deque<Iterator<?>> iterators = new ArrayDeque<>();
    // The lists being walked, compared by identity: two equal lists are still different lists.
    private final Deque<Object> path = new ArrayDeque<>();
    private final Set<Object> onPath = Collections.newSetFromMap(new IdentityHashMap<>());
    private Object next;
    private boolean ready;

    Leaves(Iterable<?> root) {
      open(root);
    }

    @Override
    public boolean hasNext() {
      while (!ready && !iterators.isEmpty()) {
        Iterator<?> top = iterators.peek();
        if (!top.hasNext()) {
          iterators.pop(); // this list is done: back to the one that contains it
          onPath.remove(path.pop());
          continue;
        }
        Object element = top.next();
        if (element instanceof Iterable<?> inner) {
          open(inner);
        } else {
          next = element;
          ready = true;
        }
      }
      return ready;
    }

    @Override
    public Object next() {
      if (!hasNext()) {
        throw new NoSuchElementException("no more leaves");
      }
      ready = false;
      Object leaf = next;
      next = null;
      return leaf;
    }

    private void open(Iterable<?> list) {
      if (!onPath.add(list)) {
        throw new IllegalArgumentException("the nested list contains itself");
      }
      path.push(list);
      iterators.push(list.iterator());
    }
  }

  /**
   * Prints the flattened form of a nested JSON array, e.g. {@code [[1,2,[3]],4]} gives {@code [1,
   * 2, 3, 4]}.
   *
   * @throws IllegalArgumentException unless the one argument is a JSON array
   */
  public static void main(String... args) {
    if (args.length != 1) {
      throw new IllegalArgumentException("usage: mid.core.4 <nested JSON array>");
    }
    List<?> nested;
    try {
      nested = new ObjectMapper().readValue(args[0], List.class);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("not a JSON array: " + args[0], e);
    }
    System.out.println(flatten(nested));
  }
}
