package org.interviewtasks.junior.apps;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
 * Downloads a list of URLs into a folder, one after the other, reporting each URL's outcome.
 *
 * <p><b>Approach.</b> For each URL: a GET with OkHttp, the body streamed to a temporary file in the
 * target folder (constant memory, whatever the size), then renamed to its final name, so a
 * half-downloaded file never sits under a real name. The name comes from the URL's last path
 * segment via {@link #fileName(HttpUrl)}: percent-decoded, stripped of path separators, control
 * characters, leading dots and names Windows reserves, at most {@value #MAX_NAME_BYTES} bytes of
 * UTF-8; {@code index.html} when the path ends in {@code /}. A name already taken, by an earlier
 * URL or a file already there, gets a counter before its extension ({@code report-1.pdf}); the name
 * is claimed with an atomic create-if-absent, so nothing is ever overwritten. Every URL gets a
 * {@link Download}: {@link Saved} with the file and its size, or {@link Failed} with the reason,
 * and one failure never stops the batch. O(total bytes) time, O(1) memory per download.
 *
 * <p><b>Edge cases.</b> Only {@code http} and {@code https} are fetched: {@code file:}, {@code
 * ftp:} and text that is not a URL fail with a reason and no request. An error status, a timeout, a
 * refused connection or a body cut short leaves no file behind. Redirects are followed; the name
 * still comes from the URL as given, which is predictable (the final URL may be a CDN's hash).
 *
 * <p><b>Follow-up.</b> <i>"Faster?"</i> Downloads are I/O-bound: run them concurrently (virtual
 * threads, a bounded number per host) and retry transient failures with backoff (the mid level's
 * downloader). <i>"Better names?"</i> Honour {@code Content-Disposition: attachment; filename=...},
 * sanitized the same way.
 */
@Task(id = "junior.apps.7", title = "Download a list of URLs")
public final class UrlDownloader {

  /** The longest file name chosen, in bytes of UTF-8 (file systems allow 255; temp names more). */
  public static final int MAX_NAME_BYTES = 200;

  private static final Pattern SCHEME = Pattern.compile("^([A-Za-z][A-Za-z0-9+.-]*):");
  private static final Pattern UNSAFE = Pattern.compile("[\\\\/:*?\"<>|\\p{Cntrl}]");
  private static final Set<String> RESERVED =
      Set.of(
          "con", "prn", "aux", "nul", "com1", "com2", "com3", "com4", "com5", "com6", "com7",
          "com8", "com9", "lpt1", "lpt2", "lpt3", "lpt4", "lpt5", "lpt6", "lpt7", "lpt8", "lpt9");
  private static final int MAX_ATTEMPTS = 1000;

  /** What happened to one URL. */
  public sealed interface Download permits Saved, Failed {
    /** The URL as given. */
    String url();
  }

  /**
   * The URL was saved.
   *
   * @param url the URL as given
   * @param file where its content is
   * @param bytes the size of the content
   */
  public record Saved(String url, Path file, long bytes) implements Download {}

  /**
   * The URL could not be saved.
   *
   * @param url the URL as given
   * @param reason why, e.g. {@code HTTP 404} or {@code SocketTimeoutException: timeout}
   */
  public record Failed(String url, String reason) implements Download {}

  private final OkHttpClient client;

  /** A downloader using {@code client} (its timeouts bound each wait for bytes). */
  public UrlDownloader(OkHttpClient client) {
    this.client = Objects.requireNonNull(client, "client");
  }

  /**
   * Downloads every URL into {@code directory}, in order, creating the folder if needed.
   *
   * @return one result per URL, in the same order
   * @throws IOException only if the folder cannot be created
   */
  public List<Download> downloadAll(List<String> urls, Path directory) throws IOException {
    Objects.requireNonNull(urls, "urls");
    Objects.requireNonNull(directory, "directory");
    for (int i = 0; i < urls.size(); i++) {
      Objects.requireNonNull(urls.get(i), "urls[" + i + "]");
    }
    Files.createDirectories(directory);
    List<Download> results = new ArrayList<>(urls.size());
    for (String url : urls) {
      results.add(download(url, directory));
    }
    return results;
  }

  /**
   * Downloads one URL into the existing folder {@code directory}.
   *
   * @return {@link Saved}, or {@link Failed} with the reason; never throws for a bad URL or a
   *     failed request
   */
  public Download download(String url, Path directory) {
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(directory, "directory");
    HttpUrl parsed = HttpUrl.parse(url.strip());
    if (parsed == null) {
      return new Failed(url, unsupported(url.strip()));
    }
    Request request = new Request.Builder().url(parsed).build();
    try (Response response = client.newCall(request).execute()) {
      if (!response.isSuccessful()) {
        return new Failed(url, "HTTP " + response.code());
      }
      String name = fileName(parsed);
      Path temporary;
      try (InputStream body = response.body().byteStream()) {
        temporary = AtomicFiles.writeTemporary(directory.resolve(name), body::transferTo);
      }
      long bytes = Files.size(temporary);
      return new Saved(url, moveToFreeName(temporary, directory, name), bytes);
    } catch (IOException e) {
      return new Failed(url, e.getClass().getSimpleName() + ": " + Cli.describe(e));
    }
  }

  private static String unsupported(String url) {
    Matcher matcher = SCHEME.matcher(url);
    String scheme = matcher.find() ? matcher.group(1).toLowerCase(Locale.ROOT) : "";
    if (scheme.isEmpty() || scheme.equals("http") || scheme.equals("https")) {
      return "not a URL";
    }
    return "unsupported scheme '" + scheme + "': only http and https are downloaded";
  }

  /**
   * Renames {@code temporary} to the first free name in {@code directory}; deletes it, and any name
   * it claimed, if that fails.
   */
  private static Path moveToFreeName(Path temporary, Path directory, String name)
      throws IOException {
    Path file;
    try {
      file = claim(directory, name);
    } catch (IOException e) {
      Files.deleteIfExists(temporary);
      throw e;
    }
    try {
      AtomicFiles.moveInto(temporary, file);
      return file;
    } catch (IOException e) {
      Files.deleteIfExists(file);
      throw e;
    }
  }

  /**
   * Creates an empty file under the first free name ({@code name}, {@code name-1.ext}, ...), so no
   * other writer can take it; the download is then renamed over it.
   */
  private static Path claim(Path directory, String name) throws IOException {
    int dot = name.lastIndexOf('.');
    String base = dot > 0 ? name.substring(0, dot) : name;
    String extension = dot > 0 ? name.substring(dot) : "";
    for (int n = 0; n < MAX_ATTEMPTS; n++) {
      Path candidate = directory.resolve(n == 0 ? name : base + "-" + n + extension);
      try {
        return Files.createFile(candidate);
      } catch (FileAlreadyExistsException taken) {
        // try the next number
      }
    }
    throw new FileAlreadyExistsException(
        directory.resolve(name).toString(), null, MAX_ATTEMPTS + " names taken");
  }

  /**
   * A safe file name for what {@code url} points to: its last path segment, percent-decoded, with
   * {@code \ / : * ? " < > |} and control characters replaced by {@code _}, leading dots and
   * trailing dots and spaces removed, Windows device names ({@code CON}, {@code NUL}, {@code COM1},
   * ...) prefixed with {@code _}, and shortened to {@value #MAX_NAME_BYTES} bytes of UTF-8 keeping
   * the extension; {@code index.html} for a path that ends in {@code /}, {@code download} if
   * nothing is left.
   */
  public static String fileName(HttpUrl url) {
    List<String> segments = Objects.requireNonNull(url, "url").pathSegments();
    String last = segments.get(segments.size() - 1);
    if (last.isEmpty()) {
      return "index.html";
    }
    String name = trimTrailing(UNSAFE.matcher(last).replaceAll("_").replaceFirst("^\\.+", ""));
    String stem = name.contains(".") ? name.substring(0, name.indexOf('.')) : name;
    if (RESERVED.contains(stem.strip().toLowerCase(Locale.ROOT))) {
      name = "_" + name;
    }
    name = trimTrailing(shorten(name));
    return name.isEmpty() ? "download" : name;
  }

  /** Without trailing dots and spaces, which Windows drops from a name. */
  private static String trimTrailing(String name) {
    return name.replaceFirst("[. ]+$", "");
  }

  private static String shorten(String name) {
    if (utf8Length(name) <= MAX_NAME_BYTES) {
      return name;
    }
    int dot = name.lastIndexOf('.');
    String extension = dot > 0 && name.length() - dot <= 16 ? name.substring(dot) : "";
    String base = name.substring(0, name.length() - extension.length());
    int budget = MAX_NAME_BYTES - utf8Length(extension);
    var shortened = new StringBuilder();
    for (int i = 0; i < base.length(); ) {
      int codePoint = base.codePointAt(i);
      String next = new String(Character.toChars(codePoint));
      if (utf8Length(shortened) + utf8Length(next) > budget) {
        break;
      }
      shortened.append(next);
      i += Character.charCount(codePoint);
    }
    return shortened + extension;
  }

  private static int utf8Length(CharSequence text) {
    return text.toString().getBytes(StandardCharsets.UTF_8).length;
  }

  /**
   * Runs the downloader's command line with the given writers and returns its exit code: 0 every
   * URL saved, 1 some failed, 2 usage error.
   */
  public static int run(PrintWriter out, PrintWriter err, String... args) {
    return Cli.execute(new Get(), out, err, args);
  }

  /**
   * Downloads the URLs given as arguments, e.g. {@code -d downloads https://example.com/a.pdf}.
   *
   * @throws IllegalArgumentException on a usage error (the task runner's exit code 2)
   */
  public static void main(String... args) {
    Cli.main("junior.apps.7", new Get(), args);
  }

  @Command(
      name = "junior.apps.7",
      mixinStandardHelpOptions = true,
      versionProvider = Cli.Version.class,
      description = "Downloads URLs into a folder, one after the other, and reports each.",
      exitCodeListHeading = "%nExit codes:%n",
      exitCodeList = {"0:every URL saved", "1:some URL failed", "2:usage error"})
  private static final class Get implements Callable<Integer> {

    @Spec private CommandSpec spec;

    @Parameters(arity = "0..*", paramLabel = "URL", description = "http or https URLs.")
    private List<String> urls = new ArrayList<>();

    @Option(
        names = {"-i", "--input"},
        paramLabel = "FILE",
        description = "A file of URLs, one per line ('#' starts a comment).")
    private Path input;

    @Option(
        names = {"-d", "--dir"},
        paramLabel = "DIR",
        defaultValue = ".",
        description = "Where to save (default: the current folder).")
    private Path directory;

    @Option(
        names = "--timeout",
        paramLabel = "SECONDS",
        defaultValue = "30",
        description = "Connect timeout and longest wait for bytes (default: ${DEFAULT-VALUE}).")
    private long timeoutSeconds;

    @Override
    public Integer call() throws IOException {
      List<String> all = new ArrayList<>();
      if (input != null) {
        for (String line : Files.readAllLines(input, StandardCharsets.UTF_8)) {
          String url = line.strip();
          if (!url.isEmpty() && !url.startsWith("#")) {
            all.add(url);
          }
        }
      }
      all.addAll(urls);
      if (all.isEmpty()) {
        throw new ParameterException(spec.commandLine(), "no URL given");
      }
      OkHttpClient client;
      try {
        client = Http.client(Duration.ofSeconds(timeoutSeconds));
      } catch (IllegalArgumentException e) {
        throw new ParameterException(spec.commandLine(), e.getMessage());
      }
      PrintWriter out = spec.commandLine().getOut();
      int code = Cli.OK;
      Files.createDirectories(directory);
      var downloader = new UrlDownloader(client);
      for (String url : all) {
        Download result = downloader.download(url, directory);
        switch (result) {
          case Saved saved ->
              out.println(
                  "saved  "
                      + saved.url()
                      + " -> "
                      + saved.file()
                      + " ("
                      + saved.bytes()
                      + " bytes)");
          case Failed failed -> {
            out.println("failed " + failed.url() + ": " + failed.reason());
            code = Cli.FAILED;
          }
        }
        out.flush();
      }
      return code;
    }
  }
}
