package org.interviewtasks.mid.files;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.util.Objects;
import java.util.function.UnaryOperator;
import org.interviewtasks.common.Args;
import org.interviewtasks.common.Task;

/**
 * Finds and replaces a word in a file without loading the file into memory.
 *
 * <p><b>Approach.</b> The file is decoded as UTF-8 and streamed in chunks through a matcher into a
 * temporary file in the same directory, which then replaces the original with one atomic {@code
 * rename} ({@link StandardCopyOption#ATOMIC_MOVE}): a reader of the file sees either the old
 * content or the new, never half of each. Reading line by line would not be constant memory (one
 * line can be the whole file) and would miss a target containing a line break, so the matcher works
 * on characters: a Knuth-Morris-Pratt automaton over the target, which knows after every character
 * how long a prefix of the target ends there. Only that prefix is held back, so a match split
 * across two chunks is still found, and memory is O(buffer + target length) whatever the file size.
 * Time O(n): every character moves the automaton at most a bounded amortised number of steps.
 * Matches do not overlap and are taken left to right, like {@link String#replace}.
 *
 * <p><b>Edge cases.</b> If anything fails midway (a read error, bytes that are not UTF-8, a full
 * disk), the temporary file is deleted and the original is untouched byte for byte. An empty target
 * is rejected: it would match between every two characters. The file's POSIX permissions are copied
 * to the replacement, which would otherwise get the temporary file's {@code rw-------}. Zero
 * matches still rewrite the file (identically); {@link #replace} returns the count so a caller can
 * tell. The target is matched literally, case-sensitively, anywhere: "cat" inside "concatenate" is
 * replaced too.
 *
 * <p><b>Follow-up.</b> <i>"Whole words only?"</i> Tokenise into word and non-word runs and compare
 * each word run with the target, holding back at most target-length characters of a run. <i>"Many
 * targets at once?"</i> Aho-Corasick generalises KMP to a set of patterns in one pass.
 */
@Task(id = "mid.files.4", title = "Find and replace in a file, streaming")
public final class StreamingReplace {

  /** Chars read per call by default. */
  static final int BUFFER_CHARS = 8192;

  private StreamingReplace() {}

  /**
   * Replaces every occurrence of {@code target} in the UTF-8 file with {@code replacement},
   * atomically.
   *
   * @return how many occurrences were replaced
   * @throws NoSuchFileException if the file does not exist
   * @throws IOException if it is not valid UTF-8 or cannot be read or replaced; the file is then
   *     unchanged
   * @throws IllegalArgumentException if {@code target} is empty
   */
  public static long replace(Path file, String target, String replacement) throws IOException {
    return replace(
        file,
        target,
        replacement,
        BUFFER_CHARS,
        UnaryOperator.identity(),
        UnaryOperator.identity());
  }

  /** As {@link #replace(Path, String, String)}, with a buffer size and hooks on the streams. */
  static long replace(
      Path file,
      String target,
      String replacement,
      int bufferChars,
      UnaryOperator<InputStream> inputHook,
      UnaryOperator<OutputStream> outputHook)
      throws IOException {
    Objects.requireNonNull(file, "file");
    requireTarget(target);
    Objects.requireNonNull(replacement, "replacement");
    if (!Files.isRegularFile(file)) {
      throw Files.exists(file)
          ? new IOException(file + " is not a regular file")
          : new NoSuchFileException(file.toString());
    }
    Path absolute = file.toAbsolutePath();
    Path temp = Files.createTempFile(absolute.getParent(), "." + absolute.getFileName(), ".tmp");
    try {
      long count;
      var decoder =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT);
      try (InputStream bytesIn = inputHook.apply(Files.newInputStream(absolute));
          Reader in = new InputStreamReader(bytesIn, decoder);
          Writer out =
              new BufferedWriter(
                  new OutputStreamWriter(
                      outputHook.apply(Files.newOutputStream(temp)), StandardCharsets.UTF_8))) {
        count = replace(in, out, target, replacement, bufferChars);
      } catch (CharacterCodingException e) {
        throw new IOException(file + " is not valid UTF-8 text", e);
      }
      copyPermissions(absolute, temp);
      Files.move(
          temp, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      return count;
    } finally {
      Files.deleteIfExists(temp);
    }
  }

