package org.interviewtasks.senior.infra.nemesis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.interviewtasks.senior.infra.nemesis.History.Op;
import org.interviewtasks.senior.infra.nemesis.History.Outcome;
import org.junit.jupiter.api.Test;

/** Hand-made election histories (times in ms) that the checker must pass, and must fail. */
class LeaderCheckerTest {

  final LeaderChecker checker = new LeaderChecker();

  static Op elected(String process, long token, long at) {
    return new Op(
        process, "elected", "", Long.toString(token), at * 1_000_000, at * 1_000_000, Outcome.OK);
  }

  static Op append(String process, long token, long from, long to, Outcome outcome) {
    return new Op(
        process,
        "append",
        process + "@" + from,
        Long.toString(token),
        from * 1_000_000,
        to * 1_000_000,
        outcome);
  }

  @Test
  void passesAFailoverWhereTheOldLeaderIsFenced() {
    List<Op> history =
        List.of(
            elected("a", 1, 0),
            append("a", 1, 1, 2, Outcome.OK),
            append("a", 1, 3, 4, Outcome.OK),
            elected("b", 2, 5),
            append("b", 2, 6, 7, Outcome.OK),
            append("a", 1, 8, 9, Outcome.FAIL), // the deposed leader, fenced
            append("a", 1, 5, 10, Outcome.OK), // began before b's write was accepted: fine
            elected("a", 3, 11),
            append("a", 3, 12, 13, Outcome.OK));

    assertThat(checker.check(history, List.of(1L, 1L, 1L, 2L, 3L))).isEmpty();
  }

  @Test
  void catchesADeposedLeadersWriteAccepted() {
    Op late = append("a", 1, 8, 9, Outcome.OK);
    List<Op> history =
        List.of(
            elected("a", 1, 0),
            append("a", 1, 1, 2, Outcome.OK),
            elected("b", 2, 5),
            append("b", 2, 6, 7, Outcome.OK),
            late);

    assertThat(checker.check(history, List.of(1L, 2L)))
        .singleElement()
        .satisfies(
            a -> {
              assertThat(a.kind()).isEqualTo("deposed leader's write accepted");
              assertThat(a.op()).isEqualTo(late);
            });
  }

  @Test
  void catchesTwoLeadersWithOneToken() {
    List<Op> history =
        List.of(
            elected("a", 1, 0),
            elected("b", 1, 1),
            append("a", 1, 2, 3, Outcome.OK),
            append("b", 1, 4, 5, Outcome.OK));

    assertThat(checker.check(history, List.of(1L, 1L)))
        .extracting(Anomaly::kind)
        .containsExactly("two leaders with one token");
  }

  @Test
  void catchesAWriteWithoutAnElection() {
    List<Op> history = List.of(elected("a", 1, 0), append("b", 2, 1, 2, Outcome.OK));

    assertThat(checker.check(history, List.of(2L)))
        .extracting(Anomaly::kind)
        .containsExactly("write without election");
  }

  @Test
  void catchesALedgerOutOfTokenOrder() {
    assertThat(checker.check(List.of(), List.of(1L, 3L, 2L)))
        .singleElement()
        .satisfies(
            a -> {
              assertThat(a.kind()).isEqualTo("ledger out of token order");
              assertThat(a.detail()).isEqualTo("entry 2 has token 2 after token 3");
            });
  }
}
