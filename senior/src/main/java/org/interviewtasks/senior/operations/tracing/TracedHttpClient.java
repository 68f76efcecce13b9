package org.interviewtasks.senior.operations.tracing;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.context.propagation.TextMapSetter;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * The JDK's {@link HttpClient} with a {@link SpanKind#CLIENT} span around every call, and the
 * current context written into the request's headers ({@code traceparent}, {@code tracestate},
 * {@code baggage}): what an HTTP client instrumentation does. The span is named by the method alone
 * ({@code POST}: a client knows no route template). Any answer of 400 and above marks it {@link
 * StatusCode#ERROR}: for the caller, the call failed either way. A failure without an answer
 * (refused, timed out) records the exception as an event and rethrows it.
 */
final class TracedHttpClient implements AutoCloseable {

  /** Writes W3C headers into a request being built. */
  static final TextMapSetter<HttpRequest.Builder> SETTER =
      (builder, key, value) -> Objects.requireNonNull(builder, "builder").setHeader(key, value);

  private final ServiceTelemetry telemetry;
  private final Duration timeout;
  private final HttpClient client;

  TracedHttpClient(ServiceTelemetry telemetry, Duration timeout) {
    this.telemetry = Objects.requireNonNull(telemetry, "telemetry");
    this.timeout = Objects.requireNonNull(timeout, "timeout");
    // HTTP/1.1: no h2c upgrade attempt on every new connection to a plain-text server.
    this.client =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(timeout)
            .build();
  }

  /**
   * Posts a JSON body and returns the answer, whatever its status.
   *
   * @throws IOException if no answer came (the span records it)
   */
  @SuppressWarnings("try") // the scope is opened for its effect
  HttpResponse<byte[]> postJson(URI uri, byte[] body, Map<String, String> headers)
      throws IOException {
    Span span =
        telemetry
            .tracer()
            .spanBuilder("POST")
            .setSpanKind(SpanKind.CLIENT)
            .setAttribute(Conventions.HTTP_REQUEST_METHOD, "POST")
            .setAttribute(Conventions.URL_FULL, uri.toString())
            .setAttribute(Conventions.SERVER_ADDRESS, uri.getHost())
            .setAttribute(Conventions.SERVER_PORT, (long) uri.getPort())
            .startSpan();
    try (Scope scope = span.makeCurrent()) {
      HttpRequest.Builder request =
          HttpRequest.newBuilder(uri)
              .timeout(timeout)
              .header("Content-Type", "application/json")
              .POST(HttpRequest.BodyPublishers.ofByteArray(body));
      headers.forEach(request::setHeader);
      telemetry.propagator().inject(Context.current(), request, SETTER);
      HttpResponse<byte[]> response =
          client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
      span.setAttribute(Conventions.HTTP_RESPONSE_STATUS_CODE, (long) response.statusCode());
      if (response.statusCode() >= 400) {
        span.setStatus(StatusCode.ERROR);
        span.setAttribute(Conventions.ERROR_TYPE, Integer.toString(response.statusCode()));
      }
      return response;
    } catch (IOException e) {
      fail(span, e);
      throw e;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      fail(span, e);
      InterruptedIOException interrupted = new InterruptedIOException("interrupted calling " + uri);
      interrupted.initCause(e);
      throw interrupted;
    } finally {
      span.end();
    }
  }

  private static void fail(Span span, Exception e) {
    span.recordException(e);
    span.setStatus(StatusCode.ERROR, String.valueOf(e.getMessage()));
    span.setAttribute(Conventions.ERROR_TYPE, e.getClass().getName());
  }

  @Override
  public void close() {
    client.close();
  }
}
