package org.interviewtasks.senior.advanced.sql;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.interviewtasks.senior.advanced.sql.Ast.Aggregate;
import org.interviewtasks.senior.advanced.sql.Ast.AggregateFn;
import org.interviewtasks.senior.advanced.sql.Ast.BinaryOp;
import org.interviewtasks.senior.advanced.sql.Ast.ColumnRef;
import org.interviewtasks.senior.advanced.sql.Ast.Expr;
import org.interviewtasks.senior.advanced.sql.Ast.From;
import org.interviewtasks.senior.advanced.sql.Ast.JoinType;
import org.interviewtasks.senior.advanced.sql.Ast.Literal;
import org.interviewtasks.senior.advanced.sql.Ast.Nulls;
import org.interviewtasks.senior.advanced.sql.Ast.OrderItem;
import org.interviewtasks.senior.advanced.sql.Ast.Select;
import org.interviewtasks.senior.advanced.sql.Ast.SelectItem;
import org.interviewtasks.senior.advanced.sql.Ast.Star;
import org.interviewtasks.senior.advanced.sql.Ast.TableRef;
import org.interviewtasks.senior.advanced.sql.LogicalPlan.SortKey;
import org.interviewtasks.senior.advanced.sql.SqlException.Kind;

/**
 * Binds a parsed {@code SELECT} to the tables (names to row positions, types checked, aggregates
 * located), builds its {@link LogicalPlan}, rewrites it (filters pushed towards the scans, join
 * conditions found in {@code WHERE}) and chooses the {@link PhysicalPlan}.
 *
 * <p>The logical plan of a query is always, bottom up: scans and joins, the {@code WHERE} filter,
 * the aggregation and the {@code HAVING} filter (if the query groups or aggregates), the projection
 * of the select list plus any {@code ORDER BY} expressions not in it (hidden columns), {@code
 * DISTINCT}, the sort, the limit, and a last projection that drops hidden columns.
 */
final class Planner {

  private final Map<String, Table> tables;
  private final String sql;

  Planner(Map<String, Table> tables, String sql) {
    this.tables = tables;
    this.sql = sql;
  }

  /** The result of planning: column names and types, and both plans. */
  record Plan(
      List<String> names, List<SqlType> types, LogicalPlan logical, PhysicalPlan physical) {}

  /** A column visible to expressions: its table alias, its name, its type. */
  private record ScopeColumn(String alias, String column, SqlType type) {
    String qualified() {
      return alias + "." + column;
    }
  }

  /** How to bind expressions in one clause. */
  private record Context(
      List<ScopeColumn> scope,
      String clause,
      boolean aggregatesAllowed,
      List<Bound> groupKeys,
      List<Aggregates.Call> aggregates) {

    boolean grouped() {
      return groupKeys != null;
    }

    /** The same scope before aggregation, where aggregates are not allowed. */
    Context plain(String inClause) {
      return new Context(scope, inClause, false, null, null);
    }
  }

