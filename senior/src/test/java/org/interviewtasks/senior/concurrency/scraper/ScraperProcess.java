package org.interviewtasks.senior.concurrency.scraper;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A crawl in a child JVM, for the test that kills one midway: {@code <jdbc-url> <seed>...}; runs
 * until done or killed.
 */
final class ScraperProcess {
  private ScraperProcess() {}

  public static void main(String[] args) throws InterruptedException {
    List<URI> seeds = new ArrayList<>();
    for (int i = 1; i < args.length; i++) {
      seeds.add(URI.create(args[i]));
    }
    WebScraper.Options options =
        WebScraper.Options.defaults()
            .withConcurrency(4, 2)
            .withPoliteness(Duration.ofMillis(10))
            .withRequestTimeout(Duration.ofSeconds(5))
            .withMaxDepth(10_000);
    try (CrawlStore store = CrawlStore.open(args[0]);
        WebScraper scraper = new WebScraper(options)) {
      scraper.crawl(store, seeds);
    }
  }
}
