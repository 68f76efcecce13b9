package org.interviewtasks.mid.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.LongStream;
import org.interviewtasks.common.testing.Seeds;
import org.interviewtasks.common.testing.StdStreams;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class FlattenListTest {

  /** A random nested list of ints 0.., and the flat list it should give, built together. */
  record Case(List<Object> nested, List<Integer> leaves) {}

  static Case randomCase(SplittableRandom random) {
    List<Integer> leaves = new ArrayList<>();
    List<Object> root = new ArrayList<>();
    ArrayDeque<List<Object>> open = new ArrayDeque<>();
    open.push(root);
    int steps = random.nextInt(60);
    for (int i = 0; i < steps; i++) {
      int choice = random.nextInt(4);
      if (choice == 0) {
        List<Object> inner = new ArrayList<>();
        open.peek().add(inner);
        open.push(inner);
      } else if (choice == 1 && open.size() > 1) {
        open.pop();
      } else {
        open.peek().add(leaves.size());
        leaves.add(leaves.size());
      }
    }
    return new Case(root, leaves);
  }

  private static void recursiveFlatten(Iterable<?> nested, List<Object> out) {
    for (Object element : nested) {
      if (element instanceof Iterable<?> inner) {
        recursiveFlatten(inner, out);
      } else {
        out.add(element);
      }
    }
  }

  @Nested
  class Examples {

    @Test
    void flattensTheTaskExample() {
      List<Object> nested = List.of(List.of(1, 2, List.of(3)), 4);

      assertThat(FlattenList.flatten(nested)).containsExactly(1, 2, 3, 4);
      assertThat(FlattenList.stream(nested)).containsExactly(1, 2, 3, 4);
      assertThat(FlattenList.flatten(nested, Integer.class)).containsExactly(1, 2, 3, 4);
    }

    @Test
    void emptyListsAtAnyDepthGiveNothing() {
      assertThat(FlattenList.flatten(List.of())).isEmpty();
      assertThat(FlattenList.flatten(List.of(List.of(), List.of(List.of(List.of()))))).isEmpty();
      assertThat(FlattenList.flatten(List.of(List.of(), 1, List.of(List.of(), 2), List.of())))
          .containsExactly(1, 2);
    }

    @Test
    void stringsArraysAndMapsAreLeaves() {
      int[] array = {1, 2};
      Map<String, Integer> map = Map.of("k", 1);

      assertThat(FlattenList.flatten(List.of("abc", List.of("dé", array), map)))
          .containsExactly("abc", "dé", array, map);
    }

    @Test
    void anyIterableIsOpenedAndNullLeavesAreKept() {
      Iterable<Object> custom = () -> List.<Object>of("x", "y").iterator();
      List<Object> nested =
          Arrays.asList(
              new LinkedHashSet<>(List.of(1, 2)), null, new ArrayDeque<>(List.of(3)), custom);

      assertThat(FlattenList.flatten(nested)).containsExactly(1, 2, null, 3, "x", "y");
      assertThat(FlattenList.flatten(nested)).isUnmodifiable();
    }

    @Test
    void theSameListTwiceSideBySideIsFlattenedTwice() {
      List<Integer> shared = List.of(1, 2);

      assertThat(FlattenList.flatten(List.of(shared, List.of(shared)))).containsExactly(1, 2, 1, 2);
    }
  }

  @Nested
  class Laziness {

    @Test
    void theIteratorReadsOnlyWhatItNeeds() {
      AtomicInteger opened = new AtomicInteger();
      Iterable<Object> counting =
          () -> {
            opened.incrementAndGet();
            return List.<Object>of(2, 3).iterator();
          };
      List<Object> nested = List.of(1, counting, counting);

      Iterator<Object> it = FlattenList.iterator(nested);
      assertThat(opened).hasValue(0);
      assertThat(it.next()).isEqualTo(1);
      assertThat(opened).hasValue(0);
      assertThat(it.next()).isEqualTo(2);
      assertThat(opened).hasValue(1);
      assertThat(FlattenList.stream(nested).limit(2)).containsExactly(1, 2);
    }

    @Test
    void anExhaustedIteratorSaysSo() {
      Iterator<Object> it = FlattenList.iterator(List.of(List.of(1)));

      assertThat(it.hasNext()).isTrue();
      assertThat(it.hasNext()).isTrue();
      assertThat(it.next()).isEqualTo(1);
      assertThat(it.hasNext()).isFalse();
      assertThatThrownBy(it::next)
          .isInstanceOf(NoSuchElementException.class)
          .hasMessage("no more leaves");
    }
  }

  @Nested
  class Depth {

    @Test
    void aHundredThousandLevelsDoNotOverflowTheStack() {
      List<Object> nested = new ArrayList<>(List.of("bottom"));
      for (int level = 0; level < 100_000; level++) {
        List<Object> outer = new ArrayList<>();
        outer.add(level);
        outer.add(nested);
        nested = outer;
      }

      List<Object> flat = FlattenList.flatten(nested);

      assertThat(flat).hasSize(100_001);
      assertThat(flat.get(0)).isEqualTo(99_999);
      assertThat(flat.get(100_000)).isEqualTo("bottom");
    }

    @Test
    void aListThatContainsItselfIsRejected() {
      List<Object> loop = new ArrayList<>(List.of(1));
      loop.add(List.of(2, loop));

      assertThatIllegalArgumentException()
          .isThrownBy(() -> FlattenList.flatten(loop))
          .withMessage("the nested list contains itself");
      List<Object> direct = new ArrayList<>();
      direct.add(direct);
      assertThatIllegalArgumentException()
          .isThrownBy(() -> FlattenList.flatten(direct))
          .withMessage("the nested list contains itself");
    }
  }

  @Nested
  class Typed {

    @Test
    void namesTheFirstLeafOfTheWrongType() {
      List<Object> nested = List.of(1, List.of(2, "three", 4.0));

      assertThatIllegalArgumentException()
          .isThrownBy(() -> FlattenList.flatten(nested, Integer.class))
          .withMessage("leaf 2 is a String, not a Integer: three");
      assertThat(FlattenList.flatten(nested, Object.class)).hasSize(4);
      assertThat(FlattenList.flatten(List.of(List.of(1L), 2.5), Number.class))
          .containsExactly(1L, 2.5)
          .isUnmodifiable();
    }

    @Test
    void nullLeavesFitAnyType() {
      assertThat(FlattenList.flatten(Arrays.asList(1, null), Integer.class))
          .containsExactly(1, null);
    }

    @Test
    void rejectsNulls() {
      assertThatNullPointerException()
          .isThrownBy(() -> FlattenList.flatten(null))
          .withMessage("nested");
      assertThatNullPointerException()
          .isThrownBy(() -> FlattenList.flatten(List.of(), null))
          .withMessage("type");
      assertThatNullPointerException()
          .isThrownBy(() -> FlattenList.stream(null))
          .withMessage("nested");
    }
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void agreesWithTheRecursiveDefinition(long seed) {
    Case c = randomCase(new SplittableRandom(seed));
    List<Object> expected = new ArrayList<>();
    recursiveFlatten(c.nested(), expected);

    assertThat(FlattenList.flatten(c.nested())).isEqualTo(expected).isEqualTo(c.leaves());
    assertThat(FlattenList.flatten(c.nested(), Integer.class)).isEqualTo(c.leaves());
    assertThat(FlattenList.stream(c.nested()).toList()).isEqualTo(c.leaves());
  }

  @Nested
  class Main {

    @Test
    void flattensANestedJsonArray() throws Exception {
      var printed = StdStreams.capture(() -> FlattenList.main("[[1,2,[3]],4,[[\"ü\"]],[]]"));

      assertThat(printed.out()).isEqualTo("[1, 2, 3, 4, ü]" + System.lineSeparator());
    }

    @Test
    void rejectsAnythingButOneJsonArray() {
      assertThatIllegalArgumentException()
          .isThrownBy(FlattenList::main)
          .withMessage("usage: mid.core.4 <nested JSON array>");
      assertThatIllegalArgumentException()
          .isThrownBy(() -> FlattenList.main("[1, 2"))
          .withMessage("not a JSON array: [1, 2");
      assertThatIllegalArgumentException()
          .isThrownBy(() -> FlattenList.main("{\"a\": 1}"))
          .withMessage("not a JSON array: {\"a\": 1}");
    }
  }

  static LongStream seeds() {
    return Seeds.derive(200);
  }
}
