package org.interviewtasks.senior.infra.nemesis;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.time.Duration;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.interviewtasks.senior.infra.Endpoint;
import org.interviewtasks.senior.infra.FreePorts;

/**
 * A TCP proxy on a free 127.0.0.1 port in front of one server, that can break the link on demand: a
 * client that connects to {@link #endpoint()} instead of the server goes through a link the test
 * can {@link #blackhole()}, {@link #delay(Duration) delay}, {@link #cut()} or {@link
 * #throttle(long) throttle}, and {@link #heal()} again.
 *
 * <ul>
 *   <li><b>Blackhole</b>: connections stay open and accept bytes, but nothing is forwarded either
 *       way; the held bytes are delivered on {@link #heal()}, as TCP would once a partition heals
 *       (its retransmissions get through). New connections are accepted and held the same way.
 *       Blackholing every proxy of an in-process server is how that server is <i>paused</i>.
 *   <li><b>Delay</b>: every chunk read waits this long before it is forwarded (both directions).
 *   <li><b>Cut</b>: every open connection is closed (a reset or a dead peer), and new ones are
 *       closed as soon as they are accepted, until {@link #heal()}.
 *   <li><b>Throttle</b>: at most this many bytes a second in each direction.
 * </ul>
 *
 * <p>Why our own: Toxiproxy, the usual tool, is a Go server (the Java artifacts are only its
 * client, and Testcontainers' module needs Docker); this is about 200 lines over blocking sockets
 * and virtual threads, two per connection. Faults may be combined (a delayed, throttled link);
 * {@link #heal()} clears them all. Thread-safe.
 */
public final class FaultProxy implements AutoCloseable {

  private static final int CHUNK = 8192;

  private final Endpoint target;
  private final ServerSocket server;
  private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
  private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition changed = lock.newCondition();
  private final AtomicLong forwarded = new AtomicLong();
  private final AtomicLong accepted = new AtomicLong();
  private boolean blackholed;
  private boolean cut;
  private long delayNanos;
  private long bytesPerSecond;
  private volatile boolean closed;

  private FaultProxy(Endpoint target, ServerSocket server) {
    this.target = target;
    this.server = server;
    threads.execute(this::acceptLoop);
  }

  /**
   * A proxy to {@code target}, listening now.
   *
   * @throws UncheckedIOException if no port can be bound
   */
  public static FaultProxy start(Endpoint target) {
    Objects.requireNonNull(target, "target");
    try {
      return new FaultProxy(target, new ServerSocket(0, 50, FreePorts.loopbackAddress()));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open a proxy port", e);
    }
  }

  /** Where clients connect. */
  public Endpoint endpoint() {
    return Endpoint.loopback(server.getLocalPort());
  }

  /** The server behind the proxy. */
  public Endpoint target() {
    return target;
  }

  /** Holds every byte in both directions until {@link #heal()}. */
  public void blackhole() {
    update(() -> blackholed = true);
  }

  /**
   * Forwards every chunk after {@code delay}.
   *
   * @throws IllegalArgumentException if the delay is negative
   */
  public void delay(Duration delay) {
    Objects.requireNonNull(delay, "delay");
    if (delay.isNegative()) {
      throw new IllegalArgumentException("delay must not be negative: " + delay);
    }
    update(() -> delayNanos = delay.toNanos());
  }

  /**
   * Forwards at most {@code bytesPerSecond} bytes a second in each direction.
   *
   * @throws IllegalArgumentException if it is not positive
   */
  public void throttle(long bytesPerSecond) {
    if (bytesPerSecond < 1) {
      throw new IllegalArgumentException("bytesPerSecond must be positive: " + bytesPerSecond);
    }
    update(() -> this.bytesPerSecond = bytesPerSecond);
  }

  /** Closes every open connection and refuses new ones until {@link #heal()}. */
  public void cut() {
    update(() -> cut = true);
    sockets.forEach(FaultProxy::closeQuietly);
  }

  /** Clears every fault: held bytes flow again, new connections go through. */
  public void heal() {
    update(
        () -> {
          blackholed = false;
          cut = false;
          delayNanos = 0;
          bytesPerSecond = 0;
        });
  }

