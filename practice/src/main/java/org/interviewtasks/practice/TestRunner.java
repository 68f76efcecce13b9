package org.interviewtasks.practice;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.Set;
import org.junit.platform.engine.TestEngine;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.discovery.ClassSelector;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;
import org.junit.platform.launcher.core.LauncherConfig;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * The main of the forked JVM that runs a task's test classes through the JUnit Platform Launcher
 * and writes a {@link TestSummary}: {@code TestRunner <summary-file> <test-class>...}.
 *
 * <p>It runs in a JVM of its own so that the learner's classes, first on its class path, stand in
 * for the reference's, and so that a run that hangs can be ended from outside. It exits when the
 * tests are done, whatever threads they left behind.
 */
public final class TestRunner {

  private static final int MAX_RECORDED_FAILURES = 500;

  private TestRunner() {}

  /**
   * Runs the test classes and writes the summary; or, with {@code --batch <plan>}, runs several
   * tasks one after the other, each in a class loader of its own.
   *
   * @param args the summary file, then the test classes' names; or {@code --batch} and a plan file
   */
  public static void main(String[] args) throws IOException, InterruptedException {
    if (args.length == 2 && args[0].equals("--batch")) {
      batch(Path.of(args[1]));
    } else if (args.length >= 2) {
      Thread.currentThread().setContextClassLoader(TestRunner.class.getClassLoader());
      List<Class<?>> classes = new ArrayList<>();
      for (String name : Arrays.asList(args).subList(1, args.length)) {
        classes.add(load(name, TestRunner.class.getClassLoader()));
      }
      execute(classes).write(Path.of(args[0]));
    } else {
      System.err.println("usage: TestRunner <summary-file> <test-class>... | --batch <plan-file>");
      System.exit(2);
    }
    System.out.flush();
    System.exit(0);
  }

  /**
   * Runs a plan: one task a line, {@code <summary-file> TAB <timeout-seconds> TAB <class path> TAB
   * <test classes, comma-separated>}. Each task's classes (the stub's first, then the level's test
   * classes and classes) get a fresh class loader over the JVM's own (the level's dependencies), so
   * one JVM checks a whole level. A task that outlives its time-out ends the JVM with exit code 3;
   * the caller starts a new one for the tasks after it.
   */
  private static void batch(Path plan) throws IOException, InterruptedException {
    for (String line : Files.readAllLines(plan, StandardCharsets.UTF_8)) {
      if (line.isBlank()) {
        continue;
      }
      String[] cells = line.split("\t", -1);
      Path summaryFile = Path.of(cells[0]);
      if (Files.exists(summaryFile)) {
        continue; // done by an earlier JVM of this plan
      }
      long timeoutSeconds = Long.parseLong(cells[1]);
      List<URL> urls = new ArrayList<>();
      for (String entry : cells[2].split(java.io.File.pathSeparator, -1)) {
        urls.add(Path.of(entry).toUri().toURL());
      }
      List<String> names = Arrays.asList(cells[3].split(",", -1));
      System.out.println("=== " + summaryFile.getParent().getFileName() + " " + names);
      try (URLClassLoader loader =
          new URLClassLoader(urls.toArray(URL[]::new), TestRunner.class.getClassLoader())) {
        TestSummary[] result = new TestSummary[1];
        Throwable[] problem = new Throwable[1];
        Thread worker =
            new Thread(
                () -> {
                  try {
                    List<Class<?>> classes = new ArrayList<>();
                    for (String name : names) {
                      classes.add(load(name, loader));
                    }
                    result[0] = execute(classes);
                  } catch (RuntimeException | LinkageError e) {
                    problem[0] = e;
                  }
                },
                "task-tests");
        worker.setContextClassLoader(loader);
        worker.setDaemon(true);
        worker.start();
        worker.join(timeoutSeconds * 1000);
        if (worker.isAlive()) {
          System.out.println("=== timed out after " + timeoutSeconds + " s: " + summaryFile);
          System.out.flush();
          System.exit(3);
        }
        if (result[0] == null) {
          Throwable e = problem[0];
          String type = e == null ? "" : e.getClass().getName();
          result[0] =
              new TestSummary(
                  0,
                  1,
                  0,
                  0,
                  0,
                  List.of(
                      new TestSummary.Failure(
                          String.join(", ", names),
                          type,
                          e == null ? "no result" : message(e),
                          e == null ? "" : where(e))));
        }
        result[0].write(summaryFile);
      }
    }
  }

  private static Class<?> load(String name, ClassLoader loader) {
    try {
      return Class.forName(name, false, loader);
    } catch (ClassNotFoundException e) {
      throw new IllegalArgumentException("no test class " + name + " on the class path", e);
    }
  }

