package org.interviewtasks.senior.operations.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.interviewtasks.senior.operations.monitoring.MonitoredService.Handler;
import org.interviewtasks.senior.operations.monitoring.MonitoredService.ProblemException;
import org.interviewtasks.senior.operations.monitoring.MonitoredService.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.slf4j.helpers.NOPLogger;

/** The service's contract: its builder's checks, routing, and the meters' bounds. */
class MonitoredServiceTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Handler OK = request -> Response.ok(request.variables());

  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  void serviceNameMustBeGiven() {
    assertThatNullPointerException()
        .isThrownBy(() -> MonitoredService.builder(null))
        .withMessage("serviceName");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> MonitoredService.builder("  "))
        .withMessage("serviceName must not be blank");
  }

  @ParameterizedTest
  @ValueSource(strings = {"Orders", "9lives", "orders service", "orders_v2", "-x"})
  void serviceNameMustBeADnsStyleName(String name) {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> MonitoredService.builder(name))
        .withMessageStartingWith("serviceName must be lowercase letters, digits and '-'")
        .withMessageEndingWith(": " + name);
  }

  @ParameterizedTest
  @ValueSource(strings = {"orders", "/", "/orders/", "/a//b", "/a/{1x}", "/a/{id}/{id}", "/a b"})
  void malformedTemplatesAreRejected(String template) {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> quiet().route("GET", template, OK))
        .withMessageContaining(template);
  }

  @Test
  void unknownMethodsNullsAndTheMetricsPathAreRejected() {
    var builder = quiet();
    assertThatIllegalArgumentException()
        .isThrownBy(() -> builder.route("FETCH", "/a", OK))
        .withMessageContaining("FETCH");
    assertThatNullPointerException().isThrownBy(() -> builder.route(null, "/a", OK));
    assertThatNullPointerException().isThrownBy(() -> builder.route("GET", null, OK));
    assertThatNullPointerException()
        .isThrownBy(() -> builder.route("GET", "/a", null))
        .withMessage("handler");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> builder.route("GET", "/metrics", OK))
        .withMessage("/metrics is the Prometheus endpoint");
    assertThatNullPointerException().isThrownBy(() -> builder.logger(null));
    assertThatNullPointerException().isThrownBy(() -> builder.random(null));
    assertThatNullPointerException().isThrownBy(() -> builder.address(null));
    assertThatNullPointerException().isThrownBy(() -> builder.meters(null));
  }

  @Test
  void duplicateRoutesAreRejectedEvenWithOtherVariableNames() {
    var builder = quiet().route("GET", "/orders/{id}", OK);

    assertThatIllegalArgumentException()
        .isThrownBy(() -> builder.route("GET", "/orders/{id}", OK))
        .withMessage("duplicate route: GET /orders/{id} has the shape of GET /orders/{id}");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> builder.route("GET", "/orders/{key}", OK))
        .withMessage("duplicate route: GET /orders/{key} has the shape of GET /orders/{id}");
    builder.route("DELETE", "/orders/{key}", OK).route("GET", "/orders/{id}/lines", OK);
  }

  @Test
  void aServiceNeedsARoute() {
    assertThatIllegalStateException()
        .isThrownBy(() -> quiet().start())
        .withMessage("add at least one route before start()");
  }

  @Test
  void statusesOutOfRangeAreRejected() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new ProblemException(399, "x"))
        .withMessage("status must be 400..599: 399");
    assertThatIllegalArgumentException().isThrownBy(() -> new ProblemException(600, "x"));
    assertThatNullPointerException().isThrownBy(() -> new ProblemException(400, null));
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new Response(101, null))
        .withMessage("status must be 200..599: 101");
  }

  @Test
  void literalSegmentsWinOverVariablesWhateverTheOrder() throws Exception {
    try (MonitoredService service =
        quiet()
            .route("GET", "/orders/{id}", request -> Response.ok("by id " + request.variable("id")))
            .route("GET", "/orders/recent", request -> Response.ok("recent"))
            .route("GET", "/{kind}/{id}/x", request -> Response.ok("variable first"))
            .route("GET", "/orders/{id}/x", request -> Response.ok("literal first"))
            .start()) {
      assertThat(body(service, "/orders/recent")).isEqualTo("\"recent\"");
      assertThat(body(service, "/orders/7")).isEqualTo("\"by id 7\"");
      assertThat(body(service, "/orders/%C3%A9t%C3%A9")).isEqualTo("\"by id été\"");
      assertThat(body(service, "/orders/7/x")).isEqualTo("\"literal first\"");
      assertThat(body(service, "/items/7/x")).isEqualTo("\"variable first\"");
      assertThat(
              PrometheusText.parse(service.scrape()).samples("http_server_requests_seconds_count"))
          .extracting(s -> s.label("route"))
          .containsExactlyInAnyOrder(
              "/orders/recent", "/orders/{id}", "/orders/{id}/x", "/{kind}/{id}/x");
    }
  }

  @Test
  void aHandlerThatAnswersNullIs500() throws Exception {
    try (JsonLogCapture logs = new JsonLogCapture("svc");
        MonitoredService service =
            quiet()
                .logger(logs.logger("svc"))
                .route("GET", "/null", request -> null)
                .route("GET", "/unwritable", request -> Response.ok(new Object()))
                .start()) {
      assertThat(get(service, "/null").statusCode()).isEqualTo(500);
      assertThat(logs.lines().getFirst().get("error.message").asText())
          .isEqualTo("the handler of /null answered");
      HttpResponse<String> unwritable = get(service, "/unwritable");
      assertThat(unwritable.statusCode()).isEqualTo(500);
      assertThat(JSON.readTree(unwritable.body()).get("detail").asText())
          .isEqualTo("the answer cannot be written as JSON");
      assertThat(logs.lines().get(1).get("error.type").asText())
          .isEqualTo("com.fasterxml.jackson.databind.exc.InvalidDefinitionException");
    }
  }

  @Test
  void problemExceptionsKeepTheirStatusAndDetail() throws Exception {
    try (MonitoredService service =
        quiet()
            .route(
                "GET",
                "/busy",
                request -> {
                  throw new ProblemException(503, "try again in 5 s");
                })
            .route(
                "GET",
                "/teapot",
                request -> {
                  throw new ProblemException(418, "short and stout");
                })
            .start()) {
      JsonNode busy = JSON.readTree(get(service, "/busy").body());
      assertThat(busy.get("status").asInt()).isEqualTo(503);
      assertThat(busy.get("title").asText()).isEqualTo("Service Unavailable");
      assertThat(busy.get("detail").asText()).isEqualTo("try again in 5 s");
      assertThat(JSON.readTree(get(service, "/teapot").body()).get("title").asText())
          .isEqualTo("Client Error");
      assertThat(
              PrometheusText.parse(service.scrape())
                  .sum(
                      "http_server_requests_seconds_count",
                      s -> "SERVER_ERROR".equals(s.label("outcome"))))
          .isEqualTo(1);
    }
  }

  @Test
  void activeRequestsGaugeCountsRequestsInFlight() throws Exception {
    CountDownLatch entered = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    try (MonitoredService service =
        quiet()
            .route(
                "GET",
                "/slow",
                request -> {
                  entered.countDown();
                  assertThat(release.await(10, TimeUnit.SECONDS)).isTrue();
                  return Response.ok("done");
                })
            .start()) {
      CompletableFuture<HttpResponse<String>> slow =
          http.sendAsync(
              HttpRequest.newBuilder(service.baseUri().resolve("/slow")).build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(entered.await(10, TimeUnit.SECONDS)).isTrue();
      assertThat(
              PrometheusText.parse(service.scrape()).sum("http_server_active_requests", s -> true))
          .isEqualTo(1);
      release.countDown();
      assertThat(slow.get(10, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
      assertThat(
              PrometheusText.parse(service.scrape()).sum("http_server_active_requests", s -> true))
          .isZero();
    }
  }

  @Test
  void routeTagsPastTheCapAreDroppedAndWarnedOnce() {
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    try (JsonLogCapture logs = new JsonLogCapture("svc")) {
      HttpMetrics metrics = new HttpMetrics(registry, 3, logs.logger("metrics"));
      for (int i = 0; i < 10; i++) {
        metrics.stop(metrics.start(), "GET", "/raw/" + i, 200);
      }
      Set<String> routes = new HashSet<>();
      PrometheusText.parse(registry.scrape())
          .samples("http_server_requests_seconds_count")
          .forEach(s -> routes.add(s.label("route")));

      assertThat(routes).containsExactlyInAnyOrder("/raw/0", "/raw/1", "/raw/2");
      assertThat(logs.lines()).hasSize(1);
      assertThat(logs.lines().getFirst().get("message").asText())
          .isEqualTo(
              "more than 3 distinct route tags on http.server.requests: new series are dropped"
                  + " (/raw/3)");
    }
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new HttpMetrics(registry, 0))
        .withMessage("maxRoutes must be at least 1: 0");
  }

  @Test
  void methodTagIsStandardOrOther() {
    assertThat(List.of("GET", "POST", "HEAD", "OPTIONS", "get", "PROPFIND", ""))
        .map(HttpMetrics::method)
        .containsExactly("GET", "POST", "HEAD", "OPTIONS", "OTHER", "OTHER", "OTHER");
  }

  @Test
  void seededRandomGivesRepeatableTraceIds() throws Exception {
    List<String> first = traces(new SplittableRandom(7));
    assertThat(first).hasSize(2).doesNotHaveDuplicates();
    assertThat(traces(new SplittableRandom(7))).isEqualTo(first);
  }

  private List<String> traces(SplittableRandom random) throws Exception {
    try (MonitoredService service = quiet().random(random).route("GET", "/a", OK).start()) {
      return List.of(
          get(service, "/a").headers().firstValue("traceresponse").orElseThrow(),
          get(service, "/a").headers().firstValue("traceresponse").orElseThrow());
    }
  }

  @Test
  void closeStopsListeningAndIsIdempotent() throws Exception {
    MonitoredService service = quiet().route("GET", "/a", OK).start();
    URI uri = service.baseUri().resolve("/a");
    assertThat(service.baseUri().getHost()).isEqualTo("127.0.0.1");
    assertThat(service).hasToString("MonitoredService[svc at " + service.baseUri() + "]");
    service.close();
    service.close();

    assertThat(service).hasToString("MonitoredService[svc, closed]");
    assertThatThrownBy(
            () ->
                http.send(
                    HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString()))
        .isInstanceOf(ConnectException.class);
  }

  /** A builder whose service logs nowhere (the tests that read its lines give it a capture). */
  private static MonitoredService.Builder quiet() {
    return MonitoredService.builder("svc").logger(NOPLogger.NOP_LOGGER);
  }

  private HttpResponse<String> get(MonitoredService service, String path) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create(service.baseUri() + path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private String body(MonitoredService service, String path) throws Exception {
    HttpResponse<String> response = get(service, path);
    assertThat(response.statusCode()).as(path).isEqualTo(200);
    return response.body();
  }
}
