package org.interviewtasks.senior.concurrency.pipeline;

import java.io.BufferedReader;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.RecursiveTask;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.interviewtasks.common.Args;
import org.interviewtasks.common.RegularFiles;
import org.interviewtasks.common.Task;

/**
 * One question over a large CSV of taxi trips, answered twice: {@link #naive} as it is first
 * written (lines to strings, {@code String.split}, a record of boxed and {@link BigDecimal} fields
 * per row, a {@code Stream} collected into a map) and {@link #optimized} (bytes parsed in place,
 * primitive column batches, chunks of the file on a fork/join pool, no allocation per row). Both
 * give the same answer on every valid file, and the same first error on an invalid one.
 *
 * <p><b>The question.</b> Among trips picked up in the hours {@code [fromHour, toHour)} with at
 * least one passenger, which {@code k} pickup zones earned most (fare + tip), with their trip
 * count, revenue, tips and total distance? Ties go to the lower zone number. The data is a CSV with
 * the header {@value #HEADER}, as {@link TripData} writes it, e.g. {@code
 * 2024-03-15T08:23:11,142,236,1,3.20,14.50,3.10,card}.
 *
 * <p><b>The grammar</b>, enforced by both versions (the naive one by parsing and checking that the
 * value prints back as the same text): {@code pickup_time} is {@code uuuu-MM-ddTHH:mm:ss}, a real
 * date and time; zones are integers 1 to {@value #MAX_ZONE} without leading zeros; {@code
 * passengers} one digit; {@code distance_km}, {@code fare}, {@code tip} are non-negative decimals
 * with exactly two fraction digits, no sign, no leading zeros, at most 999999.99; {@code payment}
 * is {@code card} or {@code cash}. Lines end with {@code \n} or {@code \r\n}. Money is summed
 * exactly, in cents.
 *
 * <p><b>Where the naive version spends its time</b> (per row): a {@code String} for the line, eight
 * more from {@code split}, a {@code LocalDateTime} through a formatter, three {@code BigDecimal}s,
 * a record, a boxed zone key and a new totals record for every merge: about 2 KB allocated per row
 * (1,958 bytes measured on a million generated rows), all on one core. The optimized version
 * allocates about 50 bytes per row, and those are its chunk buffers, i.e. the file's bytes once.
 *
 * <p><b>What the optimized version does instead.</b> (1) The file is cut into chunks of {@link
 * #DEFAULT_CHUNK_SIZE} bytes; a {@link RecursiveTask} splits the chunk range in halves down to one
 * chunk, so a {@link ForkJoinPool} spreads them over the cores and steals work when one is slow. A
 * chunk owns the lines that <i>start</i> in it: it skips the partial line at its start (the
 * previous chunk finishes it, reading a little past its end). (2) A chunk is read into a byte array
 * with one positional read and parsed in place: fields by their commas, numbers digit by digit into
 * ints (money in cents), the timestamp by fixed positions with a calendar check; no {@code String},
 * no object per row. (3) Parsed rows go into primitive column arrays (hour, zone, passengers,
 * revenue, tip, distance) of 4096 rows; each full batch is filtered and aggregated column-wise into
 * per-zone {@code long} arrays, the Java version of what NumPy/Pandas do with vectors. (4)
 * Per-chunk totals are added pairwise as the tasks join. Time O(bytes) over all cores; memory
 * O(cores × chunk size + zones).
 *
 * <p><b>Errors.</b> A malformed line, a missing header or a file that is not UTF-8 fails the whole
 * query ({@link IllegalArgumentException} "line N: ..."; {@link
 * java.nio.charset.MalformedInputException}). The fast path only detects that a chunk is bad; then
 * the reference parser runs over the file to name the <i>first</i> bad line exactly as {@link
 * #naive} does: an error costs one more sequential pass, a valid file costs nothing for it.
 *
 * <p><b>Follow-up.</b> <i>"Many questions over the same data?"</i> Parse once into column arrays
 * kept in memory (or a columnar file such as Parquet) and run each query over the columns: parsing
 * dominates this pipeline. <i>"What if the data does not fit in memory?"</i> It need not: each
 * chunk is read, aggregated and dropped; only per-zone totals are kept, so memory does not grow
 * with the file.
 */
