package org.interviewtasks.junior.algorithms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.interviewtasks.common.testing.Seeds;
import org.interviewtasks.common.testing.StdStreams;
import org.interviewtasks.junior.algorithms.BinaryTreeDepth.Node;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class BinaryTreeDepthTest {

  /** A tree from space-separated level-order values, "null" for a missing child. */
  private static Node<String> tree(String levelOrder) {
    return Node.fromLevelOrder(values(levelOrder));
  }

  private static List<String> values(String levelOrder) {
    return levelOrder == null || levelOrder.isBlank()
        ? List.of()
        : Arrays.stream(levelOrder.strip().split("\\s+"))
            .map(v -> v.equals("null") ? null : v)
            .toList();
  }

  /** A degenerate tree: each node has only a left or only a right child, alternating. */
  private static Node<Integer> zigzag(int depth) {
    Node<Integer> node = Node.leaf(depth);
    for (int level = depth - 1; level >= 1; level--) {
      node = level % 2 == 0 ? new Node<>(level, node, null) : new Node<>(level, null, node);
    }
    return node;
  }

  @Nested
  class Depth {

    @ParameterizedTest(name = "[{0}] -> {1}")
    @CsvSource({
      "'', 0",
      "null, 0",
      "1, 1",
      "1 2, 2",
      "1 null 2, 2",
      "1 2 3, 2",
      "3 9 20 null null 15 7, 3",
      "1 2 3 4 5 6 7, 3",
      "1 2 null 3 null 4, 4",
      "1 null 2 null 3 null 4, 4",
      "1 2 3 null null null 4 null 5, 4",
      "1 2 3 4 null null null 5, 4"
    })
    void countsTheNodesOnTheLongestPath(String levelOrder, int depth) {
      Node<String> root = tree(levelOrder);

      assertThat(BinaryTreeDepth.depth(root)).as("breadth-first").isEqualTo(depth);
      assertThat(BinaryTreeDepth.depthRecursive(root)).as("recursive").isEqualTo(depth);
    }

    @Test
    void handlesATreeFarDeeperThanTheStackAllows() {
      Node<Integer> deep = zigzag(100_000);

      assertThat(BinaryTreeDepth.depth(deep)).isEqualTo(100_000);
      assertThatIllegalArgumentException()
          .isThrownBy(() -> BinaryTreeDepth.depthRecursive(deep))
          .withMessage(
              "the tree is deeper than 1000 levels, too deep to recurse safely; use depth(root)");
    }

    @Test
    void recursesUpToItsLimitExactly() {
      int limit = BinaryTreeDepth.MAX_RECURSION_DEPTH;

      assertThat(BinaryTreeDepth.depthRecursive(zigzag(limit))).isEqualTo(limit);
      assertThat(
              BinaryTreeDepth.depthRecursive(new Node<>(0, zigzag(limit - 1), zigzag(limit - 2))))
          .isEqualTo(limit);
      assertThatIllegalArgumentException()
          .isThrownBy(() -> BinaryTreeDepth.depthRecursive(zigzag(limit + 1)));
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("org.interviewtasks.junior.algorithms.BinaryTreeDepthTest#seeds")
    void agreesWithTheDepthTheTreeWasBuiltTo(long seed) {
      var random = new SplittableRandom(seed);
      Built built = randomTree(random, random.nextInt(12));

      assertThat(BinaryTreeDepth.depth(built.root())).isEqualTo(built.depth());
      assertThat(BinaryTreeDepth.depthRecursive(built.root())).isEqualTo(built.depth());
    }
  }

  /** A random tree and the depth it was given while being built. */
  record Built(Node<Integer> root, int depth) {}

  private static Built randomTree(SplittableRandom random, int levels) {
    if (levels == 0 || random.nextInt(5) == 0) {
      return new Built(null, 0);
    }
    Built left = randomTree(random, levels - 1);
    Built right = randomTree(random, levels - 1);
    return new Built(
        new Node<>(random.nextInt(100), left.root(), right.root()),
        1 + Math.max(left.depth(), right.depth()));
  }

  @Nested
  class LevelOrder {

    @Test
    void readsChildrenInTurnSkippingMissingNodes() {
      assertThat(tree("3 9 20 null null 15 7"))
          .isEqualTo(
              new Node<>("3", Node.leaf("9"), new Node<>("20", Node.leaf("15"), Node.leaf("7"))));
      assertThat(tree("1 null 2 3"))
          .isEqualTo(new Node<>("1", null, new Node<>("2", Node.leaf("3"), null)));
      assertThat(tree("1 2 3 4"))
          .isEqualTo(new Node<>("1", new Node<>("2", Node.leaf("4"), null), Node.leaf("3")));
    }

    @Test
    void allowsTrailingNullsAndEmptyTrees() {
      assertThat(tree("1 2 null null null null null"))
          .isEqualTo(new Node<>("1", Node.leaf("2"), null));
      assertThat(tree("")).isNull();
      assertThat(tree("null")).isNull();
      assertThat(tree("null null")).isNull();
    }

    @ParameterizedTest(name = "[{0}]")
    @CsvSource(
        delimiter = ';',
        value = {
          "null 1; the value at index 1 has no parent: [null, 1]",
          "1 null null 5; the value at index 3 has no parent: [1, null, null, 5]",
          "1 2 null null null 6; the value at index 5 has no parent: [1, 2, null, null, null, 6]"
        })
    void rejectsValuesWithoutAParent(String levelOrder, String message) {
      assertThatIllegalArgumentException().isThrownBy(() -> tree(levelOrder)).withMessage(message);
    }

    @Test
    void rejectsNull() {
      assertThatNullPointerException()
          .isThrownBy(() -> Node.fromLevelOrder(null))
          .withMessage("values");
    }
  }

  @Nested
  class Nodes {

    @ParameterizedTest(name = "[{0}] prints {1}")
    @CsvSource(
        delimiter = ';',
        value = {
          "2; 2",
          "1 2 3; 1(2, 3)",
          "1 null 2; 1(-, 2)",
          "1 2; 1(2, -)",
          "1 2 3 null 4; 1(2(-, 4), 3)",
          "3 9 20 null null 15 7; 3(9, 20(15, 7))"
        })
    void printsTheTreeCompactly(String levelOrder, String printed) {
      assertThat(tree(levelOrder)).hasToString(printed);
    }

    @Test
    void comparesValuesAndShape() {
      Node<String> tree = tree("1 2 3 null 4");

      assertThat(tree).isEqualTo(tree("1 2 3 null 4")).hasSameHashCodeAs(tree("1 2 3 null 4"));
      assertThat(tree("1 2")).isNotEqualTo(tree("1 null 2"));
      assertThat(tree("1 null 2")).isNotEqualTo(tree("1 2"));
      assertThat(tree("1 2").hashCode()).isNotEqualTo(tree("1 null 2").hashCode());
      assertThat(tree).isNotEqualTo(tree("1 2 3 4"));
      assertThat(tree).isNotEqualTo(tree("1 2 3 null 5"));
      assertThat(tree).isNotEqualTo(tree("1 2 9 null 4"));
      assertThat(tree).isNotEqualTo(tree("1 2 3 null 4 5"));
      assertThat(tree("1 2 3 null 4 5")).isNotEqualTo(tree);
      assertThat(tree).isNotEqualTo("1(2(-, 4), 3)").isNotEqualTo(null);
      assertThat(Node.leaf("x").hashCode()).isEqualTo(Node.leaf("x").hashCode());
    }

    @ParameterizedTest(name = "[{0}] hashes as {1}")
    @CsvSource(
        delimiter = ';',
        value = {
          "x; x null null",
          "1 2 3; 1 2 null null 3 null null",
          "1 null 2; 1 null 2 null null",
          "1 2 3 null 4; 1 2 null 4 null null 3 null null"
        })
    void hashesAsThePreOrderListWithNulls(String levelOrder, String preOrder) {
      assertThat(tree(levelOrder).hashCode()).isEqualTo(values(preOrder).hashCode());
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("org.interviewtasks.junior.algorithms.BinaryTreeDepthTest#seeds")
    void equalTreesHaveEqualHashes(long seed) {
      Node<Integer> tree = randomTree(new SplittableRandom(seed), 8).root();
      Node<Integer> same = randomTree(new SplittableRandom(seed), 8).root();

      assertThat(same).isEqualTo(tree);
      if (tree != null) {
        assertThat(same.hashCode()).isEqualTo(tree.hashCode());
        assertThat(same.toString()).isEqualTo(tree.toString());
      }
    }

    @Test
    void equalsHashCodeAndToStringWorkOnADeepTree() {
      Node<Integer> deep = zigzag(100_000);
      Node<Integer> same = zigzag(100_000);

      assertThat(deep.equals(same)).isTrue();
      assertThat(deep.equals(zigzag(99_999))).isFalse();
      assertThat(deep.hashCode()).isEqualTo(same.hashCode());
      assertThat(deep.toString())
          .startsWith("1(-, 2(3(-, 4(")
          .contains("99998(99999(-, 100000), -)), -))")
          .endsWith(", -)), -))");
      assertThat(zigzag(4)).hasToString("1(-, 2(3(-, 4), -))");
    }

    @Test
    void rejectsANullValue() {
      assertThatNullPointerException()
          .isThrownBy(() -> new Node<>(null, null, null))
          .withMessage("value");
      assertThatNullPointerException().isThrownBy(() -> Node.leaf(null)).withMessage("value");
    }
  }

  @Nested
  class Main {

    @Test
    void printsTheDepthOfALevelOrderTree() throws Exception {
      var printed =
          StdStreams.capture(() -> BinaryTreeDepth.main("3", "9", "20", "null", "null", "15", "7"));
      var empty = StdStreams.capture(BinaryTreeDepth::main);

      assertThat(printed.out()).isEqualTo("3" + System.lineSeparator());
      assertThat(empty.out()).isEqualTo("0" + System.lineSeparator());
    }

    @Test
    void rejectsAValueWithoutAParent() {
      assertThatIllegalArgumentException()
          .isThrownBy(() -> BinaryTreeDepth.main("1", "null", "null", "5"))
          .withMessage("the value at index 3 has no parent: [1, null, null, 5]");
    }
  }

  static LongStream seeds() {
    return Seeds.derive(200);
  }
}
