package org.interviewtasks.junior.files;

import java.io.IOException;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.SequencedMap;
import java.util.regex.Matcher;
import org.interviewtasks.common.Args;
import org.interviewtasks.common.Task;

/**
 * Reads a file and counts how often each word occurs.
 *
 * <p><b>Approach.</b> The file is read line by line (a word never spans a line break), each line's
 * words are found with one regular expression and counted in a {@link HashMap} with {@link
 * Map#merge}: O(n) time for n characters, O(distinct words) space, whatever the size of the file.
 * The result is sorted once at the end, most frequent first, ties in alphabetical order, so the
 * output is the same on every run.
 *
 * <p><b>What a word is.</b> A maximal run of letters, combining marks and digits by their Unicode
 * properties, with apostrophes inside it ({@code don't}, {@code rock'n'roll}) but not around it
 * ({@code 'quoted'} counts as {@code quoted}); hyphens, underscores, punctuation and symbols
 * separate words. Counting ignores case: words are lower-cased with {@link Locale#ROOT} (never the
 * default locale, which in Turkish would make {@code TITLE} into {@code tıtle}), the typographic
 * apostrophe {@code ’} counts as {@code '}, and lines are normalized to NFC first, so {@code café}
 * typed with a combining accent is the same word as with the precomposed {@code é}.
 *
 * <p><b>Edge cases.</b> An empty file, or one without letters or digits, gives an empty map.
 * Numbers are words ({@code 2024}). {@code ß} and {@code SS} stay different words: lower-casing is
 * not full case folding. A file that is not UTF-8 is a {@link MalformedFileException}.
 *
 * <p><b>Follow-up.</b> <i>"Only the top 10 of a huge text?"</i> Counting needs every distinct word
 * anyway; then a min-heap of size k gives the top k in O(d log k) instead of sorting all d. <i>"A
 * file too big for one machine?"</i> Count chunks in parallel and merge the maps: counts add up,
 * which is exactly MapReduce's word count.
 */
@Task(id = "junior.files.4", title = "Word frequency in a file", usage = "<file> [limit]")
public final class WordFrequency {

  private static final Comparator<Map.Entry<String, Long>> MOST_FREQUENT_FIRST =
      Map.Entry.<String, Long>comparingByValue()
          .reversed()
          .thenComparing(Map.Entry.comparingByKey());

  private WordFrequency() {}

  /**
   * Counts the words of a UTF-8 text file.
   *
   * @return each word, lower-cased, with its count; most frequent first, ties alphabetically
   * @throws MalformedFileException if the file is not valid UTF-8
   * @throws java.nio.file.NoSuchFileException if the file does not exist
   */
  public static SequencedMap<String, Long> count(Path file) throws IOException {
    TextFiles.requireFile(file, "file");
    Map<String, Long> counts = new HashMap<>();
    try (TextFiles.LineReader lines = TextFiles.lines(file)) {
      for (TextFiles.Line line = lines.next(); line != null; line = lines.next()) {
        String text = Normalizer.normalize(line.text(), Normalizer.Form.NFC);
        Matcher word = Words.WORD.matcher(text);
        while (word.find()) {
          counts.merge(normalize(word.group()), 1L, Long::sum);
        }
      }
    }
    SequencedMap<String, Long> sorted = new LinkedHashMap<>();
    counts.entrySet().stream()
        .sorted(MOST_FREQUENT_FIRST)
        .forEachOrdered(entry -> sorted.put(entry.getKey(), entry.getValue()));
    return sorted;
  }

  private static String normalize(String word) {
    return word.replace('\u2019', '\'').toLowerCase(Locale.ROOT);
  }

  /**
   * Prints {@code word count} for the words of the file given as the first argument, most frequent
   * first; an optional second argument limits how many.
   *
   * @throws IllegalArgumentException unless there are one or two arguments, the second a positive
   *     int
   */
  public static void main(String... args) throws IOException {
    if (args.length < 1 || args.length > 2) {
      throw new IllegalArgumentException("usage: junior.files.4 <file> [limit]");
    }
    int limit = args.length == 2 ? Args.toInt(args[1]) : Integer.MAX_VALUE;
    if (limit < 1) {
      throw new IllegalArgumentException("limit must be at least 1: " + limit);
    }
    count(Args.toPath(args[0])).entrySet().stream()
        .limit(limit)
        .forEach(entry -> System.out.println(entry.getKey() + " " + entry.getValue()));
  }
}
