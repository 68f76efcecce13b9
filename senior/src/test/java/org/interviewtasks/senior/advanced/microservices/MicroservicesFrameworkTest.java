package org.interviewtasks.senior.advanced.microservices;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.interviewtasks.senior.advanced.microservices.proto.GetItemRequest;
import org.interviewtasks.senior.advanced.microservices.proto.InventoryGrpc;
import org.interviewtasks.senior.advanced.microservices.proto.Item;
import org.interviewtasks.senior.advanced.microservices.proto.Quote;
import org.interviewtasks.senior.advanced.microservices.proto.QuoteRequest;
import org.interviewtasks.senior.advanced.microservices.proto.ReserveRequest;
import org.interviewtasks.senior.advanced.microservices.proto.StorefrontGrpc;
import org.interviewtasks.senior.advanced.retry.Backoff;
import org.interviewtasks.senior.infra.ManualClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The framework over real loopback sockets: gRPC (HTTP/2) and JSON over HTTP/1.1. */
class MicroservicesFrameworkTest {

  enum Wire {
    GRPC,
    REST
  }

  private final ControlledInventory inventory = new ControlledInventory();
  private final List<AutoCloseable> open = new ArrayList<>();
  private GrpcServer grpc;
  private RestServer rest;

  @BeforeEach
  void startInventory() {
    grpc = keep(GrpcServer.start(List.of(inventory.definition()), List.of()));
    rest = keep(RestServer.start(List.of(inventory.definition())));
  }

  @AfterEach
  void closeAll() throws Exception {
    inventory.hold.countDown();
    for (AutoCloseable closeable : open.reversed()) {
      closeable.close();
    }
  }

  private <T extends AutoCloseable> T keep(T closeable) {
    open.add(closeable);
    return closeable;
  }

  private Transport transport(Wire wire, int grpcPort, int restPort, ServiceContract contract) {
    return keep(
        switch (wire) {
          case GRPC -> GrpcTransport.connect("127.0.0.1", grpcPort, List.of());
          case REST ->
              new RestTransport(URI.create("http://127.0.0.1:" + restPort), List.of(contract));
        });
  }

  private ResilientClient.Builder client(Wire wire) {
    // A long default timeout: on a loaded machine the first connection of the JVM can take
    // seconds, which must not turn into a DEADLINE_EXCEEDED in tests that are not about deadlines.
    return ResilientClient.builder(
            "inventory", transport(wire, grpc.port(), rest.port(), Shop.INVENTORY))
        .timeout(Duration.ofSeconds(30))
        .backoff(Backoff.fixed(Duration.ofMillis(1)));
  }

  private static GetItemRequest item(String sku) {
    return GetItemRequest.newBuilder().setSku(sku).build();
  }

  @ParameterizedTest
  @EnumSource(Wire.class)
  void servesTheSameContractOverBothWiresWithUnicodeIntact(Wire wire) {
    ResilientClient client = client(wire).build();
    Item item = client.call(InventoryGrpc.getGetItemMethod(), item("café/moulu 🍵"));
    assertThat(item)
        .isEqualTo(
            Item.newBuilder()
                .setSku("café/moulu 🍵")
                .setName("Café moulu, 250 g")
                .setPriceCents(1_290)
                .setAvailable(3)
                .build());
    var reservation =
        client.call(
            InventoryGrpc.getReserveMethod(),
            ReserveRequest.newBuilder().setSku("café/moulu 🍵").setQuantity(2).build());
    assertThat(reservation.getRemaining()).isEqualTo(1);
    assertThat(reservation.getReservationId()).isEqualTo("r-1");
    assertThat(client.stats()).isEqualTo(new ResilientClient.Stats(2, 2, 0, 0));
  }

  @ParameterizedTest
  @EnumSource(Wire.class)
  void serviceErrorsKeepTheirCodeAndMessageAcrossTheWire(Wire wire) {
    ResilientClient client = client(wire).build();
    ServiceException notFound =
        catchThrowableOfType(
            ServiceException.class,
            () -> client.call(InventoryGrpc.getGetItemMethod(), item("coffee")));
    assertThat(notFound.code()).isEqualTo(ErrorCode.NOT_FOUND);
    assertThat(notFound.getMessage()).isEqualTo("no item coffee");
    assertThat(notFound.local()).isFalse();
    ServiceException shortStock =
        catchThrowableOfType(
            ServiceException.class,
            () ->
                client.call(
                    InventoryGrpc.getReserveMethod(),
                    ReserveRequest.newBuilder().setSku("tea").setQuantity(41).build()));
    assertThat(shortStock.code()).isEqualTo(ErrorCode.FAILED_PRECONDITION);
    assertThat(shortStock.getMessage()).isEqualTo("only 40 of tea left, 41 asked");
    ServiceException blank =
        catchThrowableOfType(
            ServiceException.class, () -> client.call(InventoryGrpc.getGetItemMethod(), item("")));
    assertThat(blank.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT);
    assertThat(blank.getMessage()).isEqualTo("sku is blank");
    assertThat(inventory.store.getItem(item("tea")).getAvailable()).isEqualTo(40); // nothing taken
  }

