package org.interviewtasks.senior.advanced.sql;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.interviewtasks.senior.advanced.sql.Ast.Aggregate;
import org.interviewtasks.senior.advanced.sql.Ast.AggregateFn;
import org.interviewtasks.senior.advanced.sql.Ast.Between;
import org.interviewtasks.senior.advanced.sql.Ast.Binary;
import org.interviewtasks.senior.advanced.sql.Ast.BinaryOp;
import org.interviewtasks.senior.advanced.sql.Ast.Call;
import org.interviewtasks.senior.advanced.sql.Ast.Case;
import org.interviewtasks.senior.advanced.sql.Ast.ColumnRef;
import org.interviewtasks.senior.advanced.sql.Ast.Expr;
import org.interviewtasks.senior.advanced.sql.Ast.From;
import org.interviewtasks.senior.advanced.sql.Ast.InList;
import org.interviewtasks.senior.advanced.sql.Ast.IsNull;
import org.interviewtasks.senior.advanced.sql.Ast.Join;
import org.interviewtasks.senior.advanced.sql.Ast.JoinType;
import org.interviewtasks.senior.advanced.sql.Ast.Like;
import org.interviewtasks.senior.advanced.sql.Ast.Literal;
import org.interviewtasks.senior.advanced.sql.Ast.Nulls;
import org.interviewtasks.senior.advanced.sql.Ast.OrderItem;
import org.interviewtasks.senior.advanced.sql.Ast.Select;
import org.interviewtasks.senior.advanced.sql.Ast.SelectItem;
import org.interviewtasks.senior.advanced.sql.Ast.Star;
import org.interviewtasks.senior.advanced.sql.Ast.Statement;
import org.interviewtasks.senior.advanced.sql.Ast.TableRef;
import org.interviewtasks.senior.advanced.sql.Ast.Unary;
import org.interviewtasks.senior.advanced.sql.Ast.UnaryOp;
import org.interviewtasks.senior.advanced.sql.Lexer.Kind;
import org.interviewtasks.senior.advanced.sql.Lexer.Token;

/**
 * A recursive-descent parser from tokens to an {@link Ast.Statement}, one method per precedence
 * level: {@code OR} < {@code AND} < {@code NOT} < predicates (comparison, {@code IS}, {@code IN},
 * {@code BETWEEN}, {@code LIKE}) < {@code ||} < {@code + -} < {@code * / %} < unary minus. Nesting
 * is bounded ({@value #MAX_DEPTH}) so a hostile query fails with a syntax error, not a {@link
 * StackOverflowError}.
 */
final class Parser {

  /** The deepest nesting of expressions accepted. */
  static final int MAX_DEPTH = 256;

  /**
   * The tallest expression tree accepted (a chain {@code a + b + ...} is as tall as it is long).
   */
  static final int MAX_HEIGHT = 256;

  private static final Set<String> FUNCTIONS =
      Set.of("COALESCE", "ABS", "UPPER", "LOWER", "LENGTH", "NULLIF");

  private final String sql;
  private final List<Token> tokens;
  private int next;
  private int depth;

  private Parser(String sql) {
    this.sql = sql;
    this.tokens = Lexer.tokenize(sql);
  }

  /** Parses one statement, optionally followed by {@code ;}. */
  static Statement parse(String sql) {
    Parser parser = new Parser(sql);
    Statement statement;
    if (parser.acceptKeyword("EXPLAIN")) {
      statement = new Ast.Explain(parser.select());
    } else {
      statement = new Ast.Query(parser.select());
    }
    parser.acceptSymbol(";");
    if (parser.peek().kind() != Kind.END) {
      throw parser.unexpected("end of query");
    }
    Select select =
        switch (statement) {
          case Ast.Query q -> q.select();
          case Ast.Explain e -> e.select();
        };
    parser.checkHeight(select);
    return statement;
  }

