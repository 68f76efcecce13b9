package org.interviewtasks.mid.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.interviewtasks.common.testing.Seeds;
import org.interviewtasks.mid.testing.Inventory.Item;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The deliverable of mid.testing.1: tests of {@link Inventory} organised by operation, each group
 * covering the ordinary case, the boundaries and every documented error, and asserting that a
 * failed operation changes nothing.
 */
class InventoryTest {

  private Inventory inventory;

  @BeforeEach
  void freshInventoryWithTwoProducts() {
    inventory = new Inventory();
    inventory.addProduct("APPLE", new BigDecimal("0.50"));
    inventory.addProduct("PEAR", new BigDecimal("0.75"));
  }

  @Nested
  @DisplayName("addProduct")
  class AddProduct {

    @Test
    void startsWithNoStock() {
      inventory.addProduct("KIWI", new BigDecimal("1.20"));

      assertThat(inventory.quantity("KIWI")).isZero();
      assertThat(inventory.items()).extracting(Item::sku).containsExactly("APPLE", "PEAR", "KIWI");
    }

    @Test
    void trimsTheSkuAndAcceptsAFreeProduct() {
      inventory.addProduct("  SAMPLE ", BigDecimal.ZERO);

      assertThat(inventory.items()).last().isEqualTo(new Item("SAMPLE", BigDecimal.ZERO, 0));
      assertThat(inventory.quantity("SAMPLE")).isZero();
    }

    @Test
    void acceptsUnicodeSkus() {
      inventory.addProduct("ÄPFEL-🍎", BigDecimal.ONE);

      assertThat(inventory.quantity(" ÄPFEL-🍎")).isZero();
    }

    @Test
    void rejectsADuplicateEvenWithSpaces() {
      assertThatIllegalArgumentException()
          .isThrownBy(() -> inventory.addProduct(" APPLE", BigDecimal.TEN))
          .withMessage("product APPLE exists already");
      assertThat(inventory.items()).hasSize(2);
    }

    @ParameterizedTest(name = "price {0}")
    @ValueSource(strings = {"-0.01", "-1", "-1E+9"})
    void rejectsANegativePrice(String price) {
      assertThatIllegalArgumentException()
          .isThrownBy(() -> inventory.addProduct("KIWI", new BigDecimal(price)))
          .withMessage("unit price must not be negative: " + new BigDecimal(price));
      assertThat(inventory.items()).hasSize(2);
    }

    @ParameterizedTest(name = "sku \"{0}\"")
    @ValueSource(strings = {"", " ", "\t\n", "\u2003"})
    void rejectsABlankSku(String sku) {
      assertThatIllegalArgumentException()
          .isThrownBy(() -> inventory.addProduct(sku, BigDecimal.ONE))
          .withMessage("sku must not be blank");
    }

    @Test
    void rejectsNulls() {
      assertThatNullPointerException()
          .isThrownBy(() -> inventory.addProduct(null, BigDecimal.ONE))
          .withMessage("sku");
      assertThatNullPointerException()
          .isThrownBy(() -> inventory.addProduct("KIWI", null))
          .withMessage("unitPrice");
    }
  }

  @Nested
  @DisplayName("receive and ship")
  class ReceiveAndShip {

    @ParameterizedTest(name = "receive {0}, ship {1} -> {2}")
    @CsvSource({
      "1, 1, 0",
      "10, 1, 9",
      "10, 10, 0",
      "2147483647, 2147483647, 0",
      "2147483647, 1, 2147483646"
    })
    void shipsFromWhatWasReceived(int received, int shipped, int left) {
      assertThat(inventory.receive("APPLE", received)).isEqualTo(received);
      assertThat(inventory.ship("APPLE", shipped)).isEqualTo(left);
      assertThat(inventory.quantity("APPLE")).isEqualTo(left);
      assertThat(inventory.quantity("PEAR")).isZero();
    }

    @Test
    void receivingAddsUp() {
      inventory.receive("PEAR", 3);

      assertThat(inventory.receive("PEAR", 4)).isEqualTo(7);
    }

    @Test
    void refusesToShipMoreThanInStockAndShipsNothing() {
      inventory.receive("APPLE", 5);

      assertThatIllegalStateException()
          .isThrownBy(() -> inventory.ship("APPLE", 6))
          .withMessage("cannot ship 6 of APPLE: 5 in stock");
      assertThat(inventory.quantity("APPLE")).isEqualTo(5);
    }

    @Test
    void refusesToOverflowTheStock() {
      inventory.receive("APPLE", Integer.MAX_VALUE - 1);

      assertThat(inventory.receive("APPLE", 1)).isEqualTo(Integer.MAX_VALUE);
      assertThatIllegalArgumentException()
          .isThrownBy(() -> inventory.receive("APPLE", 1))
          .withMessage("cannot stock more than 2147483647 units of APPLE");
      assertThat(inventory.quantity("APPLE")).isEqualTo(Integer.MAX_VALUE);
    }

    @ParameterizedTest(name = "quantity {0}")
    @ValueSource(ints = {0, -1, Integer.MIN_VALUE})
    void rejectsNonPositiveQuantities(int quantity) {
      inventory.receive("APPLE", 1);

      assertThatIllegalArgumentException()
          .isThrownBy(() -> inventory.receive("APPLE", quantity))
          .withMessage("quantity must be positive: " + quantity);
      assertThatIllegalArgumentException()
          .isThrownBy(() -> inventory.ship("APPLE", quantity))
          .withMessage("quantity must be positive: " + quantity);
      assertThat(inventory.quantity("APPLE")).isEqualTo(1);
    }