  @ParameterizedTest
  @EnumSource(Wire.class)
  void anUnexpectedServerExceptionIsInternalWithNoDetails(Wire wire) {
    inventory.mode.set(ControlledInventory.Mode.CRASH);
    ResilientClient client = client(wire).build();
    assertThatThrownBy(() -> client.call(InventoryGrpc.getGetItemMethod(), item("tea")))
        .isInstanceOfSatisfying(
            ServiceException.class,
            e -> {
              assertThat(e.code()).isEqualTo(ErrorCode.INTERNAL);
              assertThat(e.getMessage()).isEqualTo("internal error").doesNotContain("secret");
            });
    assertThat(inventory.calls).hasValue(1); // INTERNAL is not retried
  }

  @ParameterizedTest
  @EnumSource(Wire.class)
  void aSlowServerFailsTheCallAtItsDeadlineAndSeesTheCancellation(Wire wire) throws Exception {
    inventory.mode.set(ControlledInventory.Mode.HANG);
    ResilientClient client = client(wire).build();
    long start = System.nanoTime();
    ServiceException e =
        catchThrowableOfType(
            ServiceException.class,
            () ->
                client.call(InventoryGrpc.getGetItemMethod(), item("tea"), Duration.ofMillis(300)));
    long elapsedMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    assertThat(e.code()).isEqualTo(ErrorCode.DEADLINE_EXCEEDED);
    assertThat(elapsedMs).isGreaterThanOrEqualTo(290); // not before the deadline
    assertThat(inventory.cancelled.await(10, TimeUnit.SECONDS))
        .as("server saw the cancellation")
        .isTrue();
    assertThat(inventory.calls).hasValue(1); // DEADLINE_EXCEEDED is never retried
    assertThat(inventory.deadlinesMs)
        .singleElement()
        .satisfies(ms -> assertThat(ms).isBetween(1L, 300L));
  }

  @ParameterizedTest(name = "caller over {0}, next hop over {1}")
  @org.junit.jupiter.params.provider.CsvSource({"GRPC,GRPC", "REST,GRPC", "GRPC,REST", "REST,REST"})
  void theCallersDeadlineIsPropagatedToTheNextHop(Wire front, Wire hop) throws Exception {
    inventory.mode.set(ControlledInventory.Mode.HANG);
    // The storefront's own timeout for inventory calls is long: only the caller's deadline binds.
    ResilientClient toInventory = keep(client(hop).timeout(Duration.ofSeconds(20)).build());
    GrpcServer storefrontGrpc =
        keep(GrpcServer.start(List.of(Shop.storefront(toInventory)), List.of()));
    RestServer storefrontRest = keep(RestServer.start(List.of(Shop.storefront(toInventory))));
    ResilientClient caller =
        ResilientClient.builder(
                "storefront",
                transport(front, storefrontGrpc.port(), storefrontRest.port(), Shop.STOREFRONT))
            .build();
    ServiceException e =
        catchThrowableOfType(
            ServiceException.class,
            () ->
                caller.call(
                    StorefrontGrpc.getGetQuoteMethod(),
                    QuoteRequest.newBuilder().setSku("tea").setQuantity(1).build(),
                    Duration.ofMillis(400)));
    assertThat(e.code()).isEqualTo(ErrorCode.DEADLINE_EXCEEDED);
    assertThat(inventory.cancelled.await(10, TimeUnit.SECONDS))
        .as("next hop saw the cancellation")
        .isTrue();
    assertThat(inventory.deadlinesMs)
        .singleElement()
        .satisfies(ms -> assertThat(ms).isBetween(1L, 400L));
  }

