package org.interviewtasks.junior.oop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.interviewtasks.common.testing.Seeds;
import org.interviewtasks.common.testing.StdStreams;
import org.interviewtasks.junior.oop.BankAccount.InsufficientFundsException;
import org.interviewtasks.junior.oop.BankAccount.Kind;
import org.interviewtasks.junior.oop.BankAccount.Transaction;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class BankAccountTest {

  private static BigDecimal money(String amount) {
    return new BigDecimal(amount);
  }

  @Nested
  class Opening {

    @Test
    void startsEmptyWithTwoDecimals() {
      BankAccount account = new BankAccount("  Zoë Ångström ");

      assertThat(account.owner()).isEqualTo("Zoë Ångström");
      assertThat(account.balance()).isEqualTo(money("0.00"));
      assertThat(account.history()).isEmpty();
      assertThat(account).hasToString("BankAccount[owner=Zoë Ångström, balance=0.00]");
    }

    @Test
    void rejectsBlankOrNullOwner() {
      assertThatIllegalArgumentException()
          .isThrownBy(() -> new BankAccount(" "))
          .withMessage("owner must not be blank");
      assertThatNullPointerException().isThrownBy(() -> new BankAccount(null)).withMessage("owner");
    }
  }

  @Nested
  class Deposits {

    @Test
    void addUpExactlyToTheCent() {
      BankAccount account = new BankAccount("Ana");

      account.deposit(money("0.1"));
      BigDecimal balance = account.deposit(money("0.2"));

      assertThat(balance).isEqualTo(money("0.30"));
      assertThat(account.balance()).isEqualTo(money("0.30"));
      assertThat(0.1 + 0.2).isNotEqualTo(0.3); // why the account does not use double
    }

    @Test
    void normalizeTheScaleToCents() {
      BankAccount account = new BankAccount("Ana");

      assertThat(account.deposit(money("5"))).isEqualTo(money("5.00"));
      assertThat(account.deposit(money("1.500"))).isEqualTo(money("6.50"));
      assertThat(account.deposit(money("1E+3"))).isEqualTo(money("1006.50"));
      assertThat(account.history())
          .extracting(Transaction::amount)
          .containsExactly(money("5.00"), money("1.50"), money("1000.00"));
    }

    @ParameterizedTest(name = "deposit {0}")
    @ValueSource(strings = {"0", "0.00", "-0.01", "-100"})
    void mustBePositive(String amount) {
      BankAccount account = new BankAccount("Ana");

      assertThatIllegalArgumentException()
          .isThrownBy(() -> account.deposit(money(amount)))
          .withMessage("deposit must be positive: " + amount);
      assertThat(account.balance()).isEqualTo(money("0.00"));
      assertThat(account.history()).isEmpty();
    }

    @Test
    void rejectFractionsOfACentAndNull() {
      BankAccount account = new BankAccount("Ana");

      assertThatIllegalArgumentException()
          .isThrownBy(() -> account.deposit(money("0.001")))
          .withMessage("deposit has more than 2 decimals: 0.001");
      assertThatIllegalArgumentException()
          .isThrownBy(() -> account.deposit(money("10.005")))
          .withMessage("deposit has more than 2 decimals: 10.005");
      assertThatNullPointerException()
          .isThrownBy(() -> account.deposit(null))
          .withMessage("deposit");
      assertThat(account.balance()).isEqualTo(money("0.00"));
    }
  }

  @Nested
  class Withdrawals {

    @Test
    void takeMoneyOut() {
      BankAccount account = new BankAccount("Ana");
      account.deposit(money("100"));

      assertThat(account.withdraw(money("30.55"))).isEqualTo(money("69.45"));
      assertThat(account.balance()).isEqualTo(money("69.45"));
    }

    @Test
    void mayTakeTheWholeBalance() {
      BankAccount account = new BankAccount("Ana");
      account.deposit(money("12.34"));

      assertThat(account.withdraw(money("12.34"))).isEqualTo(money("0.00"));
    }

    @Test
    void aboveTheBalanceThrowAndChangeNothing() {
      BankAccount account = new BankAccount("Ana");
      account.deposit(money("100"));

      assertThatThrownBy(() -> account.withdraw(money("100.01")))
          .isInstanceOf(InsufficientFundsException.class)
          .isInstanceOf(IllegalStateException.class)
          .hasMessage("cannot withdraw 100.01: the balance is only 100.00")
          .satisfies(
              e -> {
                var funds = (InsufficientFundsException) e;
                assertThat(funds.balance()).isEqualTo(money("100.00"));
                assertThat(funds.requested()).isEqualTo(money("100.01"));
                assertThat(funds.shortfall()).isEqualTo(money("0.01"));
              });
      assertThat(account.balance()).isEqualTo(money("100.00"));
      assertThat(account.history()).hasSize(1);
    }

    @Test
    void fromAnEmptyAccountThrow() {
      BankAccount account = new BankAccount("Ana");

      assertThatThrownBy(() -> account.withdraw(money("0.01")))
          .isInstanceOf(InsufficientFundsException.class)
          .hasMessage("cannot withdraw 0.01: the balance is only 0.00");
    }

    @Test
    void mustBePositiveWithCentsOnly() {
      BankAccount account = new BankAccount("Ana");
      account.deposit(money("10"));

      assertThatIllegalArgumentException()
          .isThrownBy(() -> account.withdraw(money("-5")))
          .withMessage("withdrawal must be positive: -5");
      assertThatIllegalArgumentException()
          .isThrownBy(() -> account.withdraw(money("0")))
          .withMessage("withdrawal must be positive: 0");
      assertThatIllegalArgumentException()
          .isThrownBy(() -> account.withdraw(money("0.999")))
          .withMessage("withdrawal has more than 2 decimals: 0.999");
      assertThatNullPointerException()
          .isThrownBy(() -> account.withdraw(null))
          .withMessage("withdrawal");
      assertThat(account.balance()).isEqualTo(money("10.00"));
    }
  }

  @Nested
  class History {

    @Test
    void recordsEveryChangeWithTheBalanceAfterIt() {
      BankAccount account = new BankAccount("Ana");
      account.deposit(money("50"));
      account.withdraw(money("20.25"));
      account.deposit(money("0.25"));

      assertThat(account.history())
          .containsExactly(
              new Transaction(Kind.DEPOSIT, money("50.00"), money("50.00")),
              new Transaction(Kind.WITHDRAWAL, money("20.25"), money("29.75")),
              new Transaction(Kind.DEPOSIT, money("0.25"), money("30.00")));
    }

    @Test
    void isReadOnly() {
      BankAccount account = new BankAccount("Ana");
      account.deposit(money("1"));

      assertThatThrownBy(() -> account.history().clear())
          .isInstanceOf(UnsupportedOperationException.class);
      assertThat(account.history()).hasSize(1);
    }

    @Test
    void transactionsAreComplete() {
      assertThatNullPointerException()
          .isThrownBy(() -> new Transaction(null, BigDecimal.ONE, BigDecimal.ONE))
          .withMessage("kind");
      assertThatNullPointerException()
          .isThrownBy(() -> new Transaction(Kind.DEPOSIT, null, BigDecimal.ONE))
          .withMessage("amount");
      assertThatNullPointerException()
          .isThrownBy(() -> new Transaction(Kind.DEPOSIT, BigDecimal.ONE, null))
          .withMessage("balanceAfter");
    }
  }

  @Test
  void accountsAreEntitiesNotValues() {
    BankAccount a = new BankAccount("Ana");
    BankAccount b = new BankAccount("Ana");

    assertThat(a).isNotEqualTo(b);
    assertThat(a.owner()).isEqualTo(b.owner());
  }

  /** Random deposits and withdrawals against an oracle that counts whole cents in a long. */
  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void agreesWithCentArithmetic(long seed) {
    var random = new SplittableRandom(seed);
    BankAccount account = new BankAccount("Ana");
    long cents = 0;
    List<Transaction> expected = new ArrayList<>();
    for (int step = 0; step < 40; step++) {
      long amount = random.nextLong(1, 10_000);
      BigDecimal money = BigDecimal.valueOf(amount, 2);
      if (random.nextBoolean()) {
        cents += amount;
        account.deposit(money);
        expected.add(new Transaction(Kind.DEPOSIT, money, BigDecimal.valueOf(cents, 2)));
      } else if (amount <= cents) {
        cents -= amount;
        account.withdraw(money);
        expected.add(new Transaction(Kind.WITHDRAWAL, money, BigDecimal.valueOf(cents, 2)));
      } else {
        assertThatThrownBy(() -> account.withdraw(money))
            .isInstanceOf(InsufficientFundsException.class);
      }
      assertThat(account.balance()).isEqualTo(BigDecimal.valueOf(cents, 2)).isNotNegative();
    }
    assertThat(account.history()).isEqualTo(expected);
  }

  @Nested
  class Main {

    @Test
    void printsTheBalanceAfterEachOperation() throws Exception {
      var printed =
          StdStreams.capture(
              () -> BankAccount.main("deposit", "100", "WITHDRAW", "30.50", "deposit", "0.05"));

      assertThat(printed.out().lines()).containsExactly("100.00", "69.50", "69.55");
    }

    @Test
    void reportsBadUsageAsIllegalArgument() {
      assertThatIllegalArgumentException()
          .isThrownBy(BankAccount::main)
          .withMessageStartingWith("usage: junior.oop.2 ");
      assertThatIllegalArgumentException()
          .isThrownBy(() -> BankAccount.main("deposit"))
          .withMessageStartingWith("usage: junior.oop.2 ");
      assertThatIllegalArgumentException()
          .isThrownBy(() -> BankAccount.main("steal", "10"))
          .withMessage("unknown operation: 'steal'");
      assertThatIllegalArgumentException()
          .isThrownBy(() -> BankAccount.main("deposit", "ten"))
          .withMessage("not a number: 'ten'");
      assertThatIllegalArgumentException()
          .isThrownBy(
              () -> StdStreams.capture(() -> BankAccount.main("deposit", "10", "withdraw", "11")))
          .withMessage("cannot withdraw 11.00: the balance is only 10.00")
          .withCauseInstanceOf(InsufficientFundsException.class);
    }
  }

  static LongStream seeds() {
    return Seeds.derive(200);
  }
}
