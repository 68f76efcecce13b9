package org.interviewtasks.mid.testing;

import java.math.BigDecimal;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import org.interviewtasks.common.Task;

/**
 * A small stock inventory, written to be unit-tested: the task is its test class, {@code
 * InventoryTest}, which shows how to cover a class's behaviour and its edge cases.
 *
 * <p><b>Approach.</b> Products are kept by SKU in insertion order, each with a unit price ({@link
 * BigDecimal}: money is never a {@code double}) and a quantity. Every operation checks its input
 * first and changes nothing when it fails, so a test can assert both the exception and the
 * untouched state. The test class is organised the way a reviewer reads it: one {@code @Nested}
 * group per operation, {@code @ParameterizedTest} tables for the boundaries (0, 1, the largest
 * quantity), exception assertions with exact messages, and a randomized property test that replays
 * random operations against a trivially correct model.
 *
 * <p><b>Edge cases.</b> Quantities are non-negative {@code int}s and receiving more than fits is an
 * error, not an overflow; shipping more than is in stock is an {@link IllegalStateException} and
 * ships nothing (no partial shipment); SKUs are trimmed and must not be blank; prices must not be
 * negative (zero is allowed: a free sample); an unknown SKU is a {@link NoSuchElementException}.
 * Not thread-safe: callers synchronise, or see the follow-up.
 *
 * <p><b>Follow-up.</b> <i>"What makes a class easy to test?"</i> Deterministic behaviour, no hidden
 * inputs (a clock or random source would be passed in), small public surface, state observable
 * through queries. <i>"Concurrent shipments?"</i> A {@code ConcurrentHashMap} with {@code compute}
 * per SKU makes each check-and-decrement atomic.
 */
@Task(id = "mid.testing.1", title = "Unit tests for a class, edge cases included")
public final class Inventory {

  /**
   * One product line.
   *
   * @param sku the stock-keeping unit, trimmed, not blank
   * @param unitPrice the price of one unit, not negative
   * @param quantity units in stock, not negative
   */
  public record Item(String sku, BigDecimal unitPrice, int quantity) {

    /** The value of the units in stock. */
    public BigDecimal value() {
      return unitPrice.multiply(BigDecimal.valueOf(quantity));
    }
  }

  private final Map<String, Item> items = new LinkedHashMap<>();

  /**
   * Adds a product with no stock.
   *
   * @throws IllegalArgumentException if the SKU is blank or taken, or the price negative
   */
  public void addProduct(String sku, BigDecimal unitPrice) {
    String key = normalise(sku);
    Objects.requireNonNull(unitPrice, "unitPrice");
    if (unitPrice.signum() < 0) {
      throw new IllegalArgumentException("unit price must not be negative: " + unitPrice);
    }
    if (items.containsKey(key)) {
      throw new IllegalArgumentException("product " + key + " exists already");
    }
    items.put(key, new Item(key, unitPrice, 0));
  }

  /**
   * Adds units to the stock of a product and returns the new quantity.
   *
   * @throws IllegalArgumentException if {@code quantity} is not positive or the stock would exceed
   *     {@code Integer.MAX_VALUE}
   * @throws NoSuchElementException if there is no such product
   */
  public int receive(String sku, int quantity) {
    Item item = find(sku);
    requirePositive(quantity);
    if (quantity > Integer.MAX_VALUE - item.quantity()) {
      throw new IllegalArgumentException(
          "cannot stock more than " + Integer.MAX_VALUE + " units of " + item.sku());
    }
    return put(item, item.quantity() + quantity);
  }

  /**
   * Removes units from the stock of a product and returns the new quantity; all or nothing.
   *
   * @throws IllegalArgumentException if {@code quantity} is not positive
   * @throws IllegalStateException if fewer units are in stock
   * @throws NoSuchElementException if there is no such product
   */
  public int ship(String sku, int quantity) {
    Item item = find(sku);
    requirePositive(quantity);
    if (quantity > item.quantity()) {
      throw new IllegalStateException(
          "cannot ship " + quantity + " of " + item.sku() + ": " + item.quantity() + " in stock");
    }
    return put(item, item.quantity() - quantity);
  }

  /**
   * The units in stock of a product.
   *
   * @throws NoSuchElementException if there is no such product
   */
  public int quantity(String sku) {
    return find(sku).quantity();
  }

  /**
   * Removes a product that has no stock left.
   *
   * @throws IllegalStateException if units are still in stock
   * @throws NoSuchElementException if there is no such product
   */
  public void removeProduct(String sku) {
    Item item = find(sku);
    if (item.quantity() > 0) {
      throw new IllegalStateException(
          "cannot remove " + item.sku() + ": " + item.quantity() + " units in stock");
    }
    items.remove(item.sku());
  }

  /** The value of all stock: the sum of unit price times quantity. */
  public BigDecimal totalValue() {
    return items.values().stream().map(Item::value).reduce(BigDecimal.ZERO, BigDecimal::add);
  }

  /**
   * The products with fewer than {@code threshold} units, fewest first, then by SKU.
   *
   * @throws IllegalArgumentException if {@code threshold} is negative
   */
  public List<Item> lowStock(int threshold) {
    if (threshold < 0) {
      throw new IllegalArgumentException("threshold must not be negative: " + threshold);
    }
    return items.values().stream()
        .filter(item -> item.quantity() < threshold)
        .sorted(Comparator.comparingInt(Item::quantity).thenComparing(Item::sku))
        .toList();
  }

  /** Every product, in the order they were added. */
  public List<Item> items() {
    return List.copyOf(items.values());
  }

  private Item find(String sku) {
    String key = normalise(sku);
    Item item = items.get(key);
    if (item == null) {
      throw new NoSuchElementException("no product " + key);
    }
    return item;
  }

  private int put(Item item, int quantity) {
    items.put(item.sku(), new Item(item.sku(), item.unitPrice(), quantity));
    return quantity;
  }

  private static String normalise(String sku) {
    String key = Objects.requireNonNull(sku, "sku").strip();
    if (key.isEmpty()) {
      throw new IllegalArgumentException("sku must not be blank");
    }
    return key;
  }

  private static void requirePositive(int quantity) {
    if (quantity <= 0) {
      throw new IllegalArgumentException("quantity must be positive: " + quantity);
    }
  }
}
