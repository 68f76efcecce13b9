package org.interviewtasks.junior.apps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.interviewtasks.common.testing.Seeds;
import org.interviewtasks.junior.apps.Calculator.Operation;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

class CalculatorTest {

  private final Calculator calculator = new Calculator();

  @Nested
  class Arithmetic {

    @ParameterizedTest(name = "{0} {1} {2} = {3}")
    @CsvSource({
      "2, +, 3, 5",
      "0.1, +, 0.2, 0.3",
      "-5, +, 3, -2",
      "2, -, 3, -1",
      "0.3, -, 0.1, 0.2",
      "2.5, *, 4, 10.0",
      "-3, *, -7, 21",
      "10, /, 4, 2.5",
      "1, /, 8, 0.125",
      "-9, /, 3, -3",
      "0, /, -5, 0",
      "7, /, 0.5, 14"
    })
    void computesExactlyWhereDecimalsAreExact(
        String a, String symbol, String b, BigDecimal expected) {
      BigDecimal result =
          calculator.calculate(new BigDecimal(a), Operation.of(symbol), new BigDecimal(b));

      assertThat(result).isEqualByComparingTo(expected);
    }

    @Test
    void namedMethodsMatchTheirOperation() {
      var a = new BigDecimal("7.25");
      var b = new BigDecimal("-2");

      assertThat(calculator.add(a, b)).isEqualTo(new BigDecimal("5.25"));
      assertThat(calculator.subtract(a, b)).isEqualTo(new BigDecimal("9.25"));
      assertThat(calculator.multiply(a, b)).isEqualTo(new BigDecimal("-14.50"));
      assertThat(calculator.divide(a, b)).isEqualTo(new BigDecimal("-3.625"));
    }

    @Test
    void keepsTheScaleArithmeticGives() {
      assertThat(calculator.multiply(new BigDecimal("2.50"), new BigDecimal("2")))
          .isEqualTo(new BigDecimal("5.00"));
    }

    @Test
    void roundsANonTerminatingQuotientTo34DigitsHalfEven() {
      assertThat(calculator.precision()).isEqualTo(MathContext.DECIMAL128);
      assertThat(calculator.divide(BigDecimal.ONE, new BigDecimal("3")))
          .isEqualTo(new BigDecimal("0." + "3".repeat(34)));
      assertThat(calculator.divide(new BigDecimal("2"), new BigDecimal("3")))
          .isEqualTo(new BigDecimal("0." + "6".repeat(33) + "7"));
    }

    @Test
    void roundsSumsAndProductsToo() {
      var fourDigits = new Calculator(new MathContext(4, RoundingMode.HALF_EVEN));

      assertThat(fourDigits.add(new BigDecimal("1000"), new BigDecimal("0.5")))
          .isEqualTo(new BigDecimal("1000"));
      assertThat(fourDigits.add(new BigDecimal("1001"), new BigDecimal("0.5")))
          .isEqualTo(new BigDecimal("1002"));
      assertThat(fourDigits.subtract(new BigDecimal("1000"), new BigDecimal("0.25")))
          .isEqualTo(new BigDecimal("999.8"));
      assertThat(fourDigits.multiply(new BigDecimal("12.34"), new BigDecimal("5.678")))
          .isEqualTo(new BigDecimal("70.07"));
    }

    @Test
    void farApartExponentsRoundInsteadOfGrowing() {
      BigDecimal sum = calculator.add(new BigDecimal("1e1000000"), new BigDecimal("1e-1000000"));

      assertThat(sum.precision()).isLessThanOrEqualTo(34);
      assertThat(sum).isEqualByComparingTo("1e1000000");
    }

    @Test
    void unlimitedPrecisionIsExactOrFails() {
      var exact = new Calculator(MathContext.UNLIMITED);

      assertThat(exact.add(new BigDecimal("1e40"), new BigDecimal("1e-40")))
          .isEqualTo(new BigDecimal("1e40").add(new BigDecimal("1e-40")));
      assertThat(exact.divide(BigDecimal.ONE, new BigDecimal("64")))
          .isEqualTo(new BigDecimal("0.015625"));
      assertThatThrownBy(() -> exact.divide(BigDecimal.ONE, new BigDecimal("3")))
          .isInstanceOf(ArithmeticException.class)
          .hasMessageContaining("Non-terminating decimal expansion");
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("org.interviewtasks.junior.apps.CalculatorTest#seeds")
    void agreesWithExactBigDecimalArithmetic(long seed) {
      var random = new SplittableRandom(seed);
      var a = BigDecimal.valueOf(random.nextLong(-1_000_000_000L, 1_000_000_000L), 3);
      var b = BigDecimal.valueOf(random.nextLong(-1_000_000L, 1_000_000L), 2);

      assertThat(calculator.add(a, b)).isEqualTo(a.add(b));
      assertThat(calculator.subtract(a, b)).isEqualTo(a.subtract(b));
      assertThat(calculator.multiply(a, b)).isEqualTo(a.multiply(b));
      if (b.signum() != 0) {
        assertThat(calculator.divide(a, b)).isEqualTo(a.divide(b, MathContext.DECIMAL128));
        assertThat(calculator.multiply(calculator.divide(a, b), b).subtract(a).abs())
            .isLessThanOrEqualTo(new BigDecimal("1e-20"));
      }
    }
  }

