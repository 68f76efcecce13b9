package org.interviewtasks.senior.advanced.microservices;

import io.grpc.Context;
import io.grpc.Deadline;
import io.grpc.MethodDescriptor;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import org.interviewtasks.senior.advanced.retry.Backoff;
import org.interviewtasks.senior.advanced.retry.Idempotency;
import org.interviewtasks.senior.advanced.retry.Retry;
import org.interviewtasks.senior.advanced.retry.RetryException;
import org.interviewtasks.senior.advanced.retry.Sleeper;

/**
 * A client of one remote service that adds, around a {@link Transport}, what a call between
 * services needs: a deadline, retries, a circuit breaker and a bulkhead.
 *
 * <p>For each call: the deadline is the client's default timeout, or what is left of the deadline
 * of the gRPC {@code Context} the call is made in (a handler calling the next hop), whichever comes
 * first. Then, per attempt, outermost first:
 *
 * <ol>
 *   <li><b>Retry</b> (senior.advanced.4's {@link Retry}, with the time left as its deadline): only
 *       for a method whose contract says it is idempotent, only after a {@link
 *       ErrorCode#retryable() retryable} error from the server, and only while the backoff's wait
 *       still ends before the deadline. Errors this client raises itself are never retried.
 *   <li><b>Circuit breaker</b>: an open breaker refuses the attempt at once ({@code UNAVAILABLE},
 *       local) without touching the network.
 *   <li><b>Bulkhead</b>: a full bulkhead refuses the attempt ({@code RESOURCE_EXHAUSTED}, local)
 *       after its short wait.
 *   <li><b>Transport</b>: one call with what is left of the deadline as its timeout; the outcome
 *       goes to the breaker as the {@link ErrorCode.Blame blame} of its code says.
 * </ol>
 *
 * The order matters: with the retry outside the breaker, an opening breaker stops a retry loop at
 * once; with the bulkhead inside, a refused attempt holds no place while it waits for a retry.
 * Thread-safe; one client is shared by all the threads that call the service.
 */
public final class ResilientClient implements AutoCloseable {

  /** The most attempts one call may get. */
  public static final int MAX_ATTEMPTS = 10;

  private final String service;
  private final Transport transport;
  private final Duration timeout;
  private final int maxAttempts;
  private final Backoff backoff;
  private final CircuitBreaker breaker;
  private final Bulkhead bulkhead;
  private final InstantSource clock;
  private final Sleeper sleeper;
  private final LongAdder attempts = new LongAdder();
  private final LongAdder sent = new LongAdder();
  private final LongAdder refusedByBreaker = new LongAdder();
  private final LongAdder refusedByBulkhead = new LongAdder();
  private volatile boolean closed;

  private ResilientClient(Builder b) {
    this.service = b.service;
    this.transport = b.transport;
    this.timeout = b.timeout;
    this.maxAttempts = b.maxAttempts;
    this.backoff = b.backoff;
    this.breaker = b.breaker;
    this.bulkhead = b.bulkhead;
    this.clock = b.clock;
    this.sleeper = b.sleeper;
  }

  /**
   * A builder for a client of {@code service} (a name for messages) over {@code transport}, with
   * defaults: a 2 s timeout, 3 attempts with full jitter from 50 ms to 1 s, no breaker, no
   * bulkhead.
   */
  public static Builder builder(String service, Transport transport) {
    return new Builder(service, transport);
  }

  /**
   * Calls a method with the client's default timeout (or the caller's earlier deadline).
   *
   * @throws ServiceException the error that ended the call: the server's, or this client's own
   *     ({@code UNAVAILABLE} for an open circuit, {@code RESOURCE_EXHAUSTED} for a full bulkhead,
   *     {@code DEADLINE_EXCEEDED} when no time is left); earlier attempts' errors are suppressed
   *     exceptions of it
   */
  public <Req, Resp> Resp call(MethodDescriptor<Req, Resp> method, Req request) {
    return call(method, request, timeout);
  }

