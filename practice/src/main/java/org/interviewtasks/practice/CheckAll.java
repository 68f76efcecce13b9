package org.interviewtasks.practice;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.interviewtasks.common.Level;

/**
 * The project's proof that practice mode works for every task: each written task's stub is
 * generated, compiled and run against the task's tests, which must fail on it (at least one failing
 * test; a task whose tests all pass on bodies that only throw has tests that check nothing).
 *
 * <p>The reference side is not run again here: {@code ./mvnw verify} runs the same test classes
 * against the reference and must pass. Each task runs in a JVM of its own, with a time-out ({@code
 * -Dpractice.stub.timeout}, seconds); junior and mid tasks run {@code -Dpractice.jobs} at a time (2
 * by default), senior tasks one at a time, since their tests start servers. The report lands in
 * {@code practice/target/stub-report.tsv}.
 */
final class CheckAll {

  private static final Duration TIMEOUT =
      Duration.ofSeconds(Long.getLong("practice.stub.timeout", 300));
  private static final int JOBS = Integer.getInteger("practice.jobs", 2);

  /**
   * One task's row of the report.
   *
   * @param task the task
   * @param tests the tests that ran (or were skipped)
   * @param failed the failing tests (and test classes that failed as a whole)
   * @param passed the passing tests
   * @param notRun the tests that did not run because their class failed as a whole
   * @param nanos the wall time of the task's check (stub, compilation and JVM included)
   * @param verdict {@code ok}, {@code passes-on-stub}, {@code no-tests}, {@code does-not-compile},
   *     {@code timed-out} or {@code crashed}
   * @param note what went wrong, or the first failure
   */
  record Row(
      PracticeTask task,
      int tests,
      int failed,
      int passed,
      int notRun,
      long nanos,
      String verdict,
      String note) {
    boolean ok() {
      return verdict.equals("ok");
    }
  }

  private final Layout layout;
  private final Catalog catalog;
  private final StubWriter writer;
  private final PrintStream out;
  private final LearnerCompiler compiler = new LearnerCompiler();

  CheckAll(Layout layout, Catalog catalog, StubWriter writer, PrintStream out) {
    this.layout = layout;
    this.catalog = catalog;
    this.writer = writer;
    this.out = out;
  }

  /**
   * Checks the tasks that the filters select (a level, an id, or an id's prefix such as {@code
   * junior.core}); all written tasks when there is none.
   */
  int run(List<String> filters) throws IOException, InterruptedException {
    List<PracticeTask> tasks =
        catalog.written().stream()
            .filter(t -> filters.isEmpty() || filters.stream().anyMatch(f -> matches(t, f)))
            .toList();
    if (tasks.isEmpty()) {
      out.println("check-all: no written task matches " + filters);
      return Practice.USAGE;
    }
    Path base = layout.target().resolve("stub-check");
    LearnerCompiler.deleteTree(base);
    long start = System.nanoTime();
    out.println(
        "Checking the stubs of "
            + tasks.size()
            + " tasks: each task's tests must fail on its stub (time-out "
            + TIMEOUT.toSeconds()
            + " s a task)");
    List<Row> rows = new ArrayList<>();
    for (Level level : Level.values()) {
      List<PracticeTask> ofLevel = tasks.stream().filter(t -> t.level() == level).toList();
      if (!ofLevel.isEmpty()) {
        rows.addAll(runLevel(ofLevel, level, base));
      }
    }
    long nanos = System.nanoTime() - start;
    Path report = layout.target().resolve("stub-report.tsv");
    writeReport(rows, report);
    summarize(rows, nanos, report);
    return rows.stream().allMatch(Row::ok) ? Practice.OK : Practice.TESTS_FAILED;
  }

  private static boolean matches(PracticeTask task, String filter) {
    String id = task.id().toString();
    return id.equals(filter) || id.startsWith(filter + ".");
  }

  /** A task whose stub compiled, ready to run. */
  private record Prepared(PracticeTask task, TaskFiles files, Path dir, long nanos) {
    Path classes() {
      return dir.resolve("classes");
    }

    Path summary() {
      return dir.resolve("stub-summary.tsv");
    }
  }

