package org.interviewtasks.junior.files;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import org.interviewtasks.common.Args;
import org.interviewtasks.common.Task;

/**
 * Reads a text file and removes all blank lines, in place or into another file.
 *
 * <p><b>Approach.</b> A line filter: the file is read line by line, the lines that are not blank
 * are written with their own terminators to a temporary file, and that file then replaces the
 * target in one atomic rename. O(n) time, O(longest line) memory; a failure halfway leaves the
 * target as it was.
 *
 * <p><b>What is blank.</b> A line is blank when it is empty or holds only whitespace, by Unicode:
 * spaces, tabs, form feeds, and also the no-break space U+00A0, the ideographic space U+3000 and
 * the other space separators ({@link Character#isWhitespace} or {@link Character#isSpaceChar}; the
 * first alone misses the no-break spaces, which a line copied from a web page often has). The zero
 * width space U+200B and the byte order mark U+FEFF are formatting characters, not whitespace, so a
 * line holding one is kept: it is not empty, and removing it would lose data.
 *
 * <p><b>Edge cases.</b> Kept lines keep their terminators ({@code \r\n} files stay {@code \r\n}),
 * and a last line without one stays without one. Trailing blank lines go too, so {@code "a\n\n"}
 * becomes {@code "a\n"}; a file of only blank lines becomes empty. Whitespace inside kept lines is
 * not touched. A file that is not UTF-8 is a {@link MalformedFileException} and stays untouched.
 *
 * <p><b>Follow-up.</b> <i>"Squeeze runs of blank lines into one instead?"</i> Remember whether the
 * previous line was blank and drop a blank line only after another ({@code cat -s}). <i>"Why not
 * {@code line.isBlank()}?"</i> It uses {@code Character.isWhitespace}, which leaves out U+00A0.
 */
@Task(id = "junior.files.12", title = "Remove the blank lines of a file", usage = "<file> [target]")
public final class RemoveBlankLines {

  private RemoveBlankLines() {}

  /**
   * Removes the blank lines of a UTF-8 file in place, atomically.
   *
   * @return the number of lines removed
   * @throws MalformedFileException if the file is not valid UTF-8; it is then unchanged
   * @throws java.nio.file.NoSuchFileException if the file does not exist
   */
  public static long removeBlankLines(Path file) throws IOException {
    return removeBlankLines(file, file);
  }

  /**
   * Writes the lines of a UTF-8 file that are not blank to {@code target}, replacing it atomically;
   * {@code target} may be {@code source}.
   *
   * @return the number of lines removed
   * @throws MalformedFileException if the source is not valid UTF-8; the target is then unchanged
   * @throws java.nio.file.NoSuchFileException if the source or the target's folder is missing
   */
  public static long removeBlankLines(Path source, Path target) throws IOException {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(target, "target");
    var removed = new AtomicLong(); // a lambda cannot assign a local variable
    AtomicWrite.rewriteLines(
        source,
        target,
        text -> {
          if (isBlank(text)) {
            removed.incrementAndGet();
            return null;
          }
          return text;
        });
    return removed.get();
  }

  /** Whether {@code text} is empty or only Unicode whitespace, no-break spaces included. */
  public static boolean isBlank(String text) {
    return Objects.requireNonNull(text, "text")
        .codePoints()
        .allMatch(c -> Character.isWhitespace(c) || Character.isSpaceChar(c));
  }

  /**
   * Removes the blank lines of the file named by the first argument, in place, or writes the rest
   * to the file named by the second, and prints how many it removed.
   *
   * @throws IllegalArgumentException unless there are one or two arguments
   */
  public static void main(String... args) throws IOException {
    if (args.length < 1 || args.length > 2) {
      throw new IllegalArgumentException("usage: junior.files.12 <file> [target]");
    }
    Path source = Args.toPath(args[0]);
    long removed = removeBlankLines(source, args.length == 2 ? Args.toPath(args[1]) : source);
    System.out.println(removed + (removed == 1 ? " blank line" : " blank lines") + " removed");
  }
}
