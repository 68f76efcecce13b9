package org.interviewtasks.mid.apps;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;
import java.util.function.LongSupplier;
import java.util.stream.IntStream;
import javax.net.ssl.SSLException;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.interviewtasks.common.Task;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * Downloads a list of URLs to a directory: several at a time, streamed to disk, retried with
 * exponential backoff, with a report for every URL.
 *
 * <p>It goes deeper than junior's {@code UrlDownloader}, which fetches the URLs one after the other
 * and reports each outcome after a single attempt: real networks have slow servers, brief outages
 * and rate limits, so this one bounds its concurrency, retries what is worth retrying, and never
 * lets one URL's failure hide the others' results.
 *
 * <p><b>Approach.</b> A virtual thread per URL and a {@link java.util.concurrent.Semaphore} of
 * {@code maxConcurrency} permits: blocking I/O is cheap on virtual threads, and the semaphore, not
 * a pool size, is the limit the remote servers see. Each body is streamed ({@link
 * InputStream#transferTo}) into a temporary {@code .part} file in the target directory and moved to
 * its name when complete, so a file under its final name is always whole. A 5xx, a 429 and a
 * timeout (or another transient I/O error) are retried up to {@link RetryPolicy#maxAttempts()}
 * attempts in all; a 4xx is final (asking again will not help), and so are an unknown host and a
 * TLS failure. Between attempts the downloader waits {@code random(0, min(maxDelay, baseDelay ·
 * 2^(attempt-1)))} ("full jitter", so clients that failed together do not retry together), or what
 * a 429/503 {@code Retry-After} header in seconds asks for, capped at the maximum delay. The
 * waiting, the randomness and the clock are injected, so tests neither sleep nor depend on chance.
 *
 * <p><b>Edge cases.</b> Only {@code http} and {@code https} URLs are accepted, checked before any
 * request. A file is named by junior's {@link
 * org.interviewtasks.junior.apps.UrlDownloader#fileName} (the last path segment, decoded, unsafe
 * characters replaced, {@code index.html} when there is none); a name already taken, on disk or
 * earlier in the batch, gets {@code " (1)"}, {@code " (2)"} ... before its extension, so nothing is
 * overwritten. A failed or interrupted download leaves no file behind.
 *
 * <p><b>Follow-up.</b> <i>"Resume a large download?"</i> Keep the {@code .part} file and send
 * {@code Range: bytes=<size>-}; a 206 answer appends, a 200 starts over. <i>"Per-host limits?"</i>
 * A semaphore per host (OkHttp's async dispatcher has {@code maxRequestsPerHost}) is politer to a
 * server that hosts many of the URLs.
 */
@Task(id = "mid.apps.2", title = "Concurrent URL downloader with retries and a report")
public final class UrlDownloader {

  /**
   * How often and how patiently to retry.
   *
   * @param maxAttempts attempts in all, at least 1 (1 means no retry)
   * @param baseDelay the backoff cap of the first retry; it doubles with every retry
   * @param maxDelay the longest wait between two attempts
   */
  public record RetryPolicy(int maxAttempts, Duration baseDelay, Duration maxDelay) {

    /** Four attempts, backing off from 200 ms up to 10 s. */
    public static final RetryPolicy DEFAULT =
        new RetryPolicy(4, Duration.ofMillis(200), Duration.ofSeconds(10));

    /**
     * Checks the policy.
     *
     * @throws IllegalArgumentException if an attempt count or a delay is out of range
     */
    public RetryPolicy {
      Objects.requireNonNull(baseDelay, "baseDelay");
      Objects.requireNonNull(maxDelay, "maxDelay");
      if (maxAttempts < 1) {
        throw new IllegalArgumentException("maxAttempts must be at least 1: " + maxAttempts);
      }
      if (baseDelay.isNegative() || maxDelay.compareTo(baseDelay) < 0) {
        throw new IllegalArgumentException(
            "need 0 <= baseDelay <= maxDelay, got " + baseDelay + " and " + maxDelay);
      }
    }
  }

  /** Waits between attempts; tests pass one that records instead of sleeping. */
  @FunctionalInterface
  public interface Sleeper {
    /** Waits for {@code duration}. */
    void sleep(Duration duration) throws InterruptedException;
  }

  /**
   * What happened to one URL.
   *
   * @param url the URL
   * @param file where its body was saved, or {@code null} if it was not
   * @param status the last HTTP status received, or 0 if none
   * @param bytes the size of the saved body, 0 if none
   * @param attempts how many requests were made
   * @param duration from the first request to the outcome, waits included
   * @param error why it failed, or {@code null} if it was saved
   */
  public record Result(
      URI url, Path file, int status, long bytes, int attempts, Duration duration, String error) {

    /** Whether the body was saved. */
    public boolean ok() {
      return error == null;
    }
  }

  private final OkHttpClient client;
  private final int maxConcurrency;
  private final RetryPolicy retry;
  private final Sleeper sleeper;
  private final DoubleSupplier jitter;
  private final LongSupplier nanoTime;

  /**
   * A downloader.
   *
   * @param client the HTTP client, with its timeouts
   * @param maxConcurrency the most downloads in flight at once
   * @param retry when and how long to retry
   * @param sleeper how to wait between attempts
   * @param jitter random numbers in {@code [0, 1)} for the backoff
   * @param nanoTime the clock for durations
   * @throws IllegalArgumentException if {@code maxConcurrency} is not positive
   */
  public UrlDownloader(
      OkHttpClient client,
      int maxConcurrency,
      RetryPolicy retry,
      Sleeper sleeper,
      DoubleSupplier jitter,
      LongSupplier nanoTime) {
    this.client = Objects.requireNonNull(client, "client");
    if (maxConcurrency < 1) {
      throw new IllegalArgumentException("maxConcurrency must be positive: " + maxConcurrency);
    }
    this.maxConcurrency = maxConcurrency;
    this.retry = Objects.requireNonNull(retry, "retry");
    this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
    this.jitter = Objects.requireNonNull(jitter, "jitter");
    this.nanoTime = Objects.requireNonNull(nanoTime, "nanoTime");
  }

  /** A downloader with real sleeping, randomness and time, and the given limits. */
  public static UrlDownloader create(Duration timeout, int maxConcurrency, RetryPolicy retry) {
    OkHttpClient client =
        new OkHttpClient.Builder()
            .connectTimeout(timeout)
            .readTimeout(timeout)
            .callTimeout(Duration.ZERO) // a large file may take longer than one read
            .build();
    return new UrlDownloader(
        client,
        maxConcurrency,
        retry,
        duration -> Thread.sleep(duration),
        () -> ThreadLocalRandom.current().nextDouble(),
        System::nanoTime);
  }

  /**
   * Downloads every URL into {@code directory} (created if missing) and reports on each, in input
   * order.
   *
   * @throws IllegalArgumentException if a URL is not http or https; nothing is downloaded then
   * @throws IOException if the directory cannot be created
   * @throws InterruptedException if interrupted while waiting
   */
  public List<Result> downloadAll(List<URI> urls, Path directory)
      throws IOException, InterruptedException {
    Objects.requireNonNull(urls, "urls");
    Objects.requireNonNull(directory, "directory");
    urls.forEach(Web::requireHttp);
    Files.createDirectories(directory);
    Set<String> taken = new HashSet<>();
    List<Path> targets =
        urls.stream().map(url -> directory.resolve(uniqueName(directory, url, taken))).toList();
    List<Integer> indexes = IntStream.range(0, urls.size()).boxed().toList();
    return Web.mapBounded(indexes, maxConcurrency, i -> download(urls.get(i), targets.get(i)));
  }

  /** Downloads one URL to {@code target}, retrying as the policy says; never throws. */
  Result download(URI url, Path target) {
    long start = nanoTime.getAsLong();
    int status = 0;
    String error = null;
    for (int attempt = 1; attempt <= retry.maxAttempts(); attempt++) {
      Duration wait;
      try (Response response =
          client.newCall(new Request.Builder().url(url.toString()).get().build()).execute()) {
        status = response.code();
        if (response.isSuccessful()) {
          long bytes = save(response, target);
          return new Result(url, target, status, bytes, attempt, since(start), null);
        }
        error = "HTTP " + status;
        if (status != 429 && status < 500) {
          return failed(url, status, attempt, start, error);
        }
        wait = retryAfter(response).orElse(null);
      } catch (IOException e) {
        error = Web.describe(e);
        if (!retryable(e)) {
          return failed(url, status, attempt, start, error);
        }
        wait = null;
      }
      if (attempt < retry.maxAttempts()) {
        try {
          sleeper.sleep(wait != null ? wait : backoff(attempt));
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return failed(url, status, attempt, start, "interrupted");
        }
      }
    }
    return failed(
        url,
        status,
        retry.maxAttempts(),
        start,
        "gave up after " + retry.maxAttempts() + " attempts: " + error);
  }

  /** The wait before retry number {@code attempt} (1 for the first retry), with full jitter. */
  Duration backoff(int attempt) {
    long base = retry.baseDelay().toNanos();
    long cap = retry.maxDelay().toNanos();
    long ceiling = attempt >= 63 || base > (cap >> (attempt - 1)) ? cap : base << (attempt - 1);
    return Duration.ofNanos((long) (jitter.getAsDouble() * Math.min(ceiling, cap)));
  }

  private Optional<Duration> retryAfter(Response response) {
    String header = response.header("Retry-After");
    if (header == null || !header.strip().matches("\\d{1,9}")) {
      return Optional.empty(); // absent, or an HTTP date: back off instead
    }
    Duration asked = Duration.ofSeconds(Long.parseLong(header.strip()));
    return Optional.of(asked.compareTo(retry.maxDelay()) > 0 ? retry.maxDelay() : asked);
  }

  /** Worth another attempt: a timeout or a broken connection, not a wrong name or certificate. */
  static boolean retryable(IOException e) {
    return !(e instanceof UnknownHostException || e instanceof SSLException);
  }

  private static long save(Response response, Path target) throws IOException {
    Path part = Files.createTempFile(target.getParent(), ".download-", ".part");
    try {
      long bytes;
      try (InputStream in = response.body().byteStream()) {
        bytes = Files.copy(in, part, StandardCopyOption.REPLACE_EXISTING);
      }
      Files.move(part, target, StandardCopyOption.ATOMIC_MOVE);
      return bytes;
    } finally {
      Files.deleteIfExists(part);
    }
  }

  private Result failed(URI url, int status, int attempts, long start, String error) {
    return new Result(url, null, status, 0, attempts, since(start), error);
  }

  private Duration since(long start) {
    return Duration.ofNanos(nanoTime.getAsLong() - start);
  }

  /** The file name for {@code url}, unique on disk and among {@code taken}, which it joins. */
  static String uniqueName(Path directory, URI url, Set<String> taken) {
    String name = fileName(url);
    int dot = name.lastIndexOf('.');
    String stem = dot > 0 ? name.substring(0, dot) : name;
    String extension = dot > 0 ? name.substring(dot) : "";
    String candidate = name;
    for (int n = 1; taken.contains(candidate) || Files.exists(directory.resolve(candidate)); n++) {
      candidate = stem + " (" + n + ")" + extension;
    }
    taken.add(candidate);
    return candidate;
  }

  /** The file name for {@code url}: junior's naming rule, reused rather than repeated. */
  static String fileName(URI url) {
    return org.interviewtasks.junior.apps.UrlDownloader.fileName(HttpUrl.get(url.toString()));
  }

  /** A result as one line: outcome, status, size, attempts, URL, and file or error. */
  public static String format(Result result) {
    return String.format(
        Locale.ROOT,
        "%-6s %3s %10d B %d attempt%s %6d ms  %s  %s",
        result.ok() ? "OK" : "FAILED",
        result.status() == 0 ? "-" : Integer.toString(result.status()),
        result.bytes(),
        result.attempts(),
        result.attempts() == 1 ? " " : "s",
        result.duration().toMillis(),
        result.url(),
        result.ok() ? "-> " + result.file() : "(" + result.error() + ")");
  }

  @Command(
      name = "mid.apps.2",
      mixinStandardHelpOptions = true,
      description = "Downloads URLs into a directory, several at a time, with retries.",
      footer = "Exit codes: 0 all downloaded, 1 some failed, 2 usage error.")
  static final class Cli implements Callable<Integer> {
    @Option(
        names = {"-d", "--dir"},
        description = "Target directory (default: ${DEFAULT-VALUE}).",
        defaultValue = "downloads")
    Path directory;

    @Option(
        names = "--concurrency",
        description = "Downloads at once (default: ${DEFAULT-VALUE}).",
        defaultValue = "4")
    int concurrency;

    @Option(
        names = "--attempts",
        description = "Attempts per URL, retries included (default: ${DEFAULT-VALUE}).",
        defaultValue = "4")
    int attempts;

    @Option(
        names = "--timeout",
        description = "Connect and read timeout, e.g. 10s (default: ${DEFAULT-VALUE}).",
        defaultValue = "10s",
        converter = WebsiteStatus.DurationConverter.class)
    Duration timeout;

    @Parameters(arity = "1..*", paramLabel = "URL", description = "The URLs to download.")
    List<URI> urls;

    PrintWriter out;

    @Override
    public Integer call() throws IOException, InterruptedException {
      RetryPolicy policy =
          new RetryPolicy(
              attempts, RetryPolicy.DEFAULT.baseDelay(), RetryPolicy.DEFAULT.maxDelay());
      List<Result> results = create(timeout, concurrency, policy).downloadAll(urls, directory);
      results.forEach(result -> out.println(format(result)));
      out.flush();
      return results.stream().allMatch(Result::ok) ? 0 : 1;
    }
  }

  /** Runs the command line and returns the exit code: 0 all downloaded, 1 some failed, 2 usage. */
  public static int run(PrintWriter out, PrintWriter err, String... args) {
    Cli cli = new Cli();
    cli.out = Objects.requireNonNull(out, "out");
    return Web.execute(cli, out, err, args);
  }

  /** {@code [-d DIR] [--concurrency N] [--attempts N] [--timeout 10s] URL...}. */
  public static void main(String... args) {
    Console.runAndExit((out, err) -> run(out, err, args));
  }
}
