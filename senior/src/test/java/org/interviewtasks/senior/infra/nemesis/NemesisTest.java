package org.interviewtasks.senior.infra.nemesis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import org.interviewtasks.senior.infra.nemesis.History.Op;
import org.interviewtasks.senior.infra.nemesis.History.Outcome;
import org.interviewtasks.senior.infra.nemesis.History.Result;
import org.interviewtasks.senior.infra.nemesis.Nemesis.Fault;
import org.junit.jupiter.api.Test;

/** Schedules are replayable from their seed, recorded, and always healed; clocks skew. */
class NemesisTest {

  static final Nemesis.Timing QUICK =
      new Nemesis.Timing(Duration.ZERO, Duration.ofMillis(2), Duration.ofMillis(1));

  static List<Function<SplittableRandom, Fault>> menu(List<String> log) {
    List<Function<SplittableRandom, Fault>> menu = new ArrayList<>();
    for (String kind : List.of("kill", "pause", "partition")) {
      menu.add(
          r -> {
            String target = "node-" + r.nextInt(3);
            return new Fault(
                kind,
                target,
                () -> log.add("break " + kind + " " + target),
                () -> log.add("heal " + kind + " " + target));
          });
    }
    return menu;
  }

  @Test
  void theSameSeedGivesTheSameScheduleAndAnotherSeedAnother() {
    List<String> log = new ArrayList<>();
    Nemesis a = Nemesis.plan(42, 20, menu(log), QUICK);
    Nemesis b = Nemesis.plan(42, 20, menu(log), QUICK);
    Nemesis c = Nemesis.plan(43, 20, menu(log), QUICK);

    assertThat(a.toString()).isEqualTo(b.toString()).isNotEqualTo(c.toString());
    assertThat(a.steps()).hasSize(20);
    assertThat(a.faultsByKind().values().stream().mapToLong(Long::longValue).sum()).isEqualTo(20);
    assertThat(a.faultsByKind()).containsOnlyKeys("kill", "pause", "partition");
    assertThat(a.steps())
        .allSatisfy(
            s -> {
              assertThat(s.hold()).isBetween(Duration.ZERO, Duration.ofMillis(2));
              assertThat(s.gap()).isBetween(Duration.ZERO, Duration.ofMillis(1));
            });
  }

  @Test
  void runsEachStepBreakThenHealAndRecordsIt() {
    List<String> log = new CopyOnWriteArrayList<>();
    Nemesis nemesis = Nemesis.plan(7, 3, menu(log), QUICK);
    History history = new History();

    nemesis.run(history, () -> log.add("heal all"));

    List<Op> ops = history.ops();
    assertThat(ops).hasSize(6).allSatisfy(op -> assertThat(op.process()).isEqualTo("nemesis"));
    for (int i = 0; i < 3; i++) {
      String kind = nemesis.steps().get(i).fault().kind();
      assertThat(ops.get(2 * i).function()).isEqualTo("start " + kind);
      assertThat(ops.get(2 * i + 1).function()).isEqualTo("stop " + kind);
      assertThat(log.get(2 * i)).startsWith("break " + kind);
      assertThat(log.get(2 * i + 1)).startsWith("heal " + kind);
    }
    assertThat(log).last().isEqualTo("heal all");
  }

  @Test
  void healsEveryFaultWhenAStepFails() {
    List<String> log = new CopyOnWriteArrayList<>();
    List<Function<SplittableRandom, Fault>> menu =
        List.of(
            r ->
                new Fault(
                    "broken",
                    "node-0",
                    () -> {
                      throw new IllegalStateException("cannot inject");
                    },
                    () -> log.add("healed")));
    Nemesis nemesis = Nemesis.plan(1, 2, menu, QUICK);

    assertThatThrownBy(() -> nemesis.run(new History(), () -> log.add("heal all")))
        .hasMessage("cannot inject");
    assertThat(log).containsExactly("healed", "healed", "heal all");
  }

  @Test
  void rejectsBadPlans() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> Nemesis.plan(1, -1, menu(new ArrayList<>()), QUICK))
        .withMessage("need count >= 0 and a menu: -1");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> Nemesis.plan(1, 1, List.of(), QUICK))
        .withMessage("need count >= 0 and a menu: 1");
    assertThatIllegalArgumentException()
        .isThrownBy(
            () -> new Nemesis.Timing(Duration.ofMillis(5), Duration.ofMillis(1), Duration.ZERO))
        .withMessage("holds must be 0 <= min <= max and the gap >= 0: PT0.005S, PT0.001S");
  }

  @Test
  void aHistoryRecordsOutcomesAndExceptionsAsUnknown() {
    History history = new History();
    history.record("p", "put", "k", () -> Result.ok("v"));
    history.record("p", "get", "k", () -> Result.fail(null));
    assertThatThrownBy(
            () ->
                history.record(
                    "p",
                    "put",
                    "k",
                    () -> {
                      throw new IllegalStateException("boom");
                    }))
        .hasMessage("boom");

    assertThat(history.ops())
        .extracting(Op::outcome)
        .containsExactly(Outcome.OK, Outcome.FAIL, Outcome.UNKNOWN);
    assertThat(history.size()).isEqualTo(3);
    assertThat(history.ops().get(0).toString()).startsWith("p put k v [");
    assertThat(Result.unknown("x").outcome()).isEqualTo(Outcome.UNKNOWN);
  }

  @Test
  void aSkewedClockReadsItsBasePlusTheOffset() {
    Instant base = Instant.parse("2030-01-01T00:00:00Z");
    SkewedClock clock = new SkewedClock(() -> base);
    assertThat(clock.instant()).isEqualTo(base);

    clock.skew(Duration.ofMillis(-25));
    assertThat(clock.millis()).isEqualTo(base.toEpochMilli() - 25);
    assertThat(clock.instant()).isEqualTo(base.minusMillis(25));
    assertThat(clock.offset()).isEqualTo(Duration.ofMillis(-25));

    clock.heal();
    assertThat(clock.millis()).isEqualTo(base.toEpochMilli());
    assertThat(SkewedClock.system().offset()).isZero();
  }
}
