package org.interviewtasks.senior.advanced.interpreter;

import java.util.IdentityHashMap;
import java.util.Objects;

/**
 * A parsed program: its source, its tree, and where each node came from, so that an evaluation
 * error points at the source. Immutable and thread-safe: parse once, evaluate many times in
 * different environments.
 */
public final class Program {

  private final String source;
  private final Expr expr;
  private final IdentityHashMap<Expr, Integer> positions;

  Program(String source, Expr expr, IdentityHashMap<Expr, Integer> positions) {
    this.source = source;
    this.expr = expr;
    this.positions = positions;
  }

  /** The source text, exactly as given. */
  public String source() {
    return source;
  }

  /** The tree. */
  public Expr expr() {
    return expr;
  }

  /**
   * Evaluates the program.
   *
   * @throws EvaluationException with the position of the offending node in {@link #source()}
   */
  public Value evaluate(Environment environment) {
    Objects.requireNonNull(environment, "environment");
    return new Evaluator(environment, source, positions).evaluate(expr);
  }

  @Override
  public String toString() {
    return source;
  }
}
