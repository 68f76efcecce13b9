package org.interviewtasks.junior.core;

import java.util.Objects;
import org.interviewtasks.common.Task;

/**
 * Reverses the order of the words in a sentence: {@code "Hello big world"} becomes {@code "world
 * big Hello"}.
 *
 * <p><b>Approach.</b> One scan from the end of the sentence to its start: skip whitespace, find
 * where the word before it begins, append that word to the result, repeat. Every char is looked at
 * once, and each word is copied once, so it is O(n) time and O(n) space for the result. No {@code
 * split} and no regex: {@code split("\\s+")} would build an array of all the words and a leading
 * empty string for a sentence that starts with a space, and {@code \s} misses non-ASCII whitespace.
 * Words are maximal runs of code points that are not {@link Character#isWhitespace(int)
 * whitespace}, so tabs, newlines and the ideographic space U+3000 separate words; the result joins
 * them with single spaces.
 *
 * <p><b>Edge cases.</b> Leading, trailing and repeated whitespace disappear: {@code " Hello world
 * "} gives {@code "world Hello"}; an empty or blank sentence gives {@code ""}. Punctuation is part
 * of its word and moves with it: {@code "Hello, world!"} gives {@code "world! Hello,"} (moving it
 * back to the end would need a definition of "sentence punctuation" the task does not give). Each
 * word is copied unchanged, so Cyrillic, CJK, emoji (surrogate pairs) and combining marks stay
 * intact: the no-break space U+00A0 is not whitespace in Java, so it stays inside its word. Null is
 * rejected with {@link NullPointerException}.
 *
 * <p><b>Follow-up.</b> <i>"In place, in a char array, with O(1) extra space?"</i> Reverse the whole
 * array, then reverse each word back: two passes, no allocation (but surrogate pairs come out
 * swapped after the first reversal and must be swapped back). <i>"Keep the original spacing?"</i>
 * Reverse the sequence of tokens where both words and whitespace runs are tokens.
 */
@Task(id = "junior.core.5", title = "Reverse the words of a sentence", usage = "<word> [word...]")
public final class ReverseSentence {

  private ReverseSentence() {}

  /** The words of {@code sentence} in reverse order, separated by single spaces. */
  public static String reverseWords(String sentence) {
    Objects.requireNonNull(sentence, "sentence");
    var reversed = new StringBuilder(sentence.length());
    int end = sentence.length();
    while (end > 0) {
      int last = sentence.codePointBefore(end);
      if (Character.isWhitespace(last)) {
        end -= Character.charCount(last);
        continue;
      }
      int start = startOfWord(sentence, end);
      if (!reversed.isEmpty()) {
        reversed.append(' ');
      }
      reversed.append(sentence, start, end);
      end = start;
    }
    return reversed.toString();
  }

  /** The index where the word ending at {@code end} starts. */
  private static int startOfWord(String sentence, int end) {
    int start = end;
    while (start > 0 && !Character.isWhitespace(sentence.codePointBefore(start))) {
      start -= Character.charCount(sentence.codePointBefore(start));
    }
    return start;
  }

  /**
   * Joins the arguments with spaces and prints the sentence with its words reversed, e.g. {@code
   * world Hello} for {@code Hello world}.
   *
   * @throws IllegalArgumentException if there are no arguments
   */
  public static void main(String... args) {
    if (args.length == 0) {
      throw new IllegalArgumentException("usage: junior.core.5 <word> [word...]");
    }
    System.out.println(reverseWords(String.join(" ", args)));
  }
}
