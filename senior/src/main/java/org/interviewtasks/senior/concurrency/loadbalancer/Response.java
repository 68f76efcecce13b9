package org.interviewtasks.senior.concurrency.loadbalancer;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;

/**
 * A worker's answer.
 *
 * @param status the HTTP status
 * @param body the body; copied, never shared
 * @param worker the worker that answered
 * @param attempts how many workers were tried, 1 when the first answered
 */
@SuppressWarnings("ArrayRecordComponent") // copied in and out; equals compares the contents
public record Response(int status, byte[] body, URI worker, int attempts) {

  /** Checks and copies. */
  public Response {
    Objects.requireNonNull(body, "body");
    Objects.requireNonNull(worker, "worker");
    if (status < 100 || status > 599) {
      throw new IllegalArgumentException("status must be 100..599: " + status);
    }
    if (attempts < 1) {
      throw new IllegalArgumentException("attempts must be at least 1: " + attempts);
    }
    body = body.clone();
  }

  /** A copy of the body. */
  @Override
  public byte[] body() {
    return body.clone();
  }

  /** The body as UTF-8 text. */
  public String text() {
    return new String(body, StandardCharsets.UTF_8);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Response r
        && status == r.status
        && Arrays.equals(body, r.body)
        && worker.equals(r.worker)
        && attempts == r.attempts;
  }

  @Override
  public int hashCode() {
    return Objects.hash(status, Arrays.hashCode(body), worker, attempts);
  }

  @Override
  public String toString() {
    return status + " from " + worker + " after " + attempts + " attempt(s)";
  }
}
