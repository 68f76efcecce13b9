package org.interviewtasks.practice;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.interviewtasks.common.Task;
import org.interviewtasks.common.TaskId;

/**
 * Practice mode's command line: {@code start}, {@code check}, {@code list}, {@code show}, {@code
 * reset} and {@code check-all}, run through the build as {@code ./mvnw -q -Ppractice -pl practice
 * -am test-compile exec:java -Dexec.args="start junior.core.2"} (see practice/README.md).
 *
 * <p>Exit codes: 0 done (or all tests passed), 1 tests failed, 2 bad usage or unknown task, 3 the
 * learner's code does not compile, 4 refused (already started, or not started yet), 5 the task has
 * no reference solution yet.
 */
public final class Practice {

  static final int OK = 0;
  static final int TESTS_FAILED = 1;
  static final int USAGE = 2;
  static final int DOES_NOT_COMPILE = 3;
  static final int REFUSED = 4;
  static final int NOT_WRITTEN = 5;

  private static final int SHOWN_FAILURES = 5;
  private static final int SHOWN_COMPILE_ERRORS = 10;
  private static final int MESSAGE_LINES = 4;
  private static final int LINE_WIDTH = 160;

  /** How long one check's tests may run before they are ended (seconds; -Dpractice.timeout). */
  private static final Duration CHECK_TIMEOUT =
      Duration.ofSeconds(Long.getLong("practice.timeout", 1800));

  private final Layout layout;
  private final Catalog catalog;
  private final StubWriter writer = new StubWriter();
  private final PrintStream out;

  Practice(Layout layout, Catalog catalog, PrintStream out) {
    this.layout = layout;
    this.catalog = catalog;
    this.out = out;
  }

  /** The command a learner types for these arguments. */
  static String command(String args) {
    return "./mvnw -q -Ppractice -pl practice -am test-compile exec:java -Dexec.args=\""
        + args
        + "\"";
  }

  /**
   * Runs a command and exits with its code.
   *
   * @param args the command and its arguments
   */
  public static void main(String... args) throws IOException, InterruptedException {
    Layout layout = Layout.fromSystemProperties();
    PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    int code;
    try {
      Catalog catalog = Catalog.load(Practice.class.getClassLoader(), layout);
      code = new Practice(layout, catalog, out).run(args);
    } catch (IllegalStateException e) {
      out.println("practice: " + e.getMessage());
      code = USAGE;
    }
    out.flush();
    System.exit(code);
  }

  int run(String... args) throws IOException, InterruptedException {
    List<String> words = new ArrayList<>();
    for (String arg : args) {
      for (String word : arg.strip().split("\\s+", -1)) {
        if (!word.isEmpty()) {
          words.add(word);
        }
      }
    }
    if (words.isEmpty()) {
      return usage();
    }
    String name = words.get(0).toLowerCase(Locale.ROOT);
    List<String> rest = words.subList(1, words.size());
    if (name.equals("list")) {
      return list();
    }
    if (name.equals("check-all")) {
      return new CheckAll(layout, catalog, writer, out).run(rest);
    }
    if (name.equals("help") || name.equals("--help") || name.equals("-h")) {
      usage();
      return OK;
    }
    boolean noReference = rest.remove("--no-reference");
    if (rest.size() != 1) {
      out.println("practice " + name + ": give one task id, e.g. " + name + " junior.core.2");
      return USAGE;
    }
    Optional<PracticeTask> found = task(rest.get(0));
    if (found.isEmpty()) {
      return USAGE;
    }
    PracticeTask task = found.get();
    return switch (name) {
      case "start" -> start(task);
      case "check" -> check(task, !noReference);
      case "show" -> show(task);
      case "reset" -> reset(task);
      default -> usage();
    };
  }

  private int usage() {
    out.println(
        """
        practice mode: solve a task yourself; its reference tests judge your code.
          start <id>      write the task's stub into practice/workspace/src/main/java
          check <id>      run the task's tests against your code (then against the reference, for
                          the time; add --no-reference to skip that run)
          show <id>       where the reference solution and its tests are; how to diff yours
          reset <id>      delete your files of the task (it lists them first)
          list            every task, and the ones you started
          check-all [level|id ...]   the project's own check: every task's tests fail on its stub
        Run each as:\s"""
            + command("start junior.core.2"));
    return USAGE;
  }

