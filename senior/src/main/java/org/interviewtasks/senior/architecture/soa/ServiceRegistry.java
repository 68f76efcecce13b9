package org.interviewtasks.senior.architecture.soa;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.interviewtasks.senior.advanced.microservices.HttpRoute;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The service registry: instances register with a TTL and keep their registration alive with
 * heartbeats; an instance whose last heartbeat is older than its TTL is evicted. Clients ask it
 * which instances of a service are alive (client-side discovery, as with Eureka or Consul's
 * catalog).
 *
 * <p>HTTP API (JSON):
 *
 * <ul>
 *   <li>{@code PUT /v1/registry/{service}/{instance}} with {@code {"host", "port", "ttlMillis"}}:
 *       registers or replaces (idempotent), 200.
 *   <li>{@code PUT /v1/registry/{service}/{instance}/heartbeat}: renews, 200; 404 if the registry
 *       does not know the instance (evicted, or the registry restarted empty): the instance must
 *       register again.
 *   <li>{@code DELETE /v1/registry/{service}/{instance}}: deregisters (a graceful shutdown), 204
 *       (or 404).
 *   <li>{@code GET /v1/registry/{service}}: the live instances, sorted by id.
 * </ul>
 *
 * <p>Eviction is checked on every read (an expired instance is never returned) and swept by a timer
 * ({@link #evictExpired()}, which tests call after moving their clock). State is in memory only: a
 * restarted registry is empty until the heartbeats bring every live instance back, within one
 * heartbeat interval. That is the trade-off of an AP registry like Eureka; a CP one (Consul, etcd,
 * ZooKeeper) keeps the state through a replicated log.
 */
public final class ServiceRegistry implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(ServiceRegistry.class);

  /** The name the registry itself has. */
  public static final String NAME = "registry";

  /** The shortest accepted TTL. */
  public static final Duration MIN_TTL = Duration.ofMillis(100);

  /** The longest accepted TTL. */
  public static final Duration MAX_TTL = Duration.ofMinutes(10);

  /**
   * A registered instance.
   *
   * @param service the service
   * @param id the instance
   * @param host where it listens
   * @param port where it listens
   * @param ttl how long a heartbeat keeps it registered
   * @param lastHeartbeat when it last registered or beat
   */
  public record Instance(
      String service, String id, String host, int port, Duration ttl, Instant lastHeartbeat) {

    boolean expired(Instant now) {
      return now.isAfter(lastHeartbeat.plus(ttl));
    }

    Map<String, Object> json() {
      Map<String, Object> json = new LinkedHashMap<>();
      json.put("id", id);
      json.put("host", host);
      json.put("port", port);
      json.put("ttlMillis", ttl.toMillis());
      return json;
    }
  }

  private final InstantSource clock;
  private final Map<String, Map<String, Instance>> services = new ConcurrentHashMap<>();
  private final HttpService http;
  private final ScheduledExecutorService sweeper;
  private final ScheduledFuture<?> sweeping;

  private ServiceRegistry(InstantSource clock, int port, Duration sweepInterval) {
    this.clock = Objects.requireNonNull(clock, "clock");
    this.http =
        HttpService.builder(NAME, NAME)
            .port(port)
            .clock(clock)
            .route(new HttpRoute("PUT", "/v1/registry/{service}/{instance}"), this::register)
            .route(
                new HttpRoute("PUT", "/v1/registry/{service}/{instance}/heartbeat"),
                this::heartbeat)
            .route(new HttpRoute("DELETE", "/v1/registry/{service}/{instance}"), this::deregister)
            .route(HttpRoute.get("/v1/registry/{service}"), this::list)
            .health(() -> Map.of("instances", size()))
            .start();
    http.metrics().gauge("registry_instances", this::size);
    if (sweepInterval == null) {
      this.sweeper = null;
      this.sweeping = null;
    } else {
      this.sweeper =
          Executors.newSingleThreadScheduledExecutor(
              Thread.ofPlatform().name("registry-sweeper").daemon().factory());
      long ms = sweepInterval.toMillis();
      sweeping = sweeper.scheduleWithFixedDelay(this::evictExpired, ms, ms, TimeUnit.MILLISECONDS);
    }
  }

  /**
   * Starts a registry on a loopback port (0: any free one; the same port again to restart one).
   *
   * @param sweepInterval how often expired instances are swept, or null for no timer (tests)
   * @throws IllegalArgumentException if the port is out of range or the interval not positive
   */
  public static ServiceRegistry start(InstantSource clock, int port, Duration sweepInterval) {
    if (sweepInterval != null && (sweepInterval.isNegative() || sweepInterval.isZero())) {
      throw new IllegalArgumentException("sweepInterval must be > 0: " + sweepInterval);
    }
    return new ServiceRegistry(clock, port, sweepInterval);
  }

  private HttpService.Reply register(HttpService.Request request) {
    String service = name("service", request.variable("service"));
    String id = name("instance", request.variable("instance"));
    JsonNode body = request.json();
    String host = body.path("host").asText("");
    int port = body.path("port").asInt(-1);
    long ttlMillis = body.path("ttlMillis").asLong(-1);
    if (!host.equals("127.0.0.1") && !host.equals("localhost")) {
      throw new HttpService.HttpError(400, "host must be a loopback host: '" + host + "'");
    }
    if (!body.path("port").isInt() || port < 1 || port > 65_535) {
      throw new HttpService.HttpError(400, "port must be 1..65535: " + body.path("port"));
    }
    Duration ttl = Duration.ofMillis(ttlMillis);
    if (!body.path("ttlMillis").canConvertToLong()
        || ttl.compareTo(MIN_TTL) < 0
        || ttl.compareTo(MAX_TTL) > 0) {
      throw new HttpService.HttpError(
          400,
          "ttlMillis must be "
              + MIN_TTL.toMillis()
              + ".."
              + MAX_TTL.toMillis()
              + ": "
              + body.path("ttlMillis"));
    }
    Instance instance = new Instance(service, id, host, port, ttl, clock.instant());
    Instance before =
        services.computeIfAbsent(service, s -> new ConcurrentHashMap<>()).put(id, instance);
    LOG.info(
        "{} {}/{} at {}:{}",
        before == null ? "registered" : "re-registered",
        service,
        id,
        host,
        port);
    return HttpService.Reply.ok(instance.json());
  }

  private HttpService.Reply heartbeat(HttpService.Request request) {
    String service = name("service", request.variable("service"));
    String id = name("instance", request.variable("instance"));
    Instant now = clock.instant();
    Map<String, Instance> instances = services.getOrDefault(service, Map.of());
    Instance renewed =
        instances.isEmpty()
            ? null
            : instances.computeIfPresent(
                id,
                (k, old) ->
                    old.expired(now)
                        ? null
                        : new Instance(
                            old.service(), old.id(), old.host(), old.port(), old.ttl(), now));
    if (renewed == null) {
      throw new HttpService.HttpError(
          404, "unknown instance " + service + "/" + id + ": register again");
    }
    return HttpService.Reply.ok(renewed.json());
  }

  private HttpService.Reply deregister(HttpService.Request request) {
    String service = name("service", request.variable("service"));
    String id = name("instance", request.variable("instance"));
    Map<String, Instance> instances = services.getOrDefault(service, Map.of());
    if (instances.isEmpty() || instances.remove(id) == null) {
      throw new HttpService.HttpError(404, "unknown instance " + service + "/" + id);
    }
    LOG.info("deregistered {}/{}", service, id);
    return new HttpService.Reply(204, null);
  }

  private HttpService.Reply list(HttpService.Request request) {
    String service = name("service", request.variable("service"));
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("service", service);
    body.put("instances", instances(service).stream().map(Instance::json).toList());
    return HttpService.Reply.ok(body);
  }

  private static String name(String what, String value) {
    try {
      return Names.check(what, value);
    } catch (IllegalArgumentException e) {
      throw new HttpService.HttpError(400, e.getMessage());
    }
  }

  /** The live instances of a service, sorted by id (expired ones are left out). */
  public List<Instance> instances(String service) {
    Objects.requireNonNull(service, "service");
    Instant now = clock.instant();
    List<Instance> live = new ArrayList<>();
    for (Instance instance : services.getOrDefault(service, Map.of()).values()) {
      if (!instance.expired(now)) {
        live.add(instance);
      }
    }
    live.sort(Comparator.comparing(Instance::id));
    return live;
  }

  /**
   * Removes every instance whose TTL has passed since its last heartbeat.
   *
   * @return how many were evicted
   */
  public int evictExpired() {
    Instant now = clock.instant();
    int evicted = 0;
    for (Map<String, Instance> instances : services.values()) {
      for (Instance instance : List.copyOf(instances.values())) {
        if (instance.expired(now) && instances.remove(instance.id(), instance)) {
          evicted++;
          LOG.warn(
              "evicted {}/{}: no heartbeat since {} (TTL {})",
              instance.service(),
              instance.id(),
              instance.lastHeartbeat(),
              instance.ttl());
        }
      }
    }
    return evicted;
  }

  /** How many instances are registered (expired ones not yet swept included). */
  public int size() {
    return services.values().stream().mapToInt(Map::size).sum();
  }

  /** The registry's HTTP side. */
  public HttpService http() {
    return http;
  }

  /** The port it listens on. */
  public int port() {
    return http.port();
  }

  /** Stops the registry, as a crash would: its state is gone. */
  @Override
  public void close() {
    if (sweeper != null) {
      sweeping.cancel(false);
      sweeper.shutdownNow();
    }
    http.close();
  }
}
