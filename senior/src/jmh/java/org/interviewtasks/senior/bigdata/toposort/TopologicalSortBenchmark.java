package org.interviewtasks.senior.bigdata.toposort;

import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.interviewtasks.senior.bigdata.toposort.TopologicalSort.Graph;
import org.jgrapht.alg.util.Pair;
import org.jgrapht.opt.graph.sparse.IncomingEdgesSupport;
import org.jgrapht.opt.graph.sparse.SparseIntDirectedGraph;
import org.jgrapht.traverse.TopologicalOrderIterator;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One topological sort of a random DAG of 10 million nodes and 20 million edges, ours against
 * JGraphT's {@code TopologicalOrderIterator} over jgrapht-opt's compact {@code
 * SparseIntDirectedGraph} (JGraphT's default object graph would need tens of GB at this size). The
 * graphs are built once per trial; the time is the sort alone.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 8)
@Fork(value = 1, jvmArgsAppend = "-Xmx6g")
public class TopologicalSortBenchmark {

  static final int NODES = 10_000_000;

  /** The edge lists. */
  @State(Scope.Benchmark)
  public static class Edges {
    RandomDags.Edges edges;

    @Setup(Level.Trial)
    public void generate() {
      edges = RandomDags.generate(3, NODES, 2, 64);
    }
  }

  /** Our CSR graph. */
  @State(Scope.Benchmark)
  public static class Ours {
    Graph graph;

    @Setup(Level.Trial)
    public void build(Edges edges) {
      graph = Graph.of(edges.edges.nodes(), edges.edges.from(), edges.edges.to());
    }
  }

  /** JGraphT's compact graph, with the incoming edges its iterator needs. */
  @State(Scope.Benchmark)
  public static class Sparse {
    SparseIntDirectedGraph graph;

    @Setup(Level.Trial)
    public void build(Edges edges) {
      int[] from = edges.edges.from();
      int[] to = edges.edges.to();
      graph =
          new SparseIntDirectedGraph(
              NODES,
              from.length,
              () -> IntStream.range(0, from.length).mapToObj(e -> Pair.of(from[e], to[e])),
              IncomingEdgesSupport.FULL_INCOMING_EDGES);
    }
  }

  @Benchmark
  public int[] sort_ours(Ours ours) {
    return TopologicalSort.sort(ours.graph);
  }

  /** The deterministic variant: a heap instead of a queue; shown for its cost. */
  @Benchmark
  public int[] sortSmallestFirst_ours(Ours ours) {
    return TopologicalSort.sortSmallestFirst(ours.graph);
  }

  @Benchmark
  @Measurement(iterations = 3) // about 17 s each on a quiet 2-core machine
  public int sort_jgraphtSparse(Sparse sparse) {
    int last = -1;
    var order = new TopologicalOrderIterator<>(sparse.graph);
    while (order.hasNext()) {
      last = order.next();
    }
    return last;
  }
}