  /**
   * Copies {@code in} to {@code out}, replacing every occurrence of {@code target}; neither stream
   * is closed, {@code out} is flushed.
   *
   * @return how many occurrences were replaced
   * @throws IllegalArgumentException if {@code target} is empty
   */
  public static long replace(Reader in, Writer out, String target, String replacement)
      throws IOException {
    return replace(in, out, target, replacement, BUFFER_CHARS);
  }

  static long replace(Reader in, Writer out, String target, String replacement, int bufferChars)
      throws IOException {
    Objects.requireNonNull(in, "in");
    Objects.requireNonNull(out, "out");
    requireTarget(target);
    Objects.requireNonNull(replacement, "replacement");
    if (bufferChars < 1) {
      throw new IllegalArgumentException("bufferChars must be positive: " + bufferChars);
    }
    int[] failure = failureFunction(target);
    char[] buffer = new char[bufferChars];
    // Invariant: the chars read but not yet written are exactly target[0..matched), the longest
    // prefix of target that ends at the current position. So nothing is kept from the buffer.
    int matched = 0;
    long count = 0;
    for (int read = in.read(buffer); read != -1; read = in.read(buffer)) {
      for (int i = 0; i < read; i++) {
        char c = buffer[i];
        int before = matched;
        while (matched > 0 && target.charAt(matched) != c) {
          matched = failure[matched - 1];
        }
        if (target.charAt(matched) == c) {
          matched++;
        }
        // The window was target[0..before) + c; the automaton keeps its last `matched` chars and
        // the ones in front of them can no longer be part of a match: write them out.
        int released = before + 1 - matched;
        if (released > before) {
          out.write(target, 0, before);
          out.write(c);
        } else if (released > 0) {
          out.write(target, 0, released);
        }
        if (matched == target.length()) {
          out.write(replacement);
          count++;
          matched = 0; // matches do not overlap
        }
      }
    }
    out.write(target, 0, matched); // a partial match at the end is just text
    out.flush();
    return count;
  }

  /** failure[j] = length of the longest proper prefix of target[0..j] that is also its suffix. */
  static int[] failureFunction(String target) {
    int[] failure = new int[target.length()];
    int k = 0;
    for (int j = 1; j < target.length(); j++) {
      while (k > 0 && target.charAt(k) != target.charAt(j)) {
        k = failure[k - 1];
      }
      if (target.charAt(k) == target.charAt(j)) {
        k++;
      }
      failure[j] = k;
    }
    return failure;
  }

  private static void requireTarget(String target) {
    Objects.requireNonNull(target, "target");
    if (target.isEmpty()) {
      throw new IllegalArgumentException("target must not be empty");
    }
  }

  private static void copyPermissions(Path from, Path to) throws IOException {
    PosixFileAttributeView source = Files.getFileAttributeView(from, PosixFileAttributeView.class);
    PosixFileAttributeView copy = Files.getFileAttributeView(to, PosixFileAttributeView.class);
    if (source != null && copy != null) {
      copy.setPermissions(source.readAttributes().permissions());
    }
  }

  /**
   * Replaces {@code <target>} with {@code <replacement>} in {@code <file>} and prints the count.
   *
   * @throws IllegalArgumentException on bad usage
   * @throws IOException if the file cannot be read or replaced
   */
  public static void main(String... args) throws IOException {
    if (args.length != 3) {
      throw new IllegalArgumentException("usage: mid.files.4 <file> <target> <replacement>");
    }
    long count = replace(Args.toPath(args[0]), args[1], args[2]);
    System.out.println(count + (count == 1 ? " replacement" : " replacements"));
  }
}
