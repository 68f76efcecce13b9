package org.interviewtasks.senior.concurrency.loadbalancer;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.interviewtasks.common.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A load balancer in front of HTTP workers that run as separate processes: it spreads requests by a
 * {@link Strategy} (round robin, least connections, power of two choices), takes out workers that
 * fail, and retries a request whose worker died under it when that is safe.
 *
 * <p><b>Approach.</b> Each worker has a state: <i>probe up</i> (the last active probe, {@code GET
 * /health} every probe interval on a scheduler, answered 200) and <i>ejected until</i> (passive
 * checks: a refused connection ejects at once, {@code failureThreshold} consecutive failed requests
 * (an I/O error or a 5xx answer) eject for {@code ejectionTime}). A worker is in rotation when its
 * probe is up and its ejection has expired: two independent signals, because a probe sees a dead
 * process but not a worker that answers {@code /health} and fails real work, while passive checks
 * see the latter at the cost of real requests. {@link #send} asks the strategy for one of the
 * workers in rotation not yet tried for this request, counts it in flight (what least connections
 * and power of two choices read), and forwards with the JDK {@code HttpClient} on virtual threads.
 *
 * <p><b>Failover.</b> When the connection is refused the request was never delivered: it goes to
 * another worker whatever its method. When the worker fails after the request may have reached it
 * (reset, timeout, a 5xx answer), only an {@link Request#idempotent() idempotent} request is sent
 * again; any other fails at once with {@link LoadBalancerException.NotRetried}, whose message says
 * that the request may or may not have been applied: the balancer cannot know, and guessing either
 * way loses or duplicates work. A 5xx answer to a request that is not idempotent is returned as it
 * is. Up to {@code maxAttempts} distinct workers are tried; then {@link
 * LoadBalancerException.AttemptsExhausted} lists each failure (or the last 5xx answer is returned).
 *
 * <p><b>Complexity.</b> A pick is O(n) over n workers (the filter of those in rotation; least
 * connections reads each count), nothing beside an HTTP exchange; a probe round sends n probes in
 * parallel and lasts at most the probe timeout. A dead worker leaves the rotation at the first
 * probe that starts after its death (within one probe interval plus one probe timeout), or at the
 * first request refused, whichever comes first.
 *
 * <p><b>Edge cases and failure modes.</b> Until the first probe round every worker is out; {@link
 * #start} runs one before it returns. With no worker in rotation {@link #send} fails at once with
 * {@link LoadBalancerException.NoHealthyWorker}, naming each worker's state, rather than queueing.
 * A probe answered slowly is a failed probe, so an overloaded worker leaves the rotation too
 * (possibly all of them at once: a cascade that production balancers dampen with a "panic
 * threshold" that ignores health when too few are left). Time for ejections comes from the injected
 * {@link InstantSource}; the probe schedule from the injected scheduler, which the balancer shuts
 * down on {@link #close()} only if it created it. After {@code close()}, {@link #send} throws
 * {@link IllegalStateException}.
 *
 * <p><b>Follow-up.</b> <i>"Why is power of two choices popular?"</i> Least connections needs every
 * count and makes all balancers rush the same idle worker; two random choices give an exponential
 * improvement over one random choice at O(1) and with no herding. <i>"How would you stop retries
 * from amplifying an outage?"</i> A retry budget (e.g. at most 10% extra requests), backoff, and
 * ejection growing with each repeated ejection, as Envoy's outlier detection does.
 */
@Task(id = "senior.concurrency.8", title = "Load balancer with health checks and failover")
public final class LoadBalancer implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(LoadBalancer.class);

  /** The most workers a balancer accepts. */
  public static final int MAX_WORKERS = 1_000;

  /** The most attempts a request may get. */
  public static final int MAX_ATTEMPTS = 100;

  private final List<WorkerState> workers;
  private final Strategy strategy;
  private final Duration probeTimeout;
  private final Duration requestTimeout;
  private final int maxAttempts;
  private final int failureThreshold;
  private final Duration ejectionTime;
  private final InstantSource clock;
  private final ScheduledExecutorService scheduler;
  private final boolean ownsScheduler;
  private final ExecutorService httpThreads = Executors.newVirtualThreadPerTaskExecutor();
  private final HttpClient client;
  private final HttpClient probes;
  private final AtomicLong probeRounds = new AtomicLong();
  private final Object lifecycle = new Object();
  private ScheduledFuture<?> probing;
  private volatile boolean closed;

  private LoadBalancer(Builder b) {
    this.workers = b.workers.stream().map(WorkerState::new).toList();
    this.strategy = b.strategy;
    this.probeTimeout = b.probeTimeout;
    this.requestTimeout = b.requestTimeout;
    this.maxAttempts = b.maxAttempts;
    this.failureThreshold = b.failureThreshold;
    this.ejectionTime = b.ejectionTime;
    this.clock = b.clock;
    this.ownsScheduler = b.scheduler == null;
    this.scheduler =
        ownsScheduler
            ? Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("lb-probe").daemon().factory())
            : b.scheduler;
    // Probes get their own client, so their pooled connections are never reused by a request:
    // a request sent on a connection that a dead worker left in the pool fails after it may have
    // been delivered, while a fresh connection to a dead worker is refused, which is unambiguous.
    this.client = newClient(b.probeTimeout);
    this.probes = newClient(b.probeTimeout);
  }

  private HttpClient newClient(Duration connectTimeout) {
    return HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(connectTimeout)
        .executor(httpThreads)
        .build();
  }

  /**
   * A builder for a balancer in front of the given workers.
   *
   * @param workers base addresses such as {@code http://127.0.0.1:8081}, distinct, 1 to {@value
   *     #MAX_WORKERS}
   * @throws IllegalArgumentException if the list is empty, too long, has duplicates, or an address
   *     is not an absolute {@code http} URI with a host and port and no path
   */
  public static Builder builder(List<URI> workers) {
    return new Builder(workers);
  }

  /**
   * A worker's state as the balancer sees it.
   *
   * @param uri its address
   * @param probeUp whether its last active probe succeeded
   * @param probeChangedInRound the probe round (counted from 1) in which {@code probeUp} last
   *     changed, 0 if never
   * @param ejectedUntil until when passive checks keep it out ({@link Instant#MIN} if never)
   * @param inRotation whether requests may go to it now
   * @param inFlight requests sent to it and not yet answered
   * @param answered requests it answered with a status below 500
   * @param failures requests that failed on it (I/O error or 5xx)
   */
  public record WorkerStatus(
      URI uri,
      boolean probeUp,
      long probeChangedInRound,
      Instant ejectedUntil,
      boolean inRotation,
      int inFlight,
      long answered,
      long failures) {}

  /**
   * Runs a first probe round, so that healthy workers are in rotation, then probes every interval.
   *
   * @return this balancer
   * @throws IllegalStateException if closed or already started
   */
  public LoadBalancer start(Duration probeInterval) {
    requirePositive(probeInterval, "probeInterval");
    synchronized (lifecycle) {
      checkOpen();
      if (probing != null) {
        throw new IllegalStateException("already started");
      }
      probeNow();
      long nanos = probeInterval.toNanos();
      probing =
          scheduler.scheduleWithFixedDelay(this::probeQuietly, nanos, nanos, TimeUnit.NANOSECONDS);
    }
    return this;
  }

  /**
   * One round of active probes, all workers in parallel; returns when every probe has answered or
   * timed out. {@link #start} schedules it; tests may call it directly.
   *
   * @throws IllegalStateException if closed
   */
  public void probeNow() {
    checkOpen();
    List<CompletableFuture<Void>> round = new ArrayList<>();
    for (WorkerState worker : workers) {
      HttpRequest probe =
          HttpRequest.newBuilder(worker.uri.resolve("/health")).timeout(probeTimeout).GET().build();
      round.add(
          probes
              .sendAsync(probe, HttpResponse.BodyHandlers.discarding())
              .handle(
                  (response, failure) -> {
                    worker.probed(
                        failure == null && response.statusCode() == 200, probeRounds.get() + 1);
                    return null;
                  }));
    }
    CompletableFuture.allOf(round.toArray(CompletableFuture[]::new)).join();
    probeRounds.incrementAndGet();
  }

  private void probeQuietly() {
    try {
      if (!closed) {
        probeNow();
      }
    } catch (RuntimeException e) { // an exception would cancel the schedule: log and go on
      LOG.warn("probe round failed", e);
    }
  }

  /** How many probe rounds have completed. */
  public long probeRounds() {
    return probeRounds.get();
  }

  /** Each worker's state, in the order given to the builder. */
  public List<WorkerStatus> status() {
    Instant now = clock.instant();
    return workers.stream().map(w -> w.status(now)).toList();
  }

  /**
   * Forwards a request to a worker chosen by the strategy, failing over as the class comment says.
   *
   * @return the first answer that is not a 5xx, or the last 5xx answer when every attempt got one
   * @throws LoadBalancerException.NoHealthyWorker if no worker is in rotation
   * @throws LoadBalancerException.NotRetried if a request that is not idempotent failed after it
   *     may have been delivered
   * @throws LoadBalancerException.AttemptsExhausted if every attempt failed without an answer
   * @throws IllegalStateException if closed
   * @throws InterruptedException if interrupted while waiting for a worker
   */
  public Response send(Request request) throws InterruptedException {
    Objects.requireNonNull(request, "request");
    checkOpen();
    Set<WorkerState> tried = new HashSet<>();
    List<String> failures = new ArrayList<>();
    IOException lastFailure = null;
    Response last5xx = null;
    for (int attempt = 1; attempt <= maxAttempts; attempt++) {
      Instant now = clock.instant();
      List<WorkerState> candidates =
          workers.stream().filter(w -> w.inRotation(now) && !tried.contains(w)).toList();
      if (candidates.isEmpty()) {
        if (attempt == 1) {
          throw new LoadBalancerException.NoHealthyWorker(
              "no worker in rotation for " + request + ": " + describe(now));
        }
        break;
      }
      WorkerState worker = strategy.pick(candidates);
      tried.add(worker);
      worker.inFlight.incrementAndGet();
      try {
        HttpResponse<byte[]> answer =
            client.send(toHttp(worker, request), HttpResponse.BodyHandlers.ofByteArray());
        Response response = new Response(answer.statusCode(), answer.body(), worker.uri, attempt);
        if (answer.statusCode() < 500) {
          worker.succeeded();
          return response;
        }
        worker.failed(clock.instant(), false);
        failures.add(worker.uri + ": status " + answer.statusCode());
        if (!request.idempotent()) {
          return response;
        }
        last5xx = response;
      } catch (IOException e) {
        boolean neverDelivered = neverDelivered(e);
        worker.failed(clock.instant(), neverDelivered);
        failures.add(worker.uri + ": " + e);
        lastFailure = e;
        if (!neverDelivered && !request.idempotent()) {
          throw new LoadBalancerException.NotRetried(
              request
                  + " failed on "
                  + worker.uri
                  + " after it may have been delivered ("
                  + e
                  + "); not retried: "
                  + request.method()
                  + " is not idempotent, so it may or may not have been applied",
              e);
        }
      } finally {
        worker.inFlight.decrementAndGet();
      }
    }
    if (last5xx != null) {
      return last5xx;
    }
    throw new LoadBalancerException.AttemptsExhausted(
        request + " failed on every worker tried: " + String.join("; ", failures), lastFailure);
  }

  private HttpRequest toHttp(WorkerState worker, Request request) {
    byte[] body = request.body();
    HttpRequest.BodyPublisher publisher =
        body.length == 0
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofByteArray(body);
    return HttpRequest.newBuilder(worker.uri.resolve(request.path()))
        .timeout(requestTimeout)
        .method(request.method(), publisher)
        .build();
  }

  /** A refused connection (or a connect timeout): the request never left this process. */
  private static boolean neverDelivered(IOException e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof ConnectException || t instanceof HttpConnectTimeoutException) {
        return true;
      }
    }
    return false;
  }

  private String describe(Instant now) {
    List<String> states = new ArrayList<>();
    for (WorkerState w : workers) {
      WorkerStatus s = w.status(now);
      String why = !s.probeUp() ? "probe failed" : "ejected until " + s.ejectedUntil();
      states.add(w.uri + " (" + why + ")");
    }
    return String.join(", ", states);
  }

  /** Stops probing, closes the HTTP client; idempotent. */
  @Override
  public void close() {
    synchronized (lifecycle) {
      if (closed) {
        return;
      }
      closed = true;
      if (probing != null) {
        probing.cancel(false);
      }
    }
    if (ownsScheduler) {
      scheduler.shutdownNow();
      try {
        if (!scheduler.awaitTermination(probeTimeout.toMillis() + 5_000, TimeUnit.MILLISECONDS)) {
          LOG.warn("the probe scheduler did not stop");
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    client.close();
    probes.close();
    httpThreads.close();
  }

  private void checkOpen() {
    if (closed) {
      throw new IllegalStateException("the load balancer is closed");
    }
  }

  private static void requirePositive(Duration d, String name) {
    Objects.requireNonNull(d, name);
    if (d.isNegative() || d.isZero()) {
      throw new IllegalArgumentException(name + " must be positive: " + d);
    }
  }

  /** One worker's health and load. */
  private final class WorkerState implements Strategy.Loaded {
    final URI uri;
    final AtomicInteger inFlight = new AtomicInteger();
    final AtomicInteger consecutiveFailures = new AtomicInteger();
    final AtomicLong answered = new AtomicLong();
    final AtomicLong failures = new AtomicLong();
    volatile boolean probeUp;
    volatile long probeChangedInRound;
    volatile Instant ejectedUntil = Instant.MIN;

    WorkerState(URI uri) {
      this.uri = uri;
    }

    @Override
    public int inFlight() {
      return inFlight.get();
    }

    boolean inRotation(Instant now) {
      return probeUp && !now.isBefore(ejectedUntil);
    }

    void probed(boolean up, long round) {
      if (probeUp != up) {
        LOG.info("worker {} {}", uri, up ? "passes its probe" : "fails its probe");
        probeChangedInRound = round;
      }
      probeUp = up;
    }

    void succeeded() {
      consecutiveFailures.set(0);
      answered.incrementAndGet();
    }

    void failed(Instant now, boolean refused) {
      failures.incrementAndGet();
      if (refused || consecutiveFailures.incrementAndGet() >= failureThreshold) {
        consecutiveFailures.set(0);
        ejectedUntil = now.plus(ejectionTime);
        LOG.info("worker {} ejected until {}", uri, ejectedUntil);
      }
    }

    WorkerStatus status(Instant now) {
      return new WorkerStatus(
          uri,
          probeUp,
          probeChangedInRound,
          ejectedUntil,
          inRotation(now),
          inFlight.get(),
          answered.get(),
          failures.get());
    }
  }

  /** Settings of a balancer; every one has a default. */
  public static final class Builder {
    private final List<URI> workers;
    private Strategy strategy = Strategy.roundRobin();
    private Duration probeTimeout = Duration.ofSeconds(1);
    private Duration requestTimeout = Duration.ofSeconds(10);
    private int maxAttempts = 3;
    private int failureThreshold = 3;
    private Duration ejectionTime = Duration.ofSeconds(5);
    private InstantSource clock = InstantSource.system();
    private ScheduledExecutorService scheduler;

    private Builder(List<URI> workers) {
      Objects.requireNonNull(workers, "workers");
      if (workers.isEmpty() || workers.size() > MAX_WORKERS) {
        throw new IllegalArgumentException(
            "workers must number 1.." + MAX_WORKERS + ": " + workers.size());
      }
      Set<URI> distinct = new LinkedHashSet<>();
      for (URI uri : workers) {
        Objects.requireNonNull(uri, "worker address");
        if (!"http".equals(uri.getScheme())
            || uri.getHost() == null
            || uri.getPort() < 0
            || !(uri.getRawPath() == null || uri.getRawPath().isEmpty())
            || uri.getRawQuery() != null) {
          throw new IllegalArgumentException(
              "a worker address must be http://host:port with no path: " + uri);
        }
        if (!distinct.add(uri)) {
          throw new IllegalArgumentException("worker listed twice: " + uri);
        }
      }
      this.workers = List.copyOf(distinct);
    }

    /** How to pick a worker; default round robin. */
    public Builder strategy(Strategy strategy) {
      this.strategy = Objects.requireNonNull(strategy, "strategy");
      return this;
    }

    /** How long a probe (and a connection attempt) may take; default 1 s. */
    public Builder probeTimeout(Duration probeTimeout) {
      requirePositive(probeTimeout, "probeTimeout");
      this.probeTimeout = probeTimeout;
      return this;
    }

    /** How long one attempt of a request may take; default 10 s. */
    public Builder requestTimeout(Duration requestTimeout) {
      requirePositive(requestTimeout, "requestTimeout");
      this.requestTimeout = requestTimeout;
      return this;
    }

    /** How many distinct workers a request may be sent to, 1 to {@value #MAX_ATTEMPTS}; 3. */
    public Builder maxAttempts(int maxAttempts) {
      if (maxAttempts < 1 || maxAttempts > MAX_ATTEMPTS) {
        throw new IllegalArgumentException(
            "maxAttempts must be 1.." + MAX_ATTEMPTS + ": " + maxAttempts);
      }
      this.maxAttempts = maxAttempts;
      return this;
    }

    /** Consecutive failed requests that eject a worker, 1 to 1000; default 3. */
    public Builder failureThreshold(int failureThreshold) {
      if (failureThreshold < 1 || failureThreshold > 1_000) {
        throw new IllegalArgumentException("failureThreshold must be 1..1000: " + failureThreshold);
      }
      this.failureThreshold = failureThreshold;
      return this;
    }

    /** How long an ejected worker stays out; default 5 s. */
    public Builder ejectionTime(Duration ejectionTime) {
      requirePositive(ejectionTime, "ejectionTime");
      this.ejectionTime = ejectionTime;
      return this;
    }

    /** The time source for ejections; default the system clock. */
    public Builder clock(InstantSource clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /** The scheduler that runs the probes; the caller keeps and shuts it down. Default: own. */
    public Builder scheduler(ScheduledExecutorService scheduler) {
      this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
      return this;
    }

    /**
     * The balancer, not yet probing: call {@link LoadBalancer#start} or {@link
     * LoadBalancer#probeNow}.
     */
    public LoadBalancer build() {
      return new LoadBalancer(this);
    }
  }
}
