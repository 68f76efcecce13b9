package org.interviewtasks.mid.testing;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.YearMonth;
import java.util.Currency;
import java.util.Objects;
import java.util.Set;
import org.interviewtasks.common.Task;

/**
 * Validates a card payment and signals each kind of invalid input with its own exception.
 *
 * <p><b>Approach.</b> The exceptions form a sealed hierarchy under {@link
 * PaymentValidationException}, each carrying the {@link PaymentValidationException#field() field}
 * it is about: a caller can catch the base type to reject the payment, or one subtype to react to
 * it (ask for another card when it expired), and a {@code switch} over the sealed type is checked
 * for exhaustiveness. They are checked exceptions because invalid input from a user is an expected
 * outcome the caller must handle, not a programming error; a {@code null} argument, which is one,
 * is still a {@link NullPointerException}. Checks run in a fixed order (currency, amount, card
 * number, expiry, CVV) and the first failure is thrown. Money is {@link BigDecimal}, and "now"
 * comes from an injected {@link Clock} so the expiry rule is testable on any date.
 *
 * <p><b>Rules.</b> The amount is positive, at most the validator's limit, and has no more decimal
 * places than the currency allows ({@link Currency#getDefaultFractionDigits()}: 2 for EUR, 0 for
 * JPY, 3 for KWD; trailing zeros do not count). The currency is a supported ISO 4217 code. The card
 * number has 12 to 19 digits (spaces and dashes between groups are ignored) and passes the Luhn
 * check. A card is valid through the last day of its expiry month. The CVV has 4 digits for
 * American Express (numbers starting 34 or 37) and 3 for the others.
 *
 * <p><b>Follow-up.</b> <i>"Report every problem, not the first?"</i> Collect the failures into a
 * list and throw one exception holding them (or return a result type); a form wants all errors at
 * once. <i>"Why not one exception with an error code?"</i> Types let the compiler and {@code catch}
 * clauses do the dispatching, and a test asserts the type rather than parse a code.
 */
@Task(id = "mid.testing.3", title = "Custom exceptions for invalid input, and their tests")
public final class PaymentValidator {

  /**
   * A payment to validate.
   *
   * @param amount the amount to charge
   * @param currency the ISO 4217 currency code, e.g. {@code EUR}
   * @param cardNumber the card number, digits possibly grouped by spaces or dashes
   * @param expiry the last month the card is valid
   * @param cvv the card verification value
   */
  public record Payment(
      BigDecimal amount, String currency, String cardNumber, YearMonth expiry, String cvv) {

    /** Rejects null components. */
    public Payment {
      Objects.requireNonNull(amount, "amount");
      Objects.requireNonNull(currency, "currency");
      Objects.requireNonNull(cardNumber, "cardNumber");
      Objects.requireNonNull(expiry, "expiry");
      Objects.requireNonNull(cvv, "cvv");
    }
  }

  /** Why a payment is invalid; the subtype says what is wrong, {@link #field()} where. */
  public abstract static sealed class PaymentValidationException extends Exception
      permits InvalidAmountException,
          UnsupportedCurrencyException,
          InvalidCardNumberException,
          CardExpiredException,
          InvalidCvvException {
    private static final long serialVersionUID = 1L;

    private final String field;

    PaymentValidationException(String field, String message) {
      super(field + ": " + message);
      this.field = field;
    }

    /** The name of the {@link Payment} component that is invalid. */
    public String field() {
      return field;
    }
  }

  /** The amount is not positive, too large, or too precise for its currency. */
  public static final class InvalidAmountException extends PaymentValidationException {
    private static final long serialVersionUID = 1L;

    InvalidAmountException(String message) {
      super("amount", message);
    }
  }

  /** The currency is not an ISO 4217 code, or not one this validator accepts. */
  public static final class UnsupportedCurrencyException extends PaymentValidationException {
    private static final long serialVersionUID = 1L;

    UnsupportedCurrencyException(String message) {
      super("currency", message);
    }
  }

  /** The card number is malformed or fails the Luhn check. */
  public static final class InvalidCardNumberException extends PaymentValidationException {
    private static final long serialVersionUID = 1L;

    InvalidCardNumberException(String message) {
      super("cardNumber", message);
    }
  }

  /** The card expired before the current month. */
  public static final class CardExpiredException extends PaymentValidationException {
    private static final long serialVersionUID = 1L;

    private final YearMonth expiry;

    CardExpiredException(YearMonth expiry, YearMonth now) {
      super("expiry", "card expired in " + expiry + ", it is " + now);
      this.expiry = expiry;
    }

