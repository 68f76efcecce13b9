package org.interviewtasks.senior.operations.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.interviewtasks.senior.infra.FreePorts;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.helpers.NOPLogger;

/**
 * A real Prometheus (Debian's {@code prometheus}, skipped where it is not installed) scrapes the
 * service on loopback with the checked-in {@code prometheus.yml} and {@code alerts.yml}, scrape and
 * evaluation sped up to one second: the target is up, the rules evaluate without error, and PromQL
 * over the scraped series gives the error ratio the service counted; while requests keep failing,
 * {@code HighErrorRatio} turns pending (a rate needs increases between scrapes: traffic that ended
 * before the first scrape has a rate of 0/0, and the alert stays inactive).
 */
@Tag("infra")
class PrometheusServerTest {

  private static final Path PROMETHEUS = Path.of("/usr/bin/prometheus");
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void prometheusScrapesTheServiceAndEvaluatesTheAlertRules(@TempDir Path dir) throws Exception {
    assumeTrue(
        Files.isExecutable(PROMETHEUS),
        "prometheus is not installed: .ci/run installs Debian's prometheus package");
    OrdersApp app = new OrdersApp(NOPLogger.NOP_LOGGER);
    HttpClient http = HttpClient.newHttpClient();
    try (MonitoredService service = app.start()) {
      for (int i = 0; i < 9; i++) {
        order(http, service);
      }
      app.warehouseDown(true);
      order(http, service);
      order(http, service);

      int port = FreePorts.free();
      writeConfig(dir, service.baseUri());
      Process prometheus =
          new ProcessBuilder(
                  PROMETHEUS.toString(),
                  "--config.file=" + dir.resolve("prometheus.yml"),
                  "--storage.tsdb.path=" + dir.resolve("data"),
                  "--web.listen-address=" + FreePorts.LOOPBACK + ":" + port)
              .redirectErrorStream(true)
              .redirectOutput(dir.resolve("prometheus.log").toFile())
              .start();
      try {
        URI api = URI.create("http://" + FreePorts.LOOPBACK + ":" + port + "/api/v1/");
        await()
            .atMost(Duration.ofSeconds(20))
            .pollInterval(Duration.ofMillis(250))
            .ignoreExceptions()
            .until(
                () ->
                    query(http, api, "up{job=\"orders\"}")
                        .path(0)
                        .path("value")
                        .path(1)
                        .asText()
                        .equals("1"));

        double ratio =
            query(
                    http,
                    api,
                    "sum(http_server_requests_seconds_count{job=\"orders\",outcome=\"SERVER_ERROR\"})"
                        + " / sum(http_server_requests_seconds_count{job=\"orders\"})")
                .path(0)
                .path("value")
                .path(1)
                .asDouble();
        assertThat(ratio)
            .isEqualTo(RealTimeMonitoring.ErrorRatio.of(service.registry()).value())
            .isEqualTo(2.0 / 11);

        await()
            .atMost(Duration.ofSeconds(15))
            .pollInterval(Duration.ofMillis(250))
            .ignoreExceptions()
            .untilAsserted(
                () -> {
                  order(http, service); // failing still: rate() needs increases between scrapes
                  JsonNode rules =
                      get(http, api.resolve("rules"))
                          .path("data")
                          .path("groups")
                          .get(0)
                          .path("rules");
                  assertThat(rules).hasSize(3);
                  for (JsonNode rule : rules) {
                    assertThat(rule.path("health").asText()).as(rule.toString()).isEqualTo("ok");
                    assertThat(rule.path("lastEvaluation").asText()).doesNotStartWith("0001");
                  }
                  // Every new request fails, so HighErrorRatio is pending (it fires after 5m).
                  assertThat(rules)
                      .filteredOn(r -> r.path("name").asText().equals("HighErrorRatio"))
                      .singleElement()
                      .satisfies(
                          r -> assertThat(r.path("state").asText()).isIn("pending", "firing"));
                });
      } finally {
        prometheus.destroy();
        if (!prometheus.waitFor(10, TimeUnit.SECONDS)) {
          prometheus.destroyForcibly();
        }
      }
    } finally {
      http.close();
    }
  }

  /**
   * The checked-in config with the app's target on loopback, one-second intervals, no Alertmanager.
   */
  private static void writeConfig(Path dir, URI app) throws Exception {
    ObjectNode config =
        (ObjectNode)
            AlertRulesTest.YAML.readTree(
                MonitoringStackTest.DEPLOY.resolve("prometheus.yml").toFile());
    ObjectNode global = (ObjectNode) config.path("global");
    global.put("scrape_interval", "1s");
    global.put("evaluation_interval", "1s");
    config.remove("alerting");
    ArrayNode jobs = (ArrayNode) config.path("scrape_configs");
    for (int i = jobs.size() - 1; i >= 0; i--) {
      if (!jobs.get(i).path("job_name").asText().equals("orders")) {
        jobs.remove(i);
      }
    }
    ArrayNode targets = (ArrayNode) jobs.get(0).path("static_configs").get(0).path("targets");
    targets.removeAll().add(app.getHost() + ":" + app.getPort());
    Files.writeString(
        dir.resolve("prometheus.yml"), AlertRulesTest.YAML.writeValueAsString(config));
    Files.copy(MonitoringStackTest.RULES_SOURCE, dir.resolve(RealTimeMonitoring.ALERT_RULES));
  }

  private static void order(HttpClient http, MonitoredService service) throws Exception {
    http.send(
        HttpRequest.newBuilder(service.baseUri().resolve("/orders"))
            .POST(HttpRequest.BodyPublishers.ofString("{\"item\":\"pen\",\"quantity\":1}"))
            .build(),
        HttpResponse.BodyHandlers.discarding());
  }

  private static JsonNode query(HttpClient http, URI api, String promql) throws Exception {
    JsonNode answer =
        get(http, api.resolve("query?query=" + URLEncoder.encode(promql, StandardCharsets.UTF_8)));
    assertThat(answer.path("status").asText()).isEqualTo("success");
    return answer.path("data").path("result");
  }

  private static JsonNode get(HttpClient http, URI uri) throws Exception {
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5)).build(),
            HttpResponse.BodyHandlers.ofString());
    return JSON.readTree(response.body());
  }
}