  /**
   * Calls a method within {@code timeout} (or the caller's earlier deadline).
   *
   * @throws IllegalArgumentException if {@code timeout} is not in (0, 1 day]
   * @throws IllegalStateException after {@link #close()}
   * @throws ServiceException as {@link #call(MethodDescriptor, Object)}
   */
  public <Req, Resp> Resp call(MethodDescriptor<Req, Resp> method, Req request, Duration timeout) {
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(request, "request");
    Timeouts.positiveNanos(timeout);
    if (closed) {
      throw new IllegalStateException("client of " + service + " is closed");
    }
    Duration budget = budget(timeout);
    if (budget.isZero()) {
      throw ServiceException.local(
          ErrorCode.DEADLINE_EXCEEDED, "the deadline passed before " + service + " was called");
    }
    Instant deadline = clock.instant().plus(budget);
    boolean idempotent = ServiceContract.idempotent(method);
    Retry retry =
        Retry.builder()
            .maxAttempts(idempotent ? maxAttempts : 1)
            .backoff(backoff)
            .deadline(budget)
            .clock(clock)
            .sleeper(sleeper)
            .retryIf(e -> e instanceof ServiceException s && !s.local() && s.code().retryable())
            .neverSentIf(e -> false)
            .build();
    try {
      return retry.call(
          idempotent ? Idempotency.IDEMPOTENT : Idempotency.NON_IDEMPOTENT,
          () -> attempt(method, request, deadline));
    } catch (RetryException e) {
      if (e.getCause() instanceof ServiceException last) {
        for (Throwable earlier : e.getSuppressed()) {
          last.addSuppressed(earlier);
        }
        throw last;
      }
      if (e.getCause() instanceof RuntimeException bug) {
        throw bug; // not a service error (a bad argument, a bug): passed on as it is
      }
      if (e.reason() == RetryException.Reason.INTERRUPTED) {
        throw ServiceException.local(ErrorCode.CANCELLED, "interrupted calling " + service);
      }
      throw ServiceException.of(ErrorCode.INTERNAL, "calling " + service + " failed", e);
    }
  }

  /** The time this call may take: the timeout, or less if the caller's context ends sooner. */
  private static Duration budget(Duration timeout) {
    Context context = Context.current();
    Deadline inherited = context.getDeadline();
    if (context.isCancelled()) {
      return Duration.ZERO;
    }
    if (inherited == null) {
      return timeout;
    }
    long left = inherited.timeRemaining(TimeUnit.NANOSECONDS);
    return left <= 0
        ? Duration.ZERO
        : timeout.compareTo(Duration.ofNanos(left)) <= 0 ? timeout : Duration.ofNanos(left);
  }

  private <Req, Resp> Resp attempt(
      MethodDescriptor<Req, Resp> method, Req request, Instant deadline)
      throws InterruptedException {
    attempts.increment();
    Duration left = Duration.between(clock.instant(), deadline);
    if (left.isNegative() || left.isZero()) {
      throw ServiceException.local(
          ErrorCode.DEADLINE_EXCEEDED, "no time left to call " + method.getFullMethodName());
    }
    if (breaker != null && !breaker.tryAcquire()) {
      refusedByBreaker.increment();
      throw ServiceException.local(
          ErrorCode.UNAVAILABLE,
          "circuit " + breaker.name() + " is open: " + service + " not called");
    }
    if (bulkhead != null && !bulkhead.tryEnter(left)) {
      refusedByBulkhead.increment();
      if (breaker != null) {
        breaker.release();
      }
      throw ServiceException.local(
          ErrorCode.RESOURCE_EXHAUSTED,
          "bulkhead "
              + bulkhead.name()
              + " full: "
              + bulkhead.maxConcurrent()
              + " calls to "
              + service
              + " in flight");
    }
    try {
      sent.increment();
      Resp response = transport.call(method, request, left);
      if (breaker != null) {
        breaker.onSuccess();
      }
      return response;
    } catch (ServiceException e) {
      if (breaker != null) {
        switch (e.code().blame()) {
          case SERVER -> breaker.onFailure();
          case CALLER -> breaker.onSuccess();
          case NONE -> breaker.release();
        }
      }
      throw e;
    } catch (RuntimeException e) {
      if (breaker != null) {
        breaker.onFailure();
      }
      throw e;
    } finally {
      if (bulkhead != null) {
        bulkhead.exit();
      }
    }
  }

