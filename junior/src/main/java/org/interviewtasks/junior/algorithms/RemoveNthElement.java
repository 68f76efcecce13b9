package org.interviewtasks.junior.algorithms;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.interviewtasks.common.Args;
import org.interviewtasks.common.Task;

/**
 * Removes the element at a given position from a list, returning a new list.
 *
 * <p><b>Approach.</b> Copy the elements before the position and those after it: two {@link
 * List#subList} views for a list, two {@link System#arraycopy} calls for an array. O(n) time and
 * space, which is also the cost of removing in place from an {@code ArrayList} or array, since
 * every later element shifts one place left. The input is left untouched, so it may be immutable
 * ({@link List#of}).
 *
 * <p><b>Positions.</b> {@code index} is zero-based, as everywhere in Java: {@code removeAt([a, b,
 * c], 1)} gives {@code [a, c]}. There are no Python-style negative indices counting from the end: a
 * negative index is an error, like any index at or past the size, reported as {@link
 * IndexOutOfBoundsException} (the exception every Java list throws for a bad index) with the index
 * and the size in the message.
 *
 * <p><b>Edge cases.</b> Removing the only element gives an empty list; an empty list has no element
 * to remove, so any index is out of bounds. Null elements are kept like any other. A null list or
 * array is rejected with {@link NullPointerException}. The classic trap of the in-place
 * alternative: on a {@code List<Integer>}, {@code list.remove(1)} removes the element at index 1,
 * while {@code list.remove(Integer.valueOf(1))} removes the first element equal to 1, two overloads
 * that are easy to confuse.
 *
 * <p><b>Follow-up.</b> <i>"Remove the n-th node from the end of a linked list in one pass?"</i>
 * Move a lead pointer n nodes ahead, then move it and a trailing pointer together until the lead
 * reaches the end: the trailing pointer stops just before the node to unlink.
 */
@Task(
    id = "junior.algorithms.14",
    title = "Remove the nth element of a list",
    usage = "<index> [element...]")
public final class RemoveNthElement {

  private RemoveNthElement() {}

  /**
   * A new list of the elements of {@code list} without the one at {@code index} (zero-based).
   *
   * @throws IndexOutOfBoundsException if {@code index} is negative or not less than the size
   */
  public static <T> List<T> removeAt(List<? extends T> list, int index) {
    int size = Objects.requireNonNull(list, "list").size();
    requireIndex(index, size);
    List<T> result = new ArrayList<>(list.subList(0, index));
    result.addAll(list.subList(index + 1, size));
    return result;
  }

  /**
   * A new array of the numbers of {@code array} without the one at {@code index} (zero-based).
   *
   * @throws IndexOutOfBoundsException if {@code index} is negative or not less than the length
   */
  public static int[] removeAt(int[] array, int index) {
    requireIndex(index, Objects.requireNonNull(array, "array").length);
    int[] result = new int[array.length - 1];
    System.arraycopy(array, 0, result, 0, index);
    System.arraycopy(array, index + 1, result, index, array.length - index - 1);
    return result;
  }

  private static void requireIndex(int index, int size) {
    if (index < 0 || index >= size) {
      throw new IndexOutOfBoundsException(
          "index " + index + " is out of bounds for " + size + " element(s)");
    }
  }

  /**
   * Prints the arguments after the first without the one at the index given first, e.g. {@code 1 a
   * b c} prints {@code a c}.
   *
   * @throws IllegalArgumentException if there is no argument, the first is not an int, or there is
   *     no element at that index
   */
  public static void main(String... args) {
    if (args.length == 0) {
      throw new IllegalArgumentException("usage: junior.algorithms.14 <index> [element...]");
    }
    int index = Args.toInt(args[0]);
    List<String> elements = Arrays.asList(args).subList(1, args.length);
    if (index < 0 || index >= elements.size()) {
      throw new IllegalArgumentException(
          "no element at index " + index + " of " + elements.size() + " (indices start at 0)");
    }
    System.out.println(String.join(" ", removeAt(elements, index)));
  }
}
