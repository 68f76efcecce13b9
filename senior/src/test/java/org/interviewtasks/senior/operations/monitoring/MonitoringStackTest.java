package org.interviewtasks.senior.operations.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Docker Compose stack, read as data (no Docker engine needed): the services, their ports and
 * mounts, and the wiring between Prometheus, the alert rules, Alertmanager, Logstash and the app.
 */
class MonitoringStackTest {

  static final Path DEPLOY = Path.of("src", "main", "deploy", "monitoring");
  static final Path RULES_SOURCE =
      Path.of(
          "src/main/resources/org/interviewtasks/senior/operations/monitoring",
          RealTimeMonitoring.ALERT_RULES);

  private static final Pattern PORT =
      Pattern.compile("(?:(\\d{1,3}(?:\\.\\d{1,3}){3}):)?(\\d{1,5}):(\\d{1,5})(?:/(tcp|udp))?");

  static JsonNode compose() throws IOException {
    return AlertRulesTest.YAML.readTree(DEPLOY.resolve("compose.yaml").toFile());
  }

  private static JsonNode yaml(String file) throws IOException {
    return AlertRulesTest.YAML.readTree(DEPLOY.resolve(file).toFile());
  }

  @Test
  void composeHasTheAppPrometheusAlertmanagerAndTheElkStack() throws IOException {
    List<String> services = new ArrayList<>();
    compose().path("services").fieldNames().forEachRemaining(services::add);

    assertThat(services)
        .containsExactlyInAnyOrder(
            "app", "prometheus", "alertmanager", "elasticsearch", "logstash", "kibana");
    compose()
        .path("services")
        .forEach(
            s -> assertThat(s.path("image").asText()).as("pinned image").matches(".+:[^:]+\\d"));
  }

  @Test
  void portsAreWellFormedLoopbackOnlyAndDoNotClash() throws IOException {
    Set<Integer> hostPorts = new HashSet<>();
    for (var service : compose().path("services").properties()) {
      assertThat(service.getValue().path("ports").isArray()).as(service.getKey()).isTrue();
      for (JsonNode port : service.getValue().path("ports")) {
        Matcher m = PORT.matcher(port.asText());
        assertThat(m.matches()).as(service.getKey() + " port " + port).isTrue();
        assertThat(m.group(1)).as("bound to loopback: " + port).isEqualTo("127.0.0.1");
        int host = Integer.parseInt(m.group(2));
        int container = Integer.parseInt(m.group(3));
        assertThat(host).isBetween(1, 65_535);
        assertThat(container).isBetween(1, 65_535);
        assertThat(hostPorts.add(host)).as("host port " + host + " used twice").isTrue();
      }
    }
    assertThat(hostPorts).contains(8080, 9090, 9093, 9200, 5601);
  }

  @Test
  void everyMountedFileExistsAndEveryNamedVolumeIsDeclared() throws IOException {
    Set<String> declared = new HashSet<>();
    compose().path("volumes").fieldNames().forEachRemaining(declared::add);
    int files = 0;
    for (JsonNode service : compose().path("services")) {
      for (JsonNode volume : service.path("volumes")) {
        String source = volume.asText().split(":", -1)[0];
        if (source.startsWith(".")) {
          assertThat(DEPLOY.resolve(source)).as(volume.asText()).isRegularFile();
          files++;
        } else {
          assertThat(declared).as(volume.asText()).contains(source);
        }
      }
    }
    assertThat(files).isEqualTo(4);
    JsonNode build = compose().path("services").path("app").path("build");
    Path context = DEPLOY.resolve(build.path("context").asText());
    assertThat(context.resolve(build.path("dockerfile").asText())).isRegularFile();
    assertThat(context.resolve("pom.xml")).isRegularFile();
  }

  @Test
  void prometheusLoadsTheSameAlertRulesTheTestsCheck() throws IOException {
    Map<String, String> mounts = mounts("prometheus");
    JsonNode prometheus = yaml("prometheus.yml");
    String config = containerPathOf(mounts, DEPLOY.resolve("prometheus.yml"));
    String rules = prometheus.path("rule_files").get(0).asText();
    String rulesInContainer = Path.of(config).resolveSibling(rules).toString();

    Path mountedRules = Path.of(sourceOf(mounts, rulesInContainer));
    assertThat(DEPLOY.resolve(mountedRules).toRealPath()).isEqualTo(RULES_SOURCE.toRealPath());
    // And the resource on the class path (the one promtool checks) is that file's copy.
    try (var in = RealTimeMonitoring.alertRules().openStream()) {
      assertThat(in.readAllBytes()).isEqualTo(Files.readAllBytes(RULES_SOURCE));
    }
  }

