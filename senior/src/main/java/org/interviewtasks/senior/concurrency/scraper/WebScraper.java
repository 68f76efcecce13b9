package org.interviewtasks.senior.concurrency.scraper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.ReentrantLock;
import org.interviewtasks.common.Task;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A crawler: starting from seed URLs, fetches every page of the seeds' sites that links reach and
 * {@code robots.txt} allows, concurrently but politely, parses each, and stores the results in an
 * embedded database, resuming after a crash from what it stored.
 *
 * <p><b>Approach.</b> Each URL is a task on its own virtual thread (the Java reading of {@code
 * asyncio} + {@code aiohttp}: plain blocking {@link HttpClient} calls, cheap threads). Three bounds
 * keep it civil: a global semaphore on requests in flight, a semaphore per host ({@code host:port})
 * and a politeness delay per host between the starts of two requests (a per-host "next slot" that
 * each request takes and moves on). Parsing (Jsoup) is CPU work, so it runs in a fixed pool of
 * platform threads the size of the cores, not on the unbounded virtual threads (the {@code
 * concurrent.futures} process pool of the Python version). URLs are normalised ({@link Urls}) and
 * deduplicated through the frontier table of the {@link CrawlStore}: a page is stored, its URL
 * marked done and its new links queued in one transaction, so a crawl killed at any point resumes
 * with the URLs still queued and never fetches a stored page again. Redirects are not followed by
 * the client: a 3xx is stored with its target, and the target is queued like a link, which makes
 * redirect loops harmless (the second visit is a duplicate).
 *
 * <p><b>Complexity.</b> Each reachable URL is fetched once and parsed once: O(pages + links) work
 * and database rows; memory holds the queued URLs and the per-host state. Throughput is about
 * {@code min(maxConcurrent, hosts × maxPerHost, hosts / politeness)} requests per latency.
 *
 * <p><b>Edge cases.</b> Off-site links, other schemes ({@code mailto:}, {@code javascript:}) and
 * URLs longer than {@value #MAX_URL_LENGTH} characters are not followed; a 404 or 500 is stored
 * with its status (it was reached), a timeout or refused connection with status 0 and the error; a
 * {@code robots.txt} that answers 4xx allows everything, 5xx or no answer forbids everything (RFC
 * 9309). A body is decoded with the charset of its {@code Content-Type}, UTF-8 if none.
 *
 * <p><b>Trade-offs.</b> A task waiting for its host's slot keeps a thread but not a global permit,
 * so a slow host does not starve the others. One database connection serialises the writes; at
 * thousands of pages per second a batch writer would take over. Transient 5xx answers are stored,
 * not retried.
 *
 * <p><b>Follow-up.</b> <i>"Millions of pages?"</i> The frontier moves out of memory into the
 * database entirely (select the next batch of queued URLs per host), and several crawlers share it
 * by partitioning hosts, which keeps politeness per host local to one crawler. <i>"Why not follow
 * redirects in the client?"</i> Then the intermediate URLs are invisible to deduplication and to
 * {@code robots.txt}, and a loop is only stopped by a hop limit.
 */
@Task(id = "senior.concurrency.1", title = "Scalable web scraper")
public final class WebScraper implements AutoCloseable {

  /** The longest URL followed. */
  public static final int MAX_URL_LENGTH = 4096;

  private static final Logger LOG = LoggerFactory.getLogger(WebScraper.class);

  /**
   * How a crawl behaves.
   *
   * @param maxConcurrent requests in flight in total, 1 to 10,000
   * @param maxPerHost requests in flight per host, 1 to {@code maxConcurrent}
   * @param politeness the least time between the starts of two requests to one host, 0 to 1 min
   * @param parserThreads threads that parse HTML, 1 to 256
   * @param maxPages pages to store at most in one crawl, 1 to 100,000,000
   * @param maxDepth links to follow from a seed at most, 0 to 10,000
   * @param requestTimeout how long one request may take, 1 ms to 10 min
   * @param userAgent the {@code User-Agent} sent and matched in {@code robots.txt}
   */
  public record Options(
      int maxConcurrent,
      int maxPerHost,
      Duration politeness,
      int parserThreads,
      int maxPages,
      int maxDepth,
      Duration requestTimeout,
      String userAgent) {

    /**
     * Checks the parts.
     *
     * @throws IllegalArgumentException naming the bad value and its limit
     */
    public Options {
      Objects.requireNonNull(politeness, "politeness");
      Objects.requireNonNull(requestTimeout, "requestTimeout");
      Objects.requireNonNull(userAgent, "userAgent");
      if (maxConcurrent < 1 || maxConcurrent > 10_000) {
        throw new IllegalArgumentException("maxConcurrent must be 1..10000: " + maxConcurrent);
      }
      if (maxPerHost < 1 || maxPerHost > maxConcurrent) {
        throw new IllegalArgumentException(
            "maxPerHost must be 1.." + maxConcurrent + " (maxConcurrent): " + maxPerHost);
      }
      if (politeness.isNegative() || politeness.compareTo(Duration.ofMinutes(1)) > 0) {
        throw new IllegalArgumentException("politeness must be PT0S to PT1M: " + politeness);
      }
      if (parserThreads < 1 || parserThreads > 256) {
        throw new IllegalArgumentException("parserThreads must be 1..256: " + parserThreads);
      }
      if (maxPages < 1 || maxPages > 100_000_000) {
        throw new IllegalArgumentException("maxPages must be 1..100000000: " + maxPages);
      }
      if (maxDepth < 0 || maxDepth > 10_000) {
        throw new IllegalArgumentException("maxDepth must be 0..10000: " + maxDepth);
      }
      if (requestTimeout.compareTo(Duration.ofMillis(1)) < 0
          || requestTimeout.compareTo(Duration.ofMinutes(10)) > 0) {
        throw new IllegalArgumentException(
            "requestTimeout must be PT0.001S to PT10M: " + requestTimeout);
      }
      if (userAgent.isBlank() || userAgent.chars().anyMatch(c -> c < 0x20 || c > 0x7e)) {
        throw new IllegalArgumentException(
            "userAgent must be printable ASCII: \"" + userAgent + "\"");
      }
    }

    /**
     * 32 requests in total, 4 per host, 100 ms between two to one host, a parser per core, a
     * million pages, depth 100, 10 s per request, agent {@code interview-tasks-scraper/1.0}.
     */
    public static Options defaults() {
      return new Options(
          32,
          4,
          Duration.ofMillis(100),
          Runtime.getRuntime().availableProcessors(),
          1_000_000,
          100,
          Duration.ofSeconds(10),
          "interview-tasks-scraper/1.0");
    }

    /** These options with other concurrency bounds. */
    public Options withConcurrency(int total, int perHost) {
      return new Options(
          total, perHost, politeness, parserThreads, maxPages, maxDepth, requestTimeout, userAgent);
    }

    /** These options with another politeness delay. */
    public Options withPoliteness(Duration delay) {
      return new Options(
          maxConcurrent,
          maxPerHost,
          delay,
          parserThreads,
          maxPages,
          maxDepth,
          requestTimeout,
          userAgent);
    }

    /** These options with another page limit. */
    public Options withMaxPages(int pages) {
      return new Options(
          maxConcurrent,
          maxPerHost,
          politeness,
          parserThreads,
          pages,
          maxDepth,
          requestTimeout,
          userAgent);
    }

    /** These options with another depth limit. */
    public Options withMaxDepth(int depth) {
      return new Options(
          maxConcurrent,
          maxPerHost,
          politeness,
          parserThreads,
          maxPages,
          depth,
          requestTimeout,
          userAgent);
    }

    /** These options with another request timeout. */
    public Options withRequestTimeout(Duration timeout) {
      return new Options(
          maxConcurrent,
          maxPerHost,
          politeness,
          parserThreads,
          maxPages,
          maxDepth,
          timeout,
          userAgent);
    }
  }

  /**
   * What one crawl did.
   *
   * @param fetched pages requested (robots files not counted)
   * @param stored pages stored, whatever their status
   * @param failed stored pages with no answer (status 0)
   * @param disallowed URLs {@code robots.txt} forbade
   * @param remaining URLs still queued when the crawl stopped (at {@code maxPages})
   */
  public record Report(int fetched, int stored, int failed, int disallowed, int remaining) {}

  /** Waits; {@code Thread::sleep} in production, a simulated clock's advance in tests. */
  @FunctionalInterface
  public interface Sleeper {
    /** Returns after {@code duration} has passed. */
    void sleep(Duration duration) throws InterruptedException;
  }

  private static final CrawlStore.Entry DONE = new CrawlStore.Entry(URI.create("about:done"), -1);

  private final Options options;
  private final HttpClient client;
  private final Clock clock;
  private final Sleeper sleeper;
  private final boolean ownsClient;

  /**
   * A crawler with its own HTTP client, the system clock and sleep; {@link #close()} closes that
   * client (its connection pool and selector thread). The client follows no redirect and speaks
   * HTTP/1.1: over plain http the JDK client would otherwise try an HTTP/2 upgrade first, which a
   * crawler of many small sites gains nothing from.
   */
  public WebScraper(Options options) {
    this(
        true,
        options,
        HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Objects.requireNonNull(options, "options").requestTimeout())
            .build(),
        Clock.systemUTC(),
        Thread::sleep);
  }

  /**
   * A crawler with the given client, clock and sleeper. The client stays the caller's: {@link
   * #close()} leaves it open.
   *
   * @param client an HTTP client that does not follow redirects
   */
  public WebScraper(Options options, HttpClient client, Clock clock, Sleeper sleeper) {
    this(false, options, client, clock, sleeper);
  }

  private WebScraper(
      boolean ownsClient, Options options, HttpClient client, Clock clock, Sleeper sleeper) {
    this.ownsClient = ownsClient;
    this.options = Objects.requireNonNull(options, "options");
    this.client = Objects.requireNonNull(client, "client");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
    if (client.followRedirects() != HttpClient.Redirect.NEVER) {
      throw new IllegalArgumentException(
          "the client must not follow redirects (Redirect.NEVER): " + client.followRedirects());
    }
  }

  /** Closes the HTTP client if this crawler made it; a client given to it stays open. */
  @Override
  public void close() {
    if (ownsClient) {
      client.close();
    }
  }

  /**
   * Crawls from {@code seeds} (and from what {@code store} still has queued) until nothing is
   * queued or {@code maxPages} pages were stored; only the seeds' hosts are crawled.
   *
   * @param store where pages and the frontier are kept; a store of an earlier, interrupted crawl
   *     resumes it
   * @param seeds absolute http(s) URLs, at least one
   * @throws IllegalArgumentException if there is no seed or a seed is not an http(s) URL
   * @throws InterruptedException if interrupted; what was stored stays, the rest stays queued
   */
  public Report crawl(CrawlStore store, Collection<URI> seeds) throws InterruptedException {
    Objects.requireNonNull(store, "store");
    Objects.requireNonNull(seeds, "seeds");
    if (seeds.isEmpty()) {
      throw new IllegalArgumentException("no seed URL");
    }
    List<CrawlStore.Entry> start = new ArrayList<>();
    Set<String> sites = new LinkedHashSet<>();
    for (URI seed : seeds) {
      Objects.requireNonNull(seed, "seed");
      URI url =
          Urls.normalize(seed.toString())
              .orElseThrow(() -> new IllegalArgumentException("not an http(s) URL: " + seed));
      start.add(new CrawlStore.Entry(url, 0));
      sites.add(Urls.authority(url));
    }
    store.enqueue(start);
    return new Crawl(store, Set.copyOf(sites)).run();
  }

  /** The state of one crawl. */
  private final class Crawl {
    private final CrawlStore store;
    private final Set<String> sites;
    private final BlockingQueue<CrawlStore.Entry> queue = new LinkedBlockingQueue<>();
    private final Semaphore requests = new Semaphore(options.maxConcurrent(), true);
    private final Semaphore tasks = new Semaphore(options.maxConcurrent() * 4);
    private final Map<String, HostGate> gates = new ConcurrentHashMap<>();
    private final Map<String, CompletableFuture<RobotsTxt>> robots = new ConcurrentHashMap<>();
    private final AtomicInteger active = new AtomicInteger();
    private final AtomicInteger fetched = new AtomicInteger();
    private final AtomicInteger stored = new AtomicInteger();
    private final AtomicInteger failed = new AtomicInteger();
    private final AtomicInteger disallowed = new AtomicInteger();
    private final AtomicReference<Throwable> crash = new AtomicReference<>();
    private final ExecutorService parsers = Executors.newFixedThreadPool(options.parserThreads());

    Crawl(CrawlStore store, Set<String> sites) {
      this.store = store;
      this.sites = sites;
    }

    Report run() throws InterruptedException {
      queue.addAll(store.queued());
      int submitted = 0;
      try (ExecutorService fetchers = Executors.newVirtualThreadPerTaskExecutor()) {
        try {
          while (crash.get() == null) {
            if (active.get() == 0 && queue.isEmpty()) { // in this order: see visit()
              break;
            }
            CrawlStore.Entry entry = queue.take();
            if (entry.depth() < 0) { // DONE: only a wake-up
              continue;
            }
            if (submitted >= options.maxPages()) {
              queue.add(entry);
              break;
            }
            submitted++;
            tasks.acquire();
            active.incrementAndGet();
            Future<?> unused = fetchers.submit(() -> visit(entry));
          }
        } finally {
          if (crash.get() != null || Thread.currentThread().isInterrupted()) {
            fetchers.shutdownNow();
          }
          fetchers.shutdown();
        }
      } finally {
        parsers.shutdownNow();
      }
      Throwable failure = crash.get();
      if (failure != null) {
        throw new IllegalStateException("crawl failed: " + failure.getMessage(), failure);
      }
      return new Report(
          fetched.get(), stored.get(), failed.get(), disallowed.get(), store.queued().size());
    }

    private void visit(CrawlStore.Entry entry) {
      try {
        List<CrawlStore.Entry> added = visitOrThrow(entry);
        queue.addAll(added);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } catch (RuntimeException | Error e) {
        LOG.error("crawl of {} failed", entry.url(), e);
        crash.compareAndSet(null, e);
      } finally {
        tasks.release();
        if (active.decrementAndGet() == 0 || crash.get() != null) {
          queue.add(DONE); // wakes the coordinator to look again
        }
      }
    }

    private List<CrawlStore.Entry> visitOrThrow(CrawlStore.Entry entry)
        throws InterruptedException {
      URI url = entry.url();
      String site = Urls.authority(url);
      String pathAndQuery =
          url.getRawPath() + (url.getRawQuery() == null ? "" : "?" + url.getRawQuery());
      if (!robotsFor(url).allows(pathAndQuery)) {
        store.disallow(url);
        disallowed.incrementAndGet();
        return List.of();
      }
      fetched.incrementAndGet();
      Instant at = clock.instant();
      HttpResponse<byte[]> response;
      try {
        response = gate(site).call(() -> get(url));
      } catch (IOException e) {
        failed.incrementAndGet();
        stored.incrementAndGet();
        return store.store(new Page(url, 0, "", 0, null, e.toString(), at), List.of());
      }
      int status = response.statusCode();
      if (status >= 300 && status < 400) {
        Optional<URI> target =
            response
                .headers()
                .firstValue("Location")
                .flatMap(location -> Urls.resolve(url, location));
        List<CrawlStore.Entry> links = follow(target.stream().toList(), entry.depth());
        stored.incrementAndGet();
        return store.store(
            new Page(url, status, "", links.size(), target.orElse(null), null, at), links);
      }
      String type = response.headers().firstValue("Content-Type").orElse("");
      if (status == 200 && type.toLowerCase(Locale.ROOT).startsWith("text/html")) {
        String html = new String(response.body(), charset(type));
        Parsed parsed = parse(url, html);
        List<CrawlStore.Entry> links = follow(parsed.links(), entry.depth());
        stored.incrementAndGet();
        return store.store(
            new Page(url, status, parsed.title(), links.size(), null, null, at), links);
      }
      stored.incrementAndGet();
      return store.store(new Page(url, status, "", 0, null, null, at), List.of());
    }

    private record Parsed(String title, List<URI> links) {}

    private Parsed parse(URI url, String html) throws InterruptedException {
      Callable<Parsed> job =
          () -> {
            Document document = Jsoup.parse(html, url.toString());
            Set<URI> links = new LinkedHashSet<>();
            for (Element anchor : document.select("a[href]")) {
              Urls.resolve(url, anchor.attr("href")).ifPresent(links::add);
            }
            return new Parsed(document.title(), List.copyOf(links));
          };
      try {
        return parsers.submit(job).get();
      } catch (ExecutionException e) {
        throw new IllegalStateException("cannot parse " + url, e.getCause());
      }
    }

    /** The links to queue: on a crawled site, short enough, not deeper than allowed. */
    private List<CrawlStore.Entry> follow(List<URI> links, int depth) {
      if (depth >= options.maxDepth()) {
        return List.of();
      }
      List<CrawlStore.Entry> follow = new ArrayList<>();
      for (URI link : links) {
        if (sites.contains(Urls.authority(link)) && link.toString().length() <= MAX_URL_LENGTH) {
          follow.add(new CrawlStore.Entry(link, depth + 1));
        }
      }
      return follow;
    }

    private RobotsTxt robotsFor(URI url) throws InterruptedException {
      String site = Urls.authority(url);
      CompletableFuture<RobotsTxt> mine = new CompletableFuture<>();
      CompletableFuture<RobotsTxt> existing = robots.putIfAbsent(site, mine);
      if (existing != null) {
        try {
          return existing.get();
        } catch (ExecutionException e) {
          throw new IllegalStateException("robots.txt of " + site, e.getCause());
        }
      }
      RobotsTxt rules;
      URI location = url.resolve("/robots.txt");
      try {
        HttpResponse<byte[]> response = gate(site).call(() -> get(location));
        int status = response.statusCode();
        if (status == 200) {
          String type = response.headers().firstValue("Content-Type").orElse("");
          rules = RobotsTxt.parse(new String(response.body(), charset(type)), options.userAgent());
        } else if (status >= 400 && status < 500) {
          rules = RobotsTxt.allowAll();
        } else {
          rules = RobotsTxt.disallowAll();
        }
      } catch (IOException e) {
        LOG.warn("no robots.txt from {}: crawling nothing there", site, e);
        rules = RobotsTxt.disallowAll();
      }
      mine.complete(rules);
      return rules;
    }

    private HttpResponse<byte[]> get(URI url) throws IOException, InterruptedException {
      HttpRequest request =
          HttpRequest.newBuilder(url)
              .timeout(options.requestTimeout())
              .header("User-Agent", options.userAgent())
              .GET()
              .build();
      return client.send(request, HttpResponse.BodyHandlers.ofByteArray());
    }

    private HostGate gate(String site) {
      return gates.computeIfAbsent(site, s -> new HostGate());
    }

    /** The per-host bound and politeness slot, then the global bound, around one request. */
    private final class HostGate {
      private final Semaphore permits = new Semaphore(options.maxPerHost(), true);
      private final ReentrantLock lock = new ReentrantLock();
      private Instant nextStart = Instant.MIN;

      <T> T call(IoCall<T> call) throws IOException, InterruptedException {
        permits.acquire();
        try {
          Instant start;
          lock.lock();
          try {
            Instant now = clock.instant();
            start = now.isAfter(nextStart) ? now : nextStart;
            nextStart = start.plus(options.politeness());
          } finally {
            lock.unlock();
          }
          Duration wait = Duration.between(clock.instant(), start);
          if (wait.isPositive()) {
            sleeper.sleep(wait);
          }
          requests.acquire();
          try {
            return call.run();
          } finally {
            requests.release();
          }
        } finally {
          permits.release();
        }
      }
    }
  }

  @FunctionalInterface
  private interface IoCall<T> {
    T run() throws IOException, InterruptedException;
  }

  private static Charset charset(String contentType) {
    for (String part : contentType.split(";", -1)) {
      String p = part.strip();
      if (p.regionMatches(true, 0, "charset=", 0, 8)) {
        try {
          return Charset.forName(p.substring(8).replace("\"", "").strip());
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
          return StandardCharsets.UTF_8;
        }
      }
    }
    return StandardCharsets.UTF_8;
  }
}
