package org.interviewtasks.senior.advanced.events;

import java.nio.charset.StandardCharsets;
import java.util.Objects;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/**
 * Why an event was put on the dead-letter topic, read back from the record's headers.
 *
 * @param reason the kind of failure
 * @param error what failed, e.g. the handler's exception class and message
 * @param attempts how many times a handler ran (0 when the event could not be read)
 * @param originalTopic the topic the event was read from
 * @param originalPartition its partition there
 * @param originalOffset its offset there
 * @param eventId the event's id, or {@code null} if it had none
 */
public record DeadLetter(
    Reason reason,
    String error,
    int attempts,
    String originalTopic,
    int originalPartition,
    long originalOffset,
    String eventId) {

  /** The kinds of failure that send an event to the dead-letter topic. */
  public enum Reason {
    /** No id, type or version header, or a payload that is not the type's JSON. */
    MALFORMED,
    /** A type name that no registration knows. */
    UNKNOWN_TYPE,
    /** A schema version newer than the one this consumer reads. */
    UNSUPPORTED_VERSION,
    /** The handler failed on every one of the allowed attempts. */
    HANDLER_FAILED
  }

  /** Checks the parts. */
  public DeadLetter {
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(error, "error");
    Objects.requireNonNull(originalTopic, "originalTopic");
  }

  /**
   * Reads the headers of a dead-letter record.
   *
   * @throws IllegalArgumentException if a dead-letter header is missing or not a number
   */
  public static DeadLetter from(Headers headers) {
    Objects.requireNonNull(headers, "headers");
    return new DeadLetter(
        Reason.valueOf(required(headers, EventHeaders.DLT_REASON)),
        required(headers, EventHeaders.DLT_ERROR),
        Integer.parseInt(required(headers, EventHeaders.ATTEMPT)),
        required(headers, EventHeaders.DLT_TOPIC),
        Integer.parseInt(required(headers, EventHeaders.DLT_PARTITION)),
        Long.parseLong(required(headers, EventHeaders.DLT_OFFSET)),
        EventHeaders.text(headers, EventHeaders.EVENT_ID));
  }

  private static String required(Headers headers, String name) {
    Header header = headers.lastHeader(name);
    if (header == null || header.value() == null) {
      throw new IllegalArgumentException("not a dead letter: no header " + name);
    }
    return new String(header.value(), StandardCharsets.UTF_8);
  }
}
