package org.interviewtasks.mid.algorithms;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.interviewtasks.common.Task;
import org.interviewtasks.junior.algorithms.BalancedBrackets;

/**
 * Checks that the brackets of a text are balanced, for any set of bracket pairs, ignoring brackets
 * inside string literals, and reports every problem with its position, not just the first.
 *
 * <p><b>What mid adds over junior.</b> {@link BalancedBrackets} (junior.algorithms.17) checks
 * {@code () [] {}} and names the first problem; {@link #isBalanced(String)} is exactly that and
 * delegates to it. Real inputs need more, so a {@link Syntax} says which characters pair up (add
 * {@code <>} for generics, {@code «»} for quotations), which characters open string literals, and
 * which character escapes inside them: in {@code print(")")} the quoted bracket is text, not
 * structure, and in {@code "a\"("} the escaped quote does not end the literal. {@link #problems}
 * lists all the problems in one pass, as a compiler reports several errors instead of stopping at
 * the first; the first of them is always what {@link #firstProblem} returns, and for {@link
 * Syntax#BRACKETS} it is junior's answer, with the same message.
 *
 * <p><b>Approach.</b> One pass with a stack of the indices of the open brackets, O(n) time and O(d)
 * space for nesting depth d, plus one flag for "inside a literal". To go on after an error, the
 * scan recovers the simplest way: a closing bracket with nothing open is skipped, and one that does
 * not match the innermost open bracket closes it anyway (both are reported once, as a mismatch). At
 * the end, every bracket still open is reported, innermost first, after an unterminated literal.
 * Positions are {@code char} indices, as in junior and {@link String#substring}.
 *
 * <p><b>Edge cases.</b> Text without brackets is balanced. Inside a literal, the escape character
 * makes the next character literal, whatever it is; outside literals it is an ordinary character. A
 * {@link Syntax} is validated when it is made: an even number of pair characters, no character used
 * twice, no quote that is also a bracket, an escape that is neither.
 *
 * <p><b>Follow-up.</b> <i>"Comments too?"</i> A comment is a literal that starts with a two-char
 * token and ends at a line end or another token: the same state machine with more states, which is
 * how a lexer is built. <i>"The fewest edits to fix the text?"</i> That needs dynamic programming,
 * O(n³) over intervals, since greedy recovery is not optimal.
 */
@Task(
    id = "mid.algorithms.5",
    title = "Balanced brackets, all kinds, all errors",
    usage = "<text> [text...]")
public final class BalancedParentheses {

  private BalancedParentheses() {}

  /**
   * Which characters are brackets and which start string literals.
   *
   * @param pairs opening and closing brackets alternately, e.g. {@code "()[]{}"}
   * @param quotes the characters that open and close a string literal, e.g. {@code "\"'"}; may be
   *     empty
   * @param escape the character that escapes the next one inside a literal
   */
  public record Syntax(String pairs, String quotes, char escape) {

    /** Junior's brackets, {@code () [] {}}, and no literals. */
    public static final Syntax BRACKETS = new Syntax("()[]{}", "", '\\');

    /** The brackets of C-like code, {@code () [] {}}, with {@code "} and {@code '} literals. */
    public static final Syntax CODE = new Syntax("()[]{}", "\"'", '\\');

    /**
     * Checks the syntax.
     *
     * @throws IllegalArgumentException if the pairs are not pairs, or a character has two roles
     */
    public Syntax {
      Objects.requireNonNull(pairs, "pairs");
      Objects.requireNonNull(quotes, "quotes");
      if (pairs.isEmpty() || pairs.length() % 2 != 0) {
        throw new IllegalArgumentException(
            "pairs must be opening and closing brackets alternately, got \"" + pairs + "\"");
      }
      String all = pairs + quotes + escape;
      for (int i = 0; i < all.length(); i++) {
        if (all.indexOf(all.charAt(i)) != i) {
          throw new IllegalArgumentException(
              "'" + all.charAt(i) + "' has more than one role in the syntax");
        }
      }
    }

    /** This syntax with other quote characters. */
    public Syntax withQuotes(String quotes) {
      return new Syntax(pairs, quotes, escape);
    }

    /** This syntax with another set of bracket pairs. */
    public Syntax withPairs(String pairs) {
      return new Syntax(pairs, quotes, escape);
    }

    boolean isOpener(char c) {
      int i = pairs.indexOf(c);
      return i >= 0 && i % 2 == 0;
    }

    boolean isCloser(char c) {
      return pairs.indexOf(c) % 2 == 1; // an absent character gives -1, and -1 % 2 is -1
    }

    char closerOf(char opener) {
      return pairs.charAt(pairs.indexOf(opener) + 1);
    }

