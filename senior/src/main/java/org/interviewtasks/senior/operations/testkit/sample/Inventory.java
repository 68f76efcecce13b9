package org.interviewtasks.senior.operations.testkit.sample;

import java.io.Serial;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The sample microservice's domain: items in stock, and reservations that take stock away without
 * ever selling what is not there. The rules live here; the atomic take lives in the {@link
 * StockStore}, so that two service instances sharing one store cannot oversell.
 */
public final class Inventory {

  /**
   * An item's id: 2 to 32 upper-case letters, digits and dashes, starting with a letter or digit.
   */
  public static final Pattern SKU = Pattern.compile("[A-Z0-9][A-Z0-9-]{1,31}");

  /** The most an item can hold, and the most one reservation can take. */
  public static final int MAX_QUANTITY = 1_000_000;

  /** The longest name. */
  public static final int MAX_NAME = 100;

  private final StockStore store;

  /** An inventory on {@code store}. */
  public Inventory(StockStore store) {
    this.store = Objects.requireNonNull(store, "store");
  }

  /**
   * An item in stock.
   *
   * @param sku its id, see {@link #SKU}
   * @param name 1 to {@value #MAX_NAME} characters, not blank
   * @param quantity 0 to {@value #MAX_QUANTITY}
   */
  public record Item(String sku, String name, int quantity) {

    /**
     * Checks the parts.
     *
     * @throws IllegalArgumentException naming the part that is wrong
     */
    public Item {
      checkSku(sku);
      Objects.requireNonNull(name, "name");
      if (name.isBlank() || name.length() > MAX_NAME) {
        throw new IllegalArgumentException(
            "name must be 1 to " + MAX_NAME + " characters, not blank");
      }
      if (quantity < 0 || quantity > MAX_QUANTITY) {
        throw new IllegalArgumentException(
            "quantity must be 0 to " + MAX_QUANTITY + ": " + quantity);
      }
    }
  }

  /**
   * A granted reservation.
   *
   * @param sku the item
   * @param reserved how much was taken
   * @param remaining what is left in stock
   */
  public record Reservation(String sku, int reserved, int remaining) {}

  /** The item does not exist. */
  public static final class UnknownItemException extends RuntimeException {
    @Serial private static final long serialVersionUID = 1L;

    UnknownItemException(String sku) {
      super("no item " + sku);
    }
  }

  /** A reservation asked for more than there is; nothing was taken. */
  public static final class OutOfStockException extends RuntimeException {
    @Serial private static final long serialVersionUID = 1L;
    private final int available;

    OutOfStockException(String sku, int requested, int available) {
      super("only " + available + " of " + sku + " in stock, " + requested + " requested");
      this.available = available;
    }

    /** What was in stock when the reservation was refused. */
    public int available() {
      return available;
    }
  }

  /**
   * Checks an item id.
   *
   * @throws IllegalArgumentException if it does not match {@link #SKU}
   */
  public static String checkSku(String sku) {
    Objects.requireNonNull(sku, "sku");
    if (!SKU.matcher(sku).matches()) {
      throw new IllegalArgumentException(
          "sku must be 2 to 32 upper-case letters, digits or dashes: '" + sku + "'");
    }
    return sku;
  }

  /**
   * Puts an item in stock, replacing what was there.
   *
   * @throws IllegalArgumentException as {@link Item} does
   */
  public Item stock(String sku, String name, int quantity) {
    Item item = new Item(sku, name, quantity);
    store.put(item);
    return item;
  }

  /**
   * The item {@code sku}, if it exists.
   *
   * @throws IllegalArgumentException for a malformed id
   */
  public Optional<Item> find(String sku) {
    return store.get(checkSku(sku));
  }

  /**
   * Takes {@code quantity} of {@code sku} from stock, all or nothing.
   *
   * @throws IllegalArgumentException for a malformed id or a quantity outside 1 to {@value
   *     #MAX_QUANTITY}
   * @throws UnknownItemException if there is no such item
   * @throws OutOfStockException if there is less in stock than asked
   */
  public Reservation reserve(String sku, int quantity) {
    checkSku(sku);
    if (quantity < 1 || quantity > MAX_QUANTITY) {
      throw new IllegalArgumentException("quantity must be 1 to " + MAX_QUANTITY + ": " + quantity);
    }
    return switch (store.take(sku, quantity)) {
      case StockStore.Take.Taken taken -> new Reservation(sku, quantity, taken.remaining());
      case StockStore.Take.TooFew s -> throw new OutOfStockException(sku, quantity, s.available());
      case StockStore.Take.Missing m -> throw new UnknownItemException(sku);
    };
  }
}
