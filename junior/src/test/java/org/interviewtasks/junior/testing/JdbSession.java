package org.interviewtasks.junior.testing;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A scripted {@code jdb} session: starts {@code jdb} on a main class, sends commands, and waits
 * until its output shows what a command should produce.
 *
 * <p>No sleeping: a thread copies jdb's output into a buffer as it arrives and wakes up whoever
 * waits for a pattern; a wait that passes its deadline fails with the whole transcript, so a broken
 * session says what it saw. {@link #close()} kills jdb and the JVM it debugs if they are still
 * running, so a failing test never leaves processes behind.
 */
final class JdbSession implements AutoCloseable {

  private final Process process;
  private final Writer commands;
  private final Duration timeout;
  private final StringBuilder output = new StringBuilder(); // guarded by itself
  private int matchedUpTo; // output before this index has been matched already
  private boolean ended; // guarded by output

  private JdbSession(Process process, Duration timeout) {
    this.process = process;
    this.timeout = timeout;
    Charset charset = Charset.defaultCharset(); // jdb reads and writes the platform charset
    this.commands = new OutputStreamWriter(process.getOutputStream(), charset);
    Thread pump = new Thread(() -> pump(new InputStreamReader(process.getInputStream(), charset)));
    pump.setDaemon(true);
    pump.setName("jdb-output");
    pump.start();
  }

  /** The {@code jdb} of the JDK running the tests, if it has one. */
  static Optional<Path> jdb() {
    boolean windows = System.getProperty("os.name").toLowerCase(Locale.ROOT).contains("win");
    Path jdb = Path.of(System.getProperty("java.home"), "bin", windows ? "jdb.exe" : "jdb");
    return Files.isExecutable(jdb) ? Optional.of(jdb) : Optional.empty();
  }

  /**
   * Starts {@code jdb -classpath <classpath> -sourcepath <sources> <mainClass> <args>}; the program
   * does not run until the {@code run} command.
   */
  static JdbSession launch(
      Path jdb,
      String classpath,
      Path sourcepath,
      Duration timeout,
      String mainClass,
      String... args)
      throws IOException {
    List<String> command = new ArrayList<>();
    command.add(jdb.toString());
    command.add("-classpath");
    command.add(classpath);
    command.add("-sourcepath");
    command.add(sourcepath.toString());
    command.add(mainClass);
    command.addAll(List.of(args));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    return new JdbSession(process, timeout);
  }

  /** Sends one command, as typed at jdb's prompt. */
  void send(String command) throws IOException {
    synchronized (output) {
      output.append("\n>>> ").append(command).append('\n'); // marks the command in the transcript
      matchedUpTo = output.length();
    }
    commands.write(command + System.lineSeparator());
    commands.flush();
  }

  /**
   * Waits until the output after the last match contains {@code regex}, and returns the match.
   *
   * @throws AssertionError with the transcript, if the output does not show it in time
   */
  Matcher await(String regex) throws InterruptedException {
    Pattern pattern = Pattern.compile(regex);
    long deadline = System.nanoTime() + timeout.toNanos();
    synchronized (output) {
      while (true) {
        Matcher matcher = pattern.matcher(output);
        if (matcher.find(matchedUpTo)) {
          matchedUpTo = matcher.end();
          return matcher;
        }
        long left = deadline - System.nanoTime();
        if (ended || left <= 0) {
          throw new AssertionError(
              (ended ? "jdb ended" : "no output matching in " + timeout)
                  + " /"
                  + regex
                  + "/; transcript:\n"
                  + output);
        }
        TimeUnit.NANOSECONDS.timedWait(output, left);
      }
    }
  }

  /** Everything jdb printed so far, with the commands sent marked by {@code >>>}. */
  String transcript() {
    synchronized (output) {
      return output.toString();
    }
  }

  /** Waits for jdb to exit by itself, and returns its exit code. */
  int awaitExit() throws InterruptedException {
    if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
      throw new AssertionError("jdb did not exit in " + timeout + "; transcript:\n" + transcript());
    }
    return process.exitValue();
  }

  @Override
  public void close() {
    process.descendants().forEach(ProcessHandle::destroyForcibly); // the debugged JVM
    process.destroyForcibly();
    try {
      process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void pump(Reader reader) {
    char[] buffer = new char[4096];
    try (reader) {
      for (int n; (n = reader.read(buffer)) >= 0; ) {
        synchronized (output) {
          output.append(buffer, 0, n);
          output.notifyAll();
        }
      }
    } catch (IOException e) {
      if (process.isAlive()) {
        throw new UncheckedIOException("reading jdb's output", e);
      }
    } finally {
      synchronized (output) {
        ended = true;
        output.notifyAll();
      }
    }
  }
}
