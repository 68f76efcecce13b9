package org.interviewtasks.senior.advanced.sql;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;
import java.util.function.IntUnaryOperator;
import java.util.stream.Collectors;
import org.interviewtasks.senior.advanced.sql.Ast.BinaryOp;

/**
 * A bound expression: names resolved to row positions, types checked, ready to evaluate against a
 * row ({@code Object[]}, one slot per column of the operator's input). Records without positions,
 * so two spellings of one expression ({@code dept_id} and {@code e.dept_id}) bind to equal values:
 * that is how a select item is matched with a {@code GROUP BY} key.
 *
 * <p>Evaluation follows SQL's three-valued logic: {@code null} is unknown; a comparison or
 * arithmetic with {@code null} gives {@code null}; {@code AND}/{@code OR} give a definite answer
 * when one side decides it ({@code FALSE AND NULL} is {@code FALSE}, {@code TRUE OR NULL} {@code
 * TRUE}).
 */
sealed interface Bound {

  /** The value of the expression for {@code row}; {@code null} is SQL {@code NULL}. */
  Object eval(Object[] row);

  /** The static type of the values {@link #eval} returns. */
  SqlType type();

  /** The expression as SQL text, with canonical {@code alias.column} names. */
  String sql();

  /** A constant. */
  record Const(Object value, SqlType type) implements Bound {
    @Override
    public Object eval(Object[] row) {
      return value;
    }

    @Override
    public String sql() {
      if (value == null) {
        return "NULL";
      }
      return value instanceof String s
          ? "'" + s.replace("'", "''") + "'"
          : value.toString().toUpperCase(Locale.ROOT);
    }
  }

  /** The value at a position of the row. */
  record Col(int index, String name, SqlType type) implements Bound {
    @Override
    public Object eval(Object[] row) {
      return row[index];
    }

    @Override
    public String sql() {
      return name;
    }
  }

  /** An INTEGER operand widened to DOUBLE, where it meets a DOUBLE (join keys, CASE). */
  record ToDouble(Bound operand) implements Bound {
    @Override
    public Object eval(Object[] row) {
      Object v = operand.eval(row);
      return v == null ? null : (Object) ((Number) v).doubleValue();
    }

    @Override
    public SqlType type() {
      return SqlType.DOUBLE;
    }

    @Override
    public String sql() {
      return operand.sql();
    }
  }

  /** Unary minus. */
  record Neg(Bound operand, SqlType type) implements Bound {
    @Override
    public Object eval(Object[] row) {
      return switch (operand.eval(row)) {
        case null -> null;
        case Long l -> {
          if (l == Long.MIN_VALUE) {
            throw Values.overflow(sql());
          }
          yield -l;
        }
        case Double d -> d == 0.0 ? 0.0 : -d;
        default -> throw new IllegalStateException("not a number: " + operand.sql());
      };
    }

    @Override
    public String sql() {
      return "-" + Values.paren(operand);
    }
  }

  /** {@code NOT}: unknown stays unknown. */
  record Not(Bound operand) implements Bound {
    @Override
    public Object eval(Object[] row) {
      Object v = operand.eval(row);
      return v == null ? null : (Object) !(Boolean) v;
    }

    @Override
    public SqlType type() {
      return SqlType.BOOLEAN;
    }

    @Override
    public String sql() {
      return "NOT " + Values.paren(operand);
    }
  }

  /** {@code + - * / %}; on two INTEGERs exact 64-bit arithmetic, division truncating to zero. */
  record Arith(BinaryOp op, Bound left, Bound right, SqlType type) implements Bound {
    @Override
    public Object eval(Object[] row) {
      Object a = left.eval(row);
      if (a == null) {
        return null;
      }
      Object b = right.eval(row);
      if (b == null) {
        return null;
      }
      if (type == SqlType.INTEGER) {
        long x = (Long) a;
        long y = (Long) b;
        try {
          return switch (op) {
            case ADD -> Math.addExact(x, y);
            case SUB -> Math.subtractExact(x, y);
            case MUL -> Math.multiplyExact(x, y);
            case DIV -> {
              if (y == 0) {
                throw Values.divisionByZero(sql());
              }
              yield Math.divideExact(x, y);
            }
            case MOD -> {
              if (y == 0) {
                throw Values.divisionByZero(sql());
              }
              yield x % y;
            }
            default -> throw new IllegalStateException("not arithmetic: " + op);
          };
        } catch (ArithmeticException e) {
          throw Values.overflow(sql());
        }
      }
      double x = ((Number) a).doubleValue();
      double y = ((Number) b).doubleValue();
      double r =
          switch (op) {
            case ADD -> x + y;
            case SUB -> x - y;
            case MUL -> x * y;
            case DIV -> {
              if (y == 0) {
                throw Values.divisionByZero(sql());
              }
              yield x / y;
            }
            case MOD -> {
              if (y == 0) {
                throw Values.divisionByZero(sql());
              }
              yield x % y;
            }
            default -> throw new IllegalStateException("not arithmetic: " + op);
          };
      if (!Double.isFinite(r)) {
        throw Values.overflow(sql());
      }
      return r == 0.0 ? 0.0 : r;
    }

