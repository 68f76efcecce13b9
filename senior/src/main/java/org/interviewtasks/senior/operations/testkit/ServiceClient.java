package org.interviewtasks.senior.operations.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A small HTTP client bound to one service's base URI: what {@link WithService} tests and the
 * contract engine send requests with. Paths are resolved against the base URI; bodies are UTF-8.
 */
public final class ServiceClient implements AutoCloseable {

  /** The timeout of a request when none is given. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

  private final URI baseUri;
  private final Duration timeout;
  private final HttpClient http;

  /**
   * A client for the service at {@code baseUri}.
   *
   * @throws IllegalArgumentException if the URI is not absolute http(s), or the timeout is not
   *     positive
   */
  public ServiceClient(URI baseUri, Duration timeout) {
    this.baseUri = checkBaseUri(baseUri);
    this.timeout = Objects.requireNonNull(timeout, "timeout");
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("timeout must be positive: " + timeout);
    }
    this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
  }

  /** A client with {@link #DEFAULT_TIMEOUT}. */
  public ServiceClient(URI baseUri) {
    this(baseUri, DEFAULT_TIMEOUT);
  }

  /**
   * Checks a base URI: absolute, {@code http} or {@code https}, with a host.
   *
   * @throws IllegalArgumentException otherwise
   */
  public static URI checkBaseUri(URI baseUri) {
    Objects.requireNonNull(baseUri, "baseUri");
    String scheme = baseUri.getScheme();
    if (scheme == null
        || !(scheme.equals("http") || scheme.equals("https"))
        || baseUri.getHost() == null) {
      throw new IllegalArgumentException(
          "base URI must be absolute http(s) with a host: " + baseUri);
    }
    return baseUri;
  }

  /** The service's base URI. */
  public URI baseUri() {
    return baseUri;
  }

  /** {@code GET path}. */
  public Response get(String path) {
    return send("GET", path, List.of(), "");
  }

  /** {@code PUT path} with a JSON body. */
  public Response putJson(String path, String json) {
    return send("PUT", path, List.of(Map.entry("Content-Type", "application/json")), json);
  }

  /** {@code POST path} with a JSON body. */
  public Response postJson(String path, String json) {
    return send("POST", path, List.of(Map.entry("Content-Type", "application/json")), json);
  }

  /**
   * Sends a request and waits for the whole answer.
   *
   * @param method an HTTP method
   * @param path starting with {@code /}
   * @param headers names and values, sent in order
   * @param body the body, empty for none
   * @throws IllegalArgumentException if the path does not start with {@code /}
   * @throws UncheckedIOException if the service cannot be reached or does not answer in time
   */
  public Response send(
      String method, String path, List<Map.Entry<String, String>> headers, String body) {
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(headers, "headers");
    Objects.requireNonNull(body, "body");
    if (!path.startsWith("/")) {
      throw new IllegalArgumentException("path must start with /: " + path);
    }
    HttpRequest.Builder request =
        HttpRequest.newBuilder(resolve(path))
            .timeout(timeout)
            .method(
                method,
                body.isEmpty()
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    headers.forEach(h -> request.header(h.getKey(), h.getValue()));
    try {
      HttpResponse<String> response =
          http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      Map<String, List<String>> lowered = new LinkedHashMap<>();
      response
          .headers()
          .map()
          .forEach((name, values) -> lowered.put(name.toLowerCase(Locale.ROOT), values));
      return new Response(response.statusCode(), lowered, response.body());
    } catch (IOException e) {
      throw new UncheckedIOException(
          method + " " + resolve(path) + " failed: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for " + method + " " + path, e);
    }
  }

  private URI resolve(String path) {
    String base = baseUri.toString();
    return URI.create(
        base.endsWith("/") ? base.substring(0, base.length() - 1) + path : base + path);
  }

  @Override
  public void close() {
    http.close();
  }

  @Override
  public String toString() {
    return "ServiceClient[" + baseUri + "]";
  }

  /**
   * An answer.
   *
   * @param status the HTTP status
   * @param headers the headers, names in lower case
   * @param body the body as text
   */
  public record Response(int status, Map<String, List<String>> headers, String body) {

    /** Copies the parts. */
    public Response {
      headers = Map.copyOf(headers);
      Objects.requireNonNull(body, "body");
    }

    /** The first value of a header, by name in any case. */
    public Optional<String> header(String name) {
      List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
      return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    /**
     * The body as JSON.
     *
     * @throws IllegalStateException if it is not JSON
     */
    public JsonNode json() {
      try {
        return ContractParser.JSON.readTree(body);
      } catch (IOException e) {
        throw new IllegalStateException("the body is not JSON: " + Contract.abbreviate(body), e);
      }
    }
  }
}