  /** Rejects expression trees too tall to bind and evaluate by recursion (long operator chains). */
  private void checkHeight(Select select) {
    List<Expr> all = new ArrayList<>();
    select.items().forEach(item -> all.add(item.expr()));
    all.add(select.where());
    all.addAll(select.groupBy());
    all.add(select.having());
    select.orderBy().forEach(item -> all.add(item.expr()));
    for (From from = select.from(); from instanceof Join join; from = join.left()) {
      all.add(join.on());
    }
    for (Expr expr : all) {
      if (expr != null && Ast.height(expr) > MAX_HEIGHT) {
        throw new SqlException(
            SqlException.Kind.SYNTAX,
            "expression too deep (more than " + MAX_HEIGHT + " nested operators)",
            expr.position(),
            sql);
      }
    }
  }

  private Select select() {
    Token start = expectKeyword("SELECT");
    boolean distinct = acceptKeyword("DISTINCT");
    if (!distinct) {
      acceptKeyword("ALL");
    }
    List<SelectItem> items = new ArrayList<>();
    do {
      items.add(selectItem());
    } while (acceptSymbol(","));
    From from = null;
    if (acceptKeyword("FROM")) {
      from = from();
    }
    Expr where = acceptKeyword("WHERE") ? expression() : null;
    List<Expr> groupBy = new ArrayList<>();
    if (acceptKeyword("GROUP")) {
      expectKeyword("BY");
      do {
        groupBy.add(expression());
      } while (acceptSymbol(","));
    }
    Expr having = acceptKeyword("HAVING") ? expression() : null;
    List<OrderItem> orderBy = new ArrayList<>();
    if (acceptKeyword("ORDER")) {
      expectKeyword("BY");
      do {
        orderBy.add(orderItem());
      } while (acceptSymbol(","));
    }
    Long limit = null;
    Long offset = null;
    if (acceptKeyword("LIMIT")) {
      limit = count("LIMIT");
      if (acceptKeyword("OFFSET")) {
        offset = count("OFFSET");
      }
    } else if (acceptKeyword("OFFSET")) {
      offset = count("OFFSET");
      if (!acceptKeyword("ROWS")) {
        acceptKeyword("ROW");
      }
      if (acceptKeyword("FETCH")) {
        limit = fetch();
      }
    } else if (acceptKeyword("FETCH")) {
      limit = fetch();
    }
    return new Select(
        distinct,
        List.copyOf(items),
        from,
        where,
        List.copyOf(groupBy),
        having,
        List.copyOf(orderBy),
        limit,
        offset,
        start.position());
  }

  private Long fetch() {
    if (!acceptKeyword("FIRST")) {
      expectKeyword("NEXT");
    }
    long n = count("FETCH");
    if (!acceptKeyword("ROWS")) {
      expectKeyword("ROW");
    }
    expectKeyword("ONLY");
    return n;
  }

  private long count(String clause) {
    Token token = peek();
    if (token.kind() != Kind.INTEGER) {
      throw unexpected("a non-negative integer after " + clause);
    }
    next++;
    BigInteger value = new BigInteger(token.text());
    if (value.bitLength() > 63) {
      throw new SqlException(
          SqlException.Kind.SYNTAX,
          clause + " " + token.text() + " is out of range (at most " + Long.MAX_VALUE + ")",
          token.position(),
          sql);
    }
    return value.longValue();
  }

  private SelectItem selectItem() {
    Token start = peek();
    if (start.isSymbol("*")) {
      next++;
      return new SelectItem(new Star(null, start.position()), null, start.position());
    }
    if (start.kind() == Kind.IDENTIFIER
        && tokens.get(next + 1).isSymbol(".")
        && tokens.get(next + 2).isSymbol("*")) {
      next += 3;
      return new SelectItem(new Star(start.text(), start.position()), null, start.position());
    }
    Expr expr = expression();
    String alias = null;
    if (acceptKeyword("AS")) {
      alias = identifier("an alias after AS");
    } else if (peek().kind() == Kind.IDENTIFIER) {
      alias = identifier("an alias");
    }
    return new SelectItem(expr, alias, start.position());
  }

