package org.interviewtasks.senior.operations.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The alert rules: checked and unit-tested by Debian's {@code promtool} (skipped where it is not
 * installed), and held against the Java constants and the metric names a real scrape exposes.
 */
class AlertRulesTest {

  static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  static final Path PROMTOOL = Path.of("/usr/bin/promtool");

  /** Copies a resource of the monitoring package into {@code dir}. */
  static Path copyResource(String name, Path dir) throws IOException {
    try (InputStream in = RealTimeMonitoring.class.getResourceAsStream(name)) {
      assertThat(in).as(name + " on the class path").isNotNull();
      Path target = dir.resolve(name);
      Files.write(target, in.readAllBytes());
      return target;
    }
  }

  static JsonNode rules() throws IOException {
    try (InputStream in = RealTimeMonitoring.alertRules().openStream()) {
      return YAML.readTree(in);
    }
  }

  static JsonNode rule(String alert) throws IOException {
    for (JsonNode rule : rules().path("groups").get(0).path("rules")) {
      if (rule.path("alert").asText().equals(alert)) {
        return rule;
      }
    }
    throw new AssertionError("no alert " + alert);
  }

  /** Runs promtool in {@code dir}; returns its exit code and output. */
  static Map.Entry<Integer, String> promtool(Path dir, String... args) throws Exception {
    assumeTrue(
        Files.isExecutable(PROMTOOL),
        "promtool is not installed: .ci/run installs Debian's prometheus package, which has it");
    List<String> command = new ArrayList<>(List.of(PROMTOOL.toString()));
    command.addAll(List.of(args));
    Process process =
        new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("promtool finished").isTrue();
    return Map.entry(process.exitValue(), out);
  }

  @Test
  void promtoolAcceptsTheRules(@TempDir Path dir) throws Exception {
    copyResource(RealTimeMonitoring.ALERT_RULES, dir);
    var result = promtool(dir, "check", "rules", RealTimeMonitoring.ALERT_RULES);

    assertThat(result.getKey()).as(result.getValue()).isZero();
    assertThat(result.getValue()).contains("SUCCESS: 3 rules found");
  }

  @Test
  void promtoolUnitTestsShowEachAlertFiringAndNotFiring(@TempDir Path dir) throws Exception {
    copyResource(RealTimeMonitoring.ALERT_RULES, dir);
    copyResource(RealTimeMonitoring.ALERT_RULES_TEST, dir);
    var result = promtool(dir, "test", "rules", RealTimeMonitoring.ALERT_RULES_TEST);

    assertThat(result.getKey()).as(result.getValue()).isZero();
    assertThat(result.getValue()).contains("SUCCESS");
    JsonNode tests = YAML.readTree(dir.resolve(RealTimeMonitoring.ALERT_RULES_TEST).toFile());
    for (String alert : List.of("HighErrorRatio", "HighLatencyP99", "TargetDown")) {
      List<Boolean> fires = new ArrayList<>();
      tests
          .path("tests")
          .forEach(
              t ->
                  t.path("alert_rule_test")
                      .forEach(
                          a -> {
                            if (a.path("alertname").asText().equals(alert)) {
                              fires.add(!a.path("exp_alerts").isEmpty());
                            }
                          }));
      assertThat(fires).as(alert + ": cases that fire and cases that do not").contains(true, false);
    }
  }

  @Test
  void promtoolFailsTheUnitTestsOfABrokenThreshold(@TempDir Path dir) throws Exception {
    Path rules = copyResource(RealTimeMonitoring.ALERT_RULES, dir);
    copyResource(RealTimeMonitoring.ALERT_RULES_TEST, dir);
    Files.writeString(rules, Files.readString(rules).replace("> 0.05", "> 0.5"));
    var result = promtool(dir, "test", "rules", RealTimeMonitoring.ALERT_RULES_TEST);

    assertThat(result.getKey()).isNotZero();
    assertThat(result.getValue()).contains("FAILED").contains("HighErrorRatio");
  }

  @Test
  void everyAlertWaitsHasASeverityAndASummary() throws IOException {
    for (JsonNode rule : rules().path("groups").get(0).path("rules")) {
      assertThat(rule.path("for").asText()).as(rule.path("alert").asText()).matches("\\d+m");
      assertThat(rule.path("labels").path("severity").asText()).isIn("page", "ticket");
      assertThat(rule.path("annotations").path("summary").asText()).isNotBlank();
    }
  }

  @Test
  void thresholdsInTheRulesAreTheJavaConstants() throws IOException {
    assertThat(threshold(rule("HighErrorRatio").path("expr").asText()))
        .isEqualTo(RealTimeMonitoring.ERROR_RATIO_THRESHOLD);
    assertThat(threshold(rule("HighLatencyP99").path("expr").asText()))
        .isEqualTo(RealTimeMonitoring.P99_LATENCY_THRESHOLD_SECONDS);
    assertThat(rule("HighErrorRatio").path("for").asText()).isEqualTo("5m");
  }

  private static double threshold(String expr) {
    Matcher m = Pattern.compile(">\\s*([0-9.]+)\\s*$").matcher(expr.strip());
    assertThat(m.find()).as("a trailing > threshold in " + expr).isTrue();
    return Double.parseDouble(m.group(1));
  }

  @Test
  void everyMetricAndLabelTheRulesUseIsInARealScrape() throws Exception {
    OrdersApp app = new OrdersApp(org.slf4j.helpers.NOPLogger.NOP_LOGGER);
    try (MonitoredService service = app.start()) {
      app.warehouseDown(true);
      var http = java.net.http.HttpClient.newHttpClient();
      http.send(
          java.net.http.HttpRequest.newBuilder(service.baseUri().resolve("/orders"))
              .POST(
                  java.net.http.HttpRequest.BodyPublishers.ofString(
                      "{\"item\":\"a\",\"quantity\":1}"))
              .build(),
          java.net.http.HttpResponse.BodyHandlers.discarding());
      PrometheusText scrape = PrometheusText.parse(service.scrape());

      String errors = rule("HighErrorRatio").path("expr").asText();
      assertThat(errors).contains("http_server_requests_seconds_count{outcome=\"SERVER_ERROR\"}");
      assertThat(scrape.samples("http_server_requests_seconds_count"))
          .anySatisfy(s -> assertThat(s.labels()).containsEntry("outcome", "SERVER_ERROR"))
          .allSatisfy(s -> assertThat(s.labels()).containsKeys("service", "route"));
      String latency = rule("HighLatencyP99").path("expr").asText();
      assertThat(latency).contains("http_server_requests_seconds_bucket");
      assertThat(scrape.samples("http_server_requests_seconds_bucket"))
          .anySatisfy(s -> assertThat(s.labels()).containsEntry("le", "0.5"));
    }
  }
}
