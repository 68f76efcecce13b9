package org.interviewtasks.senior.operations.testkit.sample;

import java.util.Optional;

/** Where the inventory keeps its items; {@link #take} is atomic. */
public interface StockStore {

  /** Stores {@code item}, replacing any item of its id. */
  void put(Inventory.Item item);

  /** The item of {@code sku}, if stored. */
  Optional<Inventory.Item> get(String sku);

  /**
   * Takes {@code quantity} from the item's stock if it has that much, atomically: two concurrent
   * takes never both succeed on stock that covers only one.
   */
  Take take(String sku, int quantity);

  /** What a {@link #take} did. */
  sealed interface Take {
    /**
     * Taken.
     *
     * @param remaining what is left
     */
    record Taken(int remaining) implements Take {}

    /**
     * Not taken: too little in stock.
     *
     * @param available what there is
     */
    record TooFew(int available) implements Take {}

    /** Not taken: no such item. */
    record Missing() implements Take {}
  }
}
