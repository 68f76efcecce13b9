package org.interviewtasks.junior.algorithms;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;
import org.interviewtasks.common.Task;

/**
 * Finds the first character of a string that occurs in it exactly once.
 *
 * <p><b>Approach.</b> Two passes: the first counts every code point in a {@link HashMap}, the
 * second walks the string again, in order, and returns the first code point whose count is 1. O(n)
 * time and O(k) space for k distinct characters, where comparing every character with every other
 * would be O(n²). The second pass walks the string, not the map, because a {@code HashMap} does not
 * keep the order of first appearance.
 *
 * <p><b>Edge cases.</b> The answer may not exist ({@code "aabb"}, or the empty string), which is an
 * ordinary outcome, not an error: the result is an {@link OptionalInt}, empty then. It holds a code
 * point, so an emoji is one character and is returned whole; {@link Character#toString(int)} turns
 * it back into a string. Matching is exact: {@code 'a'} and {@code 'A'} are different characters,
 * and so are a precomposed {@code é} and {@code e} followed by a combining accent. Null is rejected
 * with {@link NullPointerException}.
 *
 * <p><b>Follow-up.</b> <i>"The characters arrive as a stream and you are asked after each one?"</i>
 * Keep the seen-once characters in a {@code LinkedHashSet} and the seen-more-than-once in a {@code
 * HashSet}: each arrival is O(1), and the answer is the first element of the linked set.
 */
@Task(
    id = "junior.algorithms.8",
    title = "First non-repeating character",
    usage = "<text> [text...]")
public final class FirstNonRepeating {

  private FirstNonRepeating() {}

  /** The first code point that occurs exactly once in {@code text}, or empty if there is none. */
  public static OptionalInt firstNonRepeating(String text) {
    Objects.requireNonNull(text, "text");
    Map<Integer, Integer> counts = new HashMap<>();
    text.codePoints().forEach(cp -> counts.merge(cp, 1, Integer::sum));
    return text.codePoints().filter(cp -> counts.get(cp) == 1).findFirst();
  }

  /**
   * Prints, for each argument, its first non-repeating character, or {@code none}, e.g. {@code
   * "swiss": w}.
   *
   * @throws IllegalArgumentException if there are no arguments
   */
  public static void main(String... args) {
    if (args.length == 0) {
      throw new IllegalArgumentException("usage: junior.algorithms.8 <text> [text...]");
    }
    for (String text : args) {
      OptionalInt first = firstNonRepeating(text);
      System.out.printf(
          "\"%s\": %s%n", text, first.isPresent() ? Character.toString(first.getAsInt()) : "none");
    }
  }
}
