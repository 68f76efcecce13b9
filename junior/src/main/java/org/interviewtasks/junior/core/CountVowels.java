package org.interviewtasks.junior.core;

import java.text.Normalizer;
import java.util.Objects;
import org.interviewtasks.common.Task;

/**
 * Returns the number of vowels in a string.
 *
 * <p><b>Approach.</b> The vowels are the letters a, e, i, o and u, in either case; y is not counted
 * (it is a vowel in "gym" but a consonant in "yes", and telling them apart needs a dictionary, so
 * the usual interview answer leaves it out). Accented vowels count, once: "café" has 2 vowels and
 * "NAÏVE" 3. The same "é" can be one code point ({@code U+00E9}) or two (an {@code e} followed by
 * the combining acute accent {@code U+0301}), so the text is first brought to Unicode canonical
 * decomposition (NFD) with {@link Normalizer}: every accented letter becomes its base letter
 * followed by combining marks, and counting the base letters that are in {@code "aeiouAEIOU"}
 * counts each vowel once whichever way it was written. O(n) time; O(n) space for the normalized
 * copy.
 *
 * <p><b>Edge cases.</b> The empty string has 0 vowels. Letters whose decomposition has no a, e, i,
 * o or u do not count: æ, œ and ø are letters of their own in Danish, Norwegian or French spelling,
 * not an accented vowel, and have no canonical decomposition; neither do vowels of other scripts
 * (Cyrillic "а", Greek "α"), which the task does not define. Emoji, digits and punctuation are
 * never vowels. A null string is rejected with {@link NullPointerException}.
 *
 * <p><b>Follow-up.</b> <i>"Count each vowel separately?"</i> Same loop with an {@code int[5]}
 * indexed by {@code VOWELS.indexOf(c) % 5}. <i>"Fullwidth ａ, circled ⓐ?"</i> Those are
 * compatibility forms: NFKD instead of NFD decomposes them too, at the cost of also folding
 * characters such as superscripts that a reader may not want counted.
 */
@Task(id = "junior.core.15", title = "Count the vowels in a string", usage = "<text...>")
public final class CountVowels {

  private static final String VOWELS = "aeiouAEIOU";

  private CountVowels() {}

  /** The number of vowels (a, e, i, o, u in either case, accented or not) in the text. */
  public static int countVowels(String text) {
    String decomposed =
        Normalizer.normalize(Objects.requireNonNull(text, "text"), Normalizer.Form.NFD);
    int count = 0;
    // Only ASCII letters can match, so looking at chars is safe: a surrogate is never a vowel.
    for (int i = 0; i < decomposed.length(); i++) {
      if (VOWELS.indexOf(decomposed.charAt(i)) >= 0) {
        count++;
      }
    }
    return count;
  }

  /**
   * Prints the number of vowels in the arguments joined with spaces.
   *
   * @throws IllegalArgumentException if there are no arguments
   */
  public static void main(String... args) {
    if (args.length == 0) {
      throw new IllegalArgumentException("usage: junior.core.15 <text...>");
    }
    System.out.println(countVowels(String.join(" ", args)));
  }
}
