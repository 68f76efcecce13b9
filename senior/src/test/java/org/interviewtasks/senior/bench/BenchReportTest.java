package org.interviewtasks.senior.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BenchReportTest {

  @TempDir Path temp;

  private static final String JMH =
      """
      [
        {"jdkVersion": "25", "vmName": "OpenJDK 64-Bit Server VM", "benchmark": "org.x.trie.TrieBenchmark.contains_ours",
         "mode": "avgt", "primaryMetric": {"score": 50.0, "scoreError": 5.0, "scoreUnit": "ns/op"}},
        {"benchmark": "org.x.trie.TrieBenchmark.contains_hashSet",
         "mode": "avgt", "primaryMetric": {"score": 25.0, "scoreError": 2.5, "scoreUnit": "ns/op"}},
        {"benchmark": "org.x.hll.HyperLogLogBenchmark.update_ours", "params": {"p": "12"},
         "mode": "thrpt", "primaryMetric": {"score": 300.0, "scoreError": 30.0, "scoreUnit": "ops/us"}},
        {"benchmark": "org.x.hll.HyperLogLogBenchmark.update_dataSketches", "params": {"p": "12"},
         "mode": "thrpt", "primaryMetric": {"score": 100.0, "scoreError": "NaN", "scoreUnit": "ops/us"}},
        {"benchmark": "org.x.mr.MapReduceBenchmark.wordCount_oursProcesses",
         "mode": "ss", "primaryMetric": {"score": 2000.0, "scoreError": 100.0, "scoreUnit": "ms/op"}},
        {"benchmark": "org.x.mr.MapReduceBenchmark.wordCount_singleThread",
         "mode": "ss", "primaryMetric": {"score": 4000.0, "scoreError": 200.0, "scoreUnit": "ms/op"}},
        {"benchmark": "org.x.topo.TopologicalSortBenchmark.sortSmallestFirst_ours",
         "mode": "ss", "primaryMetric": {"score": 0.5, "scoreError": 0.0005, "scoreUnit": "s/op"}},
        {"benchmark": "org.x.trie.TrieFootprint.bytesPerWord_ours",
         "mode": "footprint", "primaryMetric": {"score": 10.0, "scoreError": 0.0, "scoreUnit": "B/word"}},
        {"benchmark": "org.x.trie.TrieFootprint.bytesPerWord_hashSet",
         "mode": "footprint", "primaryMetric": {"score": 90.0, "scoreError": 0.0, "scoreUnit": "B/word"}}
      ]
      """;

  @Test
  void pairsOursWithEachBaselineAndStatesTheDirection() throws IOException {
    Path file = Files.writeString(temp.resolve("jmh.json"), JMH);
    String table =
        BenchReport.table(BenchReport.read(file), "25", 2, "cmd", LocalDate.of(2026, 11, 26), 3.25);

    assertThat(table)
        .startsWith(
            "Measured 2026-11-26 on JDK 25, 2 cores available (load average 3.3 at the end), with:")
        .contains("```sh\ncmd\n```")
        .contains(
            "| Trie | contains | 50.0 ± 5.00 | hashSet | 25.0 ± 2.50 | 0.500 ± 0.071 | ns/op |")
        .contains(
            "| HyperLogLog | update [p=12] | 300 ± 30.0 | dataSketches | 100 ± n/a | 3.00 ± n/a | ops/us |")
        .contains(
            "| MapReduce | wordCount (processes) | 2,000 ± 100 | singleThread | 4,000 ± 200 | 2.00 ± 0.141 | ms/op |")
        .contains("| TopologicalSort | sortSmallestFirst | 0.500 ± 5.00e-04 | — | — | — | s/op |")
        .contains("| Trie | bytesPerWord | 10.0 | hashSet | 90.0 | 9.00 | B/word |");
  }

  @Test
  void rewritesOnlyTheMarkedSection() {
    String readme = "# Title\n\n" + BenchReport.BEGIN + "\nold\n" + BenchReport.END + "\n\nafter\n";

    assertThat(BenchReport.replaceSection(readme, "new\n"))
        .isEqualTo("# Title\n\n" + BenchReport.BEGIN + "\nnew\n" + BenchReport.END + "\n\nafter\n");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> BenchReport.replaceSection("no markers", "x"))
        .withMessageStartingWith("README lacks the markers");
  }

  @Test
  void theCommandNamesWhatWasRun() {
    assertThat(BenchReport.command(".*", ""))
        .isEqualTo("./mvnw -B -ntp -pl senior -am -Pbench -DskipTests -Dbench.readme=true verify");
    assertThat(BenchReport.command("Trie", "-f 1 -wi 1"))
        .isEqualTo(
            "./mvnw -B -ntp -pl senior -am -Pbench -DskipTests -Dbench.readme=true"
                + " -Dbench.include=Trie -Dbench.options=\"-f 1 -wi 1\" verify");
  }

  @Test
  void formatsThreeSignificantDigits() {
    assertThat(
            List.of(1234.5, 12.345, 1.2345, 0.12345, 0.0001, 0.0, Double.NaN).stream()
                .map(BenchReport::format))
        .containsExactly("1,235", "12.3", "1.23", "0.123", "1.00e-04", "0", "n/a");
  }
}
