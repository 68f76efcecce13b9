package org.interviewtasks.senior.operations.monitoring;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.Serial;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.random.RandomGenerator;
import java.util.regex.Pattern;
import org.interviewtasks.senior.advanced.microservices.HttpRoute;
import org.interviewtasks.senior.architecture.soa.ProblemDetails;
import org.interviewtasks.senior.infra.FreePorts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.slf4j.spi.LoggingEventBuilder;

/**
 * A small HTTP service (the JDK's {@code HttpServer}, virtual threads) whose every request is
 * measured, logged and traced the same way, whatever its handler does:
 *
 * <ol>
 *   <li>the W3C {@code traceparent} header is joined or a trace is started ({@link TraceContext});
 *       {@code trace.id} and {@code span.id} go into the SLF4J MDC for the request, so every line
 *       the handler logs carries them, and the response names the span in {@code traceresponse};
 *   <li>the path is matched against route templates; no match is 404, a path that matches with
 *       another method is 405 (with {@code Allow}); a handler's {@link ProblemException} is its
 *       status, any other exception 500 (its message stays in the log, never in the response); all
 *       errors are RFC 9457 problem-details JSON carrying the trace id;
 *   <li>the request is recorded in {@code HttpMetrics} under its route template (or {@code
 *       UNMATCHED}) and logged once as an access line: INFO, or ERROR with the exception for 5xx,
 *       with ECS key-value pairs ({@code http.request.method}, {@code url.path}, {@code
 *       http.route}, {@code http.response.status_code}, {@code event.duration} in ns, {@code
 *       event.outcome}, and the trace ids again, for backends without an MDC). The raw path goes to
 *       the log (one line per request, searchable) but never into a metric tag.
 * </ol>
 *
 * <p>{@code GET /metrics} serves the registry's scrape: Prometheus text format 0.0.4, or
 * OpenMetrics 1.0 when the scraper's {@code Accept} asks for it (as Prometheus does). Scrapes are
 * not themselves counted, so a scrape reads exactly the traffic the service served.
 */
public final class MonitoredService implements AutoCloseable {

  /** The path of the Prometheus endpoint. */
  public static final String METRICS_PATH = "/metrics";

  /** The Prometheus text exposition format, version 0.0.4. */
  public static final String TEXT_FORMAT = "text/plain; version=0.0.4; charset=utf-8";

  /** The OpenMetrics text format, version 1.0.0. */
  public static final String OPENMETRICS_FORMAT =
      "application/openmetrics-text; version=1.0.0; charset=utf-8";

  /** The largest request body accepted (larger: 413). */
  public static final int MAX_BODY = 64 * 1024;

  /** The response header naming this service's span (W3C Trace Context level 2). */
  public static final String TRACE_RESPONSE_HEADER = "traceresponse";

  /** The MDC keys of the trace context. */
  public static final String TRACE_ID = "trace.id";

  /** The MDC key of this service's span id. */
  public static final String SPAN_ID = "span.id";