    /** The month the card expired. */
    public YearMonth expiry() {
      return expiry;
    }
  }

  /** The CVV does not have the right number of digits for the card. */
  public static final class InvalidCvvException extends PaymentValidationException {
    private static final long serialVersionUID = 1L;

    InvalidCvvException(String message) {
      super("cvv", message);
    }
  }

  private final Clock clock;
  private final Set<Currency> currencies;
  private final BigDecimal maxAmount;

  /**
   * A validator accepting the given currencies up to {@code maxAmount}, with "now" from {@code
   * clock}.
   *
   * @throws IllegalArgumentException if no currency is given or {@code maxAmount} is not positive
   */
  public PaymentValidator(Clock clock, Set<Currency> currencies, BigDecimal maxAmount) {
    this.clock = Objects.requireNonNull(clock, "clock");
    this.currencies = Set.copyOf(Objects.requireNonNull(currencies, "currencies"));
    this.maxAmount = Objects.requireNonNull(maxAmount, "maxAmount");
    if (this.currencies.isEmpty()) {
      throw new IllegalArgumentException("at least one currency must be accepted");
    }
    if (maxAmount.signum() <= 0) {
      throw new IllegalArgumentException("maxAmount must be positive: " + maxAmount);
    }
  }

  /**
   * Checks the payment and returns it unchanged when valid.
   *
   * @throws PaymentValidationException the first problem found, as its subtype
   */
  public Payment validate(Payment payment) throws PaymentValidationException {
    Objects.requireNonNull(payment, "payment");
    Currency currency = currency(payment.currency());
    checkAmount(payment.amount(), currency);
    String digits = cardDigits(payment.cardNumber());
    YearMonth now = YearMonth.now(clock);
    if (payment.expiry().isBefore(now)) {
      throw new CardExpiredException(payment.expiry(), now);
    }
    checkCvv(payment.cvv(), digits);
    return payment;
  }

  private Currency currency(String code) throws UnsupportedCurrencyException {
    Currency currency;
    try {
      currency = Currency.getInstance(code);
    } catch (IllegalArgumentException e) {
      throw new UnsupportedCurrencyException("'" + code + "' is not an ISO 4217 currency code");
    }
    if (!currencies.contains(currency)) {
      throw new UnsupportedCurrencyException(code + " is not accepted");
    }
    return currency;
  }

  private void checkAmount(BigDecimal amount, Currency currency) throws InvalidAmountException {
    if (amount.signum() <= 0) {
      throw new InvalidAmountException("must be positive, was " + amount.toPlainString());
    }
    if (amount.compareTo(maxAmount) > 0) {
      throw new InvalidAmountException(
          amount.toPlainString() + " exceeds the limit of " + maxAmount.toPlainString());
    }
    int places = Math.max(0, amount.stripTrailingZeros().scale());
    if (places > currency.getDefaultFractionDigits()) {
      throw new InvalidAmountException(
          currency.getCurrencyCode()
              + " allows "
              + currency.getDefaultFractionDigits()
              + " decimal places, "
              + amount.toPlainString()
              + " has "
              + places);
    }
  }

  /** The digits of a card number, or why it is not one. */
  static String cardDigits(String cardNumber) throws InvalidCardNumberException {
    if (!cardNumber.matches("\\d+([ -]\\d+)*")) {
      throw new InvalidCardNumberException("only digits, grouped by single spaces or dashes");
    }
    String digits = cardNumber.replaceAll("[ -]", "");
    if (digits.length() < 12 || digits.length() > 19) {
      throw new InvalidCardNumberException("must have 12 to 19 digits, has " + digits.length());
    }
    if (!luhn(digits)) {
      throw new InvalidCardNumberException("fails the Luhn check");
    }
    return digits;
  }

  /** The Luhn checksum: doubling every second digit from the right, the sum is a multiple of 10. */
  static boolean luhn(String digits) {
    int sum = 0;
    for (int i = 0; i < digits.length(); i++) {
      int digit = digits.charAt(digits.length() - 1 - i) - '0';
      if (i % 2 == 1) {
        digit *= 2;
        if (digit > 9) {
          digit -= 9;
        }
      }
      sum += digit;
    }
    return sum % 10 == 0;
  }

  private static void checkCvv(String cvv, String cardDigits) throws InvalidCvvException {
    boolean amex = cardDigits.startsWith("34") || cardDigits.startsWith("37");
    int length = amex ? 4 : 3;
    if (cvv.length() != length || !cvv.chars().allMatch(c -> c >= '0' && c <= '9')) {
      throw new InvalidCvvException(
          "must be " + length + " digits" + (amex ? " for American Express" : ""));
    }
  }
}
