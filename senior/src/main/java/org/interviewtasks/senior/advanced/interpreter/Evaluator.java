package org.interviewtasks.senior.advanced.interpreter;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import org.interviewtasks.senior.advanced.interpreter.Expr.BinaryOp;

/**
 * A tree-walking evaluator. Recursion is bounded by {@link ExpressionInterpreter#MAX_DEPTH}: a
 * parsed tree never exceeds it, a tree built in code that does is refused with an {@link
 * EvaluationException} instead of a {@link StackOverflowError}.
 */
final class Evaluator {

  /**
   * The longest string a program may build: {@code let} doubling would otherwise exhaust memory.
   */
  static final int MAX_STRING_LENGTH = 1 << 24;

  /** The bindings of enclosing {@code let}s, innermost first. */
  private record Scope(String name, Value value, Scope outer) {}

  private final Environment environment;
  private final MathContext context;
  private final String source;
  private final IdentityHashMap<Expr, Integer> positions;
  private int depth;

  Evaluator(Environment environment, String source, IdentityHashMap<Expr, Integer> positions) {
    this.environment = environment;
    this.context = environment.precision();
    this.source = source;
    this.positions = positions;
  }

  Value evaluate(Expr expr) {
    return eval(expr, null);
  }

  private Value eval(Expr expr, Scope scope) {
    if (++depth > ExpressionInterpreter.MAX_DEPTH) {
      throw error(
          expr,
          "expression nested deeper than " + ExpressionInterpreter.MAX_DEPTH + " levels",
          null);
    }
    Value value =
        switch (expr) {
          case Expr.Num n -> new Value.Num(n.value());
          case Expr.Str s -> new Value.Str(s.value());
          case Expr.Bool b -> Value.of(b.value());
          case Expr.Var v -> lookup(v, scope);
          case Expr.Unary u -> unary(u, eval(u.operand(), scope));
          case Expr.Binary b -> binary(b, scope);
          case Expr.If i ->
              bool(i, eval(i.condition(), scope), "if")
                  ? eval(i.whenTrue(), scope)
                  : eval(i.whenFalse(), scope);
          case Expr.Let l -> eval(l.body(), new Scope(l.name(), eval(l.value(), scope), scope));
          case Expr.Call c -> call(c, scope);
        };
    depth--;
    return value;
  }

  private Value lookup(Expr.Var v, Scope scope) {
    for (Scope s = scope; s != null; s = s.outer()) {
      if (s.name().equals(v.name())) {
        return s.value();
      }
    }
    return environment
        .variable(v.name())
        .orElseThrow(() -> error(v, "unknown variable '" + v.name() + "'", null));
  }

  private Value unary(Expr.Unary u, Value operand) {
    return switch (u.op()) {
      case NEG -> new Value.Num(number(u, operand, "-").negate(context));
      case NOT -> Value.of(!bool(u, operand, "not"));
    };
  }

  private Value binary(Expr.Binary b, Scope scope) {
    Value left = eval(b.left(), scope);
    BinaryOp op = b.op();
    if (op == BinaryOp.AND || op == BinaryOp.OR) {
      boolean l = bool(b, left, op.symbol());
      if (l == (op == BinaryOp.OR)) {
        return Value.of(l); // short circuit: the right side is not evaluated
      }
      return Value.of(bool(b, eval(b.right(), scope), op.symbol()));
    }
    Value right = eval(b.right(), scope);
    try {
      return switch (op) {
        case EQ -> Value.of(same(left, right));
        case NE -> Value.of(!same(left, right));
        case LT, LE, GT, GE -> Value.of(compare(b, left, right));
        case ADD -> add(b, left, right);
        case SUB -> new Value.Num(number(b, left, "-").subtract(number(b, right, "-"), context));
        case MUL -> new Value.Num(number(b, left, "*").multiply(number(b, right, "*"), context));
        case DIV -> new Value.Num(number(b, left, "/").divide(divisor(b, right, "/"), context));
        case REM -> new Value.Num(number(b, left, "%").remainder(divisor(b, right, "%"), context));
        case POW -> power(b, number(b, left, "^"), number(b, right, "^"));
        case AND, OR -> throw new AssertionError(op);
      };
    } catch (ArithmeticException e) {
      throw error(b, "result out of range: " + e.getMessage(), e);
    }
  }

