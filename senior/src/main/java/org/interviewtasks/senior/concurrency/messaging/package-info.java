/**
 * senior.concurrency.5: high-throughput message processing through Kafka (batching, compression, a
 * consumer group with cooperative rebalancing, manual commits or transactions) and the same
 * pipeline brokerless over ZeroMQ; the entry class is {@link
 * org.interviewtasks.senior.concurrency.messaging.MessageProcessing}.
 */
package org.interviewtasks.senior.concurrency.messaging;
