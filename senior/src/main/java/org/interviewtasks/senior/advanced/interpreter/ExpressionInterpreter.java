package org.interviewtasks.senior.advanced.interpreter;

import java.util.IdentityHashMap;
import java.util.Objects;
import org.interviewtasks.common.Task;

/**
 * An interpreter for a small expression language: numbers, strings, booleans, variables,
 * arithmetic, comparison, short-circuit {@code and}/{@code or}/{@code not}, {@code if ... then ...
 * else ...}, {@code let x = ... in ...}, and calls of functions supplied by the host, e.g. {@code
 * let total = price * qty in if total > 100 then total * 0.9 else total}.
 *
 * <p><b>Approach.</b> The classic pipeline, each stage small and testable on its own: a {@link
 * Lexer} (characters to tokens, on demand), a Pratt {@link Parser} (tokens to a sealed AST of
 * {@link Expr} records; one loop handles every binary operator from a table of precedence levels,
 * instead of one method per level), a tree-walking {@link Evaluator} (a pattern-matching {@code
 * switch} over the sealed tree, which the compiler checks is exhaustive), and a {@link Printer}
 * that writes a tree back as source with the fewest parentheses. Parse once into a {@link Program},
 * evaluate it many times in different {@link Environment}s. Precedence, loosest first: {@code or},
 * {@code and}, {@code not}, comparisons (which do not chain), {@code + -}, {@code * / %}, prefix
 * {@code -}, {@code ^} (right-associative, so {@code -2^2} is -4). {@code if} and {@code let}
 * extend as far right as they can. Time O(n) to parse and O(nodes) to evaluate (there are no loops
 * or user-defined functions, so every program terminates).
 *
 * <p><b>What this adds over mid's calculator</b> ({@code mid.apps.5 CalculatorCli}): that one
 * evaluates arithmetic while it parses, with no tree, no variables and one type. It is not reused
 * in the code here, honestly: its parser is private and builds nothing, and a typed language with
 * bindings needs a tree (to evaluate a program in many environments, to print it, to point
 * evaluation errors at the source). It is reused as the <i>oracle</i>: on arithmetic, both use
 * {@link java.math.BigDecimal} rounded to 34 digits with the same precedence, so the tests check
 * that our printed trees evaluate in mid's calculator to the same numbers.
 *
 * <p><b>Semantics and edge cases.</b> Numbers are {@link java.math.BigDecimal}, every operation
 * rounded to the environment's precision (default 34 digits): {@code 0.1 + 0.2 == 0.3} is true.
 * Values of different types are never {@code ==}; {@code +} joins two strings but will not mix a
 * string and a number; {@code <} compares two numbers or two strings (by UTF-16 code unit). {@code
 * false and f()} does not call {@code f}. Strings are any Unicode, with escapes {@code \" \\ \n \t
 * \r \}{@code uXXXX}. Every error is an {@link ExpressionException} carrying the position and a
 * caret {@link ExpressionException#pointer() pointer}: {@link ParseException} for bad text (the
 * only exception {@link #parse} throws, whatever the input), {@link EvaluationException} for a type
 * mismatch, unknown name, wrong arity, division by zero, a result out of range, or a host function
 * that threw (its exception is the cause).
 *
 * <p><b>Failure modes and trade-offs.</b> A recursive parser and evaluator are the clearest, but
 * recursion depth is input-controlled: 100,000 parentheses would overflow the stack, and a {@code
 * StackOverflowError} is not an error a caller can handle. So nesting, and the height of the tree
 * (a chain {@code 1+1+...+1} is deep without any parenthesis), are capped at {@value #MAX_DEPTH}:
 * beyond that the parser throws a {@link ParseException} at the offending token, and the evaluator
 * and printer refuse an over-deep tree built in code. A level can take several frames (a call
 * nested in a call goes through expression, prefix and call), and a thread's stack may be as small
 * as the JVM's default 1 MB, on which 1,000 nested calls did overflow before JIT compilation shrank
 * the frames: {@value #MAX_DEPTH} leaves a wide margin. Input longer than {@value
 * #MAX_SOURCE_LENGTH} characters is refused before any work; strings a program builds are capped at
 * 16 M characters.
 *
 * <p><b>Follow-up.</b> <i>"Why not iterate, and drop the limit?"</i> An explicit-stack evaluator
 * (or a compiler to a stack machine) handles any depth, at the cost of readability; a limit of 256
 * is far beyond anything a person writes, and it bounds memory too. <i>"How to make it fast?"</i>
 * Resolve variables to slots at parse time, fold constants, or compile the tree to bytecode with
 * {@code java.lang.classfile} or to a tree of closures: each removes a layer of dispatch per node.
 */
@Task(id = "senior.advanced.7", title = "Expression interpreter")
public final class ExpressionInterpreter {

  /** How deeply expressions may nest, and how tall their trees may be. */
  public static final int MAX_DEPTH = 256;

  /** The longest source accepted, in UTF-16 units. */
  public static final int MAX_SOURCE_LENGTH = 1 << 20;

  private ExpressionInterpreter() {}

  /**
   * Parses a program.
   *
   * @throws ParseException if the text is not a program (with its position)
   * @throws IllegalArgumentException if it is longer than {@value #MAX_SOURCE_LENGTH}
   */
  public static Program parse(String source) {
    Objects.requireNonNull(source, "source");
    if (source.length() > MAX_SOURCE_LENGTH) {
      throw new IllegalArgumentException(
          "source longer than " + MAX_SOURCE_LENGTH + " characters: " + source.length());
    }
    return new Parser(source).parse();
  }

  /**
   * Parses and evaluates a program.
   *
   * @throws ParseException if the text is not a program
   * @throws EvaluationException if it cannot be evaluated in {@code environment}
   */
  public static Value evaluate(String source, Environment environment) {
    Objects.requireNonNull(environment, "environment");
    return parse(source).evaluate(environment);
  }

  /**
   * Evaluates a tree built in code; errors have no source position.
   *
   * @throws EvaluationException if it cannot be evaluated, or is deeper than {@value #MAX_DEPTH}
   */
  public static Value evaluate(Expr expr, Environment environment) {
    Objects.requireNonNull(expr, "expr");
    Objects.requireNonNull(environment, "environment");
    return new Evaluator(environment, null, new IdentityHashMap<>()).evaluate(expr);
  }

  /**
   * The tree as source: {@code parse(print(e)).expr().equals(e)} for every tree.
   *
   * @throws IllegalArgumentException if the tree is deeper than {@value #MAX_DEPTH}
   */
  public static String print(Expr expr) {
    Objects.requireNonNull(expr, "expr");
    return Printer.print(expr);
  }
}
