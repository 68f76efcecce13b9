package org.interviewtasks.mid.files;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.PriorityQueue;
import java.util.function.Consumer;
import org.interviewtasks.common.Args;
import org.interviewtasks.common.RegularFiles;
import org.interviewtasks.common.Task;

/**
 * Reads a large file and returns its most frequent words, 10 by default.
 *
 * <p><b>Approach.</b> The file is streamed through a {@link Reader} in fixed chunks and a small
 * tokenizer (a state machine that survives chunk boundaries, surrogate pairs included) hands each
 * word to a hash map of counts; then a min-heap of size k keeps the k best while the map is
 * scanned, and is emptied into a sorted list. O(n + d log k) time for n characters and d distinct
 * words. Memory is O(d), not O(n): the file is never held, so a file much larger than the heap is
 * fine as long as its vocabulary fits (a proof runs in a 48 MB heap over an 80 MB file). A file of
 * all-distinct words needs O(n) memory all the same: see the follow-up.
 *
 * <p><b>Tokenization.</b> A word is a maximal run of Unicode letters and digits ({@link
 * Character#isLetterOrDigit(int)}), combining marks included so that a decomposed "é" stays one
 * word, with apostrophes ({@code '} and the typographic {@code ’}) allowed between two word
 * characters: "don't" and "l’homme" are one word each, "'quoted'" is "quoted", and the typographic
 * form is stored as {@code '} so "don’t" and "don't" count as the same word. Everything else
 * separates words. Words are lower-cased with {@link String#toLowerCase(Locale) Locale.ROOT}, so
 * the result does not depend on the machine's language (in a Turkish locale "TITLE" would become
 * "tıtle"); this is lower-casing, not full case folding: "STRASSE" and "straße" stay different
 * words, as {@code String.toLowerCase} leaves ß alone.
 *
 * <p><b>Edge cases.</b> Ties are broken alphabetically (by {@link String#compareTo}, i.e. UTF-16
 * order), so the answer is deterministic. Fewer than k distinct words give them all; an empty file
 * gives an empty list; k must be positive. Bytes that are not valid UTF-8 fail with an {@link
 * IOException} naming the file rather than being counted as U+FFFD.
 *
 * <p><b>Follow-up.</b> <i>"The vocabulary does not fit in memory?"</i> Either approximate with a
 * Count-Min sketch plus a heap of candidates (bounded memory, small over-counts), or go exact with
 * an external sort: write the words to disk in sorted runs, merge them, count runs of equal words
 * (that is {@code tr | sort | uniq -c | sort -rn | head}). <i>"Faster?"</i> Split the file at word
 * boundaries, count the parts in parallel, merge the maps.
 */
@Task(id = "mid.files.2", title = "Top words of a large file", usage = "<file> [k]")
public final class TopWords {

  /** Chars read per call. */
  static final int BUFFER_CHARS = 64 * 1024;

  /** The number of words returned when none is given. */
  public static final int DEFAULT_K = 10;

  /**
   * A word and how often it occurs.
   *
   * @param word the word, lower-cased
   * @param count how many times it occurs, at least 1
   */
  public record WordCount(String word, long count) {}

  /** Most frequent first, then alphabetical. */
  static final Comparator<WordCount> BEST_FIRST =
      Comparator.comparingLong(WordCount::count).reversed().thenComparing(WordCount::word);

  private TopWords() {}

  /**
   * The {@code k} most frequent words of a UTF-8 file.
   *
   * @throws IllegalArgumentException if {@code k} is not positive
   * @throws java.nio.file.NoSuchFileException if the file does not exist
   * @throws java.nio.file.FileSystemException if it is a device or a pipe, which may never end
   * @throws IOException if it is not valid UTF-8 or cannot be read
   */
  public static List<WordCount> topWords(Path file, int k) throws IOException {
    RegularFiles.requireEnding(file);
    requirePositive(k);
    var decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    try (Reader reader = new InputStreamReader(Files.newInputStream(file), decoder)) {
      return topWords(reader, k);
    } catch (CharacterCodingException e) {
      throw new IOException(file + " is not valid UTF-8 text", e);
    }
  }

  /**
   * The {@code k} most frequent words the reader yields, reading it to the end; the caller closes
   * it.
   *
   * @throws IllegalArgumentException if {@code k} is not positive
   */
  public static List<WordCount> topWords(Reader reader, int k) throws IOException {
    Objects.requireNonNull(reader, "reader");
    requirePositive(k);
    return top(count(reader), k);
  }

