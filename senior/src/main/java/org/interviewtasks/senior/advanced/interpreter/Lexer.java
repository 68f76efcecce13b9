package org.interviewtasks.senior.advanced.interpreter;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/** Turns source text into tokens, one at a time, on demand. */
final class Lexer {

  /** The kinds of token. */
  enum Kind {
    NUMBER,
    STRING,
    IDENT,
    TRUE,
    FALSE,
    AND,
    OR,
    NOT,
    IF,
    THEN,
    ELSE,
    LET,
    IN,
    PLUS,
    MINUS,
    STAR,
    SLASH,
    PERCENT,
    CARET,
    LPAREN,
    RPAREN,
    COMMA,
    ASSIGN,
    EQ,
    NE,
    LT,
    LE,
    GT,
    GE,
    EOF
  }

  /**
   * One token.
   *
   * @param kind what it is
   * @param start index of its first character
   * @param text its source text (for {@code STRING} the decoded value)
   * @param number the value of a {@code NUMBER}, else {@code null}
   */
  record Token(Kind kind, int start, String text, BigDecimal number) {}

  static final Map<String, Kind> KEYWORDS =
      Map.of(
          "true", Kind.TRUE,
          "false", Kind.FALSE,
          "and", Kind.AND,
          "or", Kind.OR,
          "not", Kind.NOT,
          "if", Kind.IF,
          "then", Kind.THEN,
          "else", Kind.ELSE,
          "let", Kind.LET,
          "in", Kind.IN);

  private final String source;
  private int pos;

  Lexer(String source) {
    this.source = source;
  }

  /**
   * Checks that a name can be written in a program: an identifier (a letter or {@code _}, then
   * letters, digits or {@code _}) that is not a keyword.
   */
  static void checkIdentifier(String name, String what) {
    Objects.requireNonNull(name, what);
    if (name.isEmpty()) {
      throw new IllegalArgumentException(what + " must not be empty");
    }
    int first = name.codePointAt(0);
    boolean valid = identifierStart(first);
    for (int i = Character.charCount(first); valid && i < name.length(); ) {
      int cp = name.codePointAt(i);
      valid = identifierPart(cp);
      i += Character.charCount(cp);
    }
    if (!valid) {
      throw new IllegalArgumentException(what + " is not an identifier: \"" + name + "\"");
    }
    if (KEYWORDS.containsKey(name)) {
      throw new IllegalArgumentException(what + " is a keyword: " + name);
    }
  }

  private static boolean identifierStart(int cp) {
    return cp == '_' || Character.isLetter(cp);
  }

  private static boolean identifierPart(int cp) {
    return cp == '_' || Character.isLetterOrDigit(cp);
  }

  /** The next token; {@code EOF} at the end, again and again. */
  Token next() {
    skipSpaces();
    int start = pos;
    if (pos == source.length()) {
      return new Token(Kind.EOF, start, "", null);
    }
    char c = source.charAt(pos);
    if (c >= '0' && c <= '9') {
      return number(start);
    }
    if (c == '"') {
      return string(start);
    }
    int cp = source.codePointAt(pos);
    if (identifierStart(cp)) {
      while (pos < source.length() && identifierPart(source.codePointAt(pos))) {
        pos += Character.charCount(source.codePointAt(pos));
      }
      String word = source.substring(start, pos);
      return new Token(KEYWORDS.getOrDefault(word, Kind.IDENT), start, word, null);
    }
    pos++;
    Kind kind =
        switch (c) {
          case '+' -> Kind.PLUS;
          case '-' -> Kind.MINUS;
          case '*' -> Kind.STAR;
          case '/' -> Kind.SLASH;
          case '%' -> Kind.PERCENT;
          case '^' -> Kind.CARET;
          case '(' -> Kind.LPAREN;
          case ')' -> Kind.RPAREN;
          case ',' -> Kind.COMMA;
          case '=' -> eat('=') ? Kind.EQ : Kind.ASSIGN;
          case '!' -> {
            if (!eat('=')) {
              throw error(start, "unexpected '!' (inequality is '!=', negation is 'not')");
            }
            yield Kind.NE;
          }
          case '<' -> eat('=') ? Kind.LE : Kind.LT;
          case '>' -> eat('=') ? Kind.GE : Kind.GT;
          default -> throw error(start, "unexpected character " + describe(cp));
        };
    return new Token(kind, start, source.substring(start, pos), null);
  }

  /** digits ['.' digits] [('e'|'E') ['+'|'-'] digits] */
  private Token number(int start) {
    digits();
    if (peek() == '.') {
      pos++;
      if (digits() == 0) {
        throw error(pos, "expected a digit after the decimal point");
      }
    }
    if (peek() == 'e' || peek() == 'E') {
      int mark = pos;
      pos++;
      if (peek() == '+' || peek() == '-') {
        pos++;
      }
      if (digits() == 0) {
        throw error(mark, "malformed exponent");
      }
    }
    String literal = source.substring(start, pos);
    try {
      return new Token(Kind.NUMBER, start, literal, new BigDecimal(literal));
    } catch (NumberFormatException e) {
      throw error(start, "number out of range: " + literal);
    }
  }

  private Token string(int start) {
    pos++;
    StringBuilder value = new StringBuilder();
    while (true) {
      if (pos == source.length()) {
        throw error(start, "unterminated string");
      }
      char c = source.charAt(pos);
      if (c == '"') {
        pos++;
        return new Token(Kind.STRING, start, value.toString(), null);
      }
      if (c == '\n') {
        throw error(start, "unterminated string (a line break inside a string is written \\n)");
      }
      if (c != '\\') {
        value.append(c);
        pos++;
        continue;
      }
      int escape = pos;
      pos++;
      char e = peek();
      pos++;
      switch (e) {
        case '"' -> value.append('"');
        case '\\' -> value.append('\\');
        case 'n' -> value.append('\n');
        case 't' -> value.append('\t');
        case 'r' -> value.append('\r');
        case 'u' -> value.append(unicodeEscape(escape));
        default ->
            throw error(escape, "unknown escape in a string (\\\" \\\\ \\n \\t \\r \\uXXXX)");
      }
    }
  }

  private char unicodeEscape(int escape) {
    if (pos + 4 > source.length()) {
      throw error(escape, "\\u needs four hex digits");
    }
    int code = 0;
    for (int i = 0; i < 4; i++) {
      int digit = Character.digit(source.charAt(pos + i), 16);
      if (digit < 0) {
        throw error(escape, "\\u needs four hex digits");
      }
      code = code * 16 + digit;
    }
    pos += 4;
    return (char) code;
  }

  private int digits() {
    int start = pos;
    while (pos < source.length() && source.charAt(pos) >= '0' && source.charAt(pos) <= '9') {
      pos++;
    }
    return pos - start;
  }

  private boolean eat(char c) {
    if (peek() == c) {
      pos++;
      return true;
    }
    return false;
  }

  private char peek() {
    return pos < source.length() ? source.charAt(pos) : '\0';
  }

  private void skipSpaces() {
    while (pos < source.length() && Character.isWhitespace(source.charAt(pos))) {
      pos++;
    }
  }

  /** A character as an error message shows it: itself when printable, and its code point. */
  static String describe(int cp) {
    String code = String.format(Locale.ROOT, "U+%04X", cp);
    return Character.isISOControl(cp) || Character.isWhitespace(cp) || !Character.isDefined(cp)
        ? code
        : "'" + new String(Character.toChars(cp)) + "' (" + code + ")";
  }

  ParseException error(int at, String problem) {
    return new ParseException(problem, source, at);
  }
}
