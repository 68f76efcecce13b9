package org.interviewtasks.senior.architecture.soa;

import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.interviewtasks.senior.architecture.consistenthashing.ConsistentHashRing;
import org.interviewtasks.senior.concurrency.loadbalancer.Strategy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Calls one service through {@link Discovery}, balancing over its live instances: an unkeyed call
 * goes to the instance a {@link Strategy} of senior.concurrency.8 picks (round robin, least
 * connections...), a keyed call to the owner of its key on a {@link ConsistentHashRing} of the live
 * instances (senior.architecture.2), so a customer's orders keep landing on the same instance and
 * only 1/n of the keys move when an instance comes or goes.
 *
 * <p><b>Failover.</b> A refused connection means the request never left: the instance is ejected
 * locally for {@code ejection} (the registry will evict it at its TTL; this client need not wait)
 * and the next one is tried, whatever the method. Any other I/O failure is failed over only for an
 * idempotent request. With no instance left the call fails with {@code 503}.
 */
public final class ServiceClient implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(ServiceClient.class);

  /** The most instances one call tries. */
  public static final int MAX_TRIES = 3;

  private record Candidate(Discovery.Endpoint endpoint, AtomicInteger load)
      implements Strategy.Loaded {
    @Override
    public int inFlight() {
      return load.get();
    }
  }

  private record Ring(List<String> ids, ConsistentHashRing<String> ring) {}

  private final String service;
  private final Discovery discovery;
  private final Strategy strategy;
  private final InstantSource clock;
  private final Duration ejection;
  private final Duration timeout;
  private final HttpClient client;
  private final Map<String, AtomicInteger> inFlight = new ConcurrentHashMap<>();
  private final Map<String, Instant> ejectedUntil = new ConcurrentHashMap<>();
  private volatile boolean closed;
  private volatile Ring ring = new Ring(List.of(), ConsistentHashRing.create(s -> s));

  /**
   * A client of {@code service}.
   *
   * @param strategy how an unkeyed call picks an instance
   * @param ejection how long an instance that refused a connection is skipped
   * @param timeout the timeout of one request
   */
  public ServiceClient(
      String service,
      Discovery discovery,
      Strategy strategy,
      InstantSource clock,
      Duration ejection,
      Duration timeout) {
    this.service = Names.check("service", service);
    this.discovery = Objects.requireNonNull(discovery, "discovery");
    this.strategy = Objects.requireNonNull(strategy, "strategy");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.ejection = Objects.requireNonNull(ejection, "ejection");
    this.timeout = Objects.requireNonNull(timeout, "timeout");
    if (ejection.isNegative() || timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException(
          "ejection must be >= 0 and timeout > 0: " + ejection + ", " + timeout);
    }
    this.client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  }

  /**
   * Sends a request to an instance of the service.
   *
   * @param method the HTTP method
   * @param path the path (and query), starting with {@code /}
   * @param body a JSON body, or null
   * @param key the routing key for consistent hashing, or null for the strategy
   * @param idempotent whether the request may be sent again after a failure that came after it left
   * @return the answer (of whatever status: a 4xx or 5xx answer is the service's, not a failure)
   * @throws HttpService.HttpError {@code 503} when no instance could take it
   * @throws IllegalStateException after {@link #close()}
   */
  public HttpResponse<String> send(
      String method, String path, String body, String key, boolean idempotent) {
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(path, "path");
    if (!path.startsWith("/")) {
      throw new IllegalArgumentException("path must start with /: " + path);
    }
    if (closed) {
      throw new IllegalStateException("client of " + service + " is closed");
    }
    Instant now = clock.instant();
    List<Candidate> candidates = new ArrayList<>();
    for (Discovery.Endpoint endpoint : discovery.instances(service)) {
      Instant until = ejectedUntil.get(endpoint.id());
      if (until == null || !now.isBefore(until)) {
        candidates.add(
            new Candidate(
                endpoint, inFlight.computeIfAbsent(endpoint.id(), id -> new AtomicInteger())));
      }
    }
    List<String> failures = new ArrayList<>();
    for (int tries = 0; tries < MAX_TRIES && !candidates.isEmpty(); tries++) {
      Candidate chosen = key == null ? strategy.pick(candidates) : owner(candidates, key);
      candidates.remove(chosen);
      chosen.load().incrementAndGet();
      try {
        return client.send(
            request(chosen, method, path, body),
            HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      } catch (ConnectException e) {
        ejectedUntil.put(chosen.endpoint().id(), clock.instant().plus(ejection));
        LOG.info(
            "{}: {} refused the connection; ejected for {}",
            service,
            chosen.endpoint().id(),
            ejection);
        failures.add(chosen.endpoint().id() + ": refused");
      } catch (IOException e) {
        failures.add(chosen.endpoint().id() + ": " + e);
        if (!idempotent) {
          throw new HttpService.HttpError(
              502,
              service + " failed after the request was sent; it may or may not have been applied");
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new HttpService.HttpError(503, "interrupted calling " + service);
      } finally {
        chosen.load().decrementAndGet();
      }
    }
    throw new HttpService.HttpError(
        503, "no instance of " + service + " could take the call " + failures);
  }

  private Candidate owner(List<Candidate> candidates, String key) {
    List<String> ids = candidates.stream().map(c -> c.endpoint().id()).sorted().toList();
    Ring current = ring;
    if (!current.ids().equals(ids)) {
      ConsistentHashRing<String> built = ConsistentHashRing.create(s -> s);
      for (String id : ids) {
        built = built.withNode(id);
      }
      current = new Ring(ids, built);
      ring = current;
    }
    String owner = current.ring().nodeFor(key);
    return candidates.stream()
        .filter(c -> c.endpoint().id().equals(owner))
        .findFirst()
        .orElseThrow();
  }

  private HttpRequest request(Candidate to, String method, String path, String body) {
    return HttpRequest.newBuilder(to.endpoint().uri().resolve(path))
        .timeout(timeout)
        .header("Content-Type", "application/json")
        .method(
            method,
            body == null
                ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
        .build();
  }

  /** The service called. */
  public String service() {
    return service;
  }

  @Override
  public void close() {
    closed = true;
    client.close();
  }
}