@Task(
    id = "senior.concurrency.4",
    title = "A data pipeline optimized: bytes, columns, fork/join",
    usage = "<file> [fromHour toHour k]")
public final class DataPipeline {

  /** The first line of every trip file. */
  public static final String HEADER =
      "pickup_time,pickup_zone,dropoff_zone,passengers,distance_km,fare,tip,payment";

  /** The highest zone number. */
  public static final int MAX_ZONE = 999;

  /** The largest amount (distance, fare, tip) in hundredths: 999999.99. */
  public static final int MAX_AMOUNT = 99_999_999;

  /** The chunk of the file one fork/join task reads: 4 MiB. */
  public static final int DEFAULT_CHUNK_SIZE = 4 << 20;

  /** The largest chunk size accepted: 256 MiB. */
  public static final int MAX_CHUNK_SIZE = 256 << 20;

  /** Rows per column batch. */
  static final int BATCH = 4096;

  /** Bytes a chunk reads past its end to finish its last line; longer than any valid line. */
  static final int MAX_LINE = 128;

  private static final byte[] HEADER_BYTES = HEADER.getBytes(StandardCharsets.US_ASCII);

  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss", Locale.ROOT)
          .withResolverStyle(ResolverStyle.STRICT);

  private static final BigDecimal MAX_DECIMAL = BigDecimal.valueOf(MAX_AMOUNT, 2);

  /** By revenue, highest first; ties by zone number. */
  static final Comparator<ZoneRevenue> RANKING =
      Comparator.comparingLong(ZoneRevenue::revenueCents)
          .reversed()
          .thenComparingInt(ZoneRevenue::zone);

  private DataPipeline() {}

  /**
   * The question's parameters.
   *
   * @param fromHour first hour of day counted, 0 to 23
   * @param toHour hour of day after the last one counted, {@code fromHour + 1} to 24
   * @param k how many zones to return, at least 0
   */
  public record Query(int fromHour, int toHour, int k) {

    /**
     * Checks the ranges.
     *
     * @throws IllegalArgumentException if an hour is out of range, the range is empty or k is
     *     negative
     */
    public Query {
      if (fromHour < 0 || fromHour > 23) {
        throw new IllegalArgumentException("fromHour must be between 0 and 23: " + fromHour);
      }
      if (toHour <= fromHour || toHour > 24) {
        throw new IllegalArgumentException(
            "toHour must be between fromHour + 1 (" + (fromHour + 1) + ") and 24: " + toHour);
      }
      if (k < 0) {
        throw new IllegalArgumentException("k must not be negative: " + k);
      }
    }

    boolean matches(int hour, int passengers) {
      return hour >= fromHour && hour < toHour && passengers > 0;
    }

    boolean matches(Trip trip) {
      return matches(trip.pickupTime().getHour(), trip.passengers());
    }
  }

  /**
   * One line of the answer.
   *
   * @param zone the pickup zone
   * @param trips matching trips from it
   * @param revenueCents fares plus tips, in cents
   * @param tipCents tips, in cents
   * @param distanceHundredths total distance in hundredths of a kilometre
   */
  public record ZoneRevenue(
      int zone, long trips, long revenueCents, long tipCents, long distanceHundredths) {

    /** The revenue as a decimal amount, e.g. {@code 1234.50}. */
    public BigDecimal revenue() {
      return BigDecimal.valueOf(revenueCents, 2);
    }

    /** The mean trip distance in kilometres. */
    public double meanDistanceKm() {
      return distanceHundredths / 100.0 / trips;
    }
  }

