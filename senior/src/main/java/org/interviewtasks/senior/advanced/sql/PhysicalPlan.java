package org.interviewtasks.senior.advanced.sql;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.interviewtasks.senior.advanced.sql.Ast.JoinType;
import org.interviewtasks.senior.advanced.sql.LogicalPlan.SortKey;

/**
 * How a query is computed: operators chosen for each logical one (a hash join where the condition
 * has equalities between the two sides, a nested loop otherwise; hash aggregation), each producing
 * a lazy {@link Stream} of rows pulled by the operator above it. Only the build side of a join, the
 * groups of an aggregation, the seen rows of {@code DISTINCT} and a sort's input are held in
 * memory.
 */
sealed interface PhysicalPlan {

  /** The output rows; each call runs the operator again. */
  Stream<Object[]> execute();

  /** The inputs of this operator. */
  List<PhysicalPlan> inputs();

  /** One line describing this operator (without its inputs). */
  String describe();

  /** Reads a table's rows in place (rows are immutable and never copied). */
  record TableScan(Table table, String alias) implements PhysicalPlan {
    @Override
    public Stream<Object[]> execute() {
      return table.rawRows().stream();
    }

    @Override
    public List<PhysicalPlan> inputs() {
      return List.of();
    }

    @Override
    public String describe() {
      return "TableScan "
          + table.name()
          + (alias.equals(table.name()) ? "" : " AS " + alias)
          + " ("
          + table.size()
          + " rows)";
    }
  }

  /** A single row of no columns. */
  record OneRow() implements PhysicalPlan {
    @Override
    public Stream<Object[]> execute() {
      return Stream.<Object[]>of(new Object[0]);
    }

    @Override
    public List<PhysicalPlan> inputs() {
      return List.of();
    }

    @Override
    public String describe() {
      return "OneRow";
    }
  }

  /** Keeps the rows where the predicate is TRUE. */
  record Filter(PhysicalPlan input, Bound predicate) implements PhysicalPlan {
    @Override
    public Stream<Object[]> execute() {
      return input.execute().filter(row -> Boolean.TRUE.equals(predicate.eval(row)));
    }

    @Override
    public List<PhysicalPlan> inputs() {
      return List.of(input);
    }

    @Override
    public String describe() {
      return "Filter " + predicate.sql();
    }
  }

  /**
   * An equi-join: the build side's rows go into a hash table by key, each probe row looks up its
   * key, and {@code residual} (the rest of the condition, over the joined row) filters the
   * candidates. Rows with a NULL in their key never match. A LEFT join always builds the right
   * side, so every left row is seen once and padded with NULLs when nothing matches. O(build +
   * probe + output) time, O(build) memory.
   *
   * @param leftKeys key expressions over a left row
   * @param rightKeys key expressions over a right row, position by position equal to the left's
   * @param buildLeft whether the hash table holds the left rows (INNER only)
   */
  record HashJoin(
      JoinType type,
      PhysicalPlan left,
      PhysicalPlan right,
      List<Bound> leftKeys,
      List<Bound> rightKeys,
      Bound residual,
      int rightWidth,
      boolean buildLeft)
      implements PhysicalPlan {

    @Override
    public Stream<Object[]> execute() {
      List<Bound> buildKeys = buildLeft ? leftKeys : rightKeys;
      List<Bound> probeKeys = buildLeft ? rightKeys : leftKeys;
      Map<Object, List<Object[]>> table = new HashMap<>();
      try (Stream<Object[]> build = (buildLeft ? left : right).execute()) {
        build.forEach(
            row -> {
              Object key = key(row, buildKeys);
              if (key != null) {
                table.computeIfAbsent(key, k -> new ArrayList<>(1)).add(row);
              }
            });
      }
      Object[] nulls = new Object[rightWidth];
      return (buildLeft ? right : left)
          .execute()
          .mapMulti(
              (Object[] probe, Consumer<Object[]> out) -> {
                Object key = key(probe, probeKeys);
                List<Object[]> matches = key == null ? null : table.get(key);
                boolean matched = false;
                if (matches != null) {
                  for (Object[] other : matches) {
                    Object[] joined = buildLeft ? concat(other, probe) : concat(probe, other);
                    if (residual == null || Boolean.TRUE.equals(residual.eval(joined))) {
                      out.accept(joined);
                      matched = true;
                    }
                  }
                }
                if (!matched && type == JoinType.LEFT) {
                  out.accept(concat(probe, nulls));
                }
              });
    }

    private static Object key(Object[] row, List<Bound> keys) {
      if (keys.size() == 1) {
        return keys.get(0).eval(row);
      }
      Object[] values = new Object[keys.size()];
      for (int i = 0; i < values.length; i++) {
        values[i] = keys.get(i).eval(row);
        if (values[i] == null) {
          return null;
        }
      }
      return List.of(values);
    }

    @Override
    public List<PhysicalPlan> inputs() {
      return List.of(left, right);
    }

    @Override
    public String describe() {
      List<String> equalities = new ArrayList<>();
      for (int i = 0; i < leftKeys.size(); i++) {
        equalities.add(leftKeys.get(i).sql() + " = " + rightKeys.get(i).sql());
      }
      return "HashJoin "
          + type
          + " on "
          + String.join(" AND ", equalities)
          + (residual == null ? "" : " filter " + residual.sql())
          + (buildLeft ? " (build left)" : " (build right)");
    }
  }

