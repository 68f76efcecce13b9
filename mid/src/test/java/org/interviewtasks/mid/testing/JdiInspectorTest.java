package org.interviewtasks.mid.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.assertj.core.api.Assertions.entry;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.interviewtasks.common.testing.StdStreams;
import org.interviewtasks.mid.testing.JdiInspector.Snapshot;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Debugs {@link JdiTarget} in a second JVM: breakpoints, locals, steps, and the failure modes. */
class JdiInspectorTest {

  static final String TARGET = JdiTarget.class.getName();
  static final Duration TIMEOUT = Duration.ofSeconds(60);
  static List<Path> classPath;
  static List<String> source;

  @BeforeAll
  static void locateTheTarget() throws IOException, URISyntaxException {
    classPath =
        List.of(
            Path.of(JdiTarget.class.getProtectionDomain().getCodeSource().getLocation().toURI()));
    Path moduleDir = Path.of(System.getProperty("basedir", System.getProperty("user.dir")));
    source =
        Files.readAllLines(
            moduleDir.resolve("src/test/java/org/interviewtasks/mid/testing/JdiTarget.java"),
            StandardCharsets.UTF_8);
  }

  /** The 1-based line of JdiTarget.java that carries {@code // marker:<name>}. */
  static int line(String marker) {
    for (int i = 0; i < source.size(); i++) {
      if (source.get(i).endsWith("// marker:" + marker)) {
        return i + 1;
      }
    }
    throw new IllegalArgumentException("no marker " + marker);
  }

  static JdiInspector launch(String... args) {
    return JdiInspector.launch(TARGET, classPath, TIMEOUT, args);
  }

  @Test
  void stopsAtALineReadsLocalsAndSteps() {
    try (JdiInspector inspector = launch("3", "4")) {
      Snapshot first = inspector.runToLine(TARGET, line("square"));

      assertThat(first.className()).isEqualTo(TARGET);
      assertThat(first.method()).isEqualTo("sumOfSquares");
      assertThat(first.line()).isEqualTo(line("square"));
      assertThat(first.locals())
          .containsExactly(entry("numbers", "[3, 4]"), entry("sum", "0"), entry("i", "0"));

      Snapshot afterSquare = inspector.stepOver();

      assertThat(afterSquare.line()).isEqualTo(line("add"));
      assertThat(afterSquare.locals()).containsEntry("square", "9").containsEntry("sum", "0");

      Snapshot afterAdd = inspector.stepOver();

      assertThat(afterAdd.line()).isEqualTo(line("square") - 1); // back to the for header
      assertThat(afterAdd.locals()).containsEntry("sum", "9").doesNotContainKey("square");

      assertThat(inspector.runToEnd()).isEqualTo("debug me: 25" + System.lineSeparator());
    }
  }

  @Test
  void stepsOverACallInMain() {
    try (JdiInspector inspector = launch("1", "2")) {
      Snapshot atCall = inspector.runToLine(TARGET, line("call"));

      assertThat(atCall.method()).isEqualTo("main");
      assertThat(atCall.locals())
          .containsExactly(
              entry("args", "[\"1\", \"2\"]"),
              entry("greeting", "\"debug me\""),
              entry("numbers", "[1, 2]"));

      Snapshot atPrint = inspector.stepOver();

      assertThat(atPrint.line()).isEqualTo(line("print"));
      assertThat(atPrint.locals()).containsEntry("result", "5");
      assertThat(inspector.output()).isEmpty();
    }
  }

  @Test
  void aSecondBreakpointInAClassAlreadyLoaded() {
    try (JdiInspector inspector = launch("2")) {
      assertThat(inspector.runToLine(TARGET, line("main-start")).locals())
          .containsExactly(entry("args", "[\"2\"]"));
      assertThat(inspector.runToLine(TARGET, line("return")).locals())
          .containsEntry("sum", "4")
          .doesNotContainKey("i");
    }
  }

  @Test
  void reportsALineWithoutCode() {
    try (JdiInspector inspector = launch()) {
      assertThatIllegalArgumentException()
          .isThrownBy(() -> inspector.runToLine(TARGET, 1))
          .withMessage("line 1 of " + TARGET + " has no code");
    }
  }

  @Test
  void reportsATargetThatEndsBeforeTheBreakpoint() {
    try (JdiInspector inspector = launch()) {
      assertThatIllegalStateException()
          .isThrownBy(() -> inspector.runToLine(TARGET, line("square")))
          .withMessageStartingWith("the target ended before a BreakpointEvent; output: ");
    }
  }

  @Test
  void givesUpAfterTheTimeout() {
    try (JdiInspector inspector =
        JdiInspector.launch(TARGET, classPath, Duration.ofMillis(1500), "block")) {
      assertThatIllegalStateException()
          .isThrownBy(() -> inspector.runToLine(TARGET, line("print")))
          .withMessageStartingWith("no BreakpointEvent within PT1.5S");
      assertThatIllegalStateException()
          .isThrownBy(inspector::runToEnd)
          .withMessage("the target did not end within PT1.5S");
    }
  }

  @Test
  void refusesToStepBeforeStopping() {
    try (JdiInspector inspector = launch()) {
      assertThatIllegalStateException()
          .isThrownBy(inspector::stepOver)
          .withMessage("the target is not stopped; call runToLine first");
    }
  }

  @Test
  void rejectsBadArguments() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> JdiInspector.launch(TARGET, classPath, Duration.ZERO))
        .withMessage("timeout must be positive: PT0S");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> JdiInspector.launch(TARGET, classPath, Duration.ofSeconds(-1)))
        .withMessage("timeout must be positive: PT-1S");
    assertThatNullPointerException()
        .isThrownBy(() -> JdiInspector.launch(null, classPath, TIMEOUT))
        .withMessage("mainClass");
    assertThatNullPointerException()
        .isThrownBy(() -> JdiInspector.launch(TARGET, null, TIMEOUT))
        .withMessage("classPath");
    assertThatNullPointerException()
        .isThrownBy(() -> JdiInspector.launch(TARGET, classPath, null))
        .withMessage("timeout");
  }

  @Test
  void mainPrintsEachStop() throws Exception {
    var printed =
        StdStreams.capture(
            () ->
                JdiInspector.main(
                    classPath.get(0).toString(), TARGET, String.valueOf(line("call")), "1"));

    String n = System.lineSeparator();
    assertThat(printed.out())
        .isEqualTo(
            TARGET
                + ".main:"
                + line("call")
                + " {args=[], greeting=\"debug me\", numbers=[]}"
                + n
                + TARGET
                + ".main:"
                + line("print")
                + " {args=[], greeting=\"debug me\", numbers=[], result=0}"
                + n);
  }

  @Test
  void mainRejectsBadUsage() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> JdiInspector.main("cp", TARGET))
        .withMessage("usage: mid.testing.4 <class-path> <main-class> <line> [steps]");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> JdiInspector.main("cp", TARGET, "x"))
        .withMessage("not an int: 'x'");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> JdiInspector.main("cp", TARGET, "1", "-1"))
        .withMessage("steps must not be negative: -1");
  }
}