  /** How a trip was paid. */
  public enum Payment {
    /** By card: the tip is recorded. */
    CARD,
    /** In cash: tips are not recorded. */
    CASH;

    static Payment parse(String text) {
      return switch (text) {
        case "card" -> CARD;
        case "cash" -> CASH;
        default -> null;
      };
    }
  }

  /**
   * One row, as the naive version holds it.
   *
   * @param pickupTime when the trip started
   * @param pickupZone where it started
   * @param dropoffZone where it ended
   * @param passengers how many passengers
   * @param distanceKm distance in km
   * @param fare the fare
   * @param tip the tip
   * @param payment how it was paid
   */
  public record Trip(
      LocalDateTime pickupTime,
      int pickupZone,
      int dropoffZone,
      int passengers,
      BigDecimal distanceKm,
      BigDecimal fare,
      BigDecimal tip,
      Payment payment) {

    /**
     * Parses one CSV line.
     *
     * @throws IllegalArgumentException "line N: ..." naming the first bad field
     */
    static Trip parse(String line, long lineNumber) {
      String[] fields = line.split(",", -1);
      if (fields.length != 8) {
        throw bad(lineNumber, "expected 8 fields, found " + fields.length, line);
      }
      LocalDateTime pickupTime;
      try {
        if (fields[0].length() != 19) {
          throw bad(lineNumber, "bad pickup_time", line);
        }
        pickupTime = LocalDateTime.parse(fields[0], TIME);
      } catch (DateTimeParseException e) {
        throw bad(lineNumber, "bad pickup_time", line);
      }
      int pickupZone = integer(fields[1], 1, MAX_ZONE, "pickup_zone", lineNumber, line);
      int dropoffZone = integer(fields[2], 1, MAX_ZONE, "dropoff_zone", lineNumber, line);
      int passengers = integer(fields[3], 0, 9, "passengers", lineNumber, line);
      BigDecimal distance = amount(fields[4], "distance_km", lineNumber, line);
      BigDecimal fare = amount(fields[5], "fare", lineNumber, line);
      BigDecimal tip = amount(fields[6], "tip", lineNumber, line);
      Payment payment = Payment.parse(fields[7]);
      if (payment == null) {
        throw bad(lineNumber, "bad payment", line);
      }
      return new Trip(
          pickupTime, pickupZone, dropoffZone, passengers, distance, fare, tip, payment);
    }

    private static int integer(
        String text, int min, int max, String field, long lineNumber, String line) {
      try {
        int value = Integer.parseInt(text);
        if (value >= min && value <= max && Integer.toString(value).equals(text)) {
          return value;
        }
      } catch (NumberFormatException e) {
        // reported below
      }
      throw bad(lineNumber, "bad " + field, line);
    }

    private static BigDecimal amount(String text, String field, long lineNumber, String line) {
      try {
        BigDecimal value = new BigDecimal(text);
        if (value.signum() >= 0
            && value.scale() == 2
            && value.compareTo(MAX_DECIMAL) <= 0
            && value.toPlainString().equals(text)) {
          return value;
        }
      } catch (NumberFormatException e) {
        // reported below
      }
      throw bad(lineNumber, "bad " + field, line);
    }
  }

  private static IllegalArgumentException bad(long lineNumber, String problem, String line) {
    return new IllegalArgumentException("line " + lineNumber + ": " + problem + ": " + line);
  }

  /** Totals of one zone in the naive version: a new record per merged row. */
  private record Totals(long trips, BigDecimal revenue, BigDecimal tips, BigDecimal distance) {
    static Totals of(Trip trip) {
      return new Totals(1, trip.fare().add(trip.tip()), trip.tip(), trip.distanceKm());
    }

    Totals plus(Totals other) {
      return new Totals(
          trips + other.trips,
          revenue.add(other.revenue),
          tips.add(other.tips),
          distance.add(other.distance));
    }

