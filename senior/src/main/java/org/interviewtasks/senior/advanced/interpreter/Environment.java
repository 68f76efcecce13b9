package org.interviewtasks.senior.advanced.interpreter;

import java.math.MathContext;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What a program can see from outside: variables, functions, and the precision of arithmetic.
 * Immutable; every {@code with...} returns a new environment, so one can be shared by threads and
 * extended per request.
 */
public final class Environment {

  /** The most arguments a function may take. */
  public static final int MAX_ARITY = 255;

  /** A function a program can call. */
  @FunctionalInterface
  public interface Function {
    /**
     * Computes the result.
     *
     * @param arguments exactly the declared number of values, evaluated left to right
     * @return the result, never {@code null}
     * @throws RuntimeException to fail the evaluation; it becomes the cause of an {@link
     *     EvaluationException} that names the function and the call's position
     */
    Value apply(List<Value> arguments);
  }

  /** A function with its declared arity. */
  record Declared(int arity, Function function) {}

  private static final Environment EMPTY =
      new Environment(Map.of(), Map.of(), MathContext.DECIMAL128);

  private final Map<String, Value> variables;
  private final Map<String, Declared> functions;
  private final MathContext context;

  private Environment(
      Map<String, Value> variables, Map<String, Declared> functions, MathContext context) {
    this.variables = variables;
    this.functions = functions;
    this.context = context;
  }

  /**
   * No variables, no functions, arithmetic rounded to 34 significant digits ({@link
   * MathContext#DECIMAL128}, half-even), as mid's calculator.
   */
  public static Environment empty() {
    return EMPTY;
  }

  /**
   * This environment plus a variable (replacing one of the same name).
   *
   * @throws IllegalArgumentException if the name is not an identifier or is a keyword
   */
  public Environment with(String name, Value value) {
    Lexer.checkIdentifier(name, "name");
    Objects.requireNonNull(value, "value");
    Map<String, Value> copy = new HashMap<>(variables);
    copy.put(name, value);
    return new Environment(Map.copyOf(copy), functions, context);
  }

  /**
   * This environment plus a function (replacing one of the same name).
   *
   * @param arity how many arguments every call must pass, 0 to {@value #MAX_ARITY}
   * @throws IllegalArgumentException if the name is not an identifier or the arity is out of range
   */
  public Environment withFunction(String name, int arity, Function function) {
    Lexer.checkIdentifier(name, "name");
    Objects.requireNonNull(function, "function");
    if (arity < 0 || arity > MAX_ARITY) {
      throw new IllegalArgumentException("arity must be 0.." + MAX_ARITY + ": " + arity);
    }
    Map<String, Declared> copy = new HashMap<>(functions);
    copy.put(name, new Declared(arity, function));
    return new Environment(variables, Map.copyOf(copy), context);
  }

  /**
   * This environment with another precision for arithmetic.
   *
   * @throws IllegalArgumentException for unlimited precision (0 digits), where {@code 1 / 3} has no
   *     result
   */
  public Environment withPrecision(MathContext context) {
    Objects.requireNonNull(context, "context");
    if (context.getPrecision() == 0) {
      throw new IllegalArgumentException(
          "precision must be at least 1 digit, or 1 / 3 has no result: " + context);
    }
    return new Environment(variables, functions, context);
  }

  /** The variable's value, if there is one. */
  public Optional<Value> variable(String name) {
    return Optional.ofNullable(variables.get(Objects.requireNonNull(name, "name")));
  }

  /** The precision arithmetic is rounded to. */
  public MathContext precision() {
    return context;
  }

  Declared function(String name) {
    return functions.get(name);
  }
}
