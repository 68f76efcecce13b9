package org.interviewtasks.mid.algorithms;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import org.interviewtasks.common.Task;

/**
 * Visits the nodes of a binary tree in pre-order (node, left, right), in-order (left, node, right),
 * post-order (left, right, node) and level order, all without recursion.
 *
 * <p><b>Approach.</b> The recursive versions are three lines each, but they use one stack frame per
 * level, and a degenerate tree (a path of 100 000 nodes) overflows the stack. Each traversal here
 * keeps its own stack in an {@link ArrayDeque} on the heap instead: O(n) time, O(h) extra space for
 * a tree of height h. {@link #preorder} pops a node, visits it, and pushes the right child before
 * the left so that the left comes out first. {@link #inorder} walks left as far as it can, pushing
 * the way, then visits the top and turns right. {@link #postorder} does the same, but visits a node
 * only when its right subtree is done: when it has no right child, or that child is the node
 * visited just before. {@link #levelOrder} is a breadth-first search with a queue, one list per
 * level. {@link #morrisInorder} gets in-order in O(1) extra space: it threads each node's in-order
 * predecessor to it (a temporary right link) so that it can climb back without a stack, and removes
 * the thread on the way back, leaving the tree as it found it.
 *
 * <p><b>Edge cases.</b> The empty tree ({@code null}) gives empty lists. The input must be a tree:
 * a node reachable twice would be visited twice, and a cycle would never end. {@link
 * #morrisInorder} changes links while it runs, so the tree must not be read or changed by another
 * thread at that time.
 *
 * <p><b>Follow-up.</b> <i>"Rebuild the tree from its traversals?"</i> Pre-order and in-order (with
 * distinct values) determine it: the first pre-order value is the root, and its position in the
 * in-order list splits the left and right subtrees. Pre-order and post-order alone do not. <i>"A
 * lazy traversal?"</i> The in-order loop turns into an {@link java.util.Iterator} whose state is
 * the stack: O(h) memory, one node per {@code next()}.
 */
@Task(id = "mid.algorithms.7", title = "Binary tree traversals")
public final class BinaryTreeTraversal {

  private BinaryTreeTraversal() {}

  /** The values in pre-order: node, left subtree, right subtree. */
  public static <T> List<T> preorder(TreeNode<T> root) {
    List<T> values = new ArrayList<>();
    Deque<TreeNode<T>> stack = new ArrayDeque<>();
    if (root != null) {
      stack.push(root);
    }
    while (!stack.isEmpty()) {
      TreeNode<T> node = stack.pop();
      values.add(node.value());
      if (node.right() != null) {
        stack.push(node.right());
      }
      if (node.left() != null) {
        stack.push(node.left());
      }
    }
    return Collections.unmodifiableList(values);
  }

  /** The values in in-order: left subtree, node, right subtree. */
  public static <T> List<T> inorder(TreeNode<T> root) {
    List<T> values = new ArrayList<>();
    Deque<TreeNode<T>> stack = new ArrayDeque<>();
    TreeNode<T> node = root;
    while (node != null || !stack.isEmpty()) {
      while (node != null) {
        stack.push(node);
        node = node.left();
      }
      node = stack.pop();
      values.add(node.value());
      node = node.right();
    }
    return Collections.unmodifiableList(values);
  }

  /** The values in post-order: left subtree, right subtree, node. */
  public static <T> List<T> postorder(TreeNode<T> root) {
    List<T> values = new ArrayList<>();
    Deque<TreeNode<T>> stack = new ArrayDeque<>();
    TreeNode<T> node = root;
    TreeNode<T> lastVisited = null;
    while (node != null || !stack.isEmpty()) {
      while (node != null) {
        stack.push(node);
        node = node.left();
      }
      TreeNode<T> top = stack.peek();
      if (top.right() != null && top.right() != lastVisited) {
        node = top.right(); // the right subtree is still to do
      } else {
        values.add(top.value());
        lastVisited = stack.pop();
      }
    }
    return Collections.unmodifiableList(values);
  }

  /** The values level by level, top down and left to right within a level. */
  public static <T> List<List<T>> levelOrder(TreeNode<T> root) {
    List<List<T>> levels = new ArrayList<>();
    Deque<TreeNode<T>> queue = new ArrayDeque<>();
    if (root != null) {
      queue.add(root);
    }
    while (!queue.isEmpty()) {
      int width = queue.size();
      List<T> level = new ArrayList<>(width);
      for (int i = 0; i < width; i++) {
        TreeNode<T> node = queue.remove();
        level.add(node.value());
        if (node.left() != null) {
          queue.add(node.left());
        }
        if (node.right() != null) {
          queue.add(node.right());
        }
      }
      levels.add(Collections.unmodifiableList(level));
    }
    return Collections.unmodifiableList(levels);
  }

  /** The values in in-order, with O(1) extra space (Morris traversal); restores the tree. */
  public static <T> List<T> morrisInorder(TreeNode<T> root) {
    List<T> values = new ArrayList<>();
    TreeNode<T> node = root;
    while (node != null) {
      if (node.left() == null) {
        values.add(node.value());
        node = node.right();
        continue;
      }
      TreeNode<T> predecessor = node.left();
      while (predecessor.right() != null && predecessor.right() != node) {
        predecessor = predecessor.right();
      }
      if (predecessor.right() == null) {
        predecessor.setRight(node); // thread: the way back up after the left subtree
        node = node.left();
      } else {
        predecessor.setRight(null); // second arrival: the left subtree is done; unthread
        values.add(node.value());
        node = node.right();
      }
    }
    return Collections.unmodifiableList(values);
  }
}
