package org.interviewtasks.mid.algorithms;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.OptionalLong;
import org.interviewtasks.common.Task;

/**
 * Shortest paths from one vertex of a weighted directed graph to all others (Dijkstra).
 *
 * <p><b>Approach.</b> Settle vertices in order of distance: take the unsettled vertex closest to
 * the source, and relax its outgoing edges (a shorter way to a neighbour through it lowers the
 * neighbour's tentative distance and makes it the neighbour's predecessor). With non-negative
 * weights, the closest unsettled vertex cannot be reached more cheaply later, so its distance is
 * final when it is taken. The frontier lives in this package's {@link MinHeap} with <i>lazy
 * deletion</i>: a binary heap cannot lower a key in place without an index of positions, so an
 * improved vertex is simply added again, and an entry that surfaces with a distance larger than the
 * vertex's best is stale and skipped. The heap then holds at most one entry per edge: O((V + E) log
 * E) = O((V + E) log V) time, O(V + E) space. Vertices are the ints {@code 0..n-1} of a {@link
 * Graph} (map names to ints outside); edges are kept in adjacency lists. Each vertex remembers its
 * predecessor, so {@link ShortestPaths#path} rebuilds a path by walking back from the target.
 *
 * <p><b>Edge cases.</b> A negative weight breaks the invariant (a later edge could make a settled
 * vertex cheaper), so {@link Graph#addEdge} rejects it with a message naming the edge. Zero
 * weights, self-loops and parallel edges are fine. Unreachable vertices have an empty distance and
 * an empty path; the source has distance 0 and the path {@code [source]}. Distances are {@code
 * long}s summed with {@link Math#addExact}, so a path longer than {@code Long.MAX_VALUE} fails with
 * {@link ArithmeticException} instead of wrapping to a negative distance.
 *
 * <p><b>Follow-up.</b> <i>"Negative weights?"</i> Bellman-Ford, O(VE), which also detects negative
 * cycles. <i>"Only one target, on a map?"</i> Stop when the target is settled, or use A* with an
 * admissible heuristic such as the straight-line distance.
 */
@Task(id = "mid.algorithms.9", title = "Dijkstra's shortest paths")
public final class Dijkstra {

  private Dijkstra() {}

  /** A weighted directed graph on the vertices {@code 0..vertexCount-1}. */
  public static final class Graph {

    private final List<List<Edge>> adjacency;

    /**
     * A graph with the given number of vertices and no edges.
     *
     * @throws IllegalArgumentException if {@code vertexCount} is negative
     */
    public Graph(int vertexCount) {
      if (vertexCount < 0) {
        throw new IllegalArgumentException("negative vertex count: " + vertexCount);
      }
      adjacency = new ArrayList<>(vertexCount);
      for (int v = 0; v < vertexCount; v++) {
        adjacency.add(new ArrayList<>());
      }
    }

    /** How many vertices the graph has. */
    public int vertexCount() {
      return adjacency.size();
    }

    /**
     * Adds the edge {@code from -> to} with the given weight, and returns this graph.
     *
     * @throws IllegalArgumentException if a vertex is out of range or the weight is negative
     */
    public Graph addEdge(int from, int to, long weight) {
      requireVertex(from);
      requireVertex(to);
      if (weight < 0) {
        throw new IllegalArgumentException(
            "negative weight "
                + weight
                + " on edge "
                + from
                + " -> "
                + to
                + ": Dijkstra needs non-negative weights (Bellman-Ford handles negative ones)");
      }
      adjacency.get(from).add(new Edge(to, weight));
      return this;
    }

    /**
     * Adds the edges {@code a -> b} and {@code b -> a} with the same weight, and returns this
     * graph.
     *
     * @throws IllegalArgumentException if a vertex is out of range or the weight is negative
     */
    public Graph addUndirectedEdge(int a, int b, long weight) {
      return addEdge(a, b, weight).addEdge(b, a, weight);
    }

    private void requireVertex(int vertex) {
      if (vertex < 0 || vertex >= adjacency.size()) {
        throw new IllegalArgumentException(
            "vertex " + vertex + " is out of range [0, " + adjacency.size() + ")");
      }
    }
  }

  private record Edge(int to, long weight) {}

  /** A vertex on the frontier with the distance it had when it was added. */
  private record Entry(int vertex, long distance) {}

  /** The result: the distance and a shortest path from the source to every vertex. */
  public static final class ShortestPaths {

    private static final int NONE = -1;

    private final int source;
    private final boolean[] reached;
    private final long[] distance;
    private final int[] predecessor;

    private ShortestPaths(int source, boolean[] reached, long[] distance, int[] predecessor) {
      this.source = source;
      this.reached = reached;
      this.distance = distance;
      this.predecessor = predecessor;
    }

    /** The vertex the paths start from. */
    public int source() {
      return source;
    }

    /**
     * The length of a shortest path to {@code target}, or empty if it is unreachable.
     *
     * @throws IllegalArgumentException if {@code target} is out of range
     */
    public OptionalLong distance(int target) {
      requireVertex(target);
      return reached[target] ? OptionalLong.of(distance[target]) : OptionalLong.empty();
    }

    /**
     * The vertices of a shortest path from the source to {@code target}, both included, or an empty
     * list if {@code target} is unreachable.
     *
     * @throws IllegalArgumentException if {@code target} is out of range
     */
    public List<Integer> path(int target) {
      if (distance(target).isEmpty()) {
        return List.of();
      }
      List<Integer> path = new ArrayList<>();
      for (int v = target; v != NONE; v = predecessor[v]) {
        path.add(v);
      }
      Collections.reverse(path);
      return Collections.unmodifiableList(path);
    }

    private void requireVertex(int vertex) {
      if (vertex < 0 || vertex >= distance.length) {
        throw new IllegalArgumentException(
            "vertex " + vertex + " is out of range [0, " + distance.length + ")");
      }
    }
  }

  /**
   * Shortest paths from {@code source} to every vertex of {@code graph}.
   *
   * @throws IllegalArgumentException if {@code source} is out of range
   * @throws ArithmeticException if a path is longer than {@code Long.MAX_VALUE}
   */
  public static ShortestPaths from(Graph graph, int source) {
    graph.requireVertex(source);
    int n = graph.vertexCount();
    boolean[] reached = new boolean[n]; // no sentinel distance: a path may be Long.MAX_VALUE long
    long[] distance = new long[n];
    int[] predecessor = new int[n];
    Arrays.fill(predecessor, ShortestPaths.NONE);
    reached[source] = true;

    MinHeap<Entry> frontier = new MinHeap<>(Comparator.comparingLong(Entry::distance));
    frontier.add(new Entry(source, 0));
    while (!frontier.isEmpty()) {
      Entry closest = frontier.poll();
      int u = closest.vertex();
      if (closest.distance() > distance[u]) {
        continue; // stale: u was settled through a shorter path after this entry was added
      }
      for (Edge edge : graph.adjacency.get(u)) {
        long through = addOrFail(distance[u], edge, u);
        if (!reached[edge.to()] || through < distance[edge.to()]) {
          reached[edge.to()] = true;
          distance[edge.to()] = through;
          predecessor[edge.to()] = u;
          frontier.add(new Entry(edge.to(), through));
        }
      }
    }
    return new ShortestPaths(source, reached, distance, predecessor);
  }

  private static long addOrFail(long distance, Edge edge, int from) {
    try {
      return Math.addExact(distance, edge.weight());
    } catch (ArithmeticException overflow) {
      var e =
          new ArithmeticException(
              "path length overflows a long at edge " + from + " -> " + edge.to());
      e.initCause(overflow);
      throw e;
    }
  }
}
