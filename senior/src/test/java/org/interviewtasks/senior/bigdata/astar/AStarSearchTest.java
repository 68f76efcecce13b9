package org.interviewtasks.senior.bigdata.astar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.LongStream;
import org.interviewtasks.common.testing.Seeds;
import org.interviewtasks.common.testing.StdStreams;
import org.interviewtasks.senior.bigdata.astar.AStarSearch.Graph;
import org.interviewtasks.senior.bigdata.astar.AStarSearch.Metric;
import org.interviewtasks.senior.bigdata.astar.AStarSearch.Path;
import org.jgrapht.GraphPath;
import org.jgrapht.alg.shortestpath.AStarShortestPath;
import org.jgrapht.alg.shortestpath.DijkstraShortestPath;
import org.jgrapht.graph.DefaultWeightedEdge;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

class AStarSearchTest {

  /**
   * Five nodes on a plane: the direct edge 0 -> 4 (weight 10) is dearer than 0 -> 1 -> 2 -> 4 (3 +
   * 2 + 4 = 9); 3 is a dead end; 4 -> 0 exists but is never useful.
   */
  private static final Graph SMALL =
      Graph.of(
          new double[] {0, 2, 4, 3, 6},
          new double[] {0, 1, 1, -2, 0},
          new int[] {0, 0, 1, 2, 0, 4, 1},
          new int[] {4, 1, 2, 4, 3, 0, 3},
          new double[] {10, 3, 2, 4, 4, 6.5, 4},
          Metric.EUCLIDEAN);

  @Nested
  class Searching {

    @Test
    void findsTheCheaperLongerPath() {
      Path path = new AStarSearch(SMALL).shortestPath(0, 4).orElseThrow();

      assertThat(path.nodes()).containsExactly(0, 1, 2, 4);
      assertThat(path.cost()).isEqualTo(9.0);
      assertThat(path.expanded()).isEqualTo(5); // 0, 1, 2, the dead end 3 (f 7.6 < 9), then 4
    }

    @Test
    void theSameSearchAnswersManyQueries() {
      AStarSearch search = new AStarSearch(SMALL);

      assertThat(search.shortestPath(0, 4).orElseThrow().cost()).isEqualTo(9.0);
      assertThat(search.shortestPath(4, 3).orElseThrow().nodes()).containsExactly(4, 0, 3);
      assertThat(search.shortestPath(4, 3).orElseThrow().cost()).isEqualTo(10.5);
      assertThat(search.shortestPath(1, 4).orElseThrow().nodes()).containsExactly(1, 2, 4);
      assertThat(search.shortestPath(0, 4).orElseThrow().nodes()).containsExactly(0, 1, 2, 4);
    }

    @Test
    void sourceIsTarget() {
      Path path = new AStarSearch(SMALL).shortestPath(3, 3).orElseThrow();

      assertThat(path).isEqualTo(new Path(new int[] {3}, 0, 1));
    }

    @Test
    void unreachableTargetGivesNothing() {
      AStarSearch search = new AStarSearch(SMALL);

      assertThat(search.shortestPath(3, 0)).isEmpty();
      assertThat(search.shortestPath(3, 4)).isEmpty();
      Path around = search.shortestPath(2, 1).orElseThrow();
      assertThat(around.nodes()).containsExactly(2, 4, 0, 1);
      assertThat(around.cost()).isEqualTo(13.5);
    }

    @Test
    void rejectsNodesOutOfRange() {
      AStarSearch search = new AStarSearch(SMALL);

      assertThatThrownBy(() -> search.shortestPath(-1, 0))
          .isInstanceOf(IndexOutOfBoundsException.class);
      assertThatThrownBy(() -> search.shortestPath(0, 5))
          .isInstanceOf(IndexOutOfBoundsException.class);
      assertThatNullPointerException().isThrownBy(() -> new AStarSearch(null)).withMessage("graph");
    }

