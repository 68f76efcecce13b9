package org.interviewtasks.senior.concurrency.pipeline;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Objects;
import java.util.SplittableRandom;
import org.interviewtasks.common.RegularFiles;

/**
 * A deterministic generator of taxi trips as CSV, shaped like a month of city taxi data: pickups in
 * March 2024 with a daily rush-hour profile, 263 zones of very unequal popularity, mostly single
 * passengers (and a few trips recorded with none), distances from a few hundred metres to tens of
 * kilometres, fares that follow the distance, tips on card payments only.
 *
 * <p>The same seed and row count always give the same bytes. The file starts with {@link
 * DataPipeline#HEADER} and has one trip per line, each line ending with {@code \n}; about 58 bytes
 * per row, so 10 million rows are about 580 MB.
 */
public final class TripData {

  /** The number of zones trips start and end in, numbered from 1. */
  public static final int ZONES = 263;

  /** Cumulative share of pickups per hour of day, in thousandths (a rush-hour shaped profile). */
  private static final int[] HOUR_WEIGHTS = {
    20, 14, 10, 7, 6, 9, 20, 35, 45, 45, 44, 46, 48, 48, 50, 53, 56, 62, 66, 62, 56, 50, 40, 28
  };

  private static final int[] CUMULATIVE = new int[24];

  static {
    int sum = 0;
    for (int h = 0; h < 24; h++) {
      sum += HOUR_WEIGHTS[h];
      CUMULATIVE[h] = sum;
    }
  }

  private TripData() {}

  /**
   * Writes {@code rows} trips to {@code file}, replacing it atomically (written to a temporary
   * sibling first and moved into place).
   *
   * @throws IllegalArgumentException if rows is negative
   * @throws IOException if the file cannot be written
   */
  public static void write(Path file, long seed, long rows) throws IOException {
    RegularFiles.requireReplaceable(Objects.requireNonNull(file, "file"));
    Objects.requireNonNull(file, "file");
    if (rows < 0) {
      throw new IllegalArgumentException("rows must not be negative: " + rows);
    }
    Path absolute = file.toAbsolutePath();
    Path temp = absolute.resolveSibling(absolute.getFileName() + ".partial");
    SplittableRandom random = new SplittableRandom(seed);
    try (OutputStream out = Files.newOutputStream(temp)) {
      StringBuilder text = new StringBuilder(1 << 20);
      text.append(DataPipeline.HEADER).append('\n');
      for (long row = 0; row < rows; row++) {
        appendTrip(text, random);
        if (text.length() > (1 << 20) - 128) {
          out.write(text.toString().getBytes(StandardCharsets.US_ASCII));
          text.setLength(0);
        }
      }
      out.write(text.toString().getBytes(StandardCharsets.US_ASCII));
    } catch (IOException | RuntimeException e) {
      Files.deleteIfExists(temp);
      throw e;
    }
    Files.move(temp, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  private static void appendTrip(StringBuilder line, SplittableRandom random) {
    int day = 1 + random.nextInt(31);
    int hour = hour(random.nextInt(CUMULATIVE[23]));
    int minute = random.nextInt(60);
    int second = random.nextInt(60);
    line.append("2024-03-");
    twoDigits(line, day).append('T');
    twoDigits(line, hour).append(':');
    twoDigits(line, minute).append(':');
    twoDigits(line, second).append(',');
    line.append(zone(random)).append(',').append(zone(random)).append(',');
    int passengers = passengers(random.nextInt(1000));
    line.append(passengers).append(',');
    // Log-normal-ish distance: median about 2.7 km, a long tail to the airports.
    double km = Math.min(99.0, Math.exp(1.0 + 0.8 * random.nextGaussian()) * 1.0 + 0.1);
    int distance = (int) Math.round(km * 100);
    int fare = 300 + (int) Math.round(distance * 1.75) + random.nextInt(150);
    boolean card = random.nextInt(100) < 70;
    int tip = card ? (int) Math.round(fare * random.nextInt(26) / 100.0) : 0;
    hundredths(line, distance).append(',');
    hundredths(line, fare).append(',');
    hundredths(line, tip).append(',');
    line.append(card ? "card" : "cash").append('\n');
  }

  private static int hour(int draw) {
    int h = 0;
    while (CUMULATIVE[h] <= draw) {
      h++;
    }
    return h;
  }

  /** Zones by popularity: squaring a uniform draw puts most pickups in the low-numbered zones. */
  private static int zone(SplittableRandom random) {
    double u = random.nextDouble();
    return 1 + (int) (u * u * ZONES);
  }

  private static int passengers(int draw) {
    if (draw < 20) {
      return 0;
    }
    if (draw < 720) {
      return 1;
    }
    if (draw < 870) {
      return 2;
    }
    if (draw < 930) {
      return 3;
    }
    return 4 + (draw - 930) / 20; // 4, 5 or 6
  }

  private static StringBuilder twoDigits(StringBuilder line, int value) {
    return line.append((char) ('0' + value / 10)).append((char) ('0' + value % 10));
  }

  private static StringBuilder hundredths(StringBuilder line, int value) {
    line.append(value / 100).append('.');
    return twoDigits(line, value % 100);
  }
}