  /** How often each word occurs in what the reader yields. */
  public static Map<String, Long> count(Reader reader) throws IOException {
    Objects.requireNonNull(reader, "reader");
    Map<String, long[]> counts = new HashMap<>();
    tokenize(reader, word -> counts.computeIfAbsent(word, w -> new long[1])[0]++);
    Map<String, Long> result = HashMap.newHashMap(counts.size());
    counts.forEach((word, count) -> result.put(word, count[0]));
    return result;
  }

  /**
   * The {@code k} best entries of a count map, most frequent first, ties alphabetically.
   *
   * @throws IllegalArgumentException if {@code k} is not positive
   */
  public static List<WordCount> top(Map<String, Long> counts, int k) {
    Objects.requireNonNull(counts, "counts");
    requirePositive(k);
    // The heap's head is the worst of the best k so far: the one a better word pushes out.
    PriorityQueue<WordCount> heap = new PriorityQueue<>(BEST_FIRST.reversed());
    for (Map.Entry<String, Long> entry : counts.entrySet()) {
      WordCount candidate = new WordCount(entry.getKey(), entry.getValue());
      if (heap.size() < k) {
        heap.add(candidate);
      } else if (BEST_FIRST.compare(candidate, heap.peek()) < 0) {
        heap.poll();
        heap.add(candidate);
      }
    }
    List<WordCount> best = new ArrayList<>(heap);
    best.sort(BEST_FIRST);
    return List.copyOf(best);
  }

  /** Hands every word of the reader, lower-cased, to {@code sink}; see the class Javadoc. */
  static void tokenize(Reader reader, Consumer<String> sink) throws IOException {
    char[] buffer = new char[BUFFER_CHARS];
    StringBuilder word = new StringBuilder();
    boolean apostrophe = false; // an apostrophe after the word, kept only if a word char follows
    char high = 0; // a high surrogate waiting for its low half
    for (int read = reader.read(buffer); read != -1; read = reader.read(buffer)) {
      for (int i = 0; i < read; i++) {
        char c = buffer[i];
        if (high != 0) {
          if (Character.isLowSurrogate(c)) {
            apostrophe = accept(Character.toCodePoint(high, c), word, apostrophe, sink);
            high = 0;
            continue;
          }
          apostrophe = accept(high, word, apostrophe, sink); // a lone half: not a letter
          high = 0;
        }
        if (Character.isHighSurrogate(c)) {
          high = c; // its low half may come with the next read
        } else {
          apostrophe = accept(c, word, apostrophe, sink);
        }
      }
    }
    if (high != 0) {
      accept(high, word, apostrophe, sink);
    }
    emit(word, sink);
  }

  /** Feeds one code point to the tokenizer; returns whether an apostrophe is pending. */
  private static boolean accept(
      int codePoint, StringBuilder word, boolean apostrophe, Consumer<String> sink) {
    if (isWordChar(codePoint, !word.isEmpty())) {
      if (apostrophe) {
        word.append('\'');
      }
      word.appendCodePoint(codePoint);
      return false;
    }
    if ((codePoint == '\'' || codePoint == '’') && !word.isEmpty() && !apostrophe) {
      return true;
    }
    emit(word, sink);
    return false;
  }

  private static boolean isWordChar(int codePoint, boolean inWord) {
    if (Character.isLetterOrDigit(codePoint)) {
      return true;
    }
    int type = Character.getType(codePoint);
    return inWord
        && (type == Character.NON_SPACING_MARK
            || type == Character.COMBINING_SPACING_MARK
            || type == Character.ENCLOSING_MARK);
  }

  private static void emit(StringBuilder word, Consumer<String> sink) {
    if (!word.isEmpty()) {
      sink.accept(word.toString().toLowerCase(Locale.ROOT));
      word.setLength(0);
    }
  }

  private static void requirePositive(int k) {
    if (k < 1) {
      throw new IllegalArgumentException("k must be positive: " + k);
    }
  }

  /**
   * Prints the top words of a UTF-8 file, one {@code count word} per line: {@code <file> [k]}.
   *
   * @throws IllegalArgumentException on bad usage
   * @throws IOException if the file cannot be read
   */
  public static void main(String... args) throws IOException {
    if (args.length < 1 || args.length > 2) {
      throw new IllegalArgumentException("usage: mid.files.2 <file> [k]");
    }
    int k = args.length == 2 ? Args.toInt(args[1]) : DEFAULT_K;
    for (WordCount wc : topWords(Args.toPath(args[0]), k)) {
      System.out.println(wc.count() + " " + wc.word());
    }
  }
}
