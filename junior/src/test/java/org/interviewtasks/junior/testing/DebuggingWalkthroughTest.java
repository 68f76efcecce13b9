package org.interviewtasks.junior.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import org.interviewtasks.common.Args;
import org.interviewtasks.common.testing.RandomData;
import org.interviewtasks.common.testing.Seeds;
import org.interviewtasks.common.testing.StdStreams;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Tests the program of the debugging walkthrough (the bug and its fix), drives a real {@code jdb}
 * session on it, and checks that the guide beside the class still quotes the source correctly.
 */
@DisplayName("DebuggingWalkthrough")
class DebuggingWalkthroughTest {

  private static final String CLASS = DebuggingWalkthrough.class.getName();
  private static final Path MODULE =
      Path.of(System.getProperty("basedir", System.getProperty("user.dir")));
  private static final Path SOURCES = MODULE.resolve("src/main/java");
  private static final Path SOURCE = SOURCES.resolve(CLASS.replace('.', '/') + ".java");
  private static final Path GUIDE = SOURCE.resolveSibling("DebuggingWalkthrough.md");
  private static final String MARKER = "// jdb: stop here";

  private static List<String> sourceLines() throws IOException {
    return Files.readAllLines(SOURCE, StandardCharsets.UTF_8);
  }

  /** The number (from 1) of the only source line that contains {@code text}. */
  private static int lineOf(String text) throws IOException {
    List<String> lines = sourceLines();
    List<Integer> found =
        IntStream.range(0, lines.size())
            .filter(i -> lines.get(i).contains(text))
            .mapToObj(i -> i + 1)
            .toList();
    assertThat(found).as("lines of %s containing '%s'", SOURCE, text).hasSize(1);
    return found.get(0);
  }

  @Nested
  @DisplayName("the program")
  class Program {

    @ParameterizedTest(name = "{0}: buggy sum {1}, sum {2}, buggy average {3}, average {4}")
    @CsvSource(
        delimiter = '|',
        value = {
          "1 2 3 4 | 9 | 10 | 2.25 | 2.5",
          "1 2     | 2 | 3  | 1.0  | 1.5",
          "5       | 0 | 5  | 0.0  | 5.0",
          "-3 3    | 3 | 0  | 1.5  | 0.0",
          "0 7 7   | 14 | 14 | 4.666666666666667 | 4.666666666666667"
        })
    void theBugSkipsTheFirstValueAndTheFixDoesNot(
        String input, int buggySum, long sum, double buggyAverage, double average) {
      int[] values = Args.toInts(input.split(" +"));

      assertThat(DebuggingWalkthrough.buggySum(values)).isEqualTo(buggySum);
      assertThat(DebuggingWalkthrough.sum(values)).isEqualTo(sum);
      assertThat(DebuggingWalkthrough.buggyAverage(values)).isEqualTo(buggyAverage);
      assertThat(DebuggingWalkthrough.average(values)).isEqualTo(average);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("org.interviewtasks.junior.testing.DebuggingWalkthroughTest#seeds")
    void theFixedSumAgreesWithLongStreamAndTheBugMissesExactlyTheFirst(long seed) {
      int[] values = RandomData.ints(new SplittableRandom(seed), 20, 1_000);

      assertThat(DebuggingWalkthrough.sum(values))
          .isEqualTo(IntStream.of(values).asLongStream().sum());
      if (values.length > 0) {
        assertThat(DebuggingWalkthrough.buggySum(values))
            .isEqualTo(DebuggingWalkthrough.sum(values) - values[0]);
        assertThat(DebuggingWalkthrough.average(values))
            .isEqualTo(IntStream.of(values).average().orElseThrow());
      }
    }

    @Test
    void theFixedSumDoesNotOverflow() {
      assertThat(DebuggingWalkthrough.sum(Integer.MAX_VALUE, Integer.MAX_VALUE))
          .isEqualTo(2L * Integer.MAX_VALUE);
      assertThat(DebuggingWalkthrough.average(Integer.MIN_VALUE, Integer.MIN_VALUE))
          .isEqualTo(Integer.MIN_VALUE);
      assertThat(DebuggingWalkthrough.sum()).isZero();
    }

    @Test
    void rejectsNoValuesAndNull() {
      assertThatIllegalArgumentException()
          .isThrownBy(DebuggingWalkthrough::average)
          .withMessage("no values to average");
      assertThatNullPointerException()
          .isThrownBy(() -> DebuggingWalkthrough.sum((int[]) null))
          .withMessage("values");
      assertThatNullPointerException()
          .isThrownBy(() -> DebuggingWalkthrough.average((int[]) null))
          .withMessage("values");
    }

    @Test
    void mainPrintsBothAverages() throws Exception {
      var printed = StdStreams.capture(() -> DebuggingWalkthrough.main("1", "2", "3", "4"));

      assertThat(printed.out().lines())
          .containsExactly(
              "buggy average of [1, 2, 3, 4]: 2.25", "fixed average of [1, 2, 3, 4]: 2.5");
    }

    @Test
    void mainRejectsBadUsage() {
      assertThatIllegalArgumentException()
          .isThrownBy(DebuggingWalkthrough::main)
          .withMessage("usage: junior.testing.5 <int> [int...]");
      assertThatIllegalArgumentException()
          .isThrownBy(() -> DebuggingWalkthrough.main("1", "two"))
          .withMessage("not an int: 'two'");
    }
  }

