package org.interviewtasks.senior.concurrency.scraper;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One whole crawl of a generated local site whose every page answers after 50 ms (about 100 URLs:
 * 60 pages and their 404, 500, redirect, slow and timed-out neighbours), ours with 32 requests in
 * flight against the same crawler run sequentially (one request at a time), each into a fresh
 * in-memory H2 database. Pages per second are {@link #URLS} divided by the time of one crawl.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1, time = 1)
@Measurement(iterations = 2, time = 1)
@Fork(1)
@State(Scope.Benchmark)
public class WebScraperBenchmark {

  /** Pages of the generated site. */
  static final int PAGES = 60;

  /** URLs a crawl stores, set at setup. */
  static int URLS;

  private final AtomicInteger databases = new AtomicInteger();
  private TestSite site;
  private URI seed;

  @Setup(Level.Trial)
  public void serve() throws IOException {
    site = TestSite.generate(42, PAGES, Duration.ofMillis(50), new TestSite.Observer());
    seed = site.root().resolve("/p/0");
    URLS = site.reachable().size();
  }

  @TearDown(Level.Trial)
  public void stop() {
    site.close();
  }

  private int crawl(int concurrent) throws InterruptedException {
    WebScraper.Options options =
        WebScraper.Options.defaults()
            .withConcurrency(concurrent, concurrent)
            .withPoliteness(Duration.ZERO)
            .withRequestTimeout(Duration.ofSeconds(1))
            .withMaxDepth(10_000);
    try (CrawlStore store =
        CrawlStore.open("jdbc:h2:mem:crawl" + databases.incrementAndGet() + ";DB_CLOSE_DELAY=0")) {
      return new WebScraper(options).crawl(store, List.of(seed)).stored();
    }
  }

  /** 32 requests in flight. */
  @Benchmark
  public int crawl_ours() throws InterruptedException {
    return crawl(32);
  }

  /** One request at a time: the sequential crawler. */
  @Benchmark
  public int crawl_sequential() throws InterruptedException {
    return crawl(1);
  }
}
