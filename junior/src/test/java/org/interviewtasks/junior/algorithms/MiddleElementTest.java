package org.interviewtasks.junior.algorithms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.LinkedList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.SplittableRandom;
import java.util.function.Function;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.interviewtasks.common.testing.Seeds;
import org.interviewtasks.common.testing.StdStreams;
import org.interviewtasks.junior.algorithms.MiddleElement.Node;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class MiddleElementTest {

  static Stream<Arguments> ways() {
    return Stream.of(
        Arguments.of(
            "slow and fast pointers", (Function<Node<Integer>, Integer>) MiddleElement::middle),
        Arguments.of(
            "counting", (Function<Node<Integer>, Integer>) MiddleElement::middleByCounting));
  }

  @Nested
  class Middle {

    static Stream<Arguments> cases() {
      String[][] table = {
        {"7", "7"},
        {"1 2", "2"},
        {"1 2 3", "2"},
        {"1 2 3 4", "3"},
        {"1 2 3 4 5", "3"},
        {"1 2 3 4 5 6", "4"},
        {"5 4 3 2 1 0 -1", "2"}
      };
      return ways()
          .flatMap(
              way ->
                  Stream.of(table)
                      .map(row -> Arguments.of(way.get()[0], way.get()[1], row[0], row[1])));
    }

    @ParameterizedTest(name = "{0}: [{2}] -> {3}")
    @MethodSource("cases")
    void findsTheMiddleSecondOfTwo(
        String way, Function<Node<Integer>, Integer> middle, String list, int expected) {
      assertThat(middle.apply(Node.of(List.of(Ints.boxed(Ints.parse(list)))))).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.interviewtasks.junior.algorithms.MiddleElementTest#ways")
    void hasNoMiddleInAnEmptyList(String way, Function<Node<Integer>, Integer> middle) {
      assertThatThrownBy(() -> middle.apply(null))
          .isInstanceOf(NoSuchElementException.class)
          .hasMessage("an empty list has no middle element");
    }

    @Test
    void returnsTheMiddleNodeItself() {
      Node<String> head = Node.of("a", "b", "c", "d", "e");

      Node<String> middle = MiddleElement.middleNode(head);

      assertThat(middle).isSameAs(head.next().next());
      assertThat(middle.toList()).containsExactly("c", "d", "e");
      assertThatThrownBy(() -> MiddleElement.middleNode(null))
          .isInstanceOf(NoSuchElementException.class);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("org.interviewtasks.junior.algorithms.MiddleElementTest#seeds")
    void agreesWithGetHalfTheSize(long seed) {
      var random = new SplittableRandom(seed);
      List<Integer> values = random.ints(random.nextInt(1, 60), -50, 50).boxed().toList();
      Node<Integer> head = Node.of(values);

      assertThat(MiddleElement.middle(head)).isEqualTo(values.get(values.size() / 2));
      assertThat(MiddleElement.middleByCounting(head)).isEqualTo(values.get(values.size() / 2));
    }

    @Test
    void walksALongListWithoutRecursion() {
      Node<Integer> head = Node.of(IntStream.range(0, 1_000_001).boxed().toList());

      assertThat(MiddleElement.middle(head)).isEqualTo(500_000);
      assertThat(MiddleElement.middleByCounting(head)).isEqualTo(500_000);
    }
  }

  @Nested
  class Nodes {

    @Test
    void buildsAListInOrder() {
      Node<String> head = Node.of("a", "b", "c");

      assertThat(head.value()).isEqualTo("a");
      assertThat(head.next().value()).isEqualTo("b");
      assertThat(head.next().next().value()).isEqualTo("c");
      assertThat(head.next().next().next()).isNull();
      assertThat(head.toList()).containsExactly("a", "b", "c");
      assertThat(Node.of()).isNull();
      assertThat(Node.of(List.of())).isNull();
    }

    @Test
    @SuppressWarnings("JdkObsolete") // a list without random access, on purpose
    void buildsFromAnyList() {
      assertThat(Node.of(new LinkedList<>(List.of(1, 2, 3))).toList()).containsExactly(1, 2, 3);
    }

    @Test
    void comparesHashesAndPrintsTheWholeList() {
      Node<Integer> list = Node.of(1, 2, 3);

      assertThat(list).isEqualTo(Node.of(1, 2, 3)).hasSameHashCodeAs(Node.of(1, 2, 3));
      assertThat(list.hashCode()).isEqualTo(List.of(1, 2, 3).hashCode());
      assertThat(list).isNotEqualTo(Node.of(1, 2)).isNotEqualTo(Node.of(1, 2, 3, 4));
      assertThat(list).isNotEqualTo(Node.of(1, 2, 4)).isNotEqualTo(Node.of(0, 2, 3));
      assertThat(Node.of(1, 2)).isNotEqualTo(list);
      assertThat(list).isNotEqualTo(List.of(1, 2, 3)).isNotEqualTo(null);
      assertThat(list.toString()).isEqualTo("[1 -> 2 -> 3]");
      assertThat(Node.of("x").toString()).isEqualTo("[x]");
    }

    @Test
    void equalsHashCodeAndToStringWorkOnALongList() {
      List<Integer> values = IntStream.range(0, 300_000).boxed().toList();
      Node<Integer> list = Node.of(values);
      Node<Integer> same = Node.of(values);

      assertThat(list.equals(same)).isTrue();
      assertThat(list.hashCode()).isEqualTo(values.hashCode());
      assertThat(list.toString()).startsWith("[0 -> 1 -> 2").endsWith("299999]");
    }

    @Test
    void rejectsNullValues() {
      assertThatNullPointerException()
          .isThrownBy(() -> new Node<>(null, null))
          .withMessage("value");
      assertThatNullPointerException()
          .isThrownBy(() -> Node.of(Arrays.asList("a", null)))
          .withMessage("value");
      assertThatNullPointerException()
          .isThrownBy(() -> Node.of((List<String>) null))
          .withMessage("values");
      assertThatNullPointerException()
          .isThrownBy(() -> Node.of((String[]) null))
          .withMessage("values");
    }
  }

  @Nested
  class Main {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"a b c d, c", "a b c, b", "only, only"})
    void printsTheMiddleArgument(String args, String expected) throws Exception {
      var printed = StdStreams.capture(() -> MiddleElement.main(args.split(" ")));

      assertThat(printed.out()).isEqualTo(expected + System.lineSeparator());
    }

    @Test
    void needsAnArgument() {
      assertThatIllegalArgumentException()
          .isThrownBy(MiddleElement::main)
          .withMessage("usage: junior.algorithms.19 <element> [element...]");
    }
  }

  static LongStream seeds() {
    return Seeds.derive(200);
  }
}
