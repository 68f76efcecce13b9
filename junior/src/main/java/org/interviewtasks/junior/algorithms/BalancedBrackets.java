package org.interviewtasks.junior.algorithms;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Objects;
import org.interviewtasks.common.Task;

/**
 * Checks whether the brackets {@code ()}, {@code []} and {@code {}} in a string are balanced, and
 * if not, says where and how they fail.
 *
 * <p><b>Approach.</b> A stack of the positions of the brackets still open. An opening bracket is
 * pushed; a closing one must match the bracket on top, which is popped. The text is balanced when
 * no closing bracket fails and nothing is left open at the end. O(n) time, O(d) space for nesting
 * depth d. A counter per bracket kind is not enough: it accepts {@code "([)]"}, where the pairs
 * cross.
 *
 * <p><b>Result.</b> {@link #check} returns a {@link Result} that is either {@link Balanced} or
 * names the first problem: a closing bracket that does not match the open one ({@link Mismatched},
 * with both positions), a closing bracket with nothing open ({@link Unopened}), or, at the end, a
 * bracket never closed ({@link Unclosed}, the innermost one if several are). {@link
 * Result#message()} puts it into words; {@link #isBalanced} is the plain yes/no.
 *
 * <p><b>Edge cases.</b> Every other character is ignored, so {@code "f(a[i]) { return; }"} is
 * balanced, and so is a string without brackets, the empty one included. Angle brackets {@code <>}
 * are not brackets here: in most text they are comparison operators. Positions are {@code char}
 * indices, as {@link String#charAt} and {@link String#substring} use; all six brackets are single
 * {@code char}s, so an emoji never confuses the scan. Brackets inside string literals or comments
 * count too: this is not a parser. Null is rejected with {@link NullPointerException}.
 *
 * <p><b>Follow-up.</b> <i>"Only one kind of bracket?"</i> Then a counter suffices: it must never go
 * below zero and must end at zero. <i>"The fewest insertions to balance a string of {@code (} and
 * {@code )}?"</i> The same counter: the times it would go negative plus its final value.
 */
@Task(id = "junior.algorithms.17", title = "Balanced brackets", usage = "<text> [text...]")
public final class BalancedBrackets {

  private BalancedBrackets() {}

  /** The outcome of {@link #check}: {@link Balanced}, or the first problem found. */
  public sealed interface Result permits Balanced, Mismatched, Unopened, Unclosed {

    /** Whether the brackets are balanced. */
    boolean isBalanced();

    /** The outcome in words, e.g. {@code ')' at index 5 does not close '[' at index 2}. */
    String message();
  }

  /** Every bracket is closed by the matching bracket, properly nested. */
  public record Balanced() implements Result {
    @Override
    public boolean isBalanced() {
      return true;
    }

    @Override
    public String message() {
      return "balanced";
    }
  }

  /**
   * The closing bracket at {@code closeIndex} does not match the bracket open at {@code openIndex}.
   *
   * @param openIndex the index of the innermost open bracket
   * @param open that bracket
   * @param closeIndex the index of the closing bracket that does not match it
   * @param close that bracket
   */
  public record Mismatched(int openIndex, char open, int closeIndex, char close) implements Result {
    @Override
    public boolean isBalanced() {
      return false;
    }

    @Override
    public String message() {
      return "'"
          + close
          + "' at index "
          + closeIndex
          + " does not close '"
          + open
          + "' at index "
          + openIndex;
    }
  }

  /**
   * The closing bracket at {@code index} comes when no bracket is open.
   *
   * @param index its index
   * @param close the bracket
   */
  public record Unopened(int index, char close) implements Result {
    @Override
    public boolean isBalanced() {
      return false;
    }

    @Override
    public String message() {
      return "'" + close + "' at index " + index + " closes nothing";
    }
  }

  /**
   * The text ends while the bracket at {@code index} is still open (the innermost, if several are).
   *
   * @param index its index
   * @param open the bracket
   */
  public record Unclosed(int index, char open) implements Result {
    @Override
    public boolean isBalanced() {
      return false;
    }

    @Override
    public String message() {
      return "'" + open + "' at index " + index + " is never closed";
    }
  }

  /** Checks the brackets of {@code text}: {@link Balanced}, or the first problem. */
  public static Result check(String text) {
    Objects.requireNonNull(text, "text");
    Deque<Integer> open = new ArrayDeque<>(); // indices of the brackets still open
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '(', '[', '{' -> open.push(i);
        case ')', ']', '}' -> {
          if (open.isEmpty()) {
            return new Unopened(i, c);
          }
          int openIndex = open.pop();
          char opener = text.charAt(openIndex);
          if (closerOf(opener) != c) {
            return new Mismatched(openIndex, opener, i, c);
          }
        }
        default -> {
          // not a bracket: ignored
        }
      }
    }
    if (!open.isEmpty()) {
      int index = open.peek();
      return new Unclosed(index, text.charAt(index));
    }
    return new Balanced();
  }

  /** Whether the brackets of {@code text} are balanced. */
  public static boolean isBalanced(String text) {
    return check(text).isBalanced();
  }

  private static char closerOf(char opener) {
    return switch (opener) {
      case '(' -> ')';
      case '[' -> ']';
      default -> '}';
    };
  }

  /**
   * Prints, for each argument, whether its brackets are balanced or its first problem, e.g. {@code
   * "(]": ']' at index 1 does not close '(' at index 0}.
   *
   * @throws IllegalArgumentException if there are no arguments
   */
  public static void main(String... args) {
    if (args.length == 0) {
      throw new IllegalArgumentException("usage: junior.algorithms.17 <text> [text...]");
    }
    for (String text : args) {
      System.out.printf("\"%s\": %s%n", text, check(text).message());
    }
  }
}
