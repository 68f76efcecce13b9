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
import java.util.stream.LongStream;
import org.interviewtasks.common.testing.RandomData;
import org.interviewtasks.common.testing.Seeds;
import org.interviewtasks.common.testing.StdStreams;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What every sort in this package must do, whatever its algorithm: each sort's test extends this
 * and says how to call it and whether it is stable.
 */
abstract class SortContract {

  /** Sorts the array in place, ascending. */
  abstract void sort(int[] numbers);

  /** Sorts the array in place by the comparator. */
  abstract <T> void sort(T[] elements, Comparator<? super T> order);

  /** A new sorted list. */
  abstract <T> List<T> sorted(List<? extends T> list, Comparator<? super T> order);

  /** Runs the sort's command line. */
  abstract void runMain(String... args);

  /** Whether equal elements keep their relative order. */
  abstract boolean stable();

  /** An element with a sort key and an identity that the key does not see. */
  record Item(int key, int id) {}

  static final Comparator<Item> BY_KEY = Comparator.comparingInt(Item::key);

  /** Sorts the space-separated numbers as Integers and returns how many comparisons it took. */
  int comparisonsToSort(String input) {
    int[] count = {0};
    Integer[] elements = Ints.boxed(Ints.parse(input));
    sort(
        elements,
        (a, b) -> {
          count[0]++;
          return Integer.compare(a, b);
        });
    assertThat(elements).isSorted();
    return count[0];
  }

  @ParameterizedTest(name = "{0}: [{1}] -> [{2}]")
  @CsvSource(
      delimiter = ';',
      value = {
        "empty;;",
        "one element; 7; 7",
        "two in order; 1 2; 1 2",
        "two reversed; 2 1; 1 2",
        "duplicates; 3 1 3 2 1 3; 1 1 2 3 3 3",
        "all equal; 4 4 4 4; 4 4 4 4",
        "already sorted; 1 2 3 4 5 6; 1 2 3 4 5 6",
        "reversed; 6 5 4 3 2 1; 1 2 3 4 5 6",
        "negatives; -3 5 -10 0 -1 2; -10 -3 -1 0 2 5",
        "extremes; 2147483647 -2147483648 0 -1 2147483647 1 -2147483648;"
            + " -2147483648 -2147483648 -1 0 1 2147483647 2147483647",
        "largest first; 9 1 2 3 4; 1 2 3 4 9",
        "smallest last; 2 3 4 5 1; 1 2 3 4 5",
        "organ pipe; 1 3 5 4 2; 1 2 3 4 5"
      })
  void sortsEveryShapeOfInput(String shape, String input, String expected) {
    int[] numbers = Ints.parse(input);
    Integer[] elements = Ints.boxed(numbers);
    List<Integer> list = List.of(elements);

    sort(numbers);
    sort(elements, Comparator.naturalOrder());

    assertThat(numbers).as("int[]").containsExactly(Ints.parse(expected));
    assertThat(elements).as("T[]").containsExactly(Ints.boxed(Ints.parse(expected)));
    assertThat(sorted(list, Comparator.naturalOrder()))
        .as("List")
        .containsExactly(Ints.boxed(Ints.parse(expected)));
  }

  @Test
  void sortsByTheGivenComparator() {
    String[] words = {"pear", "fig", "banana", "kiwi", "apple"};

    sort(words, Comparator.reverseOrder());

    assertThat(words).containsExactly("pear", "kiwi", "fig", "banana", "apple");
    assertThat(sorted(List.of("bb", "a", "ccc"), Comparator.comparingInt(String::length)))
        .containsExactly("a", "bb", "ccc");
  }

  @Test
  void leavesNullsToTheComparator() {
    String[] words = {"b", null, "a", null};

    sort(words, Comparator.nullsFirst(Comparator.naturalOrder()));

    assertThat(words).containsExactly(null, null, "a", "b");
  }

