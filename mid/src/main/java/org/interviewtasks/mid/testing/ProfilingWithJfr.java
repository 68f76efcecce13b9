package org.interviewtasks.mid.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Predicate;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedThread;
import jdk.jfr.consumer.RecordingFile;
import org.interviewtasks.common.Args;
import org.interviewtasks.common.Task;

/**
 * Profiles a slow function with Java Flight Recorder, finds its hot method from the recording in
 * code, and replaces it with a fast one: what {@code cProfile} is to Python.
 *
 * <p><b>Approach.</b> {@link #record} starts a {@link Recording} with only the {@code
 * jdk.ExecutionSample} event, sampling every thread's stack every 10 ms (JFR's default for
 * "profile" is 10-20 ms; sampling costs about 1%, unlike {@code cProfile}'s tracing of every call),
 * runs the workload and dumps the recording to a file. {@link #hotMethods} reads it back with
 * {@link RecordingFile} and, for every sample taken on the workload's thread, charges the first
 * stack frame that belongs to our code: the JDK method on top ({@code String.equals}) is where the
 * time is spent, the first of ours is the one to fix. The ranking is by share of samples.
 *
 * <p><b>The finding.</b> {@link #countDistinctSlow} keeps the words seen in an {@link ArrayList}
 * and asks {@code contains} for each new word: O(n·d) comparisons for n words and d distinct ones,
 * quadratic when most are distinct. The profile puts nearly all samples on it (through {@code
 * ArrayList.indexOf} and {@code String.equals} on top). {@link #countDistinctFast} uses a {@link
 * HashSet}: O(n) expected. The measured difference is a JMH benchmark ({@code
 * ProfilingWithJfrBenchmark}, results in the module README), not a timed test: timings in tests are
 * noise on a shared machine.
 *
 * <p><b>Edge cases.</b> A sample can land outside our code (GC, JIT compilation, class loading):
 * such samples count in the total but charge no method of ours. Inlined methods still show in JFR's
 * stack traces, so JIT inlining does not hide the culprit. Too short a workload gives few or no
 * samples: the workload should run for at least a few hundred milliseconds.
 *
 * <p><b>Follow-up.</b> <i>"In production?"</i> {@code java -XX:StartFlightRecording=duration=60s,
 * filename=app.jfr} or {@code jcmd <pid> JFR.start}, then open the file in JDK Mission Control, or
 * {@code jfr print --events jdk.ExecutionSample app.jfr}. <i>"Sampling bias?"</i> JFR samples at
 * any point, not only at safepoints, which is why its profiles are more trustworthy than many older
 * profilers'.
 */
@Task(
    id = "mid.testing.5",
    title = "Profile with Java Flight Recorder and optimise the hot spot",
    usage = "[words]   1..50000 words profiled (default 30000)")
public final class ProfilingWithJfr {

  /** The most words {@link #words} makes: a million, some 60 MB of strings. */
  public static final int MAX_WORDS = 1_000_000;

  /**
   * The most words {@link #main} profiles: 50,000, about a billion comparisons for the quadratic
   * version, a few seconds.
   */
  public static final int MAX_PROFILED = 50_000;

  /** The sampling period used by {@link #record} unless told otherwise. */
  public static final Duration DEFAULT_PERIOD = Duration.ofMillis(10);

  /**
   * A method and the samples charged to it.
   *
   * @param method {@code fully.qualified.Class.method}
   * @param samples the samples in which it was the first frame of our code
   * @param share {@code samples} as a fraction of all the workload thread's samples
   */
  public record HotMethod(String method, long samples, double share) {}

  private ProfilingWithJfr() {}

  /** The number of distinct words, the slow way: a list scanned for every word. O(n·d). */
  public static int countDistinctSlow(List<String> words) {
    Objects.requireNonNull(words, "words");
    List<String> seen = new ArrayList<>();
    for (String word : words) {
      if (!seen.contains(word)) {
        seen.add(word);
      }
    }
    return seen.size();
  }

  /** The number of distinct words, the fast way: a hash set. O(n) expected. */
  public static int countDistinctFast(List<String> words) {
    Objects.requireNonNull(words, "words");
    Set<String> seen = new HashSet<>(words);
    return seen.size();
  }

