package org.interviewtasks.senior.concurrency.scraper;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A site served on a loopback port for the crawler's tests, generated from a seed: HTML pages with
 * a random link graph whose links are spelled several ways, slow pages, 404 and 500 answers, a
 * redirect loop, a page that never answers in time, a {@code robots.txt} that forbids {@code
 * /private/} (whose pages link to pages reachable from nowhere else), off-site and {@code mailto:}
 * links. It records what it serves, so tests can check the crawler's bounds from the server side.
 */
final class TestSite implements AutoCloseable {

  /** What a path answers. */
  sealed interface Answer {}

  /** An HTML page linking to {@code targets}, each target a canonical path, with a spelling. */
  record Html(String title, List<String> targets, List<String> hrefs, Duration latency)
      implements Answer {}

  /** A redirect to a canonical path. */
  record Redirect(int status, String target) implements Answer {}

  /** A bare status with a text body. */
  record Status(int status) implements Answer {}

  /** Answers after the test is over (longer than any request timeout). */
  record Hang() implements Answer {}

  /**
   * Requests seen: global and per-site in-flight peaks, and arrival times per site.
   *
   * <p>A request is in flight from its arrival until the server starts its answer or the client is
   * done with it, whichever comes first. A client that tags its requests with {@link #REQUEST_ID}
   * (see {@link #countingClient}) ends them itself: a request it abandoned at its timeout, or one
   * the HTTP client sent twice over a fresh connection, is then counted as the crawler sees it, one
   * request for as long as the crawler holds it.
   */
  static final class Observer {
    static final String REQUEST_ID = "X-Test-Request";

    final AtomicInteger inFlight = new AtomicInteger();
    final AtomicInteger maxInFlight = new AtomicInteger();
    final Map<Integer, AtomicInteger> siteInFlight = new ConcurrentHashMap<>();
    final Map<Integer, AtomicInteger> siteMax = new ConcurrentHashMap<>();
    final Map<Integer, List<Long>> arrivals = new ConcurrentHashMap<>();
    final Map<String, AtomicInteger> requests = new ConcurrentHashMap<>();
    final AtomicInteger pages = new AtomicInteger();
    private final Map<String, Integer> open = new ConcurrentHashMap<>();
    private final AtomicLong untagged = new AtomicLong();

    void reset() {
      maxInFlight.set(0);
      siteMax.clear();
      arrivals.clear();
      requests.clear();
      pages.set(0);
    }

    /** A request arrives at {@code site}; returns the id that ends it. */
    String arrive(int site, String tag) {
      String id = tag != null ? tag : "untagged-" + untagged.incrementAndGet();
      arrivals.computeIfAbsent(site, s -> new CopyOnWriteArrayList<>()).add(System.nanoTime());
      if (open.putIfAbsent(id, site) == null) {
        maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
        int here = siteInFlight.computeIfAbsent(site, s -> new AtomicInteger()).incrementAndGet();
        siteMax.computeIfAbsent(site, s -> new AtomicInteger()).accumulateAndGet(here, Math::max);
      }
      return id;
    }

    /** The request {@code id} ends (again: a no-op). */
    void end(String id) {
      Integer site = open.remove(id);
      if (site != null) {
        inFlight.decrementAndGet();
        siteInFlight.get(site).decrementAndGet();
      }
    }

    /**
     * A client like {@code delegate} that tags each request it sends with a fresh id and ends that
     * id when {@code send} returns or throws.
     */
    HttpClient countingClient(HttpClient delegate) {
      return new TaggingClient(delegate, this);
    }
  }

  private static final String LEAVE = "test-site.leave";

  private final HttpServer server;
  private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
  private final Map<String, Answer> answers;
  private final Observer observer;
  private final CountDownLatch closing = new CountDownLatch(1);
  private final String robots;

  private TestSite(Map<String, Answer> answers, String robots, Observer observer)
      throws IOException {
    this.answers = answers;
    this.robots = robots;
    this.observer = observer;
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setExecutor(executor);
    server.createContext("/", this::serve);
    server.start();
  }

