package org.interviewtasks.junior.algorithms;

import java.math.BigInteger;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.interviewtasks.common.Task;

/**
 * Generates the distinct permutations of a string, lazily, in lexicographic order.
 *
 * <p><b>Approach.</b> Sort the code points, then repeatedly step to the next permutation in
 * lexicographic order: find the rightmost position i whose code point is smaller than its right
 * neighbour (everything after i is then descending, the last arrangement of those elements), swap
 * it with the rightmost code point after i that is larger, and reverse the tail after i into
 * ascending order. When no such i exists the permutation is the last one. Because the comparisons
 * are strict, equal code points are never swapped with each other, so {@code "aab"} yields {@code
 * aab, aba, baa} and no duplicates, without a set to filter them. Each step is O(n) (O(1) on
 * average), and memory is O(n) however many permutations there are.
 *
 * <p><b>Growth.</b> A string of n distinct characters has n! permutations: 3 628 800 for n = 10,
 * over 6 · 10⁹ for n = 13. With repeated characters it is n! / (k₁! · k₂! · …), where kᵢ counts
 * each distinct character; {@link #count} computes it exactly. So {@link #stream} and {@link
 * #iterator} are lazy (take what you need, e.g. {@code stream(s).limit(100)}), and only {@link
 * #list} materialises them, refusing more than {@link #LIST_LIMIT}.
 *
 * <p><b>Edge cases.</b> Characters are code points: an emoji is permuted as one character, never
 * split into a broken surrogate pair. Lexicographic means by code point value, which matches {@link
 * String#compareTo} unless the string mixes characters beyond U+FFFF with ones in U+E000–U+FFFF.
 * The empty string has exactly one permutation, itself (0! = 1). Null is rejected with {@link
 * NullPointerException}.
 *
 * <p><b>Follow-up.</b> <i>"The recursive solution?"</i> Fix each distinct character in turn at the
 * front and permute the rest: simple, but it builds all n! strings unless written as a generator,
 * and needs a "used" check per level to skip duplicates. <i>"The k-th permutation directly?"</i>
 * Decompose k in the factorial number system: O(n²) with no enumeration.
 */
@Task(
    id = "junior.algorithms.9",
    title = "Permutations of a string",
    usage = "<text>   at most 40320 permutations")
public final class StringPermutations {

  /**
   * The most permutations {@link #list} returns, 9! = 362 880: all those of nine distinct
   * characters, some 20 MB of strings. Beyond it, use {@link #stream}.
   */
  public static final int LIST_LIMIT = 362_880;

  /** The most code points {@link #count} takes: 20,000, whose count can have 77,338 digits. */
  public static final int MAX_COUNT_LENGTH = 20_000;

  /**
   * The most permutations {@link #main} prints, 8! = 40 320: all those of eight distinct
   * characters, some 360 KB. A program that wants more uses {@link #stream}.
   */
  public static final int MAX_PRINTED = 40_320;

  private StringPermutations() {}

  /** The distinct permutations of {@code text} in lexicographic order, produced one at a time. */
  public static Iterator<String> iterator(String text) {
    int[] codePoints = Objects.requireNonNull(text, "text").codePoints().sorted().toArray();
    return new Iterator<>() {
      private boolean hasNext = true;

      @Override
      public boolean hasNext() {
        return hasNext;
      }

      @Override
      public String next() {
        if (!hasNext) {
          throw new NoSuchElementException("no permutations left");
        }
        String permutation = new String(codePoints, 0, codePoints.length);
        hasNext = advance(codePoints);
        return permutation;
      }
    };
  }

  /** The distinct permutations of {@code text} in lexicographic order, as a lazy stream. */
  public static Stream<String> stream(String text) {
    int characteristics =
        Spliterator.ORDERED | Spliterator.DISTINCT | Spliterator.NONNULL | Spliterator.IMMUTABLE;
    return StreamSupport.stream(
        Spliterators.spliteratorUnknownSize(iterator(text), characteristics), false);
  }

  /**
   * All distinct permutations of {@code text} in lexicographic order.
   *
   * @throws IllegalArgumentException if there are more than {@link #LIST_LIMIT}
   */
  public static List<String> list(String text) {
    requireAtMost(text, LIST_LIMIT, "a list may hold; use stream(text) and take what you need");
    return stream(text).toList();
  }

