package org.interviewtasks.senior.concurrency.scraper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.interviewtasks.common.testing.Seeds;
import org.interviewtasks.senior.concurrency.scraper.WebScraper.Options;
import org.interviewtasks.senior.infra.ChildJvm;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class WebScraperTest {

  @TempDir Path dir;

  private static Options options() {
    return Options.defaults()
        .withConcurrency(8, 4)
        .withPoliteness(Duration.ZERO)
        .withRequestTimeout(Duration.ofSeconds(5))
        .withMaxDepth(10_000);
  }

  private String jdbc(String name) {
    return "jdbc:h2:file:" + dir.resolve(name).toAbsolutePath();
  }

  private static Set<URI> urls(List<Page> pages) {
    return pages.stream().map(Page::url).collect(Collectors.toSet());
  }

  static LongStream seeds() {
    return Seeds.derive(2);
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void storesExactlyTheReachableAllowedPagesEachFetchedOnce(long seed) throws Exception {
    TestSite.Observer observer = new TestSite.Observer();
    try (TestSite a = TestSite.generate(seed, 150, Duration.ZERO, observer);
        TestSite b = TestSite.generate(seed + 1, 30, Duration.ZERO, observer);
        CrawlStore store = CrawlStore.open(jdbc("crawl"))) {
      WebScraper.Report report =
          new WebScraper(options())
              .crawl(store, List.of(a.root().resolve("/p/0"), b.root().resolve("/p/0")));
      Set<URI> expected = new HashSet<>(a.reachable());
      expected.addAll(b.reachable());
      List<Page> pages = store.pages();
      assertThat(urls(pages)).isEqualTo(expected);
      assertThat(report.stored()).isEqualTo(expected.size());
      assertThat(report.fetched()).isEqualTo(expected.size());
      assertThat(report.failed()).as("the /hang page of the big site").isEqualTo(1);
      assertThat(report.remaining()).isZero();
      Set<URI> forbidden = new HashSet<>(a.forbidden());
      forbidden.addAll(b.forbidden());
      assertThat(report.disallowed()).isEqualTo(forbidden.size());
      Map<URI, CrawlStore.State> frontier = store.frontier();
      assertThat(forbidden)
          .allSatisfy(u -> assertThat(frontier).containsEntry(u, CrawlStore.State.DISALLOWED));
      assertThat(frontier.keySet()).noneMatch(u -> u.getPath().startsWith("/secret/"));
      assertThat(observer.requests.keySet()).noneMatch(p -> p.contains("/private/"));
      assertThat(observer.requests.values())
          .as("every path, robots.txt included, requested once: %s", observer.requests)
          .allSatisfy(n -> assertThat(n).hasValue(1));

      for (Page page : pages) {
        TestSite site = page.url().getPort() == a.port() ? a : b;
        switch (site.answer(page.url().getPath())) {
          case TestSite.Html html -> {
            assertThat(page.status()).isEqualTo(200);
            assertThat(page.title()).isEqualTo(html.title());
            assertThat(page.links()).isEqualTo(new LinkedHashSet<>(html.targets()).size());
          }
          case TestSite.Redirect redirect -> {
            assertThat(page.status()).isEqualTo(redirect.status());
            assertThat(page.redirectTo()).isEqualTo(site.root().resolve(redirect.target()));
          }
          case TestSite.Status status -> assertThat(page.status()).isEqualTo(status.status());
          case TestSite.Hang unused -> {
            assertThat(page.status()).isZero();
            assertThat(page.error()).contains("HttpTimeoutException");
          }
        }
      }

      WebScraper.Report again =
          new WebScraper(options()).crawl(store, List.of(a.root().resolve("/p/0")));
      assertThat(again).isEqualTo(new WebScraper.Report(0, 0, 0, 0, 0));
    }
  }

  @Test
  void serverObservesTheBoundsOnRequestsInTotalAndPerHost() throws Exception {
    TestSite.Observer observer = new TestSite.Observer();
    try (TestSite a = TestSite.generate(1, 40, Duration.ofMillis(20), observer);
        TestSite b = TestSite.generate(2, 40, Duration.ofMillis(20), observer);
        CrawlStore store = CrawlStore.open(jdbc("bounds"));
        HttpClient client =
            observer.countingClient(
                HttpClient.newBuilder()
                    .followRedirects(HttpClient.Redirect.NEVER)
                    .version(HttpClient.Version.HTTP_1_1)
                    .build())) {
      // The crawler's requests are tagged, so the server counts each for as long as the crawler
      // holds it (see TestSite.Observer): what is checked is the crawler's bound, not the timing
      // of the JDK client's connection handling on a loaded machine.
      new WebScraper(options().withConcurrency(3, 2), client, Clock.systemUTC(), Thread::sleep)
          .crawl(store, List.of(a.root().resolve("/p/0"), b.root().resolve("/p/0")));
      assertThat(observer.maxInFlight.get()).isBetween(2, 3);
      assertThat(observer.siteMax.values()).allSatisfy(n -> assertThat(n.get()).isBetween(1, 2));
      assertThat(urls(store.pages())).hasSize(a.reachable().size() + b.reachable().size());
    }
  }

  @Test
  void serverObservesThePolitenessDelayPerHost() throws Exception {
    TestSite.Observer observer = new TestSite.Observer();
    Duration delay = Duration.ofMillis(40);
    try (TestSite a = TestSite.generate(3, 12, Duration.ZERO, observer);
        TestSite b = TestSite.generate(4, 12, Duration.ZERO, observer);
        CrawlStore store = CrawlStore.open(jdbc("polite"))) {
      new WebScraper(options().withConcurrency(8, 4).withPoliteness(delay))
          .crawl(store, List.of(a.root().resolve("/p/0"), b.root().resolve("/p/0")));
      assertThat(observer.arrivals).hasSize(2);
      for (List<Long> arrivals : observer.arrivals.values()) {
        List<Long> sorted = arrivals.stream().sorted().toList();
        assertThat(sorted).hasSizeGreaterThan(10);
        // The server sees arrivals, not departures: on a loaded machine one request may be held
        // up in the client and arrive just before the next, so single gaps prove little. The span
        // does: n requests to one host, each at least `delay` after the one before, span at least
        // (n-1) delays, whatever the jitter in between (only the two ends' jitter counts).
        assertThat(Duration.ofNanos(sorted.getLast() - sorted.getFirst()))
            .isGreaterThanOrEqualTo(delay.multipliedBy(sorted.size() - 1).minusMillis(30));
      }
    }
  }

  @Test
  void politenessWaitsThroughTheSleeperOnTheInjectedClock() throws Exception {
    TestSite.Observer observer = new TestSite.Observer();
    List<Duration> sleeps = new ArrayList<>();
    Instant[] now = {Instant.parse("2026-01-01T00:00:00Z")};
    Clock clock =
        new Clock() {
          @Override
          public java.time.ZoneId getZone() {
            return java.time.ZoneOffset.UTC;
          }

          @Override
          public Clock withZone(java.time.ZoneId zone) {
            return this;
          }

          @Override
          public synchronized Instant instant() {
            return now[0];
          }
        };
    WebScraper.Sleeper sleeper =
        duration -> {
          synchronized (clock) {
            sleeps.add(duration);
            now[0] = now[0].plus(duration);
          }
        };
    try (TestSite a = TestSite.generate(5, 6, Duration.ZERO, observer);
        CrawlStore store = CrawlStore.open(jdbc("simulated"));
        HttpClient client =
            HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build()) {
      new WebScraper(
              options().withConcurrency(1, 1).withPoliteness(Duration.ofSeconds(30)),
              client,
              clock,
              sleeper)
          .crawl(store, List.of(a.root().resolve("/p/0")));
      int requests = observer.requests.values().stream().mapToInt(n -> n.get()).sum();
      assertThat(sleeps).hasSize(requests - 1).containsOnly(Duration.ofSeconds(30));
    }
  }

  @Test
  void crawlKilledMidwayResumesWithTheSameSetAndNoRefetch() throws Exception {
    TestSite.Observer observer = new TestSite.Observer();
    try (TestSite a = TestSite.generate(6, 120, Duration.ofMillis(5), observer);
        TestSite b = TestSite.generate(7, 40, Duration.ofMillis(5), observer)) {
      String url = jdbc("killed");
      List<String> command =
          ChildJvm.command(
              List.of(),
              ScraperProcess.class,
              List.of(
                  url, a.root().resolve("/p/0").toString(), b.root().resolve("/p/0").toString()));
      Process child =
          new ProcessBuilder(command)
              .redirectErrorStream(true)
              .redirectOutput(dir.resolve("child.log").toFile())
              .start();
      try {
        await().atMost(Duration.ofSeconds(60)).until(() -> observer.pages.get() >= 40);
      } finally {
        child.destroyForcibly();
        assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
      }
      Set<URI> expected = new HashSet<>(a.reachable());
      expected.addAll(b.reachable());
      Set<URI> before;
      try (CrawlStore store = CrawlStore.open(url)) {
        before = urls(store.pages());
      }
      assertThat(before).isNotEmpty().hasSizeLessThan(expected.size());
      observer.reset();
      try (CrawlStore store = CrawlStore.open(url)) {
        new WebScraper(options())
            .crawl(store, List.of(a.root().resolve("/p/0"), b.root().resolve("/p/0")));
        assertThat(urls(store.pages())).isEqualTo(expected);
      }
      for (URI stored : before) {
        assertThat(observer.requests).doesNotContainKey(stored.getPort() + stored.getPath());
      }
    }
  }

  @Nested
  class Contract {

    @Test
    void optionsRejectBadValuesNamingThem() {
      Options d = Options.defaults();
      assertThatThrownBy(() -> d.withConcurrency(0, 1)).hasMessageContaining("1..10000: 0");
      assertThatThrownBy(() -> d.withConcurrency(4, 5))
          .hasMessageContaining("1..4 (maxConcurrent): 5");
      assertThatThrownBy(() -> d.withPoliteness(Duration.ofMillis(-1)))
          .hasMessageContaining("PT0S to PT1M");
      assertThatThrownBy(() -> d.withPoliteness(Duration.ofMinutes(2)))
          .hasMessageContaining("PT1M");
      assertThatThrownBy(() -> d.withMaxPages(0)).hasMessageContaining("maxPages must be 1..");
      assertThatThrownBy(() -> d.withRequestTimeout(Duration.ZERO))
          .hasMessageContaining("requestTimeout");
      assertThatThrownBy(
              () -> new Options(1, 1, Duration.ZERO, 0, 1, 0, Duration.ofSeconds(1), "a"))
          .hasMessageContaining("parserThreads must be 1..256: 0");
      assertThatThrownBy(
              () -> new Options(1, 1, Duration.ZERO, 1, 1, -1, Duration.ofSeconds(1), "a"))
          .hasMessageContaining("maxDepth must be 0..10000: -1");
      assertThatThrownBy(
              () -> new Options(1, 1, Duration.ZERO, 1, 1, 0, Duration.ofSeconds(1), "bot\n"))
          .hasMessageContaining("printable ASCII");
      assertThat(d.withConcurrency(10_000, 10_000).maxPerHost()).isEqualTo(10_000);
    }

    @Test
    void crawlChecksItsArguments() throws Exception {
      try (CrawlStore store = CrawlStore.open(jdbc("args"))) {
        WebScraper scraper = new WebScraper(options());
        assertThatThrownBy(() -> scraper.crawl(store, List.of())).hasMessageContaining("no seed");
        assertThatThrownBy(() -> scraper.crawl(store, List.of(URI.create("ftp://h/x"))))
            .hasMessageContaining("not an http(s) URL: ftp://h/x");
        assertThatThrownBy(() -> scraper.crawl(null, List.of()))
            .isInstanceOf(NullPointerException.class);
      }
      try (HttpClient following =
          HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL).build()) {
        assertThatThrownBy(
                () -> new WebScraper(options(), following, Clock.systemUTC(), Thread::sleep))
            .hasMessageContaining("must not follow redirects");
      }
    }

    @Test
    void closeClosesTheClientItMadeAndLeavesAGivenOneOpen() throws Exception {
      try (CrawlStore store = CrawlStore.open(jdbc("closing"));
          TestSite site = TestSite.generate(2, 3, Duration.ZERO, new TestSite.Observer());
          HttpClient given =
              HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build()) {
        WebScraper borrowing = new WebScraper(options(), given, Clock.systemUTC(), Thread::sleep);
        borrowing.close();
        assertThat(given.isTerminated()).isFalse();
        WebScraper.Report report =
            new WebScraper(options(), given, Clock.systemUTC(), Thread::sleep)
                .crawl(store, List.of(site.root().resolve("/p/0")));
        assertThat(report.stored()).isPositive();
      }
    }

    @Test
    void maxPagesStopsTheCrawlAndLeavesTheRestQueued() throws Exception {
      TestSite.Observer observer = new TestSite.Observer();
      try (TestSite a = TestSite.generate(8, 30, Duration.ZERO, observer);
          CrawlStore store = CrawlStore.open(jdbc("limited"))) {
        WebScraper.Report report =
            new WebScraper(options().withMaxPages(5))
                .crawl(store, List.of(a.root().resolve("/p/0")));
        assertThat(report.stored() + report.disallowed()).isEqualTo(5);
        assertThat(report.remaining()).isPositive();
        assertThat(store.queued()).hasSize(report.remaining());
      }
    }

    @Test
    void storeUpsertsAPageAndKeepsTheFrontierState() {
      CrawlStore store = CrawlStore.open(jdbc("upsert"));
      try {
        URI url = URI.create("http://h/a");
        URI link = URI.create("http://h/b");
        Instant at = Instant.parse("2026-01-01T00:00:00Z");
        assertThat(store.enqueue(List.of(new CrawlStore.Entry(url, 0)))).hasSize(1);
        assertThat(store.enqueue(List.of(new CrawlStore.Entry(url, 3)))).isEmpty();
        List<CrawlStore.Entry> added =
            store.store(
                new Page(url, 500, "", 0, null, null, at), List.of(new CrawlStore.Entry(link, 1)));
        assertThat(added).containsExactly(new CrawlStore.Entry(link, 1));
        store.store(
            new Page(url, 200, "Ünïcødé 𝄞 title", 1, null, null, at),
            List.of(new CrawlStore.Entry(link, 1)));
        assertThat(store.pages())
            .containsExactly(new Page(url, 200, "Ünïcødé 𝄞 title", 1, null, null, at));
        assertThat(store.frontier())
            .containsExactlyInAnyOrderEntriesOf(
                Map.of(url, CrawlStore.State.DONE, link, CrawlStore.State.QUEUED));
        assertThat(store.queued()).containsExactly(new CrawlStore.Entry(link, 1));
        store.close();
        store.close();
        assertThatThrownBy(store::pages)
            .isInstanceOf(IllegalStateException.class)
            .hasMessageContaining("closed");
      } finally {
        store.close();
      }
      assertThatThrownBy(() -> CrawlStore.open("jdbc:nothing:x"))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("jdbc:nothing:x");
    }

    @Test
    void pageChecksItsParts() {
      Instant at = Instant.EPOCH;
      URI url = URI.create("http://h/");
      assertThatThrownBy(() -> new Page(url, -1, "", 0, null, null, at))
          .hasMessageContaining("0..999: -1");
      assertThatThrownBy(() -> new Page(url, 200, "", -1, null, null, at))
          .hasMessageContaining("links");
    }

    static Stream<Arguments> spellings() {
      return Stream.of(
          Arguments.of("HTTP://Example.COM:80/a/../b?#top", "http://example.com/b"),
          Arguments.of("https://h:443", "https://h/"),
          Arguments.of("https://h:8443/x/./y/", "https://h:8443/x/y/"),
          Arguments.of("http://h/%7euser/%2f%c3%a9", "http://h/~user/%2F%C3%A9"),
          Arguments.of("http://h/../../a", "http://h/a"),
          Arguments.of("http://h/p?b=2&a=1", "http://h/p?b=2&a=1"),
          Arguments.of("http://h/%31%32", "http://h/12"),
          Arguments.of("  http://h/a  ", "http://h/a"));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("spellings")
    void normalisesOneSpellingPerPage(String spelled, String normal) {
      assertThat(Urls.normalize(spelled)).contains(URI.create(normal));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void refusesWhatIsNotAnHttpUrl(String url) {
      assertThat(Urls.normalize(url)).isEmpty();
    }

    static Stream<String> refusesWhatIsNotAnHttpUrl() {
      return Stream.of(
          "mailto:a@b",
          "javascript:void(0)",
          "/relative",
          "ftp://h/x",
          "http://u@h/",
          "http://[bad",
          "http:///x");
    }

    @Test
    void resolvesReferencesAgainstThePage() {
      URI base = URI.create("http://h/dir/page");
      assertThat(Urls.resolve(base, "other#x")).contains(URI.create("http://h/dir/other"));
      assertThat(Urls.resolve(base, "../up")).contains(URI.create("http://h/up"));
      assertThat(Urls.resolve(base, "//other.host/x")).contains(URI.create("http://other.host/x"));
      assertThat(Urls.resolve(base, "mailto:a@b")).isEmpty();
      assertThat(Urls.resolve(base, "http://[bad")).isEmpty();
      assertThat(Urls.authority(URI.create("https://h/"))).isEqualTo("h:443");
      assertThat(Urls.authority(URI.create("http://h/"))).isEqualTo("h:80");
    }

    @Test
    void robotsTxtPicksTheAgentsGroupAndTheLongestRule() {
      String text =
          """
          User-agent: *
          Disallow: /private/
          Allow: /private/open
          Disallow: /*.pdf$

          User-agent: MyBot
          User-agent: other
          Disallow: /only-me
          Disallow:
          """;
      RobotsTxt any = RobotsTxt.parse(text, "somebot/2.0");
      assertThat(any.allows("/private/x")).isFalse();
      assertThat(any.allows("/private/open/x")).isTrue();
      assertThat(any.allows("/docs/a.pdf")).isFalse();
      assertThat(any.allows("/docs/a.pdf?x")).isTrue();
      assertThat(any.allows("/")).isTrue();
      RobotsTxt mine = RobotsTxt.parse(text, "mybot/1.0");
      assertThat(mine.allows("/private/x")).isTrue();
      assertThat(mine.allows("/only-me/too")).isFalse();
      assertThat(RobotsTxt.parse("", "a").allows("/x")).isTrue();
      assertThat(RobotsTxt.allowAll().allows("/x")).isTrue();
      assertThat(RobotsTxt.disallowAll().allows("/x")).isFalse();
      assertThat(RobotsTxt.parse("User-agent: *\r\nDisallow: /a # comment\r\n", "b").allows("/a/b"))
          .isFalse();
    }
  }
}
