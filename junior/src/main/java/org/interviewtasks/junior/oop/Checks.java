package org.interviewtasks.junior.oop;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The validations the types of this package share, so that every one of them rejects a bad name,
 * amount or length with the same message.
 *
 * <p>Money is a {@link BigDecimal} with exactly two decimals. An amount given with more decimals is
 * rejected, never rounded: {@code 0.005} is a mistake of the caller, and rounding it away would
 * hide the mistake. Rounding happens only where the arithmetic itself creates more decimals (a
 * raise by a percentage), with {@link #ROUNDING}.
 */
final class Checks {

  /** Money has cents: two decimals. */
  static final int CENTS = 2;

  /**
   * Banker's rounding: a half cent goes to the even neighbour, so over many roundings the errors
   * cancel out instead of all going up.
   */
  static final RoundingMode ROUNDING = RoundingMode.HALF_EVEN;

  private Checks() {}

  /**
   * The text without surrounding whitespace.
   *
   * @throws NullPointerException if it is null, with {@code name} as message
   * @throws IllegalArgumentException if nothing but whitespace is left
   */
  static String text(String value, String name) {
    String stripped = Objects.requireNonNull(value, name).strip();
    if (stripped.isEmpty()) {
      throw new IllegalArgumentException(name + " must not be blank");
    }
    return stripped;
  }

  /**
   * The amount with scale 2, so that {@code 10}, {@code 10.0} and {@code 10.00} are one value.
   *
   * @throws IllegalArgumentException if it is negative or has more than two decimals
   */
  static BigDecimal money(BigDecimal amount, String name) {
    Objects.requireNonNull(amount, name);
    if (amount.signum() < 0) {
      throw new IllegalArgumentException(name + " must not be negative: " + amount.toPlainString());
    }
    return cents(amount, name);
  }

  /**
   * The amount with scale 2.
   *
   * @throws IllegalArgumentException if it is not above zero or has more than two decimals
   */
  static BigDecimal positiveMoney(BigDecimal amount, String name) {
    Objects.requireNonNull(amount, name);
    if (amount.signum() <= 0) {
      throw new IllegalArgumentException(name + " must be positive: " + amount.toPlainString());
    }
    return cents(amount, name);
  }

  private static BigDecimal cents(BigDecimal amount, String name) {
    if (amount.stripTrailingZeros().scale() > CENTS) {
      throw new IllegalArgumentException(
          name + " has more than " + CENTS + " decimals: " + amount.toPlainString());
    }
    return amount.setScale(CENTS, RoundingMode.UNNECESSARY);
  }

  /**
   * Checks that a length is a positive finite number.
   *
   * @throws IllegalArgumentException if it is zero, negative, infinite or NaN
   */
  static void length(double value, String name) {
    if (!(value > 0 && value < Double.POSITIVE_INFINITY)) { // also false for NaN
      throw new IllegalArgumentException(name + " must be positive and finite: " + value);
    }
  }

  /**
   * Checks that a measure computed from valid lengths is itself a positive finite {@code double}:
   * it neither overflowed to infinity nor underflowed to zero.
   *
   * @param what names the measure, e.g. "area of a circle of radius 1.0E200"; built only on failure
   * @throws IllegalArgumentException if {@code value} is infinite or zero
   */
  static void representable(double value, Supplier<String> what) {
    if (Double.isInfinite(value)) {
      throw new IllegalArgumentException(what.get() + " overflows a double");
    }
    if (!(value > 0)) { // zero, or NaN from a formula fed lengths it cannot handle
      throw new IllegalArgumentException(what.get() + " underflows to zero");
    }
  }
}