  private static final Pattern SERVICE_NAME = Pattern.compile("[a-z][a-z0-9-]{0,62}");
  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * One request, as a handler sees it.
   *
   * @param method the HTTP method
   * @param path the raw (percent-encoded) path
   * @param route the template it matched, e.g. {@code /orders/{id}}
   * @param variables the template's variables, decoded
   * @param body the body as UTF-8 text (empty for none), at most {@link #MAX_BODY} bytes
   * @param trace the request's trace context
   */
  public record Request(
      String method,
      String path,
      String route,
      Map<String, String> variables,
      String body,
      TraceContext trace) {

    /** Copies the variables. */
    public Request {
      variables = Map.copyOf(variables);
    }

    /** A variable of the route template. */
    public String variable(String name) {
      String value = variables.get(name);
      if (value == null) {
        throw new IllegalArgumentException(route + " has no variable {" + name + "}");
      }
      return value;
    }
  }

  /**
   * An answer.
   *
   * @param status 200..599
   * @param body what Jackson writes as the JSON body, or null for none
   */
  public record Response(int status, Object body) {

    /** Checks the status. */
    public Response {
      if (status < 200 || status > 599) {
        throw new IllegalArgumentException("status must be 200..599: " + status);
      }
    }

    /** 200 with a JSON body. */
    public static Response ok(Object body) {
      return new Response(200, body);
    }
  }

  /** What a route runs. */
  @FunctionalInterface
  public interface Handler {
    /**
     * Answers a request.
     *
     * @throws ProblemException for an error answer with a status and a detail for the caller
     * @throws Exception for a failure: 500, logged with its stack trace
     */
    Response handle(Request request) throws Exception;
  }

  /** An error answer from a handler: becomes a problem-details body with its status. */
  public static final class ProblemException extends RuntimeException {
    @Serial private static final long serialVersionUID = 1L;
    private final int status;

    /**
     * An error with an HTTP status and a detail the caller may read.
     *
     * @throws IllegalArgumentException if the status is not 400..599
     */
    public ProblemException(int status, String detail) {
      super(Objects.requireNonNull(detail, "detail"), null, false, false);
      this.status = ProblemDetails.requireErrorStatus(status);
    }

    /** The HTTP status. */
    public int status() {
      return status;
    }
  }

  private record Route(HttpRoute route, Handler handler) {
    /** The template with its variables unnamed: two routes of one shape are the same route. */
    String shape() {
      return route.method() + " " + route.template().replaceAll("\\{[^}]*}", "{}");
    }

    /**
     * Whether this route is more specific than {@code other}, both matching one path: at the first
     * segment where one has a literal and the other a variable, the literal wins.
     */
    boolean moreSpecificThan(Route other) {
      String[] mine = route.template().substring(1).split("/", -1);
      String[] theirs = other.route.template().substring(1).split("/", -1);
      for (int i = 0; i < Math.min(mine.length, theirs.length); i++) {
        boolean literal = !mine[i].startsWith("{");
        if (literal != !theirs[i].startsWith("{")) {
          return literal;
        }
      }
      return false;
    }
  }

  private sealed interface Match {
    record Found(Route route, Map<String, String> variables) implements Match {}

    record WrongMethod(String template, List<String> allowed) implements Match {}

    record None() implements Match {}
  }

  /** What a request came to, for the metrics and the access log. */
  private static final class Outcome {
    String route = HttpMetrics.UNMATCHED;
    int status;
    Throwable error;
  }

  private final String serviceName;
  private final List<Route> routes;
  private final Logger log;
  private final RandomGenerator random;
  private final PrometheusMeterRegistry registry;
  private final HttpMetrics metrics;
  private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
  private final HttpServer server;
  private volatile boolean closed;

  private MonitoredService(Builder b) throws IOException {
    this.serviceName = b.serviceName;
    this.routes = List.copyOf(b.routes);
    this.log = b.log;
    this.random = b.random;
    this.registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    registry.config().commonTags("service", serviceName);
    this.metrics = new HttpMetrics(registry, routes.size() + 1, log);
    new JvmMemoryMetrics().bindTo(registry);
    new JvmThreadMetrics().bindTo(registry);
    new ProcessorMetrics().bindTo(registry);
    new UptimeMetrics().bindTo(registry);
    b.binders.forEach(binder -> binder.bindTo(registry));
    this.server = HttpServer.create(b.address, 128);
    server.setExecutor(executor);
    server.createContext("/", this::exchange);
    server.start();
  }

  /**
   * A builder for a service named {@code serviceName}.
   *
   * @throws NullPointerException if {@code serviceName} is null
   * @throws IllegalArgumentException if it is blank or not a lowercase DNS-style name (it becomes
   *     the {@code service} tag of every series and {@code service.name} of every log line)
   */
  public static Builder builder(String serviceName) {
    return new Builder(serviceName);
  }

  /** The service's name. */
  public String serviceName() {
    return serviceName;
  }

  /** {@code http://host:port} of the service. */
  public URI baseUri() {
    InetSocketAddress address = server.getAddress();
    String host = address.getAddress().isAnyLocalAddress() ? FreePorts.LOOPBACK : hostOf(address);
    return URI.create("http://" + host + ":" + address.getPort());
  }

  /** The metrics registry: handlers may add their own meters to it. */
  public PrometheusMeterRegistry registry() {
    return registry;
  }

  /** What {@code GET /metrics} answers, in Prometheus text format. */
  public String scrape() {
    return registry.scrape(TEXT_FORMAT);
  }

  private static String hostOf(InetSocketAddress address) {
    String host = address.getAddress().getHostAddress();
    return host.contains(":") ? "[" + host + "]" : host;
  }

  private void exchange(HttpExchange exchange) {
    String path = exchange.getRequestURI().getRawPath();
    String requestMethod = exchange.getRequestMethod();
    if (path.equals(METRICS_PATH) && requestMethod.equals("GET")) {
      serveMetrics(exchange);
      return;
    }
    Timer.Sample sample = metrics.start();
    TraceContext trace =
        TraceContext.continueOrStart(
            exchange.getRequestHeaders().getFirst(TraceContext.HEADER), random);
    MDC.put(TRACE_ID, trace.traceId());
    MDC.put(SPAN_ID, trace.spanId());
    Outcome outcome = new Outcome();
    try (exchange) {
      exchange.getResponseHeaders().set(TRACE_RESPONSE_HEADER, trace.traceparent());
      Response response = respond(exchange, requestMethod, path, trace, outcome);
      byte[] body = body(response, outcome);
      if (body == null) {
        response = problem(500, "the answer cannot be written as JSON", path, trace);
        body = body(response, outcome);
      }
      outcome.status = response.status();
      // Recorded before the answer is written: a client that has its answer finds it counted,
      // so a scrape right after a response always includes it.
      long nanos =
          metrics.stop(sample, HttpMetrics.method(requestMethod), outcome.route, outcome.status);
      access(requestMethod, path, outcome, nanos, trace, exchange);
      send(exchange, response, body);
    } catch (IOException e) {
      log.debug("client went away before the answer was sent: {}", e.toString());
    } catch (RuntimeException e) {
      log.error("{} {} failed outside its handler", requestMethod, path, e);
    } finally {
      MDC.remove(TRACE_ID);
      MDC.remove(SPAN_ID);
    }
  }

  /** The JSON of a response's body; empty for none; null if it cannot be written. */
  private static byte[] body(Response response, Outcome outcome) {
    if (response.body() == null) {
      return new byte[0];
    }
    try {
      return JSON.writeValueAsBytes(response.body());
    } catch (JsonProcessingException e) {
      outcome.error = e;
      return null;
    }
  }

  private Response respond(
      HttpExchange exchange,
      String requestMethod,
      String path,
      TraceContext trace,
      Outcome outcome) {
    switch (match(requestMethod, path)) {
      case Match.None none -> {
        return problem(404, "no route matches " + requestMethod + " " + path, path, trace);
      }
      case Match.WrongMethod wrong -> {
        outcome.route = wrong.template();
        exchange.getResponseHeaders().set("Allow", String.join(", ", wrong.allowed()));
        return problem(405, requestMethod + " is not allowed on " + wrong.template(), path, trace);
      }
      case Match.Found found -> {
        String template = found.route().route().template();
        outcome.route = template;
        try {
          byte[] body = exchange.getRequestBody().readNBytes(MAX_BODY + 1);
          if (body.length > MAX_BODY) {
            return problem(413, "the body is over " + MAX_BODY + " bytes", path, trace);
          }
          Request request =
              new Request(
                  requestMethod,
                  path,
                  template,
                  found.variables(),
                  new String(body, StandardCharsets.UTF_8),
                  trace);
          return Objects.requireNonNull(
              found.route().handler().handle(request), "the handler of " + template + " answered");
        } catch (ProblemException e) {
          return problem(e.status(), e.getMessage(), path, trace);
        } catch (Exception e) {
          outcome.error = e;
          metrics.exception(template, e);
          return problem(500, "the request failed; trace id " + trace.traceId(), path, trace);
        }
      }
    }
  }

  private Match match(String method, String path) {
    Route best = null;
    Map<String, String> variables = null;
    List<String> allowed = new ArrayList<>();
    String template = null;
    for (Route route : routes) {
      Optional<Map<String, String>> m = route.route().match(path);
      if (m.isEmpty()) {
        continue;
      }
      if (!route.route().method().equals(method)) {
        allowed.add(route.route().method());
        template = template == null ? route.route().template() : template;
      } else if (best == null || route.moreSpecificThan(best)) {
        best = route;
        variables = m.get();
      }
    }
    if (best != null) {
      return new Match.Found(best, variables);
    }
    return template == null ? new Match.None() : new Match.WrongMethod(template, allowed);
  }

  private void serveMetrics(HttpExchange exchange) {
    try (exchange) {
      String accept = exchange.getRequestHeaders().getFirst("Accept");
      String type =
          accept != null && accept.contains("application/openmetrics-text")
              ? OPENMETRICS_FORMAT
              : TEXT_FORMAT;
      byte[] text = registry.scrape(type).getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("Content-Type", type);
      exchange.sendResponseHeaders(200, text.length);
      exchange.getResponseBody().write(text);
    } catch (IOException e) {
      log.debug("scraper went away: {}", e.toString());
    }
  }

  private Response problem(int status, String detail, String path, TraceContext trace) {
    ObjectNode body = ProblemDetails.of(status, detail);
    body.put("instance", path);
    body.put("traceId", trace.traceId());
    return new Response(status, body);
  }

  private static void send(HttpExchange exchange, Response response, byte[] body)
      throws IOException {
    if (response.body() == null || exchange.getRequestMethod().equals("HEAD")) {
      exchange.sendResponseHeaders(response.status(), -1);
      return;
    }
    String type = response.status() >= 400 ? "application/problem+json" : "application/json";
    exchange.getResponseHeaders().set("Content-Type", type);
    exchange.sendResponseHeaders(response.status(), body.length);
    exchange.getResponseBody().write(body);
  }

  private void access(
      String requestMethod,
      String path,
      Outcome outcome,
      long nanos,
      TraceContext trace,
      HttpExchange exchange) {
    LoggingEventBuilder line = outcome.status >= 500 ? log.atError() : log.atInfo();
    if (outcome.error != null) {
      line = line.setCause(outcome.error);
    }
    line.setMessage(requestMethod + " " + path + " " + outcome.status)
        .addKeyValue("http.request.method", requestMethod)
        .addKeyValue("url.path", path)
        .addKeyValue("http.route", outcome.route)
        .addKeyValue("http.response.status_code", outcome.status)
        .addKeyValue("event.duration", nanos)
        .addKeyValue("event.outcome", outcome.status >= 400 ? "failure" : "success")
        .addKeyValue("client.address", exchange.getRemoteAddress().getAddress().getHostAddress())
        .addKeyValue(TRACE_ID, trace.traceId())
        .addKeyValue(SPAN_ID, trace.spanId())
        .log();
  }

  /** Stops listening and drops open connections. Idempotent. */
  @Override
  public void close() {
    if (!closed) {
      closed = true;
      server.stop(0);
      executor.shutdownNow();
      registry.close();
    }
  }

  @Override
  public String toString() {
    return "MonitoredService[" + serviceName + (closed ? ", closed" : " at " + baseUri()) + "]";
  }

  /** Builds a {@link MonitoredService}. */
  public static final class Builder {
    private final String serviceName;
    private final List<Route> routes = new ArrayList<>();
    private final List<MeterBinder> binders = new ArrayList<>();
    private InetSocketAddress address = new InetSocketAddress(FreePorts.loopbackAddress(), 0);
    private Logger log = LoggerFactory.getLogger(MonitoredService.class);
    private RandomGenerator random = new SecureRandom();

    private Builder(String serviceName) {
      Objects.requireNonNull(serviceName, "serviceName");
      if (serviceName.isBlank()) {
        throw new IllegalArgumentException("serviceName must not be blank");
      }
      if (!SERVICE_NAME.matcher(serviceName).matches()) {
        throw new IllegalArgumentException(
            "serviceName must be lowercase letters, digits and '-', starting with a letter, at"
                + " most 63 characters: "
                + serviceName);
      }
      this.serviceName = serviceName;
    }

    /**
     * Adds a route: {@code method} (GET, POST, PUT, PATCH or DELETE) on a path {@code template} of
     * literal segments and {@code {variable}} segments, such as {@code /orders/{id}}. Where two
     * templates match a path, the first literal segment where they differ wins ({@code
     * /orders/recent} over {@code /orders/{id}}).
     *
     * @throws IllegalArgumentException for an unknown method, a malformed template, {@code
     *     /metrics}, or a route of the same method and shape as one already added ({@code
     *     /orders/{id}} and {@code /orders/{key}} are one route)
     */
    public Builder route(String method, String template, Handler handler) {
      Objects.requireNonNull(handler, "handler");
      Route route = new Route(new HttpRoute(method, template), handler);
      if (template.equals(METRICS_PATH)) {
        throw new IllegalArgumentException(METRICS_PATH + " is the Prometheus endpoint");
      }
      for (Route other : routes) {
        if (other.shape().equals(route.shape())) {
          throw new IllegalArgumentException(
              "duplicate route: " + route.route() + " has the shape of " + other.route());
        }
      }
      routes.add(route);
      return this;
    }

    /**
     * Where to listen (default: 127.0.0.1, a free port). A container binds the wildcard address.
     */
    public Builder address(InetSocketAddress address) {
      this.address = Objects.requireNonNull(address, "address");
      return this;
    }

    /**
     * Meters of the application's own (orders placed, queue depth), registered with the service's
     * registry before the first request.
     */
    public Builder meters(MeterBinder binder) {
      binders.add(Objects.requireNonNull(binder, "binder"));
      return this;
    }

    /** The logger of access lines and failures (default: this class's SLF4J logger). */
    public Builder logger(Logger log) {
      this.log = Objects.requireNonNull(log, "log");
      return this;
    }

    /** Where trace and span ids come from (default: a {@link SecureRandom}). */
    public Builder random(RandomGenerator random) {
      this.random = Objects.requireNonNull(random, "random");
      return this;
    }

    /**
     * Binds the address and starts serving.
     *
     * @throws IllegalStateException if no route was added
     * @throws UncheckedIOException if the address cannot be bound
     */
    public MonitoredService start() {
      if (routes.isEmpty()) {
        throw new IllegalStateException("add at least one route before start()");
      }
      try {
        return new MonitoredService(this);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot listen on " + address, e);
      }
    }
  }
}
