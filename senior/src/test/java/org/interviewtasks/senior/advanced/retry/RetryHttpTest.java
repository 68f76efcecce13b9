package org.interviewtasks.senior.advanced.retry;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.SocketEffect;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** End to end: a real HTTP server on loopback that fails in every way a flaky API does. */
class RetryHttpTest {

  private final SimulatedTime time = new SimulatedTime();
  private MockWebServer server;
  private OkHttpClient client;

  /** A response read whole, so the connection goes back to the pool before any retry. */
  record Reply(int status, Optional<String> retryAfter, String body) {}

  @BeforeEach
  void start() throws IOException {
    server = new MockWebServer();
    server.start(InetAddress.getLoopbackAddress(), 0);
    // The client must not retry on its own, or the server would count attempts we did not make.
    client =
        new OkHttpClient.Builder()
            .retryOnConnectionFailure(false)
            .callTimeout(Duration.ofSeconds(10))
            .build();
  }

  @AfterEach
  void stop() {
    server.close();
    client.dispatcher().executorService().shutdown();
    client.connectionPool().evictAll();
  }

  private Reply execute(Request request) throws IOException {
    try (Response response = client.newCall(request).execute();
        ResponseBody body = response.body()) {
      return new Reply(
          response.code(), Optional.ofNullable(response.header("Retry-After")), body.string());
    }
  }

  private Retry retry() {
    return Retry.builder()
        .maxAttempts(5)
        .backoff(Backoff.exponential(Duration.ofMillis(100), Duration.ofSeconds(1)))
        .deadline(Duration.ofSeconds(30))
        .clock(time)
        .sleeper(time)
        .build();
  }

  private ResultClassifier<Reply> classifier() {
    return HttpResults.classifier(Reply::status, Reply::retryAfter, time);
  }

  @Test
  void getsThroughA503ADroppedConnectionAndA429HonouringRetryAfter() throws Exception {
    server.enqueue(
        new MockResponse.Builder().code(503).setHeader("Retry-After", "2").body("busy").build());
    server.enqueue(
        new MockResponse.Builder().onResponseStart(new SocketEffect.CloseSocket()).build());
    // The simulated clock reads 00:00:02.2 when this one arrives: 4.8 s to wait.
    server.enqueue(
        new MockResponse.Builder()
            .code(429)
            .setHeader("Retry-After", "Thu, 01 Jan 2026 00:00:07 GMT")
            .build());
    server.enqueue(new MockResponse.Builder().code(200).body("done ✓").build());

    Request get = new Request.Builder().url(server.url("/orders/42")).build();
    Reply reply = retry().call(Idempotency.IDEMPOTENT, () -> execute(get), classifier());

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.body()).isEqualTo("done ✓");
    assertThat(server.getRequestCount()).isEqualTo(4);
    // max(backoff, Retry-After): 2 s over 100 ms; 200 ms after the drop; 4.8 s over 400 ms.
    assertThat(time.sleepsMillis()).containsExactly(2000L, 200L, 4800L);
    for (int i = 0; i < 4; i++) {
      assertThat(server.takeRequest(5, TimeUnit.SECONDS).getUrl().encodedPath())
          .isEqualTo("/orders/42");
    }
  }

  @Test
  void aPostIsNotRepeatedAfterA503() {
    server.enqueue(new MockResponse.Builder().code(503).setHeader("Retry-After", "1").build());
    server.enqueue(new MockResponse.Builder().code(201).build());

    Request post =
        new Request.Builder()
            .url(server.url("/payments"))
            .post(RequestBody.create("{\"amount\":10}", okhttp3.MediaType.get("application/json")))
            .build();
    Reply reply = retry().call(Idempotency.NON_IDEMPOTENT, () -> execute(post), classifier());

    assertThat(reply.status()).isEqualTo(503);
    assertThat(server.getRequestCount()).isEqualTo(1);
    assertThat(time.sleeps()).isEmpty();
  }

  @Test
  void aPostIsRepeatedWhenTheServerWasNotThereToReceiveIt() throws Exception {
    var url = server.url("/payments");
    server.close(); // the port now refuses connections: the request provably never left
    Request post =
        new Request.Builder()
            .url(url)
            .post(RequestBody.create("{}", okhttp3.MediaType.get("application/json")))
            .build();
    var attempts = new int[1];
    Reply reply =
        retry()
            .call(
                Idempotency.NON_IDEMPOTENT,
                () -> {
                  if (attempts[0]++ < 2) {
                    return execute(post);
                  }
                  return new Reply(201, Optional.empty(), "created elsewhere");
                },
                classifier());
    assertThat(reply.status()).isEqualTo(201);
    assertThat(attempts[0]).isEqualTo(3);
    assertThat(time.sleepsMillis()).containsExactly(100L, 200L);
  }

  @Test
  void worksWithTheJdkClientToo() throws Exception {
    server.enqueue(new MockResponse.Builder().code(503).setHeader("Retry-After", "1").build());
    server.enqueue(new MockResponse.Builder().code(200).body("ok").build());

    try (HttpClient jdk = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()) {
      HttpRequest get = HttpRequest.newBuilder(server.url("/").uri()).build();
      HttpResponse<?> response =
          retry()
              .call(
                  Idempotency.IDEMPOTENT,
                  () -> jdk.send(get, HttpResponse.BodyHandlers.ofString()),
                  HttpResults.forJdkClient(time));
      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(response.body()).isEqualTo("ok");
    }
    assertThat(server.getRequestCount()).isEqualTo(2);
    assertThat(time.sleepsMillis()).containsExactly(1000L);
  }
}
