package org.interviewtasks.junior.testing;

import java.io.Serial;
import java.util.Objects;
import org.interviewtasks.common.Task;

/**
 * Validates an age typed by a user, throws a custom exception when it is invalid, and handles that
 * exception in a caller that turns it into a message.
 *
 * <p><b>Approach.</b> {@link #parse(String)} reads the text as a whole number and {@link
 * #validate(int)} checks the range; both throw {@link InvalidAgeException}, which carries the
 * rejected input and a {@link InvalidAgeException.Reason}, so a caller can react to the kind of
 * mistake without parsing the message. {@link #check(String)} is such a caller: it catches the
 * exception and answers with a sentence for the user.
 *
 * <p><b>Checked or unchecked?</b> Checked ({@code extends Exception}). A wrong age typed by a
 * person is not a bug but an expected event that the program can recover from (ask again), and a
 * checked exception makes the compiler remind every caller to decide how. Bugs stay unchecked: a
 * {@code null} passed by the program is a {@link NullPointerException}, and nobody should catch it.
 * Where the input has already been validated elsewhere, or the caller cannot recover, an unchecked
 * exception (a subclass of {@link IllegalArgumentException}) would spare callers a useless {@code
 * try}; that is why many modern APIs use unchecked ones.
 *
 * <p><b>Edge cases.</b> Surrounding whitespace is ignored; an empty text, a decimal ({@code
 * "20.5"}), a word or a number beyond {@code int} are not whole numbers. Ages from {@value
 * #MIN_AGE} to {@value #MAX_AGE} are valid, both ends included. Digits of other scripts are
 * accepted, as {@link Integer#parseInt} does ({@code "٤٢"} is 42).
 *
 * <p><b>Follow-up.</b> <i>"Why not return a boolean?"</i> A boolean says nothing about what was
 * wrong; an exception carries the input and the reason, and cannot be ignored by accident. <i>"And
 * many fields at once?"</i> Collect all problems in a list and report them together, rather than
 * failing on the first.
 */
@Task(
    id = "junior.testing.2",
    title = "Custom exception for invalid input",
    usage = "[age...]   whole numbers; valid ages are 0..150")
public final class AgeValidator {

  /** The youngest valid age. */
  public static final int MIN_AGE = 0;

  /** The oldest valid age. */
  public static final int MAX_AGE = 150;

  /** Thrown when a text is not a valid age; carries the rejected input and why. */
  public static final class InvalidAgeException extends Exception {

    @Serial private static final long serialVersionUID = 1L;

    /** What was wrong with the input. */
    public enum Reason {
      /** Not a whole number, or empty. */
      NOT_A_NUMBER,
      /** Below {@link AgeValidator#MIN_AGE}. */
      TOO_YOUNG,
      /** Above {@link AgeValidator#MAX_AGE}. */
      TOO_OLD
    }

    /** The text that was rejected, as given. */
    private final String input;

    /** What was wrong with it. */
    private final Reason reason;

    InvalidAgeException(String input, Reason reason, String message, Throwable cause) {
      super(message, cause);
      this.input = input;
      this.reason = reason;
    }

    /** The text that was rejected, as given (for a number, its decimal form). */
    public String input() {
      return input;
    }

    /** What was wrong with the input. */
    public Reason reason() {
      return reason;
    }
  }

  private AgeValidator() {}

  /**
   * The age, when it is in range.
   *
   * @throws InvalidAgeException if it is below {@value #MIN_AGE} or above {@value #MAX_AGE}
   */
  public static int validate(int age) throws InvalidAgeException {
    if (age < MIN_AGE) {
      throw new InvalidAgeException(
          String.valueOf(age),
          InvalidAgeException.Reason.TOO_YOUNG,
          "age must be at least " + MIN_AGE + ": " + age,
          null);
    }
    if (age > MAX_AGE) {
      throw new InvalidAgeException(
          String.valueOf(age),
          InvalidAgeException.Reason.TOO_OLD,
          "age must be at most " + MAX_AGE + ": " + age,
          null);
    }
    return age;
  }

  /**
   * The age written in {@code text}, surrounding whitespace ignored.
   *
   * @throws InvalidAgeException if the text is not a whole number, or the number is out of range
   * @throws NullPointerException if the text is null: a bug in the caller, not bad input
   */
  public static int parse(String text) throws InvalidAgeException {
    Objects.requireNonNull(text, "text");
    int age;
    try {
      age = Integer.parseInt(text.strip());
    } catch (NumberFormatException e) {
      throw new InvalidAgeException(
          text,
          InvalidAgeException.Reason.NOT_A_NUMBER,
          "age is not a whole number: '" + text + "'",
          e);
    }
    return validate(age);
  }

  /**
   * Handles the exception: a sentence for the user, {@code "valid age: 42"} or {@code "invalid age:
   * ..."} with the reason.
   */
  public static String check(String text) {
    try {
      return "valid age: " + parse(text);
    } catch (InvalidAgeException e) {
      return "invalid age: " + e.getMessage();
    }
  }

  /** Prints the verdict on each argument, one per line. */
  public static void main(String... args) {
    for (String arg : args) {
      System.out.println(check(arg));
    }
  }
}