  @ParameterizedTest
  @EnumSource(Wire.class)
  void anIdempotentCallIsRetriedOnUnavailableAndANonIdempotentOneIsNot(Wire wire) {
    ResilientClient client = client(wire).maxAttempts(3).build();
    inventory.failNext(2, ErrorCode.UNAVAILABLE);
    assertThat(client.call(InventoryGrpc.getGetItemMethod(), item("tea")).getAvailable())
        .isEqualTo(40);
    assertThat(inventory.calls).hasValue(3);

    inventory.failNext(1, ErrorCode.UNAVAILABLE);
    ServiceException e =
        catchThrowableOfType(
            ServiceException.class,
            () ->
                client.call(
                    InventoryGrpc.getReserveMethod(),
                    ReserveRequest.newBuilder().setSku("tea").setQuantity(1).build()));
    assertThat(e.code()).isEqualTo(ErrorCode.UNAVAILABLE);
    assertThat(inventory.calls).hasValue(4); // one attempt only

    inventory.failNext(5, ErrorCode.UNAVAILABLE);
    ServiceException exhausted =
        catchThrowableOfType(
            ServiceException.class,
            () -> client.call(InventoryGrpc.getGetItemMethod(), item("tea")));
    assertThat(exhausted.code()).isEqualTo(ErrorCode.UNAVAILABLE);
    assertThat(exhausted.getSuppressed()).hasSize(2); // the two earlier attempts
    assertThat(inventory.calls).hasValue(7);

    inventory.failNext(1, ErrorCode.NOT_FOUND);
    assertThatThrownBy(() -> client.call(InventoryGrpc.getGetItemMethod(), item("tea")))
        .isInstanceOfSatisfying(
            ServiceException.class, x -> assertThat(x.code()).isEqualTo(ErrorCode.NOT_FOUND));
    assertThat(inventory.calls).hasValue(8); // not retryable
  }

