package org.interviewtasks.junior.apps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.SocketEffect;
import okhttp3.HttpUrl;
import okio.Buffer;
import org.interviewtasks.common.testing.RandomData;
import org.interviewtasks.common.testing.Seeds;
import org.interviewtasks.common.testing.StdStreams;
import org.interviewtasks.junior.apps.UrlDownloader.Download;
import org.interviewtasks.junior.apps.UrlDownloader.Failed;
import org.interviewtasks.junior.apps.UrlDownloader.Saved;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class UrlDownloaderTest {

  @TempDir Path dir;

  private MockWebServer server;
  private UrlDownloader downloader;

  @BeforeEach
  void start() throws Exception {
    server = MockServers.started();
    downloader = new UrlDownloader(MockServers.client());
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private String url(String path) {
    return server.url(path).toString();
  }

  private static MockResponse bytes(byte[] content) {
    return new MockResponse.Builder().body(new Buffer().write(content)).build();
  }

  private List<String> files() throws IOException {
    try (Stream<Path> list = Files.list(dir)) {
      return list.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  @Nested
  class Downloads {

    @Test
    void savesTheExactBytesUnderTheUrlsName() throws Exception {
      byte[] content = new byte[300_000];
      new SplittableRandom(1).nextBytes(content);
      server.enqueue(bytes(content));

      Download result = downloader.download(url("/files/report.pdf?x=1"), dir);

      assertThat(result)
          .isEqualTo(new Saved(url("/files/report.pdf?x=1"), dir.resolve("report.pdf"), 300_000));
      assertThat(Files.readAllBytes(dir.resolve("report.pdf"))).isEqualTo(content);
      assertThat(files()).containsExactly("report.pdf");
      assertThat(server.takeRequest().getHeaders().get("User-Agent")).isEqualTo(Http.USER_AGENT);
    }

    @Test
    void anEmptyBodyIsAnEmptyFile() throws Exception {
      server.enqueue(MockServers.response(200, ""));

      assertThat(downloader.download(url("/empty.txt"), dir))
          .isEqualTo(new Saved(url("/empty.txt"), dir.resolve("empty.txt"), 0));
    }

    @Test
    void takenNamesGetACounterAndNothingIsOverwritten() throws Exception {
      Files.writeString(dir.resolve("a.txt"), "mine");
      for (int i = 1; i <= 3; i++) {
        server.enqueue(MockServers.response(200, "download " + i));
      }
      server.enqueue(MockServers.response(200, "readme"));
      server.enqueue(MockServers.response(200, "readme again"));

      List<Download> results =
          downloader.downloadAll(
              List.of(
                  url("/a.txt"),
                  url("/x/a.txt"),
                  url("/y/a.txt"),
                  url("/README"),
                  url("/z/README")),
              dir);

      assertThat(results)
          .extracting(r -> ((Saved) r).file().getFileName().toString())
          .containsExactly("a-1.txt", "a-2.txt", "a-3.txt", "README", "README-1");
      assertThat(Files.readString(dir.resolve("a.txt"))).isEqualTo("mine");
      assertThat(Files.readString(dir.resolve("a-3.txt"))).isEqualTo("download 3");
      assertThat(Files.readString(dir.resolve("README-1"))).isEqualTo("readme again");
    }

    @Test
    void followsRedirectsButNamesFromTheGivenUrl() throws Exception {
      server.enqueue(MockServers.redirect(302, "/cdn/5f3a9c"));
      server.enqueue(MockServers.response(200, "moved"));

      Download result = downloader.download(url("/latest.zip"), dir);

      assertThat(result).isEqualTo(new Saved(url("/latest.zip"), dir.resolve("latest.zip"), 5));
    }

    @Test
    void createsTheFolderAndKeepsTheOrderOfResults() throws Exception {
      Path target = dir.resolve("new/sub");
      server.enqueue(MockServers.response(200, "one"));
      server.enqueue(MockServers.response(404, "missing"));
      server.enqueue(MockServers.response(200, "three"));

      List<Download> results =
          downloader.downloadAll(
              List.of(url("/1.txt"), url("/2.txt"), "ftp://example.com/x", url("/3.txt")), target);

      assertThat(results)
          .containsExactly(
              new Saved(url("/1.txt"), target.resolve("1.txt"), 3),
              new Failed(url("/2.txt"), "HTTP 404"),
              new Failed(
                  "ftp://example.com/x",
                  "unsupported scheme 'ftp': only http and https are downloaded"),
              new Saved(url("/3.txt"), target.resolve("3.txt"), 5));
      assertThat(server.getRequestCount()).isEqualTo(3);
    }

    @Test
    void anEmptyListDoesNothing() throws Exception {
      assertThat(downloader.downloadAll(List.of(), dir)).isEmpty();
      assertThat(files()).isEmpty();
    }
  }

  @Nested
  class Failures {

    @ParameterizedTest(name = "HTTP {0}")
    @ValueSource(ints = {404, 500, 403, 204})
    void anErrorStatusLeavesNoFile(int code) throws Exception {
      server.enqueue(MockServers.response(code, code == 204 ? "" : "error page"));

      Download result = downloader.download(url("/a.bin"), dir);

      if (code == 204) {
        assertThat(result).isInstanceOf(Saved.class);
      } else {
        assertThat(result).isEqualTo(new Failed(url("/a.bin"), "HTTP " + code));
        assertThat(files()).isEmpty();
      }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
        delimiter = '|',
        value = {
          "ftp://example.com/file.txt|unsupported scheme 'ftp': only http and https are downloaded",
          "file:///etc/passwd|unsupported scheme 'file': only http and https are downloaded",
          "FILE:/etc/passwd|unsupported scheme 'file': only http and https are downloaded",
          "javascript:alert(1)|unsupported scheme 'javascript': only http and https are downloaded",
          "example.com/file.txt|not a URL",
          "http//example.com|not a URL",
          "''|not a URL",
          "https://|not a URL",
          "HTTP://|not a URL"
        })
    void onlyHttpAndHttpsAreFetched(String url, String reason) {
      assertThat(downloader.download(url, dir)).isEqualTo(new Failed(url, reason));
      assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void surroundingSpacesAreIgnored() {
      server.enqueue(MockServers.response(200, "x"));
      String spaced = "  " + url("/s.txt") + " ";

      assertThat(downloader.download(spaced, dir))
          .isEqualTo(new Saved(spaced, dir.resolve("s.txt"), 1));
    }

    @Test
    void aSlowBodyTimesOutAndLeavesNoFile() throws Exception {
      server.enqueue(
          new MockResponse.Builder().body("late").bodyDelay(2, TimeUnit.SECONDS).build());

      Download result =
          new UrlDownloader(MockServers.impatientClient()).download(url("/slow"), dir);

      assertThat(result).isInstanceOf(Failed.class);
      assertThat(((Failed) result).reason()).startsWith("SocketTimeoutException: ");
      assertThat(files()).isEmpty();
    }

    @Test
    void aBodyCutShortLeavesNoFile() throws Exception {
      server.enqueue(
          new MockResponse.Builder()
              .body(new Buffer().write(new byte[100_000]))
              .onResponseBody(new SocketEffect.CloseSocket())
              .build());

      Download result = downloader.download(url("/cut.bin"), dir);

      assertThat(result).isInstanceOf(Failed.class);
      assertThat(files()).isEmpty();
    }

    @Test
    void aRefusedConnectionIsAFailure() throws Exception {
      String closed = url("/x.txt");
      server.close();

      Download result = downloader.download(closed, dir);

      assertThat(result).isInstanceOf(Failed.class);
      assertThat(((Failed) result).reason()).startsWith("ConnectException: ");
    }

    @Test
    void runningOutOfNamesIsAFailureWithoutLeftovers() throws Exception {
      Files.writeString(dir.resolve("f.txt"), "");
      for (int n = 1; n < 1000; n++) {
        Files.writeString(dir.resolve("f-" + n + ".txt"), "");
      }
      server.enqueue(MockServers.response(200, "one too many"));

      Download result = downloader.download(url("/f.txt"), dir);

      assertThat(result)
          .isEqualTo(
              new Failed(
                  url("/f.txt"),
                  "FileAlreadyExistsException: " + dir.resolve("f.txt") + ": 1000 names taken"));
      assertThat(files()).hasSize(1000);
    }

    @Test
    void aFolderThatCannotBeCreatedFailsTheBatch() throws Exception {
      Path file = Files.writeString(dir.resolve("plain"), "");

      assertThatThrownBy(() -> downloader.downloadAll(List.of(url("/a")), file.resolve("sub")))
          .isInstanceOf(IOException.class);
      assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void rejectsNulls() {
      assertThatNullPointerException()
          .isThrownBy(() -> downloader.downloadAll(Arrays.asList(url("/a"), null), dir))
          .withMessage("urls[1]");
      assertThatNullPointerException()
          .isThrownBy(() -> downloader.downloadAll(null, dir))
          .withMessage("urls");
      assertThatNullPointerException()
          .isThrownBy(() -> downloader.downloadAll(List.of(), null))
          .withMessage("directory");
      assertThatNullPointerException()
          .isThrownBy(() -> downloader.download(null, dir))
          .withMessage("url");
      assertThatNullPointerException()
          .isThrownBy(() -> downloader.download("http://x", null))
          .withMessage("directory");
      assertThatNullPointerException()
          .isThrownBy(() -> new UrlDownloader(null))
          .withMessage("client");
      assertThatNullPointerException()
          .isThrownBy(() -> UrlDownloader.fileName(null))
          .withMessage("url");
      assertThat(server.getRequestCount()).isZero();
    }
  }

  @Nested
  class FileNames {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(
        delimiter = '|',
        value = {
          "http://x/a/b/report.pdf|report.pdf",
          "http://x/report.pdf?download=1#page=2|report.pdf",
          "http://x/|index.html",
          "http://x|index.html",
          "http://x/docs/|index.html",
          "http://x/%E2%82%AC%20rates.csv|€ rates.csv",
          "http://x/%D0%BE%D1%82%D1%87%D1%91%D1%82.txt|отчёт.txt",
          "http://x/a%2Fb%5Cc.txt|a_b_c.txt",
          "http://x/..%2F..%2Fetc%2Fpasswd|_.._etc_passwd",
          "http://x/%2e%2e|index.html",
          "http://x/.bashrc|bashrc",
          "http://x/...|download",
          "http://x/file.|file",
          "http://x/file.%20%20|file",
          "http://x/a%3Ab%2Ac%3Fd%22e%3Cf%3Eg%7Ch|a_b_c_d_e_f_g_h",
          "http://x/line%0Abreak%00nul%7F|line_break_nul_",
          "http://x/CON|_CON",
          "http://x/nul.txt|_nul.txt",
          "http://x/com9.tar.gz|_com9.tar.gz",
          "http://x/console.log|console.log",
          "http://x/lpt10|lpt10",
          "http://x/con%20.txt|_con .txt",
          "http://x/aux%20.|_aux",
          "http://x/%20%20|download"
        })
    void isTheSanitizedLastSegment(String url, String expected) {
      assertThat(UrlDownloader.fileName(HttpUrl.get(url))).isEqualTo(expected);
    }

    @Test
    void longNamesAreShortenedKeepingTheExtension() {
      String longName = "é".repeat(150) + ".pdf";

      String name = UrlDownloader.fileName(HttpUrl.get("http://x/" + longName));

      assertThat(name).isEqualTo("é".repeat(98) + ".pdf");
      assertThat(name.getBytes(StandardCharsets.UTF_8)).hasSize(200);
    }

    @Test
    void anExtensionOfUpTo16CharactersIsKept() {
      String ext15 = "." + "e".repeat(15);
      String ext16 = "." + "e".repeat(16);

      assertThat(UrlDownloader.fileName(HttpUrl.get("http://x/" + "a".repeat(300) + ext15)))
          .isEqualTo("a".repeat(184) + ext15);
      assertThat(UrlDownloader.fileName(HttpUrl.get("http://x/" + "a".repeat(300) + ext16)))
          .isEqualTo("a".repeat(200));
    }

    @Test
    void aLongExtensionIsNotKept() {
      String name = UrlDownloader.fileName(HttpUrl.get("http://x/a." + "b".repeat(250)));

      assertThat(name).isEqualTo("a." + "b".repeat(198));
    }

    @Test
    void aNameAtTheLimitIsKeptAndEmojiAreNotCutInHalf() {
      String exact = "a".repeat(196) + ".txt";
      String emoji = "😀".repeat(60) + ".txt";

      assertThat(UrlDownloader.fileName(HttpUrl.get("http://x/" + exact))).isEqualTo(exact);
      assertThat(UrlDownloader.fileName(HttpUrl.get("http://x/" + emoji)))
          .isEqualTo("😀".repeat(49) + ".txt");
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("org.interviewtasks.junior.apps.UrlDownloaderTest#seeds")
    void isAlwaysASafeName(long seed) {
      var random = new SplittableRandom(seed);
      int[] alphabet = RandomData.alphabet("aZ09._- /\\:*?\"<>|%\u0000\n\té😀中");
      String segment = RandomData.text(random, 300, alphabet);
      HttpUrl url = new HttpUrl.Builder().scheme("http").host("x").addPathSegment(segment).build();

      String name = UrlDownloader.fileName(url);

      assertThat(name).isNotEmpty().doesNotContainPattern("[\\\\/:*?\"<>|\\p{Cntrl}]");
      assertThat(name).doesNotStartWith(".").doesNotEndWith(".").doesNotEndWith(" ");
      assertThat(name.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(200);
      assertThat(Character.isLowSurrogate(name.charAt(0))).isFalse();
      assertThat(Character.isHighSurrogate(name.charAt(name.length() - 1))).isFalse();
    }
  }

  @Nested
  class CommandLine {

    @Test
    void reportsEachUrlAndExitsWith1IfOneFailed() throws Exception {
      server.enqueue(MockServers.response(200, "hello"));
      server.enqueue(MockServers.response(500, "oops"));
      Path input =
          Files.writeString(dir.resolve("urls.txt"), "# my list\n\n" + url("/in.txt") + "\n");
      Path target = dir.resolve("out");

      CommandRun run =
          CommandRun.of(
              (out, err) ->
                  UrlDownloader.run(
                      out, err, "-d", target.toString(), "-i", input.toString(), url("/arg.txt")));

      assertThat(run.code()).isEqualTo(1);
      assertThat(run.lines())
          .containsExactly(
              "saved  " + url("/in.txt") + " -> " + target.resolve("in.txt") + " (5 bytes)",
              "failed " + url("/arg.txt") + ": HTTP 500");
      assertThat(run.err()).isEmpty();
    }

    @Test
    void reportsEachUrlAsSoonAsItIsDone() throws Exception {
      var out = new CommandRun.Captured();
      var seenBySecondRequest = new java.util.concurrent.atomic.AtomicReference<String>();
      server.setDispatcher(
          new mockwebserver3.Dispatcher() {
            @Override
            public MockResponse dispatch(mockwebserver3.RecordedRequest request) {
              if (request.getUrl().encodedPath().equals("/second")) {
                seenBySecondRequest.set(out.text());
              }
              return MockServers.response(404, "");
            }
          });

      UrlDownloader.run(
          out.writer(),
          new java.io.PrintWriter(java.io.Writer.nullWriter()),
          "-d",
          dir.toString(),
          url("/first"),
          url("/second"));

      assertThat(seenBySecondRequest.get())
          .isEqualTo("failed " + url("/first") + ": HTTP 404" + System.lineSeparator());
    }

    @Test
    void allSavedIsExitCode0() throws Exception {
      server.enqueue(MockServers.response(200, "x"));

      CommandRun run =
          CommandRun.of(
              (out, err) -> UrlDownloader.run(out, err, "--dir", dir.toString(), url("/x")));

      assertThat(run.code()).isZero();
      assertThat(dir.resolve("x")).hasContent("x");
    }

    @Test
    void noUrlIsAUsageError() throws Exception {
      Path empty = Files.writeString(dir.resolve("empty.txt"), "# nothing\n");

      CommandRun none = CommandRun.of(UrlDownloader::run);
      CommandRun onlyComments =
          CommandRun.of((out, err) -> UrlDownloader.run(out, err, "-i", empty.toString()));

      assertThat(none.code()).isEqualTo(2);
      assertThat(none.err()).startsWith("no URL given");
      assertThat(onlyComments.code()).isEqualTo(2);
    }

    @Test
    void badTimeoutIsAUsageErrorAndAMissingInputFileAFailure() throws Exception {
      CommandRun timeout =
          CommandRun.of((out, err) -> UrlDownloader.run(out, err, "--timeout", "0", url("/x")));
      Path missing = dir.resolve("missing.txt");
      CommandRun input =
          CommandRun.of((out, err) -> UrlDownloader.run(out, err, "-i", missing.toString()));

      assertThat(timeout.code()).isEqualTo(2);
      assertThat(timeout.err()).startsWith("timeout must be positive, was PT0S");
      assertThat(input.code()).isEqualTo(1);
      assertThat(input.err()).isEqualTo("error: " + missing + System.lineSeparator());
      assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void mainDownloadsFromTheConsole() throws Exception {
      server.enqueue(MockServers.response(200, "main"));
      List<String> args = new ArrayList<>(List.of("-d", dir.toString(), url("/m.txt")));

      var printed = StdStreams.capture(() -> UrlDownloader.main(args.toArray(String[]::new)));

      assertThat(printed.out()).startsWith("saved  " + url("/m.txt"));
      assertThatIllegalArgumentException()
          .isThrownBy(() -> StdStreams.capture(UrlDownloader::main))
          .withMessage("usage: junior.apps.7 --help shows how to call it");
    }
  }

  static LongStream seeds() {
    return Seeds.derive(200);
  }
}
