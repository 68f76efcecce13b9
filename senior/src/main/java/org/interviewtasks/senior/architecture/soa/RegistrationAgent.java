package org.interviewtasks.senior.architecture.soa;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps one service instance registered: registers it, then beats every interval; a heartbeat
 * answered 404 (the registry evicted the instance, or restarted empty) registers it again; a
 * registry that cannot be reached is tried again at the next beat, while the instance keeps
 * serving. {@link #close()} deregisters (a graceful shutdown); {@link #stop()} just stops beating
 * (a crash, as the registry sees it).
 *
 * <p>The TTL should be about three heartbeat intervals: one lost heartbeat is not an eviction.
 */
public final class RegistrationAgent implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(RegistrationAgent.class);

  /** What the last beat did. */
  public enum Outcome {
    /** The registration was renewed. */
    RENEWED,
    /** The registry did not know the instance: it was registered again. */
    REGISTERED,
    /** The registry could not be reached or refused: try again next time. */
    FAILED
  }

  private final URI registry;
  private final String service;
  private final String instance;
  private final int port;
  private final Duration ttl;
  private final HttpClient client;
  private ScheduledExecutorService timer;
  private ScheduledFuture<?> beating;
  private volatile boolean stopped;

  /**
   * An agent for one instance.
   *
   * @param registry the registry's base URI
   * @param service the instance's service
   * @param instance the instance id
   * @param port where the instance listens on 127.0.0.1
   * @param ttl how long one heartbeat keeps it registered
   */
  public RegistrationAgent(URI registry, String service, String instance, int port, Duration ttl) {
    this.registry = Objects.requireNonNull(registry, "registry");
    this.service = Names.check("service", service);
    this.instance = Names.check("instance", instance);
    if (port < 1 || port > 65_535) {
      throw new IllegalArgumentException("port must be 1..65535: " + port);
    }
    Objects.requireNonNull(ttl, "ttl");
    if (ttl.compareTo(ServiceRegistry.MIN_TTL) < 0 || ttl.compareTo(ServiceRegistry.MAX_TTL) > 0) {
      throw new IllegalArgumentException(
          "ttl must be in ["
              + ServiceRegistry.MIN_TTL
              + ", "
              + ServiceRegistry.MAX_TTL
              + "]: "
              + ttl);
    }
    this.port = port;
    this.ttl = ttl;
    this.client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  }

  /**
   * Beats every {@code interval} on a timer thread, starting now.
   *
   * @throws IllegalArgumentException if {@code interval} is not positive or not shorter than the
   *     TTL
   * @throws IllegalStateException if already started or stopped
   */
  public synchronized RegistrationAgent start(Duration interval) {
    Objects.requireNonNull(interval, "interval");
    if (interval.isNegative() || interval.isZero() || interval.compareTo(ttl) >= 0) {
      throw new IllegalArgumentException("interval must be in (0, ttl " + ttl + "): " + interval);
    }
    if (timer != null || stopped) {
      throw new IllegalStateException("already started or stopped");
    }
    timer =
        Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("heartbeat-" + instance).daemon().factory());
    long ms = interval.toMillis();
    beating = timer.scheduleWithFixedDelay(this::timedBeat, 0, ms, TimeUnit.MILLISECONDS);
    return this;
  }

  /**
   * One heartbeat now (registering if the registry does not know the instance).
   *
   * @throws IllegalStateException after {@link #stop()} or {@link #close()}
   */
  public Outcome beat() {
    if (stopped) {
      throw new IllegalStateException("agent of " + instance + " is stopped");
    }
    try {
      int status = send("PUT", "/heartbeat", null);
      if (status == 200) {
        return Outcome.RENEWED;
      }
      if (status == 404) {
        return register() ? Outcome.REGISTERED : Outcome.FAILED;
      }
      LOG.warn("{}: heartbeat answered {}", instance, status);
      return Outcome.FAILED;
    } catch (IOException e) {
      LOG.warn("{}: registry unreachable: {}", instance, e.toString());
      return Outcome.FAILED;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Outcome.FAILED;
    }
  }

  private boolean register() throws IOException, InterruptedException {
    String body =
        "{\"host\":\"127.0.0.1\",\"port\":" + port + ",\"ttlMillis\":" + ttl.toMillis() + "}";
    int status = send("PUT", "", body);
    if (status != 200) {
      LOG.warn("{}: registration answered {}", instance, status);
    }
    return status == 200;
  }

  private int send(String method, String suffix, String body)
      throws IOException, InterruptedException {
    URI uri = registry.resolve("/v1/registry/" + service + "/" + instance + suffix);
    HttpRequest request =
        HttpRequest.newBuilder(uri)
            .timeout(Duration.ofSeconds(2))
            .header("Content-Type", "application/json")
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body))
            .build();
    return client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
  }

  private void timedBeat() {
    if (!stopped) {
      beat();
    }
  }

  /** Stops beating without deregistering: the registry finds out by the TTL. Idempotent. */
  public synchronized void stop() {
    stopped = true;
    if (timer != null) {
      beating.cancel(true);
      timer.shutdownNow();
    }
  }

  /** Stops beating and deregisters (best effort). Idempotent. */
  @Override
  public void close() {
    boolean wasStopped = stopped;
    stop();
    if (!wasStopped) {
      try {
        send("DELETE", "", null);
      } catch (IOException e) {
        LOG.debug("{}: could not deregister: {}", instance, e.toString());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    client.close();
  }
}
