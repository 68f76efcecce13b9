package org.interviewtasks.mid.algorithms;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.IntFunction;

/** Test fixtures for {@link TreeNode}: random trees, deep chains, and a comparable shape. */
public final class Trees {

  private Trees() {}

  /**
   * A random tree of up to {@code maxSize} nodes (null when the drawn size is 0); the node created
   * {@code i}-th gets {@code value.apply(i)}, so values may be indices or drawn from the same
   * random source.
   */
  public static <T> TreeNode<T> randomTree(
      SplittableRandom random, int maxSize, IntFunction<T> value) {
    int size = random.nextInt(maxSize + 1);
    if (size == 0) {
      return null;
    }
    List<TreeNode<T>> nodes = new ArrayList<>();
    nodes.add(new TreeNode<>(value.apply(0)));
    while (nodes.size() < size) {
      TreeNode<T> parent = nodes.get(random.nextInt(nodes.size()));
      TreeNode<T> child = new TreeNode<>(value.apply(nodes.size()));
      if (random.nextBoolean() && parent.left() == null) {
        parent.setLeft(child);
        nodes.add(child);
      } else if (parent.right() == null) {
        parent.setRight(child);
        nodes.add(child);
      }
    }
    return nodes.get(0);
  }

  /** A path of n nodes valued 0..n-1, each the left (or right) child of the one before. */
  public static TreeNode<Integer> chain(int n, boolean left) {
    TreeNode<Integer> root = new TreeNode<>(0);
    TreeNode<Integer> node = root;
    for (int i = 1; i < n; i++) {
      TreeNode<Integer> child = new TreeNode<>(i);
      if (left) {
        node.setLeft(child);
      } else {
        node.setRight(child);
      }
      node = child;
    }
    return root;
  }

  /**
   * Every node's value with its children's values, level by level, without recursion: two trees
   * have equal shapes exactly when they are equal, which {@code TreeNode} itself does not define.
   */
  public static <T> List<String> shape(TreeNode<T> root) {
    List<String> shape = new ArrayList<>();
    Deque<TreeNode<T>> queue = new ArrayDeque<>();
    if (root != null) {
      queue.add(root);
    }
    while (!queue.isEmpty()) {
      TreeNode<T> node = queue.remove();
      shape.add(node.value() + "(" + valueOf(node.left()) + "," + valueOf(node.right()) + ")");
      if (node.left() != null) {
        queue.add(node.left());
      }
      if (node.right() != null) {
        queue.add(node.right());
      }
    }
    return shape;
  }

  private static String valueOf(TreeNode<?> node) {
    return node == null ? "-" : String.valueOf(node.value());
  }
}
