package org.interviewtasks.senior.bigdata.toposort;

import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import java.util.StringJoiner;
import org.interviewtasks.common.Args;
import org.interviewtasks.common.Task;
import org.interviewtasks.senior.bigdata.graph.Csr;

/**
 * Orders the nodes of a directed acyclic graph so that every edge points forward, for graphs of
 * tens of millions of nodes; a cyclic graph is reported with the nodes of one of its cycles.
 *
 * <p><b>Approach.</b> Nodes are the ints {@code 0..n-1} and the graph is stored in compressed
 * sparse row form ({@link Graph}): one {@code int[]} of offsets and one of targets, 4 bytes per
 * node and per edge, built from edge lists by a counting sort in O(n + m). Kahn's algorithm counts
 * in-degrees, then repeatedly emits a node without remaining predecessors: O(n + m) time, and the
 * output array doubles as the FIFO queue, so the only extra memory is the in-degree array. No
 * recursion, no boxing: 10 million nodes and 20 million edges sort in well under a second of CPU.
 * {@link #sortSmallestFirst} emits the smallest available node first (a binary heap of ints), the
 * one deterministic order independent of edge order, for O((n + m) log n).
 *
 * <p><b>Edge cases.</b> When Kahn's algorithm stops before emitting every node, the rest contains a
 * cycle; {@link #findCycle} finds one with a depth-first search that keeps its stack in arrays
 * (white/grey/black colours; a grey target closes a cycle), so a path of millions of nodes cannot
 * overflow the thread stack. A self-loop is a cycle of one node. The empty graph has the empty
 * order. Edges naming a node outside the graph are rejected when the graph is built.
 *
 * <p><b>Follow-up.</b> <i>"Parallel?"</i> Process Kahn's frontier level by level, each level in
 * parallel with atomic in-degree decrements. <i>"Doesn't fit in memory?"</i> Sort edges by source
 * on disk and stream them; or partition by strongly connected components. <i>"Incremental?"</i>
 * Dynamic topological order algorithms (Pearce-Kelly) reorder only the affected range per new edge.
 */
@Task(
    id = "senior.bigdata.5",
    title = "Topological sort of millions of nodes",
    usage = "<nodes> [from-to...]   nodes 0..10000000, edges as from-to")
public final class TopologicalSort {

  private static final int MESSAGE_NODES = 20;

  private TopologicalSort() {}

  /**
   * The nodes in an order where every edge goes from an earlier to a later node (Kahn's algorithm,
   * ties in first-come order).
   *
   * @throws CycleException if the graph has a cycle, naming the nodes of one
   */
  public static int[] sort(Graph graph) {
    Objects.requireNonNull(graph, "graph");
    int n = graph.nodeCount();
    int[] inDegree = graph.inDegrees();
    int[] order = new int[n];
    int tail = 0;
    for (int v = 0; v < n; v++) {
      if (inDegree[v] == 0) {
        order[tail++] = v;
      }
    }
    int[] offsets = graph.offsets;
    int[] targets = graph.targets;
    for (int head = 0; head < tail; head++) {
      int v = order[head];
      for (int e = offsets[v], end = offsets[v + 1]; e < end; e++) {
        int t = targets[e];
        if (--inDegree[t] == 0) {
          order[tail++] = t;
        }
      }
    }
    if (tail < n) {
      throw new CycleException(findCycle(graph).orElseThrow());
    }
    return order;
  }

  /**
   * The lexicographically smallest topological order: whenever several nodes are ready, the
   * smallest comes first. Deterministic whatever the order of the edges.
   *
   * @throws CycleException if the graph has a cycle, naming the nodes of one
   */
  public static int[] sortSmallestFirst(Graph graph) {
    Objects.requireNonNull(graph, "graph");
    int n = graph.nodeCount();
    int[] inDegree = graph.inDegrees();
    IntMinHeap ready = new IntMinHeap(n);
    for (int v = 0; v < n; v++) {
      if (inDegree[v] == 0) {
        ready.add(v);
      }
    }
    int[] order = new int[n];
    int count = 0;
    while (!ready.isEmpty()) {
      int v = ready.poll();
      order[count++] = v;
      for (int e = graph.offsets[v], end = graph.offsets[v + 1]; e < end; e++) {
        if (--inDegree[graph.targets[e]] == 0) {
          ready.add(graph.targets[e]);
        }
      }
    }
    if (count < n) {
      throw new CycleException(findCycle(graph).orElseThrow());
    }
    return order;
  }

  /**
   * The nodes of one cycle in edge order ({@code c[0] -> c[1] -> ... -> c[k-1] -> c[0]}), or empty
   * if the graph is acyclic. Iterative depth-first search: O(n + m), no recursion.
   */
  public static Optional<int[]> findCycle(Graph graph) {
    Objects.requireNonNull(graph, "graph");
    int n = graph.nodeCount();
    byte[] colour = new byte[n]; // 0 unseen, 1 on the current path, 2 done
    int[] stack = new int[n];
    int[] cursor = new int[n]; // next edge to look at, per stack level
    for (int start = 0; start < n; start++) {
      if (colour[start] != 0) {
        continue;
      }
      int depth = 0;
      stack[0] = start;
      cursor[0] = graph.offsets[start];
      colour[start] = 1;
      while (depth >= 0) {
        int v = stack[depth];
        if (cursor[depth] == graph.offsets[v + 1]) {
          colour[v] = 2;
          depth--;
          continue;
        }
        int t = graph.targets[cursor[depth]++];
        if (colour[t] == 1) {
          int from = depth;
          while (stack[from] != t) {
            from--;
          }
          return Optional.of(Arrays.copyOfRange(stack, from, depth + 1));
        }
        if (colour[t] == 0) {
          colour[t] = 1;
          depth++;
          stack[depth] = t;
          cursor[depth] = graph.offsets[t];
        }
      }
    }
    return Optional.empty();
  }

