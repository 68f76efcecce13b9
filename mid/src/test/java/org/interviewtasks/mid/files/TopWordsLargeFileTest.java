package org.interviewtasks.mid.files;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.interviewtasks.mid.files.TopWords.WordCount;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Proves that {@link TopWords} streams: it counts a file larger than this JVM's whole heap. Runs in
 * the {@code small-heap} Surefire execution ({@code -Xmx48m}); see mid/pom.xml. One thread and two
 * threads must both fit: memory is threads × vocabulary.
 */
@Tag("small-heap")
class TopWordsLargeFileTest {

  private static final int DISTINCT = 1_000;

  /** Word j occurs BASE + 3j times, so the top ten are words 999 down to 990. */
  private static final int BASE = 10_000;

  @Test
  void countsAFileLargerThanTheHeapExactly(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("large.txt");
    long[] counts = new long[DISTINCT];
    for (int j = 0; j < DISTINCT; j++) {
      counts[j] = BASE + 3L * j;
    }
    write(file, counts);

    assertThat(Files.size(file)).isGreaterThan(Runtime.getRuntime().maxMemory());
    List<WordCount> expected = new ArrayList<>();
    for (int j = DISTINCT - 1; j >= DISTINCT - 10; j--) {
      expected.add(new WordCount("word" + j, counts[j]));
    }
    assertThat(TopWords.topWords(file, 10)).isEqualTo(expected);
    assertThat(TopWords.topWords(file, 10, 1)).isEqualTo(expected);
    assertThat(TopWords.topWords(file, 10, 2)).isEqualTo(expected);
  }

  /** Round after round, every word that still has occurrences left once, in mixed case. */
  private static void write(Path file, long[] counts) throws IOException {
    long max = counts[counts.length - 1];
    try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      for (long round = 0; round < max; round++) {
        for (int j = 0; j < counts.length; j++) {
          if (round < counts[j]) {
            out.write(round % 2 == 0 ? "word" : "WORD");
            out.write(Integer.toString(j));
            out.write(j % 20 == 19 ? '\n' : ' ');
          }
        }
      }
    }
  }
}
