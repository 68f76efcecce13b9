package org.interviewtasks.mid.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.interviewtasks.common.testing.Seeds;
import org.interviewtasks.common.testing.StdStreams;
import org.interviewtasks.mid.testing.ProfilingWithJfr.HotMethod;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ProfilingWithJfrTest {

  static final String CLASS = ProfilingWithJfr.class.getName();

  @Nested
  class TheTwoVersions {

    @Test
    void countDistinctWords() {
      List<String> words = Arrays.asList("a", "b", "a", "Á", "a", null, "b", null);

      assertThat(ProfilingWithJfr.countDistinctSlow(words)).isEqualTo(4);
      assertThat(ProfilingWithJfr.countDistinctFast(words)).isEqualTo(4);
      assertThat(ProfilingWithJfr.countDistinctSlow(List.of())).isZero();
      assertThat(ProfilingWithJfr.countDistinctFast(List.of())).isZero();
      assertThat(ProfilingWithJfr.countDistinctSlow(List.of("x"))).isEqualTo(1);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("org.interviewtasks.mid.testing.ProfilingWithJfrTest#seeds")
    void agreeWithEachOtherAndWithASet(long seed) {
      var random = new SplittableRandom(seed);
      List<String> words =
          ProfilingWithJfr.words(random.nextInt(300), random.nextInt(1, 100), random.nextLong());
      int expected = new LinkedHashSet<>(words).size();

      assertThat(ProfilingWithJfr.countDistinctSlow(words)).isEqualTo(expected);
      assertThat(ProfilingWithJfr.countDistinctFast(words)).isEqualTo(expected);
    }

    @Test
    void generatesRepeatableWordsFromTheVocabulary() {
      List<String> words = ProfilingWithJfr.words(1000, 10, 1);

      assertThat(words).hasSize(1000).allMatch(w -> w.matches("word[0-9]"));
      assertThat(ProfilingWithJfr.words(1000, 10, 1)).isEqualTo(words);
      assertThat(ProfilingWithJfr.words(1000, 10, 2)).isNotEqualTo(words);
      assertThat(ProfilingWithJfr.words(0, 1, 1)).isEmpty();
      assertThat(ProfilingWithJfr.words(5, 1, 1)).containsOnly("word0");
    }

    @Test
    void rejectsBadArguments() {
      assertThatIllegalArgumentException()
          .isThrownBy(() -> ProfilingWithJfr.words(-1, 1, 0))
          .withMessage("need 0 <= n <= 1000000 and distinct >= 1, got n=-1, distinct=1");
      assertThatIllegalArgumentException()
          .isThrownBy(() -> ProfilingWithJfr.words(1, 0, 0))
          .withMessage("need 0 <= n <= 1000000 and distinct >= 1, got n=1, distinct=0");
      assertThatNullPointerException()
          .isThrownBy(() -> ProfilingWithJfr.countDistinctSlow(null))
          .withMessage("words");
      assertThatNullPointerException()
          .isThrownBy(() -> ProfilingWithJfr.countDistinctFast(null))
          .withMessage("words");
    }
  }

  @Nested
  class Profiling {

    @TempDir Path dir;

    @Test
    void findsTheQuadraticMethodAsTheHotSpot() throws IOException {
      List<String> words = ProfilingWithJfr.words(25_000, 25_000, 7);
      Path file = dir.resolve("profile.jfr");
      int[] answers = new int[2];

      long thread =
          ProfilingWithJfr.record(
              () -> {
                answers[0] = ProfilingWithJfr.countDistinctFast(words);
                answers[1] = ProfilingWithJfr.countDistinctSlow(words);
              },
              file,
              ProfilingWithJfr.DEFAULT_PERIOD);
      List<HotMethod> hot = ProfilingWithJfr.hotMethods(file, thread, CLASS::equals);

      assertThat(answers[0]).isEqualTo(answers[1]);
      assertThat(hot).isNotEmpty();
      assertThat(hot.get(0).method()).isEqualTo(CLASS + ".countDistinctSlow");
      assertThat(hot.get(0).share()).isGreaterThan(0.5).isLessThanOrEqualTo(1.0);
      assertThat(hot.get(0).samples()).isGreaterThanOrEqualTo(5);
      assertThat(hot)
          .isSortedAccordingTo((a, b) -> Long.compare(b.samples(), a.samples()))
          .extracting(HotMethod::method)
          .allMatch(m -> m.startsWith(CLASS + "."));
    }

    @Test
    void countsOnlyTheGivenThreadAndOurCode() throws IOException {
      Path file = dir.resolve("p.jfr");
      List<String> words = ProfilingWithJfr.words(20_000, 20_000, 3);
      long thread =
          ProfilingWithJfr.record(
              () -> ProfilingWithJfr.countDistinctSlow(words), file, Duration.ofMillis(5));

      assertThat(ProfilingWithJfr.hotMethods(file, thread + 1_000_000, type -> true)).isEmpty();
      assertThat(ProfilingWithJfr.hotMethods(file, thread, type -> false)).isEmpty();
      assertThat(ProfilingWithJfr.hotMethods(file, thread, "java.lang.String"::equals))
          .extracting(HotMethod::method)
          .allMatch(m -> m.startsWith("java.lang.String."));
    }

    @Test
    void rejectsBadArguments() {
      Path file = dir.resolve("x.jfr");
      assertThatIllegalArgumentException()
          .isThrownBy(() -> ProfilingWithJfr.record(() -> {}, file, Duration.ZERO))
          .withMessage("period must be positive: PT0S");
      assertThatNullPointerException()
          .isThrownBy(() -> ProfilingWithJfr.record(null, file, Duration.ofMillis(1)))
          .withMessage("workload");
      assertThatNullPointerException()
          .isThrownBy(() -> ProfilingWithJfr.record(() -> {}, null, Duration.ofMillis(1)))
          .withMessage("file");
      assertThatNullPointerException()
          .isThrownBy(() -> ProfilingWithJfr.record(() -> {}, file, null))
          .withMessage("period");
      assertThatNullPointerException()
          .isThrownBy(() -> ProfilingWithJfr.hotMethods(null, 1, t -> true))
          .withMessage("recording");
      assertThatNullPointerException()
          .isThrownBy(() -> ProfilingWithJfr.hotMethods(file, 1, null))
          .withMessage("ours");
    }
  }

  @Nested
  class Main {

    @Test
    void printsTheProfileAndBothAnswers() throws Exception {
      var printed = StdStreams.capture(() -> ProfilingWithJfr.main("8000"));

      List<String> lines = printed.out().lines().toList();
      int distinct = new LinkedHashSet<>(ProfilingWithJfr.words(8000, 8000, 42)).size();
      String profileLine = " *\\d+\\.\\d% +\\d+ " + CLASS.replace(".", "\\.") + "\\.\\w+";
      assertThat(lines).last().isEqualTo("distinct words: slow " + distinct + ", fast " + distinct);
      // A short run may catch few samples; whatever it caught is printed as share, count, method.
      assertThat(lines.subList(0, lines.size() - 1)).allMatch(line -> line.matches(profileLine));
    }

    @Test
    void rejectsBadUsage() {
      assertThatIllegalArgumentException()
          .isThrownBy(() -> ProfilingWithJfr.main("1", "2"))
          .withMessage("usage: mid.testing.5 [words]");
    }
  }

  static LongStream seeds() {
    return Seeds.derive(100);
  }

  @Test
  void sizesAreBoundedBeforeAnythingIsAllocated() {
    assertThat(ProfilingWithJfr.words(0, 1, 1)).isEmpty();
    assertThatIllegalArgumentException()
        .isThrownBy(() -> ProfilingWithJfr.words(ProfilingWithJfr.MAX_WORDS + 1, 1, 1))
        .withMessage("need 0 <= n <= 1000000 and distinct >= 1, got n=1000001, distinct=1");
    for (String n : new String[] {"0", "50001", "2147483647"}) {
      assertThatIllegalArgumentException()
          .isThrownBy(() -> ProfilingWithJfr.main(n))
          .withMessage("usage: mid.testing.5 [words], words in 1..50000: " + n);
    }
  }
}