  Plan plan(Select select) {
    List<ScopeColumn> scope = new ArrayList<>();
    LogicalPlan plan =
        select.from() == null
            ? new LogicalPlan.OneRow()
            : from(select.from(), scope, new HashSet<>());

    if (select.where() != null) {
      Bound where = bind(select.where(), new Context(scope, "WHERE", false, null, null));
      checkBoolean(where, select.where(), "WHERE");
      plan = new LogicalPlan.Filter(plan, where);
    }

    boolean grouped =
        !select.groupBy().isEmpty()
            || select.having() != null
            || select.items().stream().anyMatch(i -> containsAggregate(i.expr()))
            || select.orderBy().stream().anyMatch(o -> containsAggregate(o.expr()));
    Context context;
    if (grouped) {
      List<Bound> keys = new ArrayList<>();
      for (Expr key : select.groupBy()) {
        Bound bound = bindGroupKey(key, select, scope);
        if (!keys.contains(bound)) {
          keys.add(bound);
        }
      }
      List<Aggregates.Call> aggregates = new ArrayList<>();
      context = new Context(scope, "the select list", true, keys, aggregates);
      // Bind the select list, HAVING and ORDER BY first: they register the aggregates.
    } else {
      context = new Context(scope, "the select list", false, null, null);
    }

    List<Bound> outputs = new ArrayList<>();
    List<String> names = new ArrayList<>();
    List<Integer> itemOutput = new ArrayList<>();
    for (SelectItem item : select.items()) {
      itemOutput.add(outputs.size());
      if (item.expr() instanceof Star star) {
        for (ScopeColumn column : starColumns(star, scope)) {
          ColumnRef ref = new ColumnRef(column.alias(), column.column(), star.position());
          outputs.add(bind(ref, context));
          names.add(column.column());
        }
      } else {
        outputs.add(bind(item.expr(), context));
        names.add(item.alias() != null ? item.alias() : label(item.expr()));
      }
    }

    Bound having = null;
    if (select.having() != null) {
      Context havingContext =
          new Context(scope, "HAVING", true, context.groupKeys(), context.aggregates());
      having = bind(select.having(), havingContext);
      checkBoolean(having, select.having(), "HAVING");
    }

    List<SortKey> sortKeys = new ArrayList<>();
    List<Bound> hidden = new ArrayList<>();
    for (OrderItem item : select.orderBy()) {
      int index = orderColumn(item, select, itemOutput, outputs, hidden, context);
      boolean nullsFirst =
          item.nulls() == Nulls.DEFAULT ? !item.descending() : item.nulls() == Nulls.FIRST;
      String name =
          index < names.size() ? names.get(index) : hidden.get(index - names.size()).sql();
      sortKeys.add(new SortKey(index, name, item.descending(), nullsFirst));
    }

    if (grouped) {
      plan =
          new LogicalPlan.Aggregate(plan, context.groupKeys(), List.copyOf(context.aggregates()));
      if (having != null) {
        plan = new LogicalPlan.Filter(plan, having);
      }
    }
    List<Bound> projected = new ArrayList<>(outputs);
    projected.addAll(hidden);
    List<String> projectedNames = new ArrayList<>(names);
    hidden.forEach(h -> projectedNames.add(h.sql()));
    plan = new LogicalPlan.Project(plan, projected, projectedNames);
    if (select.distinct()) {
      plan = new LogicalPlan.Distinct(plan);
    }
    if (!sortKeys.isEmpty()) {
      plan = new LogicalPlan.Sort(plan, List.copyOf(sortKeys));
    }
    if (select.limit() != null || select.offset() != null) {
      plan =
          new LogicalPlan.Limit(
              plan, select.offset() == null ? 0 : select.offset(), select.limit());
    }
    if (!hidden.isEmpty()) {
      List<Bound> visible = new ArrayList<>();
      for (int i = 0; i < outputs.size(); i++) {
        visible.add(new Bound.Col(i, names.get(i), outputs.get(i).type()));
      }
      plan = new LogicalPlan.Project(plan, visible, names);
    }
    LogicalPlan optimized = pushDown(plan);
    return new Plan(
        List.copyOf(names),
        outputs.stream().map(Bound::type).toList(),
        optimized,
        physical(optimized));
  }

  // ---------------------------------------------------------------- FROM

  private LogicalPlan from(From from, List<ScopeColumn> scope, Set<String> aliases) {
    return switch (from) {
      case TableRef ref -> scan(ref, scope, aliases);
      case Ast.Join join -> {
        LogicalPlan left = from(join.left(), scope, aliases);
        LogicalPlan right = scan(join.right(), scope, aliases);
        Bound condition = null;
        if (join.on() != null) {
          condition = bind(join.on(), new Context(scope, "ON", false, null, null));
          checkBoolean(condition, join.on(), "ON");
        }
        yield new LogicalPlan.Join(join.type(), left, right, condition);
      }
    };
  }

  private LogicalPlan scan(TableRef ref, List<ScopeColumn> scope, Set<String> aliases) {
    Table table = tables.get(ref.table().toLowerCase(Locale.ROOT));
    if (table == null) {
      throw error(Kind.UNKNOWN_TABLE, "unknown table " + ref.table(), ref.position());
    }
    if (!aliases.add(ref.alias().toLowerCase(Locale.ROOT))) {
      throw error(
          Kind.DUPLICATE_ALIAS,
          "table name or alias " + ref.alias() + " is used twice in FROM",
          ref.position());
    }
    for (Table.Column column : table.columns()) {
      scope.add(new ScopeColumn(ref.alias(), column.name(), column.type()));
    }
    return new LogicalPlan.Scan(table, ref.alias());
  }

