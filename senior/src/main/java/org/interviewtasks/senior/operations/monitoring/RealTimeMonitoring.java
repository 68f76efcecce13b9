package org.interviewtasks.senior.operations.monitoring;

import ch.qos.logback.classic.LoggerContext;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import org.interviewtasks.common.Args;
import org.interviewtasks.common.Task;

/**
 * Real-time monitoring of a service: Prometheus metrics, JSON logs for the ELK stack, and alerts
 * when users are hurt.
 *
 * <p><b>Approach.</b> Every request of a {@link MonitoredService} passes one code path that (1)
 * times it in a Micrometer timer with a percentile histogram, tagged by method, <i>route
 * template</i>, status and outcome ({@code HttpMetrics}), served at {@code GET /metrics} for
 * Prometheus to pull; (2) writes one ECS JSON access line ({@link EcsJsonEncoder}) with the trace
 * id of the request ({@link TraceContext}, W3C {@code traceparent}) in the MDC, so Logstash ships
 * the file to Elasticsearch untouched and Kibana joins a request's lines by {@code trace.id}; (3)
 * answers errors as RFC 9457 problem details. Alert rules ({@code alerts.yml} in this package,
 * unit-tested with {@code promtool} by {@code alerts-test.yml}) fire on the error ratio, the p99
 * latency and a target that is down; Alertmanager sends them to {@code POST /alerts} of {@link
 * OrdersApp}, the monitored sample application, which logs them beside everything else. {@code
 * src/main/deploy/monitoring/compose.yaml} runs the stack: app, Prometheus, Alertmanager,
 * Elasticsearch, Logstash, Kibana.
 *
 * <p><b>Why pull metrics and push logs.</b> Metrics are numbers aggregated in the process (a
 * counter costs an atomic add, whatever the traffic), read by Prometheus at its pace: an
 * unreachable target is itself a signal ({@code up == 0}). Logs are events, one per request: they
 * carry the high-cardinality detail (the raw path, the trace id) that metrics must not.
 *
 * <p><b>Cost.</b> Recording a request is O(1): a timer lookup by tags and a histogram increment. A
 * scrape is O(series), about 30 buckets times routes times statuses; bounded tags keep it so.
 *
 * <p><b>Edge cases and failure modes.</b> An unknown path is 404 and counted under {@code
 * route="UNMATCHED"}: a scan of a million paths adds one series, not a million (the cardinality
 * argument is in {@code HttpMetrics}). A malformed {@code traceparent} starts a new trace instead
 * of failing the request. A handler's exception is 500, its stack trace logged as {@code
 * error.stack_trace}, never sent to the client. With no traffic the error ratio is 0/0: no alert,
 * on purpose; an absent service is {@code TargetDown}'s job. If Elasticsearch is down, Logstash
 * waits and the file keeps the lines; if Prometheus is down, nothing is lost that a later counter
 * value does not restore (counters are cumulative, rates survive missed scrapes).
 *
 * <p><b>Follow-ups.</b> <i>"Why a histogram and not a summary with client-side p99?"</i>
 * Percentiles do not add up: the p99 of two instances is not the average of their p99s, while
 * bucket counts sum, so {@code histogram_quantile} over summed buckets is correct for a fleet. The
 * price is series (one per bucket) and bucket resolution, which is why a bucket sits at the alert
 * threshold. <i>"How would you alert on an SLO instead of a fixed ratio?"</i> On the error-budget
 * burn rate over two windows (e.g. 14.4x over 1h and 5m for a 99.9% SLO): it pages fast on a heavy
 * outage and stays silent on a short blip, with recording rules so each window is computed once.
 */
@Task(
    id = "senior.operations.1",
    title = "Real-time monitoring, logging and alerts",
    usage = "[--serve [port]]   a short demo, or serve on a port in 0..65535 (0: any free one)")
public final class RealTimeMonitoring {

  /** The alert rules file, a resource of this package. */
  public static final String ALERT_RULES = "alerts.yml";

  /** The promtool unit tests of {@link #ALERT_RULES}, a resource of this package. */
  public static final String ALERT_RULES_TEST = "alerts-test.yml";

  /** {@code HighErrorRatio} fires above this share of 5xx answers (the value in the rules file). */
  public static final double ERROR_RATIO_THRESHOLD = 0.05;

  /** {@code HighLatencyP99} fires above this p99 latency, in seconds (the rules file's value). */
  public static final double P99_LATENCY_THRESHOLD_SECONDS = 0.5;

  private RealTimeMonitoring() {}

  /**
   * Requests answered 5xx and all requests, as the {@code http.server.requests} timers count them.
   * The difference of two such readings is what {@code rate(...[5m])} sees over a window.
   *
   * @param serverErrors requests answered 5xx
   * @param requests all requests
   */
  public record ErrorRatio(long serverErrors, long requests) {

    /**
     * Checks the counts.
     *
     * @throws IllegalArgumentException if a count is negative or errors exceed requests
     */
    public ErrorRatio {
      if (serverErrors < 0 || requests < serverErrors) {
        throw new IllegalArgumentException(
            "need 0 <= serverErrors <= requests: " + serverErrors + ", " + requests);
      }
    }

    /** The counts in {@code registry} now. */
    public static ErrorRatio of(MeterRegistry registry) {
      Objects.requireNonNull(registry, "registry");
      long errors = 0;
      long all = 0;
      for (Timer timer : registry.find(HttpMetrics.REQUESTS).timers()) {
        all += timer.count();
        if ("SERVER_ERROR".equals(timer.getId().getTag("outcome"))) {
          errors += timer.count();
        }
      }
      return new ErrorRatio(errors, all);
    }

