package org.interviewtasks.senior.bigdata.mapreduce;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.interviewtasks.senior.bigdata.trie.Vocabulary;

/**
 * Generated text for the MapReduce tests and benchmark: words drawn with a Zipf-like skew from a
 * vocabulary, in mixed case, some non-Latin, separated by spaces, punctuation and digits, with
 * {@code \n} or {@code \r\n} line ends.
 */
public final class Corpus {

  private static final String[] EXTRA = {"noël", "日本語", "Straße", "ΣΟΦΙΑ", "ǅemal", "😀x"};
  private static final String[] SEPARATORS = {" ", " ", " ", ", ", ". ", " 42 ", " - ", "\t", "'"};

  private Corpus() {}

  /** Writes about {@code bytes} bytes of text drawn from {@code vocabulary} words. */
  public static Path write(Path file, long seed, long bytes, int vocabulary) throws IOException {
    SplittableRandom random = new SplittableRandom(seed);
    List<String> words = new ArrayList<>(Vocabulary.words(seed, vocabulary));
    words.addAll(List.of(EXTRA));
    long written = 0;
    try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      StringBuilder line = new StringBuilder();
      while (written < bytes) {
        line.setLength(0);
        int count = random.nextInt(16);
        for (int i = 0; i < count; i++) {
          String word = words.get((int) (Math.pow(random.nextDouble(), 4) * words.size()));
          line.append(random.nextInt(10) == 0 ? word.toUpperCase(Locale.ROOT) : word);
          line.append(SEPARATORS[random.nextInt(SEPARATORS.length)]);
        }
        line.append(random.nextInt(8) == 0 ? "\r\n" : "\n");
        out.write(line.toString());
        written += line.length();
      }
    }
    return file;
  }

  /** The word count computed the plain way, with a regex: the oracle. */
  public static Map<String, Long> countWords(List<Path> files) throws IOException {
    Pattern word = Pattern.compile("\\p{L}+");
    Map<String, Long> counts = new HashMap<>();
    for (Path file : files) {
      for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
        Matcher m = word.matcher(line);
        while (m.find()) {
          counts.merge(m.group().toLowerCase(Locale.ROOT), 1L, Long::sum);
        }
      }
    }
    return counts;
  }
}
