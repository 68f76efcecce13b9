package org.interviewtasks.junior.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.Serial;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.stream.IntStream;
import org.interviewtasks.common.RegularFiles;
import org.interviewtasks.common.Task;

/**
 * Reads a text file and handles what can go wrong: the file is missing, is a directory, may not be
 * read, or is not valid UTF-8.
 *
 * <p><b>Approach.</b> {@link #readLines(Path)} does the reading and throws a precise exception for
 * each failure; {@link #report(Path)} shows the handling side, with one {@code catch} per failure,
 * the most specific first (the compiler rejects a {@code catch (IOException)} placed before {@code
 * catch (NoSuchFileException)}, which it would shadow). The stream is opened in a {@code
 * try}-with-resources statement, so it is closed on every path, including an exception. The bytes
 * are decoded as UTF-8, stated explicitly: the platform default charset differs between machines
 * (it is UTF-8 by default only since Java 18). The decoder is told to report malformed input rather
 * than replace it with {@code U+FFFD}, so a Latin-1 file is not silently corrupted, and the
 * exception names the file, the line and the byte offset of the first bad byte; the JDK's own
 * {@link MalformedInputException} says only "Input length = 1".
 *
 * <p><b>Edge cases.</b> A missing file is a {@link NoSuchFileException}, an unreadable one an
 * {@link AccessDeniedException}, a directory a {@link FileSystemException} with the reason "is a
 * directory" (checked first, because reading a directory fails with a vague message, or not at all
 * on some systems), and bad UTF-8 a {@link MalformedFileException}; all of them are {@link
 * FileSystemException}s carrying the path. An empty file has no lines; {@code \n}, {@code \r\n} and
 * {@code \r} all end a line; a UTF-8 byte order mark at the start is dropped. The whole file is
 * held in memory, up to 2 GB.
 *
 * <p><b>Follow-up.</b> <i>"A 50 GB file?"</i> Stream it: {@code Files.newBufferedReader} and {@code
 * readLine()} in a loop, or {@code Files.lines} in a try-with-resources; then the line of a
 * decoding error has to be tracked while reading. <i>"Check {@code Files.exists} first instead of
 * catching?"</i> The file can vanish between the check and the read (a race, "TOCTOU"): the
 * exception must be handled anyway, so the check only adds a system call.
 */
@Task(id = "junior.testing.4", title = "Handling file I/O errors", usage = "<file> [file...]")
public final class SafeFileReader {

  /** A file that is not valid UTF-8; names the file, the line and the offset of the bad byte. */
  public static final class MalformedFileException extends FileSystemException {

    @Serial private static final long serialVersionUID = 1L;

    /** The line of the first malformed byte, from 1. */
    private final int line;

    /** The offset of the first malformed byte in the file, from 0. */
    private final long byteOffset;

    MalformedFileException(Path file, int line, long byteOffset, MalformedInputException cause) {
      super(
          file.toString(),
          null,
          "not valid UTF-8: malformed byte at line " + line + ", byte offset " + byteOffset);
      this.line = line;
      this.byteOffset = byteOffset;
      initCause(cause);
    }

    /** The line of the first malformed byte, from 1. */
    public int line() {
      return line;
    }

    /** The offset of the first malformed byte in the file, from 0. */
    public long byteOffset() {
      return byteOffset;
    }
  }

  /** Reads a file; the seam through which tests make {@link #report} meet any failure. */
  @FunctionalInterface
  interface LineReader {
    /** The lines of the file. */
    List<String> read(Path file) throws IOException;
  }

  private static final char BYTE_ORDER_MARK = '\uFEFF';

  private SafeFileReader() {}

  /**
   * The lines of a UTF-8 text file, without their line terminators.
   *
   * @throws NoSuchFileException if there is no such file
   * @throws AccessDeniedException if the file may not be read
   * @throws FileSystemException if the path is a directory
   * @throws MalformedFileException if the content is not valid UTF-8
   * @throws IOException if reading fails otherwise
   */
  public static List<String> readLines(Path file) throws IOException {
    Objects.requireNonNull(file, "file");
    if (Files.isDirectory(file)) {
      throw new FileSystemException(file.toString(), null, "is a directory, not a file");
    }
    RegularFiles.requireEnding(file);
    byte[] bytes;
    try (InputStream in = Files.newInputStream(file)) {
      bytes = in.readAllBytes();
    }
    String text = decode(bytes, file);
    if (!text.isEmpty() && text.charAt(0) == BYTE_ORDER_MARK) {
      text = text.substring(1);
    }
    return text.lines().toList();
  }

  /** Strict UTF-8 decoding that says where the first malformed byte is. */
  private static String decode(byte[] bytes, Path file) throws MalformedFileException {
    CharsetDecoder decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes);
    CharBuffer out = CharBuffer.allocate(bytes.length); // UTF-8: at most one char per byte
    CoderResult result = decoder.decode(in, out, true);
    if (result.isError()) {
      int offset = in.position(); // the decoder stops at the first bad byte
      int line = 1 + (int) IntStream.range(0, offset).filter(i -> bytes[i] == '\n').count();
      throw new MalformedFileException(
          file, line, offset, new MalformedInputException(result.length()));
    }
    decoder.flush(out);
    return out.flip().toString();
  }

  /**
   * Reads the file and says how it went, one line for a person: {@code "notes.txt: 3 lines"}, or
   * what went wrong. Never throws for an I/O failure: this is where the failures are handled.
   */
  public static String report(Path file) {
    return report(file, SafeFileReader::readLines);
  }

  static String report(Path file, LineReader reader) {
    Objects.requireNonNull(file, "file");
    try {
      List<String> lines = reader.read(file);
      return file + ": " + lines.size() + (lines.size() == 1 ? " line" : " lines");
    } catch (NoSuchFileException e) {
      return "not found: " + e.getFile();
    } catch (AccessDeniedException e) {
      return "permission denied: " + e.getFile();
    } catch (MalformedFileException e) {
      return "not UTF-8 text: " + e.getFile() + " (line " + e.line() + ")";
    } catch (FileSystemException e) { // a directory, a loop of links, ...: the message says which
      return "cannot read " + e.getMessage();
    } catch (IOException e) { // anything else, such as a disk failing mid-read
      return "I/O error reading " + file + ": " + e.getMessage();
    }
  }

  /** Prints the report on each file given as argument. */
  public static void main(String... args) {
    if (args.length == 0) {
      throw new IllegalArgumentException("usage: junior.testing.4 <file> [file...]");
    }
    for (String name : args) {
      System.out.println(report(Path.of(name)));
    }
  }
}
