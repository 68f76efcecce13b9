package org.interviewtasks.junior.algorithms;

import java.util.HashSet;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.PrimitiveIterator;
import java.util.Set;
import org.interviewtasks.common.Task;

/**
 * Checks whether a string contains only unique characters, that is, none occurs twice.
 *
 * <p><b>Approach.</b> Walk the code points and remember the ones seen in a {@link HashSet}; {@link
 * Set#add} returning false is the first repeat, and the walk stops there. O(n) time and O(n) space
 * in the worst case (all unique). {@link #firstRepeated} reports which character repeats first,
 * i.e. whose second occurrence comes earliest. The classic follow-up "without an additional data
 * structure" is {@link #hasUniqueCharactersBySorting}: sort the code points, so that equal ones
 * become neighbours, and compare each with the next: O(n log n) time, and only the array of code
 * points, which Java needs anyway because strings are immutable.
 *
 * <p><b>Edge cases.</b> The empty string and a single character have only unique characters.
 * Characters are code points, so {@code "😀😁"} is unique although both emoji start with the same
 * {@code char} (the high surrogate U+D83D); counting {@code char}s would call it a repeat. Matching
 * is exact: {@code 'a'} and {@code 'A'} differ, and a space is a character like any other. Null is
 * rejected with {@link NullPointerException}.
 *
 * <p><b>Follow-up.</b> <i>"Only ASCII?"</i> A string longer than 128 characters must repeat one
 * (pigeonhole), and a {@code boolean[128]} or two {@code long} bit masks replace the set.
 */
@Task(
    id = "junior.algorithms.13",
    title = "Unique characters in a string",
    usage = "<text> [text...]")
public final class UniqueCharacters {

  private UniqueCharacters() {}

  /** Whether no code point occurs twice in {@code text}; O(n) with a hash set. */
  public static boolean hasUniqueCharacters(String text) {
    return firstRepeated(text).isEmpty();
  }

  /**
   * The code point whose second occurrence comes first in {@code text}, or empty if none repeats;
   * e.g. {@code 'l'} for {@code "hello"}.
   */
  public static OptionalInt firstRepeated(String text) {
    Objects.requireNonNull(text, "text");
    Set<Integer> seen = new HashSet<>();
    for (PrimitiveIterator.OfInt it = text.codePoints().iterator(); it.hasNext(); ) {
      int cp = it.nextInt();
      if (!seen.add(cp)) {
        return OptionalInt.of(cp);
      }
    }
    return OptionalInt.empty();
  }

  /** Whether no code point occurs twice in {@code text}; O(n log n) by sorting, no hash set. */
  public static boolean hasUniqueCharactersBySorting(String text) {
    int[] codePoints = Objects.requireNonNull(text, "text").codePoints().sorted().toArray();
    for (int i = 1; i < codePoints.length; i++) {
      if (codePoints[i - 1] == codePoints[i]) {
        return false;
      }
    }
    return true;
  }

  /**
   * Prints, for each argument, whether its characters are unique, or the first that repeats, e.g.
   * {@code "hello": 'l' repeats}.
   *
   * @throws IllegalArgumentException if there are no arguments
   */
  public static void main(String... args) {
    if (args.length == 0) {
      throw new IllegalArgumentException("usage: junior.algorithms.13 <text> [text...]");
    }
    for (String text : args) {
      OptionalInt repeated = firstRepeated(text);
      System.out.printf(
          "\"%s\": %s%n",
          text,
          repeated.isPresent()
              ? "'" + Character.toString(repeated.getAsInt()) + "' repeats"
              : "all characters unique");
    }
  }
}
