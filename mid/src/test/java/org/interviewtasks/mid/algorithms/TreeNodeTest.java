package org.interviewtasks.mid.algorithms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import org.junit.jupiter.api.Test;

class TreeNodeTest {

  @Test
  void holdsAValueAndTwoChangeableChildren() {
    TreeNode<String> left = new TreeNode<>("l");
    TreeNode<String> right = new TreeNode<>("r");
    TreeNode<String> root = new TreeNode<>("root", left, right);

    assertThat(root.value()).isEqualTo("root");
    assertThat(root.left()).isSameAs(left);
    assertThat(root.right()).isSameAs(right);
    assertThat(left.left()).isNull();
    assertThat(left.right()).isNull();

    root.setLeft(null);
    root.setRight(left);

    assertThat(root.left()).isNull();
    assertThat(root.right()).isSameAs(left);
  }

  @Test
  void rejectsNullValuesAndPrintsOnlyItsOwnValue() {
    assertThatNullPointerException().isThrownBy(() -> new TreeNode<>(null)).withMessage("value");
    assertThat(new TreeNode<>(1, new TreeNode<>(2), null)).hasToString("TreeNode[1]");
  }
}
