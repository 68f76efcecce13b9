package org.interviewtasks.senior.infra;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Gives the test a ZooKeeper ensemble of {@code value} servers as a {@link ZooKeeperNodes}
 * parameter: 1 for a single server, 3 for an ensemble that survives one failure.
 *
 * <p>ZooKeeper always runs embedded (Curator's testing servers), even when Docker is available: an
 * in-JVM ensemble starts in well under a second and can lose a server on demand. One ensemble per
 * size is shared per test JVM; after each test the servers a test killed are restarted.
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Tag("infra")
@ExtendWith(ZooKeeperExtension.class)
public @interface ZooKeeperEnsemble {
  /** How many servers, 1 to 7. */
  int value() default 3;
}
