package org.interviewtasks.senior.advanced.sql;

import java.math.BigDecimal;
import java.math.MathContext;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Collectors;

/**
 * The test oracle: the same tables in our engine and in an H2 in-memory database, and the
 * comparison of one query's results on both.
 *
 * <p>Values are compared after normalisation: numbers as decimals rounded to 9 significant digits
 * (H2 returns {@code AVG} of doubles as {@code DECFLOAT}, ours as {@code DOUBLE}; the data keeps
 * every double a multiple of 0.5, so sums are exact on both sides and only averages need the
 * rounding), strings and booleans as themselves, NULL as NULL.
 */
final class H2Oracle implements AutoCloseable {

  private static final MathContext DIGITS = new MathContext(9);

  final SqlEngine engine = new SqlEngine();
  private final Connection h2;

  H2Oracle(List<Table> tables) throws SQLException {
    h2 = DriverManager.getConnection("jdbc:h2:mem:");
    try {
      for (Table table : tables) {
        engine.register(table);
        load(table);
      }
    } catch (SQLException | RuntimeException e) {
      h2.close();
      throw e;
    }
  }

  private void load(Table table) throws SQLException {
    String columns =
        table.columns().stream()
            .map(c -> c.name() + " " + h2Type(c.type()))
            .collect(Collectors.joining(", "));
    try (Statement statement = h2.createStatement()) {
      statement.execute("CREATE TABLE " + table.name() + " (" + columns + ")");
    }
    String marks = table.columns().stream().map(c -> "?").collect(Collectors.joining(", "));
    try (PreparedStatement insert =
        h2.prepareStatement("INSERT INTO " + table.name() + " VALUES (" + marks + ")")) {
      for (int r = 0; r < table.size(); r++) {
        List<Object> row = table.row(r);
        for (int c = 0; c < row.size(); c++) {
          insert.setObject(c + 1, row.get(c));
        }
        insert.addBatch();
      }
      insert.executeBatch();
    }
  }

  private static String h2Type(SqlType type) {
    return switch (type) {
      // INTEGER, not BIGINT: H2 sums INTEGERs into a BIGINT, as we do, but BIGINTs into a
      // NUMERIC, which would make SUM(x) / COUNT(x) a decimal division there. The data is small.
      case INTEGER -> "INTEGER";
      case DOUBLE -> "DOUBLE PRECISION";
      case VARCHAR -> "VARCHAR(100)";
      case BOOLEAN -> "BOOLEAN";
      case NULL -> throw new IllegalArgumentException("no column is NULL");
    };
  }

  /** H2's rows for {@code sql}, normalised. */
  List<List<String>> h2(String sql) throws SQLException {
    List<List<String>> rows = new ArrayList<>();
    try (Statement statement = h2.createStatement();
        ResultSet result = statement.executeQuery(sql)) {
      int columns = result.getMetaData().getColumnCount();
      while (result.next()) {
        List<String> row = new ArrayList<>(columns);
        for (int c = 1; c <= columns; c++) {
          row.add(normalise(result.getObject(c)));
        }
        rows.add(row);
      }
    }
    return rows;
  }

  /** Our rows for {@code sql}, normalised. */
  List<List<String>> ours(String sql) {
    return engine.query(sql).rows().stream()
        .map(row -> row.stream().map(H2Oracle::normalise).toList())
        .toList();
  }

  static String normalise(Object value) {
    return switch (value) {
      case null -> "NULL";
      case String s -> "'" + s + "'";
      case Boolean b -> b.toString();
      case Long l -> decimal(BigDecimal.valueOf(l));
      case Integer i -> decimal(BigDecimal.valueOf(i));
      case Double d -> decimal(BigDecimal.valueOf(d));
      case Float f -> decimal(BigDecimal.valueOf(f.doubleValue()));
      case BigDecimal b -> decimal(b);
      default -> value.getClass().getSimpleName() + ":" + value;
    };
  }

