package org.interviewtasks.mid.algorithms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class ListNodeTest {

  @Test
  void buildsAndReadsListsInOrder() {
    ListNode<String> head = ListNode.of("a", "b", "ç");

    assertThat(head.value()).isEqualTo("a");
    assertThat(head.next().value()).isEqualTo("b");
    assertThat(head.next().next().value()).isEqualTo("ç");
    assertThat(head.next().next().next()).isNull();
    assertThat(ListNode.values(head)).containsExactly("a", "b", "ç");
    assertThat(ListNode.values(ListNode.of(List.of(1, 2)))).containsExactly(1, 2);
  }

  @Test
  void theEmptyListIsNull() {
    assertThat(ListNode.<String>of()).isNull();
    assertThat(ListNode.of(List.of())).isNull();
    assertThat(ListNode.values(null)).isEmpty();
  }

  @Test
  void linksCanBeChanged() {
    ListNode<Integer> tail = new ListNode<>(2);
    ListNode<Integer> head = new ListNode<>(1, tail);
    assertThat(head.next()).isSameAs(tail);

    head.setNext(null);

    assertThat(ListNode.values(head)).containsExactly(1);
  }

  @Test
  void valuesIsUnmodifiable() {
    assertThat(ListNode.values(ListNode.of(1))).isUnmodifiable();
  }

  @Test
  void rejectsNullValuesAndCycles() {
    assertThatNullPointerException().isThrownBy(() -> new ListNode<>(null)).withMessage("value");
    assertThatNullPointerException().isThrownBy(() -> ListNode.of(Arrays.asList(1, null)));
    ListNode<Integer> loop = new ListNode<>(1);
    loop.setNext(loop);
    assertThatIllegalArgumentException()
        .isThrownBy(() -> ListNode.values(loop))
        .withMessage("the list has a cycle");
  }

  @Test
  void printsOnlyItsOwnValue() {
    assertThat(ListNode.of(1, 2, 3)).hasToString("ListNode[1]");
  }
}