    @Test
    void aStarExpandsFewerNodesThanDijkstraForTheSameCost() {
      Graph grid = Graph.randomGrid(60, 60, 0.0, 3, Metric.MANHATTAN);
      Path aStar = new AStarSearch(grid).shortestPath(0, 3599).orElseThrow();
      Path dijkstra =
          new AStarSearch(grid.withMetric(Metric.NONE)).shortestPath(0, 3599).orElseThrow();

      assertThat(aStar.cost()).isCloseTo(dijkstra.cost(), within(1e-9));
      assertThat(aStar.expanded()).isLessThan(dijkstra.expanded());
      assertThat(dijkstra.expanded()).isGreaterThan(3000);
    }
  }

  @Nested
  class AgainstJGraphT {

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("org.interviewtasks.senior.bigdata.astar.AStarSearchTest#seeds")
    void gridsWithObstaclesHaveTheSameCosts(long seed) {
      SplittableRandom random = new SplittableRandom(seed);
      int width = random.nextInt(1, 25);
      int height = random.nextInt(1, 25);
      Metric metric =
          List.of(Metric.EUCLIDEAN, Metric.MANHATTAN, Metric.NONE).get(random.nextInt(3));
      Graph grid = Graph.randomGrid(width, height, random.nextDouble(0.4), seed, metric);
      var oracle = JGraphTGraphs.objects(grid);
      var jgraphtAStar = new AStarShortestPath<>(oracle, JGraphTGraphs.heuristic(grid));
      AStarSearch search = new AStarSearch(grid);

      for (int q = 0; q < 10; q++) {
        int source = random.nextInt(grid.nodeCount());
        int target = random.nextInt(grid.nodeCount());
        GraphPath<Integer, DefaultWeightedEdge> expected = jgraphtAStar.getPath(source, target);
        assertSamePath(grid, search.shortestPath(source, target), expected, source, target);
      }
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("org.interviewtasks.senior.bigdata.astar.AStarSearchTest#seeds")
    void randomGeometricGraphsMatchDijkstra(long seed) {
      SplittableRandom random = new SplittableRandom(seed);
      int n = random.nextInt(1, 40);
      double[] x = random.doubles(n, 0, 100).toArray();
      double[] y = random.doubles(n, 0, 100).toArray();
      int m = random.nextInt(4 * n);
      int[] from = random.ints(m, 0, n).toArray();
      int[] to = random.ints(m, 0, n).toArray();
      double[] weight = new double[m];
      for (int e = 0; e < m; e++) {
        double length =
            Math.sqrt(Math.pow(x[from[e]] - x[to[e]], 2) + Math.pow(y[from[e]] - y[to[e]], 2));
        weight[e] = length * random.nextDouble(1, 1.5);
      }
      Graph graph = Graph.of(x, y, from, to, weight, Metric.EUCLIDEAN);
      var dijkstra = new DijkstraShortestPath<>(JGraphTGraphs.objects(graph));
      AStarSearch search = new AStarSearch(graph);

      for (int q = 0; q < 10; q++) {
        int source = random.nextInt(n);
        int target = random.nextInt(n);
        assertSamePath(
            graph,
            search.shortestPath(source, target),
            dijkstra.getPath(source, target),
            source,
            target);
      }
    }

    @Test
    void sparseJGraphTGraphAgreesToo() {
      Graph grid = Graph.randomGrid(40, 30, 0.25, 11, Metric.MANHATTAN);
      var sparse =
          new AStarShortestPath<>(JGraphTGraphs.sparse(grid), JGraphTGraphs.heuristic(grid));

      assertSamePath(
          grid, new AStarSearch(grid).shortestPath(0, 1199), sparse.getPath(0, 1199), 0, 1199);
    }

    private static <E> void assertSamePath(
        Graph graph,
        Optional<Path> actual,
        GraphPath<Integer, E> expected,
        int source,
        int target) {
      if (expected == null) {
        assertThat(actual).as("%d -> %d", source, target).isEmpty();
        return;
      }
      Path path =
          actual.orElseThrow(() -> new AssertionError(source + " -> " + target + " not found"));
      assertThat(path.cost())
          .as("%d -> %d", source, target)
          .isCloseTo(expected.getWeight(), within(1e-9));
      int[] nodes = path.nodes();
      assertThat(nodes[0]).isEqualTo(source);
      assertThat(nodes[nodes.length - 1]).isEqualTo(target);
      double sum = 0;
      for (int i = 1; i < nodes.length; i++) {
        sum += graph.weight(nodes[i - 1], nodes[i]).orElseThrow();
      }
      assertThat(sum).isCloseTo(path.cost(), within(1e-9));
    }
  }