  @Test
  void prometheusScrapesTheAppUnderTheJobTheAlertsName() throws IOException {
    JsonNode prometheus = yaml("prometheus.yml");
    JsonNode orders = null;
    for (JsonNode job : prometheus.path("scrape_configs")) {
      if (job.path("static_configs").get(0).path("targets").get(0).asText().startsWith("app:")) {
        orders = job;
      }
    }
    assertThat(orders).as("a scrape job for the app").isNotNull();
    assertThat(orders.path("metrics_path").asText()).isEqualTo(MonitoredService.METRICS_PATH);
    String target = orders.path("static_configs").get(0).path("targets").get(0).asText();
    String appPort =
        compose().path("services").path("app").path("environment").path("HTTP_PORT").asText();
    assertThat(target).isEqualTo("app:" + appPort);
    assertThat(AlertRulesTest.rule("TargetDown").path("expr").asText())
        .isEqualTo("up{job=\"" + orders.path("job_name").asText() + "\"} == 0");
    assertThat(
            prometheus
                .path("alerting")
                .path("alertmanagers")
                .get(0)
                .path("static_configs")
                .get(0)
                .path("targets")
                .get(0)
                .asText())
        .isEqualTo("alertmanager:9093");
  }

  @Test
  void alertmanagerSendsAlertsToTheAppsWebhook() throws IOException {
    JsonNode alertmanager = yaml("alertmanager.yml");
    String receiver = alertmanager.path("route").path("receiver").asText();
    JsonNode hook = null;
    for (JsonNode r : alertmanager.path("receivers")) {
      if (r.path("name").asText().equals(receiver)) {
        hook = r.path("webhook_configs").get(0);
      }
    }
    assertThat(hook).isNotNull();
    assertThat(hook.path("url").asText()).isEqualTo("http://app:8080/alerts");
    assertThat(hook.path("send_resolved").asBoolean()).isTrue();
    assertThat(containerPathOf(mounts("alertmanager"), DEPLOY.resolve("alertmanager.yml")))
        .isEqualTo("/etc/alertmanager/alertmanager.yml");
  }

  @Test
  void logstashReadsTheFileTheAppWritesAndShipsItToElasticsearch() throws IOException {
    String pipeline = Files.readString(DEPLOY.resolve("logstash/pipeline/app.conf"));
    JsonNode app = compose().path("services").path("app");
    String logDir = app.path("environment").path("LOG_DIR").asText();

    assertThat(pipeline)
        .contains("path => [\"" + logDir + "/app.ndjson\"]")
        .contains("codec => json")
        .contains("hosts => [\"http://elasticsearch:9200\"]");
    assertThat(mounts("logstash")).containsEntry("app-logs", logDir);
    assertThat(mounts("app")).containsEntry("app-logs", logDir);
    assertThat(Files.readString(DEPLOY.resolve("Dockerfile")))
        .contains(
            "-Dlogback.configurationFile=org/interviewtasks/senior/operations/monitoring/"
                + JsonLogging.CONFIG)
        .contains("RealTimeMonitoring\", \"--serve\"");
  }

  @Test
  void promtoolAcceptsTheCheckedInPrometheusConfigWithItsRules(@TempDir Path dir) throws Exception {
    Files.copy(DEPLOY.resolve("prometheus.yml"), dir.resolve("prometheus.yml"));
    Files.copy(RULES_SOURCE, dir.resolve(RealTimeMonitoring.ALERT_RULES));
    var result = AlertRulesTest.promtool(dir, "check", "config", "prometheus.yml");

    assertThat(result.getKey()).as(result.getValue()).isZero();
    assertThat(result.getValue()).contains("SUCCESS: 1 rule files found");
  }

  /** A service's mounts: source (as written) to container path. */
  private static Map<String, String> mounts(String service) throws IOException {
    Map<String, String> mounts = new HashMap<>();
    for (JsonNode volume : compose().path("services").path(service).path("volumes")) {
      String[] parts = volume.asText().split(":", -1);
      mounts.put(parts[0], parts[1]);
    }
    return mounts;
  }

  private static String containerPathOf(Map<String, String> mounts, Path file) throws IOException {
    for (var e : mounts.entrySet()) {
      if (e.getKey().startsWith(".")
          && DEPLOY.resolve(e.getKey()).toRealPath().equals(file.toRealPath())) {
        return e.getValue();
      }
    }
    throw new AssertionError(file + " is not mounted");
  }

  private static String sourceOf(Map<String, String> mounts, String containerPath) {
    return mounts.entrySet().stream()
        .filter(e -> e.getValue().equals(containerPath))
        .map(Map.Entry::getKey)
        .findFirst()
        .orElseThrow(() -> new AssertionError("nothing is mounted at " + containerPath));
  }
}
