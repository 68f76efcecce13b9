package org.interviewtasks.common.testing;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * Captures what code prints to {@code System.out} and {@code System.err}, for testing a task's
 * {@code main}. Replaces the global streams for the duration of the call, so tests that use it must
 * not run in parallel with others that print.
 */
public final class StdStreams {

  /** Code to run while the streams are captured. */
  @FunctionalInterface
  public interface Action {
    /** Runs the code. */
    void run() throws Exception;
  }

  /**
   * What was printed.
   *
   * @param out standard output, decoded as UTF-8
   * @param err standard error, decoded as UTF-8
   */
  public record Captured(String out, String err) {}

  private StdStreams() {}

  /** Runs the action with both streams captured and restores them afterwards. */
  public static Captured capture(Action action) throws Exception {
    PrintStream originalOut = System.out;
    PrintStream originalErr = System.err;
    var out = new ByteArrayOutputStream();
    var err = new ByteArrayOutputStream();
    try (var outStream = new PrintStream(out, true, StandardCharsets.UTF_8);
        var errStream = new PrintStream(err, true, StandardCharsets.UTF_8)) {
      System.setOut(outStream);
      System.setErr(errStream);
      action.run();
    } finally {
      System.setOut(originalOut);
      System.setErr(originalErr);
    }
    return new Captured(out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }
}
