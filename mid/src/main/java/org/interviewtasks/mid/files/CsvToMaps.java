package org.interviewtasks.mid.files;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.SequencedMap;
import java.util.Set;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Function;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.apache.commons.csv.CSVException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.interviewtasks.common.Args;
import org.interviewtasks.common.RegularFiles;
import org.interviewtasks.common.Task;
import org.interviewtasks.junior.files.CsvToListOfMaps;
import org.interviewtasks.junior.files.MalformedFileException;

/**
 * Reads a CSV file into maps from column name to value, one row at a time, and into typed records.
 *
 * <p>It goes deeper than junior's {@link CsvToListOfMaps}, which reads the whole file into a list
 * ({@link #readAll} is that, reused): here the rows are a lazy {@link Stream}, so a file of any
 * size is processed in constant memory; each {@link Row} knows its line; the header is validated up
 * front (blank or repeated names, required columns missing); and {@link #map} turns rows into
 * records, with any conversion error reported as the file and line it came from.
 *
 * <p><b>Approach.</b> Apache Commons CSV parses RFC 4180 (quoted fields may hold commas, quotes and
 * line breaks, so a row can span lines and "line" means the line it starts on). The first record is
 * the header; each later one is zipped with it into a {@link java.util.LinkedHashMap}, in column
 * order. The stream must be closed (try-with-resources), which closes the file.
 *
 * <p><b>Edge cases.</b> Every problem is a {@link MalformedFileException} naming the file and line
 * (thrown directly for the header, wrapped in an {@link UncheckedIOException} from inside the
 * stream, where checked exceptions cannot pass): a row with more or fewer fields than the header
 * (zipping would invent or drop values), a quote left open, an exception thrown by a mapper, and
 * bytes that are not UTF-8 (named by file only: the decoder reads ahead of the parser, so the line
 * is not known). An empty file has no header: a stream of no rows, unless columns are required.
 * Values are kept exactly, spaces included; a blank line is skipped.
 *
 * <p><b>Follow-up.</b> <i>"Typed columns without writing a mapper?"</i> Jackson's CSV module binds
 * rows to records by column name. <i>"A 50 GB file, in parallel?"</i> Split at line starts that are
 * not inside a quoted field (only knowable by scanning), or partition the file upstream.
 */
@Task(
    id = "mid.files.1",
    title = "Stream a CSV file as maps and typed records",
    usage = "<file.csv>")
public final class CsvToMaps {

  private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().get();

  /**
   * A row of the file.
   *
   * @param line the 1-based line the row starts on
   * @param values the values by column name, in column order
   */
  public record Row(long line, SequencedMap<String, String> values) {

    /**
     * The value of a column.
     *
     * @throws NoSuchElementException if the file has no such column
     */
    public String get(String column) {
      String value = values.get(Objects.requireNonNull(column, "column"));
      if (value == null) {
        throw new NoSuchElementException("no column '" + column + "'; columns: " + values.keySet());
      }
      return value;
    }
  }

  private CsvToMaps() {}

  /**
   * All rows of a UTF-8 CSV file with a header, read at once: junior's {@link
   * CsvToListOfMaps#read}, for small files.
   *
   * @throws MalformedFileException if the file is not valid CSV
   */
  public static List<SequencedMap<String, String>> readAll(Path csv) throws IOException {
    return CsvToListOfMaps.read(csv);
  }

  /**
   * The rows of a UTF-8 CSV file with a header, lazily; close the stream.
   *
   * @param requiredColumns columns the header must have
   * @throws MalformedFileException if the header is blank, repeats a name or lacks a required one
   * @throws NoSuchFileException if the file does not exist
   * @throws java.nio.file.FileSystemException if it is a device or a pipe, which may never end
   */
  public static Stream<Row> stream(Path csv, String... requiredColumns) throws IOException {
    Objects.requireNonNull(csv, "csv");
    Objects.requireNonNull(requiredColumns, "requiredColumns");
    for (String column : requiredColumns) {
      Objects.requireNonNull(column, "requiredColumns must not hold null");
    }
    RegularFiles.requireEnding(csv);
    Reader reader = Files.newBufferedReader(csv, StandardCharsets.UTF_8);
    try {
      CSVParser parser = CSVParser.builder().setReader(reader).setFormat(FORMAT).get();
      Rows rows = new Rows(csv, parser);
      rows.readHeader(List.of(requiredColumns));
      return StreamSupport.stream(
              Spliterators.spliteratorUnknownSize(rows, Spliterator.ORDERED | Spliterator.NONNULL),
              false)
          .onClose(rows::close);
    } catch (IOException | RuntimeException e) {
      reader.close();
      throw e;
    }
  }