  /**
   * Any other join: every left row against every (materialized) right row, O(left × right). {@code
   * condition} null is a cross join.
   */
  record NestedLoopJoin(
      JoinType type, PhysicalPlan left, PhysicalPlan right, Bound condition, int rightWidth)
      implements PhysicalPlan {
    @Override
    public Stream<Object[]> execute() {
      List<Object[]> rights;
      try (Stream<Object[]> rows = right.execute()) {
        rights = rows.toList();
      }
      Object[] nulls = new Object[rightWidth];
      return left.execute()
          .mapMulti(
              (Object[] l, Consumer<Object[]> out) -> {
                boolean matched = false;
                for (Object[] r : rights) {
                  Object[] joined = concat(l, r);
                  if (condition == null || Boolean.TRUE.equals(condition.eval(joined))) {
                    out.accept(joined);
                    matched = true;
                  }
                }
                if (!matched && type == JoinType.LEFT) {
                  out.accept(concat(l, nulls));
                }
              });
    }

    @Override
    public List<PhysicalPlan> inputs() {
      return List.of(left, right);
    }

    @Override
    public String describe() {
      return "NestedLoopJoin " + type + (condition == null ? "" : " on " + condition.sql());
    }
  }

  /**
   * Hash aggregation: one entry per distinct key (NULL keys form one group, as SQL says), with an
   * accumulator per aggregate; groups come out in the order they were first seen. Without keys
   * there is exactly one group, also for no input ({@code COUNT(*)} is 0, {@code SUM} NULL).
   */
  record HashAggregate(PhysicalPlan input, List<Bound> keys, List<Aggregates.Call> aggregates)
      implements PhysicalPlan {
    @Override
    public Stream<Object[]> execute() {
      Bound[] keyExprs = keys.toArray(Bound[]::new);
      Aggregates.Call[] calls = aggregates.toArray(Aggregates.Call[]::new);
      Map<Object, Aggregates.Accumulator[]> groups = new LinkedHashMap<>();
      Map<Object, Object[]> keyValues = new HashMap<>();
      try (Stream<Object[]> rows = input.execute()) {
        rows.forEach(
            row -> {
              Object key;
              Object[] values = new Object[keyExprs.length];
              for (int i = 0; i < values.length; i++) {
                values[i] = keyExprs[i].eval(row);
              }
              key = values.length == 1 ? values[0] : Arrays.asList(values);
              Aggregates.Accumulator[] accumulators = groups.get(key);
              if (accumulators == null) {
                accumulators = new Aggregates.Accumulator[calls.length];
                for (int i = 0; i < calls.length; i++) {
                  accumulators[i] = calls[i].accumulator();
                }
                groups.put(key, accumulators);
                keyValues.put(key, values);
              }
              for (int i = 0; i < calls.length; i++) {
                Bound argument = calls[i].argument();
                accumulators[i].add(argument == null ? null : argument.eval(row));
              }
            });
      }
      if (groups.isEmpty() && keyExprs.length == 0) {
        Aggregates.Accumulator[] empty = new Aggregates.Accumulator[calls.length];
        for (int i = 0; i < calls.length; i++) {
          empty[i] = calls[i].accumulator();
        }
        groups.put(List.of(), empty);
        keyValues.put(List.of(), new Object[0]);
      }
      return groups.entrySet().stream()
          .map(
              group -> {
                Object[] values = keyValues.get(group.getKey());
                Object[] out = Arrays.copyOf(values, values.length + calls.length);
                for (int i = 0; i < calls.length; i++) {
                  out[values.length + i] = group.getValue()[i].result();
                }
                return out;
              });
    }

    @Override
    public List<PhysicalPlan> inputs() {
      return List.of(input);
    }

    @Override
    public String describe() {
      return "HashAggregate"
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

  /** Evaluates the output expressions. */
  record Project(PhysicalPlan input, List<Bound> exprs, List<String> names)
      implements PhysicalPlan {
    @Override
    public Stream<Object[]> execute() {
      Bound[] all = exprs.toArray(Bound[]::new);
      return input
          .execute()
          .map(
              row -> {
                Object[] out = new Object[all.length];
                for (int i = 0; i < all.length; i++) {
                  out[i] = all[i].eval(row);
                }
                return out;
              });
    }

    @Override
    public List<PhysicalPlan> inputs() {
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

  /** Keeps the first of each set of equal rows, by hashing whole rows. */
  record Distinct(PhysicalPlan input) implements PhysicalPlan {
    @Override
    public Stream<Object[]> execute() {
      Set<List<Object>> seen = new HashSet<>();
      return input.execute().filter(row -> seen.add(Arrays.asList(row)));
    }

    @Override
    public List<PhysicalPlan> inputs() {
      return List.of(input);
    }

    @Override
    public String describe() {
      return "HashDistinct";
    }
  }

  /** A stable sort of all input rows, O(n log n). */
  record Sort(PhysicalPlan input, List<SortKey> keys) implements PhysicalPlan {
    @Override
    public Stream<Object[]> execute() {
      return input.execute().sorted(comparator(keys));
    }

    static Comparator<Object[]> comparator(List<SortKey> keys) {
      SortKey[] all = keys.toArray(SortKey[]::new);
      return (a, b) -> {
        for (SortKey key : all) {
          Object x = a[key.index()];
          Object y = b[key.index()];
          int c;
          if (x == null || y == null) {
            c = x == y ? 0 : (x == null) == key.nullsFirst() ? -1 : 1;
          } else {
            c = Values.compare(x, y);
            if (key.descending()) {
              c = -c;
            }
          }
          if (c != 0) {
            return c;
          }
        }
        return 0;
      };
    }

    @Override
    public List<PhysicalPlan> inputs() {
      return List.of(input);
    }

    @Override
    public String describe() {
      return "Sort " + keys.stream().map(SortKey::sql).collect(Collectors.joining(", "));
    }
  }

  /** Skips and truncates. */
  record Limit(PhysicalPlan input, long offset, Long limit) implements PhysicalPlan {
    @Override
    public Stream<Object[]> execute() {
      Stream<Object[]> rows = input.execute().skip(offset);
      return limit == null ? rows : rows.limit(limit);
    }

    @Override
    public List<PhysicalPlan> inputs() {
      return List.of(input);
    }

    @Override
    public String describe() {
      return "Limit"
          + (limit == null ? "" : " " + limit)
          + (offset == 0 ? "" : " offset " + offset);
    }
  }

  private static Object[] concat(Object[] left, Object[] right) {
    Object[] joined = Arrays.copyOf(left, left.length + right.length);
    System.arraycopy(right, 0, joined, left.length, right.length);
    return joined;
  }

  /** The plan as indented text, one operator per line, inputs below their consumer. */
  static String explain(PhysicalPlan plan) {
    StringBuilder text = new StringBuilder();
    explain(plan, 0, text);
    return text.toString();
  }

  private static void explain(PhysicalPlan plan, int depth, StringBuilder text) {
    text.append("  ".repeat(depth)).append(plan.describe()).append('\n');
    for (PhysicalPlan input : plan.inputs()) {
      explain(input, depth + 1, text);
    }
  }
}
