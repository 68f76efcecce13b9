package org.interviewtasks.mid.algorithms;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.interviewtasks.common.testing.Seeds;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class DetectCycleTest {

  /** The nodes of a list of n nodes whose last node links back to node {@code cycleStart}. */
  static List<ListNode<Integer>> build(int n, int cycleStart) {
    List<ListNode<Integer>> nodes = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      nodes.add(new ListNode<>(i));
    }
    for (int i = 0; i + 1 < n; i++) {
      nodes.get(i).setNext(nodes.get(i + 1));
    }
    if (cycleStart >= 0) {
      nodes.get(n - 1).setNext(nodes.get(cycleStart));
    }
    return nodes;
  }

  @Nested
  class WithoutCycle {

    @Test
    void emptyAndSingleNodeListsHaveNoCycle() {
      assertThat(DetectCycle.hasCycle(null)).isFalse();
      assertThat(DetectCycle.find(null)).isEmpty();
      assertThat(DetectCycle.hasCycle(new ListNode<>("a"))).isFalse();
      assertThat(DetectCycle.find(new ListNode<>("a"))).isEmpty();
    }

    @ParameterizedTest(name = "{0} nodes")
    @CsvSource({"2", "3", "4", "101"})
    void listsThatEndHaveNoCycle(int n) {
      ListNode<Integer> head = build(n, -1).get(0);

      assertThat(DetectCycle.hasCycle(head)).isFalse();
      assertThat(DetectCycle.find(head)).isEmpty();
    }

    @Test
    void equalValuesAreNotTheSameNode() {
      ListNode<String> head = ListNode.of("x", "x", "x");

      assertThat(DetectCycle.hasCycle(head)).isFalse();
    }
  }

  @Nested
  class WithCycle {

    @Test
    void aNodeLinkedToItselfIsACycleOfOne() {
      ListNode<String> node = new ListNode<>("a");
      node.setNext(node);

      assertThat(DetectCycle.hasCycle(node)).isTrue();
      assertThat(DetectCycle.find(node)).contains(new DetectCycle.Cycle<>(node, 0, 1));
    }

    @ParameterizedTest(name = "{0} nodes, last links to {1}")
    @CsvSource({
      "2, 0", "2, 1", "3, 0", "3, 1", "3, 2", "4, 1", "5, 4", "10, 3", "11, 0", "100, 37", "101, 99"
    })
    void findsStartAndLength(int n, int cycleStart) {
      List<ListNode<Integer>> nodes = build(n, cycleStart);

      Optional<DetectCycle.Cycle<Integer>> cycle = DetectCycle.find(nodes.get(0));

      assertThat(DetectCycle.hasCycle(nodes.get(0))).isTrue();
      assertThat(cycle).isPresent();
      assertThat(cycle.get().start()).isSameAs(nodes.get(cycleStart));
      assertThat(cycle.get().startIndex()).isEqualTo(cycleStart);
      assertThat(cycle.get().length()).isEqualTo(n - cycleStart);
    }

    @Test
    void startingInsideTheCycleGivesAnEmptyTail() {
      List<ListNode<Integer>> nodes = build(6, 2);

      assertThat(DetectCycle.find(nodes.get(4)))
          .contains(new DetectCycle.Cycle<>(nodes.get(4), 0, 4));
    }

    @Test
    void aMillionNodesTakeNoStack() {
      List<ListNode<Integer>> nodes = build(1_000_000, 999_000);

      assertThat(DetectCycle.find(nodes.get(0)))
          .contains(new DetectCycle.Cycle<>(nodes.get(999_000), 999_000, 1_000));
    }
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void agreesWithAVisitedSet(long seed) {
    var random = new SplittableRandom(seed);
    int n = random.nextInt(1, 300);
    int cycleStart = random.nextBoolean() ? -1 : random.nextInt(n);
    ListNode<Integer> head = build(n, cycleStart).get(0);

    IdentityHashMap<ListNode<Integer>, Integer> firstSeenAt = new IdentityHashMap<>();
    int steps = 0;
    ListNode<Integer> node = head;
    while (node != null && !firstSeenAt.containsKey(node)) {
      firstSeenAt.put(node, steps++);
      node = node.next();
    }
    Optional<DetectCycle.Cycle<Integer>> expected =
        node == null
            ? Optional.empty()
            : Optional.of(
                new DetectCycle.Cycle<>(
                    node, firstSeenAt.get(node), steps - firstSeenAt.get(node)));

    assertThat(DetectCycle.find(head)).isEqualTo(expected);
    assertThat(DetectCycle.hasCycle(head)).isEqualTo(expected.isPresent());
  }

  static LongStream seeds() {
    return Seeds.derive(200);
  }
}
