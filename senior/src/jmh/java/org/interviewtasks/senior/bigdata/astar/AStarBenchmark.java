package org.interviewtasks.senior.bigdata.astar;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.interviewtasks.senior.bigdata.astar.AStarSearch.Graph;
import org.interviewtasks.senior.bigdata.astar.AStarSearch.Metric;
import org.jgrapht.alg.shortestpath.AStarShortestPath;
import org.jgrapht.graph.DefaultWeightedEdge;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One shortest-path query on a 1000 x 1000 grid (a million nodes, 20% blocked, weights in [1, 2),
 * Manhattan heuristic), ours against JGraphT's {@code AStarShortestPath} on its two graph kinds:
 * the compact {@code SparseIntDirectedWeightedGraph} of jgrapht-opt, and the default object graph.
 * The queries are 32 fixed pairs of connected nodes; one operation answers all 32 in order, and JMH
 * divides by 32 ({@code @OperationsPerInvocation}), so every measured iteration averages the same
 * mix of short and long paths and the figure is the mean time of one query.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = "-Xmx4g")
public class AStarBenchmark {

  static final int SIDE = 1000;
  static final int PAIRS = 32;

  /** The grid and the query pairs. */
  @State(Scope.Benchmark)
  public static class Grid {
    Graph graph;
    int[] sources = new int[PAIRS];
    int[] targets = new int[PAIRS];

    @Setup(Level.Trial)
    public void generate() {
      graph = Graph.randomGrid(SIDE, SIDE, 0.2, 42, Metric.MANHATTAN);
      AStarSearch check = new AStarSearch(graph);
      SplittableRandom random = new SplittableRandom(7);
      for (int i = 0; i < PAIRS; ) {
        int s = random.nextInt(graph.nodeCount());
        int t = random.nextInt(graph.nodeCount());
        if (check.shortestPath(s, t).isPresent()) {
          sources[i] = s;
          targets[i] = t;
          i++;
        }
      }
    }
  }

  /** Our search, its working arrays allocated once. */
  @State(Scope.Benchmark)
  public static class Ours {
    AStarSearch search;

    @Setup(Level.Trial)
    public void build(Grid grid) {
      search = new AStarSearch(grid.graph);
    }
  }

  /** JGraphT over jgrapht-opt's compact graph. */
  @State(Scope.Benchmark)
  public static class Sparse {
    AStarShortestPath<Integer, Integer> search;

    @Setup(Level.Trial)
    public void build(Grid grid) {
      search =
          new AStarShortestPath<>(
              JGraphTGraphs.sparse(grid.graph), JGraphTGraphs.heuristic(grid.graph));
    }
  }

  /** JGraphT over its default object graph. */
  @State(Scope.Benchmark)
  public static class Objects {
    AStarShortestPath<Integer, DefaultWeightedEdge> search;

    @Setup(Level.Trial)
    public void build(Grid grid) {
      search =
          new AStarShortestPath<>(
              JGraphTGraphs.objects(grid.graph), JGraphTGraphs.heuristic(grid.graph));
    }
  }

  @Benchmark
  @OperationsPerInvocation(PAIRS)
  public double shortestPath_ours(Grid grid, Ours ours) {
    double total = 0;
    for (int i = 0; i < PAIRS; i++) {
      total += ours.search.shortestPath(grid.sources[i], grid.targets[i]).orElseThrow().cost();
    }
    return total;
  }

  @Benchmark
  @OperationsPerInvocation(PAIRS)
  public double shortestPath_jgraphtSparse(Grid grid, Sparse sparse) {
    double total = 0;
    for (int i = 0; i < PAIRS; i++) {
      total += sparse.search.getPath(grid.sources[i], grid.targets[i]).getWeight();
    }
    return total;
  }

  @Benchmark
  @OperationsPerInvocation(PAIRS)
  public double shortestPath_jgraphtObjects(Grid grid, Objects objects) {
    double total = 0;
    for (int i = 0; i < PAIRS; i++) {
      total += objects.search.getPath(grid.sources[i], grid.targets[i]).getWeight();
    }
    return total;
  }
}