  private Optional<PracticeTask> task(String text) {
    TaskId id;
    try {
      id = TaskId.parse(text);
    } catch (IllegalArgumentException e) {
      out.println("practice: " + e.getMessage());
      return Optional.empty();
    }
    Optional<PracticeTask> task = catalog.find(id);
    if (task.isEmpty()) {
      out.println("practice: no task " + id + " in the catalog; list shows them all");
    }
    return task;
  }

  private String title(PracticeTask task) {
    try {
      Class<?> type = Class.forName(task.entryClass(), false, Practice.class.getClassLoader());
      Task annotation = type.getAnnotation(Task.class);
      return annotation == null ? task.simpleName() : annotation.title();
    } catch (ClassNotFoundException | LinkageError e) {
      return task.simpleName();
    }
  }

  private boolean refuseUnwritten(PracticeTask task) {
    if (task.written()) {
      return false;
    }
    out.println(
        task.id()
            + " ("
            + task.simpleName()
            + ") has no reference solution yet, so there are no tests to judge it; pick another"
            + " task (list shows which are written).");
    return true;
  }

  // --- start -------------------------------------------------------------------------------------

  private int start(PracticeTask task) throws IOException {
    if (refuseUnwritten(task)) {
      return NOT_WRITTEN;
    }
    TaskFiles files = TaskFiles.of(task, writer);
    List<Path> already = Workspace.existing(files, layout.workspace());
    if (!already.isEmpty()) {
      out.println(task.id() + " is already started; start never overwrites your work:");
      already.forEach(f -> out.println("  " + layout.show(f)));
      out.println("To check it:    " + command("check " + task.id()));
      out.println("To start over:  " + command("reset " + task.id()));
      out.println("                (deletes the files above), then start it again.");
      return REFUSED;
    }
    String title = title(task);
    List<Path> written =
        Workspace.writeStubs(files, writer, layout.workspace(), Workspace.header(task, title));
    out.println("Started " + task.id() + ", " + title + ":");
    out.println("  " + task.entry().statement());
    out.println();
    out.println(
        "Your files; every body throws UnsupportedOperationException(\"TODO: ...\") for now:");
    written.forEach(f -> out.println("  " + layout.show(f)));
    out.println("The tests that will judge them: " + String.join(", ", files.testNames()));
    out.println();
    out.println("When you are ready: " + command("check " + task.id()));
    return OK;
  }

  // --- check -------------------------------------------------------------------------------------

  private int check(PracticeTask task, boolean withReference)
      throws IOException, InterruptedException {
    if (refuseUnwritten(task)) {
      return NOT_WRITTEN;
    }
    TaskFiles files = TaskFiles.of(task, writer);
    List<Path> sources = Workspace.existingJava(files, layout.workspace());
    if (sources.isEmpty()) {
      out.println(
          task.id()
              + " is not started: none of its files is in "
              + layout.show(layout.workspace())
              + ".");
      out.println("Start it: " + command("start " + task.id()));
      return REFUSED;
    }
    for (Path source : files.sources()) {
      if (!Files.exists(files.learner(source))) {
        out.println(
            "note: " + layout.show(files.learner(source)) + " is missing (the tests use it)");
      }
    }
    Path runDir = layout.target().resolve("practice").resolve(task.id().toString());
    Path classes = runDir.resolve("classes");
    LearnerCompiler.Result compiled =
        new LearnerCompiler()
            .compile(
                sources,
                layout.workspace(),
                LevelClasspath.of(layout, task.level()),
                classes,
                layout);
    String title = title(task);
    if (!compiled.success()) {
      out.println(task.id() + " " + title + ": your code does not compile   [DOES NOT COMPILE]");
      compiled.errors().stream()
          .limit(SHOWN_COMPILE_ERRORS)
          .forEach(e -> out.println("  " + e.replace("\n", "\n    ")));
      if (compiled.errors().size() > SHOWN_COMPILE_ERRORS) {
        out.println("  ... and " + (compiled.errors().size() - SHOWN_COMPILE_ERRORS) + " more");
      }
      Workspace.saveResult(layout, task, "does not compile");
      return DOES_NOT_COMPILE;
    }
    List<String> tests = files.testClasses();
    TestFork.Result mine =
        TestFork.run(layout, task.level(), classes, tests, runDir, "learner", CHECK_TIMEOUT);
    TestFork.Result reference =
        withReference && mine.summary() != null
            ? TestFork.run(layout, task.level(), null, tests, runDir, "reference", CHECK_TIMEOUT)
            : null;
    return verdict(task, title, files, mine, reference);
  }

