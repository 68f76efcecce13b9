package org.interviewtasks.senior.architecture.soa;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.interviewtasks.senior.infra.ManualClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The whole application on loopback sockets, with the registry's TTLs, the clients' ejections and
 * discovery caches on a manual clock: heartbeats and sweeps are driven by the test, so crossing a
 * TTL takes no real time.
 */
class ServiceOrientedAppTest {

  private static final Duration TTL = Duration.ofSeconds(3);
  private static final Duration BEAT = Duration.ofSeconds(1);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final ManualClock clock = new ManualClock();
  private final HttpClient http = HttpClient.newHttpClient();
  private ServiceOrientedApp app;

  @BeforeEach
  void start() {
    app =
        ServiceOrientedApp.start(
            new ServiceOrientedApp.Config(3, 2, TTL, null, null, Duration.ofMillis(500), clock));
  }

  @AfterEach
  void stop() {
    app.close();
    http.close();
  }

  private HttpResponse<String> get(URI base, String path) throws Exception {
    return http.send(
        HttpRequest.newBuilder(base.resolve(path)).build(),
        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  private HttpResponse<String> post(String path, String json) throws Exception {
    return http.send(
        HttpRequest.newBuilder(app.gatewayUri().resolve(path))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8))
            .build(),
        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  private Map<String, Integer> spread(int requests) throws Exception {
    Map<String, Integer> servedBy = new HashMap<>();
    for (int i = 0; i < requests; i++) {
      HttpResponse<String> r = get(app.gatewayUri(), "/api/products/mochi");
      assertThat(r.statusCode()).as("request %d: %s", i, r.body()).isEqualTo(200);
      assertThat(JSON.readTree(r.body()).get("name").asText()).isEqualTo("大福 (daifuku)");
      servedBy.merge(r.headers().firstValue("X-Served-By").orElseThrow(), 1, Integer::sum);
    }
    return servedBy;
  }

  private Set<String> registered(String service) {
    Set<String> ids = new HashSet<>();
    app.registry().instances(service).forEach(i -> ids.add(i.id()));
    return ids;
  }

  /**
   * Moves time on by one heartbeat interval, every live instance beating, the registry sweeping.
   */
  private void tick() {
    clock.advance(BEAT);
    app.beat();
    app.evict();
  }

  @Test
  void everyInstanceRegistersAndTheGatewaySpreadsReadsOverThem() throws Exception {
    assertThat(registered("catalog"))
        .containsExactlyInAnyOrder("catalog-1", "catalog-2", "catalog-3");
    assertThat(registered("orders")).containsExactlyInAnyOrder("orders-1", "orders-2");
    assertThat(registered("gateway")).containsExactly("gateway-1");
    assertThat(spread(9)).isEqualTo(Map.of("catalog-1", 3, "catalog-2", 3, "catalog-3", 3));
  }

  @Test
  void aKilledInstanceIsEvictedWithinItsTtlAndTrafficMovesToTheOthers() throws Exception {
    ServiceOrientedApp.Node victim = app.catalog().get(1);
    victim.kill();
    // Before the registry notices, the gateway meets the dead instance, fails over and ejects it.
    Map<String, Integer> during = spread(6);
    assertThat(during).doesNotContainKey("catalog-2");
    assertThat(during.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(6);

    // Still registered up to its TTL after its last heartbeat (t = 0)...
    for (int beat = 1; beat <= 3; beat++) {
      tick();
      assertThat(registered("catalog")).as("after %d s", beat).contains("catalog-2");
    }
    // ...and gone right after it, while the instances that beat stay.
    clock.advance(Duration.ofMillis(1));
    assertThat(app.evict()).isEqualTo(1);
    assertThat(registered("catalog")).containsExactlyInAnyOrder("catalog-1", "catalog-3");
    assertThat(registered("orders")).hasSize(2);

    // The ejection is over (it lasts one TTL); discovery no longer offers the dead instance.
    tick();
    assertThat(spread(8)).isEqualTo(Map.of("catalog-1", 4, "catalog-3", 4));
  }

  @Test
  void aRestartedRegistryIsRefilledByTheNextHeartbeats() throws Exception {
    assertThat(spread(3)).hasSize(3); // the gateway's discovery has a view to fall back on
    app.stopRegistry();
    // The registry is down: the agents' beats fail, but traffic flows on the cached views.
    clock.advance(BEAT);
    app.beat();
    assertThat(spread(3)).hasSize(3);
    clock.advance(Duration.ofSeconds(1));
    assertThat(spread(3)).hasSize(3);

    app.restartRegistry();
    assertThat(app.registry().size()).isZero();
    app.beat(); // each heartbeat is answered 404, so each instance registers again
    assertThat(registered("catalog"))
        .containsExactlyInAnyOrder("catalog-1", "catalog-2", "catalog-3");
    assertThat(registered("orders")).containsExactlyInAnyOrder("orders-1", "orders-2");
    assertThat(registered("gateway")).containsExactly("gateway-1");
    assertThat(app.nodes().getFirst().agent().beat()).isEqualTo(RegistrationAgent.Outcome.RENEWED);
    clock.advance(Duration.ofSeconds(1));
    assertThat(spread(6)).isEqualTo(Map.of("catalog-1", 2, "catalog-2", 2, "catalog-3", 2));
  }

  @Test
  void ordersArePricedByTheCatalogAndStickToTheirCustomersInstance() throws Exception {
    HttpResponse<String> first =
        post("/api/orders", "{\"customerId\":\"ada\",\"productId\":\"coffee\",\"quantity\":3}");
    assertThat(first.statusCode()).as(first.body()).isEqualTo(201);
    JsonNode order = JSON.readTree(first.body());
    assertThat(order.get("totalCents").asLong()).isEqualTo(3 * 1_290);
    String owner = first.headers().firstValue("X-Served-By").orElseThrow();
    for (int i = 0; i < 4; i++) {
      HttpResponse<String> more =
          post("/api/orders", "{\"customerId\":\"ada\",\"productId\":\"tea\",\"quantity\":1}");
      assertThat(more.headers().firstValue("X-Served-By")).hasValue(owner);
    }
    HttpResponse<String> list = get(app.gatewayUri(), "/api/customers/ada/orders");
    assertThat(list.statusCode()).isEqualTo(200);
    assertThat(JSON.readTree(list.body())).hasSize(5);
    assertThat(list.headers().firstValue("X-Served-By")).hasValue(owner);

    assertThat(
            post("/api/orders", "{\"customerId\":\"ada\",\"productId\":\"caviar\",\"quantity\":1}")
                .statusCode())
        .isEqualTo(404);
    assertThat(
            post("/api/orders", "{\"customerId\":\"ada\",\"productId\":\"tea\",\"quantity\":0}")
                .statusCode())
        .isEqualTo(400);
    assertThat(post("/api/orders", "{\"productId\":\"tea\",\"quantity\":1}").statusCode())
        .isEqualTo(400);
    assertThat(post("/api/orders", "not json").statusCode()).isEqualTo(400);
    assertThat(get(app.gatewayUri(), "/api/nothing").statusCode()).isEqualTo(404);
  }

  @Test
  void aCustomersOrdersMoveOnlyWhenTheirInstanceDies() throws Exception {
    Map<String, String> owners = new HashMap<>();
    for (String customer : List.of("ada", "bob", "cyd", "dan", "eve", "fay")) {
      HttpResponse<String> r =
          post(
              "/api/orders",
              "{\"customerId\":\"" + customer + "\",\"productId\":\"tea\",\"quantity\":1}");
      assertThat(r.statusCode()).isEqualTo(201);
      owners.put(customer, r.headers().firstValue("X-Served-By").orElseThrow());
    }
    assertThat(new HashSet<>(owners.values())).hasSize(2); // both instances own some customers
    ServiceOrientedApp.Node dead = app.orders().getFirst();
    dead.kill();
    for (Map.Entry<String, String> entry : owners.entrySet()) {
      HttpResponse<String> r =
          post(
              "/api/orders",
              "{\"customerId\":\"" + entry.getKey() + "\",\"productId\":\"tea\",\"quantity\":1}");
      assertThat(r.statusCode()).as(r.body()).isEqualTo(201); // a refused connection: failed over
      String now = r.headers().firstValue("X-Served-By").orElseThrow();
      if (!entry.getValue().equals(dead.id())) {
        assertThat(now).as(entry.getKey()).isEqualTo(entry.getValue());
      } else {
        assertThat(now).isNotEqualTo(dead.id());
      }
    }
  }

  private static final Pattern SAMPLE = Pattern.compile("([a-z_]+)\\{(.*)} (\\S+)");

  @Test
  void everyServiceHasHealthAndMetrics() throws Exception {
    spread(3);
    List<URI> all = new java.util.ArrayList<>(List.of(app.registryUri()));
    app.nodes().forEach(n -> all.add(n.http().uri()));
    for (URI service : all) {
      HttpResponse<String> health = get(service, "/health");
      assertThat(health.statusCode()).isEqualTo(200);
      assertThat(JSON.readTree(health.body()).get("status").asText()).isEqualTo("UP");
      HttpResponse<String> metrics = get(service, "/metrics");
      assertThat(metrics.statusCode()).isEqualTo(200);
      assertThat(metrics.headers().firstValue("Content-Type"))
          .hasValueSatisfying(t -> assertThat(t).startsWith("text/plain; version=0.0.4"));
      for (String line : metrics.body().lines().toList()) {
        assertThat(line.startsWith("# ") || SAMPLE.matcher(line).matches()).as(line).isTrue();
      }
    }
    assertThat(
            JSON.readTree(get(app.registryUri(), "/health").body())
                .at("/details/instances")
                .asInt())
        .isEqualTo(6);
    String gateway = get(app.gatewayUri(), "/metrics").body();
    assertThat(
            sample(
                gateway, "http_requests_total", "route=\"GET /api/products/{id}\",status=\"200\""))
        .isEqualTo(3.0);
    assertThat(sample(gateway, "service_up", "")).isEqualTo(1.0);
    String registry = get(app.registryUri(), "/metrics").body();
    assertThat(sample(registry, "registry_instances", "")).isEqualTo(6.0);

    app.gateway().http().drain();
    HttpResponse<String> draining = get(app.gatewayUri(), "/health");
    assertThat(draining.statusCode()).isEqualTo(503);
    assertThat(JSON.readTree(draining.body()).get("status").asText()).isEqualTo("DOWN");
  }

  private static double sample(String exposition, String name, String labels) {
    for (String line : exposition.lines().toList()) {
      Matcher m = SAMPLE.matcher(line);
      if (m.matches() && m.group(1).equals(name) && m.group(2).contains(labels)) {
        return Double.parseDouble(m.group(3));
      }
    }
    throw new AssertionError("no " + name + "{" + labels + "} in\n" + exposition);
  }

  @Test
  void theDemoRunsInRealTime() throws Exception {
    String out =
        org.interviewtasks.common.testing.StdStreams.capture(ServiceOrientedApp::main).out();
    assertThat(out)
        .contains("GET /api/products/mochi -> 200 by catalog-")
        .contains("POST /api/orders -> 201 by orders-")
        .contains("killed catalog-1; requests fail over:")
        .contains("\"status\":\"UP\"");
    assertThat(out.lines().filter(l -> l.startsWith("  ")).toList())
        .containsExactly("  200 by catalog-2", "  200 by catalog-2", "  200 by catalog-2");
  }
}
