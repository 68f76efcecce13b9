package org.interviewtasks.mid.core;

import java.io.IOException;
import java.io.Reader;
import java.text.BreakIterator;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.interviewtasks.common.Task;
import org.interviewtasks.junior.core.CharacterFrequency;

/**
 * Counts each character of a string, like Python's {@code collections.Counter(text)}: {@code
 * "hello" -> {h=1, e=1, l=2, o=1}}.
 *
 * <p><b>What mid adds over junior.</b> Counting code points with a hash map is {@link
 * CharacterFrequency#frequencies(String)} (junior.core.20), and {@link #byCodePoint(String)} simply
 * delegates to it. Mid asks the next questions: what is a "character", how to count a text too
 * large for memory, and which characters are the most common.
 *
 * <p><b>Approach.</b> A code point is not always what a reader calls a character: "é" may be one
 * code point (U+00E9) or two (e + U+0301, a combining accent), and 👍🏽 or a flag are several code
 * points shown as one symbol. {@link #byGrapheme(String)} first normalizes to NFC, so both
 * spellings of "é" count as the same key, then splits the text into grapheme clusters (what a
 * cursor steps over) with {@link BreakIterator}, which follows Unicode's extended grapheme cluster
 * rules since JDK 20. {@link #byCodePoint(Reader)} streams: it reads a buffer at a time and keeps
 * only the counts, O(k) memory for k distinct characters, and carries a high surrogate over when a
 * pair is split by the buffer boundary. {@link #mostCommon(Map, int)} is Python's {@code
 * most_common(k)}: a stable sort by descending count, so ties keep the order of first appearance.
 * All counting is O(n) time; maps keep the order of first appearance ({@link LinkedHashMap}) and
 * are unmodifiable.
 *
 * <p><b>Edge cases.</b> The empty text gives an empty map. Counting is case-sensitive and exact: no
 * case folding, whitespace and punctuation count like any character. A lone surrogate (malformed
 * UTF-16) counts as a character of its own, as in junior. Null text, reader or map is rejected, and
 * a negative k is an {@link IllegalArgumentException}.
 *
 * <p><b>Follow-up.</b> <i>"Only ASCII letters, as fast as possible?"</i> An {@code int[128]}
 * indexed by the char, no boxing or hashing. <i>"Across many files in parallel?"</i> Count each
 * file separately and merge the maps ({@code Map.merge} with {@code Long::sum}): counting is a
 * commutative monoid, so the split does not matter.
 */
@Task(id = "mid.core.1", title = "Count each character of a string", usage = "<text>")
public final class CharacterCount {

  private static final int BUFFER_SIZE = 8192;
  private static final int NONE = -1;

  private CharacterCount() {}

  /** Each code point of the text with its count, in order of first appearance. */
  public static Map<String, Long> byCodePoint(String text) {
    return CharacterFrequency.frequencies(text);
  }

  /**
   * Each grapheme cluster (user-perceived character) of the NFC-normalized text with its count, in
   * order of first appearance.
   */
  public static Map<String, Long> byGrapheme(String text) {
    String normalized =
        Normalizer.normalize(Objects.requireNonNull(text, "text"), Normalizer.Form.NFC);
    BreakIterator boundaries = BreakIterator.getCharacterInstance(Locale.ROOT);
    boundaries.setText(normalized);
    Map<String, Long> counts = new LinkedHashMap<>();
    int start = boundaries.first();
    for (int end = boundaries.next(); end != BreakIterator.DONE; end = boundaries.next()) {
      counts.merge(normalized.substring(start, end), 1L, Long::sum);
      start = end;
    }
    return Collections.unmodifiableMap(counts);
  }

  /**
   * Each code point read from {@code reader}, to its end, with its count, in order of first
   * appearance. Memory depends on the number of distinct characters, not on the length of the text.
   * The reader is not closed.
   *
   * @throws IOException if reading fails
   */
  public static Map<String, Long> byCodePoint(Reader reader) throws IOException {
    Objects.requireNonNull(reader, "reader");
    Map<String, Long> counts = new LinkedHashMap<>();
    char[] buffer = new char[BUFFER_SIZE];
    int pendingHigh = NONE; // a high surrogate that ended the last buffer, waiting for its pair
    for (int read = reader.read(buffer); read != -1; read = reader.read(buffer)) {
      int i = 0;
      if (pendingHigh != NONE) {
        if (Character.isLowSurrogate(buffer[0])) {
          counts.merge(
              Character.toString(Character.toCodePoint((char) pendingHigh, buffer[0])),
              1L,
              Long::sum);
          i = 1;
        } else {
          counts.merge(Character.toString(pendingHigh), 1L, Long::sum);
        }
        pendingHigh = NONE;
      }
      while (i < read) {
        char c = buffer[i];
        if (Character.isHighSurrogate(c) && i + 1 == read) {
          pendingHigh = c;
          i++;
        } else {
          int codePoint = Character.codePointAt(buffer, i, read);
          counts.merge(Character.toString(codePoint), 1L, Long::sum);
          i += Character.charCount(codePoint);
        }
      }
    }
    if (pendingHigh != NONE) {
      counts.merge(Character.toString(pendingHigh), 1L, Long::sum);
    }
    return Collections.unmodifiableMap(counts);
  }

  /**
   * The {@code k} most common entries of {@code counts}, by descending count; of equal counts, the
   * one met first in the map comes first. All entries if there are fewer than k.
   *
   * @throws IllegalArgumentException if {@code k} is negative
   */
  public static List<Map.Entry<String, Long>> mostCommon(Map<String, Long> counts, int k) {
    Objects.requireNonNull(counts, "counts");
    if (k < 0) {
      throw new IllegalArgumentException("k must not be negative, was " + k);
    }
    List<Map.Entry<String, Long>> entries = new ArrayList<>(counts.size());
    counts.forEach((key, count) -> entries.add(Map.entry(key, count)));
    entries.sort(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder()));
    return List.copyOf(entries.subList(0, Math.min(k, entries.size())));
  }

  /**
   * Prints each character (grapheme) of the argument with its count, most common first, one per
   * line, e.g. {@code 'l' 2}.
   *
   * @throws IllegalArgumentException unless there is exactly one argument
   */
  public static void main(String... args) {
    if (args.length != 1) {
      throw new IllegalArgumentException("usage: mid.core.1 <text>");
    }
    Map<String, Long> counts = byGrapheme(args[0]);
    for (Map.Entry<String, Long> entry : mostCommon(counts, counts.size())) {
      System.out.println("'" + entry.getKey() + "' " + entry.getValue());
    }
  }
}
