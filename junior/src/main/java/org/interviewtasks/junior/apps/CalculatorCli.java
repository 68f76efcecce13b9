package org.interviewtasks.junior.apps;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.Reader;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.interviewtasks.common.Task;
import org.interviewtasks.junior.apps.Calculator.Operation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * A command-line calculator: {@code junior.apps.10 2 + 3} prints {@code 5}.
 *
 * <p><b>Approach.</b> A picocli front end over {@link Calculator} (junior.apps.4), which does the
 * arithmetic: this class only reads {@code <number> <operator> <number>} and prints the result. The
 * arguments are joined and matched by one regular expression, so {@code 2 + 3}, {@code 2+3} and
 * {@code "2 + 3"} are the same calculation; negative numbers and exponents work ({@code -5 - -3},
 * {@code 1e3 / 8}). Without arguments it reads one calculation per line from standard input, prints
 * each result, reports a bad line on standard error and goes on, so it doubles as a filter ({@code
 * printf '1 + 1\n2 x 3\n' | calc}). {@code --precision} sets the significant digits (default 34; 0
 * for exact results).
 *
 * <p><b>Edge cases.</b> A shell expands a bare {@code *} into file names, so {@code x} and {@code
 * ×} multiply too (or quote it: {@code '*'}). Division by zero fails with exit code 1 and {@code
 * error: division by zero}; a malformed calculation or an unknown operator is a usage error (exit
 * code 2). In the line-by-line mode blank lines are skipped, {@code quit} or the end of input
 * stops, and the exit code is 1 if any line failed.
 *
 * <p><b>Follow-up.</b> <i>"Support {@code 2 + 3 * 4}."</i> Operator precedence needs a parser
 * (shunting-yard or recursive descent: mid.apps.5), not a longer regex. <i>"Why not a {@code
 * switch} on the operator here?"</i> The symbols belong to {@link Operation}; a second table here
 * would drift from the calculator's.
 */
@Task(id = "junior.apps.10", title = "Command-line calculator")
@Command(
    name = "junior.apps.10",
    mixinStandardHelpOptions = true,
    versionProvider = Cli.Version.class,
    description = {
      "Adds, subtracts, multiplies or divides two numbers, e.g. 2 + 3, 7.5 x 2, 1 / 3.",
      "Without a calculation, reads one per line from standard input ('quit' stops)."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:done", "1:a calculation failed (e.g. division by zero)", "2:usage error"})
public final class CalculatorCli implements Callable<Integer> {

  /** A number: optional sign, digits with an optional point, optional exponent. */
  private static final String NUMBER = "[-+\u2212]?(?:\\d+\\.?\\d*|\\.\\d+)(?:[eE][-+]?\\d+)?";

  private static final Pattern CALCULATION =
      Pattern.compile(
          "\\s*("
              + NUMBER
              + ")\\s*("
              + Arrays.stream(Operation.values())
                  .flatMap(op -> op.symbols().stream())
                  .map(Pattern::quote)
                  .collect(Collectors.joining("|"))
              + ")\\s*("
              + NUMBER
              + ")\\s*",
          Pattern.CASE_INSENSITIVE);

  /** The biggest {@code --precision}: enough for any calculator, small enough to stay fast. */
  static final int MAX_PRECISION = 1000;

  @Spec private CommandSpec spec;

  @Option(
      names = {"-p", "--precision"},
      paramLabel = "DIGITS",
      defaultValue = "34",
      description = "Significant digits of a result, 0 for exact (default: ${DEFAULT-VALUE}).")
  private int precision;

  @Parameters(
      paramLabel = "CALCULATION",
      arity = "0..*",
      description = "<number> <operator> <number>; operators: + - * x / ÷")
  private List<String> calculation = new ArrayList<>();

  private final BufferedReader in;

  private CalculatorCli(Reader in) {
    this.in = new BufferedReader(in);
  }

  /**
   * Runs the calculator's command line with the given input and writers and returns its exit code.
   */
  public static int run(Reader in, PrintWriter out, PrintWriter err, String... args) {
    Objects.requireNonNull(in, "in");
    return Cli.execute(new CalculatorCli(in), out, err, args);
  }

  /**
   * Runs the calculator on the console.
   *
   * @throws IllegalArgumentException on a usage error (the task runner's exit code 2)
   */
  public static void main(String... args) {
    Reader console = new InputStreamReader(System.in, Charset.defaultCharset());
    Cli.main("junior.apps.10", new CalculatorCli(console), args);
  }

  @Override
  public Integer call() throws IOException {
    if (precision < 0 || precision > MAX_PRECISION) {
      throw new ParameterException(
          spec.commandLine(),
          "--precision must be between 0 and " + MAX_PRECISION + ", was " + precision);
    }
    var calculator = new Calculator(new MathContext(precision, RoundingMode.HALF_EVEN));
    PrintWriter out = spec.commandLine().getOut();
    if (!calculation.isEmpty()) {
      String text = String.join(" ", calculation);
      Matcher matcher = CALCULATION.matcher(text);
      if (!matcher.matches()) {
        throw new ParameterException(spec.commandLine(), notACalculation(text));
      }
      out.println(evaluate(calculator, matcher));
      return Cli.OK;
    }
    return readLines(calculator, out, spec.commandLine().getErr());
  }

  private int readLines(Calculator calculator, PrintWriter out, PrintWriter err)
      throws IOException {
    int code = Cli.OK;
    int number = 0;
    for (String line = in.readLine(); line != null; line = in.readLine()) {
      number++;
      if (line.isBlank()) {
        continue;
      }
      if (line.strip().equalsIgnoreCase("quit")) {
        break;
      }
      Matcher matcher = CALCULATION.matcher(line);
      try {
        if (!matcher.matches()) {
          throw new IllegalArgumentException(notACalculation(line));
        }
        out.println(evaluate(calculator, matcher));
      } catch (ArithmeticException | IllegalArgumentException e) {
        err.println("error: line " + number + ": " + e.getMessage());
        code = Cli.FAILED;
      }
      out.flush();
    }
    return code;
  }

  private static String evaluate(Calculator calculator, Matcher matcher) {
    BigDecimal a = number(matcher.group(1));
    Operation op = Operation.of(matcher.group(2));
    BigDecimal b = number(matcher.group(3));
    return Calculator.format(calculator.calculate(a, op, b));
  }

  private static BigDecimal number(String text) {
    return new BigDecimal(text.replace('\u2212', '-'));
  }

  private static String notACalculation(String text) {
    return "not a calculation: '"
        + text.strip()
        + "'; expected <number> <operator> <number>, e.g. 2 + 3";
  }
}
