package org.interviewtasks.senior.operations.monitoring;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.OutputStreamAppender;
import ch.qos.logback.core.joran.spi.JoranException;
import java.io.OutputStream;
import java.net.URL;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.MDC;

/**
 * Logback contexts that write ECS JSON lines ({@link EcsJsonEncoder}), standing apart from whatever
 * backend SLF4J bound to. A process whose SLF4J backend is Logback configures it the usual way
 * instead ({@code -Dlogback.configurationFile=.../logback-ecs.xml}, as the container does); these
 * contexts serve the demo, the tests, and code that must log JSON beside another backend.
 *
 * <p>A context shares the MDC of the bound SLF4J backend, so {@code MDC.put} by the service (its
 * trace ids) reaches the lines these contexts write.
 */
public final class JsonLogging {

  /** The Logback configuration in this package: JSON lines to {@code ${LOG_DIR}/app.ndjson}. */
  public static final String CONFIG = "logback-ecs.xml";

  private JsonLogging() {}

  /** A context whose root logger (INFO and up) writes one JSON line per event to {@code out}. */
  public static LoggerContext toStream(String serviceName, OutputStream out) {
    Objects.requireNonNull(serviceName, "serviceName");
    Objects.requireNonNull(out, "out");
    LoggerContext context = newContext();
    EcsJsonEncoder encoder = new EcsJsonEncoder();
    encoder.setContext(context);
    encoder.setServiceName(serviceName);
    encoder.start();
    OutputStreamAppender<ILoggingEvent> appender = new OutputStreamAppender<>();
    appender.setContext(context);
    appender.setName("json");
    appender.setEncoder(encoder);
    appender.setOutputStream(out);
    appender.start();
    ch.qos.logback.classic.Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
    root.setLevel(Level.INFO);
    root.addAppender(appender);
    return context;
  }

  /**
   * A context configured from a Logback file such as {@link #CONFIG}, with {@code properties} (e.g.
   * {@code LOG_DIR}, {@code SERVICE_NAME}) set before it is read.
   *
   * @throws IllegalArgumentException if the configuration is malformed
   */
  public static LoggerContext fromConfig(URL config, Map<String, String> properties) {
    Objects.requireNonNull(config, "config");
    Objects.requireNonNull(properties, "properties");
    LoggerContext context = newContext();
    properties.forEach(context::putProperty);
    JoranConfigurator configurator = new JoranConfigurator();
    configurator.setContext(context);
    try {
      configurator.doConfigure(config);
    } catch (JoranException e) {
      throw new IllegalArgumentException("malformed Logback configuration " + config, e);
    }
    return context;
  }

  private static LoggerContext newContext() {
    LoggerContext context = new LoggerContext();
    context.setName("ecs-json");
    context.setMDCAdapter(MDC.getMDCAdapter());
    context.start();
    return context;
  }
}