  /** Whether any fault is in force. */
  public boolean isFaulty() {
    lock.lock();
    try {
      return blackholed || cut || delayNanos > 0 || bytesPerSecond > 0;
    } finally {
      lock.unlock();
    }
  }

  /** Bytes forwarded so far, both directions. */
  public long bytesForwarded() {
    return forwarded.get();
  }

  /** Connections accepted so far (including those cut at once). */
  public long connectionsAccepted() {
    return accepted.get();
  }

  /** Stops listening and closes every connection. */
  @Override
  public void close() {
    closed = true;
    update(() -> {});
    closeQuietly(server);
    sockets.forEach(FaultProxy::closeQuietly);
    threads.shutdownNow();
    try {
      if (!threads.awaitTermination(5, TimeUnit.SECONDS)) {
        throw new IllegalStateException("proxy threads did not stop");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public String toString() {
    return "FaultProxy[" + endpoint() + " -> " + target + "]";
  }

  private void update(Runnable change) {
    lock.lock();
    try {
      change.run();
      changed.signalAll();
    } finally {
      lock.unlock();
    }
  }

  private void acceptLoop() {
    while (!closed) {
      Socket client;
      try {
        client = server.accept();
      } catch (IOException e) {
        return; // closed
      }
      accepted.incrementAndGet();
      threads.execute(() -> connect(client));
    }
  }

  private void connect(Socket client) {
    sockets.add(client);
    if (isCut()) {
      closeQuietly(client);
      sockets.remove(client);
      return;
    }
    Socket upstream = new Socket();
    sockets.add(upstream);
    try {
      client.setTcpNoDelay(true);
      upstream.setTcpNoDelay(true);
      upstream.connect(new InetSocketAddress(FreePorts.loopbackAddress(), target.port()), 2_000);
    } catch (IOException e) {
      closeBoth(client, upstream); // the server is down: the client sees its connection close
      return;
    }
    threads.execute(() -> pump(client, upstream));
    threads.execute(() -> pump(upstream, client));
  }

  private void pump(Socket from, Socket to) {
    byte[] buffer = new byte[CHUNK];
    try {
      InputStream in = from.getInputStream();
      OutputStream out = to.getOutputStream();
      while (true) {
        int n = in.read(buffer);
        if (n < 0) {
          break;
        }
        if (!awaitPassage(n)) {
          break;
        }
        out.write(buffer, 0, n);
        out.flush();
        forwarded.addAndGet(n);
      }
    } catch (IOException e) {
      // either side closed or was cut
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    closeBoth(from, to);
  }

  /**
   * Waits while the link is blackholed, then for the delay and the throttle's share of {@code n}
   * bytes; false if the link was cut or the proxy closed meanwhile.
   */
  private boolean awaitPassage(int n) throws InterruptedException {
    lock.lock();
    try {
      while (blackholed && !cut && !closed) {
        changed.await();
      }
      long wait = delayNanos + (bytesPerSecond > 0 ? n * 1_000_000_000L / bytesPerSecond : 0);
      long deadline = System.nanoTime() + wait;
      // the fault's own latency, cut short by heal() or close()
      while (wait > 0 && !cut && !closed && (delayNanos > 0 || bytesPerSecond > 0)) {
        changed.awaitNanos(wait);
        wait = deadline - System.nanoTime();
      }
      while (blackholed && !cut && !closed) {
        changed.await();
      }
      return !cut && !closed;
    } finally {
      lock.unlock();
    }
  }

  private boolean isCut() {
    lock.lock();
    try {
      return cut || closed;
    } finally {
      lock.unlock();
    }
  }

  private void closeBoth(Socket a, Socket b) {
    closeQuietly(a);
    closeQuietly(b);
    sockets.remove(a);
    sockets.remove(b);
  }

  private static void closeQuietly(java.io.Closeable closeable) {
    try {
      closeable.close();
    } catch (SocketException e) {
      // already closed
    } catch (IOException e) {
      // nothing more to do for a socket that will not close cleanly
    }
  }
}
