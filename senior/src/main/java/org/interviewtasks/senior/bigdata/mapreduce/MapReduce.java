package org.interviewtasks.senior.bigdata.mapreduce;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import org.interviewtasks.common.Args;
import org.interviewtasks.common.Task;
import org.interviewtasks.senior.infra.ChildJvm;

/**
 * Runs a MapReduce job over text files with a pool of workers, threads or separate JVM processes,
 * the way Hadoop and Spark do it under the hood, on one machine.
 *
 * <p><b>Approach.</b> Four phases. <i>Split:</i> each input file is cut into byte ranges of {@link
 * Config#splitBytes()}; a split owns the lines that start inside it, so cuts may fall mid-line.
 * <i>Map:</i> one task per split runs the {@link Job}'s map over its lines; the emitted pairs are
 * partitioned by key hash into {@code reducers} partitions and buffered in memory (merged per key
 * first when the job has a combiner). <i>Shuffle:</i> when the buffer passes its memory budget it
 * is sorted by key and spilled to disk as one run per partition; at the end of the task the runs of
 * each partition are merged (k-way, combining again) into one sorted file. <i>Reduce:</i> one task
 * per partition merges that partition's file from every map task, streams each key's values to the
 * reducer without holding them all, and writes {@code output/part-r-NNNNN}. Memory is bounded by
 * the buffer budget and the merge's one record per run, whatever the input size; disk traffic is
 * about twice the map output. Tasks exchange data only through files in the work directory, so a
 * task runs the same in a thread ({@link Mode#THREADS}) or in a child JVM started with {@code
 * ProcessBuilder} ({@link Mode#PROCESSES}, see {@link WorkerMain}).
 *
 * <p><b>Failures.</b> A task attempt that throws, exits non-zero or outlives {@link
 * Config#taskTimeout()} is retried, up to {@link Config#maxAttempts()} attempts; then the job fails
 * with a {@link MapReduceException} naming the task and the last cause (a process's stderr tail
 * included) and stops scheduling. Attempts write into a directory of their own, renamed into place
 * on success, so a failed attempt leaves no partial output. A thread cannot be killed: a timed-out
 * thread attempt is interrupted and abandoned; processes are destroyed.
 *
 * <p><b>Hadoop and Spark.</b> This is Hadoop MapReduce in miniature: splits and the {@code
 * LineRecordReader} boundary rule, a map-side sort buffer ({@code mapreduce.task.io.sort.mb}) that
 * spills sorted, partitioned runs and merges them, an optional combiner, a {@code HashPartitioner},
 * reducers that fetch one partition from every map output, merge-sort it and iterate each key's
 * values, attempts retried up to {@code mapreduce.map.maxattempts} (4 there) and output committed
 * by rename ({@code FileOutputCommitter}). Hadoop runs each attempt in a YARN container (a JVM,
 * like {@link Mode#PROCESSES}) and fetches map output over HTTP instead of a shared directory.
 * Spark's sort-based shuffle has the same shape: a stage boundary at each wide dependency ({@code
 * reduceByKey}), map-side combining in an append-only map that spills sorted files under memory
 * pressure, one shuffle file per map task read by every reduce task; but its executors are
 * long-lived JVMs running tasks in threads (like {@link Mode#THREADS}), and whole pipelines of
 * narrow transformations run in memory between shuffles.
 *
 * <p><b>Edge cases.</b> Empty inputs give empty output files (one per reducer, as in Hadoop). Lines
 * end with {@code \n} or {@code \r\n} and are decoded as UTF-8, strictly: a line that is not UTF-8
 * fails its task, and so the job, naming the file and the line's byte offset, instead of being
 * counted with replacement characters as words the file does not hold. A {@link Job#format} that
 * returns a line break fails its reduce task (output is one line per key, and the line counters
 * would lie). The work directory must be empty or absent. Missing inputs fail before anything runs.
 * At most {@value Config#MAX_WORKERS} workers, {@value Config#MAX_REDUCERS} reducers and {@value
 * Config#MAX_ATTEMPTS} attempts per task.
 *
 * <p><b>Follow-up.</b> <i>"Stragglers?"</i> Speculative execution: start a second attempt of a slow
 * task and keep whichever commits first (the rename commit makes that safe). <i>"Skewed keys?"</i>
 * A sampling range partitioner, or salting hot keys and reducing twice. <i>"Many small files?"</i>
 * Combine them into larger splits.
 */
