package org.interviewtasks.senior.infra;

import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedElement;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.commons.support.AnnotationSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the server extensions share: finding their annotation, and keeping one server per shape in
 * the root store, so it starts once per test JVM and is closed when the JVM's tests are done.
 */
final class ServerSupport {

  private static final Logger LOG = LoggerFactory.getLogger("org.interviewtasks.senior.infra");
  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(ServerSupport.class);

  private ServerSupport() {}

  /** The annotation on the test method, else on its class or an enclosing class. */
  static <A extends Annotation> A annotation(ExtensionContext context, Class<A> type) {
    Optional<A> found = context.getTestMethod().flatMap(m -> find(m, type));
    for (Class<?> c = context.getRequiredTestClass(); found.isEmpty() && c != null; ) {
      found = find(c, type);
      c = c.getEnclosingClass();
    }
    return found.orElseThrow(
        () ->
            new IllegalStateException(
                "no @" + type.getSimpleName() + " on " + context.getUniqueId()));
  }

  private static <A extends Annotation> Optional<A> find(AnnotatedElement element, Class<A> type) {
    return AnnotationSupport.findAnnotation(element, type);
  }

  /**
   * The server stored under {@code key}, started by {@code start} the first time it is asked for.
   */
  static <T extends AutoCloseable> T shared(
      ExtensionContext context, String key, Class<T> type, Supplier<T> start) {
    return context.getRoot().getStore(NAMESPACE).computeIfAbsent(key, k -> timed(k, start), type);
  }

  /** The server stored under {@code key} if one was started. */
  static <T> Optional<T> existing(ExtensionContext context, String key, Class<T> type) {
    return Optional.ofNullable(context.getRoot().getStore(NAMESPACE).get(key, type));
  }

  private static <T> T timed(String what, Supplier<T> start) {
    InfraSide side = InfraSide.current();
    long begin = System.nanoTime();
    T server = start.get();
    LOG.info(
        "started {} ({}) in {} ms",
        what,
        side.name().toLowerCase(Locale.ROOT),
        Duration.ofNanos(System.nanoTime() - begin).toMillis());
    return server;
  }
}