  /**
   * A site of {@code pages} pages {@code /p/0..}, each linking to the next (so all are reachable)
   * and to a few random others, with the special pages mixed in.
   */
  static TestSite generate(long seed, int pages, Duration latency, Observer observer)
      throws IOException {
    SplittableRandom random = new SplittableRandom(seed);
    Map<String, Answer> answers = new LinkedHashMap<>();
    for (int i = 0; i < pages; i++) {
      List<String> targets = new ArrayList<>();
      if (i + 1 < pages) {
        targets.add("/p/" + (i + 1));
      }
      for (int k = random.nextInt(1, 4); k > 0; k--) {
        targets.add("/p/" + random.nextInt(pages));
      }
      switch (i % 10) {
        case 1 -> targets.add("/missing/" + i);
        case 2 -> targets.add("/err/" + i);
        case 3 -> targets.add("/private/" + i);
        case 4 -> targets.add("/redirect/" + i);
        case 5 -> targets.add("/slow/" + i);
        default -> {}
      }
      if (i == 7 && pages > 50) { // big sites only: the page that never answers in time
        targets.add("/loop/a");
        targets.add("/file.txt");
        targets.add("/hang");
      }
      answers.put("/p/" + i, html("Seite " + i + " — ünïcødé ✓", targets, random, latency));
      answers.put("/missing/" + i, new Status(404));
      answers.put("/err/" + i, new Status(500));
      answers.put("/private/" + i, html("private " + i, List.of("/secret/" + i), random, latency));
      answers.put("/secret/" + i, html("secret " + i, List.of("/p/0"), random, latency));
      answers.put("/redirect/" + i, new Redirect(301, "/p/" + random.nextInt(pages)));
      answers.put(
          "/slow/" + i,
          html(
              "slow " + i, List.of("/p/" + random.nextInt(pages)), random, latency.plusMillis(30)));
    }
    answers.put("/loop/a", new Redirect(302, "/loop/b"));
    answers.put("/loop/b", new Redirect(302, "/loop/a"));
    answers.put("/file.txt", new Status(200));
    answers.put("/hang", new Hang());
    String robots =
        """
        # test robots
        User-agent: other-bot
        Disallow: /

        User-agent: *
        Disallow: /private/
        Allow: /private/none
        """;
    return new TestSite(answers, robots, observer);
  }

  private static Html html(
      String title, List<String> targets, SplittableRandom random, Duration latency) {
    List<String> hrefs = new ArrayList<>();
    for (String target : targets) {
      hrefs.add(spell(target, random));
    }
    return new Html(title, targets, hrefs, latency);
  }

  /** One of several spellings of the same canonical path. */
  private static String spell(String path, SplittableRandom random) {
    return switch (random.nextInt(7)) {
      case 0 -> path;
      case 1 -> path + "#section-" + random.nextInt(5);
      case 2 -> "/x/.." + path;
      case 3 ->
          path.substring(0, path.lastIndexOf('/'))
              + "/./"
              + path.substring(path.lastIndexOf('/') + 1);
      case 4 -> path + "?";
      case 5 -> escapeDigits(path);
      default -> "SITE" + path; // replaced by HTTP://127.0.0.1:port when served
    };
  }

