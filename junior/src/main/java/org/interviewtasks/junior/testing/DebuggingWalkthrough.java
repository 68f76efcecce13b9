package org.interviewtasks.junior.testing;

import java.util.Arrays;
import java.util.Objects;
import org.interviewtasks.common.Args;
import org.interviewtasks.common.Task;

/**
 * A small program with a bug, and a guide that finds the bug with a debugger: {@code
 * DebuggingWalkthrough.md}, beside this file, steps through it with {@code jdb} (the JDK's
 * command-line debugger, the counterpart of Python's {@code pdb}) and with an IDE.
 *
 * <p>The program averages numbers. {@link #buggyAverage} answers 2.25 for 1, 2, 3, 4 instead of
 * 2.5: its helper {@link #buggySum} starts its loop at index 1 and skips the first number, the
 * classic off-by-one. The guide stops in {@code buggySum}, looks at the call stack ({@code where}:
 * main, then buggyAverage, then buggySum), steps through the loop watching {@code i} and {@code
 * sum}, and sees {@code sum = 9} where 10 was expected. {@link #sum} and {@link #average} are the
 * fixed versions; the test drives a real {@code jdb} session on this class and asserts the value of
 * {@code sum} it prints.
 *
 * <p><b>Approach.</b> Debugging is an experiment: state what you expect (the sum is 10), find the
 * first place where the program disagrees (a breakpoint, then step), and read the variables there.
 * A debugger needs the class compiled with debug information: Maven's compiler passes {@code -g},
 * so line numbers and local variable names are in the class file; without it {@code jdb} shows no
 * locals. The fix comes with a test that fails on the bug, so it cannot come back.
 *
 * <p><b>Edge cases.</b> The fixed sum is a {@code long}: the sum of many {@code int}s overflows an
 * {@code int} (a second bug a debugger would show as a sum that suddenly turns negative). The
 * average of no numbers does not exist: {@link IllegalArgumentException}, not the NaN of {@code 0.0
 * / 0}.
 *
 * <p><b>Follow-up.</b> <i>"The bug only happens on a server?"</i> Start that JVM with {@code
 * -agentlib:jdwp=transport=dt_socket,server=y,suspend=n,address=*:5005} and attach {@code jdb
 * -attach 5005} or the IDE's "remote JVM debug" to it; only on a trusted network, since the port
 * gives full control of the JVM. <i>"Print statements instead?"</i> Logging at DEBUG stays in the
 * code and works where no debugger can attach; a debugger answers questions nobody thought of
 * before starting the program.
 */
@Task(id = "junior.testing.5", title = "Debugging with jdb and an IDE", usage = "<int> [int...]")
public final class DebuggingWalkthrough {

  private DebuggingWalkthrough() {}

  /** The buggy sum the guide debugs: the loop starts at 1 and skips the first value. */
  static int buggySum(int... values) {
    int sum = 0;
    for (int i = 1; i < values.length; i++) {
      sum += values[i];
    }
    return sum; // jdb: stop here
  }

  /** The buggy average: right formula, wrong sum. */
  static double buggyAverage(int... values) {
    return (double) buggySum(values) / values.length;
  }

  /** The sum of the values, every one of them, in a {@code long} that cannot overflow. */
  public static long sum(int... values) {
    Objects.requireNonNull(values, "values");
    long sum = 0;
    for (int value : values) {
      sum += value;
    }
    return sum;
  }

  /**
   * The arithmetic mean of the values.
   *
   * @throws IllegalArgumentException if there are none
   */
  public static double average(int... values) {
    Objects.requireNonNull(values, "values");
    if (values.length == 0) {
      throw new IllegalArgumentException("no values to average");
    }
    return (double) sum(values) / values.length;
  }

  /**
   * Prints the buggy and the fixed average of the integers given as arguments, e.g. {@code 1 2 3
   * 4}: the program the guide runs under {@code jdb}.
   *
   * @throws IllegalArgumentException if there is no argument or one is not an int
   */
  public static void main(String... args) {
    int[] values = Args.toInts(args);
    if (values.length == 0) {
      throw new IllegalArgumentException("usage: junior.testing.5 <int> [int...]");
    }
    System.out.println("buggy average of " + Arrays.toString(values) + ": " + buggyAverage(values));
    System.out.println("fixed average of " + Arrays.toString(values) + ": " + average(values));
  }
}
