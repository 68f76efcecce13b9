package org.interviewtasks.junior.apps;

import java.io.ByteArrayOutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/**
 * What a command line printed and returned, for the tests of this package's programs.
 *
 * @param code the exit code
 * @param out standard output
 * @param err standard error
 */
record CommandRun(int code, String out, String err) {

  /** A command line run in-process with the given writers. */
  @FunctionalInterface
  interface Command {
    /** Runs and returns the exit code. */
    int run(PrintWriter out, PrintWriter err) throws Exception;
  }

  /**
   * Runs {@code command} with writers that capture what it prints. They buffer, as the console's
   * do, so what the command does not flush is not seen.
   */
  static CommandRun of(Command command) throws Exception {
    var out = new Captured();
    var err = new Captured();
    int code = command.run(out.writer(), err.writer());
    return new CommandRun(code, out.text(), err.text());
  }

  /** A buffering writer and the text that has reached its end so far. */
  static final class Captured {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintWriter writer =
        new PrintWriter(new OutputStreamWriter(bytes, StandardCharsets.UTF_8));

    /** The writer to print to. */
    PrintWriter writer() {
      return writer;
    }

    /** What has been flushed through the writer. */
    String text() {
      return bytes.toString(StandardCharsets.UTF_8);
    }
  }

  /** Standard output split into lines. */
  java.util.List<String> lines() {
    return out.lines().toList();
  }
}
