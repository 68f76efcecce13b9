package org.interviewtasks.senior.architecture.soa;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Client-side discovery: which instances of a service are alive, asked of the {@link
 * ServiceRegistry} and cached for {@code refresh}. When the registry cannot be reached the last
 * answer is kept (stale, but the instances it names are probably still there, and a call that finds
 * one dead fails over): the registry being down must not take the application down. Thread-safe.
 */
public final class Discovery implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(Discovery.class);

  /**
   * An instance as discovery sees it.
   *
   * @param id the instance id
   * @param uri where it listens
   */
  public record Endpoint(String id, URI uri) {}

  private record Cached(List<Endpoint> endpoints, Instant fetched) {}

  private final URI registry;
  private final InstantSource clock;
  private final Duration refresh;
  private final HttpClient client;
  private final Map<String, Cached> cache = new ConcurrentHashMap<>();
  private volatile boolean closed;

  /**
   * Discovery through a registry.
   *
   * @param refresh how long an answer is used before asking again, zero or positive
   */
  public Discovery(URI registry, InstantSource clock, Duration refresh) {
    this.registry = Objects.requireNonNull(registry, "registry");
    this.clock = Objects.requireNonNull(clock, "clock");
    Objects.requireNonNull(refresh, "refresh");
    if (refresh.isNegative()) {
      throw new IllegalArgumentException("refresh must be >= 0: " + refresh);
    }
    this.refresh = refresh;
    this.client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  }

  /**
   * The live instances of a service: the cached answer while fresh, else the registry's (or the
   * last answer, when the registry cannot be reached); empty if none was ever known.
   *
   * @throws IllegalStateException after {@link #close()}
   */
  public List<Endpoint> instances(String service) {
    Names.check("service", service);
    if (closed) {
      throw new IllegalStateException("discovery is closed");
    }
    Instant now = clock.instant();
    Cached cached = cache.get(service);
    if (cached != null && now.isBefore(cached.fetched().plus(refresh))) {
      return cached.endpoints();
    }
    try {
      List<Endpoint> fresh = fetch(service);
      cache.put(service, new Cached(fresh, now));
      return fresh;
    } catch (IOException e) {
      LOG.warn(
          "registry unreachable ({}); using the last known instances of {}", e.toString(), service);
      return cached == null ? List.of() : cached.endpoints();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return cached == null ? List.of() : cached.endpoints();
    }
  }

  /** Forgets the cached answer for a service: the next lookup asks the registry. */
  public void invalidate(String service) {
    cache.remove(service);
  }

  private List<Endpoint> fetch(String service) throws IOException, InterruptedException {
    HttpRequest request =
        HttpRequest.newBuilder(registry.resolve("/v1/registry/" + service))
            .timeout(Duration.ofSeconds(2))
            .GET()
            .build();
    HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      throw new IOException("registry answered " + response.statusCode());
    }
    JsonNode body = HttpService.JSON.readTree(response.body());
    List<Endpoint> endpoints = new ArrayList<>();
    for (JsonNode instance : body.path("instances")) {
      endpoints.add(
          new Endpoint(
              instance.path("id").asText(),
              URI.create(
                  "http://"
                      + instance.path("host").asText()
                      + ":"
                      + instance.path("port").asInt())));
    }
    return List.copyOf(endpoints);
  }

  @Override
  public void close() {
    closed = true;
    client.close();
  }
}
