package org.interviewtasks.common;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Objects;

/**
 * Reads numbers from command-line arguments for the tasks' {@code main} methods.
 *
 * <p>Surrounding whitespace is ignored; anything else that is not a number of the type fails with
 * an {@link IllegalArgumentException} that quotes the argument, which {@link TaskRunner} reports as
 * a usage error.
 */
public final class Args {

  private Args() {}

  /**
   * The argument as an {@code int}.
   *
   * @throws IllegalArgumentException "not an int: 'x'" if it is not one
   */
  public static int toInt(String text) {
    try {
      return Integer.parseInt(stripped(text));
    } catch (NumberFormatException e) {
      throw notA("an int", text, e);
    }
  }

  /**
   * The argument as a {@code long}.
   *
   * @throws IllegalArgumentException "not a long: 'x'" if it is not one
   */
  public static long toLong(String text) {
    try {
      return Long.parseLong(stripped(text));
    } catch (NumberFormatException e) {
      throw notA("a long", text, e);
    }
  }

  /**
   * The argument as an integer of any size.
   *
   * @throws IllegalArgumentException "not an integer: 'x'" if it is not one
   */
  public static BigInteger toBigInteger(String text) {
    try {
      return new BigInteger(stripped(text));
    } catch (NumberFormatException e) {
      throw notA("an integer", text, e);
    }
  }

  /**
   * The argument as a decimal number of any size, e.g. {@code -7.5} or {@code 1e3}.
   *
   * @throws IllegalArgumentException "not a number: 'x'" if it is not one
   */
  public static BigDecimal toBigDecimal(String text) {
    try {
      return new BigDecimal(stripped(text));
    } catch (NumberFormatException e) {
      throw notA("a number", text, e);
    }
  }

  /** Every argument as an {@code int}; see {@link #toInt}. */
  public static int[] toInts(String... texts) {
    return Arrays.stream(texts).mapToInt(Args::toInt).toArray();
  }

  /**
   * Every argument as an {@code int}, in ascending order (equal neighbours allowed), for tasks that
   * take sorted input on the command line; see {@link #toInt}.
   *
   * @throws IllegalArgumentException if one is not an int, or "not in ascending order: 2 at index 3
   *     after 5" for the first that is smaller than the one before it
   */
  public static int[] toAscendingInts(String... texts) {
    int[] numbers = toInts(texts);
    for (int i = 1; i < numbers.length; i++) {
      if (numbers[i - 1] > numbers[i]) {
        throw new IllegalArgumentException(
            "not in ascending order: "
                + numbers[i]
                + " at index "
                + i
                + " after "
                + numbers[i - 1]);
      }
    }
    return numbers;
  }

  /** Every argument as a {@code long}; see {@link #toLong}. */
  public static long[] toLongs(String... texts) {
    return Arrays.stream(texts).mapToLong(Args::toLong).toArray();
  }

  /**
   * The argument as a file's path, exactly as typed (a name may begin or end with a space).
   *
   * @throws IllegalArgumentException "not a file name: ' '" if it is empty or only whitespace (the
   *     empty path would mean the current directory), or if this system cannot make a path of it (a
   *     NUL character, say)
   */
  public static Path toPath(String text) {
    Objects.requireNonNull(text, "argument");
    if (text.isBlank()) {
      throw new IllegalArgumentException("not a file name: '" + text + "'");
    }
    try {
      return Path.of(text);
    } catch (InvalidPathException e) {
      throw new IllegalArgumentException(
          "not a file name: '" + text + "' (" + e.getReason() + ")", e);
    }
  }

  private static String stripped(String text) {
    return Objects.requireNonNull(text, "argument").strip();
  }

  private static IllegalArgumentException notA(String type, String text, Throwable cause) {
    return new IllegalArgumentException("not " + type + ": '" + text + "'", cause);
  }
}
