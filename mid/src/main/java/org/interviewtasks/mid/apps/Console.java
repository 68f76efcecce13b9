package org.interviewtasks.mid.apps;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.function.ToIntBiFunction;
import org.interviewtasks.common.TaskExit;

/** How the command-line apps of this package end their {@code main}. */
final class Console {

  private Console() {}

  /**
   * Runs a command on UTF-8 writers over the process's standard output and error, and ends with its
   * exit code: a normal return for 0, else a {@link TaskExit} that the task runner turns into the
   * process's exit code (the command has printed why), so that no {@code main} kills the JVM that
   * called it.
   */
  static void runAndExit(ToIntBiFunction<PrintWriter, PrintWriter> command) {
    var out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
    var err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
    int code = command.applyAsInt(out, err);
    if (code != 0) {
      throw new TaskExit(code);
    }
  }
}
