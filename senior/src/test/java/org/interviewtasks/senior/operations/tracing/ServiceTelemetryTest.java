package org.interviewtasks.senior.operations.tracing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** One service's SDK: its settings, what it owns, and the context across threads. */
class ServiceTelemetryTest {

  @Test
  void aServiceNameIsRequired() {
    assertThatNullPointerException()
        .isThrownBy(() -> ServiceTelemetry.builder(null))
        .withMessage("serviceName");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> ServiceTelemetry.builder(""))
        .withMessage("service name is blank");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> ServiceTelemetry.builder(" \t"))
        .withMessage("service name is blank");
  }

  @ParameterizedTest
  @ValueSource(doubles = {-0.01, 1.0001, Double.NaN, Double.POSITIVE_INFINITY, -1})
  void aSamplingRatioOutsideZeroToOneIsRejected(double ratio) {
    ServiceTelemetry.Builder builder = ServiceTelemetry.builder("orders");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> builder.samplingRatio(ratio))
        .withMessage("sampling ratio must be in [0, 1]: " + ratio);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "ftp://localhost:4318/v1/traces",
        "grpc://localhost:4317",
        "localhost:4318",
        "/v1/traces",
        "file:///tmp/traces"
      })
  void anOtlpEndpointMustBeHttpOrHttps(String endpoint) {
    ServiceTelemetry.Builder builder = ServiceTelemetry.builder("orders");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> builder.otlpEndpoint(URI.create(endpoint)))
        .withMessage("OTLP endpoint must be an http(s) URI: " + endpoint);
  }

  @Test
  void anOtlpEndpointNeedsAHost() {
    ServiceTelemetry.Builder builder = ServiceTelemetry.builder("orders");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> builder.otlpEndpoint(URI.create("http:///v1/traces")))
        .withMessage("OTLP endpoint has no host: http:///v1/traces");
    assertThatNullPointerException().isThrownBy(() -> builder.otlpEndpoint(null));
    assertThatNullPointerException().isThrownBy(() -> builder.addExporter(null));
  }

  @Test
  void httpsAndJaegersDefaultEndpointAreAccepted() {
    try (ServiceTelemetry telemetry =
        ServiceTelemetry.builder("orders")
            .otlpEndpoint(URI.create("HTTPS://collector.example:4318/v1/traces"))
            .otlpEndpoint(ServiceTelemetry.LOCAL_OTLP_ENDPOINT)
            .build()) {
      assertThat(telemetry.serviceName()).isEqualTo("orders");
      assertThat(telemetry.toString()).isEqualTo("ServiceTelemetry[orders]");
      assertThat(telemetry.openTelemetry().getPropagators().getTextMapPropagator().fields())
          .containsExactly("traceparent", "tracestate", "baggage");
    }
    assertThat(ServiceTelemetry.LOCAL_OTLP_ENDPOINT).hasToString("http://localhost:4318/v1/traces");
  }

  @Test
  void theServiceNameBecomesTheResourceAndClosingLeavesTheExporterOpen() {
    InMemorySpanExporter exporter = InMemorySpanExporter.create();
    try (ServiceTelemetry telemetry =
        ServiceTelemetry.builder("  billing ").addExporter(exporter).build()) {
      telemetry.tracer().spanBuilder("work").startSpan().end();
      assertThat(telemetry.flush(Duration.ofSeconds(10))).isTrue();
    }
    SpanData span = exporter.getFinishedSpanItems().getFirst();
    assertThat(SpanTree.service(span)).isEqualTo("billing");
    assertThat(exporter.export(List.of(span)).isSuccess()).isTrue(); // not shut down
    exporter.shutdown();
  }

  @Test
  void withoutTaskWrappingAPoolThreadLosesTheContextAndWithItGetsItBackClean() throws Exception {
    try (ServiceTelemetry telemetry = ServiceTelemetry.builder("orders").build();
        ExecutorService pool = Executors.newSingleThreadExecutor()) {
      ExecutorService wrapped = Context.taskWrapping(pool);
      Span parent = telemetry.tracer().spanBuilder("request").startSpan();
      SpanContext plain;
      SpanContext carried;
      try (Scope scope = parent.makeCurrent()) {
        assertThat(scope).isNotNull();
        plain = pool.submit(() -> Span.current().getSpanContext()).get();
        carried = wrapped.submit(() -> Span.current().getSpanContext()).get();
      } finally {
        parent.end();
      }
      assertThat(plain.isValid()).isFalse();
      assertThat(carried).isEqualTo(parent.getSpanContext());
      // The wrapper restored the thread's own context after the task: nothing leaks to the next.
      assertThat(pool.submit(() -> Span.current().getSpanContext().isValid()).get()).isFalse();
    }
  }

  @Test
  void theInMemoryStockKnowsItsItemsAndWhatIsLeft() {
    StockStore stock = StockStore.inMemory(Map.of("tea-1", 3));
    assertThat(stock.reserve("tea-1", 2)).isEqualTo(1);
    assertThatIllegalArgumentException()
        .isThrownBy(() -> StockStore.inMemory(Map.of("x", -1)))
        .withMessage("stock of x must be >= 0: -1");
    assertThatThrownBy(() -> stock.reserve("tea-1", 2))
        .isInstanceOf(StockStore.OutOfStockException.class)
        .hasMessage("tea-1: only 1 left");
    assertThatThrownBy(() -> stock.reserve("milk", 1))
        .isInstanceOf(NoSuchElementException.class)
        .hasMessage("unknown sku milk");
    assertThat(stock.reserve("tea-1", 1)).isZero();
  }

  @Test
  void anOrderChecksItsParts() {
    assertThatNullPointerException().isThrownBy(() -> new Order(null, 1)).withMessage("sku");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new Order("", 1))
        .withMessageStartingWith("sku must be 1 to 32 letters");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new Order("a".repeat(33), 1))
        .withMessageStartingWith("sku must be 1 to 32 letters");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new Order("tea-1", -5))
        .withMessage("quantity must be 1..1000: -5");
    assertThat(new Order("a".repeat(32), Order.MAX_QUANTITY).quantity()).isEqualTo(1000);
  }
}
