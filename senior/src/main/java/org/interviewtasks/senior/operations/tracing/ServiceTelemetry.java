package org.interviewtasks.senior.operations.tracing;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.baggage.propagation.W3CBaggagePropagator;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.context.propagation.TextMapPropagator;
import io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporter;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.SdkTracerProviderBuilder;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.BatchSpanProcessor;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import io.opentelemetry.sdk.trace.samplers.Sampler;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * The OpenTelemetry SDK of one service: its own {@link Resource} ({@code service.name}), a
 * parent-based ratio sampler, W3C trace context and baggage propagation, and the exporters its
 * finished spans go to. What one process would build once at start-up (and register globally); here
 * three services share a JVM, so each keeps its own and nothing is global.
 *
 * <p><b>Sampling.</b> {@code parentBased(traceIdRatioBased(ratio))}: a root span (no parent, or a
 * parent from a malformed header) is sampled when its trace id falls under the ratio; every other
 * span follows its parent's decision, which arrives in bit 0 of the {@code traceparent} flags
 * ({@code -01} sampled, {@code -00} not; this SDK also sets bit 1, W3C Trace Context level 2's
 * "random trace id", so the wire shows {@code -03} and {@code -02}). So one decision, made at the
 * edge, holds for the whole trace: no trace with holes. Unsampled spans still exist (non-recording)
 * and still propagate their context.
 *
 * <p><b>Export.</b> Each exporter gets a {@link BatchSpanProcessor}: spans queue in memory and are
 * sent in batches off the request path (a full queue drops spans rather than block requests).
 * {@link #flush} sends what is queued. The OTLP exporter speaks OTLP/HTTP with protobuf bodies to
 * {@code /v1/traces}; Jaeger (1.35+) accepts it on port 4318: {@code
 * otlpEndpoint(URI.create("http://localhost:4318/v1/traces"))} with Jaeger started as {@code docker
 * run -p 16686:16686 -p 4318:4318 jaegertracing/jaeger}, then its UI on port 16686 shows the trace.
 * An OpenTelemetry Collector takes the same endpoint and forwards wherever it is told.
 */
public final class ServiceTelemetry implements AutoCloseable {

  /** Jaeger's (and the Collector's) default OTLP/HTTP trace endpoint on this machine. */
  public static final URI LOCAL_OTLP_ENDPOINT = URI.create("http://localhost:4318/v1/traces");

  /** How long {@link #close()} waits for the last spans to be exported. */
  static final Duration SHUTDOWN_TIMEOUT = Duration.ofSeconds(10);

  private static final TextMapPropagator PROPAGATOR =
      TextMapPropagator.composite(
          W3CTraceContextPropagator.getInstance(), W3CBaggagePropagator.getInstance());

  private final String serviceName;
  private final SdkTracerProvider provider;
  private final OpenTelemetrySdk sdk;
  private final Tracer tracer;

  private ServiceTelemetry(String serviceName, SdkTracerProvider provider) {
    this.serviceName = serviceName;
    this.provider = provider;
    this.sdk =
        OpenTelemetrySdk.builder()
            .setTracerProvider(provider)
            .setPropagators(ContextPropagators.create(PROPAGATOR))
            .build();
    this.tracer = sdk.getTracer("org.interviewtasks.senior.operations.tracing");
  }

  /**
   * A builder for the telemetry of the service {@code serviceName}.
   *
   * @throws NullPointerException if {@code serviceName} is null
   * @throws IllegalArgumentException if it is blank
   */
  public static Builder builder(String serviceName) {
    return new Builder(serviceName);
  }

  /** The service's name, its {@code service.name}. */
  public String serviceName() {
    return serviceName;
  }

  /** The tracer the service's spans come from. */
  public Tracer tracer() {
    return tracer;
  }

  /** W3C {@code traceparent}/{@code tracestate} and {@code baggage}, composed. */
  public TextMapPropagator propagator() {
    return PROPAGATOR;
  }

  /** The whole SDK, for instrumentation libraries that take an {@link OpenTelemetry}. */
  public OpenTelemetry openTelemetry() {
    return sdk;
  }

  /**
   * Exports every span ended so far, waiting up to {@code timeout}.
   *
   * @return whether every exporter succeeded in time
   */
  public boolean flush(Duration timeout) {
    Objects.requireNonNull(timeout, "timeout");
    return provider.forceFlush().join(timeout.toMillis(), TimeUnit.MILLISECONDS).isSuccess();
  }

  /** Ends the SDK: flushes what is queued, then shuts down the exporters it owns. Idempotent. */
  @Override
  public void close() {
    provider.shutdown().join(SHUTDOWN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
  }

  @Override
  public String toString() {
    return "ServiceTelemetry[" + serviceName + "]";
  }

  /** Checks an OTLP endpoint: an absolute {@code http} or {@code https} URI with a host. */
  static URI checkEndpoint(URI endpoint) {
    Objects.requireNonNull(endpoint, "endpoint");
    String scheme = endpoint.getScheme();
    if (scheme == null
        || !(scheme.toLowerCase(Locale.ROOT).equals("http")
            || scheme.toLowerCase(Locale.ROOT).equals("https"))) {
      throw new IllegalArgumentException("OTLP endpoint must be an http(s) URI: " + endpoint);
    }
    if (endpoint.getHost() == null) {
      throw new IllegalArgumentException("OTLP endpoint has no host: " + endpoint);
    }
    return endpoint;
  }

  /** Checks a sampling ratio: a number in [0, 1]. */
  static double checkRatio(double ratio) {
    if (!(ratio >= 0.0 && ratio <= 1.0)) { // also false for NaN
      throw new IllegalArgumentException("sampling ratio must be in [0, 1]: " + ratio);
    }
    return ratio;
  }

  /** Checks a service name: not null, not blank. */
  static String checkName(String serviceName) {
    Objects.requireNonNull(serviceName, "serviceName");
    if (serviceName.isBlank()) {
      throw new IllegalArgumentException("service name is blank");
    }
    return serviceName.strip();
  }

  /** Builds a {@link ServiceTelemetry}. */
  public static final class Builder {
    private final String serviceName;
    private double samplingRatio = 1.0;
    private URI otlpEndpoint;
    private final List<SpanExporter> exporters = new ArrayList<>();

    private Builder(String serviceName) {
      this.serviceName = checkName(serviceName);
    }

    /**
     * The share of new traces to record, from 0 (none) to 1 (all, the default). Spans with a parent
     * follow the parent's decision instead.
     *
     * @throws IllegalArgumentException if not in [0, 1]
     */
    public Builder samplingRatio(double ratio) {
      this.samplingRatio = checkRatio(ratio);
      return this;
    }

    /**
     * Also exports over OTLP/HTTP (protobuf) to {@code endpoint}, the full URL including {@code
     * /v1/traces}; for a local Jaeger, {@link #LOCAL_OTLP_ENDPOINT}. The telemetry owns this
     * exporter and shuts it down on {@link #close()}.
     *
     * @throws IllegalArgumentException if {@code endpoint} is not an http(s) URI with a host
     */
    public Builder otlpEndpoint(URI endpoint) {
      this.otlpEndpoint = checkEndpoint(endpoint);
      return this;
    }

    /**
     * Also exports to {@code exporter}, which stays the caller's: it is flushed, never shut down,
     * so several services can share it (for example one in-memory exporter in a test).
     */
    public Builder addExporter(SpanExporter exporter) {
      exporters.add(new Borrowed(Objects.requireNonNull(exporter, "exporter")));
      return this;
    }

    /** Builds the SDK. */
    public ServiceTelemetry build() {
      Resource resource =
          Resource.getDefault()
              .merge(Resource.builder().put(Conventions.SERVICE_NAME, serviceName).build());
      SdkTracerProviderBuilder provider =
          SdkTracerProvider.builder()
              .setResource(resource)
              .setSampler(Sampler.parentBased(Sampler.traceIdRatioBased(samplingRatio)));
      List<SpanExporter> all = new ArrayList<>(exporters);
      if (otlpEndpoint != null) {
        all.add(
            OtlpHttpSpanExporter.builder()
                .setEndpoint(otlpEndpoint.toString())
                .setTimeout(Duration.ofSeconds(5))
                .build());
      }
      for (SpanExporter exporter : all) {
        provider.addSpanProcessor(
            BatchSpanProcessor.builder(exporter).setScheduleDelay(Duration.ofMillis(200)).build());
      }
      return new ServiceTelemetry(serviceName, provider.build());
    }
  }

  /** An exporter the caller owns: shutting the SDK down flushes it and leaves it running. */
  private record Borrowed(SpanExporter delegate) implements SpanExporter {
    @Override
    public CompletableResultCode export(Collection<SpanData> spans) {
      return delegate.export(spans);
    }

    @Override
    public CompletableResultCode flush() {
      return delegate.flush();
    }

    @Override
    public CompletableResultCode shutdown() {
      return delegate.flush();
    }
  }
}
