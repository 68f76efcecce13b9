package org.interviewtasks.senior.advanced.sql;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.interviewtasks.common.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A small SQL engine over in-memory tables: parse a query, plan it, run it.
 *
 * <p><b>Approach.</b> The classic pipeline of a database, each stage its own type. A {@code Lexer}
 * turns text into tokens with positions; a recursive-descent {@code Parser} builds a sealed syntax
 * tree of records ({@code Ast}); the {@code Planner} binds names to row positions and checks types
 * ({@code Bound} expressions), builds a <i>logical</i> plan (scan, join, filter, aggregate,
 * project, distinct, sort, limit), pushes filters towards the scans (a {@code WHERE a.x = b.y} over
 * a cross join becomes the join's condition), and picks a <i>physical</i> plan: a hash join when
 * the condition holds equalities between the two sides (building the smaller input of an inner
 * join), a nested loop otherwise, hash aggregation, a stable sort. Operators are lazy {@link
 * Stream}s of {@code Object[]} rows, so a {@code LIMIT} stops the scan early when no sort or
 * aggregate stands in between. {@code EXPLAIN SELECT ...} returns the physical plan.
 *
 * <p><b>Supported SQL.</b> {@code SELECT [DISTINCT] expr [AS alias], *, t.*} {@code FROM t [AS] a
 * [INNER|LEFT [OUTER]|CROSS] JOIN u ON ...} (or {@code FROM t, u}), {@code WHERE}, {@code GROUP BY}
 * (expressions or select aliases), {@code HAVING}, {@code ORDER BY} (expressions, aliases,
 * positions; {@code ASC|DESC}, {@code NULLS FIRST|LAST}), {@code LIMIT n [OFFSET m]} or {@code
 * OFFSET m ROWS FETCH NEXT n ROWS ONLY}. Expressions: {@code + - * / % ||}, comparisons, {@code AND
 * OR NOT}, {@code IN}, {@code BETWEEN}, {@code LIKE [ESCAPE]}, {@code IS [NOT] NULL}, searched
 * {@code CASE}, {@code COALESCE NULLIF ABS UPPER LOWER LENGTH}, and {@code COUNT(*)}, {@code
 * COUNT/SUM/AVG/MIN/MAX([DISTINCT] x)}.
 *
 * <p><b>Semantics, as H2 (the oracle of the tests) has them.</b> Three-valued logic: {@code WHERE},
 * {@code ON} and {@code HAVING} keep a row only when the condition is TRUE; {@code x NOT IN (1,
 * NULL)} is never TRUE. {@code INTEGER / INTEGER} truncates towards zero; division by zero and
 * 64-bit overflow are errors. {@code AVG} is a DOUBLE (of an exact sum, for integers). {@code NULL}
 * sorts as the smallest value: first ascending, last descending. {@code GROUP BY} and {@code
 * DISTINCT} put NULLs together; an aggregate over no rows without {@code GROUP BY} gives one row
 * ({@code COUNT} 0, the others NULL). Strings compare by UTF-16 code units. <i>Where it
 * differs</i>: it never converts between strings and numbers ({@code '1' = 1} is a type error, H2
 * casts), {@code ||} takes strings only, identifiers (quoted too) match case-insensitively, and
 * runtime errors (division by zero) name the expression but not its position.
 *
 * <p><b>Complexity.</b> Parsing and planning are linear in the query. A hash join is O(L + R +
 * output) time and O(build side) memory; a nested loop O(L × R); aggregation O(n) time and
 * O(groups) memory; sorting O(n log n) and O(n).
 *
 * <p><b>Errors.</b> Every refusal is a {@link SqlException} with a {@link SqlException.Kind}
 * (syntax, unknown table or column, ambiguous column, type mismatch, aggregate misuse...) and the
 * character position, shown with a caret under the query. Binding happens before any row is read,
 * so a bad query fails fast and nothing runs half-way. Tables are immutable and the engine's map of
 * tables is concurrent: queries may run on many threads at once.
 *
 * <p><b>Trade-offs and failure modes.</b> Row-at-a-time interpretation of record trees is simple
 * and fast enough for millions of rows, but a vectorized or compiled engine is several times
 * faster. Everything lives on the heap: a join whose build side or a sort whose input does not fit
 * fails with {@link OutOfMemoryError} instead of spilling to disk. The planner has no statistics:
 * joins run in the written order, which a bad order makes slow. Deep expressions are bounded (a
 * syntax error beyond {@value Parser#MAX_HEIGHT} levels) so recursion never overflows the stack.
 *
 * <p><b>Follow-ups.</b> <i>"How would you choose the join order?"</i> Estimate cardinalities from
 * statistics (row counts, distinct counts, histograms) and search the orders with dynamic
 * programming (System R) for few tables, greedily for many. <i>"Why does {@code NOT IN} with a NULL
 * return nothing?"</i> {@code x NOT IN (1, NULL)} means {@code x <> 1 AND x <> NULL}; the second is
 * unknown, so the whole is FALSE or unknown, never TRUE: use {@code NOT EXISTS} or filter the
 * NULLs.
 */
@Task(
    id = "senior.advanced.9",
    title = "SQL engine",
    usage = "[\"SELECT ...\"]   one query over the demo tables dept and emp")
public final class SqlEngine {

  /** The longest query accepted, in characters. */
  public static final int MAX_QUERY_LENGTH = 1_000_000;

  private static final Logger log = LoggerFactory.getLogger(SqlEngine.class);

  private final Map<String, Table> tables = new ConcurrentHashMap<>();

  /** An engine without tables. */
  public SqlEngine() {}

  /**
   * Adds a table, queried by its name (case-insensitively).
   *
   * @return this engine
   * @throws IllegalArgumentException if a table of that name is already registered
   */
  public SqlEngine register(Table table) {
    Objects.requireNonNull(table, "table");
    Table previous = tables.putIfAbsent(key(table.name()), table);
    if (previous != null) {
      throw new IllegalArgumentException(
          "a table named " + table.name() + " is already registered");
    }
    return this;
  }

  /**
   * Reads a table from a UTF-8 CSV file (the format of {@link Table#fromCsv}) and registers it.
   *
   * @return the table
   * @throws UncheckedIOException if the file cannot be read
   * @throws IllegalArgumentException for malformed CSV or a duplicate table name
   */
  public Table loadCsv(String name, Path csv) {
    Objects.requireNonNull(csv, "csv");
    Table.checkName(name, "table name");
    Table table;
    try (Reader reader = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
      table = Table.fromCsv(name, reader);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + csv, e);
    }
    register(table);
    return table;
  }

  /**
   * Removes a table.
   *
   * @return whether it was registered
   */
  public boolean drop(String name) {
    Objects.requireNonNull(name, "name");
    return tables.remove(key(name)) != null;
  }

  /** The registered tables' names, sorted. */
  public List<String> tableNames() {
    return tables.values().stream().map(Table::name).sorted().toList();
  }

  /**
   * Runs one {@code SELECT} (or {@code EXPLAIN SELECT}, whose result is one column {@code PLAN},
   * one row per operator).
   *
   * @throws SqlException for a query the engine refuses, or an error while running it
   * @throws IllegalArgumentException for blank or over-long text
   */
  public QueryResult query(String sql) {
    checkSql(sql);
    Ast.Statement statement = Parser.parse(sql);
    return switch (statement) {
      case Ast.Explain explain -> {
        String text = PhysicalPlan.explain(plan(explain.select(), sql).physical());
        List<Object[]> lines = new ArrayList<>();
        text.lines().forEach(line -> lines.add(new Object[] {line}));
        yield QueryResult.of(List.of("PLAN"), List.of(SqlType.VARCHAR), lines);
      }
      case Ast.Query query -> {
        Planner.Plan plan = plan(query.select(), sql);
        List<Object[]> rows;
        try (Stream<Object[]> stream = plan.physical().execute()) {
          rows = stream.toList();
        } catch (SqlException e) {
          throw new SqlException(e.kind(), e.problem(), e.position(), sql);
        }
        yield QueryResult.of(plan.names(), plan.types(), rows);
      }
    };
  }

  /**
   * The physical plan of a query, one operator per line, each above its inputs (the text of {@code
   * EXPLAIN}). The query may start with {@code EXPLAIN} or not; it is not run.
   *
   * @throws SqlException for a query the engine refuses
   */
  public String explain(String sql) {
    return PhysicalPlan.explain(planOf(sql).physical());
  }

  /**
   * The logical plan of a query after rewriting (filters pushed down), before algorithms are
   * chosen; for teaching and tests.
   *
   * @throws SqlException for a query the engine refuses
   */
  public String explainLogical(String sql) {
    return LogicalPlan.explain(planOf(sql).logical());
  }

  private Planner.Plan planOf(String sql) {
    checkSql(sql);
    Ast.Select select =
        switch (Parser.parse(sql)) {
          case Ast.Explain explain -> explain.select();
          case Ast.Query query -> query.select();
        };
    return plan(select, sql);
  }

  private Planner.Plan plan(Ast.Select select, String sql) {
    Planner.Plan plan = new Planner(tables, sql).plan(select);
    if (log.isDebugEnabled()) {
      log.debug("plan of {}:\n{}", sql, PhysicalPlan.explain(plan.physical()));
    }
    return plan;
  }

  private static void checkSql(String sql) {
    Objects.requireNonNull(sql, "sql");
    if (sql.isBlank()) {
      throw new IllegalArgumentException("sql is blank");
    }
    if (sql.length() > MAX_QUERY_LENGTH) {
      throw new IllegalArgumentException(
          "sql has " + sql.length() + " characters, more than " + MAX_QUERY_LENGTH);
    }
  }

  private static String key(String name) {
    return name.toLowerCase(Locale.ROOT);
  }

  /** Prints an example: two small tables, a join with a group-by, and its plan. */
  public static void main(String... args) {
    if (args.length > 1) {
      throw new IllegalArgumentException("usage: senior.advanced.9 [\"SELECT ...\"]");
    }
    SqlEngine engine = new SqlEngine();
    engine.register(
        Table.builder("dept")
            .column("id", SqlType.INTEGER)
            .column("name", SqlType.VARCHAR)
            .row(1, "Engineering")
            .row(2, "Sales")
            .row(3, "Support")
            .build());
    engine.register(
        Table.builder("emp")
            .column("id", SqlType.INTEGER)
            .column("name", SqlType.VARCHAR)
            .column("dept_id", SqlType.INTEGER)
            .column("salary", SqlType.DOUBLE)
            .row(1, "Ada", 1, 120.0)
            .row(2, "Grace", 1, 130.0)
            .row(3, "Linus", 2, 90.0)
            .row(4, "Barbara", null, 100.0)
            .build());
    String sql =
        args.length == 1
            ? args[0]
            : "SELECT d.name, COUNT(e.id) AS n, AVG(e.salary) AS avg_salary FROM dept d"
                + " LEFT JOIN emp e ON e.dept_id = d.id GROUP BY d.name ORDER BY n DESC, d.name";
    QueryResult result;
    try {
      result = engine.query(sql);
    } catch (SqlException e) {
      // A query typed on the command line is the user's input: its error is a usage error.
      throw new IllegalArgumentException(e.getMessage(), e);
    }
    System.out.println(sql);
    System.out.println(result);
    System.out.println();
    System.out.println(engine.explain(sql));
  }
}