  @Test
  @SuppressWarnings("JdkObsolete") // a list without random access, on purpose
  void theListVersionReturnsANewMutableListAndLeavesTheInputAlone() {
    List<Integer> input = new LinkedList<>(List.of(3, 1, 2));

    List<Integer> result = sorted(input, Comparator.naturalOrder());
    result.add(4);

    assertThat(result).containsExactly(1, 2, 3, 4);
    assertThat(input).containsExactly(3, 1, 2);
  }

  @Test
  void keepsEqualElementsInOrderIfStable() {
    Item[] items = {new Item(2, 0), new Item(2, 1), new Item(1, 2), new Item(2, 3)};

    sort(items, BY_KEY);

    assertThat(items).extracting(Item::key).containsExactly(1, 2, 2, 2);
    if (stable()) {
      assertThat(items).extracting(Item::id).containsExactly(2, 0, 1, 3);
    }
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("org.interviewtasks.junior.algorithms.SortContract#seeds")
  void agreesWithArraysSort(long seed) {
    var random = new SplittableRandom(seed);
    int[] numbers =
        random.nextBoolean()
            ? RandomData.ints(random, 60, 10) // many duplicates
            : random.ints(random.nextInt(61)).toArray(); // the whole int range
    int[] expected = numbers.clone();
    Arrays.sort(expected);

    sort(numbers);

    assertThat(numbers).containsExactly(expected);
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("org.interviewtasks.junior.algorithms.SortContract#seeds")
  void agreesWithTheStableArraysSortOnRecords(long seed) {
    var random = new SplittableRandom(seed);
    Item[] items = new Item[random.nextInt(50)];
    for (int i = 0; i < items.length; i++) {
      items[i] = new Item(random.nextInt(6), i);
    }
    Item[] expected = items.clone();
    Arrays.sort(expected, BY_KEY); // a stable merge sort

    List<Item> list = sorted(Arrays.asList(items), BY_KEY);
    sort(items, BY_KEY);

    if (stable()) {
      assertThat(items).containsExactly(expected);
      assertThat(list).containsExactly(expected);
    } else {
      assertThat(items).extracting(Item::key).containsExactlyElementsOf(keys(expected));
      assertThat(items).containsExactlyInAnyOrder(expected);
      assertThat(list).extracting(Item::key).containsExactlyElementsOf(keys(expected));
    }
  }

  private static List<Integer> keys(Item[] items) {
    List<Integer> keys = new ArrayList<>();
    for (Item item : items) {
      keys.add(item.key());
    }
    return keys;
  }

  @Test
  void rejectsNulls() {
    assertThatNullPointerException().isThrownBy(() -> sort((int[]) null)).withMessage("numbers");
    assertThatNullPointerException()
        .isThrownBy(() -> sort((Integer[]) null, Comparator.naturalOrder()))
        .withMessage("elements");
    assertThatNullPointerException()
        .isThrownBy(() -> sort(new Integer[] {2, 1}, null))
        .withMessage("order");
    assertThatNullPointerException()
        .isThrownBy(() -> sorted(null, Comparator.naturalOrder()))
        .withMessage("list");
    assertThatNullPointerException()
        .isThrownBy(() -> sorted(List.of(2, 1), null))
        .withMessage("order");
  }

  static LongStream seeds() {
    return Seeds.derive(200);
  }

  @Test
  void mainPrintsTheArgumentsSorted() throws Exception {
    var printed = StdStreams.capture(() -> runMain("3", " -1 ", "2", "-1"));
    var nothing = StdStreams.capture(() -> runMain());

    assertThat(printed.out()).isEqualTo("-1 -1 2 3" + System.lineSeparator());
    assertThat(nothing.out()).isEqualTo(System.lineSeparator());
  }

  @Test
  void mainRejectsANonNumber() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> runMain("1", "x"))
        .withMessage("not an int: 'x'");
  }
}
