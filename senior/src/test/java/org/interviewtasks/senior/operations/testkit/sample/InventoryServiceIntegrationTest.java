package org.interviewtasks.senior.operations.testkit.sample;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.interviewtasks.senior.infra.Endpoint;
import org.interviewtasks.senior.infra.RedisNodes;
import org.interviewtasks.senior.infra.RedisServers;
import org.interviewtasks.senior.operations.testkit.IntegrationTest;
import org.interviewtasks.senior.operations.testkit.RunningService;
import org.interviewtasks.senior.operations.testkit.ServiceClient;
import org.interviewtasks.senior.operations.testkit.WithService;
import redis.clients.jedis.RedisClient;

/**
 * The integration layer: the real HTTP service on a real Redis server ({@code @RedisServers}, which
 * empties it after each test), started by {@code @WithService}.
 */
@RedisServers(1)
@WithService(RedisInventoryLauncher.class)
public class InventoryServiceIntegrationTest {

  private static final String WIDGET = "{\"name\": \"Widget\", \"quantity\": 5}";

  @IntegrationTest
  void storesItemsInRedis(ServiceClient client, RedisNodes redis) {
    ServiceClient.Response put = client.putJson("/items/WIDGET-1", WIDGET);

    assertThat(put.status()).isEqualTo(200);
    assertThat(put.header("content-type")).contains("application/json");
    Endpoint endpoint = redis.endpoint(0);
    try (RedisClient direct = RedisClient.create(endpoint.host(), endpoint.port())) {
      assertThat(direct.hgetAll("inventory:item:WIDGET-1"))
          .isEqualTo(Map.of("name", "Widget", "quantity", "5"));
    }
    JsonNode item = client.get("/items/WIDGET-1").json();
    assertThat(item.get("quantity").intValue()).isEqualTo(5);
    assertThat(item.get("name").asText()).isEqualTo("Widget");
  }

  @IntegrationTest
  void reservesThroughTheLuaScript(ServiceClient client) {
    client.putJson("/items/WIDGET-1", WIDGET);

    ServiceClient.Response granted =
        client.postJson("/items/WIDGET-1/reservations", "{\"quantity\": 5}");
    ServiceClient.Response refused =
        client.postJson("/items/WIDGET-1/reservations", "{\"quantity\": 1}");

    assertThat(granted.status()).isEqualTo(201);
    assertThat(granted.json().get("remaining").intValue()).isZero();
    assertThat(refused.status()).isEqualTo(409);
    assertThat(refused.header("Content-Type")).contains("application/problem+json");
    assertThat(refused.json().get("detail").asText())
        .isEqualTo("only 0 of WIDGET-1 in stock, 1 requested");
  }

  @IntegrationTest
  void concurrentClientsNeverOversell(ServiceClient client, RedisNodes redis) throws Exception {
    client.putJson("/items/WIDGET-1", "{\"name\": \"Widget\", \"quantity\": 7}");
    List<Integer> statuses = new ArrayList<>();
    try (var pool = Executors.newFixedThreadPool(8)) {
      List<Future<Integer>> calls = new ArrayList<>();
      for (int i = 0; i < 20; i++) {
        calls.add(
            pool.submit(
                () ->
                    client.postJson("/items/WIDGET-1/reservations", "{\"quantity\": 1}").status()));
      }
      for (Future<Integer> call : calls) {
        statuses.add(call.get());
      }
    }
    assertThat(statuses).filteredOn(s -> s == 201).hasSize(7);
    assertThat(statuses).filteredOn(s -> s == 409).hasSize(13);
    Endpoint endpoint = redis.endpoint(0);
    try (RedisClient direct = RedisClient.create(endpoint.host(), endpoint.port())) {
      assertThat(direct.hget("inventory:item:WIDGET-1", "quantity")).isEqualTo("0");
    }
  }

  @IntegrationTest
  void answersBadInputWithProblemDetails(ServiceClient client) {
    assertProblem(client.get("/items/lower"), 400, "sku must be 2 to 32");
    assertProblem(client.get("/items/NONE-1"), 404, "no item NONE-1");
    assertProblem(client.putJson("/items/WIDGET-1", "not json"), 400, "malformed JSON body");
    assertProblem(client.putJson("/items/WIDGET-1", "[1]"), 400, "must be a JSON object");
    assertProblem(
        client.putJson("/items/WIDGET-1", "{\"quantity\": 1}"), 400, "name must be a string");
    assertProblem(
        client.putJson("/items/WIDGET-1", "{\"name\": \"W\", \"quantity\": 1.5}"),
        400,
        "quantity must be an integer");
    assertProblem(
        client.putJson("/items/WIDGET-1", "{\"name\": \"W\", \"quantity\": -3}"),
        400,
        "quantity must be 0 to 1000000: -3");
    assertProblem(
        client.postJson("/items/NONE-1/reservations", "{\"quantity\": 1}"), 404, "no item NONE-1");
    assertProblem(
        client.postJson("/items/NONE-1/reservations", "{\"quantity\": 0}"),
        400,
        "quantity must be 1 to 1000000: 0");
  }

  @IntegrationTest
  void sharesOneServicePerClassAndReportsItsStore(
      RunningService service, URI baseUri, ServiceClient client) {
    assertThat(service.baseUri()).isEqualTo(baseUri).isEqualTo(client.baseUri());
    assertThat(baseUri.getHost()).isEqualTo("127.0.0.1");
    JsonNode health = client.get("/health").json();
    assertThat(health.get("status").asText()).isEqualTo("UP");
    assertThat(health.at("/details/store").asText()).isEqualTo("redis");
  }

  private static void assertProblem(ServiceClient.Response response, int status, String detail) {
    assertThat(response.status()).as(response.body()).isEqualTo(status);
    assertThat(response.header("content-type")).contains("application/problem+json");
    assertThat(response.json().get("status").intValue()).isEqualTo(status);
    assertThat(response.json().get("detail").asText()).contains(detail);
  }
}
