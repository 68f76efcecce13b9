package org.interviewtasks.junior.algorithms;

import org.interviewtasks.common.Args;
import org.interviewtasks.common.Task;

/**
 * Checks whether a number is prime: greater than 1 and divisible only by 1 and itself.
 *
 * <p><b>Approach.</b> Two methods, correct for every {@code long}. {@link #isPrimeByTrialDivision}
 * is the classic answer: rule out 2 and 3, then try the divisors 6k ± 1 up to √n (every prime above
 * 3 has that form). That is O(√n): instant up to about 10¹², but a prime near {@code
 * Long.MAX_VALUE} takes a billion divisions, seconds. {@link #isPrime} is the deterministic
 * Miller–Rabin test: write n − 1 = d · 2ˢ with d odd; for a prime n and any base a, the sequence
 * aᵈ, a²ᵈ, a⁴ᵈ, …, a^(2ˢ⁻¹d) mod n either starts at 1 or reaches n − 1. A composite fails that for
 * most bases, and checking the twelve prime bases 2, 3, …, 37 is proven to catch every composite
 * below 3.1 · 10²³, far beyond 2⁶⁴, so for 64-bit numbers the answer is exact, not probable. O(log³
 * n): microseconds.
 *
 * <p>The products in a·b mod n would overflow a {@code long} once n exceeds about 3 · 10⁹, so
 * {@code mulMod} multiplies by doubling and adding, reducing mod n at each step so that no
 * intermediate value exceeds n; likewise {@code i <= n / i} replaces {@code i * i <= n} in the
 * trial division.
 *
 * <p><b>Edge cases.</b> 0, 1 and every negative number are not prime, by definition; 2 is the only
 * even prime. Carmichael numbers such as 561, which fool the simpler Fermat test, and strong
 * pseudoprimes to several bases such as 3 215 031 751 are recognised as composite. {@code
 * Long.MAX_VALUE} = 2⁶³ − 1 is composite (7² · 73 · …); the largest {@code long} prime is 2⁶³ − 25.
 *
 * <p><b>Follow-up.</b> <i>"All primes up to n?"</i> The sieve of Eratosthenes: O(n log log n) time,
 * O(n) bits. <i>"And beyond 64 bits?"</i> {@link java.math.BigInteger#isProbablePrime}
 * (Miller–Rabin with random bases plus a Lucas test): the error probability is negligible but not
 * zero.
 */
@Task(id = "junior.algorithms.5", title = "Prime check", usage = "<number> [number...]")
public final class PrimeCheck {

  /** Bases that make Miller–Rabin exact for every n below 3.1 · 10²³, so for every long. */
  private static final long[] BASES = {2, 3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37};

  private PrimeCheck() {}

  /** Whether {@code n} is prime, by deterministic Miller–Rabin; fast for every long. */
  public static boolean isPrime(long n) {
    if (n < 2) {
      return false;
    }
    for (long base : BASES) { // also answers every n up to 37
      if (n % base == 0) {
        return n == base;
      }
    }
    long d = n - 1;
    int s = Long.numberOfTrailingZeros(d);
    d >>= s;
    for (long base : BASES) {
      if (!passesRound(base, d, s, n)) {
        return false;
      }
    }
    return true;
  }

  /** Whether odd {@code n = d · 2^s + 1} is a strong probable prime to {@code base}. */
  private static boolean passesRound(long base, long d, int s, long n) {
    long x = powMod(base, d, n);
    if (x == 1 || x == n - 1) {
      return true;
    }
    for (int r = 1; r < s; r++) {
      x = mulMod(x, x, n);
      if (x == n - 1) {
        return true;
      }
    }
    return false;
  }

  /** {@code base^exponent mod m} by square-and-multiply, for 0 &lt;= base &lt; m. */
  private static long powMod(long base, long exponent, long m) {
    long result = 1;
    long power = base;
    for (long e = exponent; e > 0; e >>= 1) {
      if ((e & 1) == 1) {
        result = mulMod(result, power, m);
      }
      power = mulMod(power, power, m);
    }
    return result;
  }

  /** {@code a · b mod m} without overflow, for 0 &lt;= a, b &lt; m: doubling and adding. */
  private static long mulMod(long a, long b, long m) {
    long result = 0;
    for (int bit = 63 - Long.numberOfLeadingZeros(b); bit >= 0; bit--) {
      result = addMod(result, result, m);
      if (((b >>> bit) & 1) == 1) {
        result = addMod(result, a, m);
      }
    }
    return result;
  }

  /** {@code (a + b) mod m} without overflow, for 0 &lt;= a, b &lt; m. */
  private static long addMod(long a, long b, long m) {
    return a >= m - b ? a - (m - b) : a + b;
  }

  /**
   * Whether {@code n} is prime, by trial division with 6k ± 1 up to √n: O(√n), practical up to
   * about 10¹⁴ (a few million divisions), correct but slow beyond.
   */
  public static boolean isPrimeByTrialDivision(long n) {
    if (n < 2) {
      return false;
    }
    if (n % 2 == 0) {
      return n == 2;
    }
    if (n % 3 == 0) {
      return n == 3;
    }
    for (long i = 5; i <= n / i; i += 6) {
      if (n % i == 0 || n % (i + 2) == 0) {
        return false;
      }
    }
    return true;
  }

  /**
   * Prints, for each argument, whether it is prime, e.g. {@code 97 is prime}.
   *
   * @throws IllegalArgumentException if there is no argument or one is not a long
   */
  public static void main(String... args) {
    if (args.length == 0) {
      throw new IllegalArgumentException("usage: junior.algorithms.5 <number> [number...]");
    }
    for (long n : Args.toLongs(args)) {
      System.out.println(n + (isPrime(n) ? " is prime" : " is not prime"));
    }
  }
}
