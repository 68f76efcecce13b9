package org.interviewtasks.senior.advanced.sql;

import java.util.Objects;

/**
 * A query the engine refuses or cannot finish: the {@link Kind} of problem, a message naming it,
 * and where in the query text it is (a 0-based character offset, shown as line and column with a
 * caret under the offending text in {@link #getMessage()}).
 */
public final class SqlException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** What went wrong. */
  public enum Kind {
    /** The text is not valid in the supported SQL subset. */
    SYNTAX,
    /** A table name in {@code FROM} or {@code JOIN} that the engine does not know. */
    UNKNOWN_TABLE,
    /** A column (or {@code alias.column}) that no table in scope has. */
    UNKNOWN_COLUMN,
    /** An unqualified column that more than one table in scope has. */
    AMBIGUOUS_COLUMN,
    /** Two tables in one {@code FROM} under the same name or alias. */
    DUPLICATE_ALIAS,
    /** An operator or function applied to values of the wrong type. */
    TYPE_MISMATCH,
    /**
     * An aggregate where none may be (WHERE, ON, GROUP BY, inside another aggregate), or a column
     * that is neither grouped nor aggregated.
     */
    AGGREGATE_MISUSE,
    /** Something else the query asks that is not meaningful (an ORDER BY position out of range). */
    INVALID_QUERY,
    /** Integer or floating division or modulo by zero, found while running. */
    DIVISION_BY_ZERO,
    /** An integer result outside the 64-bit range, found while running. */
    NUMERIC_OVERFLOW
  }

  private final Kind kind;
  private final String problem;
  private final int position;

  SqlException(Kind kind, String problem, int position, String sql) {
    super(format(problem, position, sql));
    this.kind = Objects.requireNonNull(kind, "kind");
    this.problem = problem;
    this.position = position;
  }

  /** What went wrong. */
  public Kind kind() {
    return kind;
  }

  /** The problem alone, without the position and the excerpt of the query. */
  public String problem() {
    return problem;
  }

  /** The 0-based character offset in the query where the problem is, or -1 if none applies. */
  public int position() {
    return position;
  }

  private static String format(String problem, int position, String sql) {
    if (position < 0 || sql == null) {
      return problem;
    }
    int lineStart = sql.lastIndexOf('\n', Math.max(0, position - 1)) + 1;
    if (position == 0) {
      lineStart = 0;
    }
    int lineEnd = sql.indexOf('\n', position);
    if (lineEnd < 0) {
      lineEnd = sql.length();
    }
    int line = 1;
    for (int i = 0; i < lineStart; i++) {
      if (sql.charAt(i) == '\n') {
        line++;
      }
    }
    int column = position - lineStart + 1;
    String text = sql.substring(lineStart, lineEnd);
    return problem
        + " at line "
        + line
        + ", column "
        + column
        + "\n"
        + text
        + "\n"
        + " ".repeat(position - lineStart)
        + "^";
  }
}
