package org.interviewtasks.junior.apps;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import okhttp3.OkHttpClient;

/** Local HTTP servers and short-timeout clients for the tests of this package's HTTP tasks. */
final class MockServers {

  /**
   * The timeout of {@link #client()}: generous, so that a busy machine's cold start (the first
   * request of a run loads many classes) never times out a test that is not about timeouts.
   */
  static final Duration TIMEOUT = Duration.ofSeconds(10);

  /** The timeout of {@link #impatientClient()}, for the tests that a delayed response times out. */
  static final Duration SHORT_TIMEOUT = Duration.ofMillis(200);

  private MockServers() {}

  /** A started server on the loopback interface and a free port; close it after the test. */
  static MockWebServer started() throws IOException {
    var server = new MockWebServer();
    server.start(InetAddress.getLoopbackAddress(), 0);
    return server;
  }

  /** A client of the package's settings with {@link #TIMEOUT}. */
  static OkHttpClient client() {
    return Http.client(TIMEOUT);
  }

  /** A client of the package's settings with {@link #SHORT_TIMEOUT}. */
  static OkHttpClient impatientClient() {
    return Http.client(SHORT_TIMEOUT);
  }

  /** A response with a status and a body. */
  static MockResponse response(int code, String body) {
    return new MockResponse.Builder().code(code).body(body).build();
  }

  /** A response with a status, a body and a content type. */
  static MockResponse response(int code, String contentType, String body) {
    return new MockResponse.Builder()
        .code(code)
        .setHeader("Content-Type", contentType)
        .body(body)
        .build();
  }

  /** A redirect to {@code location}. */
  static MockResponse redirect(int code, String location) {
    return new MockResponse.Builder().code(code).setHeader("Location", location).build();
  }

  /** A test resource of this package as UTF-8 text. */
  static String resource(String name) {
    try (InputStream in = MockServers.class.getResourceAsStream(name)) {
      return new String(Objects.requireNonNull(in, name).readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