  @Nested
  @DisplayName("a scripted jdb session")
  class Jdb {

    @Test
    @Timeout(300)
    @DisplayName("stops in buggySum, shows the stack, and prints i = 1 and sum = 9")
    void findsTheBug() throws Exception {
      Optional<Path> jdb = JdbSession.jdb();
      assumeTrue(jdb.isPresent(), "this JDK has no jdb");
      int stopLine = lineOf(MARKER);
      String prompt = "main\\[1\\] ";

      try (JdbSession session =
          JdbSession.launch(
              jdb.get(), classpath(), SOURCES, Duration.ofSeconds(60), CLASS, "1", "2", "3", "4")) {
        session.await("Initializing jdb");
        session.send("stop in " + CLASS + ".buggySum");
        session.await("Deferring breakpoint " + Pattern.quote(CLASS + ".buggySum"));
        session.send("stop at " + CLASS + ":" + stopLine);
        session.await("Deferring breakpoint " + Pattern.quote(CLASS + ":" + stopLine));

        session.send("run");
        Matcher entry = session.await("Breakpoint hit: .*buggySum\\(\\), line=(\\d+) ");
        assertThat(Integer.parseInt(entry.group(1))).isEqualTo(lineOf("int sum = 0;"));
        session.await(prompt);

        session.send("where");
        Matcher stack =
            session.await(
                "\\[1\\] \\S+\\.buggySum \\(DebuggingWalkthrough\\.java:(\\d+)\\)\\s+"
                    + "\\[2\\] \\S+\\.buggyAverage \\(DebuggingWalkthrough\\.java:(\\d+)\\)\\s+"
                    + "\\[3\\] \\S+\\.main \\(DebuggingWalkthrough\\.java:(\\d+)\\)");
        assertThat(Integer.parseInt(stack.group(1))).isEqualTo(lineOf("int sum = 0;"));
        assertThat(Integer.parseInt(stack.group(2))).isEqualTo(lineOf("buggySum(values) /"));
        assertThat(Integer.parseInt(stack.group(3))).isEqualTo(lineOf("buggyAverage(values))"));
        session.await(prompt);

        session.send("next");
        session.await("Step completed: .*line=(\\d+) ");
        session.await(prompt);
        session.send("next");
        Matcher body = session.await("Step completed: .*line=(\\d+) ");
        assertThat(Integer.parseInt(body.group(1))).isEqualTo(lineOf("sum += values[i];"));
        session.await(prompt);
        session.send("print i");
        assertThat(session.await(" i = (-?\\d+)").group(1)).isEqualTo("1");
        session.await(prompt);

        session.send("cont");
        session.await("Breakpoint hit: .*buggySum\\(\\), line=" + stopLine + " ");
        session.await(prompt);
        session.send("locals");
        assertThat(session.await("values = instance of int\\[(\\d+)\\]").group(1)).isEqualTo("4");
        assertThat(session.await("sum = (-?\\d+)").group(1)).isEqualTo("9");
        session.await(prompt);
        session.send("print values[0]");
        assertThat(session.await("values\\[0\\] = (-?\\d+)").group(1)).isEqualTo("1");
        session.await(prompt);

        session.send("cont");
        session.await("buggy average of \\[1, 2, 3, 4\\]: 2\\.25");
        session.await("fixed average of \\[1, 2, 3, 4\\]: 2\\.5");
        session.await("The application exited");
        assertThat(session.awaitExit()).isZero();
      }
    }
  }