    ZoneRevenue toZoneRevenue(int zone) {
      return new ZoneRevenue(
          zone,
          trips,
          revenue.movePointRight(2).longValueExact(),
          tips.movePointRight(2).longValueExact(),
          distance.movePointRight(2).longValueExact());
    }
  }

  /**
   * The answer, the way it is usually first written: one thread, a {@code Stream} of parsed records
   * collected into a map of totals.
   *
   * @throws IllegalArgumentException "line N: ..." for the first malformed line or a missing header
   * @throws java.nio.file.FileSystemException if it is a device or a pipe, which may never end
   * @throws IOException if the file cannot be read, or is not UTF-8
   */
  public static List<ZoneRevenue> naive(Path file, Query query) throws IOException {
    RegularFiles.requireEnding(file);
    Objects.requireNonNull(query, "query");
    try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String header = reader.readLine();
      if (!HEADER.equals(header)) {
        throw bad(1, "expected the header " + HEADER, Objects.toString(header, "(empty file)"));
      }
      AtomicLong lineNumber = new AtomicLong(1);
      Map<Integer, Totals> totals =
          reader
              .lines()
              .map(line -> Trip.parse(line, lineNumber.incrementAndGet()))
              .filter(query::matches)
              .collect(Collectors.toMap(Trip::pickupZone, Totals::of, Totals::plus));
      return totals.entrySet().stream()
          .map(entry -> entry.getValue().toZoneRevenue(entry.getKey()))
          .sorted(RANKING)
          .limit(query.k())
          .toList();
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }

  /**
   * The same answer as {@link #naive}, on the common fork/join pool in 4 MiB chunks.
   *
   * @throws IllegalArgumentException "line N: ..." for the first malformed line or a missing header
   * @throws java.nio.file.FileSystemException if it is a device or a pipe, which may never end
   * @throws IOException if the file cannot be read, or is not UTF-8
   */
  public static List<ZoneRevenue> optimized(Path file, Query query) throws IOException {
    return optimized(file, query, ForkJoinPool.commonPool(), DEFAULT_CHUNK_SIZE);
  }

  /**
   * The same answer as {@link #naive}, on the given pool, reading the file in chunks of the given
   * size.
   *
   * @param chunkSize bytes per task, 1 to {@link #MAX_CHUNK_SIZE}
   * @throws IllegalArgumentException for a bad chunk size, a malformed line ("line N: ...") or a
   *     missing header
   * @throws java.nio.file.FileSystemException if it is a device or a pipe, which may never end
   * @throws IOException if the file cannot be read, or is not UTF-8
   */
  public static List<ZoneRevenue> optimized(
      Path file, Query query, ForkJoinPool pool, int chunkSize) throws IOException {
    RegularFiles.requireEnding(file);
    Objects.requireNonNull(query, "query");
    Objects.requireNonNull(pool, "pool");
    if (chunkSize < 1 || chunkSize > MAX_CHUNK_SIZE) {
      throw new IllegalArgumentException(
          "chunkSize must be between 1 and " + MAX_CHUNK_SIZE + " bytes: " + chunkSize);
    }
    ZoneTotals totals;
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
      long size = channel.size();
      long chunks = Math.max(1, (size + chunkSize - 1) / chunkSize);
      if (chunks > Integer.MAX_VALUE) {
        throw new IllegalArgumentException(
            "a file of " + size + " bytes needs more than 2^31 chunks of " + chunkSize);
      }
      Job job = new Job(channel, size, chunkSize, query);
      totals = pool.invoke(new ChunkRange(job, 0, (int) chunks));
      if (job.failed().get()) {
        totals = null;
      }
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
    if (totals == null) {
      naive(file, query); // names the first bad line, or throws the decoding error
      throw new IllegalStateException(
          "the byte parser rejected " + file + ", which the reference parser accepts");
    }
    return totals.top(query.k());
  }

