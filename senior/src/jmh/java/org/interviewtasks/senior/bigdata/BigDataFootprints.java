package org.interviewtasks.senior.bigdata;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Supplier;
import org.apache.commons.collections4.trie.PatriciaTrie;
import org.apache.datasketches.hll.HllSketch;
import org.apache.datasketches.hll.TgtHllType;
import org.interviewtasks.senior.bigdata.hyperloglog.HyperLogLog;
import org.interviewtasks.senior.bigdata.optimization.AlgorithmOptimization;
import org.interviewtasks.senior.bigdata.trie.Trie;
import org.interviewtasks.senior.bigdata.trie.Vocabulary;
import org.openjdk.jol.info.GraphLayout;

/**
 * The measurements of the bigdata benchmarks that are not times: bytes per word of the Trie and its
 * alternatives (JOL walks the whole object graph, strings included), HyperLogLog's error over many
 * seeds and its memory beside DataSketches', and the bytes one report of the optimization task
 * allocates before and after. Deterministic (fixed seeds), so a single run; written in JMH's JSON
 * shape (mode {@code footprint}: lower is better) for {@code BenchReport}.
 *
 * <p>Usage: {@code BigDataFootprints <output.json>}; run by the {@code bench} profile.
 */
public final class BigDataFootprints {

  private static final ObjectMapper JSON = new ObjectMapper();

  private BigDataFootprints() {}

  public static void main(String... args) throws IOException {
    if (args.length != 1) {
      throw new IllegalArgumentException("usage: BigDataFootprints <output.json>");
    }
    ArrayNode results = JSON.createArrayNode();
    trie(results);
    hyperLogLog(results);
    optimization(results);
    JSON.writerWithDefaultPrettyPrinter().writeValue(Path.of(args[0]).toFile(), results);
  }

  private static void trie(ArrayNode results) {
    int count = 500_000; // as in TrieBenchmark
    List<String> words = Vocabulary.words(1, count);
    Trie trie = Trie.of(words);
    HashSet<String> set = new HashSet<>(words);
    PatriciaTrie<Boolean> patricia = new PatriciaTrie<>();
    words.forEach(w -> patricia.put(w, Boolean.TRUE));
    String name = "org.interviewtasks.senior.bigdata.trie.TrieFootprint.bytesPerWord_";
    add(
        results,
        name + "ours",
        GraphLayout.parseInstance(trie).totalSize() / (double) count,
        0,
        "B/word");
    add(
        results,
        name + "hashSet",
        GraphLayout.parseInstance(set).totalSize() / (double) count,
        0,
        "B/word");
    add(
        results,
        name + "patriciaTrie",
        GraphLayout.parseInstance(patricia).totalSize() / (double) count,
        0,
        "B/word");
  }

  /**
   * Relative RMSE at one million distinct items over 30 seeds, p = 12, HLL_6 on both sides. The
   * error bar is a 99.9% interval for an RMSE from 30 samples: 3.29 × RMSE / √60.
   */
  private static void hyperLogLog(ArrayNode results) {
    int p = 12;
    int n = 1_000_000;
    int seeds = 30;
    double ours = 0;
    double theirs = 0;
    SplittableRandom seedSource = new SplittableRandom(12);
    for (int s = 0; s < seeds; s++) {
      SplittableRandom random = new SplittableRandom(seedSource.nextLong());
      HyperLogLog sketch = new HyperLogLog(p);
      HllSketch hll = new HllSketch(p, TgtHllType.HLL_6);
      for (int i = 0; i < n; i++) {
        long item = random.nextLong();
        sketch.add(item);
        hll.update(item);
      }
      ours += Math.pow((sketch.estimate() - n) / n, 2);
      theirs += Math.pow((hll.getEstimate() - n) / n, 2);
    }
    double oursRmse = 100 * Math.sqrt(ours / seeds);
    double theirsRmse = 100 * Math.sqrt(theirs / seeds);
    String name = "org.interviewtasks.senior.bigdata.hyperloglog.HyperLogLogFootprint.";
    add(
        results,
        name + "errorAtOneMillion_ours",
        oursRmse,
        3.29 * oursRmse / Math.sqrt(2.0 * seeds),
        "% RMSE");
    add(
        results,
        name + "errorAtOneMillion_dataSketches",
        theirsRmse,
        3.29 * theirsRmse / Math.sqrt(2.0 * seeds),
        "% RMSE");
    HllSketch full = new HllSketch(p, TgtHllType.HLL_6);
    for (int i = 0; i < n; i++) {
      full.update(i);
    }
    add(results, name + "registerBytes_ours", new HyperLogLog(p).sizeInBytes(), 0, "B");
    add(
        results,
        name + "registerBytes_dataSketches",
        full.getUpdatableSerializationBytes(),
        0,
        "B");
  }

  /** Bytes allocated by one report on the benchmark's log, after two warm-up reports. */
  private static void optimization(ArrayNode results) {
    List<String> log = AlgorithmOptimization.sampleLog(1, 50_000, 200, 5_000);
    var from = java.time.Instant.parse("2024-05-01T00:00:00Z");
    var to = java.time.Instant.parse("2024-05-02T00:00:00Z");
    String name =
        "org.interviewtasks.senior.bigdata.optimization.AlgorithmOptimizationFootprint.allocatedPerReport_";
    add(
        results,
        name + "ours",
        allocated(() -> AlgorithmOptimization.optimized(log, from, to, 10)),
        0,
        "B/op");
    add(
        results,
        name + "naive",
        allocated(() -> AlgorithmOptimization.naive(log, from, to, 10)),
        0,
        "B/op");
  }

  private static double allocated(Supplier<?> report) {
    var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    long bytes = 0;
    for (int run = 0; run < 3; run++) { // the last of three: class loading and JIT are done
      long before = threads.getCurrentThreadAllocatedBytes();
      Object result = report.get();
      bytes = threads.getCurrentThreadAllocatedBytes() - before;
      if (result == null) {
        throw new IllegalStateException("no report");
      }
    }
    return bytes;
  }

  private static void add(
      ArrayNode results, String benchmark, double score, double error, String unit) {
    ObjectNode result = results.addObject();
    result.put("benchmark", benchmark);
    result.put("mode", "footprint");
    result.put("jdkVersion", System.getProperty("java.version"));
    ObjectNode metric = result.putObject("primaryMetric");
    metric.put("score", score);
    metric.put("scoreError", error);
    metric.put("scoreUnit", unit);
  }
}
