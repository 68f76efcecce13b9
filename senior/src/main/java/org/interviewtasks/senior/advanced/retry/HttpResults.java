package org.interviewtasks.senior.advanced.retry;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.ToIntFunction;
import org.interviewtasks.senior.advanced.retry.ResultClassifier.Accept;
import org.interviewtasks.senior.advanced.retry.ResultClassifier.RetryLater;

/**
 * Classifies HTTP responses for {@link Retry}: 429 (Too Many Requests) and 503 (Service
 * Unavailable) are retried, waiting at least what their {@code Retry-After} header asks, in either
 * of its forms (RFC 9110 §10.2.3): a number of seconds ({@code 120}) or an HTTP date ({@code Sun,
 * 06 Nov 1994 08:49:37 GMT}, and the two obsolete date formats a recipient must still accept).
 *
 * <p>The obsolete RFC 850 form has a two-digit year, read here in the fixed window 1970 to 2069.
 * RFC 9110's rule slides instead (a year more than 50 years ahead is the past century): today it
 * would read 70 to 76 as 2070 to 2076. A {@code Retry-After} date is "soon", so neither matters.
 *
 * <p>It works with any client: give it how to read a response's status and header ({@link
 * #classifier}), or use {@link #forJdkClient} for {@code java.net.http}. A header that cannot be
 * parsed is ignored (the backoff alone applies), a date in the past means no extra wait.
 */
public final class HttpResults {

  /** The statuses retried by default: 429 and 503. */
  public static final Set<Integer> RETRYABLE_STATUSES = Set.of(429, 503);

  private static final DateTimeFormatter RFC_850 =
      new DateTimeFormatterBuilder()
          .appendPattern("EEEE, dd-MMM-")
          .appendValueReduced(ChronoField.YEAR, 2, 2, 1970)
          .appendPattern(" HH:mm:ss zzz")
          .toFormatter(Locale.ENGLISH);

  private static final DateTimeFormatter ASCTIME =
      DateTimeFormatter.ofPattern("EEE MMM ppd HH:mm:ss yyyy", Locale.ENGLISH)
          .withZone(java.time.ZoneOffset.UTC);

  private static final List<DateTimeFormatter> DATES =
      List.of(DateTimeFormatter.RFC_1123_DATE_TIME, RFC_850, ASCTIME);

  private HttpResults() {}

  /**
   * Retries {@link #RETRYABLE_STATUSES}, honouring {@code Retry-After}.
   *
   * @param status a response's status code
   * @param retryAfter a response's {@code Retry-After} header, if any
   * @param clock "now" for a date-valued header (the same source the {@link Retry} uses)
   */
  public static <R> ResultClassifier<R> classifier(
      ToIntFunction<? super R> status,
      Function<? super R, Optional<String>> retryAfter,
      InstantSource clock) {
    return classifier(RETRYABLE_STATUSES, status, retryAfter, clock);
  }

  /**
   * Retries the given statuses, honouring {@code Retry-After}.
   *
   * @throws IllegalArgumentException if {@code statuses} is empty or holds a non-HTTP status
   */
  public static <R> ResultClassifier<R> classifier(
      Set<Integer> statuses,
      ToIntFunction<? super R> status,
      Function<? super R, Optional<String>> retryAfter,
      InstantSource clock) {
    Set<Integer> retryable = Set.copyOf(Objects.requireNonNull(statuses, "statuses"));
    if (retryable.isEmpty()) {
      throw new IllegalArgumentException("statuses must not be empty");
    }
    for (int s : retryable) {
      if (s < 100 || s > 599) {
        throw new IllegalArgumentException("not an HTTP status (100..599): " + s);
      }
    }
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(retryAfter, "retryAfter");
    Objects.requireNonNull(clock, "clock");
    Accept accept = new Accept();
    return response -> {
      if (!retryable.contains(status.applyAsInt(response))) {
        return accept;
      }
      Optional<String> header = Objects.requireNonNull(retryAfter.apply(response), "retryAfter");
      return new RetryLater(header.flatMap(h -> parseRetryAfter(h, clock.instant())));
    };
  }

  /** {@link #classifier} for the JDK's {@code HttpClient}. */
  public static ResultClassifier<HttpResponse<?>> forJdkClient(InstantSource clock) {
    return classifier(HttpResponse::statusCode, r -> r.headers().firstValue("Retry-After"), clock);
  }

  /**
   * The wait a {@code Retry-After} value asks for: whole seconds, or the time until an HTTP date
   * (zero if it is past). Empty if the value is neither.
   *
   * @param value the header's value, surrounding whitespace allowed
   * @param now the current instant, for a date
   */
  public static Optional<Duration> parseRetryAfter(String value, Instant now) {
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(now, "now");
    String text = value.strip();
    if (text.isEmpty()) {
      return Optional.empty();
    }
    if (text.chars().allMatch(c -> c >= '0' && c <= '9')) {
      // More than 100 days is as good as "not soon": cap it, the deadline will give up on it.
      if (text.length() > 9) {
        return Optional.of(Backoff.MAX);
      }
      long seconds = Long.parseLong(text);
      return Optional.of(
          seconds > Backoff.MAX.toSeconds() ? Backoff.MAX : Duration.ofSeconds(seconds));
    }
    for (DateTimeFormatter format : DATES) {
      try {
        Instant at = ZonedDateTime.parse(text, format).toInstant();
        Duration wait = Duration.between(now, at);
        return Optional.of(wait.isNegative() ? Duration.ZERO : min(wait, Backoff.MAX));
      } catch (DateTimeParseException e) {
        // try the next format
      }
    }
    return Optional.empty();
  }

  private static Duration min(Duration a, Duration b) {
    return a.compareTo(b) <= 0 ? a : b;
  }
}
