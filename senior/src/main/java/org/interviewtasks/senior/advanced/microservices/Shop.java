package org.interviewtasks.senior.advanced.microservices;

import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.interviewtasks.senior.advanced.microservices.proto.GetItemRequest;
import org.interviewtasks.senior.advanced.microservices.proto.InventoryGrpc;
import org.interviewtasks.senior.advanced.microservices.proto.Item;
import org.interviewtasks.senior.advanced.microservices.proto.Quote;
import org.interviewtasks.senior.advanced.microservices.proto.QuoteRequest;
import org.interviewtasks.senior.advanced.microservices.proto.Reservation;
import org.interviewtasks.senior.advanced.microservices.proto.ReserveRequest;
import org.interviewtasks.senior.advanced.microservices.proto.StorefrontGrpc;

/**
 * The two sample services of {@code shop.proto}: an in-memory {@link InventoryStore}, and a
 * storefront whose quotes call the inventory (the next hop) through a {@link ResilientClient}.
 */
public final class Shop {

  /** The longest accepted SKU. */
  public static final int MAX_SKU = 64;

  /** The largest quantity one request may ask for. */
  public static final int MAX_QUANTITY = 10_000;

  /**
   * The inventory's contract: {@code GET /v1/items/{sku}}, {@code POST
   * /v1/items/{sku}/reservations}.
   */
  public static final ServiceContract INVENTORY =
      ServiceContract.builder(InventoryGrpc.getServiceDescriptor())
          .route(InventoryGrpc.getGetItemMethod(), HttpRoute.get("/v1/items/{sku}"))
          .route(InventoryGrpc.getReserveMethod(), HttpRoute.post("/v1/items/{sku}/reservations"))
          .build();

  /** The storefront's contract: {@code GET /v1/quotes/{sku}?quantity=n}. */
  public static final ServiceContract STOREFRONT =
      ServiceContract.builder(StorefrontGrpc.getServiceDescriptor())
          .route(StorefrontGrpc.getGetQuoteMethod(), HttpRoute.get("/v1/quotes/{sku}"))
          .build();

  private Shop() {}

  /** Items in stock, in memory. Thread-safe: each item changes atomically. */
  public static final class InventoryStore {
    private final Map<String, Item> items = new ConcurrentHashMap<>();
    private final AtomicLong reservations = new AtomicLong();

    /** An empty store. */
    public InventoryStore() {}

    /**
     * Adds or replaces an item.
     *
     * @throws ServiceException {@code INVALID_ARGUMENT} for a bad SKU, a blank name, a negative
     *     price or stock
     */
    public InventoryStore put(Item item) {
      Objects.requireNonNull(item, "item");
      checkSku(item.getSku());
      if (item.getName().isBlank()) {
        throw ServiceException.invalidArgument("name is blank");
      }
      if (item.getPriceCents() < 0 || item.getAvailable() < 0) {
        throw ServiceException.invalidArgument("price and stock must be >= 0: " + item);
      }
      items.put(item.getSku(), item);
      return this;
    }

    /** The definition to serve: {@code GetItem} and {@code Reserve} over this store. */
    public ServiceDefinition definition() {
      return ServiceDefinition.builder(INVENTORY)
          .unary(InventoryGrpc.getGetItemMethod(), this::getItem)
          .unary(InventoryGrpc.getReserveMethod(), this::reserve)
          .build();
    }

    /**
     * An item.
     *
     * @throws ServiceException {@code INVALID_ARGUMENT} for a bad SKU, {@code NOT_FOUND}
     */
    public Item getItem(GetItemRequest request) {
      checkSku(request.getSku());
      Item item = items.get(request.getSku());
      if (item == null) {
        throw ServiceException.notFound("no item " + request.getSku());
      }
      return item;
    }

    /**
     * Takes stock: all of the quantity or nothing.
     *
     * @throws ServiceException {@code INVALID_ARGUMENT}, {@code NOT_FOUND}, or {@code
     *     FAILED_PRECONDITION} when the stock is short
     */
    public Reservation reserve(ReserveRequest request) {
      checkSku(request.getSku());
      checkQuantity(request.getQuantity());
      Item[] taken = new Item[1];
      Item after =
          items.computeIfPresent(
              request.getSku(),
              (sku, item) -> {
                if (item.getAvailable() < request.getQuantity()) {
                  taken[0] = item;
                  return item;
                }
                return item.toBuilder()
                    .setAvailable(item.getAvailable() - request.getQuantity())
                    .build();
              });
      if (after == null) {
        throw ServiceException.notFound("no item " + request.getSku());
      }
      if (taken[0] != null) {
        throw ServiceException.of(
            ErrorCode.FAILED_PRECONDITION,
            "only "
                + taken[0].getAvailable()
                + " of "
                + request.getSku()
                + " left, "
                + request.getQuantity()
                + " asked");
      }
      return Reservation.newBuilder()
          .setReservationId("r-" + reservations.incrementAndGet())
          .setSku(request.getSku())
          .setQuantity(request.getQuantity())
          .setRemaining(after.getAvailable())
          .build();
    }
  }

  /**
   * The storefront's definition: quotes priced from the inventory, reached through {@code
   * inventory} (gRPC or REST: the storefront does not know which).
   */
  public static ServiceDefinition storefront(ResilientClient inventory) {
    Objects.requireNonNull(inventory, "inventory");
    return ServiceDefinition.builder(STOREFRONT)
        .unary(StorefrontGrpc.getGetQuoteMethod(), request -> quote(inventory, request))
        .build();
  }

  private static Quote quote(ResilientClient inventory, QuoteRequest request) {
    checkSku(request.getSku());
    checkQuantity(request.getQuantity());
    Item item =
        inventory.call(
            InventoryGrpc.getGetItemMethod(),
            GetItemRequest.newBuilder().setSku(request.getSku()).build());
    long total;
    try {
      total = Math.multiplyExact(item.getPriceCents(), (long) request.getQuantity());
    } catch (ArithmeticException e) {
      throw ServiceException.of(ErrorCode.OUT_OF_RANGE, "the total overflows");
    }
    return Quote.newBuilder()
        .setSku(item.getSku())
        .setQuantity(request.getQuantity())
        .setTotalCents(total)
        .setInStock(item.getAvailable() >= request.getQuantity())
        .build();
  }

  static void checkSku(String sku) {
    if (sku.isBlank()) {
      throw ServiceException.invalidArgument("sku is blank");
    }
    if (sku.length() > MAX_SKU) {
      throw ServiceException.invalidArgument(
          "sku must be at most " + MAX_SKU + " chars: " + sku.length());
    }
  }

  static void checkQuantity(int quantity) {
    if (quantity < 1 || quantity > MAX_QUANTITY) {
      throw ServiceException.invalidArgument(
          "quantity must be in [1, " + MAX_QUANTITY + "]: " + quantity);
    }
  }
}
