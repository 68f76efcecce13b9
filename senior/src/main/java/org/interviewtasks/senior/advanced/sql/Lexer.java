package org.interviewtasks.senior.advanced.sql;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Splits SQL text into tokens, each with its position; comments and whitespace are dropped. */
final class Lexer {

  /** What a token is. */
  enum Kind {
    IDENTIFIER,
    KEYWORD,
    INTEGER,
    DECIMAL,
    STRING,
    SYMBOL,
    END
  }

  /**
   * A token: keywords are upper-cased in {@code text}, identifiers keep their spelling, strings
   * hold their value (quotes removed, doubled quotes undone).
   */
  record Token(Kind kind, String text, int position) {
    boolean is(Kind k, String t) {
      return kind == k && text.equals(t);
    }

    boolean isKeyword(String keyword) {
      return is(Kind.KEYWORD, keyword);
    }

    boolean isSymbol(String symbol) {
      return is(Kind.SYMBOL, symbol);
    }

    String describe() {
      return switch (kind) {
        case END -> "end of input";
        case STRING -> "string '" + text + "'";
        case KEYWORD -> "keyword " + text;
        default -> "'" + text + "'";
      };
    }
  }

  static final Set<String> KEYWORDS =
      Set.of(
          "SELECT",
          "DISTINCT",
          "ALL",
          "FROM",
          "WHERE",
          "GROUP",
          "BY",
          "HAVING",
          "ORDER",
          "ASC",
          "DESC",
          "LIMIT",
          "OFFSET",
          "JOIN",
          "INNER",
          "LEFT",
          "OUTER",
          "CROSS",
          "ON",
          "AS",
          "AND",
          "OR",
          "NOT",
          "IN",
          "BETWEEN",
          "LIKE",
          "ESCAPE",
          "IS",
          "NULL",
          "TRUE",
          "FALSE",
          "NULLS",
          "FIRST",
          "LAST",
          "EXPLAIN",
          "CASE",
          "WHEN",
          "THEN",
          "ELSE",
          "END",
          "ROWS",
          "ROW",
          "FETCH",
          "NEXT",
          "ONLY");

  private final String sql;
  private int pos;

  private Lexer(String sql) {
    this.sql = sql;
  }

  /** The tokens of {@code sql}, ending with an {@link Kind#END} token. */
  static List<Token> tokenize(String sql) {
    return new Lexer(sql).run();
  }

  static boolean isIdentifierStart(char c) {
    return Character.isLetter(c) || c == '_';
  }

  static boolean isIdentifierPart(char c) {
    return Character.isLetterOrDigit(c) || c == '_';
  }

  private List<Token> run() {
    List<Token> tokens = new ArrayList<>();
    while (true) {
      skipSpaceAndComments();
      if (pos >= sql.length()) {
        tokens.add(new Token(Kind.END, "", sql.length()));
        return tokens;
      }
      tokens.add(next());
    }
  }

  private void skipSpaceAndComments() {
    while (pos < sql.length()) {
      char c = sql.charAt(pos);
      if (Character.isWhitespace(c)) {
        pos++;
      } else if (sql.startsWith("--", pos)) {
        int end = sql.indexOf('\n', pos);
        pos = end < 0 ? sql.length() : end + 1;
      } else if (sql.startsWith("/*", pos)) {
        int end = sql.indexOf("*/", pos + 2);
        if (end < 0) {
          throw error("unterminated comment", pos);
        }
        pos = end + 2;
      } else {
        return;
      }
    }
  }

  private Token next() {
    int start = pos;
    char c = sql.charAt(pos);
    if (isIdentifierStart(c)) {
      while (pos < sql.length() && isIdentifierPart(sql.charAt(pos))) {
        pos++;
      }
      String word = sql.substring(start, pos);
      String upper = word.toUpperCase(Locale.ROOT);
      return KEYWORDS.contains(upper)
          ? new Token(Kind.KEYWORD, upper, start)
          : new Token(Kind.IDENTIFIER, word, start);
    }
    if (c == '"') {
      return quotedIdentifier(start);
    }
    if (Character.isDigit(c) || (c == '.' && pos + 1 < sql.length() && isDigit(pos + 1))) {
      return number(start);
    }
    if (c == '\'') {
      return string(start);
    }
    for (String symbol : new String[] {"<>", "!=", "<=", ">=", "||"}) {
      if (sql.startsWith(symbol, pos)) {
        pos += 2;
        return new Token(Kind.SYMBOL, symbol.equals("!=") ? "<>" : symbol, start);
      }
    }
    if ("()+-*/%,.=<>;".indexOf(c) >= 0) {
      pos++;
      return new Token(Kind.SYMBOL, String.valueOf(c), start);
    }
    throw error(
        "unexpected character '" + new String(Character.toChars(sql.codePointAt(pos))) + "'", pos);
  }

  private boolean isDigit(int at) {
    char c = sql.charAt(at);
    return c >= '0' && c <= '9';
  }

  private Token number(int start) {
    while (pos < sql.length() && isDigit(pos)) {
      pos++;
    }
    boolean decimal = false;
    if (pos < sql.length() && sql.charAt(pos) == '.') {
      decimal = true;
      pos++;
      while (pos < sql.length() && isDigit(pos)) {
        pos++;
      }
    }
    if (pos < sql.length() && (sql.charAt(pos) == 'e' || sql.charAt(pos) == 'E')) {
      int mark = pos;
      pos++;
      if (pos < sql.length() && (sql.charAt(pos) == '+' || sql.charAt(pos) == '-')) {
        pos++;
      }
      if (pos < sql.length() && isDigit(pos)) {
        decimal = true;
        while (pos < sql.length() && isDigit(pos)) {
          pos++;
        }
      } else {
        pos = mark;
      }
    }
    if (pos < sql.length() && isIdentifierStart(sql.charAt(pos))) {
      throw error("malformed number '" + sql.substring(start, pos + 1) + "'", start);
    }
    return new Token(decimal ? Kind.DECIMAL : Kind.INTEGER, sql.substring(start, pos), start);
  }

  private Token string(int start) {
    StringBuilder value = new StringBuilder();
    pos++;
    while (true) {
      if (pos >= sql.length()) {
        throw error("unterminated string literal", start);
      }
      char c = sql.charAt(pos++);
      if (c == '\'') {
        if (pos < sql.length() && sql.charAt(pos) == '\'') {
          value.append('\'');
          pos++;
        } else {
          return new Token(Kind.STRING, value.toString(), start);
        }
      } else {
        value.append(c);
      }
    }
  }

  private Token quotedIdentifier(int start) {
    int end = sql.indexOf('"', start + 1);
    if (end < 0) {
      throw error("unterminated quoted identifier", start);
    }
    String name = sql.substring(start + 1, end);
    if (name.isEmpty()) {
      throw error("empty quoted identifier", start);
    }
    pos = end + 1;
    return new Token(Kind.IDENTIFIER, name, start);
  }

  private SqlException error(String problem, int at) {
    return new SqlException(SqlException.Kind.SYNTAX, problem, at, sql);
  }
}
