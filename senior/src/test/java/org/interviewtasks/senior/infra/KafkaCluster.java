package org.interviewtasks.senior.infra;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Gives the test a Kafka cluster in KRaft mode (no ZooKeeper) as a {@link KafkaNodes} parameter:
 * {@code brokers = 1} is a single node that is both controller and broker; more brokers run beside
 * one separate controller (a combined multi-node cluster hangs on close in Kafka 4.1).
 *
 * <p>Embedded, the cluster runs in this JVM through Kafka's own test kit; with Docker, a single
 * node is the official {@code apache/kafka} image, while a multi-broker cluster stays embedded
 * (several containers would need their own network and listener setup for no gain in realism). One
 * cluster per shape is shared per test JVM; brokers a test stopped are started after it.
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Tag("infra")
@ExtendWith(KafkaExtension.class)
public @interface KafkaCluster {
  /** How many brokers, 1 to 5. */
  int brokers() default 1;
}
