package org.interviewtasks.senior.advanced.microservices;

import java.net.URI;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.Objects;
import org.interviewtasks.common.Task;
import org.interviewtasks.senior.advanced.microservices.proto.GetItemRequest;
import org.interviewtasks.senior.advanced.microservices.proto.InventoryGrpc;
import org.interviewtasks.senior.advanced.microservices.proto.Item;
import org.interviewtasks.senior.advanced.microservices.proto.Quote;
import org.interviewtasks.senior.advanced.microservices.proto.QuoteRequest;
import org.interviewtasks.senior.advanced.microservices.proto.StorefrontGrpc;

/**
 * A small framework for calls between microservices: contracts in protobuf, served over gRPC and as
 * JSON over HTTP from the same handlers, and a client that adds deadlines, retries, a circuit
 * breaker and a bulkhead, with one table of errors for both wires.
 *
 * <p><b>Approach.</b> The {@code .proto} file is the contract ({@code shop.proto}: messages,
 * methods, and each method's {@code idempotency_level}); {@code protoc} generates the messages and
 * gRPC stubs at build time. A {@link ServiceContract} adds an {@link HttpRoute} per method; a
 * {@link ServiceDefinition} binds a handler per method; {@link GrpcServer} and {@link RestServer}
 * serve the same definition (the REST side maps path variables, query parameters and JSON bodies
 * onto the request message, as {@code google.api.http} transcoding does). A {@link ResilientClient}
 * calls over either {@link Transport}. Errors are {@link ServiceException}s whose {@link ErrorCode}
 * gives the gRPC code, the HTTP status, whether to retry and whom to blame.
 *
 * <p><b>Deadlines</b> travel with the call: gRPC's {@code grpc-timeout} header, or {@value
 * RestServer#TIMEOUT_HEADER} on HTTP. Both servers run the handler inside a gRPC {@code Context}
 * with that deadline, so a call the handler makes to the next service gets only what is left, and
 * is cancelled when the caller gives up. Relative timeouts, not instants: hosts' clocks disagree.
 *
 * <p><b>Resilience.</b> Retries (senior.advanced.4's {@code Retry}) only for methods the contract
 * declares idempotent, only for retryable codes ({@code UNAVAILABLE}, {@code ABORTED}), and only
 * while the backoff ends before the deadline. A {@link CircuitBreaker} (closed, open, half-open
 * over a sliding window; the same transitions as Resilience4j's) fails calls fast while the server
 * is failing; a {@link Bulkhead} bounds the calls in flight so a slow dependency cannot take every
 * thread.
 *
 * <p><b>Cost.</b> Per call: the wire (HTTP/2 with binary protobuf, or HTTP/1.1 with JSON, several
 * times the bytes and the parsing), plus O(1) for the breaker and bulkhead. Memory: the breaker's
 * window, one boolean per outcome.
 *
 * <p><b>Failure modes and trade-offs.</b> A retry of a non-idempotent call could apply it twice, so
 * none is made (gRPC's own transparent retry still covers calls that never left the client). A
 * server that answers after the client's deadline did wasted work: it sees the cancellation ({@code
 * Context.isCancelled()}) and should stop. JSON on HTTP loses nothing of the contract (protobuf's
 * canonical JSON mapping) but the JDK server cannot see a client that hangs up, only a deadline
 * that passes. Breakers are per client process: a hundred callers each need their own few failures
 * to open theirs.
 *
 * <p><b>Follow-up.</b> <i>"Why not retry in the breaker's half-open state?"</i> Trial calls are few
 * on purpose; retrying them would flood a recovering server, hence the retry outside the breaker,
 * whose refusals are not retried. <i>"Deadline or timeout per hop?"</i> A fixed timeout per hop
 * adds up past what the first caller waits for; a propagated deadline makes every hop stop when the
 * answer can no longer be used.
 */
@Task(id = "senior.advanced.10", title = "Microservices communication framework")
public final class MicroservicesFramework {

  private MicroservicesFramework() {}

