package org.interviewtasks.senior.advanced.sql;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Random queries over {@link H2Oracle#tables}, from a small grammar that stays inside what both
 * engines define the same way.
 *
 * <p>What it avoids, and why: division only by non-zero integer literals (H2 divides by a decimal
 * literal in {@code NUMERIC} with its own scale); no string/number mixing (H2 converts, we refuse);
 * no backslash in LIKE patterns (H2's default escape character, we have none); {@code LIMIT} only
 * under an {@code ORDER BY} of every output column, so the rows kept are determined. Every column
 * is qualified, every output column aliased. NULL ordering needs no avoiding: both sort NULL first
 * ascending and last descending.
 */
final class QueryGenerator {

  enum Type {
    INT,
    DBL,
    STR
  }

  record Column(String sql, Type type) {
    boolean numeric() {
      return type != Type.STR;
    }
  }

  /** One sort key: a 1-based output position and its direction. */
  record Key(int position, boolean descending) {}

  /** A query, and how its result may be compared: in order if {@code total}. */
  record Query(String sql, List<Key> orderBy, boolean total) {}

  private static final String[] STRINGS = {
    "ann", "Bob", "cid", "dora", "Émile", "zoë", "al_x", "b%c", "Oslo", "oslo", "Rome", "Łódź",
    "d1", "d3", "north", "alpha", "a_b", "", "zzz"
  };
  private static final String[] PATTERNS = {
    "a%", "%o%", "_o%", "%", "b%c", "%a_%", "d_", "O%", "%é%", "al\\_%", "_", "%z"
  };

  private final SplittableRandom random;
  private final List<Column> columns = new ArrayList<>();

  QueryGenerator(long seed) {
    this.random = new SplittableRandom(seed);
  }

  Query next() {
    columns.clear();
    StringBuilder sql = new StringBuilder("SELECT ");
    String from = from();
    String where = random.nextInt(10) < 6 ? predicate(2) : null;
    if (from.contains(" CROSS JOIN dept d")) {
      where = where == null ? "e.dept_id = d.id" : "(" + where + ") AND e.dept_id = d.id";
    }
    List<String> items = new ArrayList<>();
    List<String> groupBy = new ArrayList<>();
    String having = null;
    boolean distinct = false;
    if (random.nextInt(10) < 4) {
      int keys = random.nextInt(3);
      for (int i = 0; i < keys; i++) {
        String key = groupKey();
        if (!groupBy.contains(key)) {
          groupBy.add(key);
        }
      }
      items.addAll(groupBy);
      int aggregates = 1 + random.nextInt(3);
      for (int i = 0; i < aggregates; i++) {
        items.add(aggregate());
      }
      Collections.shuffle(items, new java.util.Random(random.nextLong()));
      if (random.nextInt(10) < 3) {
        having = havingPredicate(groupBy);
      }
    } else if (random.nextInt(20) == 0) {
      items.add("*");
    } else {
      distinct = random.nextInt(5) == 0;
      int n = 1 + random.nextInt(4);
      for (int i = 0; i < n; i++) {
        items.add(scalar(2));
      }
    }
    if (distinct) {
      sql.append("DISTINCT ");
    }
    List<String> aliased = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      aliased.add(items.get(i).equals("*") ? "*" : items.get(i) + " AS c" + (i + 1));
    }
    sql.append(String.join(", ", aliased)).append(" FROM ").append(from);
    if (where != null) {
      sql.append(" WHERE ").append(where);
    }
    if (!groupBy.isEmpty()) {
      sql.append(" GROUP BY ").append(String.join(", ", groupBy));
    }
    if (having != null) {
      sql.append(" HAVING ").append(having);
    }
    int outputs = items.equals(List.of("*")) ? columns.size() : items.size();
    List<Key> order = new ArrayList<>();
    boolean limit = random.nextInt(10) < 3;
    if (limit || random.nextInt(10) < 4) {
      List<Integer> positions = new ArrayList<>();
      for (int i = 1; i <= outputs; i++) {
        positions.add(i);
      }
      Collections.shuffle(positions, new java.util.Random(random.nextLong()));
      int count = limit ? outputs : 1 + random.nextInt(outputs);
      List<String> keys = new ArrayList<>();
      for (int position : positions.subList(0, count)) {
        boolean descending = random.nextBoolean();
        order.add(new Key(position, descending));
        keys.add(position + (descending ? " DESC" : random.nextBoolean() ? " ASC" : ""));
      }
      sql.append(" ORDER BY ").append(String.join(", ", keys));
    }
    if (limit) {
      sql.append(" LIMIT ").append(random.nextInt(1, 12));
      if (random.nextBoolean()) {
        sql.append(" OFFSET ").append(random.nextInt(0, 6));
      }
    }
    return new Query(sql.toString(), List.copyOf(order), order.size() == outputs);
  }

  private String from() {
    int choice = random.nextInt(12);
    String from =
        switch (choice) {
          case 0 -> "emp e";
          case 1 -> "emp e JOIN dept d ON e.dept_id = d.id";
          case 2 -> "emp e LEFT JOIN dept d ON e.dept_id = d.id";
          case 3 ->
              "emp e INNER JOIN proj p ON p.emp_id = e.id AND p.hours > " + random.nextInt(-5, 40);
          case 4 -> "dept d LEFT JOIN proj p ON p.dept_id = d.id AND p.title LIKE 'a%'";
          case 5 -> "emp e JOIN dept d ON e.age < d.id * 6";
          case 6 ->
              "emp e JOIN dept d ON e.dept_id = d.id LEFT OUTER JOIN proj p ON p.emp_id = e.id";
          case 7 -> "emp e CROSS JOIN dept d";
          case 8 -> "proj p";
          case 9 -> "dept d";
          case 10 -> "emp e JOIN emp e2 ON e.dept_id = e2.dept_id AND e.id < e2.id";
          default -> "proj p LEFT JOIN emp e ON p.emp_id = e.id OR p.dept_id = e.dept_id";
        };
    if (from.contains("emp e")) {
      addEmp("e");
    }
    if (from.contains("emp e2")) {
      addEmp("e2");
    }
    if (from.contains("dept d")) {
      columns.add(new Column("d.id", Type.INT));
      columns.add(new Column("d.dname", Type.STR));
      columns.add(new Column("d.budget", Type.DBL));
      columns.add(new Column("d.region", Type.STR));
    }
    if (from.contains("proj p")) {
      columns.add(new Column("p.id", Type.INT));
      columns.add(new Column("p.emp_id", Type.INT));
      columns.add(new Column("p.dept_id", Type.INT));
      columns.add(new Column("p.title", Type.STR));
      columns.add(new Column("p.hours", Type.INT));
    }
    if (choice == 11) {
      // proj p comes first in that FROM: put its columns first, as SELECT * lists them.
      List<Column> emp = new ArrayList<>(columns.subList(0, 6));
      columns.subList(0, 6).clear();
      columns.addAll(emp);
    }
    return from;
  }

  private void addEmp(String alias) {
    columns.add(new Column(alias + ".id", Type.INT));
    columns.add(new Column(alias + ".ename", Type.STR));
    columns.add(new Column(alias + ".dept_id", Type.INT));
    columns.add(new Column(alias + ".salary", Type.DBL));
    columns.add(new Column(alias + ".age", Type.INT));
    columns.add(new Column(alias + ".city", Type.STR));
  }

  private Column column() {
    return columns.get(random.nextInt(columns.size()));
  }

  private Column column(Type... types) {
    List<Column> fit = new ArrayList<>();
    for (Column c : columns) {
      for (Type t : types) {
        if (c.type() == t) {
          fit.add(c);
        }
      }
    }
    return fit.get(random.nextInt(fit.size()));
  }

  private String number(Type type) {
    if (type == Type.DBL && random.nextBoolean()) {
      return (random.nextInt(-10, 400) * 0.5) + "";
    }
    return String.valueOf(random.nextInt(-5, 60));
  }

  private String string() {
    return "'" + STRINGS[random.nextInt(STRINGS.length)].replace("'", "''") + "'";
  }

  private String literalFor(Column c) {
    return c.numeric() ? number(c.type()) : string();
  }

  private String predicate(int depth) {
    if (depth > 0 && random.nextInt(10) < 4) {
      return switch (random.nextInt(3)) {
        case 0 -> "(" + predicate(depth - 1) + " AND " + predicate(depth - 1) + ")";
        case 1 -> "(" + predicate(depth - 1) + " OR " + predicate(depth - 1) + ")";
        default -> "NOT (" + predicate(depth - 1) + ")";
      };
    }
    String[] ops = {"=", "<>", "<", "<=", ">", ">="};
    String op = ops[random.nextInt(ops.length)];
    return switch (random.nextInt(11)) {
      case 0, 1 -> {
        Column c = column();
        yield c.sql() + " " + op + " " + literalFor(c);
      }
      case 2 -> {
        Column a = column(Type.INT, Type.DBL);
        Column b = column(Type.INT, Type.DBL);
        yield a.sql() + " " + op + " " + b.sql();
      }
      case 3 -> column().sql() + (random.nextBoolean() ? " IS NULL" : " IS NOT NULL");
      case 4 -> {
        Column c = column();
        List<String> items = new ArrayList<>();
        int n = 1 + random.nextInt(4);
        for (int i = 0; i < n; i++) {
          items.add(random.nextInt(6) == 0 ? "NULL" : literalFor(c));
        }
        yield c.sql()
            + (random.nextBoolean() ? " NOT IN (" : " IN (")
            + String.join(", ", items)
            + ")";
      }
      case 5 -> {
        Column c = column();
        String low = literalFor(c);
        String high = literalFor(c);
        yield c.sql()
            + (random.nextInt(3) == 0 ? " NOT BETWEEN " : " BETWEEN ")
            + low
            + " AND "
            + high;
      }
      case 6 -> {
        Column c = column(Type.STR);
        String pattern = PATTERNS[random.nextInt(PATTERNS.length)];
        if (pattern.contains("\\")) {
          yield c.sql() + " LIKE '" + pattern.replace("\\", "!") + "' ESCAPE '!'";
        }
        yield c.sql() + (random.nextInt(3) == 0 ? " NOT LIKE '" : " LIKE '") + pattern + "'";
      }
      case 7 -> {
        Column c = column(Type.INT, Type.DBL);
        yield "(" + scalarNumeric(1) + ") " + op + " " + number(c.type());
      }
      case 8 -> {
        Column c = column(Type.INT);
        yield c.sql() + " % " + random.nextInt(2, 5) + " = " + random.nextInt(-1, 3);
      }
      case 9 -> {
        Column c = column();
        yield c.sql() + " " + op + " NULL";
      }
      default -> {
        Column a = column(Type.STR);
        Column b = column(Type.STR);
        yield a.sql() + " " + op + " " + b.sql();
      }
    };
  }

  private String scalarNumeric(int depth) {
    Column c = column(Type.INT, Type.DBL);
    if (depth == 0 || random.nextInt(3) == 0) {
      return c.sql();
    }
    return switch (random.nextInt(7)) {
      case 0 -> "(" + scalarNumeric(depth - 1) + " + " + scalarNumeric(depth - 1) + ")";
      case 1 -> "(" + scalarNumeric(depth - 1) + " - " + number(Type.DBL) + ")";
      case 2 -> "(" + scalarNumeric(depth - 1) + " * " + random.nextInt(-3, 4) + ")";
      case 3 -> "(" + c.sql() + " / " + nonZero() + ")";
      case 4 -> "(" + column(Type.INT).sql() + " % " + nonZero() + ")";
      case 5 -> "(-" + scalarNumeric(depth - 1) + ")";
      default -> "COALESCE(" + c.sql() + ", " + number(Type.INT) + ")";
    };
  }

  private String nonZero() {
    int n = random.nextInt(1, 6);
    return String.valueOf(random.nextBoolean() ? n : -n);
  }

  private String scalar(int depth) {
    return switch (random.nextInt(6)) {
      case 0, 1 -> column().sql();
      case 2, 3 -> scalarNumeric(depth);
      case 4 -> {
        Column s = column(Type.STR);
        yield "CASE WHEN " + predicate(1) + " THEN " + s.sql() + " ELSE " + string() + " END";
      }
      default -> {
        Column c = column();
        yield "CASE WHEN " + predicate(0) + " THEN " + literalFor(c) + " END";
      }
    };
  }

  private String groupKey() {
    return switch (random.nextInt(5)) {
      case 0 -> "(" + column(Type.INT).sql() + " / " + random.nextInt(2, 20) + ")";
      default -> column().sql();
    };
  }

  private String aggregate() {
    Column any = column();
    Column num = column(Type.INT, Type.DBL);
    return switch (random.nextInt(11)) {
      case 0 -> "COUNT(*)";
      case 1 -> "COUNT(" + any.sql() + ")";
      case 2 -> "COUNT(DISTINCT " + any.sql() + ")";
      case 3 -> "SUM(" + num.sql() + ")";
      case 4 -> "SUM(DISTINCT " + num.sql() + ")";
      case 5 -> "AVG(" + num.sql() + ")";
      case 6 -> "MIN(" + any.sql() + ")";
      case 7 -> "MAX(" + any.sql() + ")";
      case 8 -> "SUM(" + scalarNumeric(1) + ")";
      case 9 -> "(MAX(" + num.sql() + ") - MIN(" + num.sql() + "))";
      default -> "AVG(DISTINCT " + num.sql() + ")";
    };
  }

  private String havingPredicate(List<String> groupBy) {
    Column num = column(Type.INT, Type.DBL);
    return switch (random.nextInt(5)) {
      case 0 -> "COUNT(*) > " + random.nextInt(0, 4);
      case 1 -> "SUM(" + num.sql() + ") > " + number(num.type());
      case 2 -> "MIN(" + column().sql() + ") IS NOT NULL";
      case 3 ->
          "AVG("
              + num.sql()
              + ") BETWEEN "
              + random.nextInt(-5, 20)
              + " AND "
              + random.nextInt(20, 200);
      default ->
          // H2 finds a GROUP BY expression such as (e.age / 10) in the select list but not in
          // HAVING: only a plain grouped column appears there.
          groupBy.isEmpty() || groupBy.get(0).startsWith("(")
              ? "COUNT(*) >= 0"
              : "(" + groupBy.get(0) + " IS NULL OR COUNT(*) < " + random.nextInt(1, 8) + ")";
    };
  }
}
