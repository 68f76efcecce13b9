package org.interviewtasks.junior.files;

import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.SequencedMap;
import org.apache.commons.csv.CSVException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.csv.DuplicateHeaderMode;

/**
 * The CSV dialect of the file tasks, and reading that reports malformed input with the file and the
 * line, through Apache Commons CSV.
 *
 * <p>The dialect is RFC 4180: fields separated by commas; a field holding a comma, a quote or a
 * line break is enclosed in double quotes, with quotes inside doubled ({@code "say ""hi"""}).
 * Records are written with {@code \r\n} as the RFC says; both {@code \r\n} and {@code \n} are read.
 * Fields are kept exactly, spaces included; a leading byte order mark is skipped.
 */
final class Csv {

  /** How the tasks read and write CSV. */
  static final CSVFormat FORMAT =
      CSVFormat.RFC4180.builder().setDuplicateHeaderMode(DuplicateHeaderMode.DISALLOW).get();

  private static final CSVFormat WITH_HEADER =
      FORMAT.builder().setHeader().setSkipHeaderRecord(true).get();

  private Csv() {}

  /** A printer of {@link #FORMAT} on {@code out}. */
  static CSVPrinter printer(Writer out) throws IOException {
    return new CSVPrinter(out, FORMAT);
  }

  /**
   * A record of a CSV file: its fields and the line it starts on (a quoted field with line breaks
   * makes a record span several lines).
   */
  record Row(long line, List<String> fields) {}

  /**
   * Reads the records of a CSV file one at a time, all of them (the first line is a record like any
   * other) or, with {@link #openTable}, the rows under a header.
   */
  static final class Reader implements Closeable {

    private final Path file;
    private final CSVParser parser;
    private final Iterator<CSVRecord> records;

    private Reader(Path file, CSVParser parser) {
      this.file = file;
      this.parser = parser;
      this.records = parser.iterator();
    }

    /** The next record, or {@code null} at the end of the file. */
    Row next() throws IOException {
      long line = parser.getCurrentLineNumber() + 1;
      try {
        if (!records.hasNext()) {
          return null;
        }
        return new Row(line, records.next().toList());
      } catch (UncheckedIOException e) {
        if (e.getCause() instanceof CSVException malformed) {
          throw new MalformedFileException(file, line, -1, malformed.getMessage(), malformed);
        }
        throw e.getCause(); // not valid UTF-8, or the disk failed
      }
    }

    @Override
    public void close() throws IOException {
      parser.close();
    }
  }

  /** Opens a CSV file, checked with {@link TextFiles#requireFile}, to read all its records. */
  static Reader open(Path file) throws IOException {
    BufferedReader in = TextFiles.newReaderSkippingBom(file);
    return new Reader(file, CSVParser.builder().setReader(in).setFormat(FORMAT).get());
  }

  /**
   * Opens a CSV file whose first record is a header naming the columns; {@link Table#next()} then
   * returns the rows as maps from column name to value.
   *
   * @throws MalformedFileException if a column name is empty or repeated
   */
  static Table openTable(Path file) throws IOException {
    BufferedReader in = TextFiles.newReaderSkippingBom(file);
    CSVParser parser;
    try {
      parser = CSVParser.builder().setReader(in).setFormat(WITH_HEADER).get();
    } catch (IllegalArgumentException | CSVException e) { // a name empty or repeated, a quote open
      TextFiles.closeQuietly(in, e);
      throw new MalformedFileException(file, 1, -1, e.getMessage(), e);
    } catch (IOException e) { // not UTF-8
      TextFiles.closeQuietly(in, e);
      throw e;
    }
    return new Table(file, parser);
  }

  /** The rows of a CSV file with a header. */
  static final class Table implements Closeable {

    private final Path file;
    private final List<String> header;
    private final Reader reader;
    private long line;

    private Table(Path file, CSVParser parser) {
      this.file = file;
      this.header = parser.getHeaderNames();
      this.reader = new Reader(file, parser);
    }

    /** The column names, in file order; empty for an empty file. */
    List<String> header() {
      return header;
    }

    /**
     * The next row as an unmodifiable map from column name to value, in column order, or {@code
     * null} at the end. A blank line in a table of several columns holds no row and is skipped; in
     * a one-column table it is a row whose value is empty.
     *
     * @throws MalformedFileException if the row has more or fewer fields than the header
     */
    SequencedMap<String, String> next() throws IOException {
      Row row = reader.next();
      while (row != null && isBlankLine(row) && header.size() > 1) {
        row = reader.next();
      }
      if (row == null) {
        return null;
      }
      line = row.line();
      List<String> fields = row.fields();
      if (fields.size() != header.size()) {
        throw new MalformedFileException(
            file,
            row.line(),
            -1,
            fields.size() + " fields, but the header has " + header.size() + " columns",
            null);
      }
      SequencedMap<String, String> values = new LinkedHashMap<>();
      for (int i = 0; i < fields.size(); i++) {
        values.put(header.get(i), fields.get(i));
      }
      return Collections.unmodifiableSequencedMap(values);
    }

    /** The line the row last returned by {@link #next()} starts on. */
    long line() {
      return line;
    }

    private static boolean isBlankLine(Row row) {
      return row.fields().size() == 1 && row.fields().get(0).isEmpty();
    }

    @Override
    public void close() throws IOException {
      reader.close();
    }
  }
}