    boolean isQuote(char c) {
      return quotes.indexOf(c) >= 0;
    }
  }

  /** A problem in the text, at a position. */
  public sealed interface Problem permits Mismatched, Unopened, Unclosed, UnterminatedLiteral {

    /** Where the problem is: the index of the offending character. */
    int index();

    /** The problem in words, e.g. {@code ')' at index 5 does not close '[' at index 2}. */
    String message();
  }

  /**
   * The closing bracket at {@code closeIndex} does not match the bracket open at {@code openIndex}.
   *
   * @param openIndex the index of the innermost open bracket
   * @param open that bracket
   * @param closeIndex the index of the closing bracket
   * @param close that bracket
   */
  public record Mismatched(int openIndex, char open, int closeIndex, char close)
      implements Problem {
    @Override
    public int index() {
      return closeIndex;
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
  public record Unopened(int index, char close) implements Problem {
    @Override
    public String message() {
      return "'" + close + "' at index " + index + " closes nothing";
    }
  }

  /**
   * The text ends while the bracket at {@code index} is still open.
   *
   * @param index its index
   * @param open the bracket
   */
  public record Unclosed(int index, char open) implements Problem {
    @Override
    public String message() {
      return "'" + open + "' at index " + index + " is never closed";
    }
  }

  /**
   * The text ends inside the string literal opened at {@code index}.
   *
   * @param index the index of the opening quote
   * @param quote the quote character
   */
  public record UnterminatedLiteral(int index, char quote) implements Problem {
    @Override
    public String message() {
      return "the literal opened by " + quote + " at index " + index + " is never closed";
    }
  }

  /** Whether the brackets {@code () [] {}} of {@code text} are balanced: junior's check. */
  public static boolean isBalanced(String text) {
    return BalancedBrackets.isBalanced(text);
  }

  /** Whether {@code text} has no problem in the given syntax. */
  public static boolean isBalanced(String text, Syntax syntax) {
    return scan(text, syntax, 1).isEmpty();
  }

  /** The first problem of {@code text} in the given syntax, if any. */
  public static Optional<Problem> firstProblem(String text, Syntax syntax) {
    return scan(text, syntax, 1).stream().findFirst();
  }

  /** Every problem of {@code text} in the given syntax, in the order the scan finds them. */
  public static List<Problem> problems(String text, Syntax syntax) {
    return scan(text, syntax, Integer.MAX_VALUE);
  }

  private static List<Problem> scan(String text, Syntax syntax, int limit) {
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(syntax, "syntax");
    List<Problem> problems = new ArrayList<>();
    Deque<Integer> open = new ArrayDeque<>(); // indices of the brackets still open
    int literalStart = -1; // the index of the quote that opened the current literal, or -1
    for (int i = 0; i < text.length() && problems.size() < limit; i++) {
      char c = text.charAt(i);
      if (literalStart >= 0) {
        if (c == syntax.escape()) {
          i++; // the next character is part of the literal, whatever it is
        } else if (c == text.charAt(literalStart)) {
          literalStart = -1;
        }
      } else if (syntax.isQuote(c)) {
        literalStart = i;
      } else if (syntax.isOpener(c)) {
        open.push(i);
      } else if (syntax.isCloser(c)) {
        if (open.isEmpty()) {
          problems.add(new Unopened(i, c));
        } else {
          int openIndex = open.pop(); // matched or not, this bracket closes the innermost one
          char opener = text.charAt(openIndex);
          if (syntax.closerOf(opener) != c) {
            problems.add(new Mismatched(openIndex, opener, i, c));
          }
        }
      }
    }
    if (literalStart >= 0) {
      problems.add(new UnterminatedLiteral(literalStart, text.charAt(literalStart)));
    }
    while (!open.isEmpty()) {
      int index = open.pop();
      problems.add(new Unclosed(index, text.charAt(index)));
    }
    return Collections.unmodifiableList(problems.subList(0, Math.min(limit, problems.size())));
  }

  /**
   * Prints, for each argument, whether it is balanced in the {@link Syntax#CODE} syntax, and if
   * not, each problem on a line of its own.
   *
   * @throws IllegalArgumentException if there are no arguments
   */
  public static void main(String... args) {
    if (args.length == 0) {
      throw new IllegalArgumentException("usage: mid.algorithms.5 <text> [text...]");
    }
    for (String text : args) {
      List<Problem> problems = problems(text, Syntax.CODE);
      System.out.println(
          "\""
              + text
              + "\": "
              + (problems.isEmpty() ? "balanced" : problems.size() + " problem(s)"));
      problems.forEach(problem -> System.out.println("  " + problem.message()));
    }
  }
}
