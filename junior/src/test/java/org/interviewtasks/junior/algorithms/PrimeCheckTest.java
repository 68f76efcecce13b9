package org.interviewtasks.junior.algorithms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.math.BigInteger;
import java.util.Random;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.interviewtasks.common.testing.Seeds;
import org.interviewtasks.common.testing.StdStreams;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class PrimeCheckTest {

  @Nested
  class MillerRabin {

    @ParameterizedTest(name = "{0}")
    @ValueSource(
        longs = {
          2,
          3,
          5,
          7,
          11,
          13,
          31,
          37,
          41,
          43,
          97,
          1_009,
          7_919,
          65_537,
          2_147_483_647L,
          1_000_000_007L,
          4_294_967_291L,
          1_000_000_000_039L,
          9_007_199_254_740_881L,
          2_305_843_009_213_693_951L,
          9_223_372_036_854_775_783L
        })
    void recognisesPrimes(long prime) {
      assertThat(PrimeCheck.isPrime(prime)).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(
        longs = {
          Long.MIN_VALUE,
          -7,
          -2,
          -1,
          0,
          1,
          4,
          6,
          9,
          15,
          25,
          49,
          74,
          111,
          1_369,
          1_681,
          3_599,
          // Carmichael numbers, which fool the Fermat test for every coprime base
          561,
          1_105,
          41_041,
          825_265,
          // strong pseudoprimes to base 2; to bases 2, 3; 2, 3, 5; and 2 through 7
          2_047,
          1_373_653,
          25_326_001,
          3_215_031_751L,
          // a strong pseudoprime to every prime base up to 31: only base 37 catches it
          3_825_123_056_546_413_051L,
          // squares and products of two large primes
          4_611_686_014_132_420_609L,
          999_999_866_000_004_473L,
          1_000_000_016_000_000_063L,
          Long.MAX_VALUE,
          Long.MAX_VALUE - 1,
          9_223_372_036_854_775_781L
        })
    void recognisesNonPrimes(long n) {
      assertThat(PrimeCheck.isPrime(n)).isFalse();
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("org.interviewtasks.junior.algorithms.PrimeCheckTest#seeds")
    void agreesWithBigIntegerOnTheWholeLongRange(long seed) {
      var random = new SplittableRandom(seed);
      int bits = random.nextInt(2, 64);
      long prime = BigInteger.probablePrime(bits, new Random(seed)).longValueExact();
      long other = random.nextLong(1L << (bits - 1), Long.MAX_VALUE >> (63 - bits));
      long semiprime = small(random) * prime;
      for (long n : new long[] {prime, other, other | 1, semiprime, prime + 2, -prime}) {
        assertThat(PrimeCheck.isPrime(n))
            .as("%d", n)
            .isEqualTo(n > 1 && BigInteger.valueOf(n).isProbablePrime(100));
      }
    }

    private static long small(SplittableRandom random) {
      return random.nextInt(2, 4);
    }
  }

  @Nested
  class TrialDivision {

    @Test
    void agreesWithMillerRabinOnEveryNumberUpTo100000() {
      for (long n = -10; n <= 100_000; n++) {
        assertThat(PrimeCheck.isPrimeByTrialDivision(n))
            .as("%d", n)
            .isEqualTo(PrimeCheck.isPrime(n));
      }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(
        longs = {
          1_000_000_007L,
          999_999_999_989L,
          1_000_000_000_039L,
          4_294_967_291L,
          2_147_483_647L
        })
    void recognisesLargePrimes(long prime) {
      assertThat(PrimeCheck.isPrimeByTrialDivision(prime)).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(
        longs = {
          Long.MIN_VALUE,
          Long.MAX_VALUE,
          Long.MAX_VALUE - 1,
          3_215_031_751L,
          999_983L * 999_983L,
          999_979L * 999_983L,
          1_000_003L * 999_999_999_989L
        })
    void recognisesLargeNonPrimesWithinItsPracticalLimit(long n) {
      assertThat(PrimeCheck.isPrimeByTrialDivision(n)).isFalse();
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("org.interviewtasks.junior.algorithms.PrimeCheckTest#seeds")
    void agreesWithMillerRabinBelowTenToTheTwelve(long seed) {
      long n = new SplittableRandom(seed).nextLong(1_000_000_000_000L);

      assertThat(PrimeCheck.isPrimeByTrialDivision(n)).as("%d", n).isEqualTo(PrimeCheck.isPrime(n));
    }
  }

  @Nested
  class Main {

    @Test
    void printsAVerdictPerArgument() throws Exception {
      var printed = StdStreams.capture(() -> PrimeCheck.main("97", " 91 ", "9223372036854775783"));

      assertThat(printed.out())
          .isEqualTo(
              String.join(
                  System.lineSeparator(),
                  "97 is prime",
                  "91 is not prime",
                  "9223372036854775783 is prime",
                  ""));
    }

    @Test
    void rejectsNoArgumentsAndNonNumbers() {
      assertThatIllegalArgumentException()
          .isThrownBy(PrimeCheck::main)
          .withMessage("usage: junior.algorithms.5 <number> [number...]");
      assertThatIllegalArgumentException()
          .isThrownBy(() -> PrimeCheck.main("9223372036854775808"))
          .withMessage("not a long: '9223372036854775808'");
    }
  }

  static LongStream seeds() {
    return Seeds.derive(200);
  }
}
