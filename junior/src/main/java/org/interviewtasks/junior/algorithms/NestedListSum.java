package org.interviewtasks.junior.algorithms;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.interviewtasks.common.Args;
import org.interviewtasks.common.Task;

/**
 * Sums all numbers in an arbitrarily nested list, such as {@code [1, [2, 3], [[4]], []]}.
 *
 * <p><b>Approach.</b> A depth-first walk with an explicit stack of iterators, one per list being
 * read: an element that is a list pushes its iterator, a number is added, an exhausted iterator is
 * popped. Every element is visited once: O(n) time for n elements in all the lists, O(d) extra
 * space for nesting depth d. The natural recursive version ({@code sum(x) = x is a list ? Σ sum(e)
 * : x}) is shorter but uses one stack frame per level and throws {@link StackOverflowError} at a
 * depth of some thousands; the explicit stack lives on the heap, so a list nested hundreds of
 * thousands deep is fine. The stack also yields the path of every element, e.g. {@code [1][0]}, for
 * error messages.
 *
 * <p>Java's lists are typed, so the nested list is a {@code List<?>} whose elements are numbers or
 * lists. {@link #sum} adds integers ({@code Byte}, {@code Short}, {@code Integer}, {@code Long})
 * into a {@code long} with {@link Math#addExact}. {@link #sumDecimal} accepts any of those plus
 * {@code BigInteger}, {@code BigDecimal}, {@code Float} and {@code Double}, adding exactly in
 * {@link BigDecimal} (a {@code double} counts as the decimal it prints as, so {@code 0.1 + 0.2} is
 * {@code 0.3}, not {@code 0.30000000000000004}).
 *
 * <p><b>Edge cases.</b> Empty lists, at any depth, add nothing; the sum of {@code []} is 0. Nothing
 * is skipped silently: a null element is rejected with {@link NullPointerException}, and a string,
 * a set or another non-number with {@link IllegalArgumentException}, each naming its path and type.
 * A list that contains itself, directly or deeper, would make the walk endless (and its {@code
 * hashCode} overflow the stack), so lists are tracked by identity and a cycle is an {@link
 * IllegalArgumentException}; the same list appearing twice side by side is not a cycle and counts
 * twice. A {@code long} sum that overflows throws {@link ArithmeticException}, naming the element
 * where it happened.
 *
 * <p><b>Follow-up.</b> <i>"Flatten instead of sum?"</i> The same walk, adding elements to a list.
 * <i>"Weight each number by its depth?"</i> The depth is the stack size at the moment a number is
 * read.
 */
@Task(
    id = "junior.algorithms.10",
    title = "Sum of a nested list",
    usage = "'<list, e.g. [1, [2, 3]]>'")
public final class NestedListSum {

  private static final Pattern TOKEN = Pattern.compile("\\[|]|[^\\[\\],\\s]+");

  private NestedListSum() {}

  /**
   * The sum of the integers in {@code nested} and the lists inside it, at any depth.
   *
   * @throws IllegalArgumentException if an element is neither a list nor a {@code Byte}, {@code
   *     Short}, {@code Integer} or {@code Long}, or a list contains itself
   * @throws NullPointerException if an element is null
   * @throws ArithmeticException if the sum overflows a {@code long}
   */
  public static long sum(List<?> nested) {
    long[] total = {0};
    walk(
        nested,
        (leaf, path) -> {
          if (!(leaf instanceof Byte
              || leaf instanceof Short
              || leaf instanceof Integer
              || leaf instanceof Long)) {
            throw notA(leaf instanceof Number ? "an integer" : "a number", leaf, path);
          }
          try {
            total[0] = Math.addExact(total[0], ((Number) leaf).longValue());
          } catch (ArithmeticException e) {
            var overflow =
                new ArithmeticException(
                    "the sum overflows a long at " + path.get() + "; use sumDecimal");
            overflow.initCause(e);
            throw overflow;
          }
        });
    return total[0];
  }

  /**
   * The exact sum of the numbers in {@code nested} and the lists inside it, at any depth.
   *
   * @throws IllegalArgumentException if an element is neither a list nor a {@code Byte}, {@code
   *     Short}, {@code Integer}, {@code Long}, {@code BigInteger}, {@code BigDecimal}, or finite
   *     {@code Float} or {@code Double}, or a list contains itself
   * @throws NullPointerException if an element is null
   */
  public static BigDecimal sumDecimal(List<?> nested) {
    BigDecimal[] total = {BigDecimal.ZERO};
    walk(nested, (leaf, path) -> total[0] = total[0].add(toDecimal(leaf, path)));
    return total[0];
  }

