package org.interviewtasks.senior.operations.testkit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Starts the service of {@link #value()} once for the test class, before its first test asks for
 * it, and stops it after the class's last test. Tests (and {@code @BeforeAll} methods) take it as a
 * parameter of type {@link RunningService}, {@link ServiceClient} or {@link java.net.URI} (its base
 * URI).
 *
 * <p>The launcher is created through its constructor, whose parameters Jupiter resolves with the
 * test's own extensions: {@code MyLauncher(RedisNodes redis)} on a class that is also annotated
 * {@code @RedisServers} starts the service on those servers. A nested class uses its enclosing
 * class's service.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(ServiceExtension.class)
public @interface WithService {

  /** Starts the service and its dependencies. */
  Class<? extends ServiceLauncher> value();
}
