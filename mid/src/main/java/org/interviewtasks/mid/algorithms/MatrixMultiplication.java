package org.interviewtasks.mid.algorithms;

import java.math.BigInteger;
import java.util.Objects;
import org.interviewtasks.common.Task;

/**
 * Multiplies two matrices: C = A · B, where A is n × m, B is m × p and C[i][j] = Σₖ A[i][k] ·
 * B[k][j].
 *
 * <p><b>Approach.</b> The definition costs n · m · p multiply-adds, O(n³) for square matrices. The
 * loop order does not change that count but changes the speed several times over: Java stores a
 * matrix as an array of row arrays, and the textbook i-j-k order reads B down a column, {@code
 * b[k][j]} for k = 0, 1, …, jumping to a different row array, and usually a different cache line,
 * at every step. The i-k-j order used here takes A[i][k] once and adds it times row k of B into row
 * i of C: the innermost loop walks two rows left to right, which the CPU prefetches and the JIT can
 * vectorize. ({@link #multiplyIjk} keeps the textbook order, for comparison.)
 *
 * <p><b>Overflow policy.</b> For {@code long} matrices the result is exact or an {@link
 * ArithmeticException}: never a silently wrapped number. The fast loop uses {@link
 * Math#multiplyExact(long, long)} and {@link Math#addExact(long, long)}; if a row overflows on the
 * way, that row is recomputed with {@link BigInteger}, because a partial sum can overflow while the
 * final entry fits (the terms may have mixed signs). Only an entry that truly does not fit in a
 * {@code long} throws, naming its position. {@code double} matrices follow IEEE 754: overflow gives
 * an infinity, and NaN spreads, as in every numeric library.
 *
 * <p><b>Edge cases.</b> The columns of A must equal the rows of B, or an {@link
 * IllegalArgumentException} says both shapes. A matrix must be rectangular (every row the same
 * length) and non-empty: with no rows, a Java array cannot say how many columns it has. A null
 * matrix or row is a {@link NullPointerException} that names it. The inputs are never modified.
 *
 * <p><b>Follow-up.</b> <i>"Faster than O(n³)?"</i> Strassen's algorithm does 7 block products
 * instead of 8, O(n^2.81), worth it only for large matrices, with less numerical stability. <i>"In
 * production?"</i> A BLAS-backed library (EJML, ojAlgo, ND4J) blocks for the cache, vectorizes and
 * uses all cores.
 */
@Task(id = "mid.algorithms.8", title = "Matrix multiplication")
public final class MatrixMultiplication {

  private MatrixMultiplication() {}

  /**
   * The exact product of two {@code long} matrices.
   *
   * @throws IllegalArgumentException if a matrix is empty or ragged, or the shapes do not match
   * @throws ArithmeticException if an entry of the product does not fit in a {@code long}
   */
  public static long[][] multiply(long[][] a, long[][] b) {
    int m = columns(a, "a");
    int p = columns(b, "b");
    requireMatching(a.length, m, b.length, p);
    long[][] c = new long[a.length][p];
    for (int i = 0; i < a.length; i++) {
      try {
        multiplyRow(a[i], b, c[i]);
      } catch (ArithmeticException overflow) {
        c[i] = exactRow(a[i], b, i);
      }
    }
    return c;
  }

  private static void multiplyRow(long[] aRow, long[][] b, long[] cRow) {
    for (int k = 0; k < aRow.length; k++) {
      long aik = aRow[k];
      long[] bRow = b[k];
      for (int j = 0; j < cRow.length; j++) {
        cRow[j] = Math.addExact(cRow[j], Math.multiplyExact(aik, bRow[j]));
      }
    }
  }

  /**
   * Row {@code i} of the product in {@link BigInteger}, converted back only if every entry fits.
   */
  private static long[] exactRow(long[] aRow, long[][] b, int i) {
    long[] row = new long[b[0].length];
    for (int j = 0; j < row.length; j++) {
      BigInteger sum = BigInteger.ZERO;
      for (int k = 0; k < aRow.length; k++) {
        sum = sum.add(BigInteger.valueOf(aRow[k]).multiply(BigInteger.valueOf(b[k][j])));
      }
      if (sum.bitLength() > 63) {
        throw new ArithmeticException(
            "entry [" + i + "][" + j + "] of the product does not fit in a long: " + sum);
      }
      row[j] = sum.longValue();
    }
    return row;
  }

  /**
   * The product of two {@code double} matrices, in IEEE 754 arithmetic.
   *
   * @throws IllegalArgumentException if a matrix is empty or ragged, or the shapes do not match
   */
  public static double[][] multiply(double[][] a, double[][] b) {
    int m = columns(a, "a");
    int p = columns(b, "b");
    requireMatching(a.length, m, b.length, p);
    double[][] c = new double[a.length][p];
    for (int i = 0; i < a.length; i++) {
      double[] aRow = a[i];
      double[] cRow = c[i];
      for (int k = 0; k < m; k++) {
        double aik = aRow[k];
        double[] bRow = b[k];
        for (int j = 0; j < p; j++) {
          cRow[j] += aik * bRow[j];
        }
      }
    }
    return c;
  }

  /**
   * The product of two {@code long} matrices in the textbook i-j-k order, which reads B by columns;
   * it wraps on overflow. For comparison with the cache-friendly order only.
   */
  static long[][] multiplyIjk(long[][] a, long[][] b) {
    int p = b[0].length;
    long[][] c = new long[a.length][p];
    for (int i = 0; i < a.length; i++) {
      for (int j = 0; j < p; j++) {
        long sum = 0;
        for (int k = 0; k < b.length; k++) {
          sum += a[i][k] * b[k][j];
        }
        c[i][j] = sum;
      }
    }
    return c;
  }

  private static int columns(long[][] matrix, String name) {
    Objects.requireNonNull(matrix, name);
    int[] lengths = new int[matrix.length];
    for (int i = 0; i < matrix.length; i++) {
      if (matrix[i] == null) {
        throw new NullPointerException(name + "[" + i + "]");
      }
      lengths[i] = matrix[i].length;
    }
    return columns(lengths, name);
  }

  private static int columns(double[][] matrix, String name) {
    Objects.requireNonNull(matrix, name);
    int[] lengths = new int[matrix.length];
    for (int i = 0; i < matrix.length; i++) {
      if (matrix[i] == null) {
        throw new NullPointerException(name + "[" + i + "]");
      }
      lengths[i] = matrix[i].length;
    }
    return columns(lengths, name);
  }

  /** The column count of a matrix whose rows have the given lengths, if it is a proper one. */
  private static int columns(int[] rowLengths, String name) {
    if (rowLengths.length == 0) {
      throw new IllegalArgumentException(name + " has no rows");
    }
    for (int i = 1; i < rowLengths.length; i++) {
      if (rowLengths[i] != rowLengths[0]) {
        throw new IllegalArgumentException(
            name
                + " is not rectangular: row 0 has "
                + rowLengths[0]
                + " columns, row "
                + i
                + " has "
                + rowLengths[i]);
      }
    }
    if (rowLengths[0] == 0) {
      throw new IllegalArgumentException(name + " has no columns");
    }
    return rowLengths[0];
  }

  private static void requireMatching(int aRows, int aColumns, int bRows, int bColumns) {
    if (aColumns != bRows) {
      throw new IllegalArgumentException(
          "cannot multiply a "
              + aRows
              + "x"
              + aColumns
              + " matrix by a "
              + bRows
              + "x"
              + bColumns
              + " matrix: the columns of the first ("
              + aColumns
              + ") must equal the rows of the second ("
              + bRows
              + ")");
    }
  }
}
