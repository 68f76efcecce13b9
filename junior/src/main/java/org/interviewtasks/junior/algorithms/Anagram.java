package org.interviewtasks.junior.algorithms;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.IntPredicate;
import java.util.function.IntUnaryOperator;
import org.interviewtasks.common.Task;

/**
 * Checks whether two strings are anagrams: the same characters, each as many times, in any order.
 *
 * <p><b>Approach.</b> Count the code points of the first string in a map, then count them down with
 * the second; the strings are anagrams when every count returns to zero. That is O(n + m) time and
 * O(k) space for k distinct characters, against O(n log n) for the other classic answer, sorting
 * both strings and comparing. Comparing lengths first is a valid shortcut for the strict check
 * (equal multisets of code points have equal lengths in {@code char}s), but not for the loose one,
 * where spaces and punctuation do not count. {@link #areAnagrams} is strict: case, spaces and
 * punctuation count. {@link #areLooseAnagrams} is the puzzle version: only letters and digits
 * count, case folded, so {@code "Dormitory"} and {@code "Dirty room!"} qualify.
 *
 * <p><b>Edge cases.</b> A string is an anagram of itself ("in a different order" is read as "in any
 * order", as every library does); two empty strings are anagrams. Characters are code points, so
 * {@code "😀a"} and {@code "a😀"} are anagrams although their {@code char}s, sorted, differ. Case
 * is folded with {@code toLowerCase(toUpperCase(cp))}, which equates Greek {@code ς}, {@code σ} and
 * {@code Σ}. Null is rejected with {@link NullPointerException}.
 *
 * <p><b>Follow-up.</b> <i>"Only lowercase ASCII?"</i> An {@code int[26]} replaces the map: same
 * O(n), no boxing. <i>"Group a list of words by anagram class?"</i> Use the sorted code points (or
 * the count vector) of each word as the key of a {@code Map<String, List<String>>}.
 */
@Task(id = "junior.algorithms.1", title = "Anagram check")
public final class Anagram {

  private Anagram() {}

  /** Whether {@code first} and {@code second} hold the same code points equally often. */
  public static boolean areAnagrams(String first, String second) {
    return sameCounts(first, second, cp -> true, IntUnaryOperator.identity());
  }

  /**
   * Whether the letters and digits of {@code first} and {@code second} are anagrams of each other,
   * ignoring case and everything else (spaces, punctuation, symbols).
   */
  public static boolean areLooseAnagrams(String first, String second) {
    return sameCounts(first, second, Character::isLetterOrDigit, Anagram::fold);
  }

  private static boolean sameCounts(
      String first, String second, IntPredicate counted, IntUnaryOperator key) {
    Objects.requireNonNull(first, "first");
    Objects.requireNonNull(second, "second");
    Map<Integer, Integer> counts = new HashMap<>();
    first
        .codePoints()
        .filter(counted)
        .forEach(cp -> counts.merge(key.applyAsInt(cp), 1, Integer::sum));
    second
        .codePoints()
        .filter(counted)
        .forEach(cp -> counts.merge(key.applyAsInt(cp), -1, Integer::sum));
    return counts.values().stream().allMatch(count -> count == 0);
  }

  private static int fold(int codePoint) {
    return Character.toLowerCase(Character.toUpperCase(codePoint));
  }

  /**
   * Prints whether the two arguments are strict and loose anagrams, e.g. {@code "Listen" "Silent":
   * strict=false, loose=true}.
   *
   * @throws IllegalArgumentException unless there are exactly two arguments
   */
  public static void main(String... args) {
    if (args.length != 2) {
      throw new IllegalArgumentException("usage: junior.algorithms.1 <first> <second>");
    }
    System.out.printf(
        "\"%s\" \"%s\": strict=%b, loose=%b%n",
        args[0], args[1], areAnagrams(args[0], args[1]), areLooseAnagrams(args[0], args[1]));
  }
}
