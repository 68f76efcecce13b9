package org.interviewtasks.senior.bigdata.astar;

import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.SplittableRandom;
import org.interviewtasks.common.Args;
import org.interviewtasks.common.Task;
import org.interviewtasks.senior.bigdata.graph.Csr;

/**
 * Finds a shortest path between two nodes of a graph with millions of nodes, with A* search.
 *
 * <p><b>Approach.</b> The {@link Graph} is stored in compressed sparse row form: {@code int[]
 * offsets}, {@code int[] targets}, {@code double[] weights}, plus each node's coordinates; about 12
 * bytes per edge and 20 per node, no objects. A* expands nodes in order of {@code f = g + h}, where
 * {@code g} is the best known distance from the source and {@code h} a lower bound on the distance
 * left: the straight-line ({@link Metric#EUCLIDEAN}) or {@link Metric#MANHATTAN} distance to the
 * target. The graph checks when it is built that no edge is shorter than that distance, which makes
 * the heuristic admissible and consistent: a node's distance is final when it is expanded, so each
 * node is expanded at most once. The open set is a binary heap over primitive arrays with
 * decrease-key (a position index per node). Per-node working arrays are allocated once per {@code
 * AStarSearch} and reset lazily with a generation stamp, so a query costs O(nodes it touches), not
 * O(n): O(k log k) for k nodes touched. {@link Metric#NONE} turns A* into Dijkstra's algorithm.
 *
 * <p><b>Edge cases.</b> Source equal to target gives the one-node path of cost 0; an unreachable
 * target gives an empty result after exploring the source's component. Negative, NaN or infinite
 * weights are rejected (A* and Dijkstra need weights of at least 0); so are nodes out of range. An
 * {@code AStarSearch} keeps working state: use one per thread (the {@link Graph} is immutable and
 * shared).
 *
 * <p><b>Follow-up.</b> <i>"Faster still on road networks?"</i> Precomputation: landmarks (ALT) give
 * much tighter bounds than geometry; contraction hierarchies answer continental queries in
 * microseconds. <i>"Less memory?"</i> Floats for weights and coordinates, or an implicit grid with
 * no edge arrays at all. <i>"Integer weights?"</i> A bucket queue (Dial's algorithm) replaces the
 * heap and its log factor.
 */
@Task(id = "senior.bigdata.2", title = "A* shortest path on a large graph")
public final class AStarSearch {

  private static final int CLOSED = -2;
  private static final int UNSEEN = -1;

  private final Graph graph;
  private final double[] distance; // g
  private final int[] parent;
  private final int[] position; // index in the heap, UNSEEN or CLOSED
  private final int[] stamp; // the generation that last wrote this node's state
  private int generation;
  private final int[] heap; // nodes
  private final double[] heapKey; // f of heap[i], kept beside it for locality
  private int heapSize;

  /** A search over the graph; allocates its per-node working arrays once. */
  public AStarSearch(Graph graph) {
    this.graph = Objects.requireNonNull(graph, "graph");
    int n = graph.nodeCount();
    distance = new double[n];
    parent = new int[n];
    position = new int[n];
    stamp = new int[n];
    heap = new int[n];
    heapKey = new double[n];
  }

  /**
   * A shortest path from source to target, or empty if the target cannot be reached.
   *
   * @throws IndexOutOfBoundsException if a node is outside the graph
   */
  public Optional<Path> shortestPath(int source, int target) {
    Objects.checkIndex(source, graph.nodeCount());
    Objects.checkIndex(target, graph.nodeCount());
    if (++generation == 0) { // wrapped after 2^32 queries: forget every stamp once
      Arrays.fill(stamp, 0);
      generation = 1;
    }
    heapSize = 0;
    touch(source);
    distance[source] = 0;
    push(source, graph.estimate(source, target));
    int expanded = 0;
    int[] offsets = graph.offsets;
    int[] targets = graph.targets;
    double[] weights = graph.weights;
    while (heapSize > 0) {
      int u = pop();
      expanded++;
      if (u == target) {
        return Optional.of(path(target, expanded));
      }
      position[u] = CLOSED;
      double du = distance[u];
      for (int e = offsets[u], end = offsets[u + 1]; e < end; e++) {
        int v = targets[e];
        if (stamp[v] != generation) {
          touch(v);
        } else if (position[v] == CLOSED) {
          continue;
        }
        double dv = du + weights[e];
        if (dv < distance[v]) {
          distance[v] = dv;
          parent[v] = u;
          double f = dv + graph.estimate(v, target);
          if (position[v] == UNSEEN) {
            push(v, f);
          } else {
            decrease(v, f);
          }
        }
      }
    }
    return Optional.empty();
  }

