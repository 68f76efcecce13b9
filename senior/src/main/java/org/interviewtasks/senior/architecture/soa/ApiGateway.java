package org.interviewtasks.senior.architecture.soa;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.InstantSource;
import java.util.Map;
import org.interviewtasks.senior.advanced.microservices.HttpRoute;

/**
 * The application's one public entry: routes each public path to a service found through discovery,
 * and passes the answer back with the serving instance in {@code X-Served-By}.
 *
 * <ul>
 *   <li>{@code GET /api/products/{id}}: the catalog, any instance (round robin).
 *   <li>{@code POST /api/orders}: the orders instance that owns the body's {@code customerId} on
 *       the hash ring (not idempotent: failed over only when the connection was refused).
 *   <li>{@code GET /api/customers/{id}/orders}: the same owner.
 * </ul>
 */
public final class ApiGateway {

  /** The service name in the registry. */
  public static final String NAME = "gateway";

  private ApiGateway() {}

  /** Starts a gateway instance in front of the catalog and orders clients. */
  public static HttpService start(
      String instance, ServiceClient catalog, ServiceClient orders, InstantSource clock) {
    return HttpService.builder(NAME, instance)
        .clock(clock)
        .route(
            HttpRoute.get("/api/products/{id}"),
            request ->
                relay(
                    catalog.send(
                        "GET",
                        "/v1/products/" + HttpPaths.encode(request.variable("id")),
                        null,
                        null,
                        true)))
        .route(
            HttpRoute.post("/api/orders"),
            request -> {
              JsonNode body = request.json();
              JsonNode customer = body.path("customerId");
              if (!customer.isTextual() || customer.asText().isBlank()) {
                throw new HttpService.HttpError(400, "customerId must be a non-blank string");
              }
              return relay(
                  orders.send("POST", "/v1/orders", request.body(), customer.asText(), false));
            })
        .route(
            HttpRoute.get("/api/customers/{id}/orders"),
            request -> {
              String customer = request.variable("id");
              return relay(
                  orders.send(
                      "GET",
                      "/v1/customers/" + HttpPaths.encode(customer) + "/orders",
                      null,
                      customer,
                      true));
            })
        .start();
  }

  private static HttpService.Reply relay(HttpResponse<String> answer) {
    Object body;
    try {
      body = answer.body().isEmpty() ? null : HttpService.JSON.readTree(answer.body());
    } catch (IOException e) {
      throw new HttpService.HttpError(502, "unreadable answer from upstream");
    }
    String servedBy = answer.headers().firstValue("X-Instance").orElse("unknown");
    return new HttpService.Reply(answer.statusCode(), body, Map.of("X-Served-By", servedBy));
  }
}
