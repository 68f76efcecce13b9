package org.interviewtasks.junior.files;

import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Objects;

/**
 * What the file tasks share for reading: the checks that turn "cannot open" into a message naming
 * the file and the problem, a strict UTF-8 reader, and a line reader that keeps each line's
 * terminator so a task that rewrites a file can write it back unchanged.
 *
 * <p>Decoding is strict: bytes that are not UTF-8 fail with a {@link MalformedFileException} naming
 * the file instead of turning into U+FFFD, which would silently change the data.
 */
final class TextFiles {

  /** A line terminator is one of these; {@code \r\n} is one terminator, not two. */
  static final String LF = "\n";

  static final String CRLF = "\r\n";
  static final String CR = "\r";

  private static final char BYTE_ORDER_MARK = '\uFEFF';

  private TextFiles() {}

  /**
   * Checks that {@code file} is a regular file (following links) that can be read.
   *
   * @param name the parameter name, for the {@link NullPointerException}
   * @return {@code file}
   * @throws NoSuchFileException "{@code <file>: no such file}"
   * @throws FileSystemException "{@code <file>: is a directory, not a file}" or "{@code is not a
   *     regular file}" (a device, a pipe)
   * @throws AccessDeniedException "{@code <file>: is not readable}"
   */
  static Path requireFile(Path file, String name) throws IOException {
    Objects.requireNonNull(file, name);
    BasicFileAttributes attributes;
    try {
      attributes = Files.readAttributes(file, BasicFileAttributes.class);
    } catch (NoSuchFileException e) {
      throw new NoSuchFileException(file.toString(), null, "no such file");
    }
    if (attributes.isDirectory()) {
      throw new FileSystemException(file.toString(), null, "is a directory, not a file");
    }
    if (!attributes.isRegularFile()) {
      throw new FileSystemException(file.toString(), null, "is not a regular file");
    }
    if (!Files.isReadable(file)) {
      throw new AccessDeniedException(file.toString(), null, "is not readable");
    }
    return file;
  }

  /**
   * Checks that {@code dir} is a directory (following links).
   *
   * @param name the parameter name, for the {@link NullPointerException}
   * @return {@code dir}
   * @throws NoSuchFileException "{@code <dir>: no such directory}"
   * @throws NotDirectoryException if it is something else
   */
  static Path requireDirectory(Path dir, String name) throws IOException {
    Objects.requireNonNull(dir, name);
    if (Files.isDirectory(dir)) {
      return dir;
    }
    if (Files.exists(dir)) {
      throw new NotDirectoryException(dir.toString());
    }
    throw new NoSuchFileException(dir.toString(), null, "no such directory");
  }

  /**
   * Checks that a file can be written at {@code target}: it is not a directory and its folder
   * exists. It may exist (it will be replaced) or not (it will be created).
   *
   * @param name the parameter name, for the {@link NullPointerException}
   * @return {@code target}
   * @throws FileSystemException "{@code <target>: is a directory, not a file}"
   * @throws NoSuchFileException "{@code <target>: folder <folder> does not exist}"
   * @throws NotDirectoryException if the would-be folder is a file
   */
  static Path requireTarget(Path target, String name) throws IOException {
    Objects.requireNonNull(target, name);
    if (Files.isDirectory(target)) {
      throw new FileSystemException(target.toString(), null, "is a directory, not a file");
    }
    Path folder = folderOf(target);
    if (!Files.isDirectory(folder)) {
      if (Files.exists(folder)) {
        throw new NotDirectoryException(folder.toString());
      }
      throw new NoSuchFileException(
          target.toString(), null, "folder " + folder + " does not exist");
    }
    return target;
  }

  /**
   * The folder that holds {@code file}; for a bare name such as {@code out.txt}, the current one.
   */
  static Path folderOf(Path file) {
    return file.toAbsolutePath().getParent();
  }

  /**
   * A buffered reader of a UTF-8 file that fails on malformed bytes with a {@link
   * MalformedFileException} naming the file. Checks the file first with {@link #requireFile}.
   */
  static BufferedReader newReader(Path file) throws IOException {
    requireFile(file, "file");
    var decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    return new BufferedReader(
        new StrictReader(file, new InputStreamReader(Files.newInputStream(file), decoder)));
  }

