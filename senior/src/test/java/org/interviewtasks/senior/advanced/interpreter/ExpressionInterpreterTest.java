package org.interviewtasks.senior.advanced.interpreter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.interviewtasks.common.testing.Seeds;
import org.interviewtasks.mid.apps.CalculatorCli;
import org.interviewtasks.senior.advanced.interpreter.Expr.BinaryOp;
import org.interviewtasks.senior.advanced.interpreter.Expr.UnaryOp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ExpressionInterpreterTest {

  /** x = 4, y = 2.5, s = "héllo", flag = true; max(a, b), len(s), boom() throws. */
  static final Environment ENV =
      Environment.empty()
          .with("x", Value.of(4))
          .with("y", Value.of(new BigDecimal("2.5")))
          .with("s", Value.of("héllo"))
          .with("flag", Value.of(true))
          .withFunction("max", 2, ExpressionInterpreterTest::max)
          .withFunction("len", 1, ExpressionInterpreterTest::len)
          .withFunction(
              "boom",
              0,
              args -> {
                throw new IllegalStateException("boom was called");
              });

  static Value max(List<Value> args) {
    BigDecimal a = ((Value.Num) args.get(0)).value();
    BigDecimal b = ((Value.Num) args.get(1)).value();
    return Value.of(a.max(b));
  }

  static Value len(List<Value> args) {
    if (!(args.get(0) instanceof Value.Str s)) {
      throw new IllegalArgumentException("len needs a string");
    }
    return Value.of(s.value().codePointCount(0, s.value().length()));
  }

  static Stream<Arguments> values() {
    return Stream.of(
        Arguments.of("1 + 2 * 3", Value.of(7)),
        Arguments.of("(1 + 2) * 3", Value.of(9)),
        Arguments.of("8 - 3 - 2", Value.of(3)),
        Arguments.of("2 ^ 3 ^ 2", Value.of(512)),
        Arguments.of("-2 ^ 2", Value.of(-4)),
        Arguments.of("(-2) ^ 2", Value.of(4)),
        Arguments.of("2 ^ -1", Value.of(new BigDecimal("0.5"))),
        Arguments.of("0.1 + 0.2 == 0.3", Value.of(true)),
        Arguments.of("10 / 4", Value.of(new BigDecimal("2.5"))),
        Arguments.of("7 % 3", Value.of(1)),
        Arguments.of("-7 % 3", Value.of(-1)),
        Arguments.of(
            "1 / 3",
            Value.of(BigDecimal.ONE.divide(BigDecimal.valueOf(3), MathContext.DECIMAL128))),
        Arguments.of("1.5e3 + 1E-1", Value.of(new BigDecimal("1500.1"))),
        Arguments.of("x * y", Value.of(new BigDecimal("10.0"))),
        Arguments.of("--x", Value.of(4)),
        Arguments.of("2.0 == 2", Value.of(true)),
        Arguments.of("1 == \"1\"", Value.of(false)),
        Arguments.of("1 != \"1\"", Value.of(true)),
        Arguments.of("true == true", Value.of(true)),
        Arguments.of("\"a\" < \"b\"", Value.of(true)),
        Arguments.of("3 <= 3 and 3 >= 3 and not 3 > 3 and not 3 < 3", Value.of(true)),
        Arguments.of("not 1 == 2", Value.of(true)),
        Arguments.of("not not flag", Value.of(true)),
        Arguments.of("true or false and false", Value.of(true)),
        Arguments.of("(true or false) and false", Value.of(false)),
        Arguments.of("false and boom()", Value.of(false)),
        Arguments.of("true or boom()", Value.of(true)),
        Arguments.of("if x > 3 then \"big\" else boom()", Value.of("big")),
        Arguments.of("if x > 5 then 1 else 2 + 3", Value.of(5)),
        Arguments.of("let x = 10 in x * 2", Value.of(20)),
        Arguments.of("let a = 1 in let b = a + 1 in let a = 5 in a + b", Value.of(7)),
        Arguments.of("(let a = 2 in a) + a2", null),
        Arguments.of("s + \" 😀 世界\"", Value.of("héllo 😀 世界")),
        Arguments.of("\"tab\\there \\\"q\\\" \\\\ \\u00e9\"", Value.of("tab\there \"q\" \\ é")),
        Arguments.of("len(s + \"😀\")", Value.of(6)),
        Arguments.of("max(x, y * 2) + max(1, 0)", Value.of(new BigDecimal("6.0"))),
        Arguments.of("  1\n +\t2  ", Value.of(3)),
        Arguments.of("2 ^ 0.0", Value.of(1)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("values")
  void evaluates(String source, Value expected) {
    if (expected == null) {
      assertThatThrownBy(() -> ExpressionInterpreter.evaluate(source, ENV))
          .isInstanceOf(EvaluationException.class);
      return;
    }
    assertSame(ExpressionInterpreter.evaluate(source, ENV), expected);
  }

  static void assertSame(Value actual, Value expected) {
    if (expected instanceof Value.Num e && actual instanceof Value.Num a) {
      assertThat(a.value()).isEqualByComparingTo(e.value());
    } else {
      assertThat(actual).isEqualTo(expected);
    }
  }

  static Stream<Arguments> parseErrors() {
    return Stream.of(
        Arguments.of("", "empty program", 0),
        Arguments.of("   ", "empty program", 3),
        Arguments.of("1 +", "expected an expression at the end", 3),
        Arguments.of("(1 + 2", "expected ')' at the end", 6),
        Arguments.of("1 + 2)", "unmatched ')'", 5),
        Arguments.of("1 2", "unexpected number 2", 2),
        Arguments.of("1 < 2 < 3", "comparisons do not chain", 6),
        Arguments.of("1 == 2 != 3", "comparisons do not chain", 7),
        Arguments.of("\"abc", "unterminated string", 0),
        Arguments.of("\"a\nb\"", "unterminated string", 0),
        Arguments.of("\"\\q\"", "unknown escape", 1),
        Arguments.of("\"\\u12g4\"", "four hex digits", 1),
        Arguments.of("\"\\u12", "four hex digits", 1),
        Arguments.of("1.", "expected a digit after the decimal point", 2),
        Arguments.of("1e+", "malformed exponent", 1),
        Arguments.of("1e9999999999", "number out of range", 0),
        Arguments.of("x # 1", "unexpected character '#'", 2),
        Arguments.of("x ! 1", "unexpected '!'", 2),
        Arguments.of("1 + \u0000", "unexpected character U+0000", 4),
        Arguments.of("if true then 1", "expected 'else' at the end", 14),
        Arguments.of("if true 1 else 2", "expected 'then' but found number 1", 8),
        Arguments.of("let 1 = 2 in 3", "expected a name after 'let'", 4),
        Arguments.of("let x 2 in 3", "expected '='", 6),
        Arguments.of("let x = 2 x", "expected 'in' but found name 'x'", 10),
        Arguments.of("max(1 2)", "expected ',' or ')'", 6),
        Arguments.of("max(1,)", "expected an expression but found ')'", 6),
        Arguments.of("* 2", "expected an expression but found '*'", 0),
        Arguments.of("1 +\n  then", "expected an expression but found 'then'", 6));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("parseErrors")
  void reportsParseErrorsWithTheirPosition(String source, String problem, int position) {
    ParseException e =
        catchThrowableOfType(ParseException.class, () -> ExpressionInterpreter.parse(source));
    assertThat(e).isNotNull();
    assertThat(e.problem()).contains(problem);
    assertThat(e.position()).isEqualTo(position);
  }

  static Stream<Arguments> evaluationErrors() {
    return Stream.of(
        Arguments.of(
            "1 + \"a\"", "'+' adds two numbers or joins two strings, not a number and a string", 2),
        Arguments.of("-\"a\"", "'-' needs a number, not a string", 0),
        Arguments.of("not 1", "'not' needs a boolean, not a number", 0),
        Arguments.of("1 and true", "'and' needs a boolean, not a number", 2),
        Arguments.of("true and 1", "'and' needs a boolean, not a number", 5),
        Arguments.of("false or 1", "'or' needs a boolean, not a number", 6),
        Arguments.of("if 1 then 2 else 3", "'if' needs a boolean, not a number", 0),
        Arguments.of("1 < \"a\"", "'<' compares two numbers or two strings", 2),
        Arguments.of("true > false", "'>' compares two numbers or two strings", 5),
        Arguments.of("x / (x - 4)", "division by zero", 2),
        Arguments.of("x % 0", "division by zero", 2),
        Arguments.of("0 ^ -1", "division by zero", 2),
        Arguments.of("2 ^ 0.5", "the exponent must be a whole number: 0.5", 2),
        Arguments.of("2 ^ 1000000000", "within ±999999999", 2),
        Arguments.of("2 ^ 10000000000", "the exponent must be a whole number", 2),
        Arguments.of("(10 ^ 999999999) ^ 999999999", "result out of range", 17),
        Arguments.of("nope + 1", "unknown variable 'nope'", 0),
        Arguments.of("1 + nope(2)", "unknown function 'nope'", 4),
        Arguments.of("max(1)", "max takes 2 arguments, not 1", 0),
        Arguments.of("len(1, 2)", "len takes 1 argument, not 2", 0),
        Arguments.of("len(1)", "function len failed", 0),
        Arguments.of("1 * \"x\"", "'*' needs a number, not a string", 2),
        Arguments.of("\"x\" - 1", "'-' needs a number, not a string", 4),
        Arguments.of("let a = 1 in\n  a / (a - 1)", "division by zero", 17));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("evaluationErrors")
  void reportsEvaluationErrorsWithTheirPosition(String source, String problem, int position) {
    Program program = ExpressionInterpreter.parse(source);
    EvaluationException e =
        catchThrowableOfType(EvaluationException.class, () -> program.evaluate(ENV));
    assertThat(e).isNotNull();
    assertThat(e.problem()).contains(problem);
    assertThat(e.position()).isEqualTo(position);
  }

  @Test
  void pointsACaretUnderTheOffendingCharacterOfItsLine() {
    EvaluationException e =
        catchThrowableOfType(
            EvaluationException.class,
            () -> ExpressionInterpreter.evaluate("let a = 1 in\n\ta / (a - 1)", ENV));
    assertThat(e.getMessage()).isEqualTo("division by zero at line 2, column 4");
    assertThat(e.line()).isEqualTo(2);
    assertThat(e.column()).isEqualTo(4);
    assertThat(e.pointer()).isEqualTo("\ta / (a - 1)\n\t  ^");

    ParseException p =
        catchThrowableOfType(ParseException.class, () -> ExpressionInterpreter.parse("1 + * 2"));
    assertThat(p.getMessage())
        .isEqualTo("expected an expression but found '*' at line 1, column 5");
    assertThat(p.pointer()).isEqualTo("1 + * 2\n    ^");

    ParseException atStart =
        catchThrowableOfType(ParseException.class, () -> ExpressionInterpreter.parse("\n)"));
    assertThat(atStart.pointer()).isEqualTo(")\n^");
    ParseException first =
        catchThrowableOfType(ParseException.class, () -> ExpressionInterpreter.parse(")"));
    assertThat(first.pointer()).isEqualTo(")\n^");
  }

  @Test
  void keepsTheCauseOfAFailedFunction() {
    EvaluationException e =
        catchThrowableOfType(
            EvaluationException.class,
            () -> ExpressionInterpreter.evaluate("true and boom()", ENV));
    assertThat(e).hasCauseInstanceOf(IllegalStateException.class);
    assertThat(e.problem()).contains("boom was called");

    Environment returnsNull = Environment.empty().withFunction("f", 0, args -> null);
    assertThatThrownBy(() -> ExpressionInterpreter.evaluate("f()", returnsNull))
        .isInstanceOf(EvaluationException.class)
        .hasMessageContaining("function f returned null");
  }

  @Test
  void evaluatesOneProgramInManyEnvironmentsAndTreesBuiltInCode() {
    Program program = ExpressionInterpreter.parse("x * 2");
    assertSame(program.evaluate(Environment.empty().with("x", Value.of(3))), Value.of(6));
    assertSame(program.evaluate(Environment.empty().with("x", Value.of(5))), Value.of(10));
    assertThat(program.source()).isEqualTo("x * 2").isEqualTo(program.toString());
    assertThat(program.expr())
        .isEqualTo(new Expr.Binary(BinaryOp.MUL, new Expr.Var("x"), new Expr.Num(BigDecimal.TWO)));

    Expr tree = new Expr.Binary(BinaryOp.DIV, new Expr.Num(BigDecimal.ONE), new Expr.Var("zero"));
    EvaluationException e =
        catchThrowableOfType(
            EvaluationException.class,
            () ->
                ExpressionInterpreter.evaluate(
                    tree, Environment.empty().with("zero", Value.of(0))));
    assertThat(e.position()).isEqualTo(-1);
    assertThat(e.line()).isZero();
    assertThat(e.column()).isZero();
    assertThat(e.pointer()).isEmpty();
    assertThat(e.getMessage()).isEqualTo("division by zero");
  }

  @Test
  void roundsToThePrecisionOfTheEnvironment() {
    Environment three = Environment.empty().withPrecision(new MathContext(3));
    assertSame(ExpressionInterpreter.evaluate("2 / 3", three), Value.of(new BigDecimal("0.667")));
    assertThat(three.precision()).isEqualTo(new MathContext(3));
    assertThat(ENV.variable("x")).contains(Value.of(4));
    assertThat(ENV.variable("absent")).isEmpty();
  }

  @Test
  void checksItsInputs() {
    assertThatThrownBy(() -> ExpressionInterpreter.parse(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("source");
    assertThatThrownBy(
            () ->
                ExpressionInterpreter.parse(
                    "1".repeat(ExpressionInterpreter.MAX_SOURCE_LENGTH + 1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("source longer than 1048576 characters");
    assertThatThrownBy(() -> ExpressionInterpreter.evaluate("1", null))
        .isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> ExpressionInterpreter.print(null))
        .isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> Environment.empty().with("if", Value.of(1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("name is a keyword: if");
    assertThatThrownBy(() -> Environment.empty().with("1x", Value.of(1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("name is not an identifier: \"1x\"");
    assertThatThrownBy(() -> Environment.empty().with("", Value.of(1)))
        .hasMessage("name must not be empty");
    assertThatThrownBy(() -> Environment.empty().withFunction("f", 256, args -> Value.of(1)))
        .hasMessage("arity must be 0..255: 256");
    assertThatThrownBy(() -> Environment.empty().withFunction("f", -1, args -> Value.of(1)))
        .hasMessage("arity must be 0..255: -1");
    assertThatThrownBy(() -> Environment.empty().withPrecision(MathContext.UNLIMITED))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Expr.Num(BigDecimal.ONE.negate()))
        .hasMessageContaining("never negative");
    assertThatThrownBy(() -> new Expr.Var("let")).hasMessage("name is a keyword: let");
    assertThatThrownBy(
            () -> new Expr.Call("f", java.util.Collections.nCopies(256, new Expr.Bool(true))))
        .hasMessage("at most 255 arguments: 256");
    assertThatThrownBy(
            () ->
                ExpressionInterpreter.parse(
                    "f(" + String.join(",", java.util.Collections.nCopies(256, "1")) + ")"))
        .isInstanceOf(ParseException.class)
        .hasMessageContaining("more than 255 arguments");
  }

  @Test
  void identifiersAndStringsKeepEveryUnicodeCharacter() {
    Environment env = Environment.empty().with("größe", Value.of("日本"));
    Value v = ExpressionInterpreter.evaluate("größe + \"\uD83D\uDE00\" + \"\\ud83d\"", env);
    assertThat(v).isEqualTo(Value.of("日本\uD83D\uDE00\uD83D"));
    Expr tree = new Expr.Str("a\u0001\u007f\"\\\n\r\t😀\uDC00");
    assertThat(ExpressionInterpreter.parse(ExpressionInterpreter.print(tree)).expr())
        .isEqualTo(tree);
  }

  // --- deep nesting: a documented error, never a StackOverflowError -------------------------

  static Stream<Arguments> deepInputs() {
    int n = 100_000;
    return Stream.of(
        Arguments.of("parentheses", "(".repeat(n) + "1" + ")".repeat(n)),
        Arguments.of("unclosed parentheses", "(".repeat(n)),
        Arguments.of("negations", "-".repeat(n) + "1"),
        Arguments.of("nots", "not ".repeat(n) + "true"),
        Arguments.of("powers", "2 ^ ".repeat(n) + "1"),
        Arguments.of("a long sum", "1 + ".repeat(n) + "1"),
        // 20,000 levels: 100,000 would pass the source length limit first.
        Arguments.of("nested ifs", "if true then ".repeat(n / 5) + "1" + " else 2".repeat(n / 5)),
        Arguments.of("nested lets", "let a = 1 in ".repeat(n / 5) + "a"),
        Arguments.of("nested calls", "f(".repeat(n) + "1" + ")".repeat(n)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("deepInputs")
  void refusesNestingBeyondTheLimitWithAParseError(String name, String source) {
    assertThatThrownBy(() -> ExpressionInterpreter.parse(source))
        .isInstanceOf(ParseException.class)
        .hasMessageContaining("nested deeper than " + ExpressionInterpreter.MAX_DEPTH + " levels");
  }

  @Test
  void evaluatesNestingUpToTheLimit() {
    int n = ExpressionInterpreter.MAX_DEPTH - 1;
    assertSame(
        ExpressionInterpreter.evaluate("(".repeat(n) + "7" + ")".repeat(n), ENV), Value.of(7));
    assertSame(ExpressionInterpreter.evaluate("1 + ".repeat(n) + "1", ENV), Value.of(n + 1));
    assertSame(ExpressionInterpreter.evaluate("-".repeat(n) + "1", ENV), Value.of(-1));
  }

  @Test
  void refusesTreesBuiltDeeperThanTheLimitInCode() {
    Expr deep = new Expr.Num(BigDecimal.ONE);
    for (int i = 0; i < 100_000; i++) {
      deep = new Expr.Unary(UnaryOp.NEG, deep);
    }
    Expr tree = deep;
    assertThatThrownBy(() -> ExpressionInterpreter.evaluate(tree, ENV))
        .isInstanceOf(EvaluationException.class)
        .hasMessageContaining("nested deeper than " + ExpressionInterpreter.MAX_DEPTH + " levels");
    assertThatThrownBy(() -> ExpressionInterpreter.print(tree))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("nested deeper than " + ExpressionInterpreter.MAX_DEPTH + " levels");
  }

  // --- fuzzing: random text gives a program or the documented parse error ---------------------

  static Stream<Long> seeds() {
    return Seeds.derive(4).boxed();
  }

  private static final String[] TOKENS = {
    "1", "2.5", "1e3", "\"s\"", "x", "y", "f", "true", "false", "and", "or", "not", "if", "then",
    "else", "let", "in", "=", "==", "!=", "<", "<=", ">", ">=", "+", "-", "*", "/", "%", "^", "(",
    ")", ",", "\"", "\\", "!", "#", "é", "😀", " ", "\n"
  };

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void randomTextNeverFailsWithAnythingButAParseError(long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    assertTimeoutPreemptively(
        Duration.ofSeconds(60),
        () -> {
          for (int i = 0; i < 1500; i++) {
            byte[] bytes = new byte[random.nextInt(0, 80)];
            for (int j = 0; j < bytes.length; j++) {
              bytes[j] = (byte) random.nextInt(256);
            }
            parsesOrFailsCleanly(new String(bytes, StandardCharsets.UTF_8));
            parsesOrFailsCleanly(new String(bytes, StandardCharsets.ISO_8859_1));
            StringBuilder soup = new StringBuilder();
            for (int j = random.nextInt(0, 30); j > 0; j--) {
              soup.append(TOKENS[random.nextInt(TOKENS.length)]).append(' ');
            }
            parsesOrFailsCleanly(soup.toString());
          }
        });
  }

  private static void parsesOrFailsCleanly(String source) {
    try {
      Program program = ExpressionInterpreter.parse(source);
      assertThat(ExpressionInterpreter.parse(ExpressionInterpreter.print(program.expr())).expr())
          .as(source)
          .isEqualTo(program.expr());
    } catch (ParseException e) {
      assertThat(e.position()).as(source).isBetween(0, source.length());
      assertThat(e.pointer()).as(source).contains("^");
    }
  }

  // --- random trees: print, parse, same tree; evaluation agrees with a reference -------------

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void randomTreesSurviveAPrintAndParseRoundTrip(long seed) {
    RandomTrees trees = new RandomTrees(seed);
    for (int i = 0; i < 500; i++) {
      Expr tree = trees.any(6);
      String printed = ExpressionInterpreter.print(tree);
      assertThat(ExpressionInterpreter.parse(printed).expr()).as(printed).isEqualTo(tree);
    }
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void randomTreesEvaluateAsTheReferenceEvaluatorSays(long seed) {
    RandomTrees trees = new RandomTrees(seed);
    int agreedOnValues = 0;
    for (int i = 0; i < 500; i++) {
      Expr tree = trees.any(6);
      String printed = ExpressionInterpreter.print(tree);
      Object expected = ReferenceEvaluator.evaluate(tree, ENV);
      try {
        Value actual = ExpressionInterpreter.parse(printed).evaluate(ENV);
        assertThat(expected).as(printed).isNotInstanceOf(ReferenceEvaluator.Failure.class);
        assertThat(ReferenceEvaluator.same(actual, expected))
            .as(printed + " = " + actual + ", expected " + expected)
            .isTrue();
        agreedOnValues++;
      } catch (EvaluationException e) {
        assertThat(expected)
            .as(printed + " failed: " + e.getMessage())
            .isInstanceOf(ReferenceEvaluator.Failure.class);
      }
    }
    assertThat(agreedOnValues).as("trees that had a value").isGreaterThan(150);
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void arithmeticAgreesWithMidsCalculator(long seed) {
    RandomTrees trees = new RandomTrees(seed);
    int agreedOnValues = 0;
    for (int i = 0; i < 500; i++) {
      Expr tree = trees.arithmetic(5);
      String printed = ExpressionInterpreter.print(tree);
      BigDecimal expected;
      try {
        expected = CalculatorCli.evaluate(printed, MathContext.DECIMAL128);
      } catch (RuntimeException e) {
        assertThatThrownBy(() -> ExpressionInterpreter.evaluate(printed, Environment.empty()))
            .as(printed)
            .isInstanceOf(EvaluationException.class);
        continue;
      }
      Value actual = ExpressionInterpreter.evaluate(printed, Environment.empty());
      assertThat(((Value.Num) actual).value()).as(printed).isEqualByComparingTo(expected);
      agreedOnValues++;
    }
    assertThat(agreedOnValues).as("trees that had a value").isGreaterThan(250);
  }

  /** Random trees over the variables and functions of {@link #ENV}, mostly well typed. */
  static final class RandomTrees {
    private final SplittableRandom random;

    RandomTrees(long seed) {
      random = new SplittableRandom(seed);
    }

    Expr any(int depth) {
      return switch (random.nextInt(3)) {
        case 0 -> number(depth);
        case 1 -> bool(depth);
        default -> string(depth);
      };
    }

    /** Once in 20, an operand of any type: the evaluators must then agree that it fails. */
    private Expr maybeWrong(Expr typed, int depth) {
      return random.nextInt(20) == 0 ? any(depth) : typed;
    }

    Expr literal() {
      return switch (random.nextInt(4)) {
        case 0 -> new Expr.Num(BigDecimal.valueOf(random.nextInt(0, 10)));
        case 1 ->
            new Expr.Num(
                new BigDecimal(BigInteger.valueOf(random.nextInt(0, 1000)), random.nextInt(0, 3)));
        case 2 -> new Expr.Num(new BigDecimal(random.nextBoolean() ? "1E+3" : "2.50E-2"));
        default -> new Expr.Num(BigDecimal.valueOf(random.nextInt(0, 100)));
      };
    }

    Expr number(int depth) {
      if (depth == 0) {
        return random.nextInt(4) == 0 ? new Expr.Var(random.nextBoolean() ? "x" : "y") : literal();
      }
      int d = depth - 1;
      return switch (random.nextInt(10)) {
        case 0 -> literal();
        case 1 -> new Expr.Unary(UnaryOp.NEG, maybeWrong(number(d), d));
        case 2, 3, 4 -> {
          BinaryOp op =
              List.of(BinaryOp.ADD, BinaryOp.SUB, BinaryOp.MUL, BinaryOp.DIV, BinaryOp.REM)
                  .get(random.nextInt(5));
          yield new Expr.Binary(op, maybeWrong(number(d), d), maybeWrong(number(d), d));
        }
        case 5 ->
            new Expr.Binary(
                BinaryOp.POW, number(d), new Expr.Num(BigDecimal.valueOf(random.nextInt(0, 4))));
        case 6 -> new Expr.If(maybeWrong(bool(d), d), number(d), maybeWrong(number(d), d));
        case 7 -> {
          String name = random.nextBoolean() ? "x" : "n" + random.nextInt(3);
          yield new Expr.Let(
              name, number(d), random.nextBoolean() ? new Expr.Var(name) : number(d));
        }
        case 8 ->
            random.nextBoolean()
                ? new Expr.Call("max", List.of(number(d), maybeWrong(number(d), d)))
                : new Expr.Call("len", List.of(maybeWrong(string(d), d)));
        default -> new Expr.Var(random.nextBoolean() ? "x" : "y");
      };
    }

    Expr bool(int depth) {
      if (depth == 0) {
        return random.nextBoolean() ? new Expr.Bool(random.nextBoolean()) : new Expr.Var("flag");
      }
      int d = depth - 1;
      return switch (random.nextInt(7)) {
        case 0 -> new Expr.Unary(UnaryOp.NOT, maybeWrong(bool(d), d));
        case 1 ->
            new Expr.Binary(
                random.nextBoolean() ? BinaryOp.AND : BinaryOp.OR,
                maybeWrong(bool(d), d),
                maybeWrong(bool(d), d));
        case 2, 3 -> {
          BinaryOp op =
              List.of(BinaryOp.EQ, BinaryOp.NE, BinaryOp.LT, BinaryOp.LE, BinaryOp.GT, BinaryOp.GE)
                  .get(random.nextInt(6));
          yield random.nextInt(4) == 0
              ? new Expr.Binary(op, string(d), maybeWrong(string(d), d))
              : new Expr.Binary(op, number(d), maybeWrong(number(d), d));
        }
        case 4 -> new Expr.If(bool(d), bool(d), bool(d));
        case 5 ->
            new Expr.Let("b", bool(d), new Expr.Binary(BinaryOp.OR, new Expr.Var("b"), bool(d)));
        default -> new Expr.Bool(random.nextBoolean());
      };
    }

    Expr string(int depth) {
      String[] texts = {"", "a", "héllo", "😀", "q\"uote", "back\\slash", "line\nbreak", "世界"};
      if (depth == 0) {
        return random.nextInt(4) == 0
            ? new Expr.Var("s")
            : new Expr.Str(texts[random.nextInt(texts.length)]);
      }
      int d = depth - 1;
      return switch (random.nextInt(4)) {
        case 0 -> new Expr.Binary(BinaryOp.ADD, string(d), maybeWrong(string(d), d));
        case 1 -> new Expr.If(bool(d), string(d), string(d));
        case 2 ->
            new Expr.Let(
                "t",
                string(d),
                new Expr.Binary(BinaryOp.ADD, new Expr.Var("t"), new Expr.Var("t")));
        default -> new Expr.Str(texts[random.nextInt(texts.length)]);
      };
    }

    /** Numbers, negation and + - * / ^ only: the language of mid's calculator. */
    Expr arithmetic(int depth) {
      if (depth == 0 || random.nextInt(5) == 0) {
        return literal();
      }
      int d = depth - 1;
      return switch (random.nextInt(7)) {
        case 0 -> new Expr.Unary(UnaryOp.NEG, arithmetic(d));
        case 1 ->
            new Expr.Binary(
                BinaryOp.POW,
                arithmetic(d),
                random.nextBoolean() ? arithmetic(d) : new Expr.Unary(UnaryOp.NEG, literal()));
        default -> {
          BinaryOp op =
              List.of(BinaryOp.ADD, BinaryOp.SUB, BinaryOp.MUL, BinaryOp.DIV)
                  .get(random.nextInt(4));
          yield new Expr.Binary(op, arithmetic(d), arithmetic(d));
        }
      };
    }
  }
}
