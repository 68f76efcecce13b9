package org.interviewtasks.senior.bigdata.mapreduce;

import java.util.Iterator;
import java.util.function.BiConsumer;

/**
 * A MapReduce job: what to emit for each input line, how to combine values on the map side
 * (optional), and how to reduce all values of a key.
 *
 * <p>Workers create the job from its class name, in other threads or other JVMs, as Hadoop does
 * with the classes named in a job configuration: an implementation needs a public no-argument
 * constructor and must not rely on state set up by the caller. Keys are partitioned by {@link
 * Object#hashCode()}, which must therefore be the same in every JVM ({@code String}, {@code Long}
 * and records of them are; enums and identity hash codes are not).
 *
 * @param <K> the key type; the shuffle sorts by its natural order
 * @param <V> the type of the values emitted by the map
 * @param <R> the type of a reduced result
 */
public interface Job<K extends Comparable<? super K>, V, R> {

  /**
   * Maps one line of input.
   *
   * @param source the name of the input file the line comes from
   * @param line the line, without its line terminator
   * @param emit receives the key-value pairs
   */
  void map(String source, String line, BiConsumer<K, V> emit);

  /** Reduces all the values emitted for a key, which arrive in no particular order. */
  R reduce(K key, Iterator<V> values);

  /** Writes and reads keys in the shuffle. */
  Codec<K> keyCodec();

  /** Writes and reads values in the shuffle. */
  Codec<V> valueCodec();

  /**
   * Whether {@link #combine} may merge values of the same key before the shuffle (it must then be
   * associative and commutative, and reduce must accept its results as values).
   */
  default boolean hasCombiner() {
    return false;
  }

  /** Merges two values of a key on the map side; see {@link #hasCombiner()}. */
  default V combine(K key, V left, V right) {
    throw new UnsupportedOperationException(getClass().getName() + " has no combiner");
  }

  /** One line of output for a key and its result; by default {@code key TAB result}. */
  default String format(K key, R result) {
    return key + "\t" + result;
  }
}
