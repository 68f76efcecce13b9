package org.interviewtasks.mid.apps;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;
import org.interviewtasks.common.Task;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * A command-line calculator for whole expressions: {@code 2 * (3 + 4) / -7}, one-shot or as a REPL.
 *
 * <p>It goes deeper than junior's {@code CalculatorCli}, which applies one operator to two numbers:
 * here the input is a real expression with precedence, parentheses and unary minus, so it needs a
 * parser. The junior class is not reused: nothing in "a op b" helps parse an expression.
 *
 * <p><b>Approach.</b> A recursive-descent parser, one method per precedence level, evaluating as it
 * parses (no tree is built, since nothing is evaluated twice):
 *
 * <pre>
 * expression := term (('+' | '-') term)*          left-associative: 8 - 3 - 2 = 3
 * term       := unary (('*' | '/') unary)*        binds tighter than + and -
 * unary      := ('-' | '+') unary | power
 * power      := primary ('^' unary)?              right-associative: 2^3^2 = 2^9
 * primary    := number | '(' expression ')'
 * number     := digits ['.' digits] [('e' | 'E') ['+' | '-'] digits]  (or '.' digits ...)
 * </pre>
 *
 * Because {@code unary} sits above {@code power}, {@code -2^2} is {@code -(2^2) = -4}, as in
 * mathematics (and Python). O(n) time; the recursion depth grows with the nesting of parentheses,
 * so nesting (of parentheses and of exponents) is capped at 100 levels rather than risking a stack
 * overflow; a run of signs is read by a loop. Numbers are {@link BigDecimal} with {@link
 * MathContext#DECIMAL128} (34 significant digits) by default: {@code 0.1 + 0.2} is exactly {@code
 * 0.3}, which {@code double} cannot say, and {@code 1 / 3} is rounded to 34 digits, half-even.
 * Results are printed without trailing zeros, in plain notation unless the exponent is beyond ±20.
 *
 * <p><b>Edge cases.</b> Every error is an {@link ExpressionException} that knows the position in
 * the input it is about; the command line prints the input with a caret under that column. Division
 * by zero points at the {@code /}; an exponent that is not a whole number at the {@code ^}; an
 * unclosed parenthesis at the end; a stray token at itself. The REPL reports an error and goes on;
 * {@code quit}, {@code exit} or end of input leave it.
 *
 * <p><b>Follow-up.</b> <i>"Variables and functions?"</i> Add {@code identifier} to {@code primary}
 * ({@code sqrt(x)}, {@code ans}) with a symbol table. <i>"Without recursion?"</i> Dijkstra's
 * shunting-yard turns the same grammar into two stacks, operators and values, with the same
 * precedence table; recursive descent is easier to extend and gives better error messages.
 */
@Task(id = "mid.apps.5", title = "Calculator CLI with expressions and a REPL")
@Command(
    name = "mid.apps.5",
    mixinStandardHelpOptions = true,
    description = "Evaluates arithmetic expressions: + - * / ^, parentheses, unary minus.",
    footer = "Exit codes: 0 ok, 1 the expression has an error, 2 usage error.")
public final class CalculatorCli implements Callable<Integer> {

  /**
   * The most significant digits {@code -p} takes: 10,000, still instant for every operator; {@code
   * -p 2147483647} would make {@code 1/3} fill the heap.
   */
  public static final int MAX_PRECISION = 10_000;

  /** The default precision: 34 significant digits, IEEE 754 decimal128. */
  public static final MathContext DEFAULT_CONTEXT = MathContext.DECIMAL128;

  /** A syntax or arithmetic error at a position (0-based index into the input). */
  public static final class ExpressionException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final String input;
    private final int position;

    ExpressionException(String input, int position, String problem) {
      super(problem + " at column " + (position + 1));
      this.input = input;
      this.position = position;
    }

    /** The 0-based index of the offending character ({@code input.length()} for "at the end"). */
    public int position() {
      return position;
    }

