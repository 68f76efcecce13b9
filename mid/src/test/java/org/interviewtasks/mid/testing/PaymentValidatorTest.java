package org.interviewtasks.mid.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Currency;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.interviewtasks.common.testing.Seeds;
import org.interviewtasks.mid.testing.PaymentValidator.CardExpiredException;
import org.interviewtasks.mid.testing.PaymentValidator.InvalidAmountException;
import org.interviewtasks.mid.testing.PaymentValidator.InvalidCardNumberException;
import org.interviewtasks.mid.testing.PaymentValidator.InvalidCvvException;
import org.interviewtasks.mid.testing.PaymentValidator.Payment;
import org.interviewtasks.mid.testing.PaymentValidator.PaymentValidationException;
import org.interviewtasks.mid.testing.PaymentValidator.UnsupportedCurrencyException;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The deliverable of mid.testing.3: each rule of {@link PaymentValidator} is tested on both sides
 * of its boundary, each failure by its exception type, field and message.
 */
class PaymentValidatorTest {

  /** 15 June 2026, 12:00 UTC. */
  static final Clock CLOCK = Clock.fixed(Instant.parse("2026-06-15T12:00:00Z"), ZoneOffset.UTC);

  static final String VISA = "4111 1111 1111 1111";
  static final String AMEX = "3782 822463 10005";

  final PaymentValidator validator =
      new PaymentValidator(
          CLOCK,
          Set.of(
              Currency.getInstance("EUR"),
              Currency.getInstance("JPY"),
              Currency.getInstance("KWD")),
          new BigDecimal("10000"));

  static Payment payment(String amount, String currency, String card, String expiry, String cvv) {
    return new Payment(new BigDecimal(amount), currency, card, YearMonth.parse(expiry), cvv);
  }

  static Payment valid() {
    return payment("19.99", "EUR", VISA, "2027-01", "123");
  }

  @Test
  void acceptsAValidPaymentAndReturnsIt() throws PaymentValidationException {
    Payment payment = valid();

    assertThat(validator.validate(payment)).isSameAs(payment);
  }

