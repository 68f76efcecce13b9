package org.interviewtasks.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.interviewtasks.common.testing.StdStreams;
import org.junit.jupiter.api.Test;

class TaskRunnerTest {

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();
  private final ClassLoader catalogLoader =
      new ClassLoader(getClass().getClassLoader()) {
        @Override
        public InputStream getResourceAsStream(String name) {
          return name.equals("org/interviewtasks/junior/tasks.tsv")
              ? CatalogEntryTest.stream(
                  CatalogEntryTest.HEADER
                      + "junior.fixture.1\torg.interviewtasks.junior.fixture.Echo\tEcho.\n"
                      + "junior.fixture.7\torg.interviewtasks.junior.fixture.Later\tLater.\n")
              : null;
        }
      };
  private final TaskRunner runner =
      new TaskRunner(
          TaskIndex.scan(getClass().getClassLoader(), "taskfixtures.valid"),
          catalogLoader,
          new PrintStream(out, true, StandardCharsets.UTF_8),
          new PrintStream(err, true, StandardCharsets.UTF_8));

  @Test
  void runsTheTasksMainWithTheRemainingArguments() throws Exception {
    var printed =
        StdStreams.capture(() -> assertThat(runner.run("junior.fixture.1", "a", "ü 😀")).isZero());

    assertThat(printed.out()).isEqualTo("a ü 😀" + System.lineSeparator());
    assertThat(err()).isEmpty();
  }

  @Test
  void withoutArgumentsPrintsUsageAsAnError() {
    assertThat(runner.run()).isEqualTo(TaskRunner.USAGE);
    assertThat(err()).startsWith("usage: TaskRunner [--verbose] <task-id>");
    assertThat(out()).isEmpty();
  }

  @Test
  void helpPrintsUsage() {
    assertThat(runner.run("--help")).isZero();
    assertThat(runner.run("-h")).isZero();
    assertThat(out()).contains("usage: TaskRunner", "--list", "junior.core.1 3 -7 42");
    assertThat(err()).isEmpty();
  }

  @Test
  void listShowsWrittenAndMissingTasks() {
    assertThat(runner.run("--list")).isZero();

    assertThat(out().lines())
        .containsExactly(
            "junior.fixture.1         Echo",
            "junior.fixture.7         (not written yet)",
            "junior.fixture.2         No main",
            "junior.fixture.3         Rejects",
            "junior.fixture.4         Hidden",
            "mid.fixture.1            Crashes",
            "mid.fixture.2            Instance main",
            "mid.fixture.3            Exits");
  }

  @Test
  void aTaskExitEndsWithItsCodeAndNothingMorePrinted() throws Exception {
    var printed =
        StdStreams.capture(() -> assertThat(runner.run("mid.fixture.3", "now")).isEqualTo(3));

    assertThat(printed.err()).isEqualTo("exiting: now" + System.lineSeparator());
    assertThat(err()).isEmpty();
    assertThat(out()).isEmpty();
  }

  @Test
  void aTaskExitNeedsACodeAProcessCanReturn() {
    assertThat(new TaskExit(255).code()).isEqualTo(255);
    for (int code : new int[] {Integer.MIN_VALUE, -1, 0, 256}) {
      assertThatIllegalArgumentException()
          .isThrownBy(() -> new TaskExit(code))
          .withMessage("an exit code must be in 1..255: " + code);
    }
  }

  @Test
  void rejectsAMalformedId() {
    assertThat(runner.run("core.1")).isEqualTo(TaskRunner.USAGE);
    assertThat(err()).startsWith("error: not a task id: 'core.1'");
  }

  @Test
  void rejectsAnIdThatIsNotOnTheClasspath() {
    assertThat(runner.run("senior.fixture.1")).isEqualTo(TaskRunner.USAGE);
    assertThat(err())
        .isEqualTo(
            "error: task senior.fixture.1 is not on the classpath; --list shows the tasks here"
                + System.lineSeparator());
  }