@Task(
    id = "senior.bigdata.4",
    title = "MapReduce over threads and processes",
    usage = "[--processes] <file>...")
public final class MapReduce {

  private MapReduce() {}

  /** Where task attempts run. */
  public enum Mode {
    /** In a pool of threads of this JVM. */
    THREADS,
    /** Each attempt in a child JVM ({@link WorkerMain}), at most {@code workers} at a time. */
    PROCESSES
  }

  /**
   * How to run a job.
   *
   * @param workDir where intermediate files and {@code output/} go; must be empty or absent
   * @param mode threads or processes
   * @param workers how many task attempts run at once
   * @param reducers the number of partitions and of reduce tasks
   * @param splitBytes the size of an input split
   * @param bufferBytes the map-side shuffle buffer's budget (estimated heap bytes) before a spill
   * @param taskTimeout how long one attempt may run
   * @param maxAttempts attempts per task before the job fails
   * @param workerJvmOptions options for worker processes, such as {@code -Xmx512m}
   */
  public record Config(
      Path workDir,
      Mode mode,
      int workers,
      int reducers,
      long splitBytes,
      long bufferBytes,
      Duration taskTimeout,
      int maxAttempts,
      List<String> workerJvmOptions) {

    /** Checks the values. */
    public Config {
      Objects.requireNonNull(workDir, "workDir");
      Objects.requireNonNull(mode, "mode");
      Objects.requireNonNull(taskTimeout, "taskTimeout");
      workerJvmOptions = List.copyOf(workerJvmOptions);
      atMost("workers", workers, MAX_WORKERS);
      atMost("reducers", reducers, MAX_REDUCERS);
      positive("splitBytes", splitBytes);
      positive("bufferBytes", bufferBytes);
      atMost("maxAttempts", maxAttempts, MAX_ATTEMPTS);
      if (taskTimeout.isNegative() || taskTimeout.isZero()) {
        throw new IllegalArgumentException("taskTimeout must be positive: " + taskTimeout);
      }
    }

    /** The most task attempts that run at once: more threads or JVMs than any machine here. */
    public static final int MAX_WORKERS = 256;

    /**
     * The most reducers: every map task keeps a buffer and writes a file per partition, so a
     * million partitions would exhaust memory and file handles long before any work is done.
     */
    public static final int MAX_REDUCERS = 4_096;

    /** The most attempts per task. */
    public static final int MAX_ATTEMPTS = 100;

    private static void positive(String name, long value) {
      if (value < 1) {
        throw new IllegalArgumentException(name + " must be positive: " + value);
      }
    }

    private static void atMost(String name, int value, int max) {
      if (value < 1 || value > max) {
        throw new IllegalArgumentException(name + " must be 1.." + max + ": " + value);
      }
    }

    /**
     * Defaults: threads, one worker per core, as many reducers, 32 MiB splits, a 64 MiB buffer, 10
     * minutes per attempt, 2 attempts.
     */
    public static Config defaults(Path workDir) {
      int cores = Runtime.getRuntime().availableProcessors();
      return new Config(
          workDir,
          Mode.THREADS,
          cores,
          cores,
          32L << 20,
          64L << 20,
          Duration.ofMinutes(10),
          2,
          List.of("-Xmx512m", "-XX:+UseSerialGC"));
    }

    /** This configuration with another mode. */
    public Config withMode(Mode other) {
      return new Config(
          workDir,
          other,
          workers,
          reducers,
          splitBytes,
          bufferBytes,
          taskTimeout,
          maxAttempts,
          workerJvmOptions);
    }

    /** This configuration with other numbers of workers and reducers. */
    public Config withParallelism(int otherWorkers, int otherReducers) {
      return new Config(
          workDir,
          mode,
          otherWorkers,
          otherReducers,
          splitBytes,
          bufferBytes,
          taskTimeout,
          maxAttempts,
          workerJvmOptions);
    }

    /** This configuration with another split size and shuffle buffer. */
    public Config withSizes(long otherSplitBytes, long otherBufferBytes) {
      return new Config(
          workDir,
          mode,
          workers,
          reducers,
          otherSplitBytes,
          otherBufferBytes,
          taskTimeout,
          maxAttempts,
          workerJvmOptions);
    }

    /** This configuration with another timeout and number of attempts. */
    public Config withFailurePolicy(Duration otherTimeout, int otherMaxAttempts) {
      return new Config(
          workDir,
          mode,
          workers,
          reducers,
          splitBytes,
          bufferBytes,
          otherTimeout,
          otherMaxAttempts,
          workerJvmOptions);
    }
  }

