package org.interviewtasks.senior.architecture.soa;

import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongSupplier;

/**
 * A service's metrics in the Prometheus text exposition format (version 0.0.4): a request counter
 * and a duration summary per route and status, and gauges the service adds. Enough for a Prometheus
 * server to scrape {@code /metrics}; a real service would use Micrometer or the Prometheus client,
 * which add histograms, JVM metrics and exemplars.
 *
 * <p>Thread-safe: counters are {@link LongAdder}s, so recording is contention-free.
 */
public final class Metrics {

  private record Key(String route, int status) implements Comparable<Key> {
    @Override
    public int compareTo(Key o) {
      int c = route.compareTo(o.route);
      return c != 0 ? c : Integer.compare(status, o.status);
    }
  }

  private record Timing(LongAdder count, LongAdder nanos) {}

  private final String service;
  private final Map<Key, Timing> requests = new ConcurrentSkipListMap<>();
  private final Map<String, LongSupplier> gauges = new ConcurrentHashMap<>();

  /** Metrics labelled with {@code service}. */
  public Metrics(String service) {
    this.service = Objects.requireNonNull(service, "service");
  }

  /**
   * Records one request: its route template (not the raw path: bounded label values), status, time.
   */
  public void record(String route, int status, long nanos) {
    Timing timing =
        requests.computeIfAbsent(
            new Key(route, status), k -> new Timing(new LongAdder(), new LongAdder()));
    timing.count().increment();
    timing.nanos().add(Math.max(0, nanos));
  }

  /**
   * Adds a gauge, read at each scrape.
   *
   * @param name a Prometheus metric name ({@code [a-zA-Z_:][a-zA-Z0-9_:]*})
   * @throws IllegalArgumentException for a malformed name
   */
  public void gauge(String name, LongSupplier value) {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(value, "value");
    if (!name.matches("[a-zA-Z_:][a-zA-Z0-9_:]*")) {
      throw new IllegalArgumentException("not a metric name: " + name);
    }
    gauges.put(name, value);
  }

  /** How many requests of a route ended with a status. */
  public long count(String route, int status) {
    Timing timing = requests.get(new Key(route, status));
    return timing == null ? 0 : timing.count().sum();
  }

  /** The exposition text. */
  public String scrape() {
    StringBuilder out = new StringBuilder();
    out.append("# HELP http_requests_total Requests handled, by route and status.\n");
    out.append("# TYPE http_requests_total counter\n");
    requests.forEach(
        (key, timing) ->
            out.append("http_requests_total")
                .append(labels(key))
                .append(' ')
                .append(timing.count().sum())
                .append('\n'));
    out.append("# HELP http_request_duration_seconds Time to handle a request.\n");
    out.append("# TYPE http_request_duration_seconds summary\n");
    requests.forEach(
        (key, timing) -> {
          out.append("http_request_duration_seconds_sum")
              .append(labels(key))
              .append(' ')
              .append(timing.nanos().sum() / 1e9)
              .append('\n');
          out.append("http_request_duration_seconds_count")
              .append(labels(key))
              .append(' ')
              .append(timing.count().sum())
              .append('\n');
        });
    new ConcurrentSkipListMap<>(gauges)
        .forEach(
            (name, value) ->
                out.append("# TYPE ")
                    .append(name)
                    .append(" gauge\n")
                    .append(name)
                    .append("{service=\"")
                    .append(escape(service))
                    .append("\"} ")
                    .append(value.getAsLong())
                    .append('\n'));
    return out.toString();
  }

  private String labels(Key key) {
    return "{service=\""
        + escape(service)
        + "\",route=\""
        + escape(key.route())
        + "\",status=\""
        + key.status()
        + "\"}";
  }

  private static String escape(String value) {
    return value.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
  }
}
