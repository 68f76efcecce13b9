package org.interviewtasks.junior.algorithms;

import java.util.Arrays;
import java.util.Objects;
import org.interviewtasks.common.Args;
import org.interviewtasks.common.Task;

/**
 * Rotates a matrix by 90 degrees, clockwise or counterclockwise.
 *
 * <p><b>Approach.</b> Turning an m × n matrix clockwise makes it n × m: column j, read from the
 * bottom up, becomes row j, so element {@code [i][j]} moves to {@code [j][m - 1 - i]}
 * (counterclockwise: to {@code [n - 1 - j][i]}). {@link #rotateClockwise} and {@link
 * #rotateCounterclockwise} fill a new array that way: O(mn) time and space, any shape. Only a
 * square matrix can turn in place, since a non-square one changes shape: {@link
 * #rotateClockwiseInPlace} transposes it (swap {@code [i][j]} with {@code [j][i]} above the
 * diagonal), then reverses each row, O(n²) time and O(1) extra space.
 *
 * <p><b>Edge cases.</b> A matrix must be rectangular: a null or shorter row is rejected with an
 * exception naming the row ({@link NullPointerException}, {@link IllegalArgumentException}), and
 * the in-place rotation rejects a non-square matrix, naming its shape. An empty matrix (no rows)
 * rotates to an empty one. A matrix of m empty rows (m × 0) rotates to one with no rows: Java's
 * {@code int[][]} cannot express "0 rows of m columns", so rotating back gives no rows rather than
 * m empty ones; there are no elements to lose either way. The inputs of the copying rotations are
 * not modified.
 *
 * <p><b>Follow-up.</b> <i>"Rotate by 180 degrees?"</i> Element {@code [i][j]} goes to {@code [m - 1
 * - i][n - 1 - j]}: reverse the order of the rows and each row. <i>"In place layer by layer?"</i>
 * Walk the rings from the outside in and cycle four elements at a time (top to right, right to
 * bottom, ...): one move per element instead of two, but easier to get wrong.
 */
@Task(
    id = "junior.algorithms.16",
    title = "Rotate a matrix by 90 degrees",
    usage = "<row, e.g. 1,2,3> [row...]")
public final class RotateMatrix {

  private RotateMatrix() {}

  /**
   * A new matrix: {@code matrix} (m × n) turned 90° clockwise, so n × m.
   *
   * @throws IllegalArgumentException if the rows do not all have the same length
   */
  public static int[][] rotateClockwise(int[][] matrix) {
    int columns = requireRectangular(matrix);
    int rows = matrix.length;
    int[][] rotated = new int[columns][rows];
    for (int i = 0; i < rows; i++) {
      for (int j = 0; j < columns; j++) {
        rotated[j][rows - 1 - i] = matrix[i][j];
      }
    }
    return rotated;
  }

  /**
   * A new matrix: {@code matrix} (m × n) turned 90° counterclockwise, so n × m.
   *
   * @throws IllegalArgumentException if the rows do not all have the same length
   */
  public static int[][] rotateCounterclockwise(int[][] matrix) {
    int columns = requireRectangular(matrix);
    int rows = matrix.length;
    int[][] rotated = new int[columns][rows];
    for (int i = 0; i < rows; i++) {
      for (int j = 0; j < columns; j++) {
        rotated[columns - 1 - j][i] = matrix[i][j];
      }
    }
    return rotated;
  }

  /**
   * Turns the square {@code matrix} 90° clockwise, in place.
   *
   * @throws IllegalArgumentException if the matrix is not square
   */
  public static void rotateClockwiseInPlace(int[][] matrix) {
    int columns = requireRectangular(matrix);
    int n = matrix.length;
    if (columns != n) {
      throw new IllegalArgumentException(
          "only a square matrix can rotate in place, not " + n + "x" + columns);
    }
    for (int i = 0; i < n; i++) {
      for (int j = i + 1; j < n; j++) {
        int saved = matrix[i][j];
        matrix[i][j] = matrix[j][i];
        matrix[j][i] = saved;
      }
    }
    for (int[] row : matrix) {
      for (int left = 0, right = n - 1; left < right; left++, right--) {
        int saved = row[left];
        row[left] = row[right];
        row[right] = saved;
      }
    }
  }

  /** The number of columns, after checking that every row exists and has that many. */
  private static int requireRectangular(int[][] matrix) {
    Objects.requireNonNull(matrix, "matrix");
    int columns = matrix.length == 0 ? 0 : Objects.requireNonNull(matrix[0], "row 0").length;
    for (int i = 1; i < matrix.length; i++) {
      int row = i;
      int length = Objects.requireNonNull(matrix[i], () -> "row " + row).length;
      if (length != columns) {
        throw new IllegalArgumentException(
            "not rectangular: row " + i + " has " + length + " column(s), row 0 has " + columns);
      }
    }
    return columns;
  }

  /**
   * Prints the matrix given one row per argument, numbers separated by commas, turned clockwise,
   * e.g. {@code 1,2,3 4,5,6} prints the rows {@code 4 1}, {@code 5 2} and {@code 6 3}.
   *
   * @throws IllegalArgumentException if there are no arguments, a number is not an int, or the rows
   *     differ in length
   */
  public static void main(String... args) {
    if (args.length == 0) {
      throw new IllegalArgumentException("usage: junior.algorithms.16 <row, e.g. 1,2,3> [row...]");
    }
    int[][] matrix =
        Arrays.stream(args).map(row -> Args.toInts(row.split(",", -1))).toArray(int[][]::new);
    for (int[] row : rotateClockwise(matrix)) {
      System.out.println(Cli.join(row));
    }
  }
}