  @Nested
  class Grids {

    @Test
    void openGridHasFourNeighbourhoodsWithSymmetricWeights() {
      Graph grid = Graph.randomGrid(3, 2, 0, 5, Metric.MANHATTAN);

      assertThat(grid.nodeCount()).isEqualTo(6);
      assertThat(grid.edgeCount()).isEqualTo(14); // 7 undirected edges
      assertThat(grid.successors(0)).containsExactly(1, 3);
      assertThat(grid.successors(4)).containsExactly(1, 3, 5);
      assertThat(grid.successors(2)).containsExactly(1, 5);
      assertThat(new double[] {grid.x(4), grid.y(4)}).containsExactly(1.0, 1.0);
      assertThat(new double[] {grid.x(2), grid.y(2)}).containsExactly(2.0, 0.0);
      for (int u = 0; u < 6; u++) {
        for (int v : grid.successors(u)) {
          assertThat(grid.weight(u, v)).isEqualTo(grid.weight(v, u));
          assertThat(grid.weight(u, v).orElseThrow()).isBetween(1.0, 2.0);
        }
      }
      assertThat(grid.weight(0, 4)).isEmpty();
      assertThat(grid.metric()).isEqualTo(Metric.MANHATTAN);
    }

    @Test
    void blockedCellsHaveNoEdgesButCornersStayOpen() {
      Graph grid = Graph.randomGrid(30, 30, 0.5, 9, Metric.EUCLIDEAN);
      List<Integer> isolated = new ArrayList<>();
      java.util.Set<Integer> reached = new java.util.HashSet<>();
      for (int v = 0; v < grid.nodeCount(); v++) {
        if (grid.successors(v).length == 0) {
          isolated.add(v);
        }
        for (int u : grid.successors(v)) {
          reached.add(u);
        }
      }
      // About half the cells are blocked, plus the few open ones walled in by blocked cells.
      assertThat(isolated.size()).isBetween(400, 550);
      assertThat(reached).doesNotContainAnyElementsOf(isolated).hasSize(900 - isolated.size());
      assertThat(Graph.randomGrid(1, 1, 0.99, 1, Metric.NONE).nodeCount()).isOne();
      assertThat(new AStarSearch(Graph.randomGrid(4, 4, 0.999, 1, Metric.NONE)).shortestPath(0, 15))
          .isEmpty();
    }

    @Test
    void sameSeedSameGrid() {
      Graph a = Graph.randomGrid(10, 10, 0.3, 77, Metric.MANHATTAN);
      Graph b = Graph.randomGrid(10, 10, 0.3, 77, Metric.MANHATTAN);

      for (int v = 0; v < 100; v++) {
        assertThat(a.successors(v)).isEqualTo(b.successors(v));
        for (int u : a.successors(v)) {
          assertThat(a.weight(v, u)).isEqualTo(b.weight(v, u));
        }
      }
    }