  private List<Row> runLevel(List<PracticeTask> tasks, Level level, Path base)
      throws InterruptedException, IOException {
    List<Row> rows = new ArrayList<>();
    List<Prepared> ready = new ArrayList<>();
    for (PracticeTask task : tasks) {
      Object prepared = prepare(task, base);
      if (prepared instanceof Row row) {
        rows.add(print(row));
      } else {
        ready.add((Prepared) prepared);
      }
    }
    if (level == Level.SENIOR) {
      for (Prepared p : ready) {
        long start = System.nanoTime();
        TestFork.Result result =
            TestFork.run(
                layout, level, p.classes(), p.files().testClasses(), p.dir(), "stub", TIMEOUT);
        rows.add(print(row(p.task(), result, p.nanos() + System.nanoTime() - start)));
      }
    } else {
      rows.addAll(runBatches(ready, level, base));
    }
    return rows;
  }

  /** Writes and compiles a task's stub: a {@link Prepared}, or the {@link Row} of a failure. */
  private Object prepare(PracticeTask task, Path base) throws IOException {
    long start = System.nanoTime();
    Path dir = base.resolve(task.id().toString());
    Path src = dir.resolve("src");
    TaskFiles files = TaskFiles.of(task, writer);
    if (files.tests().isEmpty()) {
      return new Row(
          task, 0, 0, 0, 0, System.nanoTime() - start, "no-tests", "no test class found");
    }
    List<Path> stubs = Workspace.writeStubs(files, writer, src, null);
    LearnerCompiler.Result compiled =
        compiler.compile(
            stubs, src, LevelClasspath.of(layout, task.level()), dir.resolve("classes"), layout);
    if (!compiled.success()) {
      return new Row(
          task,
          0,
          0,
          0,
          0,
          System.nanoTime() - start,
          "does-not-compile",
          String.join(" | ", compiled.errors().stream().limit(3).toList()));
    }
    return new Prepared(task, files, dir, System.nanoTime() - start);
  }

