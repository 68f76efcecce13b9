package org.interviewtasks.junior.apps;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.interviewtasks.common.Task;

/**
 * A calculator of the four basic operations: add, subtract, multiply and divide.
 *
 * <p><b>Approach.</b> Numbers are {@link BigDecimal}, not {@code double}: a binary {@code double}
 * cannot hold 0.1, so {@code 0.1 + 0.2} prints {@code 0.30000000000000004}, which is the first bug
 * report every calculator in {@code double} gets. Every result is rounded to the calculator's
 * {@link MathContext}: by default {@link MathContext#DECIMAL128}, 34 significant digits rounded
 * half-even, like a good desk calculator. Rounding matters for division, where {@code 1 / 3} has no
 * finite decimal form (an exact {@code BigDecimal.divide} would throw), and it also keeps a sum
 * such as {@code 1e-1000000 + 1e1000000} from building a number with two million digits (the
 * rounding happens inside {@code BigDecimal.add(b, mc)}, not after an exact sum). Each operation is
 * O(d²) at most for d digits, i.e. constant for a fixed precision. The operations are an {@link
 * Operation} enum that knows its symbols, so a front end such as {@link CalculatorCli} maps {@code
 * "+"} to {@code ADD} without a switch of its own.
 *
 * <p><b>Edge cases.</b> Dividing by zero (of any scale: {@code 0}, {@code 0.00}) throws {@link
 * ArithmeticException} {@code "division by zero"}; there is no infinity or NaN in {@code
 * BigDecimal}, and answering one would hide the error. A result whose exponent leaves the range of
 * an {@code int} (e.g. {@code 1e2000000000 * 1e2000000000}) throws {@link ArithmeticException} from
 * {@code BigDecimal} itself. {@link MathContext#UNLIMITED} gives exact sums and products, and exact
 * quotients where they exist; a quotient without a finite form then throws. Results keep the scale
 * arithmetic gives them ({@code 2.50 * 2 = 5.00}); {@link #format} strips trailing zeros for
 * display.
 *
 * <p><b>Follow-up.</b> <i>"Why not {@code double} and round when printing?"</i> Rounding the output
 * hides the error only until it accumulates or is compared ({@code 0.1 + 0.2 == 0.3} is false);
 * money especially must be decimal. <i>"Now parse {@code 2 + 3 * 4}."</i> That is an expression
 * parser with operator precedence: the shunting-yard algorithm or recursive descent (the mid
 * level's expression evaluator).
 */
@Task(id = "junior.apps.4", title = "Calculator of the four operations")
public final class Calculator {

  /** The four operations, each with the symbols that name it. */
  public enum Operation {
    /** {@code a + b}. */
    ADD("+"),
    /** {@code a - b}; also the minus sign {@code −} (U+2212). */
    SUBTRACT("-", "\u2212"),
    /** {@code a * b}; also {@code x} and {@code ×} (U+00D7), which a shell does not expand. */
    MULTIPLY("*", "x", "\u00d7"),
    /** {@code a / b}; also {@code ÷} (U+00F7). */
    DIVIDE("/", "\u00f7");

    @SuppressWarnings("ImmutableEnumChecker") // List.of is unmodifiable
    private final List<String> symbols;

    Operation(String... symbols) {
      this.symbols = List.of(symbols);
    }

    /**
     * {@code a op b}, rounded to {@code precision} as it is computed (not after an exact result).
     */
    BigDecimal apply(BigDecimal a, BigDecimal b, MathContext precision) {
      return switch (this) {
        case ADD -> a.add(b, precision);
        case SUBTRACT -> a.subtract(b, precision);
        case MULTIPLY -> a.multiply(b, precision);
        case DIVIDE -> {
          if (b.signum() == 0) {
            throw new ArithmeticException("division by zero");
          }
          yield a.divide(b, precision);
        }
      };
    }

    /** The usual symbol, e.g. {@code +}. */
    public String symbol() {
      return symbols.get(0);
    }

    /** Every symbol that names this operation. */
    public List<String> symbols() {
      return symbols;
    }

    /**
     * The operation with the given symbol, case-insensitively ({@code X} multiplies too).
     *
     * @throws IllegalArgumentException if no operation has that symbol
     */
    public static Operation of(String symbol) {
      Objects.requireNonNull(symbol, "symbol");
      String key = symbol.strip().toLowerCase(Locale.ROOT);
      return Arrays.stream(values())
          .filter(op -> op.symbols.contains(key))
          .findFirst()
          .orElseThrow(
              () ->
                  new IllegalArgumentException(
                      "unknown operator '" + symbol + "': use one of + - * x / ÷"));
    }
  }

  /** How many digits {@link #format} writes out before or after the point before it switches. */
  public static final int PLAIN_DIGITS = 40;

  private final MathContext precision;

  /** A calculator rounding to 34 significant digits, half-even ({@link MathContext#DECIMAL128}). */
  public Calculator() {
    this(MathContext.DECIMAL128);
  }

  /** A calculator rounding every result to {@code precision}. */
  public Calculator(MathContext precision) {
    this.precision = Objects.requireNonNull(precision, "precision");
  }

  /** The rounding this calculator applies to every result. */
  public MathContext precision() {
    return precision;
  }

  /** {@code a + b}, rounded. */
  public BigDecimal add(BigDecimal a, BigDecimal b) {
    return calculate(a, Operation.ADD, b);
  }

  /** {@code a - b}, rounded. */
  public BigDecimal subtract(BigDecimal a, BigDecimal b) {
    return calculate(a, Operation.SUBTRACT, b);
  }

  /** {@code a * b}, rounded. */
  public BigDecimal multiply(BigDecimal a, BigDecimal b) {
    return calculate(a, Operation.MULTIPLY, b);
  }

  /**
   * {@code a / b}, rounded.
   *
   * @throws ArithmeticException if {@code b} is zero, or if the precision is unlimited and the
   *     quotient has no finite decimal form
   */
  public BigDecimal divide(BigDecimal a, BigDecimal b) {
    return calculate(a, Operation.DIVIDE, b);
  }

  /**
   * {@code a op b}, rounded.
   *
   * @throws ArithmeticException on division by zero, or when the result's exponent overflows
   */
  public BigDecimal calculate(BigDecimal a, Operation op, BigDecimal b) {
    Objects.requireNonNull(a, "a");
    Objects.requireNonNull(op, "op");
    Objects.requireNonNull(b, "b");
    return op.apply(a, b, precision);
  }

  /**
   * A result for display, without trailing zeros: plain digits while they fit in {@value
   * #PLAIN_DIGITS} places either side of the point ({@code 5.00} as {@code 5}, {@code 1E+3} as
   * {@code 1000}), scientific notation beyond ({@code 1E+100}, {@code 1.5E-60}), so that a huge
   * exponent does not print a million zeros.
   */
  public static String format(BigDecimal value) {
    BigDecimal stripped = Objects.requireNonNull(value, "value").stripTrailingZeros();
    if (stripped.signum() == 0) {
      return "0";
    }
    int integerDigits = stripped.precision() - stripped.scale();
    boolean fits = integerDigits <= PLAIN_DIGITS && stripped.scale() <= PLAIN_DIGITS;
    return fits ? stripped.toPlainString() : stripped.toString();
  }
}
