package org.interviewtasks.practice;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What one run of test classes found: how many tests passed, failed and were skipped, how long the
 * tests took, and each failure. {@link TestRunner} writes it to a file in the forked JVM; the
 * command line reads it back.
 *
 * <p>The file has one record a line, tab-separated, with tabs, newlines and backslashes escaped:
 * {@code count <name> <n>}, {@code nanos <n>} and {@code failure <test> <exception> <message>
 * <where>}.
 *
 * @param passed tests that passed
 * @param failed tests that failed, and test classes that failed before their tests could run
 * @param skipped tests skipped or aborted (a failed assumption)
 * @param notRun tests that never ran because their class failed as a whole (in its set-up)
 * @param nanos how long the tests ran, JVM start and discovery excluded
 * @param failures each failure, in the order they happened
 */
public record TestSummary(
    int passed, int failed, int skipped, int notRun, long nanos, List<Failure> failures) {

  /** Validates and copies the parts. */
  public TestSummary {
    if (passed < 0 || failed < 0 || skipped < 0 || notRun < 0 || nanos < 0) {
      throw new IllegalArgumentException("counts and time must not be negative");
    }
    failures = List.copyOf(failures);
  }

  /**
   * One failed test, or a test class that failed as a whole.
   *
   * @param test the test's display path, e.g. {@code PalindromeTest > readsTheSameBackwards()}
   * @param exception the exception's class name
   * @param message the exception's message (and its root cause's), possibly several lines
   * @param where the first stack frame in the project's code, or empty
   */
  public record Failure(String test, String exception, String message, String where) {

    /** Validates the parts. */
    public Failure {
      Objects.requireNonNull(test, "test");
      Objects.requireNonNull(exception, "exception");
      Objects.requireNonNull(message, "message");
      Objects.requireNonNull(where, "where");
    }
  }

  /** The tests that ran or were skipped (a failed class counts as one). */
  public int total() {
    return passed + failed + skipped;
  }

  /** Whether something ran and nothing failed. */
  public boolean allPassed() {
    return failed == 0 && passed > 0;
  }

  /** Writes the summary file. */
  public void write(Path file) throws IOException {
    List<String> lines = new ArrayList<>();
    lines.add("count\tpassed\t" + passed);
    lines.add("count\tfailed\t" + failed);
    lines.add("count\tskipped\t" + skipped);
    lines.add("count\tnotrun\t" + notRun);
    lines.add("nanos\t" + nanos);
    for (Failure f : failures) {
      lines.add(
          String.join(
              "\t",
              "failure",
              escape(f.test()),
              escape(f.exception()),
              escape(f.message()),
              escape(f.where())));
    }
    Files.write(file, lines, StandardCharsets.UTF_8);
  }

  /**
   * Reads a summary file.
   *
   * @throws IOException if it cannot be read
   * @throws IllegalStateException if it is malformed
   */
  public static TestSummary read(Path file) throws IOException {
    int passed = 0;
    int failed = 0;
    int skipped = 0;
    int notRun = 0;
    long nanos = 0;
    List<Failure> failures = new ArrayList<>();
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      String[] cells = line.split("\t", -1);
      switch (cells[0]) {
        case "count" -> {
          int value = Integer.parseInt(cells[2]);
          switch (cells[1]) {
            case "passed" -> passed = value;
            case "failed" -> failed = value;
            case "skipped" -> skipped = value;
            case "notrun" -> notRun = value;
            default -> throw new IllegalStateException(file + ": unknown count " + cells[1]);
          }
        }
        case "nanos" -> nanos = Long.parseLong(cells[1]);
        case "failure" -> {
          if (cells.length != 5) {
            throw new IllegalStateException(file + ": a failure needs 5 cells: " + line);
          }
          failures.add(
              new Failure(
                  unescape(cells[1]), unescape(cells[2]), unescape(cells[3]), unescape(cells[4])));
        }
        default -> throw new IllegalStateException(file + ": unknown record: " + line);
      }
    }
    return new TestSummary(passed, failed, skipped, notRun, nanos, failures);
  }

  static String escape(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '\\' -> out.append("\\\\");
        case '\t' -> out.append("\\t");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        default -> out.append(c);
      }
    }
    return out.toString();
  }

  static String unescape(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\\' && i + 1 < text.length()) {
        char next = text.charAt(++i);
        out.append(
            switch (next) {
              case 't' -> '\t';
              case 'n' -> '\n';
              case 'r' -> '\r';
              default -> next;
            });
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }
}