    @Override
    public String sql() {
      return Values.paren(left) + " " + op.sql + " " + Values.paren(right);
    }
  }

  /** {@code ||} on two strings. */
  record Concat(Bound left, Bound right) implements Bound {
    @Override
    public Object eval(Object[] row) {
      Object a = left.eval(row);
      Object b = a == null ? null : right.eval(row);
      return b == null ? null : (String) a + b;
    }

    @Override
    public SqlType type() {
      return SqlType.VARCHAR;
    }

    @Override
    public String sql() {
      return Values.paren(left) + " || " + Values.paren(right);
    }
  }

  /** {@code = <> < <= > >=}. */
  record Compare(BinaryOp op, Bound left, Bound right) implements Bound {
    @Override
    public Object eval(Object[] row) {
      Object a = left.eval(row);
      if (a == null) {
        return null;
      }
      Object b = right.eval(row);
      if (b == null) {
        return null;
      }
      int c = Values.compare(a, b);
      return switch (op) {
        case EQ -> c == 0;
        case NE -> c != 0;
        case LT -> c < 0;
        case LE -> c <= 0;
        case GT -> c > 0;
        case GE -> c >= 0;
        default -> throw new IllegalStateException("not a comparison: " + op);
      };
    }

    @Override
    public SqlType type() {
      return SqlType.BOOLEAN;
    }

    @Override
    public String sql() {
      return Values.paren(left) + " " + op.sql + " " + Values.paren(right);
    }
  }

  /** {@code AND} in three-valued logic: FALSE wins, then NULL. */
  record And(Bound left, Bound right) implements Bound {
    @Override
    public Object eval(Object[] row) {
      Object a = left.eval(row);
      if (Boolean.FALSE.equals(a)) {
        return false;
      }
      Object b = right.eval(row);
      if (Boolean.FALSE.equals(b)) {
        return false;
      }
      return (a == null || b == null) ? null : Boolean.TRUE;
    }

    @Override
    public SqlType type() {
      return SqlType.BOOLEAN;
    }

    @Override
    public String sql() {
      return Values.paren(left) + " AND " + Values.paren(right);
    }
  }

  /** {@code OR} in three-valued logic: TRUE wins, then NULL. */
  record Or(Bound left, Bound right) implements Bound {
    @Override
    public Object eval(Object[] row) {
      Object a = left.eval(row);
      if (Boolean.TRUE.equals(a)) {
        return true;
      }
      Object b = right.eval(row);
      if (Boolean.TRUE.equals(b)) {
        return true;
      }
      return (a == null || b == null) ? null : Boolean.FALSE;
    }

    @Override
    public SqlType type() {
      return SqlType.BOOLEAN;
    }

    @Override
    public String sql() {
      return Values.paren(left) + " OR " + Values.paren(right);
    }
  }

  /** {@code IS [NOT] NULL}: never unknown. */
  record IsNull(Bound operand, boolean negated) implements Bound {
    @Override
    public Object eval(Object[] row) {
      return (operand.eval(row) == null) != negated;
    }

    @Override
    public SqlType type() {
      return SqlType.BOOLEAN;
    }

    @Override
    public String sql() {
      return Values.paren(operand) + (negated ? " IS NOT NULL" : " IS NULL");
    }
  }

  /**
   * {@code x [NOT] IN (...)}: TRUE on a match; otherwise NULL if {@code x} or any item is NULL,
   * else FALSE (so {@code NOT IN} with a NULL item is never TRUE).
   */
  record In(Bound operand, List<Bound> items, boolean negated) implements Bound {
    @Override
    public Object eval(Object[] row) {
      Object x = operand.eval(row);
      if (x == null) {
        return null;
      }
      boolean unknown = false;
      for (Bound item : items) {
        Object v = item.eval(row);
        if (v == null) {
          unknown = true;
        } else if (Values.compare(x, v) == 0) {
          return !negated;
        }
      }
      return unknown ? null : (Object) negated;
    }

    @Override
    public SqlType type() {
      return SqlType.BOOLEAN;
    }

