package org.interviewtasks.senior.operations.tracing;

import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.interviewtasks.common.Args;
import org.interviewtasks.common.Task;

/**
 * Tracks one request across three services with OpenTelemetry: {@code gateway} (HTTP) calls {@code
 * orders} (HTTP), which calls {@code inventory} over gRPC and hands a confirmation to a worker
 * pool. Each service has its own SDK ({@link ServiceTelemetry}: resource, sampler, exporters); the
 * spans they export form one tree:
 *
 * <pre>
 * gateway   SERVER   POST /orders
 *   gateway   CLIENT   POST
 *     orders    SERVER   POST /orders
 *       orders    CLIENT   interviewtasks.tracing.v1.Inventory/Reserve
 *         inventory SERVER   interviewtasks.tracing.v1.Inventory/Reserve
 *           inventory INTERNAL reserve stock
 *       orders    PRODUCER confirmations publish
 *         orders    CONSUMER confirmations process   (on a pool thread, may end after the answer)
 * </pre>
 *
 * <p><b>Approach: instrumentation by hand.</b> Each hop does what an instrumentation library does:
 * the caller starts a CLIENT span and <i>injects</i> the current context into the outgoing headers
 * ({@link TracedHttpClient}, {@link GrpcTracing#client}); the callee <i>extracts</i> it and starts
 * a SERVER span with that remote parent ({@link TracedHttpServer}, {@link GrpcTracing#server}). The
 * wire format is W3C Trace Context, {@code traceparent: 00-<trace id>-<parent span id>-<flags>},
 * plus W3C Baggage ({@code baggage: tenant=acme}): key-value pairs every hop passes on (the gateway
 * sets the tenant; inventory and the pool's worker read it). Within a process, the context is a
 * thread-local; {@link io.opentelemetry.context.Context#taskWrapping} carries it across the pool.
 * Attributes use the semantic conventions' names ({@link Conventions}), so that any backend
 * understands them. In production one would not write this: the OpenTelemetry Java agent ({@code
 * -javaagent:opentelemetry-javaagent.jar}) instruments the JDK HttpClient, gRPC, JDBC, Kafka and
 * executors by bytecode rewriting, with the same spans and headers, configured by {@code OTEL_*}
 * environment variables; or one adds the libraries ({@code opentelemetry-grpc-1.6}, {@code
 * opentelemetry-java-http-client}) to the builders by hand. Manual spans stay for business steps
 * ({@code reserve stock}).
 *
 * <p><b>Sampling</b> is decided once, at the root: {@code parentBased(traceIdRatioBased(r))}
 * ({@link ServiceTelemetry}). The decision travels in the {@code traceparent} flags, so an
 * unsampled root makes the whole chain unsampled even where the local ratio is 1.
 *
 * <p><b>Export.</b> Spans are batched in each process and sent off the request path: to any {@link
 * SpanExporter} given (tests use the in-memory one) and, with {@link Builder#otlpEndpoint}, over
 * OTLP/HTTP to Jaeger or a Collector ({@link ServiceTelemetry#LOCAL_OTLP_ENDPOINT}, Jaeger's port
 * 4318). Cost: a span is in-memory work (an object, its attributes, two clock reads), far below the
 * network hop it describes; export is amortised over batches of up to 512 spans, and the queue
 * holds at most 2048 per process.
 *
 * <p><b>Edge cases and failure modes.</b> A malformed {@code traceparent} (wrong length, version
 * {@code ff}, an all-zero id, upper-case hex) is ignored: the request is served in a new trace. A
 * failure marks the spans {@code ERROR} with an exception event where the exception is seen
 * (inventory's store, the gRPC client), {@code rpc.grpc.status_code} on both gRPC spans and the 5xx
 * on the HTTP spans; 4xx and {@code NOT_FOUND} are errors for clients only. A backend that is down
 * loses spans (the batch queue drops when full), never requests. Baggage from outside is dropped at
 * the gateway. A scope not closed leaks the context into whatever the thread runs next: every
 * {@code makeCurrent()} here is in try-with-resources.
 *
 * <p><b>Follow-ups.</b> <i>"How do you keep only the interesting traces?"</i> Head sampling (this)
 * cannot know a trace will fail; tail sampling in an OpenTelemetry Collector buffers whole traces
 * and keeps errors and slow ones. <i>"And through Kafka?"</i> The producer injects the context into
 * the record's headers; a consumer that handles a batch starts its span with <i>links</i> to each
 * record's context rather than one parent. <i>"How do logs join in?"</i> Put the trace and span ids
 * in the logging MDC (the agent does), so a backend jumps from a span to its logs.
 */
