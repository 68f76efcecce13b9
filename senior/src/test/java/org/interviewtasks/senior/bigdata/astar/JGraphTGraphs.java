package org.interviewtasks.senior.bigdata.astar;

import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.interviewtasks.senior.bigdata.astar.AStarSearch.Graph;
import org.interviewtasks.senior.bigdata.astar.AStarSearch.Metric;
import org.jgrapht.alg.interfaces.AStarAdmissibleHeuristic;
import org.jgrapht.alg.util.Triple;
import org.jgrapht.graph.DefaultWeightedEdge;
import org.jgrapht.graph.DirectedWeightedPseudograph;
import org.jgrapht.opt.graph.sparse.IncomingEdgesSupport;
import org.jgrapht.opt.graph.sparse.SparseIntDirectedWeightedGraph;

/** The same graph in JGraphT's forms, and its heuristic, for the oracle tests and benchmarks. */
public final class JGraphTGraphs {

  private JGraphTGraphs() {}

  /** The default, object-based graph a JGraphT user builds first. */
  public static DirectedWeightedPseudograph<Integer, DefaultWeightedEdge> objects(Graph graph) {
    var result =
        new DirectedWeightedPseudograph<Integer, DefaultWeightedEdge>(DefaultWeightedEdge.class);
    for (int v = 0; v < graph.nodeCount(); v++) {
      result.addVertex(v);
    }
    for (int u = 0; u < graph.nodeCount(); u++) {
      for (int v : graph.successors(u)) {
        result.setEdgeWeight(result.addEdge(u, v), graph.weight(u, v).orElseThrow());
      }
    }
    return result;
  }

  /**
   * jgrapht-opt's compact graph (sorted arrays), the one a JGraphT user picks for millions of
   * nodes.
   */
  public static SparseIntDirectedWeightedGraph sparse(Graph graph) {
    return new SparseIntDirectedWeightedGraph(
        graph.nodeCount(),
        graph.edgeCount(),
        () -> edges(graph),
        IncomingEdgesSupport.NO_INCOMING_EDGES);
  }

  private static Stream<Triple<Integer, Integer, Double>> edges(Graph graph) {
    return IntStream.range(0, graph.nodeCount())
        .boxed()
        .flatMap(
            u ->
                IntStream.of(graph.successors(u))
                    .mapToObj(v -> Triple.of(u, v, graph.weight(u, v).orElseThrow())));
  }

  /** The graph's metric as a JGraphT heuristic. */
  public static AStarAdmissibleHeuristic<Integer> heuristic(Graph graph) {
    Metric metric = graph.metric();
    return (source, target) -> {
      double dx = graph.x(source) - graph.x(target);
      double dy = graph.y(source) - graph.y(target);
      return switch (metric) {
        case EUCLIDEAN -> Math.sqrt(dx * dx + dy * dy);
        case MANHATTAN -> Math.abs(dx) + Math.abs(dy);
        case NONE -> 0;
      };
    };
  }
}
