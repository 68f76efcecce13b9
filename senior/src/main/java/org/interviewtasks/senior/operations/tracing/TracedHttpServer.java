package org.interviewtasks.senior.operations.tracing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.context.propagation.TextMapGetter;
import java.io.IOException;
import java.io.Serial;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.interviewtasks.senior.architecture.soa.ProblemDetails;
import org.interviewtasks.senior.infra.FreePorts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The JDK's {@code HttpServer} on 127.0.0.1 serving one JSON route, with a {@link SpanKind#SERVER}
 * span around every exchange: what an HTTP server instrumentation does. The span's parent comes
 * from the request's {@code traceparent} header (and the baggage from {@code baggage}); a missing
 * or malformed header makes the span a root. It is named {@code POST /orders} (method and route
 * template, never the raw path: paths with ids would make every span name unique) and carries the
 * semantic-convention attributes; 5xx answers mark it {@link StatusCode#ERROR} (4xx do not: on a
 * server they are the client's fault).
 *
 * <p>Errors are RFC 9457 problem details ({@code application/problem+json}); a handler answers one
 * by throwing {@link HttpError}. Requests run on virtual threads, inside the span's context.
 */
final class TracedHttpServer implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(TracedHttpServer.class);

  /** The largest accepted request body. */
  static final int MAX_BODY = 16 * 1024;

  static final ObjectMapper JSON = new ObjectMapper();

  private static final Set<String> KNOWN_METHODS =
      Set.of("GET", "HEAD", "POST", "PUT", "DELETE", "CONNECT", "OPTIONS", "TRACE", "PATCH");

  /** Reads W3C headers from a request; header names are case-insensitive in {@link Headers}. */
  static final TextMapGetter<HttpExchange> GETTER =
      (exchange, key) -> exchange == null ? null : exchange.getRequestHeaders().getFirst(key);

  /** One request: its headers and body. */
  record Request(Headers headers, String body) {}

  /** An answer: a status, and a JSON body. */
  record Reply(int status, Object body) {}

  /** What the route runs, inside the server span's context. */
  @FunctionalInterface
  interface Handler {
    /**
     * Handles a request.
     *
     * @throws HttpError for an error answer
     */
    Reply handle(Request request);
  }

  /** An error answer, thrown by a handler: becomes a problem-details body. */
  static final class HttpError extends RuntimeException {
    @Serial private static final long serialVersionUID = 1L;
    private final int status;

    HttpError(int status, String detail) {
      super(detail, null, false, false);
      this.status = ProblemDetails.requireErrorStatus(status);
    }

    int status() {
      return status;
    }
  }

  private final ServiceTelemetry telemetry;
  private final String method;
  private final String route;
  private final Handler handler;
  private final HttpServer server;
  private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();

  private TracedHttpServer(
      ServiceTelemetry telemetry, String method, String route, Handler handler) {
    this.telemetry = telemetry;
    this.method = method;
    this.route = route;
    this.handler = handler;
    try {
      this.server = HttpServer.create(new InetSocketAddress(FreePorts.loopbackAddress(), 0), 64);
    } catch (IOException e) {
      executor.close();
      throw new UncheckedIOException("cannot bind an HTTP server on " + FreePorts.LOOPBACK, e);
    }
    server.setExecutor(executor);
    server.createContext("/", this::exchange);
    server.start();
  }

  /** Serves {@code method route} (e.g. {@code POST /orders}) on a free loopback port. */
  static TracedHttpServer start(
      ServiceTelemetry telemetry, String method, String route, Handler handler) {
    return new TracedHttpServer(
        Objects.requireNonNull(telemetry, "telemetry"),
        Objects.requireNonNull(method, "method"),
        Objects.requireNonNull(route, "route"),
        Objects.requireNonNull(handler, "handler"));
  }

  /** {@code http://127.0.0.1:port}. */
  URI uri() {
    return URI.create("http://" + FreePorts.LOOPBACK + ":" + server.getAddress().getPort());
  }

  @SuppressWarnings("try") // the scope is opened for its effect: the span is current inside
  private void exchange(HttpExchange exchange) {
    String requestMethod = exchange.getRequestMethod().toUpperCase(Locale.ROOT);
    String path = exchange.getRequestURI().getRawPath();
    boolean matched = path.equals(route);
    Context parent = telemetry.propagator().extract(Context.root(), exchange, GETTER);
    Span span =
        telemetry
            .tracer()
            // No route matched: the name is the method alone, as the conventions say.
            .spanBuilder(matched ? requestMethod + " " + route : requestMethod)
            .setParent(parent)
            .setSpanKind(SpanKind.SERVER)
            .setAttribute(
                Conventions.HTTP_REQUEST_METHOD,
                KNOWN_METHODS.contains(requestMethod) ? requestMethod : "_OTHER")
            .setAttribute(Conventions.URL_PATH, path)
            .setAttribute(Conventions.URL_SCHEME, "http")
            .setAttribute(Conventions.SERVER_ADDRESS, FreePorts.LOOPBACK)
            .setAttribute(Conventions.SERVER_PORT, (long) server.getAddress().getPort())
            .setAttribute(
                Conventions.CLIENT_ADDRESS,
                exchange.getRemoteAddress().getAddress().getHostAddress())
            .setAttribute(
                Conventions.NETWORK_PROTOCOL_VERSION, protocolVersion(exchange.getProtocol()))
            .startSpan();
    if (matched) {
      span.setAttribute(Conventions.HTTP_ROUTE, route);
    }
    try (exchange;
        Scope scope = parent.with(span).makeCurrent()) {
      Reply reply = answer(exchange, requestMethod, matched, span);
      span.setAttribute(Conventions.HTTP_RESPONSE_STATUS_CODE, (long) reply.status());
      if (reply.status() >= 500) {
        span.setStatus(StatusCode.ERROR);
        if (span.isRecording()) {
          span.setAttribute(Conventions.ERROR_TYPE, Integer.toString(reply.status()));
        }
      }
      send(exchange, reply);
    } catch (IOException e) {
      LOG.debug("{}: the client went away: {}", telemetry.serviceName(), e.toString());
      span.recordException(e);
      span.setStatus(StatusCode.ERROR, "client went away");
    } finally {
      span.end();
    }
  }

  private Reply answer(HttpExchange exchange, String requestMethod, boolean matched, Span span)
      throws IOException {
    if (!matched) {
      return problem(404, "no route for " + requestMethod + " " + exchange.getRequestURI());
    }
    if (!requestMethod.equals(method)) {
      exchange.getResponseHeaders().set("Allow", method);
      return problem(405, requestMethod + " is not allowed on " + route + "; use " + method);
    }
    try {
      return handler.handle(new Request(exchange.getRequestHeaders(), body(exchange)));
    } catch (HttpError e) {
      return problem(e.status(), e.getMessage());
    } catch (RuntimeException e) {
      LOG.error("{}: {} {} failed", telemetry.serviceName(), requestMethod, route, e);
      span.recordException(e);
      span.setAttribute(Conventions.ERROR_TYPE, e.getClass().getName());
      return problem(500, "internal error");
    }
  }

  private static String body(HttpExchange exchange) throws IOException {
    byte[] bytes = exchange.getRequestBody().readNBytes(MAX_BODY + 1);
    if (bytes.length > MAX_BODY) {
      throw new HttpError(413, "body over " + MAX_BODY + " bytes");
    }
    return new String(bytes, StandardCharsets.UTF_8);
  }

  /**
   * A problem-details reply: {@code {"type":"about:blank","title":...,"status":...,"detail":...}}.
   */
  static Reply problem(int status, String detail) {
    return new Reply(status, ProblemDetails.of(status, detail));
  }

  private static void send(HttpExchange exchange, Reply reply) throws IOException {
    byte[] bytes;
    try {
      bytes = JSON.writeValueAsBytes(reply.body());
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
    exchange
        .getResponseHeaders()
        .set(
            "Content-Type",
            reply.status() >= 400 ? "application/problem+json" : "application/json");
    exchange.sendResponseHeaders(reply.status(), bytes.length);
    exchange.getResponseBody().write(bytes);
  }

  private static String protocolVersion(String protocol) {
    int slash = protocol.indexOf('/');
    return slash < 0 ? protocol : protocol.substring(slash + 1);
  }

  /** The first value of a request header, if any. */
  static Optional<String> header(Request request, String name) {
    List<String> values = request.headers().get(name);
    return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.getFirst());
  }

  /** Stops at once; open exchanges are dropped. Idempotent. */
  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
