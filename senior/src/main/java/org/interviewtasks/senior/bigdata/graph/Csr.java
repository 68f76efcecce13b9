package org.interviewtasks.senior.bigdata.graph;

import java.util.Objects;

/**
 * Compressed sparse row (CSR) adjacency, the layout of the graph tasks of this level: the edges
 * leaving node {@code v} occupy the slots {@code offsets[v]} to {@code offsets[v + 1] - 1} of flat
 * edge arrays, so a graph is a few primitive arrays with no object per node or edge.
 */
public final class Csr {

  /** The most nodes a CSR can have: its {@code nodes + 1} offsets are one Java array. */
  public static final int MAX_NODES = Integer.MAX_VALUE - 9;

  private Csr() {}

  /**
   * The offsets of the graph with {@code nodes} nodes and the edges {@code from[e] -> to[e]}: a
   * counting sort by source, one pass over the edges and one over the nodes. The caller then places
   * edge {@code e} at slot {@code next[from[e]]++}, starting from a copy of the first {@code nodes}
   * offsets.
   *
   * @param from the source of each edge
   * @param to the target of each edge, as many as {@code from} (the caller checks the lengths, with
   *     its own names for the arrays)
   * @return {@code nodes + 1} offsets, from 0 to {@code from.length}
   * @throws IllegalArgumentException if {@code nodes} is negative or above {@link #MAX_NODES}, or
   *     an edge names a node outside {@code 0..nodes-1}
   */
  public static int[] offsets(int nodes, int[] from, int[] to) {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    if (nodes < 0 || nodes > MAX_NODES) {
      throw new IllegalArgumentException(
          "nodes must be in 0.." + MAX_NODES + " (an array of nodes + 1 offsets): " + nodes);
    }
    int[] offsets = new int[nodes + 1];
    for (int e = 0; e < from.length; e++) {
      if (from[e] < 0 || from[e] >= nodes || to[e] < 0 || to[e] >= nodes) {
        throw new IllegalArgumentException(
            "edge "
                + e
                + " ("
                + from[e]
                + " -> "
                + to[e]
                + ") names a node outside 0.."
                + (nodes - 1));
      }
      offsets[from[e] + 1]++;
    }
    for (int v = 0; v < nodes; v++) {
      offsets[v + 1] += offsets[v];
    }
    return offsets;
  }
}
