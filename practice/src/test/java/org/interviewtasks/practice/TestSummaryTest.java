package org.interviewtasks.practice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TestSummaryTest {

  @Test
  void survivesTheRoundTripThroughItsFileWithTabsNewlinesAndBackslashes(@TempDir Path dir)
      throws IOException {
    TestSummary summary =
        new TestSummary(
            3,
            2,
            1,
            4,
            123_456_789L,
            List.of(
                new TestSummary.Failure(
                    "ATest > a()",
                    "java.lang.AssertionError",
                    "expected:\t1\nbut was: 2 \\ ok",
                    ""),
                new TestSummary.Failure(
                    "ATest (the whole class)",
                    "java.lang.UnsupportedOperationException",
                    "TODO: A.b",
                    "A.b(A.java:3)")));
    Path file = dir.resolve("summary.tsv");
    summary.write(file);
    assertThat(TestSummary.read(file)).isEqualTo(summary);
    assertThat(summary.total()).isEqualTo(6);
    assertThat(summary.allPassed()).isFalse();
  }

  @Test
  void allPassedNeedsATestThatRan() {
    assertThat(new TestSummary(0, 0, 0, 0, 0, List.of()).allPassed()).isFalse();
    assertThat(new TestSummary(1, 0, 2, 0, 0, List.of()).allPassed()).isTrue();
  }

  @Test
  void rejectsAMalformedFile(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("summary.tsv");
    Files.writeString(file, "what\n", StandardCharsets.UTF_8);
    assertThatThrownBy(() -> TestSummary.read(file))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("unknown record");
  }

  @Test
  void rejectsNegativeCounts() {
    assertThatThrownBy(() -> new TestSummary(-1, 0, 0, 0, 0, List.of()))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