    @Test
    void rejectsBadGrids() {
      assertThatIllegalArgumentException()
          .isThrownBy(() -> Graph.randomGrid(0, 5, 0, 1, Metric.NONE))
          .withMessage("grid sides must be positive: 0 x 5");
      assertThatIllegalArgumentException()
          .isThrownBy(() -> Graph.randomGrid(5, 0, 0, 1, Metric.NONE))
          .withMessage("grid sides must be positive: 5 x 0");
      assertThatIllegalArgumentException()
          .isThrownBy(() -> Graph.randomGrid(5, 5, 1, 1, Metric.NONE))
          .withMessage("blocked fraction must be in [0, 1): 1.0");
      assertThatIllegalArgumentException()
          .isThrownBy(() -> Graph.randomGrid(5, 5, -0.1, 1, Metric.NONE))
          .withMessage("blocked fraction must be in [0, 1): -0.1");
      assertThatIllegalArgumentException()
          .isThrownBy(() -> Graph.randomGrid(5, 5, Double.NaN, 1, Metric.NONE))
          .withMessage("blocked fraction must be in [0, 1): NaN");
      assertThatIllegalArgumentException()
          .isThrownBy(() -> Graph.randomGrid(65536, 32768, 0, 1, Metric.NONE))
          .withMessage("grid too large: 65536 x 32768");
      assertThatNullPointerException()
          .isThrownBy(() -> Graph.randomGrid(1, 1, 0, 1, null))
          .withMessage("metric");
    }
  }

  @Nested
  class Building {

    private final double[] xy = {0, 1};
    private final double[] zero = {0, 0};

    @ParameterizedTest
    @EnumSource(Metric.class)
    void acceptsEdgesExactlyAsLongAsTheMetricSays(Metric metric) {
      Graph graph =
          Graph.of(
              new double[] {0, 3},
              new double[] {0, 4},
              new int[] {0},
              new int[] {1},
              new double[] {metric == Metric.MANHATTAN ? 7 : 5},
              metric);

      assertThat(graph.weight(0, 1)).hasValue(metric == Metric.MANHATTAN ? 7 : 5);
      assertThat(graph.weight(1, 0)).isEmpty();
    }

    @Test
    void rejectsEdgesShorterThanTheMetric() {
      assertThatIllegalArgumentException()
          .isThrownBy(
              () ->
                  Graph.of(
                      new double[] {0, 3},
                      new double[] {0, 4},
                      new int[] {0},
                      new int[] {1},
                      new double[] {4.5},
                      Metric.EUCLIDEAN))
          .withMessage(
              "edge 0 -> 1 has weight 4.5 < its EUCLIDEAN length 5.0: the heuristic would overestimate");
      Graph euclidean =
          Graph.of(
              new double[] {0, 3},
              new double[] {0, 4},
              new int[] {0},
              new int[] {1},
              new double[] {6},
              Metric.EUCLIDEAN);
      assertThatIllegalArgumentException()
          .isThrownBy(() -> euclidean.withMetric(Metric.MANHATTAN))
          .withMessage(
              "edge 0 -> 1 has weight 6.0 < its MANHATTAN length 7.0: the heuristic would overestimate");
      assertThat(euclidean.withMetric(Metric.NONE).metric()).isEqualTo(Metric.NONE);
    }

    @Test
    void rejectsWeightsThatAreNotFiniteAndNonNegative() {
      for (double bad : new double[] {-1, Double.NaN, Double.POSITIVE_INFINITY}) {
        assertThatIllegalArgumentException()
            .isThrownBy(
                () ->
                    Graph.of(
                        zero, zero, new int[] {0}, new int[] {1}, new double[] {bad}, Metric.NONE))
            .withMessage("edge 0 -> 1 has weight " + bad + "; need a finite w >= 0");
      }
      Graph free =
          Graph.of(zero, zero, new int[] {0}, new int[] {1}, new double[] {0}, Metric.NONE);
      assertThat(new AStarSearch(free).shortestPath(0, 1).orElseThrow().cost()).isZero();
    }

