package org.interviewtasks.senior.operations.tracing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceResponse;
import io.opentelemetry.proto.resource.v1.Resource;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Span;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.interviewtasks.senior.infra.FreePorts;

/**
 * What Jaeger's OTLP/HTTP port does with a trace export, as far as a test needs: {@code POST
 * /v1/traces} with a protobuf {@link ExportTraceServiceRequest}, decoded with the official OTLP
 * classes, answered with an empty {@link ExportTraceServiceResponse}. Anything else is a 404 or
 * 415.
 */
final class OtlpReceiver implements AutoCloseable {

  /** One export as it arrived. */
  record Export(String method, String contentType, ExportTraceServiceRequest request) {}

  /** A span with the resource it came with. */
  record ReceivedSpan(Resource resource, Span span) {}

  private final HttpServer server;
  private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
  private final ConcurrentLinkedQueue<Export> exports = new ConcurrentLinkedQueue<>();

  OtlpReceiver() throws IOException {
    server = HttpServer.create(new InetSocketAddress(FreePorts.loopbackAddress(), 0), 16);
    server.setExecutor(executor);
    server.createContext("/", this::receive);
    server.start();
  }

  /** {@code http://127.0.0.1:port/v1/traces}. */
  URI endpoint() {
    return URI.create(
        "http://" + FreePorts.LOOPBACK + ":" + server.getAddress().getPort() + "/v1/traces");
  }

  List<Export> exports() {
    return List.copyOf(exports);
  }

  /** Every span received so far, with its resource. */
  List<ReceivedSpan> spans() {
    List<ReceivedSpan> spans = new ArrayList<>();
    for (Export export : exports) {
      for (ResourceSpans resourceSpans : export.request().getResourceSpansList()) {
        for (ScopeSpans scopeSpans : resourceSpans.getScopeSpansList()) {
          for (Span span : scopeSpans.getSpansList()) {
            spans.add(new ReceivedSpan(resourceSpans.getResource(), span));
          }
        }
      }
    }
    return spans;
  }

  private void receive(HttpExchange exchange) throws IOException {
    try (exchange) {
      if (!exchange.getRequestURI().getPath().equals("/v1/traces")) {
        exchange.sendResponseHeaders(404, -1);
        return;
      }
      String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
      if (!"application/x-protobuf".equals(contentType)) {
        exchange.sendResponseHeaders(415, -1);
        return;
      }
      ExportTraceServiceRequest request =
          ExportTraceServiceRequest.parseFrom(exchange.getRequestBody().readAllBytes());
      exports.add(new Export(exchange.getRequestMethod(), contentType, request));
      byte[] answer = ExportTraceServiceResponse.getDefaultInstance().toByteArray();
      exchange.getResponseHeaders().set("Content-Type", "application/x-protobuf");
      exchange.sendResponseHeaders(200, answer.length == 0 ? -1 : answer.length);
      exchange.getResponseBody().write(answer);
    }
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
