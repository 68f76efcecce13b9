package org.interviewtasks.senior.advanced.interpreter;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.HashMap;
import java.util.Map;

/**
 * A second evaluator, written from the language's description and sharing no code with {@link
 * Evaluator}: plain Java values ({@link BigDecimal}, {@link String}, {@link Boolean}), an immutable
 * map per scope, failures returned rather than thrown. It knows the functions {@code max} and
 * {@code len} of the test environment by their description, not by calling them.
 */
final class ReferenceEvaluator {

  /** The evaluation fails. */
  record Failure(String why) {}

  private static final MathContext MC = MathContext.DECIMAL128;

  private ReferenceEvaluator() {}

  static Object evaluate(Expr expr, Environment env) {
    Map<String, Object> globals = new HashMap<>();
    for (String name : new String[] {"x", "y", "s", "flag"}) {
      env.variable(name).ifPresent(v -> globals.put(name, plain(v)));
    }
    return eval(expr, globals);
  }

  static boolean same(Value value, Object expected) {
    Object actual = plain(value);
    if (actual instanceof BigDecimal a && expected instanceof BigDecimal e) {
      return a.compareTo(e) == 0;
    }
    return actual.equals(expected);
  }

  private static Object plain(Value v) {
    return switch (v) {
      case Value.Num n -> n.value();
      case Value.Str s -> s.value();
      case Value.Bool b -> b.value();
    };
  }

  private static Object eval(Expr e, Map<String, Object> scope) {
    if (e instanceof Expr.Num n) {
      return n.value();
    } else if (e instanceof Expr.Str s) {
      return s.value();
    } else if (e instanceof Expr.Bool b) {
      return b.value();
    } else if (e instanceof Expr.Var v) {
      return scope.containsKey(v.name()) ? scope.get(v.name()) : new Failure("unbound");
    } else if (e instanceof Expr.Let l) {
      Object value = eval(l.value(), scope);
      if (value instanceof Failure) {
        return value;
      }
      Map<String, Object> inner = new HashMap<>(scope);
      inner.put(l.name(), value);
      return eval(l.body(), inner);
    } else if (e instanceof Expr.If i) {
      Object c = eval(i.condition(), scope);
      if (!(c instanceof Boolean b)) {
        return new Failure("if");
      }
      return eval(b ? i.whenTrue() : i.whenFalse(), scope);
    } else if (e instanceof Expr.Unary u) {
      Object o = eval(u.operand(), scope);
      if (u.op() == Expr.UnaryOp.NEG) {
        return o instanceof BigDecimal d ? d.negate(MC) : new Failure("neg");
      }
      return o instanceof Boolean b ? !b : new Failure("not");
    } else if (e instanceof Expr.Call c) {
      Object[] args = new Object[c.arguments().size()];
      for (int k = 0; k < args.length; k++) {
        args[k] = eval(c.arguments().get(k), scope);
        if (args[k] instanceof Failure) {
          return args[k];
        }
      }
      if (c.function().equals("max") && args.length == 2) {
        return (args[0] instanceof BigDecimal a && args[1] instanceof BigDecimal b)
            ? (a.compareTo(b) >= 0 ? a : b)
            : new Failure("max");
      }
      if (c.function().equals("len") && args.length == 1) {
        return args[0] instanceof String s
            ? BigDecimal.valueOf(s.codePoints().count())
            : new Failure("len");
      }
      return new Failure("call");
    }
    Expr.Binary b = (Expr.Binary) e;
    Object l = eval(b.left(), scope);
    if (l instanceof Failure) {
      return l;
    }
    switch (b.op()) {
      case AND, OR -> {
        if (!(l instanceof Boolean lb)) {
          return new Failure("logic");
        }
        if (b.op() == Expr.BinaryOp.AND ? !lb : lb) {
          return lb;
        }
        Object r = eval(b.right(), scope);
        return r instanceof Boolean ? r : new Failure("logic");
      }
      default -> {}
    }
    Object r = eval(b.right(), scope);
    if (r instanceof Failure) {
      return r;
    }
    switch (b.op()) {
      case EQ, NE -> {
        boolean eq =
            (l instanceof BigDecimal x && r instanceof BigDecimal y)
                ? x.compareTo(y) == 0
                : l.equals(r);
        return b.op() == Expr.BinaryOp.EQ ? eq : !eq;
      }
      case LT, LE, GT, GE -> {
        int c;
        if (l instanceof BigDecimal x && r instanceof BigDecimal y) {
          c = x.compareTo(y);
        } else if (l instanceof String x && r instanceof String y) {
          c = x.compareTo(y);
        } else {
          return new Failure("compare");
        }
        return switch (b.op()) {
          case LT -> c < 0;
          case LE -> c <= 0;
          case GT -> c > 0;
          default -> c >= 0;
        };
      }
      case ADD -> {
        if (l instanceof String x && r instanceof String y) {
          return x + y;
        }
      }
      default -> {}
    }
    if (!(l instanceof BigDecimal x) || !(r instanceof BigDecimal y)) {
      return new Failure("arith");
    }
    try {
      return switch (b.op()) {
        case ADD -> x.add(y, MC);
        case SUB -> x.subtract(y, MC);
        case MUL -> x.multiply(y, MC);
        case DIV -> y.signum() == 0 ? new Failure("div0") : x.divide(y, MC);
        case REM -> y.signum() == 0 ? new Failure("div0") : x.remainder(y, MC);
        case POW -> {
          if (y.stripTrailingZeros().scale() > 0
              || y.abs().compareTo(BigDecimal.valueOf(999_999_999)) > 0) {
            yield new Failure("exponent");
          }
          int n = y.intValueExact();
          yield n < 0 && x.signum() == 0 ? new Failure("div0") : x.pow(n, MC);
        }
        default -> throw new AssertionError(b.op());
      };
    } catch (ArithmeticException ex) {
      return new Failure(ex.getMessage());
    }
  }
}