    @Test
    void rejectsCoordinatesThatAreNotFinite() {
      // A NaN coordinate makes every heuristic NaN: the search then settles nodes in no useful
      // order and can return a path dearer than the shortest. So the graph refuses it.
      for (double bad :
          new double[] {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY}) {
        assertThatIllegalArgumentException()
            .isThrownBy(
                () ->
                    Graph.of(
                        new double[] {0, bad},
                        zero,
                        new int[] {0},
                        new int[] {1},
                        new double[] {1},
                        Metric.EUCLIDEAN))
            .withMessage("node 1 is at (" + bad + ", 0.0): coordinates must be finite");
        assertThatIllegalArgumentException()
            .isThrownBy(
                () ->
                    Graph.of(
                        zero,
                        new double[] {bad, 0},
                        new int[0],
                        new int[0],
                        new double[0],
                        Metric.NONE))
            .withMessage("node 0 is at (0.0, " + bad + "): coordinates must be finite");
      }
    }

    @Test
    void rejectsMalformedArrays() {
      int[] one = {0};
      double[] w = {1};
      assertThatIllegalArgumentException()
          .isThrownBy(() -> Graph.of(xy, new double[] {0}, one, one, w, Metric.NONE))
          .withMessage("x and y differ in length: 2 != 1");
      assertThatIllegalArgumentException()
          .isThrownBy(() -> Graph.of(xy, xy, one, new int[0], w, Metric.NONE))
          .withMessage("from, to and weight differ in length: 1, 0, 1");
      assertThatIllegalArgumentException()
          .isThrownBy(() -> Graph.of(xy, xy, one, one, new double[0], Metric.NONE))
          .withMessage("from, to and weight differ in length: 1, 1, 0");
      for (int[] edge : new int[][] {{-1, 0}, {2, 0}, {0, -1}, {0, 2}}) {
        assertThatIllegalArgumentException()
            .isThrownBy(
                () -> Graph.of(xy, xy, new int[] {edge[0]}, new int[] {edge[1]}, w, Metric.NONE))
            .withMessage("edge 0 (" + edge[0] + " -> " + edge[1] + ") names a node outside 0..1");
      }
      assertThatNullPointerException()
          .isThrownBy(() -> Graph.of(null, xy, one, one, w, Metric.NONE))
          .withMessage("x");
      assertThatNullPointerException()
          .isThrownBy(() -> Graph.of(xy, null, one, one, w, Metric.NONE))
          .withMessage("y");
      assertThatNullPointerException()
          .isThrownBy(() -> Graph.of(xy, xy, null, one, w, Metric.NONE))
          .withMessage("from");
      assertThatNullPointerException()
          .isThrownBy(() -> Graph.of(xy, xy, one, null, w, Metric.NONE))
          .withMessage("to");
      assertThatNullPointerException()
          .isThrownBy(() -> Graph.of(xy, xy, one, one, null, Metric.NONE))
          .withMessage("weight");
      assertThatNullPointerException()
          .isThrownBy(() -> Graph.of(xy, xy, one, one, w, null))
          .withMessage("metric");
    }