  private void touch(int node) {
    stamp[node] = generation;
    distance[node] = Double.POSITIVE_INFINITY;
    parent[node] = -1;
    position[node] = UNSEEN;
  }

  private Path path(int target, int expanded) {
    int length = 1;
    for (int v = target; parent[v] >= 0; v = parent[v]) {
      length++;
    }
    int[] nodes = new int[length];
    for (int v = target, i = length - 1; i >= 0; v = parent[v], i--) {
      nodes[i] = v;
    }
    return new Path(nodes, distance[target], expanded);
  }

  private void push(int node, double key) {
    siftUp(heapSize++, node, key);
  }

  private void decrease(int node, double key) {
    siftUp(position[node], node, key);
  }

  private void siftUp(int slot, int node, double key) {
    int i = slot;
    while (i > 0) {
      int up = (i - 1) >>> 1;
      if (heapKey[up] <= key) {
        break;
      }
      place(i, heap[up], heapKey[up]);
      i = up;
    }
    place(i, node, key);
  }

  private int pop() {
    int top = heap[0];
    int size = --heapSize;
    if (size > 0) {
      int node = heap[size];
      double key = heapKey[size];
      int i = 0;
      int half = size >>> 1;
      while (i < half) {
        int child = 2 * i + 1;
        if (child + 1 < size && heapKey[child + 1] < heapKey[child]) {
          child++;
        }
        if (key <= heapKey[child]) {
          break;
        }
        place(i, heap[child], heapKey[child]);
        i = child;
      }
      place(i, node, key);
    }
    return top;
  }

  private void place(int slot, int node, double key) {
    heap[slot] = node;
    heapKey[slot] = key;
    position[node] = slot;
  }

  /**
   * Finds a path across a random grid with obstacles: {@code senior.bigdata.2 <width> <height>
   * [seed]}; prints its cost and length, and how many nodes A* and Dijkstra expanded.
   *
   * @throws IllegalArgumentException on malformed arguments
   */
  public static void main(String... args) {
    if (args.length < 2 || args.length > 3) {
      throw new IllegalArgumentException("usage: senior.bigdata.2 <width> <height> [seed]");
    }
    int width = Args.toInt(args[0]);
    int height = Args.toInt(args[1]);
    long seed = args.length == 3 ? Args.toLong(args[2]) : 1;
    Graph grid = Graph.randomGrid(width, height, 0.2, seed, Metric.MANHATTAN);
    int source = 0;
    int target = width * height - 1;
    var aStar = new AStarSearch(grid).shortestPath(source, target);
    var dijkstra = new AStarSearch(grid.withMetric(Metric.NONE)).shortestPath(source, target);
    if (aStar.isEmpty() || dijkstra.isEmpty()) {
      System.out.println("no path from corner to corner");
      return;
    }
    Path path = aStar.get();
    System.out.printf(
        Locale.ROOT,
        "cost %.3f over %d nodes; A* expanded %d nodes, Dijkstra %d%n",
        path.cost(),
        path.nodes().length,
        path.expanded(),
        dijkstra.get().expanded());
  }

  /**
   * A path found by the search.
   *
   * @param cost the sum of its edges' weights
   * @param expanded how many nodes the search expanded to find it (a measure of the work done)
   */
  @SuppressWarnings("ArrayRecordComponent") // copied in and out; equals compares the contents
  public record Path(int[] nodes, double cost, int expanded) {
    /** Copies the nodes: the path owns its array. */
    public Path {
      nodes = nodes.clone();
    }

    /** The nodes from source to target. */
    @Override
    public int[] nodes() {
      return nodes.clone();
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof Path path
          && Arrays.equals(nodes, path.nodes)
          && Double.compare(cost, path.cost) == 0
          && expanded == path.expanded;
    }

    @Override
    public int hashCode() {
      return Objects.hash(Arrays.hashCode(nodes), cost, expanded);
    }

    @Override
    public String toString() {
      return "Path[nodes="
          + Arrays.toString(nodes)
          + ", cost="
          + cost
          + ", expanded="
          + expanded
          + "]";
    }
  }

  /** The lower bound A* uses for the distance left. */
  public enum Metric {
    /** Straight-line distance: every edge must be at least as long as the segment it spans. */
    EUCLIDEAN,
    /** {@code |dx| + |dy|}: for grids moving along the axes. */
    MANHATTAN,
    /** No estimate: A* becomes Dijkstra's algorithm; works for any non-negative weights. */
    NONE
  }

