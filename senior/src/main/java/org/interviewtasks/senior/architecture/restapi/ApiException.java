package org.interviewtasks.senior.architecture.restapi;

import java.util.Map;
import java.util.Objects;

/**
 * A request the API refuses, with what the client is told: an HTTP status, a short title, a detail
 * and extra members, rendered as an RFC 9457 problem-details body ({@code
 * application/problem+json}). The detail never contains a key, a token or a stack trace; it may
 * quote (shortened) what the client sent.
 */
public final class ApiException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** The longest piece of client input quoted in a detail. */
  static final int MAX_QUOTED = 64;

  private final int status;
  private final String title;
  private final transient Map<String, Object> extensions;

  /**
   * A refusal.
   *
   * @param status the HTTP status, 400 to 599
   * @param title a short, fixed summary of the kind of problem
   * @param detail what exactly was wrong with this request
   * @param extensions extra members of the problem body (for example the parameter's name)
   */
  public ApiException(int status, String title, String detail, Map<String, Object> extensions) {
    super(detail);
    if (status < 400 || status > 599) {
      throw new IllegalArgumentException("status must be in [400, 599]: " + status);
    }
    this.status = status;
    this.title = Objects.requireNonNull(title, "title");
    Objects.requireNonNull(detail, "detail");
    this.extensions = Map.copyOf(extensions);
  }

  /** A 400 about one query or body parameter. */
  static ApiException badParameter(String parameter, String detail) {
    return new ApiException(400, "Invalid parameter", detail, Map.of("parameter", parameter));
  }

  /** A 401: no credentials, or credentials that do not hold. */
  static ApiException unauthorized(String detail) {
    return new ApiException(401, "Unauthorized", detail, Map.of());
  }

  /** The HTTP status. */
  public int status() {
    return status;
  }

  /** The problem's title. */
  public String title() {
    return title;
  }

  /** Extra members of the problem body. */
  public Map<String, Object> extensions() {
    return extensions;
  }

  /** {@code value} cut to {@link #MAX_QUOTED} characters, for quoting client input in a detail. */
  static String quote(String value) {
    if (value.length() <= MAX_QUOTED) {
      return "\"" + value + "\"";
    }
    int end = MAX_QUOTED;
    if (Character.isHighSurrogate(value.charAt(end - 1))) {
      end--;
    }
    return "\"" + value.substring(0, end) + "\"...";
  }
}
