package org.interviewtasks.senior.advanced.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLException;
import java.util.List;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.interviewtasks.common.testing.Seeds;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Our engine against H2 on the same three tables: {@value #GENERATED} generated queries (one per
 * seed) and a hand-written set, each compared as a multiset of rows, and in order where the {@code
 * ORDER BY} is total. Where the order is partial, our rows are also checked to be sorted by the
 * keys. The deliberate differences from H2 are listed in {@link #deliberateDifferences()}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SqlEngineOracleTest {

  static final int GENERATED = 600;

  private H2Oracle oracle;

  @BeforeAll
  void load() throws SQLException {
    oracle = new H2Oracle(H2Oracle.tables(Seeds.BASE));
  }

  @AfterAll
  void close() throws SQLException {
    if (oracle != null) {
      oracle.close();
    }
  }

  static LongStream seeds() {
    return Seeds.derive(GENERATED);
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void generatedQueryAgreesWithH2(long seed) throws SQLException {
    QueryGenerator.Query query = new QueryGenerator(seed).next();
    assertAgrees(query.sql(), query.total(), query.orderBy());
  }

  static Stream<String> handWritten() {
    return Stream.of(
        // Three-valued logic.
        "SELECT e.id, e.age FROM emp e WHERE NOT (e.age > 30)",
        "SELECT e.id FROM emp e WHERE e.age > 30 OR e.age IS NULL",
        "SELECT e.id FROM emp e WHERE e.dept_id NOT IN (2, 3, NULL)",
        "SELECT e.id FROM emp e WHERE e.dept_id IN (2, NULL)",
        "SELECT e.id FROM emp e WHERE NOT (e.dept_id IN (2, NULL))",
        "SELECT e.id FROM emp e WHERE e.age BETWEEN NULL AND 30",
        "SELECT e.id FROM emp e WHERE e.age NOT BETWEEN 60 AND NULL",
        "SELECT e.id, e.age > 30 AS old, e.age IS NULL AS no_age FROM emp e",
        "SELECT e.id FROM emp e WHERE (e.age > 30) = (e.salary > 50)",
        "SELECT COUNT(*), COUNT(e.age), COUNT(DISTINCT e.age), SUM(e.age), AVG(e.age) FROM emp e",
        // Aggregates over nothing, and over NULLs only.
        "SELECT COUNT(*), SUM(e.salary), AVG(e.salary), MIN(e.ename), MAX(e.age) FROM emp e WHERE 1 = 0",
        "SELECT e.dept_id, COUNT(*) FROM emp e WHERE 1 = 0 GROUP BY e.dept_id",
        "SELECT SUM(e.age), AVG(e.age), MIN(e.age) FROM emp e WHERE e.age IS NULL",
        // Integer arithmetic: truncating division and modulo of negatives.
        "SELECT p.hours, p.hours / 7, p.hours % 7, p.hours / -3, p.hours % -3, -p.hours FROM proj p",
        "SELECT AVG(p.hours), SUM(p.hours) / COUNT(p.hours) FROM proj p",
        "SELECT p.dept_id, AVG(p.hours), SUM(DISTINCT p.hours) FROM proj p GROUP BY p.dept_id",
        // Joins.
        "SELECT e.id, d.id, d.dname FROM emp e LEFT JOIN dept d ON e.dept_id = d.id",
        "SELECT d.id, p.id FROM dept d LEFT JOIN proj p ON p.dept_id = d.id AND p.hours > 20",
        "SELECT d.id, p.id FROM dept d LEFT JOIN proj p ON p.dept_id = d.id WHERE p.hours > 20",
        "SELECT d.id, p.id FROM dept d LEFT JOIN proj p ON p.dept_id = d.id WHERE p.id IS NULL",
        "SELECT e.id, p.id FROM emp e JOIN proj p ON p.emp_id = e.id AND p.dept_id = e.dept_id",
        "SELECT e.id, d.id FROM emp e JOIN dept d ON e.salary > d.budget",
        "SELECT e.id, d.id FROM emp e, dept d WHERE e.dept_id = d.id AND d.region = 'north'",
        "SELECT e.id, d.id, p.id FROM emp e JOIN dept d ON e.dept_id = d.id "
            + "LEFT JOIN proj p ON p.emp_id = e.id AND p.dept_id = d.id",
        "SELECT e.id, d.id FROM emp e JOIN dept d ON e.dept_id = d.budget",
        "SELECT a.id, b.id FROM emp a JOIN emp b ON a.id = b.id AND a.ename <> b.ename",
        "SELECT e.id, d.id FROM emp e LEFT JOIN dept d ON e.dept_id = d.id OR d.id IS NULL",
        "SELECT d.id, e.id FROM dept d LEFT JOIN emp e ON 1 = 0",
        // Grouping.
        "SELECT d.dname, COUNT(e.id) AS n, AVG(e.salary) FROM dept d "
            + "LEFT JOIN emp e ON e.dept_id = d.id GROUP BY d.dname HAVING COUNT(e.id) > 1",
        "SELECT e.city, e.dept_id, COUNT(*), MIN(e.salary), MAX(e.ename) FROM emp e "
            + "GROUP BY e.city, e.dept_id",
        "SELECT e.age / 10 AS decade, COUNT(*) FROM emp e GROUP BY e.age / 10",
        "SELECT e.city AS c, COUNT(*) FROM emp e GROUP BY c",
        "SELECT COUNT(*) FROM emp e HAVING COUNT(*) > 5",
        "SELECT MAX(e.salary) - MIN(e.salary), SUM(e.salary * 2) FROM emp e",
        "SELECT e.dept_id, COUNT(*) FROM emp e GROUP BY e.dept_id ORDER BY COUNT(*) DESC, 1",
        "SELECT e.dept_id FROM emp e GROUP BY e.dept_id ORDER BY SUM(e.salary), 1",
        // DISTINCT, ORDER BY, LIMIT.
        "SELECT DISTINCT e.city FROM emp e ORDER BY e.city",
        "SELECT DISTINCT e.city, e.dept_id FROM emp e ORDER BY 2 DESC, 1",
        "SELECT e.id, e.ename FROM emp e ORDER BY e.age DESC, e.id, e.ename LIMIT 5 OFFSET 3",
        "SELECT e.ename FROM emp e ORDER BY e.salary NULLS LAST, e.id, e.ename",
        "SELECT e.ename, e.id FROM emp e ORDER BY e.salary DESC NULLS FIRST, 2, 1",
        "SELECT e.age FROM emp e ORDER BY 1 OFFSET 40 ROWS FETCH NEXT 5 ROWS ONLY",
        "SELECT e.age, e.id, e.ename, e.salary, e.city, e.dept_id FROM emp e "
            + "ORDER BY 1, 2, 3, 4, 5, 6 LIMIT 0",
        // Strings, LIKE, functions, CASE.
        "SELECT e.ename FROM emp e WHERE e.ename LIKE '%\\_%' ESCAPE '\\'",
        "SELECT e.ename FROM emp e WHERE e.ename LIKE 'b%%c' OR e.ename LIKE '_o_'",
        "SELECT e.city, UPPER(e.city), LOWER(e.city), LENGTH(e.city) FROM emp e",
        "SELECT e.ename || '@' || e.city FROM emp e",
        "SELECT MIN(e.city), MAX(e.city) FROM emp e",
        "SELECT e.id, CASE WHEN e.age < 20 THEN 'young' WHEN e.age < 50 THEN 'mid' END FROM emp e",
        "SELECT COALESCE(e.age, e.dept_id, -1), NULLIF(e.dept_id, 1), ABS(p.hours) "
            + "FROM emp e JOIN proj p ON p.emp_id = e.id",
        "SELECT SUM(CASE WHEN e.age > 30 THEN 1 ELSE 0 END) FROM emp e",
        // No FROM, literals, star.
        "SELECT 1 + 2 * 3, 7 / 2, -7 / 2, 7 % 3, 'a' || 'b', NULL IS NULL",
        "SELECT * FROM dept",
        "SELECT d.*, p.title FROM dept d JOIN proj p ON p.dept_id = d.id");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("handWritten")
  void handWrittenQueryAgreesWithH2(String sql) throws SQLException {
    boolean total = sql.contains("LIMIT") || sql.contains("FETCH") || !sql.contains("ORDER BY");
    assertAgrees(sql, false, List.of());
    if (total && sql.contains("ORDER BY")) {
      assertThat(oracle.ours(sql)).isEqualTo(oracle.h2(sql));
    }
  }

  @Test
  void nullsSortFirstAscendingAndLastDescendingInBothEngines() throws SQLException {
    String asc = "SELECT e.age, e.id, e.ename FROM emp e ORDER BY 1, 2, 3";
    String desc = "SELECT e.age, e.id, e.ename FROM emp e ORDER BY 1 DESC, 2, 3";
    assertThat(oracle.h2(asc).get(0).get(0)).isEqualTo("NULL");
    assertThat(oracle.h2(desc).getLast().get(0)).isEqualTo("NULL");
    assertThat(oracle.ours(asc)).isEqualTo(oracle.h2(asc));
    assertThat(oracle.ours(desc)).isEqualTo(oracle.h2(desc));
  }

  /**
   * Where we differ from H2 on purpose, each shown here and nowhere else: H2 converts between
   * strings and numbers, we refuse; H2's {@code ||} converts numbers to text, ours takes text; H2's
   * LIKE has {@code \} as its default escape character, ours has none.
   */
  @Test
  void deliberateDifferences() throws SQLException {
    assertThat(oracle.h2("SELECT COUNT(*) FROM emp e WHERE e.id = '1'")).hasSize(1);
    assertThatThrownBy(() -> oracle.ours("SELECT COUNT(*) FROM emp e WHERE e.id = '1'"))
        .isInstanceOfSatisfying(
            SqlException.class,
            e -> assertThat(e.kind()).isEqualTo(SqlException.Kind.TYPE_MISMATCH));

    assertThat(oracle.h2("SELECT e.ename || e.id FROM emp e")).isNotEmpty();
    assertThatThrownBy(() -> oracle.ours("SELECT e.ename || e.id FROM emp e"))
        .isInstanceOfSatisfying(
            SqlException.class,
            e -> assertThat(e.kind()).isEqualTo(SqlException.Kind.TYPE_MISMATCH));

    String backslash = "SELECT 'a\\b' LIKE 'a\\b'";
    assertThat(oracle.h2(backslash)).containsExactly(List.of("false"));
    assertThat(oracle.ours(backslash)).containsExactly(List.of("true"));
  }

  private void assertAgrees(String sql, boolean total, List<QueryGenerator.Key> orderBy)
      throws SQLException {
    List<List<String>> expected = oracle.h2(sql);
    List<List<String>> actual = oracle.ours(sql);
    if (total) {
      assertThat(actual).as(sql).isEqualTo(expected);
    } else {
      assertThat(H2Oracle.sorted(actual)).as(sql).isEqualTo(H2Oracle.sorted(expected));
    }
    if (!orderBy.isEmpty()) {
      QueryResult result = oracle.engine.query(sql);
      List<LogicalPlan.SortKey> keys =
          orderBy.stream()
              .map(
                  k ->
                      new LogicalPlan.SortKey(
                          k.position() - 1, "", k.descending(), !k.descending()))
              .toList();
      var comparator = PhysicalPlan.Sort.comparator(keys);
      for (int i = 1; i < result.size(); i++) {
        Object[] previous = result.rows().get(i - 1).toArray();
        Object[] current = result.rows().get(i).toArray();
        assertThat(comparator.compare(previous, current))
            .as(sql + " row " + i)
            .isLessThanOrEqualTo(0);
      }
    }
  }
}
