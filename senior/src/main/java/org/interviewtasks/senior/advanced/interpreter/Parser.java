package org.interviewtasks.senior.advanced.interpreter;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import org.interviewtasks.senior.advanced.interpreter.Expr.BinaryOp;
import org.interviewtasks.senior.advanced.interpreter.Expr.UnaryOp;
import org.interviewtasks.senior.advanced.interpreter.Lexer.Kind;
import org.interviewtasks.senior.advanced.interpreter.Lexer.Token;

/**
 * A Pratt (precedence-climbing) parser: {@link #expression(int)} parses an operand, then keeps
 * taking binary operators that bind at least as tightly as its argument. One instance per source.
 *
 * <p>Two counters keep the recursion finite: {@code depth}, the parser's own recursion (one per
 * parenthesis, prefix operator, {@code if}, ...), and the height of the tree being built, which a
 * long chain such as {@code 1+1+...+1} grows without any recursion here but which the evaluator and
 * the printer will recurse over. Either beyond {@link ExpressionInterpreter#MAX_DEPTH} is a {@link
 * ParseException}.
 */
final class Parser {

  private final String source;
  private final Lexer lexer;
  private final IdentityHashMap<Expr, Integer> positions = new IdentityHashMap<>();
  private final IdentityHashMap<Expr, Integer> heights = new IdentityHashMap<>();
  private Token token;
  private int depth;

  Parser(String source) {
    this.source = source;
    this.lexer = new Lexer(source);
    this.token = lexer.next();
  }

  Program parse() {
    if (token.kind() == Kind.EOF) {
      throw lexer.error(token.start(), "empty program");
    }
    Expr expr = expression(1);
    if (token.kind() != Kind.EOF) {
      throw lexer.error(
          token.start(),
          token.kind() == Kind.RPAREN ? "unmatched ')'" : "unexpected " + describe(token));
    }
    return new Program(source, expr, positions);
  }

  private Expr expression(int minLevel) {
    enter();
    Expr left = prefix();
    boolean compared = false;
    while (true) {
      BinaryOp op = binaryOp(token.kind());
      if (op == null || op.level() < minLevel) {
        break;
      }
      Token at = token;
      if (op.comparison() && compared) {
        throw lexer.error(at.start(), "comparisons do not chain: write a < b and b < c");
      }
      advance();
      int rightLevel = op == BinaryOp.POW ? BinaryOp.NEGATION : op.level() + 1;
      Expr right = expression(rightLevel);
      left = node(new Expr.Binary(op, left, right), at, left, right);
      compared = op.comparison();
    }
    depth--;
    return left;
  }

  private Expr prefix() {
    Token at = token;
    return switch (at.kind()) {
      case NUMBER -> {
        advance();
        yield node(new Expr.Num(at.number()), at);
      }
      case STRING -> {
        advance();
        yield node(new Expr.Str(at.text()), at);
      }
      case TRUE, FALSE -> {
        advance();
        yield node(new Expr.Bool(at.kind() == Kind.TRUE), at);
      }
      case IDENT -> {
        advance();
        if (token.kind() != Kind.LPAREN) {
          yield node(new Expr.Var(at.text()), at);
        }
        yield call(at);
      }
      case LPAREN -> {
        advance();
        Expr inner = expression(1);
        expect(Kind.RPAREN, "')'");
        yield inner;
      }
      case MINUS -> {
        advance();
        Expr operand = expression(BinaryOp.POW.level());
        yield node(new Expr.Unary(UnaryOp.NEG, operand), at, operand);
      }
      case NOT -> {
        advance();
        Expr operand = expression(BinaryOp.COMPARISON);
        yield node(new Expr.Unary(UnaryOp.NOT, operand), at, operand);
      }
      case IF -> {
        advance();
        Expr condition = expression(1);
        expect(Kind.THEN, "'then'");
        Expr whenTrue = expression(1);
        expect(Kind.ELSE, "'else'");
        Expr whenFalse = expression(1);
        yield node(new Expr.If(condition, whenTrue, whenFalse), at, condition, whenTrue, whenFalse);
      }
      case LET -> {
        advance();
        if (token.kind() != Kind.IDENT) {
          throw lexer.error(
              token.start(), "expected a name after 'let' but found " + describe(token));
        }
        String name = token.text();
        advance();
        expect(Kind.ASSIGN, "'='");
        Expr value = expression(1);
        expect(Kind.IN, "'in'");
        Expr body = expression(1);
        yield node(new Expr.Let(name, value, body), at, value, body);
      }
      default ->
          throw lexer.error(
              at.start(),
              at.kind() == Kind.EOF
                  ? "expected an expression at the end"
                  : "expected an expression but found " + describe(at));
    };
  }

  private Expr call(Token name) {
    advance(); // '('
    List<Expr> arguments = new ArrayList<>();
    if (token.kind() != Kind.RPAREN) {
      do {
        if (arguments.size() == Environment.MAX_ARITY) {
          throw lexer.error(token.start(), "more than " + Environment.MAX_ARITY + " arguments");
        }
        arguments.add(expression(1));
      } while (eat(Kind.COMMA));
    }
    expect(Kind.RPAREN, "',' or ')'");
    return node(new Expr.Call(name.text(), arguments), name, arguments.toArray(Expr[]::new));
  }

  /** Records a node's position and height, refusing a tree taller than the limit. */
  private Expr node(Expr expr, Token at, Expr... children) {
    int height = 0;
    for (Expr child : children) {
      height = Math.max(height, heights.get(child));
    }
    height++;
    if (height > ExpressionInterpreter.MAX_DEPTH) {
      throw lexer.error(
          at.start(),
          "expression nested deeper than " + ExpressionInterpreter.MAX_DEPTH + " levels");
    }
    positions.put(expr, at.start());
    heights.put(expr, height);
    return expr;
  }

  private void enter() {
    if (++depth > ExpressionInterpreter.MAX_DEPTH) {
      throw lexer.error(
          token.start(),
          "expression nested deeper than " + ExpressionInterpreter.MAX_DEPTH + " levels");
    }
  }

  private static BinaryOp binaryOp(Kind kind) {
    return switch (kind) {
      case OR -> BinaryOp.OR;
      case AND -> BinaryOp.AND;
      case EQ -> BinaryOp.EQ;
      case NE -> BinaryOp.NE;
      case LT -> BinaryOp.LT;
      case LE -> BinaryOp.LE;
      case GT -> BinaryOp.GT;
      case GE -> BinaryOp.GE;
      case PLUS -> BinaryOp.ADD;
      case MINUS -> BinaryOp.SUB;
      case STAR -> BinaryOp.MUL;
      case SLASH -> BinaryOp.DIV;
      case PERCENT -> BinaryOp.REM;
      case CARET -> BinaryOp.POW;
      default -> null;
    };
  }

  private void expect(Kind kind, String what) {
    if (token.kind() != kind) {
      throw lexer.error(
          token.start(),
          "expected "
              + what
              + (token.kind() == Kind.EOF ? " at the end" : " but found " + describe(token)));
    }
    advance();
  }

  private boolean eat(Kind kind) {
    if (token.kind() == kind) {
      advance();
      return true;
    }
    return false;
  }

  private void advance() {
    token = lexer.next();
  }

  private static String describe(Token token) {
    return switch (token.kind()) {
      case EOF -> "the end";
      case NUMBER -> "number " + token.text();
      case STRING -> "a string";
      case IDENT -> "name '" + token.text() + "'";
      default -> "'" + token.text() + "'";
    };
  }
}
