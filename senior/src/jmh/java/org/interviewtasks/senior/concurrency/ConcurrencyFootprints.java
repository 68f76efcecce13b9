package org.interviewtasks.senior.concurrency;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import java.util.regex.Pattern;
import org.interviewtasks.senior.concurrency.pipeline.DataPipeline;
import org.interviewtasks.senior.concurrency.pipeline.DataPipeline.Query;
import org.interviewtasks.senior.concurrency.pipeline.TripData;

/**
 * The measurements of the concurrency benchmarks that are not times: bytes the data pipeline
 * allocates per row, naive and optimized, on a generated file of one million trips, counted over
 * every thread of the JVM (the fork/join workers included) by {@code
 * ThreadMXBean.getTotalThreadAllocatedBytes}, the third of three runs (class loading and JIT done).
 * Appends to the footprints file in JMH's JSON shape (mode {@code footprint}) for {@code
 * BenchReport}; runs only when the bench include pattern selects the pipeline benchmark.
 *
 * <p>Usage: {@code ConcurrencyFootprints <footprints.json> <include regex>}.
 */
public final class ConcurrencyFootprints {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String PIPELINE =
      "org.interviewtasks.senior.concurrency.pipeline.DataPipelineBenchmark.topZones_ours";

  private ConcurrencyFootprints() {}

  public static void main(String... args) throws IOException {
    if (args.length != 2) {
      throw new IllegalArgumentException(
          "usage: ConcurrencyFootprints <footprints.json> <include regex>");
    }
    if (!Pattern.compile(args[1]).matcher(PIPELINE).find()) {
      return;
    }
    Path output = Path.of(args[0]);
    ArrayNode results =
        Files.exists(output) && JSON.readTree(output.toFile()) instanceof ArrayNode existing
            ? existing
            : JSON.createArrayNode();
    pipeline(results);
    Files.createDirectories(output.toAbsolutePath().getParent());
    JSON.writerWithDefaultPrettyPrinter().writeValue(output.toFile(), results);
  }

  private static void pipeline(ArrayNode results) throws IOException {
    long rows = 1_000_000;
    Path dir = Files.createDirectories(Path.of("target", "bench-data"));
    Path file = dir.resolve("trips-" + rows + ".csv");
    Path done = dir.resolve("trips-" + rows + ".done");
    if (!Files.exists(done) || !Files.exists(file)) {
      TripData.write(file, 2024, rows);
      Files.writeString(done, rows + " trips, seed 2024");
    }
    Query query = new Query(7, 10, 10);
    String name =
        "org.interviewtasks.senior.concurrency.pipeline.DataPipelineFootprint.allocatedPerRow_";
    try (ForkJoinPool pool = new ForkJoinPool(Runtime.getRuntime().availableProcessors())) {
      add(
          results,
          name + "ours",
          allocated(
                  () -> DataPipeline.optimized(file, query, pool, DataPipeline.DEFAULT_CHUNK_SIZE))
              / rows,
          "B/row");
    }
    add(results, name + "naive", allocated(() -> DataPipeline.naive(file, query)) / rows, "B/row");
  }

  interface Run {
    List<?> run() throws IOException;
  }

  private static double allocated(Run run) throws IOException {
    var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    double bytes = 0;
    for (int i = 0; i < 3; i++) {
      long before = threads.getTotalThreadAllocatedBytes();
      if (run.run().isEmpty()) {
        throw new IllegalStateException("no answer");
      }
      bytes = threads.getTotalThreadAllocatedBytes() - before;
    }
    return bytes;
  }

  private static void add(ArrayNode results, String benchmark, double score, String unit) {
    ObjectNode result = results.addObject();
    result.put("benchmark", benchmark);
    result.put("mode", "footprint");
    result.put("jdkVersion", System.getProperty("java.version"));
    ObjectNode metric = result.putObject("primaryMetric");
    metric.put("score", score);
    metric.put("scoreError", 0);
    metric.put("scoreUnit", unit);
  }
}
