package org.interviewtasks.common;

/**
 * Ends a task's {@code main} with an exit code after the task has printed why: what a command-line
 * program throws instead of calling {@link System#exit}, so that the JVM that called it (the {@link
 * TaskRunner}, a test) lives on. The runner exits with {@link #code()} and prints nothing more.
 *
 * <p>Codes follow the convention of the runner and of picocli: 1 the command failed, 2 the command
 * line was wrong; 0 is not an exit worth an exception and is refused.
 */
public final class TaskExit extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final int code;

  /**
   * An exit with {@code code}.
   *
   * @throws IllegalArgumentException if {@code code} is outside 1..255 (what a process can return)
   */
  public TaskExit(int code) {
    super("exit code " + code, null, false, false);
    if (code < 1 || code > 255) {
      throw new IllegalArgumentException("an exit code must be in 1..255: " + code);
    }
    this.code = code;
  }

  /** The exit code, 1..255. */
  public int code() {
    return code;
  }
}
