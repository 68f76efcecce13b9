package org.interviewtasks.senior.advanced.interpreter;

/**
 * An error in a program, at a position of its source when one is known: {@link ParseException} for
 * text that is not a program, {@link EvaluationException} for a program that cannot be evaluated.
 * {@link #pointer()} shows the source line with a caret under the offending character.
 */
public abstract sealed class ExpressionException extends RuntimeException
    permits ParseException, EvaluationException {

  private static final long serialVersionUID = 1L;

  private final String problem;
  private final String source;
  private final int position;

  ExpressionException(String problem, String source, int position, Throwable cause) {
    super(message(problem, source, position), cause);
    this.problem = problem;
    this.source = source;
    this.position = position;
  }

  private static String message(String problem, String source, int position) {
    if (source == null || position < 0) {
      return problem;
    }
    int[] lineAndColumn = lineAndColumn(source, position);
    return problem + " at line " + lineAndColumn[0] + ", column " + lineAndColumn[1];
  }

  /** 1-based line and column (in UTF-16 units) of a position. */
  private static int[] lineAndColumn(String source, int position) {
    int line = 1;
    int lineStart = 0;
    for (int i = 0; i < position && i < source.length(); i++) {
      if (source.charAt(i) == '\n') {
        line++;
        lineStart = i + 1;
      }
    }
    return new int[] {line, position - lineStart + 1};
  }

  /** What is wrong, without the position. */
  public String problem() {
    return problem;
  }

  /**
   * The 0-based index into the source of the offending character ({@code source.length()} for "at
   * the end"), or -1 when the error came from a tree evaluated without its source.
   */
  public int position() {
    return position;
  }

  /** The 1-based line of {@link #position()}, or 0 when it is unknown. */
  public int line() {
    return source == null || position < 0 ? 0 : lineAndColumn(source, position)[0];
  }

  /** The 1-based column of {@link #position()}, or 0 when it is unknown. */
  public int column() {
    return source == null || position < 0 ? 0 : lineAndColumn(source, position)[1];
  }

  /**
   * Two lines: the source line of the error and a caret under the offending character (tabs kept,
   * so the caret lines up); empty when the position is unknown.
   */
  public String pointer() {
    if (source == null || position < 0) {
      return "";
    }
    int start = source.lastIndexOf('\n', Math.max(0, position - 1)) + 1;
    if (position == 0) {
      start = 0;
    }
    int end = source.indexOf('\n', position);
    String line = source.substring(start, end < 0 ? source.length() : end);
    StringBuilder caret = new StringBuilder();
    for (int i = start; i < position; i++) {
      caret.append(source.charAt(i) == '\t' ? '\t' : ' ');
    }
    return line + "\n" + caret + "^";
  }
}
