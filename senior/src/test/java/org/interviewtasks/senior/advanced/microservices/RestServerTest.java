package org.interviewtasks.senior.advanced.microservices;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The REST side seen by a plain HTTP client: routes, JSON, problem details, the router's refusals.
 */
class RestServerTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static ControlledInventory inventory;
  private static RestServer server;
  private static HttpClient http;

  @BeforeAll
  static void start() {
    inventory = new ControlledInventory();
    server = RestServer.start(List.of(inventory.definition()));
    http = HttpClient.newHttpClient();
  }

  @AfterAll
  static void stop() {
    http.close();
    server.close();
  }

  private static HttpResponse<String> send(
      String method, String path, String type, String body, String... headers)
      throws IOException, InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    if (type != null) {
      request.header("Content-Type", type);
    }
    for (int i = 0; i < headers.length; i += 2) {
      request.header(headers[i], headers[i + 1]);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  @Test
  void getsAnItemAsCanonicalProtobufJson() throws Exception {
    HttpResponse<String> response =
        send("GET", "/v1/items/caf%C3%A9%2Fmoulu%20%F0%9F%8D%B5", null, null);
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValue("application/json; charset=utf-8");
    assertThat(JSON.readTree(response.body()))
        .isEqualTo(
            JSON.readTree(
                """
            {"sku":"café/moulu 🍵","name":"Café moulu, 250 g","priceCents":"1290","available":3}"""));
  }

  @Test
  void postsAReservationWithAJsonBody() throws Exception {
    HttpResponse<String> response =
        send("POST", "/v1/items/tea/reservations", "application/json", "{\"quantity\": 5}");
    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode body = JSON.readTree(response.body());
    assertThat(body.get("sku").asText()).isEqualTo("tea");
    assertThat(body.get("quantity").asInt()).isEqualTo(5);
    assertThat(body.get("remaining").asInt()).isEqualTo(35);
  }

  @ParameterizedTest(name = "{0} {1} -> {3} {4}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          GET|/v1/items/coffee|-|404|NOT_FOUND
          GET|/v1/items/%20|-|400|INVALID_ARGUMENT
          GET|/v1/nothing|-|404|NOT_FOUND
          GET|/v1/items/tea/reservations|-|405|UNIMPLEMENTED
          DELETE|/v1/items/tea|-|405|UNIMPLEMENTED
          GET|/v1/items/tea?colour=red|-|400|INVALID_ARGUMENT
          GET|/v1/items/tea?sku=tea|-|400|INVALID_ARGUMENT
          GET|/v1/items/%E0%A4|-|404|NOT_FOUND
          POST|/v1/items/tea/reservations|{"quantity": 0}|400|INVALID_ARGUMENT
          POST|/v1/items/tea/reservations|{"quantity": "many"}|400|INVALID_ARGUMENT
          POST|/v1/items/tea/reservations|{"quantity": 1, "colour": 2}|400|INVALID_ARGUMENT
          POST|/v1/items/tea/reservations|{not json|400|INVALID_ARGUMENT
          POST|/v1/items/tea/reservations|{"sku": "milk", "quantity": 1}|400|INVALID_ARGUMENT
          POST|/v1/items/tea/reservations|{"quantity": 1000}|400|FAILED_PRECONDITION
          """)
  void answersErrorsWithProblemDetails(
      String method, String path, String body, int status, String code) throws Exception {
    String json = body.equals("-") ? null : body;
    HttpResponse<String> response =
        send(method, path, json == null ? null : "application/json", json);
    assertThat(response.statusCode()).isEqualTo(status);
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValue("application/problem+json; charset=utf-8");
    JsonNode problem = JSON.readTree(response.body());
    assertThat(problem.get("status").asInt()).isEqualTo(status);
    assertThat(problem.get("code").asText()).isEqualTo(code);
    assertThat(problem.get("detail").asText()).isNotBlank();
    if (status == 405) {
      assertThat(response.headers().firstValue("Allow")).isPresent();
    }
    assertThat(
            inventory
                .store
                .getItem(
                    org.interviewtasks.senior.advanced.microservices.proto.GetItemRequest
                        .newBuilder()
                        .setSku("tea")
                        .build())
                .getAvailable())
        .isGreaterThanOrEqualTo(35);
  }

  @Test
  void refusesABodyThatIsNotJsonOrTooLarge() throws Exception {
    assertThat(send("POST", "/v1/items/tea/reservations", "text/plain", "quantity=1").statusCode())
        .isEqualTo(415);
    assertThat(send("POST", "/v1/items/tea/reservations", null, "{}").statusCode()).isEqualTo(415);
    String huge = "{\"quantity\": 1, \"sku\": \"" + "x".repeat(RestServer.MAX_BODY) + "\"}";
    assertThat(send("POST", "/v1/items/tea/reservations", "application/json", huge).statusCode())
        .isEqualTo(413);
  }

  @ParameterizedTest
  @CsvSource({"abc,400", "-5,400", "1.5,400", "86400001,400", "0,504", "5000,200"})
  void readsTheTimeoutHeader(String value, int status) throws Exception {
    HttpResponse<String> response =
        send("GET", "/v1/items/tea", null, null, RestServer.TIMEOUT_HEADER, value);
    assertThat(response.statusCode()).isEqualTo(status);
  }
}