  private OrderItem orderItem() {
    Token start = peek();
    Expr expr = expression();
    boolean descending = false;
    if (acceptKeyword("DESC")) {
      descending = true;
    } else {
      acceptKeyword("ASC");
    }
    Nulls nulls = Nulls.DEFAULT;
    if (acceptKeyword("NULLS")) {
      if (acceptKeyword("FIRST")) {
        nulls = Nulls.FIRST;
      } else {
        expectKeyword("LAST");
        nulls = Nulls.LAST;
      }
    }
    return new OrderItem(expr, descending, nulls, start.position());
  }

  private From from() {
    From from = tableRef();
    while (true) {
      Token start = peek();
      JoinType type;
      if (acceptKeyword("JOIN")) {
        type = JoinType.INNER;
      } else if (acceptKeyword("INNER")) {
        expectKeyword("JOIN");
        type = JoinType.INNER;
      } else if (acceptKeyword("LEFT")) {
        acceptKeyword("OUTER");
        expectKeyword("JOIN");
        type = JoinType.LEFT;
      } else if (acceptKeyword("CROSS")) {
        expectKeyword("JOIN");
        type = JoinType.CROSS;
      } else if (acceptSymbol(",")) {
        type = JoinType.CROSS;
      } else {
        return from;
      }
      TableRef right = tableRef();
      Expr on = null;
      if (type != JoinType.CROSS) {
        expectKeyword("ON");
        on = expression();
      }
      from = new Join(type, from, right, on, start.position());
    }
  }

  private TableRef tableRef() {
    Token start = peek();
    String table = identifier("a table name");
    String alias = table;
    if (acceptKeyword("AS")) {
      alias = identifier("an alias after AS");
    } else if (peek().kind() == Kind.IDENTIFIER) {
      alias = identifier("an alias");
    }
    return new TableRef(table, alias, start.position());
  }

  /** expression := or. */
  Expr expression() {
    if (++depth > MAX_DEPTH) {
      throw new SqlException(
          SqlException.Kind.SYNTAX,
          "expression nested too deeply (more than " + MAX_DEPTH + " levels)",
          peek().position(),
          sql);
    }
    try {
      return or();
    } finally {
      depth--;
    }
  }

  private Expr or() {
    Expr left = and();
    while (peek().isKeyword("OR")) {
      Token op = tokens.get(next++);
      left = new Binary(BinaryOp.OR, left, and(), op.position());
    }
    return left;
  }

  private Expr and() {
    Expr left = not();
    while (peek().isKeyword("AND")) {
      Token op = tokens.get(next++);
      left = new Binary(BinaryOp.AND, left, not(), op.position());
    }
    return left;
  }

  private Expr not() {
    Token start = peek();
    if (acceptKeyword("NOT")) {
      return new Unary(UnaryOp.NOT, nested(this::not), start.position());
    }
    return predicate();
  }

  private Expr predicate() {
    Expr left = concat();
    Token token = peek();
    if (token.kind() == Kind.SYMBOL) {
      BinaryOp op =
          switch (token.text()) {
            case "=" -> BinaryOp.EQ;
            case "<>" -> BinaryOp.NE;
            case "<" -> BinaryOp.LT;
            case "<=" -> BinaryOp.LE;
            case ">" -> BinaryOp.GT;
            case ">=" -> BinaryOp.GE;
            default -> null;
          };
      if (op != null) {
        next++;
        return new Binary(op, left, concat(), token.position());
      }
      return left;
    }
    if (acceptKeyword("IS")) {
      boolean negated = acceptKeyword("NOT");
      expectKeyword("NULL");
      return new IsNull(left, negated, token.position());
    }
    boolean negated = false;
    if (token.isKeyword("NOT")
        && (tokens.get(next + 1).isKeyword("IN")
            || tokens.get(next + 1).isKeyword("BETWEEN")
            || tokens.get(next + 1).isKeyword("LIKE"))) {
      next++;
      negated = true;
    }
    if (acceptKeyword("IN")) {
      expectSymbol("(");
      List<Expr> items = new ArrayList<>();
      do {
        items.add(expression());
      } while (acceptSymbol(","));
      expectSymbol(")");
      return new InList(left, List.copyOf(items), negated, token.position());
    }
    if (acceptKeyword("BETWEEN")) {
      Expr low = concat();
      expectKeyword("AND");
      Expr high = concat();
      return new Between(left, low, high, negated, token.position());
    }
    if (acceptKeyword("LIKE")) {
      Expr pattern = concat();
      Expr escape = acceptKeyword("ESCAPE") ? concat() : null;
      return new Like(left, pattern, escape, negated, token.position());
    }
    return left;
  }

