package org.interviewtasks.senior.concurrency.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.interviewtasks.common.testing.Seeds;
import org.interviewtasks.common.testing.StdStreams;
import org.interviewtasks.senior.concurrency.pipeline.DataPipeline.Query;
import org.interviewtasks.senior.concurrency.pipeline.DataPipeline.ZoneRevenue;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class DataPipelineTest {

  private static final Query MORNING = new Query(7, 10, 10);
  private static final Query ALL_DAY = new Query(0, 24, 1000);

  private static ForkJoinPool[] pools;

  @TempDir Path dir;

  @BeforeAll
  static void startPools() {
    pools = new ForkJoinPool[] {new ForkJoinPool(1), new ForkJoinPool(2), new ForkJoinPool(3)};
  }

  @AfterAll
  static void stopPools() {
    for (ForkJoinPool pool : pools) {
      pool.close();
    }
  }

  Path generated(long seed, long rows) throws IOException {
    Path file = dir.resolve("trips-" + seed + "-" + rows + ".csv");
    TripData.write(file, seed, rows);
    return file;
  }

  Path csv(String name, String content) throws IOException {
    return Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
  }

  static void assertSameAnswer(Path file, Query query, ForkJoinPool pool, int chunk)
      throws IOException {
    List<ZoneRevenue> expected = DataPipeline.naive(file, query);
    assertThat(DataPipeline.optimized(file, query, pool, chunk))
        .as("%s, chunks of %d, %d threads", query, chunk, pool.getParallelism())
        .isEqualTo(expected);
  }

  // ---- same answers ---------------------------------------------------------------------------

  @Test
  void bothVersionsAgreeOnAGeneratedMonthOfTrips() throws IOException {
    Path file = generated(2024, 50_000);
    List<ZoneRevenue> top = DataPipeline.naive(file, MORNING);
    assertThat(top).hasSize(10);
    assertThat(top).isSortedAccordingTo(DataPipeline.RANKING);
    assertThat(top.get(0).zone()).isLessThan(50); // the popular zones are the low numbers
    assertThat(DataPipeline.optimized(file, MORNING)).isEqualTo(top);
    for (ForkJoinPool pool : pools) {
      assertSameAnswer(file, MORNING, pool, 64 * 1024);
      assertSameAnswer(file, ALL_DAY, pool, DataPipeline.DEFAULT_CHUNK_SIZE);
    }
  }

  @Test
  void everyChunkSizeFromOneByteSplitsLinesCorrectly() throws IOException {
    Path file = generated(5, 6);
    for (int chunk = 1; chunk <= 200; chunk++) {
      assertSameAnswer(file, ALL_DAY, pools[chunk % 3], chunk);
    }
    Path small = generated(6, 2_000);
    for (int chunk : new int[] {57, 58, 59, 97, 1000, 4096, 65_536}) {
      assertSameAnswer(small, MORNING, pools[1], chunk);
    }
  }

  @Test
  void totalsAreExactInCents() throws IOException {
    Path file =
        csv(
            "exact.csv",
            DataPipeline.HEADER
                + "\n2024-03-01T08:00:00,5,6,1,0.10,0.10,0.20,card"
                + "\n2024-03-01T08:59:59,5,6,2,0.20,0.20,0.00,cash"
                + "\n2024-03-01T09:00:00,5,6,0,9.99,99.00,1.00,card" // no passenger
                + "\n2024-03-01T10:00:00,5,6,1,1.00,5.00,1.00,card" // outside [8, 10)
                + "\n2024-03-01T09:30:00,7,6,1,999999.99,999999.99,999999.99,card\n");
    Query query = new Query(8, 10, 5);
    List<ZoneRevenue> expected =
        List.of(
            new ZoneRevenue(7, 1, 199_999_998, 99_999_999, 99_999_999),
            new ZoneRevenue(5, 2, 50, 20, 30));
    assertThat(DataPipeline.naive(file, query)).isEqualTo(expected);
    assertThat(DataPipeline.optimized(file, query, pools[1], 10)).isEqualTo(expected);
    assertThat(expected.get(1).revenue()).isEqualByComparingTo("0.50");
    assertThat(expected.get(1).meanDistanceKm()).isEqualTo(0.15);
  }

  @Test
  void tiesGoToTheLowerZoneAndKLimitsTheAnswer() throws IOException {
    Path file =
        csv(
            "ties.csv",
            DataPipeline.HEADER
                + "\r\n2024-03-01T08:00:00,9,1,1,1.00,5.00,0.00,cash"
                + "\r\n2024-03-01T08:00:00,3,1,1,1.00,5.00,0.00,cash"
                + "\r\n2024-03-01T08:00:00,4,1,1,1.00,4.00,1.00,card"); // CRLF, no final newline
    Query top2 = new Query(0, 24, 2);
    assertThat(DataPipeline.naive(file, top2)).extracting(ZoneRevenue::zone).containsExactly(3, 4);
    assertThat(DataPipeline.optimized(file, top2, pools[0], 7))
        .extracting(ZoneRevenue::zone)
        .containsExactly(3, 4);
    assertThat(DataPipeline.optimized(file, new Query(0, 24, 0))).isEmpty();
  }

  @Test
  void aFileWithOnlyTheHeaderHasAnEmptyAnswer() throws IOException {
    for (String content : List.of(DataPipeline.HEADER, DataPipeline.HEADER + "\n")) {
      Path file = csv("header-only.csv", content);
      assertThat(DataPipeline.naive(file, ALL_DAY)).isEmpty();
      assertThat(DataPipeline.optimized(file, ALL_DAY, pools[1], 3)).isEmpty();
    }
  }

  static LongStream seeds() {
    return Seeds.derive(30);
  }

  /** Valid lines with edge values: leap days, year 0000, zone 999, zeros, maxima, CRLF. */
  static String randomFile(SplittableRandom random) {
    StringBuilder text = new StringBuilder(DataPipeline.HEADER);
    int rows = random.nextInt(400);
    for (int i = 0; i < rows; i++) {
      text.append(random.nextInt(10) == 0 ? "\r\n" : "\n");
      int year = random.nextInt(8) == 0 ? random.nextInt(10_000) : 2020 + random.nextInt(6);
      int month = 1 + random.nextInt(12);
      int day = 1 + random.nextInt(java.time.YearMonth.of(year, month).lengthOfMonth());
      text.append(
          String.format(
              Locale.ROOT,
              "%04d-%02d-%02dT%02d:%02d:%02d,%d,%d,%d,%s,%s,%s,%s",
              year,
              month,
              day,
              random.nextInt(24),
              random.nextInt(60),
              random.nextInt(60),
              1 + random.nextInt(random.nextBoolean() ? 999 : 20),
              1 + random.nextInt(999),
              random.nextInt(10),
              amount(random),
              amount(random),
              amount(random),
              random.nextBoolean() ? "card" : "cash"));
    }
    if (random.nextBoolean()) {
      text.append('\n');
    }
    return text.toString();
  }

  static String amount(SplittableRandom random) {
    long hundredths =
        switch (random.nextInt(5)) {
          case 0 -> random.nextInt(100); // 0.00 to 0.99
          case 1 -> DataPipeline.MAX_AMOUNT - random.nextInt(3);
          default -> random.nextInt(100_000);
        };
    return String.format(Locale.ROOT, "%d.%02d", hundredths / 100, hundredths % 100);
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void bothVersionsAgreeOnRandomValidFiles(long seed) throws IOException {
    SplittableRandom random = new SplittableRandom(seed);
    Path file = csv("random.csv", randomFile(random));
    int from = random.nextInt(24);
    Query query = new Query(from, from + 1 + random.nextInt(24 - from), random.nextInt(30));
    assertSameAnswer(file, query, pools[random.nextInt(3)], 1 + random.nextInt(3000));
    Path trips = generated(random.nextLong(), random.nextInt(3000));
    assertSameAnswer(trips, query, pools[random.nextInt(3)], 100 + random.nextInt(20_000));
  }

  @Test
  void concurrentQueriesReleasedTogetherOnOnePoolAgree() throws Exception {
    Path file = generated(77, 20_000);
    List<ZoneRevenue> expected = DataPipeline.naive(file, MORNING);
    int callers = 4;
    CountDownLatch start = new CountDownLatch(1);
    List<Future<List<ZoneRevenue>>> answers = new ArrayList<>();
    try (ExecutorService callersPool = Executors.newFixedThreadPool(callers)) {
      for (int i = 0; i < callers; i++) {
        answers.add(
            callersPool.submit(
                () -> {
                  start.await();
                  return DataPipeline.optimized(file, MORNING, pools[1], 8192);
                }));
      }
      start.countDown();
      for (Future<List<ZoneRevenue>> answer : answers) {
        assertThat(answer.get(1, TimeUnit.MINUTES)).isEqualTo(expected);
      }
    }
  }

  // ---- the same first error -------------------------------------------------------------------

  static final String GOOD = "2024-03-15T08:23:11,142,236,1,3.20,14.50,3.10,card";

  static Stream<Arguments> malformedLines() {
    return Stream.of(
        Arguments.of("2024-03-15T08:23:11,142,236,1,3.20,14.50,3.10", "expected 8 fields"),
        Arguments.of(GOOD + ",x", "expected 8 fields"),
        Arguments.of("", "expected 8 fields"),
        Arguments.of(GOOD.replace("2024-03-15", "2024-02-30"), "bad pickup_time"),
        Arguments.of(GOOD.replace("2024-03-15", "2023-02-29"), "bad pickup_time"),
        Arguments.of(GOOD.replace("2024-03-15", "2100-02-29"), "bad pickup_time"),
        Arguments.of(GOOD.replace("2024-03-15", "2024-13-01"), "bad pickup_time"),
        Arguments.of(GOOD.replace("2024-03-15", "2024-00-10"), "bad pickup_time"),
        Arguments.of(GOOD.replace("2024-03-15", "2024-03-00"), "bad pickup_time"),
        Arguments.of(GOOD.replace("2024-03-15", "2x24-03-15"), "bad pickup_time"),
        Arguments.of(GOOD.replace("2024-03-15", "20x4-03-15"), "bad pickup_time"),
        Arguments.of(GOOD.replace("08:23:11", "24:00:00"), "bad pickup_time"),
        Arguments.of(GOOD.replace("08:23:11", "08:60:00"), "bad pickup_time"),
        Arguments.of(GOOD.replace("08:23:11", "08:23:60"), "bad pickup_time"),
        Arguments.of(GOOD.replace("08:23:11", "08:23"), "bad pickup_time"),
        Arguments.of(GOOD.replace("T08", " 08"), "bad pickup_time"),
        Arguments.of(GOOD.replace(",142,", ",0,"), "bad pickup_zone"),
        Arguments.of(GOOD.replace(",142,", ",1000,"), "bad pickup_zone"),
        Arguments.of(GOOD.replace(",142,", ",042,"), "bad pickup_zone"),
        Arguments.of(GOOD.replace(",142,", ",+42,"), "bad pickup_zone"),
        Arguments.of(GOOD.replace(",142,", ",-4,"), "bad pickup_zone"),
        Arguments.of(GOOD.replace(",142,", ",,"), "bad pickup_zone"),
        Arguments.of(GOOD.replace(",142,", ",\u0661\u0662,"), "bad pickup_zone"),
        Arguments.of(GOOD.replace(",236,", ",9999,"), "bad dropoff_zone"),
        Arguments.of(GOOD.replace(",1,3.20", ",10,3.20"), "bad passengers"),
        Arguments.of(GOOD.replace(",1,3.20", ",x,3.20"), "bad passengers"),
        Arguments.of(GOOD.replace("3.20", "3.2"), "bad distance_km"),
        Arguments.of(GOOD.replace("3.20", "03.20"), "bad distance_km"),
        Arguments.of(GOOD.replace("3.20", "-3.20"), "bad distance_km"),
        Arguments.of(GOOD.replace("3.20", "+3.20"), "bad distance_km"),
        Arguments.of(GOOD.replace("3.20", ".20"), "bad distance_km"),
        Arguments.of(GOOD.replace("3.20", "3.200"), "bad distance_km"),
        Arguments.of(GOOD.replace("3.20", "3e2"), "bad distance_km"),
        Arguments.of(GOOD.replace("14.50", "1000000.00"), "bad fare"),
        Arguments.of(GOOD.replace("14.50", "14,50"), "expected 8 fields"),
        Arguments.of(GOOD.replace("14.50", "14.5x"), "bad fare"),
        Arguments.of(GOOD.replace("3.10", "3"), "bad tip"),
        Arguments.of(GOOD.replace("card", "CARD"), "bad payment"),
        Arguments.of(GOOD.replace("card", "cards"), "bad payment"),
        Arguments.of(GOOD.replace("card", "car"), "bad payment"),
        Arguments.of(GOOD.replace("card", ""), "bad payment"),
        Arguments.of(GOOD + " ", "bad payment"),
        Arguments.of(GOOD + "x".repeat(300), "bad payment"));
  }

  @ParameterizedTest(name = "[{index}] {1}: {0}")
  @MethodSource("malformedLines")
  void bothVersionsNameTheFirstMalformedLineAlike(String badLine, String problem)
      throws IOException {
    List<String> lines = new ArrayList<>();
    lines.add(DataPipeline.HEADER);
    for (int i = 0; i < 300; i++) {
      lines.add(GOOD);
    }
    int at = 1 + Math.floorMod(badLine.hashCode(), 290);
    lines.set(at, badLine);
    lines.set(at + 1 + (at % 5), "also bad"); // a later error is not the one reported
    Path file = dir.resolve("bad.csv");
    Files.write(file, lines, StandardCharsets.UTF_8);
    String expected = "line " + (at + 1) + ": " + problem;
    Throwable naive = catchThrowable(() -> DataPipeline.naive(file, MORNING));
    assertThat(naive).isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith(expected);
    for (int chunk : new int[] {200, 4096, DataPipeline.DEFAULT_CHUNK_SIZE}) {
      assertThatThrownBy(() -> DataPipeline.optimized(file, MORNING, pools[2], chunk))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage(naive.getMessage());
    }
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "pickup_time,pickup_zone",
        "\n" + DataPipeline.HEADER + "\n",
        "\uFEFF" + DataPipeline.HEADER + "\n" // a byte order mark
      })
  void aMissingOrWrongHeaderIsLineOne(String content) throws IOException {
    Path file = csv("header.csv", content);
    Throwable naive = catchThrowable(() -> DataPipeline.naive(file, MORNING));
    assertThat(naive)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("line 1: expected the header " + DataPipeline.HEADER);
    assertThatThrownBy(() -> DataPipeline.optimized(file, MORNING, pools[1], 16))
        .hasMessage(naive.getMessage());
  }

  @Test
  void bytesThatAreNotUtf8AreADecodingError() throws IOException {
    Path file = dir.resolve("latin1.csv");
    byte[] good = (DataPipeline.HEADER + "\n" + GOOD + "\n").getBytes(StandardCharsets.US_ASCII);
    byte[] bad = new byte[good.length + 2];
    System.arraycopy(good, 0, bad, 0, good.length);
    bad[good.length] = (byte) 0xE9; // é in Latin-1
    bad[good.length + 1] = '\n';
    Files.write(file, bad);
    assertThatThrownBy(() -> DataPipeline.naive(file, MORNING))
        .isInstanceOf(MalformedInputException.class);
    assertThatThrownBy(() -> DataPipeline.optimized(file, MORNING))
        .isInstanceOf(MalformedInputException.class);
  }

  // ---- arguments ------------------------------------------------------------------------------

  @Test
  void rejectsBadArguments() {
    Path file = dir.resolve("none.csv");
    assertThatNullPointerException()
        .isThrownBy(() -> DataPipeline.naive(null, MORNING))
        .withMessage("file");
    assertThatNullPointerException()
        .isThrownBy(() -> DataPipeline.naive(file, null))
        .withMessage("query");
    assertThatNullPointerException()
        .isThrownBy(() -> DataPipeline.optimized(null, MORNING))
        .withMessage("file");
    assertThatNullPointerException()
        .isThrownBy(() -> DataPipeline.optimized(file, null))
        .withMessage("query");
    assertThatNullPointerException()
        .isThrownBy(() -> DataPipeline.optimized(file, MORNING, null, 10))
        .withMessage("pool");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> DataPipeline.optimized(file, MORNING, pools[0], 0))
        .withMessage("chunkSize must be between 1 and 268435456 bytes: 0");
    assertThatIllegalArgumentException()
        .isThrownBy(
            () -> DataPipeline.optimized(file, MORNING, pools[0], DataPipeline.MAX_CHUNK_SIZE + 1))
        .withMessageContaining("268435457");
    assertThatThrownBy(() -> DataPipeline.optimized(file, MORNING))
        .isInstanceOf(NoSuchFileException.class);
    assertThatThrownBy(() -> DataPipeline.naive(file, MORNING))
        .isInstanceOf(NoSuchFileException.class);
  }

  @Test
  void queryChecksItsRanges() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new Query(-1, 5, 1))
        .withMessage("fromHour must be between 0 and 23: -1");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new Query(24, 24, 1))
        .withMessage("fromHour must be between 0 and 23: 24");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new Query(5, 5, 1))
        .withMessage("toHour must be between fromHour + 1 (6) and 24: 5");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new Query(5, 25, 1))
        .withMessage("toHour must be between fromHour + 1 (6) and 24: 25");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new Query(5, 6, -1))
        .withMessage("k must not be negative: -1");
    assertThat(new Query(23, 24, 0).matches(23, 1)).isTrue();
    assertThat(new Query(23, 24, 0).matches(22, 1)).isFalse();
    assertThat(new Query(23, 24, 0).matches(23, 0)).isFalse();
  }

  // ---- the generator and the command line ---------------------------------------------------

  @Test
  void theGeneratorIsDeterministicAndValid() throws IOException {
    Path a = generated(1, 1_000);
    Path b = dir.resolve("again.csv");
    TripData.write(b, 1, 1_000);
    assertThat(Files.mismatch(a, b)).isEqualTo(-1);
    List<String> lines = Files.readAllLines(a, StandardCharsets.US_ASCII);
    assertThat(lines).hasSize(1_001).first().isEqualTo(DataPipeline.HEADER);
    assertThat(lines.get(1))
        .matches("2024-03-\\d\\dT\\d\\d:\\d\\d:\\d\\d,\\d+,\\d+,\\d,.*(card|cash)");
    assertThat(Files.size(a) / 1_000.0).isBetween(45.0, 70.0);
    TripData.write(b, 2, 1_000);
    assertThat(Files.mismatch(a, b)).isNotEqualTo(-1);
    assertThat(dir.resolve("again.csv.partial")).doesNotExist();
    assertThatIllegalArgumentException()
        .isThrownBy(() -> TripData.write(b, 1, -1))
        .withMessage("rows must not be negative: -1");
    assertThatNullPointerException()
        .isThrownBy(() -> TripData.write(null, 1, 1))
        .withMessage("file");
  }

  @Test
  void mainGeneratesAFileAndAnswersTheQuestion() throws Exception {
    Path file = dir.resolve("main.csv");
    DataPipeline.main("--generate", file.toString(), "5000", "9");
    String out = StdStreams.capture(() -> DataPipeline.main(file.toString(), "7", "10", "3")).out();
    List<ZoneRevenue> top = DataPipeline.naive(file, new Query(7, 10, 3));
    assertThat(out.lines().toList())
        .hasSize(4)
        .first()
        .isEqualTo("zone\ttrips\trevenue\ttips\tmean km");
    assertThat(out.lines().skip(1).map(line -> line.split("\t", -1)[0]).toList())
        .containsExactly(top.stream().map(z -> Integer.toString(z.zone())).toArray(String[]::new));
    assertThat(StdStreams.capture(() -> DataPipeline.main(file.toString())).out().lines())
        .hasSize(11);
    assertThatIllegalArgumentException()
        .isThrownBy(() -> DataPipeline.main())
        .withMessageStartingWith("usage: senior.concurrency.4");
  }

  @Test
  @EnabledOnOs({OS.LINUX, OS.MAC})
  void aDeviceThatNeverEndsIsRefusedNotRead() {
    Path zero = Path.of("/dev/zero");
    DataPipeline.Query query = new DataPipeline.Query(7, 10, 10);
    assertThatThrownBy(() -> DataPipeline.naive(zero, query))
        .isInstanceOf(FileSystemException.class)
        .hasMessage("/dev/zero: is not a regular file (a device or a pipe may never end)");
    assertThatThrownBy(() -> DataPipeline.optimized(zero, query))
        .isInstanceOf(FileSystemException.class)
        .hasMessage("/dev/zero: is not a regular file (a device or a pipe may never end)");
  }
}
