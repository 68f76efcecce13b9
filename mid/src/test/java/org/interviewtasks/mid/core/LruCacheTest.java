package org.interviewtasks.mid.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntFunction;
import java.util.stream.LongStream;
import org.interviewtasks.common.testing.Seeds;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class LruCacheTest {

  @Nested
  class Eviction {

    @Test
    void evictsTheLeastRecentlyUsedEntry() {
      List<String> evicted = new ArrayList<>();
      LruCache<String, Integer> cache = new LruCache<>(2, (k, v) -> evicted.add(k + "=" + v));
      cache.put("a", 1);
      cache.put("b", 2);

      cache.put("c", 3);

      assertThat(cache.get("a")).isNull();
      assertThat(cache.keys()).containsExactly("c", "b");
      assertThat(evicted).containsExactly("a=1");
      assertThat(cache.size()).isEqualTo(2);
    }

    @Test
    void aGetMakesAnEntryTheMostRecent() {
      LruCache<String, Integer> cache = new LruCache<>(3);
      cache.put("a", 1);
      cache.put("b", 2);
      cache.put("c", 3);

      assertThat(cache.get("a")).isEqualTo(1);
      cache.put("d", 4);

      assertThat(cache.keys()).containsExactly("d", "a", "c");
      assertThat(cache.peek("b")).isNull();
    }

    @Test
    void anUpdateMakesAnEntryTheMostRecentAndReturnsTheOldValue() {
      List<String> evicted = new ArrayList<>();
      LruCache<String, Integer> cache = new LruCache<>(2, (k, v) -> evicted.add(k));
      cache.put("a", 1);
      cache.put("b", 2);

      assertThat(cache.put("a", 10)).isEqualTo(1);
      cache.put("c", 3);

      assertThat(cache.keys()).containsExactly("c", "a");
      assertThat(cache.get("a")).isEqualTo(10);
      assertThat(evicted).containsExactly("b");
      assertThat(cache.put("z", 26)).isNull();
    }

    @Test
    void peekDoesNotChangeTheOrder() {
      LruCache<String, Integer> cache = new LruCache<>(2);
      cache.put("a", 1);
      cache.put("b", 2);

      assertThat(cache.peek("a")).isEqualTo(1);
      cache.put("c", 3);

      assertThat(cache.keys()).containsExactly("c", "b");
      assertThat(cache.peek("missing")).isNull();
    }

    @Test
    void capacityOneKeepsOnlyTheLastKey() {
      List<String> evicted = new ArrayList<>();
      LruCache<String, String> cache = new LruCache<>(1, (k, v) -> evicted.add(k));
      cache.put("x", "1");
      assertThat(cache.get("x")).isEqualTo("1");

      cache.put("y", "2");
      cache.put("y", "3");
      cache.put("z", "4");

      assertThat(cache.keys()).containsExactly("z");
      assertThat(cache.get("y")).isNull();
      assertThat(evicted).containsExactly("x", "y");
      assertThat(cache.capacity()).isEqualTo(1);
    }

    @Test
    void removeAndMissesAreNotEvictions() {
      List<String> evicted = new ArrayList<>();
      LruCache<String, Integer> cache = new LruCache<>(2, (k, v) -> evicted.add(k));
      cache.put("a", 1);
      cache.put("b", 2);

      assertThat(cache.remove("a")).isEqualTo(1);
      assertThat(cache.remove("a")).isNull();
      assertThat(cache.get("a")).isNull();
      cache.put("c", 3);

      assertThat(evicted).isEmpty();
      assertThat(cache.keys()).containsExactly("c", "b");
      assertThat(cache.remove("b")).isEqualTo(2);
      assertThat(cache.remove("c")).isEqualTo(3);
      assertThat(cache.keys()).isEmpty();
      assertThat(cache.size()).isZero();
      cache.put("d", 4);
      assertThat(cache.keys()).containsExactly("d");
    }

    @Test
    void theListenerSeesAConsistentCacheAndItsFailureDoesNotUndoTheEviction() {
      List<String> seen = new ArrayList<>();
      AtomicReference<LruCache<String, Integer>> holder = new AtomicReference<>();
      holder.set(
          new LruCache<>(
              2,
              (k, v) -> {
                seen.add(
                    k + " gone, size " + holder.get().size() + ", keys " + holder.get().keys());
                throw new IllegalStateException("listener failed");
              }));
      LruCache<String, Integer> cache = holder.get();
      cache.put("a", 1);
      cache.put("b", 2);

      assertThatIllegalStateException()
          .isThrownBy(() -> cache.put("c", 3))
          .withMessage("listener failed");

      assertThat(seen).containsExactly("a gone, size 2, keys [c, b]");
      assertThat(cache.keys()).containsExactly("c", "b");
    }
  }

  @Nested
  class Validation {

    @ParameterizedTest(name = "capacity {0}")
    @CsvSource({"0", "-1", "-2147483648"})
    void capacityMustBePositive(int capacity) {
      assertThatIllegalArgumentException()
          .isThrownBy(() -> new LruCache<String, String>(capacity))
          .withMessage("capacity must be at least 1, was " + capacity);
    }

    @Test
    void aHugeCapacityDoesNotPreallocate() {
      LruCache<Integer, Integer> cache = new LruCache<>(Integer.MAX_VALUE);
      cache.put(1, 1);

      assertThat(cache.capacity()).isEqualTo(Integer.MAX_VALUE);
      assertThat(cache.size()).isEqualTo(1);
    }

    @Test
    void rejectsNullKeysValuesAndListener() {
      LruCache<String, String> cache = new LruCache<>(2);

      assertThatNullPointerException().isThrownBy(() -> cache.get(null)).withMessage("key");
      assertThatNullPointerException().isThrownBy(() -> cache.peek(null)).withMessage("key");
      assertThatNullPointerException().isThrownBy(() -> cache.remove(null)).withMessage("key");
      assertThatNullPointerException().isThrownBy(() -> cache.put(null, "v")).withMessage("key");
      assertThatNullPointerException().isThrownBy(() -> cache.put("k", null)).withMessage("value");
      assertThatNullPointerException()
          .isThrownBy(() -> new LruCache<String, String>(1, null))
          .withMessage("evictionListener");
      assertThat(cache.size()).isZero();
    }

    @Test
    void printsEntriesFromMostToLeastRecent() {
      LruCache<String, Integer> cache = new LruCache<>(3);
      assertThat(cache).hasToString("{}");
      cache.put("a", 1);
      cache.put("b", 2);
      cache.get("a");

      assertThat(cache).hasToString("{a=1, b=2}");
      assertThat(cache.keys()).isUnmodifiable();
    }
  }

  /** The JDK's LRU map: access order, and eviction of the eldest entry above capacity. */
  static final class Oracle<K> extends LinkedHashMap<K, Integer> {
    private static final long serialVersionUID = 1L;
    final int capacity;
    final transient List<K> evicted = new ArrayList<>();

    Oracle(int capacity) {
      super(16, 0.75f, true);
      this.capacity = capacity;
    }

    @Override
    protected boolean removeEldestEntry(Map.Entry<K, Integer> eldest) {
      if (size() > capacity) {
        evicted.add(eldest.getKey());
        return true;
      }
      return false;
    }

    /** The value for key without counting as an access. */
    Integer peek(K key) {
      for (Map.Entry<K, Integer> entry : entrySet()) {
        if (entry.getKey().equals(key)) {
          return entry.getValue();
        }
      }
      return null;
    }

    /** Keys from the most to the least recently used. */
    List<K> keysMostRecentFirst() {
      List<K> keys = new ArrayList<>(keySet());
      Collections.reverse(keys);
      return keys;
    }
  }

  /**
   * Runs {@code operations} random puts, gets, peeks and removes on the cache and on the oracle,
   * comparing every answer and the size, the order of use every {@code orderEvery} operations and
   * at the end, and the evictions.
   */
  static <K> void compareWithOracle(
      SplittableRandom random,
      int capacity,
      int keySpace,
      int operations,
      int orderEvery,
      IntFunction<K> keyOf) {
    List<K> evicted = new ArrayList<>();
    LruCache<K, Integer> cache = new LruCache<>(capacity, (k, v) -> evicted.add(k));
    Oracle<K> oracle = new Oracle<>(capacity);

    for (int op = 0; op < operations; op++) {
      K key = keyOf.apply(random.nextInt(keySpace));
      switch (random.nextInt(5)) {
        case 0, 1 -> {
          Integer value = random.nextInt(1000);
          assertThat(cache.put(key, value)).isEqualTo(oracle.put(key, value));
        }
        case 2 -> assertThat(cache.get(key)).isEqualTo(oracle.get(key));
        case 3 -> assertThat(cache.peek(key)).isEqualTo(oracle.peek(key));
        default -> assertThat(cache.remove(key)).isEqualTo(oracle.remove(key));
      }
      assertThat(cache.size()).isEqualTo(oracle.size()).isLessThanOrEqualTo(capacity);
      if (op % orderEvery == 0) {
        assertThat(cache.keys()).isEqualTo(oracle.keysMostRecentFirst());
      }
    }
    assertThat(cache.keys()).isEqualTo(oracle.keysMostRecentFirst());
    assertThat(evicted).isEqualTo(oracle.evicted);
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void behavesLikeAnAccessOrderedLinkedHashMap(long seed) {
    var random = new SplittableRandom(seed);
    int capacity = random.nextInt(1, 12);
    int keySpace = capacity + random.nextInt(1, 2 * capacity + 2);
    compareWithOracle(random, capacity, keySpace, 400, 1, Integer::valueOf);
  }

  static LongStream seeds() {
    return Seeds.derive(200);
  }

  /** The hand-written hash table under the list: growth, collisions, removal inside a chain. */
  @Nested
  class HashTable {

    /** A key whose hash code is its id modulo a few: many keys share a bucket's chain. */
    record Colliding(int id) {
      @Override
      public int hashCode() {
        return id % 3;
      }
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("org.interviewtasks.mid.core.LruCacheTest#largeSeeds")
    void growsAsItFillsAndStillBehavesLikeTheOracle(long seed) {
      var random = new SplittableRandom(seed);
      int capacity = random.nextInt(13, 3_000);
      int keySpace = capacity + random.nextInt(1, capacity);
      compareWithOracle(random, capacity, keySpace, 12_000, 1_000, Integer::valueOf);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("org.interviewtasks.mid.core.LruCacheTest#largeSeeds")
    void keysWithCollidingHashCodesAreStillTold(long seed) {
      var random = new SplittableRandom(seed);
      int capacity = random.nextInt(1, 40);
      int keySpace = capacity + random.nextInt(1, 2 * capacity + 2);
      compareWithOracle(random, capacity, keySpace, 2_000, 1, Colliding::new);
    }

    @Test
    void aFullTableKeepsEveryEntryAndEvictsTheEldest() {
      int capacity = 100_000; // the table starts with 16 buckets and doubles 13 times
      List<Integer> evicted = new ArrayList<>();
      LruCache<Integer, Integer> cache = new LruCache<>(capacity, (k, v) -> evicted.add(k));
      for (int i = 0; i < capacity; i++) {
        assertThat(cache.put(i, -i)).isNull();
      }
      for (int i = 0; i < capacity; i++) {
        assertThat(cache.peek(i)).isEqualTo(-i);
      }
      assertThat(cache.size()).isEqualTo(capacity);

      cache.put(capacity, 0);

      assertThat(evicted).containsExactly(0);
      assertThat(cache.peek(0)).isNull();
      assertThat(cache.keys()).hasSize(capacity).startsWith(capacity, capacity - 1).endsWith(1);
    }

    @Test
    void removingTheMiddleOfAChainKeepsItsNeighbours() {
      LruCache<Colliding, Integer> cache = new LruCache<>(10);
      for (int i = 0; i < 9; i++) {
        cache.put(new Colliding(i), i); // ids 0, 3, 6 share a chain; so do 1, 4, 7 and 2, 5, 8
      }

      assertThat(cache.remove(new Colliding(3))).isEqualTo(3);
      assertThat(cache.remove(new Colliding(3))).isNull();

      assertThat(cache.peek(new Colliding(0))).isZero();
      assertThat(cache.peek(new Colliding(6))).isEqualTo(6);
      assertThat(cache.get(new Colliding(7))).isEqualTo(7);
      assertThat(cache.remove(new Colliding(1))).isEqualTo(1);
      assertThat(cache.get(new Colliding(4))).isEqualTo(4);
      assertThat(cache.keys()).extracting(Colliding::id).containsExactly(4, 7, 8, 6, 5, 2, 0);
    }
  }

  static LongStream largeSeeds() {
    return Seeds.derive(12);
  }
}
