package org.interviewtasks.junior.core;

import java.util.Objects;
import org.interviewtasks.common.Task;

/**
 * Checks whether a string reads the same forwards and backwards.
 *
 * <p><b>Approach.</b> Two indices walk towards each other from both ends and compare one code point
 * at a time, stopping at the first mismatch: O(n) time, O(1) extra space, no reversed copy.
 * Stepping by code point (not by {@code char}) keeps a surrogate pair together, so {@code "😀a😀"}
 * is a palindrome although its {@code char}s reversed are not. {@link #isPalindrome} is strict:
 * case, spaces and punctuation count. {@link #isLoosePalindrome} is the classic sentence version:
 * it skips every code point that is not a letter or digit ({@link Character#isLetterOrDigit(int)})
 * and compares the rest case-insensitively, one code point at a time, so {@code "A man, a plan, a
 * canal: Panama"} and {@code "Искать такси"} qualify.
 *
 * <p><b>Edge cases.</b> The empty string is a palindrome (it equals its reverse), and so is any
 * single code point. In the loose version a string with no letters or digits at all, such as {@code
 * "?!"}, leaves nothing to compare and is therefore a palindrome too. Case is folded with {@code
 * toLowerCase(toUpperCase(cp))}, which also equates letters that have several forms (Greek final
 * sigma {@code ς}, {@code σ} and {@code Σ}). Null is rejected with {@link NullPointerException}.
 *
 * <p><b>Follow-up.</b> <i>"What about accents?"</i> A user sees e followed by U+0301 COMBINING
 * ACUTE ACCENT as one letter é, but code points do not: that pair is not a palindrome here although
 * the precomposed é (U+00E9) is, and e, U+0301, e (shown as "ée") is one although "ée" reversed
 * reads "eé". Comparing grapheme clusters ({@code BreakIterator} or the regex {@code \X}) fixes
 * both. <i>"And é against e + U+0301?"</i> They are the same text in two normal forms (NFC and
 * NFD): normalize first with {@code java.text.Normalizer} so both compare equal.
 */
@Task(id = "junior.core.2", title = "Palindrome check", usage = "<text> [text...]")
public final class Palindrome {

  private Palindrome() {}

  /** Whether {@code text} equals its reverse, code point by code point (case and spaces count). */
  public static boolean isPalindrome(String text) {
    Objects.requireNonNull(text, "text");
    int left = 0;
    int right = text.length();
    while (left < right) {
      int first = text.codePointAt(left);
      int last = text.codePointBefore(right);
      if (first != last) {
        return false;
      }
      left += Character.charCount(first);
      right -= Character.charCount(last);
    }
    return true;
  }

  /**
   * Whether the letters and digits of {@code text} read the same both ways, ignoring case and
   * everything else (spaces, punctuation, symbols, emoji).
   */
  public static boolean isLoosePalindrome(String text) {
    Objects.requireNonNull(text, "text");
    int left = 0;
    int right = text.length();
    while (true) {
      left = nextLetterOrDigit(text, left, right);
      right = previousLetterOrDigit(text, left, right);
      if (left >= right) {
        return true;
      }
      int first = text.codePointAt(left);
      int last = text.codePointBefore(right);
      if (fold(first) != fold(last)) {
        return false;
      }
      left += Character.charCount(first);
      right -= Character.charCount(last);
    }
  }

  /** The index of the first letter or digit in {@code [from, to)}, or {@code to} if none. */
  private static int nextLetterOrDigit(String text, int from, int to) {
    int i = from;
    while (i < to && !Character.isLetterOrDigit(text.codePointAt(i))) {
      i += Character.charCount(text.codePointAt(i));
    }
    return i;
  }

  /** The end index of the last letter or digit in {@code [from, to)}, or {@code from} if none. */
  private static int previousLetterOrDigit(String text, int from, int to) {
    int i = to;
    while (i > from && !Character.isLetterOrDigit(text.codePointBefore(i))) {
      i -= Character.charCount(text.codePointBefore(i));
    }
    return i;
  }

  private static int fold(int codePoint) {
    return Character.toLowerCase(Character.toUpperCase(codePoint));
  }

  /**
   * Prints, for each argument, whether it is a strict and a loose palindrome, e.g. {@code "Race
   * car": strict=false, loose=true}.
   *
   * @throws IllegalArgumentException if there are no arguments
   */
  public static void main(String... args) {
    if (args.length == 0) {
      throw new IllegalArgumentException("usage: junior.core.2 <text> [text...]");
    }
    for (String text : args) {
      System.out.printf(
          "\"%s\": strict=%b, loose=%b%n", text, isPalindrome(text), isLoosePalindrome(text));
    }
  }
}
