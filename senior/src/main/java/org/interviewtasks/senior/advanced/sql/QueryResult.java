package org.interviewtasks.senior.advanced.sql;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * The rows a query returned, with the names and types of its columns. Values are {@link Long},
 * {@link Double}, {@link String}, {@link Boolean} or {@code null} (SQL {@code NULL}), as {@link
 * SqlType} says. Immutable.
 *
 * @param columns the column names: the alias, else the column's name, else the expression's SQL
 * @param types the column types ({@link SqlType#NULL} for a column that is always NULL)
 * @param rows the rows, each as long as {@code columns}
 */
public record QueryResult(List<String> columns, List<SqlType> types, List<List<Object>> rows) {

  /** Copies the lists; rows may hold nulls. */
  public QueryResult {
    columns = List.copyOf(columns);
    types = List.copyOf(types);
    List<List<Object>> copy = new ArrayList<>(rows.size());
    for (List<Object> row : rows) {
      Objects.requireNonNull(row, "row");
      if (row.size() != columns.size()) {
        throw new IllegalArgumentException(
            "a row has " + row.size() + " values for " + columns.size() + " columns");
      }
      copy.add(Collections.unmodifiableList(new ArrayList<>(row)));
    }
    rows = Collections.unmodifiableList(copy);
  }

  static QueryResult of(List<String> columns, List<SqlType> types, List<Object[]> rows) {
    List<List<Object>> lists = new ArrayList<>(rows.size());
    for (Object[] row : rows) {
      lists.add(Arrays.asList(row));
    }
    return new QueryResult(columns, types, lists);
  }

  /** The number of rows. */
  public int size() {
    return rows.size();
  }

  /** The value at a row and column, both 0-based. */
  public Object get(int row, int column) {
    return rows.get(row).get(column);
  }

  /** The rows as a text table (for logs and demos): a header line, then one line per row. */
  @Override
  public String toString() {
    StringBuilder text = new StringBuilder(String.join(" | ", columns));
    for (List<Object> row : rows) {
      text.append('\n');
      for (int i = 0; i < row.size(); i++) {
        if (i > 0) {
          text.append(" | ");
        }
        text.append(row.get(i) == null ? "NULL" : row.get(i));
      }
    }
    return text.toString();
  }
}
