package org.interviewtasks.senior.infra.nemesis;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.interviewtasks.senior.infra.nemesis.History.Op;
import org.interviewtasks.senior.infra.nemesis.History.Outcome;

/**
 * Injects faults on a schedule drawn from a seed, while clients work, and heals every one of them
 * at the end. A schedule is a list of steps, one fault at a time: inject it, hold it, heal it, stay
 * quiet for a gap. The same seed and the same menu of faults give the same schedule (which fault,
 * on which target, held how long), so a run that found an anomaly can be replayed with {@code
 * -Dseed}; the clients' interleaving is not replayed, only the faults.
 *
 * <p>Each injection and healing is recorded in the {@link History} under process {@code nemesis},
 * function {@code start <kind>} or {@code stop <kind>}, key the target, so an anomaly can be read
 * against the faults around it.
 */
public final class Nemesis {

  /** The process name of the nemesis's own entries in a history. */
  public static final String PROCESS = "nemesis";

  /**
   * A fault, ready to inject.
   *
   * @param kind what kind, e.g. {@code kill}, {@code pause}, {@code partition}
   * @param target what it hits, e.g. {@code node-1}, {@code client-0 -> node-2}
   * @param inject breaks it
   * @param heal mends it; must be harmless when called twice
   */
  public record Fault(String kind, String target, Runnable inject, Runnable heal) {
    /** Checks the parts. */
    public Fault {
      Objects.requireNonNull(kind, "kind");
      Objects.requireNonNull(target, "target");
      Objects.requireNonNull(inject, "inject");
      Objects.requireNonNull(heal, "heal");
    }
  }

  /**
   * One step of a schedule.
   *
   * @param fault the fault
   * @param hold how long it stays in force
   * @param gap how long the system runs healthy after it is healed
   */
  public record Step(Fault fault, Duration hold, Duration gap) {}

  /**
   * How long faults are held and the gaps between them.
   *
   * @param minHold shortest hold
   * @param maxHold longest hold
   * @param maxGap longest healthy gap (the shortest is zero)
   */
  public record Timing(Duration minHold, Duration maxHold, Duration maxGap) {
    /**
     * Checks the parts.
     *
     * @throws IllegalArgumentException if a duration is negative or the holds are inverted
     */
    public Timing {
      if (minHold.isNegative() || maxGap.isNegative() || maxHold.compareTo(minHold) < 0) {
        throw new IllegalArgumentException(
            "holds must be 0 <= min <= max and the gap >= 0: " + minHold + ", " + maxHold);
      }
    }
  }

  private final List<Step> steps;

  private Nemesis(List<Step> steps) {
    this.steps = List.copyOf(steps);
  }

  /**
   * A schedule of {@code count} steps drawn from {@code seed}: each step picks one entry of {@code
   * menu} (uniformly), which draws its fault (its target, its size) from the same generator.
   *
   * @throws IllegalArgumentException if {@code count} is negative or the menu empty
   */
  public static Nemesis plan(
      long seed, int count, List<Function<SplittableRandom, Fault>> menu, Timing timing) {
    Objects.requireNonNull(menu, "menu");
    Objects.requireNonNull(timing, "timing");
    if (count < 0 || menu.isEmpty()) {
      throw new IllegalArgumentException("need count >= 0 and a menu: " + count);
    }
    SplittableRandom random = new SplittableRandom(seed);
    List<Step> steps = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      Fault fault = menu.get(random.nextInt(menu.size())).apply(random);
      long span = timing.maxHold().toMillis() - timing.minHold().toMillis();
      Duration hold = timing.minHold().plusMillis(span == 0 ? 0 : random.nextLong(span + 1));
      Duration gap = Duration.ofMillis(random.nextLong(timing.maxGap().toMillis() + 1));
      steps.add(new Step(fault, hold, gap));
    }
    return new Nemesis(steps);
  }

  /** The schedule's steps. */
  public List<Step> steps() {
    return steps;
  }

  /** How many faults of each kind the schedule injects, by kind. */
  public Map<String, Long> faultsByKind() {
    return steps.stream()
        .collect(Collectors.groupingBy(s -> s.fault().kind(), TreeMap::new, Collectors.counting()));
  }

  /**
   * Runs the schedule on this thread, recording it in {@code history}. Whatever happens (an
   * exception, an interrupt), every fault of the schedule is healed before this returns, and then
   * {@code healAll}, which should put the whole system back in shape (restart what is down).
   */
  public void run(History history, Runnable healAll) {
    Objects.requireNonNull(history, "history");
    Objects.requireNonNull(healAll, "healAll");
    try {
      for (Step step : steps) {
        Fault fault = step.fault();
        timed(history, "start " + fault.kind(), fault.target(), fault.inject());
        try {
          pace(step.hold());
        } finally {
          timed(history, "stop " + fault.kind(), fault.target(), fault.heal());
        }
        pace(step.gap());
      }
    } finally {
      for (Step step : steps) {
        step.fault().heal().run();
      }
      healAll.run();
    }
  }

  /** A client of a run: works until {@code stopped} says so. */
  @FunctionalInterface
  public interface Client {
    /** Works as client number {@code client} until {@code stopped} is true. */
    void work(int client, BooleanSupplier stopped) throws Exception;
  }

  /**
   * Runs {@code clients} clients on virtual threads while the schedule runs ({@link #run}), then
   * {@code afterSchedule} with the clients still working (a check that the healed system serves
   * them again), then stops the clients and waits up to 60 s for each; a client's failure fails the
   * run.
   */
  public void runWithClients(
      History history, Runnable healAll, int clients, Client client, Runnable afterSchedule)
      throws Exception {
    AtomicBoolean stop = new AtomicBoolean();
    try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
      List<Future<?>> running = new ArrayList<>();
      for (int c = 0; c < clients; c++) {
        int id = c;
        running.add(
            pool.submit(
                () -> {
                  client.work(id, stop::get);
                  return null;
                }));
      }
      try {
        run(history, healAll);
        afterSchedule.run();
      } finally {
        stop.set(true);
      }
      for (Future<?> future : running) {
        future.get(60, TimeUnit.SECONDS);
      }
    }
  }

  /** One line for a report: the steps, as {@code kind target hold}. */
  @Override
  public String toString() {
    return steps.stream()
        .map(s -> s.fault().kind() + " " + s.fault().target() + " " + s.hold().toMillis() + "ms")
        .collect(Collectors.joining(", ", "[", "]"));
  }

  /**
   * Appends one row to {@code target/nemesis-report.tsv} (created with its header when absent):
   * what ran, its seed, operations, faults by kind, anomalies. The {@code -Pnemesis} profile's
   * table is made from these rows.
   */
  public static void report(
      String run, long seed, long operations, Map<String, Long> faults, int anomalies) {
    Path file = Path.of("target", "nemesis-report.tsv");
    try {
      Files.createDirectories(file.getParent());
      if (!Files.exists(file)) {
        Files.writeString(file, "run\tseed\toperations\tfaults\tanomalies\n");
      }
      Files.writeString(
          file,
          run + "\t" + seed + "\t" + operations + "\t" + faults + "\t" + anomalies + "\n",
          StandardCharsets.UTF_8,
          StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }

  private static void timed(History history, String function, String target, Runnable action) {
    long invoked = history.now();
    action.run();
    history.add(new Op(PROCESS, function, target, null, invoked, history.now(), Outcome.OK));
  }

  /** Holds a fault, or the gap after it: the schedule's own pace, not a wait for an event. */
  private static void pace(Duration duration) {
    try {
      Thread.sleep(duration);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("the nemesis was interrupted", e);
    }
  }
}
