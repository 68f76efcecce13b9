package org.interviewtasks.senior.infra;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Gives the test an AMQP 0-9-1 broker (the protocol of RabbitMQ) as an {@link AmqpEndpoint}
 * parameter, to be spoken to with the RabbitMQ Java client.
 *
 * <p>Embedded, the broker is Apache Qpid Broker-J in this JVM with an in-memory store; with Docker,
 * the official {@code rabbitmq:4} image. Both speak AMQP 0-9-1 (queues, exchanges, bindings,
 * acknowledgements, redelivery); Qpid is not RabbitMQ, so RabbitMQ-only features (quorum queues,
 * streams, most {@code x-} arguments) are out unless a test shows they work on both. One broker per
 * test JVM; a broker a test stopped is started after it.
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Tag("infra")
@ExtendWith(AmqpExtension.class)
public @interface AmqpBroker {}
