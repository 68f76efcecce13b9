package org.interviewtasks.junior.oop;

import java.io.Serial;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.interviewtasks.common.Args;
import org.interviewtasks.common.Task;

/**
 * A bank account that takes deposits, pays out withdrawals and reports its balance.
 *
 * <p><b>Approach.</b> An account is an entity, not a value: its balance changes, and two accounts
 * holding the same amount are still two accounts. So it is a class with a private balance that only
 * {@link #deposit} and {@link #withdraw} change, each after checking its rule; {@code equals} is
 * left as identity. Money is {@link BigDecimal} with two decimals: {@code 0.1 + 0.2} is {@code
 * 0.30} here, where {@code double} gives {@code 0.30000000000000004}. An amount with more than two
 * decimals is rejected rather than rounded, so no fraction of a cent appears or vanishes. Every
 * change is recorded as a {@link Transaction} with the balance after it, which is what a statement
 * shows and what makes a balance explainable. Each operation is O(1) (amortized, for the history).
 *
 * <p><b>Edge cases.</b> The balance can never go negative: a withdrawal above the balance throws
 * {@link InsufficientFundsException} with both amounts and changes nothing. Withdrawing the whole
 * balance is fine. Deposits and withdrawals must be positive (a zero deposit is a mistake, and a
 * negative one would be a withdrawal in disguise that skips the balance check). Null amounts fail
 * with {@link NullPointerException}. The account is not thread-safe: two threads withdrawing at
 * once could both pass the balance check; confine an account to one thread or lock around it.
 *
 * <p><b>Follow-up.</b> <i>"Transfer between two accounts?"</i> Withdraw from one, deposit into the
 * other, and make both happen or neither: with threads, lock both accounts in a fixed order (by
 * account number) so that two opposite transfers cannot deadlock. <i>"Overdraft?"</i> A limit
 * field, and the check becomes {@code balance + limit >= amount}.
 */
@Task(id = "junior.oop.2", title = "Bank account")
public final class BankAccount {

  /** What happened to the balance. */
  public enum Kind {
    /** Money came in. */
    DEPOSIT,
    /** Money went out. */
    WITHDRAWAL
  }

  /**
   * One change of the balance, as a statement line.
   *
   * @param kind deposit or withdrawal
   * @param amount the amount moved, positive, with two decimals
   * @param balanceAfter the balance right after it
   */
  public record Transaction(Kind kind, BigDecimal amount, BigDecimal balanceAfter) {

    /** Checks that the transaction is complete. */
    public Transaction {
      Objects.requireNonNull(kind, "kind");
      Objects.requireNonNull(amount, "amount");
      Objects.requireNonNull(balanceAfter, "balanceAfter");
    }
  }

  /**
   * Thrown when a withdrawal asks for more than the balance; the account is left unchanged.
   * Unchecked: a caller is expected to check {@link #balance()} first, as a program is expected to
   * check an index before using it.
   */
  public static final class InsufficientFundsException extends IllegalStateException {

    @Serial private static final long serialVersionUID = 1L;

    /** The balance at the time of the withdrawal. */
    private final BigDecimal balance;

    /** The amount that was asked for. */
    private final BigDecimal requested;

    InsufficientFundsException(BigDecimal balance, BigDecimal requested) {
      super(
          "cannot withdraw "
              + requested.toPlainString()
              + ": the balance is only "
              + balance.toPlainString());
      this.balance = balance;
      this.requested = requested;
    }

    /** The balance at the time of the withdrawal. */
    public BigDecimal balance() {
      return balance;
    }

    /** The amount that was asked for. */
    public BigDecimal requested() {
      return requested;
    }

    /** How much was missing: {@code requested - balance}. */
    public BigDecimal shortfall() {
      return requested.subtract(balance);
    }
  }

  private final String owner;
  private BigDecimal balance = BigDecimal.ZERO.setScale(Checks.CENTS);
  private final List<Transaction> history = new ArrayList<>();

  /**
   * An empty account.
   *
   * @param owner the holder's name, stripped; must not be blank
   * @throws IllegalArgumentException if the owner is blank
   */
  public BankAccount(String owner) {
    this.owner = Checks.text(owner, "owner");
  }

  /** The holder's name. */
  public String owner() {
    return owner;
  }

  /** The current balance, never negative, with two decimals. */
  public BigDecimal balance() {
    return balance;
  }

  /**
   * Adds money to the account.
   *
   * @param amount positive, at most two decimals
   * @return the new balance
   * @throws IllegalArgumentException if the amount is not positive or has more than two decimals
   */
  public BigDecimal deposit(BigDecimal amount) {
    BigDecimal cents = Checks.positiveMoney(amount, "deposit");
    balance = balance.add(cents);
    history.add(new Transaction(Kind.DEPOSIT, cents, balance));
    return balance;
  }

  /**
   * Takes money out of the account.
   *
   * @param amount positive, at most two decimals, not more than the balance
   * @return the new balance
   * @throws IllegalArgumentException if the amount is not positive or has more than two decimals
   * @throws InsufficientFundsException if the amount is above the balance
   */
  public BigDecimal withdraw(BigDecimal amount) {
    BigDecimal cents = Checks.positiveMoney(amount, "withdrawal");
    if (cents.compareTo(balance) > 0) {
      throw new InsufficientFundsException(balance, cents);
    }
    balance = balance.subtract(cents);
    history.add(new Transaction(Kind.WITHDRAWAL, cents, balance));
    return balance;
  }

  /** Every deposit and withdrawal so far, oldest first, as a read-only view. */
  public List<Transaction> history() {
    return Collections.unmodifiableList(history);
  }

  @Override
  public String toString() {
    return "BankAccount[owner=" + owner + ", balance=" + balance.toPlainString() + "]";
  }

  /**
   * Opens an account and applies operations given as pairs, printing the balance after each: {@code
   * deposit 100 withdraw 30.50} prints {@code 100.00} then {@code 69.50}.
   *
   * @throws IllegalArgumentException on an unknown operation, a missing or bad amount, or a
   *     withdrawal above the balance
   */
  public static void main(String... args) {
    if (args.length == 0 || args.length % 2 != 0) {
      throw new IllegalArgumentException(
          "usage: junior.oop.2 (deposit|withdraw) <amount> [(deposit|withdraw) <amount>...]");
    }
    BankAccount account = new BankAccount("command line");
    for (int i = 0; i < args.length; i += 2) {
      BigDecimal amount = Args.toBigDecimal(args[i + 1]);
      BigDecimal balance =
          switch (args[i].toLowerCase(Locale.ROOT)) {
            case "deposit" -> account.deposit(amount);
            case "withdraw" -> {
              try {
                yield account.withdraw(amount);
              } catch (InsufficientFundsException e) {
                throw new IllegalArgumentException(e.getMessage(), e);
              }
            }
            default -> throw new IllegalArgumentException("unknown operation: '" + args[i] + "'");
          };
      System.out.println(balance.toPlainString());
    }
  }
}