  @Test
  void explainsATaskWithoutMain() {
    assertThat(runner.run("junior.fixture.2")).isEqualTo(TaskRunner.USAGE);
    assertThat(err()).contains("task junior.fixture.2 (NoMainTask) has no main method");
    assertThat(runner.run("mid.fixture.2")).isEqualTo(TaskRunner.USAGE);
    assertThat(err()).contains("task mid.fixture.2 (InstanceMainTask) has no main method");
  }

  @Test
  void anIllegalArgumentFromTheTaskIsAUsageError() {
    assertThat(runner.run("junior.fixture.3", "x", "y")).isEqualTo(TaskRunner.USAGE);
    assertThat(err()).isEqualTo("error: bad input: x,y" + System.lineSeparator());
  }

  @Test
  void anyOtherFailureExitsWithOne() {
    assertThat(runner.run("mid.fixture.1")).isEqualTo(TaskRunner.FAILED);
    assertThat(err())
        .isEqualTo(
            "error: task mid.fixture.1 failed: java.lang.IllegalStateException: boom"
                + " (--verbose shows where)"
                + System.lineSeparator());
  }

  @Test
  void verboseAddsTheStackTraceOfAFailureAfterTheSameLine() {
    assertThat(runner.run("--verbose", "mid.fixture.1")).isEqualTo(TaskRunner.FAILED);
    assertThat(err().lines())
        .first()
        .isEqualTo("error: task mid.fixture.1 failed: java.lang.IllegalStateException: boom");
    assertThat(err()).contains("at taskfixtures.valid.CrashingTask.main(");
  }

  @Test
  void verboseAddsTheStackTraceOfBadInputToo() {
    assertThat(runner.run("--verbose", "junior.fixture.3", "x")).isEqualTo(TaskRunner.USAGE);
    assertThat(err().lines()).first().isEqualTo("error: bad input: x");
    assertThat(err()).contains("at taskfixtures.valid.RejectingTask.main(");
    assertThat(runner.run("--verbose")).isEqualTo(TaskRunner.USAGE);
  }

  @Test
  void reportsATaskWhoseMainItCannotAccess() {
    assertThat(runner.run("junior.fixture.4")).isEqualTo(TaskRunner.FAILED);
    assertThat(err())
        .startsWith("error: cannot call main of taskfixtures.valid.HiddenTask: ")
        .contains("IllegalAccessException");
  }

  @Test
  void mainRunsWithTheTestFixturesOnTheClasspath() throws Exception {
    // common's test classes, the deliberately bad fixtures among them, are on the classpath of
    // every level's exec:java run: the scan behind main must not trip over them.
    var printed = StdStreams.capture(() -> TaskRunner.main("--help"));

    assertThat(printed.out()).startsWith("usage: TaskRunner [--verbose] <task-id>");
    assertThat(printed.err()).isEmpty();
  }

  private String out() {
    return out.toString(StandardCharsets.UTF_8);
  }

  private String err() {
    return err.toString(StandardCharsets.UTF_8);
  }

  @Test
  void helpForATaskPrintsItsUsageWithoutRunningIt() throws Exception {
    var printed =
        StdStreams.capture(() -> assertThat(runner.run("junior.fixture.1", "--help")).isZero());

    assertThat(out().lines())
        .containsExactly("usage: junior.fixture.1 [word...]   at most 64 words", "Echo.");
    assertThat(printed.out()).isEmpty();
    assertThat(runner.run("junior.fixture.1", "-h")).isZero();
  }

  @Test
  void helpForATaskWithoutUsageReachesItsMain() throws Exception {
    var printed =
        StdStreams.capture(() -> assertThat(runner.run("mid.fixture.3", "--help")).isEqualTo(3));

    assertThat(printed.err()).isEqualTo("exiting: --help" + System.lineSeparator());
    assertThat(out()).isEmpty();
  }
}
