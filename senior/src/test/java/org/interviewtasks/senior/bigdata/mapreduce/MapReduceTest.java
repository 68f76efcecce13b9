package org.interviewtasks.senior.bigdata.mapreduce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CountDownLatch;
import java.util.function.BiConsumer;
import java.util.stream.LongStream;
import org.interviewtasks.common.testing.RandomData;
import org.interviewtasks.common.testing.Seeds;
import org.interviewtasks.common.testing.StdStreams;
import org.interviewtasks.senior.bigdata.mapreduce.MapReduce.Config;
import org.interviewtasks.senior.bigdata.mapreduce.MapReduce.MapReduceException;
import org.interviewtasks.senior.bigdata.mapreduce.MapReduce.Mode;
import org.interviewtasks.senior.bigdata.mapreduce.MapReduce.Result;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class MapReduceTest {

  @TempDir Path temp;

  private Config config(String name) {
    return Config.defaults(temp.resolve(name))
        .withParallelism(2, 3)
        .withSizes(4096, 1 << 20)
        .withFailurePolicy(Duration.ofMinutes(2), 2);
  }

  private static Map<String, Long> counts(Result result) {
    Map<String, Long> counts = new HashMap<>();
    for (String line : result.lines()) {
      String[] pair = line.split("\t", -1);
      assertThat(pair).hasSize(2);
      assertThat(counts.put(pair[0], Long.parseLong(pair[1]))).as("key %s twice", pair[0]).isNull();
    }
    return counts;
  }

  @Nested
  class WordCounts {

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("org.interviewtasks.senior.bigdata.mapreduce.MapReduceTest#jobSeeds")
    void matchesASequentialCount(long seed) throws IOException {
      SplittableRandom random = new SplittableRandom(seed);
      List<Path> inputs = new ArrayList<>();
      for (int i = random.nextInt(1, 4); i > 0; i--) {
        inputs.add(
            Corpus.write(temp.resolve("in-" + i + ".txt"), seed + i, random.nextInt(6000), 300));
      }
      Config config =
          Config.defaults(temp.resolve("job"))
              .withParallelism(random.nextInt(1, 4), random.nextInt(1, 5))
              .withSizes(random.nextInt(300, 3000), random.nextInt(200, 20_000));

      Result result = MapReduce.run(WordCount.class, inputs, config);

      Map<String, Long> expected = Corpus.countWords(inputs);
      assertThat(counts(result)).isEqualTo(expected);
      assertThat(result.outputs()).hasSize(config.reducers());
      assertThat(result.counters().mapOutputRecords())
          .isEqualTo(expected.values().stream().mapToLong(Long::longValue).sum());
      assertThat(result.counters().reduceGroups()).isEqualTo(expected.size());
      assertThat(result.counters().outputLines()).isEqualTo(expected.size());
      assertThat(result.counters().failedAttempts()).isZero();
      long lines = 0;
      for (Path input : inputs) {
        lines += Files.readAllLines(input).size();
      }
      assertThat(result.counters().inputLines()).isEqualTo(lines);
    }

    @Test
    void spillsSortedRunsWhenTheBufferIsSmallAndStillCountsRight() throws IOException {
      Path input = Corpus.write(temp.resolve("big.txt"), 5, 200_000, 2000);
      Result spilled =
          MapReduce.run(WordCount.class, List.of(input), config("small").withSizes(1 << 20, 4096));
      Result inMemory =
          MapReduce.run(
              WordCount.class, List.of(input), config("large").withSizes(1 << 20, 1 << 30));

      assertThat(spilled.counters().spills()).isGreaterThan(Tasks.MERGE_FACTOR); // merged in passes
      assertThat(inMemory.counters().spills()).isZero();
      assertThat(counts(spilled))
          .isEqualTo(Corpus.countWords(List.of(input)))
          .isEqualTo(counts(inMemory));
      assertThat(spilled.mapTasks()).isOne();
    }

    @Test
    void eachOutputFileIsSortedAndHoldsItsOwnPartition() throws IOException {
      Path input = Corpus.write(temp.resolve("in.txt"), 8, 30_000, 500);
      Result result = MapReduce.run(WordCount.class, List.of(input), config("job"));

      for (int p = 0; p < result.outputs().size(); p++) {
        Path output = result.outputs().get(p);
        assertThat(output.getFileName()).hasToString("part-r-0000" + p);
        List<String> keys =
            Files.readAllLines(output).stream().map(l -> l.split("\t", -1)[0]).toList();
        assertThat(keys).isSorted().isNotEmpty();
        for (String key : keys) {
          assertThat(Tasks.partition(key, 3)).isEqualTo(p);
        }
      }
      try (var left = Files.list(temp.resolve("job"))) {
        assertThat(left.map(f -> f.getFileName().toString())).containsExactly("output");
      }
    }

    @Test
    void emptyInputsGiveEmptyOutputs() throws IOException {
      Path empty = Files.createFile(temp.resolve("empty.txt"));
      Result result = MapReduce.run(WordCount.class, List.of(empty), config("job"));

      assertThat(result.mapTasks()).isZero();
      assertThat(result.outputs()).hasSize(3).allSatisfy(out -> assertThat(out).isEmptyFile());
      assertThat(result.lines()).isEmpty();
    }

    /**
     * The map buffer's accounting: each new record adds its estimated heap size, and the buffer
     * spills as soon as the total passes the budget, then once more at the end for what is left.
     * With n distinct words of one length every record costs the same e bytes, so a spill holds
     * floor(budget / e) + 1 records and the count of spills is exact.
     */
    @ParameterizedTest(name = "{0}, budget {1}")
    @CsvSource({
      "WordCount, 1000",
      "WordCount, 4000",
      "InvertedIndex, 1000",
      "InvertedIndex, 4000",
      "InvertedIndex, 1000000"
    })
    void spillsExactlyWhenTheEstimateOutgrowsTheBudget(String jobName, long budget)
        throws IOException {
      List<String> words = new ArrayList<>();
      for (int i = 0; i < 500; i++) {
        words.add(
            "w" + (char) ('a' + i / 676) + (char) ('a' + i / 26 % 26) + (char) ('a' + i % 26));
      }
      Path input = Files.write(temp.resolve("in.txt"), words);
      boolean counting = jobName.equals("WordCount");
      Class<? extends Job<?, ?, ?>> jobClass = counting ? WordCount.class : InvertedIndex.class;
      long entry =
          Tasks.ENTRY_OVERHEAD
              + Codec.STRING.heapSize(words.getFirst())
              + (counting
                  ? Codec.LONG.heapSize(1L)
                  : Codec.STRING.heapSize(input.getFileName().toString()));
      long perSpill = budget / entry + 1;
      long whileMapping = words.size() / perSpill;
      long expected = whileMapping + (whileMapping > 0 && words.size() % perSpill > 0 ? 1 : 0);

      Result result =
          MapReduce.run(jobClass, List.of(input), config("job").withSizes(1 << 20, budget));

      assertThat(result.mapTasks()).isOne();
      assertThat(result.counters().spills()).isEqualTo(expected);
      assertThat(result.lines()).hasSize(words.size());
    }
  }

  @Nested
  class InvertedIndexes {

    @ParameterizedTest(name = "buffer {0} bytes")
    @org.junit.jupiter.params.provider.ValueSource(longs = {600, 5_000, 1 << 30})
    void listsTheFilesOfEveryWordWithAndWithoutSpills(long buffer) throws IOException {
      List<Path> inputs = new ArrayList<>();
      for (int i = 0; i < 3; i++) {
        inputs.add(Corpus.write(temp.resolve("doc" + i + ".txt"), 20 + i, 6000, 200));
      }
      Result result =
          MapReduce.run(InvertedIndex.class, inputs, config("job").withSizes(2000, buffer));

      Map<String, TreeSet<String>> expected = new TreeMap<>();
      for (Path input : inputs) {
        for (String word : Corpus.countWords(List.of(input)).keySet()) {
          expected.computeIfAbsent(word, w -> new TreeSet<>()).add(input.getFileName().toString());
        }
      }
      Map<String, String> actual = new TreeMap<>();
      for (String line : result.lines()) {
        String[] pair = line.split("\t", -1);
        actual.put(pair[0], pair[1]);
      }
      Map<String, String> wanted = new TreeMap<>();
      expected.forEach((word, files) -> wanted.put(word, String.join(",", files)));
      assertThat(actual).isEqualTo(wanted);
      assertThat(result.counters().spills() > 0).isEqualTo(buffer < 1 << 20);
    }
  }

  @Nested
  class Processes {

    @Test
    void workerProcessesGiveTheSameCounts() throws IOException {
      List<Path> inputs =
          List.of(
              Corpus.write(temp.resolve("a.txt"), 1, 9000, 300),
              Corpus.write(temp.resolve("b.txt"), 2, 3000, 300));
      Config config = config("job").withMode(Mode.PROCESSES).withSizes(5000, 8192);

      Result result = MapReduce.run(WordCount.class, inputs, config);

      assertThat(result.mapTasks()).isEqualTo(3);
      assertThat(counts(result)).isEqualTo(Corpus.countWords(inputs));
      assertThat(result.counters().spills()).isPositive();
      assertThat(result.counters().inputLines())
          .isEqualTo(
              Files.readAllLines(inputs.get(0)).size() + Files.readAllLines(inputs.get(1)).size());
    }

    @Test
    void aFailingWorkerProcessFailsTheJobWithItsCause() throws IOException {
      Path input = Files.writeString(temp.resolve("in.txt"), "fine\nboom\n");
      Config config =
          config("job").withMode(Mode.PROCESSES).withFailurePolicy(Duration.ofMinutes(2), 1);

      assertThatThrownBy(() -> MapReduce.run(Exploding.class, List.of(input), config))
          .isInstanceOf(MapReduceException.class)
          .hasMessage(
              "map task 0 failed after 1 attempt: worker process exited with 1: worker failed:"
                  + " java.lang.IllegalStateException: cannot map 'boom'");
    }

    @Test
    void aHangingWorkerProcessIsDestroyedAtItsTimeout() throws IOException {
      Path input = Files.writeString(temp.resolve("in.txt"), "hang\n");
      Config config =
          config("job").withMode(Mode.PROCESSES).withFailurePolicy(Duration.ofSeconds(2), 1);

      assertThatThrownBy(() -> MapReduce.run(Hanging.class, List.of(input), config))
          .isInstanceOf(MapReduceException.class)
          .hasMessage(
              "map task 0 failed after 1 attempt: timed out after PT2S (process destroyed)");
    }

    @Test
    void workerMainReportsBadUsageAndFailures() throws Exception {
      var usage = StdStreams.capture(() -> assertThat(WorkerMain.run("one")).isEqualTo(2));
      assertThat(usage.err()).startsWith("usage: WorkerMain <spec.properties> <counters file>");

      Path spec = Files.writeString(temp.resolve("spec.properties"), "kind=map\n");
      var failed =
          StdStreams.capture(
              () ->
                  assertThat(WorkerMain.run(spec.toString(), temp.resolve("c").toString()))
                      .isEqualTo(1));
      assertThat(failed.err().strip())
          .endsWith("worker failed: java.lang.IllegalArgumentException: task spec lacks input");
    }
  }

  @Nested
  class Failures {

    @ParameterizedTest(name = "{0}")
    @CsvSource({"1, 1 attempt", "2, 2 attempts"})
    void aTaskFailingOnEveryAttemptFailsTheJob(int attempts, String said) throws IOException {
      Path input = Files.writeString(temp.resolve("in.txt"), "fine\nboom\n");
      Config config = config("job").withFailurePolicy(Duration.ofMinutes(2), attempts);

      assertThatThrownBy(() -> MapReduce.run(Exploding.class, List.of(input), config))
          .isInstanceOf(MapReduceException.class)
          .hasMessage(
              "map task 0 failed after "
                  + said
                  + ": java.lang.IllegalStateException: cannot map 'boom'")
          .hasRootCauseInstanceOf(IllegalStateException.class);
      assertThat(temp.resolve("job").resolve("output")).isEmptyDirectory();
    }

    @Test
    void countersOfTasksAndAttemptsAddUpFieldByField() {
      MapReduce.Counters sum =
          new MapReduce.Counters(1, 2, 3, 4, 5, 6)
              .plus(new MapReduce.Counters(10, 20, 30, 40, 50, 60));

      assertThat(sum).isEqualTo(new MapReduce.Counters(11, 22, 33, 44, 55, 66));
    }

    @Test
    void aTaskFailingOnceIsRetried() throws IOException {
      Path marker = temp.resolve("failed-once");
      Path input = Files.writeString(temp.resolve("in.txt"), "a b\nfail-once " + marker + "\nb\n");

      Result result = MapReduce.run(FailOnce.class, List.of(input), config("job"));

      assertThat(marker).exists();
      assertThat(result.counters().failedAttempts()).isOne();
      assertThat(counts(result)).containsEntry("a", 1L).containsEntry("b", 2L);
    }

    @Test
    void aHangingThreadAttemptTimesOut() throws IOException {
      Path input = Files.writeString(temp.resolve("in.txt"), "hang\n");
      Config config = config("job").withFailurePolicy(Duration.ofMillis(300), 1);

      assertThatThrownBy(() -> MapReduce.run(Hanging.class, List.of(input), config))
          .isInstanceOf(MapReduceException.class)
          .hasMessage("map task 0 failed after 1 attempt: timed out after PT0.3S");
    }

    @Test
    void aReducerFailureFailsTheJobToo() throws IOException {
      Path input = Files.writeString(temp.resolve("in.txt"), "x\n");

      assertThatThrownBy(
              () ->
                  MapReduce.run(
                      ExplodingReducer.class, List.of(input), config("job").withParallelism(1, 1)))
          .isInstanceOf(MapReduceException.class)
          .hasMessage(
              "reduce task 0 failed after 2 attempts: java.lang.IllegalStateException: cannot reduce 'x'");
    }
  }

  @Nested
  class Validation {

    @Test
    void rejectsBadJobsInputsAndWorkDirectories() throws IOException {
      Path input = Files.writeString(temp.resolve("in.txt"), "a\n");
      Path busy = Files.createDirectories(temp.resolve("busy"));
      Files.writeString(busy.resolve("file"), "x");

      assertThatIllegalArgumentException()
          .isThrownBy(
              () -> MapReduce.run(NoDefaultConstructor.class, List.of(input), config("job")))
          .withMessage(
              "job class "
                  + NoDefaultConstructor.class.getName()
                  + " needs a public no-argument constructor");
      assertThatIllegalArgumentException()
          .isThrownBy(
              () -> MapReduce.run(WordCount.class, List.of(temp.resolve("missing")), config("job")))
          .withMessage("not a readable file: " + temp.resolve("missing"));
      assertThatIllegalArgumentException()
          .isThrownBy(() -> MapReduce.run(WordCount.class, List.of(temp), config("job")))
          .withMessage("not a readable file: " + temp);
      assertThatIllegalArgumentException()
          .isThrownBy(() -> MapReduce.run(WordCount.class, List.of(input), Config.defaults(busy)))
          .withMessage("work directory is not empty: " + busy);
      assertThatNullPointerException()
          .isThrownBy(() -> MapReduce.run(null, List.of(input), config("job")))
          .withMessage("job");
      assertThatNullPointerException()
          .isThrownBy(() -> MapReduce.run(WordCount.class, null, config("job")))
          .withMessage("inputs");
      assertThatNullPointerException()
          .isThrownBy(() -> MapReduce.run(WordCount.class, List.of(input), null))
          .withMessage("config");
      assertThatIllegalArgumentException()
          .isThrownBy(() -> Tasks.instantiate("no.such.Job"))
          .withMessage("job class not found: no.such.Job");
      assertThatIllegalArgumentException()
          .isThrownBy(() -> Tasks.instantiate("java.lang.String"))
          .withMessage("java.lang.String is not a " + Job.class.getName());
    }

    @Test
    void anExistingEmptyWorkDirectoryIsFine() throws IOException {
      Path input = Files.writeString(temp.resolve("in.txt"), "a a\n");
      Path work = Files.createDirectories(temp.resolve("work"));

      assertThat(counts(MapReduce.run(WordCount.class, List.of(input), Config.defaults(work))))
          .isEqualTo(Map.of("a", 2L));
    }

    @Test
    void inputThatIsNotUtf8FailsTheJobNamingTheFileAndLine() throws IOException {
      Path input = temp.resolve("in.txt");
      byte[] bad = {'o', 'k', '\n', 'a', 'b', (byte) 0xC3, 'c', '\n'};
      Files.write(input, bad);

      assertThatThrownBy(() -> MapReduce.run(WordCount.class, List.of(input), config("job")))
          .isInstanceOf(MapReduceException.class)
          .hasMessageContaining("not UTF-8: " + input + ", the line at byte 3");
      assertThat(temp.resolve("job").resolve("output")).isEmptyDirectory();
    }

    @Test
    void aFormatWithALineBreakFailsTheJobRatherThanMiscountingLines() throws IOException {
      Path input = Files.writeString(temp.resolve("in.txt"), "a b\n");

      Config oneReducer = config("job").withParallelism(1, 1);

      assertThatThrownBy(() -> MapReduce.run(MultiLineFormat.class, List.of(input), oneReducer))
          .isInstanceOf(MapReduceException.class)
          .hasMessageContaining(
              MultiLineFormat.class.getName()
                  + ".format returned a line break for key a: each key's output must be one line");
      assertThat(temp.resolve("job").resolve("output")).isEmptyDirectory();
    }

    @Test
    void configRejectsNonPositiveValues() {
      Config ok = Config.defaults(temp);
      assertThat(ok.mode()).isEqualTo(Mode.THREADS);
      assertThat(ok.workers()).isEqualTo(Runtime.getRuntime().availableProcessors());
      assertThat(ok.maxAttempts()).isEqualTo(2);
      assertThatIllegalArgumentException()
          .isThrownBy(() -> ok.withParallelism(0, 1))
          .withMessage("workers must be 1..256: 0");
      assertThatIllegalArgumentException()
          .isThrownBy(() -> ok.withParallelism(1, 0))
          .withMessage("reducers must be 1..4096: 0");
      assertThatIllegalArgumentException()
          .isThrownBy(() -> ok.withParallelism(1, Integer.MAX_VALUE))
          .withMessage("reducers must be 1..4096: 2147483647");
      assertThatIllegalArgumentException()
          .isThrownBy(() -> ok.withParallelism(257, 1))
          .withMessage("workers must be 1..256: 257");
      assertThat(ok.withParallelism(256, 4096).reducers()).isEqualTo(4096);
      assertThatIllegalArgumentException()
          .isThrownBy(() -> ok.withSizes(0, 1))
          .withMessage("splitBytes must be positive: 0");
      assertThatIllegalArgumentException()
          .isThrownBy(() -> ok.withSizes(1, 0))
          .withMessage("bufferBytes must be positive: 0");
      assertThatIllegalArgumentException()
          .isThrownBy(() -> ok.withFailurePolicy(Duration.ofSeconds(1), 0))
          .withMessage("maxAttempts must be 1..100: 0");
      assertThatIllegalArgumentException()
          .isThrownBy(() -> ok.withFailurePolicy(Duration.ofSeconds(1), 101))
          .withMessage("maxAttempts must be 1..100: 101");
      assertThatIllegalArgumentException()
          .isThrownBy(() -> ok.withFailurePolicy(Duration.ZERO, 1))
          .withMessage("taskTimeout must be positive: PT0S");
      assertThatIllegalArgumentException()
          .isThrownBy(() -> ok.withFailurePolicy(Duration.ofSeconds(-1), 1))
          .withMessage("taskTimeout must be positive: PT-1S");
      assertThatNullPointerException().isThrownBy(() -> ok.withMode(null)).withMessage("mode");
    }
  }

  @Nested
  class Splits {

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("org.interviewtasks.senior.bigdata.mapreduce.MapReduceTest#seeds")
    void everyLineIsReadByExactlyOneSplit(long seed) throws IOException {
      SplittableRandom random = new SplittableRandom(seed);
      List<String> lines = new ArrayList<>();
      StringBuilder text = new StringBuilder();
      for (int i = random.nextInt(30); i > 0; i--) {
        String line = RandomData.text(random, 12).replace("\n", "").replace("\r", "");
        lines.add(line);
        text.append(line).append(random.nextBoolean() ? "\n" : "\r\n");
      }
      if (random.nextBoolean() && !lines.isEmpty() && !lines.get(lines.size() - 1).isEmpty()) {
        text.setLength(
            text.length() - (text.charAt(text.length() - 2) == '\r' ? 2 : 1)); // no final newline
      }
      Path file = Files.writeString(temp.resolve("split.txt"), text, StandardCharsets.UTF_8);
      long size = Files.size(file);
      long splitBytes = random.nextLong(1, 40);

      List<String> read = new ArrayList<>();
      for (long start = 0; start < size; start += splitBytes) {
        try (var reader = new Tasks.SplitReader(file, start, Math.min(size, start + splitBytes))) {
          for (String line = reader.readLine(); line != null; line = reader.readLine()) {
            read.add(line);
          }
        }
      }
      assertThat(read).isEqualTo(lines);
    }

    @Test
    void longLinesAndEmptyLines() throws IOException {
      String longLine = "x".repeat(200_000);
      Path file = Files.writeString(temp.resolve("long.txt"), "\n\n" + longLine + "\n\nend");

      List<String> read = new ArrayList<>();
      try (var reader = new Tasks.SplitReader(file, 0, Files.size(file))) {
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
          read.add(line);
        }
      }
      assertThat(read).containsExactly("", "", longLine, "", "end");
    }
  }

  @Nested
  class Codecs {

    @Test
    void stringsOfAnyLengthRoundTrip() throws IOException {
      for (String value :
          List.of(
              "",
              "a",
              "noël 日本語 😀",
              "é".repeat(16_384),
              "😀".repeat(40_000),
              "z".repeat(16_385))) {
        var bytes = new ByteArrayOutputStream();
        try (var out = new DataOutputStream(bytes)) {
          Codec.STRING.write(out, value);
          Codec.LONG.write(out, -7L);
        }
        try (var in = new DataInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
          assertThat(Codec.STRING.read(in)).isEqualTo(value);
          assertThat(Codec.LONG.read(in)).isEqualTo(-7L);
          assertThat(in.read()).isEqualTo(-1);
        }
      }
      assertThat(Codec.STRING.heapSize("abcd")).isEqualTo(60);
      assertThat(Codec.LONG.heapSize(5L)).isEqualTo(16);
    }

    @Test
    void jobsHaveTheirCodecsAndCombiners() {
      WordCount count = new WordCount();
      assertThat(count.keyCodec()).isSameAs(Codec.STRING);
      assertThat(count.valueCodec()).isSameAs(Codec.LONG);
      assertThat(count.hasCombiner()).isTrue();
      assertThat(count.combine("w", 2L, 3L)).isEqualTo(5L);
      assertThat(count.reduce("w", List.of(1L, 2L, 3L).iterator())).isEqualTo(6L);
      assertThat(count.format("w", 6L)).isEqualTo("w\t6");
      InvertedIndex index = new InvertedIndex();
      assertThat(index.keyCodec()).isSameAs(Codec.STRING);
      assertThat(index.valueCodec()).isSameAs(Codec.STRING);
      assertThat(index.hasCombiner()).isFalse();
      assertThatThrownBy(() -> index.combine("w", "a", "b"))
          .isInstanceOf(UnsupportedOperationException.class)
          .hasMessage(InvertedIndex.class.getName() + " has no combiner");
      assertThat(index.reduce("w", List.of("b", "a", "b").iterator())).isEqualTo("a,b");
    }

    @Test
    void wordsAreRunsOfLettersLowercased() {
      List<String> words = new ArrayList<>();
      WordCount.words("Hello, WORLD! l'été 42x 日本語😀Straße ǅ", words::add);

      assertThat(words).containsExactly("hello", "world", "l", "été", "x", "日本語", "straße", "ǆ");
    }
  }

  @Nested
  class Main {

    @Test
    void printsTheTopWordsAndTheCounters() throws Exception {
      Path input = Files.writeString(temp.resolve("in.txt"), "b a b\nc b a\n");
      var printed = StdStreams.capture(() -> MapReduce.main(input.toString()));

      String n = System.lineSeparator();
      assertThat(printed.out())
          .isEqualTo(
              "3\tb"
                  + n
                  + "2\ta"
                  + n
                  + "1\tc"
                  + n
                  + "2 lines, 6 words, 3 distinct, 1 map tasks, 0 spills, THREADS"
                  + n);
    }

    @Test
    void canUseWorkerProcesses() throws Exception {
      Path input = Files.writeString(temp.resolve("in.txt"), "z\n");
      var printed = StdStreams.capture(() -> MapReduce.main("--processes", input.toString()));

      assertThat(printed.out())
          .endsWith(
              "1 lines, 1 words, 1 distinct, 1 map tasks, 0 spills, PROCESSES"
                  + System.lineSeparator());
    }

    @Test
    void needsFiles() {
      assertThatIllegalArgumentException()
          .isThrownBy(MapReduce::main)
          .withMessage("usage: senior.bigdata.4 [--processes] <file>...");
      assertThatIllegalArgumentException()
          .isThrownBy(() -> MapReduce.main("--processes"))
          .withMessage("usage: senior.bigdata.4 [--processes] <file>...");
    }
  }

  // ---------------------------------------------------------------- jobs that misbehave

  /**
   * Word count without a combiner, for the jobs below to break one part of: a worker process
   * creates them by name, so each is a public class with a public no-argument constructor.
   */
  public abstract static class CountingJob implements Job<String, Long, Long> {
    private final WordCount count = new WordCount();

    @Override
    public void map(String source, String line, BiConsumer<String, Long> emit) {
      count.map(source, line, emit);
    }

    @Override
    public Long reduce(String key, Iterator<Long> values) {
      return count.reduce(key, values);
    }

    @Override
    public Codec<String> keyCodec() {
      return Codec.STRING;
    }

    @Override
    public Codec<Long> valueCodec() {
      return Codec.LONG;
    }
  }

  /** Word count whose map throws on the line "boom". */
  public static final class Exploding extends CountingJob {
    @Override
    public void map(String source, String line, BiConsumer<String, Long> emit) {
      if (line.equals("boom")) {
        throw new IllegalStateException("cannot map '" + line + "'");
      }
      super.map(source, line, emit);
    }
  }

  /** Word count whose output for a key spans two lines. */
  public static final class MultiLineFormat extends CountingJob {
    @Override
    public String format(String key, Long result) {
      return key + "\n" + result;
    }
  }

  /** Word count whose reduce throws. */
  public static final class ExplodingReducer extends CountingJob {
    @Override
    public Long reduce(String key, Iterator<Long> values) {
      throw new IllegalStateException("cannot reduce '" + key + "'");
    }
  }

  /**
   * Word count that fails on the line "fail-once PATH" unless the file PATH exists, creating it:
   * its first attempt fails, the retry succeeds, in threads or processes alike.
   */
  public static final class FailOnce extends CountingJob {
    @Override
    public void map(String source, String line, BiConsumer<String, Long> emit) {
      if (line.startsWith("fail-once ")) {
        Path marker = Path.of(line.substring("fail-once ".length()));
        if (!Files.exists(marker)) {
          try {
            Files.createFile(marker);
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
          throw new IllegalStateException("first attempt fails");
        }
        return;
      }
      super.map(source, line, emit);
    }
  }

  /** A job whose map never returns: a hung worker. */
  public static final class Hanging extends CountingJob {
    @Override
    public void map(String source, String line, BiConsumer<String, Long> emit) {
      try {
        new CountDownLatch(1).await(); // nobody counts down
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted", e);
      }
    }
  }

  /** Cannot be created by a worker. */
  public static final class NoDefaultConstructor extends CountingJob {
    public NoDefaultConstructor(int unused) {}
  }

  static LongStream seeds() {
    return Seeds.derive(200);
  }

  /** Fewer seeds for whole jobs: each runs a few dozen tasks with files of their own. */
  static LongStream jobSeeds() {
    return Seeds.derive(40);
  }
}
