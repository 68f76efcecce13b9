package org.interviewtasks.mid.apps;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.function.Function;
import picocli.CommandLine;

/** What the HTTP apps of this package share: URL checks and bounded concurrent work. */
final class Web {

  private Web() {}

  /**
   * Checks that {@code url} is an absolute http or https URL with a host.
   *
   * @throws IllegalArgumentException if it is not
   */
  static void requireHttp(URI url) {
    Objects.requireNonNull(url, "url");
    String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https")) {
      throw new IllegalArgumentException("only http and https URLs are supported: " + url);
    }
    if (url.getHost() == null) {
      throw new IllegalArgumentException("URL has no host: " + url);
    }
  }

  /**
   * Applies {@code work} to every item on virtual threads, at most {@code limit} at a time, and
   * returns the results in input order. {@code work} must not throw: report failures in its result.
   *
   * @throws InterruptedException if interrupted while waiting
   */
  static <T, R> List<R> mapBounded(List<T> items, int limit, Function<T, R> work)
      throws InterruptedException {
    Semaphore permits = new Semaphore(limit);
    List<Future<R>> futures = new ArrayList<>(items.size());
    try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
      for (T item : items) {
        futures.add(
            executor.submit(
                () -> {
                  permits.acquire();
                  try {
                    return work.apply(item);
                  } finally {
                    permits.release();
                  }
                }));
      }
      List<R> results = new ArrayList<>(items.size());
      for (Future<R> future : futures) {
        try {
          results.add(future.get());
        } catch (ExecutionException e) {
          throw new IllegalStateException("a task failed unexpectedly", e.getCause());
        }
      }
      return results;
    }
  }

  /**
   * Runs a picocli command with the given streams: its exit code, or 2 (usage) with the message
   * when it throws {@link IllegalArgumentException}.
   */
  static int execute(Object command, PrintWriter out, PrintWriter err, String... args) {
    return new CommandLine(command)
        .setOut(Objects.requireNonNull(out, "out"))
        .setErr(Objects.requireNonNull(err, "err"))
        .setExecutionExceptionHandler(
            (e, commandLine, parseResult) -> {
              if (e instanceof IllegalArgumentException) {
                commandLine.getErr().println("error: " + e.getMessage());
                return CommandLine.ExitCode.USAGE;
              }
              throw e;
            })
        .execute(args);
  }

  /** An exception as one line: its type and message. */
  static String describe(IOException e) {
    return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
  }
}
