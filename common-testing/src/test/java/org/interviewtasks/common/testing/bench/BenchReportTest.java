package org.interviewtasks.common.testing.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.interviewtasks.common.testing.StdStreams;
import org.junit.jupiter.api.AfterEach;
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

  private static final String ONE_RESULT =
      """
      [{"jdkVersion": "25", "vmName": "VM", "benchmark": "org.x.trie.TrieBenchmark.contains_ours",
        "mode": "avgt", "primaryMetric": {"score": 50.0, "scoreError": 5.0, "scoreUnit": "ns/op"}},
       {"benchmark": "org.x.trie.TrieBenchmark.contains_hashSet",
        "mode": "avgt", "primaryMetric": {"score": 25.0, "scoreError": 2.5, "scoreUnit": "ns/op"}}]
      """;

  private static final List<String> PROPERTIES =
      List.of(
          "task.runner.module",
          "task.runner.selected.0",
          "bench.section",
          "bench.output",
          "bench.date",
          "bench.load",
          "bench.cores");

  @AfterEach
  void clearProperties() {
    PROPERTIES.forEach(System::clearProperty);
  }

  /** Runs the report's main as the bench profile would, with these system properties. */
  private static String report(Map<String, String> properties, String... args) throws Exception {
    properties.forEach(System::setProperty);
    return StdStreams.capture(() -> BenchReport.main(args)).out();
  }

  private static Map<String, String> properties(String... keysAndValues) {
    Map<String, String> properties = new LinkedHashMap<>();
    properties.put("task.runner.module", "senior");
    properties.put("bench.date", "2026-12-06");
    properties.put("bench.load", "1.6");
    properties.put("bench.cores", "2");
    for (int i = 0; i < keysAndValues.length; i += 2) {
      properties.put(keysAndValues[i], keysAndValues[i + 1]);
    }
    return properties;
  }

  @Test
  void pairsOursWithEachBaselineAndStatesTheDirection() throws IOException {
    Path file = Files.writeString(temp.resolve("jmh.json"), JMH);
    String table =
        BenchReport.table(BenchReport.read(file), "25", 2, "cmd", LocalDate.of(2026, 11, 26), 3.25);

    assertThat(table)
        .startsWith("Measured 2026-11-26 on JDK 25, 2 cores available (load average 3.3), with:")
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
  void aMachineThatCannotTellItsLoadLeavesItOut() {
    assertThat(BenchReport.table(List.of(), "25", 4, "cmd", LocalDate.of(2026, 1, 2), -1))
        .startsWith("Measured 2026-01-02 on JDK 25, 4 cores available, with:");
  }

  @Test
  void rewritesOnlyTheMarkedSection() {
    String readme = "# Title\n\n" + BenchReport.BEGIN + "\nold\n" + BenchReport.END + "\n\nafter\n";

    assertThat(BenchReport.replaceSection(readme, "new\n"))
        .isEqualTo("# Title\n\n" + BenchReport.BEGIN + "\nnew\n" + BenchReport.END + "\n\nafter\n");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> BenchReport.replaceSection("no markers", "x"))
        .withMessageStartingWith("README lacks the markers");
    assertThatIllegalArgumentException()
        .isThrownBy(
            () -> BenchReport.replaceSection(BenchReport.END + "\n" + BenchReport.BEGIN, "x"))
        .withMessageStartingWith("README lacks the markers");
  }

  @Test
  void aNamedSectionIsAddedAfterTheMainOneThenRewrittenAlone() {
    String main = BenchReport.BEGIN + "\nfull run\n" + BenchReport.END;
    String readme = "# Title\n\n" + main + "\n\nafter\n";

    String added = BenchReport.replaceSection(readme, "tasks-2", "first\n");
    String named =
        "<!-- bench:begin tasks-2 (generated by BenchReport; do not edit) -->\n"
            + "first\n<!-- bench:end tasks-2 -->";
    assertThat(added).isEqualTo("# Title\n\n" + main + "\n\n" + named + "\n\nafter\n");

    assertThat(BenchReport.replaceSection(added, "tasks-2", "second\n"))
        .isEqualTo(
            "# Title\n\n" + main + "\n\n" + named.replace("first", "second") + "\n\nafter\n");
    assertThat(BenchReport.replaceSection(added, "new main\n"))
        .startsWith("# Title\n\n" + BenchReport.BEGIN + "\nnew main\n" + BenchReport.END)
        .contains("first\n<!-- bench:end tasks-2 -->");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> BenchReport.replaceSection(added, "bad name", "x"))
        .withMessageContaining("section name");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> BenchReport.replaceSection("no markers", "tasks-2", "x"))
        .withMessageStartingWith("README lacks the markers");
    String unended =
        main + "\n<!-- bench:begin tasks-2 (generated by BenchReport; do not edit) -->\n";
    assertThatIllegalArgumentException()
        .isThrownBy(() -> BenchReport.replaceSection(unended, "tasks-2", "x"))
        .withMessageStartingWith("README lacks the markers <!-- bench:begin tasks-2");
  }

  @Test
  void theCommandNamesTheModuleAndWhatWasRun() {
    assertThat(BenchReport.command("senior", ".*", "", ""))
        .isEqualTo("./mvnw -B -ntp -pl senior -am -Pbench -DskipTests -Dbench.readme=true verify");
    assertThat(BenchReport.command("mid", "", "", ""))
        .isEqualTo("./mvnw -B -ntp -pl mid -am -Pbench -DskipTests -Dbench.readme=true verify");
    assertThat(BenchReport.command("senior", "Trie", "", "-f 1 -wi 1"))
        .isEqualTo(
            "./mvnw -B -ntp -pl senior -am -Pbench -DskipTests -Dbench.readme=true"
                + " -Dbench.include='Trie' -Dbench.options=\"-f 1 -wi 1\" verify");
    assertThat(BenchReport.command("senior", "(A|B)Benchmark", "tasks-2", ""))
        .isEqualTo(
            "./mvnw -B -ntp -pl senior -am -Pbench -DskipTests -Dbench.readme=true"
                + " -Dbench.include='(A|B)Benchmark' -Dbench.section=tasks-2 verify");
  }

  @Test
  void aRunOfSomeBenchmarksReportsTheirFootprintsOnly() throws Exception {
    Path jmh = Files.writeString(temp.resolve("jmh-results.json"), ONE_RESULT);
    Path footprints = temp.resolve("footprints.json");
    Files.writeString(
        footprints,
        """
        [{"benchmark": "org.x.trie.TrieFootprint.bytesPerWord_ours", "mode": "footprint",
          "primaryMetric": {"score": 10.0, "scoreError": 0.0, "scoreUnit": "B/word"}},
         {"benchmark": "org.x.trie.TrieFootprint.bytesPerWord_hashSet", "mode": "footprint",
          "primaryMetric": {"score": 90.0, "scoreError": 0.0, "scoreUnit": "B/word"}},
         {"benchmark": "org.x.hll.HyperLogLogFootprint.registerBytes_ours", "mode": "footprint",
          "primaryMetric": {"score": 3072.0, "scoreError": 0.0, "scoreUnit": "B"}}]
        """);

    report(
        properties(),
        jmh.toString(),
        footprints.toString(),
        "unused.md",
        "false",
        "(Trie|Sql)Benchmark");

    assertThat(Files.readString(temp.resolve("bench-table.md")))
        .contains("| Trie | bytesPerWord | 10.0 | hashSet | 90.0 | 9.00 | B/word |")
        .doesNotContain("HyperLogLog");
  }

  @Test
  void writesTheTableAndTheChartAndWithUpdateTheReadmeSectionThatLinksIt() throws Exception {
    Path jmh = Files.writeString(temp.resolve("jmh-results.json"), ONE_RESULT);
    Path out = temp.resolve("target");
    Path readme =
        Files.writeString(
            temp.resolve("README.md"),
            "# Mid\n\n" + BenchReport.BEGIN + "\nold\n" + BenchReport.END + "\n\nafter\n");

    String printed =
        report(
            properties("task.runner.module", "mid", "bench.output", out.toString()),
            jmh.toString(),
            "-",
            readme.toString(),
            "true",
            "LruCache",
            "-wi",
            "0");

    String table = Files.readString(out.resolve("bench-table.md"));
    assertThat(table)
        .startsWith(
            "Measured 2026-12-06 on JDK 25 (VM), 2 cores available (load average 1.6), with:")
        .contains(
            "./mvnw -B -ntp -pl mid -am -Pbench -DskipTests -Dbench.readme=true"
                + " -Dbench.include='LruCache' -Dbench.options=\"-wi 0\" verify")
        .endsWith(
            "| Trie | contains | 50.0 ± 5.00 | hashSet | 25.0 ± 2.50 | 0.500 ± 0.071 | ns/op |\n");
    assertThat(printed).isEqualTo(table + System.lineSeparator());
    assertThat(Files.readString(readme))
        .isEqualTo(
            "# Mid\n\n"
                + BenchReport.BEGIN
                + "\n"
                + table
                + "\n"
                + BenchReport.imageLine("bench-ratios.svg")
                + "\n"
                + BenchReport.END
                + "\n\nafter\n");
    assertThat(BenchReport.imageLine("bench-ratios.svg"))
        .startsWith("![Ratios of the table above")
        .endsWith("](bench-ratios.svg)");
    String svg = Files.readString(out.resolve("bench-ratios.svg"));
    assertThat(svg)
        .contains("mid: how many times better ours is")
        .contains("Measured 2026-12-06 on JDK 25 (VM), 2 cores available (load average 1.6)");
    assertThat(temp.resolve("bench-ratios.svg")).hasContent(svg);
    assertThat(out).isDirectoryNotContaining("glob:**.tmp");
  }

  @Test
  void aNamedSectionHasItsOwnChart() throws Exception {
    Path jmh = Files.writeString(temp.resolve("jmh-results.json"), ONE_RESULT);
    Path readme =
        Files.writeString(
            temp.resolve("README.md"), BenchReport.BEGIN + "\nfull\n" + BenchReport.END + "\n");

    report(
        properties("bench.section", "matrix"),
        jmh.toString(),
        "-",
        readme.toString(),
        "true",
        "Trie");

    assertThat(temp.resolve("bench-ratios-matrix.svg")).exists();
    assertThat(temp.resolve("bench-ratios.svg")).doesNotExist();
    assertThat(Files.readString(readme))
        .startsWith(BenchReport.BEGIN + "\nfull\n" + BenchReport.END)
        .contains("-Dbench.section=matrix verify")
        .contains(BenchReport.imageLine("bench-ratios-matrix.svg") + "\n<!-- bench:end matrix -->");
    assertThat(BenchReport.imageLine("bench-ratios-matrix.svg"))
        .endsWith("(bench-ratios-matrix.svg)");
  }

  @Test
  void withoutUpdateTheReadmeAndItsFolderAreLeftAlone() throws Exception {
    Path jmh = Files.writeString(temp.resolve("jmh-results.json"), ONE_RESULT);
    Path docs = Files.createDirectory(temp.resolve("docs"));
    Path readme = Files.writeString(docs.resolve("README.md"), "no markers\n");

    report(properties(), jmh.toString(), "-", readme.toString(), "false", ".*");

    assertThat(readme).hasContent("no markers");
    assertThat(docs).isDirectoryNotContaining("glob:**.svg");
    assertThat(temp.resolve("bench-ratios.svg")).exists();
  }

  @Test
  void theDateLoadAndCoresOfASavedRunReplaceTheClocksAndTheMachines() {
    Clock clock = Clock.fixed(Instant.parse("2027-03-04T23:59:00Z"), ZoneOffset.UTC);

    assertThat(BenchReport.date("2026-12-06", clock)).isEqualTo(LocalDate.of(2026, 12, 6));
    assertThat(BenchReport.date("", clock)).isEqualTo(LocalDate.of(2027, 3, 4));
    assertThat(BenchReport.load("1.6", () -> 9)).isEqualTo(1.6);
    assertThat(BenchReport.load("", () -> 0.25)).isEqualTo(0.25);
    assertThat(BenchReport.cores("2", 8)).isEqualTo(2);
    assertThat(BenchReport.cores("", 8)).isEqualTo(8);
  }

  @Test
  void malformedOverridesAreNamed() {
    Clock clock = Clock.systemUTC();
    assertThatIllegalArgumentException()
        .isThrownBy(() -> BenchReport.date("06.12.2026", clock))
        .withMessage("bench.date must be a date such as 2026-12-06, not '06.12.2026'");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> BenchReport.load("high", () -> 0))
        .withMessage("bench.load must be a number such as 1.6, not 'high'");
    for (String cores : List.of("0", "-2", "two")) {
      assertThatIllegalArgumentException()
          .isThrownBy(() -> BenchReport.cores(cores, 2))
          .withMessage("bench.cores must be a positive whole number, not '" + cores + "'");
    }
  }

  @Test
  void aModuleThatTheBuildOnlyMadeForAnotherWritesNoReport() throws Exception {
    Path jmh = Files.writeString(temp.resolve("jmh-results.json"), ONE_RESULT);

    String printed =
        report(
            properties("task.runner.module", "mid", "task.runner.selected.0", "senior"),
            jmh.toString(),
            "-",
            "README.md",
            "true",
            ".*");

    assertThat(printed)
        .isEqualTo(
            "this module was built for another one (-am); no benchmark report here%n".formatted());
    assertThat(temp.resolve("bench-table.md")).doesNotExist();
  }

  @Test
  void aModuleWhoseRunLeftNoResultsWritesNoReport() throws Exception {
    Path missing = temp.resolve("jmh-results.json");

    String printed = report(properties(), missing.toString(), "-", "README.md", "true", "Trie");

    assertThat(printed)
        .isEqualTo("no benchmark results at %s; no benchmark report here%n".formatted(missing));
    assertThat(temp).isEmptyDirectory();
  }

  @Test
  void badCommandLinesAreNamed() throws IOException {
    Path jmh = Files.writeString(temp.resolve("jmh-results.json"), ONE_RESULT);
    String[] args = {jmh.toString(), "-", "README.md", "false", ".*"};

    assertThatIllegalArgumentException()
        .isThrownBy(() -> BenchReport.main(jmh.toString(), "-", "README.md", "false"))
        .withMessageStartingWith("usage: BenchReport <jmh-results.json>");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> BenchReport.main(args))
        .withMessageStartingWith("the module to name in the command is unknown");
    System.setProperty("task.runner.module", "senior");
    System.setProperty("bench.section", "no spaces");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> BenchReport.main(args))
        .withMessageContaining("section name must be");
    assertThat(temp.resolve("bench-table.md")).doesNotExist();
  }

  @Test
  void malformedResultsAreNamed() throws IOException {
    Path object = Files.writeString(temp.resolve("object.json"), "{\"benchmark\": \"a.B.c\"}");
    Path unnamed = Files.writeString(temp.resolve("unnamed.json"), "[{\"benchmark\": \"noDots\"}]");
    Path trailingDot = Files.writeString(temp.resolve("dot.json"), "[{\"benchmark\": \"a.B.\"}]");

    assertThatIllegalArgumentException()
        .isThrownBy(() -> BenchReport.read(object))
        .withMessageEndingWith("object.json is not a JSON array of benchmark results");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> BenchReport.read(unnamed))
        .withMessageEndingWith("a result's benchmark must be named Class.method, not 'noDots'");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> BenchReport.read(trailingDot))
        .withMessageContaining("not 'a.B.'");
  }

  @Test
  void rowsPairEachOfOursWithEachBaselineAndKnowTheirRatio() throws IOException {
    List<BenchReport.Row> rows =
        BenchReport.rows(BenchReport.read(Files.writeString(temp.resolve("jmh.json"), JMH)));

    assertThat(rows)
        .extracting(BenchReport.Row::label)
        .containsExactly(
            "Trie: contains vs hashSet",
            "HyperLogLog: update [p=12] vs dataSketches",
            "MapReduce: wordCount (processes) vs singleThread",
            "TopologicalSort: sortSmallestFirst vs —",
            "Trie: bytesPerWord vs hashSet");
    assertThat(rows)
        .extracting(BenchReport.Row::hasRatio)
        .containsExactly(true, true, true, false, true);
    assertThat(rows.get(0).ratio()).isEqualTo(0.5);
    assertThat(rows.get(0).halfWidth()).isCloseTo(0.0707, within(1e-4));
    assertThat(rows.get(1).halfWidth()).isNaN();
    assertThat(rows.get(3).ratio()).isNaN();
    assertThat(rows.get(4).halfWidth()).isZero();
  }

  @Test
  void formatsThreeSignificantDigits() {
    assertThat(
            List.of(1234.5, 12.345, 1.2345, 0.12345, 0.0001, 0.0, Double.NaN).stream()
                .map(BenchReport::format))
        .containsExactly("1,235", "12.3", "1.23", "0.123", "1.00e-04", "0", "n/a");
  }
}