  /**
   * Junior and mid: the tasks split into {@code JOBS} plans, each run by one JVM (a class loader
   * per task); a JVM ended by a task's time-out is followed by another for the rest of its plan.
   */
  private List<Row> runBatches(List<Prepared> ready, Level level, Path base)
      throws InterruptedException, IOException {
    int jobs = Math.max(1, Math.min(JOBS, ready.size()));
    List<List<Prepared>> plans = new ArrayList<>();
    for (int i = 0; i < jobs; i++) {
      plans.add(new ArrayList<>());
    }
    for (int i = 0; i < ready.size(); i++) {
      plans.get(i % jobs).add(ready.get(i));
    }
    ExecutorService pool = Executors.newFixedThreadPool(jobs);
    Map<Prepared, String> verdicts = new java.util.concurrent.ConcurrentHashMap<>();
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (int i = 0; i < jobs; i++) {
        List<Prepared> plan = plans.get(i);
        Path planFile = base.resolve(level.key() + "-plan-" + (i + 1) + ".tsv");
        Path log = base.resolve(level.key() + "-plan-" + (i + 1) + ".log");
        futures.add(pool.submit(() -> runPlan(plan, planFile, log, level, verdicts)));
      }
      for (Future<?> future : futures) {
        try {
          future.get();
        } catch (ExecutionException e) {
          throw new IOException("check-all failed unexpectedly", e.getCause());
        }
      }
    } finally {
      pool.shutdownNow();
    }
    List<Row> rows = new ArrayList<>();
    for (Prepared p : ready) {
      String verdict = verdicts.get(p);
      Path log = base.resolve(level.key() + "-plan-" + (ready.indexOf(p) % jobs + 1) + ".log");
      if (verdict != null) {
        rows.add(
            print(new Row(p.task(), 0, 0, 0, 0, p.nanos(), verdict, "log: " + layout.show(log))));
      } else {
        TestSummary s = TestSummary.read(p.summary());
        rows.add(
            print(
                row(
                    p.task(),
                    new TestFork.Result(s, false, 0, log, s.nanos()),
                    p.nanos() + s.nanos())));
      }
    }
    return rows;
  }

  private Void runPlan(
      List<Prepared> plan, Path planFile, Path log, Level level, Map<Prepared, String> verdicts)
      throws IOException, InterruptedException {
    List<String> lines = new ArrayList<>();
    for (Prepared p : plan) {
      List<Path> classpath = new ArrayList<>();
      classpath.add(p.classes());
      classpath.addAll(LevelClasspath.ownClasses(layout, level));
      lines.add(
          String.join(
              "\t",
              p.summary().toString(),
              Long.toString(TIMEOUT.toSeconds()),
              LevelClasspath.join(classpath),
              String.join(",", p.files().testClasses())));
    }
    Files.write(planFile, lines, StandardCharsets.UTF_8);
    Files.deleteIfExists(log);
    while (true) {
      Duration wall = TIMEOUT.multipliedBy(plan.size() + 1L);
      int exit = TestFork.runBatch(layout, level, planFile, log, wall);
      Prepared stuck =
          plan.stream().filter(p -> !Files.exists(p.summary())).findFirst().orElse(null);
      if (stuck == null) {
        return null;
      }
      verdicts.put(stuck, exit == 3 || exit == -1 ? "timed-out" : "crashed");
      new TestSummary(0, 0, 0, 0, 0, List.of()).write(stuck.summary()); // the next JVM skips it
    }
  }

  private Row print(Row row) {
    synchronized (out) {
      out.println(
          String.format(
                  Locale.ROOT,
                  "  %-24s %5d tests %5d fail on the stub %-22s %-16s %7s",
                  row.task().id(),
                  row.tests(),
                  row.failed(),
                  row.notRun() == 0 ? "" : "(" + row.notRun() + " not run)",
                  row.verdict(),
                  Practice.seconds(row.nanos()))
              + (row.ok() ? "" : "  " + row.note()));
    }
    return row;
  }

  private Row row(PracticeTask task, TestFork.Result result, long nanos) {
    TestSummary s = result.summary();
    if (s == null) {
      String verdict = result.timedOut() ? "timed-out" : "crashed";
      return new Row(task, 0, 0, 0, 0, nanos, verdict, "log: " + layout.show(result.log()));
    }
    String verdict;
    if (s.failed() > 0) {
      verdict = "ok";
    } else if (s.passed() > 0) {
      verdict = "passes-on-stub";
    } else {
      verdict = "no-tests";
    }
    String note =
        s.failures().isEmpty()
            ? ""
            : s.failures().get(0).exception()
                + ": "
                + s.failures().get(0).message().lines().findFirst().orElse("");
    return new Row(task, s.total(), s.failed(), s.passed(), s.notRun(), nanos, verdict, note);
  }

  private static void writeReport(List<Row> rows, Path report) throws IOException {
    List<String> lines = new ArrayList<>();
    lines.add("id\tlevel\ttests\tfailed_on_stub\tpassed_on_stub\tnot_run\tseconds\tverdict\tnote");
    for (Row row : rows) {
      lines.add(
          String.join(
              "\t",
              row.task().id().toString(),
              row.task().level().key(),
              Integer.toString(row.tests()),
              Integer.toString(row.failed()),
              Integer.toString(row.passed()),
              Integer.toString(row.notRun()),
              String.format(Locale.ROOT, "%.1f", row.nanos() / 1e9),
              row.verdict(),
              TestSummary.escape(row.note())));
    }
    Files.createDirectories(report.getParent());
    Files.write(report, lines, StandardCharsets.UTF_8);
  }

  private void summarize(List<Row> rows, long nanos, Path report) {
    out.println();
    out.println(
        "Stubs checked: "
            + rows.size()
            + " tasks in "
            + String.format(
                Locale.ROOT,
                "%d min %02d s",
                nanos / 60_000_000_000L,
                nanos / 1_000_000_000L % 60));
    Map<Level, List<Row>> byLevel = new EnumMap<>(Level.class);
    rows.forEach(r -> byLevel.computeIfAbsent(r.task().level(), l -> new ArrayList<>()).add(r));
    byLevel.forEach(
        (level, ofLevel) -> {
          Row fewest =
              ofLevel.stream()
                  .filter(Row::ok)
                  .min((a, b) -> Integer.compare(a.failed(), b.failed()))
                  .orElse(null);
          long bad = ofLevel.stream().filter(r -> !r.ok()).count();
          out.println(
              "  "
                  + level.key()
                  + ": "
                  + ofLevel.size()
                  + " tasks, "
                  + ofLevel.stream().mapToInt(Row::tests).sum()
                  + " tests; "
                  + (bad == 0 ? "every stub fails its tests" : bad + " NOT OK")
                  + (fewest == null
                      ? ""
                      : "; fewest failing tests on a stub: "
                          + fewest.failed()
                          + " ("
                          + fewest.task().id()
                          + ")"));
        });
    rows.stream()
        .filter(r -> !r.ok())
        .forEach(
            r -> out.println("  NOT OK " + r.task().id() + ": " + r.verdict() + " " + r.note()));
    out.println("Report: " + layout.show(report));
    long ok = rows.stream().filter(Row::ok).count();
    out.println("check-all: " + ok + " passed, " + (rows.size() - ok) + " failed");
  }
}