  /**
   * The rows of a UTF-8 CSV file mapped to values (records, typically), lazily; close the stream.
   * An exception from {@code mapper} becomes a {@link MalformedFileException} naming the line,
   * wrapped in an {@link UncheckedIOException}.
   *
   * @throws MalformedFileException if the header is invalid or lacks a required column
   */
  public static <T> Stream<T> map(Path csv, Function<Row, T> mapper, String... requiredColumns)
      throws IOException {
    Objects.requireNonNull(mapper, "mapper");
    return stream(csv, requiredColumns)
        .map(
            row -> {
              try {
                return mapper.apply(row);
              } catch (RuntimeException e) {
                throw new UncheckedIOException(
                    new MalformedFileException(
                        csv, row.line(), -1, "cannot convert the row: " + e.getMessage(), e));
              }
            });
  }

  /** Iterates the records after the header, zipping each with it. */
  private static final class Rows implements Iterator<Row> {
    private final Path file;
    private final CSVParser parser;
    private final Iterator<CSVRecord> records;
    private List<String> header = List.of();
    private Row next;

    Rows(Path file, CSVParser parser) {
      this.file = file;
      this.parser = parser;
      this.records = parser.iterator();
    }

    void readHeader(List<String> required) throws IOException {
      CSVRecord first = nextRecord(1);
      if (first == null) {
        if (!required.isEmpty()) {
          throw new MalformedFileException(file, "no header; required columns " + required, null);
        }
        return;
      }
      List<String> names = first.toList();
      Set<String> seen = new HashSet<>();
      for (int i = 0; i < names.size(); i++) {
        String name = names.get(i);
        if (name.isBlank()) {
          throw new MalformedFileException(
              file, 1, -1, "column " + (i + 1) + " of the header has no name", null);
        }
        if (!seen.add(name)) {
          throw new MalformedFileException(file, 1, -1, "column '" + name + "' is repeated", null);
        }
      }
      List<String> missing = new ArrayList<>(required);
      missing.removeAll(seen);
      if (!missing.isEmpty()) {
        throw new MalformedFileException(
            file, 1, -1, "missing required columns " + missing + "; header: " + names, null);
      }
      header = names;
    }

    @Override
    public boolean hasNext() {
      if (next == null && !header.isEmpty()) {
        next = advance();
      }
      return next != null;
    }

    @Override
    public Row next() {
      if (!hasNext()) {
        throw new NoSuchElementException("no more rows in " + file);
      }
      Row row = next;
      next = null;
      return row;
    }

    private Row advance() {
      while (true) {
        long line = parser.getCurrentLineNumber() + 1;
        CSVRecord record;
        try {
          record = nextRecord(line);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
        if (record == null) {
          return null;
        }
        if (record.size() == 1 && record.get(0).isEmpty() && header.size() > 1) {
          continue; // a blank line
        }
        if (record.size() != header.size()) {
          throw new UncheckedIOException(
              new MalformedFileException(
                  file,
                  line,
                  -1,
                  "row has " + record.size() + " fields, the header " + header.size(),
                  null));
        }
        SequencedMap<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i < header.size(); i++) {
          values.put(header.get(i), record.get(i));
        }
        return new Row(line, Collections.unmodifiableSequencedMap(values));
      }
    }

    /** The next record, or null at the end; malformed CSV or UTF-8 named by file and line. */
    private CSVRecord nextRecord(long line) throws IOException {
      try {
        return records.hasNext() ? records.next() : null;
      } catch (UncheckedIOException e) {
        Throwable cause = e.getCause();
        if (cause instanceof CSVException malformed) {
          throw new MalformedFileException(file, line, -1, malformed.getMessage(), malformed);
        }
        // The decoder reads ahead of the parser, so the line of a bad byte is not known here.
        throw new MalformedFileException(file, "not valid UTF-8 text", cause);
      }
    }

    void close() {
      try {
        parser.close();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  /**
   * Prints each row of the CSV file named by the only argument as {@code line: map}.
   *
   * @throws IllegalArgumentException unless there is exactly one argument
   * @throws IOException if the file cannot be read or is malformed
   */
  public static void main(String... args) throws IOException {
    if (args.length != 1) {
      throw new IllegalArgumentException("usage: mid.files.1 <file.csv>");
    }
    try (Stream<Row> rows = stream(Args.toPath(args[0]))) {
      rows.forEach(row -> System.out.println(row.line() + ": " + row.values()));
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }
}
