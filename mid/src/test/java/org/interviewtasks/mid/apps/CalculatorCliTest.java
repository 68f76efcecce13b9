package org.interviewtasks.mid.apps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.interviewtasks.common.testing.Seeds;
import org.interviewtasks.common.testing.StdStreams;
import org.interviewtasks.mid.apps.CalculatorCli.ExpressionException;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class CalculatorCliTest {

  static String eval(String expression) {
    return CalculatorCli.format(CalculatorCli.evaluate(expression));
  }

  @Nested
  class Evaluation {

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(
        delimiter = '|',
        value = {
          "1 + 2|3",
          "2 + 3 * 4|14",
          "(2 + 3) * 4|20",
          "2 * (3 + 4) / -7|-2",
          "8 - 3 - 2|3",
          "8 / 4 / 2|1",
          "-3|-3",
          "--3|3",
          "-+-3|3",
          "+5|5",
          "2 * -3|-6",
          "-(2 + 3)|-5",
          "2 ^ 10|1024",
          "2^3^2|512",
          "-2^2|-4",
          "(-2)^2|4",
          "2^-1|0.5",
          "2 ^ -2 * 4|1",
          "0^0|1",
          "0.1 + 0.2|0.3",
          "1 / 3|0.3333333333333333333333333333333333",
          "2 / 3|0.6666666666666666666666666666666667",
          "10 / 4|2.5",
          ".5 + 1.|1.5",
          "1e3 + 1E-2|1000.01",
          "2.5e+2|250",
          "1.50 * 2|3",
          "0 * -1|0",
          "((((7))))|7",
          "  42  |42",
          "1e21|1E+21",
          "1e20|100000000000000000000",
          "1e-21|1E-21",
          "123456789012345678901234567890 * 10|1.2345678901234567890123456789E+30",
          "3-2|1",
          "6/2*3|9",
          "1-2+3|2",
          "(1)(2)|err"
        })
    void evaluatesWithPrecedence(String expression, String expected) {
      if (expected.equals("err")) {
        assertThatThrownBy(() -> eval(expression)).isInstanceOf(ExpressionException.class);
      } else {
        assertThat(eval(expression)).isEqualTo(expected);
      }
    }

    @Test
    void roundsToTheGivenContext() {
      assertThat(CalculatorCli.evaluate("2 / 3", new MathContext(5)))
          .isEqualByComparingTo(new BigDecimal("0.66667"));
      assertThat(CalculatorCli.evaluate("1.23456789", new MathContext(3)))
          .isEqualByComparingTo(new BigDecimal("1.23"));
      assertThat(CalculatorCli.evaluate("1 + 0.0001", new MathContext(2)))
          .isEqualByComparingTo(BigDecimal.ONE);
      assertThat(CalculatorCli.evaluate("3 * 3.3", new MathContext(2)))
          .isEqualByComparingTo(new BigDecimal("9.9"));
      assertThat(CalculatorCli.evaluate("-1.234", new MathContext(2)))
          .isEqualByComparingTo(new BigDecimal("-1.2"));
      assertThat(CalculatorCli.evaluate("+1.234", new MathContext(2)))
          .isEqualByComparingTo(new BigDecimal("1.2"));
      assertThat(CalculatorCli.evaluate("1.5 ^ 3", new MathContext(2)))
          .isEqualByComparingTo(new BigDecimal("3.4"));
      assertThat(CalculatorCli.evaluate("1.11 - 0.001", new MathContext(2)))
          .isEqualByComparingTo(new BigDecimal("1.1"));
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("org.interviewtasks.mid.apps.CalculatorCliTest#seeds")
    void agreesWithATreeEvaluatedDirectly(long seed) {
      var random = new SplittableRandom(seed);
      StringBuilder text = new StringBuilder();
      BigDecimal expected = randomExpression(random, 3, text);

      assertThat(CalculatorCli.evaluate(text.toString()))
          .as(text.toString())
          .isEqualByComparingTo(expected);
    }

    /** Writes a fully parenthesised random expression of integers and returns its exact value. */
    private BigDecimal randomExpression(SplittableRandom random, int depth, StringBuilder text) {
      if (depth == 0 || random.nextInt(3) == 0) {
        int n = random.nextInt(-50, 51);
        text.append(n);
        return BigDecimal.valueOf(n);
      }
      text.append('(');
      BigDecimal left = randomExpression(random, depth - 1, text);
      char op = "+-*".charAt(random.nextInt(3));
      text.append(' ').append(op).append(' ');
      BigDecimal right = randomExpression(random, depth - 1, text);
      text.append(')');
      return switch (op) {
        case '+' -> left.add(right);
        case '-' -> left.subtract(right);
        default -> left.multiply(right);
      };
    }
  }

  @Nested
  class Errors {

    @ParameterizedTest(name = "{0}")
    @CsvSource(
        delimiter = '|',
        quoteCharacter = '"',
        value = {
          "\"\"|0|empty expression at column 1",
          "\"   \"|3|empty expression at column 4",
          "2 + * 3|4|expected a number or '(' but found '*' at column 5",
          "2 +|3|expected a number or '(' at the end at column 4",
          "(1 + 2|6|missing ')' at column 7",
          "(1 + 2 3)|7|expected ')' at column 8",
          "1 + 2)|5|unmatched ')' at column 6",
          "1 / 0|2|division by zero at column 3",
          "1 / (2 - 2)|2|division by zero at column 3",
          "0 ^ -1|2|division by zero at column 3",
          "2 ^ 0.5|2|exponent must be a whole number below 10^9: 0.5 at column 3",
          "2 ^ 1e10|2|exponent must be a whole number below 10^9: 10000000000 at column 3",
          "1e|1|malformed exponent at column 2",
          "1e+|1|malformed exponent at column 2",
          "1..2|2|unexpected '.' at column 3",
          "abc|0|expected a number or '(' but found 'a' at column 1",
          "2 😀|2|unexpected '😀' at column 3",
          "1e9999999999|0|number out of range: 1e9999999999 at column 1",
          "(10^999999999)^10|14|result out of range at column 15"
        })
    void pointsAtTheProblem(String input, int position, String message) {
      assertThatThrownBy(() -> CalculatorCli.evaluate(input))
          .isInstanceOfSatisfying(
              ExpressionException.class,
              e -> {
                assertThat(e.position()).isEqualTo(position);
                assertThat(e.pointer())
                    .isEqualTo(input + System.lineSeparator() + " ".repeat(position) + "^");
              })
          .hasMessage(message);
    }

    @Test
    void capsTheNesting() {
      int max = CalculatorCli.MAX_DEPTH;
      String deep = "(".repeat(max + 1) + "1" + ")".repeat(max + 1);
      String fine = "(".repeat(max) + "1" + ")".repeat(max);
      String towerTooHigh = "1" + "^1".repeat(max + 1);
      String tower = "1" + "^1".repeat(max);

      assertThat(max).isEqualTo(100);
      assertThatThrownBy(() -> CalculatorCli.evaluate(deep))
          .isInstanceOf(ExpressionException.class)
          .hasMessage("expression nested deeper than 100 levels at column 101");
      assertThat(CalculatorCli.evaluate(fine)).isEqualByComparingTo(BigDecimal.ONE);
      assertThatThrownBy(() -> CalculatorCli.evaluate(towerTooHigh))
          .isInstanceOf(ExpressionException.class)
          .hasMessage("expression nested deeper than 100 levels at column 202");
      assertThat(CalculatorCli.evaluate(tower)).isEqualByComparingTo(BigDecimal.ONE);
    }

    @Test
    void readsAnyRunOfSignsWithoutRecursion() {
      assertThat(CalculatorCli.evaluate("-".repeat(100_001) + "2")).isEqualByComparingTo("-2");
      assertThat(CalculatorCli.evaluate("-+".repeat(50_000) + "2")).isEqualByComparingTo("2");
      assertThat(CalculatorCli.evaluate("- - 2 ^ 2")).isEqualByComparingTo("4");
    }

    @Test
    void rejectsNulls() {
      assertThatNullPointerException()
          .isThrownBy(() -> CalculatorCli.evaluate(null))
          .withMessage("expression");
      assertThatNullPointerException()
          .isThrownBy(() -> CalculatorCli.evaluate("1", null))
          .withMessage("context");
    }
  }

  @Nested
  class Format {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
      "0.000, 0",
      "-0, 0",
      "1.500, 1.5",
      "100, 100",
      "1E+2, 100",
      "123456789012345678901, 123456789012345678901",
      "1234567890123456789012, 1.234567890123456789012E+21",
      "0.00000000000000000001, 0.00000000000000000001",
      "0.000000000000000000001, 1E-21",
      "-0.0000000000000000000012, -1.2E-21",
      "-1234567890123456789012, -1.234567890123456789012E+21"
    })
    void stripsZerosAndStaysPlainInRange(String value, String expected) {
      assertThat(CalculatorCli.format(new BigDecimal(value))).isEqualTo(expected);
    }
  }

  @Nested
  class CommandLine {

    record Run(int code, String out, String err) {}

    Run run(String input, String... args) {
      var out = new StringWriter();
      var err = new StringWriter();
      int code =
          CalculatorCli.run(
              new BufferedReader(new StringReader(input)),
              new PrintWriter(out),
              new PrintWriter(err),
              args);
      return new Run(code, out.toString(), err.toString());
    }

    final String n = System.lineSeparator();

    @Test
    void evaluatesItsArgumentsJoined() {
      assertThat(run("", "2", "*", "(3", "+", "4)")).isEqualTo(new Run(0, "14" + n, ""));
      assertThat(run("", "-7 + 2")).isEqualTo(new Run(0, "-5" + n, ""));
      assertThat(run("", "-7", "+", "2")).isEqualTo(new Run(0, "-5" + n, ""));
    }

    @Test
    void honoursThePrecision() {
      assertThat(run("", "-p", "3", "2/3")).isEqualTo(new Run(0, "0.667" + n, ""));
      assertThat(run("", "--precision=1", "2/3").out()).isEqualTo("0.7" + n);
    }

    @Test
    void printsAnErrorWithACaretAndExitsWith1() {
      Run result = run("", "1 + (2 * ");

      assertThat(result.code()).isEqualTo(1);
      assertThat(result.out()).isEmpty();
      assertThat(result.err())
          .isEqualTo(
              "error: expected a number or '(' at the end at column 10"
                  + n
                  + "  1 + (2 * "
                  + n
                  + "  "
                  + " ".repeat(9)
                  + "^"
                  + n);
    }

    @Test
    void reportsUsageErrorsWithExit2() {
      assertThat(run("").code()).isEqualTo(2);
      assertThat(run("").err()).startsWith("give an expression, or --repl");
      assertThat(run("", "--repl", "1").err()).startsWith("--repl takes no expression");
      assertThat(run("", "-p", "0", "1").err()).startsWith("precision must be 1..10000: 0");
      assertThat(run("", "-p", "2147483647", "1/3").err())
          .startsWith("precision must be 1..10000: 2147483647")
          .doesNotContain("Exception");
      assertThat(run("", "-p", "2147483647", "1/3").code()).isEqualTo(2);
      assertThat(run("", "-p", "10000", "1/3").out()).contains("3".repeat(100));
      assertThat(run("", "-p", "0", "1").code()).isEqualTo(2);
      assertThat(run("", "-p", "x", "1").code()).isEqualTo(2);
    }

    @Test
    void printsHelp() {
      Run help = run("", "--help");

      assertThat(help.code()).isZero();
      assertThat(help.out())
          .contains("Usage: mid.apps.5")
          .contains("--repl")
          .contains("Exit codes");
    }

    @Test
    void replEvaluatesLineByLineAndSurvivesErrors() {
      Run result = run("1 + 1\n\n2 / 0\n  (3)\nquit\n4\n", "--repl");

      assertThat(result.code()).isZero();
      assertThat(result.out()).isEqualTo("> 2" + n + "> > > 3" + n + "> " + n);
      assertThat(result.err())
          .isEqualTo("error: division by zero at column 3" + n + "  2 / 0" + n + "    ^" + n);
    }

    @Test
    void replStopsAtExitOrEndOfInput() {
      assertThat(run("7\nexit\n8\n", "--repl").out()).isEqualTo("> 7" + n + "> " + n);
      assertThat(run("7", "--repl").out()).isEqualTo("> 7" + n + "> " + n);
      assertThat(run("", "--repl", "-p", "2").out()).isEqualTo("> " + n);
      assertThat(run("2/3\n", "--repl", "-p", "2").out()).isEqualTo("> 0.67" + n + "> " + n);
    }

    @Test
    void mainPrintsTheResult() throws Exception {
      var printed = StdStreams.capture(() -> CalculatorCli.main("6 * 7"));

      assertThat(printed.out()).isEqualTo("42" + n);
    }

    @Test
    void rejectsNullStreams() {
      var reader = new BufferedReader(new StringReader(""));
      var writer = new PrintWriter(new StringWriter());
      assertThatNullPointerException()
          .isThrownBy(() -> CalculatorCli.run(null, writer, writer))
          .withMessage("in");
      assertThatNullPointerException()
          .isThrownBy(() -> CalculatorCli.run(reader, null, writer))
          .withMessage("out");
      assertThatNullPointerException()
          .isThrownBy(() -> CalculatorCli.run(reader, writer, null))
          .withMessage("err");
    }
  }

  static LongStream seeds() {
    return Seeds.derive(200);
  }
}
