package org.interviewtasks.senior.advanced.sql;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * A join plus a group-by over a million rows: {@value #SALES} sales, each joined with one of
 * {@value #STORES} stores by an equality, grouped by the store's region (8 groups) with a count, a
 * sum and an average. Ours (hash join building the stores, hash aggregation) against H2 in memory
 * on the same rows, the whole result read back through JDBC. Both load their data in
 * {@code @Setup}, outside the measurement; H2 gets no index (neither side has one), and its table
 * is analysed first so it has statistics.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(
    value = 1,
    jvmArgs = {"-Xmx2g"})
public class SqlEngineBenchmark {

  static final int SALES = 1_000_000;
  static final int STORES = 1_000;

  static final String QUERY =
      "SELECT s.region, COUNT(*) AS n, SUM(f.amount) AS total, AVG(f.qty) AS avg_qty"
          + " FROM sales f JOIN store s ON f.store_id = s.id"
          + " GROUP BY s.region";

  /** The same rows in both engines. */
  @State(Scope.Benchmark)
  public static class Data {
    SqlEngine engine;
    Connection h2;

    @Setup(Level.Trial)
    public void load() throws SQLException {
      SplittableRandom random = new SplittableRandom(9);
      Table.Builder store =
          Table.builder("store").column("id", SqlType.INTEGER).column("region", SqlType.VARCHAR);
      Table.Builder sales =
          Table.builder("sales")
              .column("id", SqlType.INTEGER)
              .column("store_id", SqlType.INTEGER)
              .column("amount", SqlType.DOUBLE)
              .column("qty", SqlType.INTEGER);
      // Without this, H2 hands back its cached result of the same query on unchanged tables.
      h2 = DriverManager.getConnection("jdbc:h2:mem:;OPTIMIZE_REUSE_RESULTS=FALSE");
      try (Statement ddl = h2.createStatement()) {
        ddl.execute("CREATE TABLE store (id INTEGER PRIMARY KEY, region VARCHAR(20))");
        ddl.execute(
            "CREATE TABLE sales (id INTEGER, store_id INTEGER, amount DOUBLE, qty INTEGER)");
      }
      try (PreparedStatement insert = h2.prepareStatement("INSERT INTO store VALUES (?, ?)")) {
        for (int i = 0; i < STORES; i++) {
          String region = "region-" + (i % 8);
          store.row(i, region);
          insert.setInt(1, i);
          insert.setString(2, region);
          insert.addBatch();
        }
        insert.executeBatch();
      }
      try (PreparedStatement insert =
          h2.prepareStatement("INSERT INTO sales VALUES (?, ?, ?, ?)")) {
        for (int i = 0; i < SALES; i++) {
          int storeId = random.nextInt(STORES);
          double amount = random.nextInt(100_000) / 100.0;
          int qty = random.nextInt(1, 20);
          sales.row(i, storeId, amount, qty);
          insert.setInt(1, i);
          insert.setInt(2, storeId);
          insert.setDouble(3, amount);
          insert.setInt(4, qty);
          insert.addBatch();
          if (i % 10_000 == 9_999) {
            insert.executeBatch();
          }
        }
        insert.executeBatch();
      }
      try (Statement analyze = h2.createStatement()) {
        analyze.execute("ANALYZE");
      }
      engine = new SqlEngine().register(store.build()).register(sales.build());
      int ours = engine.query(QUERY).size();
      int theirs = readAll(h2);
      if (ours != 8 || theirs != 8) {
        throw new IllegalStateException("expected 8 groups: ours " + ours + ", H2 " + theirs);
      }
    }

    @TearDown(Level.Trial)
    public void close() throws SQLException {
      h2.close();
    }
  }

  /** Runs the query on H2 and reads every value; returns the number of rows. */
  static int readAll(Connection h2) throws SQLException {
    int rows = 0;
    try (Statement statement = h2.createStatement();
        ResultSet result = statement.executeQuery(QUERY)) {
      while (result.next()) {
        if (result.getString(1) != null
            && result.getLong(2) >= 0
            && !Double.isNaN(result.getDouble(3) + result.getDouble(4))) {
          rows++;
        }
      }
    }
    return rows;
  }

  /** Ours: parse, plan, run. */
  @Benchmark
  public QueryResult joinGroupBy_ours(Data data) {
    return data.engine.query(QUERY);
  }

  /** H2 in memory, through JDBC. */
  @Benchmark
  public int joinGroupBy_h2(Data data) throws SQLException {
    return readAll(data.h2);
  }
}
