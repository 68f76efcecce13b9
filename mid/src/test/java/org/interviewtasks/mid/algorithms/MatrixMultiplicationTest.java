package org.interviewtasks.mid.algorithms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.interviewtasks.common.testing.Seeds;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class MatrixMultiplicationTest {

  static final long MAX = Long.MAX_VALUE;

  @Nested
  class Longs {

    @Test
    void multipliesRectangularMatrices() {
      long[][] a = {{1, 2, 3}, {4, 5, 6}};
      long[][] b = {{7, 8}, {9, 10}, {11, 12}};

      assertThat(MatrixMultiplication.multiply(a, b))
          .isDeepEqualTo(new long[][] {{58, 64}, {139, 154}});
      assertThat(MatrixMultiplication.multiply(b, a))
          .isDeepEqualTo(new long[][] {{39, 54, 69}, {49, 68, 87}, {59, 82, 105}});
    }

    @Test
    void rowTimesColumnIsOneByOneAndColumnTimesRowIsTheOuterProduct() {
      long[][] row = {{1, -2, 3}};
      long[][] column = {{4}, {5}, {-6}};

      assertThat(MatrixMultiplication.multiply(row, column)).isDeepEqualTo(new long[][] {{-24}});
      assertThat(MatrixMultiplication.multiply(column, row))
          .isDeepEqualTo(new long[][] {{4, -8, 12}, {5, -10, 15}, {-6, 12, -18}});
      assertThat(MatrixMultiplication.multiply(new long[][] {{-7}}, new long[][] {{6}}))
          .isDeepEqualTo(new long[][] {{-42}});
    }

    @Test
    void theIdentityChangesNothingAndTheInputsStayAsTheyWere() {
      long[][] a = {{2, -1}, {0, 3}};
      long[][] identity = {{1, 0}, {0, 1}};

      assertThat(MatrixMultiplication.multiply(a, identity)).isDeepEqualTo(a).isNotSameAs(a);
      assertThat(MatrixMultiplication.multiply(identity, a)).isDeepEqualTo(a);
      assertThat(a).isDeepEqualTo(new long[][] {{2, -1}, {0, 3}});
      assertThat(identity).isDeepEqualTo(new long[][] {{1, 0}, {0, 1}});
    }

    @Test
    void aPartialSumMayOverflowWhenTheEntryFits() {
      long[][] a = {{MAX, 1, 1}};
      long[][] b = {{1}, {1}, {-1}};

      assertThat(MatrixMultiplication.multiply(a, b)).isDeepEqualTo(new long[][] {{MAX}});
    }

    @Test
    void aProductMayOverflowWhenTheEntryFits() {
      long[][] a = {{4, -4}, {-1, -1}};
      long[][] b = {{1L << 62}, {1L << 62}};

      assertThat(MatrixMultiplication.multiply(a, b))
          .isDeepEqualTo(new long[][] {{0}, {Long.MIN_VALUE}});
    }

    @Test
    void anOverflowingRowDoesNotDisturbTheOthers() {
      long[][] a = {{1, 2, 3}, {MAX, 1, 1}, {0, 0, 1}};
      long[][] b = {{1}, {1}, {-1}};

      assertThat(MatrixMultiplication.multiply(a, b))
          .isDeepEqualTo(new long[][] {{0}, {MAX}, {-1}});
    }

    @Test
    void anEntryThatDoesNotFitIsAnError() {
      assertThatThrownBy(
              () -> MatrixMultiplication.multiply(new long[][] {{MAX, 1}}, new long[][] {{1}, {1}}))
          .isInstanceOf(ArithmeticException.class)
          .hasMessage("entry [0][0] of the product does not fit in a long: 9223372036854775808");
      assertThatThrownBy(
              () ->
                  MatrixMultiplication.multiply(
                      new long[][] {{1, 1}, {Long.MIN_VALUE, 1}}, new long[][] {{0, 1}, {1, -1}}))
          .isInstanceOf(ArithmeticException.class)
          .hasMessage("entry [1][1] of the product does not fit in a long: -9223372036854775809");
    }
  }

  @Nested
  class Doubles {

    @Test
    void multipliesInFloatingPoint() {
      double[][] a = {{0.5, 2}, {-1, 0}};
      double[][] b = {{4, 1}, {0.25, -3}};

      assertThat(MatrixMultiplication.multiply(a, b))
          .isDeepEqualTo(new double[][] {{2.5, -5.5}, {-4, -1}});
    }

    @Test
    void overflowIsInfinityAndNaNSpreads() {
      double[][] product =
          MatrixMultiplication.multiply(
              new double[][] {{Double.MAX_VALUE, 1}, {Double.NaN, 0}}, new double[][] {{2}, {1}});

      assertThat(product[0][0]).isEqualTo(Double.POSITIVE_INFINITY);
      assertThat(product[1][0]).isNaN();
    }
  }

  @Nested
  class Shapes {

    @Test
    void rejectsMismatchedShapesNamingBoth() {
      assertThatIllegalArgumentException()
          .isThrownBy(() -> MatrixMultiplication.multiply(new long[2][3], new long[4][2]))
          .withMessage(
              "cannot multiply a 2x3 matrix by a 4x2 matrix:"
                  + " the columns of the first (3) must equal the rows of the second (4)");
      assertThatIllegalArgumentException()
          .isThrownBy(() -> MatrixMultiplication.multiply(new double[1][2], new double[1][2]))
          .withMessage(
              "cannot multiply a 1x2 matrix by a 1x2 matrix:"
                  + " the columns of the first (2) must equal the rows of the second (1)");
    }

    @Test
    void rejectsEmptyMatrices() {
      assertThatIllegalArgumentException()
          .isThrownBy(() -> MatrixMultiplication.multiply(new long[0][0], new long[1][1]))
          .withMessage("a has no rows");
      assertThatIllegalArgumentException()
          .isThrownBy(() -> MatrixMultiplication.multiply(new long[1][1], new long[2][0]))
          .withMessage("b has no columns");
      assertThatIllegalArgumentException()
          .isThrownBy(() -> MatrixMultiplication.multiply(new double[1][1], new double[0][1]))
          .withMessage("b has no rows");
      assertThatIllegalArgumentException()
          .isThrownBy(() -> MatrixMultiplication.multiply(new double[3][0], new double[1][1]))
          .withMessage("a has no columns");
    }

    @Test
    void rejectsRaggedMatrices() {
      long[][] ragged = {{1, 2}, {3, 4}, {5}};
      double[][] raggedDoubles = {{1}, {2, 3}};

      assertThatIllegalArgumentException()
          .isThrownBy(() -> MatrixMultiplication.multiply(ragged, new long[2][1]))
          .withMessage("a is not rectangular: row 0 has 2 columns, row 2 has 1");
      assertThatIllegalArgumentException()
          .isThrownBy(() -> MatrixMultiplication.multiply(new double[1][1], raggedDoubles))
          .withMessage("b is not rectangular: row 0 has 1 columns, row 1 has 2");
    }

    @Test
    void rejectsNullMatricesAndRows() {
      assertThatNullPointerException()
          .isThrownBy(() -> MatrixMultiplication.multiply(null, new long[1][1]))
          .withMessage("a");
      assertThatNullPointerException()
          .isThrownBy(() -> MatrixMultiplication.multiply(new long[1][1], (long[][]) null))
          .withMessage("b");
      assertThatNullPointerException()
          .isThrownBy(() -> MatrixMultiplication.multiply(new long[][] {{1}, null}, new long[1][1]))
          .withMessage("a[1]");
      assertThatNullPointerException()
          .isThrownBy(() -> MatrixMultiplication.multiply((double[][]) null, new double[1][1]))
          .withMessage("a");
      assertThatNullPointerException()
          .isThrownBy(() -> MatrixMultiplication.multiply(new double[1][1], new double[][] {null}))
          .withMessage("b[0]");
    }
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void agreesWithBigIntegerArithmetic(long seed) {
    var random = new SplittableRandom(seed);
    int n = random.nextInt(1, 7);
    int m = random.nextInt(1, 7);
    int p = random.nextInt(1, 7);
    boolean huge = random.nextInt(4) == 0; // entries near the long range, so some overflow
    long[][] a = randomMatrix(random, n, m, huge);
    long[][] b = randomMatrix(random, m, p, huge);

    BigInteger[][] exact = new BigInteger[n][p];
    boolean fits = true;
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < p; j++) {
        BigInteger sum = BigInteger.ZERO;
        for (int k = 0; k < m; k++) {
          sum = sum.add(BigInteger.valueOf(a[i][k]).multiply(BigInteger.valueOf(b[k][j])));
        }
        exact[i][j] = sum;
        fits &= sum.bitLength() <= 63;
      }
    }

    if (!fits) {
      assertThatThrownBy(() -> MatrixMultiplication.multiply(a, b))
          .isInstanceOf(ArithmeticException.class)
          .hasMessageContaining("of the product does not fit in a long");
      return;
    }
    long[][] product = MatrixMultiplication.multiply(a, b);
    long[][] textbook = MatrixMultiplication.multiplyIjk(a, b);
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < p; j++) {
        assertThat(product[i][j]).isEqualTo(exact[i][j].longValueExact());
        assertThat(textbook[i][j]).isEqualTo(product[i][j]);
      }
    }
    double[][] doubles = MatrixMultiplication.multiply(toDoubles(a), toDoubles(b));
    if (!huge) {
      for (int i = 0; i < n; i++) {
        for (int j = 0; j < p; j++) {
          assertThat(doubles[i][j]).isEqualTo((double) product[i][j]);
        }
      }
    }
  }

  private static long[][] randomMatrix(
      SplittableRandom random, int rows, int columns, boolean huge) {
    long[][] matrix = new long[rows][columns];
    for (long[] row : matrix) {
      for (int j = 0; j < columns; j++) {
        row[j] = huge ? random.nextLong() >> random.nextInt(0, 40) : random.nextLong(-1000, 1001);
      }
    }
    return matrix;
  }

  private static double[][] toDoubles(long[][] matrix) {
    double[][] doubles = new double[matrix.length][];
    for (int i = 0; i < matrix.length; i++) {
      doubles[i] = LongStream.of(matrix[i]).asDoubleStream().toArray();
    }
    return doubles;
  }

  static LongStream seeds() {
    return Seeds.derive(200);
  }
}
