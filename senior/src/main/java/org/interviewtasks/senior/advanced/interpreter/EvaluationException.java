package org.interviewtasks.senior.advanced.interpreter;

/**
 * A program that parsed but cannot be evaluated: a type mismatch, an unknown variable or function,
 * a wrong number of arguments, division by zero, a result out of range, a function that failed (its
 * exception is the cause), or a tree nested deeper than {@link ExpressionInterpreter#MAX_DEPTH}.
 */
public final class EvaluationException extends ExpressionException {

  private static final long serialVersionUID = 1L;

  EvaluationException(String problem, String source, int position, Throwable cause) {
    super(problem, source, position, cause);
  }
}