  private int verdict(
      PracticeTask task,
      String title,
      TaskFiles files,
      TestFork.Result mine,
      TestFork.Result reference)
      throws IOException {
    String head = task.id() + " " + title + ": ";
    TestSummary s = mine.summary();
    if (s == null) {
      String why =
          mine.timedOut()
              ? "the tests did not finish within " + CHECK_TIMEOUT.toSeconds() + " s and were ended"
              : "the test JVM stopped (exit " + mine.exitCode() + ") before it could report";
      out.println(head + why + "   [FAILED]");
      out.println("  tests: " + String.join(", ", files.testNames()));
      out.println("  the last lines it printed (all of them: " + layout.show(mine.log()) + "):");
      tail(mine.log(), 15).forEach(line -> out.println("    " + line));
      Workspace.saveResult(layout, task, mine.timedOut() ? "timed out" : "crashed");
      return TESTS_FAILED;
    }
    boolean passed = s.allPassed();
    String counts =
        passed
            ? "all " + s.passed() + " tests passed"
            : s.failed() + " of " + s.total() + " tests failed, " + s.passed() + " passed";
    if (s.skipped() > 0) {
      counts += ", " + s.skipped() + " skipped";
    }
    if (s.notRun() > 0) {
      counts += " (" + s.notRun() + " more did not run: their class failed as a whole)";
    }
    out.println(head + counts + "   [" + (passed ? "PASSED" : "FAILED") + "]");
    out.println("  tests: " + String.join(", ", files.testNames()));
    String time = "  time:  your code " + seconds(s.nanos());
    if (reference != null && reference.summary() != null) {
      TestSummary r = reference.summary();
      time += ", the reference " + seconds(r.nanos()) + " on the same tests";
      if (!r.allPassed()) {
        time += " (where " + r.failed() + " failed too: see " + layout.show(reference.log()) + ")";
      }
    }
    out.println(time + " (JVM start excluded)");
    if (!s.failures().isEmpty()) {
      // Failures alike (the same exception, message and place) are shown once, with a count, so
      // that five cases of one parameterized test do not hide the other problems.
      Map<String, List<TestSummary.Failure>> alike = new LinkedHashMap<>();
      for (TestSummary.Failure f : s.failures()) {
        String key =
            f.exception() + "\n" + f.message().lines().findFirst().orElse("") + "\n" + f.where();
        alike.computeIfAbsent(key, k -> new ArrayList<>()).add(f);
      }
      int shown = Math.min(SHOWN_FAILURES, alike.size());
      out.println();
      out.println(
          "The first "
              + (shown == 1 ? "failure" : shown + " different failures")
              + " of "
              + s.failed()
              + ":");
      int number = 0;
      for (List<TestSummary.Failure> group : alike.values()) {
        if (number == shown) {
          break;
        }
        printFailure(++number, group.get(0), group.size() - 1);
      }
      out.println();
      out.println("Everything the tests printed: " + layout.show(mine.log()));
    }
    Workspace.saveResult(
        layout, task, (passed ? "passed " : "failed ") + s.passed() + "/" + s.total());
    if (passed) {
      out.println();
      out.println("Compare with the reference solution: " + command("show " + task.id()));
      return OK;
    }
    return TESTS_FAILED;
  }

  private void printFailure(int number, TestSummary.Failure failure, int more) {
    out.println(
        "  "
            + number
            + ". "
            + failure.test()
            + (more == 0 ? "" : "   (and " + more + " more failing alike)"));
    String type = failure.exception();
    String simple = type.substring(type.lastIndexOf('.') + 1);
    boolean assertion =
        simple.contains("AssertionError")
            || simple.contains("AssertionFailed")
            || simple.equals("MultipleFailuresError");
    List<String> lines = failure.message().lines().filter(l -> !l.isBlank()).toList();
    List<String> shown = new ArrayList<>();
    if (!assertion && !type.isEmpty()) {
      shown.add(simple + (lines.isEmpty() ? "" : ": " + lines.get(0)));
      lines = lines.isEmpty() ? lines : lines.subList(1, lines.size());
    }
    shown.addAll(lines);
    shown.stream()
        .limit(MESSAGE_LINES)
        .map(l -> l.length() > LINE_WIDTH ? l.substring(0, LINE_WIDTH) + "..." : l)
        .forEach(l -> out.println("     " + l.strip()));
    if (shown.size() > MESSAGE_LINES) {
      out.println("     ...");
    }
    if (type.startsWith("java.lang.NoSuchMethod")
        || type.startsWith("java.lang.NoSuchField")
        || type.startsWith("java.lang.NoClassDefFound")
        || type.startsWith("java.lang.AbstractMethod")
        || type.startsWith("java.lang.IncompatibleClassChange")) {
      out.println(
          "     (your code lacks a type or member the tests call: keep the stub's signatures)");
    }
    if (!failure.where().isEmpty()) {
      out.println("     at " + failure.where());
    }
  }

