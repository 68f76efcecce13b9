package org.interviewtasks.senior.operations.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.event.KeyValuePair;

class EcsJsonEncoderTest {

  private final LoggerContext context = new LoggerContext();
  private final LogbackMDCAdapter mdc = new LogbackMDCAdapter();
  private final EcsJsonEncoder encoder = new EcsJsonEncoder();

  EcsJsonEncoderTest() {
    context.setMDCAdapter(mdc);
    encoder.setContext(context);
    encoder.setServiceName(" orders ");
    encoder.start();
  }

  @AfterEach
  void clear() {
    mdc.clear();
  }

  private LoggingEvent event(Level level, String message, Throwable error, Object... args) {
    LoggingEvent event =
        new LoggingEvent("fqcn", context.getLogger("orders.http"), level, message, error, args);
    event.setInstant(Instant.parse("2025-03-01T10:15:30.123456789Z"));
    return event;
  }

  private JsonNode encode(LoggingEvent event) {
    byte[] bytes = encoder.encode(event);
    String text = new String(bytes, StandardCharsets.UTF_8);
    assertThat(text).endsWith("}\n").doesNotContain("\n{").hasLineCount(1);
    return JsonLogCapture.parse(text).getFirst();
  }

  @Test
  void writesTheEcsFieldsOfAnEvent() {
    mdc.put("trace.id", "4bf92f3577b34da6a3ce929d0e0e4736");
    mdc.put("span.id", "00f067aa0ba902b7");
    LoggingEvent event = event(Level.INFO, "order {} placed by \"{}\"", null, 42, "zoë\n");
    JsonNode line = encode(event);

    assertThat(line.get("@timestamp").asText()).isEqualTo("2025-03-01T10:15:30.123Z");
    assertThat(line.get("log.level").asText()).isEqualTo("INFO");
    assertThat(line.get("message").asText()).isEqualTo("order 42 placed by \"zoë\n\"");
    assertThat(line.get("service.name").asText()).isEqualTo("orders");
    assertThat(line.get("ecs.version").asText()).isEqualTo("8.11.0");
    assertThat(line.get("log.logger").asText()).isEqualTo("orders.http");
    assertThat(line.get("process.thread.name").asText())
        .isEqualTo(Thread.currentThread().getName());
    assertThat(line.get("trace.id").asText()).isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
    assertThat(line.get("span.id").asText()).isEqualTo("00f067aa0ba902b7");
    assertThat(line.has("error.type")).isFalse();
  }

  @Test
  void keyValuePairsKeepTheirJsonTypes() {
    LoggingEvent event = event(Level.WARN, "m", null);
    for (var pair :
        List.of(
            new KeyValuePair("http.response.status_code", 503),
            new KeyValuePair("event.duration", 1_234_567_890_123L),
            new KeyValuePair("ratio", 0.25),
            new KeyValuePair("nan", Double.NaN),
            new KeyValuePair("amount", new BigDecimal("12.50")),
            new KeyValuePair("cached", true),
            new KeyValuePair("none", null),
            new KeyValuePair("path", Path.of("/a")))) {
      event.addKeyValuePair(pair);
    }
    JsonNode line = encode(event);

    assertThat(line.get("http.response.status_code").isInt()).isTrue();
    assertThat(line.get("event.duration").asLong()).isEqualTo(1_234_567_890_123L);
    assertThat(line.get("ratio").asDouble()).isEqualTo(0.25);
    assertThat(line.get("nan").asText()).isEqualTo("NaN");
    assertThat(line.get("amount").decimalValue()).isEqualByComparingTo("12.50");
    assertThat(line.get("cached").isBoolean()).isTrue();
    assertThat(line.get("none").isNull()).isTrue();
    assertThat(line.get("path").asText()).isEqualTo("/a");
  }

  @Test
  void aRepeatedKeyMovesToLabelsUnlessItsValueIsTheSame() {
    mdc.put("trace.id", "aaaa");
    mdc.put("message", "from the MDC");
    LoggingEvent event = event(Level.INFO, "the message", null);
    event.addKeyValuePair(new KeyValuePair("trace.id", "aaaa"));
    event.addKeyValuePair(new KeyValuePair("message", "from a pair"));
    JsonNode line = encode(event);

    assertThat(line.get("trace.id").asText()).isEqualTo("aaaa");
    assertThat(line.has("labels.trace.id")).isFalse();
    assertThat(line.get("message").asText()).isEqualTo("the message");
    assertThat(line.get("labels.message").asText()).isEqualTo("from the MDC");
    assertThat(line.get("labels.message_2").asText()).isEqualTo("from a pair");
  }

  @Test
  void anExceptionBecomesTheErrorFields() {
    Exception error = new IllegalStateException("outer", new java.io.IOException("disk full"));
    JsonNode line = encode(event(Level.ERROR, "failed", error));

    assertThat(line.get("error.type").asText()).isEqualTo("java.lang.IllegalStateException");
    assertThat(line.get("error.message").asText()).isEqualTo("outer");
    assertThat(line.get("error.stack_trace").asText())
        .startsWith("java.lang.IllegalStateException: outer")
        .contains("Caused by: java.io.IOException: disk full")
        .contains("at org.interviewtasks.senior.operations.monitoring.EcsJsonEncoderTest");

    JsonNode bare = encode(event(Level.ERROR, "failed", new NullPointerException()));
    assertThat(bare.get("error.type").asText()).isEqualTo("java.lang.NullPointerException");
    assertThat(bare.has("error.message")).isFalse();
  }

  @Test
  void aBlankServiceNameLeavesTheFieldOut() {
    encoder.setServiceName("  ");
    assertThat(encoder.getServiceName()).isNull();
    assertThat(encode(event(Level.DEBUG, "m", null)).has("service.name")).isFalse();
    assertThat(encoder.headerBytes()).isEmpty();
    assertThat(encoder.footerBytes()).isEmpty();
  }

  @Test
  void theShippedLogbackConfigWritesJsonLinesToLogDir(@TempDir Path dir) throws Exception {
    LoggerContext configured =
        JsonLogging.fromConfig(
            RealTimeMonitoring.class.getResource(JsonLogging.CONFIG),
            Map.of("LOG_DIR", dir.toString(), "SERVICE_NAME", "billing"));
    try {
      configured.getLogger("x").atInfo().setMessage("one").addKeyValue("n", 1).log();
      configured.getLogger("x").debug("below the level");
      configured.getLogger("x").warn("two");
    } finally {
      configured.stop();
    }
    List<JsonNode> lines =
        JsonLogCapture.parse(Files.readString(dir.resolve("app.ndjson"), StandardCharsets.UTF_8));

    assertThat(lines).extracting(l -> l.get("message").asText()).containsExactly("one", "two");
    assertThat(lines)
        .allSatisfy(l -> assertThat(l.get("service.name").asText()).isEqualTo("billing"));
    assertThat(lines.getFirst().get("n").asInt()).isEqualTo(1);
  }

  @Test
  void aMalformedConfigIsAClearError(@TempDir Path dir) throws Exception {
    Path bad = dir.resolve("bad.xml");
    Files.writeString(bad, "<configuration><appender");
    org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
        .isThrownBy(() -> JsonLogging.fromConfig(bad.toUri().toURL(), Map.of()))
        .withMessageStartingWith("malformed Logback configuration");
  }
}
