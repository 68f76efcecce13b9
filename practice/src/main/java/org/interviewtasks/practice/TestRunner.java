package org.interviewtasks.practice;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.discovery.ClassSelector;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;
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
   * Runs the test classes and writes the summary.
   *
   * @param args the summary file, then the test classes' names
   */
  public static void main(String[] args) throws IOException {
    if (args.length < 2) {
      System.err.println("usage: TestRunner <summary-file> <test-class>...");
      System.exit(2);
    }
    List<ClassSelector> selectors =
        Arrays.stream(args, 1, args.length).map(name -> selectClass(name)).toList();
    LauncherDiscoveryRequest request =
        LauncherDiscoveryRequestBuilder.request().selectors(selectors).build();
    Listener listener = new Listener();
    Launcher launcher = LauncherFactory.create();
    long start = System.nanoTime();
    launcher.execute(request, listener);
    long nanos = System.nanoTime() - start;
    new TestSummary(listener.passed, listener.failed, listener.skipped, nanos, listener.failures)
        .write(Path.of(args[0]));
    System.out.flush();
    System.exit(0);
  }

  private static final class Listener implements TestExecutionListener {
    private TestPlan plan;
    private int passed;
    private int failed;
    private int skipped;
    private final List<TestSummary.Failure> failures = new ArrayList<>();

    @Override
    public void testPlanExecutionStarted(TestPlan testPlan) {
      this.plan = testPlan;
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
          if (failures.size() < MAX_RECORDED_FAILURES) {
            failures.add(failure(id, result.getThrowable()));
          }
        }
      }
    }

    private TestSummary.Failure failure(TestIdentifier id, Optional<Throwable> thrown) {
      String name = path(id);
      if (id.isContainer()) {
        long tests = plan.getDescendants(id).stream().filter(TestIdentifier::isTest).count();
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
