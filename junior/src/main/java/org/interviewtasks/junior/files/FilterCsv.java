package org.interviewtasks.junior.files;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SequencedMap;
import java.util.function.Predicate;
import org.apache.commons.csv.CSVPrinter;
import org.interviewtasks.common.Args;
import org.interviewtasks.common.Task;

/**
 * Reads a CSV file and prints the rows that meet a condition, such as all rows where {@code age >
 * 30}.
 *
 * <p><b>Approach.</b> The file is read one row at a time as a map from column name (the header) to
 * value, the condition is tested, and matching rows are printed as CSV at once, under the same
 * header: O(n) time, O(one row) memory, and the output is itself a valid CSV file that can be
 * filtered again. Any {@link Predicate} on a row works; {@link Condition} is the usual {@code
 * column operator value} comparison, with its column checked against the header before the first
 * row is read.
 *
 * <p><b>Comparing.</b> When the condition's value is a number ({@code 30}, {@code -1.5}, {@code
 * 1e3}), values compare as numbers with {@link BigDecimal}, so {@code 30.0 = 30} and {@code 9 < 10}
 * (as strings, {@code "9" > "10"}); spaces around a number are ignored. An empty value is missing:
 * it matches no numeric condition. A value that is neither empty nor a number, in a numeric
 * comparison, is a {@link MalformedFileException} naming the line, not silently "no match", since
 * it usually means a broken file. When the condition's value is not a number, values compare as
 * strings, exactly ({@code =}, {@code !=}) or by {@link String#compareTo} ({@code <}, {@code
 * >}...), case-sensitively.
 *
 * <p><b>Edge cases.</b> A column missing from the header is an {@link IllegalArgumentException}
 * listing the columns there are. No matching row prints the header alone (an empty file prints
 * nothing). Quoted fields with commas, quotes and line breaks are printed quoted again, so they
 * survive. A row with more or fewer fields than the header is a {@link MalformedFileException}.
 *
 * <p><b>Follow-up.</b> <i>"Several conditions?"</i> {@code Predicate.and}/{@code or}. <i>"Filter a
 * 10 GB file fast?"</i> It is already streaming; split it at record boundaries and filter the parts
 * in parallel. <i>"Why not SQL?"</i> Often the right answer: DuckDB or H2 query CSV files directly.
 */
@Task(id = "junior.files.15", title = "Filter the rows of a CSV file")
public final class FilterCsv {

  /** How a value is compared with the condition's value. */
  public enum Operator {
    /** Equal. */
    EQUAL("="),
    /** Not equal. */
    NOT_EQUAL("!="),
    /** Less than. */
    LESS("<"),
    /** Less than or equal. */
    LESS_OR_EQUAL("<="),
    /** Greater than. */
    GREATER(">"),
    /** Greater than or equal. */
    GREATER_OR_EQUAL(">=");

    private final String symbol;

    Operator(String symbol) {
      this.symbol = symbol;
    }

    /** How it is written: {@code =}, {@code !=}, {@code <}, {@code <=}, {@code >}, {@code >=}. */
    public String symbol() {
      return symbol;
    }

    /**
     * The operator written as {@code symbol}.
     *
     * @throws IllegalArgumentException if it is none of them
     */
    public static Operator of(String symbol) {
      Objects.requireNonNull(symbol, "symbol");
      return Arrays.stream(values())
          .filter(operator -> operator.symbol.equals(symbol))
          .findFirst()
          .orElseThrow(
              () ->
                  new IllegalArgumentException(
                      "not an operator: '" + symbol + "'; use = != < <= > >="));
    }

    boolean holdsFor(int comparison) {
      return switch (this) {
        case EQUAL -> comparison == 0;
        case NOT_EQUAL -> comparison != 0;
        case LESS -> comparison < 0;
        case LESS_OR_EQUAL -> comparison <= 0;
        case GREATER -> comparison > 0;
        case GREATER_OR_EQUAL -> comparison >= 0;
      };
    }
  }

