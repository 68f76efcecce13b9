package org.interviewtasks.junior.apps;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.interviewtasks.common.Task;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Selector;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * Extracts the headlines of a news page: fetched with OkHttp, parsed with Jsoup.
 *
 * <p><b>Approach.</b> One GET (a User-Agent that names the program, connect and read timeouts: the
 * polite minimum for a scraper), then Jsoup parses the page as a browser would, tolerating broken
 * HTML. Headlines are the elements matching a CSS selector, {@value #DEFAULT_SELECTOR} by default
 * (a site-specific one such as {@code article h2} does better), in document order, with their text
 * whitespace-normalized. Each gets the link it sits in or contains, made absolute against the
 * page's final URL (after redirects). Headings inside {@code nav}, {@code footer} and {@code aside}
 * are menus, not news, and are skipped, as are blank ones and repeats of a text already seen
 * (teasers often repeat the lead story). O(n) in the size of the page.
 *
 * <p><b>Edge cases.</b> The charset comes from the {@code Content-Type} header, else from the
 * page's {@code <meta charset>}, else UTF-8, as in a browser. A response that is not HTML (by its
 * content type), an error status, or a page over {@value #MAX_PAGE_BYTES} bytes fails with an
 * {@link IOException} naming the reason; a timeout surfaces as OkHttp's {@link
 * java.io.InterruptedIOException}. Links that are not http(s) ({@code javascript:}, {@code
 * mailto:}) are dropped, leaving the headline without a link. An invalid selector is an {@link
 * IllegalArgumentException}.
 *
 * <p><b>Follow-up.</b> <i>"Scrape a whole site?"</i> Read {@code /robots.txt} first and obey its
 * {@code Disallow} and {@code Crawl-delay}, throttle requests per host, and cache with {@code
 * ETag}/{@code If-None-Match}. <i>"The headlines are rendered by JavaScript?"</i> Then the HTML has
 * none: use the site's RSS feed or API, or a headless browser.
 */
@Task(id = "junior.apps.3", title = "Headline scraper")
public final class HeadlineScraper {

  /** The headings taken as headlines unless a selector is given. */
  public static final String DEFAULT_SELECTOR = "h1, h2, h3";

  /** The largest page read: 5 MiB. */
  public static final int MAX_PAGE_BYTES = 5 * 1024 * 1024;

  /**
   * A headline.
   *
   * @param text its text, whitespace-normalized
   * @param link the absolute http(s) URL it links to, if any
   */
  public record Headline(String text, Optional<String> link) {
    /** Checks that the text is not blank. */
    public Headline {
      Objects.requireNonNull(text, "text");
      Objects.requireNonNull(link, "link");
      if (text.isBlank()) {
        throw new IllegalArgumentException("a headline needs some text");
      }
    }

    /** The headline with its link in parentheses, if it has one. */
    @Override
    public String toString() {
      return link.map(url -> text + " (" + url + ")").orElse(text);
    }
  }

  private final OkHttpClient client;
  private final String selector;

  /** A scraper taking {@value #DEFAULT_SELECTOR} as headlines. */
  public HeadlineScraper(OkHttpClient client) {
    this(client, DEFAULT_SELECTOR);
  }

  /**
   * A scraper taking the elements matching the CSS {@code selector} as headlines.
   *
   * @throws IllegalArgumentException if the selector is not valid CSS
   */
  public HeadlineScraper(OkHttpClient client, String selector) {
    this.client = Objects.requireNonNull(client, "client");
    this.selector = checkSelector(selector);
  }

  /**
   * The headlines of the page at {@code url}.
   *
   * @throws IOException if the request fails, times out, answers an error status, or the response
   *     is not an HTML page of at most {@value #MAX_PAGE_BYTES} bytes
   */
  public List<Headline> scrape(HttpUrl url) throws IOException {
    Objects.requireNonNull(url, "url");
    Request request = new Request.Builder().url(url).header("Accept", "text/html").build();
    try (Response response = client.newCall(request).execute()) {
      HttpUrl finalUrl = response.request().url();
      if (!response.isSuccessful()) {
        throw new IOException("HTTP " + response.code() + " from " + finalUrl);
      }
      ResponseBody body = response.body();
      MediaType type = body.contentType();
      if (type != null && !isHtml(type)) {
        throw new IOException("not an HTML page: " + type + " from " + finalUrl);
      }
      byte[] page = readAtMost(body.byteStream(), finalUrl);
      Charset charset = type == null ? null : type.charset();
      Document document =
          Jsoup.parse(
              new ByteArrayInputStream(page),
              charset == null ? null : charset.name(),
              finalUrl.toString());
      return headlines(document, selector);
    }
  }

