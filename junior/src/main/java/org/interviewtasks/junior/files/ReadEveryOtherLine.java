package org.interviewtasks.junior.files;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Consumer;
import org.interviewtasks.common.Args;
import org.interviewtasks.common.Task;

/**
 * Reads a text file and prints every other line: the 1st, 3rd, 5th, ... (or the 2nd, 4th, ...).
 *
 * <p><b>Approach.</b> One pass, line by line, keeping a line counter and handing over the lines of
 * the wanted parity: O(n) time, O(longest line) memory, so it works on a file larger than memory
 * (unlike {@code readAllLines().get(i)} in a loop, or Python's {@code lines[::2]}). Lines are given
 * without their terminators; {@code \n}, {@code \r\n} and a lone {@code \r} all end a line.
 *
 * <p><b>Edge cases.</b> Lines are numbered from 1, so "every other line" starting with the first is
 * {@link Parity#ODD}. Empty lines count like any other: in {@code "a\n\nb"} the odd lines are
 * {@code a} and {@code b}. A final line terminator does not start another (empty) line: {@code
 * "a\nb\n"} has two lines. An empty file has no lines. A file that is not UTF-8 is a {@link
 * MalformedFileException}.
 *
 * <p><b>Follow-up.</b> <i>"Every n-th line?"</i> Test {@code number % n == offset}; {@code sed -n
 * '1~2p'} is the shell's version. <i>"Just count the lines, fast?"</i> Count {@code \n} bytes in a
 * large buffer without decoding: UTF-8 never uses the byte 0x0A inside a character.
 */
@Task(
    id = "junior.files.11",
    title = "Read every other line of a file",
    usage = "<file> [odd|even]")
public final class ReadEveryOtherLine {

  /** Which lines to keep, numbering from 1. */
  public enum Parity {
    /** Lines 1, 3, 5, ...: every other line starting with the first. */
    ODD,
    /** Lines 2, 4, 6, ...: every other line starting with the second. */
    EVEN
  }

  private ReadEveryOtherLine() {}

  /**
   * Hands every other line of a UTF-8 file, of the given parity, to {@code action}, in order.
   *
   * @return the number of lines handed over
   * @throws MalformedFileException if the file is not valid UTF-8
   * @throws java.nio.file.NoSuchFileException if the file does not exist
   */
  public static long everyOtherLine(Path file, Parity parity, Consumer<? super String> action)
      throws IOException {
    TextFiles.requireFile(file, "file");
    Objects.requireNonNull(parity, "parity");
    Objects.requireNonNull(action, "action");
    int wanted = parity == Parity.ODD ? 1 : 0;
    long handed = 0;
    try (TextFiles.LineReader lines = TextFiles.lines(file)) {
      for (TextFiles.Line line = lines.next(); line != null; line = lines.next()) {
        if (lines.lineNumber() % 2 == wanted) {
          action.accept(line.text());
          handed++;
        }
      }
    }
    return handed;
  }

  /**
   * Prints every other line of the file named by the first argument, starting with the first; a
   * second argument {@code odd} (the default) or {@code even} chooses the lines.
   *
   * @throws IllegalArgumentException on other arguments
   */
  public static void main(String... args) throws IOException {
    if (args.length < 1 || args.length > 2) {
      throw new IllegalArgumentException("usage: junior.files.11 <file> [odd|even]");
    }
    Parity parity = Parity.ODD;
    if (args.length == 2) {
      try {
        parity = Parity.valueOf(args[1].toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("not odd or even: '" + args[1] + "'", e);
      }
    }
    everyOtherLine(Args.toPath(args[0]), parity, System.out::println);
  }
}
