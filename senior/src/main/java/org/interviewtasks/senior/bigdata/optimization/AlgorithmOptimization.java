package org.interviewtasks.senior.bigdata.optimization;

import java.lang.management.ManagementFactory;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.PriorityQueue;
import java.util.SplittableRandom;
import java.util.regex.Pattern;
import org.interviewtasks.common.Args;
import org.interviewtasks.common.Task;

/**
 * Speeds up a slow report by profiling it and refactoring its data structures: the top pages of an
 * access log by distinct visitors, {@link #naive} before and {@link #optimized} after, same
 * results.
 *
 * <p><b>The task.</b> Each log line reads {@code 2024-05-01T10:15:30Z 192.168.1.10 GET /index.html
 * 200}. Count, per page, the distinct IPv4 addresses with a successful (2xx) request in {@code
 * [from, to)}, and return the {@code k} pages with most visitors (ties by page name). Every line is
 * validated; a malformed one fails the report with its line number.
 *
 * <p><b>Profiling the naive version</b> ({@code main} runs either version on a generated log, so a
 * profiler can watch it: {@code java -XX:StartFlightRecording=filename=naive.jfr,settings=profile
 * -cp <senior and common classes>
 * org.interviewtasks.senior.bigdata.optimization.AlgorithmOptimization 200000 naive}, then {@code
 * jfr view hot-methods naive.jfr} and {@code jfr view allocation-by-class naive.jfr}). On 200,000
 * lines, 54% of the CPU samples were in {@code ArrayList.indexOfRange}, under {@code
 * List.contains}: the per-page visitor list makes deduplication O(visitors) and the report O(lines
 * × visitors). Most of the rest was regex compilation ({@code Pattern.clazz}, {@code expr}, {@code
 * sequence}, ...): {@code Pattern.matches} compiles its regex on every call, three times per line,
 * plus {@code DateTimeFormatter.ofPattern} parsing its pattern per line. The allocation profile
 * said the same: {@code boolean[]} (52%, the character classes of compiled regexes), {@code int[]}
 * and {@code Pattern} nodes; 2.56 GB allocated for one report.
 *
 * <p><b>The refactor.</b> Visitors become ints (an IPv4 address is 32 bits) in a small
 * open-addressing hash set of primitives per page: O(1) deduplication, 4 bytes per visitor instead
 * of a 40-byte string plus a list slot. The line is scanned once by index, with no regex and no
 * split; the date part is converted to an epoch day only when it changes (logs are in time order),
 * the time of day is arithmetic. The top k come from a k-sized heap instead of sorting every page.
 * Result: O(lines + pages log k) time, and about one substring per line allocated (the page name
 * for the map lookup): 24 MB instead of 2.56 GB on the same log, and about 7 times faster on a
 * loaded 2-core machine. The JMH benchmark ({@code AlgorithmOptimizationBenchmark}) measures both
 * side by side.
 *
 * <p><b>Edge cases.</b> Both versions accept exactly the same lines: five fields separated by
 * single spaces, a strict UTC timestamp (real calendar dates, leap years included), a dotted quad
 * without leading zeros, a path starting with {@code /}, a status from 100 to 599. {@code k = 0}
 * gives an empty report; a negative {@code k} or an empty range ({@code to} not after {@code from})
 * is rejected.
 *
 * <p><b>Follow-up.</b> <i>"Millions of visitors per page?"</i> A HyperLogLog per page (see
 * senior.bigdata.3) in a few KB each. <i>"Gigabytes of log?"</i> Stream the lines, parse bytes
 * without decoding to strings, split the file among threads and merge the per-page sets.
 */
@Task(
    id = "senior.bigdata.6",
    title = "Optimizing a slow algorithm, profiled",
    usage = "<lines 1..1000000> [naive|optimized|both]")
public final class AlgorithmOptimization {

  /**
   * The most log lines {@link #sampleLog} generates and {@link #main} analyses, and the most pages
   * and visitors: a million, some 100 MB of strings, a few seconds for the naive version.
   */
  public static final int MAX_DEMO_LINES = 1_000_000;

  private static final Comparator<PageVisitors> RANKING =
      Comparator.comparingInt(PageVisitors::visitors).reversed().thenComparing(PageVisitors::page);

  private AlgorithmOptimization() {}

  /**
   * A page and its number of distinct visitors.
   *
   * @param page the request path
   * @param visitors distinct IPv4 addresses with a 2xx response
   */
  public record PageVisitors(String page, int visitors) {}