  @Nested
  class Amount {

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
      "0.01, EUR",
      "10000, EUR",
      "10000.00, EUR",
      "1.50, EUR",
      "5, JPY",
      "5.000, JPY",
      "1.234, KWD",
      "1E+3, EUR"
    })
    void acceptsAmountsWithinTheRules(String amount, String currency)
        throws PaymentValidationException {
      Payment payment = payment(amount, currency, VISA, "2027-01", "123");

      assertThat(validator.validate(payment)).isSameAs(payment);
    }

    @ParameterizedTest(name = "{0} {1}: {2}")
    @CsvSource(
        delimiter = '|',
        value = {
          "0|EUR|amount: must be positive, was 0",
          "0.00|EUR|amount: must be positive, was 0.00",
          "-5|EUR|amount: must be positive, was -5",
          "10000.01|EUR|amount: 10000.01 exceeds the limit of 10000",
          "1E+5|EUR|amount: 100000 exceeds the limit of 10000",
          "1.999|EUR|amount: EUR allows 2 decimal places, 1.999 has 3",
          "0.5|JPY|amount: JPY allows 0 decimal places, 0.5 has 1",
          "1.2345|KWD|amount: KWD allows 3 decimal places, 1.2345 has 4"
        })
    void rejectsAmountsOutsideTheRules(String amount, String currency, String message) {
      Payment payment = payment(amount, currency, VISA, "2027-01", "123");

      assertThatThrownBy(() -> validator.validate(payment))
          .isInstanceOf(InvalidAmountException.class)
          .isInstanceOf(PaymentValidationException.class)
          .hasMessage(message)
          .extracting(e -> ((PaymentValidationException) e).field())
          .isEqualTo("amount");
    }
  }

  @Nested
  class Currencies {

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(
        delimiter = '|',
        value = {
          "USD|currency: USD is not accepted",
          "XYZ|currency: 'XYZ' is not an ISO 4217 currency code",
          "eur|currency: 'eur' is not an ISO 4217 currency code",
          "€|currency: '€' is not an ISO 4217 currency code"
        })
    void rejectsUnknownAndUnacceptedCurrencies(String currency, String message) {
      Payment payment = payment("1", currency, VISA, "2027-01", "123");

      var thrown =
          catchThrowableOfType(
              UnsupportedCurrencyException.class, () -> validator.validate(payment));

      assertThat(thrown).hasMessage(message);
      assertThat(thrown.field()).isEqualTo("currency");
    }

    @Test
    void checksTheCurrencyBeforeTheAmount() {
      Payment payment = payment("-1", "USD", VISA, "2027-01", "123");

      assertThatThrownBy(() -> validator.validate(payment))
          .isInstanceOf(UnsupportedCurrencyException.class);
    }
  }

  @Nested
  class CardNumber {

    @ParameterizedTest(name = "{0}")
    @ValueSource(
        strings = {
          "4111111111111111",
          "4111 1111 1111 1111",
          "4111-1111-1111-1111",
          "5500 0000 0000 0004",
          "6011000990139424",
          "4222222222222",
          "000000000000",
          "4000000000000000006"
        })
    void acceptsWellFormedLuhnValidNumbers(String number) throws PaymentValidationException {
      assertThat(validator.validate(payment("1", "EUR", number, "2027-01", "123"))).isNotNull();
    }

    @ParameterizedTest(name = "\"{0}\": {1}")
    @CsvSource(
        delimiter = '|',
        quoteCharacter = '"',
        value = {
          "4111111111111112|fails the Luhn check",
          "4111 1111 1111 1121|fails the Luhn check",
          "41111111111|must have 12 to 19 digits, has 11",
          "41111111111111111111|must have 12 to 19 digits, has 20",
          "\"\"|only digits, grouped by single spaces or dashes",
          "4111  1111 1111 1111|only digits, grouped by single spaces or dashes",
          "\" 4111111111111111\"|only digits, grouped by single spaces or dashes",
          "4111-1111-1111-111a|only digits, grouped by single spaces or dashes",
          "٤١١١١١١١١١١١١١١١|only digits, grouped by single spaces or dashes",
          "4111 1111 1111 1111 -|only digits, grouped by single spaces or dashes"
        })
    void rejectsMalformedNumbers(String number, String problem) {
      Payment payment = payment("1", "EUR", number, "2027-01", "123");

      assertThatThrownBy(() -> validator.validate(payment))
          .isInstanceOf(InvalidCardNumberException.class)
          .hasMessage("cardNumber: " + problem);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("org.interviewtasks.mid.testing.PaymentValidatorTest#seeds")
    void luhnAcceptsExactlyOneCheckDigit(long seed) {
      var random = new SplittableRandom(seed);
      StringBuilder body = new StringBuilder();
      int length = random.nextInt(11, 19);
      for (int i = 0; i < length; i++) {
        body.append(random.nextInt(10));
      }
      int valid = 0;
      for (int check = 0; check < 10; check++) {
        if (PaymentValidator.luhn(body.toString() + check)) {
          valid++;
        }
      }

      assertThat(valid).isEqualTo(1);
    }

    @Test
    void luhnDoublesEverySecondDigitFromTheRight() {
      assertThat(PaymentValidator.luhn("18")).isTrue(); // 1*2 + 8 = 10
      assertThat(PaymentValidator.luhn("59")).isTrue(); // 5*2 = 10 -> 1, + 9 = 10
      assertThat(PaymentValidator.luhn("81")).isFalse(); // 8*2 = 16 -> 7, + 1 = 8
      assertThat(PaymentValidator.luhn("0")).isTrue();
      assertThat(PaymentValidator.luhn("91")).isTrue(); // 9*2 = 18 -> 9, + 1 = 10
      assertThat(PaymentValidator.luhn("43")).isFalse(); // 4*2 = 8, + 3 = 11
    }
  }

  @Nested
  class Expiry {

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"2026-06", "2026-07", "2035-12"})
    void acceptsACardThroughTheEndOfItsMonth(String expiry) throws PaymentValidationException {
      assertThat(validator.validate(payment("1", "EUR", VISA, expiry, "123"))).isNotNull();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"2026-05", "2025-12", "1999-01"})
    void rejectsAnExpiredCard(String expiry) {
      Payment payment = payment("1", "EUR", VISA, expiry, "123");

      var thrown =
          catchThrowableOfType(CardExpiredException.class, () -> validator.validate(payment));

      assertThat(thrown).hasMessage("expiry: card expired in " + expiry + ", it is 2026-06");
      assertThat(thrown.expiry()).isEqualTo(YearMonth.parse(expiry));
      assertThat(thrown.field()).isEqualTo("expiry");
    }

    @Test
    void usesTheClocksZone() throws PaymentValidationException {
      // 2026-06-30T23:30Z is already July in Tokyo: a June card has expired there.
      Instant lastHalfHourOfJune = Instant.parse("2026-06-30T23:30:00Z");
      Set<Currency> eur = Set.of(Currency.getInstance("EUR"));
      var inUtc =
          new PaymentValidator(
              Clock.fixed(lastHalfHourOfJune, ZoneOffset.UTC), eur, BigDecimal.TEN);
      var inTokyo =
          new PaymentValidator(
              Clock.fixed(lastHalfHourOfJune, ZoneOffset.ofHours(9)), eur, BigDecimal.TEN);
      Payment june = payment("1", "EUR", VISA, "2026-06", "123");

      assertThat(inUtc.validate(june)).isSameAs(june);
      assertThatThrownBy(() -> inTokyo.validate(june)).isInstanceOf(CardExpiredException.class);
    }
  }

  @Nested
  class Cvv {

    @ParameterizedTest(name = "{0} / {1}")
    @CsvSource({VISA + ", 000", VISA + ", 999", AMEX + ", 1234", "371449635398431, 0000"})
    void acceptsTheRightLength(String card, String cvv) throws PaymentValidationException {
      assertThat(validator.validate(payment("1", "EUR", card, "2027-01", cvv))).isNotNull();
    }

    @ParameterizedTest(name = "{0} / \"{1}\"")
    @CsvSource(
        delimiter = '|',
        quoteCharacter = '"',
        value = {
          VISA + "|12|must be 3 digits",
          VISA + "|1234|must be 3 digits",
          VISA + "|12a|must be 3 digits",
          VISA + "|\"\"|must be 3 digits",
          VISA + "|١٢٣|must be 3 digits",
          AMEX + "|123|must be 4 digits for American Express",
          AMEX + "|12345|must be 4 digits for American Express",
          AMEX + "|12 4|must be 4 digits for American Express"
        })
    void rejectsTheWrongLength(String card, String cvv, String problem) {
      Payment payment = payment("1", "EUR", card, "2027-01", cvv);

      assertThatThrownBy(() -> validator.validate(payment))
          .isInstanceOf(InvalidCvvException.class)
          .hasMessage("cvv: " + problem);
    }
  }

  @Nested
  class Hierarchy {

    @Test
    void aSwitchOverTheSealedTypeNamesEachProblem() {
      Payment[] invalid = {
        payment("0", "EUR", VISA, "2027-01", "123"),
        payment("1", "GBP", VISA, "2027-01", "123"),
        payment("1", "EUR", "1234", "2027-01", "123"),
        payment("1", "EUR", VISA, "2020-01", "123"),
        payment("1", "EUR", VISA, "2027-01", "1")
      };
      StringBuilder seen = new StringBuilder();
      for (Payment payment : invalid) {
        try {
          validator.validate(payment);
        } catch (PaymentValidationException e) {
          seen.append(
              switch (e) {
                case InvalidAmountException a -> "amount ";
                case UnsupportedCurrencyException c -> "currency ";
                case InvalidCardNumberException n -> "number ";
                case CardExpiredException x -> "expired ";
                case InvalidCvvException v -> "cvv ";
              });
        }
      }

      assertThat(seen).hasToString("amount currency number expired cvv ");
    }

    @Test
    void reportsTheFirstProblemInRuleOrder() {
      Payment everythingWrong = payment("0", "EUR", "1", "2020-01", "x");

      assertThatThrownBy(() -> validator.validate(everythingWrong))
          .isInstanceOf(InvalidAmountException.class);
      assertThatThrownBy(() -> validator.validate(payment("1", "EUR", "1", "2020-01", "x")))
          .isInstanceOf(InvalidCardNumberException.class);
      assertThatThrownBy(() -> validator.validate(payment("1", "EUR", VISA, "2020-01", "x")))
          .isInstanceOf(CardExpiredException.class);
    }
  }

  @Nested
  class Arguments {

    @Test
    void rejectsNullsAsProgrammingErrors() {
      assertThatNullPointerException()
          .isThrownBy(() -> validator.validate(null))
          .withMessage("payment");
      assertThatNullPointerException()
          .isThrownBy(() -> new Payment(null, "EUR", VISA, YearMonth.now(CLOCK), "1"))
          .withMessage("amount");
      assertThatNullPointerException()
          .isThrownBy(() -> new Payment(BigDecimal.ONE, null, VISA, YearMonth.now(CLOCK), "1"))
          .withMessage("currency");
      assertThatNullPointerException()
          .isThrownBy(() -> new Payment(BigDecimal.ONE, "EUR", null, YearMonth.now(CLOCK), "1"))
          .withMessage("cardNumber");
      assertThatNullPointerException()
          .isThrownBy(() -> new Payment(BigDecimal.ONE, "EUR", VISA, null, "1"))
          .withMessage("expiry");
      assertThatNullPointerException()
          .isThrownBy(() -> new Payment(BigDecimal.ONE, "EUR", VISA, YearMonth.now(CLOCK), null))
          .withMessage("cvv");
    }

    @Test
    void rejectsABadConfiguration() {
      Set<Currency> eur = Set.of(Currency.getInstance("EUR"));
      assertThatIllegalArgumentException()
          .isThrownBy(() -> new PaymentValidator(CLOCK, Set.of(), BigDecimal.ONE))
          .withMessage("at least one currency must be accepted");
      assertThatIllegalArgumentException()
          .isThrownBy(() -> new PaymentValidator(CLOCK, eur, BigDecimal.ZERO))
          .withMessage("maxAmount must be positive: 0");
      assertThatNullPointerException()
          .isThrownBy(() -> new PaymentValidator(null, eur, BigDecimal.ONE))
          .withMessage("clock");
      assertThatNullPointerException()
          .isThrownBy(() -> new PaymentValidator(CLOCK, null, BigDecimal.ONE))
          .withMessage("currencies");
      assertThatNullPointerException()
          .isThrownBy(() -> new PaymentValidator(CLOCK, eur, null))
          .withMessage("maxAmount");
    }
  }

  static LongStream seeds() {
    return Seeds.derive(200);
  }
}
