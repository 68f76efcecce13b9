package org.interviewtasks.senior.operations.testkit.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.interviewtasks.senior.operations.testkit.UnitTest;

/** The unit layer: the inventory's rules on an in-memory store, no network. */
public class InventoryTest {

  private final Inventory inventory = new Inventory(new InMemoryStockStore());

  @UnitTest
  void storesAndFindsAnItem() {
    assertThat(inventory.stock("WIDGET-1", "Widget", 5))
        .isEqualTo(new Inventory.Item("WIDGET-1", "Widget", 5));
    assertThat(inventory.find("WIDGET-1")).contains(new Inventory.Item("WIDGET-1", "Widget", 5));
    assertThat(inventory.find("WIDGET-2")).isEmpty();
  }

  @UnitTest
  void stockingAgainReplacesTheItem() {
    inventory.stock("WIDGET-1", "Widget", 5);
    inventory.stock("WIDGET-1", "Widget v2", 9);
    assertThat(inventory.find("WIDGET-1")).contains(new Inventory.Item("WIDGET-1", "Widget v2", 9));
  }

  @UnitTest
  void reservesDownToZeroAndNoFurther() {
    inventory.stock("WIDGET-1", "Widget", 5);
    assertThat(inventory.reserve("WIDGET-1", 2))
        .isEqualTo(new Inventory.Reservation("WIDGET-1", 2, 3));
    assertThat(inventory.reserve("WIDGET-1", 3))
        .isEqualTo(new Inventory.Reservation("WIDGET-1", 3, 0));
    assertThatThrownBy(() -> inventory.reserve("WIDGET-1", 1))
        .isInstanceOf(Inventory.OutOfStockException.class)
        .hasMessage("only 0 of WIDGET-1 in stock, 1 requested");
  }

  @UnitTest
  void aRefusedReservationTakesNothing() {
    inventory.stock("WIDGET-1", "Widget", 3);
    assertThatThrownBy(() -> inventory.reserve("WIDGET-1", 4))
        .isInstanceOfSatisfying(
            Inventory.OutOfStockException.class, e -> assertThat(e.available()).isEqualTo(3));
    assertThat(inventory.find("WIDGET-1")).map(Inventory.Item::quantity).contains(3);
  }

  @UnitTest
  void reservingAnUnknownItemSaysSo() {
    assertThatThrownBy(() -> inventory.reserve("GHOST-1", 1))
        .isInstanceOf(Inventory.UnknownItemException.class)
        .hasMessage("no item GHOST-1");
  }

  @UnitTest
  void rejectsMalformedSkus() {
    for (String sku : List.of("", "A", "lower", "WITH SPACE", "-DASH", "X".repeat(33), "ÄÖ")) {
      assertThatIllegalArgumentException()
          .as("sku '%s'", sku)
          .isThrownBy(() -> inventory.find(sku))
          .withMessageContaining("sku must be 2 to 32");
    }
    assertThat(Inventory.checkSku("AB")).isEqualTo("AB");
    assertThat(Inventory.checkSku("X".repeat(32))).hasSize(32);
    assertThatNullPointerException().isThrownBy(() -> inventory.find(null)).withMessage("sku");
  }

  @UnitTest
  void rejectsQuantitiesAndNamesOutOfRange() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> inventory.stock("WIDGET-1", "Widget", -1))
        .withMessage("quantity must be 0 to 1000000: -1");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> inventory.stock("WIDGET-1", "Widget", Inventory.MAX_QUANTITY + 1))
        .withMessage("quantity must be 0 to 1000000: 1000001");
    assertThat(inventory.stock("WIDGET-1", "Widget", Inventory.MAX_QUANTITY).quantity())
        .isEqualTo(Inventory.MAX_QUANTITY);
    assertThatIllegalArgumentException()
        .isThrownBy(() -> inventory.stock("WIDGET-1", " ", 1))
        .withMessageContaining("name must be 1 to 100");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> inventory.stock("WIDGET-1", "n".repeat(101), 1))
        .withMessageContaining("name must be 1 to 100");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> inventory.reserve("WIDGET-1", 0))
        .withMessage("quantity must be 1 to 1000000: 0");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> inventory.reserve("WIDGET-1", Inventory.MAX_QUANTITY + 1))
        .withMessage("quantity must be 1 to 1000000: 1000001");
    assertThatNullPointerException().isThrownBy(() -> new Inventory(null)).withMessage("store");
  }

  @UnitTest
  void concurrentReservationsNeverOversell() throws Exception {
    inventory.stock("WIDGET-1", "Widget", 10);
    AtomicInteger granted = new AtomicInteger();
    try (var pool = Executors.newFixedThreadPool(4)) {
      List<Future<?>> calls = new ArrayList<>();
      for (int i = 0; i < 40; i++) {
        calls.add(
            pool.submit(
                () -> {
                  try {
                    inventory.reserve("WIDGET-1", 1);
                    granted.incrementAndGet();
                  } catch (Inventory.OutOfStockException e) {
                    // refused: counted by what is missing from granted
                  }
                }));
      }
      for (Future<?> call : calls) {
        call.get();
      }
    }
    assertThat(granted).hasValue(10);
    assertThat(inventory.find("WIDGET-1")).map(Inventory.Item::quantity).contains(0);
  }
}
