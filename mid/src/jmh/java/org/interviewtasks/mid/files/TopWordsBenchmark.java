package org.interviewtasks.mid.files;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Throughput of {@link TopWords} against the naive version everyone writes first: read the whole
 * file into a String, split on a regex, count in a HashMap, sort every entry. {@code topTen_ours}
 * counts the file in byte ranges on two threads, {@code topTen_oneThread} the same code on one (a
 * baseline here, so that the report shows what the second core brings), and {@code
 * topTen_oursReader} the one-thread {@link java.io.Reader} API. The bench report compares the
 * primary metric, files per second; the {@code bytes} secondary metric is bytes of input processed
 * per second (divide by 10^6 for MB/s).
 *
 * <p>Run: {@code ./mvnw -B -ntp -pl mid -Pbench -DskipTests verify -Dbench.include=TopWords}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 10, time = 1)
public class TopWordsBenchmark {

  /** About 16 MB of text drawn from a 5,000-word vocabulary with a skewed distribution. */
  private static final int WORDS = 2_000_000;

  private static final Pattern NON_WORD = Pattern.compile("[^\\p{L}\\p{N}']+");

  private Path file;
  private long size;

  /** Counts the bytes each benchmark processed; JMH reports it per second. */
  @State(Scope.Thread)
  @AuxCounters(AuxCounters.Type.OPERATIONS)
  public static class Bytes {
    public long bytes;
  }

  @Setup(Level.Trial)
  public void writeFile() throws IOException {
    file = Files.createTempFile("topwords", ".txt");
    SplittableRandom random = new SplittableRandom(42);
    try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      for (int i = 0; i < WORDS; i++) {
        int rank = (int) Math.min(4_999, Math.abs(random.nextGaussian()) * 800);
        out.write(i % 7 == 0 ? "Word" : "word");
        out.write(Integer.toString(rank));
        out.write(i % 12 == 11 ? ".\n" : " ");
      }
    }
    size = Files.size(file);
  }

  @TearDown(Level.Trial)
  public void deleteFile() throws IOException {
    Files.deleteIfExists(file);
  }

  @Benchmark
  public List<TopWords.WordCount> topTen_ours(Bytes counter) throws IOException {
    counter.bytes += size;
    return TopWords.topWords(file, 10, 2);
  }

  @Benchmark
  public List<TopWords.WordCount> topTen_oneThread(Bytes counter) throws IOException {
    counter.bytes += size;
    return TopWords.topWords(file, 10, 1);
  }

  @Benchmark
  public List<TopWords.WordCount> topTen_oursReader(Bytes counter) throws IOException {
    counter.bytes += size;
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      return TopWords.topWords(reader, 10);
    }
  }

  @Benchmark
  public List<Map.Entry<String, Long>> topTen_naiveReadStringSplit(Bytes counter)
      throws IOException {
    counter.bytes += size;
    String text = Files.readString(file, StandardCharsets.UTF_8);
    Map<String, Long> counts = new HashMap<>();
    NON_WORD
        .splitAsStream(text)
        .filter(word -> !word.isEmpty())
        .forEach(word -> counts.merge(word.toLowerCase(Locale.ROOT), 1L, Long::sum));
    return counts.entrySet().stream()
        .sorted(
            Map.Entry.<String, Long>comparingByValue()
                .reversed()
                .thenComparing(Map.Entry.comparingByKey()))
        .limit(10)
        .toList();
  }
}
