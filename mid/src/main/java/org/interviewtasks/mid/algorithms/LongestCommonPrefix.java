package org.interviewtasks.mid.algorithms;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.interviewtasks.common.Task;

/**
 * Finds the longest common prefix of a list of strings: {@code ["flower", "flow", "flight"] ->
 * "fl"}.
 *
 * <p><b>Approach.</b> {@link #of} scans vertically: compare the first string's character at
 * position k with every string's, for k = 0, 1, …, and stop at the first mismatch or at the end of
 * the shortest string. It looks at no more characters than it must: O(n · p) for n strings and a
 * prefix of length p, at worst the total length S; O(1) extra space. {@link #ofMinAndMax} uses a
 * property of lexicographic order: the common prefix of all strings is the common prefix of the
 * smallest and the largest, since every string sorts between them and so shares what they share.
 * One pass finds both (no sort needed), then one comparison: O(S) time, which pays off when the
 * strings are compared anyway, e.g. when they are already sorted.
 *
 * <p><b>Edge cases.</b> Strings are compared {@code char} by {@code char}, but the prefix never
 * ends between the two halves of a surrogate pair: {@code "😀"} (U+1F600) and {@code "😁"}
 * (U+1F601) share their first {@code char}, yet their common prefix is {@code ""}, not a broken
 * half. One string is its own prefix; an empty string anywhere makes the prefix empty; an empty
 * list has no strings to disagree, and by convention (as Python's {@code os.path.commonprefix})
 * gives {@code ""}. Comparison is exact: case, accents and Unicode normalization form count, so
 * normalize first (NFC) if the input mixes forms.
 *
 * <p><b>Follow-up.</b> <i>"Many queries against the same set?"</i> A trie: the prefix is the path
 * from the root while nodes have a single child and are not the end of a word. <i>"Very many
 * strings?"</i> Divide and conquer splits the list, which parallelizes, with the same O(S) total.
 */
@Task(
    id = "mid.algorithms.6",
    title = "Longest common prefix",
    usage = "[word...]   prints their longest common prefix, quoted")
public final class LongestCommonPrefix {

  private LongestCommonPrefix() {}

  /**
   * The longest common prefix by a vertical scan.
   *
   * @throws NullPointerException if the list or one of its strings is null
   */
  public static String of(List<String> strings) {
    requireStrings(strings);
    if (strings.isEmpty()) {
      return "";
    }
    String first = strings.get(0);
    int length = 0;
    scan:
    for (; length < first.length(); length++) {
      char c = first.charAt(length);
      for (String s : strings) {
        if (length >= s.length() || s.charAt(length) != c) {
          break scan;
        }
      }
    }
    return first.substring(0, wholeCodePoints(strings, first, length));
  }

  /**
   * The longest common prefix of the lexicographically smallest and largest strings.
   *
   * @throws NullPointerException if the list or one of its strings is null
   */
  public static String ofMinAndMax(List<String> strings) {
    requireStrings(strings);
    if (strings.isEmpty()) {
      return "";
    }
    String min = strings.get(0);
    String max = min;
    for (String s : strings) {
      if (s.compareTo(min) < 0) {
        min = s;
      } else if (s.compareTo(max) > 0) {
        max = s;
      }
    }
    int length = Arrays.mismatch(min.toCharArray(), max.toCharArray());
    if (length < 0) {
      length = min.length(); // min equals max: every string is the same
    }
    return min.substring(0, wholeCodePoints(strings, min, length));
  }

  /**
   * Shortens a prefix of {@code length} chars by one if it would end between a high surrogate and
   * the low surrogate that follows it in one of the strings.
   */
  private static int wholeCodePoints(List<String> strings, String source, int length) {
    if (length == 0 || !Character.isHighSurrogate(source.charAt(length - 1))) {
      return length;
    }
    for (String s : strings) {
      if (length < s.length() && Character.isLowSurrogate(s.charAt(length))) {
        return length - 1;
      }
    }
    return length;
  }

  private static void requireStrings(List<String> strings) {
    Objects.requireNonNull(strings, "strings");
    for (int i = 0; i < strings.size(); i++) {
      if (strings.get(i) == null) {
        throw new NullPointerException("null string at index " + i);
      }
    }
  }

  /** Prints the longest common prefix of the arguments, in double quotes. */
  public static void main(String... args) {
    System.out.println("\"" + of(List.of(args)) + "\"");
  }
}
