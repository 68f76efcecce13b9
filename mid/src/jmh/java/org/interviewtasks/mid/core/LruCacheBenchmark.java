package org.interviewtasks.mid.core;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One cache operation of a read-through workload (get; on a miss, put) on {@link LruCache}, on
 * {@link LinkedHashMap} in access order with {@code removeEldestEntry}, and on Caffeine, all with
 * room for 1 000 of 4 000 keys drawn with a skew (a few keys are hot, as in real caches).
 *
 * <p>Caffeine is a concurrent cache and evicts by W-TinyLFU, not LRU, so it does more work per
 * operation and keeps a different set of keys: the comparison is of cost per operation, single
 * threaded, not of hit rates. Its maintenance runs on the calling thread ({@code
 * executor(Runnable::run)}) so that no background work escapes the measurement.
 *
 * <p>Methods are named {@code <measure>_<impl>} for the bench report: {@code ours} is {@link
 * LruCache}, each other impl a baseline it is compared with.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 10, time = 1)
public class LruCacheBenchmark {

  static final int CAPACITY = 1_000;
  static final int KEY_SPACE = 4_000;
  static final int TRACE_LENGTH = 1 << 16;

  private Integer[] trace; // boxed once, so that no variant pays for boxing in the loop
  private int position;

  private LruCache<Integer, Integer> ours;
  private Map<Integer, Integer> linkedHashMap;
  private Cache<Integer, Integer> caffeine;

  @Setup
  public void setUp() {
    SplittableRandom random = new SplittableRandom(42);
    trace = new Integer[TRACE_LENGTH];
    for (int i = 0; i < TRACE_LENGTH; i++) {
      double u = random.nextDouble();
      trace[i] = (int) (KEY_SPACE * u * u * u); // skewed towards small keys
    }
    ours = new LruCache<>(CAPACITY);
    linkedHashMap =
        new LinkedHashMap<>(2 * CAPACITY, 0.75f, true) {
          private static final long serialVersionUID = 1L;

          @Override
          protected boolean removeEldestEntry(Map.Entry<Integer, Integer> eldest) {
            return size() > CAPACITY;
          }
        };
    caffeine = Caffeine.newBuilder().maximumSize(CAPACITY).executor(Runnable::run).build();
  }

  private Integer nextKey() {
    Integer key = trace[position];
    position = (position + 1) & (TRACE_LENGTH - 1);
    return key;
  }

  @Benchmark
  public Integer readThrough_ours() {
    Integer key = nextKey();
    Integer value = ours.get(key);
    if (value == null) {
      ours.put(key, key);
      return key;
    }
    return value;
  }

  @Benchmark
  public Integer readThrough_linkedHashMap() {
    Integer key = nextKey();
    Integer value = linkedHashMap.get(key);
    if (value == null) {
      linkedHashMap.put(key, key);
      return key;
    }
    return value;
  }

  @Benchmark
  public Integer readThrough_caffeine() {
    Integer key = nextKey();
    Integer value = caffeine.getIfPresent(key);
    if (value == null) {
      caffeine.put(key, key);
      return key;
    }
    return value;
  }
}
