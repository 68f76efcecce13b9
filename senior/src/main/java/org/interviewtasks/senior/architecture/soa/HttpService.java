package org.interviewtasks.senior.architecture.soa;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.Serial;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import org.interviewtasks.senior.advanced.microservices.HttpRoute;
import org.interviewtasks.senior.infra.FreePorts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP shell every service of the application runs in: the JDK's {@code HttpServer} on
 * 127.0.0.1 with virtual threads, JSON routes (path templates of {@link HttpRoute}), RFC 9457
 * problem details for errors, and the two endpoints every service must have: {@code GET /health}
 * (200 {@code UP} with details, 503 {@code DOWN} while draining) and {@code GET /metrics}
 * (Prometheus text, see {@link Metrics}). Every answer carries an {@code X-Instance} header naming
 * the instance that served it.
 */
public final class HttpService implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(HttpService.class);

  /** The largest accepted request body. */
  public static final int MAX_BODY = 64 * 1024;

  static final ObjectMapper JSON = new ObjectMapper();

  /**
   * One request.
   *
   * @param variables the path template's variables, decoded
   * @param body the body as UTF-8 text (empty for none)
   */
  public record Request(Map<String, String> variables, String body) {

    /** The body as a JSON object; {@code 400} if it is not one. */
    public JsonNode json() {
      try {
        JsonNode node = JSON.readTree(body);
        if (node == null || !node.isObject()) {
          throw new HttpError(400, "the body must be a JSON object");
        }
        return node;
      } catch (IOException e) {
        throw new HttpError(400, "malformed JSON body");
      }
    }

    /** A path variable. */
    public String variable(String name) {
      return Objects.requireNonNull(variables.get(name), name);
    }
  }

  /**
   * An answer: a status and a JSON body (any value Jackson writes; null for none).
   *
   * @param status the HTTP status
   * @param body the JSON body, or null
   * @param headers extra response headers
   */
  public record Reply(int status, Object body, Map<String, String> headers) {
    /** Checks the parts and copies the headers. */
    public Reply {
      if (status < 100 || status > 599) {
        throw new IllegalArgumentException("status must be 100..599: " + status);
      }
      headers = Map.copyOf(headers);
    }

    /** A reply with no extra header. */
    public Reply(int status, Object body) {
      this(status, body, Map.of());
    }

    /** 200 with a body. */
    public static Reply ok(Object body) {
      return new Reply(200, body);
    }
  }

  /** What a route runs. */
  @FunctionalInterface
  public interface Handler {
    /**
     * Handles a request.
     *
     * @throws HttpError for an answer other than success, with its status and detail
     */
    Reply handle(Request request);
  }

  /** An error answer, raised by a handler: becomes a problem-details body. */
  public static final class HttpError extends RuntimeException {
    @Serial private static final long serialVersionUID = 1L;
    private final int status;

    /** An error with an HTTP status (400..599) and a detail for the caller. */
    public HttpError(int status, String detail) {
      super(detail, null, false, false);
      this.status = ProblemDetails.requireErrorStatus(status);
    }

    /** The HTTP status. */
    public int status() {
      return status;
    }
  }

  private record Route(HttpRoute route, Handler handler) {}

  private final String service;
  private final String instance;
  private final Metrics metrics;
  private final List<Route> routes;
  private final Supplier<Map<String, Object>> health;
  private final InstantSource clock;
  private final long startedMillis;
  private final HttpServer server;
  private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
  private volatile boolean draining;
  private volatile boolean closed;

  private HttpService(Builder b) throws IOException {
    this.service = b.service;
    this.instance = b.instance;
    this.metrics = new Metrics(b.service);
    this.routes = List.copyOf(b.routes);
    this.health = b.health;
    this.clock = b.clock;
    this.startedMillis = clock.millis();
    this.server = HttpServer.create(new InetSocketAddress(FreePorts.loopbackAddress(), b.port), 64);
    server.setExecutor(executor);
    server.createContext("/", this::exchange);
    metrics.gauge("service_up", () -> draining ? 0 : 1);
    server.start();
  }

  /**
   * A builder for one instance of a service.
   *
   * @param service the service's name, e.g. {@code catalog}
   * @param instance this instance's id, e.g. {@code catalog-1}
   */
  public static Builder builder(String service, String instance) {
    return new Builder(service, instance);
  }

  /** The service's name. */
  public String service() {
    return service;
  }

  /** This instance's id. */
  public String instance() {
    return instance;
  }

  /** The port it listens on. */
  public int port() {
    return server.getAddress().getPort();
  }

  /** {@code http://127.0.0.1:port}. */
  public URI uri() {
    return URI.create("http://" + FreePorts.LOOPBACK + ":" + port());
  }

  /** The metrics. */
  public Metrics metrics() {
    return metrics;
  }

  /** Health turns {@code DOWN} (503): load balancers and probes stop sending new work. */
  public void drain() {
    draining = true;
  }

  private void exchange(HttpExchange exchange) {
    long start = System.nanoTime();
    String label = "unmatched";
    int status = 500;
    try (exchange) {
      String path = exchange.getRequestURI().getRawPath();
      String method = exchange.getRequestMethod().toUpperCase(Locale.ROOT);
      exchange.getResponseHeaders().set("X-Instance", instance);
      Reply reply;
      if (path.equals("/health") && method.equals("GET")) {
        label = "GET /health";
        reply = healthReply();
      } else if (path.equals("/metrics") && method.equals("GET")) {
        label = "GET /metrics";
        byte[] text = metrics.scrape().getBytes(StandardCharsets.UTF_8);
        exchange
            .getResponseHeaders()
            .set("Content-Type", "text/plain; version=0.0.4; charset=utf-8");
        exchange.sendResponseHeaders(200, text.length);
        exchange.getResponseBody().write(text);
        status = 200;
        return;
      } else {
        Optional<Map.Entry<Route, Map<String, String>>> found = find(method, path);
        if (found.isEmpty()) {
          reply = problem(404, "no route for " + method + " " + path);
        } else {
          Route route = found.get().getKey();
          label = route.route().toString();
          reply = invoke(route, new Request(found.get().getValue(), body(exchange)));
        }
      }
      status = reply.status();
      send(exchange, reply);
    } catch (HttpError e) {
      status = e.status();
      LOG.debug("{}: {}", instance, e.getMessage());
    } catch (IOException e) {
      LOG.debug("{}: client went away: {}", instance, e.toString());
    } catch (RuntimeException e) {
      LOG.error("{}: exchange failed", instance, e);
    } finally {
      metrics.record(label, status, System.nanoTime() - start);
    }
  }

  private Reply invoke(Route route, Request request) {
    try {
      return route.handler().handle(request);
    } catch (HttpError e) {
      return problem(e.status(), e.getMessage());
    } catch (RuntimeException e) {
      LOG.error("{}: {} failed", instance, route.route(), e);
      return problem(500, "internal error");
    }
  }

  private Optional<Map.Entry<Route, Map<String, String>>> find(String method, String path) {
    for (Route route : routes) {
      if (route.route().method().equals(method)) {
        Optional<Map<String, String>> variables = route.route().match(path);
        if (variables.isPresent()) {
          return Optional.of(Map.entry(route, variables.get()));
        }
      }
    }
    return Optional.empty();
  }

  private Reply healthReply() {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("status", draining ? "DOWN" : "UP");
    body.put("service", service);
    body.put("instance", instance);
    body.put("uptimeMillis", clock.millis() - startedMillis);
    body.put("details", health.get());
    return new Reply(draining ? 503 : 200, body);
  }

  /** A problem-details reply (see {@link ProblemDetails}). */
  static Reply problem(int status, String detail) {
    return new Reply(status, ProblemDetails.of(status, detail));
  }

  private static String body(HttpExchange exchange) throws IOException {
    byte[] bytes = exchange.getRequestBody().readNBytes(MAX_BODY + 1);
    if (bytes.length > MAX_BODY) {
      HttpError error = new HttpError(413, "body over " + MAX_BODY + " bytes");
      send(exchange, problem(413, error.getMessage()));
      throw error;
    }
    return new String(bytes, StandardCharsets.UTF_8);
  }

  private static void send(HttpExchange exchange, Reply reply) throws IOException {
    reply.headers().forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
    if (reply.body() == null) {
      exchange.sendResponseHeaders(reply.status(), -1);
      return;
    }
    byte[] bytes;
    try {
      bytes = JSON.writeValueAsBytes(reply.body());
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
    String type = reply.status() >= 400 ? "application/problem+json" : "application/json";
    exchange.getResponseHeaders().set("Content-Type", type);
    exchange.sendResponseHeaders(reply.status(), bytes.length);
    exchange.getResponseBody().write(bytes);
  }

  /**
   * Stops at once, like a crashed process: open connections are dropped, new ones refused.
   * Idempotent.
   */
  @Override
  public void close() {
    if (!closed) {
      closed = true;
      server.stop(0);
      executor.shutdownNow();
    }
  }

  /** Whether {@link #close()} was called. */
  public boolean isClosed() {
    return closed;
  }

  @Override
  public String toString() {
    return "HttpService[" + instance + " at " + (closed ? "closed" : uri()) + "]";
  }

  /** Builds an {@link HttpService}. */
  public static final class Builder {
    private final String service;
    private final String instance;
    private final List<Route> routes = new ArrayList<>();
    private int port;
    private Supplier<Map<String, Object>> health = Map::of;
    private InstantSource clock = InstantSource.system();

    private Builder(String service, String instance) {
      this.service = Names.check("service", service);
      this.instance = Names.check("instance", instance);
    }

    /**
     * The port (default 0: any free one).
     *
     * @throws IllegalArgumentException if not in 0..65535
     */
    public Builder port(int port) {
      if (port < 0 || port > 65_535) {
        throw new IllegalArgumentException("port must be 0..65535: " + port);
      }
      this.port = port;
      return this;
    }

    /**
     * Adds a route.
     *
     * @throws IllegalArgumentException if the route is taken, or is {@code /health} or {@code
     *     /metrics}
     */
    public Builder route(HttpRoute route, Handler handler) {
      Objects.requireNonNull(route, "route");
      Objects.requireNonNull(handler, "handler");
      if (route.template().equals("/health") || route.template().equals("/metrics")) {
        throw new IllegalArgumentException(route.template() + " is built in");
      }
      if (routes.stream().anyMatch(r -> r.route().equals(route))) {
        throw new IllegalArgumentException(route + " is taken");
      }
      routes.add(new Route(route, handler));
      return this;
    }

    /** Details for {@code /health} (e.g. the instances a registry holds). */
    public Builder health(Supplier<Map<String, Object>> health) {
      this.health = Objects.requireNonNull(health, "health");
      return this;
    }

    /** Where time comes from (uptime). */
    public Builder clock(InstantSource clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * Starts the service.
     *
     * @throws UncheckedIOException if the port cannot be bound
     */
    public HttpService start() {
      try {
        return new HttpService(this);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot bind 127.0.0.1:" + port, e);
      }
    }
  }
}
