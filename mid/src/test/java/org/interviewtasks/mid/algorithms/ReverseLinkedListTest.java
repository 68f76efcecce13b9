package org.interviewtasks.mid.algorithms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import org.interviewtasks.common.testing.RandomData;
import org.interviewtasks.common.testing.Seeds;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class ReverseLinkedListTest {

  static List<String> split(String values) {
    return values.isEmpty() ? List.of() : Arrays.asList(values.split(","));
  }

  @Nested
  class WholeList {

    @ParameterizedTest(name = "[{0}] -> [{1}]")
    @CsvSource(
        delimiter = ';',
        value = {"'';''", "a;a", "a,b;b,a", "a,b,c;c,b,a", "1,2,2,3;3,2,2,1", "😀,é,中;中,é,😀"})
    void reversesIteratively(String values, String expected) {
      assertThat(ListNode.values(ReverseLinkedList.reverse(ListNode.of(split(values)))))
          .isEqualTo(split(expected));
    }

    @ParameterizedTest(name = "[{0}] -> [{1}]")
    @CsvSource(
        delimiter = ';',
        value = {"'';''", "a;a", "a,b;b,a", "a,b,c;c,b,a", "1,2,2,3;3,2,2,1", "😀,é,中;中,é,😀"})
    void reversesRecursively(String values, String expected) {
      assertThat(ListNode.values(ReverseLinkedList.reverseRecursively(ListNode.of(split(values)))))
          .isEqualTo(split(expected));
    }

    @Test
    void reusesTheNodes() {
      ListNode<Integer> head = ListNode.of(1, 2, 3);
      ListNode<Integer> last = head.next().next();

      ListNode<Integer> reversed = ReverseLinkedList.reverse(head);

      assertThat(reversed).isSameAs(last);
      assertThat(head.next()).isNull();
      assertThat(reversed.next().next()).isSameAs(head);
    }

    @Test
    void reversesAMillionNodesIteratively() {
      List<Integer> values = IntStream.range(0, 1_000_000).boxed().toList();

      ListNode<Integer> reversed = ReverseLinkedList.reverse(ListNode.of(values));

      assertThat(reversed.value()).isEqualTo(999_999);
      assertThat(ListNode.values(reversed)).hasSize(1_000_000).endsWith(1, 0);
    }

    @Test
    void recursionStopsAtItsLimit() {
      List<Integer> atLimit =
          IntStream.range(0, ReverseLinkedList.RECURSION_LIMIT).boxed().toList();
      assertThat(ReverseLinkedList.reverseRecursively(ListNode.of(atLimit)).value())
          .isEqualTo(ReverseLinkedList.RECURSION_LIMIT - 1);

      ListNode<Integer> tooLong =
          ListNode.of(IntStream.rangeClosed(0, ReverseLinkedList.RECURSION_LIMIT).boxed().toList());
      assertThatIllegalArgumentException()
          .isThrownBy(() -> ReverseLinkedList.reverseRecursively(tooLong))
          .withMessage(
              "a list of 1001 nodes is too long to reverse recursively (at most 1000);"
                  + " use reverse(head)");
      assertThat(tooLong.value()).isZero();
      assertThat(tooLong.next().value()).isEqualTo(1);
    }
  }

  @Nested
  class Between {

    @ParameterizedTest(name = "[{0}] from {1} to {2} -> [{3}]")
    @CsvSource(
        delimiter = ';',
        value = {
          "a;0;0;a",
          "a,b;0;1;b,a",
          "a,b;1;1;a,b",
          "a,b,c,d,e;1;3;a,d,c,b,e",
          "a,b,c,d,e;0;4;e,d,c,b,a",
          "a,b,c,d,e;0;1;b,a,c,d,e",
          "a,b,c,d,e;3;4;a,b,c,e,d",
          "a,b,c,d,e;2;2;a,b,c,d,e"
        })
    void reversesTheSegmentOnly(String values, int from, int to, String expected) {
      ListNode<String> result =
          ReverseLinkedList.reverseBetween(ListNode.of(split(values)), from, to);

      assertThat(ListNode.values(result)).isEqualTo(split(expected));
    }

    @Test
    void keepsTheHeadUnlessTheSegmentStartsThere() {
      ListNode<Integer> head = ListNode.of(1, 2, 3, 4);
      assertThat(ReverseLinkedList.reverseBetween(head, 1, 2)).isSameAs(head);

      ListNode<Integer> other = ListNode.of(1, 2, 3, 4);
      ListNode<Integer> third = other.next().next();
      assertThat(ReverseLinkedList.reverseBetween(other, 0, 2)).isSameAs(third);
    }

    @ParameterizedTest(name = "from {0} to {1} in 3 nodes")
    @CsvSource({"-1, 1", "2, 1", "0, 3", "3, 3", "-2, -1"})
    void rejectsPositionsOutsideTheListAndChangesNothing(int from, int to) {
      ListNode<String> head = ListNode.of("a", "b", "c");

      assertThatIllegalArgumentException()
          .isThrownBy(() -> ReverseLinkedList.reverseBetween(head, from, to))
          .withMessage(
              "positions "
                  + from
                  + ".."
                  + to
                  + " are not within a list of 3 nodes (need 0 <= from <= to < length)");
      assertThat(ListNode.values(head)).containsExactly("a", "b", "c");
    }

    @Test
    void theEmptyListHasNoPositions() {
      assertThatIllegalArgumentException()
          .isThrownBy(() -> ReverseLinkedList.reverseBetween(null, 0, 0))
          .withMessage(
              "positions 0..0 are not within a list of 0 nodes (need 0 <= from <= to < length)");
    }
  }

  @Test
  void rejectsCyclesWithoutChangingTheList() {
    List<ListNode<Integer>> nodes = DetectCycleTest.build(5, 2);
    ListNode<Integer> head = nodes.get(0);
    String message = "the list has a cycle, so it has no end to reverse";

    assertThatIllegalArgumentException()
        .isThrownBy(() -> ReverseLinkedList.reverse(head))
        .withMessage(message);
    assertThatIllegalArgumentException()
        .isThrownBy(() -> ReverseLinkedList.reverseRecursively(head))
        .withMessage(message);
    assertThatIllegalArgumentException()
        .isThrownBy(() -> ReverseLinkedList.reverseBetween(head, 0, 1))
        .withMessage(message);
    for (int i = 0; i < 4; i++) {
      assertThat(nodes.get(i).next()).isSameAs(nodes.get(i + 1));
    }
    assertThat(nodes.get(4).next()).isSameAs(nodes.get(2));
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void agreesWithCollectionsReverse(long seed) {
    var random = new SplittableRandom(seed);
    List<Integer> values = RandomData.intList(random, 60, 9);
    List<Integer> expected = new ArrayList<>(values);
    Collections.reverse(expected);

    assertThat(ListNode.values(ReverseLinkedList.reverse(ListNode.of(values)))).isEqualTo(expected);
    assertThat(ListNode.values(ReverseLinkedList.reverseRecursively(ListNode.of(values))))
        .isEqualTo(expected);

    if (!values.isEmpty()) {
      int from = random.nextInt(values.size());
      int to = random.nextInt(from, values.size());
      List<Integer> partly = new ArrayList<>(values);
      Collections.reverse(partly.subList(from, to + 1));
      assertThat(ListNode.values(ReverseLinkedList.reverseBetween(ListNode.of(values), from, to)))
          .isEqualTo(partly);
    }
  }

  static LongStream seeds() {
    return Seeds.derive(200);
  }
}