  /** What every chunk task shares. */
  private record Job(
      FileChannel channel, long size, int chunkSize, Query query, AtomicBoolean failed) {
    Job(FileChannel channel, long size, int chunkSize, Query query) {
      this(channel, size, chunkSize, query, new AtomicBoolean());
    }
  }

  /** Per-zone totals of some chunks, in primitive arrays indexed by zone. */
  private static final class ZoneTotals {
    final long[] trips = new long[MAX_ZONE + 1];
    final long[] revenue = new long[MAX_ZONE + 1];
    final long[] tips = new long[MAX_ZONE + 1];
    final long[] distance = new long[MAX_ZONE + 1];

    ZoneTotals add(ZoneTotals other) {
      for (int z = 0; z <= MAX_ZONE; z++) {
        trips[z] += other.trips[z];
        revenue[z] += other.revenue[z];
        tips[z] += other.tips[z];
        distance[z] += other.distance[z];
      }
      return this;
    }

    List<ZoneRevenue> top(int k) {
      List<ZoneRevenue> zones = new ArrayList<>();
      for (int z = 1; z <= MAX_ZONE; z++) {
        if (trips[z] > 0) {
          zones.add(new ZoneRevenue(z, trips[z], revenue[z], tips[z], distance[z]));
        }
      }
      zones.sort(RANKING);
      return List.copyOf(zones.subList(0, Math.min(k, zones.size())));
    }
  }

  /** A range of chunks, split in halves until one chunk is left. */
  private static final class ChunkRange extends RecursiveTask<ZoneTotals> {
    private static final long serialVersionUID = 1L;

    private final transient Job job; // fork/join tasks are never serialized

    private final int from;
    private final int to;

    ChunkRange(Job job, int from, int to) {
      this.job = job;
      this.from = from;
      this.to = to;
    }

    @Override
    protected ZoneTotals compute() {
      if (to - from == 1) {
        return job.failed().get() ? new ZoneTotals() : new ChunkScan(job, from).scan();
      }
      int middle = (from + to) >>> 1;
      ChunkRange left = new ChunkRange(job, from, middle);
      left.fork();
      ZoneTotals right = new ChunkRange(job, middle, to).compute();
      return left.join().add(right);
    }
  }

  /** Parses the lines that start in one chunk: bytes to column batches to per-zone totals. */
  private static final class ChunkScan {
    private final Job job;
    private final long start;
    private final long end;
    private final ZoneTotals totals = new ZoneTotals();
    // The column batch: one array per field the question needs.
    private final byte[] hour = new byte[BATCH];
    private final short[] zone = new short[BATCH];
    private final byte[] passengers = new byte[BATCH];
    private final int[] revenue = new int[BATCH];
    private final int[] tip = new int[BATCH];
    private final int[] distance = new int[BATCH];
    private int rows;

    ChunkScan(Job job, int chunk) {
      this.job = job;
      this.start = (long) chunk * job.chunkSize();
      this.end = Math.min(job.size(), start + job.chunkSize());
    }

    ZoneTotals scan() {
      long from = Math.max(0, start - 1);
      long to = Math.min(job.size(), end + MAX_LINE);
      byte[] b = new byte[(int) (to - from)];
      read(b, from);
      boolean eof = to == job.size();
      int limit = (int) (end - from); // lines that start before this index are ours
      int p;
      if (start == 0) {
        p = header(b, eof);
      } else {
        p = 1; // index of start
        if (b[0] != '\n') {
          while (p < b.length && b[p] != '\n') {
            p++;
          }
          p++;
        }
      }
      while (p >= 0 && p < limit) {
        p = line(b, p, eof);
      }
      if (p < 0) {
        job.failed().set(true);
        return totals;
      }
      flush();
      return totals;
    }

