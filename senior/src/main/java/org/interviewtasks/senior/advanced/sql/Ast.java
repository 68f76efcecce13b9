package org.interviewtasks.senior.advanced.sql;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The syntax tree the {@link Parser} builds: sealed interfaces of records, each node with the
 * position (0-based character offset) of its first token, so later phases can point at it.
 */
final class Ast {

  private Ast() {}

  /** A statement: a query, or a query to explain. */
  sealed interface Statement permits Query, Explain {}

  /** {@code SELECT ...}. */
  record Query(Select select) implements Statement {}

  /** {@code EXPLAIN SELECT ...}. */
  record Explain(Select select) implements Statement {}

  /** A {@code SELECT} block; {@code from} is null for {@code SELECT 1}. */
  record Select(
      boolean distinct,
      List<SelectItem> items,
      From from,
      Expr where,
      List<Expr> groupBy,
      Expr having,
      List<OrderItem> orderBy,
      Long limit,
      Long offset,
      int position) {}

  /** One item of the select list; {@code alias} may be null. */
  record SelectItem(Expr expr, String alias, int position) {}

  /** {@code ORDER BY} key. */
  record OrderItem(Expr expr, boolean descending, Nulls nulls, int position) {}

  /** Where {@code NULL}s sort. */
  enum Nulls {
    /** As H2 does by default: {@code NULL} is the smallest value (first ascending). */
    DEFAULT,
    FIRST,
    LAST
  }

  /** The {@code FROM} clause: a table, or a join of a {@code From} with a table. */
  sealed interface From permits TableRef, Join {}

  /** A table with its alias (the table's name when none is given). */
  record TableRef(String table, String alias, int position) implements From {}

  /** {@code left [INNER|LEFT|CROSS] JOIN right [ON on]}; {@code on} is null for a cross join. */
  record Join(JoinType type, From left, TableRef right, Expr on, int position) implements From {}

  /** The kinds of join. */
  enum JoinType {
    INNER,
    LEFT,
    CROSS
  }

  /** An expression. */
  sealed interface Expr
      permits Literal,
          ColumnRef,
          Star,
          Unary,
          Binary,
          IsNull,
          InList,
          Between,
          Like,
          Aggregate,
          Call,
          Case {
    int position();
  }

  /** A constant; {@code value} is null for {@code NULL}. */
  record Literal(Object value, SqlType type, int position) implements Expr {}

  /** {@code column} or {@code table.column}; {@code table} may be null. */
  record ColumnRef(String table, String column, int position) implements Expr {}

  /** {@code *} or {@code table.*}, only in a select list or {@code COUNT(*)}. */
  record Star(String table, int position) implements Expr {}

  /** Unary operators. */
  enum UnaryOp {
    NEG,
    NOT
  }

  /** {@code -x} or {@code NOT x}. */
  record Unary(UnaryOp op, Expr operand, int position) implements Expr {}

  /** Binary operators, with their SQL spelling. */
  enum BinaryOp {
    ADD("+"),
    SUB("-"),
    MUL("*"),
    DIV("/"),
    MOD("%"),
    CONCAT("||"),
    EQ("="),
    NE("<>"),
    LT("<"),
    LE("<="),
    GT(">"),
    GE(">="),
    AND("AND"),
    OR("OR");

    final String sql;

    BinaryOp(String sql) {
      this.sql = sql;
    }

    boolean arithmetic() {
      return this == ADD || this == SUB || this == MUL || this == DIV || this == MOD;
    }

    boolean comparison() {
      return this == EQ || this == NE || this == LT || this == LE || this == GT || this == GE;
    }
  }

  /** {@code left op right}. */
  record Binary(BinaryOp op, Expr left, Expr right, int position) implements Expr {}

  /** {@code x IS [NOT] NULL}. */
  record IsNull(Expr operand, boolean negated, int position) implements Expr {}

  /** {@code x [NOT] IN (a, b, ...)}. */
  record InList(Expr operand, List<Expr> items, boolean negated, int position) implements Expr {}

  /** {@code x [NOT] BETWEEN low AND high}. */
  record Between(Expr operand, Expr low, Expr high, boolean negated, int position)
      implements Expr {}

  /** {@code x [NOT] LIKE pattern [ESCAPE escape]}; {@code escape} may be null. */
  record Like(Expr operand, Expr pattern, Expr escape, boolean negated, int position)
      implements Expr {}

  /** The aggregate functions. */
  enum AggregateFn {
    COUNT,
    SUM,
    AVG,
    MIN,
    MAX
  }

  /** An aggregate call; {@code argument} is null for {@code COUNT(*)}. */
  record Aggregate(AggregateFn fn, Expr argument, boolean distinct, int position) implements Expr {}

  /** A scalar function call ({@code COALESCE}, {@code ABS}, {@code UPPER}...); name upper-cased. */
  record Call(String name, List<Expr> arguments, int position) implements Expr {}