  /**
   * The number of distinct permutations of {@code text}: n! / (k₁! · k₂! · …), computed as a
   * product of binomials C(n, k₁) · C(n − k₁, k₂) · … so that no factorial larger than the answer
   * is ever built.
   *
   * @throws IllegalArgumentException if {@code text} has more than {@link #MAX_COUNT_LENGTH} code
   *     points (the answer alone could have hundreds of thousands of digits)
   */
  public static BigInteger count(String text) {
    Objects.requireNonNull(text, "text");
    int length = text.codePointCount(0, text.length());
    if (length > MAX_COUNT_LENGTH) {
      throw new IllegalArgumentException(
          "count takes a text of at most "
              + MAX_COUNT_LENGTH
              + " characters (its answer can have 77,338 digits): "
              + length);
    }
    return multinomial(text, null);
  }

  /**
   * Throws unless {@code text} has at most {@code limit} distinct permutations, counting no further
   * than the limit, so that a long text is judged as fast as a short one.
   */
  private static void requireAtMost(String text, int limit, String advice) {
    BigInteger cap = BigInteger.valueOf(limit);
    if (multinomial(Objects.requireNonNull(text, "text"), cap).compareTo(cap) > 0) {
      throw new IllegalArgumentException(
          quote(text) + " has more than " + limit + " distinct permutations, the most " + advice);
    }
  }

  /**
   * n! / (k₁! · k₂! · …) for the code points of {@code text}; once the running product passes
   * {@code cap} (when it is not null) it stops and returns a value above the cap.
   */
  private static BigInteger multinomial(String text, BigInteger cap) {
    Map<Integer, Integer> counts = new HashMap<>();
    text.codePoints().forEach(cp -> counts.merge(cp, 1, Integer::sum));
    int left = text.codePointCount(0, text.length());
    BigInteger product = BigInteger.ONE;
    for (int k : counts.values()) {
      int smaller = Math.min(k, left - k);
      for (int i = 1; i <= smaller; i++) {
        // C(left, i) = C(left, i - 1) · (left - i + 1) / i, exact at every step.
        product = product.multiply(BigInteger.valueOf(left - i + 1L));
        product = product.divide(BigInteger.valueOf(i));
        if (cap != null && product.compareTo(cap) > 0) {
          return product;
        }
      }
      left -= k;
    }
    return product;
  }

  /** The text for a message: its first 20 characters, quoted, and how long it is if longer. */
  private static String quote(String text) {
    int length = text.codePointCount(0, text.length());
    if (length <= 20) {
      return "\"" + text + "\"";
    }
    return "\"" + text.substring(0, text.offsetByCodePoints(0, 20)) + "…\" (" + length + " chars)";
  }

  /**
   * Rearranges {@code a} into the next permutation in lexicographic order.
   *
   * @return false, leaving {@code a} unchanged, if it already was the last (descending) one
   */
  static boolean advance(int[] a) {
    int i = a.length - 2;
    while (i >= 0 && a[i] >= a[i + 1]) {
      i--;
    }
    if (i < 0) {
      return false;
    }
    int j = a.length - 1;
    while (a[j] <= a[i]) {
      j--;
    }
    swap(a, i, j);
    for (int left = i + 1, right = a.length - 1; left < right; left++, right--) {
      swap(a, left, right);
    }
    return true;
  }

  private static void swap(int[] a, int i, int j) {
    int saved = a[i];
    a[i] = a[j];
    a[j] = saved;
  }

  /**
   * Prints the distinct permutations of the argument, one per line, e.g. {@code aab} prints {@code
   * aab}, {@code aba} and {@code baa}.
   *
   * @throws IllegalArgumentException unless there is exactly one argument, with at most {@link
   *     #MAX_PRINTED} permutations
   */
  public static void main(String... args) {
    if (args.length != 1) {
      throw new IllegalArgumentException(
          "usage: junior.algorithms.9 <text> (at most " + MAX_PRINTED + " permutations)");
    }
    requireAtMost(args[0], MAX_PRINTED, "the command line prints; use stream(text) in code");
    stream(args[0]).forEach(System.out::println);
  }
}
