package org.interviewtasks.junior.files;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import org.interviewtasks.common.Args;
import org.interviewtasks.common.Task;

/**
 * Reads a CSV file and prints its content row by row.
 *
 * <p><b>Approach.</b> Apache Commons CSV parses the file one record at a time (RFC 4180, see {@link
 * #format}), so memory holds one row, never the file, and each row is printed as soon as it is
 * read: O(n) time, O(longest row) space. Splitting lines on commas by hand is the classic mistake:
 * a quoted field can hold a comma ({@code "Smith, John"}), a doubled quote ({@code "say ""hi"""})
 * or even a line break, and then "one line = one row" and "comma = separator" are both wrong.
 *
 * <p>A row is printed on one line as a list of quoted fields, {@code ["Smith, John", "42"]}, with
 * Java escapes for quotes, backslashes and control characters ({@code \"}, {@code \\}, {@code \n},
 * {@code \r}, {@code \t}, {@code \}{@code u0007}): the borders of every field stay visible, and a
 * field with a line break still prints on one line, so the printed rows can be read back exactly.
 *
 * <p><b>Edge cases.</b> The first line is printed like any other row (this task does not interpret
 * a header). An empty file prints nothing; a blank line is a row of one empty field, {@code [""]};
 * rows may have different numbers of fields. A quote left open at the end of the file, or text
 * after a closing quote, is a {@link MalformedFileException} naming the file and the line.
 *
 * <p><b>Follow-up.</b> <i>"Print it as a table?"</i> Column widths need every row first: read the
 * file twice (once to measure, once to print) rather than keep it in memory. <i>"Other
 * dialects?"</i> Semicolons (European Excel) and tabs are one setting of {@code CSVFormat};
 * guessing the dialect (Python's {@code csv.Sniffer}) is a heuristic, so let the user say it.
 */
@Task(id = "junior.files.2", title = "Print a CSV file row by row", usage = "<file.csv>")
public final class CsvPrinter {

  private CsvPrinter() {}

  /**
   * Prints every row of a UTF-8 CSV file to {@code out}, one per line ending in {@code \n}.
   *
   * @return the number of rows printed
   * @throws MalformedFileException if the file is not valid CSV or not valid UTF-8
   * @throws java.nio.file.NoSuchFileException if the file does not exist
   */
  public static long print(Path csv, Appendable out) throws IOException {
    TextFiles.requireFile(csv, "csv");
    Objects.requireNonNull(out, "out");
    long rows = 0;
    try (Csv.Reader reader = Csv.open(csv)) {
      for (Csv.Row row = reader.next(); row != null; row = reader.next()) {
        out.append(format(row.fields())).append('\n');
        rows++;
      }
    }
    return rows;
  }

  /**
   * One row as it is printed: {@code ["a", "b, c", "say \"hi\""]}.
   *
   * @throws NullPointerException if the row or a field is null
   */
  public static String format(List<String> row) {
    Objects.requireNonNull(row, "row");
    var line = new StringBuilder("[");
    for (int i = 0; i < row.size(); i++) {
      String field = Objects.requireNonNull(row.get(i), "field");
      if (i > 0) {
        line.append(", ");
      }
      line.append('"');
      field.chars().forEach(c -> escape((char) c, line));
      line.append('"');
    }
    return line.append(']').toString();
  }

  private static void escape(char c, StringBuilder out) {
    switch (c) {
      case '"' -> out.append("\\\"");
      case '\\' -> out.append("\\\\");
      case '\n' -> out.append("\\n");
      case '\r' -> out.append("\\r");
      case '\t' -> out.append("\\t");
      default -> {
        if (Character.isISOControl(c)) {
          out.append(String.format("\\u%04x", (int) c));
        } else {
          out.append(c);
        }
      }
    }
  }

  /**
   * Prints the rows of the CSV file named by the only argument.
   *
   * @throws IllegalArgumentException unless there is exactly one argument
   */
  public static void main(String... args) throws IOException {
    if (args.length != 1) {
      throw new IllegalArgumentException("usage: junior.files.2 <file.csv>");
    }
    print(Args.toPath(args[0]), System.out);
  }
}
