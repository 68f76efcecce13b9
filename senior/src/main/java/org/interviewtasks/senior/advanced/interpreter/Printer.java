package org.interviewtasks.senior.advanced.interpreter;

import java.util.Locale;
import org.interviewtasks.senior.advanced.interpreter.Expr.BinaryOp;
import org.interviewtasks.senior.advanced.interpreter.Expr.UnaryOp;

/**
 * Prints a tree as source that parses back to the same tree, with parentheses only where precedence
 * or associativity needs them. {@code if} and {@code let} extend as far right as they can, so as an
 * operand they are always parenthesized.
 */
final class Printer {

  private static final int ATOM = 9;
  private static final int OPEN = 0;

  private final StringBuilder out = new StringBuilder();
  private int depth;

  static String print(Expr expr) {
    Printer printer = new Printer();
    printer.print(expr, OPEN);
    return printer.out.toString();
  }

  private static int level(Expr expr) {
    return switch (expr) {
      case Expr.Num n -> ATOM;
      case Expr.Str s -> ATOM;
      case Expr.Bool b -> ATOM;
      case Expr.Var v -> ATOM;
      case Expr.Call c -> ATOM;
      case Expr.Unary u -> u.op() == UnaryOp.NEG ? BinaryOp.NEGATION : BinaryOp.NEGATION_LOGICAL;
      case Expr.Binary b -> b.op().level();
      case Expr.If i -> OPEN;
      case Expr.Let l -> OPEN;
    };
  }

  /** Prints {@code expr} where the parser would parse an expression of at least {@code min}. */
  private void print(Expr expr, int min) {
    if (++depth > ExpressionInterpreter.MAX_DEPTH) {
      throw new IllegalArgumentException(
          "expression nested deeper than " + ExpressionInterpreter.MAX_DEPTH + " levels");
    }
    boolean parens = min > OPEN && level(expr) < min;
    if (parens) {
      out.append('(');
    }
    switch (expr) {
      case Expr.Num n -> out.append(n.value());
      case Expr.Str s -> string(s.value());
      case Expr.Bool b -> out.append(b.value());
      case Expr.Var v -> out.append(v.name());
      case Expr.Call c -> {
        out.append(c.function()).append('(');
        for (int i = 0; i < c.arguments().size(); i++) {
          if (i > 0) {
            out.append(", ");
          }
          print(c.arguments().get(i), OPEN);
        }
        out.append(')');
      }
      case Expr.Unary u -> {
        if (u.op() == UnaryOp.NEG) {
          out.append('-');
          print(u.operand(), BinaryOp.POW.level());
        } else {
          out.append("not ");
          print(u.operand(), BinaryOp.COMPARISON);
        }
      }
      case Expr.Binary b -> {
        BinaryOp op = b.op();
        int leftMin = op == BinaryOp.POW || op.comparison() ? op.level() + 1 : op.level();
        int rightMin = op == BinaryOp.POW ? BinaryOp.NEGATION : op.level() + 1;
        print(b.left(), leftMin);
        out.append(' ').append(op.symbol()).append(' ');
        print(b.right(), rightMin);
      }
      case Expr.If i -> {
        out.append("if ");
        print(i.condition(), OPEN);
        out.append(" then ");
        print(i.whenTrue(), OPEN);
        out.append(" else ");
        print(i.whenFalse(), OPEN);
      }
      case Expr.Let l -> {
        out.append("let ").append(l.name()).append(" = ");
        print(l.value(), OPEN);
        out.append(" in ");
        print(l.body(), OPEN);
      }
    }
    if (parens) {
      out.append(')');
    }
    depth--;
  }

  private void string(String value) {
    out.append('"');
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\t' -> out.append("\\t");
        case '\r' -> out.append("\\r");
        default -> {
          if (c < 0x20 || c == 0x7f) {
            out.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append('"');
  }
}
