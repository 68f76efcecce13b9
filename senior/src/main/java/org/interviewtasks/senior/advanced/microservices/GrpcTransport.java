package org.interviewtasks.senior.advanced.microservices;

import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ClientInterceptor;
import io.grpc.ClientInterceptors;
import io.grpc.ManagedChannel;
import io.grpc.MethodDescriptor;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.stub.ClientCalls;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * Calls over gRPC on a {@link Channel}. The attempt's timeout becomes the call's deadline, sent to
 * the server in the {@code grpc-timeout} header; when the calling thread runs inside a gRPC {@code
 * Context} with an earlier deadline (a server handler calling the next hop), gRPC keeps the earlier
 * one, and cancelling that context cancels this call too.
 *
 * <p>A channel given to {@link #GrpcTransport(Channel)} is the caller's (for instance one wrapped
 * with tracing interceptors) and is not closed here; {@link #connect} opens one that {@link
 * #close()} shuts down.
 */
public final class GrpcTransport implements Transport {

  private final Channel channel;
  private final ManagedChannel owned;

  /** Calls on a channel the caller owns. */
  public GrpcTransport(Channel channel) {
    this.channel = Objects.requireNonNull(channel, "channel");
    this.owned = null;
  }

  private GrpcTransport(ManagedChannel owned, List<? extends ClientInterceptor> interceptors) {
    this.owned = owned;
    this.channel = ClientInterceptors.intercept(owned, List.copyOf(interceptors));
  }

  /**
   * Opens a plaintext HTTP/2 channel to {@code host:port} (connected lazily, on the first call).
   *
   * @param interceptors applied to every call, the first outermost
   * @throws IllegalArgumentException if the port is out of range or the host blank
   */
  public static GrpcTransport connect(
      String host, int port, List<? extends ClientInterceptor> interceptors) {
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(interceptors, "interceptors");
    if (host.isBlank()) {
      throw new IllegalArgumentException("host is blank");
    }
    if (port < 1 || port > 65_535) {
      throw new IllegalArgumentException("port must be 1..65535: " + port);
    }
    ManagedChannel channel = NettyChannelBuilder.forAddress(host, port).usePlaintext().build();
    return new GrpcTransport(channel, interceptors);
  }

  @Override
  public <Req, Resp> Resp call(MethodDescriptor<Req, Resp> method, Req request, Duration timeout) {
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(request, "request");
    long nanos = Timeouts.positiveNanos(timeout);
    try {
      return ClientCalls.blockingUnaryCall(
          channel,
          method,
          CallOptions.DEFAULT.withDeadlineAfter(nanos, TimeUnit.NANOSECONDS),
          request);
    } catch (StatusRuntimeException e) {
      Status status = e.getStatus();
      if (status.getCode() == Status.Code.OK) {
        throw ServiceException.of(ErrorCode.INTERNAL, "a failed call with status OK", e);
      }
      throw ServiceException.fromStatus(status);
    }
  }

  @Override
  public void close() {
    if (owned != null) {
      owned.shutdownNow();
      try {
        owned.awaitTermination(5, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  @Override
  public String toString() {
    return "GrpcTransport[" + channel.authority() + "]";
  }
}