  private List<ScopeColumn> starColumns(Star star, List<ScopeColumn> scope) {
    if (star.table() == null) {
      if (scope.isEmpty()) {
        throw error(Kind.INVALID_QUERY, "SELECT * needs a FROM clause", star.position());
      }
      return scope;
    }
    List<ScopeColumn> columns =
        scope.stream().filter(c -> c.alias().equalsIgnoreCase(star.table())).toList();
    if (columns.isEmpty()) {
      throw error(Kind.UNKNOWN_TABLE, "unknown table or alias " + star.table(), star.position());
    }
    return columns;
  }

  // ---------------------------------------------------------------- GROUP BY, ORDER BY

  private Bound bindGroupKey(Expr key, Select select, List<ScopeColumn> scope) {
    if (containsAggregate(key)) {
      throw error(
          Kind.AGGREGATE_MISUSE, "aggregate functions are not allowed in GROUP BY", key.position());
    }
    try {
      return bind(key, new Context(scope, "GROUP BY", false, null, null));
    } catch (SqlException e) {
      // GROUP BY may name a select-list alias, as H2 and PostgreSQL allow.
      if (e.kind() == Kind.UNKNOWN_COLUMN && key instanceof ColumnRef ref && ref.table() == null) {
        for (SelectItem item : select.items()) {
          if (ref.column().equalsIgnoreCase(item.alias()) && !containsAggregate(item.expr())) {
            return bind(item.expr(), new Context(scope, "GROUP BY", false, null, null));
          }
        }
      }
      throw e;
    }
  }

  /** The projected column an ORDER BY item sorts by, adding a hidden column if needed. */
  private int orderColumn(
      OrderItem item,
      Select select,
      List<Integer> itemOutput,
      List<Bound> outputs,
      List<Bound> hidden,
      Context context) {
    Expr expr = item.expr();
    if (expr instanceof Literal literal && literal.type() == SqlType.INTEGER) {
      long position = (Long) literal.value();
      if (position < 1 || position > outputs.size()) {
        throw error(
            Kind.INVALID_QUERY,
            "ORDER BY position "
                + position
                + " is not in the select list (1.."
                + outputs.size()
                + ")",
            expr.position());
      }
      return (int) position - 1;
    }
    if (expr instanceof ColumnRef ref && ref.table() == null) {
      for (int i = 0; i < select.items().size(); i++) {
        if (ref.column().equalsIgnoreCase(select.items().get(i).alias())) {
          return itemOutput.get(i);
        }
      }
    }
    Context orderContext =
        new Context(
            context.scope(),
            "ORDER BY",
            context.grouped(),
            context.groupKeys(),
            context.aggregates());
    Bound bound = bind(expr, orderContext);
    int found = outputs.indexOf(bound);
    if (found >= 0) {
      return found;
    }
    if (select.distinct()) {
      throw error(
          Kind.INVALID_QUERY,
          "with SELECT DISTINCT, ORDER BY expression "
              + Ast.sql(expr)
              + " must be in the select list",
          expr.position());
    }
    int hiddenIndex = hidden.indexOf(bound);
    if (hiddenIndex < 0) {
      hidden.add(bound);
      hiddenIndex = hidden.size() - 1;
    }
    return outputs.size() + hiddenIndex;
  }

  // ---------------------------------------------------------------- expressions