  /** {@code CASE WHEN c THEN v ... [ELSE e] END} (searched form); {@code otherwise} may be null. */
  record Case(List<Expr> conditions, List<Expr> results, Expr otherwise, int position)
      implements Expr {}

  /** The direct subexpressions of {@code expr}, left to right. */
  static List<Expr> children(Expr expr) {
    return switch (expr) {
      case Literal l -> List.of();
      case ColumnRef c -> List.of();
      case Star s -> List.of();
      case Unary u -> List.of(u.operand());
      case Binary b -> List.of(b.left(), b.right());
      case IsNull n -> List.of(n.operand());
      case InList in -> {
        List<Expr> all = new ArrayList<>();
        all.add(in.operand());
        all.addAll(in.items());
        yield all;
      }
      case Between b -> List.of(b.operand(), b.low(), b.high());
      case Like l ->
          l.escape() == null
              ? List.of(l.operand(), l.pattern())
              : List.of(l.operand(), l.pattern(), l.escape());
      case Aggregate a -> a.argument() == null ? List.of() : List.of(a.argument());
      case Call c -> c.arguments();
      case Case c -> {
        List<Expr> all = new ArrayList<>();
        for (int i = 0; i < c.conditions().size(); i++) {
          all.add(c.conditions().get(i));
          all.add(c.results().get(i));
        }
        if (c.otherwise() != null) {
          all.add(c.otherwise());
        }
        yield all;
      }
    };
  }

  /** The height of the tree under {@code expr} (1 for a leaf), computed without recursion. */
  static int height(Expr expr) {
    int max = 0;
    Deque<Expr> nodes = new ArrayDeque<>();
    Deque<Integer> depths = new ArrayDeque<>();
    nodes.push(expr);
    depths.push(1);
    while (!nodes.isEmpty()) {
      Expr node = nodes.pop();
      int depth = depths.pop();
      max = Math.max(max, depth);
      for (Expr child : children(node)) {
        nodes.push(child);
        depths.push(depth + 1);
      }
    }
    return max;
  }

  /** The expression as SQL text, fully parenthesised where it nests; used for labels and plans. */
  static String sql(Expr expr) {
    return switch (expr) {
      case Literal l when l.value() == null -> "NULL";
      case Literal l when l.type() == SqlType.VARCHAR ->
          "'" + ((String) l.value()).replace("'", "''") + "'";
      case Literal l when l.type() == SqlType.BOOLEAN ->
          l.value().toString().toUpperCase(Locale.ROOT);
      case Literal l -> l.value().toString();
      case ColumnRef c -> c.table() == null ? c.column() : c.table() + "." + c.column();
      case Star s -> s.table() == null ? "*" : s.table() + ".*";
      case Unary u -> (u.op() == UnaryOp.NEG ? "-" : "NOT ") + nested(u.operand());
      case Binary b -> nested(b.left()) + " " + b.op().sql + " " + nested(b.right());
      case IsNull n -> nested(n.operand()) + (n.negated() ? " IS NOT NULL" : " IS NULL");
      case InList in ->
          nested(in.operand())
              + (in.negated() ? " NOT IN (" : " IN (")
              + in.items().stream().map(Ast::sql).collect(Collectors.joining(", "))
              + ")";
      case Between b ->
          nested(b.operand())
              + (b.negated() ? " NOT BETWEEN " : " BETWEEN ")
              + nested(b.low())
              + " AND "
              + nested(b.high());
      case Like l ->
          nested(l.operand())
              + (l.negated() ? " NOT LIKE " : " LIKE ")
              + nested(l.pattern())
              + (l.escape() == null ? "" : " ESCAPE " + nested(l.escape()));
      case Aggregate a ->
          a.fn()
              + "("
              + (a.distinct() ? "DISTINCT " : "")
              + (a.argument() == null ? "*" : sql(a.argument()))
              + ")";
      case Call c ->
          c.name()
              + "("
              + c.arguments().stream().map(Ast::sql).collect(Collectors.joining(", "))
              + ")";
      case Case c -> {
        StringBuilder text = new StringBuilder("CASE");
        for (int i = 0; i < c.conditions().size(); i++) {
          text.append(" WHEN ").append(sql(c.conditions().get(i)));
          text.append(" THEN ").append(sql(c.results().get(i)));
        }
        if (c.otherwise() != null) {
          text.append(" ELSE ").append(sql(c.otherwise()));
        }
        yield text.append(" END").toString();
      }
    };
  }

  private static String nested(Expr expr) {
    return switch (expr) {
      case Binary b -> "(" + sql(b) + ")";
      case IsNull n -> "(" + sql(n) + ")";
      case InList n -> "(" + sql(n) + ")";
      case Between n -> "(" + sql(n) + ")";
      case Like n -> "(" + sql(n) + ")";
      case Unary u -> "(" + sql(u) + ")";
      case Literal l when l.value() instanceof Number n && n.doubleValue() < 0 ->
          "(" + sql(l) + ")";
      default -> sql(expr);
    };
  }
}
