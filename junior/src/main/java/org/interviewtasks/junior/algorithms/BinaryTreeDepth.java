package org.interviewtasks.junior.algorithms;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import org.interviewtasks.common.Task;

/**
 * Computes the maximum depth of a binary tree: the number of nodes on its longest root-to-leaf
 * path.
 *
 * <p><b>Approach.</b> {@link #depth} walks the tree level by level (breadth-first) with a queue,
 * counting the levels: every node is visited once, O(n) time, and the queue holds at most one
 * level, O(w) space for the widest level. No recursion, so a degenerate tree (each node has one
 * child, effectively a linked list) hundreds of thousands of levels deep is fine. {@link
 * #depthRecursive} is the textbook one-liner, depth = 1 + max(depth(left), depth(right)): O(n) time
 * but O(h) stack frames for height h, and around ten thousand frames the JVM's default stack
 * overflows. It therefore refuses to go deeper than {@link #MAX_RECURSION_DEPTH} levels with a
 * clear exception instead of a {@link StackOverflowError}. In a balanced tree, h is about log₂ n,
 * so recursion is fine there.
 *
 * <p>The tree is the minimal record {@link Node}: a value and two children, each {@code null} when
 * absent. Its {@code equals}, {@code hashCode} and {@code toString} are written with an explicit
 * stack too, since the ones a record generates recurse and would overflow on a deep tree.
 *
 * <p><b>Edge cases.</b> The empty tree ({@code null}) has depth 0, a single node depth 1: depth
 * counts nodes. Height is often counted in edges instead, which is depth − 1 (and −1 for the empty
 * tree); say which one you mean in an interview.
 *
 * <p><b>Follow-up.</b> <i>"Minimum depth?"</i> Breadth-first again, stopping at the first leaf: the
 * nearest leaf is found without visiting deeper levels. <i>"Is the tree balanced?"</i> Compute the
 * heights bottom-up (post-order) and check that siblings differ by at most one.
 */
@Task(
    id = "junior.algorithms.20",
    title = "Maximum depth of a binary tree",
    usage = "[value|null...]   a tree in level order, null for a missing child")
public final class BinaryTreeDepth {

  /** The deepest tree {@link #depthRecursive} accepts, well within the JVM's default stack. */
  public static final int MAX_RECURSION_DEPTH = 1_000;

  private BinaryTreeDepth() {}

  /**
   * A node of an immutable binary tree: a non-null value and two subtrees, each {@code null} if
   * absent. {@code equals} compares the whole tree (values and shape); {@code hashCode} is that of
   * the {@link List} of values in pre-order with {@code null} for each missing child; {@code
   * toString} prints the tree as {@code 1(2, 3(-, 4))}, where {@code -} is a missing child. All
   * three use loops, not recursion, so they work on trees of any depth.
   *
   * @param value the element
   * @param left the left subtree, or {@code null}
   * @param right the right subtree, or {@code null}
   * @param <T> the type of the elements
   */
  public record Node<T>(T value, Node<T> left, Node<T> right) {

    /**
     * A node, with its value checked.
     *
     * @throws NullPointerException if the value is null
     */
    public Node {
      Objects.requireNonNull(value, "value");
    }

    /** A node without children. */
    public static <T> Node<T> leaf(T value) {
      return new Node<>(value, null, null);
    }

    /**
     * The tree given in level order, as LeetCode writes it: the root, then the children of each
     * node in turn, left then right, with {@code null} for a missing child; missing nodes have no
     * children listed, and trailing nulls may be left out. So {@code [3, 9, 20, null, null, 15, 7]}
     * is 3 with children 9 and 20, and 20 has children 15 and 7.
     *
     * @return the root, or {@code null} (the empty tree) if {@code values} is empty or starts with
     *     null
     * @throws IllegalArgumentException if a value has no parent (it follows the children of all the
     *     nodes before it)
     */
    public static <T> Node<T> fromLevelOrder(List<? extends T> values) {
      int n = Objects.requireNonNull(values, "values").size();
      // each node takes the next two slots for its children, left then right
      int[] childSlots = new int[n];
      int nextSlot = values.isEmpty() || values.get(0) == null ? 0 : 1;
      for (int i = 0; i < n; i++) {
        if (values.get(i) == null) {
          continue;
        }
        if (i >= nextSlot) {
          throw new IllegalArgumentException(
              "the value at index " + i + " has no parent: " + values);
        }
        childSlots[i] = nextSlot;
        nextSlot += 2;
      }
      // children come after their parents, so build from the end
      List<Node<T>> nodes = new ArrayList<>(Collections.nCopies(n, null));
      for (int i = n - 1; i >= 0; i--) {
        T value = values.get(i);
        if (value != null) {
          Node<T> left = child(nodes, childSlots[i]);
          Node<T> right = child(nodes, childSlots[i] + 1);
          nodes.set(i, new Node<>(value, left, right));
        }
      }
      return n == 0 ? null : nodes.get(0);
    }

