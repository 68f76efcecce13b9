package org.interviewtasks.senior.operations.tracing;

import com.fasterxml.jackson.databind.JsonNode;
import io.opentelemetry.api.baggage.Baggage;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import org.interviewtasks.senior.operations.tracing.TracedHttpServer.HttpError;
import org.interviewtasks.senior.operations.tracing.TracedHttpServer.Reply;
import org.interviewtasks.senior.operations.tracing.TracedHttpServer.Request;

/**
 * The {@code gateway} service, the edge: {@code POST /orders} from the outside, checked and passed
 * on to {@code orders} over HTTP, its answer relayed. An incoming {@code traceparent} is continued
 * (a caller that traces, e.g. another company's system or a browser, keeps its trace).
 *
 * <p><b>Baggage at the edge.</b> Baggage from outside is not trusted: anyone can send {@code
 * baggage: tenant=someone-else}. The gateway drops what came in and sets its own, {@code tenant}
 * from the {@value #TENANT_HEADER} header (in a real system: from the authenticated principal).
 * Every service downstream reads it from the baggage without parsing anything; baggage is sent with
 * every call, so it holds a few small entries, never secrets.
 */
public final class GatewayService implements AutoCloseable {

  /** The header that names the tenant: 1 to 32 lower-case letters, digits or {@code -}. */
  public static final String TENANT_HEADER = "X-Tenant";

  /** How long a call to orders may take. */
  static final Duration ORDERS_TIMEOUT = Duration.ofSeconds(15);

  private static final Pattern TENANT = Pattern.compile("[a-z0-9-]{1,32}");

  private final URI orders;
  private final TracedHttpClient client;
  private final TracedHttpServer http;

  private GatewayService(ServiceTelemetry telemetry, URI orders) {
    this.orders = orders.resolve("/orders");
    this.client = new TracedHttpClient(telemetry, ORDERS_TIMEOUT);
    this.http = TracedHttpServer.start(telemetry, "POST", "/orders", this::place);
  }

  /**
   * Starts the gateway on a free loopback port, passing orders on to the service at {@code orders}
   * (its base URI, e.g. {@code http://127.0.0.1:8081}).
   *
   * @throws IllegalArgumentException if {@code orders} is not an http(s) URI with a host
   */
  public static GatewayService start(ServiceTelemetry telemetry, URI orders) {
    Objects.requireNonNull(telemetry, "telemetry");
    Objects.requireNonNull(orders, "orders");
    String scheme = orders.getScheme();
    if (scheme == null || !(scheme.equals("http") || scheme.equals("https"))) {
      throw new IllegalArgumentException("orders must be an http(s) URI: " + orders);
    }
    if (orders.getHost() == null) {
      throw new IllegalArgumentException("orders URI has no host: " + orders);
    }
    return new GatewayService(telemetry, orders);
  }

  /** {@code http://127.0.0.1:port}. */
  public URI uri() {
    return http.uri();
  }

  @SuppressWarnings("try") // the scope is opened for its effect
  private Reply place(Request request) {
    Optional<String> tenant = TracedHttpServer.header(request, TENANT_HEADER);
    if (tenant.isPresent() && !TENANT.matcher(tenant.get()).matches()) {
      throw new HttpError(
          400, TENANT_HEADER + " must be 1 to 32 lower-case letters, digits or '-'");
    }
    Order order = Order.parse(request.body());
    Baggage baggage = Baggage.empty();
    if (tenant.isPresent()) {
      Span.current().setAttribute(Conventions.APP_TENANT, tenant.get());
      baggage = Baggage.builder().put(Conventions.TENANT_BAGGAGE, tenant.get()).build();
    }
    HttpResponse<byte[]> response;
    try (Scope scope = Context.current().with(baggage).makeCurrent()) {
      response = client.postJson(orders, order.toJson(), Map.of());
    } catch (IOException e) {
      throw new HttpError(502, "orders did not answer: " + e.getClass().getSimpleName());
    }
    JsonNode body;
    try {
      body = TracedHttpServer.JSON.readTree(response.body());
    } catch (IOException e) {
      throw new HttpError(502, "orders answered " + response.statusCode() + " without JSON");
    }
    return new Reply(response.statusCode(), body);
  }

  /** Stops at once. Idempotent. */
  @Override
  public void close() {
    http.close();
    client.close();
  }
}
