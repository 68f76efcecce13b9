package org.interviewtasks.senior.bigdata.mapreduce;

import java.util.Iterator;
import java.util.Locale;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * Counts words: the "hello world" of MapReduce. A word is a maximal run of letters ({@link
 * Character#isLetter(int)}, by code point), lowercased in the root locale. The combiner sums the
 * counts of a map task before the shuffle, so the shuffle carries one record per distinct word and
 * task instead of one per occurrence.
 */
public final class WordCount implements Job<String, Long, Long> {

  /** For the workers, which create the job by its class name. */
  public WordCount() {}

  /** Splits a line into lowercase words; shared by the job and by a sequential count. */
  public static void words(String line, Consumer<String> word) {
    int n = line.length();
    int i = 0;
    while (i < n) {
      int c = line.codePointAt(i);
      if (!Character.isLetter(c)) {
        i += Character.charCount(c);
        continue;
      }
      int start = i;
      while (i < n && Character.isLetter(line.codePointAt(i))) {
        i += Character.charCount(line.codePointAt(i));
      }
      word.accept(line.substring(start, i).toLowerCase(Locale.ROOT));
    }
  }

  @Override
  public void map(String source, String line, BiConsumer<String, Long> emit) {
    words(line, word -> emit.accept(word, 1L));
  }

  @Override
  public boolean hasCombiner() {
    return true;
  }

  @Override
  public Long combine(String key, Long left, Long right) {
    return left + right;
  }

  @Override
  public Long reduce(String key, Iterator<Long> values) {
    long sum = 0;
    while (values.hasNext()) {
      sum += values.next();
    }
    return sum;
  }

  @Override
  public Codec<String> keyCodec() {
    return Codec.STRING;
  }

  @Override
  public Codec<Long> valueCodec() {
    return Codec.LONG;
  }
}
