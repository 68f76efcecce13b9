package org.interviewtasks.senior.infra.nemesis;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.interviewtasks.senior.infra.nemesis.History.Op;
import org.interviewtasks.senior.infra.nemesis.History.Outcome;

/**
 * Checks a history of requests sent through {@code LoadBalancer} against what its failover
 * promises, given the workers' journals (which worker applied which request, once per application).
 * Operations: {@link #IDEMPOTENT} and {@link #ONCE} (a request that must not be applied twice), key
 * the request's id, value the name of the worker that answered when it is {@code OK}. The checker
 * finds:
 *
 * <ul>
 *   <li><b>applied twice</b>: a request that is not idempotent applied more than once (a failover
 *       that sent it again after it may have been delivered);
 *   <li><b>answered, never applied</b>: an {@code OK} answer for a request no worker applied;
 *   <li><b>answer from a worker that did not apply it</b>: the answering worker is not among those
 *       that applied the request;
 *   <li><b>failed, yet applied</b>: a request reported as certainly not delivered ({@code FAIL})
 *       that a worker applied;
 *   <li><b>sent twice by the client</b>: two operations with one id (the test's own mistake).
 * </ul>
 *
 * An {@code UNKNOWN} request may have been applied any number of times if idempotent, at most once
 * otherwise: that is what "may or may not have been applied" allows.
 */
public final class LoadBalancerChecker {

  /** The function of a request that may be applied more than once. */
  public static final String IDEMPOTENT = "send idempotent";

  /** The function of a request that must be applied at most once. */
  public static final String ONCE = "send once";

  /**
   * Every anomaly in {@code ops}, given for each request id the workers that applied it (a worker
   * once per application).
   */
  public List<Anomaly> check(List<Op> ops, Map<String, List<String>> appliedBy) {
    Objects.requireNonNull(ops, "ops");
    Objects.requireNonNull(appliedBy, "appliedBy");
    List<Anomaly> anomalies = new ArrayList<>();
    Map<String, Op> seen = new HashMap<>();
    for (Op op : ops) {
      boolean once = op.function().equals(ONCE);
      if (!once && !op.function().equals(IDEMPOTENT)) {
        continue;
      }
      Op earlier = seen.putIfAbsent(op.key(), op);
      if (earlier != null) {
        anomalies.add(new Anomaly("sent twice by the client", op, "also " + earlier));
      }
      List<String> workers = appliedBy.getOrDefault(op.key(), List.of());
      if (once && workers.size() > 1) {
        anomalies.add(new Anomaly("applied twice", op, "applied by " + workers));
      }
      if (op.outcome() == Outcome.OK) {
        if (workers.isEmpty()) {
          anomalies.add(new Anomaly("answered, never applied", op, "no journal has it"));
        } else if (!workers.contains(op.value())) {
          anomalies.add(
              new Anomaly(
                  "answer from a worker that did not apply it", op, "applied by " + workers));
        }
      } else if (op.outcome() == Outcome.FAIL && !workers.isEmpty()) {
        anomalies.add(new Anomaly("failed, yet applied", op, "applied by " + workers));
      }
    }
    return anomalies;
  }
}
