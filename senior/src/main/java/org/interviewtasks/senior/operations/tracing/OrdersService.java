package org.interviewtasks.senior.operations.tracing;

import io.grpc.ManagedChannel;
import io.grpc.StatusRuntimeException;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.opentelemetry.api.baggage.Baggage;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.interviewtasks.senior.infra.FreePorts;
import org.interviewtasks.senior.operations.tracing.TracedHttpServer.HttpError;
import org.interviewtasks.senior.operations.tracing.TracedHttpServer.Reply;
import org.interviewtasks.senior.operations.tracing.TracedHttpServer.Request;
import org.interviewtasks.senior.operations.tracing.proto.InventoryGrpc;
import org.interviewtasks.senior.operations.tracing.proto.Reservation;
import org.interviewtasks.senior.operations.tracing.proto.ReserveRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code orders} service: {@code POST /orders} over HTTP; reserves the stock with {@code
 * inventory} over gRPC (a traced channel), answers {@code 201} with the reservation, and hands the
 * confirmation to a worker pool: the asynchronous boundary.
 *
 * <p><b>Across the pool.</b> OpenTelemetry's context lives in a thread-local; a task run on another
 * thread starts with whatever that thread has (nothing, or worse, a scope a previous task leaked).
 * The pool is wrapped by {@link Context#taskWrapping(ExecutorService)}: each task captures the
 * submitter's context when submitted and makes it current while it runs, then restores the
 * thread's. The handoff is a {@link SpanKind#PRODUCER} span ({@code confirmations publish}), the
 * task a {@link SpanKind#CONSUMER} span ({@code confirmations process}), its child, which may end
 * after the request has been answered: a trace can outlive its root.
 *
 * <p>Inventory's answers become HTTP statuses: {@code NOT_FOUND} 404, {@code FAILED_PRECONDITION}
 * 409, {@code INVALID_ARGUMENT} 400, {@code DEADLINE_EXCEEDED} 504, anything else 502.
 */
public final class OrdersService implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(OrdersService.class);

  /** How long a call to inventory may take, unless told otherwise. */
  public static final Duration DEFAULT_INVENTORY_DEADLINE = Duration.ofSeconds(10);

  /**
   * A confirmation the worker pool sent.
   *
   * @param reservationId the reservation confirmed
   * @param tenant the tenant from the baggage, as the worker saw it (null if none)
   * @param traceId the trace the worker ran in
   */
  public record Confirmation(String reservationId, String tenant, String traceId) {}

  /** What {@code POST /orders} answers. */
  record Placed(String reservationId, String sku, int quantity, int remaining) {}

  private final ServiceTelemetry telemetry;
  private final ManagedChannel channel;
  private final InventoryGrpc.InventoryBlockingStub inventory;
  private final Duration inventoryDeadline;
  private final ExecutorService workers;
  private final ExecutorService tracedWorkers;
  private final ConcurrentLinkedQueue<Confirmation> confirmations = new ConcurrentLinkedQueue<>();
  private final TracedHttpServer http;

  private OrdersService(ServiceTelemetry telemetry, int inventoryPort, Duration inventoryDeadline) {
    this.telemetry = telemetry;
    this.inventoryDeadline = inventoryDeadline;
    this.channel =
        NettyChannelBuilder.forAddress(FreePorts.LOOPBACK, inventoryPort)
            .usePlaintext()
            .intercept(GrpcTracing.client(telemetry))
            .build();
    this.inventory = InventoryGrpc.newBlockingStub(channel);
    // Two pooled platform threads, reused by every request: where a leaked context would show.
    this.workers =
        Executors.newFixedThreadPool(
            2, Thread.ofPlatform().name("orders-confirmations-", 1).daemon(true).factory());
    this.tracedWorkers = Context.taskWrapping(workers);
    this.http = TracedHttpServer.start(telemetry, "POST", "/orders", this::place);
  }

  /**
   * Starts the service on a free loopback port, calling inventory on {@code inventoryPort} of
   * 127.0.0.1 with the {@linkplain #DEFAULT_INVENTORY_DEADLINE default deadline}.
   *
   * @throws IllegalArgumentException if the port is not in 1..65535
   */
  public static OrdersService start(ServiceTelemetry telemetry, int inventoryPort) {
    return start(telemetry, inventoryPort, DEFAULT_INVENTORY_DEADLINE);
  }

  /**
   * Starts the service, giving each call to inventory {@code inventoryDeadline}.
   *
   * @throws IllegalArgumentException if the port is not in 1..65535 or the deadline not positive
   */
  public static OrdersService start(
      ServiceTelemetry telemetry, int inventoryPort, Duration inventoryDeadline) {
    Objects.requireNonNull(telemetry, "telemetry");
    Objects.requireNonNull(inventoryDeadline, "inventoryDeadline");
    if (inventoryPort < 1 || inventoryPort > 65_535) {
      throw new IllegalArgumentException("inventory port must be 1..65535: " + inventoryPort);
    }
    if (inventoryDeadline.isNegative() || inventoryDeadline.isZero()) {
      throw new IllegalArgumentException(
          "inventory deadline must be positive: " + inventoryDeadline);
    }
    return new OrdersService(telemetry, inventoryPort, inventoryDeadline);
  }

  /** {@code http://127.0.0.1:port}. */
  public URI uri() {
    return http.uri();
  }

  /** The confirmations sent so far, in the order they were sent. */
  public List<Confirmation> confirmations() {
    return List.copyOf(confirmations);
  }

  private Reply place(Request request) {
    Order order = Order.parse(request.body());
    Reservation reservation;
    try {
      reservation =
          inventory
              .withDeadlineAfter(inventoryDeadline.toMillis(), TimeUnit.MILLISECONDS)
              .reserve(
                  ReserveRequest.newBuilder()
                      .setSku(order.sku())
                      .setQuantity(order.quantity())
                      .build());
    } catch (StatusRuntimeException e) {
      int status =
          switch (e.getStatus().getCode()) {
            case NOT_FOUND -> 404;
            case FAILED_PRECONDITION -> 409;
            case INVALID_ARGUMENT -> 400;
            case DEADLINE_EXCEEDED -> 504;
            default -> 502;
          };
      throw new HttpError(status, "inventory: " + e.getStatus().getDescription());
    }
    publishConfirmation(reservation.getReservationId());
    return new Reply(
        201,
        new Placed(
            reservation.getReservationId(),
            reservation.getSku(),
            reservation.getQuantity(),
            reservation.getRemaining()));
  }

  @SuppressWarnings("try") // the scope is opened for its effect
  private void publishConfirmation(String reservationId) {
    Span producer =
        telemetry
            .tracer()
            .spanBuilder("confirmations publish")
            .setSpanKind(SpanKind.PRODUCER)
            .setAttribute(Conventions.APP_RESERVATION_ID, reservationId)
            .startSpan();
    try (Scope scope = producer.makeCurrent()) {
      tracedWorkers.execute(() -> confirm(reservationId));
    } catch (RejectedExecutionException e) {
      // Closing: the reservation stands; the confirmation is the part that is lost, and said so.
      LOG.warn("confirmation of {} not sent: the service is closing", reservationId);
      producer.recordException(e);
      producer.setStatus(StatusCode.ERROR, "confirmation not queued");
    } finally {
      producer.end();
    }
  }

  @SuppressWarnings("try") // the scope is opened for its effect
  private void confirm(String reservationId) {
    // Runs on a pool thread, inside the context captured at execute(): the producer span is the
    // parent, and the baggage is the request's.
    String tenant = Baggage.current().getEntryValue(Conventions.TENANT_BAGGAGE);
    Span consumer =
        telemetry
            .tracer()
            .spanBuilder("confirmations process")
            .setSpanKind(SpanKind.CONSUMER)
            .setAttribute(Conventions.APP_RESERVATION_ID, reservationId)
            .startSpan();
    if (tenant != null) {
      consumer.setAttribute(Conventions.APP_TENANT, tenant);
    }
    try (Scope scope = consumer.makeCurrent()) {
      confirmations.add(
          new Confirmation(reservationId, tenant, consumer.getSpanContext().getTraceId()));
    } finally {
      consumer.end();
    }
  }

  /**
   * Stops taking requests, lets queued confirmations finish (up to 5 seconds), closes the channel.
   * Idempotent.
   */
  @Override
  public void close() {
    http.close();
    workers.shutdown();
    try {
      if (!workers.awaitTermination(5, TimeUnit.SECONDS)) {
        workers.shutdownNow();
      }
      channel.shutdown();
      if (!channel.awaitTermination(5, TimeUnit.SECONDS)) {
        channel.shutdownNow();
      }
    } catch (InterruptedException e) {
      workers.shutdownNow();
      channel.shutdownNow();
      Thread.currentThread().interrupt();
    }
  }
}
