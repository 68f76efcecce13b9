package org.interviewtasks.senior.concurrency.pipeline;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.TimeUnit;
import org.interviewtasks.senior.concurrency.pipeline.DataPipeline.Query;
import org.interviewtasks.senior.concurrency.pipeline.DataPipeline.ZoneRevenue;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The morning-rush question over 10 million generated trips (about 580 MB of CSV, written once into
 * {@code target/bench-data} and then in the page cache): the optimized pipeline on a fork/join pool
 * of one thread per core and on one thread, against the naive version. Bytes allocated per row are
 * measured apart, by {@code ConcurrencyFootprints}. A smaller run: {@code -p rows=1000000}.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 4)
@Fork(value = 1, jvmArgsAppend = "-Xmx2g")
@State(Scope.Benchmark)
public class DataPipelineBenchmark {

  static final Path DATA = Path.of("target", "bench-data");
  static final Query QUERY = new Query(7, 10, 10);

  @Param({"10000000"})
  public long rows;

  private Path file;
  private ForkJoinPool cores;
  private ForkJoinPool single;

  @Setup(Level.Trial)
  public void data() throws IOException {
    file = tripFile(rows);
    cores = new ForkJoinPool(Runtime.getRuntime().availableProcessors());
    single = new ForkJoinPool(1);
    DataPipeline.optimized(file, QUERY, cores, DataPipeline.DEFAULT_CHUNK_SIZE); // page cache
  }

  /** The trips file of that many rows, generated once (seed 2024). */
  static Path tripFile(long rows) throws IOException {
    Files.createDirectories(DATA);
    Path file = DATA.resolve("trips-" + rows + ".csv");
    Path done = DATA.resolve("trips-" + rows + ".done");
    if (!Files.exists(done) || !Files.exists(file)) {
      TripData.write(file, 2024, rows);
      Files.writeString(done, rows + " trips, seed 2024");
    }
    return file;
  }

  @TearDown(Level.Trial)
  public void stopPools() {
    cores.close();
    single.close();
  }

  @Benchmark
  public List<ZoneRevenue> topZones_ours() throws IOException {
    return DataPipeline.optimized(file, QUERY, cores, DataPipeline.DEFAULT_CHUNK_SIZE);
  }

  @Benchmark
  public List<ZoneRevenue> topZones_oursOneThread() throws IOException {
    return DataPipeline.optimized(file, QUERY, single, DataPipeline.DEFAULT_CHUNK_SIZE);
  }

  @Benchmark
  public List<ZoneRevenue> topZones_naive() throws IOException {
    return DataPipeline.naive(file, QUERY);
  }
}
