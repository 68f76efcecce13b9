package org.interviewtasks.junior.algorithms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import java.util.Arrays;
import java.util.Comparator;
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

class BinarySearchTest {

  private static final Comparator<Integer> NATURAL = Comparator.naturalOrder();

  @ParameterizedTest(name = "{1} in [{0}]: search {2}, lower {3}, upper {4}")
  @CsvSource(
      delimiter = ';',
      value = {
        "; 5; -1; 0; 0",
        "5; 5; 0; 0; 1",
        "5; 4; -1; 0; 0",
        "5; 6; -2; 1; 1",
        "1 3 5 7 9; 1; 0; 0; 1",
        "1 3 5 7 9; 5; 2; 2; 3",
        "1 3 5 7 9; 9; 4; 4; 5",
        "1 3 5 7 9; 0; -1; 0; 0",
        "1 3 5 7 9; 4; -3; 2; 2",
        "1 3 5 7 9; 8; -5; 4; 4",
        "1 3 5 7 9; 10; -6; 5; 5",
        "1 2; 2; 1; 1; 2",
        "1 2; 1; 0; 0; 1",
        "2 2 2 2 2; 2; 0; 0; 5",
        "1 2 2 2 3; 2; 1; 1; 4",
        "1 1 2 3 3; 3; 3; 3; 5",
        "1 1 2 3 3; 1; 0; 0; 2",
        "-9 -5 0 0 4; 0; 2; 2; 4",
        "-9 -5 0 0 4; -6; -2; 1; 1",
        "-2147483648 0 2147483647; -2147483648; 0; 0; 1",
        "-2147483648 0 2147483647; 2147483647; 2; 2; 3",
        "-2147483648 0 2147483647; 2147483646; -3; 2; 2",
        "-2147483647 0; -2147483648; -1; 0; 0",
        "0 2147483646; 2147483647; -3; 2; 2"
      })
  void findsTheFirstIndexOrTheInsertionPoint(
      String sorted, int key, int search, int lower, int upper) {
    int[] array = Ints.parse(sorted);
    List<Integer> list = List.of(Ints.boxed(array));

    assertThat(BinarySearch.search(array, key)).as("search").isEqualTo(search);
    assertThat(BinarySearch.lowerBound(array, key)).as("lowerBound").isEqualTo(lower);
    assertThat(BinarySearch.upperBound(array, key)).as("upperBound").isEqualTo(upper);
    assertThat(BinarySearch.search(list, key, NATURAL)).as("search list").isEqualTo(search);
    assertThat(BinarySearch.lowerBound(list, key, NATURAL)).as("lowerBound list").isEqualTo(lower);
    assertThat(BinarySearch.upperBound(list, key, NATURAL)).as("upperBound list").isEqualTo(upper);
  }

  @Test
  void searchesByTheGivenComparator() {
    List<String> byLength = List.of("a", "bb", "cc", "dddd");
    Comparator<String> length = Comparator.comparingInt(String::length);
    List<Integer> descending = List.of(9, 7, 7, 3);

    assertThat(BinarySearch.search(byLength, "xx", length)).isEqualTo(1);
    assertThat(BinarySearch.search(byLength, "xxx", length)).isEqualTo(-4);
    assertThat(BinarySearch.upperBound(byLength, "xx", length)).isEqualTo(3);
    assertThat(BinarySearch.search(descending, 7, Comparator.reverseOrder())).isEqualTo(1);
    assertThat(BinarySearch.search(descending, 8, Comparator.reverseOrder())).isEqualTo(-2);
  }

