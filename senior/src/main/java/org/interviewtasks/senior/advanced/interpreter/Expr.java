package org.interviewtasks.senior.advanced.interpreter;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * The abstract syntax tree of the language: immutable records compared by value, so two trees are
 * equal when they mean the same program, whatever spacing or parentheses the source had. Source
 * positions are not part of a node (they live in the {@link Program}), or that equality would be
 * lost.
 */
public sealed interface Expr {

  /**
   * A number literal. Never negative: {@code -5} is the negation of {@code 5}, so that printing and
   * parsing a tree gives the same tree back.
   *
   * @param value the number, {@code >= 0}
   */
  record Num(BigDecimal value) implements Expr {
    /** Checks the value. */
    public Num {
      Objects.requireNonNull(value, "value");
      if (value.signum() < 0) {
        throw new IllegalArgumentException(
            "a number literal is never negative (use Unary NEG): " + value);
      }
    }
  }

  /**
   * A string literal.
   *
   * @param value the text, any Unicode
   */
  record Str(String value) implements Expr {
    /** Checks the value. */
    public Str {
      Objects.requireNonNull(value, "value");
    }
  }

  /**
   * {@code true} or {@code false}.
   *
   * @param value the truth value
   */
  record Bool(boolean value) implements Expr {}

  /**
   * A variable: bound by an enclosing {@code let} or taken from the {@link Environment}.
   *
   * @param name an identifier that is not a keyword
   */
  record Var(String name) implements Expr {
    /** Checks the name. */
    public Var {
      Lexer.checkIdentifier(name, "name");
    }
  }

  /**
   * A prefix operator applied to one operand.
   *
   * @param op the operator
   * @param operand its operand
   */
  record Unary(UnaryOp op, Expr operand) implements Expr {
    /** Checks the parts. */
    public Unary {
      Objects.requireNonNull(op, "op");
      Objects.requireNonNull(operand, "operand");
    }
  }

  /**
   * A binary operator, arithmetic, comparison or logical.
   *
   * @param op the operator
   * @param left the left operand
   * @param right the right operand
   */
  record Binary(BinaryOp op, Expr left, Expr right) implements Expr {
    /** Checks the parts. */
    public Binary {
      Objects.requireNonNull(op, "op");
      Objects.requireNonNull(left, "left");
      Objects.requireNonNull(right, "right");
    }
  }

  /**
   * {@code if condition then whenTrue else whenFalse}; only the chosen branch is evaluated.
   *
   * @param condition a boolean expression
   * @param whenTrue the value when it holds
   * @param whenFalse the value otherwise
   */
  record If(Expr condition, Expr whenTrue, Expr whenFalse) implements Expr {
    /** Checks the parts. */
    public If {
      Objects.requireNonNull(condition, "condition");
      Objects.requireNonNull(whenTrue, "whenTrue");
      Objects.requireNonNull(whenFalse, "whenFalse");
    }
  }

  /**
   * {@code let name = value in body}: {@code value} is evaluated once, and {@code name} means it
   * inside {@code body} only (shadowing an outer binding or an environment variable).
   *
   * @param name the bound identifier
   * @param value its value
   * @param body where the binding is visible
   */
  record Let(String name, Expr value, Expr body) implements Expr {
    /** Checks the parts. */
    public Let {
      Lexer.checkIdentifier(name, "name");
      Objects.requireNonNull(value, "value");
      Objects.requireNonNull(body, "body");
    }
  }

  /**
   * A call of a function of the {@link Environment}; the arguments are evaluated left to right.
   *
   * @param function the function's name
   * @param arguments the argument expressions, copied
   */
  record Call(String function, List<Expr> arguments) implements Expr {
    /** Checks and copies the parts. */
    public Call {
      Lexer.checkIdentifier(function, "function");
      arguments = List.copyOf(Objects.requireNonNull(arguments, "arguments"));
      if (arguments.size() > Environment.MAX_ARITY) {
        throw new IllegalArgumentException(
            "at most " + Environment.MAX_ARITY + " arguments: " + arguments.size());
      }
    }
  }

  /** Prefix operators. */
  enum UnaryOp {
    /** Arithmetic negation, {@code -x}: binds tighter than {@code *}, looser than {@code ^}. */
    NEG("-"),
    /** Logical negation, {@code not b}: looser than comparison, tighter than {@code and}. */
    NOT("not");

    private final String symbol;

    UnaryOp(String symbol) {
      this.symbol = symbol;
    }

    /** How the operator is written. */
    public String symbol() {
      return symbol;
    }
  }

  /** Binary operators, each with its precedence level (higher binds tighter). */
  enum BinaryOp {
    /** Short-circuit or. */
    OR("or", 1),
    /** Short-circuit and. */
    AND("and", 2),
    /** Equality: values of different types are never equal. */
    EQ("==", 4),
    /** Inequality. */
    NE("!=", 4),
    /** Less than, numbers or strings. */
    LT("<", 4),
    /** Less than or equal. */
    LE("<=", 4),
    /** Greater than. */
    GT(">", 4),
    /** Greater than or equal. */
    GE(">=", 4),
    /** Addition of numbers, concatenation of strings. */
    ADD("+", 5),
    /** Subtraction. */
    SUB("-", 5),
    /** Multiplication. */
    MUL("*", 6),
    /** Division, rounded to the evaluation's precision. */
    DIV("/", 6),
    /** Remainder, with the sign of the dividend. */
    REM("%", 6),
    /** Power to a whole exponent, right-associative: {@code 2^3^2} is {@code 2^9}. */
    POW("^", 8);

    /** The level of comparisons, which do not chain: {@code a < b < c} is a syntax error. */
    static final int COMPARISON = 4;

    /** The level of prefix {@code -}, between multiplication and power. */
    static final int NEGATION = 7;

    /** The level of prefix {@code not}, between {@code and} and comparison. */
    static final int NEGATION_LOGICAL = 3;

    private final String symbol;
    private final int level;

    BinaryOp(String symbol, int level) {
      this.symbol = symbol;
      this.level = level;
    }

    /** How the operator is written. */
    public String symbol() {
      return symbol;
    }

    /** Its precedence level, 1 (loosest) to 8. */
    public int level() {
      return level;
    }

    boolean comparison() {
      return level == COMPARISON;
    }
  }
}