  @Nested
  @DisplayName("the guide beside the class")
  class Guide {

    @Test
    void existsBesideTheClassAndUsesTheCommandsTheTestRuns() throws IOException {
      String guide = Files.readString(GUIDE, StandardCharsets.UTF_8);

      assertThat(guide)
          .startsWith("# Debugging walkthrough")
          .contains(
              "stop in " + CLASS + ".buggySum",
              "main[1] where",
              "main[1] next",
              "main[1] print i",
              " i = 1",
              "main[1] locals",
              "sum = 9",
              "-agentlib:jdwp=",
              "Conditional breakpoint");
    }

    @Test
    void itsBreakpointLinesAreTheMarkedLine() throws IOException {
      String guide = Files.readString(GUIDE, StandardCharsets.UTF_8);
      Matcher stops = Pattern.compile(Pattern.quote(CLASS) + ":(\\d+)").matcher(guide);
      int marked = lineOf(MARKER);

      int count = 0;
      while (stops.find()) {
        assertThat(Integer.parseInt(stops.group(1))).as(stops.group()).isEqualTo(marked);
        count++;
      }
      assertThat(count).isGreaterThanOrEqualTo(2);
    }

    @Test
    void itsSourceListingsMatchTheSource() throws IOException {
      String guide = Files.readString(GUIDE, StandardCharsets.UTF_8);
      List<String> source = sourceLines();
      Matcher listing = Pattern.compile("(?m)^(\\d+) {2,}(\\S.*)$").matcher(guide);

      int count = 0;
      while (listing.find()) {
        int line = Integer.parseInt(listing.group(1));
        assertThat(source.get(line - 1).strip())
            .as("line %d", line)
            .isEqualTo(listing.group(2).strip());
        count++;
      }
      assertThat(count).isGreaterThanOrEqualTo(4);
    }

    @Test
    void itsStackTraceMatchesTheCalls() throws IOException {
      String guide = Files.readString(GUIDE, StandardCharsets.UTF_8);
      Matcher frames =
          Pattern.compile("\\[\\d\\] \\S+\\.(\\w+) \\(DebuggingWalkthrough\\.java:(\\d+)\\)")
              .matcher(guide);
      List<String> methods = new ArrayList<>();
      List<Integer> lines = new ArrayList<>();
      while (frames.find()) {
        methods.add(frames.group(1));
        lines.add(Integer.parseInt(frames.group(2)));
      }

      assertThat(methods).containsExactly("buggySum", "buggyAverage", "main");
      assertThat(lines)
          .containsExactly(
              lineOf("int sum = 0;"),
              lineOf("buggySum(values) /"),
              lineOf("buggyAverage(values))"));
    }
  }

  /** The classes the debugged JVM needs: this module's and common's. */
  private static String classpath() throws URISyntaxException {
    List<String> entries = new ArrayList<>();
    for (Class<?> type : List.of(DebuggingWalkthrough.class, Args.class)) {
      entries.add(
          Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString());
    }
    return String.join(File.pathSeparator, entries);
  }

  static LongStream seeds() {
    return Seeds.derive(200);
  }
}
