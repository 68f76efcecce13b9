package org.interviewtasks.junior.oop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.interviewtasks.common.testing.Seeds;
import org.interviewtasks.common.testing.StdStreams;
import org.interviewtasks.junior.oop.ShoppingCart.Item;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class ShoppingCartTest {

  private static BigDecimal money(String amount) {
    return new BigDecimal(amount);
  }

  @Nested
  class Adding {

    @Test
    void listsTheLinesInTheOrderTheyWereAdded() {
      ShoppingCart cart = new ShoppingCart();

      cart.add("bread", money("2.5"), 1);
      cart.add("apple", money("0.10"), 3);
      cart.add("café", money("3"), 2);

      assertThat(cart.items())
          .containsExactly(
              new Item("bread", money("2.50"), 1),
              new Item("apple", money("0.10"), 3),
              new Item("café", money("3.00"), 2));
      assertThat(cart.isEmpty()).isFalse();
    }

    @Test
    void raisesTheQuantityOfAProductAlreadyInTheCart() {
      ShoppingCart cart = new ShoppingCart();
      cart.add("apple", money("0.10"), 3);
      cart.add("pear", money("0.20"), 1);

      Item line = cart.add(" apple ", money("0.1"), 2);

      assertThat(line).isEqualTo(new Item("apple", money("0.10"), 5));
      assertThat(cart.items())
          .containsExactly(new Item("apple", money("0.10"), 5), new Item("pear", money("0.20"), 1));
    }

    @Test
    void returnsTheNewLine() {
      ShoppingCart cart = new ShoppingCart();

      assertThat(cart.add("tea", money("4.20"), 1)).isEqualTo(new Item("tea", money("4.20"), 1));
    }

    @Test
    void rejectsTheSameProductAtAnotherPrice() {
      ShoppingCart cart = new ShoppingCart();
      cart.add("apple", money("0.10"), 3);

      assertThatIllegalArgumentException()
          .isThrownBy(() -> cart.add("apple", money("0.11"), 1))
          .withMessage("'apple' is in the cart at 0.10, not 0.11");
      assertThat(cart.items()).containsExactly(new Item("apple", money("0.10"), 3));
    }

    @Test
    void rejectsAQuantityThatWouldOverflow() {
      ShoppingCart cart = new ShoppingCart();
      cart.add("grain", money("0.01"), Integer.MAX_VALUE - 1);
      cart.add("grain", money("0.01"), 1);

      assertThatIllegalArgumentException()
          .isThrownBy(() -> cart.add("grain", money("0.01"), 1))
          .withMessage("the quantity of 'grain' would exceed 2147483647")
          .withCauseInstanceOf(ArithmeticException.class);
      assertThat(cart.items().get(0).quantity()).isEqualTo(Integer.MAX_VALUE);
      assertThat(cart.total()).isEqualTo(money("21474836.47"));
    }

    @Test
    void treatsNamesThatDifferInCaseAsTwoProducts() {
      ShoppingCart cart = new ShoppingCart();
      cart.add("Apple", money("1"), 1);
      cart.add("apple", money("2"), 1);

      assertThat(cart.items()).hasSize(2);
    }
  }

  @Nested
  class Removing {

    @Test
    void removesAWholeLine() {
      ShoppingCart cart = new ShoppingCart();
      cart.add("apple", money("0.10"), 3);
      cart.add("pear", money("0.20"), 1);

      Item removed = cart.remove(" apple");

      assertThat(removed).isEqualTo(new Item("apple", money("0.10"), 3));
      assertThat(cart.items()).containsExactly(new Item("pear", money("0.20"), 1));
    }

    @Test
    void removesPartOfALine() {
      ShoppingCart cart = new ShoppingCart();
      cart.add("apple", money("0.10"), 3);

      assertThat(cart.remove("apple", 2)).isEqualTo(1);
      assertThat(cart.items()).containsExactly(new Item("apple", money("0.10"), 1));
      assertThat(cart.total()).isEqualTo(money("0.10"));
    }

    @Test
    void removingTheWholeQuantityRemovesTheLine() {
      ShoppingCart cart = new ShoppingCart();
      cart.add("apple", money("0.10"), 3);

      assertThat(cart.remove("apple", 3)).isZero();
      assertThat(cart.items()).isEmpty();
      assertThat(cart.isEmpty()).isTrue();
    }

    @Test
    void rejectsProductsNotInTheCart() {
      ShoppingCart cart = new ShoppingCart();
      cart.add("apple", money("0.10"), 3);

      assertThatThrownBy(() -> cart.remove(" kiwi "))
          .isInstanceOf(NoSuchElementException.class)
          .hasMessage("'kiwi' is not in the cart");
      assertThatThrownBy(() -> cart.remove("kiwi", 1))
          .isInstanceOf(NoSuchElementException.class)
          .hasMessage("'kiwi' is not in the cart");
      assertThatNullPointerException().isThrownBy(() -> cart.remove(null)).withMessage("name");
    }

    @Test
    void rejectsBadQuantitiesAndChangesNothing() {
      ShoppingCart cart = new ShoppingCart();
      cart.add("apple", money("0.10"), 3);

      assertThatIllegalArgumentException()
          .isThrownBy(() -> cart.remove("apple", 4))
          .withMessage("cannot remove 4 of 'apple': the cart holds 3");
      assertThatIllegalArgumentException()
          .isThrownBy(() -> cart.remove("apple", 0))
          .withMessage("quantity must be positive: 0");
      assertThatIllegalArgumentException()
          .isThrownBy(() -> cart.remove("apple", -1))
          .withMessage("quantity must be positive: -1");
      assertThat(cart.items()).containsExactly(new Item("apple", money("0.10"), 3));
    }
  }

  @Nested
  class Total {

    @Test
    void ofAnEmptyCartIsZeroWithCents() {
      ShoppingCart cart = new ShoppingCart();

      assertThat(cart.total()).isEqualTo(money("0.00"));
      assertThat(cart.isEmpty()).isTrue();
      assertThat(cart.items()).isEmpty();
    }

    @Test
    void isExactToTheCent() {
      ShoppingCart cart = new ShoppingCart();
      cart.add("a", money("0.10"), 1);
      cart.add("b", money("0.20"), 1);

      assertThat(cart.total()).isEqualTo(money("0.30"));
      assertThat(0.1 + 0.2).isNotEqualTo(0.3);
    }

    @Test
    void multipliesEachPriceByItsQuantity() {
      ShoppingCart cart = new ShoppingCart();
      cart.add("apple", money("0.10"), 3);
      cart.add("bread", money("2.49"), 2);
      cart.add("free sample", money("0"), 5);

      assertThat(cart.total()).isEqualTo(money("5.28"));
      assertThat(cart.items())
          .extracting(Item::lineTotal)
          .containsExactly(money("0.30"), money("4.98"), money("0.00"));
      assertThat(cart)
          .hasToString(
              "ShoppingCart[Item[name=apple, unitPrice=0.10, quantity=3],"
                  + " Item[name=bread, unitPrice=2.49, quantity=2],"
                  + " Item[name=free sample, unitPrice=0.00, quantity=5]] total 5.28");
    }
  }

  @Nested
  class Items {

    @Test
    void areValidated() {
      assertThatIllegalArgumentException()
          .isThrownBy(() -> new Item("x", money("-0.01"), 1))
          .withMessage("unit price must not be negative: -0.01");
      assertThatIllegalArgumentException()
          .isThrownBy(() -> new Item("x", money("0.005"), 1))
          .withMessage("unit price has more than 2 decimals: 0.005");
      assertThatIllegalArgumentException()
          .isThrownBy(() -> new Item(" ", money("1"), 1))
          .withMessage("name must not be blank");
      assertThatNullPointerException()
          .isThrownBy(() -> new Item("x", null, 1))
          .withMessage("unit price");
    }

    @ParameterizedTest(name = "quantity {0}")
    @ValueSource(ints = {0, -1, Integer.MIN_VALUE})
    void needAPositiveQuantity(int quantity) {
      assertThatIllegalArgumentException()
          .isThrownBy(() -> new Item("x", money("1"), quantity))
          .withMessage("quantity must be positive: " + quantity);
    }

    @Test
    void areValuesWithPricesInCents() {
      assertThat(new Item("x", money("1.5"), 2))
          .isEqualTo(new Item("x", money("1.50"), 2))
          .hasSameHashCodeAs(new Item("x", money("1.500"), 2));
      assertThat(new Item("x", money("1.5"), 2).lineTotal()).isEqualTo(money("3.00"));
    }

    @Test
    void areASnapshot() {
      ShoppingCart cart = new ShoppingCart();
      cart.add("apple", money("1"), 1);
      List<Item> items = cart.items();

      cart.add("pear", money("1"), 1);

      assertThat(items).hasSize(1);
      assertThatThrownBy(() -> items.add(new Item("kiwi", money("1"), 1)))
          .isInstanceOf(UnsupportedOperationException.class);
    }
  }

  /** Random adds and removes against an oracle that counts cents in longs. */
  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void agreesWithCentArithmetic(long seed) {
    var random = new SplittableRandom(seed);
    List<String> names = List.of("apple", "bread", "café", "牛奶", "🍕");
    Map<String, Long> priceInCents = new LinkedHashMap<>();
    for (String name : names) {
      priceInCents.put(name, random.nextLong(0, 100_000));
    }
    ShoppingCart cart = new ShoppingCart();
    Map<String, Integer> quantities = new LinkedHashMap<>();
    for (int step = 0; step < 60; step++) {
      String name = names.get(random.nextInt(names.size()));
      int quantity = random.nextInt(1, 20);
      Integer held = quantities.get(name);
      if (random.nextInt(3) > 0) {
        cart.add(name, BigDecimal.valueOf(priceInCents.get(name), 2), quantity);
        quantities.merge(name, quantity, Integer::sum);
      } else if (held == null) {
        assertThatThrownBy(() -> cart.remove(name, quantity))
            .isInstanceOf(NoSuchElementException.class);
      } else if (quantity > held) {
        assertThatThrownBy(() -> cart.remove(name, quantity))
            .isInstanceOf(IllegalArgumentException.class);
      } else {
        assertThat(cart.remove(name, quantity)).isEqualTo(held - quantity);
        if (held == quantity) {
          quantities.remove(name);
        } else {
          quantities.put(name, held - quantity);
        }
      }
      long cents = 0;
      List<Item> expected = new ArrayList<>();
      for (var entry : quantities.entrySet()) {
        long price = priceInCents.get(entry.getKey());
        cents += price * entry.getValue();
        expected.add(new Item(entry.getKey(), BigDecimal.valueOf(price, 2), entry.getValue()));
      }
      assertThat(cart.total()).isEqualTo(BigDecimal.valueOf(cents, 2));
      assertThat(cart.items()).isEqualTo(expected);
    }
  }

  @Nested
  class Main {

    @Test
    void printsTheReceipt() throws Exception {
      var printed =
          StdStreams.capture(
              () ->
                  ShoppingCart.main(
                      "apple", "0.10", "3", "bread", "2.5", "1", "apple", "0.1", "1"));

      assertThat(printed.out().lines())
          .containsExactly("apple 4 x 0.10 = 0.40", "bread 1 x 2.50 = 2.50", "total 2.90");
    }

    @Test
    void rejectsBadUsage() {
      assertThatIllegalArgumentException()
          .isThrownBy(ShoppingCart::main)
          .withMessageStartingWith("usage: junior.oop.9 <name> <unit price> <quantity>");
      assertThatIllegalArgumentException()
          .isThrownBy(() -> ShoppingCart.main("apple", "0.10"))
          .withMessageStartingWith("usage: junior.oop.9 ");
      assertThatIllegalArgumentException()
          .isThrownBy(() -> ShoppingCart.main("apple", "cheap", "1"))
          .withMessage("not a number: 'cheap'");
      assertThatIllegalArgumentException()
          .isThrownBy(() -> ShoppingCart.main("apple", "1", "many"))
          .withMessage("not an int: 'many'");
    }
  }

  static LongStream seeds() {
    return Seeds.derive(200);
  }
}
