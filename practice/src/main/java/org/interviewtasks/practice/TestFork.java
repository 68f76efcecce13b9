package org.interviewtasks.practice;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import org.interviewtasks.common.Level;

/**
 * Runs test classes in a forked JVM ({@code ${java.home}/bin/java}) through {@link TestRunner}, in
 * the level's folder and with the level's test class path, the learner's classes first when given.
 * The JVM gets the flags the level's Surefire configuration gives its tests.
 */
final class TestFork {

  /** System properties passed on to the tests when set here (e.g. {@code -Dinfra=embedded}). */
  private static final List<String> PASSED_ON = List.of("infra", "seed", "nemesis.schedules");

  /**
   * The outcome of one run.
   *
   * @param summary what the tests found, or null when the JVM died or timed out before writing it
   * @param timedOut whether the run was ended for taking too long
   * @param exitCode the JVM's exit code (-1 when it was ended)
   * @param log the file with everything the JVM printed
   * @param wallNanos the wall time of the whole run, JVM start included
   */
  record Result(TestSummary summary, boolean timedOut, int exitCode, Path log, long wallNanos) {}

  private TestFork() {}

  /**
   * Runs the classes.
   *
   * @param layout the project
   * @param level the level whose tests they are
   * @param learnerClasses the learner's class folder, first on the class path; null for the
   *     reference alone
   * @param testClasses the test classes
   * @param runDir where the summary and the log go
   * @param name the run's name, for its files ({@code learner}, {@code reference})
   * @param timeout how long the run may take before it is ended
   */
  static Result run(
      Layout layout,
      Level level,
      Path learnerClasses,
      List<String> testClasses,
      Path runDir,
      String name,
      Duration timeout)
      throws IOException, InterruptedException {
    Objects.requireNonNull(testClasses, "testClasses");
    Files.createDirectories(runDir);
    Path summaryFile = runDir.resolve(name + "-summary.tsv");
    Path log = runDir.resolve(name + ".log");
    Files.deleteIfExists(summaryFile);
    List<Path> classpath = new ArrayList<>();
    if (learnerClasses != null) {
      classpath.add(learnerClasses);
    }
    classpath.add(ownClasses());
    classpath.addAll(LevelClasspath.of(layout, level));
    List<String> command = java(layout, level, classpath);
    command.add(summaryFile.toString());
    command.addAll(testClasses);
    long start = System.nanoTime();
    Process process =
        new ProcessBuilder(command)
            .directory(layout.levelDir(level).toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .redirectInput(ProcessBuilder.Redirect.from(nullDevice()))
            .start();
    boolean finished = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
    if (!finished) {
      process.descendants().forEach(ProcessHandle::destroyForcibly);
      process.destroyForcibly();
      process.waitFor(30, TimeUnit.SECONDS);
    }
    long wall = System.nanoTime() - start;
    TestSummary summary =
        finished && Files.isRegularFile(summaryFile) ? TestSummary.read(summaryFile) : null;
    return new Result(summary, !finished, finished ? process.exitValue() : -1, log, wall);
  }

  /**
   * Runs a plan of several tasks in one JVM ({@link TestRunner}'s batch mode), each task in a class
   * loader of its own over the level's dependencies; see {@link TestRunner#main}.
   *
   * @return the JVM's exit code: 0 when the plan is done, 3 when a task timed out
   */
  static int runBatch(Layout layout, Level level, Path plan, Path log, Duration timeout)
      throws IOException, InterruptedException {
    List<Path> classpath = new ArrayList<>();
    classpath.add(ownClasses());
    classpath.addAll(LevelClasspath.dependencies(layout, level));
    List<String> command = java(layout, level, classpath);
    command.add("--batch");
    command.add(plan.toString());
    Process process =
        new ProcessBuilder(command)
            .directory(layout.levelDir(level).toFile())
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
            .redirectInput(ProcessBuilder.Redirect.from(nullDevice()))
            .start();
    if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
      process.descendants().forEach(ProcessHandle::destroyForcibly);
      process.destroyForcibly();
      process.waitFor(30, TimeUnit.SECONDS);
      return -1;
    }
    return process.exitValue();
  }

  /** The java command up to the runner's arguments: flags as the level's Surefire gives them. */
  private static List<String> java(Layout layout, Level level, List<Path> classpath) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("--enable-native-access=ALL-UNNAMED");
    if (Runtime.version().feature() >= 24) {
      command.add("--sun-misc-unsafe-memory-access=allow"); // as senior's jdk24 profile
    }
    command.add("-Dbasedir=" + layout.levelDir(level));
    for (String property : PASSED_ON) {
      String value = System.getProperty(property);
      if (value != null && !value.isBlank()) {
        command.add("-D" + property + "=" + value);
      }
    }
    command.add("-classpath");
    command.add(LevelClasspath.join(classpath));
    command.add(TestRunner.class.getName());
    return command;
  }

  private static java.io.File nullDevice() {
    return new java.io.File(
        System.getProperty("os.name").startsWith("Windows") ? "NUL" : "/dev/null");
  }

  /** The folder or jar that holds this module's classes, the runner among them. */
  private static Path ownClasses() {
    try {
      return Path.of(TestRunner.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException("cannot locate the practice module's classes", e);
    }
  }
}