  /**
   * What a job did, summed over its successful attempts.
   *
   * @param inputLines lines read by the map tasks
   * @param mapOutputRecords pairs the maps emitted (before combining)
   * @param spills sorted runs the map-side buffers wrote to disk
   * @param reduceGroups distinct keys the reducers saw
   * @param outputLines lines written
   * @param failedAttempts attempts that failed and were retried
   */
  public record Counters(
      long inputLines,
      long mapOutputRecords,
      long spills,
      long reduceGroups,
      long outputLines,
      long failedAttempts) {

    Counters plus(Counters other) {
      return new Counters(
          inputLines + other.inputLines,
          mapOutputRecords + other.mapOutputRecords,
          spills + other.spills,
          reduceGroups + other.reduceGroups,
          outputLines + other.outputLines,
          failedAttempts + other.failedAttempts);
    }
  }

  /**
   * The result of a job.
   *
   * @param outputs the output files, one per reducer, each sorted by key
   * @param counters what the job did
   * @param mapTasks how many map tasks ran (one per split)
   */
  public record Result(List<Path> outputs, Counters counters, int mapTasks) {
    /** Copies the list. */
    public Result {
      outputs = List.copyOf(outputs);
    }

    /** All output lines, partition after partition. */
    public List<String> lines() {
      List<String> lines = new ArrayList<>();
      for (Path output : outputs) {
        try {
          lines.addAll(Files.readAllLines(output, StandardCharsets.UTF_8));
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
      return lines;
    }
  }

  /** A job that could not complete: a task failed on every attempt. */
  public static final class MapReduceException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    MapReduceException(String message, Throwable cause) {
      super(message, cause);
    }
  }

  /**
   * Runs a job over the input files.
   *
   * @throws MapReduceException if a task fails on every attempt
   * @throws IllegalArgumentException if an input is not a readable file or the work directory is
   *     not empty
   * @throws IOException if the work directory cannot be prepared or read
   */
  public static Result run(Class<? extends Job<?, ?, ?>> job, List<Path> inputs, Config config)
      throws IOException {
    Objects.requireNonNull(job, "job");
    Objects.requireNonNull(inputs, "inputs");
    Objects.requireNonNull(config, "config");
    Tasks.instantiate(job.getName()); // fail now, not in every worker
    for (Path input : inputs) {
      if (!Files.isRegularFile(Objects.requireNonNull(input, "input"))
          || !Files.isReadable(input)) {
        throw new IllegalArgumentException("not a readable file: " + input);
      }
    }
    Path workDir = config.workDir();
    if (Files.exists(workDir)) {
      try (Stream<Path> entries = Files.list(workDir)) {
        if (entries.findAny().isPresent()) {
          throw new IllegalArgumentException("work directory is not empty: " + workDir);
        }
      }
    }
    Files.createDirectories(workDir.resolve("output"));

    List<Tasks.Spec> maps = new ArrayList<>();
    for (Path input : inputs) {
      long size = Files.size(input);
      for (long start = 0; start < size; start += config.splitBytes()) {
        maps.add(
            new Tasks.Spec(
                "map",
                maps.size(),
                0,
                job.getName(),
                workDir.toAbsolutePath(),
                config.reducers(),
                config.bufferBytes(),
                input.toAbsolutePath(),
                start,
                Math.min(size, start + config.splitBytes()),
                0));
      }
    }
    List<Tasks.Spec> reduces = new ArrayList<>();
    for (int p = 0; p < config.reducers(); p++) {
      reduces.add(
          new Tasks.Spec(
              "reduce",
              p,
              0,
              job.getName(),
              workDir.toAbsolutePath(),
              config.reducers(),
              config.bufferBytes(),
              null,
              0,
              0,
              maps.size()));
    }
    ExecutorService pool =
        Executors.newFixedThreadPool(
            config.workers(), Thread.ofPlatform().daemon().name("mapreduce-", 0).factory());
    try {
      Counters counters = runAll(maps, config, pool).plus(runAll(reduces, config, pool));
      for (int task = 0; task < maps.size(); task++) {
        Tasks.deleteTree(Tasks.mapOutput(workDir, task));
      }
      List<Path> outputs = reduces.stream().map(Tasks.Spec::committed).toList();
      return new Result(outputs, counters, maps.size());
    } finally {
      pool.shutdownNow();
    }
  }