  static String seconds(long nanos) {
    return String.format(Locale.ROOT, "%.2f s", nanos / 1e9);
  }

  private static List<String> tail(Path log, int lines) throws IOException {
    if (!Files.isRegularFile(log)) {
      return List.of();
    }
    List<String> all = Files.readAllLines(log, StandardCharsets.UTF_8);
    return all.subList(Math.max(0, all.size() - lines), all.size());
  }

  // --- show, reset, list -------------------------------------------------------------------------

  private int show(PracticeTask task) throws IOException {
    if (refuseUnwritten(task)) {
      return NOT_WRITTEN;
    }
    TaskFiles files = TaskFiles.of(task, writer);
    out.println(task.id() + " " + title(task));
    out.println("  " + task.entry().statement());
    out.println("The reference solution:");
    files.sources().forEach(s -> out.println("  " + layout.show(files.reference(s))));
    out.println("Its tests:");
    files
        .tests()
        .forEach(t -> out.println("  " + layout.show(layout.testSources(task.level()).resolve(t))));
    List<Path> mine = Workspace.existing(files, layout.workspace());
    if (mine.isEmpty()) {
      out.println("You have not started it: " + command("start " + task.id()));
      return OK;
    }
    out.println("Your code beside it (from the project's root):");
    if (task.isPackageTask()) {
      out.println(
          "  git diff --no-index "
              + layout.show(layout.mainSources(task.level()).resolve(task.packagePath()))
              + " "
              + layout.show(layout.workspace().resolve(task.packagePath())));
    } else {
      for (Path source : files.sources()) {
        if (Files.exists(files.learner(source))) {
          out.println(
              "  git diff --no-index "
                  + layout.show(files.reference(source))
                  + " "
                  + layout.show(files.learner(source)));
        }
      }
    }
    return OK;
  }

  private int reset(PracticeTask task) throws IOException {
    if (refuseUnwritten(task)) {
      return NOT_WRITTEN;
    }
    TaskFiles files = TaskFiles.of(task, writer);
    List<Path> mine = new ArrayList<>(Workspace.existing(files, layout.workspace()));
    if (mine.isEmpty()) {
      out.println(
          "Nothing to delete: "
              + task.id()
              + " has no files in "
              + layout.show(layout.workspace())
              + ".");
      return OK;
    }
    out.println("Deleting your files of " + task.id() + ":");
    mine.forEach(f -> out.println("  " + layout.show(f)));
    Workspace.delete(mine, layout.workspace());
    Files.deleteIfExists(Workspace.resultFile(layout, task));
    LearnerCompiler.deleteTree(layout.target().resolve("practice").resolve(task.id().toString()));
    out.println("Done. To start again: " + command("start " + task.id()));
    return OK;
  }

  private int list() throws IOException {
    int started = 0;
    int passing = 0;
    out.println(String.format(Locale.ROOT, "%-22s %-32s %s", "id", "entry class", "yours"));
    for (PracticeTask task : catalog.all()) {
      String status;
      if (!task.written()) {
        status = "(no reference solution yet)";
      } else {
        boolean mine =
            Files.exists(layout.workspace().resolve(task.entryClass().replace('.', '/') + ".java"));
        Optional<String> result = Workspace.lastResult(layout, task);
        if (mine) {
          started++;
          status = "started" + result.map(r -> ", last check: " + r).orElse(", not checked yet");
          if (result.filter(r -> r.startsWith("passed")).isPresent()) {
            passing++;
          }
        } else {
          status = "-";
        }
      }
      out.println(
          String.format(Locale.ROOT, "%-22s %-32s %s", task.id(), task.simpleName(), status));
    }
    out.println();
    out.println(
        catalog.all().size()
            + " tasks, "
            + catalog.written().size()
            + " with a reference solution; you started "
            + started
            + (started == 0 ? "" : " (" + passing + " passing at the last check)")
            + ". Start one: "
            + command("start <id>"));
    return OK;
  }
}
