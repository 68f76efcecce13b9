package org.interviewtasks.junior.apps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.interviewtasks.common.TaskExit;
import org.interviewtasks.common.testing.Seeds;
import org.interviewtasks.common.testing.StdStreams;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class CalculatorCliTest {

  private static CommandRun calc(String... args) throws Exception {
    return input("", args);
  }

  private static CommandRun input(String stdin, String... args) throws Exception {
    return CommandRun.of((out, err) -> CalculatorCli.run(new StringReader(stdin), out, err, args));
  }

  @Nested
  class OneCalculation {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(
        delimiter = ';',
        value = {
          "2 + 3; 5",
          "2+3; 5",
          "0.1 + 0.2; 0.3",
          "-5 - -3.5; -1.5",
          "−5 − 2; -7",
          "7.5 x 2; 15",
          "7.5 X 2; 15",
          "6 × 7; 42",
          "6 * 7; 42",
          "1 / 3; 0.3333333333333333333333333333333333",
          "1e3 / 8; 125",
          ".5 + 1.; 1.5",
          "+4 ÷ 2; 2",
          "2.50 * 2; 5"
        })
    void printsTheResult(String calculation, String expected) throws Exception {
      CommandRun run = calc(calculation.split(" "));

      assertThat(run.code()).isZero();
      assertThat(run.out()).isEqualTo(expected + System.lineSeparator());
      assertThat(run.err()).isEmpty();
    }

    @Test
    void acceptsTheCalculationAsOneArgument() throws Exception {
      CommandRun run = calc("  12 / 4  ");

      assertThat(run.out().strip()).isEqualTo("3");
    }

    @Test
    void precisionSetsSignificantDigits() throws Exception {
      assertThat(calc("--precision", "5", "2", "/", "3").out().strip()).isEqualTo("0.66667");
      assertThat(calc("-p", "1", "2", "/", "3").out().strip()).isEqualTo("0.7");
      assertThat(calc("-p=0", "1", "/", "64").out().strip()).isEqualTo("0.015625");
      assertThat(calc("-p", "1000", "1", "/", "7").out().strip()).hasSize(1002);
    }

    @Test
    void divisionByZeroFailsWithExitCode1() throws Exception {
      CommandRun run = calc("1", "/", "0");

      assertThat(run.code()).isEqualTo(1);
      assertThat(run.out()).isEmpty();
      assertThat(run.err()).isEqualTo("error: division by zero" + System.lineSeparator());
    }

    @Test
    void anInexactQuotientWithExactPrecisionFails() throws Exception {
      CommandRun run = calc("-p", "0", "1", "/", "3");

      assertThat(run.code()).isEqualTo(1);
      assertThat(run.err()).startsWith("error: Non-terminating decimal expansion");
    }

    @ParameterizedTest(name = "[{0}]")
    @ValueSource(strings = {"2 +", "2 % 3", "two + 3", "2 + 3 + 4", "1..2 + 3", "+", "1e + 2"})
    void aMalformedCalculationIsAUsageError(String calculation) throws Exception {
      CommandRun run = calc(calculation.split(" "));

      assertThat(run.code()).isEqualTo(2);
      assertThat(run.out()).isEmpty();
      assertThat(run.err())
          .startsWith(
              "not a calculation: '"
                  + calculation
                  + "'; expected <number> <operator> <number>, e.g. 2 + 3")
          .contains("Usage: junior.apps.10");
    }

    @ParameterizedTest(name = "--precision {0}")
    @ValueSource(strings = {"-1", "1001"})
    void precisionOutOfRangeIsAUsageError(String precision) throws Exception {
      CommandRun run = calc("--precision", precision, "1", "+", "1");

      assertThat(run.code()).isEqualTo(2);
      assertThat(run.err()).startsWith("--precision must be between 0 and 1000, was " + precision);
    }

    @Test
    void anUnknownOptionIsAUsageError() throws Exception {
      CommandRun run = calc("--round", "2", "+", "3");

      assertThat(run.code()).isEqualTo(2);
      assertThat(run.err()).startsWith("Unknown option: '--round'");
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("org.interviewtasks.junior.apps.CalculatorCliTest#seeds")
    void agreesWithTheCalculator(long seed) throws Exception {
      var random = new SplittableRandom(seed);
      var a = BigDecimal.valueOf(random.nextLong(-1_000_000, 1_000_000), random.nextInt(0, 4));
      var b = BigDecimal.valueOf(random.nextLong(1, 1_000_000), random.nextInt(0, 4));
      var ops = List.of(Calculator.Operation.values());
      var op = ops.get(random.nextInt(ops.size()));

      CommandRun run = calc(a.toString(), op.symbol(), b.toString());

      assertThat(run.out().strip())
          .isEqualTo(Calculator.format(new Calculator(MathContext.DECIMAL128).calculate(a, op, b)));
    }
  }

  @Nested
  class LineByLine {

    @Test
    void calculatesEachLineAndSkipsBlankOnes() throws Exception {
      CommandRun run = input("1 + 1\n\n  2 x 3  \n10/4\n");

      assertThat(run.code()).isZero();
      assertThat(run.lines()).containsExactly("2", "6", "2.5");
      assertThat(run.err()).isEmpty();
    }

    @Test
    void reportsABadLineAndGoesOn() throws Exception {
      CommandRun run = input("1 / 0\nhello\n3 - 4\n");

      assertThat(run.code()).isEqualTo(1);
      assertThat(run.lines()).containsExactly("-1");
      assertThat(run.err().lines())
          .containsExactly(
              "error: line 1: division by zero",
              "error: line 2: not a calculation: 'hello'; expected <number> <operator> <number>,"
                  + " e.g. 2 + 3");
    }

    @Test
    void answersEachLineBeforeReadingTheNext() throws Exception {
      var out = new CommandRun.Captured();
      var seenWhenAskedForLine2 = new java.util.concurrent.atomic.AtomicReference<String>();
      var lines = new java.util.ArrayDeque<>(List.of("1 + 1\n", "2 + 2\n"));
      Reader oneLineAtATime =
          new Reader() {
            @Override
            public int read(char[] buffer, int offset, int length) {
              if (lines.isEmpty()) {
                return -1;
              }
              if (lines.size() == 1) {
                seenWhenAskedForLine2.set(out.text());
              }
              String line = lines.poll();
              line.getChars(0, line.length(), buffer, offset);
              return line.length();
            }

            @Override
            public void close() {}
          };

      CalculatorCli.run(oneLineAtATime, out.writer(), out.writer());

      assertThat(seenWhenAskedForLine2.get()).isEqualTo("2" + System.lineSeparator());
      assertThat(out.text()).isEqualTo("2" + System.lineSeparator() + "4" + System.lineSeparator());
    }

    @Test
    void quitStops() throws Exception {
      CommandRun run = input("1 + 2\n  QUIT \n4 + 5\n");

      assertThat(run.lines()).containsExactly("3");
      assertThat(run.code()).isZero();
    }

    @Test
    void noInputIsNoOutput() throws Exception {
      CommandRun run = input("");

      assertThat(run.code()).isZero();
      assertThat(run.out()).isEmpty();
    }

    @Test
    void usesThePrecisionOption() throws Exception {
      assertThat(input("2 / 3\n", "-p", "3").lines()).containsExactly("0.667");
    }
  }

  @Nested
  class Help {

    @Test
    void helpListsTheOperatorsAndExitCodes() throws Exception {
      CommandRun run = calc("--help");

      assertThat(run.code()).isZero();
      assertThat(run.out())
          .startsWith("Usage: junior.apps.10 [-hV] [-p=DIGITS] [CALCULATION...]")
          .contains("operators: + - * x / ÷")
          .contains("2   usage error");
    }

    @Test
    void versionNamesTheProject() throws Exception {
      CommandRun run = calc("--version");

      assertThat(run.code()).isZero();
      assertThat(run.out()).startsWith("interview-tasks ").doesNotContain("${");
    }
  }

  @Nested
  class Main {

    @Test
    void printsTheResultOnTheConsole() throws Exception {
      var printed = StdStreams.capture(() -> CalculatorCli.main("6", "x", "7"));

      assertThat(printed.out()).isEqualTo("42" + System.lineSeparator());
    }

    @Test
    void readsStandardInputWithoutArguments() throws Exception {
      InputStream original = System.in;
      try {
        System.setIn(new ByteArrayInputStream("2 + 2\n".getBytes(StandardCharsets.UTF_8)));
        var printed = StdStreams.capture(CalculatorCli::main);

        assertThat(printed.out()).isEqualTo("4" + System.lineSeparator());
      } finally {
        System.setIn(original);
      }
    }

    @Test
    void usageErrorsBecomeIllegalArgumentException() throws Exception {
      var printed =
          StdStreams.capture(
              () ->
                  assertThatIllegalArgumentException()
                      .isThrownBy(() -> CalculatorCli.main("2", "%", "3"))
                      .withMessage("usage: junior.apps.10 --help shows how to call it"));

      assertThat(printed.err()).startsWith("not a calculation: '2 % 3'");
    }

    @Test
    void failuresBecomeAnExceptionWithTheExitCode() throws Exception {
      var printed =
          StdStreams.capture(
              () ->
                  assertThatThrownBy(() -> CalculatorCli.main("1", "/", "0"))
                      .isInstanceOf(TaskExit.class)
                      .hasMessage("exit code 1")
                      .satisfies(e -> assertThat(((TaskExit) e).code()).isEqualTo(1)));

      assertThat(printed.err()).isEqualTo("error: division by zero" + System.lineSeparator());
    }

    @Test
    void rejectsANullReader() {
      assertThatNullPointerException()
          .isThrownBy(() -> CalculatorCli.run(null, null, null))
          .withMessage("in");
    }
  }

  static LongStream seeds() {
    return Seeds.derive(200);
  }
}