  /**
   * The headlines of a parsed page: the elements matching {@code selector}, outside {@code nav},
   * {@code footer} and {@code aside}, first occurrence of each text, in document order.
   *
   * @throws IllegalArgumentException if the selector is not valid CSS
   */
  public static List<Headline> headlines(Document document, String selector) {
    Objects.requireNonNull(document, "document");
    List<Headline> headlines = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (Element element : document.select(checkSelector(selector))) {
      String text = element.text();
      if (text.isBlank() || isBoilerplate(element) || !seen.add(text)) {
        continue;
      }
      headlines.add(new Headline(text, link(element)));
    }
    return headlines;
  }

  private static boolean isBoilerplate(Element element) {
    return element.closest("nav, footer, aside") != null;
  }

  /** The absolute http(s) link of the element: the one it is in, else the first inside it. */
  private static Optional<String> link(Element element) {
    Element anchor = element.closest("a[href]");
    if (anchor == null) {
      anchor = element.selectFirst("a[href]");
    }
    if (anchor == null) {
      return Optional.empty();
    }
    HttpUrl url = HttpUrl.parse(anchor.absUrl("href"));
    return url == null ? Optional.empty() : Optional.of(url.toString());
  }

  private static boolean isHtml(MediaType type) {
    String subtype = type.subtype();
    return (type.type().equals("text") && subtype.equals("html"))
        || (type.type().equals("application") && subtype.equals("xhtml+xml"));
  }

  private static byte[] readAtMost(InputStream in, HttpUrl url) throws IOException {
    byte[] page = in.readNBytes(MAX_PAGE_BYTES + 1);
    if (page.length > MAX_PAGE_BYTES) {
      throw new IOException("page larger than " + MAX_PAGE_BYTES + " bytes: " + url);
    }
    return page;
  }

  private static String checkSelector(String selector) {
    Objects.requireNonNull(selector, "selector");
    try {
      Selector.evaluatorOf(selector);
      return selector;
    } catch (Selector.SelectorParseException e) {
      throw new IllegalArgumentException("not a CSS selector: '" + selector + "'", e);
    }
  }

  /**
   * Runs the scraper's command line with the given writers and returns its exit code: 0 done, 1 the
   * page could not be fetched, 2 usage error.
   */
  public static int run(PrintWriter out, PrintWriter err, String... args) {
    return Cli.execute(new Scrape(), out, err, args);
  }

  /**
   * Prints the headlines of the page whose URL is the argument, one per line.
   *
   * @throws IllegalArgumentException on a usage error (the task runner's exit code 2)
   */
  public static void main(String... args) {
    Cli.main("junior.apps.3", new Scrape(), args);
  }

  @Command(
      name = "junior.apps.3",
      mixinStandardHelpOptions = true,
      versionProvider = Cli.Version.class,
      description = "Prints the headlines of a web page, one per line, with their links.",
      exitCodeListHeading = "%nExit codes:%n",
      exitCodeList = {"0:done", "1:the page could not be fetched", "2:usage error"})
  private static final class Scrape implements Callable<Integer> {

    @Spec private CommandSpec spec;

    @Parameters(paramLabel = "URL", description = "The page, http or https.")
    private String url;

    @Option(
        names = "--selector",
        paramLabel = "CSS",
        defaultValue = DEFAULT_SELECTOR,
        description = "The elements that are headlines (default: ${DEFAULT-VALUE}).")
    private String selector;

    @Option(
        names = "--timeout",
        paramLabel = "SECONDS",
        defaultValue = "10",
        description = "Connect and read timeout (default: ${DEFAULT-VALUE}).")
    private long timeoutSeconds;

    @Override
    public Integer call() throws IOException {
      HttpUrl page = HttpUrl.parse(url);
      if (page == null) {
        throw new ParameterException(spec.commandLine(), "not an http or https URL: '" + url + "'");
      }
      HeadlineScraper scraper;
      try {
        scraper = new HeadlineScraper(Http.client(Duration.ofSeconds(timeoutSeconds)), selector);
      } catch (IllegalArgumentException e) {
        throw new ParameterException(spec.commandLine(), e.getMessage());
      }
      PrintWriter out = spec.commandLine().getOut();
      scraper.scrape(page).forEach(out::println);
      return Cli.OK;
    }
  }
}
