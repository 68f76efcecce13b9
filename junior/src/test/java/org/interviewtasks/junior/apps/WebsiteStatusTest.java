package org.interviewtasks.junior.apps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import javax.net.ssl.SSLHandshakeException;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.OkHttpClient;
import org.interviewtasks.common.testing.Seeds;
import org.interviewtasks.common.testing.StdStreams;
import org.interviewtasks.junior.apps.WebsiteStatus.Failure;
import org.interviewtasks.junior.apps.WebsiteStatus.Responded;
import org.interviewtasks.junior.apps.WebsiteStatus.Result;
import org.interviewtasks.junior.apps.WebsiteStatus.StatusClass;
import org.interviewtasks.junior.apps.WebsiteStatus.Unreachable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class WebsiteStatusTest {

  private static final byte[] PLAIN_HTTP =
      "HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n".getBytes(StandardCharsets.US_ASCII);

  private MockWebServer server;
  private WebsiteStatus status;

  @BeforeEach
  void start() throws Exception {
    server = MockServers.started();
    status = new WebsiteStatus(MockServers.client());
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private String url(String path) {
    return server.url(path).toString();
  }

  @Nested
  class Answers {

    @Test
    void aHeadRequestAnswered200IsUp() throws Exception {
      server.enqueue(MockServers.response(200, ""));

      Result result = status.check(url("/"));

      assertThat(result).isEqualTo(new Responded(url("/"), 200, "HEAD"));
      assertThat(result.up()).isTrue();
      assertThat(((Responded) result).statusClass()).isEqualTo(StatusClass.SUCCESS);
      RecordedRequest request = server.takeRequest();
      assertThat(request.getMethod()).isEqualTo("HEAD");
      assertThat(request.getHeaders().get("User-Agent")).isEqualTo(Http.USER_AGENT);
    }

    @ParameterizedTest(name = "HEAD answered {0}")
    @ValueSource(ints = {405, 501})
    void fallsBackToGetWhenHeadIsNotSupported(int code) throws Exception {
      server.enqueue(MockServers.response(code, ""));
      server.enqueue(MockServers.response(200, "a big body that is not read"));

      Result result = status.check(url("/page"));

      assertThat(result).isEqualTo(new Responded(url("/page"), 200, "GET"));
      assertThat(server.takeRequest().getMethod()).isEqualTo("HEAD");
      assertThat(server.takeRequest().getMethod()).isEqualTo("GET");
    }

    @Test
    void noFallbackForOtherErrors() {
      server.enqueue(MockServers.response(404, ""));

      Result result = status.check(url("/missing"));

      assertThat(result).isEqualTo(new Responded(url("/missing"), 404, "HEAD"));
      assertThat(result.up()).isFalse();
      assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void followsRedirectsToTheFinalStatus() throws Exception {
      server.enqueue(MockServers.redirect(301, "/new"));
      server.enqueue(MockServers.response(503, ""));

      assertThat(status.check(url("/old"))).isEqualTo(new Responded(url("/old"), 503, "HEAD"));
      server.takeRequest();
      assertThat(server.takeRequest().getUrl().encodedPath()).isEqualTo("/new");
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("org.interviewtasks.junior.apps.WebsiteStatusTest#seeds")
    void reportsTheStatusTheServerAnswers(long seed) {
      var random = new SplittableRandom(seed);
      int code;
      do {
        code = random.nextInt(200, 600);
      } while (code == 407 || code == 408);
      int answer = code;
      server.setDispatcher(
          new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
              return new MockResponse.Builder().code(answer).build();
            }
          });

      Result result = status.check(url("/"));

      String method = code == 405 || code == 501 ? "GET" : "HEAD";
      assertThat(result).isEqualTo(new Responded(url("/"), code, method));
      assertThat(result.up()).isEqualTo(code < 400);
      assertThat(((Responded) result).statusClass())
          .isEqualTo(List.of(StatusClass.values()).get(code / 100 - 1));
    }
  }

  @Nested
  class NoAnswer {

    @Test
    void aSlowServerIsATimeout() {
      server.enqueue(new MockResponse.Builder().headersDelay(2, TimeUnit.SECONDS).build());

      Result result = new WebsiteStatus(MockServers.impatientClient()).check(url("/"));

      assertThat(result).isInstanceOf(Unreachable.class);
      assertThat(((Unreachable) result).failure()).isEqualTo(Failure.TIMEOUT);
      assertThat(result.up()).isFalse();
    }

    @Test
    void aClosedPortIsARefusedConnection() {
      String closed = url("/");
      server.close();

      Result result = status.check(closed);

      assertThat(result).isInstanceOf(Unreachable.class);
      assertThat(((Unreachable) result).failure()).isEqualTo(Failure.CONNECTION_REFUSED);
      assertThat(((Unreachable) result).detail()).isNotBlank();
    }

    @Test
    void aNameThatDoesNotResolveIsAnUnknownHost() {
      OkHttpClient noDns =
          MockServers.client()
              .newBuilder()
              .dns(
                  host -> {
                    throw new UnknownHostException(host + ": no such host");
                  })
              .build();

      Result result = new WebsiteStatus(noDns).check("https://no-such-host.invalid/");

      assertThat(result)
          .isEqualTo(
              new Unreachable(
                  "https://no-such-host.invalid/",
                  Failure.UNKNOWN_HOST,
                  "no-such-host.invalid: no such host"));
    }

    @Test
    void httpsToAPlainHttpServerIsATlsFailure() throws Exception {
      try (var plain = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
        Thread answer =
            Thread.startVirtualThread(
                () -> {
                  try (Socket socket = plain.accept()) {
                    socket.getOutputStream().write(PLAIN_HTTP);
                  } catch (IOException ignored) {
                    // the client has gone: nothing to answer
                  }
                });
        String https = "https://127.0.0.1:" + plain.getLocalPort() + "/";

        Result result = status.check(https);
        answer.join();

        assertThat(result).isInstanceOf(Unreachable.class);
        assertThat(((Unreachable) result).failure()).isEqualTo(Failure.TLS);
      }
    }

    @ParameterizedTest(name = "[{0}]")
    @ValueSource(strings = {"example.com", "ftp://example.com/", "", "https://"})
    void textThatIsNotAnHttpUrlIsInvalid(String url) {
      assertThat(status.check(url))
          .isEqualTo(new Unreachable(url, Failure.INVALID_URL, "not an http or https URL"));
      assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void otherErrorsAreClassified() {
      assertThat(WebsiteStatus.classify(new SocketTimeoutException())).isEqualTo(Failure.TIMEOUT);
      assertThat(WebsiteStatus.classify(new java.io.InterruptedIOException("timeout")))
          .isEqualTo(Failure.TIMEOUT);
      assertThat(WebsiteStatus.classify(new UnknownHostException()))
          .isEqualTo(Failure.UNKNOWN_HOST);
      assertThat(WebsiteStatus.classify(new ConnectException()))
          .isEqualTo(Failure.CONNECTION_REFUSED);
      assertThat(WebsiteStatus.classify(new SSLHandshakeException("bad cert")))
          .isEqualTo(Failure.TLS);
      assertThat(WebsiteStatus.classify(new IOException("unexpected end of stream")))
          .isEqualTo(Failure.IO);
    }
  }

  @Nested
  class Lists {

    @Test
    void checksEveryUrlInOrderWhateverHappens() {
      server.enqueue(MockServers.response(200, ""));
      server.enqueue(MockServers.response(500, ""));

      List<Result> results = status.checkAll(List.of(url("/a"), "nonsense", url("/b")));

      assertThat(results)
          .containsExactly(
              new Responded(url("/a"), 200, "HEAD"),
              new Unreachable("nonsense", Failure.INVALID_URL, "not an http or https URL"),
              new Responded(url("/b"), 500, "HEAD"));
    }

    @Test
    void rejectsNulls() {
      assertThatNullPointerException()
          .isThrownBy(() -> status.checkAll(Arrays.asList(url("/"), null)))
          .withMessage("urls[1]");
      assertThatNullPointerException().isThrownBy(() -> status.checkAll(null)).withMessage("urls");
      assertThatNullPointerException().isThrownBy(() -> status.check(null)).withMessage("url");
      assertThatNullPointerException()
          .isThrownBy(() -> new WebsiteStatus(null))
          .withMessage("client");
      assertThat(server.getRequestCount()).isZero();
    }
  }

  @Nested
  class StatusClasses {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
      "100, INFORMATIONAL",
      "199, INFORMATIONAL",
      "200, SUCCESS",
      "299, SUCCESS",
      "300, REDIRECTION",
      "399, REDIRECTION",
      "400, CLIENT_ERROR",
      "499, CLIENT_ERROR",
      "500, SERVER_ERROR",
      "599, SERVER_ERROR"
    })
    void byFirstDigit(int code, StatusClass expected) {
      assertThat(StatusClass.of(code)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(ints = {99, 600, 0, -200, 1000})
    void otherNumbersAreNotStatusCodes(int code) {
      assertThatIllegalArgumentException()
          .isThrownBy(() -> StatusClass.of(code))
          .withMessage("not an HTTP status code: " + code);
      assertThatIllegalArgumentException().isThrownBy(() -> new Responded("u", code, "HEAD"));
    }

    @Test
    void upIsBelow400() {
      assertThat(new Responded("u", 100, "HEAD").up()).isTrue();
      assertThat(new Responded("u", 399, "HEAD").up()).isTrue();
      assertThat(new Responded("u", 400, "HEAD").up()).isFalse();
      assertThat(new Unreachable("u", Failure.IO, "x").up()).isFalse();
    }

    @Test
    void linesAreReadable() {
      assertThat(WebsiteStatus.line(new Responded("https://a.example", 200, "HEAD")))
          .isEqualTo("UP   200 SUCCESS https://a.example");
      assertThat(WebsiteStatus.line(new Responded("https://a.example", 404, "GET")))
          .isEqualTo("DOWN 404 CLIENT_ERROR https://a.example");
      assertThat(
              WebsiteStatus.line(new Unreachable("https://b.example", Failure.TIMEOUT, "timeout")))
          .isEqualTo("DOWN TIMEOUT https://b.example (timeout)");
    }
  }

  @Nested
  class CommandLine {

    @Test
    void printsALinePerUrlAndExitsWith1IfOneIsDown() throws Exception {
      server.enqueue(MockServers.response(204, ""));
      server.enqueue(MockServers.response(502, ""));

      CommandRun run =
          CommandRun.of((out, err) -> WebsiteStatus.run(out, err, url("/ok"), url("/bad")));

      assertThat(run.code()).isEqualTo(1);
      assertThat(run.lines())
          .containsExactly(
              "UP   204 SUCCESS " + url("/ok"), "DOWN 502 SERVER_ERROR " + url("/bad"));
    }

    @Test
    void printsEachLineAsSoonAsItsUrlIsChecked() throws Exception {
      var out = new CommandRun.Captured();
      var seenBySecondRequest = new java.util.concurrent.atomic.AtomicReference<String>();
      server.setDispatcher(
          new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
              if (request.getUrl().encodedPath().equals("/second")) {
                seenBySecondRequest.set(out.text());
              }
              return MockServers.response(200, "");
            }
          });

      WebsiteStatus.run(
          out.writer(),
          new java.io.PrintWriter(java.io.Writer.nullWriter()),
          url("/first"),
          url("/second"));

      assertThat(seenBySecondRequest.get())
          .isEqualTo("UP   200 SUCCESS " + url("/first") + System.lineSeparator());
    }

    @Test
    void allUpIsExitCode0() throws Exception {
      server.enqueue(MockServers.response(200, ""));

      CommandRun run =
          CommandRun.of((out, err) -> WebsiteStatus.run(out, err, "--timeout", "5", url("/")));

      assertThat(run.code()).isZero();
    }

    @Test
    void usageErrors() throws Exception {
      CommandRun none = CommandRun.of(WebsiteStatus::run);
      CommandRun timeout =
          CommandRun.of((out, err) -> WebsiteStatus.run(out, err, "--timeout", "0", url("/")));

      assertThat(none.code()).isEqualTo(2);
      assertThat(none.err()).startsWith("Missing required parameter: 'URL'");
      assertThat(timeout.code()).isEqualTo(2);
      assertThat(timeout.err()).startsWith("timeout must be positive, was PT0S");
    }

    @Test
    void mainChecksFromTheConsole() throws Exception {
      server.enqueue(MockServers.response(200, ""));

      var printed = StdStreams.capture(() -> WebsiteStatus.main(url("/")));

      assertThat(printed.out()).isEqualTo("UP   200 SUCCESS " + url("/") + System.lineSeparator());
    }
  }

  static LongStream seeds() {
    return Seeds.derive(200);
  }
}