  private static String escapeDigits(String path) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < path.length(); i++) {
      char c = path.charAt(i);
      out.append(Character.isDigit(c) ? "%3" + c : String.valueOf(c));
    }
    return out.toString();
  }

  /** The site's root, {@code http://127.0.0.1:port}. */
  URI root() {
    return URI.create("http://127.0.0.1:" + port());
  }

  int port() {
    return server.getAddress().getPort();
  }

  /**
   * The canonical URLs a correct crawl from {@code /p/0} stores: reachable through pages and
   * redirects, not forbidden by robots.txt (so {@code /private/} and the {@code /secret/} pages
   * only it links to are out).
   */
  Set<URI> reachable() {
    Set<String> seen = new HashSet<>();
    Deque<String> queue = new ArrayDeque<>(List.of("/p/0"));
    seen.add("/p/0");
    while (!queue.isEmpty()) {
      String path = queue.removeFirst();
      Answer answer = answers.get(path);
      List<String> next = List.of();
      if (answer instanceof Html h) {
        next = h.targets();
      } else if (answer instanceof Redirect r) {
        next = List.of(r.target());
      }
      for (String target : next) {
        if (!target.startsWith("/private/") && seen.add(target)) {
          queue.addLast(target);
        }
      }
    }
    Set<URI> urls = new HashSet<>();
    seen.forEach(path -> urls.add(root().resolve(path)));
    return urls;
  }

  /** The private URLs that pages link to. */
  Set<URI> forbidden() {
    Set<URI> urls = new HashSet<>();
    for (URI url : reachableIgnoringRobots()) {
      if (url.getPath().startsWith("/private/")) {
        urls.add(url);
      }
    }
    return urls;
  }

  private Set<URI> reachableIgnoringRobots() {
    Set<URI> urls = new HashSet<>();
    for (Answer answer : answers.values()) {
      if (answer instanceof Html h) {
        h.targets().forEach(t -> urls.add(root().resolve(t)));
      }
    }
    return urls;
  }

  Answer answer(String path) {
    return answers.get(path);
  }

  private void serve(HttpExchange exchange) throws IOException {
    int site = port();
    String id = observer.arrive(site, exchange.getRequestHeaders().getFirst(Observer.REQUEST_ID));
    // Before the answer goes out: the client may start its next request as soon as it has read
    // this answer, and that one must not be counted beside this one.
    Runnable leave = () -> observer.end(id);
    exchange.setAttribute(LEAVE, leave);
    try (exchange) {
      String path = exchange.getRequestURI().getRawPath();
      observer.requests.computeIfAbsent(site + path, p -> new AtomicInteger()).incrementAndGet();
      if (path.equals("/robots.txt")) {
        send(exchange, 200, "text/plain; charset=utf-8", robots);
        return;
      }
      observer.pages.incrementAndGet();
      Answer answer = answers.get(path);
      switch (answer) {
        case null -> send(exchange, 404, "text/plain", "no such page");
        case Html h -> {
          pause(h.latency());
          StringBuilder body =
              new StringBuilder("<!doctype html><html><head><meta charset=utf-8><title>")
                  .append(h.title())
                  .append("</title></head><body><h1>")
                  .append(h.title())
                  .append("</h1>");
          for (String href : h.hrefs()) {
            String absolute = href.replace("SITE", "HTTP://127.0.0.1:" + site);
            body.append("<a href=\"").append(absolute).append("\">link</a> ");
          }
          body.append("<a href=\"mailto:web@example.invalid\">mail</a>")
              .append("<a href=\"http://elsewhere.invalid/p/1\">away</a>")
              .append("<a href=\"javascript:void(0)\">js</a></body></html>");
          send(exchange, 200, "text/html; charset=utf-8", body.toString());
        }
        case Redirect r -> {
          exchange.getResponseHeaders().add("Location", r.target());
          send(exchange, r.status(), "text/plain", "moved");
        }
        case Status s ->
            send(exchange, s.status(), "text/plain; charset=utf-8", "status " + s.status());
        case Hang unused -> {
          // The client gives up on this request at its timeout and goes on with another while
          // the server still holds this one: counted as in flight, it would add one to the peak
          // that the client never had. So it leaves the count before it hangs.
          leave.run();
          awaitClosing(Duration.ofSeconds(20));
          send(exchange, 200, "text/plain", "too late");
        }
      }
    } finally {
      leave.run();
    }
  }

  /** Simulated server latency: waits for the site to close, or for {@code latency}. */
  private void pause(Duration latency) {
    if (latency.isPositive()) {
      awaitClosing(latency);
    }
  }

  private void awaitClosing(Duration atMost) {
    try {
      if (closing.await(atMost.toNanos(), TimeUnit.NANOSECONDS)) {
        return; // closing: answer at once
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void send(HttpExchange exchange, int status, String type, String body)
      throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    if (exchange.getAttribute(LEAVE) instanceof Runnable leave) {
      leave.run();
    }
    exchange.getResponseHeaders().add("Content-Type", type);
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  @Override
  public void close() {
    closing.countDown();
    server.stop(0);
    executor.shutdownNow();
  }
}
