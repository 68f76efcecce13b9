package org.interviewtasks.senior.infra.nemesis;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.interviewtasks.senior.infra.nemesis.History.Op;
import org.interviewtasks.senior.infra.nemesis.History.Outcome;

/**
 * Checks a history of cache operations against what {@code DistributedCache} promises: every
 * successful read returns the value of the latest write acknowledged before the read began, or of a
 * newer one (a concurrent or unacknowledged write), never an older value, never a value an
 * acknowledged invalidation removed, and never a miss while an acknowledged write must be visible
 * (a lost write). Operations: {@code put} (key, value), {@code invalidate} (key), {@code get} (key,
 * the value read or null for a miss); other functions (the nemesis's) are ignored.
 *
 * <p>"Latest" is version order, which the cache takes from its writers' clocks: write {@code w} is
 * certainly newer than {@code x} only when {@code w} began more than {@code orderTolerance} after
 * {@code x} ended (the clocks' worst skew plus their granularity). Writes closer than that are
 * concurrent for the checker. A failed write ({@code UNKNOWN}: it may have reached some replicas)
 * may be read or not; only a {@code FAIL} write is known not to have happened. A read is legal when
 * some write (or, for a miss, an invalidation or the empty start) that could have produced its
 * answer was invoked before the read ended and is not certainly older than an acknowledged write
 * that ended before the read began. The checker assumes unique values per put and no expiry during
 * the run (TTLs longer than the run): then a miss is evidence, not a cache being a cache.
 *
 * <p>O(reads × writes) per key, fine for the thousands of operations of a test run.
 */
public final class CacheChecker {

  private final long toleranceNanos;

  /**
   * A checker that treats writes less than {@code orderTolerance} apart as concurrent.
   *
   * @throws IllegalArgumentException if the tolerance is negative
   */
  public CacheChecker(Duration orderTolerance) {
    Objects.requireNonNull(orderTolerance, "orderTolerance");
    if (orderTolerance.isNegative()) {
      throw new IllegalArgumentException("orderTolerance must not be negative: " + orderTolerance);
    }
    this.toleranceNanos = orderTolerance.toNanos();
  }

  /** Every anomaly in {@code ops}, in the order of the reads that show them. */
  public List<Anomaly> check(List<Op> ops) {
    Map<String, List<Op>> writes = new HashMap<>();
    Map<String, Op> putOfValue = new HashMap<>();
    List<Op> reads = new ArrayList<>();
    for (Op op : ops) {
      switch (op.function()) {
        case "put", "invalidate" -> {
          if (op.outcome() != Outcome.FAIL) {
            writes.computeIfAbsent(op.key(), k -> new ArrayList<>()).add(op);
          }
          if (op.function().equals("put")) {
            Objects.requireNonNull(op.value(), () -> "a put without a value: " + op);
            if (putOfValue.putIfAbsent(op.key() + "\u0000" + op.value(), op) != null) {
              throw new IllegalArgumentException("two puts of one value: " + op);
            }
          }
        }
        case "get" -> {
          if (op.outcome() == Outcome.OK) {
            reads.add(op);
          }
        }
        default -> {
          // a fault or another process's business
        }
      }
    }
    List<Anomaly> anomalies = new ArrayList<>();
    for (Op read : reads) {
      List<Op> keyWrites = writes.getOrDefault(read.key(), List.of());
      if (read.value() != null) {
        checkValue(read, putOfValue.get(read.key() + "\u0000" + read.value()), keyWrites)
            .ifPresent(anomalies::add);
      } else {
        checkMiss(read, keyWrites).ifPresent(anomalies::add);
      }
    }
    return anomalies;
  }

  private java.util.Optional<Anomaly> checkValue(Op read, Op source, List<Op> writes) {
    if (source == null || source.outcome() == Outcome.FAIL) {
      return java.util.Optional.of(
          new Anomaly("phantom value", read, "no put of this value could have taken effect"));
    }
    if (source.invoked() > read.completed()) {
      return java.util.Optional.of(
          new Anomaly("read from the future", read, "its put began after the read: " + source));
    }
    Op newer = certainlyNewerAcknowledged(source.completed(), source, read, writes);
    if (newer == null) {
      return java.util.Optional.empty();
    }
    String kind = newer.function().equals("invalidate") ? "invalidated value" : "stale read";
    return java.util.Optional.of(
        new Anomaly(kind, read, "read " + source + ", but acknowledged before it: " + newer));
  }

  private java.util.Optional<Anomaly> checkMiss(Op read, List<Op> writes) {
    Op newer = certainlyNewerAcknowledged(Long.MIN_VALUE, null, read, writes);
    if (newer == null) {
      return java.util.Optional.empty(); // the empty start explains it
    }
    for (Op write : writes) {
      if (write.function().equals("invalidate")
          && write.invoked() <= read.completed()
          && certainlyNewerAcknowledged(write.completed(), write, read, writes) == null) {
        return java.util.Optional.empty();
      }
    }
    return java.util.Optional.of(
        new Anomaly("lost write", read, "a miss, but acknowledged before it: " + newer));
  }

  /**
   * An acknowledged write other than {@code source} that ended before {@code read} began and began
   * more than the tolerance after {@code sourceCompleted}, or null.
   */
  private Op certainlyNewerAcknowledged(long sourceCompleted, Op source, Op read, List<Op> writes) {
    Op latest = null;
    for (Op write : writes) {
      if (!Objects.equals(write, source)
          && write.outcome() == Outcome.OK
          && write.completed() < read.invoked()
          && (sourceCompleted == Long.MIN_VALUE
              || write.invoked() - sourceCompleted > toleranceNanos)
          && (latest == null || write.invoked() > latest.invoked())) {
        latest = write;
      }
    }
    return latest;
  }
}
