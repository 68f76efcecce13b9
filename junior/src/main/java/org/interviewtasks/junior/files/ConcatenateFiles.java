package org.interviewtasks.junior.files;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.interviewtasks.common.Args;
import org.interviewtasks.common.Task;

/**
 * Reads several text files and concatenates them into one file, like {@code cat a b c > all}.
 *
 * <p><b>Approach.</b> Each source is streamed line by line into a temporary file beside the target,
 * which then replaces the target in one atomic rename: O(total size) time, O(longest line) memory,
 * and a failure in the third file (missing, not UTF-8) leaves the target as it was. All sources are
 * checked before anything is written. Because the target is only replaced at the end, it may also
 * be one of the sources: {@code cat a b > a} empties {@code a} before reading it; this does not.
 *
 * <p><b>Edge cases.</b> Lines are copied with their own terminators ({@code \n} or {@code \r\n}).
 * The one change: when a file's last line has no terminator and more text follows from a later
 * file, a terminator is added, so the two lines are not glued into one ({@code "x"} and {@code "y"}
 * give {@code "x\ny"}, not {@code "xy"}); it is the file's own last terminator, or {@code \n} if it
 * has none. The last file's missing final newline is kept. Empty files add nothing; no sources at
 * all give an empty target. Files are decoded as UTF-8, strictly: concatenating a Latin-1 file into
 * a UTF-8 one would produce a file with two encodings, so it is a {@link MalformedFileException}
 * instead.
 *
 * <p><b>Follow-up.</b> <i>"Binary files?"</i> Copy bytes with {@code InputStream.transferTo}, or
 * {@code FileChannel.transferTo}, which can let the kernel copy without passing the bytes through
 * Java. <i>"A header line saying where each part came from?"</i> Write it before each file's lines,
 * as {@code head} does with several files.
 */
@Task(id = "junior.files.10", title = "Concatenate text files")
public final class ConcatenateFiles {

  private ConcatenateFiles() {}

  /**
   * Writes the UTF-8 {@code sources}, in order, to {@code target}, replacing it atomically.
   *
   * @return the number of lines read from the sources
   * @throws java.nio.file.NoSuchFileException if a source or the target's folder is missing
   * @throws MalformedFileException if a source is not valid UTF-8; the target is then unchanged
   */
  public static long concatenate(List<Path> sources, Path target) throws IOException {
    Objects.requireNonNull(sources, "sources");
    for (int i = 0; i < sources.size(); i++) {
      TextFiles.requireFile(sources.get(i), "source " + i);
    }
    TextFiles.requireTarget(target, "target");
    return AtomicWrite.replaceText(
        target,
        out -> {
          long lines = 0;
          String pending = ""; // the terminator the previous file's last line lacked
          for (Path source : sources) {
            String lastTerminator = TextFiles.LF;
            TextFiles.Line last = null;
            try (TextFiles.LineReader reader = TextFiles.lines(source)) {
              for (TextFiles.Line line = reader.next(); line != null; line = reader.next()) {
                out.write(pending);
                pending = "";
                out.write(line.toString()); // text and terminator, as in the file
                lines++;
                last = line;
                if (line.terminated()) {
                  lastTerminator = line.terminator();
                }
              }
            }
            if (last != null && !last.terminated()) {
              pending = lastTerminator;
            }
          }
          return lines;
        });
  }

  /**
   * Concatenates the files named by the arguments after the first into the file named by the first,
   * and prints how many lines it wrote.
   *
   * @throws IllegalArgumentException if there are fewer than two arguments
   */
  public static void main(String... args) throws IOException {
    if (args.length < 2) {
      throw new IllegalArgumentException("usage: junior.files.10 <target> <source> [source...]");
    }
    List<Path> sources = Arrays.stream(args, 1, args.length).map(Path::of).toList();
    long lines = concatenate(sources, Args.toPath(args[0]));
    System.out.println(lines + " lines written to " + args[0]);
  }
}