  /**
   * A directed weighted graph over nodes {@code 0..n-1} in compressed sparse row form, with a
   * position per node for the heuristic. Immutable; share it between threads.
   */
  public static final class Graph {
    private final double[] x;
    private final double[] y;
    private final int[] offsets;
    private final int[] targets;
    private final double[] weights;
    private final Metric metric;

    private Graph(
        double[] x, double[] y, int[] offsets, int[] targets, double[] weights, Metric metric) {
      this.x = x;
      this.y = y;
      this.offsets = offsets;
      this.targets = targets;
      this.weights = weights;
      this.metric = metric;
    }

    /**
     * The graph with nodes at {@code (x[i], y[i])} and the edges {@code from[e] -> to[e]} of weight
     * {@code weight[e]}; the arrays are copied. Checks the metric against every edge.
     *
     * @throws IllegalArgumentException if the arrays differ in length, a coordinate is NaN or
     *     infinite (the heuristic would be meaningless), an edge names a node out of range, a
     *     weight is negative, NaN or infinite, or an edge is shorter than the metric's distance
     *     between its ends (the heuristic would then overestimate)
     */
    public static Graph of(
        double[] x, double[] y, int[] from, int[] to, double[] weight, Metric metric) {
      Objects.requireNonNull(x, "x");
      Objects.requireNonNull(y, "y");
      Objects.requireNonNull(from, "from");
      Objects.requireNonNull(to, "to");
      Objects.requireNonNull(weight, "weight");
      Objects.requireNonNull(metric, "metric");
      int n = x.length;
      if (y.length != n) {
        throw new IllegalArgumentException("x and y differ in length: " + n + " != " + y.length);
      }
      for (int i = 0; i < n; i++) {
        if (!Double.isFinite(x[i]) || !Double.isFinite(y[i])) {
          throw new IllegalArgumentException(
              "node " + i + " is at (" + x[i] + ", " + y[i] + "): coordinates must be finite");
        }
      }
      if (to.length != from.length || weight.length != from.length) {
        throw new IllegalArgumentException(
            "from, to and weight differ in length: "
                + from.length
                + ", "
                + to.length
                + ", "
                + weight.length);
      }
      int[] offsets = Csr.offsets(n, from, to);
      int[] next = Arrays.copyOf(offsets, n);
      int[] targets = new int[from.length];
      double[] weights = new double[from.length];
      for (int e = 0; e < from.length; e++) {
        int slot = next[from[e]]++;
        targets[slot] = to[e];
        weights[slot] = weight[e];
      }
      Graph graph = new Graph(x.clone(), y.clone(), offsets, targets, weights, metric);
      graph.checkWeights();
      return graph;
    }

    /**
     * A {@code width × height} grid, nodes numbered row by row at {@code (column, row)}, each
     * connected to its four neighbours in both directions with a random weight in [1, 2), the same
     * both ways; a fraction of the cells are blocked (no edges). Corners are never blocked. Built
     * directly in CSR form: a 1000 × 1000 grid takes about 60 MB.
     *
     * @throws IllegalArgumentException if a side is not positive, the grid has more than 2^31 - 1
     *     nodes, or the fraction is outside [0, 1)
     */
    public static Graph randomGrid(
        int width, int height, double blocked, long seed, Metric metric) {
      Objects.requireNonNull(metric, "metric");
      if (width < 1 || height < 1) {
        throw new IllegalArgumentException(
            "grid sides must be positive: " + width + " x " + height);
      }
      if (!(blocked >= 0 && blocked < 1)) {
        throw new IllegalArgumentException("blocked fraction must be in [0, 1): " + blocked);
      }
      long cells = (long) width * height;
      if (cells > Integer.MAX_VALUE - 1) {
        throw new IllegalArgumentException("grid too large: " + width + " x " + height);
      }
      int n = (int) cells;
      SplittableRandom random = new SplittableRandom(seed);
      boolean[] open = new boolean[n];
      double[] right = new double[n]; // weight of the edge to the right neighbour
      double[] down = new double[n]; // weight of the edge to the neighbour below
      for (int v = 0; v < n; v++) {
        open[v] = v == 0 || v == n - 1 || random.nextDouble() >= blocked;
        right[v] = 1 + random.nextDouble();
        down[v] = 1 + random.nextDouble();
      }
      double[] xs = new double[n];
      double[] ys = new double[n];
      int[] offsets = new int[n + 1];
      int edges = 0;
      for (int v = 0; v < n; v++) {
        xs[v] = v % width;
        ys[v] = Math.floorDiv(v, width); // the row
        offsets[v] = edges;
        edges += open[v] ? neighbours(v, width, height, open, null, null, right, down, 0) : 0;
      }
      offsets[n] = edges;
      int[] targets = new int[edges];
      double[] weights = new double[edges];
      for (int v = 0; v < n; v++) {
        if (open[v]) {
          neighbours(v, width, height, open, targets, weights, right, down, offsets[v]);
        }
      }
      return new Graph(xs, ys, offsets, targets, weights, metric);
    }

