package org.interviewtasks.junior.apps;

import java.io.PrintWriter;
import java.io.StringWriter;

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

  /** Runs {@code command} with writers that capture what it prints. */
  static CommandRun of(Command command) throws Exception {
    var out = new StringWriter();
    var err = new StringWriter();
    int code = command.run(new PrintWriter(out), new PrintWriter(err));
    return new CommandRun(code, out.toString(), err.toString());
  }

  /** Standard output split into lines. */
  java.util.List<String> lines() {
    return out.lines().toList();
  }
}
