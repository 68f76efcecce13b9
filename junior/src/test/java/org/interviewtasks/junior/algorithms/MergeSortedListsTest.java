package org.interviewtasks.junior.algorithms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import org.interviewtasks.common.testing.Seeds;
import org.interviewtasks.common.testing.StdStreams;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class MergeSortedListsTest {

  private static final Comparator<Integer> NATURAL = Comparator.naturalOrder();

  /** An element with a sort key and an identity that the key does not see. */
  record Item(int key, String from) {}

  @ParameterizedTest(name = "[{0}] + [{1}] -> [{2}]")
  @CsvSource(
      delimiter = ';',
      value = {
        ";;",
        "1 2 3;; 1 2 3",
        "; 1 2 3; 1 2 3",
        "1 3 5; 2 4 6; 1 2 3 4 5 6",
        "2 4 6; 1 3 5; 1 2 3 4 5 6",
        "1 2 3; 4 5 6; 1 2 3 4 5 6",
        "4 5 6; 1 2 3; 1 2 3 4 5 6",
        "1 1 2; 1 2 2; 1 1 1 2 2 2",
        "5; 5; 5 5",
        "1 9; 2 3 4 5; 1 2 3 4 5 9",
        "-3 0 7; -5 -3 8; -5 -3 -3 0 7 8",
        "-2147483648 2147483647; -2147483648 0 2147483647;"
            + " -2147483648 -2147483648 0 2147483647 2147483647"
      })
  void mergesIntoOneSortedList(String first, String second, String expected) {
    int[] a = Ints.parse(first);
    int[] b = Ints.parse(second);
    int[] merged = Ints.parse(expected);
    List<Integer> listA = List.of(Ints.boxed(a));
    List<Integer> listB = List.of(Ints.boxed(b));

    assertThat(MergeSortedLists.merge(a, b)).as("int[]").containsExactly(merged);
    assertThat(MergeSortedLists.merge(listA, listB))
        .as("natural")
        .containsExactly(Ints.boxed(merged));
    assertThat(MergeSortedLists.merge(listA, listB, NATURAL))
        .as("comparator")
        .containsExactly(Ints.boxed(merged));
  }

  @Test
  void isStableOnTiesFirstListFirst() {
    List<Item> first = List.of(new Item(1, "a"), new Item(2, "a"), new Item(2, "a'"));
    List<Item> second = List.of(new Item(1, "b"), new Item(2, "b"), new Item(3, "b"));

    assertThat(MergeSortedLists.merge(first, second, Comparator.comparingInt(Item::key)))
        .containsExactly(
            new Item(1, "a"),
            new Item(1, "b"),
            new Item(2, "a"),
            new Item(2, "a'"),
            new Item(2, "b"),
            new Item(3, "b"));
  }

  @Test
  void mergesByTheGivenComparator() {
    assertThat(
            MergeSortedLists.merge(List.of(9, 4, 1), List.of(8, 4, 2), Comparator.reverseOrder()))
        .containsExactly(9, 8, 4, 4, 2, 1);
    assertThat(
            MergeSortedLists.merge(
                Arrays.asList(null, "b"),
                Arrays.asList("a", "c"),
                Comparator.nullsFirst(Comparator.<String>naturalOrder())))
        .containsExactly(null, "a", "b", "c");
  }

  @Test
  @SuppressWarnings("JdkObsolete") // a list without random access, on purpose
  void readsAnyListAndReturnsANewMutableOne() {
    List<Integer> first = new LinkedList<>(List.of(1, 4));
    List<Integer> second = new ArrayList<>(List.of(2, 3));

    List<Integer> merged = MergeSortedLists.merge(first, second);
    merged.add(5);

    assertThat(merged).containsExactly(1, 2, 3, 4, 5);
    assertThat(first).containsExactly(1, 4);
    assertThat(second).containsExactly(2, 3);
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("org.interviewtasks.junior.algorithms.MergeSortedListsTest#seeds")
  void agreesWithSortingTheConcatenation(long seed) {
    var random = new SplittableRandom(seed);
    int[] a = random.ints(random.nextInt(20), -10, 11).sorted().toArray();
    int[] b = random.ints(random.nextInt(20), -10, 11).sorted().toArray();
    int[] expected = IntStream.concat(IntStream.of(a), IntStream.of(b)).sorted().toArray();
    List<Item> first = IntStream.of(a).mapToObj(k -> new Item(k, "a")).toList();
    List<Item> second = IntStream.of(b).mapToObj(k -> new Item(k, "b")).toList();
    List<Item> stable = new ArrayList<>(first);
    stable.addAll(second);
    stable.sort(Comparator.comparingInt(Item::key)); // List.sort is stable

    assertThat(MergeSortedLists.merge(a, b)).containsExactly(expected);
    assertThat(MergeSortedLists.merge(first, second, Comparator.comparingInt(Item::key)))
        .isEqualTo(stable);
  }

  @Test
  void rejectsUnsortedInputNamingWhereTheOrderBreaks() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> MergeSortedLists.merge(List.of(1, 3, 2), List.of(1)))
        .withMessage("first is not sorted: the element at index 2 is less than the one at index 1");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> MergeSortedLists.merge(List.of(1), List.of(2, 1), NATURAL))
        .withMessage(
            "second is not sorted: the element at index 1 is less than the one at index 0");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> MergeSortedLists.merge(new int[] {5, 4}, new int[0]))
        .withMessage("first is not sorted: the element at index 1 is less than the one at index 0");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> MergeSortedLists.merge(new int[] {1}, new int[] {1, 2, 2, 3, 0}))
        .withMessage(
            "second is not sorted: the element at index 4 is less than the one at index 3");
    assertThatIllegalArgumentException()
        .isThrownBy(
            () -> MergeSortedLists.merge(List.of(1, 2), List.of(3, 4), Comparator.reverseOrder()))
        .withMessage("first is not sorted: the element at index 1 is less than the one at index 0");
  }

  @Test
  void rejectsNulls() {
    assertThatNullPointerException()
        .isThrownBy(() -> MergeSortedLists.merge(null, List.of(1), NATURAL))
        .withMessage("first");
    assertThatNullPointerException()
        .isThrownBy(() -> MergeSortedLists.merge(List.of(1), null, NATURAL))
        .withMessage("second");
    assertThatNullPointerException()
        .isThrownBy(() -> MergeSortedLists.merge(List.of(1), List.of(2), null))
        .withMessage("order");
    assertThatNullPointerException()
        .isThrownBy(() -> MergeSortedLists.merge(null, List.of(1)))
        .withMessage("first");
    assertThatNullPointerException()
        .isThrownBy(() -> MergeSortedLists.merge(List.of(1), (List<Integer>) null))
        .withMessage("second");
    assertThatNullPointerException()
        .isThrownBy(() -> MergeSortedLists.merge(null, new int[0]))
        .withMessage("first");
    assertThatNullPointerException()
        .isThrownBy(() -> MergeSortedLists.merge(new int[0], null))
        .withMessage("second");
  }

  @Test
  void rejectsNullElementsInNaturalOrder() {
    assertThatNullPointerException()
        .isThrownBy(() -> MergeSortedLists.merge(Arrays.asList(1, null), List.of(2)))
        .withMessage("null element at index 1 of first");
    assertThatNullPointerException()
        .isThrownBy(() -> MergeSortedLists.merge(List.of(1), Arrays.asList((Integer) null)))
        .withMessage("null element at index 0 of second");
  }

  @Nested
  class Main {

    @Test
    void printsTheMergedLists() throws Exception {
      var printed = StdStreams.capture(() -> MergeSortedLists.main("1,4, 9", "2,3,10"));
      var oneEmpty = StdStreams.capture(() -> MergeSortedLists.main("", "2,3"));

      assertThat(printed.out()).isEqualTo("1 2 3 4 9 10" + System.lineSeparator());
      assertThat(oneEmpty.out()).isEqualTo("2 3" + System.lineSeparator());
    }

    @Test
    void rejectsBadArguments() {
      assertThatIllegalArgumentException()
          .isThrownBy(() -> MergeSortedLists.main("1,2"))
          .withMessage("usage: junior.algorithms.11 <sorted ints> <sorted ints>");
      assertThatIllegalArgumentException()
          .isThrownBy(() -> MergeSortedLists.main("1,,2", "3"))
          .withMessage("not an int: ''");
      assertThatIllegalArgumentException()
          .isThrownBy(() -> MergeSortedLists.main("1,2", "3,1"))
          .withMessage(
              "second is not sorted: the element at index 1 is less than the one at index 0");
    }
  }

  static LongStream seeds() {
    return Seeds.derive(200);
  }
}