  private Bound bind(Expr expr, Context context) {
    if (context.grouped() && !containsAggregate(expr)) {
      Bound plain = bind(expr, context.plain(context.clause()));
      int key = context.groupKeys().indexOf(plain);
      if (key >= 0) {
        return new Bound.Col(key, plain.sql(), plain.type());
      }
      if (expr instanceof ColumnRef) {
        throw error(
            Kind.AGGREGATE_MISUSE,
            "column "
                + plain.sql()
                + " must appear in GROUP BY or be used in an aggregate function",
            expr.position());
      }
      if (expr instanceof Literal) {
        return plain;
      }
    }
    return switch (expr) {
      case Literal l -> new Bound.Const(l.value(), l.type());
      case ColumnRef ref -> resolve(ref, context.scope());
      case Star star ->
          throw error(
              Kind.INVALID_QUERY,
              "* is allowed only as a select item or in COUNT(*)",
              star.position());
      case Ast.Unary u -> unary(u, context);
      case Ast.Binary b -> binary(b, context);
      case Ast.IsNull n -> new Bound.IsNull(bind(n.operand(), context), n.negated());
      case Ast.InList in -> {
        Bound operand = bind(in.operand(), context);
        List<Bound> items = new ArrayList<>();
        for (Expr item : in.items()) {
          Bound bound = bind(item, context);
          checkComparable(operand, bound, item.position(), "IN");
          items.add(bound);
        }
        yield new Bound.In(operand, List.copyOf(items), in.negated());
      }
      case Ast.Between b -> {
        Bound operand = bind(b.operand(), context);
        Bound low = bind(b.low(), context);
        Bound high = bind(b.high(), context);
        checkComparable(operand, low, b.position(), "BETWEEN");
        checkComparable(operand, high, b.position(), "BETWEEN");
        yield new Bound.Between(operand, low, high, b.negated());
      }
      case Ast.Like l -> {
        Bound operand = bind(l.operand(), context);
        Bound pattern = bind(l.pattern(), context);
        Bound escape = l.escape() == null ? null : bind(l.escape(), context);
        checkType(operand, SqlType.VARCHAR, l.operand().position(), "LIKE");
        checkType(pattern, SqlType.VARCHAR, l.pattern().position(), "LIKE");
        if (escape != null) {
          checkType(escape, SqlType.VARCHAR, l.escape().position(), "ESCAPE");
        }
        yield new Bound.Like(operand, pattern, escape, l.negated());
      }
      case Aggregate a -> aggregate(a, context);
      case Ast.Call c -> call(c, context);
      case Ast.Case c -> caseWhen(c, context);
    };
  }

  private Bound resolve(ColumnRef ref, List<ScopeColumn> scope) {
    List<Integer> matches = new ArrayList<>();
    if (ref.table() != null) {
      boolean aliasKnown = false;
      for (int i = 0; i < scope.size(); i++) {
        ScopeColumn column = scope.get(i);
        if (column.alias().equalsIgnoreCase(ref.table())) {
          aliasKnown = true;
          if (column.column().equalsIgnoreCase(ref.column())) {
            matches.add(i);
          }
        }
      }
      if (!aliasKnown) {
        throw error(
            Kind.UNKNOWN_TABLE,
            "unknown table or alias " + ref.table() + " in " + ref.table() + "." + ref.column(),
            ref.position());
      }
    } else {
      for (int i = 0; i < scope.size(); i++) {
        if (scope.get(i).column().equalsIgnoreCase(ref.column())) {
          matches.add(i);
        }
      }
    }
    String written = ref.table() == null ? ref.column() : ref.table() + "." + ref.column();
    if (matches.isEmpty()) {
      throw error(Kind.UNKNOWN_COLUMN, "unknown column " + written, ref.position());
    }
    if (matches.size() > 1) {
      throw error(
          Kind.AMBIGUOUS_COLUMN,
          "column "
              + written
              + " is ambiguous: "
              + String.join(" or ", matches.stream().map(i -> scope.get(i).qualified()).toList()),
          ref.position());
    }
    int index = matches.get(0);
    ScopeColumn column = scope.get(index);
    return new Bound.Col(index, column.qualified(), column.type());
  }

  private Bound unary(Ast.Unary u, Context context) {
    Bound operand = bind(u.operand(), context);
    if (u.op() == Ast.UnaryOp.NOT) {
      checkType(operand, SqlType.BOOLEAN, u.position(), "NOT");
      return new Bound.Not(operand);
    }
    if (!operand.type().numeric()) {
      throw error(
          Kind.TYPE_MISMATCH, "cannot negate a value of type " + operand.type(), u.position());
    }
    return new Bound.Neg(
        operand, operand.type() == SqlType.NULL ? SqlType.INTEGER : operand.type());
  }

