package org.interviewtasks.junior.core;

import java.util.Locale;
import java.util.Objects;
import org.interviewtasks.common.Task;

/**
 * Converts a string to title case: the first letter of each word capitalized, the rest lower case.
 *
 * <p><b>Approach.</b> One pass over the text. Whitespace ({@link Character#isWhitespace(int)}) is
 * copied exactly as it is, so the text keeps its spacing, tabs and line breaks; every maximal run
 * of other code points is a word. In a word, the first letter or digit starts it: it is mapped with
 * {@link Character#toTitleCase(int)} and everything after it is lower-cased; anything before it (an
 * opening bracket or quote, an emoji) is kept as it is. O(n) time and space.
 *
 * <p>Title case is not upper case: the digraph ǆ has three forms, Ǆ, ǅ and ǆ, and a word starts
 * with the title form ǅ ({@code "ǆungla"} gives {@code "ǅungla"}). Lower-casing uses {@link
 * Locale#ROOT}, never the default locale: in a Turkish locale {@code "TITLE".toLowerCase()} gives
 * {@code "tıtle"} with a dotless ı. And the rest of the word is lower-cased together with its first
 * letter, not on its own, because Greek capital sigma has two lower-case forms and the JDK picks
 * the final form ς from context: {@code "ΟΔΟΣ"} gives {@code "Οδος"}, and {@code "ΟΣ"} gives {@code
 * "Ος"} (lower-casing {@code "Σ"} alone would give the non-final σ).
 *
 * <p><b>Edge cases.</b> Empty and blank strings come back unchanged. Unlike Python's {@code
 * str.title()}, only whitespace separates words: {@code "don't"} gives {@code "Don't"} (Python says
 * {@code "Don'T"}) and {@code "well-known"} gives {@code "Well-known"}. A word that starts with
 * punctuation or a symbol capitalizes its first letter: {@code "(hello"} gives {@code "(Hello"} and
 * {@code "😀smile"} gives {@code "😀Smile"}; a word that starts with a digit has nothing to
 * capitalize: {@code "42ND"} gives {@code "42nd"}, not Python's {@code "42Nd"}. A word with no
 * letter or digit at all is left untouched. The length can change: the ROOT lower case of İ (I with
 * a dot) is i followed by a combining dot, two chars. Null is rejected with {@link
 * NullPointerException}.
 *
 * <p><b>Follow-up.</b> <i>"And "the lord of the rings"?"</i> English titles keep short function
 * words lower case ("The Lord of the Rings") and names need exceptions (McDonald, O'Neil): a
 * stop-word list and a dictionary, not a character rule. <i>"What does the JDK offer?"</i> No
 * title-case method on {@code String}; ICU4J's {@code UCharacter.toTitle} with a word {@code
 * BreakIterator} does this with real word boundaries.
 */
@Task(id = "junior.core.9", title = "Title case", usage = "<word> [word...]")
public final class TitleCase {

  private TitleCase() {}

  /** {@code text} with every whitespace-separated word title-cased; whitespace kept exactly. */
  public static String titleCase(String text) {
    Objects.requireNonNull(text, "text");
    var result = new StringBuilder(text.length());
    int start = 0;
    while (start < text.length()) {
      int end = start;
      while (end < text.length() && !Character.isWhitespace(text.codePointAt(end))) {
        end += Character.charCount(text.codePointAt(end));
      }
      appendTitleCased(result, text.substring(start, end));
      // whitespace is never a surrogate pair: one char each
      while (end < text.length() && Character.isWhitespace(text.charAt(end))) {
        result.append(text.charAt(end));
        end++;
      }
      start = end;
    }
    return result.toString();
  }

  private static void appendTitleCased(StringBuilder result, String word) {
    int first = 0;
    while (first < word.length() && !Character.isLetterOrDigit(word.codePointAt(first))) {
      first += Character.charCount(word.codePointAt(first));
    }
    if (first == word.length()) {
      result.append(word); // nothing to capitalize
      return;
    }
    int letter = word.codePointAt(first);
    int afterLetter = first + Character.charCount(letter);
    // Lower-case the whole word so a final sigma sees its context, then drop the lower-cased head:
    // in Locale.ROOT only sigma depends on context, and both its forms are one char long.
    String lowerWord = word.toLowerCase(Locale.ROOT);
    int lowerHeadLength = word.substring(0, afterLetter).toLowerCase(Locale.ROOT).length();
    result
        .append(word, 0, first)
        .appendCodePoint(Character.toTitleCase(letter))
        .append(lowerWord, lowerHeadLength, lowerWord.length());
  }

  /**
   * Joins the arguments with spaces and prints them in title case, e.g. {@code Hello World} for
   * {@code hELLO world}.
   *
   * @throws IllegalArgumentException if there are no arguments
   */
  public static void main(String... args) {
    if (args.length == 0) {
      throw new IllegalArgumentException("usage: junior.core.9 <word> [word...]");
    }
    System.out.println(titleCase(String.join(" ", args)));
  }
}
