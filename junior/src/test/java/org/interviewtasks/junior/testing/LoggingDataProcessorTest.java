package org.interviewtasks.junior.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.interviewtasks.common.testing.Seeds;
import org.interviewtasks.common.testing.StdStreams;
import org.interviewtasks.junior.testing.LoggingDataProcessor.Summary;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.slf4j.LoggerFactory;

/**
 * Asserts on what {@link LoggingDataProcessor} logs, by capturing the events of its logger with a
 * Logback {@link ListAppender}: level, formatted message, arguments and exception.
 *
 * <p>The logger is set to DEBUG for the test (so every level is recorded, whatever {@code
 * logback-test.xml} says) and made non-additive, so the events are not also printed by the root
 * logger's console appender; both are restored afterwards.
 */
@DisplayName("LoggingDataProcessor")
class LoggingDataProcessorTest {

  private final Logger logger = (Logger) LoggerFactory.getLogger(LoggingDataProcessor.class);
  private final ListAppender<ILoggingEvent> events = new ListAppender<>();
  private Level savedLevel;
  private boolean savedAdditive;

  @BeforeEach
  void captureEvents() {
    savedLevel = logger.getLevel();
    savedAdditive = logger.isAdditive();
    logger.setLevel(Level.DEBUG);
    logger.setAdditive(false);
    events.start();
    logger.addAppender(events);
  }

  @AfterEach
  void restoreLogger() {
    logger.detachAppender(events);
    events.stop();
    logger.setLevel(savedLevel);
    logger.setAdditive(savedAdditive);
  }

  private List<String> messages() {
    return events.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
  }

  @Nested
  @DisplayName("process()")
  class Processing {

    @Test
    void summarizesTheRecordsExactly() {
      Summary summary = LoggingDataProcessor.process(List.of("a,0.1", "b,0.2", "c, 0.30 "));

      assertThat(summary).isEqualTo(new Summary(3, 0, new BigDecimal("0.60")));
    }

    @Test
    @DisplayName("logs INFO at start and end, DEBUG per record, WARN per rejected record")
    void logsEachLevelWithItsMeaning() {
      LoggingDataProcessor.process(List.of("coffee,3.50", "# a comment", "tea;2", "", "cake,x"));

      assertThat(events.list)
          .extracting(ILoggingEvent::getLevel, ILoggingEvent::getFormattedMessage)
          .containsExactly(
              tuple(Level.INFO, "processing records"),
              tuple(Level.DEBUG, "line 1: accepted 3.50"),
              tuple(Level.WARN, "line 3: rejected 'tea;2': no comma between label and amount"),
              tuple(Level.WARN, "line 5: rejected 'cake,x': not an amount: 'x'"),
              tuple(Level.INFO, "processed 3 records: 1 accepted, 2 rejected, total 3.50"));
    }

    @Test
    @DisplayName("passes values as arguments, not concatenated into the message")
    void usesPlaceholders() {
      LoggingDataProcessor.process(List.of("x,1", ",2"));

      ILoggingEvent debug = events.list.get(1);
      assertThat(debug.getMessage()).isEqualTo("line {}: accepted {}");
      assertThat(debug.getArgumentArray()).containsExactly(1, new BigDecimal("1"));
      ILoggingEvent warn = events.list.get(2);
      assertThat(warn.getMessage()).isEqualTo("line {}: rejected '{}': {}");
      assertThat(warn.getArgumentArray()).containsExactly(2, ",2", "empty label");
      assertThat(warn.getThrowableProxy()).isNull(); // a bad record needs no stack trace
      assertThat(warn.getLoggerName()).isEqualTo(LoggingDataProcessor.class.getName());
    }

    @Test
    @DisplayName("records no DEBUG events when the level is INFO")
    void respectsTheLevel() {
      logger.setLevel(Level.INFO);

      LoggingDataProcessor.process(List.of("a,1", "b,2", "bad"));

      assertThat(events.list)
          .extracting(ILoggingEvent::getLevel)
          .containsExactly(Level.INFO, Level.WARN, Level.INFO);
    }

    @Test
    void handlesAnEmptyInput() {
      Summary summary = LoggingDataProcessor.process(List.of());

      assertThat(summary).isEqualTo(new Summary(0, 0, BigDecimal.ZERO));
      assertThat(messages())
          .containsExactly(
              "processing records", "processed 0 records: 0 accepted, 0 rejected, total 0");
    }

    @Test
    void takesTheLastCommaAsTheSeparator() {
      Summary summary =
          LoggingDataProcessor.process(List.of("café, crème,1.25", "  ,3", "日本,-0.25", "z,"));

      assertThat(summary).isEqualTo(new Summary(2, 2, new BigDecimal("1.00")));
      assertThat(messages())
          .contains(
              "line 2: rejected '  ,3': empty label", "line 4: rejected 'z,': not an amount: ''");
    }

    @Test
    void rejectsNulls() {
      assertThatNullPointerException()
          .isThrownBy(() -> LoggingDataProcessor.process(null))
          .withMessage("lines");
      assertThatNullPointerException()
          .isThrownBy(() -> LoggingDataProcessor.process(Arrays.asList("a,1", null)))
          .withMessage("line");
    }
  }

