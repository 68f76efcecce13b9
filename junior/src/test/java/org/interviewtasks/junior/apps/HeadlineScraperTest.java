package org.interviewtasks.junior.apps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okio.Buffer;
import org.interviewtasks.common.testing.RandomData;
import org.interviewtasks.common.testing.Seeds;
import org.interviewtasks.common.testing.StdStreams;
import org.interviewtasks.junior.apps.HeadlineScraper.Headline;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class HeadlineScraperTest {

  private static final String PAGE = MockServers.resource("news-page.html");

  private MockWebServer server;
  private HeadlineScraper scraper;

  @BeforeEach
  void start() throws Exception {
    server = MockServers.started();
    scraper = new HeadlineScraper(MockServers.client());
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private List<Headline> expectedFrom(String base) {
    return List.of(
        new Headline("The Daily Example", Optional.of(base)),
        new Headline(
            "Lead story: city council approves new tram line",
            Optional.of(base + "2025/05/01/lead-story")),
        new Headline("Latest", Optional.empty()),
        new Headline(
            "Rust 2.0 released", Optional.of(base + "news/2025/05/01/rust-release?ref=home#top")),
        new Headline(
            "Water found on Mars & Moon", Optional.of("https://other.example.org/science/mars")),
        new Headline("Live: election results", Optional.empty()),
        new Headline("Café owners celebrate — Ünïcødé 🎉", Optional.empty()));
  }

  @Nested
  class SavedPage {

    @Test
    void findsTheHeadlinesWithAbsoluteLinks() throws Exception {
      server.enqueue(MockServers.response(200, "text/html; charset=utf-8", PAGE));

      List<Headline> headlines = scraper.scrape(server.url("/news/"));

      assertThat(headlines).containsExactlyElementsOf(expectedFrom(server.url("/").toString()));
    }

    @Test
    void sendsAUserAgentAndAsksForHtml() throws Exception {
      server.enqueue(MockServers.response(200, "text/html", PAGE));

      scraper.scrape(server.url("/news/"));
      RecordedRequest request = server.takeRequest();

      assertThat(request.getHeaders().get("User-Agent")).isEqualTo(Http.USER_AGENT);
      assertThat(request.getHeaders().get("Accept")).isEqualTo("text/html");
      assertThat(request.getMethod()).isEqualTo("GET");
    }

    @Test
    void aSiteSpecificSelectorNarrowsTheHeadlines() throws Exception {
      server.enqueue(MockServers.response(200, "text/html", PAGE));

      List<Headline> headlines =
          new HeadlineScraper(MockServers.client(), "article h3").scrape(server.url("/news/"));

      assertThat(headlines)
          .extracting(Headline::text)
          .containsExactly(
              "Rust 2.0 released",
              "Water found on Mars & Moon",
              "Live: election results",
              "Café owners celebrate — Ünïcødé 🎉",
              "Lead story: city council approves new tram line");
    }

    @Test
    void linksResolveAgainstTheUrlAfterRedirects() throws Exception {
      server.enqueue(MockServers.redirect(302, "/moved/here/"));
      server.enqueue(MockServers.response(200, "text/html", PAGE));

      List<Headline> headlines = scraper.scrape(server.url("/news/"));

      assertThat(headlines.get(3).link())
          .contains(server.url("/moved/here/2025/05/01/rust-release?ref=home#top").toString());
    }

    @Test
    void brokenHtmlIsParsedAsABrowserWould() throws Exception {
      server.enqueue(
          MockServers.response(
              200, "text/html", "<h2><a href=/a>Unclosed <b>bold</h2><p><h3>Next <i>one"));

      assertThat(scraper.scrape(server.url("/")))
          .containsExactly(
              new Headline("Unclosed bold", Optional.of(server.url("/a").toString())),
              // the unclosed <a> goes on around the next heading, as in a browser
              new Headline("Next one", Optional.of(server.url("/a").toString())));
    }

    @Test
    void aPageWithoutHeadingsHasNoHeadlines() throws Exception {
      server.enqueue(MockServers.response(200, "text/html", "<p>nothing to see</p>"));

      assertThat(scraper.scrape(server.url("/"))).isEmpty();
    }

    @Test
    void theCharsetComesFromTheHeaderElseTheMetaTag() throws Exception {
      String html = "<meta charset=\"iso-8859-1\"><h1>Café crème</h1>";
      byte[] latin1 = html.getBytes(StandardCharsets.ISO_8859_1);
      server.enqueue(
          new MockResponse.Builder()
              .setHeader("Content-Type", "text/html")
              .body(new Buffer().write(latin1))
              .build());
      server.enqueue(
          new MockResponse.Builder()
              .setHeader("Content-Type", "text/html; charset=windows-1252")
              .body(
                  new Buffer()
                      .write(
                          "<h1>Caf\u00e9 \u20ac5</h1>"
                              .getBytes(java.nio.charset.Charset.forName("windows-1252"))))
              .build());

      assertThat(scraper.scrape(server.url("/")).get(0).text()).isEqualTo("Café crème");
      assertThat(scraper.scrape(server.url("/")).get(0).text()).isEqualTo("Café €5");
    }

    @Test
    void xhtmlAndAMissingContentTypeAreParsed() throws Exception {
      server.enqueue(MockServers.response(200, "application/xhtml+xml", "<h1>X</h1>"));
      server.enqueue(
          new MockResponse.Builder().body("<h1>Y</h1>").removeHeader("Content-Type").build());

      assertThat(scraper.scrape(server.url("/"))).extracting(Headline::text).containsExactly("X");
      assertThat(scraper.scrape(server.url("/"))).extracting(Headline::text).containsExactly("Y");
    }
  }

  @Nested
  class Failures {

    @ParameterizedTest(name = "HTTP {0}")
    @ValueSource(ints = {404, 500, 403})
    void anErrorStatusFails(int code) {
      server.enqueue(MockServers.response(code, "text/html", "<h1>Error</h1>"));

      assertThatThrownBy(() -> scraper.scrape(server.url("/page")))
          .isInstanceOf(IOException.class)
          .hasMessage("HTTP " + code + " from " + server.url("/page"));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"application/json", "text/plain; charset=utf-8", "image/png"})
    void aResponseThatIsNotHtmlFails(String type) {
      server.enqueue(MockServers.response(200, type, "{}"));

      assertThatThrownBy(() -> scraper.scrape(server.url("/")))
          .isInstanceOf(IOException.class)
          .hasMessage("not an HTML page: " + type + " from " + server.url("/"));
    }

    @Test
    void aPageOverTheLimitFails() throws Exception {
      var big = new Buffer().write(new byte[HeadlineScraper.MAX_PAGE_BYTES + 1]);
      server.enqueue(
          new MockResponse.Builder().setHeader("Content-Type", "text/html").body(big).build());
      server.enqueue(
          new MockResponse.Builder()
              .setHeader("Content-Type", "text/html")
              .body(new Buffer().write(new byte[HeadlineScraper.MAX_PAGE_BYTES]))
              .build());

      assertThatThrownBy(() -> scraper.scrape(server.url("/big")))
          .isInstanceOf(IOException.class)
          .hasMessage("page larger than 5242880 bytes: " + server.url("/big"));
      assertThat(scraper.scrape(server.url("/limit"))).isEmpty();
    }

    @Test
    void slowHeadersTimeOut() {
      server.enqueue(
          new MockResponse.Builder().body(PAGE).headersDelay(2, TimeUnit.SECONDS).build());

      assertThatThrownBy(() -> impatient().scrape(server.url("/")))
          .isInstanceOf(SocketTimeoutException.class);
    }

    @Test
    void aSlowBodyTimesOut() {
      server.enqueue(
          new MockResponse.Builder()
              .setHeader("Content-Type", "text/html")
              .body(PAGE)
              .bodyDelay(2, TimeUnit.SECONDS)
              .build());

      assertThatThrownBy(() -> impatient().scrape(server.url("/")))
          .isInstanceOf(InterruptedIOException.class);
    }

    @Test
    void rejectsBadArguments() {
      assertThatIllegalArgumentException()
          .isThrownBy(() -> new HeadlineScraper(MockServers.client(), "h2[["))
          .withMessage("not a CSS selector: 'h2[['");
      assertThatIllegalArgumentException()
          .isThrownBy(() -> HeadlineScraper.headlines(Jsoup.parse(""), ""))
          .withMessage("not a CSS selector: ''");
      assertThatNullPointerException()
          .isThrownBy(() -> new HeadlineScraper(null))
          .withMessage("client");
      assertThatNullPointerException()
          .isThrownBy(() -> new HeadlineScraper(MockServers.client(), null))
          .withMessage("selector");
      assertThatNullPointerException().isThrownBy(() -> scraper.scrape(null)).withMessage("url");
      assertThatNullPointerException()
          .isThrownBy(() -> HeadlineScraper.headlines(null, "h1"))
          .withMessage("document");
    }
  }

  @Nested
  class Headlines {

    @Test
    void aHeadlineNeedsText() {
      assertThatIllegalArgumentException()
          .isThrownBy(() -> new Headline(" ", Optional.empty()))
          .withMessage("a headline needs some text");
      assertThatNullPointerException()
          .isThrownBy(() -> new Headline(null, Optional.empty()))
          .withMessage("text");
      assertThatNullPointerException()
          .isThrownBy(() -> new Headline("x", null))
          .withMessage("link");
    }

    @Test
    void printsWithItsLink() {
      assertThat(new Headline("News", Optional.of("https://x.example/n")))
          .hasToString("News (https://x.example/n)");
      assertThat(new Headline("News", Optional.empty())).hasToString("News");
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("org.interviewtasks.junior.apps.HeadlineScraperTest#seeds")
    void agreesWithAPlainWalkOfTheHeadings(long seed) {
      var random = new SplittableRandom(seed);
      var html = new StringBuilder("<body>");
      String[] wrappers = {"", "nav", "footer", "aside", "article", "section"};
      for (int i = random.nextInt(12); i > 0; i--) {
        String wrapper = wrappers[random.nextInt(wrappers.length)];
        String text = RandomData.text(random, 6).replace('<', ' ').replace('&', ' ');
        String heading = "<h" + random.nextInt(1, 5) + ">" + text + "</h>";
        html.append(
            wrapper.isEmpty() ? heading : "<" + wrapper + ">" + heading + "</" + wrapper + ">");
      }
      Document document = Jsoup.parse(html.toString());

      List<String> expected = new ArrayList<>();
      for (Element h : document.select("h1, h2, h3")) {
        boolean menu = h.parents().stream().anyMatch(p -> p.is("nav, footer, aside"));
        if (!menu && !h.text().isBlank() && !expected.contains(h.text())) {
          expected.add(h.text());
        }
      }

      assertThat(HeadlineScraper.headlines(document, HeadlineScraper.DEFAULT_SELECTOR))
          .extracting(Headline::text)
          .containsExactlyElementsOf(expected);
    }
  }

  @Nested
  class CommandLine {

    @Test
    void printsOneHeadlinePerLine() throws Exception {
      server.enqueue(MockServers.response(200, "text/html", PAGE));
      String url = server.url("/news/").toString();

      CommandRun run =
          CommandRun.of(
              (out, err) -> HeadlineScraper.run(out, err, "--selector", "article h3", url));

      assertThat(run.code()).isZero();
      assertThat(run.lines())
          .startsWith(
              "Rust 2.0 released ("
                  + server.url("/news/2025/05/01/rust-release?ref=home#top")
                  + ")",
              "Water found on Mars & Moon (https://other.example.org/science/mars)",
              "Live: election results");
    }

    @Test
    void aFailedFetchIsExitCode1() throws Exception {
      server.enqueue(MockServers.response(404, "gone"));
      String url = server.url("/x").toString();

      CommandRun run = CommandRun.of((out, err) -> HeadlineScraper.run(out, err, url));

      assertThat(run.code()).isEqualTo(1);
      assertThat(run.err()).isEqualTo("error: HTTP 404 from " + url + System.lineSeparator());
    }

    @Test
    void badArgumentsAreUsageErrors() throws Exception {
      String url = server.url("/").toString();

      CommandRun notUrl = CommandRun.of((out, err) -> HeadlineScraper.run(out, err, "news"));
      CommandRun badSelector =
          CommandRun.of((out, err) -> HeadlineScraper.run(out, err, "--selector", "[[", url));
      CommandRun badTimeout =
          CommandRun.of((out, err) -> HeadlineScraper.run(out, err, "--timeout", "-1", url));

      assertThat(notUrl.code()).isEqualTo(2);
      assertThat(notUrl.err()).startsWith("not an http or https URL: 'news'");
      assertThat(badSelector.code()).isEqualTo(2);
      assertThat(badSelector.err()).startsWith("not a CSS selector: '[['");
      assertThat(badTimeout.code()).isEqualTo(2);
      assertThat(badTimeout.err()).startsWith("timeout must be positive, was PT-1S");
      assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void mainPrintsOnTheConsole() throws Exception {
      server.enqueue(MockServers.response(200, "text/html", "<h1>Only one</h1>"));

      var printed = StdStreams.capture(() -> HeadlineScraper.main(server.url("/").toString()));

      assertThat(printed.out()).isEqualTo("Only one" + System.lineSeparator());
    }
  }

  private static HeadlineScraper impatient() {
    return new HeadlineScraper(MockServers.impatientClient());
  }

  static LongStream seeds() {
    return Seeds.derive(200);
  }
}
