package org.interviewtasks.mid.apps;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.function.ToIntBiFunction;

/** How the command-line apps of this package end their {@code main}. */
final class Console {

  private Console() {}

  /**
   * Runs a command on UTF-8 writers over the process's standard output and error, and exits the JVM
   * with its exit code unless that is 0 (a {@code main} that returns normally exits with 0).
   */
  static void runAndExit(ToIntBiFunction<PrintWriter, PrintWriter> command) {
    var out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
    var err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
    int code = command.applyAsInt(out, err);
    if (code != 0) {
      System.exit(code);
    }
  }
}