  private Expr concat() {
    Expr left = additive();
    while (peek().isSymbol("||")) {
      Token op = tokens.get(next++);
      left = new Binary(BinaryOp.CONCAT, left, additive(), op.position());
    }
    return left;
  }

  private Expr additive() {
    Expr left = multiplicative();
    while (peek().isSymbol("+") || peek().isSymbol("-")) {
      Token op = tokens.get(next++);
      BinaryOp kind = op.text().equals("+") ? BinaryOp.ADD : BinaryOp.SUB;
      left = new Binary(kind, left, multiplicative(), op.position());
    }
    return left;
  }

  private Expr multiplicative() {
    Expr left = unary();
    while (peek().isSymbol("*") || peek().isSymbol("/") || peek().isSymbol("%")) {
      Token op = tokens.get(next++);
      BinaryOp kind =
          switch (op.text()) {
            case "*" -> BinaryOp.MUL;
            case "/" -> BinaryOp.DIV;
            default -> BinaryOp.MOD;
          };
      left = new Binary(kind, left, unary(), op.position());
    }
    return left;
  }

  private Expr unary() {
    Token start = peek();
    if (acceptSymbol("-")) {
      Token number = peek();
      if (number.kind() == Kind.INTEGER && number.text().equals("9223372036854775808")) {
        next++;
        return new Literal(Long.MIN_VALUE, SqlType.INTEGER, start.position());
      }
      return new Unary(UnaryOp.NEG, nested(this::unary), start.position());
    }
    if (acceptSymbol("+")) {
      return nested(this::unary);
    }
    return primary();
  }

  private Expr nested(java.util.function.Supplier<Expr> parse) {
    if (++depth > MAX_DEPTH) {
      throw new SqlException(
          SqlException.Kind.SYNTAX,
          "expression nested too deeply (more than " + MAX_DEPTH + " levels)",
          peek().position(),
          sql);
    }
    try {
      return parse.get();
    } finally {
      depth--;
    }
  }

  private Expr primary() {
    Token token = peek();
    return switch (token.kind()) {
      case INTEGER -> {
        next++;
        BigInteger value = new BigInteger(token.text());
        if (value.bitLength() > 63) {
          throw new SqlException(
              SqlException.Kind.SYNTAX,
              "integer literal " + token.text() + " is out of the 64-bit range",
              token.position(),
              sql);
        }
        yield new Literal(value.longValue(), SqlType.INTEGER, token.position());
      }
      case DECIMAL -> {
        next++;
        double value = Double.parseDouble(token.text());
        if (!Double.isFinite(value)) {
          throw new SqlException(
              SqlException.Kind.SYNTAX,
              "number " + token.text() + " is out of the double range",
              token.position(),
              sql);
        }
        yield new Literal(value, SqlType.DOUBLE, token.position());
      }
      case STRING -> {
        next++;
        yield new Literal(token.text(), SqlType.VARCHAR, token.position());
      }
      case KEYWORD -> keywordPrimary(token);
      case IDENTIFIER -> identifierPrimary(token);
      case SYMBOL -> {
        if (!token.isSymbol("(")) {
          throw unexpected("an expression");
        }
        next++;
        Expr inner = expression();
        expectSymbol(")");
        yield inner;
      }
      case END -> throw unexpected("an expression");
    };
  }