  private Bound binary(Ast.Binary b, Context context) {
    Bound left = bind(b.left(), context);
    Bound right = bind(b.right(), context);
    BinaryOp op = b.op();
    if (op.arithmetic()) {
      if (!left.type().numeric() || !right.type().numeric()) {
        throw error(
            Kind.TYPE_MISMATCH,
            "operator " + op.sql + " needs numbers, not " + left.type() + " and " + right.type(),
            b.position());
      }
      SqlType type =
          left.type() == SqlType.DOUBLE || right.type() == SqlType.DOUBLE
              ? SqlType.DOUBLE
              : SqlType.INTEGER;
      return new Bound.Arith(op, left, right, type);
    }
    if (op == BinaryOp.CONCAT) {
      checkType(left, SqlType.VARCHAR, b.position(), "||");
      checkType(right, SqlType.VARCHAR, b.position(), "||");
      return new Bound.Concat(left, right);
    }
    if (op.comparison()) {
      checkComparable(left, right, b.position(), op.sql);
      return new Bound.Compare(op, left, right);
    }
    checkType(left, SqlType.BOOLEAN, b.position(), op.sql);
    checkType(right, SqlType.BOOLEAN, b.position(), op.sql);
    return op == BinaryOp.AND ? new Bound.And(left, right) : new Bound.Or(left, right);
  }

  private Bound aggregate(Aggregate a, Context context) {
    if (!context.aggregatesAllowed()) {
      String where =
          context.clause().equals("an aggregate")
              ? "aggregate functions cannot be nested"
              : "aggregate function " + a.fn() + " is not allowed in " + context.clause();
      throw error(Kind.AGGREGATE_MISUSE, where, a.position());
    }
    Bound argument = null;
    if (a.argument() != null) {
      if (a.argument() instanceof Star) {
        throw error(Kind.SYNTAX, a.fn() + "(*) is not valid; only COUNT(*) is", a.position());
      }
      argument = bind(a.argument(), context.plain("an aggregate"));
      if ((a.fn() == AggregateFn.SUM || a.fn() == AggregateFn.AVG) && !argument.type().numeric()) {
        throw error(
            Kind.TYPE_MISMATCH,
            a.fn() + " needs a number, not " + argument.type(),
            a.argument().position());
      }
    }
    Aggregates.Call call = new Aggregates.Call(a.fn(), argument, a.distinct());
    int index = context.aggregates().indexOf(call);
    if (index < 0) {
      context.aggregates().add(call);
      index = context.aggregates().size() - 1;
    }
    return new Bound.Col(context.groupKeys().size() + index, call.sql(), call.type());
  }

  private Bound call(Ast.Call c, Context context) {
    List<Bound> arguments = new ArrayList<>();
    for (Expr argument : c.arguments()) {
      arguments.add(bind(argument, context));
    }
    return switch (c.name()) {
      case "COALESCE" -> {
        if (arguments.isEmpty()) {
          throw error(Kind.INVALID_QUERY, "COALESCE needs at least one argument", c.position());
        }
        SqlType type = commonType(arguments, c.position(), "COALESCE");
        yield new Bound.Call(c.name(), widen(arguments, type), type);
      }
      case "NULLIF" -> {
        arity(c, arguments, 2);
        checkComparable(arguments.get(0), arguments.get(1), c.position(), "NULLIF");
        yield new Bound.Call(c.name(), arguments, arguments.get(0).type());
      }
      case "ABS" -> {
        arity(c, arguments, 1);
        if (!arguments.get(0).type().numeric()) {
          throw error(
              Kind.TYPE_MISMATCH,
              "ABS needs a number, not " + arguments.get(0).type(),
              c.position());
        }
        SqlType type = arguments.get(0).type() == SqlType.DOUBLE ? SqlType.DOUBLE : SqlType.INTEGER;
        yield new Bound.Call(c.name(), arguments, type);
      }
      case "UPPER", "LOWER", "LENGTH" -> {
        arity(c, arguments, 1);
        checkType(arguments.get(0), SqlType.VARCHAR, c.position(), c.name());
        yield new Bound.Call(
            c.name(), arguments, c.name().equals("LENGTH") ? SqlType.INTEGER : SqlType.VARCHAR);
      }
      default -> throw error(Kind.SYNTAX, "unknown function " + c.name(), c.position());
    };
  }

