package org.interviewtasks.senior.operations.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.interviewtasks.senior.infra.ChildJvm;
import org.interviewtasks.senior.infra.FreePorts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The service as the container runs it: its own process, Logback named as the SLF4J backend,
 * configured by {@code logback-ecs.xml} from the class path, JSON lines in {@code
 * $LOG_DIR/app.ndjson}. Under a backend with an MDC, a line the handler logs itself carries the
 * request's trace id too (this test JVM's slf4j-simple has none).
 */
class ServeProcessTest {

  @Test
  void theContainerCommandWritesJsonLinesWithTheTraceIdOfEachRequest(@TempDir Path dir)
      throws Exception {
    int port = FreePorts.free();
    ProcessBuilder builder =
        new ProcessBuilder(
                ChildJvm.command(
                    List.of(
                        "-Dslf4j.provider=ch.qos.logback.classic.spi.LogbackServiceProvider",
                        "-Dlogback.configurationFile=org/interviewtasks/senior/operations/monitoring/"
                            + JsonLogging.CONFIG),
                    RealTimeMonitoring.class,
                    List.of("--serve", Integer.toString(port))))
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("console.txt").toFile());
    builder.environment().put("HTTP_HOST", FreePorts.LOOPBACK);
    builder.environment().put("LOG_DIR", dir.toString());
    builder.environment().put("SERVICE_NAME", "orders");
    Process process = builder.start();
    HttpClient http = HttpClient.newHttpClient();
    URI base = URI.create("http://" + FreePorts.LOOPBACK + ":" + port);
    try {
      await()
          .atMost(Duration.ofSeconds(20))
          .ignoreExceptions()
          .until(
              () ->
                  http.send(
                              HttpRequest.newBuilder(base.resolve("/metrics")).build(),
                              HttpResponse.BodyHandlers.discarding())
                          .statusCode()
                      == 200);
      String trace = "4bf92f3577b34da6a3ce929d0e0e4736";
      HttpResponse<String> alert =
          http.send(
              HttpRequest.newBuilder(base.resolve("/alerts"))
                  .header("traceparent", "00-" + trace + "-00f067aa0ba902b7-01")
                  .POST(
                      HttpRequest.BodyPublishers.ofString(
                          "{\"alerts\":[{\"status\":\"firing\",\"labels\":{\"alertname\":\"TargetDown\"}}]}"))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(alert.statusCode()).isEqualTo(204);

      List<JsonNode> lines =
          JsonLogCapture.parse(Files.readString(dir.resolve("app.ndjson"), StandardCharsets.UTF_8));
      assertThat(lines).hasSize(2);
      JsonNode handlerLine = lines.get(0);
      JsonNode accessLine = lines.get(1);
      assertThat(handlerLine.get("message").asText()).isEqualTo("alert TargetDown firing: ");
      assertThat(handlerLine.get("rule.name").asText()).isEqualTo("TargetDown");
      assertThat(handlerLine.get("trace.id").asText()).isEqualTo(trace);
      assertThat(handlerLine.get("span.id").asText()).isEqualTo(accessLine.get("span.id").asText());
      assertThat(accessLine.get("trace.id").asText()).isEqualTo(trace);
      assertThat(accessLine.has("labels.trace.id")).isFalse();
      assertThat(accessLine.get("service.name").asText()).isEqualTo("orders");
      assertThat(accessLine.get("http.response.status_code").asInt()).isEqualTo(204);
    } finally {
      http.close();
      process.destroy();
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    }
  }
}
