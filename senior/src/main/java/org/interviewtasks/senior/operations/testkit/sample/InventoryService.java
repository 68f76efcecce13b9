package org.interviewtasks.senior.operations.testkit.sample;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.interviewtasks.senior.advanced.microservices.HttpRoute;
import org.interviewtasks.senior.architecture.soa.HttpService;
import org.interviewtasks.senior.architecture.soa.HttpService.HttpError;
import org.interviewtasks.senior.architecture.soa.HttpService.Reply;
import org.interviewtasks.senior.operations.testkit.RunningService;

/**
 * The sample microservice the testing framework is shown on: an inventory over HTTP and JSON, in
 * the HTTP shell of the service-oriented architecture task ({@link HttpService}: the JDK's server
 * on 127.0.0.1, RFC 9457 problem details for errors, {@code GET /health}, {@code GET /metrics}).
 *
 * <pre>
 * PUT  /items/{sku}               {"name": "Widget", "quantity": 5}  200 the item
 * GET  /items/{sku}                                                  200 the item, 404
 * POST /items/{sku}/reservations  {"quantity": 2}                    201 the reservation, 404, 409
 * </pre>
 *
 * Malformed ids, bodies and quantities answer 400 with a problem that says what is wrong.
 */
public final class InventoryService implements RunningService {

  /** The service's name in {@code /health} and metrics. */
  public static final String NAME = "inventory";

  private final HttpService http;

  private InventoryService(HttpService http) {
    this.http = http;
  }

  /**
   * Starts the service on {@code port} of 127.0.0.1 (0: any free port).
   *
   * @param inventory the domain it serves
   * @param store the store's name for {@code /health}, e.g. {@code redis}
   * @throws IllegalArgumentException if the port is not 0 to 65535
   * @throws java.io.UncheckedIOException if the port cannot be bound
   */
  public static InventoryService start(Inventory inventory, String store, int port) {
    Objects.requireNonNull(inventory, "inventory");
    Objects.requireNonNull(store, "store");
    HttpService http =
        HttpService.builder(NAME, "inventory-1")
            .port(port)
            .health(() -> Map.of("store", store))
            .route(new HttpRoute("PUT", "/items/{sku}"), r -> put(inventory, r))
            .route(HttpRoute.get("/items/{sku}"), r -> get(inventory, r))
            .route(HttpRoute.post("/items/{sku}/reservations"), r -> reserve(inventory, r))
            .start();
    return new InventoryService(http);
  }

  private static Reply put(Inventory inventory, HttpService.Request request) {
    JsonNode body = request.json();
    JsonNode name = body.get("name");
    if (name == null || !name.isTextual()) {
      throw new HttpError(400, "name must be a string");
    }
    int quantity = quantity(body);
    try {
      return Reply.ok(item(inventory.stock(request.variable("sku"), name.asText(), quantity)));
    } catch (IllegalArgumentException e) {
      throw new HttpError(400, e.getMessage());
    }
  }

  private static Reply get(Inventory inventory, HttpService.Request request) {
    String sku = request.variable("sku");
    try {
      return inventory
          .find(sku)
          .map(item -> Reply.ok(item(item)))
          .orElseThrow(() -> new HttpError(404, "no item " + sku));
    } catch (IllegalArgumentException e) {
      throw new HttpError(400, e.getMessage());
    }
  }

  private static Reply reserve(Inventory inventory, HttpService.Request request) {
    int quantity = quantity(request.json());
    try {
      Inventory.Reservation reservation = inventory.reserve(request.variable("sku"), quantity);
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("sku", reservation.sku());
      body.put("reserved", reservation.reserved());
      body.put("remaining", reservation.remaining());
      return new Reply(201, body);
    } catch (IllegalArgumentException e) {
      throw new HttpError(400, e.getMessage());
    } catch (Inventory.UnknownItemException e) {
      throw new HttpError(404, e.getMessage());
    } catch (Inventory.OutOfStockException e) {
      throw new HttpError(409, e.getMessage());
    }
  }

  private static int quantity(JsonNode body) {
    JsonNode quantity = body.get("quantity");
    if (quantity == null || !quantity.isIntegralNumber() || !quantity.canConvertToInt()) {
      throw new HttpError(400, "quantity must be an integer");
    }
    return quantity.intValue();
  }

  private static Map<String, Object> item(Inventory.Item item) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("sku", item.sku());
    body.put("name", item.name());
    body.put("quantity", item.quantity());
    return body;
  }

  @Override
  public URI baseUri() {
    return http.uri();
  }

  @Override
  public void close() {
    http.close();
  }

  @Override
  public String toString() {
    return "InventoryService[" + http + "]";
  }
}