  private Bound caseWhen(Ast.Case c, Context context) {
    List<Bound> conditions = new ArrayList<>();
    List<Bound> results = new ArrayList<>();
    for (int i = 0; i < c.conditions().size(); i++) {
      Bound condition = bind(c.conditions().get(i), context);
      checkBoolean(condition, c.conditions().get(i), "WHEN");
      conditions.add(condition);
      results.add(bind(c.results().get(i), context));
    }
    Bound otherwise = c.otherwise() == null ? null : bind(c.otherwise(), context);
    List<Bound> all = new ArrayList<>(results);
    if (otherwise != null) {
      all.add(otherwise);
    }
    SqlType type = commonType(all, c.position(), "CASE");
    return new Bound.Case(
        conditions,
        widen(results, type),
        otherwise == null ? null : widen(List.of(otherwise), type).get(0),
        type);
  }

  private void arity(Ast.Call c, List<Bound> arguments, int expected) {
    if (arguments.size() != expected) {
      throw error(
          Kind.INVALID_QUERY,
          c.name()
              + " takes "
              + expected
              + " argument"
              + (expected == 1 ? "" : "s")
              + ", not "
              + arguments.size(),
          c.position());
    }
  }

  private SqlType commonType(List<Bound> exprs, int position, String what) {
    SqlType type = SqlType.NULL;
    for (Bound expr : exprs) {
      SqlType t = expr.type();
      if (t == SqlType.NULL || t == type) {
        continue;
      }
      if (type == SqlType.NULL) {
        type = t;
      } else if (type.numeric() && t.numeric()) {
        type = SqlType.DOUBLE;
      } else {
        throw error(
            Kind.TYPE_MISMATCH, what + " mixes values of types " + type + " and " + t, position);
      }
    }
    return type;
  }

  private static List<Bound> widen(List<Bound> exprs, SqlType type) {
    if (type != SqlType.DOUBLE) {
      return List.copyOf(exprs);
    }
    return exprs.stream()
        .map(e -> e.type() == SqlType.INTEGER ? (Bound) new Bound.ToDouble(e) : e)
        .toList();
  }

  private void checkBoolean(Bound bound, Expr expr, String clause) {
    if (bound.type() != SqlType.BOOLEAN && bound.type() != SqlType.NULL) {
      throw error(
          Kind.TYPE_MISMATCH,
          clause + " needs a condition (BOOLEAN), not " + bound.type(),
          expr.position());
    }
  }

  private void checkType(Bound bound, SqlType expected, int position, String what) {
    if (bound.type() != expected && bound.type() != SqlType.NULL) {
      throw error(
          Kind.TYPE_MISMATCH, what + " needs " + expected + ", not " + bound.type(), position);
    }
  }

  private void checkComparable(Bound left, Bound right, int position, String what) {
    if (!left.type().comparableWith(right.type())) {
      throw error(
          Kind.TYPE_MISMATCH,
          "cannot compare " + left.type() + " with " + right.type() + " (" + what + ")",
          position);
    }
  }

  private static boolean containsAggregate(Expr expr) {
    if (expr instanceof Aggregate) {
      return true;
    }
    for (Expr child : Ast.children(expr)) {
      if (containsAggregate(child)) {
        return true;
      }
    }
    return false;
  }

  private static String label(Expr expr) {
    return expr instanceof ColumnRef ref ? ref.column() : Ast.sql(expr);
  }

  private SqlException error(Kind kind, String problem, int position) {
    return new SqlException(kind, problem, position, sql);
  }

  // ---------------------------------------------------------------- rewriting

