package org.interviewtasks.senior.operations.tracing;

import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ClientCall;
import io.grpc.ClientInterceptor;
import io.grpc.ForwardingClientCall;
import io.grpc.ForwardingClientCallListener;
import io.grpc.ForwardingServerCall;
import io.grpc.ForwardingServerCallListener;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.Status;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanBuilder;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.context.propagation.TextMapSetter;
import java.util.EnumSet;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Tracing for gRPC, as interceptors: what {@code opentelemetry-grpc-1.6} (or the Java agent) adds
 * to every channel and server. The W3C headers travel as gRPC metadata (HTTP/2 headers of the same
 * names).
 *
 * <ul>
 *   <li>{@link #client}: a {@link SpanKind#CLIENT} span per call, a child of the caller's current
 *       span, its context written into the call's metadata; ended when the call closes, with {@code
 *       rpc.grpc.status_code}. Every status but {@code OK} is an error for the caller.
 *   <li>{@link #server}: the parent context read from the metadata, a {@link SpanKind#SERVER} span,
 *       made current around <i>every</i> callback of the call (gRPC may run {@code onMessage} and
 *       {@code onHalfClose} on different threads, so a thread-local set once would be lost). A
 *       server marks only the statuses that are its own fault as errors ({@code UNKNOWN}, {@code
 *       DEADLINE_EXCEEDED}, {@code UNIMPLEMENTED}, {@code INTERNAL}, {@code UNAVAILABLE}, {@code
 *       DATA_LOSS}); {@code NOT_FOUND} or {@code FAILED_PRECONDITION} is a correct answer.
 * </ul>
 *
 * Spans are named {@code package.Service/Method}, as the conventions say.
 */
final class GrpcTracing {

  private GrpcTracing() {}

  private static final Set<Status.Code> SERVER_ERRORS =
      EnumSet.of(
          Status.Code.UNKNOWN,
          Status.Code.DEADLINE_EXCEEDED,
          Status.Code.UNIMPLEMENTED,
          Status.Code.INTERNAL,
          Status.Code.UNAVAILABLE,
          Status.Code.DATA_LOSS);

  /** Reads W3C headers from metadata (its keys are lower case, as W3C's are). */
  static final TextMapGetter<Metadata> GETTER =
      (metadata, key) -> metadata == null ? null : metadata.get(asciiKey(key));

  /** Writes W3C headers into metadata, replacing any of the same name. */
  static final TextMapSetter<Metadata> SETTER =
      (metadata, key, value) -> {
        Objects.requireNonNull(metadata, "metadata");
        Metadata.Key<String> name = asciiKey(key);
        metadata.removeAll(name);
        metadata.put(name, value);
      };

  private static Metadata.Key<String> asciiKey(String key) {
    return Metadata.Key.of(key, Metadata.ASCII_STRING_MARSHALLER);
  }

  /** Traces the calls of a channel. */
  static ClientInterceptor client(ServiceTelemetry telemetry) {
    Objects.requireNonNull(telemetry, "telemetry");
    return new ClientInterceptor() {
      @Override
      public <Q, R> ClientCall<Q, R> interceptCall(
          MethodDescriptor<Q, R> method, CallOptions options, Channel next) {
        Span span =
            start(telemetry, method, SpanKind.CLIENT, Context.current())
                .setAttribute(Conventions.SERVER_ADDRESS, host(next.authority()))
                .startSpan();
        port(next.authority()).ifPresent(p -> span.setAttribute(Conventions.SERVER_PORT, p));
        Context context = Context.current().with(span);
        return new ForwardingClientCall.SimpleForwardingClientCall<>(
            next.newCall(method, options)) {
          @Override
          public void start(Listener<R> listener, Metadata headers) {
            telemetry.propagator().inject(context, headers, SETTER);
            super.start(
                new ForwardingClientCallListener.SimpleForwardingClientCallListener<>(listener) {
                  @Override
                  public void onClose(Status status, Metadata trailers) {
                    end(span, status, true);
                    super.onClose(status, trailers);
                  }
                },
                headers);
          }
        };
      }
    };
  }

  /** Traces the calls a server takes. */
  @SuppressWarnings("try") // the scopes are opened for their effect: the span is current inside
  static ServerInterceptor server(ServiceTelemetry telemetry) {
    Objects.requireNonNull(telemetry, "telemetry");
    return new ServerInterceptor() {
      @Override
      public <Q, R> ServerCall.Listener<Q> interceptCall(
          ServerCall<Q, R> call, Metadata headers, ServerCallHandler<Q, R> next) {
        Context parent = telemetry.propagator().extract(Context.root(), headers, GETTER);
        Span span =
            start(telemetry, call.getMethodDescriptor(), SpanKind.SERVER, parent).startSpan();
        Context context = parent.with(span);
        AtomicBoolean ended = new AtomicBoolean();
        ServerCall<Q, R> traced =
            new ForwardingServerCall.SimpleForwardingServerCall<>(call) {
              @Override
              public void close(Status status, Metadata trailers) {
                if (ended.compareAndSet(false, true)) {
                  end(span, status, false);
                }
                super.close(status, trailers);
              }
            };
        ServerCall.Listener<Q> listener;
        try (Scope scope = context.makeCurrent()) {
          listener = next.startCall(traced, headers);
        }
        return new ForwardingServerCallListener.SimpleForwardingServerCallListener<>(listener) {
          @Override
          public void onMessage(Q message) {
            try (Scope scope = context.makeCurrent()) {
              super.onMessage(message);
            }
          }

          @Override
          public void onHalfClose() {
            try (Scope scope = context.makeCurrent()) {
              super.onHalfClose();
            }
          }

          @Override
          public void onCancel() {
            try (Scope scope = context.makeCurrent()) {
              super.onCancel();
            } finally {
              if (ended.compareAndSet(false, true)) {
                end(span, Status.CANCELLED.withDescription("the client cancelled"), false);
              }
            }
          }

          @Override
          public void onComplete() {
            try (Scope scope = context.makeCurrent()) {
              super.onComplete();
            }
          }

          @Override
          public void onReady() {
            try (Scope scope = context.makeCurrent()) {
              super.onReady();
            }
          }
        };
      }
    };
  }

  private static SpanBuilder start(
      ServiceTelemetry telemetry, MethodDescriptor<?, ?> method, SpanKind kind, Context parent) {
    return telemetry
        .tracer()
        .spanBuilder(method.getFullMethodName())
        .setParent(parent)
        .setSpanKind(kind)
        .setAttribute(Conventions.RPC_SYSTEM, "grpc")
        .setAttribute(Conventions.RPC_SERVICE, Objects.requireNonNull(method.getServiceName()))
        .setAttribute(Conventions.RPC_METHOD, Objects.requireNonNull(method.getBareMethodName()));
  }

  private static void end(Span span, Status status, boolean client) {
    span.setAttribute(Conventions.RPC_GRPC_STATUS_CODE, (long) status.getCode().value());
    if (!status.isOk() && (client || SERVER_ERRORS.contains(status.getCode()))) {
      span.setStatus(StatusCode.ERROR, String.valueOf(status.getDescription()));
      span.setAttribute(Conventions.ERROR_TYPE, status.getCode().name());
      // The server keeps the cause it was given (it never travels); the client gets the status.
      span.recordException(status.getCause() != null ? status.getCause() : status.asException());
    }
    span.end();
  }

  private static String host(String authority) {
    int colon = authority.lastIndexOf(':');
    return colon < 0 ? authority : authority.substring(0, colon);
  }

  private static OptionalLong port(String authority) {
    int colon = authority.lastIndexOf(':');
    try {
      return colon < 0
          ? OptionalLong.empty()
          : OptionalLong.of(Long.parseLong(authority.substring(colon + 1)));
    } catch (NumberFormatException e) {
      return OptionalLong.empty();
    }
  }
}
