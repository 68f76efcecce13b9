package org.interviewtasks.senior.architecture.soa;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import org.interviewtasks.senior.advanced.microservices.HttpRoute;

/**
 * Orders: {@code POST /v1/orders} with {@code {"customerId", "productId", "quantity"}} prices the
 * order by asking the catalog (found through discovery) and keeps it; {@code GET
 * /v1/customers/{customerId}/orders} lists a customer's orders.
 *
 * <p>Orders live in the instance's memory, partitioned by customer: the gateway sends a customer's
 * calls to one instance by consistent hashing. That is stateful scaling by sharding; a real orders
 * service keeps them in a database and its instances are stateless again.
 */
public final class OrdersService {

  /** The service name in the registry. */
  public static final String NAME = "orders";

  /** The largest quantity of one order. */
  public static final int MAX_QUANTITY = 1_000;

  /**
   * An order.
   *
   * @param id the order id (the instance's id and a sequence number)
   * @param customerId who ordered
   * @param productId what
   * @param quantity how many
   * @param totalCents the price of all of them
   */
  public record Order(
      String id, String customerId, String productId, int quantity, long totalCents) {}

  private OrdersService() {}

  /** Starts one orders instance that prices orders through {@code catalog}. */
  public static HttpService start(String instance, ServiceClient catalog, InstantSource clock) {
    Map<String, List<Order>> byCustomer = new ConcurrentHashMap<>();
    AtomicLong sequence = new AtomicLong();
    return HttpService.builder(NAME, instance)
        .clock(clock)
        .route(
            HttpRoute.post("/v1/orders"),
            request -> {
              JsonNode body = request.json();
              String customer = text(body, "customerId");
              String product = text(body, "productId");
              JsonNode q = body.path("quantity");
              if (!q.isInt() || q.asInt() < 1 || q.asInt() > MAX_QUANTITY) {
                throw new HttpService.HttpError(
                    400, "quantity must be 1.." + MAX_QUANTITY + ": " + q);
              }
              long price = price(catalog, product);
              Order order =
                  new Order(
                      instance + "-" + sequence.incrementAndGet(),
                      customer,
                      product,
                      q.asInt(),
                      Math.multiplyExact(price, q.asLong()));
              byCustomer.computeIfAbsent(customer, c -> new CopyOnWriteArrayList<>()).add(order);
              return new HttpService.Reply(201, order);
            })
        .route(
            HttpRoute.get("/v1/customers/{customerId}/orders"),
            request ->
                HttpService.Reply.ok(
                    List.copyOf(
                        byCustomer.getOrDefault(request.variable("customerId"), List.of()))))
        .health(() -> Map.of("customers", byCustomer.size()))
        .start();
  }

  private static String text(JsonNode body, String field) {
    JsonNode value = body.path(field);
    if (!value.isTextual() || value.asText().isBlank() || value.asText().length() > 64) {
      throw new HttpService.HttpError(
          400, field + " must be a non-blank string of at most 64 chars");
    }
    return value.asText();
  }

  private static long price(ServiceClient catalog, String product) {
    HttpResponse<String> answer =
        catalog.send("GET", "/v1/products/" + HttpPaths.encode(product), null, null, true);
    if (answer.statusCode() == 404) {
      throw new HttpService.HttpError(404, "no product " + product);
    }
    if (answer.statusCode() != 200) {
      throw new HttpService.HttpError(502, "catalog answered " + answer.statusCode());
    }
    try {
      return HttpService.JSON.readTree(answer.body()).path("priceCents").asLong();
    } catch (IOException e) {
      throw new HttpService.HttpError(502, "unreadable catalog answer");
    }
  }
}