    @Test
    void copiesItsInputAndItsOutput() {
      double[] x = {0, 1};
      int[] to = {1};
      double[] w = {2};
      Graph graph = Graph.of(x, zero, new int[] {0}, to, w, Metric.EUCLIDEAN);
      x[1] = 100;
      to[0] = 0;
      w[0] = 50;
      graph.successors(0)[0] = 0;

      assertThat(graph.x(1)).isEqualTo(1.0);
      assertThat(graph.successors(0)).containsExactly(1);
      assertThat(graph.weight(0, 1)).hasValue(2.0);
      assertThatThrownBy(() -> graph.x(2)).isInstanceOf(IndexOutOfBoundsException.class);
      assertThatThrownBy(() -> graph.y(-1)).isInstanceOf(IndexOutOfBoundsException.class);
      assertThatThrownBy(() -> graph.successors(2)).isInstanceOf(IndexOutOfBoundsException.class);
      assertThatThrownBy(() -> graph.weight(2, 0)).isInstanceOf(IndexOutOfBoundsException.class);
      assertThatThrownBy(() -> graph.weight(0, 2)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void parallelEdgesKeepTheCheapest() {
      Graph graph =
          Graph.of(
              zero,
              zero,
              new int[] {0, 0, 0},
              new int[] {1, 1, 1},
              new double[] {3, 1, 2},
              Metric.NONE);

      assertThat(graph.weight(0, 1)).hasValue(1.0);
      assertThat(new AStarSearch(graph).shortestPath(0, 1).orElseThrow().cost()).isEqualTo(1.0);
    }
  }

  @Nested
  class Paths {

    @Test
    void ownsItsArrayAndComparesByContents() {
      int[] nodes = {1, 2};
      Path path = new Path(nodes, 3, 2);
      nodes[0] = 9;
      path.nodes()[1] = 9;

      assertThat(path.nodes()).containsExactly(1, 2);
      assertThat(path)
          .isEqualTo(new Path(new int[] {1, 2}, 3, 2))
          .hasSameHashCodeAs(new Path(new int[] {1, 2}, 3, 2));
      assertThat(path).isNotEqualTo(new Path(new int[] {1, 3}, 3, 2));
      assertThat(path).isNotEqualTo(new Path(new int[] {1, 2}, 4, 2));
      assertThat(path).isNotEqualTo(new Path(new int[] {1, 2}, 3, 5));
      assertThat(path).isNotEqualTo("path");
      assertThat(path).hasToString("Path[nodes=[1, 2], cost=3.0, expanded=2]");
    }
  }

  @Nested
  class Main {

    @Test
    void printsCostAndTheWorkOfAStarAndDijkstra() throws Exception {
      var printed = StdStreams.capture(() -> AStarSearch.main("40", "30", "5"));
      Graph grid = Graph.randomGrid(40, 30, 0.2, 5, Metric.MANHATTAN);
      Path aStar = new AStarSearch(grid).shortestPath(0, 1199).orElseThrow();
      Path dijkstra =
          new AStarSearch(grid.withMetric(Metric.NONE)).shortestPath(0, 1199).orElseThrow();

      Matcher line =
          Pattern.compile(
                  "cost ([0-9.]+) over (\\d+) nodes; A\\* expanded (\\d+) nodes, Dijkstra (\\d+)\\R")
              .matcher(printed.out());
      assertThat(line.matches()).as(printed.out()).isTrue();
      assertThat(Double.parseDouble(line.group(1))).isCloseTo(aStar.cost(), within(0.0005));
      assertThat(Integer.parseInt(line.group(2))).isEqualTo(aStar.nodes().length);
      assertThat(Integer.parseInt(line.group(3))).isEqualTo(aStar.expanded());
      assertThat(Integer.parseInt(line.group(4)))
          .isEqualTo(dijkstra.expanded())
          .isGreaterThan(aStar.expanded());
    }

    @Test
    void saysWhenTheCornersAreNotConnected() throws Exception {
      long seed = 0;
      while (Graph.randomGrid(3, 1, 0.2, seed, Metric.MANHATTAN).successors(0).length > 0) {
        seed++; // until the 3 x 1 grid's middle cell is blocked
      }
      String blockedSeed = Long.toString(seed);
      var printed = StdStreams.capture(() -> AStarSearch.main("3", "1", blockedSeed));

      assertThat(printed.out()).isEqualTo("no path from corner to corner" + System.lineSeparator());
    }

    @Test
    void rejectsBadArguments() {
      assertThatIllegalArgumentException()
          .isThrownBy(() -> AStarSearch.main("3"))
          .withMessage("usage: senior.bigdata.2 <width> <height> [seed]");
      assertThatIllegalArgumentException()
          .isThrownBy(() -> AStarSearch.main("3", "3", "1", "1"))
          .withMessage("usage: senior.bigdata.2 <width> <height> [seed]");
      assertThatIllegalArgumentException()
          .isThrownBy(() -> AStarSearch.main("3", "x"))
          .withMessage("not an int: 'x'");
    }
  }

  static LongStream seeds() {
    return Seeds.derive(200);
  }
}
