package org.interviewtasks.mid.apps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import javax.net.ssl.SSLHandshakeException;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import okhttp3.Dns;
import okhttp3.OkHttpClient;
import org.interviewtasks.mid.apps.UrlDownloader.Result;
import org.interviewtasks.mid.apps.UrlDownloader.RetryPolicy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class UrlDownloaderTest {

  static final OkHttpClient CLIENT =
      new OkHttpClient.Builder()
          .dns(
              host -> {
                if (host.endsWith(".invalid")) {
                  throw new UnknownHostException(host);
                }
                return Dns.SYSTEM.lookup(host);
              })
          .readTimeout(Duration.ofMillis(500))
          .build();

  static final RetryPolicy POLICY =
      new RetryPolicy(4, Duration.ofMillis(200), Duration.ofSeconds(1));

  @TempDir Path dir;
  MockWebServer server;

  /** The waits the downloader asked for, instead of sleeping. */
  final List<Duration> sleeps = new CopyOnWriteArrayList<>();

  /** A clock that moves 10 ms every time it is read. */
  final AtomicLong ticks = new AtomicLong();

  UrlDownloader downloader(int concurrency, RetryPolicy policy) {
    return new UrlDownloader(
        CLIENT, concurrency, policy, sleeps::add, () -> 0.5, () -> ticks.getAndAdd(10_000_000));
  }

  final UrlDownloader downloader = downloader(4, POLICY);

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

  static MockResponse body(String text) {
    return new MockResponse.Builder().code(200).body(text).build();
  }

  static MockResponse status(int code) {
    return new MockResponse.Builder().code(code).build();
  }

  List<Path> files() throws IOException {
    try (Stream<Path> list = Files.list(dir)) {
      return list.sorted().toList();
    }
  }

  @Nested
  class Downloading {

    @Test
    void savesEachBodyUnderItsNameAndReports() throws Exception {
      server.enqueue(body("first"));
      UrlDownloader one = downloader(1, POLICY);

      List<Result> results = one.downloadAll(List.of(url("/files/report.pdf")), dir.resolve("out"));

      Path file = dir.resolve("out/report.pdf");
      assertThat(results)
          .containsExactly(
              new Result(url("/files/report.pdf"), file, 200, 5, 1, Duration.ofMillis(10), null));
      assertThat(file).hasContent("first");
      assertThat(results.get(0).ok()).isTrue();
    }

    @Test
    void streamsALargeBody() throws Exception {
      String big = "0123456789abcdef".repeat(64 * 1024); // 1 MiB
      server.enqueue(body(big));

      Result result = downloader.downloadAll(List.of(url("/big.bin")), dir).get(0);

      assertThat(result.bytes()).isEqualTo(big.length());
      assertThat(Files.size(dir.resolve("big.bin"))).isEqualTo(big.length());
    }

    @Test
    void neverOverwritesAndNamesCollisionsApart() throws Exception {
      Files.writeString(dir.resolve("data.csv"), "mine");
      for (int i = 0; i < 3; i++) {
        server.enqueue(body("n"));
      }
      UrlDownloader one = downloader(1, POLICY);

      List<Result> results =
          one.downloadAll(List.of(url("/a/data.csv"), url("/b/data.csv"), url("/")), dir);

      assertThat(results)
          .extracting(Result::file)
          .containsExactly(
              dir.resolve("data (1).csv"), dir.resolve("data (2).csv"), dir.resolve("index.html"));
      assertThat(dir.resolve("data.csv")).hasContent("mine");
      assertThat(files()).hasSize(4);
    }
  }

  @Nested
  class Retrying {

    @Test
    void retriesServerErrorsWithExponentialJitteredBackoff() throws Exception {
      server.enqueue(status(503));
      server.enqueue(status(500));
      server.enqueue(body("finally"));

      Result result = downloader.downloadAll(List.of(url("/x.txt")), dir).get(0);

      assertThat(result.ok()).isTrue();
      assertThat(result.attempts()).isEqualTo(3);
      assertThat(sleeps).containsExactly(Duration.ofMillis(100), Duration.ofMillis(200));
      assertThat(dir.resolve("x.txt")).hasContent("finally");
    }

    @Test
    void honoursRetryAfterSecondsCappedAtTheMaximumDelay() throws Exception {
      server.enqueue(new MockResponse.Builder().code(429).addHeader("Retry-After", "0").build());
      server.enqueue(
          new MockResponse.Builder().code(429).addHeader("Retry-After", " 120 ").build());
      server.enqueue(
          new MockResponse.Builder()
              .code(503)
              .addHeader("Retry-After", "Wed, 21 Oct 2015 07:28:00 GMT")
              .build());
      server.enqueue(body("ok"));

      Result result = downloader.downloadAll(List.of(url("/r")), dir).get(0);

      assertThat(result.attempts()).isEqualTo(4);
      assertThat(sleeps)
          .containsExactly(Duration.ZERO, Duration.ofSeconds(1), Duration.ofMillis(400));
    }

    @Test
    void retriesATimeout() throws Exception {
      server.enqueue(
          new MockResponse.Builder()
              .code(200)
              .body("late")
              .headersDelay(5, TimeUnit.SECONDS)
              .build());
      server.enqueue(body("on time"));

      Result result = downloader.downloadAll(List.of(url("/t")), dir).get(0);

      assertThat(result.attempts()).isEqualTo(2);
      assertThat(dir.resolve("t")).hasContent("on time");
    }

    @Test
    void retriesATruncatedBodyAndLeavesNoPartialFile() throws Exception {
      server.enqueue(
          new MockResponse.Builder()
              .code(200)
              .body("abc")
              .setHeader("Content-Length", "100")
              .build());
      server.enqueue(body("complete"));

      Result result = downloader.downloadAll(List.of(url("/p.txt")), dir).get(0);

      assertThat(result.attempts()).isEqualTo(2);
      assertThat(files()).containsExactly(dir.resolve("p.txt"));
      assertThat(dir.resolve("p.txt")).hasContent("complete");
    }

    @Test
    void givesUpAfterTheLastAttempt() throws Exception {
      for (int i = 0; i < 4; i++) {
        server.enqueue(status(502));
      }

      Result result = downloader.downloadAll(List.of(url("/down")), dir).get(0);

      assertThat(result)
          .isEqualTo(
              new Result(
                  url("/down"),
                  null,
                  502,
                  0,
                  4,
                  Duration.ofMillis(10),
                  "gave up after 4 attempts: HTTP 502"));
      assertThat(sleeps)
          .containsExactly(Duration.ofMillis(100), Duration.ofMillis(200), Duration.ofMillis(400));
      assertThat(files()).isEmpty();
    }

    @ParameterizedTest(name = "HTTP {0}")
    @CsvSource({"400", "401", "403", "404", "410"})
    void doesNotRetryClientErrors(int code) throws Exception {
      server.enqueue(status(code));

      Result result = downloader.downloadAll(List.of(url("/nope")), dir).get(0);

      assertThat(result.ok()).isFalse();
      assertThat(result.attempts()).isEqualTo(1);
      assertThat(result.status()).isEqualTo(code);
      assertThat(result.error()).isEqualTo("HTTP " + code);
      assertThat(result.file()).isNull();
      assertThat(sleeps).isEmpty();
      assertThat(files()).isEmpty();
    }

    @Test
    void doesNotRetryAnUnknownHost() throws Exception {
      Result result =
          downloader.downloadAll(List.of(URI.create("http://nowhere.invalid/f")), dir).get(0);

      assertThat(result.attempts()).isEqualTo(1);
      assertThat(result.error()).isEqualTo("UnknownHostException: nowhere.invalid");
      assertThat(result.status()).isZero();
    }

    @Test
    void classifiesWhatIsWorthRetrying() {
      assertThat(UrlDownloader.retryable(new SocketTimeoutException())).isTrue();
      assertThat(UrlDownloader.retryable(new ConnectException())).isTrue();
      assertThat(UrlDownloader.retryable(new IOException("reset"))).isTrue();
      assertThat(UrlDownloader.retryable(new UnknownHostException())).isFalse();
      assertThat(UrlDownloader.retryable(new SSLHandshakeException("x"))).isFalse();
    }

    @Test
    void backsOffExponentiallyUpToTheCap() {
      var policy = new RetryPolicy(10, Duration.ofMillis(100), Duration.ofMillis(1000));
      var full = new UrlDownloader(CLIENT, 1, policy, d -> {}, () -> 0.999_999, System::nanoTime);
      var none = new UrlDownloader(CLIENT, 1, policy, d -> {}, () -> 0.0, System::nanoTime);

      assertThat(full.backoff(1).toMillis()).isEqualTo(99);
      assertThat(full.backoff(2).toMillis()).isEqualTo(199);
      assertThat(full.backoff(4).toMillis()).isEqualTo(799);
      assertThat(full.backoff(5).toMillis()).isEqualTo(999);
      assertThat(full.backoff(70).toMillis()).isEqualTo(999);
      assertThat(none.backoff(3)).isEqualTo(Duration.ZERO);
    }

    @Test
    void stopsWaitingWhenInterrupted() throws Exception {
      server.enqueue(status(503));
      var interrupting =
          new UrlDownloader(
              CLIENT,
              1,
              POLICY,
              d -> {
                throw new InterruptedException();
              },
              () -> 0.5,
              System::nanoTime);

      Result result = interrupting.download(url("/i"), dir.resolve("i"));

      assertThat(result.error()).isEqualTo("interrupted");
      assertThat(result.attempts()).isEqualTo(1);
      assertThat(Thread.interrupted()).isTrue();
    }
  }

  @Nested
  class Concurrency {

    @Test
    void keepsAtMostTheLimitInFlightAndReportsInInputOrder() throws Exception {
      int bound = 3;
      InFlightGate gate = new InFlightGate(bound, request -> body(request.getTarget()));
      server.setDispatcher(gate);
      List<URI> urls = new ArrayList<>();
      for (int i = 0; i < 10; i++) {
        urls.add(url("/f" + i + ".txt"));
      }
      OkHttpClient patient = CLIENT.newBuilder().readTimeout(Duration.ofSeconds(30)).build();
      var bounded =
          new UrlDownloader(patient, bound, POLICY, sleeps::add, () -> 0.5, System::nanoTime);
      List<Result> results = new CopyOnWriteArrayList<>();
      Thread run =
          Thread.ofVirtual()
              .start(
                  () -> {
                    try {
                      results.addAll(bounded.downloadAll(urls, dir));
                    } catch (IOException | InterruptedException e) {
                      throw new IllegalStateException(e);
                    }
                  });

      assertThat(gate.awaitSaturated()).isTrue();
      gate.release();
      run.join(Duration.ofSeconds(30));

      assertThat(gate.maxInFlight()).isEqualTo(bound);
      assertThat(results).extracting(Result::url).containsExactlyElementsOf(urls);
      assertThat(results).allMatch(Result::ok);
      assertThat(dir.resolve("f7.txt")).hasContent("/f7.txt");
    }
  }

  @Nested
  class Validation {

    @Test
    void acceptsOnlyHttpAndHttpsBeforeDownloadingAnything() {
      List<URI> urls = List.of(url("/ok"), URI.create("file:///etc/passwd"));

      assertThatIllegalArgumentException()
          .isThrownBy(() -> downloader.downloadAll(urls, dir))
          .withMessage("only http and https URLs are supported: file:///etc/passwd");
      assertThat(server.getRequestCount()).isZero();
      assertThatIllegalArgumentException()
          .isThrownBy(() -> downloader.downloadAll(List.of(URI.create("https:/x")), dir))
          .withMessage("URL has no host: https:/x");
    }

    @Test
    void rejectsBadConfiguration() {
      assertThatIllegalArgumentException()
          .isThrownBy(() -> new RetryPolicy(0, Duration.ZERO, Duration.ZERO))
          .withMessage("maxAttempts must be at least 1: 0");
      assertThatIllegalArgumentException()
          .isThrownBy(() -> new RetryPolicy(1, Duration.ofSeconds(2), Duration.ofSeconds(1)))
          .withMessage("need 0 <= baseDelay <= maxDelay, got PT2S and PT1S");
      assertThatIllegalArgumentException()
          .isThrownBy(() -> new RetryPolicy(1, Duration.ofSeconds(-1), Duration.ofSeconds(1)))
          .withMessage("need 0 <= baseDelay <= maxDelay, got PT-1S and PT1S");
      assertThatIllegalArgumentException()
          .isThrownBy(() -> downloader(0, POLICY))
          .withMessage("maxConcurrency must be positive: 0");
      assertThatNullPointerException()
          .isThrownBy(() -> downloader.downloadAll(null, dir))
          .withMessage("urls");
      assertThatNullPointerException()
          .isThrownBy(() -> downloader.downloadAll(List.of(), null))
          .withMessage("directory");
      assertThat(RetryPolicy.DEFAULT)
          .isEqualTo(new RetryPolicy(4, Duration.ofMillis(200), Duration.ofSeconds(10)));
    }
  }

  @Nested
  class Naming {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(
        delimiter = '|',
        value = {
          "http://h/a/b/report.pdf|report.pdf",
          "http://h/|index.html",
          "http://h|index.html",
          "http://h/dir/|index.html",
          "http://h/a%20b.txt|a b.txt",
          "http://h/%C3%BCber.txt|über.txt",
          "http://h/x%3Ay%2A.txt|x_y_.txt",
          "http://h/a%5C..%5Cb|a_.._b",
          "http://h/..|index.html",
          "http://h/file.txt?version=2|file.txt"
        })
    void namesTheFileAfterTheLastPathSegment(String url, String name) {
      assertThat(UrlDownloader.fileName(URI.create(url))).isEqualTo(name);
    }

    @Test
    void capsLongNames() {
      String longName = "x".repeat(300);

      assertThat(UrlDownloader.fileName(URI.create("http://h/" + longName))).hasSize(200);
    }

    @Test
    void numbersTakenNamesBeforeTheExtension() {
      Set<String> taken = new HashSet<>(Set.of("a.txt", "a (1).txt", "noext", "hidden"));

      assertThat(UrlDownloader.uniqueName(dir, URI.create("http://h/a.txt"), taken))
          .isEqualTo("a (2).txt");
      assertThat(UrlDownloader.uniqueName(dir, URI.create("http://h/noext"), taken))
          .isEqualTo("noext (1)");
      // junior's naming drops leading dots, so ".hidden" competes for "hidden"
      assertThat(UrlDownloader.uniqueName(dir, URI.create("http://h/.hidden"), taken))
          .isEqualTo("hidden (1)");
      assertThat(taken).contains("a (2).txt", "noext (1)", "hidden (1)");
    }
  }

  @Nested
  class CommandLine {

    @Test
    void downloadsAndPrintsAReportLinePerUrl() throws Exception {
      server.enqueue(body("hello"));
      server.enqueue(status(404));
      var out = new StringWriter();
      var err = new StringWriter();

      int code =
          UrlDownloader.run(
              new PrintWriter(out),
              new PrintWriter(err),
              "-d",
              dir.toString(),
              "--concurrency",
              "1",
              "--attempts",
              "1",
              url("/hello.txt").toString(),
              url("/missing").toString());

      assertThat(code).isEqualTo(1);
      List<String> lines = out.toString().lines().toList();
      assertThat(lines).hasSize(2);
      assertThat(lines.get(0))
          .matches("OK +200 +5 B 1 attempt +\\d+ ms  .*/hello.txt  -> .*hello.txt");
      assertThat(lines.get(1))
          .matches("FAILED 404 +0 B 1 attempt +\\d+ ms  .*/missing  \\(HTTP 404\\)");
      assertThat(dir.resolve("hello.txt")).hasContent("hello");
    }

    @Test
    void exits0WhenEverythingDownloadedAnd2OnUsageErrors() {
      server.enqueue(body("x"));
      var out = new StringWriter();
      var err = new StringWriter();

      assertThat(
              UrlDownloader.run(
                  new PrintWriter(out),
                  new PrintWriter(err),
                  "-d",
                  dir.toString(),
                  url("/x").toString()))
          .isZero();
      assertThat(UrlDownloader.run(new PrintWriter(out), new PrintWriter(err))).isEqualTo(2);
      assertThat(UrlDownloader.run(new PrintWriter(out), new PrintWriter(err), "ftp://x/y"))
          .isEqualTo(2);
      assertThat(err.toString())
          .contains("error: only http and https URLs are supported: ftp://x/y");
      assertThat(
              UrlDownloader.run(
                  new PrintWriter(out),
                  new PrintWriter(err),
                  "--attempts",
                  "0",
                  "http://x.invalid/"))
          .isEqualTo(2);
    }

    @Test
    void formatsAResult() {
      Result ok =
          new Result(
              URI.create("http://h/a"), Path.of("d/a"), 200, 1234, 1, Duration.ofMillis(56), null);
      Result failed =
          new Result(
              URI.create("http://h/b"),
              null,
              0,
              0,
              3,
              Duration.ofMillis(7),
              "UnknownHostException: h");

      assertThat(UrlDownloader.format(ok))
          .isEqualTo("OK     200       1234 B 1 attempt      56 ms  http://h/a  -> d/a");
      assertThat(UrlDownloader.format(failed))
          .isEqualTo(
              "FAILED   -          0 B 3 attempts      7 ms  http://h/b  (UnknownHostException: h)");
    }
  }
}
