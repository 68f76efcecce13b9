package org.interviewtasks.senior.concurrency.loadbalancer;

import java.util.List;
import java.util.Objects;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;

/**
 * How the balancer picks a worker among those in rotation. Every strategy is thread-safe and picks
 * in O(1) (round robin, power of two choices) or O(n) (least connections) for n candidates.
 */
public sealed interface Strategy
    permits Strategy.RoundRobin, Strategy.LeastConnections, Strategy.PowerOfTwoChoices {

  /** What a strategy may know of a candidate: how many requests it has in flight now. */
  interface Loaded {
    /** Requests sent to it and not yet answered. */
    int inFlight();
  }

  /**
   * Picks one of the candidates.
   *
   * @param candidates the workers in rotation not yet tried for this request; not empty
   * @throws IllegalArgumentException if {@code candidates} is empty
   */
  <T extends Loaded> T pick(List<T> candidates);

  /** Round robin: each in turn. */
  static Strategy roundRobin() {
    return new RoundRobin();
  }

  /** Least connections: the fewest requests in flight, ties taken in turn. */
  static Strategy leastConnections() {
    return new LeastConnections();
  }

  /** Power of two choices: two candidates at random, the less loaded of them. */
  static Strategy powerOfTwoChoices(long seed) {
    return new PowerOfTwoChoices(seed);
  }

  private static void requireCandidates(List<?> candidates) {
    Objects.requireNonNull(candidates, "candidates");
    if (candidates.isEmpty()) {
      throw new IllegalArgumentException("no candidate to pick from");
    }
  }

  /**
   * Each candidate in turn, blind to load: perfectly even counts, so a slow worker gets as many
   * requests as a fast one and its queue grows.
   */
  final class RoundRobin implements Strategy {
    private final AtomicLong next = new AtomicLong();

    RoundRobin() {}

    @Override
    public <T extends Loaded> T pick(List<T> candidates) {
      requireCandidates(candidates);
      return candidates.get((int) Math.floorMod(next.getAndIncrement(), (long) candidates.size()));
    }

    @Override
    public String toString() {
      return "round robin";
    }
  }

  /**
   * The candidate with the fewest requests in flight: adapts to slow workers, but every pick reads
   * every worker's count, and many balancers reading the same counts at once all rush to the same
   * idle worker (herding). Ties go in turn, so an idle cluster is still spread evenly.
   */
  final class LeastConnections implements Strategy {
    private final AtomicLong rotation = new AtomicLong();

    LeastConnections() {}

    @Override
    public <T extends Loaded> T pick(List<T> candidates) {
      requireCandidates(candidates);
      int n = candidates.size();
      int start = (int) Math.floorMod(rotation.getAndIncrement(), (long) n);
      T best = candidates.get(start);
      int bestLoad = best.inFlight();
      for (int k = 1; k < n; k++) {
        T candidate = candidates.get((start + k) % n);
        int load = candidate.inFlight();
        if (load < bestLoad) {
          best = candidate;
          bestLoad = load;
        }
      }
      return best;
    }

    @Override
    public String toString() {
      return "least connections";
    }
  }

  /**
   * Two distinct candidates at random, the one with fewer in flight (Mitzenmacher's "power of two
   * choices"): nearly as good as least connections at O(1), and randomness avoids the herding.
   * Never picks the most loaded of three or more candidates with distinct loads.
   */
  final class PowerOfTwoChoices implements Strategy {
    private final Random random; // thread-safe; contention is nothing beside an HTTP request

    PowerOfTwoChoices(long seed) {
      this.random = new Random(seed);
    }

    @Override
    public <T extends Loaded> T pick(List<T> candidates) {
      requireCandidates(candidates);
      int n = candidates.size();
      if (n == 1) {
        return candidates.get(0);
      }
      int i = random.nextInt(n);
      int j = random.nextInt(n - 1);
      if (j >= i) {
        j++;
      }
      T a = candidates.get(i);
      T b = candidates.get(j);
      return b.inFlight() < a.inFlight() ? b : a;
    }

    @Override
    public String toString() {
      return "power of two choices";
    }
  }
}