  /** Moves filter conjuncts as close to the scans as they can go without changing the result. */
  static LogicalPlan pushDown(LogicalPlan plan) {
    return switch (plan) {
      case LogicalPlan.Filter f -> pushFilter(pushDown(f.input()), Bound.conjuncts(f.predicate()));
      case LogicalPlan.Join j -> {
        LogicalPlan left = pushDown(j.left());
        LogicalPlan right = pushDown(j.right());
        if (j.condition() == null) {
          yield new LogicalPlan.Join(j.type(), left, right, null);
        }
        int width = left.fields().size();
        List<Bound> keep = new ArrayList<>();
        List<Bound> toLeft = new ArrayList<>();
        List<Bound> toRight = new ArrayList<>();
        for (Bound conjunct : Bound.conjuncts(j.condition())) {
          BitSet used = Bound.columns(conjunct);
          boolean leftOnly = used.isEmpty() || used.length() <= width;
          boolean rightOnly = !used.isEmpty() && used.nextSetBit(0) >= width;
          if (rightOnly) {
            // For INNER and LEFT joins alike, an ON conjunct over the right side only filters
            // the rows that may match.
            toRight.add(Bound.remap(conjunct, i -> i - width));
          } else if (leftOnly && !used.isEmpty() && j.type() == JoinType.INNER) {
            toLeft.add(conjunct);
          } else {
            keep.add(conjunct);
          }
        }
        yield new LogicalPlan.Join(
            j.type(), pushFilter(left, toLeft), pushFilter(right, toRight), Bound.and(keep));
      }
      case LogicalPlan.Aggregate a ->
          new LogicalPlan.Aggregate(pushDown(a.input()), a.keys(), a.aggregates());
      case LogicalPlan.Project p ->
          new LogicalPlan.Project(pushDown(p.input()), p.exprs(), p.names());
      case LogicalPlan.Distinct d -> new LogicalPlan.Distinct(pushDown(d.input()));
      case LogicalPlan.Sort s -> new LogicalPlan.Sort(pushDown(s.input()), s.keys());
      case LogicalPlan.Limit l -> new LogicalPlan.Limit(pushDown(l.input()), l.offset(), l.limit());
      case LogicalPlan.Scan s -> s;
      case LogicalPlan.OneRow o -> o;
    };
  }

  /** {@code input} filtered by the conjunction of {@code conjuncts}, pushed into joins. */
  private static LogicalPlan pushFilter(LogicalPlan input, List<Bound> conjuncts) {
    if (conjuncts.isEmpty()) {
      return input;
    }
    if (input instanceof LogicalPlan.Join j && j.type() != JoinType.LEFT) {
      int width = j.left().fields().size();
      List<Bound> toLeft = new ArrayList<>();
      List<Bound> toRight = new ArrayList<>();
      List<Bound> toJoin = new ArrayList<>();
      for (Bound conjunct : conjuncts) {
        BitSet used = Bound.columns(conjunct);
        if (used.isEmpty() || used.length() <= width) {
          toLeft.add(conjunct);
        } else if (used.nextSetBit(0) >= width) {
          toRight.add(Bound.remap(conjunct, i -> i - width));
        } else {
          toJoin.add(conjunct);
        }
      }
      List<Bound> condition = new ArrayList<>();
      if (j.condition() != null) {
        condition.addAll(Bound.conjuncts(j.condition()));
      }
      condition.addAll(toJoin);
      return new LogicalPlan.Join(
          condition.isEmpty() ? j.type() : JoinType.INNER,
          pushFilter(j.left(), toLeft),
          pushFilter(j.right(), toRight),
          Bound.and(condition));
    }
    if (input instanceof LogicalPlan.Join j) {
      int width = j.left().fields().size();
      List<Bound> toLeft = new ArrayList<>();
      List<Bound> keep = new ArrayList<>();
      for (Bound conjunct : conjuncts) {
        BitSet used = Bound.columns(conjunct);
        if (!used.isEmpty() && used.length() <= width) {
          toLeft.add(conjunct);
        } else {
          keep.add(conjunct);
        }
      }
      LogicalPlan join =
          new LogicalPlan.Join(j.type(), pushFilter(j.left(), toLeft), j.right(), j.condition());
      return keep.isEmpty() ? join : new LogicalPlan.Filter(join, Bound.and(keep));
    }
    if (input instanceof LogicalPlan.Filter f) {
      List<Bound> all = new ArrayList<>(Bound.conjuncts(f.predicate()));
      all.addAll(conjuncts);
      return new LogicalPlan.Filter(f.input(), Bound.and(all));
    }
    return new LogicalPlan.Filter(input, Bound.and(conjuncts));
  }

