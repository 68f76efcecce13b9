package org.interviewtasks.senior.architecture.socialmedia;

/** The AMQP broker did not answer; the message names it. */
public final class BrokerUnreachableException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /**
   * A failure naming the broker.
   *
   * @param message what failed, naming the broker's address and virtual host
   * @param cause the client's exception
   */
  public BrokerUnreachableException(String message, Throwable cause) {
    super(message, cause);
  }
}
