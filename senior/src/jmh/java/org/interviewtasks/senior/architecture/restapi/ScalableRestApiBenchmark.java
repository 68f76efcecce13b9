package org.interviewtasks.senior.architecture.restapi;

import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The time of one page of 50 rows from a table of a million, on page 1 and on page 10,000: ours
 * (keyset: seek after the previous page's last row, through the primary-key or {@code (price, id)}
 * index) against {@code LIMIT 50 OFFSET (page - 1) * 50}, which reads and discards every row before
 * the page. Page 1 costs both the same; page 10,000 is where OFFSET pays for 499,950 rows.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgs = "-Xmx2g")
public class ScalableRestApiBenchmark {

  static final int ROWS = 1_000_000;
  static final int PAGE = 50;

  /** A million seeded rows, and the position where the page starts, for each sort. */
  @State(Scope.Benchmark)
  public static class Table {
    @Param({"1", "10000"})
    int page;

    @Param({"id", "price"})
    String sort;

    ProductStore store;
    ProductQuery query;
    List<String> after;
    long offset;

    @Setup(Level.Trial)
    public void fill() throws SQLException {
      store = ProductStore.inMemory();
      store.seed(ROWS, 2026);
      query = ProductQuery.parse(java.util.Map.of("sort", sort, "limit", Integer.toString(PAGE)));
      offset = (long) (page - 1) * PAGE;
      if (page == 1) {
        after = List.of();
      } else {
        Product previous = store.pageAtOffset(query, offset - 1, 1).getFirst();
        after = query.sort().stream().map(key -> key.field().valueOf(previous)).toList();
      }
    }

    @TearDown(Level.Trial)
    public void close() throws SQLException {
      store.close();
    }
  }

  @Benchmark
  public List<Product> pageTime_oursKeyset(Table table) throws SQLException {
    return table.store.pageAfter(table.query, table.after, PAGE);
  }

  @Benchmark
  public List<Product> pageTime_offset(Table table) throws SQLException {
    return table.store.pageAtOffset(table.query, table.offset, PAGE);
  }
}
