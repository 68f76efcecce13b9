package org.interviewtasks.senior.architecture.restapi;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.interviewtasks.common.Task;
import org.interviewtasks.senior.concurrency.ratelimit.RateLimiter;
import org.interviewtasks.senior.concurrency.ratelimit.TimeSource;
import org.interviewtasks.senior.concurrency.ratelimit.TokenBucket;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A REST API over a large table ({@code products}, a million rows in the benchmark) that stays fast
 * on its last page: keyset pagination with signed cursors, validated filters, multi-key sorting,
 * JWT authentication, per-client rate limiting, an OpenAPI document and RFC 9457 error bodies.
 *
 * <p><b>Approach.</b> The JDK's {@link HttpServer} on virtual threads (one per request, blocking
 * JDBC is fine) over an embedded H2 database ({@link ProductStore}). A request passes, in order:
 * routing (404, or 405 with {@code Allow}); authentication ({@link JwtAuthenticator}: 401 with
 * {@code WWW-Authenticate}); the client's token bucket (senior.concurrency.3's {@link RateLimiter},
 * keyed by the token's {@code sub}: 429 with {@code Retry-After}); the route's scope (403);
 * validation of every parameter (400 naming it); then the query. Rate limiting comes before the
 * scope check so that a client cannot probe without paying, and after authentication so that an
 * anonymous flood cannot drain a real client's bucket.
 *
 * <p><b>Keyset pagination.</b> {@code GET /products?sort=-price,name&limit=50} returns a page and a
 * {@code next} cursor: the sort-key values of the page's last row, bound to the query and signed
 * ({@link CursorCodec}). The next page is {@code WHERE (keys) after (those values)} in the same
 * order, answered by an index seek; {@code id} ends every sort, so the order is total and no row
 * sits between two pages. Cost: O(log n + page) per page whatever its depth, against O(offset +
 * page) for {@code OFFSET}, which also shows a row twice (or never) when rows are inserted (or
 * deleted) ahead of the reader. The price: no "jump to page 7", and a cursor means "after this
 * row", not "page n".
 *
 * <p><b>Edge cases and failure modes.</b> Unknown, repeated, malformed or out-of-range parameters
 * are 400s naming the parameter; {@code LIKE} wildcards in {@code nameStartsWith} are literal; a
 * cursor altered, forged, or replayed with other filters is a 400; request bodies over {@value
 * #MAX_BODY} bytes are 413; an unexpected failure is a 500 whose body says nothing of the cause
 * (logged instead). Per-client buckets live in this process: several instances behind a load
 * balancer would each admit the full rate (share them through Redis, as Bucket4j does); a client
 * that was never authenticated gets no bucket, so the map grows only with real clients.
 *
 * <p><b>Follow-ups.</b> <i>"How would the client show 'page 3 of 20'?"</i> A separate, cached
 * {@code COUNT} (or an estimate from statistics); counting on every page is what keyset avoids.
 * <i>"What if the sort column is nullable?"</i> Nulls need an explicit place ({@code NULLS LAST})
 * and the seek condition gets an {@code IS NULL} branch; here every column is {@code NOT NULL}.
 */
@Task(id = "senior.architecture.3", title = "Scalable REST API")
public final class ScalableRestApi implements AutoCloseable {

  /** The largest request body read. */
  public static final int MAX_BODY = 16 * 1024;

  /** The scope that reads products. */
  public static final String READ = "products:read";

  /** The scope that creates products. */
  public static final String WRITE = "products:write";

  private static final Logger LOG = LoggerFactory.getLogger(ScalableRestApi.class);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern PRODUCT = Pattern.compile("/products/([^/]+)");
  private static final String PROBLEM = "application/problem+json";

  /**
   * One route of the API.
   *
   * @param method the HTTP method
   * @param path the path template, as in the OpenAPI document ({@code /products/{id}})
   * @param scope the scope it needs; empty for a public route
   */
  public record Route(String method, String path, Optional<String> scope) {
    /** Checks the components. */
    public Route {
      Objects.requireNonNull(method, "method");
      Objects.requireNonNull(path, "path");
      Objects.requireNonNull(scope, "scope");
    }
  }

  /** Every route the API serves. */
  public static final List<Route> ROUTES =
      List.of(
          new Route("GET", "/openapi.json", Optional.empty()),
          new Route("GET", "/products", Optional.of(READ)),
          new Route("POST", "/products", Optional.of(WRITE)),
          new Route("GET", "/products/{id}", Optional.of(READ)));

  private final ProductStore store;
  private final JwtAuthenticator authenticator;
  private final CursorCodec cursors;
  private final Clock clock;
  private final Limits limits;
  private final ConcurrentMap<String, TokenBucket> buckets = new ConcurrentHashMap<>();
  private final byte[] openApi;
  private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
  private final HttpServer server;
  private final AtomicBoolean closed = new AtomicBoolean();

  /** The rate each client gets: a bucket of {@code capacity}, {@code refill} per {@code period}. */
  private record Limits(long capacity, long refill, Duration period, TimeSource time) {}

  private ScalableRestApi(Builder builder) throws IOException {
    this.store = builder.store;
    this.authenticator = builder.authenticator;
    this.cursors = new CursorCodec(builder.cursorKey);
    this.clock = builder.clock;
    this.limits = new Limits(builder.capacity, builder.refill, builder.period, builder.time);
    try (InputStream in = ScalableRestApi.class.getResourceAsStream("openapi.json")) {
      if (in == null) {
        throw new IllegalStateException("openapi.json is missing from the classpath");
      }
      this.openApi = in.readAllBytes();
    }
    this.server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), builder.port), 0);
    server.setExecutor(executor);
    server.createContext("/", this::handle);
    server.start();
  }

  /**
   * A builder for an API over {@code store} that trusts tokens {@code authenticator} accepts.
   *
   * <p>Defaults: a random cursor key (cursors die with the process), 100 requests a client at once
   * refilled at 50 a second, the system clock and time source, a free loopback port.
   */
  public static Builder builder(ProductStore store, JwtAuthenticator authenticator) {
    return new Builder(store, authenticator);
  }

  /** Configures and starts a {@link ScalableRestApi}. */
  public static final class Builder {
    private final ProductStore store;
    private final JwtAuthenticator authenticator;
    private byte[] cursorKey;
    private long capacity = 100;
    private long refill = 50;
    private Duration period = Duration.ofSeconds(1);
    private TimeSource time = TimeSource.system();
    private Clock clock = Clock.systemUTC();
    private int port;

    private Builder(ProductStore store, JwtAuthenticator authenticator) {
      this.store = Objects.requireNonNull(store, "store");
      this.authenticator = Objects.requireNonNull(authenticator, "authenticator");
      this.cursorKey = new byte[32];
      new SecureRandom().nextBytes(cursorKey);
    }

    /** The key cursors are signed with (at least 32 bytes), shared by every instance. */
    public Builder cursorKey(byte[] key) {
      Objects.requireNonNull(key, "key");
      if (key.length < 32) {
        throw new IllegalArgumentException("cursor key must be at least 32 bytes: " + key.length);
      }
      this.cursorKey = key.clone();
      return this;
    }

    /**
     * Each client's token bucket: up to {@code capacity} requests at once, {@code refill} more
     * every {@code period}.
     *
     * @throws IllegalArgumentException as {@link RateLimiter#tokenBucket} does
     */
    public Builder rateLimit(long capacity, long refill, Duration period) {
      RateLimiter.tokenBucket(capacity, refill, period, time).close();
      this.capacity = capacity;
      this.refill = refill;
      this.period = period;
      return this;
    }

    /** The time the rate limiter runs on (a simulated one in tests). */
    public Builder timeSource(TimeSource time) {
      this.time = Objects.requireNonNull(time, "time");
      return this;
    }

    /** The clock that stamps created rows. */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /** The loopback port, 0 for a free one. */
    public Builder port(int port) {
      if (port < 0 || port > 65_535) {
        throw new IllegalArgumentException("port must be in [0, 65535]: " + port);
      }
      this.port = port;
      return this;
    }

    /**
     * Starts the server.
     *
     * @throws IOException if the port cannot be bound
     */
    public ScalableRestApi start() throws IOException {
      return new ScalableRestApi(this);
    }
  }

  /** The base address, such as {@code http://127.0.0.1:41234}. */
  public URI baseUri() {
    InetSocketAddress address = server.getAddress();
    return URI.create("http://" + address.getHostString() + ":" + address.getPort());
  }

  /** Stops the server (in-flight requests are cut) and the rate limiters; not the store. */
  @Override
  public void close() {
    if (closed.compareAndSet(false, true)) {
      server.stop(0);
      executor.close();
      buckets.values().forEach(RateLimiter::close);
      buckets.clear();
    }
  }

  @Override
  public String toString() {
    return "ScalableRestApi[" + baseUri() + (closed.get() ? ", closed]" : "]");
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      try {
        dispatch(exchange);
      } catch (ApiException e) {
        problem(exchange, e);
      } catch (RuntimeException | SQLException e) {
        LOG.error(
            "{} {} failed", exchange.getRequestMethod(), exchange.getRequestURI().getPath(), e);
        problem(
            exchange,
            new ApiException(500, "Internal Server Error", "the request failed", Map.of()));
      }
    }
  }

  private void dispatch(HttpExchange exchange) throws IOException, SQLException {
    String path = exchange.getRequestURI().getPath();
    String method = exchange.getRequestMethod();
    Matcher product = PRODUCT.matcher(path);
    String template = product.matches() ? "/products/{id}" : path;
    List<Route> routes = ROUTES.stream().filter(route -> route.path().equals(template)).toList();
    if (routes.isEmpty()) {
      throw new ApiException(404, "Not Found", "no route " + ApiException.quote(path), Map.of());
    }
    Route route =
        routes.stream()
            .filter(candidate -> candidate.method().equals(method))
            .findFirst()
            .orElseThrow(
                () -> {
                  exchange
                      .getResponseHeaders()
                      .set("Allow", String.join(", ", routes.stream().map(Route::method).toList()));
                  return new ApiException(
                      405,
                      "Method Not Allowed",
                      method + " is not allowed on " + template,
                      Map.of());
                });
    String client;
    Optional<JwtAuthenticator.Principal> principal = Optional.empty();
    if (route.scope().isPresent()) {
      try {
        principal =
            Optional.of(
                authenticator.authenticate(exchange.getRequestHeaders().getFirst("Authorization")));
      } catch (ApiException e) {
        exchange
            .getResponseHeaders()
            .set("WWW-Authenticate", "Bearer realm=\"products\", error=\"invalid_token\"");
        throw e;
      }
      client = "sub:" + principal.get().subject();
    } else {
      client = "ip:" + exchange.getRemoteAddress().getAddress().getHostAddress();
    }
    admit(exchange, client);
    if (principal.isPresent() && !principal.get().scopes().contains(route.scope().get())) {
      exchange
          .getResponseHeaders()
          .set(
              "WWW-Authenticate",
              "Bearer realm=\"products\", error=\"insufficient_scope\", scope=\""
                  + route.scope().get()
                  + "\"");
      throw new ApiException(
          403, "Forbidden", "the token lacks the scope " + route.scope().get(), Map.of());
    }
    switch (route.method() + " " + route.path()) {
      case "GET /openapi.json" -> send(exchange, 200, "application/json", openApi);
      case "GET /products" -> list(exchange);
      case "POST /products" -> create(exchange);
      case "GET /products/{id}" -> get(exchange, product.group(1));
      default -> throw new IllegalStateException("no handler for " + route);
    }
  }

  private void admit(HttpExchange exchange, String client) {
    TokenBucket bucket =
        buckets.computeIfAbsent(
            client,
            key ->
                RateLimiter.tokenBucket(
                    limits.capacity(), limits.refill(), limits.period(), limits.time()));
    if (!bucket.tryAcquire()) {
      // Refused means less than one permit is left, and one permit comes back every interval.
      long seconds = Math.max(1, (bucket.intervalNanos() + 999_999_999L) / 1_000_000_000L);
      exchange.getResponseHeaders().set("Retry-After", Long.toString(seconds));
      throw new ApiException(
          429,
          "Too Many Requests",
          "rate limit of " + limits.capacity() + " requests exceeded; retry in " + seconds + " s",
          Map.of());
    }
  }

  private void list(HttpExchange exchange) throws IOException, SQLException {
    Map<String, String> parameters = parameters(exchange.getRequestURI().getRawQuery());
    ProductQuery query = ProductQuery.parse(parameters);
    List<String> after =
        parameters.containsKey("cursor")
            ? cursors.decode(parameters.get("cursor"), query.canonical(), query.sort().size())
            : List.of();
    List<Product> rows = store.pageAfter(query, after, query.limit() + 1);
    boolean more = rows.size() > query.limit();
    List<Product> page = more ? rows.subList(0, query.limit()) : rows;
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("items", page.stream().map(Product::toJson).toList());
    String next = null;
    if (more) {
      Product last = page.getLast();
      next =
          cursors.encode(
              query.canonical(),
              query.sort().stream().map(key -> key.field().valueOf(last)).toList());
    }
    body.put("next", next);
    sendJson(exchange, 200, body);
  }

  private void get(HttpExchange exchange, String rawId) throws IOException, SQLException {
    if (exchange.getRequestURI().getRawQuery() != null) {
      throw ApiException.badParameter("query", "GET /products/{id} takes no query parameters");
    }
    if (!rawId.matches("[1-9][0-9]{0,17}")) {
      throw ApiException.badParameter(
          "id", "id must be a positive integer: " + ApiException.quote(rawId));
    }
    long id = Long.parseLong(rawId);
    Product found =
        store
            .find(id)
            .orElseThrow(
                () -> new ApiException(404, "Not Found", "no product with id " + id, Map.of()));
    sendJson(exchange, 200, found.toJson());
  }

  private void create(HttpExchange exchange) throws IOException, SQLException {
    String type = exchange.getRequestHeaders().getFirst("Content-Type");
    if (type == null || !type.toLowerCase(Locale.ROOT).startsWith("application/json")) {
      throw new ApiException(
          415, "Unsupported Media Type", "the body must be application/json", Map.of());
    }
    byte[] bytes = exchange.getRequestBody().readNBytes(MAX_BODY + 1);
    if (bytes.length > MAX_BODY) {
      throw new ApiException(
          413, "Content Too Large", "the body is larger than " + MAX_BODY + " bytes", Map.of());
    }
    JsonNode body;
    try {
      body = JSON.readTree(new String(bytes, StandardCharsets.UTF_8));
    } catch (JsonProcessingException e) {
      throw ApiException.badParameter("body", "the body is not valid JSON");
    }
    if (body == null || !body.isObject()) {
      throw ApiException.badParameter("body", "the body must be a JSON object");
    }
    List<String> unknown = new ArrayList<>();
    body.fieldNames()
        .forEachRemaining(
            name -> {
              if (!List.of("name", "category", "price").contains(name)) {
                unknown.add(name);
              }
            });
    if (!unknown.isEmpty()) {
      throw ApiException.badParameter(
          unknown.getFirst(), "unknown field " + ApiException.quote(unknown.getFirst()));
    }
    String name = ProductQuery.text("name", textField(body, "name"), ProductQuery.MAX_NAME);
    String category =
        ProductQuery.text("category", textField(body, "category"), ProductQuery.MAX_CATEGORY);
    BigDecimal price = ProductQuery.price("price", textField(body, "price"));
    Product created = store.insert(name, category, price, clock.instant());
    exchange.getResponseHeaders().set("Location", "/products/" + created.id());
    sendJson(exchange, 201, created.toJson());
  }

  private static String textField(JsonNode body, String name) {
    JsonNode value = body.get(name);
    if (value == null || value.isNull()) {
      throw ApiException.badParameter(name, name + " is required");
    }
    if (name.equals("price") && value.isNumber()) {
      return value.decimalValue().toPlainString();
    }
    if (!value.isTextual()) {
      throw ApiException.badParameter(name, name + " must be a string");
    }
    return value.textValue();
  }

  /**
   * The decoded query parameters.
   *
   * @throws ApiException 400 on a repeated parameter or malformed percent-encoding
   */
  static Map<String, String> parameters(String rawQuery) {
    Map<String, String> parameters = new LinkedHashMap<>();
    if (rawQuery == null || rawQuery.isEmpty()) {
      return parameters;
    }
    for (String pair : rawQuery.split("&", -1)) {
      int equals = pair.indexOf('=');
      String name = decode(equals < 0 ? pair : pair.substring(0, equals));
      String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
      if (parameters.putIfAbsent(name, value) != null) {
        throw ApiException.badParameter(
            name, "query parameter " + ApiException.quote(name) + " is given twice");
      }
    }
    return parameters;
  }

  private static String decode(String text) {
    try {
      return URLDecoder.decode(text, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw ApiException.badParameter("query", "the query string is not percent-encoded properly");
    }
  }

  private static void problem(HttpExchange exchange, ApiException e) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", "about:blank");
    body.put("title", e.title());
    body.put("status", e.status());
    body.put("detail", e.getMessage());
    body.put("instance", exchange.getRequestURI().getPath());
    e.extensions().forEach(body::putIfAbsent);
    try {
      send(exchange, e.status(), PROBLEM, JSON.writeValueAsBytes(body));
    } catch (IOException io) {
      LOG.debug("could not send a problem to the client", io);
    }
  }

  private static void sendJson(HttpExchange exchange, int status, Object body) throws IOException {
    send(exchange, status, "application/json", JSON.writeValueAsBytes(body));
  }

  private static void send(HttpExchange exchange, int status, String type, byte[] body)
      throws IOException {
    exchange.getResponseHeaders().set("Content-Type", type + "; charset=utf-8");
    exchange.sendResponseHeaders(status, body.length);
    exchange.getResponseBody().write(body);
  }
}
