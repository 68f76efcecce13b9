package org.interviewtasks.senior.architecture.restapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ScalableRestApiSecurityTest {

  static final ObjectMapper JSON = new ObjectMapper();
  static final HttpClient HTTP = HttpClient.newHttpClient();
  static final ManualTime TIME = new ManualTime();

  static ProductStore store;
  static ScalableRestApi api;

  @BeforeAll
  static void start() throws Exception {
    store = ProductStore.inMemory();
    store.seed(50, 3);
    api =
        ScalableRestApi.builder(store, Tokens.authenticator())
            .rateLimit(5, 1, Duration.ofSeconds(2))
            .timeSource(TIME)
            .clock(Clock.fixed(Tokens.NOW, ZoneOffset.UTC))
            .start();
  }

  @AfterAll
  static void stop() throws SQLException {
    api.close();
    api.close();
    store.close();
  }

  static HttpResponse<String> get(String path, String authorization) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(api.baseUri().resolve(path));
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  static String unsigned(JWTClaimsSet claims) {
    return new PlainJWT(claims).serialize();
  }

  static String hmacWithThePublicKey(JWTClaimsSet claims) throws Exception {
    SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
    jwt.sign(new MACSigner(Tokens.KEY.toRSAPublicKey().getEncoded()));
    return jwt.serialize();
  }

  static String tamperedPayload() {
    String token = Tokens.sign(Tokens.claims("client-t", "products:read").build());
    String[] parts = token.split("\\.", -1);
    String payload = Tokens.claims("client-t", "products:read products:write").build().toString();
    parts[1] =
        Base64.getUrlEncoder()
            .withoutPadding()
            .encodeToString(payload.getBytes(StandardCharsets.UTF_8));
    return String.join(".", parts);
  }

  static String tamperedSignature() {
    String token = Tokens.sign(Tokens.claims("client-s", "products:read").build());
    char last = token.charAt(token.length() - 5);
    return token.substring(0, token.length() - 5)
        + (last == 'A' ? 'B' : 'A')
        + token.substring(token.length() - 4);
  }

  static Stream<Arguments> rejectedTokens() throws Exception {
    return Stream.of(
        Arguments.of("no header", null),
        Arguments.of("not bearer", "Basic dXNlcjpwYXNz"),
        Arguments.of("empty bearer", "Bearer "),
        Arguments.of("garbage", "Bearer not.a.jwt"),
        Arguments.of("too long", "Bearer " + "a".repeat(9000)),
        Arguments.of("alg none", "Bearer " + unsigned(Tokens.claims("c", "products:read").build())),
        Arguments.of(
            "HS256 signed with the RSA public key",
            "Bearer " + hmacWithThePublicKey(Tokens.claims("c", "products:read").build())),
        Arguments.of(
            "expired",
            "Bearer "
                + Tokens.sign(
                    Tokens.claims("c", "products:read")
                        .expirationTime(Date.from(Tokens.NOW.minusSeconds(31)))
                        .build())),
        Arguments.of(
            "not yet valid",
            "Bearer "
                + Tokens.sign(
                    Tokens.claims("c", "products:read")
                        .notBeforeTime(Date.from(Tokens.NOW.plusSeconds(31)))
                        .build())),
        Arguments.of(
            "no expiry",
            "Bearer "
                + Tokens.sign(Tokens.claims("c", "products:read").expirationTime(null).build())),
        Arguments.of(
            "wrong issuer",
            "Bearer "
                + Tokens.sign(Tokens.claims("c", "products:read").issuer("https://evil").build())),
        Arguments.of(
            "wrong audience",
            "Bearer "
                + Tokens.sign(Tokens.claims("c", "products:read").audience("other-api").build())),
        Arguments.of(
            "no subject", "Bearer " + Tokens.sign(Tokens.claims(null, "products:read").build())),
        Arguments.of(
            "signed by another key with the same kid",
            "Bearer " + Tokens.sign(Tokens.claims("c", "products:read").build(), Tokens.OTHER_KEY)),
        Arguments.of("tampered payload", "Bearer " + tamperedPayload()),
        Arguments.of("tampered signature", "Bearer " + tamperedSignature()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rejectedTokens")
  void badTokensGet401WithAProblemBody(String why, String authorization) throws Exception {
    HttpResponse<String> response = get("/products", authorization);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(401);
    assertThat(response.headers().firstValue("WWW-Authenticate"))
        .hasValueSatisfying(value -> assertThat(value).startsWith("Bearer"));
    JsonNode body = JSON.readTree(response.body());
    assertThat(body.get("status").asInt()).isEqualTo(401);
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
  }

  @Test
  void tokensWithinTheLeewayAreAccepted() throws Exception {
    String almostExpired =
        Tokens.sign(
            Tokens.claims("leeway", "products:read")
                .expirationTime(Date.from(Tokens.NOW.minusSeconds(29)))
                .notBeforeTime(Date.from(Tokens.NOW.plusSeconds(29)))
                .build());
    assertThat(get("/products?limit=1", "Bearer " + almostExpired).statusCode()).isEqualTo(200);
  }

  @Test
  void aMissingScopeGets403() throws Exception {
    HttpResponse<String> read = get("/products", Tokens.bearer("scopeless", "profile"));
    assertThat(read.statusCode()).isEqualTo(403);
    assertThat(read.headers().firstValue("WWW-Authenticate"))
        .hasValueSatisfying(value -> assertThat(value).contains("insufficient_scope"));
    HttpResponse<String> write =
        HTTP.send(
            HttpRequest.newBuilder(api.baseUri().resolve("/products"))
                .header("Authorization", Tokens.bearer("reader-only", "products:read"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{}"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(write.statusCode()).isEqualTo(403);
    assertThat(JSON.readTree(write.body()).get("status").asInt()).isEqualTo(403);
    assertThat(store.count()).isEqualTo(50);
  }

  @Test
  void eachClientIsLimitedOnItsOwnAndToldWhenToRetry() throws Exception {
    String alice = Tokens.bearer("alice", "products:read");
    String bob = Tokens.bearer("bob", "products:read");
    for (int i = 0; i < 5; i++) {
      assertThat(get("/products?limit=1", alice).statusCode()).isEqualTo(200);
    }
    HttpResponse<String> refused = get("/products?limit=1", alice);
    assertThat(refused.statusCode()).isEqualTo(429);
    assertThat(refused.headers().firstValue("Retry-After")).hasValue("2");
    assertThat(JSON.readTree(refused.body()).get("status").asInt()).isEqualTo(429);
    assertThat(get("/products?limit=1", bob).statusCode()).isEqualTo(200);

    TIME.advance(Duration.ofSeconds(2).toNanos());
    assertThat(get("/products?limit=1", alice).statusCode()).isEqualTo(200);
    assertThat(get("/products?limit=1", alice).statusCode()).isEqualTo(429);
  }

  @Test
  void theOpenApiDocumentMatchesTheRoutesBothWays() throws Exception {
    HttpResponse<String> response = get("/openapi.json", null);
    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode document = JSON.readTree(response.body());
    assertThat(document.get("openapi").asText()).startsWith("3.1");

    Set<String> documented = new HashSet<>();
    for (Map.Entry<String, JsonNode> path : document.get("paths").properties()) {
      path.getValue()
          .fieldNames()
          .forEachRemaining(
              method ->
                  documented.add(method.toUpperCase(java.util.Locale.ROOT) + " " + path.getKey()));
    }
    Set<String> served = new HashSet<>();
    for (ScalableRestApi.Route route : ScalableRestApi.ROUTES) {
      served.add(route.method() + " " + route.path());
      JsonNode operation =
          document
              .get("paths")
              .get(route.path())
              .get(route.method().toLowerCase(java.util.Locale.ROOT));
      List<String> scopes = new ArrayList<>();
      operation
          .get("security")
          .forEach(req -> req.path("bearer").forEach(s -> scopes.add(s.asText())));
      assertThat(scopes).as(route.toString()).isEqualTo(route.scope().stream().toList());
    }
    assertThat(documented).isEqualTo(served);

    // Every documented operation answers for real (not 404 or 405) with a token of every scope.
    String all = Tokens.bearer("contract", "products:read products:write");
    for (String operation : documented) {
      String method = operation.substring(0, operation.indexOf(' '));
      String path = operation.substring(operation.indexOf(' ') + 1).replace("{id}", "1");
      HttpRequest.Builder request =
          HttpRequest.newBuilder(api.baseUri().resolve(path)).header("Authorization", all);
      if (method.equals("POST")) {
        request
            .header("Content-Type", "application/json")
            .POST(
                HttpRequest.BodyPublishers.ofString(
                    "{\"name\":\"contract\",\"category\":\"c\",\"price\":\"1.00\"}"));
      }
      int status = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString()).statusCode();
      assertThat(status).as(operation).isBetween(200, 299);
    }

    // The list operation documents exactly the query parameters the API accepts.
    Set<String> parameters = new HashSet<>();
    document
        .get("paths")
        .get("/products")
        .get("get")
        .get("parameters")
        .forEach(parameter -> parameters.add(parameter.get("name").asText()));
    assertThat(parameters).isEqualTo(ProductQuery.PARAMETERS);
  }

  @Test
  void authenticatorContracts() throws Exception {
    var key = Tokens.KEY.toRSAPublicKey();
    Clock clock = Clock.systemUTC();
    assertThatThrownBy(() -> new JwtAuthenticator(key, "k", "i", "a", clock, Duration.ofHours(1)))
        .hasMessageContaining("leeway");
    assertThatThrownBy(() -> new JwtAuthenticator(null, "k", "i", "a", clock, Duration.ZERO))
        .isInstanceOf(NullPointerException.class);
    JwtAuthenticator.Principal principal =
        Tokens.authenticator().authenticate(Tokens.bearer("p", "a  b"));
    assertThat(principal.scopes()).containsExactlyInAnyOrder("a", "b");
    assertThat(Tokens.authenticator().toString()).doesNotContain("BEGIN").contains("RS256");
  }
}
