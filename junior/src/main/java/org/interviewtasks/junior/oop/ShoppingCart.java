package org.interviewtasks.junior.oop;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import org.interviewtasks.common.Args;
import org.interviewtasks.common.Task;

/**
 * A shopping cart: add items, remove them, list them and compute the total price.
 *
 * <p><b>Approach.</b> The cart keeps one {@link Item} line per product name in a {@link
 * LinkedHashMap}, so adding, removing and finding a line are O(1) and the lines are listed in the
 * order they were first added, as a receipt would show them. Adding a product already in the cart
 * raises its quantity instead of adding a second line. An {@code Item} is an immutable record;
 * changing a quantity replaces the line. Prices are {@link BigDecimal} with two decimals, never
 * {@code double}: three items at 0.10 cost exactly 0.30. A line total is an exact multiplication
 * (price × quantity keeps two decimals, nothing to round), and {@link #total()} adds them up, O(n)
 * in the number of lines.
 *
 * <p><b>Edge cases.</b> The empty cart totals {@code 0.00}. A price must not be negative (a free
 * item at 0.00 is allowed) and must not have fractions of a cent; a quantity must be positive.
 * Adding a product at a different price than the line already in the cart is rejected rather than
 * guessing which price is right. Removing a product that is not in the cart throws {@link
 * NoSuchElementException}; removing more than the cart holds throws {@link
 * IllegalArgumentException} and changes nothing. Names are stripped and compared exactly: "Apple"
 * and "apple" are two products. A quantity that would overflow an {@code int} is rejected. Not
 * thread-safe.
 *
 * <p><b>Follow-up.</b> <i>"Discounts and tax?"</i> Compute them per line from the exact totals and
 * round once, at a stated rounding mode, where the law says to; keep the unrounded values for the
 * sums. <i>"Currencies?"</i> Make the amount a {@code Money(BigDecimal, Currency)} value and refuse
 * to add different currencies. <i>"Products with the same name?"</i> Key the lines by a product id
 * (SKU), not by name.
 */
@Task(id = "junior.oop.9", title = "Shopping cart")
public final class ShoppingCart {

  /**
   * One line of the cart.
   *
   * @param name the product name, stripped, not blank
   * @param unitPrice the price of one, not negative, two decimals
   * @param quantity how many, positive
   */
  public record Item(String name, BigDecimal unitPrice, int quantity) {

    /**
     * Validates the line.
     *
     * @throws IllegalArgumentException if the name is blank, the price negative or with more than
     *     two decimals, or the quantity not positive
     */
    public Item {
      name = Checks.text(name, "name");
      unitPrice = Checks.money(unitPrice, "unit price");
      if (quantity <= 0) {
        throw new IllegalArgumentException("quantity must be positive: " + quantity);
      }
    }

    /** {@code unitPrice × quantity}, exact, two decimals. */
    public BigDecimal lineTotal() {
      return unitPrice.multiply(BigDecimal.valueOf(quantity));
    }
  }

  private final Map<String, Item> lines = new LinkedHashMap<>();

  /**
   * Adds {@code quantity} of a product; if it is already in the cart, raises its quantity.
   *
   * @return the cart's line for the product after the change
   * @throws IllegalArgumentException if the item is invalid, the product is in the cart at another
   *     price, or the quantity would overflow
   */
  public Item add(String name, BigDecimal unitPrice, int quantity) {
    Item item = new Item(name, unitPrice, quantity);
    Item line = item;
    Item existing = lines.get(item.name());
    if (existing != null) {
      if (existing.unitPrice().compareTo(item.unitPrice()) != 0) {
        throw new IllegalArgumentException(
            "'"
                + item.name()
                + "' is in the cart at "
                + existing.unitPrice().toPlainString()
                + ", not "
                + item.unitPrice().toPlainString());
      }
      line = new Item(item.name(), item.unitPrice(), sum(existing.quantity(), quantity, item));
    }
    lines.put(line.name(), line);
    return line;
  }

  /**
   * Removes a product's whole line.
   *
   * @return the line that was removed
   * @throws NoSuchElementException if the product is not in the cart
   */
  public Item remove(String name) {
    Item line = lineOf(name);
    lines.remove(line.name());
    return line;
  }

  /**
   * Removes {@code quantity} of a product; the line disappears when none is left.
   *
   * @return the remaining quantity, 0 when the line was removed
   * @throws NoSuchElementException if the product is not in the cart
   * @throws IllegalArgumentException if the quantity is not positive or above what the cart holds
   */
  public int remove(String name, int quantity) {
    Item line = lineOf(name);
    if (quantity <= 0) {
      throw new IllegalArgumentException("quantity must be positive: " + quantity);
    }
    if (quantity > line.quantity()) {
      throw new IllegalArgumentException(
          "cannot remove "
              + quantity
              + " of '"
              + line.name()
              + "': the cart holds "
              + line.quantity());
    }
    int left = line.quantity() - quantity;
    if (left == 0) {
      lines.remove(line.name());
    } else {
      lines.put(line.name(), new Item(line.name(), line.unitPrice(), left));
    }
    return left;
  }

  /** The lines, in the order their products were first added; a snapshot. */
  public List<Item> items() {
    return List.copyOf(lines.values());
  }

  /** Whether the cart has no lines. */
  public boolean isEmpty() {
    return lines.isEmpty();
  }

  /** The sum of the line totals, exact, two decimals; {@code 0.00} for an empty cart. */
  public BigDecimal total() {
    BigDecimal total = BigDecimal.ZERO.setScale(Checks.CENTS);
    for (Item line : lines.values()) {
      total = total.add(line.lineTotal());
    }
    return total;
  }

  @Override
  public String toString() {
    return "ShoppingCart" + lines.values() + " total " + total().toPlainString();
  }

  private Item lineOf(String name) {
    String key = Checks.text(name, "name");
    Item line = lines.get(key);
    if (line == null) {
      throw new NoSuchElementException("'" + key + "' is not in the cart");
    }
    return line;
  }

  private static int sum(int quantity, int more, Item item) {
    try {
      return Math.addExact(quantity, more);
    } catch (ArithmeticException e) {
      throw new IllegalArgumentException(
          "the quantity of '" + item.name() + "' would exceed " + Integer.MAX_VALUE, e);
    }
  }

  /**
   * Fills a cart from triples {@code <name> <unit price> <quantity>} and prints each line and the
   * total, e.g. {@code apple 0.10 3 bread 2.50 1}.
   *
   * @throws IllegalArgumentException if the arguments are not triples or describe an invalid item
   */
  public static void main(String... args) {
    if (args.length == 0 || args.length % 3 != 0) {
      throw new IllegalArgumentException(
          "usage: junior.oop.9 <name> <unit price> <quantity> [<name> <unit price> <quantity>...]");
    }
    ShoppingCart cart = new ShoppingCart();
    for (int i = 0; i < args.length; i += 3) {
      cart.add(args[i], Args.toBigDecimal(args[i + 1]), Args.toInt(args[i + 2]));
    }
    for (Item line : cart.items()) {
      System.out.println(
          line.name()
              + " "
              + line.quantity()
              + " x "
              + line.unitPrice().toPlainString()
              + " = "
              + line.lineTotal().toPlainString());
    }
    System.out.println("total " + cart.total().toPlainString());
  }
}