  /**
   * {@code n} random words drawn from {@code distinct} possible ones, from a fixed seed.
   *
   * @throws IllegalArgumentException if {@code n} is negative or {@code distinct} not positive
   */
  public static List<String> words(int n, int distinct, long seed) {
    if (n < 0 || n > MAX_WORDS || distinct < 1) {
      throw new IllegalArgumentException(
          "need 0 <= n <= "
              + MAX_WORDS
              + " and distinct >= 1, got n="
              + n
              + ", distinct="
              + distinct);
    }
    SplittableRandom random = new SplittableRandom(seed);
    List<String> words = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      words.add("word" + random.nextInt(distinct));
    }
    return words;
  }

  /**
   * Runs {@code workload} on the calling thread under a recording of execution samples taken every
   * {@code period}, writes the recording to {@code file}, and returns the id of the thread the
   * samples of interest belong to.
   *
   * @throws IOException if the recording cannot be written
   */
  public static long record(Runnable workload, Path file, Duration period) throws IOException {
    Objects.requireNonNull(workload, "workload");
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(period, "period");
    if (period.isNegative() || period.isZero()) {
      throw new IllegalArgumentException("period must be positive: " + period);
    }
    try (Recording recording = new Recording()) {
      recording.enable("jdk.ExecutionSample").withPeriod(period);
      recording.start();
      try {
        workload.run();
      } finally {
        recording.stop();
      }
      recording.dump(file);
    }
    return Thread.currentThread().threadId();
  }

  /**
   * The methods of our code ranked by the samples charged to them, most first (ties by name).
   *
   * @param recording a file written by {@link #record}
   * @param threadId the thread whose samples count, as returned by {@link #record}
   * @param ours which classes are "our code", by fully qualified name
   * @throws IOException if the recording cannot be read
   */
  public static List<HotMethod> hotMethods(Path recording, long threadId, Predicate<String> ours)
      throws IOException {
    Objects.requireNonNull(recording, "recording");
    Objects.requireNonNull(ours, "ours");
    Map<String, Long> counts = new HashMap<>();
    long total = 0;
    for (RecordedEvent event : RecordingFile.readAllEvents(recording)) {
      if (!event.getEventType().getName().equals("jdk.ExecutionSample")) {
        continue;
      }
      RecordedThread thread = event.getThread("sampledThread");
      if (thread == null || thread.getJavaThreadId() != threadId || event.getStackTrace() == null) {
        continue;
      }
      total++;
      for (RecordedFrame frame : event.getStackTrace().getFrames()) {
        String type = frame.getMethod().getType().getName();
        if (ours.test(type)) {
          counts.merge(type + "." + frame.getMethod().getName(), 1L, Long::sum);
          break;
        }
      }
    }
    long samples = total;
    return counts.entrySet().stream()
        .map(e -> new HotMethod(e.getKey(), e.getValue(), (double) e.getValue() / samples))
        .sorted(
            Comparator.comparingLong(HotMethod::samples)
                .reversed()
                .thenComparing(HotMethod::method))
        .toList();
  }

  /**
   * Profiles {@link #countDistinctSlow} on {@code [n]} words (default 30,000, at most {@value
   * #MAX_PROFILED}, since the slow version is quadratic), prints the hot methods of this class,
   * then the answer of both versions.
   *
   * @throws IllegalArgumentException on bad usage or a count outside 1..{@value #MAX_PROFILED}
   * @throws IOException if the recording cannot be written or read
   */
  public static void main(String... args) throws IOException {
    if (args.length > 1) {
      throw new IllegalArgumentException("usage: mid.testing.5 [words]");
    }
    int n = args.length == 1 ? Args.toInt(args[0]) : 30_000;
    if (n < 1 || n > MAX_PROFILED) {
      throw new IllegalArgumentException(
          "usage: mid.testing.5 [words], words in 1.." + MAX_PROFILED + ": " + n);
    }
    List<String> words = words(n, Math.max(1, n), 42);
    Path file = Files.createTempFile("profile", ".jfr");
    try {
      int[] answer = new int[1];
      long thread = record(() -> answer[0] = countDistinctSlow(words), file, DEFAULT_PERIOD);
      String prefix = ProfilingWithJfr.class.getName();
      for (HotMethod hot : hotMethods(file, thread, type -> type.equals(prefix))) {
        System.out.printf(
            java.util.Locale.ROOT,
            "%5.1f%% %6d %s%n",
            hot.share() * 100,
            hot.samples(),
            hot.method());
      }
      System.out.println(
          "distinct words: slow " + answer[0] + ", fast " + countDistinctFast(words));
    } finally {
      Files.deleteIfExists(file);
    }
  }
}
