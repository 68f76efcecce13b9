package org.interviewtasks.senior.operations.testkit.sample;

import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** A store in this process's memory: for unit tests of the domain, and nothing else. */
public final class InMemoryStockStore implements StockStore {

  private final ConcurrentMap<String, Inventory.Item> items = new ConcurrentHashMap<>();

  @Override
  public void put(Inventory.Item item) {
    Objects.requireNonNull(item, "item");
    items.put(item.sku(), item);
  }

  @Override
  public Optional<Inventory.Item> get(String sku) {
    return Optional.ofNullable(items.get(sku));
  }

  @Override
  public Take take(String sku, int quantity) {
    Take[] result = {new Take.Missing()};
    items.computeIfPresent(
        sku,
        (k, item) -> {
          if (item.quantity() < quantity) {
            result[0] = new Take.TooFew(item.quantity());
            return item;
          }
          int remaining = item.quantity() - quantity;
          result[0] = new Take.Taken(remaining);
          return new Inventory.Item(item.sku(), item.name(), remaining);
        });
    return result[0];
  }
}