  /**
   * A client of one service over gRPC on {@code 127.0.0.1:port}, with a breaker and a bulkhead of
   * the given sizes and the default timeout and retries.
   *
   * @throws IllegalArgumentException for a port out of range or a bad breaker or bulkhead setting
   */
  public static ResilientClient grpcClient(
      String service, int port, CircuitBreaker.Config breaker, int maxConcurrent) {
    Objects.requireNonNull(service, "service");
    Objects.requireNonNull(breaker, "breaker");
    Bulkhead bulkhead = new Bulkhead(service, maxConcurrent, Duration.ofMillis(10));
    return ResilientClient.builder(service, GrpcTransport.connect("127.0.0.1", port, List.of()))
        .breaker(new CircuitBreaker(service, breaker, InstantSource.system()))
        .bulkhead(bulkhead)
        .build();
  }

  /**
   * Runs the demo: an inventory and a storefront, each on gRPC and HTTP, the storefront calling the
   * inventory over gRPC; quotes over both wires, an unknown item, and a caller's deadline.
   */
  public static void main(String... args) throws Exception {
    if (args.length > 0) {
      throw new IllegalArgumentException("usage: senior.advanced.10 (no arguments)");
    }
    Shop.InventoryStore store =
        new Shop.InventoryStore()
            .put(
                Item.newBuilder()
                    .setSku("tea")
                    .setName("Oolong tea")
                    .setPriceCents(450)
                    .setAvailable(40)
                    .build())
            .put(
                Item.newBuilder()
                    .setSku("café")
                    .setName("Café moulu")
                    .setPriceCents(1_290)
                    .setAvailable(3)
                    .build());
    try (GrpcServer inventory = GrpcServer.start(List.of(store.definition()), List.of());
        ResilientClient toInventory =
            grpcClient("inventory", inventory.port(), CircuitBreaker.Config.defaults(), 64);
        GrpcServer storefrontGrpc =
            GrpcServer.start(List.of(Shop.storefront(toInventory)), List.of());
        RestServer storefrontRest = RestServer.start(List.of(Shop.storefront(toInventory)));
        ResilientClient overGrpc =
            ResilientClient.builder(
                    "storefront",
                    GrpcTransport.connect("127.0.0.1", storefrontGrpc.port(), List.of()))
                .build();
        ResilientClient overRest =
            ResilientClient.builder(
                    "storefront",
                    new RestTransport(
                        URI.create("http://127.0.0.1:" + storefrontRest.port()),
                        List.of(Shop.STOREFRONT)))
                .build()) {
      QuoteRequest two = QuoteRequest.newBuilder().setSku("café").setQuantity(2).build();
      Quote grpc = overGrpc.call(StorefrontGrpc.getGetQuoteMethod(), two);
      Quote rest = overRest.call(StorefrontGrpc.getGetQuoteMethod(), two);
      System.out.println(
          "quote over gRPC: " + grpc.getTotalCents() + " cents, in stock " + grpc.getInStock());
      System.out.println(
          "quote over REST: " + rest.getTotalCents() + " cents, same: " + grpc.equals(rest));
      System.out.println(
          "REST: GET http://127.0.0.1:"
              + storefrontRest.port()
              + "/v1/quotes/caf%C3%A9?quantity=2");
      for (ResilientClient client : List.of(overGrpc, overRest)) {
        try {
          client.call(
              StorefrontGrpc.getGetQuoteMethod(),
              QuoteRequest.newBuilder().setSku("coffee").setQuantity(1).build());
        } catch (ServiceException e) {
          System.out.println(
              "unknown item: "
                  + e.code()
                  + " (gRPC "
                  + e.code().grpc()
                  + ", HTTP "
                  + e.code().httpStatus()
                  + "): "
                  + e.getMessage());
        }
      }
      Item item =
          toInventory.call(
              InventoryGrpc.getGetItemMethod(), GetItemRequest.newBuilder().setSku("tea").build());
      System.out.println("inventory: " + item.getName() + ", " + item.getAvailable() + " left");
    }
  }
}