  private static TestSummary execute(List<Class<?>> classes) {
    List<ClassSelector> selectors = classes.stream().map(c -> selectClass(c)).toList();
    LauncherDiscoveryRequest request =
        LauncherDiscoveryRequestBuilder.request().selectors(selectors).build();
    Listener listener = new Listener();
    Launcher launcher = LauncherFactory.create(engines());
    long start = System.nanoTime();
    try {
      launcher.execute(request, listener);
    } catch (RuntimeException e) {
      // Discovery itself failed (a suite that reaches an engine the learner has not written):
      // every test counts as failed, with the reason.
      return new TestSummary(
          0,
          Math.max(1, listener.started.size()),
          0,
          0,
          System.nanoTime() - start,
          List.of(
              new TestSummary.Failure(
                  classes.stream()
                      .map(Class::getSimpleName)
                      .reduce((x, y) -> x + ", " + y)
                      .orElse(""),
                  "discovery",
                  message(e),
                  where(e))));
    }
    long nanos = System.nanoTime() - start;
    return new TestSummary(
        listener.passed,
        listener.failed,
        listener.skipped,
        listener.notRun,
        nanos,
        listener.failures);
  }

  /**
   * The test engines on the class path that work. A task may ship an engine of its own
   * (senior.operations.3 does): its stub's engine throws from every method, and one broken engine
   * would stop the launcher before any test ran. It is left out, and the tests that need it fail
   * with their own messages instead.
   */
  private static LauncherConfig engines() {
    ClassLoader loader = Thread.currentThread().getContextClassLoader();
    List<TestEngine> working = new ArrayList<>();
    for (ServiceLoader.Provider<TestEngine> provider :
        ServiceLoader.load(TestEngine.class, loader).stream().toList()) {
      try {
        TestEngine engine = provider.get();
        engine.getId();
        working.add(engine);
      } catch (RuntimeException | LinkageError e) {
        System.err.println("left out the test engine " + provider.type().getName() + ": " + e);
      }
    }
    return LauncherConfig.builder()
        .enableTestEngineAutoRegistration(false)
        .addTestEngines(working.toArray(TestEngine[]::new))
        .build();
  }

  private static final class Listener implements TestExecutionListener {
    private TestPlan plan;
    private int passed;
    private int failed;
    private int skipped;
    private int notRun;
    private final Set<String> started = new HashSet<>();
    private final List<TestSummary.Failure> failures = new ArrayList<>();

    @Override
    public void testPlanExecutionStarted(TestPlan testPlan) {
      this.plan = testPlan;
    }

    @Override
    public void executionStarted(TestIdentifier id) {
      started.add(id.getUniqueId());
    }

    private long neverStarted(TestIdentifier container) {
      return plan.getDescendants(container).stream()
          .filter(TestIdentifier::isTest)
          .filter(t -> !started.contains(t.getUniqueId()))
          .count();
    }

    @Override
    public void executionSkipped(TestIdentifier id, String reason) {
      skipped +=
          id.isTest()
              ? 1
              : (int) plan.getDescendants(id).stream().filter(TestIdentifier::isTest).count();
    }

    @Override
    public void executionFinished(TestIdentifier id, TestExecutionResult result) {
      switch (result.getStatus()) {
        case SUCCESSFUL -> {
          if (id.isTest()) {
            passed++;
          }
        }
        case ABORTED -> {
          if (id.isTest()) {
            skipped++;
          }
        }
        case FAILED -> {
          failed++;
          if (id.isContainer()) {
            notRun += (int) neverStarted(id);
          }
          if (failures.size() < MAX_RECORDED_FAILURES) {
            failures.add(failure(id, result.getThrowable()));
          }
        }
      }
    }

    private TestSummary.Failure failure(TestIdentifier id, Optional<Throwable> thrown) {
      String name = path(id);
      if (id.isContainer()) {
        long tests = neverStarted(id);
        name += " (the whole class" + (tests > 0 ? ", " + tests + " tests not run" : "") + ")";
      }
      if (thrown.isEmpty()) {
        return new TestSummary.Failure(name, "", "failed", "");
      }
      Throwable t = thrown.get();
      return new TestSummary.Failure(name, t.getClass().getName(), message(t), where(t));
    }

    private String path(TestIdentifier id) {
      List<String> names = new ArrayList<>();
      for (TestIdentifier at = id; at != null; at = plan.getParent(at).orElse(null)) {
        if (plan.getParent(at).isPresent()) { // the engine itself is left out
          names.addFirst(at.getDisplayName());
        }
      }
      return String.join(" > ", names);
    }
  }

  /** The message, and the root cause's when there is one. */
  static String message(Throwable t) {
    String message = String.valueOf(t.getMessage());
    if (t.getCause() != null) {
      Throwable root = rootCause(t);
      message += "\ncaused by " + root.getClass().getName() + ": " + root.getMessage();
    }
    return message;
  }

  /** The last cause of a chain (bounded, in case a chain loops). */
  static Throwable rootCause(Throwable t) {
    Throwable root = t;
    for (int depth = 0; depth < 32 && root.getCause() != null; depth++) {
      root = root.getCause();
    }
    return root;
  }

  /** The first frame in the project's code, the tests' own frames last. */
  static String where(Throwable t) {
    Throwable root = rootCause(t);
    for (boolean tests : new boolean[] {false, true}) {
      for (StackTraceElement frame : root.getStackTrace()) {
        String type = frame.getClassName();
        boolean test = type.contains("Test");
        if (type.startsWith("org.interviewtasks.")
            && !type.startsWith("org.interviewtasks.practice.")
            && test == tests) {
          return type.substring(type.lastIndexOf('.') + 1)
              + "."
              + frame.getMethodName()
              + "("
              + frame.getFileName()
              + ":"
              + frame.getLineNumber()
              + ")";
        }
      }
    }
    return "";
  }
}
