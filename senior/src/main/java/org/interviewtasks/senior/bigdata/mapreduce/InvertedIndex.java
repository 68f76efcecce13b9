package org.interviewtasks.senior.bigdata.mapreduce;

import java.util.Iterator;
import java.util.TreeSet;
import java.util.function.BiConsumer;

/**
 * Builds an inverted index, the structure behind search engines: for each word (as {@link
 * WordCount#words} splits them), the sorted names of the input files that contain it. No combiner:
 * every occurrence crosses the shuffle, which makes this job a good test of spilling.
 */
public final class InvertedIndex implements Job<String, String, String> {

  /** For the workers, which create the job by its class name. */
  public InvertedIndex() {}

  @Override
  public void map(String source, String line, BiConsumer<String, String> emit) {
    WordCount.words(line, word -> emit.accept(word, source));
  }

  @Override
  public String reduce(String key, Iterator<String> values) {
    TreeSet<String> sources = new TreeSet<>();
    values.forEachRemaining(sources::add);
    return String.join(",", sources);
  }

  @Override
  public Codec<String> keyCodec() {
    return Codec.STRING;
  }

  @Override
  public Codec<String> valueCodec() {
    return Codec.STRING;
  }
}
