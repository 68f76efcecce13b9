package org.interviewtasks.mid.core;

import java.math.BigInteger;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import org.interviewtasks.common.Args;
import org.interviewtasks.common.Task;
import org.interviewtasks.junior.core.Factorial;

/**
 * Computes factorials with memoization: each n! is computed once, kept, and reused by later calls,
 * safely from many threads.
 *
 * <p><b>What memoization is.</b> A pure function always returns the same result for the same
 * argument, so its results can be cached: the first call computes and stores, later calls look up.
 * For a recursive function it pays twice: n! = n · (n − 1)!, so computing 50! after 49! is one
 * multiplication, not fifty. (It pays most when subproblems overlap, as in naive Fibonacci, where
 * it turns exponential time into linear.) Python's {@code @functools.cache} is a decorator that
 * does this for any function; in Java the cache is explicit.
 *
 * <p><b>Approach.</b> The cache is a {@link ConcurrentHashMap} from n to n!, safe for concurrent
 * readers and writers, plus the largest n below which every value is cached. {@link
 * #recursive(int)} is the textbook memoized recursion: look up n; on a miss, compute n · (n − 1)!
 * recursively and store it. {@link #factorial(int)} fills the same cache bottom-up with a loop from
 * the largest cached value: no recursion at all. Two threads may compute the same value at the same
 * time; both get the same number and {@code putIfAbsent} keeps the first, a benign race that costs
 * one extra multiplication but never a lock.
 *
 * <p><b>The {@code computeIfAbsent} pitfall.</b> The tempting one-liner {@code
 * cache.computeIfAbsent(n, k -> k * f(k - 1))} calls {@code f} inside the mapping function, which
 * then updates the map while the map is in the middle of updating it. The contract forbids that:
 * {@link ConcurrentHashMap} detects it when the two keys meet in the same bin and throws {@link
 * IllegalStateException} ("Recursive update"), may otherwise deadlock or corrupt itself, and {@link
 * java.util.HashMap} throws {@link java.util.ConcurrentModificationException}. Hence the get,
 * compute outside, {@code putIfAbsent} pattern here.
 *
 * <p><b>Edge cases.</b> A cold recursive call is still n frames deep; {@link #recursive(int)} keeps
 * the depth bounded by first warming the cache in strides of {@value #STRIDE} (the trick Python
 * programmers use instead of raising the recursion limit), so it never goes deeper than that,
 * whatever n. Memory is the real limit: n! has about n log₁₀ n digits, and all the values up to n
 * take O(n² log n) bits, so only n up to {@link #cacheLimit()} is cached; larger n multiply up from
 * the largest cached value without storing. A negative n, or one above junior's {@link
 * Factorial#MAX_N} (the same contract), is an {@link IllegalArgumentException}. The answers are
 * checked against {@link Factorial} (junior.core.7) in the tests.
 *
 * <p><b>Follow-up.</b> <i>"Evict old entries?"</i> A bounded cache (an LRU, see {@link LruCache})
 * for functions with unbounded domains. <i>"Memoize any function?"</i> A higher-order {@code
 * memoize(Function)} with a concurrent map, for non-recursive functions; recursive ones need the
 * recursion to go through the memoized version, which is why Java memoizers take the function as a
 * {@code BiFunction} of itself.
 */
@Task(id = "mid.core.7", title = "Memoized factorial", usage = "<n> [n...]   each n in 0..30000")
public final class MemoizedFactorial {

  /** How far {@link #recursive(int)} recurses at most before the cache catches up. */
  public static final int STRIDE = 1_000;

  /** The default largest n whose factorial is kept: all values up to it take about 2.2 MB. */
  public static final int DEFAULT_CACHE_LIMIT = 2_000;

  /** The largest accepted cache limit: every value up to 10000! takes about 56 MB. */
  public static final int MAX_CACHE_LIMIT = 10_000;

