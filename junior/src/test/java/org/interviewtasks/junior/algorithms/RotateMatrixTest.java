package org.interviewtasks.junior.algorithms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.interviewtasks.common.testing.Seeds;
import org.interviewtasks.common.testing.StdStreams;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class RotateMatrixTest {

  /** Rows separated by '|', numbers by spaces: "1 2|3 4". */
  private static int[][] matrix(String rows) {
    return rows == null || rows.isBlank()
        ? new int[0][]
        : Arrays.stream(rows.split("\\|", -1)).map(Ints::parse).toArray(int[][]::new);
  }

  @ParameterizedTest(name = "[{0}] -> clockwise [{1}], counterclockwise [{2}]")
  @CsvSource(
      delimiter = ';',
      value = {
        ";;",
        "7; 7; 7",
        "1 2|3 4; 3 1|4 2; 2 4|1 3",
        "1 2 3|4 5 6|7 8 9; 7 4 1|8 5 2|9 6 3; 3 6 9|2 5 8|1 4 7",
        "1 2 3|4 5 6; 4 1|5 2|6 3; 3 6|2 5|1 4",
        "1 2|3 4|5 6; 5 3 1|6 4 2; 2 4 6|1 3 5",
        "1 2 3 4; 1|2|3|4; 4|3|2|1",
        "1|2|3; 3 2 1; 1 2 3",
        "-2147483648 2147483647|0 -1; 0 -2147483648|-1 2147483647; 2147483647 -1|-2147483648 0"
      })
  void turnsByAQuarter(String input, String clockwise, String counterclockwise) {
    int[][] original = matrix(input);
    int[][] copy = matrix(input);

    assertThat(RotateMatrix.rotateClockwise(original)).isDeepEqualTo(matrix(clockwise));
    assertThat(RotateMatrix.rotateCounterclockwise(original))
        .isDeepEqualTo(matrix(counterclockwise));
    assertThat(original).as("input untouched").isDeepEqualTo(copy);
  }

  @ParameterizedTest(name = "[{0}] -> [{1}]")
  @CsvSource(
      delimiter = ';',
      value = {
        ";",
        "7; 7",
        "1 2|3 4; 3 1|4 2",
        "1 2 3|4 5 6|7 8 9; 7 4 1|8 5 2|9 6 3",
        "1 2 3 4|5 6 7 8|9 10 11 12|13 14 15 16; 13 9 5 1|14 10 6 2|15 11 7 3|16 12 8 4"
      })
  void turnsASquareInPlace(String input, String expected) {
    int[][] square = matrix(input);
    int[] firstRow = square.length == 0 ? null : square[0];

    RotateMatrix.rotateClockwiseInPlace(square);

    assertThat(square).isDeepEqualTo(matrix(expected));
    if (firstRow != null) {
      assertThat(square[0]).as("the same row arrays are reused").isSameAs(firstRow);
    }
  }

  @Test
  void rotatesEmptyRowsToNoRows() {
    int[][] threeEmptyRows = new int[3][0];

    assertThat(RotateMatrix.rotateClockwise(threeEmptyRows)).isEmpty();
    assertThat(RotateMatrix.rotateCounterclockwise(threeEmptyRows)).isEmpty();
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("org.interviewtasks.junior.algorithms.RotateMatrixTest#seeds")
  void obeysTheLawsOfRotation(long seed) {
    var random = new SplittableRandom(seed);
    int rows = random.nextInt(1, 7);
    int columns = random.nextInt(1, 7);
    int[][] m = new int[rows][columns];
    for (int[] row : m) {
      Arrays.setAll(row, j -> random.nextInt(-99, 100));
    }
    int[][] clockwise = RotateMatrix.rotateClockwise(m);

    assertThat(clockwise.length).isEqualTo(columns);
    assertThat(clockwise[0].length).isEqualTo(rows);
    assertThat(RotateMatrix.rotateCounterclockwise(clockwise)).as("undo").isDeepEqualTo(m);
    int[][] full = m;
    for (int turn = 0; turn < 4; turn++) {
      full = RotateMatrix.rotateClockwise(full);
    }
    assertThat(full).as("four turns").isDeepEqualTo(m);
    assertThat(RotateMatrix.rotateClockwise(RotateMatrix.rotateClockwise(clockwise)))
        .as("three clockwise turns are one counterclockwise")
        .isDeepEqualTo(RotateMatrix.rotateCounterclockwise(m));
    if (rows == columns) {
      int[][] inPlace = Arrays.stream(m).map(int[]::clone).toArray(int[][]::new);
      RotateMatrix.rotateClockwiseInPlace(inPlace);
      assertThat(inPlace).as("in place").isDeepEqualTo(clockwise);
    }
  }

  @Test
  void rejectsJaggedAndNullRows() {
    int[][] jagged = {{1, 2}, {3, 4}, {5}};
    int[][] longer = {{1}, {2, 3}};
    int[][] nullRow = {{1}, null};

    assertThatIllegalArgumentException()
        .isThrownBy(() -> RotateMatrix.rotateClockwise(jagged))
        .withMessage("not rectangular: row 2 has 1 column(s), row 0 has 2");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> RotateMatrix.rotateCounterclockwise(longer))
        .withMessage("not rectangular: row 1 has 2 column(s), row 0 has 1");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> RotateMatrix.rotateClockwiseInPlace(new int[][] {{1, 2}, {3}}))
        .withMessage("not rectangular: row 1 has 1 column(s), row 0 has 2");
    assertThatNullPointerException()
        .isThrownBy(() -> RotateMatrix.rotateClockwise(nullRow))
        .withMessage("row 1");
    assertThatNullPointerException()
        .isThrownBy(() -> RotateMatrix.rotateClockwise(new int[][] {null}))
        .withMessage("row 0");
    assertThatNullPointerException()
        .isThrownBy(() -> RotateMatrix.rotateClockwise(null))
        .withMessage("matrix");
  }

  @Test
  void rotatesOnlyASquareInPlace() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> RotateMatrix.rotateClockwiseInPlace(matrix("1 2 3|4 5 6")))
        .withMessage("only a square matrix can rotate in place, not 2x3");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> RotateMatrix.rotateClockwiseInPlace(new int[2][0]))
        .withMessage("only a square matrix can rotate in place, not 2x0");
  }

  @Nested
  class Main {

    @Test
    void printsTheMatrixTurnedClockwise() throws Exception {
      var printed = StdStreams.capture(() -> RotateMatrix.main("1,2,3", "4, 5,6"));

      assertThat(printed.out())
          .isEqualTo(String.join(System.lineSeparator(), "4 1", "5 2", "6 3", ""));
    }

    @Test
    void rejectsBadArguments() {
      assertThatIllegalArgumentException()
          .isThrownBy(RotateMatrix::main)
          .withMessage("usage: junior.algorithms.16 <row, e.g. 1,2,3> [row...]");
      assertThatIllegalArgumentException()
          .isThrownBy(() -> RotateMatrix.main("1,2", "3"))
          .withMessage("not rectangular: row 1 has 1 column(s), row 0 has 2");
      assertThatIllegalArgumentException()
          .isThrownBy(() -> RotateMatrix.main("1,x"))
          .withMessage("not an int: 'x'");
    }
  }

  static LongStream seeds() {
    return Seeds.derive(200);
  }
}
