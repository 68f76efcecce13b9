package org.interviewtasks.senior.operations.testkit;

import java.lang.reflect.Constructor;
import java.net.URI;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Objects;
import java.util.Optional;
import org.junit.platform.engine.ConfigurationParameters;
import org.junit.platform.engine.support.hierarchical.EngineExecutionContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One execution of the contract engine: the service under test and a client for it, both made on
 * the first case that needs them (a run whose cases were all filtered out starts nothing), and
 * closed at the end of the run. A service that fails to start fails every case with that cause,
 * started once, not once per case.
 */
final class ContractRun implements EngineExecutionContext, AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(ContractRun.class);

  private final ConfigurationParameters configuration;
  private ServiceClient client;
  private RunningService service;
  private RuntimeException failure;

  ContractRun(ConfigurationParameters configuration) {
    this.configuration = Objects.requireNonNull(configuration, "configuration");
  }

  /**
   * The client for the service under test.
   *
   * @throws IllegalStateException if neither parameter names a service, or it did not start
   */
  synchronized ServiceClient client() {
    if (failure != null) {
      throw failure;
    }
    if (client == null) {
      try {
        client = new ServiceClient(baseUri(), timeout());
      } catch (RuntimeException e) {
        failure = e;
        throw e;
      }
    }
    return client;
  }

  private Duration timeout() {
    Optional<String> value = configuration.get(TestingFramework.CONTRACT_TIMEOUT);
    if (value.isEmpty()) {
      return ServiceClient.DEFAULT_TIMEOUT;
    }
    try {
      return Duration.parse(value.get());
    } catch (DateTimeParseException e) {
      throw new IllegalStateException(
          TestingFramework.CONTRACT_TIMEOUT
              + " must be an ISO-8601 duration such as PT10S: "
              + value.get(),
          e);
    }
  }

  private URI baseUri() {
    Optional<String> baseUri = configuration.get(TestingFramework.CONTRACT_BASE_URI);
    if (baseUri.isPresent()) {
      try {
        return ServiceClient.checkBaseUri(URI.create(baseUri.get().strip()));
      } catch (IllegalArgumentException e) {
        throw new IllegalStateException(
            TestingFramework.CONTRACT_BASE_URI + " is not a usable base URI: " + e.getMessage(), e);
      }
    }
    Optional<String> launcher = configuration.get(TestingFramework.CONTRACT_LAUNCHER);
    if (launcher.isEmpty()) {
      throw new IllegalStateException(
          "no service to test: set the configuration parameter "
              + TestingFramework.CONTRACT_BASE_URI
              + "=http://host:port for a running one, or "
              + TestingFramework.CONTRACT_LAUNCHER
              + "=<class implementing "
              + ServiceLauncher.class.getName()
              + "> to start one");
    }
    service = start(launcher.get().strip());
    return service.baseUri();
  }

  private static RunningService start(String className) {
    ServiceLauncher launcher;
    try {
      Class<?> type =
          Class.forName(className, true, Thread.currentThread().getContextClassLoader());
      if (!ServiceLauncher.class.isAssignableFrom(type)) {
        throw new IllegalStateException(
            TestingFramework.CONTRACT_LAUNCHER
                + ": "
                + className
                + " does not implement "
                + ServiceLauncher.class.getName());
      }
      Constructor<?> constructor = type.getDeclaredConstructor();
      constructor.setAccessible(true);
      launcher = (ServiceLauncher) constructor.newInstance();
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException(
          TestingFramework.CONTRACT_LAUNCHER + ": no class " + className, e);
    } catch (NoSuchMethodException e) {
      throw new IllegalStateException(
          TestingFramework.CONTRACT_LAUNCHER
              + ": "
              + className
              + " needs a constructor without parameters",
          e);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(
          TestingFramework.CONTRACT_LAUNCHER + ": cannot create " + className + ": " + e, e);
    }
    long begin = System.nanoTime();
    try {
      RunningService started = launcher.start();
      LOG.info(
          "contract run: started {} at {} in {} ms",
          className,
          started.baseUri(),
          (System.nanoTime() - begin) / 1_000_000);
      return started;
    } catch (Exception e) {
      throw new IllegalStateException(className + " could not start the service: " + e, e);
    }
  }

  /** Closes the client and stops the service, if they were made. */
  @Override
  public synchronized void close() {
    try {
      if (client != null) {
        client.close();
      }
    } finally {
      if (service != null) {
        service.close();
      }
      client = null;
      service = null;
    }
  }
}
