package org.interviewtasks.senior.architecture.soa;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.interviewtasks.common.Task;
import org.interviewtasks.senior.concurrency.loadbalancer.Strategy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A small service-oriented application: a catalog, an orders service and an API gateway, each run
 * as several instances that find one another through a service registry, balance their calls on the
 * client side, and expose health and metrics. {@code ServiceOrientedApp.md} beside this class
 * explains the discovery, monitoring and scaling choices and what production uses instead.
 *
 * <p><b>Approach.</b> Every instance is an {@link HttpService} (JDK HTTP server, JSON, {@code
 * /health}, {@code /metrics}) with a {@link RegistrationAgent} that registers it in the {@link
 * ServiceRegistry} with a TTL and renews it by heartbeats. Callers ask a {@link Discovery} for the
 * live instances (cached briefly, kept when the registry is down) and a {@link ServiceClient} picks
 * one: round robin (senior.concurrency.8's {@link Strategy}) for the stateless catalog, the owner
 * on a consistent-hash ring (senior.architecture.2) for the orders of a customer. A refused
 * connection ejects the instance locally and fails over at once; the registry evicts it when its
 * TTL passes.
 *
 * <p><b>Timing.</b> A crashed instance leaves the registry at most TTL after its last heartbeat
 * (plus one sweep), and leaves a client's view at most one discovery refresh later; a client that
 * meets it before that fails over on the refused connection, so no call fails on its account. A
 * restarted registry is full again within one heartbeat interval, since a heartbeat answered 404
 * registers again. All of it is computed from an injected clock, so the tests cross TTLs without
 * sleeping.
 *
 * <p><b>Failure modes and trade-offs.</b> The registry is a single in-memory node: while it is
 * down, nothing new is discovered but everything keeps working from cached views (availability over
 * consistency, as Eureka chooses). A partitioned but live instance is evicted and stops getting
 * traffic (a false positive) until its next heartbeat gets through. An instance that is alive but
 * broken still beats: heartbeats prove liveness, not health, which is why {@code /health} is
 * separate and a production setup probes it (Kubernetes readiness) or checks it from the registry
 * (Consul checks).
 *
 * <p><b>Follow-up.</b> <i>"Client-side or server-side discovery?"</i> Client-side (this one, Eureka
 * + a client balancer) saves a hop and lets the client hash keys, but every client needs the
 * library; server-side (a load balancer, a Kubernetes Service's virtual IP) keeps clients dumb at
 * the cost of a hop and a component to scale. <i>"How do you scale the orders service?"</i> Keep
 * its instances stateless (orders in a database) and add instances; partitioning in memory, as
 * here, moves 1/n of the customers when an instance joins, and their in-memory orders would have to
 * move with them.
 */
@Task(id = "senior.architecture.1", title = "Service-oriented application with discovery")
public final class ServiceOrientedApp implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(ServiceOrientedApp.class);

  /**
   * How to run the application.
   *
   * @param catalogInstances catalog instances, 1 to 16
   * @param ordersInstances orders instances, 1 to 16
   * @param ttl the registration TTL of every instance
   * @param heartbeat the heartbeat interval, or null for none (then {@link #beat()} drives them)
   * @param sweep how often the registry evicts, or null for none ({@link #evict()} does)
   * @param discoveryRefresh how long a client uses a registry answer
   * @param clock where time comes from (TTLs, ejections, caches)
   */
  public record Config(
      int catalogInstances,
      int ordersInstances,
      Duration ttl,
      Duration heartbeat,
      Duration sweep,
      Duration discoveryRefresh,
      InstantSource clock) {

    /** Checks the settings. */
    public Config {
      if (catalogInstances < 1
          || catalogInstances > 16
          || ordersInstances < 1
          || ordersInstances > 16) {
        throw new IllegalArgumentException(
            "instances must be 1..16: catalog " + catalogInstances + ", orders " + ordersInstances);
      }
      Objects.requireNonNull(ttl, "ttl");
      Objects.requireNonNull(discoveryRefresh, "discoveryRefresh");
      Objects.requireNonNull(clock, "clock");
    }

    /** Real time: 2 catalog and 2 orders instances, TTL 3 s, heartbeats every second. */
    public static Config defaults() {
      return new Config(
          2,
          2,
          Duration.ofSeconds(3),
          Duration.ofSeconds(1),
          Duration.ofMillis(500),
          Duration.ofMillis(500),
          InstantSource.system());
    }
  }

  /**
   * One running instance and its registration.
   *
   * @param http the instance
   * @param agent its registration
   */
  public record Node(HttpService http, RegistrationAgent agent) {
    /** The instance id. */
    public String id() {
      return http.instance();
    }

    /** Kills the instance as a crash would: no deregistration, connections refused from now on. */
    public void kill() {
      agent.stop();
      http.close();
    }

    /** Whether it has been killed or closed. */
    public boolean dead() {
      return http.isClosed();
    }
  }

  private final Config config;
  private final List<Node> catalog = new ArrayList<>();
  private final List<Node> orders = new ArrayList<>();
  private final List<AutoCloseable> clients = new ArrayList<>();
  private final int registryPort;
  private ServiceRegistry registry;
  private Node gateway;

  private ServiceOrientedApp(Config config) {
    this.config = config;
    this.registry = ServiceRegistry.start(config.clock(), 0, config.sweep());
    this.registryPort = registry.port();
  }

  /** Starts the registry, the services and the gateway, each instance registered. */
  public static ServiceOrientedApp start(Config config) {
    Objects.requireNonNull(config, "config");
    ServiceOrientedApp app = new ServiceOrientedApp(config);
    try {
      app.startServices();
      return app;
    } catch (RuntimeException e) {
      app.close();
      throw e;
    }
  }

  private void startServices() {
    InstantSource clock = config.clock();
    for (int i = 1; i <= config.catalogInstances(); i++) {
      catalog.add(node(CatalogService.start("catalog-" + i, CatalogService.PRODUCTS, clock)));
    }
    for (int i = 1; i <= config.ordersInstances(); i++) {
      ServiceClient toCatalog = client(CatalogService.NAME, Strategy.roundRobin());
      orders.add(node(OrdersService.start("orders-" + i, toCatalog, clock)));
    }
    gateway =
        node(
            ApiGateway.start(
                "gateway-1",
                client(CatalogService.NAME, Strategy.roundRobin()),
                client(OrdersService.NAME, Strategy.leastConnections()),
                clock));
  }

  private ServiceClient client(String service, Strategy strategy) {
    Discovery discovery = new Discovery(registryUri(), config.clock(), config.discoveryRefresh());
    ServiceClient client =
        new ServiceClient(
            service, discovery, strategy, config.clock(), config.ttl(), Duration.ofSeconds(5));
    clients.add(client);
    clients.add(discovery);
    return client;
  }

  private Node node(HttpService http) {
    RegistrationAgent agent =
        new RegistrationAgent(
            registryUri(), http.service(), http.instance(), http.port(), config.ttl());
    Node node = new Node(http, agent);
    agent.beat(); // registers at once
    if (config.heartbeat() != null) {
      agent.start(config.heartbeat());
    }
    return node;
  }

  /** The registry's address (the same across {@link #restartRegistry()}). */
  public URI registryUri() {
    return URI.create("http://127.0.0.1:" + registryPort);
  }

  /** The gateway's address: the application's public entry. */
  public URI gatewayUri() {
    return gateway.http().uri();
  }

  /** The registry now running. */
  public ServiceRegistry registry() {
    return registry;
  }

  /** The catalog instances, dead ones included. */
  public List<Node> catalog() {
    return List.copyOf(catalog);
  }

  /** The orders instances, dead ones included. */
  public List<Node> orders() {
    return List.copyOf(orders);
  }

  /** The gateway instance. */
  public Node gateway() {
    return gateway;
  }

  /** Every instance, the registry's excepted. */
  public List<Node> nodes() {
    List<Node> all = new ArrayList<>(catalog);
    all.addAll(orders);
    all.add(gateway);
    return all;
  }

  /** One heartbeat from every live instance (what the timers do when {@code heartbeat} is set). */
  public void beat() {
    for (Node node : nodes()) {
      if (!node.dead()) {
        node.agent().beat();
      }
    }
  }

  /** One eviction sweep of the registry (what its timer does when {@code sweep} is set). */
  public int evict() {
    return registry.evictExpired();
  }

  /**
   * Stops the registry, losing its state. Instances keep serving; discovery serves cached views.
   */
  public void stopRegistry() {
    registry.close();
  }

  /** Starts an empty registry on the same port (after {@link #stopRegistry()}). */
  public void restartRegistry() {
    registry.close();
    registry = ServiceRegistry.start(config.clock(), registryPort, config.sweep());
  }

  /** Deregisters and stops everything. */
  @Override
  public void close() {
    for (Node node : nodes().reversed()) {
      if (node != null) {
        node.agent().close();
        node.http().close();
      }
    }
    for (AutoCloseable client : clients) {
      try {
        client.close();
      } catch (Exception e) {
        LOG.debug("closing a client failed: {}", e.toString());
      }
    }
    registry.close();
  }

  /** Runs the demo: the application in real time, an order through the gateway, a crash. */
  public static void main(String... args) throws Exception {
    if (args.length > 0) {
      throw new IllegalArgumentException("usage: senior.architecture.1 (no arguments)");
    }
    try (ServiceOrientedApp app = start(Config.defaults());
        HttpClient http = HttpClient.newHttpClient()) {
      URI gw = app.gatewayUri();
      System.out.println("gateway " + gw + ", registry " + app.registryUri());
      for (int i = 0; i < 4; i++) {
        HttpResponse<String> r =
            http.send(
                HttpRequest.newBuilder(gw.resolve("/api/products/mochi")).build(),
                HttpResponse.BodyHandlers.ofString());
        System.out.println(
            "GET /api/products/mochi -> "
                + r.statusCode()
                + " by "
                + r.headers().firstValue("X-Served-By").orElse("?")
                + ": "
                + r.body());
      }
      HttpResponse<String> order =
          http.send(
              HttpRequest.newBuilder(gw.resolve("/api/orders"))
                  .POST(
                      HttpRequest.BodyPublishers.ofString(
                          "{\"customerId\":\"ada\",\"productId\":\"tea\",\"quantity\":3}"))
                  .header("Content-Type", "application/json")
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      System.out.println(
          "POST /api/orders -> "
              + order.statusCode()
              + " by "
              + order.headers().firstValue("X-Served-By").orElse("?")
              + ": "
              + order.body());
      app.catalog().getFirst().kill();
      System.out.println("killed catalog-1; requests fail over:");
      for (int i = 0; i < 3; i++) {
        HttpResponse<String> r =
            http.send(
                HttpRequest.newBuilder(gw.resolve("/api/products/tea")).build(),
                HttpResponse.BodyHandlers.ofString());
        System.out.println(
            "  " + r.statusCode() + " by " + r.headers().firstValue("X-Served-By").orElse("?"));
      }
      System.out.println(
          "registry /health: "
              + http.send(
                      HttpRequest.newBuilder(app.registryUri().resolve("/health")).build(),
                      HttpResponse.BodyHandlers.ofString())
                  .body());
    }
  }
}
