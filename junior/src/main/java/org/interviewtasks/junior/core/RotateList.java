package org.interviewtasks.junior.core;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.interviewtasks.common.Args;
import org.interviewtasks.common.Task;

/**
 * Rotates a list to the right by {@code n} positions: {@code [a, b, c, d]} rotated by 1 is {@code
 * [d, a, b, c]}.
 *
 * <p><b>Approach.</b> Only {@code k = n mod size} matters: rotating by the size brings every
 * element back. {@link Math#floorMod(int, int)} gives {@code k} in {@code [0, size)} even for a
 * negative {@code n}, where {@code %} would give a negative remainder; rotating right by {@code -1}
 * is rotating left by 1, i.e. right by {@code size - 1}. Then the result is the last {@code k}
 * elements followed by the first {@code size - k}: {@link #rotateRight(List, int)} copies the two
 * {@link List#subList} views into a new list, O(size) time and space.
 *
 * <p>{@link #rotateRightInPlace(int[], int)} uses O(1) extra space with three reversals. Write the
 * array as two blocks {@code A B}, where {@code B} is the last {@code k} elements; the goal is
 * {@code B A}. Reversing the whole array gives {@code rev(B) rev(A)}: the blocks are in the right
 * place but each is backwards, so reversing the first {@code k} elements and then the rest gives
 * {@code B A}. Each element is moved at most twice: O(size) time.
 *
 * <p><b>Edge cases.</b> An empty list stays empty for any {@code n} (there is no {@code mod 0}, so
 * it is handled first). {@code n = 0}, {@code n = size} or any multiple of it leaves the order
 * unchanged. {@code Integer.MIN_VALUE} works: {@code floorMod} never negates {@code n}, unlike
 * {@code Math.abs}. The input list is not modified; its elements may be null, a rotation does not
 * look at them. A null list or array is rejected with {@link NullPointerException}.
 *
 * <p><b>Follow-up.</b> <i>"In place for a List?"</i> {@link java.util.Collections#rotate} does
 * exactly that, with the same meaning of a negative distance. <i>"A linked list?"</i> Make it a
 * ring, walk to the new tail ({@code size - k - 1} steps from the head) and cut there: O(size), no
 * copying.
 */
@Task(id = "junior.core.14", title = "Rotate a list to the right", usage = "<n> [element...]")
public final class RotateList {

  private RotateList() {}

  /**
   * A new list holding the elements of {@code list} rotated right by {@code n} positions (left when
   * {@code n} is negative).
   */
  public static <T> List<T> rotateRight(List<T> list, int n) {
    int size = Objects.requireNonNull(list, "list").size();
    List<T> rotated = new ArrayList<>(size);
    if (size > 0) { // there is no "mod 0": an empty list stays empty
      int split = size - Math.floorMod(n, size);
      rotated.addAll(list.subList(split, size));
      rotated.addAll(list.subList(0, split));
    }
    return rotated;
  }

  /**
   * Rotates the array right by {@code n} positions (left when {@code n} is negative), in place with
   * O(1) extra space.
   */
  public static void rotateRightInPlace(int[] array, int n) {
    Objects.requireNonNull(array, "array");
    if (array.length == 0) {
      return;
    }
    int k = Math.floorMod(n, array.length);
    reverse(array, 0, array.length);
    reverse(array, 0, k);
    reverse(array, k, array.length);
  }

  /** Reverses {@code array[from..to)}. */
  private static void reverse(int[] array, int from, int to) {
    int swaps = (to - from) / 2;
    for (int i = 0; i < swaps; i++) {
      int left = from + i;
      int right = to - 1 - i;
      int saved = array[left];
      array[left] = array[right];
      array[right] = saved;
    }
  }

  /**
   * Prints the arguments after the first rotated right by the first, e.g. {@code 1 a b c} prints
   * {@code c a b}.
   *
   * @throws IllegalArgumentException if there is no argument or the first is not an int
   */
  public static void main(String... args) {
    if (args.length == 0) {
      throw new IllegalArgumentException("usage: junior.core.14 <n> [element...]");
    }
    int n = Args.toInt(args[0]);
    List<String> elements = Arrays.asList(args).subList(1, args.length);
    System.out.println(String.join(" ", rotateRight(elements, n)));
  }
}
