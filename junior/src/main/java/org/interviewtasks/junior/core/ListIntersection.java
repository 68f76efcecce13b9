package org.interviewtasks.junior.core;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.interviewtasks.common.Task;

/**
 * Returns the elements two lists have in common.
 *
 * <p><b>Approach.</b> "Common elements" has two readings, and an interviewer wants to hear you ask
 * which one. {@link #intersection} is the set reading: each common element once, so {@code
 * [1,2,2,3]} and {@code [2,2,4]} give {@code [2]}. {@link #multisetIntersection} is the bag
 * reading: each common element as many times as it occurs in both, min(count in a, count in b), so
 * the same lists give {@code [2,2]}. Both put {@code b} into a hash structure (a set, or a map from
 * element to count) and then walk {@code a} once, so the result follows {@code a}'s order: O(n + m)
 * expected time, O(m) extra space. The nested-loop solution is O(n·m); sorting both and merging is
 * O(n log n + m log m) and loses the original order.
 *
 * <p><b>Edge cases.</b> An empty list on either side gives an empty result. {@code null} elements
 * are values like any other (hash sets and maps accept one null key): {@code [null, 1]} and {@code
 * [null]} have {@code null} in common. Equality is {@code equals}/{@code hashCode}, so {@code 1}
 * (Integer) and {@code 1L} (Long) are different. The inputs are not modified; the result is a new
 * unmodifiable list. Null lists are rejected with {@link NullPointerException}.
 *
 * <p><b>Follow-up.</b> <i>"Which list should go into the hash set?"</i> The smaller one, to save
 * memory, if the order of the result does not have to follow {@code a}. <i>"The lists are sorted
 * and huge, on disk?"</i> Walk both with two pointers, advancing the smaller: O(n + m) time, O(1)
 * memory, and it streams.
 */
@Task(id = "junior.core.6", title = "Intersection of two lists")
public final class ListIntersection {

  private ListIntersection() {}

  /** The distinct elements of {@code a} that also occur in {@code b}, in order of first in a. */
  public static <T> List<T> intersection(List<? extends T> a, List<? extends T> b) {
    Objects.requireNonNull(a, "a");
    Set<T> notYetTaken = new HashSet<>(Objects.requireNonNull(b, "b"));
    List<T> common = new ArrayList<>();
    for (T element : a) {
      if (notYetTaken.remove(element)) { // true only for the first occurrence in a
        common.add(element);
      }
    }
    return Collections.unmodifiableList(common);
  }

  /**
   * The elements of {@code a} that also occur in {@code b}, each as often as in both (the minimum
   * of its two counts), in the order of {@code a}.
   */
  public static <T> List<T> multisetIntersection(List<? extends T> a, List<? extends T> b) {
    Objects.requireNonNull(a, "a");
    Objects.requireNonNull(b, "b");
    Map<T, Integer> unmatchedInB = new HashMap<>();
    for (T element : b) {
      unmatchedInB.merge(element, 1, Integer::sum);
    }
    List<T> common = new ArrayList<>();
    for (T element : a) {
      if (unmatchedInB.getOrDefault(element, 0) > 0) {
        common.add(element);
        unmatchedInB.merge(element, -1, Integer::sum);
      }
    }
    return Collections.unmodifiableList(common);
  }

  /**
   * Prints both intersections of two comma-separated lists, e.g. for {@code "1,2,2,3" "2,2,4"}:
   *
   * <pre>
   * intersection: [2]
   * multiset intersection: [2, 2]
   * </pre>
   *
   * Elements are compared as text after stripping spaces around them; an empty argument is an empty
   * list.
   *
   * @throws IllegalArgumentException unless there are exactly two arguments
   */
  public static void main(String... args) {
    if (args.length != 2) {
      throw new IllegalArgumentException("usage: junior.core.6 <a1,a2,...> <b1,b2,...>");
    }
    List<String> a = parseList(args[0]);
    List<String> b = parseList(args[1]);
    System.out.println("intersection: " + intersection(a, b));
    System.out.println("multiset intersection: " + multisetIntersection(a, b));
  }

  private static List<String> parseList(String text) {
    return text.isBlank() ? List.of() : Arrays.stream(text.split(",")).map(String::strip).toList();
  }
}
