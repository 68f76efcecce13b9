package org.interviewtasks.senior.operations.monitoring;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.interviewtasks.senior.operations.monitoring.MonitoredService.ProblemException;
import org.interviewtasks.senior.operations.monitoring.MonitoredService.Request;
import org.interviewtasks.senior.operations.monitoring.MonitoredService.Response;
import org.slf4j.Logger;

/**
 * The application being monitored: a small orders service, plus the webhook Alertmanager calls.
 *
 * <ul>
 *   <li>{@code POST /orders} with {@code {"item": "...", "quantity": n}}: 201 and the order; 400
 *       for a malformed body; 500 while the warehouse is down ({@link #warehouseDown}, the fault
 *       the demo and the tests inject).
 *   <li>{@code GET /orders/{id}}: 200 and the order, 400 for an id that is not a positive number,
 *       404 for an unknown one.
 *   <li>{@code POST /alerts}: Alertmanager's webhook. Each alert becomes a WARN line ({@code
 *       rule.name}, {@code event.action} firing or resolved) and is counted in {@code
 *       alerts.received} by status, so alerts land in Elasticsearch beside the logs they explain.
 * </ul>
 *
 * <p>Its own meters: {@code orders.placed} (a counter) and {@code orders.stored} (a gauge).
 */
public final class OrdersApp {

  /** The name the service runs under. */
  public static final String SERVICE_NAME = "orders";

  /** The longest item name. */
  public static final int MAX_ITEM = 100;

  /** The largest quantity of one order. */
  public static final int MAX_QUANTITY = 1_000;

  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * An order.
   *
   * @param id its id, from 1
   * @param item what was ordered
   * @param quantity how many
   */
  public record Order(long id, String item, int quantity) {}

  private final Map<Long, Order> orders = new ConcurrentHashMap<>();
  private final AtomicLong ids = new AtomicLong();
  private final AtomicBoolean warehouseDown = new AtomicBoolean();
  private final Logger log;
  private volatile Counter placed;
  private volatile MeterRegistry registry;

  /** An empty store; alerts are logged to {@code log}. */
  public OrdersApp(Logger log) {
    this.log = Objects.requireNonNull(log, "log");
  }

  /** Adds the routes and meters to {@code builder}, which logs to this app's logger too. */
  public MonitoredService.Builder install(MonitoredService.Builder builder) {
    Objects.requireNonNull(builder, "builder");
    return builder
        .logger(log)
        .meters(this::bindTo)
        .route("POST", "/orders", this::create)
        .route("GET", "/orders/{id}", this::find)
        .route("POST", "/alerts", this::alerts);
  }

  /** Starts the service on a free loopback port. */
  public MonitoredService start() {
    return install(MonitoredService.builder(SERVICE_NAME)).start();
  }

  /** Makes order creation fail with 500 ({@code true}) or work again. */
  public void warehouseDown(boolean down) {
    warehouseDown.set(down);
  }

  private void bindTo(MeterRegistry registry) {
    this.registry = registry;
    // Not "orders.created": Prometheus reserves the _created suffix of a counter for the time the
    // counter was created, and the registry would export orders_total instead.
    placed = Counter.builder("orders.placed").description("Orders placed").register(registry);
    Gauge.builder("orders.stored", orders, Map::size)
        .description("Orders in the store")
        .register(registry);
  }

  private Response create(Request request) {
    JsonNode body = object(request.body());
    JsonNode item = body.get("item");
    JsonNode quantity = body.get("quantity");
    if (item == null || !item.isTextual() || item.asText().isBlank()) {
      throw new ProblemException(400, "item must be a non-blank string");
    }
    if (item.asText().length() > MAX_ITEM) {
      throw new ProblemException(400, "item must be at most " + MAX_ITEM + " characters");
    }
    if (quantity == null
        || !quantity.canConvertToInt()
        || !quantity.isIntegralNumber()
        || quantity.asInt() < 1
        || quantity.asInt() > MAX_QUANTITY) {
      throw new ProblemException(400, "quantity must be an integer from 1 to " + MAX_QUANTITY);
    }
    if (warehouseDown.get()) {
      throw new IllegalStateException("the warehouse does not answer");
    }
    Order order = new Order(ids.incrementAndGet(), item.asText(), quantity.asInt());
    orders.put(order.id(), order);
    placed.increment();
    return new Response(201, order);
  }

  private Response find(Request request) {
    String raw = request.variable("id");
    long id;
    try {
      id = Long.parseLong(raw);
    } catch (NumberFormatException e) {
      throw new ProblemException(400, "order id must be a positive number: " + raw);
    }
    if (id < 1) {
      throw new ProblemException(400, "order id must be a positive number: " + raw);
    }
    Order order = orders.get(id);
    if (order == null) {
      throw new ProblemException(404, "no order " + id);
    }
    return Response.ok(order);
  }

  private Response alerts(Request request) {
    JsonNode alerts = object(request.body()).get("alerts");
    if (alerts == null || !alerts.isArray()) {
      throw new ProblemException(400, "an Alertmanager webhook body has an \"alerts\" array");
    }
    for (JsonNode alert : alerts) {
      String status = alert.path("status").asText("");
      String tag = status.equals("firing") || status.equals("resolved") ? status : "other";
      registry.counter("alerts.received", "status", tag).increment();
      log.atWarn()
          .setMessage(
              "alert "
                  + alert.path("labels").path("alertname").asText("unnamed")
                  + " "
                  + status
                  + ": "
                  + alert.path("annotations").path("summary").asText(""))
          .addKeyValue("event.kind", "alert")
          .addKeyValue("event.action", status)
          .addKeyValue("rule.name", alert.path("labels").path("alertname").asText(""))
          .addKeyValue("labels.severity", alert.path("labels").path("severity").asText(""))
          .log();
    }
    return new Response(204, null);
  }

  private static JsonNode object(String body) {
    try {
      JsonNode node = JSON.readTree(body);
      if (node == null || !node.isObject()) {
        throw new ProblemException(400, "the body must be a JSON object");
      }
      return node;
    } catch (IOException e) {
      throw new ProblemException(400, "the body is not JSON");
    }
  }
}