  /** Runs a phase: every task with its retries; the first task to fail for good fails the job. */
  private static Counters runAll(List<Tasks.Spec> tasks, Config config, ExecutorService pool) {
    CompletionService<Counters> done = new ExecutorCompletionService<>(pool);
    List<Future<Counters>> futures = new ArrayList<>();
    for (Tasks.Spec task : tasks) {
      futures.add(done.submit(() -> runWithRetries(task, config)));
    }
    Counters total = new Counters(0, 0, 0, 0, 0, 0);
    try {
      for (int i = 0; i < tasks.size(); i++) {
        total = total.plus(done.take().get());
      }
    } catch (InterruptedException e) {
      futures.forEach(f -> f.cancel(true));
      Thread.currentThread().interrupt();
      throw new MapReduceException("interrupted while waiting for tasks", e);
    } catch (ExecutionException e) {
      futures.forEach(f -> f.cancel(true));
      if (e.getCause() instanceof MapReduceException failure) {
        throw failure;
      }
      throw new MapReduceException(
          "task failed outside its attempts: " + e.getCause(), e.getCause());
    }
    return total;
  }

  private static Counters runWithRetries(Tasks.Spec task, Config config) throws IOException {
    // Attempts run one after another, so at most one attempt of a task can commit at a time.
    Exception last = null;
    for (int attempt = 1; attempt <= config.maxAttempts(); attempt++) {
      if (Thread.currentThread().isInterrupted()) {
        throw new MapReduceException(task.name() + " cancelled", last);
      }
      Tasks.Spec spec =
          new Tasks.Spec(
              task.kind(),
              task.index(),
              attempt,
              task.jobClass(),
              task.workDir(),
              task.reducers(),
              task.bufferBytes(),
              task.input(),
              task.start(),
              task.end(),
              task.mapTasks());
      try {
        Counters counters =
            config.mode() == Mode.THREADS
                ? inThread(spec, config.taskTimeout())
                : inProcess(spec, config);
        return counters.plus(new Counters(0, 0, 0, 0, 0, attempt - 1));
      } catch (AttemptFailure e) {
        last = e;
      }
    }
    throw new MapReduceException(
        task.name()
            + " failed after "
            + config.maxAttempts()
            + " attempt"
            + (config.maxAttempts() == 1 ? "" : "s")
            + ": "
            + last.getMessage(),
        last.getCause() == null ? last : last.getCause());
  }

  /** One failed attempt; the message says why. */
  private static final class AttemptFailure extends Exception {
    private static final long serialVersionUID = 1L;

    AttemptFailure(String message, Throwable cause) {
      super(message, cause);
    }
  }

