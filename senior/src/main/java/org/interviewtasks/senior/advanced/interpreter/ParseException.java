package org.interviewtasks.senior.advanced.interpreter;

/**
 * The source is not a program: an unexpected character or token, an unterminated string, a
 * malformed number, chained comparisons, or nesting deeper than {@link
 * ExpressionInterpreter#MAX_DEPTH}. The only exception {@link ExpressionInterpreter#parse} throws
 * for any text within {@link ExpressionInterpreter#MAX_SOURCE_LENGTH}.
 */
public final class ParseException extends ExpressionException {

  private static final long serialVersionUID = 1L;

  ParseException(String problem, String source, int position) {
    super(problem, source, position, null);
  }
}
