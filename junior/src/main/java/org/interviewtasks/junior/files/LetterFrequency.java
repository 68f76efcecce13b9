package org.interviewtasks.junior.files;

import java.io.IOException;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.interviewtasks.common.Args;
import org.interviewtasks.common.Task;

/**
 * Counts how often each letter occurs in a file and reports the five (or n) most common.
 *
 * <p><b>Approach.</b> The file is read line by line; every code point that is a letter ({@link
 * Character#isLetter(int)}, so {@code é}, {@code ж} and {@code 中} count, digits and punctuation do
 * not) is counted in a map from code point to count. Then the top n are picked from the map by
 * sorting its d entries: O(n) reading plus O(d log d) with d distinct letters, at most a few
 * hundred for a real text; memory O(d), not the file.
 *
 * <p><b>Edge cases.</b> Case is ignored: each letter is folded to its lower case through its upper
 * case, so {@code A} and {@code a} count together, and so do the Greek {@code Σ}, {@code σ} and
 * final {@code ς}. Lines are normalized to NFC first, so an {@code é} typed as {@code e} plus a
 * combining accent counts as one {@code é} (the accent alone is a mark, not a letter). Letters are
 * code points, so a letter outside the Basic Multilingual Plane (a surrogate pair in Java's UTF-16)
 * counts once. Ties are broken by code point, so the result is the same on every run; fewer than n
 * distinct letters give a shorter list, an empty file an empty one.
 *
 * <p><b>Follow-up.</b> <i>"Only ASCII letters?"</i> Then an {@code int[26]} indexed by {@code c -
 * 'a'} beats any map. <i>"The top k of millions of distinct keys?"</i> A min-heap of size k: O(d
 * log k) instead of a full sort.
 */
@Task(id = "junior.files.13", title = "Most common letters in a file", usage = "<file> [n]")
public final class LetterFrequency {

  /**
   * A letter and how often it occurs.
   *
   * @param letter the letter, lower-case, as a string of one code point
   * @param count how often it occurs, in any case
   */
  public record LetterCount(String letter, long count) {}

  private static final Comparator<LetterCount> MOST_COMMON_FIRST =
      Comparator.comparingLong(LetterCount::count)
          .reversed()
          .thenComparingInt(letterCount -> letterCount.letter().codePointAt(0));

  private LetterFrequency() {}

  /** The five most common letters of a UTF-8 file; see {@link #top(Path, int)}. */
  public static List<LetterCount> top5(Path file) throws IOException {
    return top(file, 5);
  }

  /**
   * The {@code n} most common letters of a UTF-8 file, most common first, ties by code point.
   *
   * @throws IllegalArgumentException if {@code n} is less than 1
   * @throws MalformedFileException if the file is not valid UTF-8
   * @throws java.nio.file.NoSuchFileException if the file does not exist
   */
  public static List<LetterCount> top(Path file, int n) throws IOException {
    if (n < 1) {
      throw new IllegalArgumentException("n must be at least 1: " + n);
    }
    return counts(file).stream().limit(n).toList();
  }

  /**
   * Every letter of a UTF-8 file with its count, most common first, ties by code point.
   *
   * @throws MalformedFileException if the file is not valid UTF-8
   * @throws java.nio.file.NoSuchFileException if the file does not exist
   */
  public static List<LetterCount> counts(Path file) throws IOException {
    TextFiles.requireFile(file, "file");
    Map<Integer, Long> counts = new HashMap<>();
    try (TextFiles.LineReader lines = TextFiles.lines(file)) {
      for (TextFiles.Line line = lines.next(); line != null; line = lines.next()) {
        Normalizer.normalize(line.text(), Normalizer.Form.NFC)
            .codePoints()
            .filter(Character::isLetter)
            .forEach(letter -> counts.merge(fold(letter), 1L, Long::sum));
      }
    }
    return counts.entrySet().stream()
        .map(entry -> new LetterCount(Character.toString(entry.getKey()), entry.getValue()))
        .sorted(MOST_COMMON_FIRST)
        .toList();
  }

  private static int fold(int letter) {
    return Character.toLowerCase(Character.toUpperCase(letter));
  }

  /**
   * Prints {@code letter count} for the most common letters of the file named by the first
   * argument: five, or as many as the optional second argument says.
   *
   * @throws IllegalArgumentException unless there are one or two arguments, the second a positive
   *     int
   */
  public static void main(String... args) throws IOException {
    if (args.length < 1 || args.length > 2) {
      throw new IllegalArgumentException("usage: junior.files.13 <file> [n]");
    }
    int n = args.length == 2 ? Args.toInt(args[1]) : 5;
    for (LetterCount letter : top(Args.toPath(args[0]), n)) {
      System.out.println(letter.letter() + " " + letter.count());
    }
  }
}
