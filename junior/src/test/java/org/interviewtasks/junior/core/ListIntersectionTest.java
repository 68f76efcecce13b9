package org.interviewtasks.junior.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.interviewtasks.common.testing.RandomData;
import org.interviewtasks.common.testing.Seeds;
import org.interviewtasks.common.testing.StdStreams;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class ListIntersectionTest {

  @ParameterizedTest(name = "[{0}] and [{1}] -> set [{2}], multiset [{3}]")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      value = {
        "\"\"|\"\"|\"\"|\"\"",
        "1,2|\"\"|\"\"|\"\"",
        "\"\"|1,2|\"\"|\"\"",
        "1,2,3|4,5|\"\"|\"\"",
        "1,2,2,3|2,2,4|2|2,2",
        "2,2,2|2|2|2",
        "2|2,2,2|2|2",
        "3,1,2|2,3|3,2|3,2",
        "1,2,1,2,1|1,1,2|1,2|1,2,1",
        "5,5,5,5|5,5,5|5|5,5,5",
        "-2147483648,2147483647|2147483647,-2147483648|-2147483648,2147483647|"
            + "-2147483648,2147483647",
        "7|7|7|7"
      })
  void setAndMultisetIntersectionsFollowTheOrderOfA(
      String a, String b, String expectedSet, String expectedMultiset) {
    assertThat(ListIntersection.intersection(ints(a), ints(b))).isEqualTo(ints(expectedSet));
    assertThat(ListIntersection.multisetIntersection(ints(a), ints(b)))
        .isEqualTo(ints(expectedMultiset));
  }

  @Test
  void worksOnTextWithUnicodeElements() {
    List<String> a = List.of("😀", "é", "e\u0301", "Жук", "😀");
    List<String> b = List.of("e\u0301", "😀", "😀", "жук");

    assertThat(ListIntersection.intersection(a, b)).containsExactly("😀", "e\u0301");
    assertThat(ListIntersection.multisetIntersection(a, b)).containsExactly("😀", "e\u0301", "😀");
  }

  @Test
  void nullIsAValueLikeAnyOther() {
    List<Integer> a = Arrays.asList(null, 1, null, 2);
    List<Integer> b = Arrays.asList(2, null, null, null);

    assertThat(ListIntersection.intersection(a, b)).containsExactly(null, 2);
    assertThat(ListIntersection.multisetIntersection(a, b)).containsExactly(null, null, 2);
    assertThat(ListIntersection.intersection(a, List.of(1))).containsExactly(1);
  }

  @Test
  void equalityIsEqualsSoAnIntegerIsNotALong() {
    assertThat(ListIntersection.<Object>intersection(List.of(1, 2L), List.of(1L, 2L)))
        .containsExactly(2L);
  }

  @Test
  void leavesTheInputsAloneAndReturnsUnmodifiableLists() {
    List<Integer> a = new ArrayList<>(List.of(1, 2, 2));
    List<Integer> b = new ArrayList<>(List.of(2, 2, 1));

    List<Integer> set = ListIntersection.intersection(a, b);
    List<Integer> multiset = ListIntersection.multisetIntersection(a, b);

    assertThat(a).containsExactly(1, 2, 2);
    assertThat(b).containsExactly(2, 2, 1);
    assertThatThrownBy(() -> set.add(3)).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> multiset.add(3)).isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void rejectsNullLists() {
    List<Integer> list = List.of(1);
    assertThatNullPointerException()
        .isThrownBy(() -> ListIntersection.intersection(null, list))
        .withMessage("a");
    assertThatNullPointerException()
        .isThrownBy(() -> ListIntersection.intersection(list, null))
        .withMessage("b");
    assertThatNullPointerException()
        .isThrownBy(() -> ListIntersection.multisetIntersection(null, list))
        .withMessage("a");
    assertThatNullPointerException()
        .isThrownBy(() -> ListIntersection.multisetIntersection(list, null))
        .withMessage("b");
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void agreesWithNestedLoopOracles(long seed) {
    var random = new SplittableRandom(seed);
    int bound = random.nextInt(1, 8); // few distinct values: many duplicates and many matches
    List<Integer> a = RandomData.intList(random, 30, bound);
    List<Integer> b = RandomData.intList(random, 30, bound);

    assertThat(ListIntersection.intersection(a, b)).isEqualTo(naiveSet(a, b));
    assertThat(ListIntersection.multisetIntersection(a, b)).isEqualTo(naiveMultiset(a, b));
  }

  @Nested
  class Main {

    @Test
    void printsBothResultsLabelled() throws Exception {
      var printed = StdStreams.capture(() -> ListIntersection.main("1, 2,2,3", "2,2 ,4"));

      String n = System.lineSeparator();
      assertThat(printed.out())
          .isEqualTo("intersection: [2]" + n + "multiset intersection: [2, 2]" + n);
    }

    @Test
    void anEmptyArgumentIsAnEmptyList() throws Exception {
      var printed = StdStreams.capture(() -> ListIntersection.main("", "1"));

      String n = System.lineSeparator();
      assertThat(printed.out()).isEqualTo("intersection: []" + n + "multiset intersection: []" + n);
    }

    @Test
    void rejectsAnythingButTwoArguments() {
      assertThatIllegalArgumentException()
          .isThrownBy(() -> ListIntersection.main("1,2"))
          .withMessage("usage: junior.core.6 <a1,a2,...> <b1,b2,...>");
      assertThatIllegalArgumentException()
          .isThrownBy(() -> ListIntersection.main("1", "2", "3"))
          .withMessageStartingWith("usage: junior.core.6");
    }
  }

  private static List<Integer> ints(String csv) {
    return csv.isEmpty()
        ? List.of()
        : Arrays.stream(csv.split(",")).map(s -> Integer.valueOf(s.strip())).toList();
  }

  private static <T> List<T> naiveSet(List<T> a, List<T> b) {
    List<T> result = new ArrayList<>();
    for (T x : a) {
      boolean inB = false;
      for (T y : b) {
        inB |= x.equals(y);
      }
      boolean taken = false;
      for (T y : result) {
        taken |= x.equals(y);
      }
      if (inB && !taken) {
        result.add(x);
      }
    }
    return result;
  }

  private static <T> List<T> naiveMultiset(List<T> a, List<T> b) {
    List<T> unmatched = new ArrayList<>(b);
    List<T> result = new ArrayList<>();
    for (T x : a) {
      for (int j = 0; j < unmatched.size(); j++) {
        if (x.equals(unmatched.get(j))) {
          unmatched.remove(j);
          result.add(x);
          break;
        }
      }
    }
    return result;
  }

  static LongStream seeds() {
    return Seeds.derive(200);
  }
}
