package org.interviewtasks.senior.bigdata.trie;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Word lists that look like a natural language's: words of one to four syllables with common
 * endings, so they share prefixes and suffixes the way a real dictionary does. Used by the tests
 * and the benchmarks; the same seed gives the same list.
 */
public final class Vocabulary {

  private static final String[] SYLLABLES = {
    "a", "an", "ar", "ba", "be", "bi", "bo", "ca", "ce", "chi", "co", "con", "da", "de", "di", "do",
    "e", "en", "er", "es", "fa", "fe", "fi", "fo", "ga", "ge", "gi", "go", "ha", "he", "hi", "ho",
    "i", "in", "is", "ja", "jo", "ka", "ke", "ki", "ko", "la", "le", "li", "lo", "lu", "ma", "me",
    "mi", "mo", "mu", "na", "ne", "ni", "no", "o", "on", "or", "pa", "pe", "pi", "po", "pro", "qua",
    "ra", "re", "ri", "ro", "ru", "sa", "se", "si", "so", "sta", "ste", "sto", "ta", "te", "ti",
    "to", "tra", "tri", "u", "un", "va", "ve", "vi", "vo", "wa", "we", "xa", "ya", "yo", "za", "ze"
  };
  private static final String[] ENDINGS = {
    "", "", "", "", "s", "ed", "ing", "er", "ers", "est", "ly", "ness", "tion", "tions", "able"
  };

  private Vocabulary() {}

  /** {@code count} distinct words, in generation order (not sorted). */
  public static List<String> words(long seed, int count) {
    SplittableRandom random = new SplittableRandom(seed);
    Set<String> words = new LinkedHashSet<>();
    StringBuilder word = new StringBuilder();
    while (words.size() < count) {
      word.setLength(0);
      int syllables = 1 + random.nextInt(4);
      for (int i = 0; i < syllables; i++) {
        word.append(SYLLABLES[random.nextInt(SYLLABLES.length)]);
      }
      word.append(ENDINGS[random.nextInt(ENDINGS.length)]);
      words.add(word.toString());
    }
    return List.copyOf(words);
  }
}
