package org.interviewtasks.senior.concurrency.messaging;

/** Kafka did not answer at the configured bootstrap servers within the configured time. */
public final class KafkaUnavailableException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /**
   * A failure that names the servers that did not answer.
   *
   * @param message what was tried, naming the bootstrap servers
   * @param cause the client's own exception
   */
  public KafkaUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
