package org.interviewtasks.senior.infra.nemesis;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.interviewtasks.senior.infra.nemesis.History.Op;
import org.interviewtasks.senior.infra.nemesis.History.Outcome;

/**
 * Checks a history of leader-election operations against what {@code LeaderElection} and {@code
 * FencedLedger} promise. Operations: {@code elected} (a participant won a term; value: its token)
 * and {@code append} (a leader wrote to the ledger under a token; OK if the ledger accepted it,
 * FAIL if it rejected it as fenced). The checker finds:
 *
 * <ul>
 *   <li><b>two leaders with one token</b>: elections or accepted writes of one token by two
 *       processes (at most one leader acts per token);
 *   <li><b>deposed leader's write accepted</b>: an accepted write whose token is lower than that of
 *       a write accepted before it began (the ledger must fence it);
 *   <li><b>write without election</b>: an accepted write under a token its process was never
 *       elected with;
 *   <li><b>ledger out of token order</b>: the ledger's final entries, in order, with a token lower
 *       than an earlier one.
 * </ul>
 */
public final class LeaderChecker {

  /** Every anomaly in {@code ops}, given the ledger's final entries' tokens in ledger order. */
  public List<Anomaly> check(List<Op> ops, List<Long> ledgerTokens) {
    List<Anomaly> anomalies = new ArrayList<>();
    Map<Long, Set<String>> owners = new HashMap<>();
    Map<Long, Op> firstOpOfToken = new HashMap<>();
    Map<String, Set<Long>> electedTokens = new HashMap<>();
    List<Op> accepted = new ArrayList<>();
    for (Op op : ops) {
      boolean elected = op.function().equals("elected");
      boolean append = op.function().equals("append") && op.outcome() == Outcome.OK;
      if (!elected && !append) {
        continue;
      }
      long token = Long.parseLong(op.value());
      Set<String> processes = owners.computeIfAbsent(token, t -> new TreeSet<>());
      if (processes.add(op.process()) && processes.size() == 2) {
        anomalies.add(
            new Anomaly(
                "two leaders with one token",
                op,
                "token " + token + " also used by " + firstOpOfToken.get(token)));
      }
      firstOpOfToken.putIfAbsent(token, op);
      if (elected) {
        electedTokens.computeIfAbsent(op.process(), p -> new TreeSet<>()).add(token);
      } else {
        accepted.add(op);
      }
    }
    for (Op write : accepted) {
      long token = Long.parseLong(write.value());
      if (!electedTokens.getOrDefault(write.process(), Set.of()).contains(token)) {
        anomalies.add(
            new Anomaly(
                "write without election",
                write,
                write.process() + " was never elected with token " + token));
      }
    }
    List<Op> byCompletion = new ArrayList<>(accepted);
    byCompletion.sort(Comparator.comparingLong(Op::completed));
    for (Op write : accepted) {
      long token = Long.parseLong(write.value());
      for (Op earlier : byCompletion) {
        if (earlier.completed() >= write.invoked()) {
          break;
        }
        if (Long.parseLong(earlier.value()) > token) {
          anomalies.add(
              new Anomaly(
                  "deposed leader's write accepted",
                  write,
                  "a write with a higher token was accepted before it began: " + earlier));
          break;
        }
      }
    }
    long highest = 0;
    for (int i = 0; i < ledgerTokens.size(); i++) {
      long token = ledgerTokens.get(i);
      if (token < highest) {
        anomalies.add(
            new Anomaly(
                "ledger out of token order",
                new Op(
                    "ledger", "entry", Integer.toString(i), Long.toString(token), 0, 0, Outcome.OK),
                "entry " + i + " has token " + token + " after token " + highest));
      }
      highest = Math.max(highest, token);
    }
    return anomalies;
  }
}