  private Value add(Expr.Binary b, Value left, Value right) {
    if (left instanceof Value.Str l && right instanceof Value.Str r) {
      if ((long) l.value().length() + r.value().length() > MAX_STRING_LENGTH) {
        throw error(b, "string longer than " + MAX_STRING_LENGTH + " characters", null);
      }
      return new Value.Str(l.value() + r.value());
    }
    if (left instanceof Value.Num l && right instanceof Value.Num r) {
      return new Value.Num(l.value().add(r.value(), context));
    }
    throw error(
        b,
        "'+' adds two numbers or joins two strings, not a "
            + left.typeName()
            + " and a "
            + right.typeName(),
        null);
  }

  private BigDecimal divisor(Expr.Binary b, Value right, String symbol) {
    BigDecimal divisor = number(b, right, symbol);
    if (divisor.signum() == 0) {
      throw error(b, "division by zero", null);
    }
    return divisor;
  }

  private Value power(Expr.Binary b, BigDecimal base, BigDecimal exponent) {
    int n;
    try {
      n = exponent.intValueExact();
    } catch (ArithmeticException e) {
      throw error(b, "the exponent must be a whole number: " + exponent.toPlainString(), e);
    }
    if (Math.abs(n) > 999_999_999) {
      throw error(b, "the exponent must be within ±999999999: " + n, null);
    }
    if (n < 0 && base.signum() == 0) {
      throw error(b, "division by zero", null);
    }
    return new Value.Num(base.pow(n, context));
  }

  private static boolean same(Value left, Value right) {
    if (left instanceof Value.Num l && right instanceof Value.Num r) {
      return l.value().compareTo(r.value()) == 0;
    }
    return left.equals(right);
  }

  private boolean compare(Expr.Binary b, Value left, Value right) {
    int order;
    if (left instanceof Value.Num l && right instanceof Value.Num r) {
      order = l.value().compareTo(r.value());
    } else if (left instanceof Value.Str l && right instanceof Value.Str r) {
      order = l.value().compareTo(r.value());
    } else {
      throw error(
          b,
          "'"
              + b.op().symbol()
              + "' compares two numbers or two strings, not a "
              + left.typeName()
              + " and a "
              + right.typeName(),
          null);
    }
    return switch (b.op()) {
      case LT -> order < 0;
      case LE -> order <= 0;
      case GT -> order > 0;
      default -> order >= 0;
    };
  }

  private Value call(Expr.Call c, Scope scope) {
    Environment.Declared declared = environment.function(c.function());
    if (declared == null) {
      throw error(c, "unknown function '" + c.function() + "'", null);
    }
    if (declared.arity() != c.arguments().size()) {
      throw error(
          c,
          c.function()
              + " takes "
              + declared.arity()
              + " argument"
              + (declared.arity() == 1 ? "" : "s")
              + ", not "
              + c.arguments().size(),
          null);
    }
    List<Value> arguments = new ArrayList<>(c.arguments().size());
    for (Expr argument : c.arguments()) {
      arguments.add(eval(argument, scope));
    }
    Value result;
    try {
      result = declared.function().apply(List.copyOf(arguments));
    } catch (EvaluationException e) {
      throw e;
    } catch (RuntimeException e) {
      throw error(c, "function " + c.function() + " failed: " + e, e);
    }
    if (result == null) {
      throw error(c, "function " + c.function() + " returned null", null);
    }
    return result;
  }

  private BigDecimal number(Expr at, Value value, String symbol) {
    if (value instanceof Value.Num n) {
      return n.value();
    }
    throw error(at, "'" + symbol + "' needs a number, not a " + value.typeName(), null);
  }

  private boolean bool(Expr at, Value value, String symbol) {
    if (value instanceof Value.Bool b) {
      return b.value();
    }
    throw error(at, "'" + symbol + "' needs a boolean, not a " + value.typeName(), null);
  }

  private EvaluationException error(Expr at, String problem, Throwable cause) {
    Integer position = positions.get(at);
    return new EvaluationException(problem, source, position == null ? -1 : position, cause);
  }
}
