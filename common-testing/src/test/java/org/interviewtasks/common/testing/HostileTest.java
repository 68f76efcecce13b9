package org.interviewtasks.common.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.opentest4j.AssertionFailedError;

class HostileTest {

  private static final Duration SECOND = Duration.ofSeconds(1);
  private static final long MB_64 = 64L << 20;

  @Test
  void anAnswerIsReturnedForTheTestToCheck() {
    Hostile.Outcome outcome = Hostile.assertHandled("answer", SECOND, MB_64, () -> 42);
    assertThat(outcome.threw()).isFalse();
    assertThat(outcome.value()).contains(42);
    assertThat(Hostile.assertHandled("null", SECOND, MB_64, () -> null).value()).isEmpty();
  }

  @Test
  void aNamedExceptionIsAnAcceptableAnswer() {
    Hostile.Outcome outcome =
        Hostile.assertHandled(
            "rejects",
            SECOND,
            MB_64,
            () -> {
              throw new IllegalArgumentException("n must be at most 10: 11");
            });
    assertThat(outcome.threw()).isTrue();
    assertThat(outcome.failure().orElseThrow()).hasMessage("n must be at most 10: 11");
    assertThat(
            Hostile.assertHandled(
                    "io",
                    SECOND,
                    MB_64,
                    () -> {
                      throw new IOException("/dev/zero is not a regular file");
                    })
                .threw())
        .isTrue();
  }

  @Test
  void aCallThatDoesNotFinishIsReportedAndInterrupted() throws InterruptedException {
    CountDownLatch interrupted = new CountDownLatch(1);
    assertThatThrownBy(
            () ->
                Hostile.assertHandled(
                    "forever",
                    Duration.ofMillis(100),
                    MB_64,
                    () -> {
                      try {
                        new CountDownLatch(1).await();
                      } catch (InterruptedException e) {
                        interrupted.countDown();
                      }
                      return null;
                    }))
        .isInstanceOf(AssertionFailedError.class)
        .hasMessage("forever did not finish within PT0.1S");
    interrupted.await();
  }

  @Test
  void aCallThatAllocatesPastItsBoundIsStopped() {
    assertThatThrownBy(
            () ->
                Hostile.assertHandled(
                    "hoarder",
                    Duration.ofSeconds(30),
                    MB_64,
                    () -> {
                      List<long[]> kept = new ArrayList<>();
                      while (!Thread.currentThread().isInterrupted()) {
                        kept.add(new long[1 << 16]);
                      }
                      return kept.size();
                    }))
        .isInstanceOf(AssertionFailedError.class)
        .hasMessageStartingWith("hoarder allocated more than 67108864 bytes");
  }

  @Test
  void errorsAndUnnamedExceptionsAreDefects() {
    assertDefect(
        () -> {
          throw new OutOfMemoryError("Java heap space");
        },
        "failed with java.lang.OutOfMemoryError: Java heap space");
    assertDefect(
        () -> {
          throw new NullPointerException();
        },
        "threw java.lang.NullPointerException without a message of its own");
    assertDefect(() -> Math.multiplyExact(Long.MAX_VALUE, 2), "without a message of its own");
    assertDefect(() -> new int[-1], "threw an exception no caller can act on");
    assertDefect(() -> List.of().get(3), "threw an exception no caller can act on");
    assertDefect(
        () -> {
          throw new IllegalArgumentException(" ");
        },
        "without a message of its own");
  }

  private static void assertDefect(java.util.concurrent.Callable<?> call, String said) {
    assertThatThrownBy(() -> Hostile.assertHandled("call", SECOND, MB_64, call))
        .isInstanceOf(AssertionFailedError.class)
        .hasMessageContaining(said);
  }

  @Test
  void theSourcesHoldTheValuesThatBreakHappyPathCode() {
    assertThat(Hostile.ints()).contains(Integer.MIN_VALUE, -1, 0, Integer.MAX_VALUE);
    assertThat(Hostile.longs()).contains(Long.MIN_VALUE, Long.MAX_VALUE);
    assertThat(Hostile.doubles().filter(Double::isNaN).count()).isOne();
    assertThat(Hostile.doubles()).contains(Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY);
    assertThat(Hostile.strings()).contains("", "\uD800", "/dev/zero", "2147483648");
    assertThat(Hostile.strings().mapToInt(String::length).max().orElseThrow()).isEqualTo(1 << 20);
  }

  @ParameterizedTest
  @ValueSource(strings = {"long overflow", "integer overflow", "/ by zero"})
  void theJdksOwnMessagesNameNoArgument(String message) {
    assertThat(Hostile.defectOf(new ArithmeticException(message))).isPresent();
    assertThat(Hostile.defectOf(new ArithmeticException("30! does not fit in a long"))).isEmpty();
  }

  @Test
  void theProjectsOwnExceptionsAndIndexMessagesAreNamed() {
    assertThat(Hostile.defectOf(new TaskSpecific("age must be at least 0: -1"))).isEmpty();
    assertThat(Hostile.defectOf(new TaskSpecific(" "))).isPresent();
    assertThat(Hostile.defectOf(new java.util.concurrent.CompletionException("x", null)))
        .hasValueSatisfying(d -> assertThat(d).startsWith("threw an exception no caller can act"));
    assertThat(
            Hostile.defectOf(
                new IndexOutOfBoundsException("index 3 is out of bounds for 1 element(s)")))
        .isEmpty();
    assertThat(
            Hostile.defectOf(new IndexOutOfBoundsException("Index 3 out of bounds for length 1")))
        .isPresent();
    assertThat(Hostile.defectOf(new ArrayIndexOutOfBoundsException(3))).isPresent();
    assertThat(Hostile.defectOf(new StringIndexOutOfBoundsException("Range [0, 60) out of bounds")))
        .isPresent();
  }

  /** An exception of a task's own, as the project declares them. */
  static final class TaskSpecific extends RuntimeException {
    private static final long serialVersionUID = 1L;

    TaskSpecific(String message) {
      super(message);
    }
  }
}
