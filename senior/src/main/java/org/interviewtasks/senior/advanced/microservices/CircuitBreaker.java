package org.interviewtasks.senior.advanced.microservices;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A circuit breaker over a sliding window of the last {@code windowSize} call outcomes: it stops
 * calling a server that keeps failing, so that callers fail fast instead of waiting out timeouts,
 * and the server gets room to recover.
 *
 * <ul>
 *   <li><b>CLOSED</b>: calls pass; each outcome enters the window (a ring buffer of booleans and a
 *       running failure count, O(1) per call). Once the window holds at least {@code
 *       min(minimumCalls, windowSize)} outcomes and the failure rate is at least the threshold, the
 *       breaker opens.
 *   <li><b>OPEN</b>: every call is refused at once. The first call asked for after {@code
 *       openDuration} has passed (strictly) moves the breaker to half-open.
 *   <li><b>HALF_OPEN</b>: exactly {@code halfOpenCalls} trial calls are let through, others
 *       refused; when all their outcomes are in, the breaker opens again if their failure rate
 *       reaches the threshold, and closes (with an empty window) otherwise.
 * </ul>
 *
 * These are the semantics of Resilience4j's count-based {@code CircuitBreaker} (without its slow-
 * call rule), and the tests hold the two against each other on random outcome sequences.
 *
 * <p>Protocol: {@link #tryAcquire()} before a call; if it returned true, exactly one of {@link
 * #onSuccess()}, {@link #onFailure()} or {@link #release()} (the outcome says nothing about the
 * server, e.g. the caller cancelled) after it. Thread-safe: every method is a short critical
 * section under the breaker's lock, nothing beside the network call it guards. Time comes from an
 * {@link InstantSource}, so tests move through the open period without waiting.
 */
public final class CircuitBreaker {

  private static final Logger LOG = LoggerFactory.getLogger(CircuitBreaker.class);

  /** The largest accepted window. */
  public static final int MAX_WINDOW = 10_000;

  /** The breaker's states. */
  public enum State {
    /** Calls pass and are counted. */
    CLOSED,
    /** Calls are refused. */
    OPEN,
    /** A few trial calls pass. */
    HALF_OPEN
  }

  /**
   * The breaker's settings.
   *
   * @param windowSize how many recent outcomes the failure rate is computed over, 1 to {@value
   *     CircuitBreaker#MAX_WINDOW}
   * @param minimumCalls outcomes needed before the rate is judged, at least 1 (capped at the
   *     window)
   * @param failureRatePercent the failure rate, 1 to 100, at or above which the breaker opens
   * @param openDuration how long the breaker stays open before a trial, positive
   * @param halfOpenCalls trial calls in half-open state, 1 to {@value CircuitBreaker#MAX_WINDOW}
   */
  public record Config(
      int windowSize,
      int minimumCalls,
      int failureRatePercent,
      Duration openDuration,
      int halfOpenCalls) {

    /** Checks the settings. */
    public Config {
      inRange("windowSize", windowSize, 1, MAX_WINDOW);
      inRange("minimumCalls", minimumCalls, 1, Integer.MAX_VALUE);
      inRange("failureRatePercent", failureRatePercent, 1, 100);
      Objects.requireNonNull(openDuration, "openDuration");
      if (openDuration.isZero() || openDuration.isNegative()) {
        throw new IllegalArgumentException("openDuration must be > 0: " + openDuration);
      }
      inRange("halfOpenCalls", halfOpenCalls, 1, MAX_WINDOW);
    }

    /** Resilience4j's defaults: a window of 100, 50%, 60 s open, 10 trial calls. */
    public static Config defaults() {
      return new Config(100, 100, 50, Duration.ofSeconds(60), 10);
    }

    private static void inRange(String name, int value, int min, int max) {
      if (value < min || value > max) {
        throw new IllegalArgumentException(
            name + " must be in [" + min + ", " + max + "]: " + value);
      }
    }
  }

