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
   * The server stored under {@code key}, started by {@code start} the first time it is asked for,
   * on the JVM's side ({@link InfraSide#current()}).
   */
  static <T extends AutoCloseable> T shared(
      ExtensionContext context, String key, Class<T> type, Supplier<T> start) {
    return shared(context, key, type, InfraSide.current(), start);
  }

  /**
   * The server stored under {@code key}, started by {@code start} the first time it is asked for,
   * on {@code side}: the side this server really runs on, which the start-up log names (a server
   * that stays embedded on a JVM whose side is containers is logged as embedded).
   */
  static <T extends AutoCloseable> T shared(
      ExtensionContext context, String key, Class<T> type, InfraSide side, Supplier<T> start) {
    return context
        .getRoot()
        .getStore(NAMESPACE)
        .computeIfAbsent(key, k -> timed(k, side, start), type);
  }

  /** The server stored under {@code key} if one was started. */
  static <T> Optional<T> existing(ExtensionContext context, String key, Class<T> type) {
    return Optional.ofNullable(context.getRoot().getStore(NAMESPACE).get(key, type));
  }

  private static <T> T timed(String what, InfraSide side, Supplier<T> start) {
    long begin = System.nanoTime();
    T server = start.get();
    LOG.info("{}", startedLine(what, side, Duration.ofNanos(System.nanoTime() - begin)));
    return server;
  }

  /** The start-up log line: {@code started <what> (<side>) in <n> ms}. */
  static String startedLine(String what, InfraSide side, Duration took) {
    return "started "
        + what
        + " ("
        + side.name().toLowerCase(Locale.ROOT)
        + ") in "
        + took.toMillis()
        + " ms";
  }
}
