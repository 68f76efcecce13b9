package org.interviewtasks.senior.infra.nemesis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.interviewtasks.senior.infra.nemesis.LoadBalancerChecker.IDEMPOTENT;
import static org.interviewtasks.senior.infra.nemesis.LoadBalancerChecker.ONCE;

import java.util.List;
import java.util.Map;
import org.interviewtasks.senior.infra.nemesis.History.Op;
import org.interviewtasks.senior.infra.nemesis.History.Outcome;
import org.junit.jupiter.api.Test;

/** Hand-made load-balancer histories that the checker must pass, and must fail. */
class LoadBalancerCheckerTest {

  final LoadBalancerChecker checker = new LoadBalancerChecker();

  static Op send(String function, String id, String answeredBy, Outcome outcome) {
    return new Op("client-0", function, id, answeredBy, 0, 1, outcome);
  }

  @Test
  void passesFailoversThatStayWithinThePromise() {
    List<Op> history =
        List.of(
            send(IDEMPOTENT, "a", "w1", Outcome.OK), // retried: applied by w0, answered by w1
            send(ONCE, "b", "w2", Outcome.OK),
            send(ONCE, "c", null, Outcome.UNKNOWN), // may or may not: applied once
            send(ONCE, "d", null, Outcome.UNKNOWN), // may or may not: not applied
            send(IDEMPOTENT, "e", null, Outcome.UNKNOWN), // applied on every worker tried
            send(IDEMPOTENT, "f", null, Outcome.FAIL), // no worker in rotation: never sent
            new Op("nemesis", "start kill", "w0", null, 0, 1, Outcome.OK));
    Map<String, List<String>> applied =
        Map.of(
            "a", List.of("w0", "w1"),
            "b", List.of("w2"),
            "c", List.of("w0"),
            "e", List.of("w0", "w1", "w2"));

    assertThat(checker.check(history, applied)).isEmpty();
  }

  @Test
  void catchesARequestThatIsNotIdempotentAppliedTwice() {
    Op twice = send(ONCE, "b", null, Outcome.UNKNOWN);

    assertThat(checker.check(List.of(twice), Map.of("b", List.of("w0", "w1"))))
        .singleElement()
        .satisfies(
            a -> {
              assertThat(a.kind()).isEqualTo("applied twice");
              assertThat(a.op()).isEqualTo(twice);
              assertThat(a.detail()).contains("w0", "w1");
            });
    assertThat(
            checker.check(
                List.of(send(ONCE, "b", "w1", Outcome.OK)), Map.of("b", List.of("w1", "w1"))))
        .extracting(Anomaly::kind)
        .containsExactly("applied twice");
  }

  @Test
  void catchesAnAnswerNoWorkerApplied() {
    assertThat(checker.check(List.of(send(IDEMPOTENT, "a", "w0", Outcome.OK)), Map.of()))
        .extracting(Anomaly::kind)
        .containsExactly("answered, never applied");
  }

  @Test
  void catchesAnAnswerFromAWorkerThatDidNotApplyIt() {
    assertThat(
            checker.check(
                List.of(send(IDEMPOTENT, "a", "w2", Outcome.OK)), Map.of("a", List.of("w0"))))
        .extracting(Anomaly::kind)
        .containsExactly("answer from a worker that did not apply it");
  }

  @Test
  void catchesAFailedRequestThatWasApplied() {
    assertThat(
            checker.check(List.of(send(ONCE, "f", null, Outcome.FAIL)), Map.of("f", List.of("w1"))))
        .extracting(Anomaly::kind)
        .containsExactly("failed, yet applied");
  }

  @Test
  void catchesTheClientSendingOneIdTwice() {
    List<Op> history =
        List.of(send(IDEMPOTENT, "a", "w0", Outcome.OK), send(IDEMPOTENT, "a", "w0", Outcome.OK));

    assertThat(checker.check(history, Map.of("a", List.of("w0", "w0"))))
        .extracting(Anomaly::kind)
        .containsExactly("sent twice by the client");
  }

  @Test
  void rejectsNulls() {
    assertThatNullPointerException().isThrownBy(() -> checker.check(null, Map.of()));
    assertThatNullPointerException().isThrownBy(() -> checker.check(List.of(), null));
  }
}
