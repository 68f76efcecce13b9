package org.interviewtasks.junior.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Objects;
import org.interviewtasks.common.RegularFiles;
import org.interviewtasks.common.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Processes records of data and logs what happens: information about the progress, warnings about
 * bad records, errors when a file cannot be read.
 *
 * <p>The data are lines of {@code <label>,<amount>}, e.g. {@code coffee,3.50}; the result is a
 * {@link Summary}: how many records were accepted, how many rejected, and the exact total of the
 * amounts. Blank lines and lines starting with {@code #} are skipped.
 *
 * <p><b>Approach.</b> The code logs through the SLF4J API only; which backend writes the events,
 * and where, is configured by the application (Logback in this project's tests and demos). Levels
 * carry meaning: DEBUG for each record (off in production), INFO for the start and the summary of a
 * run, WARN for a rejected record (the run goes on; the reason is enough, a stack trace per bad
 * line would bury the log), ERROR for a failure that stops a unit of work (a file that cannot be
 * read), with its stack trace. Messages use {@code {}} placeholders instead of string
 * concatenation, so nothing is formatted when the level is off, and an exception passed as the last
 * argument is logged with its stack trace. A failure is logged once, where it is handled: {@link
 * #processFile} lets its {@link IOException} propagate without logging it, and {@link #main}, which
 * decides to go on with the next file, logs it at ERROR; logging and rethrowing would log it twice.
 *
 * <p><b>Edge cases.</b> A record without a comma, with an empty label, or with an amount that is
 * not a number is rejected with a WARN naming the line number and the record, and counted. The
 * amounts are added as {@link BigDecimal}, exactly. An empty input gives a summary of zeros. A file
 * is read as UTF-8, line by line, so its size does not matter; malformed UTF-8 is an {@link
 * IOException}.
 *
 * <p><b>Follow-up.</b> <i>"How do you test logging?"</i> Attach a Logback {@code ListAppender} to
 * the class's logger and assert on the captured events: level, message, arguments, exception (see
 * the test). <i>"Correlating the lines of one request?"</i> Put a request id in the MDC ({@code
 * MDC.put}) and add {@code %X{id}} to the log pattern.
 */
@Task(id = "junior.testing.3", title = "Logging while processing data", usage = "<file> [file...]")
public final class LoggingDataProcessor {

  private static final Logger LOG = LoggerFactory.getLogger(LoggingDataProcessor.class);

  /**
   * The result of a run.
   *
   * @param accepted records processed
   * @param rejected malformed records skipped
   * @param total the sum of the accepted amounts
   */
  public record Summary(long accepted, long rejected, BigDecimal total) {

    /** Checks the counts. */
    public Summary {
      if (accepted < 0 || rejected < 0) {
        throw new IllegalArgumentException("counts must not be negative");
      }
      Objects.requireNonNull(total, "total");
    }
  }

  private LoggingDataProcessor() {}

  /** Processes the lines of one input; see the class comment for the format. */
  public static Summary process(Iterable<String> lines) {
    return process(Objects.requireNonNull(lines, "lines").iterator());
  }

  private static Summary process(Iterator<String> lines) {
    LOG.info("processing records");
    long accepted = 0;
    long rejected = 0;
    BigDecimal total = BigDecimal.ZERO;
    int lineNumber = 0;
    while (lines.hasNext()) {
      String line = lines.next();
      lineNumber++;
      Objects.requireNonNull(line, "line");
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      try {
        BigDecimal amount = amountOf(line);
        total = total.add(amount);
        accepted++;
        LOG.debug("line {}: accepted {}", lineNumber, amount);
      } catch (IllegalArgumentException e) {
        rejected++;
        LOG.warn("line {}: rejected '{}': {}", lineNumber, line, e.getMessage()); // no stack trace
      }
    }
    Summary summary = new Summary(accepted, rejected, total);
    LOG.info(
        "processed {} records: {} accepted, {} rejected, total {}",
        accepted + rejected,
        accepted,
        rejected,
        total.toPlainString());
    return summary;
  }

  /**
   * Processes the lines of a UTF-8 file; the exception of a file that cannot be read is thrown, not
   * logged.
   *
   * @throws IOException if the file cannot be read, or is not valid UTF-8
   */
  public static Summary processFile(Path file) throws IOException {
    Objects.requireNonNull(file, "file");
    RegularFiles.requireEnding(file);
    LOG.info("reading {}", file);
    try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      return process(reader.lines().iterator()); // streams: one line in memory at a time
    } catch (UncheckedIOException e) {
      throw e.getCause(); // what reader.lines() wraps while streaming
    }
  }

  /** The amount of a record, or an exception that says why there is none. */
  private static BigDecimal amountOf(String record) {
    int comma = record.lastIndexOf(',');
    if (comma < 0) {
      throw new IllegalArgumentException("no comma between label and amount");
    }
    if (record.substring(0, comma).isBlank()) {
      throw new IllegalArgumentException("empty label");
    }
    String amount = record.substring(comma + 1).strip();
    try {
      return new BigDecimal(amount);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("not an amount: '" + amount + "'", e);
    }
  }

  /**
   * Processes each file given as argument and prints its summary; a file that cannot be read is
   * logged at ERROR and skipped.
   */
  public static void main(String... args) {
    if (args.length == 0) {
      throw new IllegalArgumentException("usage: junior.testing.3 <file> [file...]");
    }
    for (String name : args) {
      Path file = Path.of(name);
      try {
        System.out.println(file + ": " + processFile(file));
      } catch (IOException e) {
        LOG.error("cannot process {}, skipping it", file, e); // handled here: logged once
      }
    }
  }
}
