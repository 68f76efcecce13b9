package org.interviewtasks.junior.core;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import org.interviewtasks.common.Task;

/**
 * Removes duplicates from a list, keeping the first occurrence of each element in its original
 * order.
 *
 * <p><b>Approach.</b> Two idiomatic ways, both stable and both O(n) expected time and O(n) space.
 * {@link #withLinkedHashSet} adds every element to a {@link LinkedHashSet}: a hash set answers
 * "seen before?" in O(1) expected time, and the linked variant remembers insertion order, which a
 * plain {@code HashSet} does not. {@link #withStream} is {@code stream().distinct()}, which on an
 * ordered stream keeps the first of equal elements (it uses a {@code LinkedHashSet} inside too).
 * The naive way, checking {@code result.contains(x)} on a list, is O(n²). Both rely on {@code
 * equals} and {@code hashCode}: elements that are equal but hash differently (a broken class) are
 * not recognised as duplicates.
 *
 * <p><b>Edge cases.</b> An empty list gives an empty list. {@code null} elements are values like
 * any other: the first null is kept, later ones removed (both {@code LinkedHashSet} and {@code
 * distinct()} accept null). The input is never modified; the result is a new unmodifiable list.
 * Which of two equal elements survives matters when equal elements are distinguishable (two equal
 * strings that are different objects, or a case-insensitive key type): it is always the first.
 *
 * <p><b>Follow-up.</b> <i>"In place, for an array, without extra space?"</i> Sort and compact
 * adjacent equal elements with a write index (O(n log n), order lost); to keep the order, keep a
 * write index and a hash set of seen values (O(n) but O(n) space), or compare against everything
 * before the write index (O(n²), O(1) space). <i>"What if the elements are mutable?"</i> An element
 * changed after it went into the set sits in the wrong hash bucket, so later equal elements are
 * missed: deduplicate only immutable values, or by an immutable key.
 */
@Task(
    id = "junior.core.4",
    title = "Remove duplicates preserving order",
    usage = "<value> [value...]")
public final class RemoveDuplicates {

  private RemoveDuplicates() {}

  /** The distinct elements of {@code list} in order of first occurrence, via a LinkedHashSet. */
  public static <T> List<T> withLinkedHashSet(List<? extends T> list) {
    Objects.requireNonNull(list, "list");
    // An unmodifiable view over a private copy: List.copyOf would reject null elements.
    return Collections.unmodifiableList(new ArrayList<>(new LinkedHashSet<T>(list)));
  }

  /** The distinct elements of {@code list} in order of first occurrence, via Stream.distinct. */
  public static <T> List<T> withStream(List<? extends T> list) {
    Objects.requireNonNull(list, "list");
    List<T> view = Collections.unmodifiableList(list); // a List<? extends T> read as a List<T>
    // Stream.toList is unmodifiable and, unlike List.copyOf, allows null elements.
    return view.stream().distinct().toList();
  }

  /**
   * Prints the arguments without duplicates, space-separated, e.g. {@code b a c} for {@code b a b c
   * a}.
   *
   * @throws IllegalArgumentException if there are no arguments
   */
  public static void main(String... args) {
    if (args.length == 0) {
      throw new IllegalArgumentException("usage: junior.core.4 <value> [value...]");
    }
    System.out.println(String.join(" ", withLinkedHashSet(Arrays.asList(args))));
  }
}
