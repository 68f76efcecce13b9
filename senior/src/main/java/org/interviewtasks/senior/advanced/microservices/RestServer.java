package org.interviewtasks.senior.advanced.microservices;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import com.google.protobuf.util.JsonFormat;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.grpc.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.interviewtasks.senior.infra.FreePorts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves {@link ServiceDefinition}s as JSON over HTTP/1.1 with the JDK's {@code HttpServer} on
 * 127.0.0.1: the same handlers as {@link GrpcServer}, reached through each method's {@link
 * HttpRoute}. Messages travel in protobuf's canonical JSON mapping (camelCase names, 64-bit
 * integers as strings), so a REST client and a gRPC client see the same contract.
 *
 * <p><b>Deadline.</b> A caller states its time left in the {@value #TIMEOUT_HEADER} header
 * (milliseconds, relative: clocks of two hosts never agree closely enough for an absolute time);
 * the handler runs in a gRPC {@code Context} with that deadline, so its own calls to other services
 * inherit what is left, exactly as over gRPC. When the deadline passes, the context is cancelled
 * and the answer is {@code 504}.
 *
 * <p><b>Errors.</b> RFC 9457 problem details ({@code application/problem+json}) with the HTTP
 * status of {@link ErrorCode}'s table and the code's name in {@code code}, so a client recovers the
 * exact code. Answers of the router itself: {@code 404} (no route), {@code 405} (known path, other
 * method, with {@code Allow}), {@code 413} (a body over {@value #MAX_BODY} bytes), {@code 415} (a
 * body that is not JSON), {@code 400} (a malformed body, parameter or timeout).
 */
public final class RestServer implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(RestServer.class);

  /** The request header that carries the caller's time left, in milliseconds. */
  public static final String TIMEOUT_HEADER = "X-Request-Timeout-Ms";

  /** The largest accepted request body, in bytes. */
  public static final int MAX_BODY = 1 << 20;

  /** The longest accepted timeout: one day. */
  public static final long MAX_TIMEOUT_MS = TimeUnit.DAYS.toMillis(1);

  static final ObjectMapper JSON = new ObjectMapper();
  static final JsonFormat.Printer PRINTER =
      JsonFormat.printer().alwaysPrintFieldsWithNoPresence().omittingInsignificantWhitespace();
  static final JsonFormat.Parser PARSER = JsonFormat.parser();

  private record Route(HttpRoute route, ServiceDefinition.Binding<?, ?> binding) {}

  private final HttpServer server;
  private final List<Route> routes;
  private boolean closed;
  private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
  private final ScheduledExecutorService deadlines =
      Executors.newSingleThreadScheduledExecutor(
          Thread.ofPlatform().name("rest-deadlines").daemon().factory());

  private RestServer(int port, List<ServiceDefinition> services) throws IOException {
    List<Route> table = new ArrayList<>();
    for (ServiceDefinition service : services) {
      for (ServiceDefinition.Binding<?, ?> binding : service.bindings()) {
        HttpRoute route = service.contract().route(binding.method());
        for (Route other : table) {
          if (other.route().equals(route)) {
            throw new IllegalArgumentException(route + " is served twice");
          }
        }
        table.add(new Route(route, binding));
      }
    }
    this.routes = List.copyOf(table);
    this.server = HttpServer.create(new InetSocketAddress(FreePorts.loopbackAddress(), port), 64);
    server.setExecutor(executor);
    server.createContext("/", this::exchange);
    server.start();
  }

  /**
   * Starts a server on a free loopback port.
   *
   * @throws IllegalArgumentException if {@code services} is empty or two methods share a route
   * @throws UncheckedIOException if the port cannot be bound
   */
  public static RestServer start(List<ServiceDefinition> services) {
    return start(0, services);
  }

  /**
   * Starts a server on a given loopback port (0: any free one).
   *
   * @throws IllegalArgumentException if the port is out of range, {@code services} is empty or two
   *     methods share a route
   * @throws UncheckedIOException if the port cannot be bound
   */
  public static RestServer start(int port, List<ServiceDefinition> services) {
    Objects.requireNonNull(services, "services");
    if (port < 0 || port > 65_535) {
      throw new IllegalArgumentException("port must be 0..65535: " + port);
    }
    if (services.isEmpty()) {
      throw new IllegalArgumentException("no service to serve");
    }
    try {
      return new RestServer(port, List.copyOf(services));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot bind HTTP server on 127.0.0.1:" + port, e);
    }
  }

  /** The port it listens on (127.0.0.1). */
  public int port() {
    return server.getAddress().getPort();
  }

  private void exchange(HttpExchange exchange) {
    try (exchange) {
      String path = exchange.getRequestURI().getRawPath();
      String method = exchange.getRequestMethod().toUpperCase(Locale.ROOT);
      Set<String> allowed = new HashSet<>();
      for (Route route : routes) {
        Optional<Map<String, String>> variables = route.route().match(path);
        if (variables.isEmpty()) {
          continue;
        }
        if (!route.route().method().equals(method)) {
          allowed.add(route.route().method());
          continue;
        }
        serve(exchange, route, variables.get());
        return;
      }
      if (allowed.isEmpty()) {
        problem(exchange, 404, ErrorCode.NOT_FOUND, "no route for " + method + " " + path);
      } else {
        exchange.getResponseHeaders().set("Allow", String.join(", ", allowed));
        problem(exchange, 405, ErrorCode.UNIMPLEMENTED, method + " is not allowed on " + path);
      }
    } catch (IOException e) {
      LOG.debug("client went away: {}", e.toString());
    } catch (RuntimeException e) {
      LOG.error("HTTP exchange failed", e);
    }
  }

  private void serve(HttpExchange exchange, Route route, Map<String, String> variables)
      throws IOException {
    Long timeoutMs;
    Message request;
    try {
      timeoutMs = timeout(exchange.getRequestHeaders().getFirst(TIMEOUT_HEADER));
      request = request(exchange, route, variables);
    } catch (Rejected r) {
      problem(exchange, r.status, r.code, r.getMessage());
      return;
    } catch (ServiceException e) {
      problem(exchange, e.code().httpStatus(), e.code(), e.getMessage());
      return;
    }
    if (timeoutMs != null && timeoutMs == 0) {
      problem(exchange, 504, ErrorCode.DEADLINE_EXCEEDED, "the caller's deadline had passed");
      return;
    }
    Context.CancellableContext context =
        timeoutMs == null
            ? Context.current().withCancellation()
            : Context.current().withDeadlineAfter(timeoutMs, TimeUnit.MILLISECONDS, deadlines);
    String name = route.binding().method().getFullMethodName();
    Message response;
    try {
      response = context.call(() -> invoke(route.binding(), request));
    } catch (ServiceException e) {
      problem(exchange, e.code().httpStatus(), e.code(), e.getMessage());
      return;
    } catch (Exception e) {
      LOG.error("{} failed", name, e);
      problem(exchange, 500, ErrorCode.INTERNAL, "internal error");
      return;
    } finally {
      context.cancel(null);
    }
    if (context.getDeadline() != null && context.getDeadline().isExpired()) {
      problem(exchange, 504, ErrorCode.DEADLINE_EXCEEDED, "deadline exceeded");
      return;
    }
    send(exchange, 200, "application/json", PRINTER.print(response));
  }

  // The message was built from the method's own request prototype, so it is a Req.
  @SuppressWarnings("unchecked")
  private static <Req, Resp> Message invoke(
      ServiceDefinition.Binding<Req, Resp> binding, Message m) {
    Resp response = binding.handler().handle((Req) m);
    if (!(response instanceof Message message)) {
      throw new IllegalStateException(
          binding.method().getFullMethodName() + " returned " + response);
    }
    return message;
  }

  private static Long timeout(String header) throws Rejected {
    if (header == null) {
      return null;
    }
    String value = header.strip();
    if (value.isEmpty() || value.length() > 12 || !value.chars().allMatch(Character::isDigit)) {
      throw new Rejected(
          400, ErrorCode.INVALID_ARGUMENT, TIMEOUT_HEADER + " must be a whole number of ms");
    }
    long ms = Long.parseLong(value);
    if (ms > MAX_TIMEOUT_MS) {
      throw new Rejected(
          400,
          ErrorCode.INVALID_ARGUMENT,
          TIMEOUT_HEADER + " must be at most " + MAX_TIMEOUT_MS + ": " + ms);
    }
    return ms;
  }

  private static Message request(HttpExchange exchange, Route route, Map<String, String> variables)
      throws IOException, Rejected {
    Message prototype = ServiceContract.requestPrototype(route.binding().method());
    Message.Builder builder = prototype.newBuilderForType();
    if (route.route().hasBody()) {
      String type = exchange.getRequestHeaders().getFirst("Content-Type");
      if (type == null || !type.toLowerCase(Locale.ROOT).startsWith("application/json")) {
        throw new Rejected(415, ErrorCode.INVALID_ARGUMENT, "the body must be application/json");
      }
      String body = body(exchange.getRequestBody());
      try {
        PARSER.merge(body, builder);
      } catch (InvalidProtocolBufferException | RuntimeException e) {
        throw new Rejected(
            400, ErrorCode.INVALID_ARGUMENT, "malformed JSON body: " + e.getMessage());
      }
    } else {
      query(exchange.getRequestURI().getRawQuery(), builder, variables.keySet());
    }
    for (Map.Entry<String, String> variable : variables.entrySet()) {
      FieldDescriptor field = builder.getDescriptorForType().findFieldByName(variable.getKey());
      Object value = FieldValues.parse(field, variable.getValue());
      if (builder.hasField(field) && !builder.getField(field).equals(value)) {
        throw new Rejected(
            400,
            ErrorCode.INVALID_ARGUMENT,
            "the body's " + field.getJsonName() + " differs from the path's");
      }
      builder.setField(field, value);
    }
    return builder.build();
  }

  private static void query(String raw, Message.Builder builder, Set<String> pathFields)
      throws Rejected {
    if (raw == null || raw.isEmpty()) {
      return;
    }
    Set<String> seen = new HashSet<>();
    for (String pair : raw.split("&", -1)) {
      int eq = pair.indexOf('=');
      Optional<String> name = HttpRoute.decode(eq < 0 ? pair : pair.substring(0, eq));
      Optional<String> value = HttpRoute.decode(eq < 0 ? "" : pair.substring(eq + 1));
      if (name.isEmpty() || value.isEmpty()) {
        throw new Rejected(400, ErrorCode.INVALID_ARGUMENT, "malformed query: " + raw);
      }
      FieldDescriptor field = FieldValues.field(builder.getDescriptorForType(), name.get());
      if (field == null || !ServiceContract.scalar(field) || pathFields.contains(field.getName())) {
        throw new Rejected(
            400, ErrorCode.INVALID_ARGUMENT, "unknown query parameter: " + name.get());
      }
      if (!seen.add(field.getName())) {
        throw new Rejected(400, ErrorCode.INVALID_ARGUMENT, "parameter given twice: " + name.get());
      }
      builder.setField(field, FieldValues.parse(field, value.get()));
    }
  }

  private static String body(InputStream in) throws IOException, Rejected {
    byte[] bytes = in.readNBytes(MAX_BODY + 1);
    if (bytes.length > MAX_BODY) {
      throw new Rejected(413, ErrorCode.INVALID_ARGUMENT, "body over " + MAX_BODY + " bytes");
    }
    return new String(bytes, StandardCharsets.UTF_8);
  }

  private static void problem(HttpExchange exchange, int status, ErrorCode code, String detail)
      throws IOException {
    ObjectNode body = JSON.createObjectNode();
    body.put("type", "about:blank");
    body.put("title", code.name());
    body.put("status", status);
    body.put("detail", detail);
    body.put("code", code.name());
    send(exchange, status, "application/problem+json", JSON.writeValueAsString(body));
  }

  private static void send(HttpExchange exchange, int status, String type, String body)
      throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", type + "; charset=utf-8");
    exchange.sendResponseHeaders(status, bytes.length);
    exchange.getResponseBody().write(bytes);
  }

  /** A request the router refuses before any handler runs. */
  private static final class Rejected extends Exception {
    private static final long serialVersionUID = 1L;
    private final int status;
    private final transient ErrorCode code;

    Rejected(int status, ErrorCode code, String message) {
      super(message, null, false, false);
      this.status = status;
      this.code = code;
    }
  }

  /** Stops the server at once (running exchanges are abandoned). Idempotent. */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    server.stop(0);
    executor.shutdownNow();
    deadlines.shutdownNow();
  }

  @Override
  public String toString() {
    return "RestServer[127.0.0.1:" + port() + ", " + routes.size() + " routes]";
  }
}
