package org.interviewtasks.mid.algorithms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.interviewtasks.common.testing.Seeds;
import org.interviewtasks.common.testing.StdStreams;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class PowerSetTest {

  static Stream<Function<List<String>, List<List<String>>>> methods() {
    return Stream.of(
        PowerSet::iterative, PowerSet::recursive, items -> PowerSet.lazy(items).toList());
  }

  static List<Integer> range(int n) {
    return IntStream.range(0, n).boxed().toList();
  }

  @Nested
  class Orders {

    @Test
    void iterativeAndLazyCountInBinary() {
      List<List<String>> expected =
          List.of(
              List.of(),
              List.of("a"),
              List.of("b"),
              List.of("a", "b"),
              List.of("c"),
              List.of("a", "c"),
              List.of("b", "c"),
              List.of("a", "b", "c"));

      assertThat(PowerSet.iterative(List.of("a", "b", "c"))).isEqualTo(expected);
      assertThat(PowerSet.lazy(List.of("a", "b", "c"))).containsExactlyElementsOf(expected);
    }

    @Test
    void recursiveGoesInLexicographicOrderOfPositions() {
      assertThat(PowerSet.recursive(List.of("a", "b", "c")))
          .containsExactly(
              List.of(),
              List.of("a"),
              List.of("a", "b"),
              List.of("a", "b", "c"),
              List.of("a", "c"),
              List.of("b"),
              List.of("b", "c"),
              List.of("c"));
    }

    @ParameterizedTest
    @MethodSource("org.interviewtasks.mid.algorithms.PowerSetTest#methods")
    void theEmptyListHasOnlyTheEmptySubset(Function<List<String>, List<List<String>>> method) {
      assertThat(method.apply(List.of())).containsExactly(List.of());
      assertThat(method.apply(List.of("😀"))).containsExactly(List.of(), List.of("😀"));
    }

    @ParameterizedTest
    @MethodSource("org.interviewtasks.mid.algorithms.PowerSetTest#methods")
    void resultsAreUnmodifiable(Function<List<String>, List<List<String>>> method) {
      List<List<String>> subsets = method.apply(List.of("x", "y"));

      assertThat(subsets.get(3)).isUnmodifiable();
      assertThat(subsets.get(0)).isUnmodifiable();
    }
  }

  @Nested
  class Duplicates {

    @ParameterizedTest
    @MethodSource("org.interviewtasks.mid.algorithms.PowerSetTest#methods")
    void byPositionEqualElementsGiveEqualSubsets(
        Function<List<String>, List<List<String>>> method) {
      assertThat(method.apply(List.of("x", "x")))
          .containsExactlyInAnyOrder(List.of(), List.of("x"), List.of("x"), List.of("x", "x"));
    }

    @Test
    void distinctTreatsTheInputAsAMultiset() {
      assertThat(PowerSet.distinct(List.of("x", "x")))
          .containsExactly(List.of(), List.of("x"), List.of("x", "x"));
      assertThat(PowerSet.distinct(List.of(1, 2, 2)))
          .containsExactly(
              List.of(), List.of(2), List.of(2, 2), List.of(1), List.of(1, 2), List.of(1, 2, 2));
      assertThat(PowerSet.distinct(List.of(2, 1, 2)))
          .containsExactly(
              List.of(), List.of(1), List.of(2), List.of(2, 1), List.of(2, 2), List.of(2, 2, 1));
      assertThat(PowerSet.distinct(List.of())).containsExactly(List.of());
      assertThat(PowerSet.distinct(List.of("a", "b"))).hasSize(4);
      assertThat(PowerSet.distinct(List.of(1, 2, 2)).get(4)).isUnmodifiable();
      assertThat(PowerSet.distinct(List.of(1, 2, 2))).isUnmodifiable();
    }

    @Test
    void distinctCopesWithManyEqualElements() {
      List<String> forty = Collections.nCopies(40, "z");

      List<List<String>> subsets = PowerSet.distinct(forty);

      assertThat(subsets).hasSize(41);
      assertThat(subsets.get(40)).hasSize(40);
    }
  }

  @Nested
  class Limits {

    @Test
    void listsStopAtThirtyElements() {
      List<Integer> tooMany = range(PowerSet.MAX_LISTED + 1);

      assertThatIllegalArgumentException()
          .isThrownBy(() -> PowerSet.iterative(tooMany))
          .withMessage("iterative takes at most 30 elements, got 31: 2^31 subsets are too many");
      assertThatIllegalArgumentException()
          .isThrownBy(() -> PowerSet.recursive(tooMany))
          .withMessage("recursive takes at most 30 elements, got 31: 2^31 subsets are too many");
    }

    @Test
    void distinctStopsAtTwoToTheThirtyDistinctSubsets() {
      List<Integer> tooMany = range(PowerSet.MAX_LISTED + 1);
      List<Integer> justBelow = new ArrayList<>(range(29));
      justBelow.addAll(List.of(100, 100, 100)); // 2^29 * 4 = 2^31 subsets

      assertThatIllegalArgumentException()
          .isThrownBy(() -> PowerSet.distinct(tooMany))
          .withMessage("more than 2^30 distinct subsets of 31 elements");
      assertThatIllegalArgumentException()
          .isThrownBy(() -> PowerSet.distinct(justBelow))
          .withMessage("more than 2^30 distinct subsets of 32 elements");
    }

    @Test
    void theStreamTakesUpToSixtyTwoElementsLazily() {
      List<Integer> sixtyTwo = range(PowerSet.MAX_STREAMED);

      assertThat(PowerSet.lazy(sixtyTwo).skip(5).limit(2))
          .containsExactly(List.of(0, 2), List.of(1, 2));
      assertThat(PowerSet.lazy(sixtyTwo).count()).isEqualTo(1L << 62);
      assertThatIllegalArgumentException()
          .isThrownBy(() -> PowerSet.lazy(range(63)))
          .withMessage("lazy takes at most 62 elements, got 63: 2^63 subsets are too many");
    }

    @Test
    void theStreamIsASnapshotOfTheInput() {
      List<String> items = new ArrayList<>(List.of("a", "b"));
      Stream<List<String>> subsets = PowerSet.lazy(items);
      items.add("c");

      assertThat(subsets).hasSize(4);
    }

    @Test
    void rejectsNulls() {
      assertThatNullPointerException()
          .isThrownBy(() -> PowerSet.iterative(null))
          .withMessage("items");
      assertThatNullPointerException()
          .isThrownBy(() -> PowerSet.recursive(Arrays.asList("a", null)))
          .withMessage("null element at index 1");
      assertThatNullPointerException()
          .isThrownBy(() -> PowerSet.lazy(Arrays.asList(null, "a")))
          .withMessage("null element at index 0");
      assertThatNullPointerException()
          .isThrownBy(() -> PowerSet.distinct(Arrays.asList("a", null)))
          .withMessage("null element at index 1");
    }
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void everyMethodListsEverySubsetOnce(long seed) {
    var random = new SplittableRandom(seed);
    int n = random.nextInt(0, 11);
    List<Integer> items = random.ints(n, 0, 4).boxed().toList();

    List<List<Integer>> iterative = PowerSet.iterative(items);
    List<List<Integer>> recursive = PowerSet.recursive(items);
    List<List<Integer>> lazy = PowerSet.lazy(items).toList();

    assertThat(iterative).hasSize(1 << n).isEqualTo(lazy);
    assertThat(recursive).containsExactlyInAnyOrderElementsOf(iterative);
    Set<List<Integer>> multisets =
        iterative.stream()
            .map(s -> s.stream().sorted(Comparator.naturalOrder()).toList())
            .collect(Collectors.toSet());
    List<List<Integer>> distinct = PowerSet.distinct(items);
    assertThat(distinct).doesNotHaveDuplicates().hasSameSizeAs(multisets);
    assertThat(distinct.stream().map(s -> s.stream().sorted().toList()).collect(Collectors.toSet()))
        .isEqualTo(multisets);
  }

  @Test
  void mainPrintsEverySubset() throws Exception {
    var printed = StdStreams.capture(() -> PowerSet.main("a", "b"));

    assertThat(printed.out().lines()).containsExactly("[]", "[a]", "[b]", "[a, b]");
  }

  @Test
  void mainRefusesMoreElementsThanALineCountAReaderWants() throws Exception {
    String[] sixteen = IntStream.range(0, 16).mapToObj(Integer::toString).toArray(String[]::new);
    assertThat(StdStreams.capture(() -> PowerSet.main(sixteen)).out().lines()).hasSize(1 << 16);

    String[] many = IntStream.range(0, 31).mapToObj(Integer::toString).toArray(String[]::new);
    assertThatIllegalArgumentException()
        .isThrownBy(() -> PowerSet.main(many))
        .withMessage(
            "usage: mid.algorithms.10 [element...] with at most 16 elements (2^16 lines), got 31");
  }

  static LongStream seeds() {
    return Seeds.derive(200);
  }
}
