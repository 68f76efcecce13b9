package org.interviewtasks.senior.bigdata.trie;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.apache.commons.collections4.trie.PatriciaTrie;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Trie queries against the structures a user would pick instead: {@code HashSet<String>} for
 * membership, Commons Collections' {@code PatriciaTrie} for membership and prefix queries. Every
 * structure holds the same {@value #WORDS} generated words; each operation is one query, cycling
 * through 4096 prepared ones (half of the membership queries miss). Memory per word is measured
 * apart, by {@code BigDataFootprints}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 10, time = 1)
@Fork(value = 1, jvmArgsAppend = "-Xmx2g")
public class TrieBenchmark {

  static final int WORDS = 500_000;
  private static final int QUERIES = 4096;

  /** The words and the queries, the same for every structure. */
  @State(Scope.Benchmark)
  public static class Queries {
    List<String> words;
    String[] lookups = new String[QUERIES];
    String[] prefixes = new String[QUERIES];
    int next;

    @Setup(Level.Trial)
    public void generate() {
      words = Vocabulary.words(1, WORDS);
      SplittableRandom random = new SplittableRandom(2);
      for (int i = 0; i < QUERIES; i++) {
        String word = words.get(random.nextInt(WORDS));
        lookups[i] = random.nextBoolean() ? word : word + "q";
        prefixes[i] = word.substring(0, Math.min(word.length(), 1 + random.nextInt(4)));
      }
    }

    String lookup() {
      return lookups[next++ & (QUERIES - 1)];
    }

    String prefix() {
      return prefixes[next++ & (QUERIES - 1)];
    }
  }

  /** Our DAFSA. */
  @State(Scope.Benchmark)
  public static class Ours {
    Trie trie;

    @Setup(Level.Trial)
    public void build(Queries queries) {
      trie = Trie.of(queries.words);
    }
  }

  /** {@code HashSet<String>}. */
  @State(Scope.Benchmark)
  public static class Hashed {
    Set<String> set;

    @Setup(Level.Trial)
    public void build(Queries queries) {
      set = new HashSet<>(queries.words);
    }
  }

  /** Commons Collections' PatriciaTrie, used as a set. */
  @State(Scope.Benchmark)
  public static class Patricia {
    PatriciaTrie<Boolean> trie;

    @Setup(Level.Trial)
    public void build(Queries queries) {
      trie = new PatriciaTrie<>();
      for (String word : queries.words) {
        trie.put(word, Boolean.TRUE);
      }
    }
  }

  @Benchmark
  public boolean contains_ours(Queries q, Ours ours) {
    return ours.trie.contains(q.lookup());
  }

  @Benchmark
  public boolean contains_hashSet(Queries q, Hashed hashed) {
    return hashed.set.contains(q.lookup());
  }

  @Benchmark
  public boolean contains_patriciaTrie(Queries q, Patricia patricia) {
    return patricia.trie.containsKey(q.lookup());
  }

  /** Autocomplete: the first ten words with a prefix, in order. */
  @Benchmark
  public List<String> firstTenWithPrefix_ours(Queries q, Ours ours) {
    return ours.trie.wordsWithPrefix(q.prefix(), 10);
  }

  @Benchmark
  public List<String> firstTenWithPrefix_patriciaTrie(Queries q, Patricia patricia) {
    List<String> result = new ArrayList<>(10);
    Iterator<String> words = patricia.trie.prefixMap(q.prefix()).keySet().iterator();
    while (result.size() < 10 && words.hasNext()) {
      result.add(words.next());
    }
    return result;
  }

  /** How many words start with a prefix. */
  @Benchmark
  public int countWithPrefix_ours(Queries q, Ours ours) {
    return ours.trie.countWithPrefix(q.prefix());
  }

  @Benchmark
  public int countWithPrefix_patriciaTrie(Queries q, Patricia patricia) {
    return patricia.trie.prefixMap(q.prefix()).size();
  }
}