  /**
   * Like {@link #newReader}, but skips a leading byte order mark (U+FEFF), which spreadsheet
   * programs write at the start of CSV and JSON files and which is not part of the data.
   */
  static BufferedReader newReaderSkippingBom(Path file) throws IOException {
    BufferedReader reader = newReader(file);
    try {
      reader.mark(1);
      if (reader.read() != BYTE_ORDER_MARK) {
        reader.reset();
      }
      return reader;
    } catch (IOException e) {
      closeQuietly(reader, e);
      throw e;
    }
  }

  /** Opens a {@link LineReader} on a UTF-8 file, checked with {@link #requireFile}. */
  static LineReader lines(Path file) throws IOException {
    return new LineReader(newReader(file));
  }

  /** Closes {@code closeable} after a failure, keeping the failure as the exception to report. */
  static void closeQuietly(Closeable closeable, Throwable failure) {
    try {
      closeable.close();
    } catch (IOException e) {
      failure.addSuppressed(e);
    }
  }

  /**
   * One line of a text file: its text without the terminator, and the terminator as it was in the
   * file ({@code "\n"}, {@code "\r\n"}, {@code "\r"}, or {@code ""} for a last line that has none).
   */
  record Line(String text, String terminator) {

    Line {
      Objects.requireNonNull(text, "text");
      Objects.requireNonNull(terminator, "terminator");
    }

    /** Whether the line ends with a terminator; only the last line of a file may not. */
    boolean terminated() {
      return !terminator.isEmpty();
    }

    /** The line as it was in the file: text then terminator. */
    @Override
    public String toString() {
      return text + terminator;
    }
  }

  /**
   * Reads a text one line at a time, like {@link BufferedReader#readLine()}, but keeps each line's
   * terminator: {@code \n}, {@code \r\n} and a lone {@code \r} all end a line. A text ending with a
   * terminator has no extra empty line after it ({@code "a\n"} is one line), and an empty text has
   * no lines.
   */
  static final class LineReader implements Closeable {

    private final Reader in;
    private final char[] buffer = new char[8192];
    private int position;
    private int limit;
    private long lineNumber;

    LineReader(Reader in) {
      this.in = Objects.requireNonNull(in, "in");
    }

    /** The next line, or {@code null} at the end of the text. */
    Line next() throws IOException {
      StringBuilder text = new StringBuilder();
      while (position < limit || fill()) {
        int start = position;
        while (position < limit && buffer[position] != '\n' && buffer[position] != '\r') {
          position++;
        }
        text.append(buffer, start, position - start);
        if (position < limit) {
          char terminator = buffer[position++];
          lineNumber++;
          if (terminator == '\r' && (position < limit || fill()) && buffer[position] == '\n') {
            position++;
            return new Line(text.toString(), CRLF);
          }
          return new Line(text.toString(), terminator == '\r' ? CR : LF);
        }
      }
      if (text.isEmpty()) {
        return null;
      }
      lineNumber++;
      return new Line(text.toString(), "");
    }

    /** The 1-based number of the line last returned by {@link #next()}; 0 before the first. */
    long lineNumber() {
      return lineNumber;
    }

    private boolean fill() throws IOException {
      int read = in.read(buffer);
      position = 0;
      limit = Math.max(read, 0);
      return read > 0;
    }

    @Override
    public void close() throws IOException {
      in.close();
    }
  }

  /** Turns a decoder's {@link CharacterCodingException} into one that names the file. */
  private static final class StrictReader extends Reader {

    private final Path file;
    private final Reader in;

    StrictReader(Path file, Reader in) {
      this.file = file;
      this.in = in;
    }

    @Override
    public int read(char[] buffer, int offset, int length) throws IOException {
      try {
        return in.read(buffer, offset, length);
      } catch (CharacterCodingException e) {
        throw new MalformedFileException(file, "not valid UTF-8 text", e);
      }
    }

    @Override
    public void close() throws IOException {
      in.close();
    }
  }
}