  private final String name;
  private final Config config;
  private final InstantSource clock;
  private final boolean[] window;
  private final int minimumCalls;
  private final int minimumTrials;

  // All guarded by this.
  private State state = State.CLOSED;
  private int next;
  private int recorded;
  private int failures;
  private Instant openedAt;
  private int trialPermits;
  private int trialOutcomes;
  private int trialFailures;
  private long transitions;

  /**
   * A closed breaker.
   *
   * @param name for logs and messages
   * @param config the settings
   * @param clock where time comes from
   */
  public CircuitBreaker(String name, Config config, InstantSource clock) {
    this.name = Objects.requireNonNull(name, "name");
    this.config = Objects.requireNonNull(config, "config");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.window = new boolean[config.windowSize()];
    this.minimumCalls = Math.min(config.minimumCalls(), config.windowSize());
    this.minimumTrials = Math.min(config.minimumCalls(), config.halfOpenCalls());
  }

  /**
   * Asks to make a call.
   *
   * @return true if the call may go ahead (then report its outcome), false if it must fail fast
   */
  public synchronized boolean tryAcquire() {
    if (state == State.OPEN) {
      if (!clock.instant().isAfter(openedAt.plus(config.openDuration()))) {
        return false;
      }
      moveTo(State.HALF_OPEN);
    }
    if (state == State.HALF_OPEN) {
      if (trialPermits >= config.halfOpenCalls()) {
        return false;
      }
      trialPermits++;
    }
    return true;
  }

  /** The permitted call succeeded (or failed in a way that shows the server is well). */
  public synchronized void onSuccess() {
    record(false);
  }

  /** The permitted call failed in a way that counts against the server. */
  public synchronized void onFailure() {
    record(true);
  }

  /** The permitted call's outcome says nothing about the server: its permit is given back. */
  public synchronized void release() {
    if (state == State.HALF_OPEN && trialPermits > trialOutcomes) {
      trialPermits--;
    }
  }

  private void record(boolean failed) {
    switch (state) {
      case CLOSED -> {
        if (recorded == window.length && window[next]) {
          failures--;
        }
        window[next] = failed;
        next = (next + 1) % window.length;
        recorded = Math.min(recorded + 1, window.length);
        if (failed) {
          failures++;
        }
        if (recorded >= minimumCalls && reaches(failures, recorded)) {
          moveTo(State.OPEN);
        }
      }
      case HALF_OPEN -> {
        trialOutcomes++;
        if (failed) {
          trialFailures++;
        }
        if (trialOutcomes >= minimumTrials) {
          moveTo(reaches(trialFailures, trialOutcomes) ? State.OPEN : State.CLOSED);
        }
      }
      case OPEN -> {
        // A call let through before the breaker opened, finishing late: it changes nothing.
      }
    }
  }

  private boolean reaches(int failed, int total) {
    return (long) failed * 100 >= (long) config.failureRatePercent() * total;
  }

  private void moveTo(State target) {
    LOG.info("circuit breaker {}: {} -> {}", name, state, target);
    state = target;
    transitions++;
    switch (target) {
      case OPEN -> openedAt = clock.instant();
      case HALF_OPEN -> {
        trialPermits = 0;
        trialOutcomes = 0;
        trialFailures = 0;
      }
      case CLOSED -> {
        next = 0;
        recorded = 0;
        failures = 0;
      }
    }
  }

  /**
   * The current state. An open breaker whose open period is over still reads {@code OPEN} until a
   * call asks to go through.
   */
  public synchronized State state() {
    return state;
  }

  /** How many state changes so far. */
  public synchronized long transitions() {
    return transitions;
  }

  /** The failure rate in the window, in percent, or -1 while fewer than the minimum are in. */
  public synchronized float failureRatePercent() {
    return recorded < minimumCalls ? -1f : failures * 100f / recorded;
  }

  /** The settings. */
  public Config config() {
    return config;
  }

  /** The name. */
  public String name() {
    return name;
  }

  @Override
  public synchronized String toString() {
    return "CircuitBreaker[" + name + ", " + state + "]";
  }
}
