package org.interviewtasks.senior.concurrency.loadbalancer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.LongStream;
import org.interviewtasks.common.testing.Seeds;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The strategies alone, on candidates with fixed loads. */
class StrategyTest {

  private record Node(String name, int inFlight) implements Strategy.Loaded {}

  private static List<Node> nodes(int... loads) {
    List<Node> nodes = new ArrayList<>();
    for (int i = 0; i < loads.length; i++) {
      nodes.add(new Node("n" + i, loads[i]));
    }
    return nodes;
  }

  static LongStream seeds() {
    return Seeds.derive(10);
  }

  @Test
  void roundRobinTakesEachInTurnWhateverTheLoad() {
    Strategy rr = Strategy.roundRobin();
    List<Node> nodes = nodes(9, 0, 5);
    List<String> picked = new ArrayList<>();
    for (int i = 0; i < 7; i++) {
      picked.add(rr.pick(nodes).name());
    }
    assertThat(picked).containsExactly("n0", "n1", "n2", "n0", "n1", "n2", "n0");
    assertThat(rr).hasToString("round robin");
  }

  @Test
  void roundRobinIsExactUnderContention() throws Exception {
    Strategy rr = Strategy.roundRobin();
    List<Node> nodes = nodes(0, 0, 0);
    int threads = 8;
    int perThread = 3_000;
    CountDownLatch go = new CountDownLatch(1);
    Map<String, Integer> counts = new HashMap<>();
    try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
      List<Future<Map<String, Integer>>> results = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        results.add(
            pool.submit(
                () -> {
                  go.await();
                  Map<String, Integer> mine = new HashMap<>();
                  for (int i = 0; i < perThread; i++) {
                    mine.merge(rr.pick(nodes).name(), 1, Integer::sum);
                  }
                  return mine;
                }));
      }
      go.countDown();
      for (Future<Map<String, Integer>> r : results) {
        r.get().forEach((k, v) -> counts.merge(k, v, Integer::sum));
      }
    }
    assertThat(counts)
        .containsOnly(Map.entry("n0", 8_000), Map.entry("n1", 8_000), Map.entry("n2", 8_000));
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void leastConnectionsPicksAMinimumAndSpreadsTies(long seed) {
    Strategy lc = Strategy.leastConnections();
    SplittableRandom random = new SplittableRandom(seed);
    for (int i = 0; i < 200; i++) {
      List<Node> nodes = nodes(random.ints(random.nextInt(1, 8), 0, 4).toArray());
      int min = nodes.stream().mapToInt(Node::inFlight).min().orElseThrow();
      assertThat(lc.pick(nodes).inFlight()).as("seed %d, %s", seed, nodes).isEqualTo(min);
    }
    List<String> ties = new ArrayList<>();
    List<Node> idle = nodes(0, 0, 0);
    for (int i = 0; i < 3; i++) {
      ties.add(lc.pick(idle).name());
    }
    assertThat(ties).containsExactlyInAnyOrder("n0", "n1", "n2");
    assertThat(lc).hasToString("least connections");
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void powerOfTwoChoicesNeverPicksTheMostLoadedAndFavoursTheLeast(long seed) {
    Strategy p2c = Strategy.powerOfTwoChoices(seed);
    List<Node> nodes = nodes(10, 0, 5);
    Map<String, Integer> counts = new HashMap<>();
    int picks = 3_000;
    for (int i = 0; i < picks; i++) {
      counts.merge(p2c.pick(nodes).name(), 1, Integer::sum);
    }
    // Pairs are uniform over the 3 unordered pairs: the least loaded wins 2 of them, the middle 1.
    assertThat(counts).doesNotContainKey("n0");
    assertThat(counts.get("n1")).as("seed %d", seed).isBetween(1_850, 2_150);
    assertThat(counts.get("n2")).as("seed %d", seed).isBetween(850, 1_150);
    assertThat(p2c.pick(nodes(7))).isEqualTo(new Node("n0", 7));
    assertThat(p2c).hasToString("power of two choices");
  }

  @Test
  void powerOfTwoChoicesIsRepeatableForASeed() {
    List<Node> nodes = nodes(1, 1, 1, 1, 1);
    Strategy a = Strategy.powerOfTwoChoices(42);
    Strategy b = Strategy.powerOfTwoChoices(42);
    for (int i = 0; i < 100; i++) {
      assertThat(a.pick(nodes)).isEqualTo(b.pick(nodes));
    }
  }

  @Test
  void everyStrategyRejectsNoCandidates() {
    for (Strategy s :
        List.of(
            Strategy.roundRobin(), Strategy.leastConnections(), Strategy.powerOfTwoChoices(1))) {
      assertThatThrownBy(() -> s.pick(List.of()))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("no candidate to pick from");
      assertThatThrownBy(() -> s.pick(null)).isInstanceOf(NullPointerException.class);
    }
  }
}
