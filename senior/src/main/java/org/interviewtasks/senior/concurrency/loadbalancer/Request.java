package org.interviewtasks.senior.concurrency.loadbalancer;

import java.util.Arrays;
import java.util.Objects;
import java.util.Set;

/**
 * A request to forward: method, path with query, body, and whether it may be sent twice.
 *
 * <p>Idempotent by default are the methods RFC 9110 calls idempotent (GET, HEAD, PUT, DELETE,
 * OPTIONS, TRACE); a POST that carries an idempotency key the worker honours may be marked so with
 * {@link #asIdempotent()}. The balancer retries an idempotent request on another worker when the
 * one it was sent to fails mid-request; a request that is not idempotent is retried only when it
 * was certainly never delivered (the connection was refused).
 *
 * @param method the HTTP method, an upper-case token such as {@code GET}
 * @param path the path and query, starting with {@code /}
 * @param body the body (empty for none); copied, never shared
 * @param idempotent whether sending it twice has the effect of sending it once
 */
@SuppressWarnings("ArrayRecordComponent") // copied in and out; equals compares the contents
public record Request(String method, String path, byte[] body, boolean idempotent) {

  private static final Set<String> IDEMPOTENT =
      Set.of("GET", "HEAD", "PUT", "DELETE", "OPTIONS", "TRACE");

  /** The longest accepted body, 16 MiB. */
  public static final int MAX_BODY = 16 << 20;

  /**
   * Checks and copies.
   *
   * @throws IllegalArgumentException if the method is not an upper-case token, the path does not
   *     start with {@code /} or has spaces, or the body is longer than {@link #MAX_BODY}
   */
  public Request {
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(body, "body");
    if (!method.matches("[A-Z]{1,16}")) {
      throw new IllegalArgumentException("method must be an upper-case token: '" + method + "'");
    }
    if (!path.startsWith("/") || path.chars().anyMatch(c -> c <= ' ')) {
      throw new IllegalArgumentException(
          "path must start with '/' and have no spaces or control characters: '" + path + "'");
    }
    if (body.length > MAX_BODY) {
      throw new IllegalArgumentException(
          "body of " + body.length + " bytes is longer than " + MAX_BODY);
    }
    body = body.clone();
  }

  /** A request whose idempotence follows from its method. */
  public static Request of(String method, String path, byte[] body) {
    return new Request(method, path, body, IDEMPOTENT.contains(method));
  }

  /** {@code GET path}. */
  public static Request get(String path) {
    return of("GET", path, new byte[0]);
  }

  /** {@code POST path} with a body: not idempotent. */
  public static Request post(String path, byte[] body) {
    return of("POST", path, body);
  }

  /** This request, marked safe to send twice (e.g. a POST with an idempotency key). */
  public Request asIdempotent() {
    return new Request(method, path, body, true);
  }

  /** A copy of the body. */
  @Override
  public byte[] body() {
    return body.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Request r
        && method.equals(r.method)
        && path.equals(r.path)
        && Arrays.equals(body, r.body)
        && idempotent == r.idempotent;
  }

  @Override
  public int hashCode() {
    return Objects.hash(method, path, Arrays.hashCode(body), idempotent);
  }

  @Override
  public String toString() {
    return method + " " + path + (body.length == 0 ? "" : " (" + body.length + " bytes)");
  }
}