  /**
   * What this client did so far.
   *
   * @param attempts attempts started (calls plus retries)
   * @param sent attempts that went to the transport
   * @param refusedByBreaker attempts refused by the open circuit
   * @param refusedByBulkhead attempts refused by the full bulkhead
   */
  public record Stats(long attempts, long sent, long refusedByBreaker, long refusedByBulkhead) {}

  /** The counts so far. */
  public Stats stats() {
    return new Stats(attempts.sum(), sent.sum(), refusedByBreaker.sum(), refusedByBulkhead.sum());
  }

  /** The circuit breaker, if any. */
  public java.util.Optional<CircuitBreaker> breaker() {
    return java.util.Optional.ofNullable(breaker);
  }

  /** Closes the transport; later calls throw {@link IllegalStateException}. */
  @Override
  public void close() {
    closed = true;
    transport.close();
  }

  @Override
  public String toString() {
    return "ResilientClient[" + service + " over " + transport + "]";
  }

  /** Builds a {@link ResilientClient}; each setter replaces the previous value. */
  public static final class Builder {
    private final String service;
    private final Transport transport;
    private Duration timeout = Duration.ofSeconds(2);
    private int maxAttempts = 3;
    private Backoff backoff = Backoff.fullJitter(Duration.ofMillis(50), Duration.ofSeconds(1));
    private CircuitBreaker breaker;
    private Bulkhead bulkhead;
    private InstantSource clock = InstantSource.system();
    private Sleeper sleeper = Sleeper.system();

    private Builder(String service, Transport transport) {
      this.service = Objects.requireNonNull(service, "service");
      this.transport = Objects.requireNonNull(transport, "transport");
    }

    /**
     * The deadline of a call made outside any context that has one.
     *
     * @throws IllegalArgumentException if not in (0, 1 day]
     */
    public Builder timeout(Duration timeout) {
      Timeouts.positiveNanos(timeout);
      this.timeout = timeout;
      return this;
    }

    /**
     * The most attempts of an idempotent call, the first included (1: no retry).
     *
     * @throws IllegalArgumentException if not in [1, {@value ResilientClient#MAX_ATTEMPTS}]
     */
    public Builder maxAttempts(int maxAttempts) {
      if (maxAttempts < 1 || maxAttempts > MAX_ATTEMPTS) {
        throw new IllegalArgumentException(
            "maxAttempts must be in [1, " + MAX_ATTEMPTS + "]: " + maxAttempts);
      }
      this.maxAttempts = maxAttempts;
      return this;
    }

    /** The waits between attempts. */
    public Builder backoff(Backoff backoff) {
      this.backoff = Objects.requireNonNull(backoff, "backoff");
      return this;
    }

    /** A circuit breaker in front of the service (one per service, shared by its callers). */
    public Builder breaker(CircuitBreaker breaker) {
      this.breaker = Objects.requireNonNull(breaker, "breaker");
      return this;
    }

    /** A bulkhead bounding the calls in flight to the service. */
    public Builder bulkhead(Bulkhead bulkhead) {
      this.bulkhead = Objects.requireNonNull(bulkhead, "bulkhead");
      return this;
    }

    /** Where time comes from (deadlines, the retry's budget). */
    public Builder clock(InstantSource clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /** How the retry waits between attempts. */
    public Builder sleeper(Sleeper sleeper) {
      this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
      return this;
    }

    /** The client. */
    public ResilientClient build() {
      return new ResilientClient(this);
    }
  }
}