    @Test
    void rejectsUnknownProducts() {
      assertThatThrownBy(() -> inventory.receive("PLUM", 1))
          .isInstanceOf(NoSuchElementException.class)
          .hasMessage("no product PLUM");
      assertThatThrownBy(() -> inventory.ship(" PLUM ", 1))
          .isInstanceOf(NoSuchElementException.class)
          .hasMessage("no product PLUM");
      assertThatThrownBy(() -> inventory.quantity("apple"))
          .as("SKUs are case-sensitive")
          .isInstanceOf(NoSuchElementException.class)
          .hasMessage("no product apple");
    }
  }

  @Nested
  @DisplayName("removeProduct")
  class RemoveProduct {

    @Test
    void removesAnEmptyProduct() {
      inventory.removeProduct("APPLE");

      assertThat(inventory.items()).extracting(Item::sku).containsExactly("PEAR");
      assertThatThrownBy(() -> inventory.quantity("APPLE"))
          .isInstanceOf(NoSuchElementException.class);
    }

    @Test
    void refusesWhileInStock() {
      inventory.receive("APPLE", 2);

      assertThatIllegalStateException()
          .isThrownBy(() -> inventory.removeProduct("APPLE"))
          .withMessage("cannot remove APPLE: 2 units in stock");
      assertThat(inventory.quantity("APPLE")).isEqualTo(2);
    }

    @Test
    void canBeAddedAgainAfterRemoval() {
      inventory.removeProduct("PEAR");
      inventory.addProduct("PEAR", BigDecimal.TEN);

      assertThat(inventory.items()).extracting(Item::sku).containsExactly("APPLE", "PEAR");
    }
  }

  @Nested
  @DisplayName("reports")
  class Reports {

    @Test
    void totalValueIsExactWithoutFloatingPointErrors() {
      inventory.receive("APPLE", 3);
      inventory.receive("PEAR", 1);
      inventory.addProduct("DIME", new BigDecimal("0.10"));
      inventory.receive("DIME", 3);

      assertThat(inventory.totalValue()).isEqualByComparingTo("2.55");
      assertThat(new Inventory().totalValue()).isEqualTo(BigDecimal.ZERO);
    }

    @Test
    void itemValueIsPriceTimesQuantity() {
      assertThat(new Item("X", new BigDecimal("2.50"), 4).value()).isEqualByComparingTo("10");
      assertThat(new Item("X", new BigDecimal("2.50"), 0).value()).isEqualByComparingTo("0");
    }

    @Test
    void lowStockIsSortedByQuantityThenSku() {
      inventory.addProduct("BANANA", BigDecimal.ONE);
      inventory.addProduct("CHERRY", BigDecimal.ONE);
      inventory.receive("APPLE", 5);
      inventory.receive("PEAR", 2);
      inventory.receive("CHERRY", 2);

      assertThat(inventory.lowStock(5))
          .extracting(Item::sku)
          .containsExactly("BANANA", "CHERRY", "PEAR");
      assertThat(inventory.lowStock(6)).extracting(Item::sku).endsWith("APPLE");
      assertThat(inventory.lowStock(0)).isEmpty();
      assertThat(inventory.lowStock(1)).extracting(Item::sku).containsExactly("BANANA");
    }

    @Test
    void rejectsANegativeThreshold() {
      assertThatIllegalArgumentException()
          .isThrownBy(() -> inventory.lowStock(-1))
          .withMessage("threshold must not be negative: -1");
    }

    @Test
    void itemsIsASnapshotThatCannotBeChanged() {
      List<Item> items = inventory.items();
      inventory.receive("APPLE", 1);

      assertThat(items.get(0).quantity()).isZero();
      assertThatThrownBy(items::clear).isInstanceOf(UnsupportedOperationException.class);
    }
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void behavesLikeAMapModelUnderRandomOperations(long seed) {
    var random = new SplittableRandom(seed);
    Inventory subject = new Inventory();
    Map<String, Integer> model = new HashMap<>();
    List<String> skus = new ArrayList<>();
    for (int step = 0; step < 60; step++) {
      String sku = "S" + random.nextInt(5);
      int quantity = random.nextInt(-1, 8);
      switch (random.nextInt(4)) {
        case 0 -> {
          if (model.containsKey(sku)) {
            assertThatThrownBy(() -> subject.addProduct(sku, BigDecimal.ONE))
                .isInstanceOf(IllegalArgumentException.class);
          } else {
            subject.addProduct(sku, BigDecimal.valueOf(random.nextInt(100), 2));
            model.put(sku, 0);
            skus.add(sku);
          }
        }
        case 1 -> {
          if (!model.containsKey(sku) || quantity <= 0) {
            assertThatThrownBy(() -> subject.receive(sku, quantity))
                .isInstanceOf(RuntimeException.class);
          } else {
            assertThat(subject.receive(sku, quantity))
                .isEqualTo(model.merge(sku, quantity, Integer::sum));
          }
        }
        case 2 -> {
          if (!model.containsKey(sku) || quantity <= 0 || quantity > model.get(sku)) {
            assertThatThrownBy(() -> subject.ship(sku, quantity))
                .isInstanceOf(RuntimeException.class);
          } else {
            assertThat(subject.ship(sku, quantity))
                .isEqualTo(model.merge(sku, -quantity, Integer::sum));
          }
        }
        default -> {
          if (model.getOrDefault(sku, -1) == 0) {
            subject.removeProduct(sku);
            model.remove(sku);
            skus.remove(sku);
          } else {
            assertThatThrownBy(() -> subject.removeProduct(sku))
                .isInstanceOf(RuntimeException.class);
          }
        }
      }
      assertThat(subject.items()).extracting(Item::sku).containsExactlyElementsOf(skus);
      for (Item item : subject.items()) {
        assertThat(item.quantity()).isEqualTo(model.get(item.sku()));
      }
    }
  }

  static LongStream seeds() {
    return Seeds.derive(200);
  }
}
