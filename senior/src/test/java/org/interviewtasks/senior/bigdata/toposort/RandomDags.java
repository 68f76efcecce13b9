package org.interviewtasks.senior.bigdata.toposort;

import java.util.SplittableRandom;

/**
 * Random directed acyclic graphs as edge lists, for the tests and the benchmarks: nodes are
 * shuffled, then every edge goes from an earlier to a later position of the shuffle (within a
 * window, so long chains appear), so the graph is acyclic but its numbering gives no order away.
 */
public final class RandomDags {

  /** Edges {@code from[i] -> to[i]}; the arrays are shared, not copied (they can be huge). */
  @SuppressWarnings("ArrayRecordComponent") // test data of millions of edges: no defensive copies
  public record Edges(int nodes, int[] from, int[] to) {}

  private RandomDags() {}

  /** A DAG of {@code nodes} nodes with about {@code degree} out-edges each. */
  public static Edges generate(long seed, int nodes, int degree, int window) {
    SplittableRandom random = new SplittableRandom(seed);
    int[] position = new int[nodes]; // position -> node
    for (int i = 0; i < nodes; i++) {
      position[i] = i;
    }
    for (int i = nodes - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int swap = position[i];
      position[i] = position[j];
      position[j] = swap;
    }
    int edges = nodes < 2 ? 0 : Math.multiplyExact(nodes, degree);
    int[] from = new int[edges];
    int[] to = new int[edges];
    for (int e = 0; e < edges; e++) {
      int i = random.nextInt(nodes - 1);
      int j = i + 1 + random.nextInt(Math.min(window, nodes - 1 - i));
      from[e] = position[i];
      to[e] = position[j];
    }
    return new Edges(nodes, from, to);
  }
}