    /** What happened between {@code earlier} and this reading. */
    public ErrorRatio since(ErrorRatio earlier) {
      Objects.requireNonNull(earlier, "earlier");
      return new ErrorRatio(serverErrors - earlier.serverErrors, requests - earlier.requests);
    }

    /** The share of 5xx answers; NaN with no requests (as 0/0 in PromQL). */
    public double value() {
      return requests == 0 ? Double.NaN : (double) serverErrors / requests;
    }

    /** Whether {@code HighErrorRatio}'s condition holds: NaN (no traffic) does not. */
    public boolean breached() {
      return value() > ERROR_RATIO_THRESHOLD;
    }
  }

  /** The alert rules file on the class path. */
  public static URL alertRules() {
    return Objects.requireNonNull(
        RealTimeMonitoring.class.getResource(ALERT_RULES),
        ALERT_RULES + " is not on the class path");
  }

  /**
   * With no argument: starts the orders service on loopback, sends 12 requests (2 of them fail
   * while the warehouse is down, 1 goes to an unknown path), and prints the request counts of a
   * scrape, whether {@code HighErrorRatio}'s condition holds, and the JSON log line of a failed
   * request. With {@code --serve [port]} (the container's command): serves the orders service on
   * {@code HTTP_HOST} (default: all interfaces, as a container needs), port {@code HTTP_PORT} or
   * 8080, until the process is stopped, logging through the SLF4J backend.
   *
   * @throws IllegalArgumentException on bad usage
   */
  public static void main(String... args) throws InterruptedException {
    if (args.length >= 1 && args[0].equals("--serve") && args.length <= 2) {
      String port = args.length == 2 ? args[1] : System.getenv().getOrDefault("HTTP_PORT", "8080");
      serve(System.getenv().getOrDefault("HTTP_HOST", "0.0.0.0"), Args.toInt(port));
      return;
    }
    if (args.length != 0) {
      throw new IllegalArgumentException("usage: senior.operations.1 [--serve [port]]");
    }
    demo();
  }

  private static void serve(String host, int port) throws InterruptedException {
    if (port < 1 || port > 65_535) {
      throw new IllegalArgumentException("port must be 1..65535: " + port);
    }
    OrdersApp app = new OrdersApp(org.slf4j.LoggerFactory.getLogger(OrdersApp.class));
    MonitoredService service =
        app.install(MonitoredService.builder(OrdersApp.SERVICE_NAME))
            .address(new InetSocketAddress(host, port))
            .start();
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  service.close();
                  stopped.countDown();
                }));
    stopped.await();
  }

  private static void demo() {
    ByteArrayOutputStream logs = new ByteArrayOutputStream();
    LoggerContext logging = JsonLogging.toStream(OrdersApp.SERVICE_NAME, logs);
    OrdersApp app = new OrdersApp(logging.getLogger("orders"));
    try (MonitoredService service =
            app.install(MonitoredService.builder(OrdersApp.SERVICE_NAME))
                .random(new SplittableRandom(2024))
                .start();
        HttpClient http = HttpClient.newHttpClient()) {
      URI base = service.baseUri();
      for (int i = 1; i <= 6; i++) {
        send(http, post(base, "/orders", "{\"item\":\"book-" + i + "\",\"quantity\":" + i + "}"));
      }
      for (int id = 1; id <= 3; id++) {
        send(http, HttpRequest.newBuilder(base.resolve("/orders/" + id)).build());
      }
      app.warehouseDown(true);
      send(http, post(base, "/orders", "{\"item\":\"lamp\",\"quantity\":1}"));
      send(http, post(base, "/orders", "{\"item\":\"desk\",\"quantity\":1}"));
      send(http, HttpRequest.newBuilder(base.resolve("/wp-login.php")).build());

      String scrape = send(http, HttpRequest.newBuilder(base.resolve("/metrics")).build());
      System.out.println("GET /metrics (request counts):");
      scrape
          .lines()
          .filter(line -> line.startsWith("http_server_requests_seconds_count{"))
          .sorted()
          .forEach(line -> System.out.println("  " + line));
      ErrorRatio ratio = ErrorRatio.of(service.registry());
      System.out.printf(
          Locale.ROOT,
          "error ratio %d/%d = %.1f%%: HighErrorRatio condition (> %.0f%%) %s%n",
          ratio.serverErrors(),
          ratio.requests(),
          100 * ratio.value(),
          100 * ERROR_RATIO_THRESHOLD,
          ratio.breached() ? "holds (fires after 5m)" : "does not hold");
      List<String> lines = logs.toString(StandardCharsets.UTF_8).lines().toList();
      System.out.println(lines.size() + " JSON log lines; the first failure:");
      lines.stream()
          .filter(line -> line.contains("\"log.level\":\"ERROR\""))
          .findFirst()
          .map(line -> line.replaceAll("\"error.stack_trace\":\"(?:[^\"\\\\]|\\\\.)*\"", "..."))
          .ifPresent(line -> System.out.println("  " + line));
    } finally {
      logging.stop();
    }
  }

  private static HttpRequest post(URI base, String path, String json) {
    return HttpRequest.newBuilder(base.resolve(path))
        .header("Content-Type", "application/json")
        .timeout(Duration.ofSeconds(10))
        .POST(HttpRequest.BodyPublishers.ofString(json))
        .build();
  }

  private static String send(HttpClient http, HttpRequest request) {
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofString()).body();
    } catch (IOException e) {
      throw new UncheckedIOException("request to " + request.uri() + " failed", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }
}
