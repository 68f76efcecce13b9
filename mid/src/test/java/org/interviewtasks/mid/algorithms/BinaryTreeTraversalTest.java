package org.interviewtasks.mid.algorithms;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.interviewtasks.common.testing.Seeds;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class BinaryTreeTraversalTest {

  /**
   * The tree
   *
   * <pre>
   *         F
   *       /   \
   *      B     G
   *     / \     \
   *    A   D     I
   *       / \   /
   *      C   E H
   * </pre>
   */
  static TreeNode<String> example() {
    TreeNode<String> d = new TreeNode<>("D", new TreeNode<>("C"), new TreeNode<>("E"));
    TreeNode<String> b = new TreeNode<>("B", new TreeNode<>("A"), d);
    TreeNode<String> i = new TreeNode<>("I", new TreeNode<>("H"), null);
    return new TreeNode<>("F", b, new TreeNode<>("G", null, i));
  }

  private static <T> void recursivePreorder(TreeNode<T> node, List<T> out) {
    if (node != null) {
      out.add(node.value());
      recursivePreorder(node.left(), out);
      recursivePreorder(node.right(), out);
    }
  }

  private static <T> void recursiveInorder(TreeNode<T> node, List<T> out) {
    if (node != null) {
      recursiveInorder(node.left(), out);
      out.add(node.value());
      recursiveInorder(node.right(), out);
    }
  }

  private static <T> void recursivePostorder(TreeNode<T> node, List<T> out) {
    if (node != null) {
      recursivePostorder(node.left(), out);
      recursivePostorder(node.right(), out);
      out.add(node.value());
    }
  }

  private static <T> void recursiveLevels(TreeNode<T> node, int depth, List<List<T>> out) {
    if (node != null) {
      if (out.size() == depth) {
        out.add(new ArrayList<>());
      }
      out.get(depth).add(node.value());
      recursiveLevels(node.left(), depth + 1, out);
      recursiveLevels(node.right(), depth + 1, out);
    }
  }

  @Nested
  class Example {

    @Test
    void preorder() {
      assertThat(BinaryTreeTraversal.preorder(example()))
          .containsExactly("F", "B", "A", "D", "C", "E", "G", "I", "H");
    }

    @Test
    void inorder() {
      assertThat(BinaryTreeTraversal.inorder(example()))
          .containsExactly("A", "B", "C", "D", "E", "F", "G", "H", "I");
      assertThat(BinaryTreeTraversal.morrisInorder(example()))
          .containsExactly("A", "B", "C", "D", "E", "F", "G", "H", "I");
    }

    @Test
    void postorder() {
      assertThat(BinaryTreeTraversal.postorder(example()))
          .containsExactly("A", "C", "E", "D", "B", "H", "I", "G", "F");
    }

    @Test
    void levelOrder() {
      assertThat(BinaryTreeTraversal.levelOrder(example()))
          .containsExactly(
              List.of("F"), List.of("B", "G"), List.of("A", "D", "I"), List.of("C", "E", "H"));
    }

    @Test
    void theEmptyTreeAndASingleNode() {
      assertThat(BinaryTreeTraversal.preorder(null)).isEmpty();
      assertThat(BinaryTreeTraversal.inorder(null)).isEmpty();
      assertThat(BinaryTreeTraversal.postorder(null)).isEmpty();
      assertThat(BinaryTreeTraversal.levelOrder(null)).isEmpty();
      assertThat(BinaryTreeTraversal.morrisInorder(null)).isEmpty();
      TreeNode<String> leaf = new TreeNode<>("ü");
      assertThat(BinaryTreeTraversal.preorder(leaf)).containsExactly("ü");
      assertThat(BinaryTreeTraversal.inorder(leaf)).containsExactly("ü");
      assertThat(BinaryTreeTraversal.postorder(leaf)).containsExactly("ü");
      assertThat(BinaryTreeTraversal.levelOrder(leaf)).containsExactly(List.of("ü"));
      assertThat(BinaryTreeTraversal.morrisInorder(leaf)).containsExactly("ü");
    }

    @Test
    void resultsAreUnmodifiable() {
      assertThat(BinaryTreeTraversal.preorder(example())).isUnmodifiable();
      assertThat(BinaryTreeTraversal.inorder(example())).isUnmodifiable();
      assertThat(BinaryTreeTraversal.postorder(example())).isUnmodifiable();
      assertThat(BinaryTreeTraversal.morrisInorder(example())).isUnmodifiable();
      assertThat(BinaryTreeTraversal.levelOrder(example())).isUnmodifiable();
      assertThat(BinaryTreeTraversal.levelOrder(example()).get(1)).isUnmodifiable();
    }

    @Test
    void morrisLeavesTheTreeAsItWas() {
      TreeNode<String> tree = example();
      List<String> before = Trees.shape(tree);

      BinaryTreeTraversal.morrisInorder(tree);

      assertThat(Trees.shape(tree)).isEqualTo(before);
    }
  }

  @Nested
  class DeepTrees {

    static final int DEPTH = 100_000;

    @Test
    void aLeftChainDoesNotOverflowTheStack() {
      TreeNode<Integer> root = Trees.chain(DEPTH, true);

      assertThat(BinaryTreeTraversal.preorder(root)).hasSize(DEPTH).startsWith(0, 1);
      assertThat(BinaryTreeTraversal.inorder(root)).hasSize(DEPTH).startsWith(DEPTH - 1);
      assertThat(BinaryTreeTraversal.postorder(root)).hasSize(DEPTH).startsWith(DEPTH - 1);
      assertThat(BinaryTreeTraversal.morrisInorder(root)).hasSize(DEPTH).endsWith(0);
      assertThat(BinaryTreeTraversal.levelOrder(root)).hasSize(DEPTH);
    }

    @Test
    void aRightChainDoesNotOverflowTheStack() {
      TreeNode<Integer> root = Trees.chain(DEPTH, false);

      assertThat(BinaryTreeTraversal.preorder(root)).hasSize(DEPTH).startsWith(0, 1);
      assertThat(BinaryTreeTraversal.inorder(root)).hasSize(DEPTH).startsWith(0, 1);
      assertThat(BinaryTreeTraversal.postorder(root)).hasSize(DEPTH).startsWith(DEPTH - 1);
      assertThat(BinaryTreeTraversal.morrisInorder(root)).hasSize(DEPTH).startsWith(0, 1);
      assertThat(BinaryTreeTraversal.levelOrder(root)).hasSize(DEPTH);
    }
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void agreesWithTheRecursiveDefinitions(long seed) {
    TreeNode<Integer> root = Trees.randomTree(new SplittableRandom(seed), 60, i -> i);
    List<Integer> pre = new ArrayList<>();
    List<Integer> in = new ArrayList<>();
    List<Integer> post = new ArrayList<>();
    List<List<Integer>> levels = new ArrayList<>();
    recursivePreorder(root, pre);
    recursiveInorder(root, in);
    recursivePostorder(root, post);
    recursiveLevels(root, 0, levels);
    List<String> shapeBefore = Trees.shape(root);

    assertThat(BinaryTreeTraversal.preorder(root)).isEqualTo(pre);
    assertThat(BinaryTreeTraversal.inorder(root)).isEqualTo(in);
    assertThat(BinaryTreeTraversal.postorder(root)).isEqualTo(post);
    assertThat(BinaryTreeTraversal.levelOrder(root)).isEqualTo(levels);
    assertThat(BinaryTreeTraversal.morrisInorder(root)).isEqualTo(in);
    assertThat(Trees.shape(root)).isEqualTo(shapeBefore);
  }

  static LongStream seeds() {
    return Seeds.derive(200);
  }
}
