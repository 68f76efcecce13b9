package org.interviewtasks.senior.operations.tracing;

import java.io.Serial;
import java.util.HashMap;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;

/** Where inventory keeps its stock. */
@FunctionalInterface
public interface StockStore {

  /**
   * Takes {@code quantity} of {@code sku} from stock.
   *
   * @return what is left
   * @throws NoSuchElementException if the sku is unknown
   * @throws OutOfStockException if less than {@code quantity} is left
   * @throws RuntimeException any other: the store failed (inventory answers {@code INTERNAL})
   */
  int reserve(String sku, int quantity);

  /** Too little is left for a reservation. */
  final class OutOfStockException extends RuntimeException {
    @Serial private static final long serialVersionUID = 1L;

    /** {@code sku} has only {@code available} left. */
    public OutOfStockException(String sku, int available) {
      super(sku + ": only " + available + " left", null, false, false);
    }
  }

  /**
   * A store in memory, thread-safe, starting with {@code stock} (sku to quantity).
   *
   * @throws IllegalArgumentException if a quantity is negative
   */
  static StockStore inMemory(Map<String, Integer> stock) {
    Objects.requireNonNull(stock, "stock");
    Map<String, Integer> left = new HashMap<>();
    stock.forEach(
        (sku, quantity) -> {
          Objects.requireNonNull(sku, "sku");
          if (quantity == null || quantity < 0) {
            throw new IllegalArgumentException("stock of " + sku + " must be >= 0: " + quantity);
          }
          left.put(sku, quantity);
        });
    return (sku, quantity) -> {
      synchronized (left) {
        Integer available = left.get(sku);
        if (available == null) {
          throw new NoSuchElementException("unknown sku " + sku);
        }
        if (available < quantity) {
          throw new OutOfStockException(sku, available);
        }
        left.put(sku, available - quantity);
        return available - quantity;
      }
    };
  }
}
