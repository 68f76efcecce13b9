package org.interviewtasks.senior.operations.tracing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.EventData;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import org.interviewtasks.common.testing.StdStreams;
import org.interviewtasks.senior.infra.FreePorts;
import org.interviewtasks.senior.operations.tracing.proto.InventoryGrpc;
import org.interviewtasks.senior.operations.tracing.proto.ReserveRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The three services over real loopback sockets (HTTP/1.1 and gRPC over HTTP/2), their spans
 * collected by the SDK's in-memory exporter, or decoded from OTLP as a backend receives them.
 */
class DistributedTracingTest {

  private static final Duration WAIT = Duration.ofSeconds(30);
  private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";
  private static final String CALLER_SPAN_ID = "00f067aa0ba902b7";
  private static final String RESERVE = InventoryService.SERVICE + "/Reserve";

  private final InMemorySpanExporter exporter = InMemorySpanExporter.create();
  private final HttpClient http =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private final List<AutoCloseable> open = new ArrayList<>();

  @AfterEach
  void closeAll() throws Exception {
    for (AutoCloseable closeable : open.reversed()) {
      closeable.close();
    }
    http.close();
    exporter.shutdown();
  }

  private <T extends AutoCloseable> T keep(T closeable) {
    open.add(closeable);
    return closeable;
  }

  private DistributedTracing chain(UnaryOperator<DistributedTracing.Builder> config) {
    return keep(config.apply(DistributedTracing.builder().addExporter(exporter)).start());
  }

  private DistributedTracing chain() {
    return chain(b -> b);
  }

