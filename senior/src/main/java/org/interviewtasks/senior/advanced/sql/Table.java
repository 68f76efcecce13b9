package org.interviewtasks.senior.advanced.sql;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * An immutable in-memory table: a name, typed columns and rows. Built in code with {@link
 * #builder(String)} or read from CSV with {@link #fromCsv(String, Reader)}.
 *
 * <p>Names of tables and columns are identifiers (a letter or {@code _}, then letters, digits or
 * {@code _}) and are matched case-insensitively by queries, as unquoted SQL identifiers are.
 */
public final class Table {

  /** The longest accepted table or column name. */
  public static final int MAX_NAME_LENGTH = 128;

  /** The most columns a table may have. */
  public static final int MAX_COLUMNS = 1_000;

  /**
   * A column of a table.
   *
   * @param name the column's name, an identifier
   * @param type its type, never {@link SqlType#NULL}
   */
  public record Column(String name, SqlType type) {
    /** Checks the name and the type. */
    public Column {
      checkName(name, "column name");
      Objects.requireNonNull(type, "type");
      if (type == SqlType.NULL) {
        throw new IllegalArgumentException("column " + name + " cannot have type NULL");
      }
    }
  }

  private final String name;
  private final List<Column> columns;
  private final List<Object[]> rows;

  private Table(String name, List<Column> columns, List<Object[]> rows) {
    this.name = name;
    this.columns = List.copyOf(columns);
    this.rows = Collections.unmodifiableList(rows);
  }

  /** The table's name. */
  public String name() {
    return name;
  }

  /** The columns, in order. */
  public List<Column> columns() {
    return columns;
  }

  /** The number of rows. */
  public int size() {
    return rows.size();
  }

  /**
   * One row's values, in column order ({@code null} for SQL {@code NULL}).
   *
   * @throws IndexOutOfBoundsException if {@code index} is not a row
   */
  public List<Object> row(int index) {
    Objects.checkIndex(index, rows.size());
    return Collections.unmodifiableList(Arrays.asList(rows.get(index).clone()));
  }

  /** The rows themselves, shared with the engine's scans: never handed out. */
  List<Object[]> rawRows() {
    return rows;
  }

  /** The position of a column, matched case-insensitively, or -1. */
  int indexOf(String column) {
    for (int i = 0; i < columns.size(); i++) {
      if (columns.get(i).name().equalsIgnoreCase(column)) {
        return i;
      }
    }
    return -1;
  }

  @Override
  public String toString() {
    return "Table[" + name + ", " + columns + ", " + rows.size() + " rows]";
  }

  /** Starts a table built in code. */
  public static Builder builder(String name) {
    return new Builder(checkName(name, "table name"));
  }

  /** Builds a {@link Table}: columns first, then rows. Not thread-safe; single use. */
  public static final class Builder {
    private final String name;
    private final List<Column> columns = new ArrayList<>();
    private final Set<String> columnNames = new HashSet<>();
    private final List<Object[]> rows = new ArrayList<>();
    private boolean built;

    private Builder(String name) {
      this.name = name;
    }

    /**
     * Adds a column.
     *
     * @throws IllegalArgumentException for a bad or duplicate name, or more than {@value
     *     #MAX_COLUMNS} columns
     * @throws IllegalStateException once rows have been added, or after {@link #build()}
     */
    public Builder column(String columnName, SqlType type) {
      checkOpen();
      if (!rows.isEmpty()) {
        throw new IllegalStateException("columns must be declared before the first row");
      }
      Column column = new Column(columnName, type);
      if (!columnNames.add(columnName.toLowerCase(Locale.ROOT))) {
        throw new IllegalArgumentException("duplicate column " + columnName + " in table " + name);
      }
      if (columns.size() == MAX_COLUMNS) {
        throw new IllegalArgumentException("a table has at most " + MAX_COLUMNS + " columns");
      }
      columns.add(column);
      return this;
    }

    /**
     * Adds a row; values are checked against the column types ({@code null} is SQL {@code NULL};
     * {@link Integer} is accepted for {@link SqlType#INTEGER}, {@link Float} for {@link
     * SqlType#DOUBLE}).
     *
     * @throws IllegalArgumentException for a wrong number of values or a value of the wrong type
     * @throws IllegalStateException before any column, or after {@link #build()}
     */
    public Builder row(Object... values) {
      checkOpen();
      Objects.requireNonNull(values, "values");
      if (columns.isEmpty()) {
        throw new IllegalStateException("declare the columns of " + name + " before its rows");
      }
      if (values.length != columns.size()) {
        throw new IllegalArgumentException(
            "table "
                + name
                + " has "
                + columns.size()
                + " columns, the row has "
                + values.length
                + " values");
      }
      Object[] row = new Object[values.length];
      for (int i = 0; i < values.length; i++) {
        Column column = columns.get(i);
        row[i] = column.type().coerce(values[i], column.name());
      }
      rows.add(row);
      return this;
    }

    /**
     * The table.
     *
     * @throws IllegalStateException without columns, or if already built
     */
    public Table build() {
      checkOpen();
      if (columns.isEmpty()) {
        throw new IllegalStateException("table " + name + " has no columns");
      }
      built = true;
      return new Table(name, columns, rows);
    }

    private void checkOpen() {
      if (built) {
        throw new IllegalStateException("the builder of " + name + " has already built its table");
      }
    }
  }

  /**
   * Reads a table from CSV (RFC 4180: comma-separated, fields with commas, quotes or line breaks in
   * double quotes, a quote inside quotes doubled). The first record is the header, one {@code
   * name:TYPE} per column (types as {@link SqlType#parse}). An empty unquoted field is {@code
   * NULL}; {@code ""} is the empty string. Integers and doubles are parsed with the JDK's parsers;
   * booleans are {@code true}/{@code false} in any case. The reader is read to its end but not
   * closed.
   *
   * @throws IllegalArgumentException naming the record and column for a malformed header, a field
   *     that does not parse, a wrong field count or an unterminated quote
   * @throws UncheckedIOException if reading fails
   */
  public static Table fromCsv(String name, Reader reader) {
    Objects.requireNonNull(reader, "reader");
    Builder builder = builder(name);
    CsvReader csv = new CsvReader(reader);
    List<CsvReader.Field> header = csv.next();
    if (header == null) {
      throw new IllegalArgumentException("CSV for table " + name + " is empty: no header");
    }
    for (CsvReader.Field field : header) {
      int colon = field.text().indexOf(':');
      if (colon < 0) {
        throw new IllegalArgumentException(
            "CSV header field '" + field.text() + "' of table " + name + " is not name:TYPE");
      }
      builder.column(
          field.text().substring(0, colon).strip(),
          SqlType.parse(field.text().substring(colon + 1)));
    }
    List<Column> columns = builder.columns;
    for (List<CsvReader.Field> record = csv.next(); record != null; record = csv.next()) {
      long recordNumber = csv.recordNumber();
      if (record.size() != columns.size()) {
        throw new IllegalArgumentException(
            "CSV record "
                + recordNumber
                + " of table "
                + name
                + " has "
                + record.size()
                + " fields, the header "
                + columns.size());
      }
      Object[] values = new Object[columns.size()];
      for (int i = 0; i < values.length; i++) {
        values[i] = parseField(record.get(i), columns.get(i), recordNumber);
      }
      builder.row(values);
    }
    return builder.build();
  }

  private static Object parseField(CsvReader.Field field, Column column, long record) {
    String text = field.text();
    if (text.isEmpty() && !field.quoted()) {
      return null;
    }
    try {
      return switch (column.type()) {
        case INTEGER -> Long.parseLong(text.strip());
        case DOUBLE -> {
          double d = Double.parseDouble(text.strip());
          if (!Double.isFinite(d)) {
            throw new NumberFormatException("not finite");
          }
          yield d;
        }
        case VARCHAR -> text;
        case BOOLEAN -> {
          String t = text.strip();
          if (t.equalsIgnoreCase("true")) {
            yield true;
          } else if (t.equalsIgnoreCase("false")) {
            yield false;
          }
          throw new NumberFormatException("not true or false");
        }
        case NULL -> throw new AssertionError("no column has type NULL");
      };
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "CSV record "
              + record
              + ", column "
              + column.name()
              + ": '"
              + text
              + "' is not a "
              + column.type()
              + " ("
              + e.getMessage()
              + ")",
          e);
    }
  }

  static String checkName(String name, String what) {
    Objects.requireNonNull(name, what);
    if (name.isEmpty() || name.length() > MAX_NAME_LENGTH) {
      throw new IllegalArgumentException(
          what + " must have 1.." + MAX_NAME_LENGTH + " characters: '" + name + "'");
    }
    if (!Lexer.isIdentifierStart(name.charAt(0))) {
      throw new IllegalArgumentException(what + " must start with a letter or _: '" + name + "'");
    }
    for (int i = 1; i < name.length(); i++) {
      if (!Lexer.isIdentifierPart(name.charAt(i))) {
        throw new IllegalArgumentException(
            what + " may hold only letters, digits and _: '" + name + "'");
      }
    }
    return name;
  }

  /** A streaming RFC 4180 record reader. */
  static final class CsvReader {
    record Field(String text, boolean quoted) {}

    private final BufferedReader in;
    private long record;
    private boolean eof;

    CsvReader(Reader reader) {
      this.in = reader instanceof BufferedReader b ? b : new BufferedReader(reader);
    }

    long recordNumber() {
      return record;
    }

    /** The next record, or null at the end; blank lines are skipped. */
    List<Field> next() {
      try {
        while (!eof) {
          List<Field> fields = readRecord();
          if (fields != null) {
            return fields;
          }
        }
        return null;
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    /** Reads one record; null for a blank line or the end. */
    private List<Field> readRecord() throws IOException {
      List<Field> fields = new ArrayList<>();
      StringBuilder text = new StringBuilder();
      boolean quoted = false;
      boolean inQuotes = false;
      boolean any = false;
      record++;
      while (true) {
        int c = in.read();
        if (c < 0) {
          eof = true;
          if (inQuotes) {
            throw new IllegalArgumentException("CSV record " + record + ": unterminated quote");
          }
          if (!any) {
            return null;
          }
          fields.add(new Field(text.toString(), quoted));
          return fields;
        }
        if (inQuotes) {
          if (c == '"') {
            in.mark(1);
            int d = in.read();
            if (d == '"') {
              text.append('"');
            } else {
              inQuotes = false;
              if (d >= 0) {
                in.reset();
              }
            }
          } else {
            text.append((char) c);
          }
          continue;
        }
        if (c == '\r') {
          in.mark(1);
          if (in.read() != '\n') {
            in.reset();
          }
          c = '\n';
        }
        if (c == '\n') {
          if (!any) {
            return null;
          }
          fields.add(new Field(text.toString(), quoted));
          return fields;
        }
        any = true;
        if (c == ',') {
          fields.add(new Field(text.toString(), quoted));
          text.setLength(0);
          quoted = false;
        } else if (c == '"' && text.isEmpty() && !quoted) {
          inQuotes = true;
          quoted = true;
        } else if (c == '"') {
          throw new IllegalArgumentException(
              "CSV record " + record + ": a quote inside an unquoted field");
        } else {
          text.append((char) c);
        }
      }
    }
  }
}
