package org.interviewtasks.senior.infra.nemesis;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * What clients did during a run, as Jepsen records it: every operation with its process, its
 * function and argument, when it was invoked and when it completed (nanoseconds since the history
 * began, from one monotonic clock), and how it ended. Checkers read it afterwards. Thread-safe.
 */
public final class History {

  /** How an operation ended. */
  public enum Outcome {
    /** It took effect, and the client knows (a read's value is its result). */
    OK,
    /** It certainly did not take effect. */
    FAIL,
    /** The client cannot tell: it may have taken effect, now or later (a timed-out write). */
    UNKNOWN
  }

  /**
   * One operation.
   *
   * @param process who did it (a client, or {@code nemesis} for a fault)
   * @param function what it was, e.g. {@code put}, {@code get}, {@code kill}
   * @param key what it was applied to (a cache key, a node), or empty
   * @param value the value written, or the value read (null for none), or the fencing token
   * @param invoked when it began, in ns since the history began
   * @param completed when it ended, in ns since the history began
   * @param outcome how it ended
   */
  public record Op(
      String process,
      String function,
      String key,
      String value,
      long invoked,
      long completed,
      Outcome outcome) {

    /** Checks the parts. */
    public Op {
      Objects.requireNonNull(process, "process");
      Objects.requireNonNull(function, "function");
      Objects.requireNonNull(key, "key");
      Objects.requireNonNull(outcome, "outcome");
      if (completed < invoked) {
        throw new IllegalArgumentException(
            "completed (" + completed + ") before invoked (" + invoked + ")");
      }
    }

    @Override
    public String toString() {
      return String.format(
          "%s %s %s %s [%.3f..%.3f ms] %s",
          process, function, key, value, invoked / 1e6, completed / 1e6, outcome);
    }
  }

  /** What an operation returns to {@link #record}: its outcome and the value it saw. */
  public record Result(Outcome outcome, String value) {
    /** An operation that took effect, with the value it read or wrote. */
    public static Result ok(String value) {
      return new Result(Outcome.OK, value);
    }

    /** An operation that certainly did not take effect. */
    public static Result fail(String value) {
      return new Result(Outcome.FAIL, value);
    }

    /** An operation that may or may not have taken effect. */
    public static Result unknown(String value) {
      return new Result(Outcome.UNKNOWN, value);
    }
  }

  private final long origin = System.nanoTime();
  private final List<Op> ops = new ArrayList<>();
  private final AtomicLong recorded = new AtomicLong();

  /** Nanoseconds since this history began. */
  public long now() {
    return System.nanoTime() - origin;
  }

  /**
   * Runs {@code operation}, timing it, and records what it returned; an exception it throws is
   * recorded as {@link Outcome#UNKNOWN} and rethrown.
   */
  public Result record(String process, String function, String key, Supplier<Result> operation) {
    long invoked = now();
    Result result;
    try {
      result = operation.get();
    } catch (RuntimeException e) {
      add(new Op(process, function, key, null, invoked, now(), Outcome.UNKNOWN));
      throw e;
    }
    add(new Op(process, function, key, result.value(), invoked, now(), result.outcome()));
    return result;
  }

  /** Adds an operation timed by the caller. */
  public synchronized void add(Op op) {
    ops.add(Objects.requireNonNull(op, "op"));
    recorded.incrementAndGet();
  }

  /** Every operation so far, by invocation time. */
  public synchronized List<Op> ops() {
    List<Op> sorted = new ArrayList<>(ops);
    sorted.sort(Comparator.comparingLong(Op::invoked));
    return List.copyOf(sorted);
  }

  /** How many operations were recorded. */
  public long size() {
    return recorded.get();
  }
}
