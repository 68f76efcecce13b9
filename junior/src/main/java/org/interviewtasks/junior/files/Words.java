package org.interviewtasks.junior.files;

import java.util.regex.Pattern;

/**
 * What a "word" is, for every file task that counts or replaces words, so that they agree.
 *
 * <p>A word is a maximal run of letters, combining marks and digits, by their Unicode properties
 * ({@code \p{L}}, {@code \p{M}}, {@code \p{N}}), in which an apostrophe ({@code '} or the
 * typographic {@code ’}) counts only between two of them: {@code don't} and {@code rock'n'roll} are
 * one word each, while in {@code 'tis} and {@code students'} the apostrophe is quotation, not part
 * of the word. Everything else separates words: spaces, punctuation, hyphens ({@code well-known} is
 * two words), underscores, symbols and emoji.
 */
final class Words {

  private static final String WORD_CHARACTER = "[\\p{L}\\p{M}\\p{N}]";
  private static final String APOSTROPHE = "['\u2019]";

  /** One word, as defined above. */
  static final Pattern WORD =
      Pattern.compile(WORD_CHARACTER + "+(?:" + APOSTROPHE + WORD_CHARACTER + "+)*");

  /**
   * Not inside a word on the left: no word character before, nor an apostrophe with one before it.
   */
  private static final String START =
      "(?<!" + WORD_CHARACTER + ")(?<!" + WORD_CHARACTER + APOSTROPHE + ")";

  /** The mirror of {@link #START}. */
  private static final String END =
      "(?!" + WORD_CHARACTER + ")(?!" + APOSTROPHE + WORD_CHARACTER + ")";

  private Words() {}

  /**
   * A pattern that finds {@code text} literally (regular-expression characters in it have no
   * special meaning) where it stands as a whole word: not preceded or followed by more of a word,
   * so {@code cat} matches in {@code "a cat."} but not in {@code "concatenate"} or {@code "cat's"}.
   *
   * @param ignoreCase whether to match regardless of case, by Unicode rules ({@code Ärger} matches
   *     {@code ärger})
   */
  static Pattern wholeWord(String text, boolean ignoreCase) {
    int flags = ignoreCase ? Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE : 0;
    return Pattern.compile(START + Pattern.quote(text) + END, flags);
  }
}
