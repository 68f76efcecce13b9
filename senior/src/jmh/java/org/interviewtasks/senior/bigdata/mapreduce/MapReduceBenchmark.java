package org.interviewtasks.senior.bigdata.mapreduce;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.interviewtasks.senior.bigdata.mapreduce.MapReduce.Config;
import org.interviewtasks.senior.bigdata.mapreduce.MapReduce.Mode;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Word count of a generated 200 MB corpus: our MapReduce with worker threads and with worker
 * processes (one worker per core, as many reducers, 32 MiB splits, 64 MiB shuffle buffers) against
 * the single-threaded loop a user would write ({@code HashMap.merge} per word), with the same
 * tokenizer. The corpus is generated once into {@code target/bench-data} and reused.
 */
@BenchmarkMode(org.openjdk.jmh.annotations.Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 4)
@Fork(value = 1, jvmArgsAppend = "-Xmx2g")
@State(Scope.Benchmark)
public class MapReduceBenchmark {

  static final long BYTES = 200_000_000L;
  static final Path DATA = Path.of("target", "bench-data");

  private Path corpus;
  private Path workDir;
  private int run;

  @Setup(Level.Trial)
  public void corpus() throws IOException {
    Files.createDirectories(DATA);
    corpus = DATA.resolve("corpus-200mb.txt");
    Path done = DATA.resolve("corpus-200mb.done");
    if (!Files.exists(done) || !Files.exists(corpus)) {
      Path partial = DATA.resolve("corpus-200mb.partial");
      Corpus.write(partial, 2026, BYTES, 50_000);
      Files.move(
          partial, corpus, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      Files.writeString(done, "200 MB corpus, seed 2026");
    }
  }

  @Setup(Level.Invocation)
  public void freshWorkDir() {
    workDir = DATA.resolve("work-" + run++).toAbsolutePath();
  }

  @TearDown(Level.Invocation)
  public void cleanUp() throws IOException {
    Tasks.deleteTree(workDir);
  }

  @Benchmark
  public long wordCount_ours() throws IOException {
    return MapReduce.run(WordCount.class, List.of(corpus), Config.defaults(workDir))
        .counters()
        .reduceGroups();
  }

  @Benchmark
  public long wordCount_oursProcesses() throws IOException {
    Config config = Config.defaults(workDir).withMode(Mode.PROCESSES);
    return MapReduce.run(WordCount.class, List.of(corpus), config).counters().reduceGroups();
  }

  @Benchmark
  public int wordCount_singleThread() throws IOException {
    Map<String, Long> counts = new HashMap<>();
    try (BufferedReader reader = Files.newBufferedReader(corpus, StandardCharsets.UTF_8)) {
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        WordCount.words(line, word -> counts.merge(word, 1L, Long::sum));
      }
    }
    return counts.size();
  }
}
