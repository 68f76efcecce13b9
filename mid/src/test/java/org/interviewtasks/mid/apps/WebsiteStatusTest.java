package org.interviewtasks.mid.apps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javax.net.ssl.SSLHandshakeException;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import okhttp3.Dns;
import okhttp3.OkHttpClient;
import okhttp3.tls.HandshakeCertificates;
import okhttp3.tls.HeldCertificate;
import org.interviewtasks.mid.apps.WebsiteStatus.Report;
import org.interviewtasks.mid.apps.WebsiteStatus.Verdict;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class WebsiteStatusTest {

  /** Resolves nothing under the reserved .invalid TLD (RFC 2606): no real DNS query is made. */
  static final Dns NO_INVALID_TLD =
      hostname -> {
        if (hostname.endsWith(".invalid")) {
          throw new UnknownHostException(hostname + ": no such host");
        }
        return Dns.SYSTEM.lookup(hostname);
      };

  static final OkHttpClient CLIENT =
      new OkHttpClient.Builder()
          .dns(NO_INVALID_TLD)
          .connectTimeout(Duration.ofSeconds(5))
          .readTimeout(Duration.ofMillis(500))
          .build();

  MockWebServer server;

  /** A clock that moves 7 ms every time it is read. */
  final AtomicLong ticks = new AtomicLong(1_000_000_000); // not zero: start + now must not pass

  final WebsiteStatus checker = new WebsiteStatus(CLIENT, 4, 3, () -> ticks.getAndAdd(7_000_000));

  @BeforeEach
  void start() throws IOException {
    server = new MockWebServer();
    server.start(InetAddress.getLoopbackAddress(), 0);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  URI url(String path) {
    return server.url(path).uri();
  }

  static MockResponse status(int code) {
    return new MockResponse.Builder().code(code).build();
  }

  static MockResponse redirect(int code, String location) {
    return new MockResponse.Builder().code(code).addHeader("Location", location).build();
  }

  @Nested
  class Up {

    @Test
    void reportsStatusAndLatency() {
      server.enqueue(new MockResponse.Builder().code(200).body("hello").build());

      Report report = checker.check(url("/"));

      assertThat(report)
          .isEqualTo(new Report(url("/"), Verdict.UP, 200, List.of(), Duration.ofMillis(7), ""));
      assertThat(report.up()).isTrue();
    }

    @Test
    void followsAndReportsTheRedirectChain() throws InterruptedException {
      server.enqueue(redirect(301, "/b"));
      server.enqueue(redirect(302, "c?x=1"));
      server.enqueue(redirect(308, url("/d").toString()));
      server.enqueue(status(204));

      Report report = checker.check(url("/a"));

      assertThat(report.verdict()).isEqualTo(Verdict.UP);
      assertThat(report.status()).isEqualTo(204);
      assertThat(report.redirects()).containsExactly(url("/b"), url("/c?x=1"), url("/d"));
      assertThat(server.takeRequest().getTarget()).isEqualTo("/a");
      assertThat(server.takeRequest().getTarget()).isEqualTo("/b");
      assertThat(server.takeRequest().getTarget()).isEqualTo("/c?x=1");
      assertThat(server.takeRequest().getMethod()).isEqualTo("GET");
    }

    @Test
    void acceptsATrustedTlsCertificate() throws IOException {
      HeldCertificate localhost =
          new HeldCertificate.Builder().addSubjectAlternativeName(server.getHostName()).build();
      try (MockWebServer https = new MockWebServer()) {
        https.useHttps(
            new HandshakeCertificates.Builder()
                .heldCertificate(localhost)
                .build()
                .sslSocketFactory());
        https.start(InetAddress.getLoopbackAddress(), 0);
        https.enqueue(status(200));
        HandshakeCertificates trusting =
            new HandshakeCertificates.Builder()
                .addTrustedCertificate(localhost.certificate())
                .build();
        OkHttpClient client =
            CLIENT
                .newBuilder()
                .sslSocketFactory(trusting.sslSocketFactory(), trusting.trustManager())
                .build();

        Report report =
            new WebsiteStatus(client, 1, 0, System::nanoTime).check(https.url("/").uri());

        assertThat(report.verdict()).isEqualTo(Verdict.UP);
      }
    }
  }

  @Nested
  class Down {

    @Test
    void classifiesAnHttpErrorStatus() {
      server.enqueue(status(503));
      server.enqueue(status(404));

      assertThat(checker.check(url("/")))
          .isEqualTo(
              new Report(
                  url("/"),
                  Verdict.HTTP_ERROR,
                  503,
                  List.of(),
                  Duration.ofMillis(7),
                  "HTTP 503 (SERVER_ERROR)"));
      assertThat(checker.check(url("/gone")).status()).isEqualTo(404);
    }

    @Test
    void onlyTwoHundredsAreUp() {
      server.enqueue(status(299));
      server.enqueue(status(300)); // a redirect status, but with nowhere to go

      assertThat(checker.check(url("/a")).verdict()).isEqualTo(Verdict.UP);
      assertThat(checker.check(url("/b")).verdict()).isEqualTo(Verdict.HTTP_ERROR);
    }

    @Test
    void classifiesARedirectWithoutLocationAsAnHttpError() {
      server.enqueue(status(301));

      Report report = checker.check(url("/"));

      assertThat(report.verdict()).isEqualTo(Verdict.HTTP_ERROR);
      assertThat(report.status()).isEqualTo(301);
      assertThat(report.up()).isFalse();
    }

    @Test
    void classifiesAnUnresolvableName() {
      Report report = checker.check(URI.create("http://no-such-site.invalid/"));

      assertThat(report.verdict()).isEqualTo(Verdict.DNS);
      assertThat(report.status()).isZero();
      assertThat(report.detail())
          .isEqualTo("UnknownHostException: no-such-site.invalid: no such host");
      assertThat(report.latency()).isEqualTo(Duration.ofMillis(7));
    }

    @Test
    void classifiesARefusedConnection() throws IOException {
      int closedPort;
      try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
        closedPort = socket.getLocalPort();
      }

      Report report = checker.check(URI.create("http://127.0.0.1:" + closedPort + "/"));

      assertThat(report.verdict()).isEqualTo(Verdict.REFUSED);
      assertThat(report.detail()).startsWith("ConnectException: ");
    }

    @Test
    void classifiesASlowServerAsATimeout() {
      server.enqueue(
          new MockResponse.Builder().code(200).headersDelay(5, TimeUnit.SECONDS).build());

      Report report = checker.check(url("/slow"));

      assertThat(report.verdict()).isEqualTo(Verdict.TIMEOUT);
      assertThat(report.detail()).startsWith("SocketTimeoutException");
    }

    @Test
    void classifiesAnUntrustedCertificateAsTls() throws IOException {
      HeldCertificate selfSigned =
          new HeldCertificate.Builder().addSubjectAlternativeName(server.getHostName()).build();
      try (MockWebServer https = new MockWebServer()) {
        https.useHttps(
            new HandshakeCertificates.Builder()
                .heldCertificate(selfSigned)
                .build()
                .sslSocketFactory());
        https.start(InetAddress.getLoopbackAddress(), 0);
        https.enqueue(status(200));

        Report report = checker.check(https.url("/").uri());

        assertThat(report.verdict()).isEqualTo(Verdict.TLS);
        assertThat(report.detail()).startsWith(SSLHandshakeException.class.getSimpleName());
      }
    }

    @Test
    void stopsAtARedirectLoop() {
      server.enqueue(redirect(302, "/b"));
      server.enqueue(redirect(302, "/a"));

      Report report = checker.check(url("/a"));

      assertThat(report.verdict()).isEqualTo(Verdict.TOO_MANY_REDIRECTS);
      assertThat(report.redirects()).containsExactly(url("/b"));
      assertThat(report.detail()).isEqualTo("redirect loop at " + url("/a"));
      assertThat(report.status()).isEqualTo(302);
    }

    @Test
    void stopsAfterTheRedirectLimit() {
      for (int i = 1; i <= 4; i++) {
        server.enqueue(redirect(301, "/r" + i));
      }

      Report report = checker.check(url("/r0"));

      assertThat(report.verdict()).isEqualTo(Verdict.TOO_MANY_REDIRECTS);
      assertThat(report.redirects()).containsExactly(url("/r1"), url("/r2"), url("/r3"));
      assertThat(report.detail()).isEqualTo("more than 3 redirects");
      assertThat(server.getRequestCount()).isEqualTo(4);
    }

    @Test
    void stopsAtARedirectToAnotherScheme() {
      server.enqueue(redirect(302, "ftp://files.example/x"));

      Report report = checker.check(url("/"));

      assertThat(report.verdict()).isEqualTo(Verdict.HTTP_ERROR);
      assertThat(report.detail()).isEqualTo("bad redirect to ftp://files.example/x");
    }

    @Test
    void namesTheStatusClass() {
      assertThat(WebsiteStatus.describeStatus(404)).isEqualTo("HTTP 404 (CLIENT_ERROR)");
      assertThat(WebsiteStatus.describeStatus(100)).isEqualTo("HTTP 100 (INFORMATIONAL)");
      assertThat(WebsiteStatus.describeStatus(599)).isEqualTo("HTTP 599 (SERVER_ERROR)");
      assertThat(WebsiteStatus.describeStatus(99)).isEqualTo("HTTP 99");
      assertThat(WebsiteStatus.describeStatus(600)).isEqualTo("HTTP 600");
    }

    @Test
    void classifiesOtherExceptions() {
      assertThat(WebsiteStatus.classify(new InterruptedIOException("timeout")))
          .isEqualTo(Verdict.TIMEOUT);
      assertThat(WebsiteStatus.classify(new InterruptedIOException("interrupted")))
          .isEqualTo(Verdict.OTHER);
      assertThat(WebsiteStatus.classify(new InterruptedIOException())).isEqualTo(Verdict.OTHER);
      assertThat(WebsiteStatus.classify(new SocketTimeoutException())).isEqualTo(Verdict.TIMEOUT);
      assertThat(WebsiteStatus.classify(new ConnectException())).isEqualTo(Verdict.REFUSED);
      assertThat(WebsiteStatus.classify(new IOException("reset"))).isEqualTo(Verdict.OTHER);
    }
  }

  @Nested
  class Many {

    @Test
    void checksConcurrentlyWithinTheBoundAndKeepsInputOrder() throws Exception {
      int bound = 3;
      InFlightGate gate =
          new InFlightGate(bound, request -> status(request.getTarget().endsWith("5") ? 500 : 200));
      server.setDispatcher(gate);
      List<URI> urls = new ArrayList<>();
      for (int i = 0; i < 9; i++) {
        urls.add(url("/site" + i));
      }
      WebsiteStatus bounded =
          new WebsiteStatus(
              CLIENT.newBuilder().readTimeout(Duration.ofSeconds(30)).build(),
              bound,
              0,
              System::nanoTime);
      List<Report> reports = new ArrayList<>();
      Thread run =
          Thread.ofVirtual()
              .start(
                  () -> {
                    try {
                      reports.addAll(bounded.check(urls));
                    } catch (InterruptedException e) {
                      Thread.currentThread().interrupt();
                    }
                  });

      assertThat(gate.awaitSaturated()).isTrue();
      gate.release();
      run.join(Duration.ofSeconds(30));

      assertThat(gate.maxInFlight()).isEqualTo(bound);
      assertThat(reports).extracting(Report::url).containsExactlyElementsOf(urls);
      assertThat(reports)
          .extracting(Report::verdict)
          .containsExactly(
              Verdict.UP,
              Verdict.UP,
              Verdict.UP,
              Verdict.UP,
              Verdict.UP,
              Verdict.HTTP_ERROR,
              Verdict.UP,
              Verdict.UP,
              Verdict.UP);
    }

    @Test
    void rejectsNonHttpUrlsBeforeSendingAnything() {
      List<URI> urls = List.of(url("/"), URI.create("ftp://example.com/file"));

      assertThatIllegalArgumentException()
          .isThrownBy(() -> checker.check(urls))
          .withMessage("only http and https URLs are supported: ftp://example.com/file");
      assertThat(server.getRequestCount()).isZero();
    }
  }

  @Nested
  class Validation {

    @Test
    void rejectsBadUrls() {
      assertThatIllegalArgumentException()
          .isThrownBy(() -> checker.check(URI.create("example.com")))
          .withMessage("only http and https URLs are supported: example.com");
      assertThatIllegalArgumentException()
          .isThrownBy(() -> checker.check(URI.create("file:///etc/passwd")))
          .withMessage("only http and https URLs are supported: file:///etc/passwd");
      assertThatIllegalArgumentException()
          .isThrownBy(() -> checker.check(URI.create("http:/no-host")))
          .withMessage("URL has no host: http:/no-host");
      assertThat(checker.check(URI.create("HTTPS://x.invalid/")).verdict()).isEqualTo(Verdict.DNS);
      assertThatNullPointerException()
          .isThrownBy(() -> checker.check((URI) null))
          .withMessage("url");
      assertThatNullPointerException()
          .isThrownBy(() -> checker.check((List<URI>) null))
          .withMessage("urls");
    }

    @Test
    void rejectsABadConfiguration() {
      assertThatIllegalArgumentException()
          .isThrownBy(() -> new WebsiteStatus(CLIENT, 0, 1, System::nanoTime))
          .withMessage("maxConcurrency must be positive: 0");
      assertThatIllegalArgumentException()
          .isThrownBy(() -> new WebsiteStatus(CLIENT, 1, -1, System::nanoTime))
          .withMessage("maxRedirects must not be negative: -1");
      assertThatNullPointerException()
          .isThrownBy(() -> new WebsiteStatus(null, 1, 1, System::nanoTime))
          .withMessage("client");
      assertThatNullPointerException()
          .isThrownBy(() -> new WebsiteStatus(CLIENT, 1, 1, null))
          .withMessage("nanoTime");
    }
  }

  @Nested
  class CommandLine {

    record Run(int code, String out, String err) {}

    Run run(String... args) {
      var out = new StringWriter();
      var err = new StringWriter();
      int code = WebsiteStatus.run(new PrintWriter(out), new PrintWriter(err), args);
      return new Run(code, out.toString(), err.toString());
    }

    @Test
    void printsOneLinePerSiteAndExits0WhenAllAreUp() {
      server.enqueue(redirect(301, "/home"));
      server.enqueue(status(200));

      Run result = run("--timeout", "2s", url("/").toString());

      assertThat(result.code()).isZero();
      assertThat(result.out())
          .matches(
              "UP +200 +\\d+ ms  "
                  + java.util.regex.Pattern.quote(url("/") + " -> " + url("/home"))
                  + "\\R");
    }

    @Test
    void exits1WhenASiteIsDown() {
      server.enqueue(status(500));

      Run result = run("--concurrency", "2", "--timeout", "PT2S", url("/").toString());

      assertThat(result.code()).isEqualTo(1);
      assertThat(result.out())
          .startsWith("HTTP_ERROR         500")
          .contains("(HTTP 500 (SERVER_ERROR))");
    }

    @Test
    void reportsUsageErrorsWithExit2() {
      assertThat(run().code()).isEqualTo(2);
      assertThat(run("--timeout", "0s", "http://x.invalid").code()).isEqualTo(2);
      assertThat(run("--timeout", "soon", "http://x.invalid").code()).isEqualTo(2);
      Run ftp = run("ftp://example.com");
      assertThat(ftp.code()).isEqualTo(2);
      assertThat(ftp.err())
          .isEqualTo(
              "error: only http and https URLs are supported: ftp://example.com"
                  + System.lineSeparator());
      assertThat(run("--help").out()).contains("Usage: mid.apps.4").contains("--concurrency");
    }

    @Test
    void parsesDurations() {
      var converter = new WebsiteStatus.DurationConverter();

      assertThat(converter.convert("250ms")).isEqualTo(Duration.ofMillis(250));
      assertThat(converter.convert(" 3S ")).isEqualTo(Duration.ofSeconds(3));
      assertThat(converter.convert("2m")).isEqualTo(Duration.ofMinutes(2));
      assertThat(converter.convert("PT1.5S")).isEqualTo(Duration.ofMillis(1500));
    }
  }

  @Test
  void formatsAReport() {
    Report down =
        new Report(
            URI.create("http://a.example/"),
            Verdict.DNS,
            0,
            List.of(),
            Duration.ofMillis(12),
            "UnknownHostException: a.example");
    Report up =
        new Report(
            URI.create("http://a.example/"),
            Verdict.UP,
            200,
            List.of(URI.create("https://a.example/")),
            Duration.ofMillis(1234),
            "");

    assertThat(WebsiteStatus.format(down))
        .isEqualTo(
            "DNS                  -     12 ms  http://a.example/  (UnknownHostException: a.example)");
    assertThat(WebsiteStatus.format(up))
        .isEqualTo("UP                 200   1234 ms  http://a.example/ -> https://a.example/");
  }
}
