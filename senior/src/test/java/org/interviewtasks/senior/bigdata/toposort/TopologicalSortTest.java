package org.interviewtasks.senior.bigdata.toposort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Function;
import java.util.stream.LongStream;
import org.interviewtasks.common.testing.Hostile;
import org.interviewtasks.common.testing.Seeds;
import org.interviewtasks.common.testing.StdStreams;
import org.interviewtasks.senior.bigdata.toposort.TopologicalSort.CycleException;
import org.interviewtasks.senior.bigdata.toposort.TopologicalSort.Graph;
import org.jgrapht.alg.cycle.CycleDetector;
import org.jgrapht.graph.DefaultEdge;
import org.jgrapht.graph.DirectedPseudograph;
import org.jgrapht.traverse.TopologicalOrderIterator;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class TopologicalSortTest {

  /** 5 -> 0, 5 -> 2, 4 -> 0, 4 -> 1, 2 -> 3, 3 -> 1: the classic example. */
  private static final Graph CLASSIC =
      Graph.of(6, new int[] {5, 5, 4, 4, 2, 3}, new int[] {0, 2, 0, 1, 3, 1});

  @Nested
  class Sorting {

    @Test
    void kahnEmitsSourcesFirstInFifoOrder() {
      assertThat(TopologicalSort.sort(CLASSIC)).containsExactly(4, 5, 0, 2, 3, 1);
    }

    @Test
    void smallestFirstIsTheLexicographicallySmallestOrder() {
      assertThat(TopologicalSort.sortSmallestFirst(CLASSIC)).containsExactly(4, 5, 0, 2, 3, 1);
      Graph graph = Graph.of(4, new int[] {3, 1}, new int[] {0, 0});
      assertThat(TopologicalSort.sortSmallestFirst(graph)).containsExactly(1, 2, 3, 0);
      assertThat(TopologicalSort.sort(graph)).containsExactly(1, 2, 3, 0);
      Graph reversed = Graph.of(5, new int[] {4, 3, 2, 1}, new int[] {3, 2, 1, 0});
      assertThat(TopologicalSort.sortSmallestFirst(reversed)).containsExactly(4, 3, 2, 1, 0);
      Graph wide = Graph.of(6, new int[] {5}, new int[] {0});
      assertThat(TopologicalSort.sortSmallestFirst(wide)).containsExactly(1, 2, 3, 4, 5, 0);
    }

    @Test
    void emptySingleAndEdgelessGraphs() {
      assertThat(TopologicalSort.sort(Graph.of(0, new int[0], new int[0]))).isEmpty();
      assertThat(TopologicalSort.sort(Graph.of(1, new int[0], new int[0]))).containsExactly(0);
      assertThat(TopologicalSort.sortSmallestFirst(Graph.of(3, new int[0], new int[0])))
          .containsExactly(0, 1, 2);
    }

    @Test
    void parallelEdgesAreFine() {
      Graph graph = Graph.of(2, new int[] {1, 1, 1}, new int[] {0, 0, 0});

      assertThat(TopologicalSort.sort(graph)).containsExactly(1, 0);
      assertThat(graph.edgeCount()).isEqualTo(3);
    }
  }

  @Nested
  class Cycles {

    @Test
    void reportsTheNodesOfTheCycleInEdgeOrder() {
      // 0 -> 1 -> 2 -> 3 -> 1, and 3 -> 4
      Graph graph = Graph.of(5, new int[] {0, 1, 2, 3, 3}, new int[] {1, 2, 3, 1, 4});

      assertThat(TopologicalSort.findCycle(graph))
          .hasValueSatisfying(c -> assertThat(c).containsExactly(1, 2, 3));
      assertThatThrownBy(() -> TopologicalSort.sort(graph))
          .isInstanceOf(CycleException.class)
          .hasMessage("graph has a cycle of 3 nodes: 1 -> 2 -> 3 -> 1")
          .satisfies(e -> assertThat(((CycleException) e).cycle()).containsExactly(1, 2, 3));
      assertThatThrownBy(() -> TopologicalSort.sortSmallestFirst(graph))
          .isInstanceOf(CycleException.class)
          .hasMessage("graph has a cycle of 3 nodes: 1 -> 2 -> 3 -> 1");
    }

    @Test
    void aSelfLoopIsACycleOfOne() {
      Graph graph = Graph.of(3, new int[] {0, 2}, new int[] {1, 2});

      assertThat(TopologicalSort.findCycle(graph))
          .hasValueSatisfying(c -> assertThat(c).containsExactly(2));
      assertThatThrownBy(() -> TopologicalSort.sort(graph))
          .hasMessage("graph has a cycle of 1 nodes: 2 -> 2");
    }

    @Test
    void findsACycleReachableOnlyFromALaterStart() {
      // 0 -> 1 is acyclic; 2 -> 3 -> 2 is found from start 2 after 0 and 1 are done.
      Graph graph = Graph.of(4, new int[] {0, 2, 3}, new int[] {1, 3, 2});

      assertThat(TopologicalSort.findCycle(graph))
          .hasValueSatisfying(c -> assertThat(c).containsExactly(2, 3));
      // Reached through 0 -> 1 -> 3, the same cycle starts at 3.
      Graph through = Graph.of(4, new int[] {0, 2, 3, 1}, new int[] {1, 3, 2, 3});
      assertThat(TopologicalSort.findCycle(through))
          .hasValueSatisfying(c -> assertThat(c).containsExactly(3, 2));
    }

    @Test
    void acyclicGraphsHaveNone() {
      assertThat(TopologicalSort.findCycle(CLASSIC)).isEmpty();
      // A diamond: 3 is reached twice, the second time already done (black), not a cycle.
      Graph diamond = Graph.of(4, new int[] {0, 0, 1, 2}, new int[] {1, 2, 3, 3});
      assertThat(TopologicalSort.findCycle(diamond)).isEmpty();
    }

    @Test
    void longCyclesAreShortenedInTheMessageOnly() {
      int n = 1_000_000;
      int[] from = new int[n];
      int[] to = new int[n];
      for (int i = 0; i < n; i++) {
        from[i] = i;
        to[i] = (i + 1) % n;
      }
      CycleException e =
          (CycleException) catchThrowable(() -> TopologicalSort.sort(Graph.of(n, from, to)));

      assertThat(e.cycle()).hasSize(n).startsWith(0, 1, 2).endsWith(n - 1);
      assertThat(e.getMessage())
          .startsWith("graph has a cycle of 1000000 nodes: 0 -> 1 -> ")
          .endsWith(" -> 19 -> ... (999980 more) -> 0");
      assertThat(e.getMessage().split(" -> ")).hasSize(22);
    }

    @Test
    void theCycleArrayIsACopy() {
      Graph loop = Graph.of(1, new int[] {0}, new int[] {0});
      CycleException e = (CycleException) catchThrowable(() -> TopologicalSort.sort(loop));
      e.cycle()[0] = 42;

      assertThat(e.cycle()).containsExactly(0);
    }

    private static Throwable catchThrowable(Runnable action) {
      return org.assertj.core.api.Assertions.catchThrowable(action::run);
    }
  }

  @Nested
  class AgainstJGraphT {

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("org.interviewtasks.senior.bigdata.toposort.TopologicalSortTest#seeds")
    void randomDagsSortLikeJGraphT(long seed) {
      SplittableRandom random = new SplittableRandom(seed);
      int nodes = random.nextInt(1, 60);
      RandomDags.Edges edges =
          RandomDags.generate(seed, nodes, random.nextInt(4), 1 + random.nextInt(8));
      Graph graph = Graph.of(nodes, edges.from(), edges.to());
      DirectedPseudograph<Integer, DefaultEdge> oracle =
          jgrapht(edges.nodes(), edges.from(), edges.to());

      assertValidOrder(TopologicalSort.sort(graph), edges);
      List<Integer> smallestFirst = new ArrayList<>();
      new TopologicalOrderIterator<>(oracle, Integer::compare).forEachRemaining(smallestFirst::add);
      assertThat(TopologicalSort.sortSmallestFirst(graph)).containsExactly(toArray(smallestFirst));
      assertThat(TopologicalSort.findCycle(graph)).isEmpty();
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("org.interviewtasks.senior.bigdata.toposort.TopologicalSortTest#seeds")
    void randomGraphsHaveACycleExactlyWhenJGraphTFindsOne(long seed) {
      SplittableRandom random = new SplittableRandom(seed);
      int nodes = random.nextInt(1, 12);
      int edgeCount = random.nextInt(nodes + 3);
      int[] from = random.ints(edgeCount, 0, nodes).toArray();
      int[] to = random.ints(edgeCount, 0, nodes).toArray();
      Graph graph = Graph.of(nodes, from, to);
      boolean cyclic = new CycleDetector<>(jgrapht(nodes, from, to)).detectCycles();

      var cycle = TopologicalSort.findCycle(graph);
      assertThat(cycle.isPresent()).isEqualTo(cyclic);
      if (cyclic) {
        assertIsCycle(cycle.orElseThrow(), graph);
        assertThatThrownBy(() -> TopologicalSort.sort(graph)).isInstanceOf(CycleException.class);
      } else {
        assertValidOrder(TopologicalSort.sort(graph), new RandomDags.Edges(nodes, from, to));
      }
    }

    private static DirectedPseudograph<Integer, DefaultEdge> jgrapht(
        int nodes, int[] from, int[] to) {
      DirectedPseudograph<Integer, DefaultEdge> graph =
          new DirectedPseudograph<>(DefaultEdge.class);
      for (int v = 0; v < nodes; v++) {
        graph.addVertex(v);
      }
      for (int e = 0; e < from.length; e++) {
        graph.addEdge(from[e], to[e]);
      }
      return graph;
    }

    private static void assertIsCycle(int[] cycle, Graph graph) {
      assertThat(cycle).isNotEmpty().doesNotHaveDuplicates();
      for (int i = 0; i < cycle.length; i++) {
        assertThat(graph.successors(cycle[i])).contains(cycle[(i + 1) % cycle.length]);
      }
    }

    private static int[] toArray(List<Integer> values) {
      return values.stream().mapToInt(Integer::intValue).toArray();
    }
  }

  @Nested
  class Scale {

    @Test
    void sortsALargeDagAndAMillionNodeChainWithoutRecursion() {
      RandomDags.Edges edges = RandomDags.generate(7, 300_000, 2, 16);
      Graph graph = Graph.of(edges.nodes(), edges.from(), edges.to());

      assertValidOrder(TopologicalSort.sort(graph), edges);
      assertThat(TopologicalSort.findCycle(graph)).isEmpty();

      int n = 1_000_000;
      int[] from = new int[n - 1];
      int[] to = new int[n - 1];
      for (int i = 0; i < n - 1; i++) {
        from[i] = n - 1 - i;
        to[i] = n - 2 - i;
      }
      Graph chain = Graph.of(n, from, to);
      assertThat(TopologicalSort.findCycle(chain)).isEmpty();
      int[] order = TopologicalSort.sortSmallestFirst(chain);
      assertThat(order[0]).isEqualTo(n - 1);
      assertThat(order[n - 1]).isZero();
    }
  }

  @Nested
  class Building {

    @Test
    void keepsSuccessorsInEdgeOrder() {
      Graph graph = Graph.of(3, new int[] {0, 2, 0, 0}, new int[] {2, 1, 1, 2});

      assertThat(graph.nodeCount()).isEqualTo(3);
      assertThat(graph.edgeCount()).isEqualTo(4);
      assertThat(graph.successors(0)).containsExactly(2, 1, 2);
      assertThat(graph.successors(1)).isEmpty();
      assertThat(graph.successors(2)).containsExactly(1);
      assertThatThrownBy(() -> graph.successors(3)).isInstanceOf(IndexOutOfBoundsException.class);
      assertThatThrownBy(() -> graph.successors(-1)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void hostileNodeCountsAreAnsweredOrRefusedByName() {
      Hostile.ints()
          .forEach(
              n ->
                  Hostile.assertHandled(
                      "Graph.of(" + n + ")",
                      Duration.ofSeconds(5),
                      64L << 20,
                      () -> TopologicalSort.sort(Graph.of(n, new int[0], new int[0]))));
    }

    @Test
    void rejectsBadInput() {
      assertThatIllegalArgumentException()
          .isThrownBy(() -> Graph.of(-1, new int[0], new int[0]))
          .withMessage("node count must be 0..10000000: -1");
      assertThatIllegalArgumentException()
          .isThrownBy(() -> Graph.of(Integer.MAX_VALUE - 1, new int[0], new int[0]))
          .withMessage("node count must be 0..10000000: 2147483646");
      assertThatIllegalArgumentException()
          .isThrownBy(() -> Graph.of(Graph.MAX_NODES + 1, new int[0], new int[0]))
          .withMessage("node count must be 0..10000000: 10000001");
      assertThat(Graph.of(Graph.MAX_NODES, new int[] {0}, new int[] {1}).nodeCount())
          .isEqualTo(Graph.MAX_NODES);
      assertThatIllegalArgumentException()
          .isThrownBy(() -> Graph.of(2, new int[] {0}, new int[0]))
          .withMessage("from and to differ in length: 1 != 0");
      for (Function<Integer, int[][]> edge :
          List.<Function<Integer, int[][]>>of(
              v -> new int[][] {{v}, {0}}, v -> new int[][] {{0}, {v}})) {
        for (int bad : new int[] {-1, 3}) {
          int[][] fromTo = edge.apply(bad);
          assertThatIllegalArgumentException()
              .isThrownBy(() -> Graph.of(3, fromTo[0], fromTo[1]))
              .withMessage(
                  "edge 0 ("
                      + fromTo[0][0]
                      + " -> "
                      + fromTo[1][0]
                      + ") names a node outside 0..2");
        }
      }
      assertThatNullPointerException()
          .isThrownBy(() -> Graph.of(1, null, new int[0]))
          .withMessage("from");
      assertThatNullPointerException()
          .isThrownBy(() -> Graph.of(1, new int[0], null))
          .withMessage("to");
      assertThatNullPointerException()
          .isThrownBy(() -> TopologicalSort.sort(null))
          .withMessage("graph");
      assertThatNullPointerException()
          .isThrownBy(() -> TopologicalSort.sortSmallestFirst(null))
          .withMessage("graph");
      assertThatNullPointerException()
          .isThrownBy(() -> TopologicalSort.findCycle(null))
          .withMessage("graph");
    }
  }

  @Nested
  class Main {

    @Test
    void printsTheOrder() throws Exception {
      var printed = StdStreams.capture(() -> TopologicalSort.main("4", "3-1", "1-0", "2-0"));

      assertThat(printed.out()).isEqualTo("order: 2 3 1 0" + System.lineSeparator());
    }

    @Test
    void printsTheCycle() throws Exception {
      var printed = StdStreams.capture(() -> TopologicalSort.main("2", "0-1", "1-0"));

      assertThat(printed.out())
          .isEqualTo("graph has a cycle of 2 nodes: 0 -> 1 -> 0" + System.lineSeparator());
    }

    @Test
    void rejectsBadArguments() {
      assertThatIllegalArgumentException()
          .isThrownBy(TopologicalSort::main)
          .withMessage("usage: senior.bigdata.5 <nodes> [from-to...]");
      assertThatIllegalArgumentException()
          .isThrownBy(() -> TopologicalSort.main("3", "1-2-0"))
          .withMessage("not an edge from-to: '1-2-0'");
      assertThatIllegalArgumentException()
          .isThrownBy(() -> TopologicalSort.main("3", "12"))
          .withMessage("not an edge from-to: '12'");
      assertThatIllegalArgumentException()
          .isThrownBy(() -> TopologicalSort.main("3", "1-x"))
          .withMessage("not an int: 'x'");
    }
  }

  /** Plain loops, not one AssertJ assertion per node: this runs over millions of nodes. */
  static void assertValidOrder(int[] order, RandomDags.Edges edges) {
    assertThat(order).hasSize(edges.nodes());
    int[] position = new int[edges.nodes()];
    java.util.Arrays.fill(position, -1);
    for (int i = 0; i < order.length; i++) {
      if (position[order[i]] != -1) {
        throw new AssertionError("node " + order[i] + " emitted twice");
      }
      position[order[i]] = i;
    }
    for (int e = 0; e < edges.from().length; e++) {
      if (position[edges.from()[e]] >= position[edges.to()[e]]) {
        throw new AssertionError(
            "edge " + edges.from()[e] + " -> " + edges.to()[e] + " goes backwards");
      }
    }
  }

  static LongStream seeds() {
    return Seeds.derive(200);
  }
}
