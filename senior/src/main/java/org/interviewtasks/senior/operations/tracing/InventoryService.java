package org.interviewtasks.senior.operations.tracing;

import io.grpc.Server;
import io.grpc.ServerInterceptors;
import io.grpc.Status;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.stub.StreamObserver;
import io.opentelemetry.api.baggage.Baggage;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Scope;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import org.interviewtasks.senior.advanced.microservices.GrpcServer;
import org.interviewtasks.senior.infra.FreePorts;
import org.interviewtasks.senior.operations.tracing.proto.InventoryGrpc;
import org.interviewtasks.senior.operations.tracing.proto.Reservation;
import org.interviewtasks.senior.operations.tracing.proto.ReserveRequest;

/**
 * The {@code inventory} service: {@code Inventory.Reserve} over gRPC on 127.0.0.1, traced by {@link
 * GrpcTracing#server}. Inside the server span it opens an {@link
 * io.opentelemetry.api.trace.SpanKind#INTERNAL} span, {@code reserve stock}, around the store, and
 * records on both the tenant it finds in the baggage: the gateway set it two hops up.
 *
 * <p>Answers: {@code NOT_FOUND} for an unknown sku, {@code FAILED_PRECONDITION} when too little is
 * left, {@code INVALID_ARGUMENT} for a blank sku or a quantity below 1, {@code INTERNAL} (with the
 * store's exception as its cause, recorded on the spans but never sent) when the store fails. A
 * caller that gives up before the answer (its deadline passed) leaves a server span that ends
 * {@code CANCELLED} when the work is done.
 */
public final class InventoryService implements AutoCloseable {

  /** The gRPC service's full name, the spans' {@code rpc.service}. */
  public static final String SERVICE = InventoryGrpc.SERVICE_NAME;

  private final Server server;
  private final int port;
  private final ExecutorService executor;

  private InventoryService(Server server, ExecutorService executor) {
    this.server = server;
    this.port = server.getPort();
    this.executor = executor;
  }

  /**
   * Starts the service on a free loopback port.
   *
   * @throws UncheckedIOException if no port can be bound
   */
  public static InventoryService start(ServiceTelemetry telemetry, StockStore store) {
    Objects.requireNonNull(telemetry, "telemetry");
    Objects.requireNonNull(store, "store");
    ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    Server server =
        NettyServerBuilder.forAddress(new InetSocketAddress(FreePorts.loopbackAddress(), 0))
            .executor(executor)
            .addService(
                ServerInterceptors.intercept(
                    new Handler(telemetry, store), GrpcTracing.server(telemetry)))
            .build();
    try {
      return new InventoryService(server.start(), executor);
    } catch (IOException e) {
      executor.close();
      throw new UncheckedIOException("cannot bind the inventory service", e);
    }
  }

  /** The port it listens on (127.0.0.1), or listened on once closed. */
  public int port() {
    return port;
  }

  /** Stops taking calls, lets running ones finish for up to 5 seconds. Idempotent. */
  @Override
  public void close() {
    GrpcServer.stop(server, executor);
  }

  private static final class Handler extends InventoryGrpc.InventoryImplBase {
    private final ServiceTelemetry telemetry;
    private final StockStore store;
    private final AtomicLong reservations = new AtomicLong();

    Handler(ServiceTelemetry telemetry, StockStore store) {
      this.telemetry = telemetry;
      this.store = store;
    }

    @SuppressWarnings("try") // the scope is opened for its effect
    @Override
    public void reserve(ReserveRequest request, StreamObserver<Reservation> responses) {
      String tenant = Baggage.current().getEntryValue(Conventions.TENANT_BAGGAGE);
      if (tenant != null) {
        Span.current().setAttribute(Conventions.APP_TENANT, tenant);
      }
      if (request.getSku().isBlank() || request.getQuantity() < 1) {
        responses.onError(
            Status.INVALID_ARGUMENT
                .withDescription("sku must not be blank and quantity must be >= 1")
                .asRuntimeException());
        return;
      }
      Span span =
          telemetry
              .tracer()
              .spanBuilder("reserve stock")
              .setAttribute(Conventions.APP_SKU, request.getSku())
              .setAttribute(Conventions.APP_QUANTITY, (long) request.getQuantity())
              .startSpan();
      if (tenant != null) {
        span.setAttribute(Conventions.APP_TENANT, tenant);
      }
      Reservation reservation;
      try (Scope scope = span.makeCurrent()) {
        int remaining = store.reserve(request.getSku(), request.getQuantity());
        reservation =
            Reservation.newBuilder()
                .setReservationId("r-" + reservations.incrementAndGet())
                .setSku(request.getSku())
                .setQuantity(request.getQuantity())
                .setRemaining(remaining)
                .build();
        span.setAttribute(Conventions.APP_RESERVATION_ID, reservation.getReservationId());
        span.setAttribute(Conventions.APP_STOCK_REMAINING, (long) remaining);
      } catch (NoSuchElementException e) {
        responses.onError(Status.NOT_FOUND.withDescription(e.getMessage()).asRuntimeException());
        return;
      } catch (StockStore.OutOfStockException e) {
        responses.onError(
            Status.FAILED_PRECONDITION.withDescription(e.getMessage()).asRuntimeException());
        return;
      } catch (RuntimeException e) {
        span.recordException(e);
        span.setStatus(StatusCode.ERROR, "the stock store failed");
        responses.onError(
            Status.INTERNAL
                .withDescription("the stock store failed")
                .withCause(e)
                .asRuntimeException());
        return;
      } finally {
        span.end();
      }
      if (io.grpc.Context.current().isCancelled()) {
        // The caller gave up (its deadline passed): it has its answer; the stock stays taken, as
        // it would if the answer were lost on the way. The server span ends CANCELLED.
        return;
      }
      responses.onNext(reservation);
      responses.onCompleted();
    }
  }
}
