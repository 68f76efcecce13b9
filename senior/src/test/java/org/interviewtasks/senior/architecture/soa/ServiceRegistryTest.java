package org.interviewtasks.senior.architecture.soa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.interviewtasks.senior.architecture.soa.RegistrationAgent.Outcome;
import org.interviewtasks.senior.infra.ManualClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ServiceRegistryTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private final ManualClock clock = new ManualClock();
  private final ServiceRegistry registry = ServiceRegistry.start(clock, 0, null);
  private final URI base = URI.create("http://127.0.0.1:" + registry.port());
  private final HttpClient http = HttpClient.newHttpClient();

  @AfterEach
  void stop() {
    http.close();
    registry.close();
  }

  private HttpResponse<String> send(String method, String path, String body) throws Exception {
    return http.send(
        HttpRequest.newBuilder(base.resolve(path))
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void registersRenewsListsAndEvictsByTtl() throws Exception {
    assertThat(
            send(
                    "PUT",
                    "/v1/registry/catalog/catalog-1",
                    "{\"host\":\"127.0.0.1\",\"port\":8081,\"ttlMillis\":3000}")
                .statusCode())
        .isEqualTo(200);
    assertThat(
            send(
                    "PUT",
                    "/v1/registry/catalog/catalog-2",
                    "{\"host\":\"127.0.0.1\",\"port\":8082,\"ttlMillis\":1000}")
                .statusCode())
        .isEqualTo(200);
    assertThat(JSON.readTree(send("GET", "/v1/registry/catalog", null).body()).path("instances"))
        .extracting(n -> n.get("id").asText())
        .containsExactly("catalog-1", "catalog-2");
    clock.advance(Duration.ofMillis(900));
    assertThat(send("PUT", "/v1/registry/catalog/catalog-1/heartbeat", null).statusCode())
        .isEqualTo(200);
    clock.advance(Duration.ofMillis(101)); // catalog-2: 1001 ms since its registration
    assertThat(registry.instances("catalog"))
        .extracting(ServiceRegistry.Instance::id)
        .containsExactly("catalog-1");
    assertThat(registry.size()).isEqualTo(2); // expired but not swept yet
    assertThat(send("PUT", "/v1/registry/catalog/catalog-2/heartbeat", null).statusCode())
        .isEqualTo(404);
    assertThat(registry.size()).isEqualTo(1); // the late heartbeat found it expired: removed
    clock.advance(Duration.ofMillis(2_899)); // t = 3900: catalog-1's last beat (900) + its TTL
    assertThat(registry.evictExpired()).isEqualTo(0);
    clock.advance(Duration.ofMillis(1));
    assertThat(registry.evictExpired()).isEqualTo(1);
    assertThat(registry.instances("catalog")).isEmpty();
  }

  @Test
  void deregistersAndAnswersUnknownInstancesWith404() throws Exception {
    send(
        "PUT",
        "/v1/registry/orders/orders-1",
        "{\"host\":\"localhost\",\"port\":9000,\"ttlMillis\":500}");
    assertThat(send("DELETE", "/v1/registry/orders/orders-1", null).statusCode()).isEqualTo(204);
    assertThat(send("DELETE", "/v1/registry/orders/orders-1", null).statusCode()).isEqualTo(404);
    assertThat(send("PUT", "/v1/registry/orders/orders-9/heartbeat", null).statusCode())
        .isEqualTo(404);
    assertThat(send("GET", "/v1/registry/nothing", null).body())
        .isEqualTo("{\"service\":\"nothing\",\"instances\":[]}");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          /v1/registry/catalog/c-1|{"host":"10.0.0.1","port":1,"ttlMillis":1000}
          /v1/registry/catalog/c-1|{"host":"127.0.0.1","port":0,"ttlMillis":1000}
          /v1/registry/catalog/c-1|{"host":"127.0.0.1","port":"80","ttlMillis":1000}
          /v1/registry/catalog/c-1|{"host":"127.0.0.1","port":70000,"ttlMillis":1000}
          /v1/registry/catalog/c-1|{"host":"127.0.0.1","port":80,"ttlMillis":99}
          /v1/registry/catalog/c-1|{"host":"127.0.0.1","port":80,"ttlMillis":600001}
          /v1/registry/catalog/c-1|{"host":"127.0.0.1","port":80}
          /v1/registry/catalog/c-1|[1,2]
          /v1/registry/catalog/c-1|not json
          /v1/registry/Catalog/c-1|{"host":"127.0.0.1","port":80,"ttlMillis":1000}
          /v1/registry/catalog/caf%C3%A9|{"host":"127.0.0.1","port":80,"ttlMillis":1000}
          """)
  void rejectsBadRegistrationsWith400(String path, String body) throws Exception {
    HttpResponse<String> response = send("PUT", path, body);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    assertThat(JSON.readTree(response.body()).get("detail").asText()).isNotBlank();
    assertThat(registry.size()).isZero();
  }

  @Test
  void anAgentRegistersRenewsAndRegistersAgainAfterEviction() {
    URI registryUri = URI.create("http://127.0.0.1:" + registry.port());
    try (RegistrationAgent agent =
        new RegistrationAgent(registryUri, "catalog", "catalog-7", 8087, Duration.ofSeconds(2))) {
      assertThat(agent.beat()).isEqualTo(Outcome.REGISTERED);
      assertThat(agent.beat()).isEqualTo(Outcome.RENEWED);
      clock.advance(Duration.ofSeconds(3));
      registry.evictExpired();
      assertThat(registry.instances("catalog")).isEmpty();
      assertThat(agent.beat()).isEqualTo(Outcome.REGISTERED);
      assertThat(registry.instances("catalog"))
          .extracting(ServiceRegistry.Instance::port)
          .containsExactly(8087);
    }
    assertThat(registry.instances("catalog")).isEmpty(); // close() deregistered
  }

  @Test
  void anAgentSurvivesAnUnreachableRegistryAndRefusesToBeatWhenStopped() {
    ServiceRegistry gone = ServiceRegistry.start(clock, 0, Duration.ofSeconds(1));
    URI uri = URI.create("http://127.0.0.1:" + gone.port());
    gone.close();
    RegistrationAgent agent =
        new RegistrationAgent(uri, "catalog", "catalog-1", 8081, Duration.ofSeconds(2));
    assertThat(agent.beat()).isEqualTo(Outcome.FAILED);
    agent.stop();
    assertThatThrownBy(agent::beat)
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("agent of catalog-1 is stopped");
    assertThatThrownBy(() -> agent.start(Duration.ofSeconds(1)))
        .isInstanceOf(IllegalStateException.class);
    agent.close();
  }

  @Test
  void aTimedAgentBeatsOnItsOwn() {
    URI registryUri = URI.create("http://127.0.0.1:" + registry.port());
    try (RegistrationAgent agent =
        new RegistrationAgent(registryUri, "gateway", "gateway-1", 8080, Duration.ofSeconds(2))) {
      assertThatThrownBy(() -> agent.start(Duration.ofSeconds(2)))
          .hasMessageContaining("interval must be in (0, ttl");
      agent.start(Duration.ofMillis(50));
      org.awaitility.Awaitility.await()
          .atMost(Duration.ofSeconds(10))
          .until(() -> registry.instances("gateway").size() == 1);
    }
  }

  @Test
  void rejectsBadArguments() {
    URI uri = URI.create("http://127.0.0.1:1");
    assertThatThrownBy(() -> new RegistrationAgent(uri, "Bad", "x", 1, Duration.ofSeconds(1)))
        .hasMessage("service must be 1-63 of [a-z0-9-], starting with a letter: 'Bad'");
    assertThatThrownBy(() -> new RegistrationAgent(uri, "a", "x", 0, Duration.ofSeconds(1)))
        .hasMessage("port must be 1..65535: 0");
    assertThatThrownBy(() -> new RegistrationAgent(uri, "a", "x", 1, Duration.ofMillis(99)))
        .hasMessageContaining("ttl must be in");
    assertThatThrownBy(() -> new RegistrationAgent(null, "a", "x", 1, Duration.ofSeconds(1)))
        .isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> ServiceRegistry.start(clock, 0, Duration.ZERO))
        .hasMessage("sweepInterval must be > 0: PT0S");
    assertThatThrownBy(() -> registry.instances(null)).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> new Discovery(uri, clock, Duration.ofMillis(-1)))
        .hasMessage("refresh must be >= 0: PT-0.001S");
    assertThatThrownBy(() -> HttpService.builder("catalog", "catalog-1").port(-1))
        .hasMessage("port must be 0..65535: -1");
    assertThatThrownBy(
            () ->
                HttpService.builder("catalog", "catalog-1")
                    .route(
                        org.interviewtasks.senior.advanced.microservices.HttpRoute.get("/health"),
                        r -> null))
        .hasMessage("/health is built in");
    assertThatThrownBy(() -> new HttpService.HttpError(200, "ok"))
        .hasMessage("status must be 400..599: 200");
    assertThatThrownBy(() -> new HttpService.Reply(99, null))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Metrics("x").gauge("bad name", () -> 1))
        .hasMessage("not a metric name: bad name");
    assertThatThrownBy(
            () ->
                new ServiceOrientedApp.Config(
                    0, 1, Duration.ofSeconds(1), null, null, Duration.ZERO, clock))
        .hasMessage("instances must be 1..16: catalog 0, orders 1");
    assertThat(List.of()).isEmpty();
  }

  @Test
  void closedClientsRefuseWork() {
    Discovery discovery = new Discovery(base, clock, Duration.ZERO);
    ServiceClient client =
        new ServiceClient(
            "catalog",
            discovery,
            org.interviewtasks.senior.concurrency.loadbalancer.Strategy.roundRobin(),
            clock,
            Duration.ofSeconds(1),
            Duration.ofSeconds(1));
    assertThat(discovery.instances("catalog")).isEmpty();
    assertThatThrownBy(() -> client.send("GET", "/v1/products", null, null, true))
        .isInstanceOfSatisfying(
            HttpService.HttpError.class, e -> assertThat(e.status()).isEqualTo(503));
    assertThatThrownBy(() -> client.send("GET", "v1", null, null, true))
        .hasMessage("path must start with /: v1");
    client.close();
    discovery.close();
    assertThatThrownBy(() -> client.send("GET", "/v1/products", null, null, true))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("client of catalog is closed");
    assertThatThrownBy(() -> discovery.instances("catalog"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("discovery is closed");
    assertThat(client.service()).isEqualTo("catalog");
  }
}
