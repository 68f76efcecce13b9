package org.interviewtasks.senior.advanced.retry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Optional;
import java.util.Set;
import org.interviewtasks.senior.advanced.retry.ResultClassifier.Accept;
import org.interviewtasks.senior.advanced.retry.ResultClassifier.RetryLater;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class HttpResultsTest {

  /** Thursday, 1 January 2026, 00:00:00 UTC. */
  private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

  record Reply(int status, Optional<String> retryAfter) {}

  private static final ResultClassifier<Reply> CLASSIFIER =
      HttpResults.classifier(Reply::status, Reply::retryAfter, InstantSource.fixed(NOW));

  @ParameterizedTest(name = "Retry-After: \"{0}\" waits {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "0                               | PT0S",
        "120                             | PT2M",
        "  7                             | PT7S",
        "Thu, 01 Jan 2026 00:00:30 GMT   | PT30S",
        "Thu, 1 Jan 2026 00:01:00 GMT    | PT1M",
        "Wed, 31 Dec 2025 23:59:00 GMT   | PT0S",
        "Thursday, 01-Jan-26 00:00:10 GMT | PT10S",
        "Thu Jan  1 00:00:05 2026        | PT5S",
        "999999999999999999999           | PT2400H",
        "8640001                         | PT2400H",
        "Fri, 01 Jan 2100 00:00:00 GMT   | PT2400H",
      })
  void parsesBothFormsOfRetryAfter(String value, Duration wait) {
    assertThat(HttpResults.parseRetryAfter(value, NOW)).contains(wait);
  }

  @ParameterizedTest(name = "\"{0}\" is ignored")
  @ValueSource(
      strings = {
        "",
        "   ",
        "-1",
        "1.5",
        "soon",
        "Thu, 32 Jan 2026 00:00:00 GMT",
        "١٢٣",
        "2026-01-01"
      })
  void ignoresWhatIsNotARetryAfter(String value) {
    assertThat(HttpResults.parseRetryAfter(value, NOW)).isEmpty();
  }

  @Test
  void retries429And503WithTheirHint() {
    assertThat(CLASSIFIER.classify(new Reply(503, Optional.of("3"))))
        .isEqualTo(new RetryLater(Optional.of(Duration.ofSeconds(3))));
    assertThat(CLASSIFIER.classify(new Reply(429, Optional.empty())))
        .isEqualTo(new RetryLater(Optional.empty()));
    assertThat(CLASSIFIER.classify(new Reply(429, Optional.of("garbage"))))
        .isEqualTo(new RetryLater(Optional.empty()));
  }

  @ParameterizedTest(name = "status {0} is final")
  @ValueSource(ints = {200, 201, 204, 301, 400, 401, 404, 409, 500, 502, 504})
  void acceptsEveryOtherStatus(int status) {
    assertThat(CLASSIFIER.classify(new Reply(status, Optional.of("1")))).isInstanceOf(Accept.class);
  }

  @Test
  void theRetriedStatusesCanBeChosen() {
    ResultClassifier<Reply> gateway =
        HttpResults.classifier(
            Set.of(502, 504), Reply::status, Reply::retryAfter, InstantSource.fixed(NOW));
    assertThat(gateway.classify(new Reply(502, Optional.empty()))).isInstanceOf(RetryLater.class);
    assertThat(gateway.classify(new Reply(503, Optional.empty()))).isInstanceOf(Accept.class);
  }

  @Test
  void argumentsAreChecked() {
    InstantSource clock = InstantSource.fixed(NOW);
    assertThatIllegalArgumentException()
        .isThrownBy(() -> HttpResults.classifier(Set.of(), Reply::status, Reply::retryAfter, clock))
        .withMessage("statuses must not be empty");
    assertThatIllegalArgumentException()
        .isThrownBy(
            () -> HttpResults.classifier(Set.of(600), Reply::status, Reply::retryAfter, clock))
        .withMessage("not an HTTP status (100..599): 600");
    assertThatIllegalArgumentException()
        .isThrownBy(
            () -> HttpResults.classifier(Set.of(99), Reply::status, Reply::retryAfter, clock));
    assertThatNullPointerException()
        .isThrownBy(() -> HttpResults.classifier(null, Reply::retryAfter, clock))
        .withMessage("status");
    assertThatNullPointerException()
        .isThrownBy(() -> HttpResults.classifier(Reply::status, null, clock))
        .withMessage("retryAfter");
    assertThatNullPointerException()
        .isThrownBy(() -> HttpResults.classifier(Reply::status, Reply::retryAfter, null))
        .withMessage("clock");
    assertThatNullPointerException().isThrownBy(() -> HttpResults.parseRetryAfter(null, NOW));
    assertThatNullPointerException().isThrownBy(() -> HttpResults.parseRetryAfter("1", null));
    ResultClassifier<Reply> broken =
        HttpResults.classifier(Reply::status, r -> null, InstantSource.fixed(NOW));
    assertThatNullPointerException()
        .isThrownBy(() -> broken.classify(new Reply(503, Optional.empty())))
        .withMessage("retryAfter");
  }
}
