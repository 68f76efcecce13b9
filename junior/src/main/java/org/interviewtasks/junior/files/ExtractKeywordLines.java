package org.interviewtasks.junior.files;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.interviewtasks.common.Args;
import org.interviewtasks.common.Task;

/**
 * Reads a log file and extracts the lines that contain a keyword, like {@code grep -F}.
 *
 * <p><b>Approach.</b> The log is read one line at a time and each matching line is handed to the
 * caller at once, with its line number, so a log of many gigabytes needs the memory of one line:
 * O(n) time, O(longest line) space. The keyword is found literally: {@code [ERROR]} or {@code a.b}
 * mean those characters, not a regular expression ({@link Pattern#LITERAL}). The comparison is
 * case-sensitive unless asked otherwise; then it ignores case by Unicode rules, so {@code error}
 * also finds {@code ERROR} and {@code ÉCHEC} is found by {@code échec}.
 *
 * <p><b>Edge cases.</b> The keyword may appear anywhere in the line, inside a word too: {@code
 * error} matches {@code "errors=3"}. A line is counted once however often it holds the keyword.
 * Lines are given without their terminator; {@code \n}, {@code \r\n} and {@code \r} all end a line.
 * An empty keyword (it would match every line) or one with a line break (it could match none) is an
 * {@link IllegalArgumentException}. A file that is not UTF-8 is a {@link MalformedFileException}.
 *
 * <p><b>Follow-up.</b> <i>"Lines around each match?"</i> Keep the last k lines in a small ring
 * buffer and print them when a match comes, like {@code grep -C k}. <i>"The log is still being
 * written?"</i> Remember the byte offset reached and read on from there ({@code tail -f}), or watch
 * the file with {@code WatchService}.
 */
@Task(id = "junior.files.5", title = "Extract the lines of a log that contain a keyword")
public final class ExtractKeywordLines {

  /**
   * A line that contains the keyword.
   *
   * @param number the 1-based line number in the file
   * @param text the line, without its terminator
   */
  public record Match(long number, String text) {}

  private ExtractKeywordLines() {}

  /**
   * Hands every line of a UTF-8 file that contains {@code keyword} to {@code action}, in order.
   *
   * @param ignoreCase whether to ignore case (by Unicode rules)
   * @return the number of matching lines
   * @throws IllegalArgumentException if the keyword is empty or contains a line break
   * @throws MalformedFileException if the file is not valid UTF-8
   * @throws java.nio.file.NoSuchFileException if the file does not exist
   */
  public static long extract(
      Path log, String keyword, boolean ignoreCase, Consumer<? super Match> action)
      throws IOException {
    TextFiles.requireFile(log, "log");
    Pattern pattern = literal(keyword, ignoreCase);
    Objects.requireNonNull(action, "action");
    long matches = 0;
    try (TextFiles.LineReader lines = TextFiles.lines(log)) {
      for (TextFiles.Line line = lines.next(); line != null; line = lines.next()) {
        if (pattern.matcher(line.text()).find()) {
          action.accept(new Match(lines.lineNumber(), line.text()));
          matches++;
        }
      }
    }
    return matches;
  }

  private static Pattern literal(String keyword, boolean ignoreCase) {
    Objects.requireNonNull(keyword, "keyword");
    if (keyword.isEmpty()) {
      throw new IllegalArgumentException("keyword is empty");
    }
    if (keyword.indexOf('\n') >= 0 || keyword.indexOf('\r') >= 0) {
      throw new IllegalArgumentException("keyword must not contain a line break");
    }
    int flags =
        Pattern.LITERAL | (ignoreCase ? Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE : 0);
    return Pattern.compile(keyword, flags);
  }

  /**
   * Prints {@code number: line} for each line of the file (first argument) that contains the
   * keyword (second argument); {@code --ignore-case} as a third argument ignores case.
   *
   * @throws IllegalArgumentException on other arguments
   */
  public static void main(String... args) throws IOException {
    boolean ignoreCase = args.length == 3 && args[2].equals("--ignore-case");
    if (args.length != 2 && !ignoreCase) {
      throw new IllegalArgumentException("usage: junior.files.5 <log> <keyword> [--ignore-case]");
    }
    extract(
        Args.toPath(args[0]),
        args[1],
        ignoreCase,
        match -> System.out.println(match.number() + ": " + match.text()));
  }
}
