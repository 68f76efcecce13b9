package org.interviewtasks.senior.operations.monitoring;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.http.Outcome;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.config.MeterFilterReply;
import java.time.Duration;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP server's meters, with every tag value drawn from a bounded set.
 *
 * <ul>
 *   <li>{@code http.server.requests}, a timer ({@code http_server_requests_seconds_count}, {@code
 *       _sum}, {@code _bucket}, {@code _max}) tagged {@code method}, {@code route}, {@code status},
 *       {@code outcome}: request rate, errors and duration in one family. Its percentile histogram
 *       lets Prometheus compute any quantile over any set of instances ({@code histogram_quantile}
 *       on summed buckets), which client-side percentiles cannot; service-level buckets sit exactly
 *       at the latency alert's threshold, so the alert is not an interpolation between two far
 *       buckets.
 *   <li>{@code http.server.active.requests}, a gauge of requests in flight (saturation).
 *   <li>{@code http.server.exceptions}, a counter of handler exceptions by route and exception
 *       class (bounded by the code, not by the input).
 * </ul>
 *
 * <p><b>Cardinality.</b> Each distinct combination of tag values is its own time series, and each
 * timer series carries about 30 histogram buckets; Prometheus keeps every series in memory for
 * hours. A tag fed from input (a raw path with an order id in it, a user id, a query string) makes
 * one series per distinct value: a crawler or an attacker walking {@code /orders/1..10^6} creates
 * millions, the scrape grows without bound, Prometheus runs out of memory and every dashboard and
 * alert of every team on it goes dark. Hence {@code route} is the matched template ({@code
 * /orders/{id}}) or {@code UNMATCHED}, {@code method} is one of the standard methods or {@code
 * OTHER}, and {@code status} is a number from 100 to 599. As a second wall, a meter filter caps the
 * distinct {@code route} values of every {@code http.server.*} meter: past the cap new series are
 * denied (counted nowhere but logged once), so a bug elsewhere that tags by path degrades one
 * metric instead of the monitoring system.
 */
final class HttpMetrics {

  /** The timer's name. */
  static final String REQUESTS = "http.server.requests";

  /** The gauge of requests in flight. */
  static final String ACTIVE = "http.server.active.requests";

  /** The counter of handler exceptions. */
  static final String EXCEPTIONS = "http.server.exceptions";

  /** The {@code route} of a request that matched no route. */
  static final String UNMATCHED = "UNMATCHED";

  /** The {@code method} of a request with a non-standard method. */
  static final String OTHER = "OTHER";

  private static final Set<String> METHODS =
      Set.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS");

  private static final Logger LOG = LoggerFactory.getLogger(HttpMetrics.class);

  private final MeterRegistry registry;
  private final AtomicInteger active = new AtomicInteger();

  /**
   * Meters in {@code registry}, allowing at most {@code maxRoutes} distinct {@code route} values.
   *
   * @throws IllegalArgumentException if {@code maxRoutes < 1}
   */
  HttpMetrics(MeterRegistry registry, int maxRoutes, Logger log) {
    this.registry = Objects.requireNonNull(registry, "registry");
    Objects.requireNonNull(log, "log");
    if (maxRoutes < 1) {
      throw new IllegalArgumentException("maxRoutes must be at least 1: " + maxRoutes);
    }
    AtomicBoolean warned = new AtomicBoolean();
    registry
        .config()
        .meterFilter(
            MeterFilter.maximumAllowableTags(
                "http.server",
                "route",
                maxRoutes,
                new MeterFilter() {
                  @Override
                  public MeterFilterReply accept(Meter.Id id) {
                    if (warned.compareAndSet(false, true)) {
                      log.warn(
                          "more than {} distinct route tags on {}: new series are dropped ({})",
                          maxRoutes,
                          id.getName(),
                          id.getTag("route"));
                    }
                    return MeterFilterReply.DENY;
                  }
                }));
    Gauge.builder(ACTIVE, active, AtomicInteger::get)
        .description("Requests being handled now")
        .register(registry);
  }

  HttpMetrics(MeterRegistry registry, int maxRoutes) {
    this(registry, maxRoutes, LOG);
  }

  /** A request begins: a timer sample, and one more in flight. */
  Timer.Sample start() {
    active.incrementAndGet();
    return Timer.start(registry);
  }

  /**
   * A request ends: records its duration under its tags.
   *
   * @param method a value of {@link #method}
   * @param route a route template or {@link #UNMATCHED}
   * @return the duration in nanoseconds
   */
  long stop(Timer.Sample sample, String method, String route, int status) {
    active.decrementAndGet();
    return sample.stop(
        Timer.builder(REQUESTS)
            .description("HTTP requests served, by route template, method and status")
            .tags(
                Tags.of(
                    "method",
                    method,
                    "route",
                    route,
                    "status",
                    Integer.toString(status),
                    "outcome",
                    Outcome.forStatus(status).name()))
            .publishPercentileHistogram()
            .serviceLevelObjectives(
                Duration.ofMillis(100),
                Duration.ofMillis(250),
                Duration.ofMillis(500),
                Duration.ofSeconds(1))
            .minimumExpectedValue(Duration.ofMillis(1))
            .maximumExpectedValue(Duration.ofSeconds(10))
            .register(registry));
  }

  /** A handler of {@code route} threw {@code error}. */
  void exception(String route, Throwable error) {
    Counter.builder(EXCEPTIONS)
        .description("Exceptions thrown by handlers, by route and exception class")
        .tags("route", route, "exception", error.getClass().getName())
        .register(registry)
        .increment();
  }

  /**
   * The {@code method} tag of a request method: the method if standard (methods are case-sensitive,
   * so {@code get} is not {@code GET}), else {@link #OTHER}.
   */
  static String method(String requestMethod) {
    return METHODS.contains(requestMethod) ? requestMethod : OTHER;
  }
}
