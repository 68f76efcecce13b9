package org.interviewtasks.junior.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.NoSuchElementException;
import java.util.SplittableRandom;
import java.util.function.ToLongFunction;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.interviewtasks.common.testing.RandomData;
import org.interviewtasks.common.testing.Seeds;
import org.interviewtasks.common.testing.StdStreams;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class MaxDifferenceTest {

  private static int[] parseInts(String numbers) {
    return Arrays.stream(numbers.split(",", -1))
        .mapToInt(s -> Integer.parseInt(s.strip()))
        .toArray();
  }

  @ParameterizedTest(name = "[{0}] -> any {1}, forward {2}")
  @CsvSource(
      delimiter = ';',
      value = {
        "1, 5; 4; 4",
        "5, 1; 4; -4",
        "3, 3; 0; 0",
        "7, 1, 5, 3, 6, 4; 6; 5",
        "2, 9, 1, 4; 8; 7",
        "9, 7, 4, 1; 8; -2",
        "5, 4, 10, 0; 10; 6",
        "-5, -2, -9, -1; 8; 8",
        "1, 2, 3, 4; 3; 3",
        "-2147483648, 2147483647; 4294967295; 4294967295",
        "2147483647, -2147483648; 4294967295; -4294967295",
        "2147483647, 2147483647, -2147483648; 4294967295; 0"
      })
  void findsBothReadings(String numbers, long any, long forward) {
    int[] values = parseInts(numbers);

    assertThat(MaxDifference.maxDifference(values)).isEqualTo(any);
    assertThat(MaxDifference.maxForwardDifference(values)).isEqualTo(forward);
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void agreesWithBruteForceOverAllPairs(long seed) {
    var random = new SplittableRandom(seed);
    int[] values =
        random.nextBoolean()
            ? RandomData.ints(random, 30, 50)
            : random.ints(random.nextInt(30)).toArray();
    if (values.length < 2) {
      assertThatThrownBy(() -> MaxDifference.maxDifference(values))
          .isInstanceOf(NoSuchElementException.class);
      return;
    }
    long any = Long.MIN_VALUE;
    long forward = Long.MIN_VALUE;
    for (int i = 0; i < values.length; i++) {
      for (int j = 0; j < values.length; j++) {
        long difference = (long) values[j] - values[i];
        any = Math.max(any, difference);
        if (j > i) {
          forward = Math.max(forward, difference);
        }
      }
    }

    assertThat(MaxDifference.maxDifference(values)).isEqualTo(any);
    assertThat(MaxDifference.maxForwardDifference(values)).isEqualTo(forward);
  }

  @ParameterizedTest(name = "{1}")
  @MethodSource("readings")
  void bothNeedTwoElements(ToLongFunction<int[]> reading, String name) {
    assertThatThrownBy(() -> reading.applyAsLong(new int[] {42}))
        .isInstanceOf(NoSuchElementException.class)
        .hasMessage("a difference needs at least two elements, got 1");
    assertThatThrownBy(() -> reading.applyAsLong(new int[0]))
        .isInstanceOf(NoSuchElementException.class)
        .hasMessage("a difference needs at least two elements, got 0");
    assertThatNullPointerException()
        .isThrownBy(() -> reading.applyAsLong(null))
        .withMessage("numbers");
  }

  static Stream<Arguments> readings() {
    return Stream.of(
        Arguments.of((ToLongFunction<int[]>) MaxDifference::maxDifference, "maxDifference"),
        Arguments.of(
            (ToLongFunction<int[]>) MaxDifference::maxForwardDifference, "maxForwardDifference"));
  }

  @Test
  void mainPrintsBothReadings() throws Exception {
    var printed = StdStreams.capture(() -> MaxDifference.main("9", " 2 ", "7", "1"));

    assertThat(printed.out())
        .isEqualTo(
            "max difference (any two): 8"
                + System.lineSeparator()
                + "max forward difference (later - earlier): 5"
                + System.lineSeparator());
  }

  @Test
  void mainRejectsNonIntsAndTooFewArguments() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> MaxDifference.main("1", "x"))
        .withMessage("not an int: 'x'");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> MaxDifference.main("1"))
        .withMessage("usage: junior.core.13 <integer> <integer> [integer...]");
    assertThatIllegalArgumentException()
        .isThrownBy(MaxDifference::main)
        .withMessageStartingWith("usage: junior.core.13");
  }

  static LongStream seeds() {
    return Seeds.derive(200);
  }
}
