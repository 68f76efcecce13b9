package org.interviewtasks.senior.advanced.microservices;

import io.grpc.Context;
import io.grpc.Server;
import io.grpc.ServerInterceptor;
import io.grpc.ServerInterceptors;
import io.grpc.ServerServiceDefinition;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.ServerCalls;
import io.grpc.stub.StreamObserver;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.interviewtasks.senior.infra.FreePorts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves {@link ServiceDefinition}s over gRPC (Netty, HTTP/2) on 127.0.0.1. Each call runs on a
 * virtual thread (handlers may block, e.g. on a call to the next service), inside the gRPC {@code
 * Context} of the call, which carries the caller's deadline and is cancelled when the caller gives
 * up. A {@link ServiceException} becomes its status through {@link ErrorCode}'s table; any other
 * exception is logged here and answered {@code INTERNAL} with no details.
 *
 * <p>Interceptors (authentication, tracing, metrics) wrap every service, the first given outermost.
 */
public final class GrpcServer implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(GrpcServer.class);

  private final Server server;
  private final ExecutorService executor;

  private GrpcServer(Server server, ExecutorService executor) {
    this.server = server;
    this.executor = executor;
  }

  /**
   * Starts a server on a free loopback port.
   *
   * @param services what to serve; at least one, no two with the same name
   * @param interceptors applied to every call, the first outermost
   * @throws IllegalArgumentException if {@code services} is empty or names a service twice
   * @throws UncheckedIOException if the port cannot be bound
   */
  public static GrpcServer start(
      List<ServiceDefinition> services, List<? extends ServerInterceptor> interceptors) {
    return start(0, services, interceptors);
  }

  /**
   * Starts a server on a given loopback port (0: any free one).
   *
   * @throws IllegalArgumentException if the port is out of range, {@code services} is empty or
   *     names a service twice
   */
  public static GrpcServer start(
      int port, List<ServiceDefinition> services, List<? extends ServerInterceptor> interceptors) {
    Objects.requireNonNull(services, "services");
    Objects.requireNonNull(interceptors, "interceptors");
    if (port < 0 || port > 65_535) {
      throw new IllegalArgumentException("port must be 0..65535: " + port);
    }
    if (services.isEmpty()) {
      throw new IllegalArgumentException("no service to serve");
    }
    if (services.stream().map(s -> s.contract().name()).distinct().count() != services.size()) {
      throw new IllegalArgumentException("a service is named twice");
    }
    List<ServerInterceptor> reversed = new ArrayList<ServerInterceptor>(interceptors).reversed();
    ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    NettyServerBuilder builder =
        NettyServerBuilder.forAddress(new InetSocketAddress(FreePorts.loopbackAddress(), port))
            .executor(executor);
    for (ServiceDefinition service : services) {
      // ServerInterceptors.intercept makes the last interceptor in its list the outermost.
      builder.addService(ServerInterceptors.intercept(bind(service), reversed));
    }
    try {
      Server server = builder.build().start();
      LOG.debug("gRPC server on {}", server.getListenSockets());
      return new GrpcServer(server, executor);
    } catch (IOException e) {
      executor.close();
      throw new UncheckedIOException("cannot bind gRPC server on 127.0.0.1:" + port, e);
    }
  }

  private static ServerServiceDefinition bind(ServiceDefinition service) {
    ServerServiceDefinition.Builder definition =
        ServerServiceDefinition.builder(service.contract().descriptor());
    for (ServiceDefinition.Binding<?, ?> binding : service.bindings()) {
      add(definition, binding);
    }
    return definition.build();
  }

  private static <Req, Resp> void add(
      ServerServiceDefinition.Builder definition, ServiceDefinition.Binding<Req, Resp> binding) {
    String method = binding.method().getFullMethodName();
    definition.addMethod(
        binding.method(),
        ServerCalls.asyncUnaryCall(
            (Req request, StreamObserver<Resp> responses) ->
                invoke(method, binding.handler(), request, responses)));
  }

  private static <Req, Resp> void invoke(
      String method,
      ServiceDefinition.Handler<Req, Resp> handler,
      Req request,
      StreamObserver<Resp> responses) {
    if (Context.current().isCancelled()) {
      LOG.debug("{}: the caller gave up before the call started", method);
      return; // the client has its answer already (DEADLINE_EXCEEDED or CANCELLED)
    }
    Resp response;
    try {
      response = handler.handle(request);
    } catch (ServiceException e) {
      reply(responses, e.toStatusException());
      return;
    } catch (RuntimeException e) {
      LOG.error("{} failed", method, e);
      reply(responses, Status.INTERNAL.withDescription("internal error").asRuntimeException());
      return;
    }
    if (isCancelled(responses)) {
      LOG.debug("{}: the caller gave up; the answer is dropped", method);
      return;
    }
    try {
      responses.onNext(response);
      responses.onCompleted();
    } catch (StatusRuntimeException e) {
      LOG.debug("{}: cancelled while answering", method, e);
    }
  }

  private static void reply(StreamObserver<?> responses, StatusRuntimeException error) {
    if (!isCancelled(responses)) {
      try {
        responses.onError(error);
      } catch (StatusRuntimeException e) {
        LOG.debug("cancelled while answering", e);
      }
    }
  }

  private static boolean isCancelled(StreamObserver<?> responses) {
    return responses instanceof ServerCallStreamObserver<?> server && server.isCancelled();
  }

  /** The port it listens on (127.0.0.1). */
  public int port() {
    return ((InetSocketAddress) server.getListenSockets().getFirst()).getPort();
  }

  /**
   * Stops taking calls, lets running ones finish for up to 5 seconds, then cancels the rest.
   * Idempotent.
   */
  @Override
  public void close() {
    stop(server, executor);
  }

  /**
   * Stops a gRPC server gracefully: no new calls, up to 5 seconds for the running ones to finish,
   * then the rest cancelled (up to 5 seconds more), and last the executor its calls ran on. An
   * interrupt while waiting cancels at once and keeps the thread's interrupt status. Idempotent.
   */
  public static void stop(Server server, ExecutorService executor) {
    Objects.requireNonNull(server, "server");
    Objects.requireNonNull(executor, "executor");
    server.shutdown();
    try {
      if (!server.awaitTermination(5, TimeUnit.SECONDS)) {
        server.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      server.shutdownNow();
      Thread.currentThread().interrupt();
    } finally {
      executor.shutdownNow();
    }
  }

  @Override
  public String toString() {
    return "GrpcServer[127.0.0.1:" + (server.isShutdown() ? "closed" : port()) + "]";
  }
}