  private static String decimal(BigDecimal value) {
    if (value.signum() == 0) {
      return "0";
    }
    return value.round(DIGITS).stripTrailingZeros().toPlainString();
  }

  /** The rows sorted, to compare as multisets. */
  static List<List<String>> sorted(List<List<String>> rows) {
    Comparator<List<String>> order =
        (a, b) -> {
          for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            int c = a.get(i).compareTo(b.get(i));
            if (c != 0) {
              return c;
            }
          }
          return Integer.compare(a.size(), b.size());
        };
    return rows.stream().sorted(order).toList();
  }

  @Override
  public void close() throws SQLException {
    h2.close();
  }

  /**
   * Three tables with NULLs (about one value in seven), whole duplicate rows, skewed keys (half of
   * the employees in department 1, a department id that no department has), negative numbers (for
   * truncating division and modulo), and strings with LIKE wildcards and non-ASCII letters in them.
   */
  static List<Table> tables(long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    String[] names = {"ann", "Bob", "cid", "dora", "Émile", "zoë", "al_x", "b%c", "anna", "bo"};
    String[] cities = {"Oslo", "oslo", "Rome", "Paris", "Lima", "Łódź"};
    String[] regions = {"north", "south", "east", "west"};
    String[] titles = {"alpha", "beta", "gamma", "delta", "a_b", "omega"};

    Table.Builder emp =
        Table.builder("emp")
            .column("id", SqlType.INTEGER)
            .column("ename", SqlType.VARCHAR)
            .column("dept_id", SqlType.INTEGER)
            .column("salary", SqlType.DOUBLE)
            .column("age", SqlType.INTEGER)
            .column("city", SqlType.VARCHAR);
    List<Object[]> empRows = new ArrayList<>();
    for (int i = 1; i <= 48; i++) {
      Object[] row = {
        maybeNull(random, (long) (i % 40 + 1)),
        maybeNull(random, names[random.nextInt(names.length)]),
        maybeNull(random, random.nextInt(2) == 0 ? 1L : (long) random.nextInt(1, 13)),
        maybeNull(random, random.nextInt(-4, 400) * 0.5),
        maybeNull(random, (long) random.nextInt(-3, 70)),
        maybeNull(random, cities[random.nextInt(cities.length)])
      };
      empRows.add(row);
      if (random.nextInt(8) == 0) {
        empRows.add(row.clone());
      }
    }
    empRows.forEach(emp::row);

    Table.Builder dept =
        Table.builder("dept")
            .column("id", SqlType.INTEGER)
            .column("dname", SqlType.VARCHAR)
            .column("budget", SqlType.DOUBLE)
            .column("region", SqlType.VARCHAR);
    for (int i = 1; i <= 11; i++) {
      dept.row(
          i == 11 ? null : (long) (i == 10 ? 3 : i),
          maybeNull(random, "d" + (i % 7)),
          maybeNull(random, random.nextInt(0, 100) * 10.5),
          maybeNull(random, regions[random.nextInt(regions.length)]));
    }

    Table.Builder proj =
        Table.builder("proj")
            .column("id", SqlType.INTEGER)
            .column("emp_id", SqlType.INTEGER)
            .column("dept_id", SqlType.INTEGER)
            .column("title", SqlType.VARCHAR)
            .column("hours", SqlType.INTEGER);
    for (int i = 1; i <= 40; i++) {
      proj.row(
          (long) i,
          maybeNull(random, (long) (random.nextInt(3) == 0 ? 1 : random.nextInt(1, 45))),
          maybeNull(random, (long) random.nextInt(1, 12)),
          maybeNull(random, titles[random.nextInt(titles.length)]),
          maybeNull(random, (long) random.nextInt(-20, 60)));
    }
    return List.of(emp.build(), dept.build(), proj.build());
  }

  private static Object maybeNull(SplittableRandom random, Object value) {
    return random.nextInt(7) == 0 ? null : value;
  }
}