    /** The node built for {@code slot}, or null if the slot holds null or lies past the end. */
    private static <T> Node<T> child(List<Node<T>> nodes, int slot) {
      return slot < nodes.size() ? nodes.get(slot) : null;
    }

    @Override
    public boolean equals(Object o) {
      if (!(o instanceof Node<?> other)) {
        return false;
      }
      Deque<Pair> pending = new ArrayDeque<>();
      pending.push(new Pair(this, other));
      while (!pending.isEmpty()) {
        Pair pair = pending.pop();
        if (!pair.a().value.equals(pair.b().value)
            || !pairUp(pending, pair.a().left, pair.b().left)
            || !pairUp(pending, pair.a().right, pair.b().right)) {
          return false;
        }
      }
      return true;
    }

    /** Two nodes at the same place in two trees. */
    private record Pair(Node<?> a, Node<?> b) {}

    /** Queues two children for comparison; false if only one of them exists. */
    private static boolean pairUp(Deque<Pair> pending, Node<?> a, Node<?> b) {
      if (a == null || b == null) {
        return a == null && b == null;
      }
      pending.push(new Pair(a, b));
      return true;
    }

    @Override
    public int hashCode() {
      int hash = 1;
      List<Node<?>> stack = new ArrayList<>(); // pre-order, null children included
      stack.add(this);
      while (!stack.isEmpty()) {
        Node<?> node = stack.removeLast();
        if (node == null) {
          hash = 31 * hash;
        } else {
          hash = 31 * hash + node.value.hashCode();
          stack.add(node.right);
          stack.add(node.left);
        }
      }
      return hash;
    }

    /** The tree from this node down, e.g. {@code 1(2, 3(-, 4))}, or {@code 2} for a leaf. */
    @Override
    public String toString() {
      StringBuilder text = new StringBuilder();
      Deque<Object> pending = new ArrayDeque<>(); // nodes still to print, and punctuation
      pending.push(this);
      while (!pending.isEmpty()) {
        Object next = pending.pop();
        if (next instanceof Node<?> node) {
          text.append(node.value);
          if (node.left != null || node.right != null) {
            pending.push(")");
            pending.push(node.right == null ? "-" : node.right);
            pending.push(", ");
            pending.push(node.left == null ? "-" : node.left);
            pending.push("(");
          }
        } else {
          text.append(next);
        }
      }
      return text.toString();
    }
  }

  /** The number of nodes on the longest root-to-leaf path, by breadth-first search; 0 if empty. */
  public static int depth(Node<?> root) {
    if (root == null) {
      return 0;
    }
    Deque<Node<?>> level = new ArrayDeque<>();
    level.add(root);
    int depth = 0;
    while (!level.isEmpty()) {
      depth++;
      for (int remaining = level.size(); remaining > 0; remaining--) {
        Node<?> node = level.remove();
        if (node.left() != null) {
          level.add(node.left());
        }
        if (node.right() != null) {
          level.add(node.right());
        }
      }
    }
    return depth;
  }

  /**
   * The number of nodes on the longest root-to-leaf path, by recursion; 0 if empty.
   *
   * @throws IllegalArgumentException if the tree is deeper than {@link #MAX_RECURSION_DEPTH}
   */
  public static int depthRecursive(Node<?> root) {
    return depthRecursive(root, 0);
  }

  private static int depthRecursive(Node<?> node, int levelsAbove) {
    if (node == null) {
      return 0;
    }
    if (levelsAbove == MAX_RECURSION_DEPTH) {
      throw new IllegalArgumentException(
          "the tree is deeper than "
              + MAX_RECURSION_DEPTH
              + " levels, too deep to recurse safely; use depth(root)");
    }
    return 1
        + Math.max(
            depthRecursive(node.left(), levelsAbove + 1),
            depthRecursive(node.right(), levelsAbove + 1));
  }

  /**
   * Prints the depth of the tree given in level order, {@code null} for a missing child, e.g.
   * {@code 3 9 20 null null 15 7} prints 3.
   *
   * @throws IllegalArgumentException if a value has no parent
   */
  public static void main(String... args) {
    List<String> values =
        Arrays.stream(args).map(value -> value.equals("null") ? null : value).toList();
    System.out.println(depth(Node.fromLevelOrder(values)));
  }
}