  private final int cacheLimit;
  private final ConcurrentMap<Integer, BigInteger> cache = new ConcurrentHashMap<>();
  private final AtomicInteger contiguous = new AtomicInteger(); // 0! … contiguous! are all cached
  private final LongAdder multiplications = new LongAdder();

  /** A memo that keeps factorials up to {@value #DEFAULT_CACHE_LIMIT}!. */
  public MemoizedFactorial() {
    this(DEFAULT_CACHE_LIMIT);
  }

  /**
   * A memo that keeps factorials up to {@code cacheLimit}!.
   *
   * @throws IllegalArgumentException if {@code cacheLimit} is negative or above {@value
   *     #MAX_CACHE_LIMIT}
   */
  public MemoizedFactorial(int cacheLimit) {
    if (cacheLimit < 0) {
      throw new IllegalArgumentException("negative cache limit: " + cacheLimit);
    }
    if (cacheLimit > MAX_CACHE_LIMIT) {
      throw new IllegalArgumentException(
          "cache limit must be at most " + MAX_CACHE_LIMIT + ": " + cacheLimit);
    }
    this.cacheLimit = cacheLimit;
    cache.put(0, BigInteger.ONE);
  }

  /** The largest n whose factorial is kept. */
  public int cacheLimit() {
    return cacheLimit;
  }

  /** How many values are cached. */
  public int cachedCount() {
    return cache.size();
  }

  /** How many multiplications all calls so far have done: what the memo saves. */
  public long multiplications() {
    return multiplications.sum();
  }

  /**
   * n!, by a loop up from the largest cached value.
   *
   * @throws IllegalArgumentException if n is negative or above {@link Factorial#MAX_N}
   */
  public BigInteger factorial(int n) {
    Factorial.requireSupported(n);
    BigInteger cached = cache.get(n);
    if (cached != null) {
      return cached;
    }
    int k = contiguous.get();
    BigInteger value = cache.get(k);
    while (k < n) {
      k++;
      value = multiply(value, k);
      if (k <= cacheLimit) {
        store(k, value);
      }
    }
    return value;
  }

  /**
   * n!, by memoized recursion: n · (n − 1)!, each value looked up before it is computed.
   *
   * @throws IllegalArgumentException if n is negative or above {@link Factorial#MAX_N}
   */
  public BigInteger recursive(int n) {
    Factorial.requireSupported(n);
    if (n > cacheLimit) {
      return factorial(n); // beyond the cache, recursion would only cost stack
    }
    for (int warm = contiguous.get() + STRIDE; warm < n; warm += STRIDE) {
      memoized(warm); // at most STRIDE frames deep, each leaves the cache warmer
    }
    return memoized(n);
  }

  private BigInteger memoized(int n) {
    BigInteger cached = cache.get(n);
    if (cached != null) {
      return cached;
    }
    BigInteger value = multiply(memoized(n - 1), n); // outside any map operation: see above
    store(n, value);
    return value;
  }

  private BigInteger multiply(BigInteger factorial, int k) {
    multiplications.increment();
    return factorial.multiply(BigInteger.valueOf(k));
  }

  /** Caches k!; (k − 1)! is cached already, so the contiguous range may grow to k. */
  private void store(int k, BigInteger value) {
    cache.putIfAbsent(k, value);
    contiguous.accumulateAndGet(k, Math::max);
  }

  /**
   * Prints {@code n! = value} for each argument, computed with one shared memo.
   *
   * @throws IllegalArgumentException if there are no arguments, or one is not a non-negative int
   */
  public static void main(String... args) {
    if (args.length == 0) {
      throw new IllegalArgumentException("usage: mid.core.7 <n> [n...]");
    }
    MemoizedFactorial memo = new MemoizedFactorial();
    for (String arg : args) {
      int n = Args.toInt(arg);
      System.out.println(n + "! = " + memo.recursive(n));
    }
  }
}
