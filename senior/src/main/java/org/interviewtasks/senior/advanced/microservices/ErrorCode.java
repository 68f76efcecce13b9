package org.interviewtasks.senior.advanced.microservices;

import io.grpc.Status;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * The one table that maps a service error to its gRPC status code and its HTTP status, and says
 * what a client may do about it: retry it (if the method is idempotent) and whom to blame (which
 * decides whether the circuit breaker counts it as a failure).
 *
 * <p>The HTTP statuses are the canonical mapping of {@code google.rpc.Code} (the one Google's APIs,
 * grpc-gateway and Envoy's transcoder use). The mapping to HTTP is not one-to-one (400 stands for
 * three codes, 409 and 500 for two each), so the REST side sends the code's name in its
 * problem-details body and {@link #fromHttpStatus} is only the fallback for an answer without one
 * (a proxy's 502, say).
 *
 * <table>
 *   <caption>Service errors</caption>
 *   <tr><th>code</th><th>HTTP</th><th>retryable</th><th>blame</th></tr>
 *   <tr><td>CANCELLED</td><td>499</td><td>no</td><td>none</td></tr>
 *   <tr><td>UNKNOWN</td><td>500</td><td>no</td><td>server</td></tr>
 *   <tr><td>INVALID_ARGUMENT</td><td>400</td><td>no</td><td>caller</td></tr>
 *   <tr><td>DEADLINE_EXCEEDED</td><td>504</td><td>no</td><td>server</td></tr>
 *   <tr><td>NOT_FOUND</td><td>404</td><td>no</td><td>caller</td></tr>
 *   <tr><td>ALREADY_EXISTS</td><td>409</td><td>no</td><td>caller</td></tr>
 *   <tr><td>PERMISSION_DENIED</td><td>403</td><td>no</td><td>caller</td></tr>
 *   <tr><td>RESOURCE_EXHAUSTED</td><td>429</td><td>no</td><td>server</td></tr>
 *   <tr><td>FAILED_PRECONDITION</td><td>400</td><td>no</td><td>caller</td></tr>
 *   <tr><td>ABORTED</td><td>409</td><td>yes</td><td>caller</td></tr>
 *   <tr><td>OUT_OF_RANGE</td><td>400</td><td>no</td><td>caller</td></tr>
 *   <tr><td>UNIMPLEMENTED</td><td>501</td><td>no</td><td>caller</td></tr>
 *   <tr><td>INTERNAL</td><td>500</td><td>no</td><td>server</td></tr>
 *   <tr><td>UNAVAILABLE</td><td>503</td><td>yes</td><td>server</td></tr>
 *   <tr><td>DATA_LOSS</td><td>500</td><td>no</td><td>server</td></tr>
 *   <tr><td>UNAUTHENTICATED</td><td>401</td><td>no</td><td>caller</td></tr>
 * </table>
 *
 * <p>Only {@link #UNAVAILABLE} (the server could not take the call, a transient state) and {@link
 * #ABORTED} (a concurrency conflict that a fresh attempt may not meet) are retried. {@link
 * #DEADLINE_EXCEEDED} is not: the caller's time is spent. {@link #RESOURCE_EXHAUSTED} is not: an
 * overloaded server or a spent quota is not helped by more calls soon.
 */
public enum ErrorCode {
  /** The caller gave up (cancelled the call, or went away). */
  CANCELLED(Status.Code.CANCELLED, 499, false, Blame.NONE),
  /** An error with no better code. */
  UNKNOWN(Status.Code.UNKNOWN, 500, false, Blame.SERVER),
  /** The request is malformed whatever the server's state (a blank id, a negative quantity). */
  INVALID_ARGUMENT(Status.Code.INVALID_ARGUMENT, 400, false, Blame.CALLER),
  /** The deadline passed before the call completed. */
  DEADLINE_EXCEEDED(Status.Code.DEADLINE_EXCEEDED, 504, false, Blame.SERVER),
  /** The thing asked for does not exist. */
  NOT_FOUND(Status.Code.NOT_FOUND, 404, false, Blame.CALLER),
  /** The thing to create exists already. */
  ALREADY_EXISTS(Status.Code.ALREADY_EXISTS, 409, false, Blame.CALLER),
  /** The caller may not do this. */
  PERMISSION_DENIED(Status.Code.PERMISSION_DENIED, 403, false, Blame.CALLER),
  /** Out of capacity or quota: a full bulkhead, a rate limit, an overloaded server. */
  RESOURCE_EXHAUSTED(Status.Code.RESOURCE_EXHAUSTED, 429, false, Blame.SERVER),
  /** The system is not in the state the call needs (not enough stock). */
  FAILED_PRECONDITION(Status.Code.FAILED_PRECONDITION, 400, false, Blame.CALLER),
  /** A concurrency conflict (an optimistic lock lost); a fresh attempt may succeed. */
  ABORTED(Status.Code.ABORTED, 409, true, Blame.CALLER),
  /** A value past the valid range (a page past the end). */
  OUT_OF_RANGE(Status.Code.OUT_OF_RANGE, 400, false, Blame.CALLER),
  /** The method does not exist on this server. */
  UNIMPLEMENTED(Status.Code.UNIMPLEMENTED, 501, false, Blame.CALLER),
  /** A bug on the server: an invariant broke. Details stay in the server's log. */
  INTERNAL(Status.Code.INTERNAL, 500, false, Blame.SERVER),
  /** The server cannot take the call now (down, refusing, an open circuit): transient. */
  UNAVAILABLE(Status.Code.UNAVAILABLE, 503, true, Blame.SERVER),
  /** Unrecoverable data loss. */
  DATA_LOSS(Status.Code.DATA_LOSS, 500, false, Blame.SERVER),
  /** The caller is not authenticated. */
  UNAUTHENTICATED(Status.Code.UNAUTHENTICATED, 401, false, Blame.CALLER);

  /**
   * Whose fault an error is, as far as the health of the server goes: what the circuit breaker
   * records.
   */
  public enum Blame {
    /** The server is unwell: a failure for the breaker. */
    SERVER,
    /** The server answered properly that the request was wrong: a success for the breaker. */
    CALLER,
    /** Nothing is known about the server (the caller gave up): not recorded. */
    NONE
  }

  private static final Map<Status.Code, ErrorCode> BY_GRPC = new EnumMap<>(Status.Code.class);

  static {
    for (ErrorCode code : values()) {
      BY_GRPC.put(code.grpc, code);
    }
  }

  private final Status.Code grpc;
  private final int httpStatus;
  private final boolean retryable;
  private final Blame blame;

  ErrorCode(Status.Code grpc, int httpStatus, boolean retryable, Blame blame) {
    this.grpc = grpc;
    this.httpStatus = httpStatus;
    this.retryable = retryable;
    this.blame = blame;
  }

  /** The gRPC status code. */
  public Status.Code grpc() {
    return grpc;
  }

  /** The HTTP status of the REST answer. */
  public int httpStatus() {
    return httpStatus;
  }

  /** Whether another attempt may succeed (and so is made, for an idempotent method). */
  public boolean retryable() {
    return retryable;
  }

  /** Whether the circuit breaker counts the error against the server. */
  public Blame blame() {
    return blame;
  }

  /**
   * The error code of a gRPC status code.
   *
   * @throws IllegalArgumentException for {@link Status.Code#OK}, which is no error
   */
  public static ErrorCode fromGrpc(Status.Code code) {
    Objects.requireNonNull(code, "code");
    ErrorCode error = BY_GRPC.get(code);
    if (error == null) {
      throw new IllegalArgumentException("not an error: " + code);
    }
    return error;
  }

  /**
   * The best guess for an HTTP error status that came without a code in its body: the table read
   * backwards where it is one-to-one, and the usual readings elsewhere (400 {@code
   * INVALID_ARGUMENT}, 409 {@code ABORTED}, 500 {@code INTERNAL}, 502 {@code UNAVAILABLE}, any
   * other 4xx {@code FAILED_PRECONDITION}, any other 5xx {@code UNKNOWN}).
   *
   * @throws IllegalArgumentException if {@code status} is not in 400..599
   */
  public static ErrorCode fromHttpStatus(int status) {
    if (status < 400 || status > 599) {
      throw new IllegalArgumentException("not an HTTP error status (400..599): " + status);
    }
    return switch (status) {
      case 400 -> INVALID_ARGUMENT;
      case 401 -> UNAUTHENTICATED;
      case 403 -> PERMISSION_DENIED;
      case 404 -> NOT_FOUND;
      case 405, 501 -> UNIMPLEMENTED;
      case 409 -> ABORTED;
      case 429 -> RESOURCE_EXHAUSTED;
      case 499 -> CANCELLED;
      case 500 -> INTERNAL;
      case 502, 503 -> UNAVAILABLE;
      case 504 -> DEADLINE_EXCEEDED;
      default -> status < 500 ? FAILED_PRECONDITION : UNKNOWN;
    };
  }
}
