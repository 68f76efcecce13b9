package org.interviewtasks.senior.advanced.microservices;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.io.Serial;
import java.util.Objects;

/**
 * A service error: a {@link ErrorCode code} from the one table and a message for the caller. The
 * same exception is thrown by a handler on the server, travels as a gRPC status or an HTTP
 * problem-details answer, and is thrown again by the client with the same code and message.
 *
 * <p>An error is <i>local</i> when this client raised it without reaching the server (an open
 * circuit, a full bulkhead, a deadline spent before sending): a local error is never retried and
 * never counted by the circuit breaker.
 */
public final class ServiceException extends RuntimeException {

  @Serial private static final long serialVersionUID = 1L;

  /** The longest message kept; longer ones are cut, so a huge input cannot make a huge answer. */
  public static final int MAX_MESSAGE = 1_000;

  private final ErrorCode code;
  private final boolean local;

  private ServiceException(ErrorCode code, String message, boolean local, Throwable cause) {
    super(clip(message), cause);
    this.code = code;
    this.local = local;
  }

  /**
   * An error raised by a service (or received from one).
   *
   * @param code what went wrong
   * @param message what to tell the caller: never a secret, a stack trace or internal state
   */
  public static ServiceException of(ErrorCode code, String message) {
    return new ServiceException(
        Objects.requireNonNull(code, "code"),
        Objects.requireNonNull(message, "message"),
        false,
        null);
  }

  /** An error of this client's own making, raised before the server was reached. */
  static ServiceException local(ErrorCode code, String message) {
    return new ServiceException(code, message, true, null);
  }

  /** An error with a cause (e.g. the I/O failure behind an {@code UNAVAILABLE}). */
  static ServiceException of(ErrorCode code, String message, Throwable cause) {
    return new ServiceException(code, message, false, cause);
  }

  /** {@link ErrorCode#INVALID_ARGUMENT}. */
  public static ServiceException invalidArgument(String message) {
    return of(ErrorCode.INVALID_ARGUMENT, message);
  }

  /** {@link ErrorCode#NOT_FOUND}. */
  public static ServiceException notFound(String message) {
    return of(ErrorCode.NOT_FOUND, message);
  }

  /** {@link ErrorCode#UNAVAILABLE}. */
  public static ServiceException unavailable(String message) {
    return of(ErrorCode.UNAVAILABLE, message);
  }

  /**
   * The service error a gRPC status stands for, keeping the server's description.
   *
   * @throws IllegalArgumentException if the status is {@code OK}
   */
  public static ServiceException fromStatus(Status status) {
    Objects.requireNonNull(status, "status");
    ErrorCode code = ErrorCode.fromGrpc(status.getCode());
    String description = status.getDescription();
    return new ServiceException(
        code, description == null ? code.name() : description, false, status.getCause());
  }

  /** The error as a gRPC status, ready to pass to {@code StreamObserver.onError}. */
  public StatusRuntimeException toStatusException() {
    return Status.fromCode(code.grpc()).withDescription(getMessage()).asRuntimeException();
  }

  /** What went wrong. */
  public ErrorCode code() {
    return code;
  }

  /** Whether this client raised the error itself, without reaching the server. */
  public boolean local() {
    return local;
  }

  private static String clip(String message) {
    if (message.length() <= MAX_MESSAGE) {
      return message;
    }
    // Never cut a surrogate pair in two: the kept text stays valid Unicode.
    int end =
        Character.isHighSurrogate(message.charAt(MAX_MESSAGE - 1)) ? MAX_MESSAGE - 1 : MAX_MESSAGE;
    return message.substring(0, end) + "…";
  }
}
