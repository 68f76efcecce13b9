package org.interviewtasks.senior.operations.testkit;

import java.io.Serial;
import java.util.Objects;

/**
 * A contract file that does not follow the format of {@link Contract}: the message names the file
 * and the line, {@code orders.contract:7: unknown keyword 'frobnicate'}.
 */
public final class ContractSyntaxException extends RuntimeException {

  @Serial private static final long serialVersionUID = 1L;

  private final String file;
  private final int line;

  /**
   * A syntax error at {@code line} (1-based) of {@code file}.
   *
   * @throws IllegalArgumentException if {@code line} is not positive
   */
  public ContractSyntaxException(String file, int line, String problem) {
    super(Objects.requireNonNull(file, "file") + ":" + line + ": " + problem);
    if (line < 1) {
      throw new IllegalArgumentException("line must be positive: " + line);
    }
    this.file = file;
    this.line = line;
  }

  /** The file, as it was named to the parser. */
  public String file() {
    return file;
  }

  /** The 1-based line of the error. */
  public int line() {
    return line;
  }
}
