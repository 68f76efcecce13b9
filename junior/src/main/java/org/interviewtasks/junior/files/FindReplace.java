package org.interviewtasks.junior.files;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import org.interviewtasks.common.Args;
import org.interviewtasks.common.Task;

/**
 * Finds a piece of text in a file and replaces every occurrence, in place.
 *
 * <p><b>Semantics.</b> This is the editor's plain "find and replace": the text is found
 * <em>literally</em> and as a <em>substring</em>, case-sensitively. Literally: {@code a.b}, {@code
 * (x)} or {@code $1} mean those characters, not a regular expression, which is the trap of {@code
 * String.replaceAll} (its first argument is a regex, its second a template where {@code $} and
 * {@code \} are special). As a substring: {@code cat} is replaced inside {@code concatenate} too;
 * {@link ReplaceWord} is the whole-word version. Occurrences are found left to right without
 * overlapping: replacing {@code aa} in {@code aaa} replaces the first two.
 *
 * <p><b>Approach.</b> The file is read line by line; in each line {@link String#indexOf(String,
 * int)} finds the occurrences and a {@link StringBuilder} assembles the new line, counting as it
 * goes. The new content goes to a temporary file that replaces the original in one atomic rename,
 * so a failure halfway leaves the original intact: O(n) time, O(longest line) memory.
 *
 * <p><b>Edge cases.</b> Line endings are kept as they are, line by line ({@code \n}, {@code \r\n}),
 * and a last line without a terminator stays without one. The text to find must not be empty (where
 * would it occur?) nor contain a line break, since the file is searched line by line; the
 * replacement may be anything, even empty (to delete) or multi-line. The file is rewritten even
 * when nothing matched (with the same bytes). An invalid UTF-8 file is a {@link
 * MalformedFileException} and stays untouched.
 *
 * <p><b>Follow-up.</b> <i>"Text that spans lines?"</i> Stream characters through a window as long
 * as the text (or use a regex over a {@code CharBuffer} of a memory-mapped file). <i>"Skip the
 * rewrite when nothing matched?"</i> Discard the temporary file instead of renaming it, so the
 * file's modification time does not change.
 */
@Task(id = "junior.files.9", title = "Find and replace text in a file")
public final class FindReplace {

  private FindReplace() {}

  /**
   * Replaces every occurrence of {@code find} in a UTF-8 file with {@code replacement}, literally
   * and case-sensitively, rewriting the file atomically.
   *
   * @return the number of occurrences replaced
   * @throws IllegalArgumentException if {@code find} is empty or contains a line break
   * @throws MalformedFileException if the file is not valid UTF-8; it is then unchanged
   * @throws java.nio.file.NoSuchFileException if the file does not exist
   */
  public static long replace(Path file, String find, String replacement) throws IOException {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(find, "find");
    Objects.requireNonNull(replacement, "replacement");
    if (find.isEmpty()) {
      throw new IllegalArgumentException("the text to find is empty");
    }
    if (find.indexOf('\n') >= 0 || find.indexOf('\r') >= 0) {
      throw new IllegalArgumentException("the text to find must not contain a line break");
    }
    var count = new AtomicLong(); // a lambda cannot assign a local variable
    AtomicWrite.rewriteLines(file, file, line -> replaceAll(line, find, replacement, count));
    return count.get();
  }

  /** {@code line} with every occurrence of {@code find} replaced, counted in {@code count}. */
  private static String replaceAll(String line, String find, String replacement, AtomicLong count) {
    int at = line.indexOf(find);
    if (at < 0) {
      return line;
    }
    var result = new StringBuilder(line.length());
    int from = 0;
    while (at >= 0) {
      result.append(line, from, at).append(replacement);
      count.incrementAndGet();
      from = at + find.length();
      at = line.indexOf(find, from);
    }
    return result.append(line, from, line.length()).toString();
  }

  /**
   * Replaces, in the file named by the first argument, the text given second with the third, and
   * prints how many occurrences it replaced.
   *
   * @throws IllegalArgumentException unless there are exactly three arguments
   */
  public static void main(String... args) throws IOException {
    if (args.length != 3) {
      throw new IllegalArgumentException("usage: junior.files.9 <file> <find> <replacement>");
    }
    long count = replace(Args.toPath(args[0]), args[1], args[2]);
    System.out.println(count + (count == 1 ? " occurrence" : " occurrences") + " replaced");
  }
}
