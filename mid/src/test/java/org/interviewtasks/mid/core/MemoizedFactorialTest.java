package org.interviewtasks.mid.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;
import java.util.stream.Stream;
import org.interviewtasks.common.testing.StdStreams;
import org.interviewtasks.junior.core.Factorial;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class MemoizedFactorialTest {

  static Stream<BiFunction<MemoizedFactorial, Integer, BigInteger>> methods() {
    return Stream.of(MemoizedFactorial::factorial, MemoizedFactorial::recursive);
  }

  @Nested
  class Values {

    @ParameterizedTest
    @MethodSource("org.interviewtasks.mid.core.MemoizedFactorialTest#methods")
    void agreeWithJuniorsFactorial(BiFunction<MemoizedFactorial, Integer, BigInteger> method) {
      MemoizedFactorial memo = new MemoizedFactorial();
      for (int n = 0; n <= 120; n++) {
        assertThat(method.apply(memo, n)).as("%d!", n).isEqualTo(Factorial.iterative(n));
      }
      for (int n = 120; n >= 0; n -= 7) {
        assertThat(method.apply(new MemoizedFactorial(), n)).isEqualTo(Factorial.recursive(n));
      }
    }

    @ParameterizedTest(name = "{0}! = {1}")
    @CsvSource({
      "0, 1",
      "1, 1",
      "2, 2",
      "5, 120",
      "20, 2432902008176640000",
      "25, 15511210043330985984000000"
    })
    void smallFactorials(int n, String expected) {
      assertThat(new MemoizedFactorial().factorial(n)).isEqualTo(expected);
      assertThat(new MemoizedFactorial().recursive(n)).isEqualTo(expected);
    }

    @Test
    void rejectsNegativeArgumentsAndLimits() {
      MemoizedFactorial memo = new MemoizedFactorial();

      assertThatIllegalArgumentException()
          .isThrownBy(() -> memo.factorial(-1))
          .withMessage("no factorial of a negative number: -1");
      assertThatIllegalArgumentException()
          .isThrownBy(() -> memo.recursive(Integer.MIN_VALUE))
          .withMessage("no factorial of a negative number: -2147483648");
      assertThatIllegalArgumentException()
          .isThrownBy(() -> new MemoizedFactorial(-1))
          .withMessage("negative cache limit: -1");
      assertThatIllegalArgumentException()
          .isThrownBy(() -> memo.recursive(Integer.MAX_VALUE))
          .withMessage("n must be at most 30000 (its factorial has 121288 digits): 2147483647");
      assertThatIllegalArgumentException()
          .isThrownBy(() -> memo.factorial(30_001))
          .withMessageStartingWith("n must be at most 30000");
      assertThatIllegalArgumentException()
          .isThrownBy(() -> new MemoizedFactorial(Integer.MAX_VALUE))
          .withMessage("cache limit must be at most 10000: 2147483647");
      assertThat(new MemoizedFactorial(MemoizedFactorial.MAX_CACHE_LIMIT).cacheLimit())
          .isEqualTo(10_000);
      assertThat(memo.cacheLimit()).isEqualTo(MemoizedFactorial.DEFAULT_CACHE_LIMIT);
    }
  }

  @Nested
  class Memoization {

    @Test
    void eachValueIsComputedOnce() {
      MemoizedFactorial memo = new MemoizedFactorial();
      assertThat(memo.cachedCount()).isEqualTo(1); // 0! = 1

      memo.factorial(10);
      assertThat(memo.multiplications()).isEqualTo(10);
      assertThat(memo.cachedCount()).isEqualTo(11);

      memo.factorial(12);
      memo.factorial(5);
      memo.recursive(12);
      assertThat(memo.multiplications()).isEqualTo(12);

      memo.recursive(15);
      assertThat(memo.multiplications()).isEqualTo(15);
      assertThat(memo.cachedCount()).isEqualTo(16);
    }

    @Test
    void recursionStopsAtTheFirstCachedValue() {
      MemoizedFactorial memo = new MemoizedFactorial();

      memo.recursive(30);
      assertThat(memo.multiplications()).isEqualTo(30);
      memo.recursive(31);

      assertThat(memo.multiplications()).isEqualTo(31);
      assertThat(memo.factorial(31)).isEqualTo(Factorial.iterative(31));
    }

    @Test
    void valuesBeyondTheLimitAreComputedButNotKept() {
      MemoizedFactorial memo = new MemoizedFactorial(5);

      assertThat(memo.factorial(8)).isEqualTo(BigInteger.valueOf(40_320));
      assertThat(memo.cachedCount()).isEqualTo(6);
      assertThat(memo.multiplications()).isEqualTo(8);

      assertThat(memo.recursive(8)).isEqualTo(BigInteger.valueOf(40_320));
      assertThat(memo.multiplications()).isEqualTo(11); // 6, 7, 8 again from the cached 5!
      assertThat(memo.recursive(5)).isEqualTo(BigInteger.valueOf(120));
      assertThat(memo.multiplications()).isEqualTo(11);
      assertThat(new MemoizedFactorial(0).factorial(3)).isEqualTo(6);
    }

    @Test
    void deepRecursionGoesInStridesAndStillComputesEachValueOnce() {
      int n = 3 * MemoizedFactorial.STRIDE + 17;
      MemoizedFactorial memo = new MemoizedFactorial(n);

      assertThat(memo.recursive(n)).isEqualTo(Factorial.recursive(n));
      assertThat(memo.multiplications()).isEqualTo(n);
      assertThat(memo.cachedCount()).isEqualTo(n + 1);
    }
  }

  @Test
  void manyThreadsShareOneMemo() throws Exception {
    MemoizedFactorial memo = new MemoizedFactorial(300);
    int threads = 8;
    CountDownLatch start = new CountDownLatch(1);
    List<Future<List<String>>> results = new ArrayList<>();
    try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
      for (int t = 0; t < threads; t++) {
        var random = new SplittableRandom(t);
        results.add(
            pool.submit(
                () -> {
                  start.await();
                  List<String> problems = new ArrayList<>();
                  for (int i = 0; i < 200; i++) {
                    int n = random.nextInt(0, 400);
                    BigInteger value = random.nextBoolean() ? memo.recursive(n) : memo.factorial(n);
                    if (!value.equals(Factorial.iterative(n))) {
                      problems.add(n + "! was " + value);
                    }
                  }
                  return problems;
                }));
      }
      start.countDown();
      for (Future<List<String>> result : results) {
        assertThat(result.get(60, TimeUnit.SECONDS)).isEmpty();
      }
    }
    assertThat(memo.cachedCount()).isEqualTo(301);
  }

  @Test
  void recursiveComputeIfAbsentIsTheTrapTheJavadocDescribes() {
    ConcurrentHashMap<Integer, BigInteger> cache = new ConcurrentHashMap<>();
    class Naive {
      BigInteger factorial(int n) {
        return n < 2
            ? BigInteger.ONE
            : cache.computeIfAbsent(n, k -> factorial(k - 1).multiply(BigInteger.valueOf(k)));
      }
    }

    assertThatThrownBy(() -> new Naive().factorial(20))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("Recursive update");
  }

  @Nested
  class Main {

    @Test
    void printsEachFactorial() throws Exception {
      var printed = StdStreams.capture(() -> MemoizedFactorial.main("5", "0", "21"));

      assertThat(printed.out().lines())
          .containsExactly("5! = 120", "0! = 1", "21! = 51090942171709440000");
    }

    @Test
    void rejectsBadUsage() {
      assertThatIllegalArgumentException()
          .isThrownBy(MemoizedFactorial::main)
          .withMessage("usage: mid.core.7 <n> [n...]");
      assertThatIllegalArgumentException()
          .isThrownBy(() -> MemoizedFactorial.main("x"))
          .withMessage("not an int: 'x'");
    }
  }
}
