package org.interviewtasks.junior.files;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SequencedMap;
import org.interviewtasks.common.Args;
import org.interviewtasks.common.Task;

/**
 * Reads a CSV file and converts it into a list of maps (Python's list of dictionaries): one map per
 * row, from column name (the header) to value.
 *
 * <p><b>Approach.</b> Apache Commons CSV parses the file record by record; the first record is the
 * header, and each following one is zipped with it into a {@link java.util.LinkedHashMap}, so
 * iterating a row gives its columns in file order. O(n) time; the list is O(n) memory by nature (a
 * caller that only needs one row at a time should stream instead, as {@link FilterCsv} does).
 *
 * <p><b>Edge cases.</b> Values are strings, exactly as in the file: {@code " 42 "} keeps its
 * spaces, quoted fields keep their commas, quotes and line breaks, and an empty field is {@code ""}
 * (CSV cannot tell empty from missing). A row with more or fewer fields than the header is a {@link
 * MalformedFileException} naming its line, since zipping would silently drop or invent values; so
 * are an empty or repeated column name (a map cannot hold two values for one key) and a quote left
 * open. A blank line holds no row in a table of several columns and is skipped; in a one-column
 * table it is a row with an empty value. An empty file, and one with only a header, give an empty
 * list. The result and its maps are unmodifiable.
 *
 * <p><b>Follow-up.</b> <i>"Typed rows?"</i> Map each row to a record ({@code new Person(row.get(
 * "name"), Integer.parseInt(row.get("age")))}), or let Jackson's CSV module bind them. <i>"Write it
 * back?"</i> {@link MapsToCsv} is the inverse: reading its output gives the same maps.
 */
@Task(id = "junior.files.19", title = "Read a CSV file into a list of maps", usage = "<file.csv>")
public final class CsvToListOfMaps {

  private CsvToListOfMaps() {}

  /**
   * The rows of a UTF-8 CSV file with a header, as maps from column name to value in column order.
   *
   * @throws MalformedFileException if the file is not valid CSV or UTF-8, a column name is empty or
   *     repeated, or a row has more or fewer fields than the header
   * @throws java.nio.file.NoSuchFileException if the file does not exist
   */
  public static List<SequencedMap<String, String>> read(Path csv) throws IOException {
    TextFiles.requireFile(csv, "csv");
    List<SequencedMap<String, String>> rows = new ArrayList<>();
    try (Csv.Table table = Csv.openTable(csv)) {
      for (SequencedMap<String, String> row = table.next(); row != null; row = table.next()) {
        rows.add(row);
      }
    }
    return Collections.unmodifiableList(rows);
  }

  /**
   * Prints the rows of the CSV file named by the only argument, one map per line.
   *
   * @throws IllegalArgumentException unless there is exactly one argument
   */
  public static void main(String... args) throws IOException {
    if (args.length != 1) {
      throw new IllegalArgumentException("usage: junior.files.19 <file.csv>");
    }
    read(Args.toPath(args[0])).forEach(System.out::println);
  }
}