  private static BigDecimal toDecimal(Object leaf, Supplier<String> path) {
    return switch (leaf) {
      case Byte b -> BigDecimal.valueOf(b);
      case Short s -> BigDecimal.valueOf(s);
      case Integer i -> BigDecimal.valueOf(i);
      case Long l -> BigDecimal.valueOf(l);
      case BigInteger b -> new BigDecimal(b);
      case BigDecimal d -> d;
      case Float f when Float.isFinite(f) -> new BigDecimal(f.toString());
      case Double d when Double.isFinite(d) -> BigDecimal.valueOf(d);
      case Float f ->
          throw new IllegalArgumentException(f + " at " + path.get() + " is not finite");
      case Double d ->
          throw new IllegalArgumentException(d + " at " + path.get() + " is not finite");
      default -> throw notA(leaf instanceof Number ? "a supported number" : "a number", leaf, path);
    };
  }

  /**
   * Receives each element that is not a list, with its path such as {@code [1][0]}, built only on
   * demand (for an error message) since it costs O(depth).
   */
  @FunctionalInterface
  private interface LeafVisitor {
    void visit(Object leaf, Supplier<String> path);
  }

  /** A list being read, and the index of the element last read from it. */
  private static final class Frame {
    final List<?> list;
    final Iterator<?> elements;
    int index = -1;

    Frame(List<?> list) {
      this.list = list;
      this.elements = list.iterator();
    }
  }

  private static void walk(List<?> nested, LeafVisitor visitor) {
    Objects.requireNonNull(nested, "nested");
    Deque<Frame> stack = new ArrayDeque<>();
    Set<List<?>> open = Collections.newSetFromMap(new IdentityHashMap<>());
    stack.push(new Frame(nested));
    open.add(nested);
    while (!stack.isEmpty()) {
      Frame top = stack.peek();
      if (!top.elements.hasNext()) {
        open.remove(stack.pop().list);
        continue;
      }
      Object element = top.elements.next();
      top.index++;
      if (element == null) {
        throw new NullPointerException("null element at " + path(stack));
      }
      if (element instanceof List<?> inner) {
        if (!open.add(inner)) {
          throw new IllegalArgumentException(
              "the list at " + path(stack) + " contains itself: a cycle");
        }
        stack.push(new Frame(inner));
      } else {
        visitor.visit(element, () -> path(stack));
      }
    }
  }

  /** The indices from the outermost list to the current element, e.g. {@code [2][0]}. */
  private static String path(Deque<Frame> stack) {
    StringBuilder path = new StringBuilder();
    for (Iterator<Frame> outward = stack.descendingIterator(); outward.hasNext(); ) {
      path.append('[').append(outward.next().index).append(']');
    }
    return path.toString();
  }

  private static IllegalArgumentException notA(String what, Object leaf, Supplier<String> path) {
    return new IllegalArgumentException(
        "not " + what + " at " + path.get() + ": " + leaf.getClass().getName());
  }

  /**
   * Prints the sum of a nested list written with brackets, numbers separated by commas or spaces,
   * e.g. {@code "[1, [2.5, 3], [[4]], []]"} prints {@code 10.5}.
   *
   * @throws IllegalArgumentException unless there is exactly one argument, a well-formed list
   */
  public static void main(String... args) {
    if (args.length != 1) {
      throw new IllegalArgumentException("usage: junior.algorithms.10 '<list, e.g. [1, [2, 3]]>'");
    }
    System.out.println(sumDecimal(parse(args[0])).toPlainString());
  }

  /** Reads {@code [1, [2, 3]]} into nested lists of {@code BigDecimal}s, with an explicit stack. */
  static List<Object> parse(String text) {
    Deque<List<Object>> open = new ArrayDeque<>();
    List<Object> outermost = null;
    Matcher tokens = TOKEN.matcher(text);
    while (tokens.find()) {
      String token = tokens.group();
      if (token.equals("[")) {
        if (outermost != null && open.isEmpty()) {
          throw new IllegalArgumentException("text after the outermost list: '" + text + "'");
        }
        List<Object> list = new ArrayList<>();
        if (outermost == null) {
          outermost = list;
        } else {
          open.element().add(list);
        }
        open.push(list);
      } else if (open.isEmpty()) {
        throw new IllegalArgumentException("'" + token + "' outside the brackets: '" + text + "'");
      } else if (token.equals("]")) {
        open.pop();
      } else {
        open.element().add(Args.toBigDecimal(token));
      }
    }
    if (outermost == null || !open.isEmpty()) {
      throw new IllegalArgumentException("not a bracketed list: '" + text + "'");
    }
    return outermost;
  }
}