    /** The input with a caret under the offending character, on two lines. */
    public String pointer() {
      return input + System.lineSeparator() + " ".repeat(position) + "^";
    }
  }

  @Option(
      names = "--repl",
      description = "Read expressions from standard input, one per line, until quit or EOF.")
  private boolean repl;

  @Option(
      names = {"-p", "--precision"},
      description = "Significant digits of results (default: ${DEFAULT-VALUE}).",
      defaultValue = "34")
  private int precision;

  @Parameters(
      arity = "0..*",
      paramLabel = "EXPRESSION",
      description = "The expression to evaluate.")
  private List<String> words = List.of();

  @Spec private CommandSpec spec;

  private BufferedReader in;
  private PrintWriter out;
  private PrintWriter err;

  /**
   * Evaluates an expression with {@link #DEFAULT_CONTEXT}.
   *
   * @throws ExpressionException if it is malformed or cannot be evaluated
   */
  public static BigDecimal evaluate(String expression) {
    return evaluate(expression, DEFAULT_CONTEXT);
  }

  /**
   * Evaluates an expression, rounding every operation to {@code context}.
   *
   * @throws ExpressionException if it is malformed or cannot be evaluated
   */
  public static BigDecimal evaluate(String expression, MathContext context) {
    Objects.requireNonNull(expression, "expression");
    Objects.requireNonNull(context, "context");
    return new Parser(expression, context).parse();
  }

  /** A result as the command line prints it: no trailing zeros, plain unless very large/small. */
  public static String format(BigDecimal value) {
    BigDecimal stripped = Objects.requireNonNull(value, "value").stripTrailingZeros();
    if (stripped.signum() == 0) {
      return "0";
    }
    int exponent = stripped.precision() - stripped.scale() - 1;
    if (Math.abs(exponent) <= 20) {
      return stripped.toPlainString();
    }
    String digits = stripped.unscaledValue().abs().toString();
    return (stripped.signum() < 0 ? "-" : "")
        + digits.charAt(0)
        + (digits.length() > 1 ? "." + digits.substring(1) : "")
        + (exponent > 0 ? "E+" : "E")
        + exponent;
  }

  @Override
  public Integer call() throws IOException {
    if (precision < 1 || precision > MAX_PRECISION) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "precision must be 1.." + MAX_PRECISION + ": " + precision);
    }
    MathContext context = new MathContext(precision);
    if (repl) {
      if (!words.isEmpty()) {
        throw new CommandLine.ParameterException(spec.commandLine(), "--repl takes no expression");
      }
      repl(context);
      return 0;
    }
    if (words.isEmpty()) {
      throw new CommandLine.ParameterException(spec.commandLine(), "give an expression, or --repl");
    }
    return evaluateAndPrint(String.join(" ", words), context) ? 0 : 1;
  }

  private void repl(MathContext context) throws IOException {
    out.print("> ");
    out.flush();
    for (String line = in.readLine(); line != null; line = in.readLine()) {
      String trimmed = line.strip();
      if (trimmed.equals("quit") || trimmed.equals("exit")) {
        break;
      }
      if (!trimmed.isEmpty()) {
        evaluateAndPrint(line, context);
      }
      out.print("> ");
      out.flush();
    }
    out.println();
    out.flush();
  }

  private boolean evaluateAndPrint(String expression, MathContext context) {
    try {
      out.println(format(evaluate(expression, context)));
      out.flush();
      return true;
    } catch (ExpressionException e) {
      err.println("error: " + e.getMessage());
      e.pointer().lines().forEach(line -> err.println("  " + line));
      err.flush();
      return false;
    }
  }

  /**
   * Runs the command line with the given streams and returns the exit code: 0 ok, 1 an expression
   * had an error, 2 a usage error.
   */
  public static int run(BufferedReader in, PrintWriter out, PrintWriter err, String... args) {
    CalculatorCli command = new CalculatorCli();
    command.in = Objects.requireNonNull(in, "in");
    command.out = Objects.requireNonNull(out, "out");
    command.err = Objects.requireNonNull(err, "err");
    return new CommandLine(command)
        .setUnmatchedOptionsArePositionalParams(true) // so "-7 + 2" is an expression
        .setOut(out)
        .setErr(err)
        .execute(args);
  }

  /**
   * {@code [-p digits] EXPRESSION...} or {@code --repl}; exits with the code of {@link #run} when
   * it is not 0.
   */
  public static void main(String... args) {
    var in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    Console.runAndExit((out, err) -> run(in, out, err, args));
  }

  /**
   * How deeply parentheses and exponents may nest: beyond any real input, far below a stack
   * overflow on any thread.
   */
  static final int MAX_DEPTH = 100;

  /** The recursive-descent parser; one instance per expression. */
  private static final class Parser {
    private final String input;
    private final MathContext context;
    private int pos;
    private int depth;

    Parser(String input, MathContext context) {
      this.input = input;
      this.context = context;
    }

    BigDecimal parse() {
      skipSpaces();
      if (pos == input.length()) {
        throw error(pos, "empty expression");
      }
      BigDecimal value = expression();
      if (pos < input.length()) {
        throw error(
            pos, input.charAt(pos) == ')' ? "unmatched ')'" : "unexpected '" + symbolAt(pos) + "'");
      }
      return value;
    }

    private BigDecimal expression() {
      BigDecimal value = term();
      while (true) {
        if (eat('+')) {
          value = value.add(term(), context);
        } else if (eat('-')) {
          value = value.subtract(term(), context);
        } else {
          return value;
        }
      }
    }

    private BigDecimal term() {
      BigDecimal value = unary();
      while (true) {
        int at = pos;
        if (eat('*')) {
          value = value.multiply(unary(), context);
        } else if (eat('/')) {
          BigDecimal divisor = unary();
          if (divisor.signum() == 0) {
            throw error(at, "division by zero");
          }
          value = value.divide(divisor, context);
        } else {
          return value;
        }
      }
    }

    private BigDecimal unary() {
      // A loop, not recursion: "------1" must not cost a stack frame per sign.
      int signs = 0;
      boolean negative = false;
      while (peek() == '-' || peek() == '+') {
        negative ^= peek() == '-';
        signs++;
        eat(peek());
      }
      BigDecimal value = power();
      if (negative) {
        return value.negate(context);
      }
      return signs > 0 ? value.plus(context) : value;
    }

    private BigDecimal power() {
      BigDecimal base = primary();
      int at = pos;
      if (!eat('^')) {
        return base;
      }
      enter(at);
      BigDecimal exponent = unary();
      depth--;
      int n;
      try {
        n = exponent.intValueExact();
      } catch (ArithmeticException e) {
        throw error(at, "exponent must be a whole number below 10^9: " + format(exponent));
      }
      if (n < 0 && base.signum() == 0) {
        throw error(at, "division by zero");
      }
      try {
        return base.pow(n, context);
      } catch (ArithmeticException e) {
        throw error(at, "result out of range");
      }
    }

    private BigDecimal primary() {
      int start = pos;
      if (eat('(')) {
        enter(start);
        BigDecimal value = expression();
        depth--;
        if (!eat(')')) {
          throw error(pos, pos == input.length() ? "missing ')'" : "expected ')'");
        }
        return value;
      }
      return number(start);
    }

    private BigDecimal number(int start) {
      int digits = digits();
      if (peek() == '.') {
        pos++;
        digits += digits();
      }
      if (digits == 0) {
        throw error(
            start,
            start == input.length()
                ? "expected a number or '(' at the end"
                : "expected a number or '(' but found '" + symbolAt(start) + "'");
      }
      if (peek() == 'e' || peek() == 'E') {
        int mark = pos;
        pos++;
        if (peek() == '+' || peek() == '-') {
          pos++;
        }
        if (digits() == 0) {
          throw error(mark, "malformed exponent");
        }
      }
      String literal = input.substring(start, pos);
      BigDecimal value;
      try {
        value = new BigDecimal(literal, context);
      } catch (NumberFormatException e) {
        throw error(start, "number out of range: " + literal);
      }
      skipSpaces();
      return value;
    }

    /** One level deeper into the recursion, or an error: the stack is finite. */
    private void enter(int at) {
      if (++depth > MAX_DEPTH) {
        throw error(at, "expression nested deeper than " + MAX_DEPTH + " levels");
      }
    }

    private int digits() {
      int start = pos;
      while (pos < input.length() && input.charAt(pos) >= '0' && input.charAt(pos) <= '9') {
        pos++;
      }
      return pos - start;
    }

    private boolean eat(char c) {
      if (peek() == c) {
        pos++;
        skipSpaces();
        return true;
      }
      return false;
    }

    private char peek() {
      return pos < input.length() ? input.charAt(pos) : '\0';
    }

    private void skipSpaces() {
      while (pos < input.length() && Character.isWhitespace(input.charAt(pos))) {
        pos++;
      }
    }

    private String symbolAt(int at) {
      return new String(Character.toChars(input.codePointAt(at)));
    }

    private ExpressionException error(int at, String problem) {
      return new ExpressionException(input, at, problem);
    }
  }
}
