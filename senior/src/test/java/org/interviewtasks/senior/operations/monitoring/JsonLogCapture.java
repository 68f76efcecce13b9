package org.interviewtasks.senior.operations.monitoring;

import ch.qos.logback.classic.LoggerContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.slf4j.Logger;

/** ECS JSON lines written to memory, each parsed as one JSON object (a line that is not fails). */
final class JsonLogCapture implements AutoCloseable {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final LoggerContext context;

  JsonLogCapture(String serviceName) {
    context = JsonLogging.toStream(serviceName, out);
  }

  Logger logger(String name) {
    return context.getLogger(name);
  }

  /** The raw text written so far. */
  String text() {
    return out.toString(StandardCharsets.UTF_8);
  }

  /** Every line written so far, parsed. */
  List<JsonNode> lines() {
    return parse(text());
  }

  static List<JsonNode> parse(String text) {
    if (!text.isEmpty() && !text.endsWith("\n")) {
      throw new AssertionError("the last line is not terminated: " + text);
    }
    return text.lines()
        .map(
            line -> {
              try {
                JsonNode node = JSON.readTree(line);
                if (node == null || !node.isObject()) {
                  throw new AssertionError("not a JSON object: " + line);
                }
                return node;
              } catch (IOException e) {
                throw new UncheckedIOException("not JSON: " + line, e);
              }
            })
        .toList();
  }

  @Override
  public void close() {
    context.stop();
  }
}
