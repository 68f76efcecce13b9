package org.interviewtasks.junior.files;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SequencedSet;
import org.apache.commons.csv.CSVPrinter;
import org.interviewtasks.common.Args;
import org.interviewtasks.common.Task;

/**
 * Writes a list of maps (Python's list of dictionaries) to a CSV file: one column per key, one row
 * per map.
 *
 * <p><b>Approach.</b> Two passes over the list. The first collects the header: the union of all
 * keys, in the order they are first seen (the first map's keys in its iteration order, then each
 * new key of the next maps), so no value is dropped because its key is missing from the first row.
 * The second writes the rows with Apache Commons CSV, which quotes exactly the fields that need it
 * (a comma, a quote, a line break) so every value reads back as it was, with {@link
 * CsvToListOfMaps} for instance. The file is written atomically: a temporary file, then one rename.
 * O(rows × columns) time.
 *
 * <p><b>Edge cases.</b> A key missing from a map, and a null value, both give an empty field (CSV
 * has no null). Values are written with {@code toString()}: {@code 42}, {@code true}, {@code 1.5}.
 * Use ordered maps ({@code LinkedHashMap}, {@code Map.of} is not) if the column order matters. An
 * empty list writes an empty file. A null map or key, an empty key (a header needs names), and a
 * non-empty list whose maps have no keys at all (the rows could not be written) are rejected before
 * the file is touched. Records end with {@code \r\n}, as RFC 4180 says; an empty value in the first
 * column is written {@code ""}, so that a row is never a blank line.
 *
 * <p><b>Follow-up.</b> <i>"Millions of rows?"</i> Take an {@code Iterable} and a fixed header, and
 * write rows as they come. <i>"Opened in Excel, a value like {@code =1+1} runs as a formula"</i>
 * (CSV injection): when the file is for spreadsheets, prefix such values with a quote.
 */
@Task(id = "junior.files.7", title = "Write a list of maps to a CSV file")
public final class MapsToCsv {

  private MapsToCsv() {}

  /**
   * Writes {@code rows} to {@code target} as CSV with a header, replacing the file atomically.
   *
   * @return the header written: every key, in first-seen order
   * @throws IllegalArgumentException if a key is empty, or if no map has any key while the list is
   *     not empty
   * @throws NullPointerException if a map or a key is null
   */
  public static List<String> write(List<? extends Map<String, ?>> rows, Path target)
      throws IOException {
    Objects.requireNonNull(rows, "rows");
    TextFiles.requireTarget(target, "target");
    List<String> header = List.copyOf(header(rows));
    if (header.isEmpty() && !rows.isEmpty()) {
      throw new IllegalArgumentException(
          rows.size() + " rows but no keys: there is no column to write them in");
    }
    AtomicWrite.replaceText(
        target,
        out -> {
          if (header.isEmpty()) {
            return null; // no rows: an empty file
          }
          try (CSVPrinter printer = Csv.printer(out)) {
            printer.printRecord(header);
            List<Object> record = new ArrayList<>(header.size());
            for (Map<String, ?> row : rows) {
              record.clear();
              for (String key : header) {
                Object value = row.get(key);
                record.add(value == null ? "" : value.toString());
              }
              printer.printRecord(record);
            }
          }
          return null;
        });
    return header;
  }

  /** The union of the keys of {@code rows}, in the order they are first seen. */
  static SequencedSet<String> header(List<? extends Map<String, ?>> rows) {
    SequencedSet<String> header = new LinkedHashSet<>();
    for (int i = 0; i < rows.size(); i++) {
      Map<String, ?> row = Objects.requireNonNull(rows.get(i), "row " + i + " is null");
      for (String key : row.keySet()) {
        Objects.requireNonNull(key, "row " + i + " has a null key");
        if (key.isEmpty()) {
          throw new IllegalArgumentException("row " + i + " has an empty key");
        }
        header.add(key);
      }
    }
    return header;
  }

  /**
   * Writes the rows given as arguments to the CSV file named by the first: each row is {@code
   * key=value} pairs separated by semicolons, e.g. {@code "name=Ada;born=1815"}.
   *
   * @throws IllegalArgumentException if there is no row, or a pair has no {@code =}
   */
  public static void main(String... args) throws IOException {
    if (args.length < 2) {
      throw new IllegalArgumentException(
          "usage: junior.files.7 <target.csv> <key=value;key=value...> [row...]");
    }
    List<Map<String, String>> rows = new ArrayList<>();
    for (int i = 1; i < args.length; i++) {
      Map<String, String> row = new LinkedHashMap<>();
      for (String pair : args[i].split(";", -1)) {
        int equals = pair.indexOf('=');
        if (equals < 0) {
          throw new IllegalArgumentException("not key=value: '" + pair + "'");
        }
        row.put(pair.substring(0, equals), pair.substring(equals + 1));
      }
      rows.add(row);
    }
    List<String> header = write(rows, Args.toPath(args[0]));
    System.out.println(rows.size() + " rows, columns " + header + ", written to " + args[0]);
  }
}
