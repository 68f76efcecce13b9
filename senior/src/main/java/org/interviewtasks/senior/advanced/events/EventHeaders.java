package org.interviewtasks.senior.advanced.events;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/**
 * The record headers of the event bus: the envelope travels in headers, the payload is the event's
 * JSON alone, so a consumer can route, dead-letter or skip a record without parsing it.
 */
public final class EventHeaders {
  /** A unique id per event (a UUID unless the publisher gives one): the idempotency key. */
  public static final String EVENT_ID = "event-id";

  /** The registered name of the event type, e.g. {@code account.deposited}. */
  public static final String EVENT_TYPE = "event-type";

  /** The schema version the payload was written with, a decimal integer from 1. */
  public static final String SCHEMA_VERSION = "schema-version";

  /** The attempt this delivery is (1 on the main topic); on a dead letter, the attempts made. */
  public static final String ATTEMPT = "attempt";

  /** On the retry topic: epoch milliseconds before which the event is not retried. */
  public static final String RETRY_AT = "retry-at";

  /** On the dead-letter topic: a {@link DeadLetter.Reason} name. */
  public static final String DLT_REASON = "dlt-reason";

  /** On the dead-letter topic: what failed. */
  public static final String DLT_ERROR = "dlt-error";

  /** On the dead-letter topic: the topic the event was read from. */
  public static final String DLT_TOPIC = "dlt-original-topic";

  /** On the dead-letter topic: the partition the event was read from. */
  public static final String DLT_PARTITION = "dlt-original-partition";

  /** On the dead-letter topic: the offset the event was read from. */
  public static final String DLT_OFFSET = "dlt-original-offset";

  private EventHeaders() {}

  /** The last header of that name as UTF-8 text, or {@code null} if there is none. */
  static String text(Headers headers, String name) {
    Header header = headers.lastHeader(name);
    return header == null || header.value() == null
        ? null
        : new String(header.value(), StandardCharsets.UTF_8);
  }

  /** Replaces every header of that name with one holding {@code value} as UTF-8. */
  static void put(Headers headers, String name, String value) {
    headers.remove(name);
    headers.add(name, value.getBytes(StandardCharsets.UTF_8));
  }
}