  // ---------------------------------------------------------------- physical planning

  /** Chooses an algorithm for each logical operator. */
  static PhysicalPlan physical(LogicalPlan plan) {
    return switch (plan) {
      case LogicalPlan.Scan s -> new PhysicalPlan.TableScan(s.table(), s.alias());
      case LogicalPlan.OneRow o -> new PhysicalPlan.OneRow();
      case LogicalPlan.Filter f -> new PhysicalPlan.Filter(physical(f.input()), f.predicate());
      case LogicalPlan.Join j -> join(j);
      case LogicalPlan.Aggregate a ->
          new PhysicalPlan.HashAggregate(physical(a.input()), a.keys(), a.aggregates());
      case LogicalPlan.Project p ->
          new PhysicalPlan.Project(physical(p.input()), p.exprs(), p.names());
      case LogicalPlan.Distinct d -> new PhysicalPlan.Distinct(physical(d.input()));
      case LogicalPlan.Sort s -> new PhysicalPlan.Sort(physical(s.input()), s.keys());
      case LogicalPlan.Limit l ->
          new PhysicalPlan.Limit(physical(l.input()), l.offset(), l.limit());
    };
  }

  private static PhysicalPlan join(LogicalPlan.Join j) {
    PhysicalPlan left = physical(j.left());
    PhysicalPlan right = physical(j.right());
    int width = j.left().fields().size();
    int rightWidth = j.right().fields().size();
    if (j.condition() == null) {
      return new PhysicalPlan.NestedLoopJoin(j.type(), left, right, null, rightWidth);
    }
    List<Bound> leftKeys = new ArrayList<>();
    List<Bound> rightKeys = new ArrayList<>();
    List<Bound> residual = new ArrayList<>();
    for (Bound conjunct : Bound.conjuncts(j.condition())) {
      if (conjunct instanceof Bound.Compare c && c.op() == BinaryOp.EQ) {
        BitSet a = Bound.columns(c.left());
        BitSet b = Bound.columns(c.right());
        Bound l = null;
        Bound r = null;
        if (!a.isEmpty() && !b.isEmpty() && a.length() <= width && b.nextSetBit(0) >= width) {
          l = c.left();
          r = c.right();
        } else if (!a.isEmpty()
            && !b.isEmpty()
            && b.length() <= width
            && a.nextSetBit(0) >= width) {
          l = c.right();
          r = c.left();
        }
        if (l != null) {
          if (l.type() != r.type()) {
            // INTEGER meets DOUBLE: hash both as doubles, so 1 and 1.0 find each other.
            l = l.type() == SqlType.INTEGER ? new Bound.ToDouble(l) : l;
            r = r.type() == SqlType.INTEGER ? new Bound.ToDouble(r) : r;
          }
          leftKeys.add(l);
          rightKeys.add(Bound.remap(r, i -> i - width));
          continue;
        }
      }
      residual.add(conjunct);
    }
    if (leftKeys.isEmpty()) {
      return new PhysicalPlan.NestedLoopJoin(j.type(), left, right, j.condition(), rightWidth);
    }
    boolean buildLeft = j.type() == JoinType.INNER && estimate(j.left()) < estimate(j.right());
    return new PhysicalPlan.HashJoin(
        j.type(),
        left,
        right,
        List.copyOf(leftKeys),
        List.copyOf(rightKeys),
        Bound.and(residual),
        rightWidth,
        buildLeft);
  }

  /** A rough row count: table sizes, a third kept by each filter, the larger side of a join. */
  private static long estimate(LogicalPlan plan) {
    return switch (plan) {
      case LogicalPlan.Scan s -> s.table().size();
      case LogicalPlan.OneRow o -> 1;
      case LogicalPlan.Filter f -> Math.max(1, estimate(f.input()) / 3);
      case LogicalPlan.Join j -> Math.max(estimate(j.left()), estimate(j.right()));
      default -> plan.inputs().stream().mapToLong(Planner::estimate).max().orElse(1);
    };
  }
}
