package org.interviewtasks.junior.core;

import java.text.BreakIterator;
import java.util.Objects;
import org.interviewtasks.common.Task;

/**
 * Reverses a string without using built-in reverse functions ({@code StringBuilder.reverse}, {@code
 * Collections.reverse}).
 *
 * <p><b>Approach.</b> Reversing the {@code char}s would break every character outside the Basic
 * Multilingual Plane: 😀 is the surrogate pair U+D83D U+DE00 in UTF-16, and swapping its halves
 * gives two invalid lone surrogates. {@link #reverse(String)} therefore walks the text by code
 * points and copies each one, its one or two {@code char}s in their original order, to the mirrored
 * position of a {@code char[]} filled from the end: "a😀b" becomes "b😀a". O(n) time, O(n) space
 * for the result.
 *
 * <p>A reader sees some characters that are several code points: "é" written as {@code e} plus the
 * combining acute accent {@code U+0301}, the family 👨‍👩‍👧 (three emoji joined by zero-width
 * joiners), a flag 🇫🇷 (two regional indicators), 👍🏽 (an emoji and a skin-tone modifier).
 * Reversing by code points moves the accent onto the previous letter and breaks the others apart.
 * {@link #reverseGraphemes(String)} reverses by these user-perceived characters (extended grapheme
 * clusters): {@link BreakIterator#getCharacterInstance()} finds their boundaries (it follows
 * Unicode's extended grapheme cluster rules since Java 20), and each cluster {@code [start, end)}
 * is copied whole to {@code [n - end, n - start)} of the result. O(n) time.
 *
 * <p><b>Edge cases.</b> The empty string gives itself. A lone surrogate (an invalid string, but a
 * legal Java {@code String}) is kept and moved as one unit; note that reversing the two lone
 * surrogates U+DC00 U+D800 lines them up as a valid pair, so for such strings reversing twice does
 * not give the input back ({@code StringBuilder.reverse} behaves the same). For valid text, {@code
 * reverse(reverse(s))} equals {@code s}. A null string is rejected with {@link
 * NullPointerException}.
 *
 * <p><b>Follow-up.</b> <i>"In place?"</i> Strings are immutable in Java; on a {@code char[]}, swap
 * from both ends, then swap back the two halves of every surrogate pair that got reversed.
 * <i>"Recursively?"</i> {@code reverse(s.substring(1)) + s.charAt(0)} is the textbook answer but
 * O(n²) in copying and O(n) stack depth: a long string overflows the stack.
 */
@Task(id = "junior.core.17", title = "Reverse a string", usage = "<text...>")
public final class ReverseString {

  private ReverseString() {}

  /** The text with its code points in reverse order; surrogate pairs stay whole. */
  public static String reverse(String text) {
    int n = Objects.requireNonNull(text, "text").length();
    char[] reversed = new char[n];
    for (int i = 0; i < n; ) {
      int codePoint = text.codePointAt(i);
      int width = Character.charCount(codePoint);
      Character.toChars(codePoint, reversed, n - i - width);
      i += width;
    }
    return new String(reversed);
  }

  /**
   * The text with its user-perceived characters (extended grapheme clusters) in reverse order:
   * accented letters, emoji sequences and flags stay whole.
   */
  public static String reverseGraphemes(String text) {
    int n = Objects.requireNonNull(text, "text").length();
    char[] reversed = new char[n];
    BreakIterator boundaries = BreakIterator.getCharacterInstance();
    boundaries.setText(text);
    int start = boundaries.first();
    for (int end = boundaries.next(); end != BreakIterator.DONE; end = boundaries.next()) {
      text.getChars(start, end, reversed, n - end);
      start = end;
    }
    return new String(reversed);
  }

  /**
   * Prints the arguments joined with spaces, reversed by code points and by graphemes.
   *
   * @throws IllegalArgumentException if there are no arguments
   */
  public static void main(String... args) {
    if (args.length == 0) {
      throw new IllegalArgumentException("usage: junior.core.17 <text...>");
    }
    String text = String.join(" ", args);
    System.out.println("by code points: " + reverse(text));
    System.out.println("by graphemes:   " + reverseGraphemes(text));
  }
}
