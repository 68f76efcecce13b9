package org.interviewtasks.common.testing;

import java.util.SplittableRandom;
import java.util.stream.LongStream;

/**
 * Seeds for randomized property tests, fixed so every run is repeatable.
 *
 * <p>Use as a {@code @MethodSource} and put the seed in the test name, so a failure names the seed
 * that produced it:
 *
 * <pre>{@code
 * static LongStream seeds() { return Seeds.derive(50); }
 *
 * @ParameterizedTest(name = "seed {0}")
 * @MethodSource("seeds")
 * void agreesWithOracle(long seed) { var random = new SplittableRandom(seed); ... }
 * }</pre>
 *
 * Re-run one failing case with {@code -Dseed=<the seed>}: then {@link #derive} yields that seed
 * alone.
 */
public final class Seeds {

  /** The base every derived seed comes from, unless {@code -Dseed} is given. */
  public static final long BASE = 0x5EED_2026L;

  private Seeds() {}

  /** {@code count} seeds derived from {@link #BASE}, or only the seed given by {@code -Dseed}. */
  public static LongStream derive(int count) {
    String forced = System.getProperty("seed");
    if (forced != null && !forced.isBlank()) {
      return LongStream.of(Long.parseLong(forced.strip()));
    }
    return new SplittableRandom(BASE).longs(count);
  }
}