  /**
   * The first version, as it is often written: clear, and slow. Kept to measure against.
   *
   * @throws IllegalArgumentException for a malformed line, a negative k or an empty range
   */
  public static List<PageVisitors> naive(List<String> lines, Instant from, Instant to, int k) {
    checkArguments(lines, from, to, k);
    Map<String, List<String>> visitors = new HashMap<>();
    for (int i = 0; i < lines.size(); i++) {
      String line = Objects.requireNonNull(lines.get(i), "line " + (i + 1));
      String[] fields = line.split(" ", -1);
      if (fields.length != 5 || Arrays.asList(fields).contains("")) {
        throw malformed(i, "expected 5 fields separated by single spaces", line);
      }
      Instant time;
      if (!Pattern.matches("[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}Z", fields[0])) {
        throw malformed(i, "bad timestamp", line);
      }
      try {
        DateTimeFormatter format =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss'Z'", Locale.ROOT)
                .withResolverStyle(ResolverStyle.STRICT);
        time = LocalDateTime.parse(fields[0], format).toInstant(ZoneOffset.UTC);
      } catch (DateTimeParseException e) {
        throw malformed(i, "bad timestamp", line);
      }
      if (!Pattern.matches(IPV4, fields[1])) {
        throw malformed(i, "bad IPv4 address", line);
      }
      if (!fields[3].startsWith("/")) {
        throw malformed(i, "bad path", line);
      }
      if (!Pattern.matches("[1-5][0-9][0-9]", fields[4])) {
        throw malformed(i, "bad status", line);
      }
      if (!time.isBefore(from) && time.isBefore(to) && fields[4].startsWith("2")) {
        List<String> ips = visitors.computeIfAbsent(fields[3], page -> new ArrayList<>());
        if (!ips.contains(fields[1])) {
          ips.add(fields[1]);
        }
      }
    }
    List<PageVisitors> pages = new ArrayList<>();
    for (Map.Entry<String, List<String>> entry : visitors.entrySet()) {
      pages.add(new PageVisitors(entry.getKey(), entry.getValue().size()));
    }
    pages.sort(RANKING);
    return List.copyOf(pages.subList(0, Math.min(k, pages.size())));
  }

  private static final String OCTET = "(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])";
  private static final String IPV4 = OCTET + "(\\." + OCTET + "){3}";

  /**
   * The refactored version: the same results as {@link #naive}, in O(lines + pages log k).
   *
   * @throws IllegalArgumentException for a malformed line, a negative k or an empty range
   */
  public static List<PageVisitors> optimized(List<String> lines, Instant from, Instant to, int k) {
    checkArguments(lines, from, to, k);
    long fromSecond = from.getEpochSecond();
    boolean fromExact = from.getNano() == 0;
    long toSecond = to.getEpochSecond();
    boolean toExact = to.getNano() == 0;
    Map<String, IntSet> visitors = new HashMap<>();
    String cachedDate = null; // the "uuuu-MM-dd" seen last and its epoch day
    long cachedDay = 0;
    for (int i = 0; i < lines.size(); i++) {
      String line = Objects.requireNonNull(lines.get(i), "line " + (i + 1));
      int s1 = line.indexOf(' ');
      int s2 = s1 < 0 ? -1 : line.indexOf(' ', s1 + 1);
      int s3 = s2 < 0 ? -1 : line.indexOf(' ', s2 + 1);
      int s4 = s3 < 0 ? -1 : line.indexOf(' ', s3 + 1);
      if (s4 < 0
          || line.indexOf(' ', s4 + 1) >= 0
          || s1 == 0
          || s2 == s1 + 1
          || s3 == s2 + 1
          || s4 == s3 + 1
          || s4 == line.length() - 1) {
        throw malformed(i, "expected 5 fields separated by single spaces", line);
      }
      if (s1 != 20 || !isTimestamp(line)) {
        throw malformed(i, "bad timestamp", line);
      }
      if (cachedDate == null || !line.regionMatches(0, cachedDate, 0, 10)) {
        try {
          cachedDay =
              LocalDate.of(digits(line, 0, 4), digits(line, 5, 2), digits(line, 8, 2)).toEpochDay();
        } catch (DateTimeException e) {
          throw malformed(i, "bad timestamp", line);
        }
        cachedDate = line.substring(0, 10);
      }
      int hour = digits(line, 11, 2);
      int minute = digits(line, 14, 2);
      int second = digits(line, 17, 2);
      if (hour > 23 || minute > 59 || second > 59) {
        throw malformed(i, "bad timestamp", line);
      }
      long epochSecond = cachedDay * 86_400 + hour * 3600L + minute * 60L + second;
      long ip = parseIpv4(line, s1 + 1, s2);
      if (ip < 0) {
        throw malformed(i, "bad IPv4 address", line);
      }
      if (line.charAt(s3 + 1) != '/') {
        throw malformed(i, "bad path", line);
      }
      char status = line.charAt(s4 + 1);
      if (line.length() - s4 - 1 != 3
          || status < '1'
          || status > '5'
          || !isDigit(line.charAt(s4 + 2))
          || !isDigit(line.charAt(s4 + 3))) {
        throw malformed(i, "bad status", line);
      }
      boolean afterFrom = epochSecond > fromSecond || (epochSecond == fromSecond && fromExact);
      boolean beforeTo = epochSecond < toSecond || (epochSecond == toSecond && !toExact);
      if (afterFrom && beforeTo && status == '2') {
        visitors.computeIfAbsent(line.substring(s3 + 1, s4), page -> new IntSet()).add((int) ip);
      }
    }
    // Sized by what it can hold, not by k: k = Integer.MAX_VALUE means "every page".
    PriorityQueue<PageVisitors> top =
        new PriorityQueue<>(Math.max(1, Math.min(k, visitors.size())), RANKING.reversed());
    for (Map.Entry<String, IntSet> entry : visitors.entrySet()) {
      PageVisitors page = new PageVisitors(entry.getKey(), entry.getValue().size());
      if (top.size() < k) {
        top.add(page);
      } else if (k > 0 && RANKING.compare(page, top.peek()) < 0) {
        top.poll();
        top.add(page);
      }
    }
    PageVisitors[] result = top.toArray(PageVisitors[]::new);
    Arrays.sort(result, RANKING);
    return List.of(result);
  }

