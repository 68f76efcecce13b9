package org.interviewtasks.junior.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import org.interviewtasks.common.testing.RandomData;
import org.interviewtasks.common.testing.Seeds;
import org.interviewtasks.common.testing.StdStreams;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class RotateListTest {

  private static final List<String> ABCDE = List.of("a", "b", "c", "d", "e");

  private static List<String> letters(String text) {
    return text.codePoints().mapToObj(Character::toString).toList();
  }

  @Nested
  class Lists {

    @ParameterizedTest(name = "{0} by {1} -> {2}")
    @CsvSource({
      "abcde, 0, abcde",
      "abcde, 1, eabcd",
      "abcde, 2, deabc",
      "abcde, 4, bcdea",
      "abcde, 5, abcde",
      "abcde, 10, abcde",
      "abcde, 7, deabc",
      "abcde, -1, bcdea",
      "abcde, -5, abcde",
      "abcde, -7, cdeab",
      "abcde, 2147483647, deabc",
      "abcde, -2147483648, deabc",
      "ab, 1, ba",
      "a, 3, a",
      "a, -2147483648, a"
    })
    void rotatesRightByNModuloTheSize(String list, int n, String expected) {
      assertThat(RotateList.rotateRight(letters(list), n)).isEqualTo(letters(expected));
    }

    @ParameterizedTest(name = "n = {0}")
    @ValueSource(ints = {0, 1, -1, 5, Integer.MIN_VALUE, Integer.MAX_VALUE})
    void anEmptyListStaysEmpty(int n) {
      assertThat(RotateList.rotateRight(List.of(), n)).isEmpty();
    }

    @Test
    void returnsANewListAndLeavesTheInputUntouched() {
      List<String> input = new ArrayList<>(ABCDE);

      List<String> rotated = RotateList.rotateRight(input, 2);
      rotated.set(0, "changed");

      assertThat(input).isEqualTo(ABCDE);
      assertThat(RotateList.rotateRight(input, 0)).isEqualTo(ABCDE).isNotSameAs(input);
    }

    @Test
    void keepsNullElements() {
      assertThat(RotateList.rotateRight(Arrays.asList("a", null, "c"), 1))
          .containsExactly("c", "a", null);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("org.interviewtasks.junior.core.RotateListTest#seeds")
    void agreesWithCollectionsRotate(long seed) {
      var random = new SplittableRandom(seed);
      List<Integer> list = RandomData.intList(random, 12, 100);
      for (int n : distances(random)) {
        List<Integer> expected = new ArrayList<>(list);
        Collections.rotate(expected, n);

        assertThat(RotateList.rotateRight(list, n)).as("n = %d", n).isEqualTo(expected);
      }
    }

    @Test
    void rejectsNull() {
      assertThatNullPointerException()
          .isThrownBy(() -> RotateList.rotateRight(null, 1))
          .withMessage("list");
    }
  }

  @Nested
  class InPlace {

    @ParameterizedTest(name = "{0} by {1} -> {2}")
    @CsvSource({
      "1 2 3 4 5 6, 2, 5 6 1 2 3 4",
      "1 2 3 4 5 6, 3, 4 5 6 1 2 3",
      "1 2 3 4 5 6, -1, 2 3 4 5 6 1",
      "1 2 3 4 5, 1, 5 1 2 3 4",
      "1 2 3 4 5, 5, 1 2 3 4 5",
      "1 2 3 4 5, -2147483648, 4 5 1 2 3",
      "1 2, 1, 2 1",
      "7, 9, 7"
    })
    void rotatesTheArrayItself(String array, int n, String expected) {
      int[] values = Arrays.stream(array.split(" ")).mapToInt(Integer::parseInt).toArray();

      RotateList.rotateRightInPlace(values, n);

      assertThat(values)
          .containsExactly(
              Arrays.stream(expected.split(" ")).mapToInt(Integer::parseInt).toArray());
    }

    @Test
    void anEmptyArrayStaysEmpty() {
      int[] empty = {};

      RotateList.rotateRightInPlace(empty, 3);

      assertThat(empty).isEmpty();
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("org.interviewtasks.junior.core.RotateListTest#seeds")
    void agreesWithCollectionsRotate(long seed) {
      var random = new SplittableRandom(seed);
      int[] array = RandomData.ints(random, 12, 100);
      for (int n : distances(random)) {
        List<Integer> expected = new ArrayList<>(IntStream.of(array).boxed().toList());
        Collections.rotate(expected, n);
        int[] rotated = array.clone();

        RotateList.rotateRightInPlace(rotated, n);

        assertThat(IntStream.of(rotated).boxed().toList()).as("n = %d", n).isEqualTo(expected);
      }
    }

    @Test
    void rejectsNull() {
      assertThatNullPointerException()
          .isThrownBy(() -> RotateList.rotateRightInPlace(null, 1))
          .withMessage("array");
    }
  }

  @Nested
  class Main {

    @Test
    void rotatesTheArgumentsAfterTheFirst() throws Exception {
      var printed = StdStreams.capture(() -> RotateList.main(" 1 ", "a", "b", "c"));
      var left = StdStreams.capture(() -> RotateList.main("-1", "a", "b", "c"));
      var empty = StdStreams.capture(() -> RotateList.main("4"));

      assertThat(printed.out()).isEqualTo("c a b" + System.lineSeparator());
      assertThat(left.out()).isEqualTo("b c a" + System.lineSeparator());
      assertThat(empty.out()).isEqualTo(System.lineSeparator());
    }

    @Test
    void rejectsABadDistanceAndNoArguments() {
      assertThatIllegalArgumentException()
          .isThrownBy(() -> RotateList.main("one", "a"))
          .withMessage("not an int: 'one'");
      assertThatIllegalArgumentException()
          .isThrownBy(RotateList::main)
          .withMessage("usage: junior.core.14 <n> [element...]");
    }
  }

  private static int[] distances(SplittableRandom random) {
    return IntStream.concat(
            IntStream.of(0, 1, -1, Integer.MIN_VALUE, Integer.MAX_VALUE), random.ints(10, -30, 31))
        .toArray();
  }

  static LongStream seeds() {
    return Seeds.derive(100);
  }
}