  @Nested
  class Errors {

    @ParameterizedTest(name = "{0} / {1}")
    @CsvSource({"1, 0", "0, 0", "-3.5, 0.000", "1e10, 0E+5"})
    void divisionByZeroOfAnyScaleIsAClearError(String a, String zero) {
      assertThatThrownBy(() -> calculator.divide(new BigDecimal(a), new BigDecimal(zero)))
          .isInstanceOf(ArithmeticException.class)
          .hasMessage("division by zero");
    }

    @Test
    void anExponentBeyondIntFails() {
      assertThatThrownBy(
              () ->
                  calculator.multiply(
                      new BigDecimal("1e2000000000"), new BigDecimal("1e2000000000")))
          .isInstanceOf(ArithmeticException.class);
    }

    @Test
    void rejectsNulls() {
      assertThatNullPointerException()
          .isThrownBy(() -> calculator.calculate(null, Operation.ADD, BigDecimal.ONE))
          .withMessage("a");
      assertThatNullPointerException()
          .isThrownBy(() -> calculator.calculate(BigDecimal.ONE, null, BigDecimal.ONE))
          .withMessage("op");
      assertThatNullPointerException()
          .isThrownBy(() -> calculator.calculate(BigDecimal.ONE, Operation.ADD, null))
          .withMessage("b");
      assertThatNullPointerException()
          .isThrownBy(() -> new Calculator(null))
          .withMessage("precision");
    }
  }

  @Nested
  class Operations {

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource({
      "+, ADD",
      "-, SUBTRACT",
      "−, SUBTRACT",
      "*, MULTIPLY",
      "x, MULTIPLY",
      "X, MULTIPLY",
      "×, MULTIPLY",
      "/, DIVIDE",
      "÷, DIVIDE",
      "' / ', DIVIDE"
    })
    void findsAnOperationByAnyOfItsSymbols(String symbol, Operation expected) {
      assertThat(Operation.of(symbol)).isEqualTo(expected);
    }

    @ParameterizedTest
    @EnumSource(Operation.class)
    void theUsualSymbolComesFirst(Operation op) {
      assertThat(op.symbol()).isEqualTo(op.symbols().get(0));
      assertThat(Operation.of(op.symbol())).isSameAs(op);
    }

    @Test
    void symbolsAreTheDocumentedOnes() {
      assertThat(Operation.ADD.symbols()).containsExactly("+");
      assertThat(Operation.SUBTRACT.symbols()).containsExactly("-", "−");
      assertThat(Operation.MULTIPLY.symbols()).containsExactly("*", "x", "×");
      assertThat(Operation.DIVIDE.symbols()).containsExactly("/", "÷");
    }

    @Test
    void rejectsAnUnknownSymbol() {
      assertThatIllegalArgumentException()
          .isThrownBy(() -> Operation.of("%"))
          .withMessage("unknown operator '%': use one of + - * x / ÷");
      assertThatIllegalArgumentException().isThrownBy(() -> Operation.of(""));
      assertThatNullPointerException().isThrownBy(() -> Operation.of(null)).withMessage("symbol");
    }
  }

  @Nested
  class Format {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
      "5.00, 5",
      "1E+3, 1000",
      "0.000, 0",
      "0E-10, 0",
      "-0.50, -0.5",
      "123.456, 123.456",
      "1e39, 1000000000000000000000000000000000000000",
      "1e40, 1E+40",
      "1.5e-40, 1.5E-40",
      "1e-40, 0.0000000000000000000000000000000000000001",
      "1e1000000, 1E+1000000"
    })
    void stripsZerosAndSwitchesToScientificForHugeExponents(BigDecimal value, String expected) {
      assertThat(Calculator.format(value)).isEqualTo(expected);
    }

    @Test
    void rejectsNull() {
      assertThatNullPointerException()
          .isThrownBy(() -> Calculator.format(null))
          .withMessage("value");
    }
  }

  static LongStream seeds() {
    return Seeds.derive(200);
  }
}
