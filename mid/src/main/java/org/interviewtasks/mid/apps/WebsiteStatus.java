package org.interviewtasks.mid.apps;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.PrintWriter;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.function.LongSupplier;
import javax.net.ssl.SSLException;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.interviewtasks.common.Task;
import org.interviewtasks.junior.apps.WebsiteStatus.StatusClass;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * Checks whether websites are online: many at once, with latency, the redirect chain, and a verdict
 * that says why a site is down.
 *
 * <p>It goes deeper than junior's {@code WebsiteStatus}, which checks URLs one at a time with
 * {@code HEAD}, lets the client follow redirects silently and counts 3xx as up: here a whole list
 * is checked concurrently, with latency, redirects are followed by hand so the chain (and a loop)
 * is reported, and only a final 2xx is up. Failures are classified by cause, because "down" means
 * different things to whoever gets paged: the name does not resolve (DNS), nothing listens on the
 * port (refused), the server is too slow (timeout), its certificate is not trusted (TLS), or it
 * answers with an error status (HTTP). Junior's {@link StatusClass} names the class of an error
 * status in the report.
 *
 * <p><b>Approach.</b> One virtual thread per URL, with a {@link java.util.concurrent.Semaphore}
 * bounding how many requests are in flight; results come back in input order. Each check issues
 * {@code GET} with OkHttp (redirects off) and follows up to {@code maxRedirects} {@code Location}
 * headers itself, reading no body. Latency is from the first request to the last response's
 * headers, measured with an injectable nanosecond clock so tests can pin it. The exception of a
 * failed call is mapped to a {@link Verdict}: {@link UnknownHostException} is DNS, {@link
 * ConnectException} is refused, {@link SocketTimeoutException} (or OkHttp's call timeout) is a
 * timeout, any {@link SSLException} is TLS. O(n) requests; wall time about n / concurrency times
 * the slowest.
 *
 * <p><b>Edge cases.</b> Only {@code http} and {@code https} URLs are accepted ({@link
 * IllegalArgumentException} otherwise, before anything is sent). 2xx is up; 3xx without a {@code
 * Location}, 4xx and 5xx are {@link Verdict#HTTP_ERROR} with the status kept; a redirect loop or
 * chain longer than the limit is {@link Verdict#TOO_MANY_REDIRECTS}. A redirect to another scheme
 * than http(s) ends the chain as an error.
 *
 * <p><b>Follow-up.</b> <i>"Monitor continuously?"</i> Schedule the checks, keep the last N results
 * per site and alert on a state change, not on every failure (and only after k consecutive ones).
 * <i>"HEAD instead of GET?"</i> Cheaper, but some servers answer HEAD differently; GET without
 * reading the body costs little more.
 */
@Task(id = "mid.apps.4", title = "Website status checker: concurrent, classified failures")
public final class WebsiteStatus {

  /** Why a site is considered up or down. */
  public enum Verdict {
    /** A 2xx response, possibly after redirects. */
    UP,
    /** The host name does not resolve. */
    DNS,
    /** The host resolves but refuses (or cannot be reached on) the port. */
    REFUSED,
    /** No answer within the timeout. */
    TIMEOUT,
    /** The TLS handshake failed: untrusted or invalid certificate, protocol mismatch. */
    TLS,
    /** An HTTP answer that is not a success. */
    HTTP_ERROR,
    /** More redirects than allowed, or a loop. */
    TOO_MANY_REDIRECTS,
    /** Any other I/O failure. */
    OTHER
  }

  /**
   * The outcome of checking one URL.
   *
   * @param url the URL checked
   * @param verdict up, or why not
   * @param status the last HTTP status received, or 0 if none
   * @param redirects the URLs redirected to, in order
   * @param latency from the first request to the last response's headers (or the failure)
   * @param detail a human explanation for a failure, empty when up
   */
  public record Report(
      URI url, Verdict verdict, int status, List<URI> redirects, Duration latency, String detail) {

    /** Whether the site is up. */
    public boolean up() {
      return verdict == Verdict.UP;
    }
  }

  private final OkHttpClient client;
  private final int maxConcurrency;
  private final int maxRedirects;
  private final LongSupplier nanoTime;

  /**
   * A checker using {@code client} (its redirects are turned off), at most {@code maxConcurrency}
   * requests at once, following at most {@code maxRedirects} redirects, timing with {@code
   * nanoTime}.
   *
   * @throws IllegalArgumentException if {@code maxConcurrency} is not positive or {@code
   *     maxRedirects} negative
   */
  public WebsiteStatus(
      OkHttpClient client, int maxConcurrency, int maxRedirects, LongSupplier nanoTime) {
    Objects.requireNonNull(client, "client");
    if (maxConcurrency < 1) {
      throw new IllegalArgumentException("maxConcurrency must be positive: " + maxConcurrency);
    }
    if (maxRedirects < 0) {
      throw new IllegalArgumentException("maxRedirects must not be negative: " + maxRedirects);
    }
    this.client = client.newBuilder().followRedirects(false).followSslRedirects(false).build();
    this.maxConcurrency = maxConcurrency;
    this.maxRedirects = maxRedirects;
    this.nanoTime = Objects.requireNonNull(nanoTime, "nanoTime");
  }

  /** A checker with the given timeout per request, 8 at once, 5 redirects, the system clock. */
  public static WebsiteStatus withTimeout(Duration timeout) {
    OkHttpClient client =
        new OkHttpClient.Builder()
            .connectTimeout(timeout)
            .readTimeout(timeout)
            .callTimeout(timeout)
            .build();
    return new WebsiteStatus(client, 8, 5, System::nanoTime);
  }

  /**
   * Checks every URL, {@code maxConcurrency} at a time, and returns the reports in input order.
   *
   * @throws IllegalArgumentException if a URL is not http or https
   * @throws InterruptedException if interrupted while waiting
   */
  public List<Report> check(List<URI> urls) throws InterruptedException {
    Objects.requireNonNull(urls, "urls");
    urls.forEach(Web::requireHttp);
    return Web.mapBounded(urls, maxConcurrency, this::check);
  }

  /**
   * Checks one URL.
   *
   * @throws IllegalArgumentException if it is not http or https
   */
  public Report check(URI url) {
    Web.requireHttp(url);
    long start = nanoTime.getAsLong();
    List<URI> redirects = new ArrayList<>();
    URI current = url;
    int status = 0;
    try {
      while (true) {
        Request request = new Request.Builder().url(current.toString()).get().build();
        String location;
        try (Response response = client.newCall(request).execute()) {
          status = response.code();
          location = response.isRedirect() ? response.header("Location") : null;
        }
        if (location == null) {
          Verdict verdict = status >= 200 && status < 300 ? Verdict.UP : Verdict.HTTP_ERROR;
          String detail = verdict == Verdict.UP ? "" : describeStatus(status);
          return report(url, verdict, status, redirects, start, detail);
        }
        HttpUrl next = HttpUrl.get(current.toString()).resolve(location);
        if (next == null) {
          return report(
              url, Verdict.HTTP_ERROR, status, redirects, start, "bad redirect to " + location);
        }
        current = next.uri();
        if (current.equals(url) || redirects.contains(current)) {
          return report(
              url,
              Verdict.TOO_MANY_REDIRECTS,
              status,
              redirects,
              start,
              "redirect loop at " + current);
        }
        if (redirects.size() == maxRedirects) {
          return report(
              url,
              Verdict.TOO_MANY_REDIRECTS,
              status,
              redirects,
              start,
              "more than " + maxRedirects + " redirects");
        }
        redirects.add(current);
      }
    } catch (IOException e) {
      return report(url, classify(e), status, redirects, start, Web.describe(e));
    }
  }

  /** "HTTP 503 (SERVER_ERROR)"; a code outside 100-599 has no class. */
  static String describeStatus(int status) {
    return status >= 100 && status <= 599
        ? "HTTP " + status + " (" + StatusClass.of(status) + ")"
        : "HTTP " + status;
  }

  /** What kind of failure an exception from a call is. */
  static Verdict classify(IOException e) {
    return switch (e) {
      case UnknownHostException dns -> Verdict.DNS;
      case ConnectException refused -> Verdict.REFUSED;
      case SocketTimeoutException timeout -> Verdict.TIMEOUT;
      case SSLException tls -> Verdict.TLS;
      case InterruptedIOException timeout when "timeout".equals(e.getMessage()) ->
          Verdict.TIMEOUT; // OkHttp's call timeout
      default -> Verdict.OTHER;
    };
  }

  private Report report(
      URI url, Verdict verdict, int status, List<URI> redirects, long start, String detail) {
    Duration latency = Duration.ofNanos(nanoTime.getAsLong() - start);
    return new Report(url, verdict, status, List.copyOf(redirects), latency, detail);
  }

  /** A report as one line: verdict, status, latency, URL and what happened. */
  public static String format(Report report) {
    StringBuilder line =
        new StringBuilder(
            String.format(
                Locale.ROOT,
                "%-18s %3s %6d ms  %s",
                report.verdict(),
                report.status() == 0 ? "-" : Integer.toString(report.status()),
                report.latency().toMillis(),
                report.url()));
    for (URI redirect : report.redirects()) {
      line.append(" -> ").append(redirect);
    }
    if (!report.detail().isEmpty()) {
      line.append("  (").append(report.detail()).append(')');
    }
    return line.toString();
  }

  @Command(
      name = "mid.apps.4",
      mixinStandardHelpOptions = true,
      description = "Checks whether websites are online.",
      footer = "Exit codes: 0 every site is up, 1 some site is down, 2 usage error.")
  static final class Cli implements Callable<Integer> {
    @Option(
        names = "--timeout",
        description = "Timeout per request, e.g. 5s or 500ms (default: ${DEFAULT-VALUE}).",
        defaultValue = "5s",
        converter = DurationConverter.class)
    Duration timeout;

    @Option(
        names = "--concurrency",
        description = "Requests in flight at once (default: ${DEFAULT-VALUE}).",
        defaultValue = "8")
    int concurrency;

    @Parameters(arity = "1..*", paramLabel = "URL", description = "The URLs to check.")
    List<URI> urls;

    PrintWriter out;

    @Override
    public Integer call() throws InterruptedException {
      WebsiteStatus checker = withTimeout(timeout);
      WebsiteStatus bounded =
          new WebsiteStatus(checker.client, concurrency, checker.maxRedirects, System::nanoTime);
      List<Report> reports = bounded.check(urls);
      reports.forEach(report -> out.println(format(report)));
      out.flush();
      return reports.stream().allMatch(Report::up) ? 0 : 1;
    }
  }

  /** Reads {@code 5s}, {@code 250ms}, {@code 1m} or an ISO-8601 duration. */
  static final class DurationConverter implements CommandLine.ITypeConverter<Duration> {
    @Override
    public Duration convert(String text) {
      String value = text.strip().toLowerCase(Locale.ROOT);
      Duration duration;
      if (value.matches("\\d+ms")) {
        duration = Duration.ofMillis(Long.parseLong(value.substring(0, value.length() - 2)));
      } else if (value.matches("\\d+s")) {
        duration = Duration.ofSeconds(Long.parseLong(value.substring(0, value.length() - 1)));
      } else if (value.matches("\\d+m")) {
        duration = Duration.ofMinutes(Long.parseLong(value.substring(0, value.length() - 1)));
      } else {
        duration = Duration.parse(text.strip());
      }
      if (duration.isNegative() || duration.isZero()) {
        throw new CommandLine.TypeConversionException("must be positive: " + text);
      }
      return duration;
    }
  }

  /**
   * Runs the command line with the given output and returns the exit code: 0 all up, 1 some site
   * down, 2 usage error.
   */
  public static int run(PrintWriter out, PrintWriter err, String... args) {
    Cli cli = new Cli();
    cli.out = Objects.requireNonNull(out, "out");
    return Web.execute(cli, out, err, args);
  }

  /** {@code [--timeout 5s] [--concurrency 8] URL...}; exits with the code of {@link #run}. */
  public static void main(String... args) {
    Console.runAndExit((out, err) -> run(out, err, args));
  }
}