  /**
   * A condition on one column: {@code age > 30}.
   *
   * @param column the column name, as in the header
   * @param operator how to compare
   * @param value what to compare with; a number makes the comparison numeric
   */
  public record Condition(String column, Operator operator, String value)
      implements Predicate<Map<String, String>> {

    /** Checks that no part is null. */
    public Condition {
      Objects.requireNonNull(column, "column");
      Objects.requireNonNull(operator, "operator");
      Objects.requireNonNull(value, "value");
    }

    /**
     * Whether the row's value in the column meets the condition.
     *
     * @throws IllegalArgumentException if the row has no such column, or if the comparison is
     *     numeric and the row's value is not empty and not a number
     */
    @Override
    public boolean test(Map<String, String> row) {
      String actual = row.get(column);
      if (actual == null) {
        throw new IllegalArgumentException("no column '" + column + "' in " + row.keySet());
      }
      Optional<BigDecimal> number = number(value);
      if (number.isEmpty()) {
        return operator.holdsFor(actual.compareTo(value));
      }
      if (actual.isEmpty()) {
        return false; // a missing value is neither more nor less than a number
      }
      BigDecimal actualNumber =
          number(actual)
              .orElseThrow(
                  () ->
                      new IllegalArgumentException(
                          column + " is '" + actual + "', not a number to compare with " + value));
      return operator.holdsFor(actualNumber.compareTo(number.get()));
    }

    /** {@code age > 30}. */
    @Override
    public String toString() {
      return column + " " + operator.symbol() + " " + value;
    }
  }

  private FilterCsv() {}

  /**
   * Prints the header and the rows of a UTF-8 CSV file that meet {@code condition} to {@code out},
   * as CSV.
   *
   * @return the number of rows printed (without the header)
   * @throws IllegalArgumentException if the column is not in the header
   * @throws MalformedFileException if the file is not valid CSV, or a value cannot be compared
   */
  public static long filter(Path csv, Condition condition, Appendable out) throws IOException {
    Objects.requireNonNull(condition, "condition");
    return filter(csv, condition, condition.column(), out);
  }

  /**
   * Prints the header and the rows of a UTF-8 CSV file for which {@code keep} is true to {@code
   * out}, as CSV. An {@link IllegalArgumentException} from {@code keep} becomes a {@link
   * MalformedFileException} naming the row's line.
   *
   * @return the number of rows printed (without the header)
   * @throws MalformedFileException if the file is not valid CSV
   */
  public static long filter(Path csv, Predicate<? super Map<String, String>> keep, Appendable out)
      throws IOException {
    return filter(csv, keep, null, out);
  }

  /** Filters, first checking that {@code column}, unless null, is in the header. */
  private static long filter(
      Path csv, Predicate<? super Map<String, String>> keep, String column, Appendable out)
      throws IOException {
    TextFiles.requireFile(csv, "csv");
    Objects.requireNonNull(keep, "keep");
    Objects.requireNonNull(out, "out");
    long printed = 0;
    try (Csv.Table table = Csv.openTable(csv)) {
      if (column != null && !table.header().contains(column)) {
        throw new IllegalArgumentException(
            "no column '" + column + "' in " + csv + "; it has " + table.header());
      }
      CSVPrinter printer = new CSVPrinter(out, Csv.FORMAT); // not closed: it would close out
      if (!table.header().isEmpty()) {
        printer.printRecord(table.header());
      }
      for (SequencedMap<String, String> row = table.next(); row != null; row = table.next()) {
        boolean kept;
        try {
          kept = keep.test(row);
        } catch (IllegalArgumentException e) {
          throw new MalformedFileException(csv, table.line(), -1, e.getMessage(), e);
        }
        if (kept) {
          printer.printRecord(row.values());
          printed++;
        }
      }
      printer.flush();
    }
    return printed;
  }

  private static Optional<BigDecimal> number(String text) {
    try {
      return Optional.of(new BigDecimal(text.strip()));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  /**
   * Prints the rows of the CSV file named by the first argument that meet the condition given by
   * the next three: column, operator, value, e.g. {@code people.csv age ">" 30}.
   *
   * @throws IllegalArgumentException unless there are four arguments with a valid operator
   */
  public static void main(String... args) throws IOException {
    if (args.length != 4) {
      throw new IllegalArgumentException(
          "usage: junior.files.15 <file.csv> <column> <operator: = != < <= > >=> <value>");
    }
    var condition = new Condition(args[1], Operator.of(args[2]), args[3]);
    filter(Args.toPath(args[0]), condition, System.out);
  }
}