  private Expr keywordPrimary(Token token) {
    return switch (token.text()) {
      case "NULL" -> {
        next++;
        yield new Literal(null, SqlType.NULL, token.position());
      }
      case "TRUE", "FALSE" -> {
        next++;
        yield new Literal(token.text().equals("TRUE"), SqlType.BOOLEAN, token.position());
      }
      case "CASE" -> {
        next++;
        List<Expr> conditions = new ArrayList<>();
        List<Expr> results = new ArrayList<>();
        while (acceptKeyword("WHEN")) {
          conditions.add(expression());
          expectKeyword("THEN");
          results.add(expression());
        }
        if (conditions.isEmpty()) {
          throw unexpected("WHEN after CASE");
        }
        Expr otherwise = acceptKeyword("ELSE") ? expression() : null;
        expectKeyword("END");
        yield new Case(List.copyOf(conditions), List.copyOf(results), otherwise, token.position());
      }
      default -> throw unexpected("an expression");
    };
  }

  private Expr identifierPrimary(Token token) {
    next++;
    String upper = token.text().toUpperCase(Locale.ROOT);
    if (peek().isSymbol("(")) {
      AggregateFn fn = aggregateFn(upper);
      if (fn != null) {
        return aggregate(fn, token);
      }
      if (!FUNCTIONS.contains(upper)) {
        throw new SqlException(
            SqlException.Kind.SYNTAX, "unknown function " + token.text(), token.position(), sql);
      }
      next++;
      List<Expr> arguments = new ArrayList<>();
      if (!peek().isSymbol(")")) {
        do {
          arguments.add(expression());
        } while (acceptSymbol(","));
      }
      expectSymbol(")");
      return new Call(upper, List.copyOf(arguments), token.position());
    }
    if (acceptSymbol(".")) {
      String column = identifier("a column name after '" + token.text() + ".'");
      return new ColumnRef(token.text(), column, token.position());
    }
    return new ColumnRef(null, token.text(), token.position());
  }

  private static AggregateFn aggregateFn(String name) {
    for (AggregateFn fn : AggregateFn.values()) {
      if (fn.name().equals(name)) {
        return fn;
      }
    }
    return null;
  }

  private Expr aggregate(AggregateFn fn, Token name) {
    expectSymbol("(");
    if (fn == AggregateFn.COUNT && acceptSymbol("*")) {
      expectSymbol(")");
      return new Aggregate(fn, null, false, name.position());
    }
    boolean distinct = acceptKeyword("DISTINCT");
    if (!distinct) {
      acceptKeyword("ALL");
    }
    Expr argument = expression();
    expectSymbol(")");
    return new Aggregate(fn, argument, distinct, name.position());
  }

  private String identifier(String what) {
    Token token = peek();
    if (token.kind() != Kind.IDENTIFIER) {
      throw unexpected(what);
    }
    next++;
    return token.text();
  }

  private Token peek() {
    return tokens.get(next);
  }

  private boolean acceptKeyword(String keyword) {
    if (peek().isKeyword(keyword)) {
      next++;
      return true;
    }
    return false;
  }

  private boolean acceptSymbol(String symbol) {
    if (peek().isSymbol(symbol)) {
      next++;
      return true;
    }
    return false;
  }

  private Token expectKeyword(String keyword) {
    if (!peek().isKeyword(keyword)) {
      throw unexpected(keyword);
    }
    return tokens.get(next++);
  }

  private void expectSymbol(String symbol) {
    if (!peek().isSymbol(symbol)) {
      throw unexpected("'" + symbol + "'");
    }
    next++;
  }

  private SqlException unexpected(String expected) {
    Token token = peek();
    return new SqlException(
        SqlException.Kind.SYNTAX,
        "expected " + expected + " but found " + token.describe(),
        token.position(),
        sql);
  }
}