  @Nested
  @DisplayName("processFile()")
  class FileInput {

    @Test
    void readsUtf8Lines(@TempDir Path dir) throws IOException {
      Path file = dir.resolve("data.csv");
      Files.writeString(
          file, "crème brûlée,4.20\n# total below\n😀,0.80\n", StandardCharsets.UTF_8);

      Summary summary = LoggingDataProcessor.processFile(file);

      assertThat(summary).isEqualTo(new Summary(2, 0, new BigDecimal("5.00")));
      assertThat(events.list.get(0).getFormattedMessage()).isEqualTo("reading " + file);
      assertThat(events.list.get(0).getLevel()).isEqualTo(Level.INFO);
    }

    @Test
    @DisplayName("throws, without logging, when the file cannot be read")
    void throwsWithoutLogging(@TempDir Path dir) {
      Path missing = dir.resolve("missing.csv");

      assertThatThrownBy(() -> LoggingDataProcessor.processFile(missing))
          .isInstanceOf(NoSuchFileException.class);
      assertThat(events.list).extracting(ILoggingEvent::getLevel).containsOnly(Level.INFO);
    }

    @Test
    void throwsOnMalformedUtf8(@TempDir Path dir) throws IOException {
      Path file = dir.resolve("latin1.csv");
      Files.write(file, "ok,1\ncaf\u00e9,2\n".getBytes(StandardCharsets.ISO_8859_1));

      assertThatThrownBy(() -> LoggingDataProcessor.processFile(file))
          .isInstanceOf(MalformedInputException.class);
    }

    @Test
    void rejectsNull() {
      assertThatNullPointerException()
          .isThrownBy(() -> LoggingDataProcessor.processFile(null))
          .withMessage("file");
    }
  }

  @Nested
  @DisplayName("main()")
  class Main {

    @Test
    @DisplayName("logs an unreadable file at ERROR with its exception, and goes on")
    void logsTheErrorOnceWhereItIsHandled(@TempDir Path dir) throws Exception {
      Path missing = dir.resolve("missing.csv");
      Path good = dir.resolve("good.csv");
      Files.writeString(good, "a,1\n", StandardCharsets.UTF_8);

      var printed =
          StdStreams.capture(() -> LoggingDataProcessor.main(missing.toString(), good.toString()));

      assertThat(printed.out().lines())
          .containsExactly(good + ": Summary[accepted=1, rejected=0, total=1]");
      List<ILoggingEvent> errors =
          events.list.stream().filter(e -> e.getLevel() == Level.ERROR).toList();
      assertThat(errors).hasSize(1);
      ILoggingEvent error = errors.get(0);
      assertThat(error.getFormattedMessage())
          .isEqualTo("cannot process " + missing + ", skipping it");
      assertThat(error.getArgumentArray()).containsExactly(missing);
      assertThat(error.getThrowableProxy().getClassName())
          .isEqualTo(NoSuchFileException.class.getName());
      assertThat(error.getThrowableProxy().getMessage()).isEqualTo(missing.toString());
    }

    @Test
    void needsAFile() {
      assertThatIllegalArgumentException()
          .isThrownBy(LoggingDataProcessor::main)
          .withMessage("usage: junior.testing.3 <file> [file...]");
    }
  }

  /** Random records, some malformed, against a count and sum computed on the side. */
  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void countsAndAddsLikeAnOracle(long seed) {
    var random = new SplittableRandom(seed);
    List<String> lines = new ArrayList<>();
    long accepted = 0;
    long rejected = 0;
    long cents = 0;
    for (int i = random.nextInt(30); i > 0; i--) {
      long amount = random.nextLong(-100_000, 100_000);
      switch (random.nextInt(4)) {
        case 0 -> {
          lines.add("item" + i + ";" + amount);
          rejected++;
        }
        case 1 -> lines.add("# note " + i);
        default -> {
          lines.add("item" + i + "," + BigDecimal.valueOf(amount, 2));
          accepted++;
          cents += amount;
        }
      }
    }

    Summary summary = LoggingDataProcessor.process(lines);

    assertThat(summary.accepted()).isEqualTo(accepted);
    assertThat(summary.rejected()).isEqualTo(rejected);
    assertThat(summary.total()).isEqualByComparingTo(BigDecimal.valueOf(cents, 2));
    assertThat(events.list).filteredOn(e -> e.getLevel() == Level.WARN).hasSize((int) rejected);
    assertThat(events.list).filteredOn(e -> e.getLevel() == Level.DEBUG).hasSize((int) accepted);
  }

  @Test
  void summariesRejectNegativeCounts() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new Summary(-1, 0, BigDecimal.ZERO))
        .withMessage("counts must not be negative");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new Summary(0, -1, BigDecimal.ZERO))
        .withMessage("counts must not be negative");
    assertThatNullPointerException().isThrownBy(() -> new Summary(0, 0, null)).withMessage("total");
  }

  static LongStream seeds() {
    return Seeds.derive(200);
  }
}
