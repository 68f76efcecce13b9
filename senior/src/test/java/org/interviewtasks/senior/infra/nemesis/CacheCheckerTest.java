package org.interviewtasks.senior.infra.nemesis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import java.util.List;
import org.interviewtasks.senior.infra.nemesis.History.Op;
import org.interviewtasks.senior.infra.nemesis.History.Outcome;
import org.junit.jupiter.api.Test;

/** Hand-made histories (times in ms) that the cache checker must pass, and must fail. */
class CacheCheckerTest {

  final CacheChecker checker = new CacheChecker(Duration.ofMillis(5));

  static Op op(String process, String f, String value, long from, long to, Outcome outcome) {
    return new Op(process, f, "k", value, from * 1_000_000, to * 1_000_000, outcome);
  }

  static Op put(String value, long from, long to) {
    return op("a", "put", value, from, to, Outcome.OK);
  }

  static Op get(String value, long from, long to) {
    return op("b", "get", value, from, to, Outcome.OK);
  }

  static Op invalidate(long from, long to) {
    return op("a", "invalidate", null, from, to, Outcome.OK);
  }

  @Test
  void passesReadsOfTheLatestOrAConcurrentWrite() {
    List<Op> history =
        List.of(
            get(null, 0, 1), // nothing written yet
            put("v1", 10, 20),
            get("v1", 30, 40),
            put("v2", 50, 60),
            get("v1", 55, 58), // v2 not acknowledged yet when the read began
            get("v2", 55, 58), // nor is it too early to see it
            get("v2", 70, 80),
            put("v3", 90, 100),
            op("c", "put", "v4", 92, 98, Outcome.OK), // concurrent with v3: either may win
            get("v3", 110, 120),
            get("v4", 121, 122),
            invalidate(130, 140),
            get(null, 150, 160),
            op("nemesis", "start kill", null, 1, 2, Outcome.OK));

    assertThat(checker.check(history)).isEmpty();
  }

  @Test
  void passesWhatAnUnacknowledgedWriteMayOrMayNotHaveDone() {
    List<Op> history =
        List.of(
            put("v1", 0, 10),
            op("a", "put", "v2", 20, 30, Outcome.UNKNOWN),
            get("v1", 40, 50),
            get("v2", 60, 70), // it reached some replicas after all
            op("a", "put", "v3", 80, 90, Outcome.FAIL), // certainly not applied
            get("v2", 100, 110),
            op("a", "invalidate", null, 120, 130, Outcome.UNKNOWN),
            get(null, 140, 150),
            get("v2", 160, 170),
            op("b", "get", null, 180, 190, Outcome.FAIL)); // a failed read shows nothing

    assertThat(checker.check(history)).isEmpty();
  }

  @Test
  void catchesAStaleRead() {
    Op stale = get("v1", 40, 50);
    List<Op> history = List.of(put("v1", 0, 10), put("v2", 20, 30), stale);

    assertThat(checker.check(history))
        .singleElement()
        .satisfies(
            a -> {
              assertThat(a.kind()).isEqualTo("stale read");
              assertThat(a.op()).isEqualTo(stale);
              assertThat(a.detail()).contains("v2");
            });
  }

  @Test
  void catchesALostWrite() {
    List<Op> history = List.of(put("v1", 0, 10), get("v1", 20, 30), get(null, 40, 50));

    assertThat(checker.check(history))
        .singleElement()
        .satisfies(a -> assertThat(a.kind()).isEqualTo("lost write"));
  }

  @Test
  void catchesAMissOfAWriteAfterAnInvalidation() {
    List<Op> history = List.of(invalidate(0, 10), put("v1", 20, 30), get(null, 40, 50));

    assertThat(checker.check(history)).extracting(Anomaly::kind).containsExactly("lost write");
  }

  @Test
  void catchesAnInvalidatedValue() {
    List<Op> history = List.of(put("v1", 0, 10), invalidate(20, 30), get("v1", 40, 50));

    assertThat(checker.check(history))
        .extracting(Anomaly::kind)
        .containsExactly("invalidated value");
  }

  @Test
  void catchesPhantomsAndReadsFromTheFuture() {
    List<Op> history =
        List.of(
            get("never written", 0, 1),
            op("a", "put", "failed", 2, 3, Outcome.FAIL),
            get("failed", 4, 5),
            get("later", 6, 7),
            put("later", 8, 9));

    assertThat(checker.check(history))
        .extracting(Anomaly::kind)
        .containsExactly("phantom value", "phantom value", "read from the future");
  }

  @Test
  void writesCloserThanTheToleranceAreConcurrent() {
    // v2 began 3 ms after v1 ended: within 5 ms of skew, v1 may carry the higher version.
    List<Op> close = List.of(put("v1", 0, 10), put("v2", 13, 20), get("v1", 30, 40));
    List<Op> apart = List.of(put("v1", 0, 10), put("v2", 16, 20), get("v1", 30, 40));

    assertThat(checker.check(close)).isEmpty();
    assertThat(checker.check(apart)).extracting(Anomaly::kind).containsExactly("stale read");
    assertThat(new CacheChecker(Duration.ZERO).check(close)).hasSize(1);
  }

  @Test
  void keysAreIndependent() {
    List<Op> history =
        List.of(
            put("v1", 0, 10),
            new Op("b", "get", "other", null, 20, 30, Outcome.OK),
            new Op("a", "put", "other", "v1", 40, 50, Outcome.OK));

    assertThat(checker.check(history)).isEmpty();
  }

  @Test
  void rejectsHistoriesItCannotJudge() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> checker.check(List.of(put("v", 0, 1), put("v", 2, 3))))
        .withMessageStartingWith("two puts of one value");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new CacheChecker(Duration.ofMillis(-1)))
        .withMessage("orderTolerance must not be negative: PT-0.001S");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> put("v", 5, 4))
        .withMessage("completed (4000000) before invoked (5000000)");
  }
}
