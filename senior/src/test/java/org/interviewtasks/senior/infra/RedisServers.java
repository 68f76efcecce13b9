package org.interviewtasks.senior.infra;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Gives the test {@code value} independent Redis servers as a {@link RedisNodes} parameter.
 *
 * <p>One group per size is started per test JVM and shared by every test that asks for that size;
 * after each test the extension restarts the nodes the test killed and empties all of them, so
 * tests do not see each other's faults or keys.
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Tag("infra")
@ExtendWith(RedisExtension.class)
public @interface RedisServers {
  /** How many servers, 1 to 16. */
  int value() default 1;
}
