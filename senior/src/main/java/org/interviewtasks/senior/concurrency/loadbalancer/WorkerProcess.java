package org.interviewtasks.senior.concurrency.loadbalancer;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.interviewtasks.senior.infra.ChildJvm;
import org.interviewtasks.senior.infra.Signals;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link Worker} in a child JVM: the same {@code java} and class path as this JVM, a small heap.
 * {@link #kill()} ends it at once ({@code destroyForcibly}, no shutdown hooks: a crash, as far as
 * the balancer can tell), {@link #pause()} freezes it (SIGSTOP: connections stay open, requests
 * wait), {@link #restart()} starts it again on the same port, {@link #close()} ends it for good.
 * {@link #journal()} holds every request a worker applied, across its restarts. Not thread-safe,
 * except {@link #journal()}: one owner drives it.
 */
public final class WorkerProcess implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(WorkerProcess.class);

  /** How long a worker may take to say it listens, on a loaded machine. */
  public static final Duration START_TIMEOUT = Duration.ofSeconds(60);

  /**
   * A request a worker applied, as its journal line said.
   *
   * @param worker the worker's name
   * @param method the request's method
   * @param id the request's {@code id} parameter ({@code -} without one)
   */
  public record Applied(String worker, String method, String id) {}

  private final String name;
  private final Queue<Applied> journal = new ConcurrentLinkedQueue<>();
  private Process process;
  private int port;
  private boolean paused;
  private boolean closed;

  private WorkerProcess(String name) {
    this.name = name;
  }

  /**
   * Starts a worker on a free loopback port and waits until it listens.
   *
   * @param name the worker's name, echoed in its answers: letters, digits, '-' or '_'
   * @throws IllegalArgumentException if the name is empty or has other characters
   * @throws IllegalStateException if the child does not start within {@link #START_TIMEOUT}
   */
  public static WorkerProcess start(String name) {
    Objects.requireNonNull(name, "name");
    if (!name.matches("[A-Za-z0-9_-]{1,64}")) {
      throw new IllegalArgumentException(
          "name must be 1 to 64 letters, digits, '-' or '_': '" + name + "'");
    }
    WorkerProcess worker = new WorkerProcess(name);
    worker.launch(0);
    return worker;
  }

  /** The worker's name. */
  public String name() {
    return name;
  }

  /** Its base address, {@code http://127.0.0.1:<port>}; the same across restarts. */
  public URI uri() {
    return URI.create("http://127.0.0.1:" + port);
  }

  /** Whether the child JVM runs. */
  public boolean isAlive() {
    return process != null && process.isAlive();
  }

  /** The child JVM's process handle (also after it died). */
  public ProcessHandle handle() {
    checkOpen();
    return process.toHandle();
  }

  /**
   * What every incarnation of this worker applied, in the order it printed it: read from its
   * output, so what a worker printed before it was killed is here too once the pipe is drained.
   * Thread-safe; kept for the life of this object.
   */
  public List<Applied> journal() {
    return List.copyOf(journal);
  }

  /** Kills the child JVM at once and waits until it is gone; a no-op if it is not running. */
  public void kill() {
    checkOpen();
    paused = false;
    terminate();
  }

  /**
   * Freezes the child JVM with SIGSTOP, as a long GC pause would; a no-op if it is paused or not
   * running.
   *
   * @throws IllegalStateException if the signal cannot be sent
   */
  public void pause() {
    checkOpen();
    if (isAlive() && !paused) {
      Signals.send(process.toHandle(), "STOP");
      paused = true;
    }
  }

  /**
   * Lets a paused child JVM run again with SIGCONT; a no-op if it is not paused.
   *
   * @throws IllegalStateException if the signal cannot be sent
   */
  public void resume() {
    checkOpen();
    if (paused) {
      paused = false;
      if (isAlive()) {
        Signals.send(process.toHandle(), "CONT");
      }
    }
  }

  /** Whether the child JVM is paused. */
  public boolean isPaused() {
    return paused;
  }

  /**
   * Starts the worker again, on the port it had.
   *
   * @throws IllegalStateException if it still runs, or was closed
   */
  public void restart() {
    checkOpen();
    if (isAlive()) {
      throw new IllegalStateException(name + " still runs: kill it first");
    }
    launch(port);
  }

  /** Kills the worker if it runs; idempotent. */
  @Override
  public void close() {
    if (!closed) {
      closed = true;
      terminate();
    }
  }

  private void checkOpen() {
    if (closed) {
      throw new IllegalStateException("worker " + name + " is closed");
    }
  }

  private void terminate() {
    if (process == null) {
      return;
    }
    process.destroyForcibly();
    try {
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        throw new IllegalStateException("worker " + name + " did not die within 30 s");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while killing " + name, e);
    }
  }

  private void launch(int wantedPort) {
    List<String> command =
        ChildJvm.command(
            List.of("-Xmx48m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-XX:-UsePerfData"),
            Worker.class,
            List.of(name, Integer.toString(wantedPort)));
    Process started;
    try {
      started = new ProcessBuilder(command).redirectErrorStream(true).start();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start worker " + name, e);
    }
    CompletableFuture<Integer> ready = new CompletableFuture<>();
    Thread.ofVirtual().name("worker-output-" + name).start(() -> readOutput(started, ready));
    try {
      port = ready.get(START_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
      process = started;
      LOG.debug("worker {} listens on {} (pid {})", name, port, started.pid());
    } catch (ExecutionException | TimeoutException e) {
      started.destroyForcibly();
      throw new IllegalStateException("worker " + name + " did not start: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      started.destroyForcibly();
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while starting " + name, e);
    }
  }

  /** Reads the child's output: the ready line, then anything else, logged. */
  private void readOutput(Process child, CompletableFuture<Integer> ready) {
    StringBuilder early = new StringBuilder();
    try (BufferedReader out =
        new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line = out.readLine(); line != null; line = out.readLine()) {
        if (!ready.isDone() && line.startsWith(Worker.READY)) {
          ready.complete(Integer.parseInt(line.substring(Worker.READY.length()).strip()));
        } else if (!ready.isDone()) {
          early.append(line).append('\n');
        } else if (line.startsWith(Worker.APPLIED)) {
          String[] entry = line.substring(Worker.APPLIED.length()).split(" ", 2);
          journal.add(new Applied(name, entry[0], entry.length > 1 ? entry[1] : "-"));
        } else {
          LOG.debug("{}: {}", name, line);
        }
      }
    } catch (IOException | RuntimeException e) {
      ready.completeExceptionally(e);
    }
    ready.completeExceptionally(
        new IllegalStateException("worker " + name + " exited before listening:\n" + early));
  }
}