    private void read(byte[] b, long position) {
      ByteBuffer buffer = ByteBuffer.wrap(b);
      try {
        while (buffer.hasRemaining()) {
          if (job.channel().read(buffer, position + buffer.position()) < 0) {
            throw new EOFException("file shrank while it was read, at byte " + position);
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    /** The index after the header line, or -1 if the file does not start with it. */
    private static int header(byte[] b, boolean eof) {
      int n = HEADER_BYTES.length;
      if (b.length < n) {
        return -1;
      }
      for (int i = 0; i < n; i++) {
        if (b[i] != HEADER_BYTES[i]) {
          return -1;
        }
      }
      return endOfLine(b, n, eof);
    }

    /** Parses the line at p into the batch; the index of the next line, or -1 if malformed. */
    private int line(byte[] b, int p, boolean eof) {
      int n = b.length;
      if (p + 20 > n || b[p + 4] != '-' || b[p + 7] != '-' || b[p + 10] != 'T') {
        return -1;
      }
      if (b[p + 13] != ':' || b[p + 16] != ':' || b[p + 19] != ',') {
        return -1;
      }
      int century = twoDigits(b, p);
      int yearOfCentury = twoDigits(b, p + 2);
      int year = century * 100 + yearOfCentury;
      int month = twoDigits(b, p + 5);
      int day = twoDigits(b, p + 8);
      int h = twoDigits(b, p + 11);
      int minute = twoDigits(b, p + 14);
      int second = twoDigits(b, p + 17);
      if (century < 0
          || yearOfCentury < 0
          || month < 1
          || month > 12
          || day < 1
          || day > daysInMonth(year, month)
          || h < 0
          || h > 23
          || minute < 0
          || minute > 59
          || second < 0
          || second > 59) {
        return -1;
      }
      p += 20;
      long field = integer(b, p, 3, 1, MAX_ZONE);
      if (field < 0) {
        return -1;
      }
      int pickupZone = (int) (field >>> 32);
      p = (int) field;
      field = integer(b, p, 3, 1, MAX_ZONE); // dropoff zone: validated, not needed
      if (field < 0) {
        return -1;
      }
      p = (int) field;
      field = integer(b, p, 1, 0, 9);
      if (field < 0) {
        return -1;
      }
      int pax = (int) (field >>> 32);
      p = (int) field;
      field = amount(b, p);
      if (field < 0) {
        return -1;
      }
      int km = (int) (field >>> 32);
      p = (int) field;
      field = amount(b, p);
      if (field < 0) {
        return -1;
      }
      int fare = (int) (field >>> 32);
      p = (int) field;
      field = amount(b, p);
      if (field < 0) {
        return -1;
      }
      int tipCents = (int) (field >>> 32);
      p = (int) field;
      if (p + 4 > n
          || !((b[p] == 'c' && b[p + 1] == 'a' && b[p + 2] == 'r' && b[p + 3] == 'd')
              || (b[p] == 'c' && b[p + 1] == 'a' && b[p + 2] == 's' && b[p + 3] == 'h'))) {
        return -1;
      }
      int next = endOfLine(b, p + 4, eof);
      if (next < 0) {
        return -1;
      }
      int r = rows;
      hour[r] = (byte) h;
      zone[r] = (short) pickupZone;
      passengers[r] = (byte) pax;
      revenue[r] = fare + tipCents;
      tip[r] = tipCents;
      distance[r] = km;
      if (++rows == BATCH) {
        flush();
      }
      return next;
    }

    /** Filters and aggregates the batch, column by column. */
    private void flush() {
      Query query = job.query();
      for (int r = 0; r < rows; r++) {
        if (query.matches(hour[r], passengers[r])) {
          int z = zone[r];
          totals.trips[z]++;
          totals.revenue[z] += revenue[r];
          totals.tips[z] += tip[r];
          totals.distance[z] += distance[r];
        }
      }
      rows = 0;
    }

    /** The index after the line end at p ({@code \n}, {@code \r\n}, or the end of the file). */
    private static int endOfLine(byte[] b, int p, boolean eof) {
      if (p == b.length) {
        return eof ? p : -1;
      }
      if (b[p] == '\n') {
        return p + 1;
      }
      if (b[p] == '\r') {
        if (p + 1 == b.length) {
          return eof ? p + 1 : -1;
        }
        return b[p + 1] == '\n' ? p + 2 : -1;
      }
      return -1;
    }

    /** 00 to 99 from two ASCII digits, or a negative number. */
    private static int twoDigits(byte[] b, int p) {
      int tens = b[p] - '0';
      int units = b[p + 1] - '0';
      if (tens < 0 || tens > 9 || units < 0 || units > 9) {
        return -1000;
      }
      return tens * 10 + units;
    }

    private static int daysInMonth(int year, int month) {
      return switch (month) {
        case 2 -> (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28;
        case 4, 6, 9, 11 -> 30;
        default -> 31;
      };
    }

    /**
     * A canonical integer (no sign, no leading zero) of 1 to maxDigits digits in [min, max]
     * followed by a comma: {@code value << 32 | index after the comma}, or -1.
     */
    private static long integer(byte[] b, int p, int maxDigits, int min, int max) {
      int first = p;
      int value = 0;
      while (p < b.length && p - first <= maxDigits) {
        int d = b[p] - '0';
        if (d < 0 || d > 9) {
          break;
        }
        value = value * 10 + d;
        p++;
      }
      int length = p - first;
      if (length == 0
          || length > maxDigits
          || (length > 1 && b[first] == '0')
          || value < min
          || value > max
          || p == b.length
          || b[p] != ',') {
        return -1;
      }
      return (long) value << 32 | (p + 1);
    }

    /**
     * A canonical amount with two decimals, at most 999999.99, followed by a comma: {@code
     * hundredths << 32 | index after the comma}, or -1.
     */
    private static long amount(byte[] b, int p) {
      int first = p;
      int units = 0;
      while (p < b.length && p - first <= 6) {
        int d = b[p] - '0';
        if (d < 0 || d > 9) {
          break;
        }
        units = units * 10 + d;
        p++;
      }
      int length = p - first;
      if (length == 0 || length > 6 || (length > 1 && b[first] == '0') || p + 4 > b.length) {
        return -1;
      }
      int cents = twoDigits(b, p + 1);
      if (b[p] != '.' || cents < 0 || b[p + 3] != ',') {
        return -1;
      }
      return (long) (units * 100 + cents) << 32 | (p + 4);
    }
  }

  /**
   * Answers the question for a file, or writes a generated one: {@code senior.concurrency.4 <file>
   * [fromHour toHour k]} (default 7 10 10: the morning rush, top ten), or {@code
   * senior.concurrency.4 --generate <file> <rows> [seed]}.
   *
   * @throws IllegalArgumentException on bad usage or a malformed file
   * @throws UncheckedIOException if a file cannot be read or written
   */
  public static void main(String... args) {
    try {
      if (args.length >= 3 && args.length <= 4 && args[0].equals("--generate")) {
        long rows = Args.toLong(args[2]);
        long seed = args.length == 4 ? Args.toLong(args[3]) : 2024;
        TripData.write(Args.toPath(args[1]), seed, rows);
        return;
      }
      if (args.length != 1 && args.length != 4) {
        throw new IllegalArgumentException(
            "usage: senior.concurrency.4 <file> [fromHour toHour k]"
                + " | --generate <file> <rows> [seed]");
      }
      Query query =
          args.length == 4
              ? new Query(Args.toInt(args[1]), Args.toInt(args[2]), Args.toInt(args[3]))
              : new Query(7, 10, 10);
      System.out.println("zone\ttrips\trevenue\ttips\tmean km");
      for (ZoneRevenue z : optimized(Args.toPath(args[0]), query)) {
        System.out.printf(
            Locale.ROOT,
            "%d\t%d\t%s\t%s\t%.2f%n",
            z.zone(),
            z.trips(),
            z.revenue(),
            BigDecimal.valueOf(z.tipCents(), 2),
            z.meanDistanceKm());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
