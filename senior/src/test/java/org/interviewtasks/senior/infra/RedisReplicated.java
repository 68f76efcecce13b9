package org.interviewtasks.senior.infra;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Gives the test a Redis primary with {@code replicas} replicas as a {@link RedisReplicaSet}
 * parameter: node 0 is the primary. Shared per JVM and healed after each test like {@link
 * RedisServers}.
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Tag("infra")
@ExtendWith(RedisExtension.class)
public @interface RedisReplicated {
  /** How many replicas, 1 to 8. */
  int replicas() default 2;
}