  private HttpResponse<String> post(URI base, String body, Map<String, String> headers)
      throws IOException, InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(base.resolve("/orders"))
            .timeout(WAIT)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body));
    headers.forEach(request::header);
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static String order(String sku, int quantity) {
    return new String(new Order(sku, quantity).toJson(), StandardCharsets.UTF_8);
  }

  /** Waits until {@code count} spans are exported, flushing the services' batches each time. */
  private List<SpanData> awaitSpans(List<ServiceTelemetry> telemetry, int count) {
    await()
        .atMost(WAIT)
        .untilAsserted(
            () -> {
              telemetry.forEach(t -> t.flush(WAIT));
              assertThat(exporter.getFinishedSpanItems()).hasSize(count);
            });
    return exporter.getFinishedSpanItems();
  }

  private static SpanData only(List<SpanData> spans, String service, SpanKind kind, String name) {
    List<SpanData> found =
        spans.stream()
            .filter(
                s ->
                    SpanTree.service(s).equals(service)
                        && s.getKind() == kind
                        && s.getName().equals(name))
            .toList();
    assertThat(found).as("%s %s %s in%n%s", service, kind, name, SpanTree.render(spans)).hasSize(1);
    return found.getFirst();
  }

  private static void assertChildOf(SpanData child, SpanData parent) {
    assertThat(child.getTraceId()).isEqualTo(parent.getTraceId());
    assertThat(child.getParentSpanId())
        .as("parent of %s", child.getName())
        .isEqualTo(parent.getSpanId());
  }

  /** Bit 0 of a {@code traceparent}'s flags byte (its last two hex digits). */
  private static boolean sampledFlag(String traceparent) {
    return (HexFormat.fromHexDigits(traceparent, traceparent.length() - 2, traceparent.length())
            & 1)
        == 1;
  }

  private static EventData exceptionEvent(SpanData span) {
    List<EventData> events =
        span.getEvents().stream().filter(e -> e.getName().equals("exception")).toList();
    assertThat(events).as("exception events of %s", span.getName()).hasSize(1);
    return events.getFirst();
  }

  private static final AttributeKey<String> EXCEPTION_TYPE =
      AttributeKey.stringKey("exception.type");
  private static final AttributeKey<String> EXCEPTION_MESSAGE =
      AttributeKey.stringKey("exception.message");

  /** The eight spans of an order that succeeds. */
  record Tree(
      SpanData gatewayServer,
      SpanData gatewayClient,
      SpanData ordersServer,
      SpanData ordersClient,
      SpanData inventoryServer,
      SpanData reserveStock,
      SpanData producer,
      SpanData consumer) {

    static Tree of(List<SpanData> spans) {
      assertThat(spans).hasSize(8);
      return new Tree(
          only(spans, "gateway", SpanKind.SERVER, "POST /orders"),
          only(spans, "gateway", SpanKind.CLIENT, "POST"),
          only(spans, "orders", SpanKind.SERVER, "POST /orders"),
          only(spans, "orders", SpanKind.CLIENT, RESERVE),
          only(spans, "inventory", SpanKind.SERVER, RESERVE),
          only(spans, "inventory", SpanKind.INTERNAL, "reserve stock"),
          only(spans, "orders", SpanKind.PRODUCER, "confirmations publish"),
          only(spans, "orders", SpanKind.CONSUMER, "confirmations process"));
    }

    /** Every parent link, and one trace id for all. */
    void assertLinked() {
      assertChildOf(gatewayClient, gatewayServer);
      assertChildOf(ordersServer, gatewayClient);
      assertChildOf(ordersClient, ordersServer);
      assertChildOf(inventoryServer, ordersClient);
      assertChildOf(reserveStock, inventoryServer);
      assertChildOf(producer, ordersServer);
      assertChildOf(consumer, producer);
      // A parent in another process arrives through a header: the SDK marks it remote.
      assertThat(ordersServer.getParentSpanContext().isRemote()).isTrue();
      assertThat(inventoryServer.getParentSpanContext().isRemote()).isTrue();
      assertThat(gatewayClient.getParentSpanContext().isRemote()).isFalse();
      assertThat(consumer.getParentSpanContext().isRemote()).isFalse();
    }

    List<SpanData> all() {
      return List.of(
          gatewayServer,
          gatewayClient,
          ordersServer,
          ordersClient,
          inventoryServer,
          reserveStock,
          producer,
          consumer);
    }
  }

  @Test
  void oneOrderMakesOneTreeOfEightSpansAcrossTheThreeServices() throws Exception {
    DistributedTracing chain = chain();
    HttpResponse<String> response = chain.order("acme", new Order("tea-1", 2));

    assertThat(response.statusCode()).isEqualTo(201);
    JsonNode body = TracedHttpServer.JSON.readTree(response.body());
    assertThat(body.get("reservationId").asText()).isEqualTo("r-1");
    assertThat(body.get("remaining").asInt()).isEqualTo(98);

    long gatewayPort = chain.gateway().uri().getPort();
    URI ordersUri = chain.orders().uri();
    long inventoryPort = chain.inventory().port();
    awaitSpans(chain.telemetry(), 8);
    chain.close(); // waits for the pool and flushes: nothing more may arrive
    List<SpanData> spans = exporter.getFinishedSpanItems();
    Tree tree = Tree.of(spans);
    tree.assertLinked();
    assertThat(spans)
        .extracting(SpanData::getTraceId)
        .containsOnly(tree.gatewayServer().getTraceId());
    assertThat(tree.gatewayServer().getParentSpanContext().isValid()).isFalse();
    assertThat(spans)
        .allSatisfy(s -> assertThat(s.getStatus().getStatusCode()).isEqualTo(StatusCode.UNSET));

    SpanData gatewayServer = tree.gatewayServer();
    assertThat(gatewayServer.getAttributes().asMap())
        .containsEntry(Conventions.HTTP_REQUEST_METHOD, "POST")
        .containsEntry(Conventions.URL_PATH, "/orders")
        .containsEntry(Conventions.URL_SCHEME, "http")
        .containsEntry(Conventions.HTTP_ROUTE, "/orders")
        .containsEntry(Conventions.HTTP_RESPONSE_STATUS_CODE, 201L)
        .containsEntry(Conventions.SERVER_ADDRESS, "127.0.0.1")
        .containsEntry(Conventions.SERVER_PORT, gatewayPort)
        .containsEntry(Conventions.CLIENT_ADDRESS, "127.0.0.1")
        .containsEntry(Conventions.NETWORK_PROTOCOL_VERSION, "1.1")
        .containsEntry(Conventions.APP_TENANT, "acme");
    assertThat(tree.gatewayClient().getAttributes().asMap())
        .containsEntry(Conventions.HTTP_REQUEST_METHOD, "POST")
        .containsEntry(Conventions.URL_FULL, ordersUri + "/orders")
        .containsEntry(Conventions.SERVER_ADDRESS, "127.0.0.1")
        .containsEntry(Conventions.SERVER_PORT, (long) ordersUri.getPort())
        .containsEntry(Conventions.HTTP_RESPONSE_STATUS_CODE, 201L)
        .doesNotContainKey(Conventions.ERROR_TYPE);
    assertThat(tree.ordersServer().getAttributes().asMap())
        .containsEntry(Conventions.URL_PATH, "/orders")
        .containsEntry(Conventions.HTTP_ROUTE, "/orders")
        .containsEntry(Conventions.HTTP_RESPONSE_STATUS_CODE, 201L);
    for (SpanData grpc : List.of(tree.ordersClient(), tree.inventoryServer())) {
      assertThat(grpc.getAttributes().asMap())
          .containsEntry(Conventions.RPC_SYSTEM, "grpc")
          .containsEntry(Conventions.RPC_SERVICE, "interviewtasks.tracing.v1.Inventory")
          .containsEntry(Conventions.RPC_METHOD, "Reserve")
          .containsEntry(Conventions.RPC_GRPC_STATUS_CODE, 0L);
    }
    assertThat(tree.ordersClient().getAttributes().asMap())
        .containsEntry(Conventions.SERVER_ADDRESS, "127.0.0.1")
        .containsEntry(Conventions.SERVER_PORT, inventoryPort);
    assertThat(tree.inventoryServer().getAttributes().get(Conventions.APP_TENANT))
        .isEqualTo("acme");
    assertThat(tree.reserveStock().getAttributes().asMap())
        .containsEntry(Conventions.APP_TENANT, "acme")
        .containsEntry(Conventions.APP_SKU, "tea-1")
        .containsEntry(Conventions.APP_QUANTITY, 2L)
        .containsEntry(Conventions.APP_RESERVATION_ID, "r-1")
        .containsEntry(Conventions.APP_STOCK_REMAINING, 98L);
    assertThat(tree.producer().getAttributes().get(Conventions.APP_RESERVATION_ID))
        .isEqualTo("r-1");
    assertThat(tree.consumer().getAttributes().asMap())
        .containsEntry(Conventions.APP_RESERVATION_ID, "r-1")
        .containsEntry(Conventions.APP_TENANT, "acme"); // the baggage crossed the pool too

    assertThat(chain.orders().confirmations())
        .containsExactly(
            new OrdersService.Confirmation("r-1", "acme", tree.gatewayServer().getTraceId()));
  }

  @Test
  void eachServiceHasItsOwnResource() throws Exception {
    DistributedTracing chain = chain();
    chain.order("acme", new Order("tea-1", 1));
    Tree tree = Tree.of(awaitSpans(chain.telemetry(), 8));
    Map<String, Set<String>> servicesBySpan =
        tree.all().stream()
            .collect(
                Collectors.groupingBy(
                    SpanTree::service, Collectors.mapping(SpanData::getName, Collectors.toSet())));
    assertThat(servicesBySpan)
        .containsOnlyKeys("gateway", "orders", "inventory")
        .containsEntry("inventory", Set.of(RESERVE, "reserve stock"));
    assertThat(tree.all())
        .allSatisfy(
            s ->
                assertThat(
                        s.getResource()
                            .getAttribute(AttributeKey.stringKey("telemetry.sdk.language")))
                    .isEqualTo("java"));
    assertThat(chain.telemetry())
        .extracting(ServiceTelemetry::serviceName)
        .containsExactly("gateway", "orders", "inventory");
  }

  @Test
  void aFailingStoreMarksEverySpanOnThePathAsAnErrorWithTheException() throws Exception {
    DistributedTracing chain =
        chain(
            b ->
                b.stock(
                    (sku, quantity) -> {
                      throw new UncheckedIOException(new IOException("stock database unreachable"));
                    }));
    HttpResponse<String> response = chain.order("acme", new Order("tea-1", 1));

    assertThat(response.statusCode()).isEqualTo(502);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    JsonNode problem = TracedHttpServer.JSON.readTree(response.body());
    assertThat(problem.get("status").asInt()).isEqualTo(502);
    assertThat(problem.get("detail").asText()).isEqualTo("inventory: the stock store failed");
    // The cause stays in inventory: only its spans know it.
    assertThat(response.body()).doesNotContain("database");

    List<SpanData> spans = awaitSpans(chain.telemetry(), 6);
    chain.close();
    assertThat(exporter.getFinishedSpanItems()).hasSize(6); // no confirmation for a failed order
    SpanData gatewayServer = only(spans, "gateway", SpanKind.SERVER, "POST /orders");
    SpanData gatewayClient = only(spans, "gateway", SpanKind.CLIENT, "POST");
    SpanData ordersServer = only(spans, "orders", SpanKind.SERVER, "POST /orders");
    SpanData ordersClient = only(spans, "orders", SpanKind.CLIENT, RESERVE);
    SpanData inventoryServer = only(spans, "inventory", SpanKind.SERVER, RESERVE);
    SpanData reserveStock = only(spans, "inventory", SpanKind.INTERNAL, "reserve stock");
    assertChildOf(gatewayClient, gatewayServer);
    assertChildOf(ordersServer, gatewayClient);
    assertChildOf(ordersClient, ordersServer);
    assertChildOf(inventoryServer, ordersClient);
    assertChildOf(reserveStock, inventoryServer);
    assertThat(spans)
        .allSatisfy(s -> assertThat(s.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR));

    EventData stored = exceptionEvent(reserveStock);
    assertThat(stored.getAttributes().get(EXCEPTION_TYPE))
        .isEqualTo("java.io.UncheckedIOException");
    assertThat(stored.getAttributes().get(EXCEPTION_MESSAGE))
        .contains("stock database unreachable");
    assertThat(exceptionEvent(inventoryServer).getAttributes().get(EXCEPTION_TYPE))
        .isEqualTo("java.io.UncheckedIOException");
    for (SpanData grpc : List.of(inventoryServer, ordersClient)) {
      assertThat(grpc.getAttributes().asMap())
          .containsEntry(Conventions.RPC_GRPC_STATUS_CODE, 13L)
          .containsEntry(Conventions.ERROR_TYPE, "INTERNAL");
      assertThat(grpc.getStatus().getDescription()).isEqualTo("the stock store failed");
    }
    EventData client = exceptionEvent(ordersClient);
    assertThat(client.getAttributes().get(EXCEPTION_TYPE)).isEqualTo("io.grpc.StatusException");
    assertThat(client.getAttributes().get(EXCEPTION_MESSAGE))
        .isEqualTo("INTERNAL: the stock store failed");
    for (SpanData httpSpan : List.of(ordersServer, gatewayClient, gatewayServer)) {
      assertThat(httpSpan.getAttributes().asMap())
          .containsEntry(Conventions.HTTP_RESPONSE_STATUS_CODE, 502L)
          .containsEntry(Conventions.ERROR_TYPE, "502");
    }
  }

  @Test
  void outOfStockIsAnErrorForTheCallersButNotForTheServersThatAnsweredIt() throws Exception {
    DistributedTracing chain = chain();
    HttpResponse<String> response = chain.order("acme", new Order("cafe-2", 9));

    assertThat(response.statusCode()).isEqualTo(409);
    assertThat(TracedHttpServer.JSON.readTree(response.body()).get("detail").asText())
        .isEqualTo("inventory: cafe-2: only 5 left");
    List<SpanData> spans = awaitSpans(chain.telemetry(), 6);
    SpanData inventoryServer = only(spans, "inventory", SpanKind.SERVER, RESERVE);
    SpanData ordersClient = only(spans, "orders", SpanKind.CLIENT, RESERVE);
    SpanData ordersServer = only(spans, "orders", SpanKind.SERVER, "POST /orders");
    SpanData gatewayClient = only(spans, "gateway", SpanKind.CLIENT, "POST");
    SpanData gatewayServer = only(spans, "gateway", SpanKind.SERVER, "POST /orders");
    SpanData reserveStock = only(spans, "inventory", SpanKind.INTERNAL, "reserve stock");

    // FAILED_PRECONDITION is a right answer for the server, a failed call for its client.
    assertThat(inventoryServer.getAttributes().get(Conventions.RPC_GRPC_STATUS_CODE)).isEqualTo(9L);
    assertThat(inventoryServer.getStatus().getStatusCode()).isEqualTo(StatusCode.UNSET);
    assertThat(inventoryServer.getEvents()).isEmpty();
    assertThat(reserveStock.getStatus().getStatusCode()).isEqualTo(StatusCode.UNSET);
    assertThat(ordersClient.getAttributes().get(Conventions.RPC_GRPC_STATUS_CODE)).isEqualTo(9L);
    assertThat(ordersClient.getAttributes().get(Conventions.ERROR_TYPE))
        .isEqualTo("FAILED_PRECONDITION");
    assertThat(ordersClient.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
    // The same for HTTP: a 409 leaves server spans unset and fails the client span.
    for (SpanData server : List.of(ordersServer, gatewayServer)) {
      assertThat(server.getAttributes().get(Conventions.HTTP_RESPONSE_STATUS_CODE)).isEqualTo(409L);
      assertThat(server.getStatus().getStatusCode()).isEqualTo(StatusCode.UNSET);
      assertThat(server.getAttributes().get(Conventions.ERROR_TYPE)).isNull();
    }
    assertThat(gatewayClient.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
    assertThat(gatewayClient.getAttributes().get(Conventions.ERROR_TYPE)).isEqualTo("409");
  }

  @Test
  void aDeadlineThatPassesIsA504ForTheCallersAndACancelledCallForInventory() throws Exception {
    // The store returns only once inventory's gRPC context is cancelled: when the caller's
    // deadline has passed and its cancellation has reached the server.
    StockStore waitsForTheCallerToGiveUp =
        (sku, quantity) -> {
          CountDownLatch cancelled = new CountDownLatch(1);
          io.grpc.Context.current().addListener(c -> cancelled.countDown(), Runnable::run);
          try {
            if (!cancelled.await(WAIT.toSeconds(), TimeUnit.SECONDS)) {
              throw new IllegalStateException("the call was never cancelled");
            }
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
          }
          return 7;
        };
    ServiceTelemetry gatewayTelemetry =
        keep(ServiceTelemetry.builder("gateway").addExporter(exporter).build());
    ServiceTelemetry ordersTelemetry =
        keep(ServiceTelemetry.builder("orders").addExporter(exporter).build());
    ServiceTelemetry inventoryTelemetry =
        keep(ServiceTelemetry.builder("inventory").addExporter(exporter).build());
    InventoryService inventory =
        keep(InventoryService.start(inventoryTelemetry, waitsForTheCallerToGiveUp));
    OrdersService orders =
        keep(OrdersService.start(ordersTelemetry, inventory.port(), Duration.ofMillis(300)));
    GatewayService gateway = keep(GatewayService.start(gatewayTelemetry, orders.uri()));

    HttpResponse<String> response = post(gateway.uri(), order("tea-1", 1), Map.of());

    assertThat(response.statusCode()).isEqualTo(504);
    List<SpanData> spans =
        awaitSpans(List.of(gatewayTelemetry, ordersTelemetry, inventoryTelemetry), 6);
    SpanData ordersClient = only(spans, "orders", SpanKind.CLIENT, RESERVE);
    assertThat(ordersClient.getAttributes().asMap())
        .containsEntry(Conventions.RPC_GRPC_STATUS_CODE, 4L)
        .containsEntry(Conventions.ERROR_TYPE, "DEADLINE_EXCEEDED");
    assertThat(ordersClient.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
    for (String service : List.of("orders", "gateway")) {
      SpanData server = only(spans, service, SpanKind.SERVER, "POST /orders");
      assertThat(server.getAttributes().get(Conventions.HTTP_RESPONSE_STATUS_CODE)).isEqualTo(504L);
      assertThat(server.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
    }
    // Inventory did its work, but nobody was waiting: CANCELLED, which is not the server's fault.
    SpanData inventoryServer = only(spans, "inventory", SpanKind.SERVER, RESERVE);
    assertThat(inventoryServer.getAttributes().get(Conventions.RPC_GRPC_STATUS_CODE)).isEqualTo(1L);
    assertThat(inventoryServer.getStatus().getStatusCode()).isEqualTo(StatusCode.UNSET);
    assertChildOf(inventoryServer, ordersClient);
    assertThat(
            only(spans, "inventory", SpanKind.INTERNAL, "reserve stock")
                .getAttributes()
                .get(Conventions.APP_STOCK_REMAINING))
        .isEqualTo(7L);
  }

  @Test
  void anUnknownSkuIsA404AndNothingIsConfirmed() throws Exception {
    DistributedTracing chain = chain();
    HttpResponse<String> response = chain.order(null, new Order("nope", 1));
    assertThat(response.statusCode()).isEqualTo(404);
    List<SpanData> spans = awaitSpans(chain.telemetry(), 6);
    assertThat(
            only(spans, "orders", SpanKind.CLIENT, RESERVE)
                .getAttributes()
                .get(Conventions.RPC_GRPC_STATUS_CODE))
        .isEqualTo(5L);
    // No tenant header: no baggage, no tenant attribute anywhere.
    assertThat(spans)
        .allSatisfy(s -> assertThat(s.getAttributes().get(Conventions.APP_TENANT)).isNull());
    chain.close();
    assertThat(chain.orders().confirmations()).isEmpty();
  }

  @Test
  void concurrentOrdersMakeSeparateCompleteTreesThatShareNoSpan() throws Exception {
    int orders = 20;
    DistributedTracing chain = chain();
    CountDownLatch go = new CountDownLatch(1);
    List<Future<HttpResponse<String>>> responses = new ArrayList<>();
    try (ExecutorService clients = Executors.newFixedThreadPool(orders)) {
      for (int i = 0; i < orders; i++) {
        String tenant = "tenant-" + i;
        responses.add(
            clients.submit(
                () -> {
                  go.await();
                  return chain.order(tenant, new Order("tea-1", 1));
                }));
      }
      go.countDown();
      for (Future<HttpResponse<String>> response : responses) {
        assertThat(response.get().statusCode()).isEqualTo(201);
      }
    }

    List<SpanData> spans = awaitSpans(chain.telemetry(), 8 * orders);
    Map<String, List<SpanData>> traces =
        spans.stream().collect(Collectors.groupingBy(SpanData::getTraceId));
    assertThat(traces).hasSize(orders);
    Set<String> tenants = new HashSet<>();
    Set<String> reservations = new HashSet<>();
    for (List<SpanData> trace : traces.values()) {
      Tree tree = Tree.of(trace);
      tree.assertLinked();
      // One request's tenant on every span of its tree that records one, and nowhere else.
      String tenant = tree.gatewayServer().getAttributes().get(Conventions.APP_TENANT);
      tenants.add(tenant);
      for (SpanData span : List.of(tree.inventoryServer(), tree.reserveStock(), tree.consumer())) {
        assertThat(span.getAttributes().get(Conventions.APP_TENANT)).isEqualTo(tenant);
      }
      // The pool thread worked for this request: the reservation inventory made in this trace.
      String reservation = tree.reserveStock().getAttributes().get(Conventions.APP_RESERVATION_ID);
      reservations.add(reservation);
      assertThat(tree.consumer().getAttributes().get(Conventions.APP_RESERVATION_ID))
          .isEqualTo(reservation);
      assertThat(tree.producer().getAttributes().get(Conventions.APP_RESERVATION_ID))
          .isEqualTo(reservation);
    }
    assertThat(tenants).hasSize(orders);
    assertThat(reservations).hasSize(orders);
    assertThat(spans).extracting(SpanData::getSpanId).doesNotHaveDuplicates();
    await()
        .atMost(WAIT)
        .untilAsserted(() -> assertThat(chain.orders().confirmations()).hasSize(orders));
    for (OrdersService.Confirmation confirmation : chain.orders().confirmations()) {
      SpanData consumer =
          only(
              traces.get(confirmation.traceId()),
              "orders",
              SpanKind.CONSUMER,
              "confirmations process");
      assertThat(consumer.getAttributes().get(Conventions.APP_TENANT))
          .isEqualTo(confirmation.tenant());
      assertThat(consumer.getAttributes().get(Conventions.APP_RESERVATION_ID))
          .isEqualTo(confirmation.reservationId());
    }
  }

  @Test
  void anIncomingTraceparentIsContinuedWithItsTraceState() throws Exception {
    DistributedTracing chain = chain();
    HttpResponse<String> response =
        post(
            chain.gateway().uri(),
            order("tea-1", 1),
            Map.of(
                "traceparent",
                "00-" + TRACE_ID + "-" + CALLER_SPAN_ID + "-01",
                "tracestate",
                "partner=p1",
                GatewayService.TENANT_HEADER,
                "acme"));
    assertThat(response.statusCode()).isEqualTo(201);

    Tree tree = Tree.of(awaitSpans(chain.telemetry(), 8));
    tree.assertLinked();
    assertThat(tree.all()).extracting(SpanData::getTraceId).containsOnly(TRACE_ID);
    SpanContext parent = tree.gatewayServer().getParentSpanContext();
    assertThat(parent.getSpanId()).isEqualTo(CALLER_SPAN_ID);
    assertThat(parent.isRemote()).isTrue();
    // tracestate is the callers' and travels untouched through every hop.
    assertThat(tree.all())
        .allSatisfy(
            s -> assertThat(s.getSpanContext().getTraceState().get("partner")).isEqualTo("p1"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "garbage",
        "00-" + TRACE_ID + "-" + CALLER_SPAN_ID, // no flags
        "ff-" + TRACE_ID + "-" + CALLER_SPAN_ID + "-01", // version ff is forbidden
        "00-00000000000000000000000000000000-" + CALLER_SPAN_ID + "-01", // all-zero trace id
        "00-" + TRACE_ID + "-0000000000000000-01", // all-zero parent id
        "00-4BF92F3577B34DA6A3CE929D0E0E4736-" + CALLER_SPAN_ID + "-01", // upper-case hex
        "00-" + TRACE_ID + "a-" + CALLER_SPAN_ID + "-01", // trace id too long
        "00_" + TRACE_ID + "_" + CALLER_SPAN_ID + "_01"
      })
  void aMalformedTraceparentStartsANewTraceAndTheRequestSucceeds(String traceparent)
      throws Exception {
    DistributedTracing chain = chain();
    HttpResponse<String> response =
        post(chain.gateway().uri(), order("tea-1", 1), Map.of("traceparent", traceparent));

    assertThat(response.statusCode()).isEqualTo(201);
    Tree tree = Tree.of(awaitSpans(chain.telemetry(), 8));
    tree.assertLinked();
    assertThat(tree.gatewayServer().getParentSpanContext().isValid()).isFalse();
    assertThat(tree.gatewayServer().getTraceId()).isNotEqualToIgnoringCase(TRACE_ID);
    assertThat(tree.gatewayServer().getSpanContext().isValid()).isTrue();
  }

  @Test
  void baggageFromOutsideIsReplacedAtTheEdge() throws Exception {
    DistributedTracing chain = chain();
    post(
        chain.gateway().uri(),
        order("tea-1", 1),
        Map.of("baggage", "tenant=someone-else,debug=1", GatewayService.TENANT_HEADER, "acme"));
    post(chain.gateway().uri(), order("tea-1", 1), Map.of("baggage", "tenant=someone-else"));

    List<SpanData> spans = awaitSpans(chain.telemetry(), 16);
    assertThat(spans)
        .extracting(s -> s.getAttributes().get(Conventions.APP_TENANT))
        .doesNotContain("someone-else")
        .contains("acme");
    chain.close();
    assertThat(chain.orders().confirmations())
        .extracting(OrdersService.Confirmation::tenant)
        .containsExactlyInAnyOrder("acme", null);
  }

  @ParameterizedTest(name = "gateway ratio {0}, incoming flags {1}: {2} spans")
  @CsvSource({"1.0, 01, 8", "1.0, 00, 0", "0.0, 01, 8", "0.0, 00, 0"})
  void anIncomingSamplingDecisionIsFollowedWhateverTheLocalRatio(
      double ratio, String flags, int expected) throws Exception {
    DistributedTracing chain = chain(b -> b.samplingRatio(ratio));
    HttpResponse<String> response =
        post(
            chain.gateway().uri(),
            order("tea-1", 1),
            Map.of("traceparent", "00-" + TRACE_ID + "-" + CALLER_SPAN_ID + "-" + flags));
    assertThat(response.statusCode()).isEqualTo(201);
    await().atMost(WAIT).until(() -> chain.orders().confirmations().size() == 1);
    chain.close(); // flushes everything that was recorded
    assertThat(exporter.getFinishedSpanItems()).hasSize(expected);
    // Recorded or not, the context went all the way: the pool's task ran in the caller's trace.
    assertThat(chain.orders().confirmations().getFirst().traceId()).isEqualTo(TRACE_ID);
  }

  @Test
  void aSampledOutRootMakesTheWholeChainUnsampledThroughTheTraceparentFlags() throws Exception {
    // Only the gateway decides (ratio 0); orders and inventory would record everything (ratio 1)
    // if they made their own decision. A proxy between gateway and orders shows the wire.
    ServiceTelemetry gatewayTelemetry =
        keep(ServiceTelemetry.builder("gateway").samplingRatio(0).addExporter(exporter).build());
    ServiceTelemetry ordersTelemetry =
        keep(ServiceTelemetry.builder("orders").samplingRatio(1).addExporter(exporter).build());
    ServiceTelemetry inventoryTelemetry =
        keep(ServiceTelemetry.builder("inventory").samplingRatio(1).addExporter(exporter).build());
    InventoryService inventory =
        keep(InventoryService.start(inventoryTelemetry, StockStore.inMemory(Map.of("tea-1", 3))));
    OrdersService orders = keep(OrdersService.start(ordersTelemetry, inventory.port()));
    RecordingProxy proxy = keep(new RecordingProxy(orders.uri()));
    GatewayService gateway = keep(GatewayService.start(gatewayTelemetry, proxy.uri()));

    HttpResponse<String> response =
        post(gateway.uri(), order("tea-1", 1), Map.of(GatewayService.TENANT_HEADER, "acme"));

    assertThat(response.statusCode()).isEqualTo(201);
    assertThat(proxy.seen()).hasSize(1);
    Map<String, String> wire = proxy.seen().getFirst();
    // Flags: bit 0 is "sampled", here 0; the SDK also sets bit 1, "random trace id" (W3C Trace
    // Context level 2), so the byte reads 02.
    assertThat(wire.get("traceparent")).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-0[0-9a-f]");
    assertThat(sampledFlag(wire.get("traceparent"))).isFalse();
    assertThat(wire.get("baggage")).isEqualTo("tenant=acme"); // baggage is not sampled
    await().atMost(WAIT).until(() -> orders.confirmations().size() == 1);
    String traceId = wire.get("traceparent").substring(3, 35);
    assertThat(orders.confirmations().getFirst())
        .isEqualTo(new OrdersService.Confirmation("r-1", "acme", traceId));
    for (ServiceTelemetry telemetry :
        List.of(gatewayTelemetry, ordersTelemetry, inventoryTelemetry)) {
      assertThat(telemetry.flush(WAIT)).isTrue();
    }
    orders.close();
    assertThat(exporter.getFinishedSpanItems()).isEmpty();
  }

  @Test
  void aSampledRootIsSentWithTheSampledFlagAndTheClientSpanAsParent() throws Exception {
    ServiceTelemetry gatewayTelemetry =
        keep(ServiceTelemetry.builder("gateway").addExporter(exporter).build());
    ServiceTelemetry ordersTelemetry =
        keep(ServiceTelemetry.builder("orders").samplingRatio(0).addExporter(exporter).build());
    ServiceTelemetry inventoryTelemetry =
        keep(ServiceTelemetry.builder("inventory").samplingRatio(0).addExporter(exporter).build());
    InventoryService inventory =
        keep(InventoryService.start(inventoryTelemetry, StockStore.inMemory(Map.of("tea-1", 3))));
    OrdersService orders = keep(OrdersService.start(ordersTelemetry, inventory.port()));
    RecordingProxy proxy = keep(new RecordingProxy(orders.uri()));
    GatewayService gateway = keep(GatewayService.start(gatewayTelemetry, proxy.uri()));

    assertThat(post(gateway.uri(), order("tea-1", 1), Map.of()).statusCode()).isEqualTo(201);

    String traceparent = proxy.seen().getFirst().get("traceparent");
    assertThat(sampledFlag(traceparent)).isTrue();
    Tree tree =
        Tree.of(awaitSpans(List.of(gatewayTelemetry, ordersTelemetry, inventoryTelemetry), 8));
    tree.assertLinked();
    // On the wire: this trace, and the gateway's client span as the parent.
    assertThat(traceparent)
        .startsWith(
            "00-"
                + tree.gatewayClient().getTraceId()
                + "-"
                + tree.gatewayClient().getSpanId()
                + "-");
    assertThat(proxy.seen().getFirst()).doesNotContainKey("baggage"); // no tenant, no baggage
  }

  @Test
  void theOtlpExportCarriesTheSameTreeAsTheInMemoryExporter() throws Exception {
    OtlpReceiver receiver = keep(new OtlpReceiver());
    DistributedTracing chain = chain(b -> b.otlpEndpoint(receiver.endpoint()));
    assertThat(chain.order("acme", new Order("tea-1", 2)).statusCode()).isEqualTo(201);

    List<SpanData> expected = awaitSpans(chain.telemetry(), 8);
    await()
        .atMost(WAIT)
        .untilAsserted(
            () -> {
              chain.flush(WAIT);
              assertThat(receiver.spans()).hasSize(8);
            });
    assertThat(receiver.exports())
        .allSatisfy(
            export -> {
              assertThat(export.method()).isEqualTo("POST");
              assertThat(export.contentType()).isEqualTo("application/x-protobuf");
            });
    Map<String, OtlpReceiver.ReceivedSpan> received =
        receiver.spans().stream()
            .collect(Collectors.toMap(r -> OtlpMapping.hex(r.span().getSpanId()), r -> r));
    assertThat(received.keySet())
        .containsExactlyInAnyOrderElementsOf(expected.stream().map(SpanData::getSpanId).toList());
    for (SpanData span : expected) {
      OtlpReceiver.ReceivedSpan otlp = received.get(span.getSpanId());
      assertThat(OtlpMapping.hex(otlp.span().getTraceId())).isEqualTo(span.getTraceId());
      assertThat(OtlpMapping.hex(otlp.span().getParentSpanId()))
          .isEqualTo(span.getParentSpanContext().isValid() ? span.getParentSpanId() : "");
      assertThat(otlp.span().getName()).isEqualTo(span.getName());
      assertThat(otlp.span().getKind().name()).isEqualTo("SPAN_KIND_" + span.getKind().name());
      assertThat(OtlpMapping.attributes(otlp.span().getAttributesList()))
          .isEqualTo(OtlpMapping.attributes(span.getAttributes()));
      assertThat(OtlpMapping.attributes(otlp.resource().getAttributesList()))
          .containsEntry("service.name", SpanTree.service(span));
      assertThat(otlp.span().getStartTimeUnixNano()).isEqualTo(span.getStartEpochNanos());
      assertThat(otlp.span().getEndTimeUnixNano()).isEqualTo(span.getEndEpochNanos());
    }
  }

  @Test
  void closingTheServicesLeavesTheCallersExporterOpen() throws Exception {
    DistributedTracing chain = chain();
    chain.order("acme", new Order("tea-1", 1));
    chain.close();
    chain.close(); // idempotent
    assertThat(exporter.getFinishedSpanItems()).hasSize(8);
    // Still open: it takes more spans after the SDKs that used it are gone.
    assertThat(exporter.export(exporter.getFinishedSpanItems()).isSuccess()).isTrue();
    assertThat(exporter.getFinishedSpanItems()).hasSize(16);
  }

  // --- bad input at the HTTP edge -------------------------------------------------------------

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "not json|malformed JSON body",
        "[1, 2]|the body must be a JSON object",
        "{\"quantity\": 1}|sku must be a string",
        "{\"sku\": \"tea-1\", \"quantity\": \"2\"}|quantity must be an integer",
        "{\"sku\": \"tea-1\", \"quantity\": 0}|quantity must be 1..1000: 0",
        "{\"sku\": \"tea 1\", \"quantity\": 1}|sku must be 1 to 32 letters",
        "{\"sku\": \"tea-1\", \"quantity\": 1001}|quantity must be 1..1000: 1001"
      })
  void aBadOrderIsA400ProblemAnsweredByTheGatewayAlone(String body, String detail)
      throws Exception {
    DistributedTracing chain = chain();
    HttpResponse<String> response = post(chain.gateway().uri(), body, Map.of());

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    JsonNode problem = TracedHttpServer.JSON.readTree(response.body());
    assertThat(problem.get("type").asText()).isEqualTo("about:blank");
    assertThat(problem.get("title").asText()).isEqualTo("Bad Request");
    assertThat(problem.get("status").asInt()).isEqualTo(400);
    assertThat(problem.get("detail").asText()).startsWith(detail);
    SpanData server = awaitSpans(chain.telemetry(), 1).getFirst();
    assertThat(server.getAttributes().get(Conventions.HTTP_RESPONSE_STATUS_CODE)).isEqualTo(400L);
    assertThat(server.getStatus().getStatusCode()).isEqualTo(StatusCode.UNSET);
  }

  @Test
  void theOrdersServiceChecksItsInputToo() throws Exception {
    DistributedTracing chain = chain();
    HttpResponse<String> response =
        post(chain.orders().uri(), "{\"sku\": \"\", \"quantity\": 1}", Map.of());
    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(awaitSpans(chain.telemetry(), 1).getFirst().getName()).isEqualTo("POST /orders");
  }

  @Test
  void aBadTenantIsA400() throws Exception {
    DistributedTracing chain = chain();
    HttpResponse<String> response =
        post(
            chain.gateway().uri(),
            order("tea-1", 1),
            Map.of(GatewayService.TENANT_HEADER, "Not Valid"));
    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(TracedHttpServer.JSON.readTree(response.body()).get("detail").asText())
        .startsWith("X-Tenant must be");
  }

  @Test
  void anOtherMethodIsA405AndAnOtherPathA404NamedByTheMethodAlone() throws Exception {
    DistributedTracing chain = chain();
    HttpResponse<String> get =
        http.send(
            HttpRequest.newBuilder(chain.gateway().uri().resolve("/orders")).GET().build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(get.statusCode()).isEqualTo(405);
    assertThat(get.headers().firstValue("Allow")).hasValue("POST");
    HttpResponse<String> elsewhere =
        http.send(
            HttpRequest.newBuilder(chain.gateway().uri().resolve("/orders/1"))
                .POST(HttpRequest.BodyPublishers.ofString(order("tea-1", 1)))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(elsewhere.statusCode()).isEqualTo(404);
    assertThat(TracedHttpServer.JSON.readTree(elsewhere.body()).get("title").asText())
        .isEqualTo("Not Found");

    List<SpanData> spans = awaitSpans(chain.telemetry(), 2);
    SpanData notAllowed = only(spans, "gateway", SpanKind.SERVER, "GET /orders");
    assertThat(notAllowed.getAttributes().get(Conventions.HTTP_RESPONSE_STATUS_CODE))
        .isEqualTo(405L);
    SpanData notFound = only(spans, "gateway", SpanKind.SERVER, "POST");
    assertThat(notFound.getAttributes().get(Conventions.HTTP_ROUTE)).isNull();
    assertThat(notFound.getAttributes().get(Conventions.URL_PATH)).isEqualTo("/orders/1");
  }

  @Test
  void aBodyOverTheLimitIsA413() throws Exception {
    DistributedTracing chain = chain();
    HttpResponse<String> response =
        post(
            chain.gateway().uri(),
            "{\"sku\":\"" + "a".repeat(TracedHttpServer.MAX_BODY) + "\"}",
            Map.of());
    assertThat(response.statusCode()).isEqualTo(413);
  }

  @Test
  void ordersThatDoNotAnswerAreA502WithTheConnectionErrorOnTheClientSpan() throws Exception {
    ServiceTelemetry telemetry =
        keep(ServiceTelemetry.builder("gateway").addExporter(exporter).build());
    URI nobody = URI.create("http://127.0.0.1:" + FreePorts.free());
    GatewayService gateway = keep(GatewayService.start(telemetry, nobody));

    HttpResponse<String> response = post(gateway.uri(), order("tea-1", 1), Map.of());

    assertThat(response.statusCode()).isEqualTo(502);
    assertThat(TracedHttpServer.JSON.readTree(response.body()).get("detail").asText())
        .isEqualTo("orders did not answer: ConnectException");
    List<SpanData> spans = awaitSpans(List.of(telemetry), 2);
    SpanData client = only(spans, "gateway", SpanKind.CLIENT, "POST");
    assertThat(client.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
    assertThat(client.getAttributes().get(Conventions.ERROR_TYPE))
        .isEqualTo("java.net.ConnectException");
    assertThat(client.getAttributes().get(Conventions.HTTP_RESPONSE_STATUS_CODE)).isNull();
    assertThat(exceptionEvent(client).getAttributes().get(EXCEPTION_TYPE))
        .isEqualTo("java.net.ConnectException");
    SpanData server = only(spans, "gateway", SpanKind.SERVER, "POST /orders");
    assertThat(server.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
    assertThat(server.getAttributes().get(Conventions.ERROR_TYPE)).isEqualTo("502");
  }

  @Test
  void inventoryRejectsABlankSkuWithInvalidArgument() throws Exception {
    ServiceTelemetry telemetry =
        keep(ServiceTelemetry.builder("inventory").addExporter(exporter).build());
    InventoryService inventory =
        keep(InventoryService.start(telemetry, StockStore.inMemory(Map.of())));
    ManagedChannel channel =
        NettyChannelBuilder.forAddress("127.0.0.1", inventory.port()).usePlaintext().build();
    keep(channel::shutdownNow);
    var stub = InventoryGrpc.newBlockingStub(channel);
    StatusRuntimeException error =
        catchThrowableOfType(
            StatusRuntimeException.class,
            () -> stub.reserve(ReserveRequest.newBuilder().setSku(" ").setQuantity(1).build()));
    assertThat(error.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
    SpanData server = awaitSpans(List.of(telemetry), 1).getFirst();
    // An untraced caller: the server span is a root, and INVALID_ARGUMENT is not its fault.
    assertThat(server.getParentSpanContext().isValid()).isFalse();
    assertThat(server.getAttributes().get(Conventions.RPC_GRPC_STATUS_CODE)).isEqualTo(3L);
    assertThat(server.getStatus().getStatusCode()).isEqualTo(StatusCode.UNSET);
  }

  // --- the services' own arguments ------------------------------------------------------------

  @Test
  void servicesRejectBadAddresses() {
    ServiceTelemetry telemetry = keep(ServiceTelemetry.builder("x").build());
    assertThatIllegalArgumentException()
        .isThrownBy(() -> GatewayService.start(telemetry, URI.create("ftp://127.0.0.1:21")))
        .withMessage("orders must be an http(s) URI: ftp://127.0.0.1:21");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> GatewayService.start(telemetry, URI.create("http:///orders")))
        .withMessageContaining("no host");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> OrdersService.start(telemetry, 0))
        .withMessage("inventory port must be 1..65535: 0");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> OrdersService.start(telemetry, 65_536))
        .withMessage("inventory port must be 1..65535: 65536");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> OrdersService.start(telemetry, 1, Duration.ZERO))
        .withMessage("inventory deadline must be positive: PT0S");
  }

  @Test
  void theBuilderRejectsBadSettings() {
    DistributedTracing.Builder builder = DistributedTracing.builder();
    assertThatIllegalArgumentException()
        .isThrownBy(() -> builder.samplingRatio(1.5))
        .withMessage("sampling ratio must be in [0, 1]: 1.5");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> builder.otlpEndpoint(URI.create("grpc://localhost:4317")))
        .withMessage("OTLP endpoint must be an http(s) URI: grpc://localhost:4317");
    assertThatNullPointerException().isThrownBy(() -> builder.stock(null)).withMessage("stock");
  }

  // --- the demo -------------------------------------------------------------------------------

  @Test
  void mainPrintsTheAnswerAndTheIndentedTree() throws Exception {
    String out = StdStreams.capture(DistributedTracing::main).out();
    List<String> lines = out.lines().toList();
    assertThat(lines.getFirst())
        .isEqualTo(
            "POST /orders {\"sku\":\"tea-1\",\"quantity\":2} (X-Tenant: acme) -> 201"
                + " {\"reservationId\":\"r-1\",\"sku\":\"tea-1\",\"quantity\":2,\"remaining\":98}");
    assertThat(lines.get(1)).matches("trace [0-9a-f]{32}: 8 spans");
    assertThat(lines.subList(2, lines.size()))
        .containsExactly(
            "gateway   SERVER   POST /orders http.response.status_code=201 app.tenant=acme",
            "  gateway   CLIENT   POST http.response.status_code=201",
            "    orders    SERVER   POST /orders http.response.status_code=201",
            "      orders    CLIENT   " + RESERVE + " rpc.grpc.status_code=0",
            "        inventory SERVER   " + RESERVE + " rpc.grpc.status_code=0 app.tenant=acme",
            "          inventory INTERNAL reserve stock app.tenant=acme app.reservation_id=r-1",
            "      orders    PRODUCER confirmations publish app.reservation_id=r-1",
            "        orders    CONSUMER confirmations process app.tenant=acme app.reservation_id=r-1");
  }

  @Test
  void mainShowsAFailedOrderAsErrorsOnTheClientSpans() throws Exception {
    String out = StdStreams.capture(() -> DistributedTracing.main("cafe-2", "9")).out();
    assertThat(out)
        .contains(" -> 409 ")
        .contains("trace ")
        .contains(": 6 spans")
        .contains("  gateway   CLIENT   POST http.response.status_code=409 error.type=409 [ERROR]")
        .contains(
            "rpc.grpc.status_code=9 error.type=FAILED_PRECONDITION [ERROR: cafe-2: only 5 left]");
  }

  @Test
  void mainRejectsBadUsage() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> DistributedTracing.main("tea-1"))
        .withMessageStartingWith("usage: senior.operations.4");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> DistributedTracing.main("--otlp"))
        .withMessageStartingWith("--otlp needs a URL");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> DistributedTracing.main("--otlp", "localhost:4318"))
        .withMessageStartingWith("OTLP endpoint must be an http(s) URI");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> DistributedTracing.main("tea-1", "0"))
        .withMessageStartingWith("quantity must be 1..1000");
  }

  @Test
  void mainAlsoExportsOverOtlpWhenTold() throws Exception {
    OtlpReceiver receiver = keep(new OtlpReceiver());
    StdStreams.capture(() -> DistributedTracing.main("--otlp", receiver.endpoint().toString()));
    // main closed the services: their SDKs flushed the OTLP exporter before shutting it down.
    assertThat(receiver.spans()).hasSize(8);
  }
}
