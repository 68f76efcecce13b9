package org.interviewtasks.senior.advanced.sql;

/** Comparing values, {@code LIKE} matching, and the runtime errors of evaluation. */
final class Values {

  private static final int ANY_RUN = -1;
  private static final int ANY_ONE = -2;

  private Values() {}

  /**
   * Compares two non-null values of comparable types: numbers numerically (two {@link Long}s
   * exactly, otherwise as doubles), strings by UTF-16 code units, booleans with FALSE first.
   */
  static int compare(Object a, Object b) {
    if (a instanceof Long x && b instanceof Long y) {
      return Long.compare(x, y);
    }
    if (a instanceof Number x && b instanceof Number y) {
      return Double.compare(x.doubleValue(), y.doubleValue());
    }
    if (a instanceof String x && b instanceof String y) {
      return x.compareTo(y);
    }
    if (a instanceof Boolean x && b instanceof Boolean y) {
      return Boolean.compare(x, y);
    }
    throw new IllegalStateException(
        "values of different types: "
            + a.getClass().getSimpleName()
            + " and "
            + b.getClass().getSimpleName());
  }

  /** The expression's SQL, parenthesised unless it is a leaf or a call. */
  static String paren(Bound expr) {
    return switch (expr) {
      case Bound.Const c ->
          c.value() instanceof Number n && n.doubleValue() < 0 ? "(" + c.sql() + ")" : c.sql();
      case Bound.Col c -> c.sql();
      case Bound.ToDouble t -> paren(t.operand());
      case Bound.Call c -> c.sql();
      default -> "(" + expr.sql() + ")";
    };
  }

  static SqlException divisionByZero(String where) {
    return new SqlException(
        SqlException.Kind.DIVISION_BY_ZERO, "division by zero in " + where, -1, null);
  }

  static SqlException overflow(String where) {
    return new SqlException(
        SqlException.Kind.NUMERIC_OVERFLOW, "numeric overflow in " + where, -1, null);
  }

  /**
   * The pattern as code points, {@code %} as {@link #ANY_RUN} and {@code _} as {@link #ANY_ONE};
   * {@code escape} (a code point, or -1 for none) makes the next character literal.
   */
  static int[] likePattern(String pattern, int escape) {
    int[] codes = new int[pattern.codePointCount(0, pattern.length())];
    int n = 0;
    for (int i = 0; i < pattern.length(); ) {
      int c = pattern.codePointAt(i);
      i += Character.charCount(c);
      if (c == escape) {
        if (i >= pattern.length()) {
          throw new SqlException(
              SqlException.Kind.INVALID_QUERY,
              "LIKE pattern '" + pattern + "' ends with its escape character",
              -1,
              null);
        }
        int literal = pattern.codePointAt(i);
        i += Character.charCount(literal);
        codes[n++] = literal;
      } else if (c == '%') {
        if (n == 0 || codes[n - 1] != ANY_RUN) {
          codes[n++] = ANY_RUN;
        }
      } else if (c == '_') {
        codes[n++] = ANY_ONE;
      } else {
        codes[n++] = c;
      }
    }
    return java.util.Arrays.copyOf(codes, n);
  }

  /**
   * Whether {@code text} matches the compiled pattern: the greedy algorithm with one backtrack
   * point (the last {@code %}), O(text × pattern) in the worst case, no recursion.
   */
  static boolean like(String text, int[] pattern) {
    int[] s = text.codePoints().toArray();
    int i = 0;
    int p = 0;
    int starP = -1;
    int starI = 0;
    while (i < s.length) {
      if (p < pattern.length && (pattern[p] == ANY_ONE || pattern[p] == s[i])) {
        i++;
        p++;
      } else if (p < pattern.length && pattern[p] == ANY_RUN) {
        starP = p++;
        starI = i;
      } else if (starP >= 0) {
        p = starP + 1;
        i = ++starI;
      } else {
        return false;
      }
    }
    while (p < pattern.length && pattern[p] == ANY_RUN) {
      p++;
    }
    return p == pattern.length;
  }
}
