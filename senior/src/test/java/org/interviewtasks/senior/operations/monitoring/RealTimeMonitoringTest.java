package org.interviewtasks.senior.operations.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.interviewtasks.common.testing.StdStreams;
import org.interviewtasks.senior.operations.monitoring.PrometheusText.Sample;
import org.interviewtasks.senior.operations.monitoring.RealTimeMonitoring.ErrorRatio;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The orders service end to end over real HTTP on loopback: traffic in, a scrape parsed as the
 * exposition format, JSON log lines parsed one by one, and the alert condition evaluated from
 * scraped values.
 */
class RealTimeMonitoringTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String COUNT = "http_server_requests_seconds_count";
  private static final String BUCKET = "http_server_requests_seconds_bucket";

  private final HttpClient http = HttpClient.newHttpClient();
  private JsonLogCapture logs;
  private OrdersApp app;
  private MonitoredService service;

  @BeforeEach
  void start() {
    logs = new JsonLogCapture(OrdersApp.SERVICE_NAME);
    app = new OrdersApp(logs.logger("orders"));
    service = app.install(MonitoredService.builder(OrdersApp.SERVICE_NAME)).start();
  }

  @AfterEach
  void stop() {
    service.close();
    logs.close();
    http.close();
  }

  private HttpResponse<String> get(String path, String... headers) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(uri(path));
    if (headers.length > 0) {
      request.headers(headers);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> post(String path, String body) throws Exception {
    return http.send(
        HttpRequest.newBuilder(uri(path))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> order(String item) throws Exception {
    return post("/orders", "{\"item\":\"" + item + "\",\"quantity\":2}");
  }

  private URI uri(String path) {
    return URI.create(service.baseUri() + path);
  }

  private PrometheusText scrape() throws Exception {
    HttpResponse<String> response = get(MonitoredService.METRICS_PATH);
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValue(MonitoredService.TEXT_FORMAT);
    return PrometheusText.parse(response.body());
  }

  private static Map<String, String> labels(String... pairs) {
    Map<String, String> labels = new HashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      labels.put(pairs[i], pairs[i + 1]);
    }
    return labels;
  }

  /** 5 orders placed, 3 read, 2 unknown, 1 malformed id, 2 failures: 13 requests. */
  private void knownTraffic() throws Exception {
    for (int i = 0; i < 5; i++) {
      assertThat(order("book").statusCode()).isEqualTo(201);
    }
    for (int id = 1; id <= 3; id++) {
      assertThat(get("/orders/" + id).statusCode()).isEqualTo(200);
    }
    assertThat(get("/orders/77").statusCode()).isEqualTo(404);
    assertThat(get("/orders/78").statusCode()).isEqualTo(404);
    assertThat(get("/orders/x").statusCode()).isEqualTo(400);
    app.warehouseDown(true);
    assertThat(order("lamp").statusCode()).isEqualTo(500);
    assertThat(order("desk").statusCode()).isEqualTo(500);
  }

  @Test
  void scrapeCountsEveryRouteAndStatusOfKnownTraffic() throws Exception {
    knownTraffic();
    PrometheusText scrape = scrape();

    assertThat(scrape.type("http_server_requests_seconds")).isEqualTo("histogram");
    assertThat(
            scrape.sum(
                COUNT,
                labels(
                    "method", "POST", "route", "/orders", "status", "201", "outcome", "SUCCESS")))
        .isEqualTo(5);
    assertThat(scrape.sum(COUNT, labels("method", "GET", "route", "/orders/{id}", "status", "200")))
        .isEqualTo(3);
    assertThat(
            scrape.sum(
                COUNT, labels("route", "/orders/{id}", "status", "404", "outcome", "CLIENT_ERROR")))
        .isEqualTo(2);
    assertThat(scrape.sum(COUNT, labels("route", "/orders/{id}", "status", "400"))).isEqualTo(1);
    assertThat(
            scrape.sum(
                COUNT,
                labels(
                    "method",
                    "POST",
                    "route",
                    "/orders",
                    "status",
                    "500",
                    "outcome",
                    "SERVER_ERROR")))
        .isEqualTo(2);
    assertThat(scrape.samples(COUNT)).hasSize(5);
    assertThat(scrape.samples(COUNT))
        .allSatisfy(s -> assertThat(s.labels()).containsEntry("service", "orders"));

    assertThat(scrape.sum("orders_placed_total", Map.of())).isEqualTo(5);
    assertThat(scrape.sum("orders_stored", Map.of())).isEqualTo(5);
    assertThat(scrape.sum("http_server_exceptions_total", labels("route", "/orders"))).isEqualTo(2);
    assertThat(scrape.sum("http_server_active_requests", Map.of())).isZero();
    assertThat(scrape.samples("jvm_memory_used_bytes")).isNotEmpty();
  }

  @Test
  void histogramBucketsAreCumulativeAndTheirCountIsTheRequests() throws Exception {
    knownTraffic();
    PrometheusText scrape = scrape();

    Map<Map<String, String>, List<Sample>> series =
        scrape.samples(BUCKET).stream()
            .collect(
                Collectors.groupingBy(
                    s -> {
                      Map<String, String> rest = new TreeMap<>(s.labels());
                      rest.remove("le");
                      return rest;
                    }));
    assertThat(series).hasSize(5);
    series.forEach(
        (labels, buckets) -> {
          List<Sample> sorted =
              buckets.stream().sorted(Comparator.comparingDouble(b -> upper(bound(b)))).toList();
          for (int i = 1; i < sorted.size(); i++) {
            assertThat(sorted.get(i).value())
                .as("bucket %s of %s", bound(sorted.get(i)), labels)
                .isGreaterThanOrEqualTo(sorted.get(i - 1).value());
          }
          assertThat(bound(sorted.getLast())).isEqualTo("+Inf");
          assertThat(sorted.getLast().value()).isEqualTo(scrape.sum(COUNT, labels));
          assertThat(sorted).extracting(PrometheusText::bound).contains("0.5", "0.1", "1.0");
        });
    // Exactly the 13 requests sent: the scrapes themselves are not counted.
    assertThat(scrape.sum(COUNT, Map.of())).isEqualTo(13);
    assertThat(scrape().sum(COUNT, Map.of())).isEqualTo(13);
  }

  private static double upper(String le) {
    return le.equals("+Inf") ? Double.POSITIVE_INFINITY : Double.parseDouble(le);
  }

  private static String bound(Sample bucket) {
    return PrometheusText.bound(bucket);
  }

  @Test
  void errorRatioConditionFromScrapedValuesHoldsOnlyAboveTheThreshold() throws Exception {
    PrometheusText start = scrape();
    for (int i = 0; i < 20; i++) {
      order("pen");
    }
    PrometheusText healthy = scrape();
    assertThat(errorRatio(start, healthy)).isZero();

    for (int i = 0; i < 19; i++) {
      order("pen");
    }
    app.warehouseDown(true);
    order("pen");
    PrometheusText atThreshold = scrape();
    assertThat(errorRatio(healthy, atThreshold)).isCloseTo(0.05, within(1e-12));
    assertThat(errorRatio(healthy, atThreshold) > RealTimeMonitoring.ERROR_RATIO_THRESHOLD)
        .isFalse();

    order("pen");
    order("pen");
    app.warehouseDown(false);
    for (int i = 0; i < 18; i++) {
      order("pen");
    }
    PrometheusText breached = scrape();
    assertThat(errorRatio(atThreshold, breached)).isCloseTo(0.10, within(1e-12));
    assertThat(errorRatio(atThreshold, breached) > RealTimeMonitoring.ERROR_RATIO_THRESHOLD)
        .isTrue();

    // The service's own reading agrees with the scraped one.
    ErrorRatio total = ErrorRatio.of(service.registry());
    assertThat(total).isEqualTo(new ErrorRatio(3, 60));
    assertThat(total.breached()).isFalse();
    assertThat(total.since(new ErrorRatio(1, 40))).isEqualTo(new ErrorRatio(2, 20));
    assertThat(new ErrorRatio(2, 20).breached()).isTrue();
    assertThat(new ErrorRatio(0, 0).value()).isNaN();
    assertThat(new ErrorRatio(0, 0).breached()).isFalse();
  }

  /** {@code HighErrorRatio}'s expression over two scrapes: rate(5xx) / rate(all). */
  private static double errorRatio(PrometheusText before, PrometheusText after) {
    double errors =
        after.sum(COUNT, labels("outcome", "SERVER_ERROR"))
            - before.sum(COUNT, labels("outcome", "SERVER_ERROR"));
    double all = after.sum(COUNT, Map.of()) - before.sum(COUNT, Map.of());
    return errors / all;
  }

  @Test
  void aThousandDistinctUnknownPathsAddOneSeries() throws Exception {
    order("pen");
    PrometheusText before = scrape();
    int seriesBefore = before.samples().size();
    for (int i = 0; i < 1_000; i++) {
      assertThat(get("/scan/" + i + "/probe-" + Integer.toHexString(i * 7919)).statusCode())
          .isEqualTo(404);
    }
    PrometheusText after = scrape();

    assertThat(after.sum(COUNT, labels("route", "UNMATCHED", "status", "404"))).isEqualTo(1_000);
    Set<String> routes = new HashSet<>();
    after.samples().forEach(s -> routes.add(s.labels().getOrDefault("route", "-")));
    assertThat(routes).isSubsetOf("-", "/orders", "/orders/{id}", "/alerts", "UNMATCHED");
    // One new series family member per histogram part (count, sum, max, buckets) of one label set.
    int newSeries = after.samples().size() - seriesBefore;
    assertThat(newSeries).isEqualTo(before.samples(BUCKET).size() + 3);
    assertThat(logs.lines()).hasSize(1_001);
  }

  @Test
  void unknownPathIsProblemDetails404() throws Exception {
    HttpResponse<String> response = get("/nope/42");

    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    JsonNode problem = JSON.readTree(response.body());
    assertThat(problem.get("type").asText()).isEqualTo("about:blank");
    assertThat(problem.get("title").asText()).isEqualTo("Not Found");
    assertThat(problem.get("status").asInt()).isEqualTo(404);
    assertThat(problem.get("detail").asText()).isEqualTo("no route matches GET /nope/42");
    assertThat(problem.get("instance").asText()).isEqualTo("/nope/42");
    assertThat(problem.get("traceId").asText()).matches("[0-9a-f]{32}");
    assertThat(logs.lines().getFirst().get("http.route").asText()).isEqualTo("UNMATCHED");
  }

  @Test
  void wrongMethodIs405WithAllowAndCountedUnderItsRoute() throws Exception {
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(uri("/orders")).DELETE().build(),
            HttpResponse.BodyHandlers.ofString());

    assertThat(response.statusCode()).isEqualTo(405);
    assertThat(response.headers().firstValue("Allow")).hasValue("POST");
    assertThat(JSON.readTree(response.body()).get("title").asText())
        .isEqualTo("Method Not Allowed");
    assertThat(scrape().sum(COUNT, labels("method", "DELETE", "route", "/orders", "status", "405")))
        .isEqualTo(1);
  }

  @Test
  void nonStandardMethodsShareTheOtherTag() throws Exception {
    for (String method : List.of("FOO", "BAR", "get")) {
      http.send(
          HttpRequest.newBuilder(uri("/orders/1"))
              .method(method, HttpRequest.BodyPublishers.noBody())
              .build(),
          HttpResponse.BodyHandlers.ofString());
    }
    PrometheusText scrape = scrape();
    assertThat(scrape.sum(COUNT, labels("method", "OTHER", "route", "/orders/{id}"))).isEqualTo(3);
    assertThat(logs.lines())
        .extracting(line -> line.get("http.request.method").asText())
        .containsExactly("FOO", "BAR", "get");
  }

  @Test
  void bodyOverTheLimitIs413() throws Exception {
    HttpResponse<String> response = post("/orders", "x".repeat(MonitoredService.MAX_BODY + 1));

    assertThat(response.statusCode()).isEqualTo(413);
    assertThat(JSON.readTree(response.body()).get("title").asText()).isEqualTo("Content Too Large");
  }

  @Test
  void malformedOrdersAre400WithTheReason() throws Exception {
    Map<String, String> cases =
        Map.of(
            "[1]",
            "the body must be a JSON object",
            "{",
            "the body is not JSON",
            "{\"quantity\":1}",
            "item must be a non-blank string",
            "{\"item\":\"" + "x".repeat(101) + "\",\"quantity\":1}",
            "item must be at most 100 characters",
            "{\"item\":\"pen\",\"quantity\":0}",
            "quantity must be an integer from 1 to 1000",
            "{\"item\":\"pen\",\"quantity\":1.5}",
            "quantity must be an integer from 1 to 1000",
            "{\"item\":\"pen\",\"quantity\":1001}",
            "quantity must be an integer from 1 to 1000");
    for (var c : cases.entrySet()) {
      HttpResponse<String> response = post("/orders", c.getKey());
      assertThat(response.statusCode()).as(c.getKey()).isEqualTo(400);
      assertThat(JSON.readTree(response.body()).get("detail").asText())
          .as(c.getKey())
          .isEqualTo(c.getValue());
    }
    assertThat(JSON.readTree(get("/orders/0").body()).get("detail").asText())
        .isEqualTo("order id must be a positive number: 0");
  }

  @Test
  void placedOrderReadsBack() throws Exception {
    JsonNode created = JSON.readTree(order("globe").body());
    HttpResponse<String> read = get("/orders/" + created.get("id").asLong());

    assertThat(read.statusCode()).isEqualTo(200);
    assertThat(read.headers().firstValue("Content-Type")).hasValue("application/json");
    assertThat(JSON.readTree(read.body())).isEqualTo(created);
    assertThat(created.get("item").asText()).isEqualTo("globe");
    assertThat(created.get("quantity").asInt()).isEqualTo(2);
  }

  @Test
  void handlerFailureIs500WithItsStackTraceInTheLogOnly() throws Exception {
    app.warehouseDown(true);
    HttpResponse<String> response = order("lamp");

    assertThat(response.statusCode()).isEqualTo(500);
    JsonNode problem = JSON.readTree(response.body());
    assertThat(problem.get("detail").asText())
        .isEqualTo("the request failed; trace id " + problem.get("traceId").asText())
        .doesNotContain("warehouse");
    JsonNode line = logs.lines().getFirst();
    assertThat(line.get("log.level").asText()).isEqualTo("ERROR");
    assertThat(line.get("error.type").asText()).isEqualTo("java.lang.IllegalStateException");
    assertThat(line.get("error.message").asText()).isEqualTo("the warehouse does not answer");
    assertThat(line.get("error.stack_trace").asText())
        .startsWith("java.lang.IllegalStateException: the warehouse does not answer")
        .contains("at org.interviewtasks.senior.operations.monitoring.OrdersApp.create");
    assertThat(line.get("trace.id").asText()).isEqualTo(problem.get("traceId").asText());
    assertThat(line.get("event.outcome").asText()).isEqualTo("failure");
  }

  @Test
  void incomingTraceparentIsJoinedWithANewSpan() throws Exception {
    String traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
    String parent = "00f067aa0ba902b7";
    HttpResponse<String> response =
        get("/orders/9", "traceparent", "00-" + traceId + "-" + parent + "-01");

    String answered = response.headers().firstValue("traceresponse").orElseThrow();
    TraceContext context = TraceContext.parse(answered).orElseThrow();
    assertThat(context.traceId()).isEqualTo(traceId);
    assertThat(context.spanId()).isNotEqualTo(parent);
    assertThat(context.sampled()).isTrue();
    JsonNode line = logs.lines().getFirst();
    assertThat(line.get("trace.id").asText()).isEqualTo(traceId);
    assertThat(line.get("span.id").asText()).isEqualTo(context.spanId());
  }

  @Test
  void missingOrMalformedTraceparentStartsANewTraceEachTime() throws Exception {
    get("/orders/1");
    get("/orders/1", "traceparent", "00-XYZ-00f067aa0ba902b7-01");
    get("/orders/1", "traceparent", "00-00000000000000000000000000000000-00f067aa0ba902b7-01");

    List<String> traces = logs.lines().stream().map(l -> l.get("trace.id").asText()).toList();
    assertThat(traces).hasSize(3).doesNotHaveDuplicates();
    assertThat(traces).allMatch(t -> t.matches("[0-9a-f]{32}") && !t.matches("0+"));
  }

  @Test
  void everyAccessLineIsOneEcsJsonObject() throws Exception {
    knownTraffic();
    String text = logs.text();
    List<JsonNode> lines = JsonLogCapture.parse(text);

    assertThat(lines).hasSize(13);
    assertThat(text.lines()).allMatch(l -> l.startsWith("{") && l.endsWith("}"));
    for (JsonNode line : lines) {
      assertThat(Instant.parse(line.get("@timestamp").asText()))
          .isBefore(Instant.now().plusSeconds(1));
      assertThat(line.get("log.level").asText()).isIn("INFO", "ERROR");
      assertThat(line.get("service.name").asText()).isEqualTo("orders");
      assertThat(line.get("ecs.version").asText()).isEqualTo(EcsJsonEncoder.ECS_VERSION);
      assertThat(line.get("http.request.method").asText()).isIn("GET", "POST");
      assertThat(line.get("url.path").asText()).startsWith("/orders");
      assertThat(line.get("http.response.status_code").isInt()).isTrue();
      assertThat(line.get("event.duration").isIntegralNumber()).isTrue();
      assertThat(line.get("event.duration").asLong()).isPositive();
      assertThat(line.get("trace.id").asText()).matches("[0-9a-f]{32}");
      assertThat(line.get("span.id").asText()).matches("[0-9a-f]{16}");
      assertThat(line.get("message").asText())
          .isEqualTo(
              line.get("http.request.method").asText()
                  + " "
                  + line.get("url.path").asText()
                  + " "
                  + line.get("http.response.status_code").asInt());
      assertThat(line.has("error.type")).isEqualTo(line.get("log.level").asText().equals("ERROR"));
    }
    assertThat(lines)
        .extracting(l -> l.get("url.path").asText())
        .contains("/orders/77", "/orders/x");
  }

  @Test
  void alertmanagerWebhookIsLoggedAndCountedByStatus() throws Exception {
    String body =
        """
        {"version":"4","status":"firing","receiver":"orders-webhook","alerts":[
          {"status":"firing","labels":{"alertname":"HighErrorRatio","severity":"page"},
           "annotations":{"summary":"orders: 12% of requests fail"}},
          {"status":"resolved","labels":{"alertname":"TargetDown","severity":"page"},
           "annotations":{"summary":"app:8080 of orders is down"}}]}
        """;
    HttpResponse<String> response = post("/alerts", body);

    assertThat(response.statusCode()).isEqualTo(204);
    PrometheusText scrape = scrape();
    assertThat(scrape.sum("alerts_received_total", labels("status", "firing"))).isEqualTo(1);
    assertThat(scrape.sum("alerts_received_total", labels("status", "resolved"))).isEqualTo(1);
    List<JsonNode> alerts =
        logs.lines().stream().filter(l -> l.path("event.kind").asText().equals("alert")).toList();
    assertThat(alerts)
        .extracting(a -> a.get("rule.name").asText(), a -> a.get("event.action").asText())
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("HighErrorRatio", "firing"),
            org.assertj.core.groups.Tuple.tuple("TargetDown", "resolved"));
    assertThat(alerts.getFirst().get("log.level").asText()).isEqualTo("WARN");
    assertThat(alerts.getFirst().get("message").asText())
        .isEqualTo("alert HighErrorRatio firing: orders: 12% of requests fail");

    assertThat(post("/alerts", "{\"status\":\"firing\"}").statusCode()).isEqualTo(400);
  }

  @Test
  void openMetricsWhenTheScraperAsksForIt() throws Exception {
    order("pen");
    HttpResponse<String> response =
        get(
            MonitoredService.METRICS_PATH,
            "Accept",
            "application/openmetrics-text;version=1.0.0,text/plain;version=0.0.4;q=0.5");

    assertThat(response.headers().firstValue("Content-Type"))
        .hasValue(MonitoredService.OPENMETRICS_FORMAT);
    assertThat(response.body()).endsWith("# EOF\n").contains("http_server_requests_seconds_count{");
  }

  @Test
  void mainPrintsTheScrapeExcerptAndTheAlertCondition() throws Exception {
    String out = StdStreams.capture(RealTimeMonitoring::main).out();

    assertThat(out.lines().filter(l -> l.startsWith("  http_server_requests_seconds_count{")))
        .hasSize(4)
        .anyMatch(
            l ->
                l.contains("route=\"/orders\"") && l.contains("status=\"500\"") && l.endsWith(" 2"))
        .anyMatch(l -> l.contains("route=\"UNMATCHED\"") && l.endsWith(" 1"));
    assertThat(out)
        .contains("error ratio 2/12 = 16.7%: HighErrorRatio condition (> 5%) holds")
        .contains("12 JSON log lines; the first failure:")
        .contains("\"error.type\":\"java.lang.IllegalStateException\"");
  }

  @Test
  void mainRejectsUnknownArguments() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> RealTimeMonitoring.main("--bogus"))
        .withMessage("usage: senior.operations.1 [--serve [port]]");
  }

  @Test
  void alertRulesAreOnTheClassPath() throws IOException {
    try (var in = RealTimeMonitoring.alertRules().openStream()) {
      assertThat(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8))
          .contains("alert: HighErrorRatio", "alert: HighLatencyP99", "alert: TargetDown");
    }
  }
}