  private static void checkArguments(List<String> lines, Instant from, Instant to, int k) {
    Objects.requireNonNull(lines, "lines");
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    if (k < 0) {
      throw new IllegalArgumentException("k must not be negative: " + k);
    }
    if (!to.isAfter(from)) {
      throw new IllegalArgumentException("empty time range: " + from + " to " + to);
    }
  }

  private static IllegalArgumentException malformed(int index, String problem, String line) {
    return new IllegalArgumentException(
        "line " + (index + 1) + ": " + problem + ": '" + line + "'");
  }

  /** {@code uuuu-MM-ddTHH:mm:ssZ}: digits and separators in place (values checked later). */
  private static boolean isTimestamp(String line) {
    for (int i = 0; i < 20; i++) {
      char c = line.charAt(i);
      boolean ok =
          switch (i) {
            case 4, 7 -> c == '-';
            case 10 -> c == 'T';
            case 13, 16 -> c == ':';
            case 19 -> c == 'Z';
            default -> isDigit(c);
          };
      if (!ok) {
        return false;
      }
    }
    return true;
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static int digits(String text, int start, int count) {
    int value = 0;
    for (int i = start; i < start + count; i++) {
      value = value * 10 + (text.charAt(i) - '0');
    }
    return value;
  }

  /**
   * The address in {@code text[start, end)} as an unsigned 32-bit number, or -1 if it is not a
   * dotted quad of 0..255 without leading zeros.
   */
  private static long parseIpv4(String text, int start, int end) {
    long address = 0;
    int position = start;
    for (int octet = 0; octet < 4; octet++) {
      if (octet > 0) {
        if (position >= end || text.charAt(position) != '.') {
          return -1;
        }
        position++;
      }
      int digitsStart = position;
      int value = 0;
      while (position < end && isDigit(text.charAt(position)) && position - digitsStart < 3) {
        value = value * 10 + (text.charAt(position) - '0');
        position++;
      }
      int length = position - digitsStart;
      if (length == 0 || value > 255 || (length > 1 && text.charAt(digitsStart) == '0')) {
        return -1;
      }
      address = (address << 8) | value;
    }
    return position == end ? address : -1;
  }

  /** An open-addressing hash set of ints with linear probing; 0 is tracked apart. */
  private static final class IntSet {
    private int[] slots = new int[8];
    private int size;
    private boolean hasZero;

    void add(int value) {
      if (value == 0) {
        if (!hasZero) {
          hasZero = true;
          size++;
        }
        return;
      }
      int mask = slots.length - 1;
      int i = mix(value) & mask;
      while (slots[i] != 0) {
        if (slots[i] == value) {
          return;
        }
        i = (i + 1) & mask;
      }
      slots[i] = value;
      if (++size * 2 > slots.length) {
        grow();
      }
    }

    int size() {
      return size;
    }

    private void grow() {
      int[] old = slots;
      slots = new int[old.length * 2];
      int mask = slots.length - 1;
      for (int value : old) {
        if (value != 0) {
          int i = mix(value) & mask;
          while (slots[i] != 0) {
            i = (i + 1) & mask;
          }
          slots[i] = value;
        }
      }
    }

    private static int mix(int value) {
      int h = value * 0x9E3779B9;
      return h ^ (h >>> 16);
    }
  }

  /**
   * A generated access log in time order: {@code lines} requests from 2024-05-01 on, to {@code
   * pages} pages (a few popular, most rare) from {@code visitors} addresses, 90% with status 200.
   *
   * @throws IllegalArgumentException if a count is outside its range: lines 0..{@value
   *     #MAX_DEMO_LINES}, pages and visitors 1..{@value #MAX_DEMO_LINES}
   */
  public static List<String> sampleLog(long seed, int lines, int pages, int visitors) {
    if (lines < 0
        || lines > MAX_DEMO_LINES
        || pages < 1
        || pages > MAX_DEMO_LINES
        || visitors < 1
        || visitors > MAX_DEMO_LINES) {
      throw new IllegalArgumentException(
          "need lines in 0..1000000, pages and visitors in 1..1000000: "
              + lines
              + ", "
              + pages
              + ", "
              + visitors);
    }
    SplittableRandom random = new SplittableRandom(seed);
    int[] addresses = random.ints(visitors).toArray();
    String[] statuses = {"200", "200", "200", "200", "200", "200", "200", "200", "200", "404"};
    String[] methods = {"GET", "GET", "GET", "POST"};
    long second = LocalDate.of(2024, 5, 1).toEpochDay() * 86_400;
    List<String> log = new ArrayList<>(lines);
    StringBuilder line = new StringBuilder(80);
    for (int i = 0; i < lines; i++) {
      second += random.nextInt(3);
      int page = (int) Math.min(pages - 1, Math.floor(Math.pow(random.nextDouble(), 3) * pages));
      int ip = addresses[(int) Math.floor(Math.pow(random.nextDouble(), 2) * visitors)];
      line.setLength(0);
      line.append(Instant.ofEpochSecond(second))
          .append(' ')
          .append(ip >>> 24)
          .append('.')
          .append((ip >>> 16) & 255)
          .append('.')
          .append((ip >>> 8) & 255)
          .append('.')
          .append(ip & 255)
          .append(' ')
          .append(methods[random.nextInt(methods.length)])
          .append(" /page/")
          .append(page)
          .append(' ')
          .append(statuses[random.nextInt(statuses.length)]);
      log.add(line.toString());
    }
    return log;
  }

  /**
   * Runs the report on a generated log of {@code lines} lines with one version or both, printing
   * the top 5, the time and the bytes allocated: {@code senior.bigdata.6 200000 both}. Meant to be
   * run under a profiler.
   *
   * @throws IllegalArgumentException on malformed arguments
   */
  public static void main(String... args) {
    if (args.length < 1 || args.length > 2) {
      throw new IllegalArgumentException(
          "usage: senior.bigdata.6 <lines 1..1000000> [naive|optimized|both]");
    }
    int count = Args.toInt(args[0]);
    if (count < 1 || count > MAX_DEMO_LINES) {
      throw new IllegalArgumentException(
          "lines must be in 1.." + MAX_DEMO_LINES + " (a log held in memory): " + count);
    }
    String which = args.length == 2 ? args[1] : "both";
    if (!List.of("naive", "optimized", "both").contains(which)) {
      throw new IllegalArgumentException(
          "usage: senior.bigdata.6 <lines 1..1000000> [naive|optimized|both]");
    }
    List<String> log = sampleLog(1, count, 200, Math.max(1, count / 10));
    Instant from = Instant.parse("2024-05-01T00:00:00Z");
    Instant to = Instant.parse("2100-01-01T00:00:00Z");
    var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    for (String version : List.of("naive", "optimized")) {
      if (which.equals(version) || which.equals("both")) {
        long bytes = threads.getCurrentThreadAllocatedBytes();
        long start = System.nanoTime();
        List<PageVisitors> top =
            version.equals("naive") ? naive(log, from, to, 5) : optimized(log, from, to, 5);
        long millis = (System.nanoTime() - start) / 1_000_000;
        long allocated = threads.getCurrentThreadAllocatedBytes() - bytes;
        System.out.printf(
            Locale.ROOT,
            "%-9s %6d ms %,15d bytes allocated  %s%n",
            version,
            millis,
            allocated,
            top);
      }
    }
  }
}
