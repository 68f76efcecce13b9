package org.interviewtasks.senior.advanced.sql;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.interviewtasks.senior.advanced.sql.Ast.JoinType;

/**
 * What a query computes, as a tree of relational operators, before any choice of algorithm: the
 * {@link Planner} builds it from the syntax tree, pushes filters down, and turns it into a {@link
 * PhysicalPlan}. Every operator's output row is an {@code Object[]} laid out as {@link #fields()}.
 */
sealed interface LogicalPlan {

  /** A column of an operator's output: its canonical name and type. */
  record Field(String name, SqlType type) {}

  /** The columns of the output rows, in order. */
  List<Field> fields();

  /** The inputs of this operator. */
  List<LogicalPlan> inputs();

  /** One line describing this operator (without its inputs). */
  String describe();

  /** Every row of a table. */
  record Scan(Table table, String alias) implements LogicalPlan {
    @Override
    public List<Field> fields() {
      return table.columns().stream()
          .map(c -> new Field(alias + "." + c.name(), c.type()))
          .toList();
    }

    @Override
    public List<LogicalPlan> inputs() {
      return List.of();
    }

    @Override
    public String describe() {
      return "Scan " + table.name() + (alias.equals(table.name()) ? "" : " AS " + alias);
    }
  }

  /** One row of no columns: the input of {@code SELECT} without {@code FROM}. */
  record OneRow() implements LogicalPlan {
    @Override
    public List<Field> fields() {
      return List.of();
    }

    @Override
    public List<LogicalPlan> inputs() {
      return List.of();
    }

    @Override
    public String describe() {
      return "OneRow";
    }
  }

  /** A join; output rows are a left row followed by a right row; {@code condition} may be null. */
  record Join(JoinType type, LogicalPlan left, LogicalPlan right, Bound condition)
      implements LogicalPlan {
    @Override
    public List<Field> fields() {
      List<Field> all = new ArrayList<>(left.fields());
      all.addAll(right.fields());
      return all;
    }

    @Override
    public List<LogicalPlan> inputs() {
      return List.of(left, right);
    }

    @Override
    public String describe() {
      return "Join " + type + (condition == null ? "" : " ON " + condition.sql());
    }
  }

  /** The rows for which {@code predicate} is TRUE (not FALSE, not NULL). */
  record Filter(LogicalPlan input, Bound predicate) implements LogicalPlan {
    @Override
    public List<Field> fields() {
      return input.fields();
    }

    @Override
    public List<LogicalPlan> inputs() {
      return List.of(input);
    }

    @Override
    public String describe() {
      return "Filter " + predicate.sql();
    }
  }

  /** One row per group of equal keys: the keys, then the aggregates. */
  record Aggregate(LogicalPlan input, List<Bound> keys, List<Aggregates.Call> aggregates)
      implements LogicalPlan {
    @Override
    public List<Field> fields() {
      List<Field> all = new ArrayList<>();
      keys.forEach(k -> all.add(new Field(k.sql(), k.type())));
      aggregates.forEach(a -> all.add(new Field(a.sql(), a.type())));
      return all;
    }

    @Override
    public List<LogicalPlan> inputs() {
      return List.of(input);
    }

    @Override
    public String describe() {
      return "Aggregate"
          + (keys.isEmpty()
              ? ""
              : " by " + keys.stream().map(Bound::sql).collect(Collectors.joining(", ")))
          + (aggregates.isEmpty()
              ? ""
              : " computing "
                  + aggregates.stream()
                      .map(Aggregates.Call::sql)
                      .collect(Collectors.joining(", ")));
    }
  }

  /** Computes the output expressions of each row. */
  record Project(LogicalPlan input, List<Bound> exprs, List<String> names) implements LogicalPlan {
    @Override
    public List<Field> fields() {
      List<Field> all = new ArrayList<>();
      for (int i = 0; i < exprs.size(); i++) {
        all.add(new Field(names.get(i), exprs.get(i).type()));
      }
      return all;
    }

    @Override
    public List<LogicalPlan> inputs() {
      return List.of(input);
    }

    @Override
    public String describe() {
      List<String> items = new ArrayList<>();
      for (int i = 0; i < exprs.size(); i++) {
        String expr = exprs.get(i).sql();
        items.add(expr.equals(names.get(i)) ? expr : expr + " AS " + names.get(i));
      }
      return "Project " + String.join(", ", items);
    }
  }

  /** Drops repeated rows (NULLs equal to each other here, as in {@code DISTINCT}). */
  record Distinct(LogicalPlan input) implements LogicalPlan {
    @Override
    public List<Field> fields() {
      return input.fields();
    }

    @Override
    public List<LogicalPlan> inputs() {
      return List.of(input);
    }

    @Override
    public String describe() {
      return "Distinct";
    }
  }

  /** One sort key: a column of the input, its direction, and where NULLs go. */
  record SortKey(int index, String name, boolean descending, boolean nullsFirst) {
    String sql() {
      return name + (descending ? " DESC" : " ASC") + (nullsFirst ? " NULLS FIRST" : " NULLS LAST");
    }
  }

  /** Orders the rows (stable). */
  record Sort(LogicalPlan input, List<SortKey> keys) implements LogicalPlan {
    @Override
    public List<Field> fields() {
      return input.fields();
    }

    @Override
    public List<LogicalPlan> inputs() {
      return List.of(input);
    }

    @Override
    public String describe() {
      return "Sort " + keys.stream().map(SortKey::sql).collect(Collectors.joining(", "));
    }
  }

  /** Skips {@code offset} rows, then keeps at most {@code limit} ({@code null}: all). */
  record Limit(LogicalPlan input, long offset, Long limit) implements LogicalPlan {
    @Override
    public List<Field> fields() {
      return input.fields();
    }

    @Override
    public List<LogicalPlan> inputs() {
      return List.of(input);
    }

    @Override
    public String describe() {
      return "Limit"
          + (limit == null ? "" : " " + limit)
          + (offset == 0 ? "" : " offset " + offset);
    }
  }

  /** The plan as indented text, one operator per line, inputs below their consumer. */
  static String explain(LogicalPlan plan) {
    StringBuilder text = new StringBuilder();
    explain(plan, 0, text);
    return text.toString();
  }

  private static void explain(LogicalPlan plan, int depth, StringBuilder text) {
    text.append("  ".repeat(depth)).append(plan.describe()).append('\n');
    for (LogicalPlan input : plan.inputs()) {
      explain(input, depth + 1, text);
    }
  }
}