    @Override
    public String sql() {
      return Values.paren(operand)
          + (negated ? " NOT IN (" : " IN (")
          + items.stream().map(Bound::sql).collect(Collectors.joining(", "))
          + ")";
    }
  }

  /** {@code x [NOT] BETWEEN low AND high}, i.e. {@code x >= low AND x <= high}. */
  record Between(Bound operand, Bound low, Bound high, boolean negated) implements Bound {
    @Override
    public Object eval(Object[] row) {
      Object x = operand.eval(row);
      if (x == null) {
        return null;
      }
      Object lo = low.eval(row);
      Object hi = high.eval(row);
      Boolean aboveLow = lo == null ? null : Values.compare(x, lo) >= 0;
      Boolean belowHigh = hi == null ? null : Values.compare(x, hi) <= 0;
      Boolean result;
      if (Boolean.FALSE.equals(aboveLow) || Boolean.FALSE.equals(belowHigh)) {
        result = Boolean.FALSE;
      } else if (aboveLow == null || belowHigh == null) {
        result = null;
      } else {
        result = Boolean.TRUE;
      }
      return result == null ? null : (Object) (result != negated);
    }

    @Override
    public SqlType type() {
      return SqlType.BOOLEAN;
    }

    @Override
    public String sql() {
      return Values.paren(operand)
          + (negated ? " NOT BETWEEN " : " BETWEEN ")
          + Values.paren(low)
          + " AND "
          + Values.paren(high);
    }
  }

  /** {@code x [NOT] LIKE pattern [ESCAPE e]}: {@code %} any run, {@code _} one code point. */
  record Like(Bound operand, Bound pattern, Bound escape, boolean negated) implements Bound {
    @Override
    public Object eval(Object[] row) {
      Object x = operand.eval(row);
      Object p = pattern.eval(row);
      if (x == null || p == null) {
        return null;
      }
      int escapeChar = -1;
      if (escape != null) {
        Object e = escape.eval(row);
        if (e == null) {
          return null;
        }
        String text = (String) e;
        if (text.codePointCount(0, text.length()) != 1) {
          throw new SqlException(
              SqlException.Kind.INVALID_QUERY,
              "the ESCAPE of LIKE must be one character: '" + text + "'",
              -1,
              null);
        }
        escapeChar = text.codePointAt(0);
      }
      return Values.like((String) x, Values.likePattern((String) p, escapeChar)) != negated;
    }

    @Override
    public SqlType type() {
      return SqlType.BOOLEAN;
    }

    @Override
    public String sql() {
      return Values.paren(operand)
          + (negated ? " NOT LIKE " : " LIKE ")
          + Values.paren(pattern)
          + (escape == null ? "" : " ESCAPE " + escape.sql());
    }
  }

  /**
   * Searched {@code CASE}: the result of the first condition that is TRUE, else {@code otherwise}.
   */
  record Case(List<Bound> conditions, List<Bound> results, Bound otherwise, SqlType type)
      implements Bound {
    @Override
    public Object eval(Object[] row) {
      for (int i = 0; i < conditions.size(); i++) {
        if (Boolean.TRUE.equals(conditions.get(i).eval(row))) {
          return results.get(i).eval(row);
        }
      }
      return otherwise == null ? null : otherwise.eval(row);
    }

    @Override
    public String sql() {
      StringBuilder text = new StringBuilder("CASE");
      for (int i = 0; i < conditions.size(); i++) {
        text.append(" WHEN ").append(conditions.get(i).sql());
        text.append(" THEN ").append(results.get(i).sql());
      }
      if (otherwise != null) {
        text.append(" ELSE ").append(otherwise.sql());
      }
      return text.append(" END").toString();
    }
  }

  /** A scalar function: {@code COALESCE, NULLIF, ABS, UPPER, LOWER, LENGTH}. */
  record Call(String name, List<Bound> arguments, SqlType type) implements Bound {
    @Override
    public Object eval(Object[] row) {
      if (name.equals("COALESCE")) {
        for (Bound argument : arguments) {
          Object v = argument.eval(row);
          if (v != null) {
            return v;
          }
        }
        return null;
      }
      Object v = arguments.get(0).eval(row);
      if (v == null) {
        return null;
      }
      return switch (name) {
        case "NULLIF" -> {
          Object w = arguments.get(1).eval(row);
          yield w != null && Values.compare(v, w) == 0 ? null : v;
        }
        case "ABS" -> {
          if (v instanceof Long l) {
            if (l == Long.MIN_VALUE) {
              throw Values.overflow(sql());
            }
            yield Math.abs(l);
          }
          yield Math.abs((Double) v);
        }
        case "UPPER" -> ((String) v).toUpperCase(Locale.ROOT);
        case "LOWER" -> ((String) v).toLowerCase(Locale.ROOT);
        case "LENGTH" -> (long) ((String) v).length();
        default -> throw new IllegalStateException("unknown function " + name);
      };
    }

