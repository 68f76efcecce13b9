package org.interviewtasks.junior.algorithms;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.interviewtasks.common.Args;
import org.interviewtasks.common.Task;

/**
 * Returns the even numbers of a list, in their original order.
 *
 * <p><b>Approach.</b> One pass that keeps every number whose lowest bit is 0: O(n) time, and the
 * result is at most as long as the input. The test is {@code (n & 1) == 0}, which is exactly {@code
 * n % 2 == 0}; the classic bug is the opposite test written as {@code n % 2 == 1} for "odd", which
 * misses every negative odd number because Java's {@code %} keeps the sign of the dividend ({@code
 * -3 % 2 == -1}). {@link #evens(int...)} works on primitives without boxing; {@link #evens(List)}
 * on boxed lists, leaving the input untouched.
 *
 * <p><b>Edge cases.</b> Zero is even; negative even numbers are kept; duplicates are kept as often
 * as they occur; an empty input, or one without even numbers, gives an empty result. Null lists and
 * arrays are rejected with {@link NullPointerException}, and so is a null element, with its index:
 * it is neither even nor odd.
 *
 * <p><b>Follow-up.</b> <i>"With streams?"</i> {@code IntStream.of(a).filter(n -> n % 2 == 0)} is
 * the idiomatic one-liner. <i>"In place?"</i> {@code list.removeIf(n -> n % 2 != 0)} on a mutable
 * list, O(n) for an {@code ArrayList}, where removing one by one with {@code remove(i)} would be
 * O(n²).
 */
@Task(
    id = "junior.algorithms.2",
    title = "Even numbers of a list",
    usage = "[int...]   prints the even ones")
public final class EvenNumbers {

  private EvenNumbers() {}

  /** The even numbers among {@code numbers}, in order. */
  public static int[] evens(int... numbers) {
    Objects.requireNonNull(numbers, "numbers");
    int[] evens = new int[numbers.length];
    int count = 0;
    for (int n : numbers) {
      if (isEven(n)) {
        evens[count++] = n;
      }
    }
    return Arrays.copyOf(evens, count);
  }

  /**
   * A new list of the even numbers among {@code numbers}, in order.
   *
   * @throws NullPointerException if the list or one of its elements is null
   */
  public static List<Integer> evens(List<Integer> numbers) {
    Objects.requireNonNull(numbers, "numbers");
    List<Integer> evens = new ArrayList<>();
    int index = 0;
    for (Integer n : numbers) {
      int i = index++;
      Objects.requireNonNull(n, () -> "null element at index " + i);
      if (isEven(n)) {
        evens.add(n);
      }
    }
    return evens;
  }

  /** Whether {@code n} is even, negative numbers included. */
  public static boolean isEven(int n) {
    return (n & 1) == 0;
  }

  /**
   * Prints the even numbers among the arguments, separated by spaces.
   *
   * @throws IllegalArgumentException if an argument is not an int
   */
  public static void main(String... args) {
    System.out.println(Cli.join(evens(Args.toInts(args))));
  }
}
