package org.interviewtasks.junior.apps;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.PrintWriter;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;
import javax.net.ssl.SSLException;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.interviewtasks.common.Task;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * Checks whether websites are up: one request each, judged by the status code.
 *
 * <p><b>Approach.</b> A {@code HEAD} request (headers only, no body to download), following
 * redirects to the final answer. A server that does not support {@code HEAD} says so with 405
 * Method Not Allowed or 501 Not Implemented; then a {@code GET} is sent and closed after the
 * headers, without reading the body. The site is <i>up</i> when the final status is 1xx to 3xx
 * ({@link Responded#up()}), and the result says which {@link StatusClass} it is in. A request that
 * gets no answer is {@link Unreachable}, with the kind of {@link Failure}: a timeout, an unknown
 * host, a refused connection, a TLS problem, or another I/O error. A check never throws for a bad
 * or unreachable site, so a list of URLs is always checked to the end, in order.
 *
 * <p><b>Edge cases.</b> 4xx counts as down: the server runs, but the page the user asked for does
 * not ({@code 404}), or is refused ({@code 403}). Text that is not an http(s) URL is {@link
 * Failure#INVALID_URL} without a request. A timeout is down, however fast the site answers other
 * clients; the client's timeouts ({@link Http#client(Duration)}) decide how long to wait.
 *
 * <p><b>Follow-up.</b> <i>"Check a thousand sites?"</i> One at a time takes a thousand timeouts in
 * the worst case: check them concurrently (virtual threads) and measure latency too (the mid
 * level's monitor). <i>"Is a 200 enough?"</i> A broken site may answer 200 with an error page:
 * check the body for an expected text, or a health endpoint.
 */
@Task(id = "junior.apps.9", title = "Website status check")
public final class WebsiteStatus {

  /** The class of an HTTP status code, by its first digit. */
  public enum StatusClass {
    /** 1xx. */
    INFORMATIONAL,
    /** 2xx. */
    SUCCESS,
    /** 3xx. */
    REDIRECTION,
    /** 4xx. */
    CLIENT_ERROR,
    /** 5xx. */
    SERVER_ERROR;

    /**
     * The class of {@code code}.
     *
     * @throws IllegalArgumentException if the code is not between 100 and 599
     */
    public static StatusClass of(int code) {
      return switch (code / 100) {
        case 1 -> INFORMATIONAL;
        case 2 -> SUCCESS;
        case 3 -> REDIRECTION;
        case 4 -> CLIENT_ERROR;
        case 5 -> SERVER_ERROR;
        default -> throw new IllegalArgumentException("not an HTTP status code: " + code);
      };
    }
  }

  /** Why a site gave no answer. */
  public enum Failure {
    /** The text is not an http(s) URL; no request was sent. */
    INVALID_URL,
    /** No connection or no answer in time. */
    TIMEOUT,
    /** The host name does not resolve. */
    UNKNOWN_HOST,
    /** Nothing listens on the port (or a firewall rejects it). */
    CONNECTION_REFUSED,
    /** The TLS handshake failed: bad certificate, or not TLS at all. */
    TLS,
    /** Any other I/O error, e.g. the connection closed mid-answer. */
    IO
  }

  /** The outcome of checking one URL. */
  public sealed interface Result permits Responded, Unreachable {
    /** The URL as given. */
    String url();

    /** Whether the site is up. */
    boolean up();
  }

  /**
   * The site answered.
   *
   * @param url the URL as given
   * @param statusCode the final status, after redirects
   * @param method the method that got it: {@code HEAD}, or {@code GET} after a 405 or 501
   */
  public record Responded(String url, int statusCode, String method) implements Result {
    /** Checks that the status code is one. */
    public Responded {
      StatusClass.of(statusCode);
    }

    /** Up for 1xx, 2xx and 3xx. */
    @Override
    public boolean up() {
      return statusCode < 400;
    }

    /** The class of the status code. */
    public StatusClass statusClass() {
      return StatusClass.of(statusCode);
    }
  }

  /**
   * The site gave no answer.
   *
   * @param url the URL as given
   * @param failure the kind of failure
   * @param detail the underlying error's message
   */
  public record Unreachable(String url, Failure failure, String detail) implements Result {
    /** Never up. */
    @Override
    public boolean up() {
      return false;
    }
  }

  private final OkHttpClient client;

  /** A checker using {@code client} (its timeouts decide how long a site may take). */
  public WebsiteStatus(OkHttpClient client) {
    this.client = Objects.requireNonNull(client, "client");
  }

  /** Checks each URL in turn; one result per URL, in the same order. */
  public List<Result> checkAll(List<String> urls) {
    Objects.requireNonNull(urls, "urls");
    for (int i = 0; i < urls.size(); i++) {
      Objects.requireNonNull(urls.get(i), "urls[" + i + "]");
    }
    List<Result> results = new ArrayList<>(urls.size());
    for (String url : urls) {
      results.add(check(url));
    }
    return results;
  }

  /** Checks one URL; never throws for a bad URL or an unreachable site. */
  public Result check(String url) {
    Objects.requireNonNull(url, "url");
    HttpUrl parsed = HttpUrl.parse(url.strip());
    if (parsed == null) {
      return new Unreachable(url, Failure.INVALID_URL, "not an http or https URL");
    }
    try {
      int code = status(parsed, "HEAD");
      if (code == 405 || code == 501) {
        return new Responded(url, status(parsed, "GET"), "GET");
      }
      return new Responded(url, code, "HEAD");
    } catch (IOException e) {
      return new Unreachable(url, classify(e), Cli.describe(e));
    }
  }

  private int status(HttpUrl url, String method) throws IOException {
    Request request = new Request.Builder().url(url).method(method, null).build();
    try (Response response = client.newCall(request).execute()) {
      return response.code();
    }
  }

  /** The kind of failure an exception from OkHttp stands for. */
  static Failure classify(IOException e) {
    return switch (e) {
      case InterruptedIOException timeout -> Failure.TIMEOUT;
      case UnknownHostException unknown -> Failure.UNKNOWN_HOST;
      case ConnectException refused -> Failure.CONNECTION_REFUSED;
      case SSLException tls -> Failure.TLS;
      default -> Failure.IO;
    };
  }

  /**
   * Runs the checker's command line with the given writers and returns its exit code: 0 all up, 1
   * some down, 2 usage error.
   */
  public static int run(PrintWriter out, PrintWriter err, String... args) {
    return Cli.execute(new Check(), out, err, args);
  }

  /**
   * Checks the URLs given as arguments and prints one line each.
   *
   * @throws IllegalArgumentException on a usage error (the task runner's exit code 2)
   */
  public static void main(String... args) {
    Cli.main("junior.apps.9", new Check(), args);
  }

  /** One line for a result, e.g. {@code UP 200 SUCCESS https://example.com}. */
  static String line(Result result) {
    return switch (result) {
      case Responded r ->
          (r.up() ? "UP   " : "DOWN ") + r.statusCode() + " " + r.statusClass() + " " + r.url();
      case Unreachable u -> "DOWN " + u.failure() + " " + u.url() + " (" + u.detail() + ")";
    };
  }

  @Command(
      name = "junior.apps.9",
      mixinStandardHelpOptions = true,
      versionProvider = Cli.Version.class,
      description = "Checks whether websites are up (status 1xx-3xx), one line per URL.",
      exitCodeListHeading = "%nExit codes:%n",
      exitCodeList = {"0:every site up", "1:some site down", "2:usage error"})
  private static final class Check implements Callable<Integer> {

    @Spec private CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "URL", description = "http or https URLs.")
    private List<String> urls;

    @Option(
        names = "--timeout",
        paramLabel = "SECONDS",
        defaultValue = "10",
        description = "Connect and read timeout (default: ${DEFAULT-VALUE}).")
    private long timeoutSeconds;

    @Override
    public Integer call() {
      OkHttpClient client;
      try {
        client = Http.client(Duration.ofSeconds(timeoutSeconds));
      } catch (IllegalArgumentException e) {
        throw new ParameterException(spec.commandLine(), e.getMessage());
      }
      PrintWriter out = spec.commandLine().getOut();
      int code = Cli.OK;
      var checker = new WebsiteStatus(client);
      for (String url : urls) {
        Result result = checker.check(url);
        out.println(line(result));
        out.flush();
        if (!result.up()) {
          code = Cli.FAILED;
        }
      }
      return code;
    }
  }
}
