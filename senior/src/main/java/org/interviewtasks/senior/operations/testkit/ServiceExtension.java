package org.interviewtasks.senior.operations.testkit;

import java.lang.reflect.Constructor;
import java.net.URI;
import java.util.Optional;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The extension behind {@link WithService}: starts the service lazily in the store of the test
 * class that carries the annotation, so Jupiter closes it when that class is done.
 */
final class ServiceExtension implements ParameterResolver {

  private static final Logger LOG = LoggerFactory.getLogger(ServiceExtension.class);
  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(ServiceExtension.class);

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    Class<?> type = parameter.getParameter().getType();
    return type == RunningService.class || type == ServiceClient.class || type == URI.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    Started started = started(context);
    Class<?> type = parameter.getParameter().getType();
    if (type == RunningService.class) {
      return started.service;
    }
    return type == ServiceClient.class ? started.client : started.service.baseUri();
  }

  private static Started started(ExtensionContext context) {
    Class<?> annotated =
        annotatedClass(context.getRequiredTestClass())
            .orElseThrow(
                () ->
                    new ExtensionConfigurationException(
                        "no @WithService on " + context.getRequiredTestClass().getName()));
    ExtensionContext owner = context;
    while (owner.getTestMethod().isPresent() || owner.getTestClass().orElse(null) != annotated) {
      owner = owner.getParent().orElseThrow(() -> new IllegalStateException("no class context"));
    }
    Class<? extends ServiceLauncher> launcher =
        AnnotationSupport.findAnnotation(annotated, WithService.class).orElseThrow().value();
    ExtensionContext store = owner;
    return store
        .getStore(NAMESPACE)
        .computeIfAbsent(launcher, k -> start(store, launcher), Started.class);
  }

  private static Optional<Class<?>> annotatedClass(Class<?> testClass) {
    for (Class<?> c = testClass; c != null; c = c.getEnclosingClass()) {
      if (AnnotationSupport.isAnnotated(c, WithService.class)) {
        return Optional.of(c);
      }
    }
    return Optional.empty();
  }

  private static Started start(ExtensionContext context, Class<? extends ServiceLauncher> type) {
    Constructor<?>[] constructors = type.getDeclaredConstructors();
    if (constructors.length != 1) {
      throw new ExtensionConfigurationException(
          type.getName() + " must have exactly one constructor, has " + constructors.length);
    }
    ServiceLauncher launcher = type.cast(context.getExecutableInvoker().invoke(constructors[0]));
    long begin = System.nanoTime();
    RunningService service;
    try {
      service = launcher.start();
    } catch (Exception e) {
      throw new ParameterResolutionException(type.getName() + " could not start: " + e, e);
    }
    LOG.info(
        "started {} at {} in {} ms",
        type.getSimpleName(),
        service.baseUri(),
        (System.nanoTime() - begin) / 1_000_000);
    return new Started(service, new ServiceClient(service.baseUri()));
  }

  /** A running service and a client for it; closing closes both. */
  private record Started(RunningService service, ServiceClient client) implements AutoCloseable {
    @Override
    public void close() {
      try (service) {
        client.close();
      }
    }
  }
}