    /** Counts, or writes from {@code at}, the open neighbours of an open cell. */
    private static int neighbours(
        int v,
        int width,
        int height,
        boolean[] open,
        int[] targets,
        double[] weights,
        double[] right,
        double[] down,
        int at) {
      int column = v % width;
      int row = v / width;
      int count = 0;
      int[] candidates = {
        row > 0 ? v - width : -1,
        column > 0 ? v - 1 : -1,
        column < width - 1 ? v + 1 : -1,
        row < height - 1 ? v + width : -1
      };
      for (int i = 0; i < 4; i++) {
        int u = candidates[i];
        if (u >= 0 && open[u]) {
          if (targets != null) {
            targets[at + count] = u;
            weights[at + count] =
                switch (i) {
                  case 0 -> down[u];
                  case 1 -> right[u];
                  case 2 -> right[v];
                  default -> down[v];
                };
          }
          count++;
        }
      }
      return count;
    }

    /** The same nodes and edges with another heuristic; checks the edges against it. */
    public Graph withMetric(Metric other) {
      Graph graph = new Graph(x, y, offsets, targets, weights, Objects.requireNonNull(other));
      graph.checkWeights();
      return graph;
    }

    private void checkWeights() {
      for (int u = 0; u < nodeCount(); u++) {
        for (int e = offsets[u]; e < offsets[u + 1]; e++) {
          double w = weights[e];
          if (!(w >= 0) || Double.isInfinite(w)) {
            throw new IllegalArgumentException(
                "edge " + u + " -> " + targets[e] + " has weight " + w + "; need a finite w >= 0");
          }
          double length = estimate(u, targets[e]);
          if (w < length) {
            throw new IllegalArgumentException(
                "edge "
                    + u
                    + " -> "
                    + targets[e]
                    + " has weight "
                    + w
                    + " < its "
                    + metric
                    + " length "
                    + length
                    + ": the heuristic would overestimate");
          }
        }
      }
    }

    /** The lower bound on the distance from a node to the target. */
    double estimate(int node, int target) {
      return switch (metric) {
        case EUCLIDEAN -> {
          double dx = x[node] - x[target];
          double dy = y[node] - y[target];
          yield Math.sqrt(dx * dx + dy * dy); // not Math.hypot: exact enough, several times faster
        }
        case MANHATTAN -> Math.abs(x[node] - x[target]) + Math.abs(y[node] - y[target]);
        case NONE -> 0;
      };
    }

    /** The number of nodes. */
    public int nodeCount() {
      return x.length;
    }

    /** The number of edges. */
    public int edgeCount() {
      return targets.length;
    }

    /** The heuristic the searches use. */
    public Metric metric() {
      return metric;
    }

    /** The x coordinate of a node. */
    public double x(int node) {
      return x[Objects.checkIndex(node, nodeCount())];
    }

    /** The y coordinate of a node. */
    public double y(int node) {
      return y[Objects.checkIndex(node, nodeCount())];
    }

    /** The successors of a node, in edge order. */
    public int[] successors(int node) {
      Objects.checkIndex(node, nodeCount());
      return Arrays.copyOfRange(targets, offsets[node], offsets[node + 1]);
    }

    /** The smallest weight of an edge {@code from -> to}, or empty if there is none. */
    public OptionalDouble weight(int from, int to) {
      Objects.checkIndex(from, nodeCount());
      Objects.checkIndex(to, nodeCount());
      double best = Double.POSITIVE_INFINITY;
      for (int e = offsets[from]; e < offsets[from + 1]; e++) {
        if (targets[e] == to) {
          best = Math.min(best, weights[e]);
        }
      }
      return best == Double.POSITIVE_INFINITY ? OptionalDouble.empty() : OptionalDouble.of(best);
    }
  }
}
