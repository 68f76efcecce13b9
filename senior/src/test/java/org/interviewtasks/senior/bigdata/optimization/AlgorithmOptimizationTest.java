package org.interviewtasks.senior.bigdata.optimization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.interviewtasks.common.testing.Seeds;
import org.interviewtasks.common.testing.StdStreams;
import org.interviewtasks.senior.bigdata.optimization.AlgorithmOptimization.PageVisitors;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class AlgorithmOptimizationTest {

  /** Both versions, tested with the same cases. */
  interface Report {
    List<PageVisitors> top(List<String> lines, Instant from, Instant to, int k);
  }

  static Stream<Arguments> versions() {
    return Stream.of(
        Arguments.of("naive", (Report) AlgorithmOptimization::naive),
        Arguments.of("optimized", (Report) AlgorithmOptimization::optimized));
  }

  private static final Instant FROM = Instant.parse("2024-05-01T10:00:00Z");
  private static final Instant TO = Instant.parse("2024-05-01T11:00:00Z");

  private static final List<String> LOG =
      List.of(
          "2024-05-01T09:59:59Z 10.0.0.9 GET /a 200", // before the range
          "2024-05-01T10:00:00Z 10.0.0.1 GET /a 200", // first second of the range
          "2024-05-01T10:00:01Z 10.0.0.2 GET /a 200",
          "2024-05-01T10:00:02Z 10.0.0.1 GET /a 201", // the same visitor again
          "2024-05-01T10:05:00Z 10.0.0.3 GET /b 200",
          "2024-05-01T10:06:00Z 10.0.0.4 POST /b 204",
          "2024-05-01T10:07:00Z 10.0.0.5 GET /c 404", // not a success
          "2024-05-01T10:08:00Z 0.0.0.0 GET /c 200",
          "2024-05-01T10:08:01Z 255.255.255.255 GET /d 299",
          "2024-05-01T10:59:59Z 10.0.0.6 GET /e 200",
          "2024-05-01T11:00:00Z 10.0.0.7 GET /e 200", // end of the range: excluded
          "2024-05-01T11:00:01Z 10.0.0.8 GET /e 200");

  @Nested
  class Reports {

    @ParameterizedTest(name = "{0}")
    @MethodSource(
        "org.interviewtasks.senior.bigdata.optimization.AlgorithmOptimizationTest#versions")
    void ranksPagesByDistinctSuccessfulVisitorsInTheRange(String name, Report report) {
      assertThat(report.top(LOG, FROM, TO, 10))
          .containsExactly(
              new PageVisitors("/a", 2),
              new PageVisitors("/b", 2),
              new PageVisitors("/c", 1),
              new PageVisitors("/d", 1),
              new PageVisitors("/e", 1));
      assertThat(report.top(LOG, FROM, TO, 3))
          .containsExactly(
              new PageVisitors("/a", 2), new PageVisitors("/b", 2), new PageVisitors("/c", 1));
      assertThat(report.top(LOG, FROM, TO, 1)).containsExactly(new PageVisitors("/a", 2));
      assertThat(report.top(LOG, FROM, TO, 0)).isEmpty();
      assertThat(report.top(List.of(), FROM, TO, 3)).isEmpty();
      // k is "how many at most": no structure is sized by it.
      assertThat(report.top(LOG, FROM, TO, Integer.MAX_VALUE))
          .isEqualTo(report.top(LOG, FROM, TO, 10));
      assertThat(report.top(List.of(), FROM, TO, Integer.MAX_VALUE)).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(
        "org.interviewtasks.senior.bigdata.optimization.AlgorithmOptimizationTest#versions")
    void rangeBoundsWithFractionsOfASecond(String name, Report report) {
      List<String> log =
          List.of(
              "2024-05-01T10:00:00Z 1.1.1.1 GET /x 200",
              "2024-05-01T10:00:01Z 1.1.1.2 GET /x 200",
              "2024-05-01T10:00:02Z 1.1.1.3 GET /x 200");
      Instant start = Instant.parse("2024-05-01T10:00:00Z");

      assertThat(report.top(log, start.plusMillis(1), start.plusSeconds(2), 1))
          .containsExactly(new PageVisitors("/x", 1));
      assertThat(report.top(log, start.minusNanos(1), start.plusSeconds(2).plusNanos(1), 1))
          .containsExactly(new PageVisitors("/x", 3));
      assertThat(report.top(log, start.plusSeconds(1), start.plusSeconds(2), 1))
          .containsExactly(new PageVisitors("/x", 1));
      assertThat(report.top(log, start.plusMillis(2500), start.plusSeconds(9), 1)).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(
        "org.interviewtasks.senior.bigdata.optimization.AlgorithmOptimizationTest#versions")
    void datesAcrossDaysYearsAndLeapDays(String name, Report report) {
      List<String> log =
          List.of(
              "2023-12-31T23:59:59Z 1.0.0.1 GET /y 200",
              "2024-02-29T12:00:00Z 1.0.0.2 GET /y 200",
              "2024-03-01T00:00:00Z 1.0.0.3 GET /y 200",
              "0000-01-01T00:00:00Z 1.0.0.4 GET /y 200",
              "9999-12-31T23:59:59Z 1.0.0.5 GET /y 200");

      assertThat(
              report.top(
                  log,
                  Instant.parse("2024-01-01T00:00:00Z"),
                  Instant.parse("2024-03-01T00:00:01Z"),
                  1))
          .containsExactly(new PageVisitors("/y", 2));
      assertThat(
              report.top(
                  log,
                  Instant.parse("-0001-01-01T00:00:00Z"),
                  Instant.parse("+10000-01-01T00:00:00Z"),
                  1))
          .containsExactly(new PageVisitors("/y", 5));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(
        "org.interviewtasks.senior.bigdata.optimization.AlgorithmOptimizationTest#versions")
    void rejectsBadArguments(String name, Report report) {
      assertThatIllegalArgumentException()
          .isThrownBy(() -> report.top(LOG, FROM, TO, -1))
          .withMessage("k must not be negative: -1");
      assertThatIllegalArgumentException()
          .isThrownBy(() -> report.top(LOG, TO, FROM, 1))
          .withMessage("empty time range: 2024-05-01T11:00:00Z to 2024-05-01T10:00:00Z");
      assertThatIllegalArgumentException()
          .isThrownBy(() -> report.top(LOG, FROM, FROM, 1))
          .withMessage("empty time range: 2024-05-01T10:00:00Z to 2024-05-01T10:00:00Z");
      assertThatNullPointerException()
          .isThrownBy(() -> report.top(null, FROM, TO, 1))
          .withMessage("lines");
      assertThatNullPointerException()
          .isThrownBy(() -> report.top(LOG, null, TO, 1))
          .withMessage("from");
      assertThatNullPointerException()
          .isThrownBy(() -> report.top(LOG, FROM, null, 1))
          .withMessage("to");
      assertThatNullPointerException()
          .isThrownBy(() -> report.top(Arrays.asList(LOG.get(0), null), FROM, TO, 1))
          .withMessage("line 2");
    }
  }

  @Nested
  class MalformedLines {

    static Stream<Arguments> cases() {
      String[][] table = {
        {"2024-05-01T10:00:00Z 1.2.3.4 GET /a", "expected 5 fields separated by single spaces"},
        {
          "2024-05-01T10:00:00Z 1.2.3.4 GET /a 200 extra",
          "expected 5 fields separated by single spaces"
        },
        {
          "2024-05-01T10:00:00Z  1.2.3.4 GET /a 200", "expected 5 fields separated by single spaces"
        },
        {" 2024-05-01T10:00:00Z 1.2.3.4 GET /a", "expected 5 fields separated by single spaces"},
        {"2024-05-01T10:00:00Z 1.2.3.4 GET /a ", "expected 5 fields separated by single spaces"},
        {"2024-05-01T10:00:00Z 1.2.3.4  /a 200", "expected 5 fields separated by single spaces"},
        {"2024-05-01T10:00:00Z 1.2.3.4 GET  200", "expected 5 fields separated by single spaces"},
        {"", "expected 5 fields separated by single spaces"},
        {"2024-05-01 1.2.3.4 GET /a 200", "bad timestamp"},
        {"2024-05-01T10:00:00.5Z 1.2.3.4 GET /a 200", "bad timestamp"},
        {"+12024-05-01T10:00:00Z 1.2.3.4 GET /a 200", "bad timestamp"},
        {"2024-05-01T10:00:00+01 1.2.3.4 GET /a 200", "bad timestamp"},
        {"2024-05-01X10:00:00Z 1.2.3.4 GET /a 200", "bad timestamp"},
        {"2024/05-01T10:00:00Z 1.2.3.4 GET /a 200", "bad timestamp"},
        {"2024-05/01T10:00:00Z 1.2.3.4 GET /a 200", "bad timestamp"},
        {"2024-05-01T10-00:00Z 1.2.3.4 GET /a 200", "bad timestamp"},
        {"2024-05-01T10:00-00Z 1.2.3.4 GET /a 200", "bad timestamp"},
        {"2024-05-0aT10:00:00Z 1.2.3.4 GET /a 200", "bad timestamp"},
        {"2024-05-01T10:00:0/Z 1.2.3.4 GET /a 200", "bad timestamp"},
        {"2024-13-01T10:00:00Z 1.2.3.4 GET /a 200", "bad timestamp"},
        {"2024-00-01T10:00:00Z 1.2.3.4 GET /a 200", "bad timestamp"},
        {"2023-02-29T10:00:00Z 1.2.3.4 GET /a 200", "bad timestamp"},
        {"2024-04-31T10:00:00Z 1.2.3.4 GET /a 200", "bad timestamp"},
        {"2024-05-00T10:00:00Z 1.2.3.4 GET /a 200", "bad timestamp"},
        {"2024-05-01T24:00:00Z 1.2.3.4 GET /a 200", "bad timestamp"},
        {"2024-05-01T10:60:00Z 1.2.3.4 GET /a 200", "bad timestamp"},
        {"2024-05-01T10:00:60Z 1.2.3.4 GET /a 200", "bad timestamp"},
        {"٢٠٢٤-05-01T10:00:00Z 1.2.3.4 GET /a 200", "bad timestamp"},
        {"2024-05-01T10:00:00Z 1.2.3 GET /a 200", "bad IPv4 address"},
        {"2024-05-01T10:00:00Z 1.2.3.4.5 GET /a 200", "bad IPv4 address"},
        {"2024-05-01T10:00:00Z 1.2.3.256 GET /a 200", "bad IPv4 address"},
        {"2024-05-01T10:00:00Z 300.2.3.4 GET /a 200", "bad IPv4 address"},
        {"2024-05-01T10:00:00Z 01.2.3.4 GET /a 200", "bad IPv4 address"},
        {"2024-05-01T10:00:00Z 1.2.3.1234 GET /a 200", "bad IPv4 address"},
        {"2024-05-01T10:00:00Z 1.2..4 GET /a 200", "bad IPv4 address"},
        {"2024-05-01T10:00:00Z 1.2.3. GET /a 200", "bad IPv4 address"},
        {"2024-05-01T10:00:00Z 1.2.3.4x GET /a 200", "bad IPv4 address"},
        {"2024-05-01T10:00:00Z 255.255.255.2555 GET /a 200", "bad IPv4 address"},
        {"2024-05-01T10:00:00Z 1-2.3.4 GET /a 200", "bad IPv4 address"},
        {"2024-05-01T10:00:00Z ::1 GET /a 200", "bad IPv4 address"},
        {"2024-05-01T10:00:00Z 1.2.3.4 GET a 200", "bad path"},
        {"2024-05-01T10:00:00Z 1.2.3.4 GET /a 20", "bad status"},
        {"2024-05-01T10:00:00Z 1.2.3.4 GET /a 2000", "bad status"},
        {"2024-05-01T10:00:00Z 1.2.3.4 GET /a 600", "bad status"},
        {"2024-05-01T10:00:00Z 1.2.3.4 GET /a 099", "bad status"},
        {"2024-05-01T10:00:00Z 1.2.3.4 GET /a 2x0", "bad status"},
        {"2024-05-01T10:00:00Z 1.2.3.4 GET /a 20x", "bad status"},
        {"2024-05-01T10:00:00Z 1.2.3.4 GET /a OK", "bad status"}
      };
      return versions()
          .flatMap(
              v ->
                  Arrays.stream(table)
                      .map(row -> Arguments.of(v.get()[0], v.get()[1], row[0], row[1])));
    }

    @ParameterizedTest(name = "{0}: ''{2}'' -> {3}")
    @MethodSource("cases")
    void failsWithTheLineNumberAndTheProblem(
        String name, Report report, String line, String problem) {
      List<String> log = List.of("2024-05-01T10:00:00Z 1.2.3.4 GET /a 200", line);

      assertThatIllegalArgumentException()
          .isThrownBy(() -> report.top(log, FROM, TO, 1))
          .withMessage("line 2: " + problem + ": '" + line + "'");
    }
  }

  @Nested
  class BeforeAndAfter {

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("org.interviewtasks.senior.bigdata.optimization.AlgorithmOptimizationTest#seeds")
    void optimizedGivesTheNaiveResultsOrTheSameError(long seed) {
      SplittableRandom random = new SplittableRandom(seed);
      List<String> log =
          new ArrayList<>(
              AlgorithmOptimization.sampleLog(
                  seed, random.nextInt(300), 1 + random.nextInt(20), 1 + random.nextInt(60)));
      if (!log.isEmpty() && random.nextInt(4) == 0) {
        int at = random.nextInt(log.size());
        char[] chars = log.get(at).toCharArray();
        chars[random.nextInt(chars.length)] = " 0:.-/Z9x".charAt(random.nextInt(9));
        log.set(at, new String(chars));
      }
      Instant from = Instant.parse("2024-05-01T00:00:00Z").plusMillis(random.nextLong(200_000));
      Instant to = from.plusMillis(1 + random.nextLong(400_000));
      int k = random.nextInt(8);

      Throwable naiveError = catchThrowable(() -> AlgorithmOptimization.naive(log, from, to, k));
      if (naiveError == null) {
        assertThat(AlgorithmOptimization.optimized(log, from, to, k))
            .isEqualTo(AlgorithmOptimization.naive(log, from, to, k));
      } else {
        assertThatIllegalArgumentException()
            .isThrownBy(() -> AlgorithmOptimization.optimized(log, from, to, k))
            .withMessage(naiveError.getMessage());
      }
    }

    @Test
    void aLargerLogGivesTheSameReport() {
      List<String> log = AlgorithmOptimization.sampleLog(9, 10_000, 100, 2_000);
      Instant from = Instant.parse("2024-05-01T01:00:00Z");
      Instant to = Instant.parse("2024-05-01T03:00:00Z");

      List<PageVisitors> expected = AlgorithmOptimization.naive(log, from, to, 10);
      assertThat(expected).hasSize(10);
      assertThat(expected.get(0).visitors()).isGreaterThan(expected.get(9).visitors());
      assertThat(AlgorithmOptimization.optimized(log, from, to, 10)).isEqualTo(expected);
    }
  }

  @Nested
  class SampleLog {

    @Test
    void isValidTimeOrderedAndRepeatable() {
      List<String> log = AlgorithmOptimization.sampleLog(3, 1000, 7, 50);

      assertThat(log).hasSize(1000).isEqualTo(AlgorithmOptimization.sampleLog(3, 1000, 7, 50));
      assertThat(log.stream().map(line -> line.substring(0, 20)).toList()).isSorted();
      assertThat(log.get(0))
          .startsWith("2024-05-01T00:00:0")
          .matches(".* (GET|POST) /page/[0-6] (200|404)");
      assertThat(log.stream().map(l -> l.split(" ", -1)[1]).distinct().count()).isBetween(20L, 50L);
      assertThat(
              AlgorithmOptimization.optimized(
                  log, Instant.EPOCH, Instant.parse("2030-01-01T00:00:00Z"), 7))
          .hasSize(7);
    }

    @ParameterizedTest
    @CsvSource({
      "-1, 1, 1",
      "1, 0, 1",
      "1, 1, 0",
      "1000001, 1, 1",
      "1, 1000001, 1",
      "1, 1, 2147483647"
    })
    void rejectsBadSizes(int lines, int pages, int visitors) {
      assertThatIllegalArgumentException()
          .isThrownBy(() -> AlgorithmOptimization.sampleLog(1, lines, pages, visitors))
          .withMessage(
              "need lines in 0..1000000, pages and visitors in 1..1000000: "
                  + lines
                  + ", "
                  + pages
                  + ", "
                  + visitors);
    }
  }

  @Nested
  class Main {

    @Test
    void runsBothVersionsAndPrintsTheSameTopPages() throws Exception {
      var printed = StdStreams.capture(() -> AlgorithmOptimization.main("2000"));
      String[] lines = printed.out().strip().split("\\R", -1);

      assertThat(lines).hasSize(2);
      assertThat(lines[0]).matches("naive +\\d+ ms +[\\d,]+ bytes allocated  \\[PageVisitors.*\\]");
      assertThat(lines[1])
          .matches("optimized +\\d+ ms +[\\d,]+ bytes allocated  \\[PageVisitors.*\\]");
      assertThat(lines[0].substring(lines[0].indexOf('[')))
          .isEqualTo(lines[1].substring(lines[1].indexOf('[')));
    }

    @Test
    void runsOneVersion() throws Exception {
      assertThat(StdStreams.capture(() -> AlgorithmOptimization.main("100", "naive")).out())
          .startsWith("naive ")
          .doesNotContain("optimized");
      assertThat(StdStreams.capture(() -> AlgorithmOptimization.main("100", "optimized")).out())
          .startsWith("optimized ")
          .doesNotContain("naive");
    }

    @Test
    void rejectsBadArguments() {
      for (String[] args : new String[][] {{}, {"1", "fast"}, {"1", "naive", "x"}}) {
        assertThatIllegalArgumentException()
            .isThrownBy(() -> AlgorithmOptimization.main(args))
            .withMessage("usage: senior.bigdata.6 <lines 1..1000000> [naive|optimized|both]");
      }
      assertThatIllegalArgumentException()
          .isThrownBy(() -> AlgorithmOptimization.main("many"))
          .withMessage("not an int: 'many'");
    }
  }

  static LongStream seeds() {
    return Seeds.derive(200);
  }

  @Test
  void theCommandLineGeneratesAtMostAMillionLines() {
    for (String lines : new String[] {"0", "-1", "1000001", "2147483647"}) {
      assertThatIllegalArgumentException()
          .isThrownBy(() -> AlgorithmOptimization.main(lines))
          .withMessage("lines must be in 1..1000000 (a log held in memory): " + lines);
    }
  }
}