  @Test
  void searchesALargeArrayInFewSteps() {
    int[] evens = IntStream.range(0, 1 << 20).map(i -> 2 * i).toArray();
    int[] probes = {0};
    List<Integer> list = IntStream.of(evens).boxed().toList();
    Comparator<Integer> counting =
        (a, b) -> {
          probes[0]++;
          return Integer.compare(a, b);
        };

    assertThat(BinarySearch.search(evens, 2 * 777_777)).isEqualTo(777_777);
    assertThat(BinarySearch.search(evens, 2 * 777_777 + 1)).isEqualTo(-777_779);
    assertThat(BinarySearch.search(list, 2 * 123_456, counting)).isEqualTo(123_456);
    // at most ceil(log2(n + 1)) = 21 halvings, then one look at the answer
    assertThat(probes[0]).isBetween(20, 22);
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("org.interviewtasks.junior.algorithms.BinarySearchTest#seeds")
  void agreesWithArraysBinarySearch(long seed) {
    var random = new SplittableRandom(seed);
    int[] sorted = random.ints(random.nextInt(40), -20, 21).sorted().toArray();
    List<Integer> list = IntStream.of(sorted).boxed().toList();
    for (int key = -22; key <= 22; key++) {
      int expected = Arrays.binarySearch(sorted, key);
      int actual = BinarySearch.search(sorted, key);
      int first = firstIndexOf(sorted, key);
      int last = first < 0 ? first : lastIndexOf(sorted, key);

      if (expected < 0) {
        assertThat(actual).as("absent %d", key).isEqualTo(expected);
      } else {
        assertThat(actual).as("first %d", key).isEqualTo(first);
      }
      assertThat(BinarySearch.search(list, key, NATURAL)).as("list %d", key).isEqualTo(actual);
      int insertion = expected < 0 ? -expected - 1 : first;
      assertThat(BinarySearch.lowerBound(sorted, key)).isEqualTo(insertion);
      assertThat(BinarySearch.upperBound(sorted, key))
          .isEqualTo(expected < 0 ? insertion : last + 1);
      assertThat(BinarySearch.upperBound(list, key, NATURAL))
          .isEqualTo(BinarySearch.upperBound(sorted, key));
    }
  }

  private static int firstIndexOf(int[] array, int key) {
    return IntStream.range(0, array.length).filter(i -> array[i] == key).findFirst().orElse(-1);
  }

  private static int lastIndexOf(int[] array, int key) {
    return IntStream.range(0, array.length).filter(i -> array[i] == key).max().orElse(-1);
  }

  @Test
  void rejectsNulls() {
    assertThatNullPointerException()
        .isThrownBy(() -> BinarySearch.search((int[]) null, 1))
        .withMessage("sorted");
    assertThatNullPointerException()
        .isThrownBy(() -> BinarySearch.upperBound((int[]) null, 1))
        .withMessage("sorted");
    assertThatNullPointerException()
        .isThrownBy(() -> BinarySearch.search(null, 1, NATURAL))
        .withMessage("sorted");
    assertThatNullPointerException()
        .isThrownBy(() -> BinarySearch.search(List.of(1), 1, null))
        .withMessage("order");
    assertThatNullPointerException()
        .isThrownBy(() -> BinarySearch.upperBound(List.of(), 1, null))
        .withMessage("order");
  }

  @Nested
  class Main {

    @Test
    void printsWhereTheKeyIsOrWouldBe() throws Exception {
      var found = StdStreams.capture(() -> BinarySearch.main("5", "1", "3", "5", "5", "7"));
      var absent = StdStreams.capture(() -> BinarySearch.main("4", "1", "3", "5", "7"));
      var empty = StdStreams.capture(() -> BinarySearch.main("4"));
      var first = StdStreams.capture(() -> BinarySearch.main("1", "1", "3"));

      assertThat(found.out()).isEqualTo("5 found at index 2" + System.lineSeparator());
      assertThat(absent.out()).isEqualTo("4 not found, insertion point 2" + System.lineSeparator());
      assertThat(empty.out()).isEqualTo("4 not found, insertion point 0" + System.lineSeparator());
      assertThat(first.out()).isEqualTo("1 found at index 0" + System.lineSeparator());
    }

    @Test
    void rejectsBadArgumentsAndUnsortedNumbers() {
      assertThatIllegalArgumentException()
          .isThrownBy(BinarySearch::main)
          .withMessage("usage: junior.algorithms.7 <key> [sorted number...]");
      assertThatIllegalArgumentException()
          .isThrownBy(() -> BinarySearch.main("x", "1"))
          .withMessage("not an int: 'x'");
      assertThatIllegalArgumentException()
          .isThrownBy(() -> BinarySearch.main("3", "1", "5", "5", "4"))
          .withMessage("not in ascending order: 4 at index 3 after 5");
    }
  }

  static LongStream seeds() {
    return Seeds.derive(200);
  }
}
