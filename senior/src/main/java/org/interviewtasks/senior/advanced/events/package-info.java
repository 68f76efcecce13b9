/**
 * senior.advanced.8: typed events over Kafka, at-least-once delivery made exactly-once in effect by
 * idempotent handlers, with a retry topic and a dead-letter topic; the entry class is {@link
 * org.interviewtasks.senior.advanced.events.EventDrivenSystem}.
 */
package org.interviewtasks.senior.advanced.events;
