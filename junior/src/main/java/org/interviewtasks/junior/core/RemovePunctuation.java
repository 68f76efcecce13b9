package org.interviewtasks.junior.core;

import java.util.Objects;
import java.util.function.IntPredicate;
import org.interviewtasks.common.Task;

/**
 * Takes a sentence and removes all the punctuation.
 *
 * <p>"Punctuation" needs a definition, and there are two common ones:
 *
 * <ul>
 *   <li>{@link #removePunctuation(String)}: Unicode's, the general categories P* reported by {@link
 *       Character#getType(int)}: connectors ({@code _}), dashes ({@code - — –}), opening and
 *       closing brackets, opening and closing quotes ({@code « » “ ”}) and the rest ({@code ! ? . ,
 *       ; : ' … ¿ ¡ "}). Symbols are not punctuation there: {@code $ + = ^ ` | ~ < >} (categories
 *       S*) stay, as do currency signs and math operators. This suits text in any language: "«
 *       Bonjour » — dit-il…" loses its guillemets, dash, hyphen and ellipsis.
 *   <li>{@link #removeAsciiPunctuation(String)}: exactly the 32 ASCII characters of POSIX {@code
 *       [:punct:]}, which Python's {@code string.punctuation} lists: every printable ASCII
 *       character that is not a letter, a digit or a space, symbols like {@code $ + = <} included.
 *       Non-ASCII punctuation such as {@code « » …} stays.
 * </ul>
 *
 * <p><b>Approach.</b> One pass over the code points, appending those that are not punctuation to a
 * {@link StringBuilder}: O(n) time and space. Code points, not {@code char}s, so that an emoji,
 * which is two {@code char}s, is tested and kept whole. No regular expression is needed; the tests
 * use {@code \p{P}} and {@code \p{Punct}} as oracles.
 *
 * <p><b>Edge cases.</b> Only punctuation is removed; spaces are kept as they are, so removing a
 * dash between two spaces leaves two spaces ("a - b" becomes "a b"): collapsing them is a different
 * task. An apostrophe inside a word goes too ("don't" becomes "dont"), as does a hyphen ("dit-il"
 * becomes "ditil"). Letters with accents, digits, emoji and other scripts are untouched. A null
 * string is rejected with {@link NullPointerException}.
 *
 * <p><b>Follow-up.</b> <i>"With a regex?"</i> {@code text.replaceAll("\\p{P}", "")} for Unicode,
 * {@code "\\p{Punct}"} for ASCII: shorter, but hides the definition the interviewer asked about.
 * <i>"Keep apostrophes inside words?"</i> Then look at the neighbours: drop a {@code '} only when
 * it is not between two letters.
 */
@Task(id = "junior.core.19", title = "Remove punctuation from a sentence", usage = "<sentence...>")
public final class RemovePunctuation {

  /** POSIX {@code [:punct:]}: the 32 printable ASCII characters that are not alphanumeric. */
  static final String ASCII_PUNCTUATION = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~";

  private RemovePunctuation() {}

  /** The text without its Unicode punctuation (general categories P*); symbols stay. */
  public static String removePunctuation(String text) {
    return removeIf(text, RemovePunctuation::isPunctuation);
  }

  /** The text without the 32 ASCII punctuation characters of POSIX {@code [:punct:]}. */
  public static String removeAsciiPunctuation(String text) {
    return removeIf(text, codePoint -> ASCII_PUNCTUATION.indexOf(codePoint) >= 0);
  }

  /** Whether the code point is in one of Unicode's punctuation categories (P*). */
  static boolean isPunctuation(int codePoint) {
    return switch (Character.getType(codePoint)) {
      case Character.CONNECTOR_PUNCTUATION,
          Character.DASH_PUNCTUATION,
          Character.START_PUNCTUATION,
          Character.END_PUNCTUATION,
          Character.INITIAL_QUOTE_PUNCTUATION,
          Character.FINAL_QUOTE_PUNCTUATION,
          Character.OTHER_PUNCTUATION ->
          true;
      default -> false;
    };
  }

  private static String removeIf(String text, IntPredicate isPunctuation) {
    Objects.requireNonNull(text, "text");
    StringBuilder kept = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); ) {
      int codePoint = text.codePointAt(i);
      if (!isPunctuation.test(codePoint)) {
        kept.appendCodePoint(codePoint);
      }
      i += Character.charCount(codePoint);
    }
    return kept.toString();
  }

  /**
   * Prints the arguments joined with spaces, without their Unicode punctuation.
   *
   * @throws IllegalArgumentException if there are no arguments
   */
  public static void main(String... args) {
    if (args.length == 0) {
      throw new IllegalArgumentException("usage: junior.core.19 <sentence...>");
    }
    System.out.println(removePunctuation(String.join(" ", args)));
  }
}