    @Override
    public String sql() {
      return name
          + "("
          + arguments.stream().map(Bound::sql).collect(Collectors.joining(", "))
          + ")";
    }
  }

  /** The row positions {@code expr} reads. */
  static BitSet columns(Bound expr) {
    BitSet used = new BitSet();
    collect(expr, used);
    return used;
  }

  private static void collect(Bound expr, BitSet used) {
    if (expr instanceof Col c) {
      used.set(c.index());
    }
    for (Bound child : children(expr)) {
      collect(child, used);
    }
  }

  /** The direct subexpressions. */
  static List<Bound> children(Bound expr) {
    return switch (expr) {
      case Const c -> List.of();
      case Col c -> List.of();
      case ToDouble t -> List.of(t.operand());
      case Neg n -> List.of(n.operand());
      case Not n -> List.of(n.operand());
      case Arith a -> List.of(a.left(), a.right());
      case Concat c -> List.of(c.left(), c.right());
      case Compare c -> List.of(c.left(), c.right());
      case And a -> List.of(a.left(), a.right());
      case Or o -> List.of(o.left(), o.right());
      case IsNull n -> List.of(n.operand());
      case In in -> {
        List<Bound> all = new ArrayList<>();
        all.add(in.operand());
        all.addAll(in.items());
        yield all;
      }
      case Between b -> List.of(b.operand(), b.low(), b.high());
      case Like l ->
          l.escape() == null
              ? List.of(l.operand(), l.pattern())
              : List.of(l.operand(), l.pattern(), l.escape());
      case Case c -> {
        List<Bound> all = new ArrayList<>(c.conditions());
        all.addAll(c.results());
        if (c.otherwise() != null) {
          all.add(c.otherwise());
        }
        yield all;
      }
      case Call c -> c.arguments();
    };
  }

  /** {@code expr} with every column position {@code i} replaced by {@code map(i)}. */
  static Bound remap(Bound expr, IntUnaryOperator map) {
    return switch (expr) {
      case Const c -> c;
      case Col c -> new Col(map.applyAsInt(c.index()), c.name(), c.type());
      case ToDouble t -> new ToDouble(remap(t.operand(), map));
      case Neg n -> new Neg(remap(n.operand(), map), n.type());
      case Not n -> new Not(remap(n.operand(), map));
      case Arith a -> new Arith(a.op(), remap(a.left(), map), remap(a.right(), map), a.type());
      case Concat c -> new Concat(remap(c.left(), map), remap(c.right(), map));
      case Compare c -> new Compare(c.op(), remap(c.left(), map), remap(c.right(), map));
      case And a -> new And(remap(a.left(), map), remap(a.right(), map));
      case Or o -> new Or(remap(o.left(), map), remap(o.right(), map));
      case IsNull n -> new IsNull(remap(n.operand(), map), n.negated());
      case In in -> new In(remap(in.operand(), map), remapAll(in.items(), map), in.negated());
      case Between b ->
          new Between(
              remap(b.operand(), map), remap(b.low(), map), remap(b.high(), map), b.negated());
      case Like l ->
          new Like(
              remap(l.operand(), map),
              remap(l.pattern(), map),
              l.escape() == null ? null : remap(l.escape(), map),
              l.negated());
      case Case c ->
          new Case(
              remapAll(c.conditions(), map),
              remapAll(c.results(), map),
              c.otherwise() == null ? null : remap(c.otherwise(), map),
              c.type());
      case Call c -> new Call(c.name(), remapAll(c.arguments(), map), c.type());
    };
  }

  private static List<Bound> remapAll(List<Bound> exprs, IntUnaryOperator map) {
    return exprs.stream().map(e -> remap(e, map)).toList();
  }

  /** The conjuncts of {@code a AND b AND ...}. */
  static List<Bound> conjuncts(Bound expr) {
    List<Bound> all = new ArrayList<>();
    if (expr instanceof And and) {
      all.addAll(conjuncts(and.left()));
      all.addAll(conjuncts(and.right()));
    } else {
      all.add(expr);
    }
    return all;
  }

  /** The conjunction of {@code exprs}, or null if there is none. */
  static Bound and(List<Bound> exprs) {
    Bound all = null;
    for (Bound e : exprs) {
      all = all == null ? e : new And(all, e);
    }
    return all;
  }
}
