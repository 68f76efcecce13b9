package org.interviewtasks.senior.operations.monitoring;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.encoder.EncoderBase;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import org.slf4j.event.KeyValuePair;

/**
 * A Logback encoder that writes each event as one line of JSON with Elastic Common Schema (ECS)
 * field names, which Logstash's {@code json} codec and Elasticsearch take as they are: {@code
 * "@timestamp"}, {@code "log.level"}, {@code "message"}, {@code "service.name"}, {@code
 * "log.logger"}, {@code "process.thread.name"}, {@code "ecs.version"}, then every MDC entry (the
 * service puts {@code trace.id} and {@code span.id} there), then every SLF4J 2 key-value pair of
 * the event ({@code http.request.method}, {@code url.path}, {@code http.response.status_code},
 * {@code event.duration} in nanoseconds, ...), numbers and booleans as JSON numbers and booleans. A
 * throwable adds {@code error.type}, {@code error.message} and {@code error.stack_trace} (the whole
 * trace, causes included, in one string: a multi-line trace in one JSON line needs no multiline
 * stitching in Logstash).
 *
 * <p>Dotted keys stay flat ({@code "log.level": "INFO"}); Elasticsearch expands them into objects
 * when it indexes, as the ECS logging libraries rely on. A key from the MDC or a key-value pair
 * that repeats a field already written with another value goes to {@code labels.<key>} instead:
 * JSON with a duplicate key is read differently by different parsers, and nothing is dropped. (The
 * same key with the same value is written once: the service gives its access lines the trace ids as
 * key-value pairs too, so they hold them even under a backend without an MDC.)
 *
 * <p>Why our own encoder rather than {@code co.elastic.logging:logback-ecs-encoder}: it is 150
 * lines over Jackson, which the project already has; it writes SLF4J 2 key-value pairs as typed
 * top-level fields (an access-log line needs numbers, not strings, for {@code event.duration}); and
 * the tests pin its exact output. In a larger system the Elastic encoder is a sound choice too.
 *
 * <p>Configure it in {@code logback.xml} as {@code <encoder
 * class="org.interviewtasks.senior.operations.monitoring.EcsJsonEncoder"><serviceName>orders</serviceName></encoder>};
 * {@code logback-ecs.xml} in this package is a complete configuration.
 */
public final class EcsJsonEncoder extends EncoderBase<ILoggingEvent> {

  /** The ECS version the field names follow. */
  public static final String ECS_VERSION = "8.11.0";

  private static final JsonFactory JSON = new JsonFactory();
  private static final DateTimeFormatter TIMESTAMP =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

  private String serviceName;

  /** The {@code service.name} of every line (unset: the field is left out). */
  public void setServiceName(String serviceName) {
    this.serviceName = serviceName == null || serviceName.isBlank() ? null : serviceName.strip();
  }

  /** The {@code service.name} of every line, or null. */
  public String getServiceName() {
    return serviceName;
  }

  @Override
  public byte[] headerBytes() {
    return new byte[0];
  }

  @Override
  public byte[] footerBytes() {
    return new byte[0];
  }

  @Override
  public byte[] encode(ILoggingEvent event) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(512);
    try (JsonGenerator json = JSON.createGenerator(out)) {
      Map<String, Object> written = new HashMap<>();
      json.writeStartObject();
      field(json, written, "@timestamp", TIMESTAMP.format(event.getInstant()));
      field(json, written, "log.level", event.getLevel().toString());
      field(json, written, "message", event.getFormattedMessage());
      field(json, written, "ecs.version", ECS_VERSION);
      if (serviceName != null) {
        field(json, written, "service.name", serviceName);
      }
      field(json, written, "log.logger", event.getLoggerName());
      field(json, written, "process.thread.name", event.getThreadName());
      IThrowableProxy error = event.getThrowableProxy();
      if (error != null) {
        field(json, written, "error.type", error.getClassName());
        if (error.getMessage() != null) {
          field(json, written, "error.message", error.getMessage());
        }
        field(json, written, "error.stack_trace", ThrowableProxyUtil.asString(error));
      }
      Map<String, String> mdc = event.getMDCPropertyMap();
      if (mdc != null) {
        for (Map.Entry<String, String> e : mdc.entrySet()) {
          field(json, written, e.getKey(), e.getValue());
        }
      }
      if (event.getKeyValuePairs() != null) {
        for (KeyValuePair pair : event.getKeyValuePairs()) {
          field(json, written, pair.key, pair.value);
        }
      }
      json.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write a log event as JSON", e);
    }
    out.write('\n');
    return out.toByteArray();
  }

  private static void field(
      JsonGenerator json, Map<String, Object> written, String key, Object value)
      throws IOException {
    if (key == null || (written.containsKey(key) && Objects.equals(written.get(key), value))) {
      return; // the same field with the same value (a trace id both in the MDC and the event)
    }
    String name = key;
    for (int n = 1; written.containsKey(name); n++) {
      name = n == 1 ? "labels." + key : "labels." + key + "_" + n;
    }
    written.put(name, value);
    json.writeFieldName(name);
    switch (value) {
      case null -> json.writeNull();
      case Integer i -> json.writeNumber(i);
      case Long l -> json.writeNumber(l);
      case Short s -> json.writeNumber(s);
      case Byte b -> json.writeNumber(b);
      case Double d when Double.isFinite(d) -> json.writeNumber(d);
      case Float f when Float.isFinite(f) -> json.writeNumber(f);
      case BigInteger b -> json.writeNumber(b);
      case BigDecimal b -> json.writeNumber(b);
      case Boolean b -> json.writeBoolean(b);
      default -> json.writeString(value.toString());
    }
  }
}
