package org.interviewtasks.mid.algorithms;

import java.util.Objects;

/**
 * A node of a binary tree: a value and links to a left and a right child, {@code null} where there
 * is none.
 *
 * <p>A tree is represented by its root node, and the empty tree by {@code null}. The children are
 * mutable so that trees can be built top-down (as {@code org.interviewtasks.mid.oop.TreeSerializer}
 * does) and so that Morris traversal can thread them temporarily, which junior's immutable {@code
 * BinaryTreeDepth.Node} record cannot; the value is never {@code null}. There is deliberately no
 * recursive {@code equals}, {@code hashCode} or {@code toString}: on a degenerate tree of 100 000
 * levels they would overflow the stack.
 *
 * @param <T> the type of the values
 */
public final class TreeNode<T> {

  private final T value;
  private TreeNode<T> left;
  private TreeNode<T> right;

  /** A leaf. */
  public TreeNode(T value) {
    this(value, null, null);
  }

  /** A node with the given children (either may be {@code null}). */
  public TreeNode(T value, TreeNode<T> left, TreeNode<T> right) {
    this.value = Objects.requireNonNull(value, "value");
    this.left = left;
    this.right = right;
  }

  /** The value of this node. */
  public T value() {
    return value;
  }

  /** The left child, or {@code null}. */
  public TreeNode<T> left() {
    return left;
  }

  /** The right child, or {@code null}. */
  public TreeNode<T> right() {
    return right;
  }

  /** Replaces the left child (with {@code null} to remove it). */
  public void setLeft(TreeNode<T> left) {
    this.left = left;
  }

  /** Replaces the right child (with {@code null} to remove it). */
  public void setRight(TreeNode<T> right) {
    this.right = right;
  }

  /** This node's value only; see the class comment. */
  @Override
  public String toString() {
    return "TreeNode[" + value + "]";
  }
}
