package org.interviewtasks.senior.infra.nemesis;

import java.util.Objects;

/**
 * A violation a checker found in a history.
 *
 * @param kind what kind, e.g. {@code stale read}, {@code lost write}
 * @param op the operation that shows it
 * @param detail why, naming the other operations involved
 */
public record Anomaly(String kind, History.Op op, String detail) {

  /** Checks the parts. */
  public Anomaly {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(op, "op");
    Objects.requireNonNull(detail, "detail");
  }

  @Override
  public String toString() {
    return kind + ": " + op + " (" + detail + ")";
  }
}
