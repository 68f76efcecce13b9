package org.interviewtasks.mid.algorithms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.interviewtasks.common.testing.Seeds;
import org.jgrapht.alg.interfaces.ShortestPathAlgorithm.SingleSourcePaths;
import org.jgrapht.alg.shortestpath.DijkstraShortestPath;
import org.jgrapht.graph.DefaultWeightedEdge;
import org.jgrapht.graph.DirectedWeightedPseudograph;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class DijkstraTest {

  /** The directed example of CLRS, figure 24.6: s=0, t=1, x=2, y=3, z=4. */
  static Dijkstra.Graph clrs() {
    return new Dijkstra.Graph(5)
        .addEdge(0, 1, 10)
        .addEdge(0, 3, 5)
        .addEdge(1, 2, 1)
        .addEdge(1, 3, 2)
        .addEdge(2, 4, 4)
        .addEdge(3, 1, 3)
        .addEdge(3, 2, 9)
        .addEdge(3, 4, 2)
        .addEdge(4, 0, 7)
        .addEdge(4, 2, 6);
  }

  @Nested
  class Paths {

    @ParameterizedTest(name = "0 -> {0}: {1} via {2}")
    @CsvSource(
        delimiter = ';',
        value = {"0; 0; 0", "1; 8; 0,3,1", "2; 9; 0,3,1,2", "3; 5; 0,3", "4; 7; 0,3,4"})
    void findsTheTextbookDistancesAndPaths(int target, long distance, String path) {
      Dijkstra.ShortestPaths paths = Dijkstra.from(clrs(), 0);

      assertThat(paths.source()).isZero();
      assertThat(paths.distance(target)).hasValue(distance);
      assertThat(paths.path(target))
          .containsExactlyElementsOf(
              java.util.Arrays.stream(path.split(",")).map(Integer::valueOf).toList());
    }

    @Test
    void unreachableVerticesHaveNoDistanceAndNoPath() {
      Dijkstra.Graph graph = new Dijkstra.Graph(4).addEdge(0, 1, 3).addEdge(2, 0, 1);

      Dijkstra.ShortestPaths paths = Dijkstra.from(graph, 0);

      assertThat(paths.distance(1)).hasValue(3);
      assertThat(paths.distance(2)).isEmpty();
      assertThat(paths.path(2)).isEmpty();
      assertThat(paths.distance(3)).isEmpty();
      assertThat(paths.path(3)).isEmpty();
      assertThat(paths.path(0)).containsExactly(0);
    }

    @Test
    void aSingleVertexReachesOnlyItself() {
      Dijkstra.ShortestPaths paths = Dijkstra.from(new Dijkstra.Graph(1), 0);

      assertThat(paths.distance(0)).hasValue(0);
      assertThat(paths.path(0)).containsExactly(0);
    }

    @Test
    void zeroWeightsSelfLoopsAndParallelEdgesAreFine() {
      Dijkstra.Graph graph =
          new Dijkstra.Graph(3)
              .addEdge(0, 0, 0)
              .addEdge(0, 1, 9)
              .addEdge(0, 1, 4)
              .addEdge(1, 2, 0)
              .addEdge(2, 0, 0);

      Dijkstra.ShortestPaths paths = Dijkstra.from(graph, 0);

      assertThat(paths.distance(1)).hasValue(4);
      assertThat(paths.distance(2)).hasValue(4);
      assertThat(paths.path(2)).containsExactly(0, 1, 2);
      assertThat(paths.path(0)).containsExactly(0);
    }

    @Test
    void laterImprovementsWinOverEarlierEntries() {
      Dijkstra.Graph graph =
          new Dijkstra.Graph(4)
              .addEdge(0, 1, 10)
              .addEdge(0, 2, 1)
              .addEdge(2, 1, 1)
              .addEdge(1, 3, 1);

      Dijkstra.ShortestPaths paths = Dijkstra.from(graph, 0);

      assertThat(paths.distance(1)).hasValue(2);
      assertThat(paths.distance(3)).hasValue(3);
      assertThat(paths.path(3)).containsExactly(0, 2, 1, 3);
    }

    @Test
    void undirectedEdgesGoBothWays() {
      Dijkstra.Graph graph =
          new Dijkstra.Graph(3).addUndirectedEdge(0, 1, 2).addUndirectedEdge(1, 2, 3);

      assertThat(Dijkstra.from(graph, 2).source()).isEqualTo(2);
      assertThat(Dijkstra.from(graph, 2).distance(0)).hasValue(5);
      assertThat(Dijkstra.from(graph, 2).path(0)).containsExactly(2, 1, 0);
      assertThat(Dijkstra.from(graph, 0).path(2)).containsExactly(0, 1, 2);
    }

    @Test
    void pathsAreUnmodifiable() {
      assertThat(Dijkstra.from(clrs(), 0).path(4)).isUnmodifiable();
    }
  }

  @Nested
  class Limits {

    @Test
    void aPathOfExactlyLongMaxValueIsReachable() {
      Dijkstra.Graph graph = new Dijkstra.Graph(2).addEdge(0, 1, Long.MAX_VALUE);

      assertThat(Dijkstra.from(graph, 0).distance(1)).hasValue(Long.MAX_VALUE);
      assertThat(Dijkstra.from(graph, 0).path(1)).containsExactly(0, 1);
    }

    @Test
    void aLongerPathOverflowsLoudly() {
      long half = Long.MAX_VALUE / 2 + 1;
      Dijkstra.Graph graph = new Dijkstra.Graph(3).addEdge(0, 1, half).addEdge(1, 2, half);

      assertThatThrownBy(() -> Dijkstra.from(graph, 0))
          .isInstanceOf(ArithmeticException.class)
          .hasMessage("path length overflows a long at edge 1 -> 2")
          .hasCauseInstanceOf(ArithmeticException.class);
    }

    @Test
    void rejectsNegativeWeightsNamingTheEdge() {
      Dijkstra.Graph graph = new Dijkstra.Graph(6);

      assertThatIllegalArgumentException()
          .isThrownBy(() -> graph.addEdge(2, 5, -3))
          .withMessage(
              "negative weight -3 on edge 2 -> 5: Dijkstra needs non-negative weights"
                  + " (Bellman-Ford handles negative ones)");
      assertThatIllegalArgumentException()
          .isThrownBy(() -> graph.addUndirectedEdge(1, 0, -1))
          .withMessageStartingWith("negative weight -1 on edge 1 -> 0");
      assertThat(Dijkstra.from(graph, 2).distance(5)).isEmpty();
    }

    @ParameterizedTest(name = "vertex {0}")
    @CsvSource({"-1", "3", "2147483647", "-2147483648"})
    void rejectsVerticesOutOfRange(int vertex) {
      Dijkstra.Graph graph = new Dijkstra.Graph(3);
      String message = "vertex " + vertex + " is out of range [0, 3)";

      assertThatIllegalArgumentException()
          .isThrownBy(() -> graph.addEdge(vertex, 0, 1))
          .withMessage(message);
      assertThatIllegalArgumentException()
          .isThrownBy(() -> graph.addEdge(0, vertex, 1))
          .withMessage(message);
      assertThatIllegalArgumentException()
          .isThrownBy(() -> Dijkstra.from(graph, vertex))
          .withMessage(message);
      Dijkstra.ShortestPaths paths = Dijkstra.from(graph, 0);
      assertThatIllegalArgumentException()
          .isThrownBy(() -> paths.distance(vertex))
          .withMessage(message);
      assertThatIllegalArgumentException()
          .isThrownBy(() -> paths.path(vertex))
          .withMessage(message);
    }

    @Test
    void rejectsANegativeVertexCountButAllowsAnEmptyGraph() {
      assertThatIllegalArgumentException()
          .isThrownBy(() -> new Dijkstra.Graph(-1))
          .withMessage("negative vertex count: -1");
      assertThat(new Dijkstra.Graph(0).vertexCount()).isZero();
      assertThatIllegalArgumentException()
          .isThrownBy(() -> Dijkstra.from(new Dijkstra.Graph(0), 0))
          .withMessage("vertex 0 is out of range [0, 0)");
    }
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void agreesWithJGraphT(long seed) {
    var random = new SplittableRandom(seed);
    int n = random.nextInt(1, 40);
    int edges = random.nextInt(0, 4 * n + 1);
    Dijkstra.Graph graph = new Dijkstra.Graph(n);
    DirectedWeightedPseudograph<Integer, DefaultWeightedEdge> oracle =
        new DirectedWeightedPseudograph<>(DefaultWeightedEdge.class);
    Map<Long, Long> cheapest = new HashMap<>(); // (from, to) -> lightest parallel edge
    for (int v = 0; v < n; v++) {
      oracle.addVertex(v);
    }
    for (int e = 0; e < edges; e++) {
      int from = random.nextInt(n);
      int to = random.nextInt(n);
      long weight = random.nextInt(0, 100);
      graph.addEdge(from, to, weight);
      oracle.setEdgeWeight(oracle.addEdge(from, to), (double) weight);
      cheapest.merge((long) from * n + to, weight, Math::min);
    }
    int source = random.nextInt(n);

    Dijkstra.ShortestPaths ours = Dijkstra.from(graph, source);
    SingleSourcePaths<Integer, DefaultWeightedEdge> theirs =
        new DijkstraShortestPath<>(oracle).getPaths(source);

    for (int target = 0; target < n; target++) {
      double expected = theirs.getWeight(target);
      OptionalLong distance = ours.distance(target);
      List<Integer> path = ours.path(target);
      if (Double.isInfinite(expected)) {
        assertThat(distance).as("distance to %d", target).isEmpty();
        assertThat(path).isEmpty();
        continue;
      }
      assertThat(distance).as("distance to %d", target).hasValue((long) expected);
      assertThat(path).startsWith(source).endsWith(target);
      long length = 0;
      for (int i = 0; i + 1 < path.size(); i++) {
        Long weight = cheapest.get((long) path.get(i) * n + path.get(i + 1));
        assertThat(weight).as("edge %d -> %d exists", path.get(i), path.get(i + 1)).isNotNull();
        length += weight;
      }
      assertThat(length).as("length of the path to %d", target).isEqualTo((long) expected);
    }
  }

  static LongStream seeds() {
    return Seeds.derive(200);
  }
}
