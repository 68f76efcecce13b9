package org.interviewtasks.common.testing;

import java.io.PrintStream;
import org.interviewtasks.common.BuildSelection;
import org.openjdk.jmh.runner.NoBenchmarksException;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.CommandLineOptionException;
import org.openjdk.jmh.runner.options.CommandLineOptions;

/**
 * Runs JMH as its own {@code Main} does, for the {@code bench} profile of each level, except that a
 * module with no benchmark matching {@code -Dbench.include} is not an error.
 *
 * <p>{@code ./mvnw -pl senior -am -Pbench ... -Dbench.include=TrieBenchmark} runs the profile in
 * mid too (senior depends on it), where no benchmark is named Trie; JMH's {@code Main} stops the
 * build there. This runner says so in one line and lets the build go on to the module that has it.
 * {@code jmh-core} is a {@code provided} dependency: the profile puts it on the classpath.
 */
public final class BenchMain {

  private BenchMain() {}

  /** Parses JMH's command line and runs the benchmarks it selects. */
  public static void main(String... args) throws CommandLineOptionException, RunnerException {
    run(System.out, args);
  }

  static void run(PrintStream out, String... args)
      throws CommandLineOptionException, RunnerException {
    CommandLineOptions options = new CommandLineOptions(args);
    if (!BuildSelection.fromSystemProperties().runsHere()) {
      out.println("this module was built for another one (-am); its benchmarks do not run");
      return;
    }
    if (BenchMain.class.getResource("/META-INF/BenchmarkList") == null) {
      out.println("no benchmark is compiled in this module; nothing to run here");
      return;
    }
    try {
      new Runner(options).run();
    } catch (NoBenchmarksException e) {
      out.println(
          "no benchmark in this module matches " + options.getIncludes() + "; nothing to run here");
    }
  }
}