  @Test
  void retriesStopWhenTheNextWaitWouldEndPastTheDeadline() {
    ManualClock clock = new ManualClock();
    ResilientClient client =
        client(Wire.GRPC)
            .maxAttempts(10)
            .backoff(Backoff.fixed(Duration.ofSeconds(20)))
            .timeout(Duration.ofSeconds(50))
            .clock(clock)
            .sleeper(clock::sleep)
            .build();
    inventory.failWith(ErrorCode.UNAVAILABLE);
    assertThatThrownBy(() -> client.call(InventoryGrpc.getGetItemMethod(), item("tea")))
        .isInstanceOfSatisfying(
            ServiceException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.UNAVAILABLE));
    // Attempts at 0, 20 and 40 s (simulated); a fourth would start at 60, past the 50 s deadline.
    assertThat(inventory.calls).hasValue(3);
    assertThat(clock.instant()).isEqualTo(new ManualClock().instant().plusSeconds(40));
  }

  @ParameterizedTest
  @EnumSource(Wire.class)
  void aFailingServerOpensTheBreakerCallsFailFastAndItClosesAfterRecovery(Wire wire) {
    ManualClock clock = new ManualClock();
    CircuitBreaker breaker =
        new CircuitBreaker(
            "inventory", new CircuitBreaker.Config(4, 4, 50, Duration.ofSeconds(30), 2), clock);
    ResilientClient client = client(wire).maxAttempts(1).breaker(breaker).build();
    inventory.failWith(ErrorCode.UNAVAILABLE);
    for (int i = 0; i < 4; i++) {
      assertThatThrownBy(() -> client.call(InventoryGrpc.getGetItemMethod(), item("tea")))
          .isInstanceOfSatisfying(ServiceException.class, e -> assertThat(e.local()).isFalse());
    }
    assertThat(breaker.state()).isEqualTo(CircuitBreaker.State.OPEN);
    assertThat(inventory.calls).hasValue(4);

    for (int i = 0; i < 10; i++) {
      assertThatThrownBy(() -> client.call(InventoryGrpc.getGetItemMethod(), item("tea")))
          .isInstanceOfSatisfying(
              ServiceException.class,
              e -> {
                assertThat(e.code()).isEqualTo(ErrorCode.UNAVAILABLE);
                assertThat(e.local()).isTrue();
                assertThat(e.getMessage())
                    .isEqualTo("circuit inventory is open: inventory not called");
              });
    }
    assertThat(inventory.calls).as("the server was not reached").hasValue(4);
    assertThat(client.stats().refusedByBreaker()).isEqualTo(10);

    inventory.recover();
    clock.advance(Duration.ofSeconds(31));
    assertThat(client.call(InventoryGrpc.getGetItemMethod(), item("tea")).getSku())
        .isEqualTo("tea");
    assertThat(breaker.state()).isEqualTo(CircuitBreaker.State.HALF_OPEN);
    assertThat(client.call(InventoryGrpc.getGetItemMethod(), item("tea")).getSku())
        .isEqualTo("tea");
    assertThat(breaker.state()).isEqualTo(CircuitBreaker.State.CLOSED);
    assertThat(inventory.calls).hasValue(6);
  }

  @Test
  void callerErrorsDoNotOpenTheBreaker() {
    CircuitBreaker breaker =
        new CircuitBreaker(
            "inventory",
            new CircuitBreaker.Config(2, 2, 50, Duration.ofSeconds(30), 1),
            new ManualClock());
    ResilientClient client = client(Wire.GRPC).breaker(breaker).build();
    assertThat(client.call(InventoryGrpc.getGetItemMethod(), item("tea")).getSku())
        .isEqualTo("tea");
    for (int i = 0; i < 5; i++) {
      assertThatThrownBy(() -> client.call(InventoryGrpc.getGetItemMethod(), item("nope")))
          .isInstanceOfSatisfying(
              ServiceException.class,
              e -> assertThat(e.code()).as("%s", e).isEqualTo(ErrorCode.NOT_FOUND));
    }
    assertThat(breaker.state()).isEqualTo(CircuitBreaker.State.CLOSED);
    assertThat(breaker.failureRatePercent()).isZero();
  }

  @ParameterizedTest
  @EnumSource(Wire.class)
  void aFullBulkheadRefusesTheExtraCallWithoutReachingTheServer(Wire wire) throws Exception {
    inventory.mode.set(ControlledInventory.Mode.HOLD);
    inventory.entered.set(new CountDownLatch(2));
    Bulkhead bulkhead = new Bulkhead("inventory", 2, Duration.ZERO);
    ResilientClient client =
        client(wire).bulkhead(bulkhead).timeout(Duration.ofSeconds(20)).build();
    CyclicBarrier start = new CyclicBarrier(2);
    try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
      List<Future<Item>> held = new ArrayList<>();
      for (int i = 0; i < 2; i++) {
        held.add(
            threads.submit(
                () -> {
                  start.await(10, TimeUnit.SECONDS);
                  return client.call(InventoryGrpc.getGetItemMethod(), item("tea"));
                }));
      }
      assertThat(inventory.entered.get().await(10, TimeUnit.SECONDS)).isTrue();
      assertThatThrownBy(() -> client.call(InventoryGrpc.getGetItemMethod(), item("tea")))
          .isInstanceOfSatisfying(
              ServiceException.class,
              e -> {
                assertThat(e.code()).isEqualTo(ErrorCode.RESOURCE_EXHAUSTED);
                assertThat(e.local()).isTrue();
              });
      assertThat(inventory.calls).hasValue(2);
      inventory.hold.countDown();
      for (Future<Item> call : held) {
        assertThat(call.get(10, TimeUnit.SECONDS).getSku()).isEqualTo("tea");
      }
    }
    assertThat(bulkhead.available()).isEqualTo(2);
    assertThat(client.stats().refusedByBulkhead()).isEqualTo(1);
  }

  @ParameterizedTest
  @EnumSource(Wire.class)
  void aServerThatIsDownIsUnavailable(Wire wire) {
    ResilientClient client = client(wire).maxAttempts(2).build();
    grpc.close();
    rest.close();
    assertThatThrownBy(() -> client.call(InventoryGrpc.getGetItemMethod(), item("tea")))
        .isInstanceOfSatisfying(
            ServiceException.class,
            e -> {
              assertThat(e.code()).isEqualTo(ErrorCode.UNAVAILABLE);
              assertThat(e.getSuppressed()).hasSize(1);
            });
    assertThat(client.stats().attempts()).isEqualTo(2);
  }

  @Test
  void quotesAreTheSameOverBothWires() {
    ResilientClient toInventory = keep(client(Wire.GRPC).build());
    GrpcServer front = keep(GrpcServer.start(List.of(Shop.storefront(toInventory)), List.of()));
    RestServer frontRest = keep(RestServer.start(List.of(Shop.storefront(toInventory))));
    Function<Wire, Quote> quote =
        wire ->
            ResilientClient.builder(
                    "storefront", transport(wire, front.port(), frontRest.port(), Shop.STOREFRONT))
                .build()
                .call(
                    StorefrontGrpc.getGetQuoteMethod(),
                    QuoteRequest.newBuilder().setSku("café/moulu 🍵").setQuantity(2).build());
    Quote expected =
        Quote.newBuilder()
            .setSku("café/moulu 🍵")
            .setQuantity(2)
            .setTotalCents(2_580)
            .setInStock(true)
            .build();
    assertThat(quote.apply(Wire.GRPC)).isEqualTo(expected);
    assertThat(quote.apply(Wire.REST)).isEqualTo(expected);
  }

  @Test
  void aDeadlineAlreadySpentFailsLocallyWithoutACall() throws Exception {
    ResilientClient client = client(Wire.GRPC).build();
    io.grpc.Context.CancellableContext spent = io.grpc.Context.current().withCancellation();
    spent.cancel(null);
    ServiceException e =
        spent.call(
            () ->
                catchThrowableOfType(
                    ServiceException.class,
                    () -> client.call(InventoryGrpc.getGetItemMethod(), item("tea"))));
    assertThat(e.code()).isEqualTo(ErrorCode.DEADLINE_EXCEEDED);
    assertThat(e.local()).isTrue();
    assertThat(inventory.calls).hasValue(0);
  }

  @Test
  void rejectsBadArgumentsBeforeAnyWork() {
    ResilientClient client = client(Wire.GRPC).build();
    assertThatThrownBy(() -> client.call(null, item("tea")))
        .isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> client.call(InventoryGrpc.getGetItemMethod(), null))
        .isInstanceOf(NullPointerException.class);
    assertThatThrownBy(
            () -> client.call(InventoryGrpc.getGetItemMethod(), item("tea"), Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("timeout must be in (0, PT24H]: PT0S");
    assertThatThrownBy(
            () -> client.call(InventoryGrpc.getGetItemMethod(), item("tea"), Duration.ofDays(2)))
        .isInstanceOf(IllegalArgumentException.class);
    ResilientClient.Builder builder = client(Wire.GRPC);
    assertThatThrownBy(() -> builder.maxAttempts(0))
        .hasMessage("maxAttempts must be in [1, 10]: 0");
    assertThatThrownBy(() -> builder.maxAttempts(11)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> builder.timeout(Duration.ofMillis(-1)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> builder.breaker(null)).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> builder.bulkhead(null)).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> builder.clock(null)).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> builder.sleeper(null)).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> builder.backoff(null)).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> ResilientClient.builder(null, null))
        .isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> GrpcServer.start(List.of(), List.of()))
        .hasMessage("no service to serve");
    assertThatThrownBy(
            () ->
                GrpcServer.start(
                    List.of(inventory.definition(), inventory.definition()), List.of()))
        .hasMessage("a service is named twice");
    assertThatThrownBy(() -> GrpcServer.start(70_000, List.of(inventory.definition()), List.of()))
        .hasMessage("port must be 0..65535: 70000");
    assertThatThrownBy(() -> RestServer.start(List.of())).hasMessage("no service to serve");
    assertThatThrownBy(
            () -> RestServer.start(List.of(inventory.definition(), inventory.definition())))
        .hasMessage("GET /v1/items/{sku} is served twice");
    assertThatThrownBy(() -> GrpcTransport.connect(" ", 1, List.of())).hasMessage("host is blank");
    assertThatThrownBy(() -> GrpcTransport.connect("127.0.0.1", 0, List.of()))
        .hasMessage("port must be 1..65535: 0");
    assertThatThrownBy(
            () -> new RestTransport(URI.create("http://127.0.0.1:1/api"), List.of(Shop.INVENTORY)))
        .hasMessageContaining("no path");
    assertThatThrownBy(
            () -> new RestTransport(URI.create("https://127.0.0.1:1"), List.of(Shop.INVENTORY)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new RestTransport(URI.create("http://127.0.0.1:1"), List.of()))
        .hasMessage("no contract");
    try (RestTransport other =
        new RestTransport(URI.create("http://127.0.0.1:" + rest.port()), List.of(Shop.INVENTORY))) {
      assertThatThrownBy(
              () ->
                  other.call(
                      StorefrontGrpc.getGetQuoteMethod(),
                      QuoteRequest.getDefaultInstance(),
                      Duration.ofSeconds(1)))
          .hasMessage("no contract for interviewtasks.shop.v1.Storefront/GetQuote");
    }
  }

  @Test
  void aClosedClientRefusesCalls() {
    ResilientClient client = client(Wire.REST).build();
    client.close();
    assertThatThrownBy(() -> client.call(InventoryGrpc.getGetItemMethod(), item("tea")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("client of inventory is closed");
    assertThat(client.breaker()).isEmpty();
    assertThat(client.toString()).startsWith("ResilientClient[inventory over RestTransport[");
    assertThat(inventory.calls).hasValue(0);
  }

  @Test
  void theDemoRunsBothWires() throws Exception {
    String out =
        org.interviewtasks.common.testing.StdStreams.capture(MicroservicesFramework::main).out();
    assertThat(out)
        .contains("quote over gRPC: 2580 cents, in stock true")
        .contains("quote over REST: 2580 cents, same: true")
        .contains("unknown item: NOT_FOUND (gRPC NOT_FOUND, HTTP 404): no item coffee")
        .contains("inventory: Oolong tea, 40 left");
    assertThatThrownBy(() -> MicroservicesFramework.main("x"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
