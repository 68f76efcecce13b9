package org.interviewtasks.senior.operations.tracing;

import io.opentelemetry.api.common.AttributeKey;

/**
 * The attribute names the spans carry: OpenTelemetry's semantic conventions for HTTP (stable),
 * RPC/gRPC (still in development) and errors, and the few of this application ({@code app.*}).
 * Backends (Jaeger, Tempo, vendors) build their service maps and RED dashboards from exactly these
 * names, so a span that spells {@code http.status} instead of {@code http.response.status_code} is
 * invisible to them.
 *
 * <p>The constants exist in {@code io.opentelemetry.semconv:opentelemetry-semconv} (and the RPC
 * ones in its {@code -incubating} sibling); they are spelled out here so that a reader sees them in
 * one place, and so that the library needs no alpha artifact.
 */
public final class Conventions {

  private Conventions() {}

  /** {@code service.name}: the resource attribute that names the process's service. */
  public static final AttributeKey<String> SERVICE_NAME = AttributeKey.stringKey("service.name");

  /** {@code http.request.method}: {@code GET}, {@code POST}, ... ({@code _OTHER} for the rest). */
  public static final AttributeKey<String> HTTP_REQUEST_METHOD =
      AttributeKey.stringKey("http.request.method");

  /** {@code http.response.status_code}. */
  public static final AttributeKey<Long> HTTP_RESPONSE_STATUS_CODE =
      AttributeKey.longKey("http.response.status_code");

  /** {@code http.route}: the route template the server matched, e.g. {@code /orders}. */
  public static final AttributeKey<String> HTTP_ROUTE = AttributeKey.stringKey("http.route");

  /** {@code url.path} (server spans). */
  public static final AttributeKey<String> URL_PATH = AttributeKey.stringKey("url.path");

  /** {@code url.scheme} (server spans). */
  public static final AttributeKey<String> URL_SCHEME = AttributeKey.stringKey("url.scheme");

  /** {@code url.full} (client spans). */
  public static final AttributeKey<String> URL_FULL = AttributeKey.stringKey("url.full");

  /** {@code server.address}: the host the client called, or the server's own. */
  public static final AttributeKey<String> SERVER_ADDRESS =
      AttributeKey.stringKey("server.address");

  /** {@code server.port}. */
  public static final AttributeKey<Long> SERVER_PORT = AttributeKey.longKey("server.port");

  /** {@code client.address} (server spans): who called. */
  public static final AttributeKey<String> CLIENT_ADDRESS =
      AttributeKey.stringKey("client.address");

  /** {@code network.protocol.version}: {@code 1.1}, {@code 2}. */
  public static final AttributeKey<String> NETWORK_PROTOCOL_VERSION =
      AttributeKey.stringKey("network.protocol.version");

  /** {@code rpc.system}: {@code grpc}. */
  public static final AttributeKey<String> RPC_SYSTEM = AttributeKey.stringKey("rpc.system");

  /**
   * {@code rpc.service}: the full service name, e.g. {@code interviewtasks.tracing.v1.Inventory}.
   */
  public static final AttributeKey<String> RPC_SERVICE = AttributeKey.stringKey("rpc.service");

  /** {@code rpc.method}: the bare method name, e.g. {@code Reserve}. */
  public static final AttributeKey<String> RPC_METHOD = AttributeKey.stringKey("rpc.method");

  /** {@code rpc.grpc.status_code}: the numeric gRPC status, 0 for OK. */
  public static final AttributeKey<Long> RPC_GRPC_STATUS_CODE =
      AttributeKey.longKey("rpc.grpc.status_code");

  /**
   * {@code error.type}: set when a span failed; the HTTP status as text ({@code 502}), the gRPC
   * status name ({@code INTERNAL}) or the exception's class name.
   */
  public static final AttributeKey<String> ERROR_TYPE = AttributeKey.stringKey("error.type");

  /** {@code app.tenant}: the tenant, from the {@code tenant} baggage entry. */
  public static final AttributeKey<String> APP_TENANT = AttributeKey.stringKey("app.tenant");

  /** {@code app.sku}: the item ordered. */
  public static final AttributeKey<String> APP_SKU = AttributeKey.stringKey("app.sku");

  /** {@code app.quantity}: how many were ordered. */
  public static final AttributeKey<Long> APP_QUANTITY = AttributeKey.longKey("app.quantity");

  /** {@code app.reservation_id}: the reservation inventory made. */
  public static final AttributeKey<String> APP_RESERVATION_ID =
      AttributeKey.stringKey("app.reservation_id");

  /** {@code app.stock_remaining}: what inventory had left after the reservation. */
  public static final AttributeKey<Long> APP_STOCK_REMAINING =
      AttributeKey.longKey("app.stock_remaining");

  /** The baggage entry the gateway sets and every service reads. */
  public static final String TENANT_BAGGAGE = "tenant";
}
