package org.interviewtasks.senior.architecture.soa;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;

/**
 * Problem details (RFC 9457): the JSON body that every HTTP service of this level answers an error
 * with, {@code {"type":"about:blank","title":"Not Found","status":404,"detail":"..."}}, served as
 * {@code application/problem+json}. One place for the shape and the titles, so that the services of
 * the SOA task, the monitored service and the traced chain word their errors alike and a client
 * parses them alike.
 *
 * <p>{@code type} is {@code about:blank} (the status says all there is), {@code title} is the
 * status's reason phrase, the same for every occurrence, and {@code detail} says what went wrong
 * this time. A caller adds members of its own (an {@code instance} path, a trace id) to the node.
 */
public final class ProblemDetails {

  private ProblemDetails() {}

  /**
   * The problem-details body for an error status.
   *
   * @throws IllegalArgumentException if the status is not an error (400 to 599)
   * @throws NullPointerException if the detail is null
   */
  public static ObjectNode of(int status, String detail) {
    requireErrorStatus(status);
    Objects.requireNonNull(detail, "detail");
    ObjectNode body = JsonNodeFactory.instance.objectNode();
    body.put("type", "about:blank");
    body.put("title", title(status));
    body.put("status", status);
    body.put("detail", detail);
    return body;
  }

  /**
   * The status, if it is an error status (400 to 599), the only ones a problem describes.
   *
   * @throws IllegalArgumentException otherwise
   */
  public static int requireErrorStatus(int status) {
    if (status < 400 || status > 599) {
      throw new IllegalArgumentException("status must be 400..599: " + status);
    }
    return status;
  }

  /**
   * The reason phrase of a status (RFC 9110's wording), or its class ("Client Error", "Server
   * Error") for a status without a phrase here.
   */
  public static String title(int status) {
    return switch (status) {
      case 400 -> "Bad Request";
      case 401 -> "Unauthorized";
      case 403 -> "Forbidden";
      case 404 -> "Not Found";
      case 405 -> "Method Not Allowed";
      case 406 -> "Not Acceptable";
      case 409 -> "Conflict";
      case 410 -> "Gone";
      case 412 -> "Precondition Failed";
      case 413 -> "Content Too Large";
      case 415 -> "Unsupported Media Type";
      case 422 -> "Unprocessable Content";
      case 429 -> "Too Many Requests";
      case 500 -> "Internal Server Error";
      case 501 -> "Not Implemented";
      case 502 -> "Bad Gateway";
      case 503 -> "Service Unavailable";
      case 504 -> "Gateway Timeout";
      default -> status < 500 ? "Client Error" : "Server Error";
    };
  }
}