  private static Counters inThread(Tasks.Spec spec, Duration timeout) throws AttemptFailure {
    ExecutorService single =
        Executors.newSingleThreadExecutor(
            Thread.ofPlatform().daemon().name(spec.name().replace(' ', '-')).factory());
    Future<Counters> attempt = single.submit(() -> Tasks.run(spec));
    try {
      return attempt.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
    } catch (TimeoutException e) {
      attempt.cancel(true);
      throw new AttemptFailure("timed out after " + timeout, e);
    } catch (InterruptedException e) {
      attempt.cancel(true);
      Thread.currentThread().interrupt();
      throw new AttemptFailure("interrupted", e);
    } catch (ExecutionException e) {
      throw new AttemptFailure(String.valueOf(e.getCause()), e.getCause());
    } finally {
      single.shutdownNow();
    }
  }

  private static Counters inProcess(Tasks.Spec spec, Config config)
      throws IOException, AttemptFailure {
    Path specFile =
        spec.workDir()
            .resolve(
                "%s-%05d.attempt-%d.properties"
                    .formatted(spec.kind(), spec.index(), spec.attempt()));
    Path countersFile = Path.of(specFile + ".counters");
    Path log = Path.of(specFile + ".log");
    try (OutputStream out = Files.newOutputStream(specFile)) {
      spec.toProperties().store(out, spec.name());
    }
    List<String> command =
        ChildJvm.command(
            config.workerJvmOptions(),
            WorkerMain.class,
            List.of(specFile.toString(), countersFile.toString()));
    Process process =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    try {
      if (!process.waitFor(config.taskTimeout().toNanos(), TimeUnit.NANOSECONDS)) {
        process.destroyForcibly().waitFor();
        throw new AttemptFailure(
            "timed out after " + config.taskTimeout() + " (process destroyed)", null);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
      throw new AttemptFailure("interrupted", e);
    }
    if (process.exitValue() != 0) {
      throw new AttemptFailure(
          "worker process exited with " + process.exitValue() + ": " + tail(log), null);
    }
    return WorkerMain.readCounters(countersFile);
  }

  /** The last line the worker printed: {@link WorkerMain} ends a failure with its cause. */
  private static String tail(Path log) throws IOException {
    List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
    return lines.isEmpty() ? "(no output)" : lines.get(lines.size() - 1);
  }

  /**
   * Counts the words of text files and prints the most frequent: {@code senior.bigdata.4
   * [--processes] <file>...}. Works in a temporary directory it deletes afterwards.
   *
   * @throws IllegalArgumentException without files
   * @throws IOException if a file cannot be read
   */
  public static void main(String... args) throws IOException {
    boolean processes = args.length > 0 && args[0].equals("--processes");
    List<Path> inputs = Arrays.stream(args).skip(processes ? 1 : 0).map(Args::toPath).toList();
    if (inputs.isEmpty()) {
      throw new IllegalArgumentException("usage: senior.bigdata.4 [--processes] <file>...");
    }
    Path workDir = Files.createTempDirectory("mapreduce-");
    try {
      Config config =
          Config.defaults(workDir.resolve("job"))
              .withMode(processes ? Mode.PROCESSES : Mode.THREADS);
      Result result = run(WordCount.class, inputs, config);
      result.lines().stream()
          .map(line -> line.split("\t", 2))
          .map(pair -> Map.entry(pair[0], Long.parseLong(pair[1])))
          .sorted(
              Map.Entry.<String, Long>comparingByValue()
                  .reversed()
                  .thenComparing(Map.Entry.comparingByKey()))
          .limit(10)
          .forEach(entry -> System.out.println(entry.getValue() + "\t" + entry.getKey()));
      Counters c = result.counters();
      System.out.printf(
          Locale.ROOT,
          "%d lines, %d words, %d distinct, %d map tasks, %d spills, %s%n",
          c.inputLines(),
          c.mapOutputRecords(),
          c.reduceGroups(),
          result.mapTasks(),
          c.spills(),
          config.mode());
    } finally {
      Tasks.deleteTree(workDir);
    }
  }
}