  /**
   * Sorts the graph given on the command line: a node count, then edges as {@code from-to}. Prints
   * the order, or the cycle that prevents one.
   *
   * @throws IllegalArgumentException on malformed arguments
   */
  public static void main(String... args) {
    if (args.length == 0) {
      throw new IllegalArgumentException("usage: senior.bigdata.5 <nodes> [from-to...]");
    }
    int nodes = Args.toInt(args[0]);
    int[] from = new int[args.length - 1];
    int[] to = new int[args.length - 1];
    for (int i = 1; i < args.length; i++) {
      String[] ends = args[i].split("-", -1);
      if (ends.length != 2) {
        throw new IllegalArgumentException("not an edge from-to: '" + args[i] + "'");
      }
      from[i - 1] = Args.toInt(ends[0]);
      to[i - 1] = Args.toInt(ends[1]);
    }
    Graph graph = Graph.of(nodes, from, to);
    try {
      StringJoiner order = new StringJoiner(" ", "order: ", "");
      for (int v : sort(graph)) {
        order.add(Integer.toString(v));
      }
      System.out.println(order);
    } catch (CycleException e) {
      System.out.println(e.getMessage());
    }
  }

  /**
   * A directed graph over the nodes {@code 0..n-1} in compressed sparse row form: the successors of
   * {@code v} are {@code targets[offsets[v] .. offsets[v + 1] - 1]}. Immutable.
   */
  public static final class Graph {
    /**
     * The most nodes a graph takes: 10,000,000, whose arrays and sort fit in a default heap and
     * finish in about a second; a larger count is refused before anything is allocated.
     */
    public static final int MAX_NODES = 10_000_000;

    private final int[] offsets;
    private final int[] targets;

    private Graph(int[] offsets, int[] targets) {
      this.offsets = offsets;
      this.targets = targets;
    }

    /**
     * The graph with {@code nodes} nodes and the edges {@code from[i] -> to[i]}; parallel edges and
     * self-loops are kept. Counting sort by source: O(n + m), two passes over the edges.
     *
     * @throws IllegalArgumentException if the node count is not 0..{@value #MAX_NODES}, the arrays
     *     differ in length or an edge names a node outside {@code 0..nodes-1}
     */
    public static Graph of(int nodes, int[] from, int[] to) {
      Objects.requireNonNull(from, "from");
      Objects.requireNonNull(to, "to");
      if (nodes < 0 || nodes > MAX_NODES) {
        throw new IllegalArgumentException("node count must be 0.." + MAX_NODES + ": " + nodes);
      }
      if (from.length != to.length) {
        throw new IllegalArgumentException(
            "from and to differ in length: " + from.length + " != " + to.length);
      }
      int[] offsets = Csr.offsets(nodes, from, to);
      int[] next = Arrays.copyOf(offsets, nodes);
      int[] targets = new int[from.length];
      for (int e = 0; e < from.length; e++) {
        targets[next[from[e]]++] = to[e];
      }
      return new Graph(offsets, targets);
    }

    /** The number of nodes. */
    public int nodeCount() {
      return offsets.length - 1;
    }

    /** The number of edges. */
    public int edgeCount() {
      return targets.length;
    }

    /** The successors of a node, in the order their edges were given. */
    public int[] successors(int node) {
      Objects.checkIndex(node, nodeCount());
      return Arrays.copyOfRange(targets, offsets[node], offsets[node + 1]);
    }

    int[] inDegrees() {
      int[] inDegree = new int[nodeCount()];
      for (int t : targets) {
        inDegree[t]++;
      }
      return inDegree;
    }
  }

  /** Thrown when a graph to be sorted has a cycle; {@link #cycle()} holds its nodes. */
  public static final class CycleException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final int[] cycle;

    CycleException(int[] cycle) {
      super(describe(cycle));
      this.cycle = cycle;
    }

    /** The nodes of the cycle in edge order; the last has an edge back to the first. */
    public int[] cycle() {
      return cycle.clone();
    }

    private static String describe(int[] cycle) {
      StringJoiner path = new StringJoiner(" -> ");
      int shown = Math.min(cycle.length, MESSAGE_NODES);
      for (int i = 0; i < shown; i++) {
        path.add(Integer.toString(cycle[i]));
      }
      if (shown < cycle.length) {
        path.add("... (" + (cycle.length - shown) + " more)");
      }
      path.add(Integer.toString(cycle[0]));
      return "graph has a cycle of " + cycle.length + " nodes: " + path;
    }
  }

  /** A binary min-heap of ints in one array: no boxing, no resizing (capacity is n). */
  private static final class IntMinHeap {
    private final int[] heap;
    private int size;

    IntMinHeap(int capacity) {
      heap = new int[capacity];
    }

    boolean isEmpty() {
      return size == 0;
    }

    void add(int value) {
      int i = size++;
      while (i > 0) {
        int parent = (i - 1) >>> 1;
        if (heap[parent] <= value) {
          break;
        }
        heap[i] = heap[parent];
        i = parent;
      }
      heap[i] = value;
    }

    int poll() {
      int top = heap[0];
      int last = heap[--size];
      int i = 0;
      int half = size >>> 1;
      while (i < half) {
        int child = 2 * i + 1;
        if (child + 1 < size && heap[child + 1] < heap[child]) {
          child++;
        }
        if (last <= heap[child]) {
          break;
        }
        heap[i] = heap[child];
        i = child;
      }
      heap[i] = last;
      return top;
    }
  }
}
