package org.interviewtasks.junior.files;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Objects;

/**
 * A file exists and could be read, but its content is not what the task expects: bytes that are not
 * UTF-8, CSV or JSON that does not parse, a table row with the wrong number of fields, an image no
 * decoder understands.
 *
 * <p>The message names the file, the place when it is known and the problem, e.g. {@code
 * "data.json, line 3, column 7: Unexpected character"}; {@link #line()} and {@link #column()} give
 * the place to programs, {@code -1} when it is not known. The parser's own exception, when there is
 * one, is the cause.
 */
public final class MalformedFileException extends IOException {

  private static final long serialVersionUID = 1L;

  /** The file, as a string: {@link Path} is not serializable. */
  private final String file;

  private final long line;
  private final long column;

  /** A problem with the file as a whole (no line or column). */
  public MalformedFileException(Path file, String problem, Throwable cause) {
    this(file, -1, -1, problem, cause);
  }

  /**
   * A problem at a place in the file.
   *
   * @param line the 1-based line, or -1 if unknown
   * @param column the 1-based column, or -1 if unknown
   */
  public MalformedFileException(
      Path file, long line, long column, String problem, Throwable cause) {
    super(message(file, line, column, problem), cause);
    this.file = file.toString();
    this.line = line;
    this.column = column;
  }

  private static String message(Path file, long line, long column, String problem) {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(problem, "problem");
    var message = new StringBuilder(file.toString());
    if (line > 0) {
      message.append(", line ").append(line);
    }
    if (column > 0) {
      message.append(", column ").append(column);
    }
    return message.append(": ").append(problem).toString();
  }

  /** The file whose content is malformed. */
  public Path file() {
    return Path.of(file);
  }

  /** The 1-based line of the problem, or -1 if unknown. */
  public long line() {
    return line;
  }

  /** The 1-based column of the problem, or -1 if unknown. */
  public long column() {
    return column;
  }
}
