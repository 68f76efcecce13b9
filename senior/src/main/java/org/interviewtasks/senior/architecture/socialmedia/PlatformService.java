package org.interviewtasks.senior.architecture.socialmedia;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.Recoverable;
import com.rabbitmq.client.RecoveryListener;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the three services share: a recovering connection to the broker, the topology declared on a
 * channel that lives as long as the connection, an HTTP server with the liveness and readiness
 * probes, and a lifecycle (start once, close idempotently, or be killed as a crash would).
 */
public abstract class PlatformService implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(PlatformService.class);

  private enum State {
    NEW,
    RUNNING,
    CLOSED
  }

  /** The service's configuration. */
  protected final ServiceConfig config;

  private final String name;
  private final AtomicReference<State> state = new AtomicReference<>(State.NEW);
  private volatile Connection connection;

  /** False from a connection loss until the client has recovered the connection and topology. */
  private volatile boolean linked = true;

  private volatile HttpServer http;
  private ExecutorService httpThreads;

  /**
   * A service named {@code name} (the broker shows it as the connection's name).
   *
   * @param name e.g. {@code timeline}
   * @param config where the broker is, where to serve HTTP
   */
  protected PlatformService(String name, ServiceConfig config) {
    this.name = Objects.requireNonNull(name, "name");
    this.config = Objects.requireNonNull(config, "config");
  }

  /**
   * Connects to the broker, declares the topology, starts the service's own work and its HTTP
   * server.
   *
   * @throws BrokerUnreachableException if the broker does not answer, naming it
   * @throws IllegalStateException if started before or closed
   */
  public final void start() {
    if (!state.compareAndSet(State.NEW, State.RUNNING)) {
      throw new IllegalStateException(name + " cannot start: it is " + state.get());
    }
    try {
      connection = config.connectionFactory().newConnection(name);
      connection.addShutdownListener(cause -> linked = false);
      if (connection instanceof Recoverable recoverable) {
        recoverable.addRecoveryListener(
            new RecoveryListener() {
              @Override
              public void handleRecovery(Recoverable recovered) {
                linked = true;
                LOG.info("{} reconnected to {}", name, config.broker());
              }

              @Override
              public void handleRecoveryStarted(Recoverable recovering) {
                linked = false;
              }
            });
      }
      Channel topology = connection.createChannel();
      SocialMediaPlatform.declareTopology(topology);
      onStart(connection);
      httpThreads = Executors.newVirtualThreadPerTaskExecutor();
      HttpServer server =
          HttpServer.create(new InetSocketAddress(config.httpHost(), config.httpPort()), 0);
      server.setExecutor(httpThreads);
      server.createContext(
          SocialMediaPlatform.LIVENESS_PATH,
          exchange -> respond(exchange, 200, "text/plain", "ok"));
      server.createContext(
          SocialMediaPlatform.READINESS_PATH,
          exchange ->
              respond(
                  exchange,
                  isReady() ? 200 : 503,
                  "text/plain",
                  isReady() ? "ready" : "not connected to " + config.broker()));
      routes(server);
      server.start();
      http = server;
      LOG.info("{} serves HTTP on port {}, broker {}", name, httpPort(), config.broker());
    } catch (IOException | TimeoutException e) {
      close();
      throw new BrokerUnreachableException(
          name + " cannot reach the AMQP broker at " + config.broker() + ": " + e, e);
    } catch (RuntimeException e) {
      close();
      throw e;
    }
  }

  /** Declares the service's consumers and channels; called once, after the topology. */
  protected abstract void onStart(Connection connection) throws IOException;

  /** Adds the service's HTTP endpoints. */
  protected abstract void routes(HttpServer server);

  /** Stops the service's own work before the connection closes. */
  protected void onClose() {}

  /** The port the HTTP server listens on. */
  public int httpPort() {
    HttpServer server = http;
    if (server == null) {
      throw new IllegalStateException(name + " is not serving HTTP");
    }
    return server.getAddress().getPort();
  }

  /**
   * Whether the broker connection is open and its topology recovered (the readiness probe): false
   * while the broker is away, true again once the client reconnected by itself.
   */
  public boolean isReady() {
    Connection c = connection;
    return state.get() == State.RUNNING && c != null && c.isOpen() && linked;
  }

  /** The connection (recovering: it reconnects by itself after an outage). */
  protected Connection connection() {
    return connection;
  }

  /** Whether {@link #close()} or {@link #kill()} was called. */
  protected boolean isClosed() {
    return state.get() == State.CLOSED;
  }

  /** Stops HTTP and the service's work, then closes the connection cleanly. Idempotent. */
  @Override
  public void close() {
    if (state.getAndSet(State.CLOSED) == State.CLOSED) {
      return;
    }
    stopHttp();
    onClose();
    Connection c = connection;
    if (c != null) {
      try {
        c.close(5_000);
      } catch (IOException | RuntimeException e) {
        LOG.debug("{}: closing the connection failed", name, e);
        c.abort();
      }
    }
  }

  /**
   * Dies as a crashed process would: the connection is dropped without closing channels, so the
   * broker redelivers every unacknowledged message to the next consumer.
   */
  public void kill() {
    if (state.getAndSet(State.CLOSED) == State.CLOSED) {
      return;
    }
    Connection c = connection;
    if (c != null) {
      c.abort(0);
    }
    stopHttp();
    onClose();
  }

  private void stopHttp() {
    HttpServer server = http;
    if (server != null) {
      server.stop(0);
    }
    if (httpThreads != null) {
      httpThreads.shutdownNow();
    }
  }

  /** Runs a service as a process until it is stopped (SIGTERM runs the close). */
  static void runUntilStopped(PlatformService service) throws InterruptedException {
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  service.close();
                  stopped.countDown();
                }));
    service.start();
    stopped.await();
  }

  /** Writes a whole answer. */
  static void respond(HttpExchange exchange, int status, String type, String body)
      throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", type + "; charset=utf-8");
    exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  /** Writes {@code value} as JSON. */
  static void respondJson(HttpExchange exchange, int status, Object value) throws IOException {
    respond(exchange, status, "application/json", Events.JSON.writeValueAsString(value));
  }

  /** The query parameters, decoded as UTF-8. */
  static Map<String, String> query(HttpExchange exchange) {
    Map<String, String> params = new HashMap<>();
    String raw = exchange.getRequestURI().getRawQuery();
    if (raw == null) {
      return params;
    }
    int start = 0;
    while (start <= raw.length()) {
      int end = raw.indexOf('&', start);
      String pair = raw.substring(start, end < 0 ? raw.length() : end);
      int eq = pair.indexOf('=');
      if (eq > 0) {
        params.put(
            URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
      }
      if (end < 0) {
        break;
      }
      start = end + 1;
    }
    return params;
  }

  /** Answers 405 unless the request uses {@code method}; true if it does. */
  static boolean method(HttpExchange exchange, String method) throws IOException {
    if (exchange.getRequestMethod().equals(method)) {
      return true;
    }
    respond(exchange, 405, "text/plain", "use " + method);
    return false;
  }
}
