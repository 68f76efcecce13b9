package org.interviewtasks.junior.core;

import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import org.interviewtasks.common.Task;

/**
 * Takes a list of strings and returns the longest string.
 *
 * <p><b>Approach.</b> One pass that keeps the longest string seen so far: O(n) comparisons, each
 * needing the length of a string, so O(total characters) time and O(1) extra space. Length means
 * code points ({@link String#codePointCount}), not {@link String#length()}: {@code length()} counts
 * UTF-16 {@code char}s, and an emoji outside the Basic Multilingual Plane such as 😀 is two of them
 * (a surrogate pair), so "😀" would wrongly beat "ab". {@link #longestAll(List)} returns every
 * string of the maximum length, by a second pass that keeps those.
 *
 * <p><b>Edge cases.</b> Of strings of equal length, the first wins: the comparison is a strict
 * {@code >}, so a later tie never replaces it. An empty list has no longest string: {@link
 * NoSuchElementException} ({@link #longestAll(List)} answers an empty list instead, which is a
 * correct "all of none"). A null list or element is rejected with {@link NullPointerException}, an
 * element by its index. The empty string is a valid element of length 0. A letter with a combining
 * accent ("e" + U+0301) is two code points: to count what a reader sees as one character, count
 * grapheme clusters with {@link java.text.BreakIterator} (see {@link ReverseString}).
 *
 * <p><b>Follow-up.</b> <i>"With streams?"</i> {@code strings.stream().max(Comparator.comparingInt(s
 * -> s.codePointCount(0, s.length())))}; on ties {@code max} keeps the first, too. <i>"Longest by
 * display width?"</i> CJK characters take two columns in a terminal; that needs East Asian Width
 * data, which the JDK does not expose.
 */
@Task(id = "junior.core.16", title = "Longest string in a list", usage = "<string> [string...]")
public final class LongestString {

  private LongestString() {}

  /**
   * The string with the most code points; of equal ones, the first.
   *
   * @throws NoSuchElementException if the list is empty
   * @throws NullPointerException if the list or one of its elements is null
   */
  public static String longest(List<String> strings) {
    Iterator<String> it = Objects.requireNonNull(strings, "strings").iterator();
    if (!it.hasNext()) {
      throw new NoSuchElementException("no longest string in an empty list");
    }
    String longest = requireElement(it.next(), 0);
    int longestLength = length(longest);
    for (int index = 1; it.hasNext(); index++) {
      String next = requireElement(it.next(), index);
      int nextLength = length(next);
      if (nextLength > longestLength) {
        longest = next;
        longestLength = nextLength;
      }
    }
    return longest;
  }

  /**
   * Every string of the maximum length in code points, in their order in the list; empty for an
   * empty list.
   *
   * @throws NullPointerException if the list or one of its elements is null
   */
  public static List<String> longestAll(List<String> strings) {
    if (Objects.requireNonNull(strings, "strings").isEmpty()) {
      return List.of();
    }
    int max = length(longest(strings));
    return strings.stream().filter(s -> length(s) == max).toList();
  }

  private static String requireElement(String value, int index) {
    return Objects.requireNonNull(value, () -> "null element at index " + index);
  }

  private static int length(String s) {
    return s.codePointCount(0, s.length());
  }

  /**
   * Prints the longest argument.
   *
   * @throws IllegalArgumentException if there are no arguments
   */
  public static void main(String... args) {
    if (args.length == 0) {
      throw new IllegalArgumentException("usage: junior.core.16 <string> [string...]");
    }
    System.out.println(longest(Arrays.asList(args)));
  }
}
