package org.interviewtasks.junior.core;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.interviewtasks.common.Task;

/**
 * Counts how many times a character appears in a string.
 *
 * <p><b>Approach.</b> A character is a code point, so {@link #count(String, int)} takes an {@code
 * int} (a {@code char} argument such as {@code 'a'} widens to it) and compares it with every code
 * point of {@link String#codePoints()}: O(n) time, O(1) space. An emoji such as 😀 is one code
 * point above U+FFFF, two {@code char}s in the string, and counts once per occurrence. {@link
 * #frequencies(String)} counts every character in one pass with {@link Map#merge}: O(n) time, O(k)
 * space for k distinct characters. Its keys are {@code String}s, so that an emoji key prints as
 * itself rather than as a number, in order of first appearance ({@link LinkedHashMap}), and the map
 * is unmodifiable.
 *
 * <p><b>Edge cases.</b> The count is case-sensitive: 'a' and 'A' are different characters. {@link
 * #countIgnoringCase(String, int)} compares upper- then lower-cased code points, one by one, which
 * matches Σ, σ and ς, but cannot match one character against two (ß against "SS"). An accented
 * letter counts as itself: "é" written as e + U+0301 is two code points, an "e" and an accent. Half
 * of a surrogate pair is not a character: asking for one throws {@link IllegalArgumentException},
 * as does an int that is no code point at all (negative or above U+10FFFF); a lone surrogate in the
 * text is counted by {@link #frequencies(String)} as a character of its own. An empty text gives 0
 * and an empty map. A null text is rejected with {@link NullPointerException}.
 *
 * <p><b>Follow-up.</b> <i>"Only ASCII, and fast?"</i> An {@code int[128]} indexed by the character
 * replaces the map. <i>"The most frequent character?"</i> The maximum entry of {@link
 * #frequencies(String)}; of equal counts, the first to appear wins if you scan in map order.
 */
@Task(
    id = "junior.core.20",
    title = "Count occurrences of a character",
    usage = "[<character>] <text...>")
public final class CharacterFrequency {

  private CharacterFrequency() {}

  /**
   * How many times the code point occurs in the text, case-sensitively.
   *
   * @throws IllegalArgumentException if {@code codePoint} is a surrogate or not a code point
   */
  public static long count(String text, int codePoint) {
    Objects.requireNonNull(text, "text");
    requireCharacter(codePoint);
    return text.codePoints().filter(c -> c == codePoint).count();
  }

  /**
   * How many times the code point occurs in the text, ignoring case code point by code point.
   *
   * @throws IllegalArgumentException if {@code codePoint} is a surrogate or not a code point
   */
  public static long countIgnoringCase(String text, int codePoint) {
    Objects.requireNonNull(text, "text");
    requireCharacter(codePoint);
    int folded = fold(codePoint);
    return text.codePoints().filter(c -> fold(c) == folded).count();
  }

  /**
   * Every character of the text, as a one-code-point string, with its number of occurrences, in
   * order of first appearance; unmodifiable.
   */
  public static Map<String, Long> frequencies(String text) {
    Map<String, Long> counts = new LinkedHashMap<>();
    Objects.requireNonNull(text, "text")
        .codePoints()
        .forEach(c -> counts.merge(Character.toString(c), 1L, Long::sum));
    return Collections.unmodifiableMap(counts);
  }

  private static int fold(int codePoint) {
    return Character.toLowerCase(Character.toUpperCase(codePoint));
  }

  private static void requireCharacter(int codePoint) {
    if (!Character.isValidCodePoint(codePoint)) {
      throw new IllegalArgumentException(
          "not a Unicode code point: " + codePoint + " (code points are 0 to 0x10FFFF)");
    }
    if (Character.getType(codePoint) == Character.SURROGATE) {
      throw new IllegalArgumentException(
          String.format(
              "U+%04X is half of a surrogate pair, not a character: pass the whole code point,"
                  + " e.g. text.codePointAt(i)",
              codePoint));
    }
  }

  /**
   * With two or more arguments, prints how many times the first, a single character, occurs in the
   * others joined with spaces; with one, prints the frequency of every character in it, one {@code
   * 'c': n} line each.
   *
   * @throws IllegalArgumentException if there are no arguments or the character is not one
   *     character
   */
  public static void main(String... args) {
    if (args.length == 0) {
      throw new IllegalArgumentException("usage: junior.core.20 [<character>] <text...>");
    }
    if (args.length == 1) {
      frequencies(args[0]).forEach((c, n) -> System.out.println("'" + c + "': " + n));
      return;
    }
    String character = args[0];
    if (character.codePointCount(0, character.length()) != 1) {
      throw new IllegalArgumentException(
          "the character to count must be exactly one character, got '" + character + "'");
    }
    String text = String.join(" ", Arrays.asList(args).subList(1, args.length));
    System.out.println(count(text, character.codePointAt(0)));
  }
}