@Task(
    id = "senior.operations.4",
    title = "Distributed tracing",
    usage = "[sku quantity] [--otlp URL]")
public final class DistributedTracing implements AutoCloseable {

  /** The {@code service.name} of the edge service. */
  public static final String GATEWAY = "gateway";

  /** The {@code service.name} of the service in the middle. */
  public static final String ORDERS = "orders";

  /** The {@code service.name} of the last hop. */
  public static final String INVENTORY = "inventory";

  /** The stock the services start with unless told otherwise. */
  public static final Map<String, Integer> DEFAULT_STOCK = Map.of("tea-1", 100, "cafe-2", 5);

  private final ServiceTelemetry inventoryTelemetry;
  private final ServiceTelemetry ordersTelemetry;
  private final ServiceTelemetry gatewayTelemetry;
  private final List<AutoCloseable> open = new ArrayList<>();
  private final InventoryService inventory;
  private final OrdersService orders;
  private final GatewayService gateway;
  private final HttpClient outside =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private boolean closed;

  private DistributedTracing(Builder b) {
    inventoryTelemetry = keep(b.telemetry(INVENTORY));
    ordersTelemetry = keep(b.telemetry(ORDERS));
    gatewayTelemetry = keep(b.telemetry(GATEWAY));
    try {
      inventory = keep(InventoryService.start(inventoryTelemetry, b.stock));
      orders = keep(OrdersService.start(ordersTelemetry, inventory.port()));
      gateway = keep(GatewayService.start(gatewayTelemetry, orders.uri()));
    } catch (RuntimeException e) {
      close();
      throw e;
    }
  }

  private <T extends AutoCloseable> T keep(T closeable) {
    open.add(closeable);
    return closeable;
  }

  /** A builder for the three services. */
  public static Builder builder() {
    return new Builder();
  }

  /** The gateway, where requests enter. */
  public GatewayService gateway() {
    return gateway;
  }

  /** The orders service. */
  public OrdersService orders() {
    return orders;
  }

  /** The inventory service. */
  public InventoryService inventory() {
    return inventory;
  }

  /** The three services' telemetry, gateway first. */
  public List<ServiceTelemetry> telemetry() {
    return List.of(gatewayTelemetry, ordersTelemetry, inventoryTelemetry);
  }

  /**
   * Sends an order to the gateway from outside (no trace of its own), as a client would.
   *
   * @param tenant the {@value GatewayService#TENANT_HEADER} header, or null for none
   * @throws IOException if the gateway does not answer
   */
  public HttpResponse<String> order(String tenant, Order order)
      throws IOException, InterruptedException {
    Objects.requireNonNull(order, "order");
    HttpRequest.Builder request =
        HttpRequest.newBuilder(gateway.uri().resolve("/orders"))
            .timeout(Duration.ofSeconds(30))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofByteArray(order.toJson()));
    if (tenant != null) {
      request.header(GatewayService.TENANT_HEADER, tenant);
    }
    return outside.send(
        request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  /**
   * Exports every span the three services have ended so far.
   *
   * @return whether every exporter succeeded within {@code timeout}
   */
  public boolean flush(Duration timeout) {
    boolean all = true;
    for (ServiceTelemetry telemetry : telemetry()) {
      all &= telemetry.flush(timeout);
    }
    return all;
  }

  /**
   * Stops the services (gateway first; the orders pool finishes its confirmations), then flushes
   * and shuts down their SDKs. Idempotent.
   */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    outside.close();
    RuntimeException failure = null;
    for (AutoCloseable closeable : open.reversed()) {
      try {
        closeable.close();
      } catch (Exception e) {
        if (failure == null) {
          failure = new IllegalStateException("closing the services failed", e);
        } else {
          failure.addSuppressed(e);
        }
      }
    }
    if (failure != null) {
      throw failure;
    }
  }

