package org.interviewtasks.junior.files;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.interviewtasks.common.Args;
import org.interviewtasks.common.Task;

/**
 * Reads a text file and replaces every occurrence of a given word with another word, in place.
 *
 * <p><b>Semantics.</b> Unlike {@link FindReplace}, which replaces any substring, this replaces
 * <em>whole words</em>: {@code cat} is replaced in {@code "the cat sat"} and {@code "cat."} but not
 * in {@code "concatenate"}, {@code "cats"} or {@code "cat's"}. A word's borders are judged as in
 * {@link WordFrequency}: an occurrence counts when the character before it and the one after it are
 * not letters, marks or digits (by Unicode), and not an apostrophe joined to more of a word. The
 * word itself is taken literally, not as a regular expression: {@code c++}, {@code $5} or {@code
 * a.b} mean those characters ({@link Pattern#quote}), and the replacement is inserted as is: {@code
 * $1} or {@code \} in it are not group references ({@link Matcher#quoteReplacement}).
 * Case-sensitive by default; ignoring case matches {@code Cat} and {@code CAT} by Unicode rules,
 * and inserts the replacement as given.
 *
 * <p><b>Approach.</b> One compiled pattern, {@code (?<!word-char)(?<!word-char
 * apostrophe)\Qword\E(?!word-char)(?!apostrophe word-char)}, applied line by line with {@link
 * Matcher#appendReplacement}, counting; the new text goes to a temporary file that replaces the
 * original in one atomic rename. O(n) time, O(longest line) memory.
 *
 * <p><b>Edge cases.</b> Line endings are kept, line by line, and so is a last line without a
 * terminator. The word must not be empty or contain a line break (the file is matched line by
 * line); the replacement may be anything. The file is rewritten even when nothing matched (with the
 * same bytes). A file that is not UTF-8 is a {@link MalformedFileException} and stays untouched.
 *
 * <p><b>Follow-up.</b> <i>"Keep the case of each occurrence ({@code Cat} to {@code Dog})?"</i> Look
 * at the matched text in the loop and adapt the replacement before appending it. <i>"Why not {@code
 * \b}?"</i> In Java, {@code \b} only knows word characters by its own rules, and an apostrophe is a
 * border for it: {@code \bdon\b} matches in {@code don't}.
 */
@Task(id = "junior.files.17", title = "Replace a word in a file")
public final class ReplaceWord {

  private ReplaceWord() {}

  /**
   * Replaces every whole-word occurrence of {@code word}, case-sensitively; see {@link
   * #replace(Path, String, String, boolean)}.
   */
  public static long replace(Path file, String word, String replacement) throws IOException {
    return replace(file, word, replacement, false);
  }

  /**
   * Replaces every whole-word occurrence of {@code word} in a UTF-8 file with {@code replacement},
   * rewriting the file atomically.
   *
   * @param ignoreCase whether to match the word regardless of case, by Unicode rules
   * @return the number of occurrences replaced
   * @throws IllegalArgumentException if the word is empty or contains a line break
   * @throws MalformedFileException if the file is not valid UTF-8; it is then unchanged
   * @throws java.nio.file.NoSuchFileException if the file does not exist
   */
  public static long replace(Path file, String word, String replacement, boolean ignoreCase)
      throws IOException {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(word, "word");
    Objects.requireNonNull(replacement, "replacement");
    if (word.isEmpty()) {
      throw new IllegalArgumentException("word is empty");
    }
    if (word.indexOf('\n') >= 0 || word.indexOf('\r') >= 0) {
      throw new IllegalArgumentException("word must not contain a line break");
    }
    Pattern pattern = Words.wholeWord(word, ignoreCase);
    String literal = Matcher.quoteReplacement(replacement);
    var count = new AtomicLong(); // a lambda cannot assign a local variable
    AtomicWrite.rewriteLines(
        file,
        file,
        line -> {
          Matcher matcher = pattern.matcher(line);
          var result = new StringBuilder();
          while (matcher.find()) {
            matcher.appendReplacement(result, literal);
            count.incrementAndGet();
          }
          return matcher.appendTail(result).toString();
        });
    return count.get();
  }

  /**
   * Replaces, in the file named by the first argument, the word given second with the third, and
   * prints how many it replaced; {@code --ignore-case} as a fourth argument ignores case.
   *
   * @throws IllegalArgumentException on other arguments
   */
  public static void main(String... args) throws IOException {
    boolean ignoreCase = args.length == 4 && args[3].equals("--ignore-case");
    if (args.length != 3 && !ignoreCase) {
      throw new IllegalArgumentException(
          "usage: junior.files.17 <file> <word> <replacement> [--ignore-case]");
    }
    long count = replace(Args.toPath(args[0]), args[1], args[2], ignoreCase);
    System.out.println(count + (count == 1 ? " word" : " words") + " replaced");
  }
}
