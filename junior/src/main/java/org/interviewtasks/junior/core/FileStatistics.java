package org.interviewtasks.junior.core;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import org.interviewtasks.common.Args;
import org.interviewtasks.common.RegularFiles;
import org.interviewtasks.common.Task;

/**
 * Reads a text file and counts its lines, words and characters, like {@code wc}.
 *
 * <p><b>Approach.</b> The file is streamed through a {@link Reader} in fixed-size chunks, never
 * loaded whole, so a 10 GB log needs no more memory than a one-line note: O(n) time, O(1) space.
 * Every count is a small state machine over the {@code char}s that needs only the previous one,
 * which is carried from one chunk to the next: that is what makes a surrogate pair or a {@code
 * \r\n} split across two reads count once. The counts are {@code long}: a file can hold more than
 * {@code Integer.MAX_VALUE} characters.
 *
 * <p><b>Edge cases.</b> <i>Characters</i> are Unicode code points, line terminators included: an
 * emoji (a surrogate pair in UTF-16) is one character, an accented letter written as a letter plus
 * a combining mark is two. <i>Words</i> are maximal runs of code points that are not {@link
 * Character#isWhitespace(int) whitespace}: tabs, runs of spaces and the ideographic space U+3000
 * separate words, but the no-break space U+00A0 does not (by design it glues "10 km" into one word,
 * and Java's {@code isWhitespace} agrees), and punctuation belongs to its word. <i>Lines</i> are
 * counted as an editor shows them: \n, \r\n and a lone \r each end a line, and a last line without
 * a terminator still counts, so "" has 0 lines, "a" and "a\n" have 1, "\n" has 1 and "a\nb" and
 * "\n\n" have 2 (here {@code wc -l}, which counts only \n, would say 0 for "a"). A missing file
 * throws {@link java.nio.file.NoSuchFileException} naming it, a directory or another file that is
 * not a regular one (a device such as {@code /dev/zero} or a pipe, which may never end) an {@link
 * IOException} naming it, and bytes that are not valid in the charset (malformed UTF-8, for
 * instance) an {@link IOException} naming the file and the charset, with the decoder's exception as
 * its cause: silently replacing them with U+FFFD would make the counts wrong.
 *
 * <p><b>Follow-up.</b> <i>"Why not {@code Files.readAllLines}?"</i> It holds the whole file in
 * memory and drops the terminators, so it can neither count characters exactly nor handle a file
 * larger than the heap; {@code Files.lines} streams but still loses the terminators. <i>"How would
 * you make it faster on a huge file?"</i> The counts of two halves combine if you know whether the
 * first ends inside a word or after a \r: split the file, count the parts in parallel and merge.
 */
@Task(
    id = "junior.core.3",
    title = "Line, word and character count of a file",
    usage = "<file> [file...]")
public final class FileStatistics {

  /** Chars read per call; package-private so tests can put a split right on the boundary. */
  static final int BUFFER_SIZE = 8192;

  /**
   * What a file contains.
   *
   * @param lines lines as an editor shows them (a last line without a terminator counts)
   * @param words maximal runs of non-whitespace code points
   * @param characters code points, line terminators included
   */
  public record Counts(long lines, long words, long characters) {}

  private FileStatistics() {}

  /**
   * Counts a UTF-8 text file.
   *
   * @throws java.nio.file.NoSuchFileException if the file does not exist
   * @throws IOException if it is a directory, is not valid UTF-8, or cannot be read
   */
  public static Counts of(Path file) throws IOException {
    return of(file, StandardCharsets.UTF_8);
  }

  /**
   * Counts a text file in the given charset.
   *
   * @throws java.nio.file.NoSuchFileException if the file does not exist
   * @throws IOException if it is a directory or not a regular file, is not valid in the charset, or
   *     cannot be read
   */
  public static Counts of(Path file, Charset charset) throws IOException {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(charset, "charset");
    if (Files.isDirectory(file)) {
      throw new IOException(file + " is a directory, not a file");
    }
    RegularFiles.requireEnding(file);
    var decoder =
        charset
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    try (Reader reader = new InputStreamReader(Files.newInputStream(file), decoder)) {
      return of(reader);
    } catch (CharacterCodingException e) {
      throw new IOException(file + " is not valid " + charset.name() + " text", e);
    }
  }

  /** Counts what the reader yields, reading it to the end; the caller closes it. */
  public static Counts of(Reader reader) throws IOException {
    Objects.requireNonNull(reader, "reader");
    char[] buffer = new char[BUFFER_SIZE];
    long terminators = 0;
    long words = 0;
    long characters = 0;
    // As if the text were preceded by a line end: no word or line is open yet.
    char previous = '\n';
    for (int read = reader.read(buffer); read != -1; read = reader.read(buffer)) {
      for (int i = 0; i < read; i++) {
        char c = buffer[i];
        if (!(Character.isHighSurrogate(previous) && Character.isLowSurrogate(c))) {
          characters++; // the low half of a pair was counted with its high half
        }
        if (c == '\r' || (c == '\n' && previous != '\r')) {
          terminators++; // \r\n ends one line, not two
        }
        // Char-wise is exact here: no code point outside the BMP is whitespace, so both halves of
        // a surrogate pair are non-whitespace just like the code point they encode.
        if (Character.isWhitespace(previous) && !Character.isWhitespace(c)) {
          words++;
        }
        previous = c;
      }
    }
    boolean openLastLine = previous != '\n' && previous != '\r';
    return new Counts(terminators + (openLastLine ? 1 : 0), words, characters);
  }

  /**
   * Prints {@code lines words characters path} for each UTF-8 file given as an argument, like
   * {@code wc}.
   *
   * @throws IllegalArgumentException if there are no arguments
   * @throws IOException if a file is missing or unreadable
   */
  public static void main(String... args) throws IOException {
    if (args.length == 0) {
      throw new IllegalArgumentException("usage: junior.core.3 <file> [file...]");
    }
    for (String name : args) {
      Counts counts = of(Args.toPath(name));
      System.out.printf("%d %d %d %s%n", counts.lines(), counts.words(), counts.characters(), name);
    }
  }
}