  /**
   * Starts the three services on loopback, sends one order, stops them and prints the response and
   * the trace as a tree: {@code senior.operations.4 [sku quantity] [--otlp URL]}. The default order
   * is two of {@code tea-1}; {@code nope 1} shows a 404, {@code cafe-2 9} a 409. With {@code --otlp
   * http://localhost:4318/v1/traces} the spans also go to a local Jaeger.
   *
   * @throws IllegalArgumentException on bad usage
   */
  public static void main(String... args) throws IOException, InterruptedException {
    List<String> rest = new ArrayList<>(Arrays.asList(args));
    Builder builder = builder();
    int otlp = rest.indexOf("--otlp");
    if (otlp >= 0) {
      if (otlp + 1 >= rest.size()) {
        throw new IllegalArgumentException(
            "--otlp needs a URL, e.g. " + ServiceTelemetry.LOCAL_OTLP_ENDPOINT);
      }
      builder.otlpEndpoint(URI.create(rest.get(otlp + 1)));
      rest.subList(otlp, otlp + 2).clear();
    }
    if (rest.size() != 0 && rest.size() != 2) {
      throw new IllegalArgumentException("usage: senior.operations.4 [sku quantity] [--otlp URL]");
    }
    Order order =
        rest.isEmpty() ? new Order("tea-1", 2) : new Order(rest.get(0), Args.toInt(rest.get(1)));
    Collector spans = new Collector();
    HttpResponse<String> response;
    try (DistributedTracing chain = builder.addExporter(spans).start()) {
      response = chain.order("acme", order);
    } // closing waits for the confirmation and exports every span
    System.out.println(
        "POST /orders "
            + new String(order.toJson(), StandardCharsets.UTF_8)
            + " (X-Tenant: acme) -> "
            + response.statusCode()
            + " "
            + response.body());
    System.out.print(SpanTree.render(spans.spans));
  }

  /** Keeps what it is given: the demo's exporter. */
  private static final class Collector implements SpanExporter {
    final ConcurrentLinkedQueue<SpanData> spans = new ConcurrentLinkedQueue<>();

    @Override
    public CompletableResultCode export(Collection<SpanData> batch) {
      spans.addAll(batch);
      return CompletableResultCode.ofSuccess();
    }

    @Override
    public CompletableResultCode flush() {
      return CompletableResultCode.ofSuccess();
    }

    @Override
    public CompletableResultCode shutdown() {
      return CompletableResultCode.ofSuccess();
    }
  }

  /** Builds a {@link DistributedTracing}. */
  public static final class Builder {
    private double samplingRatio = 1.0;
    private URI otlpEndpoint;
    private final List<SpanExporter> exporters = new ArrayList<>();
    private StockStore stock;

    private Builder() {}

    /**
     * The ratio of new traces every service samples (default 1).
     *
     * @throws IllegalArgumentException if not in [0, 1]
     */
    public Builder samplingRatio(double ratio) {
      this.samplingRatio = ServiceTelemetry.checkRatio(ratio);
      return this;
    }

    /**
     * Every service also exports over OTLP/HTTP to {@code endpoint} (with {@code /v1/traces}).
     *
     * @throws IllegalArgumentException if it is not an http(s) URI with a host
     */
    public Builder otlpEndpoint(URI endpoint) {
      this.otlpEndpoint = ServiceTelemetry.checkEndpoint(endpoint);
      return this;
    }

    /** Every service also exports to {@code exporter}, which stays the caller's. */
    public Builder addExporter(SpanExporter exporter) {
      exporters.add(Objects.requireNonNull(exporter, "exporter"));
      return this;
    }

    /** Inventory's stock (default: {@link #DEFAULT_STOCK} in memory). */
    public Builder stock(StockStore stock) {
      this.stock = Objects.requireNonNull(stock, "stock");
      return this;
    }

    /**
     * Starts inventory, orders and the gateway on free loopback ports.
     *
     * @throws java.io.UncheckedIOException if a port cannot be bound
     */
    public DistributedTracing start() {
      if (stock == null) {
        stock = StockStore.inMemory(DEFAULT_STOCK);
      }
      return new DistributedTracing(this);
    }

    private ServiceTelemetry telemetry(String service) {
      ServiceTelemetry.Builder telemetry =
          ServiceTelemetry.builder(service).samplingRatio(samplingRatio);
      if (otlpEndpoint != null) {
        telemetry.otlpEndpoint(otlpEndpoint);
      }
      exporters.forEach(telemetry::addExporter);
      return telemetry.build();
    }
  }
}
