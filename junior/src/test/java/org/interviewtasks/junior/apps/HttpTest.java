package org.interviewtasks.junior.apps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import java.time.Duration;
import mockwebserver3.MockWebServer;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import org.junit.jupiter.api.Test;

class HttpTest {

  @Test
  void theUserAgentNamesTheProjectAndItsVersion() {
    assertThat(Http.USER_AGENT).isEqualTo("interview-tasks/" + Cli.version());
    assertThat(Cli.version()).isNotBlank().doesNotContain("${");
  }

  @Test
  void timeoutsAreTheGivenOne() {
    OkHttpClient client = Http.client(Duration.ofMillis(1234));

    assertThat(client.connectTimeoutMillis()).isEqualTo(1234);
    assertThat(client.readTimeoutMillis()).isEqualTo(1234);
    assertThat(client.writeTimeoutMillis()).isEqualTo(1234);
    assertThat(Http.client().readTimeoutMillis()).isEqualTo(10_000);
    assertThat(Http.DEFAULT_TIMEOUT).isEqualTo(Duration.ofSeconds(10));
  }

  @Test
  void aRequestsOwnUserAgentIsKept() throws Exception {
    try (MockWebServer server = MockServers.started()) {
      server.enqueue(MockServers.response(200, ""));
      server.enqueue(MockServers.response(200, ""));
      OkHttpClient client = Http.client(Duration.ofSeconds(10));

      client.newCall(new Request.Builder().url(server.url("/")).build()).execute().close();
      client
          .newCall(
              new Request.Builder().url(server.url("/")).header("User-Agent", "mine/1").build())
          .execute()
          .close();

      assertThat(server.takeRequest().getHeaders().get("User-Agent")).isEqualTo(Http.USER_AGENT);
      assertThat(server.takeRequest().getHeaders().get("User-Agent")).isEqualTo("mine/1");
    }
  }

  @Test
  void rejectsATimeoutThatIsNotPositive() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> Http.client(Duration.ZERO))
        .withMessage("timeout must be positive, was PT0S");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> Http.client(Duration.ofMillis(-5)))
        .withMessage("timeout must be positive, was PT-0.005S");
    assertThatNullPointerException().isThrownBy(() -> Http.client(null)).withMessage("timeout");
    assertThat(Http.client(Duration.ofMillis(1)).connectTimeoutMillis()).isEqualTo(1);
  }
}
