package org.interviewtasks.senior.operations.tracing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.interviewtasks.senior.infra.FreePorts;

/**
 * A plain HTTP hop between two services that records the headers that pass (what a packet capture
 * would show) and forwards the request unchanged: the trace headers, the content type and the body.
 */
final class RecordingProxy implements AutoCloseable {

  private static final List<String> FORWARDED =
      List.of("traceparent", "tracestate", "baggage", "Content-Type");

  private final URI target;
  private final HttpServer server;
  private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
  private final HttpClient client =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private final ConcurrentLinkedQueue<Map<String, String>> seen = new ConcurrentLinkedQueue<>();

  RecordingProxy(URI target) throws IOException {
    this.target = target;
    server = HttpServer.create(new InetSocketAddress(FreePorts.loopbackAddress(), 0), 16);
    server.setExecutor(executor);
    server.createContext("/", this::forward);
    server.start();
  }

  URI uri() {
    return URI.create("http://" + FreePorts.LOOPBACK + ":" + server.getAddress().getPort());
  }

  /** The forwarded headers of every request so far (names as in {@link #FORWARDED}). */
  List<Map<String, String>> seen() {
    return List.copyOf(seen);
  }

  private void forward(HttpExchange exchange) throws IOException {
    try (exchange) {
      Map<String, String> headers = new LinkedHashMap<>();
      HttpRequest.Builder request =
          HttpRequest.newBuilder(target.resolve(exchange.getRequestURI().getRawPath()))
              .method(
                  exchange.getRequestMethod(),
                  HttpRequest.BodyPublishers.ofByteArray(exchange.getRequestBody().readAllBytes()));
      for (String name : FORWARDED) {
        String value = exchange.getRequestHeaders().getFirst(name);
        if (value != null) {
          headers.put(name, value);
          request.header(name, value);
        }
      }
      seen.add(headers);
      HttpResponse<byte[]> response =
          client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
      response
          .headers()
          .firstValue("Content-Type")
          .ifPresent(type -> exchange.getResponseHeaders().set("Content-Type", type));
      exchange.sendResponseHeaders(response.statusCode(), response.body().length);
      exchange.getResponseBody().write(response.body());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException(e);
    }
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
    client.close();
  }
}
