package org.interviewtasks.senior.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;
import org.apache.qpid.server.SystemLauncher;
import org.apache.qpid.server.SystemLauncherListener;
import org.apache.qpid.server.model.Broker;
import org.apache.qpid.server.model.Port;
import org.apache.qpid.server.model.SystemConfig;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.testcontainers.rabbitmq.RabbitMQContainer;
import org.testcontainers.utility.DockerImageName;

/** Starts the broker of {@link AmqpBroker}. */
final class AmqpExtension implements ParameterResolver, AfterEachCallback {

  private static final String KEY = "amqp broker";
  private static final String IMAGE = "rabbitmq:4";

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == AmqpEndpoint.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    return ServerSupport.shared(
        context,
        KEY,
        Broker_.class,
        () -> InfraSide.current() == InfraSide.CONTAINERS ? new Container() : new Qpid());
  }

  @Override
  public void afterEach(ExtensionContext context) {
    ServerSupport.existing(context, KEY, Broker_.class)
        .filter(b -> !b.isRunning())
        .ifPresent(AmqpEndpoint::start);
  }

  /** A broker on either side (named so as not to clash with Qpid's {@code Broker}). */
  abstract static class Broker_ implements AmqpEndpoint, AutoCloseable {
    @Override
    public abstract void close();

    @Override
    public String toString() {
      return "AMQP broker at " + endpoint() + ", virtual host " + virtualHost();
    }
  }

  /**
   * Qpid Broker-J in this JVM: in-memory configuration and message store, PLAIN authentication
   * allowed without TLS (loopback only), AMQP 0-9-1 on 127.0.0.1, no broker log files.
   */
  private static final class Qpid extends Broker_ {
    private final Path workDirectory;
    private SystemLauncher launcher;
    private SystemConfig<?> systemConfig;
    private int port;

    Qpid() {
      try {
        workDirectory = Files.createTempDirectory("qpid-");
      } catch (IOException e) {
        throw new UncheckedIOException("cannot create a work directory for Qpid", e);
      }
      launch(0);
      Broker<?> broker = (Broker<?>) systemConfig.getContainer();
      port =
          broker.getPorts().stream()
              .filter(p -> p.getName().equals("AMQP"))
              .mapToInt(Port::getBoundPort)
              .findFirst()
              .orElseThrow();
    }

    private void launch(int amqpPort) {
      URL config =
          Objects.requireNonNull(AmqpExtension.class.getResource("qpid-config.json"), "config");
      Map<String, Object> context = new HashMap<>();
      context.put("qpid.amqp_port", Integer.toString(amqpPort));
      context.put("qpid.work_dir", workDirectory.toString());
      context.put("qpid.broker.defaultPreferenceStoreAttributes", "{\"type\": \"Noop\"}");
      Map<String, Object> attributes = new HashMap<>();
      attributes.put("type", "Memory");
      attributes.put("initialConfigurationLocation", config.toExternalForm());
      attributes.put("startupLoggedToSystemOut", false);
      attributes.put("context", context);
      launcher =
          new SystemLauncher(
              new SystemLauncherListener.DefaultSystemLauncherListener() {
                @Override
                public void onContainerResolve(SystemConfig<?> resolved) {
                  systemConfig = resolved;
                }
              });
      try {
        launcher.startup(attributes);
      } catch (Exception e) {
        throw new IllegalStateException("cannot start Qpid Broker-J", e);
      }
    }

    @Override
    public Endpoint endpoint() {
      return Endpoint.loopback(port);
    }

    @Override
    public String virtualHost() {
      return "default";
    }

    @Override
    public String username() {
      return "guest";
    }

    @Override
    public String password() {
      return "guest";
    }

    @Override
    public synchronized boolean isRunning() {
      return launcher != null;
    }

    @Override
    public synchronized void stop() {
      if (launcher != null) {
        launcher.shutdown();
        launcher = null;
      }
    }

    @Override
    public synchronized void start() {
      if (launcher == null) {
        launch(port);
      }
    }

    @Override
    public synchronized void close() {
      stop();
      try (Stream<Path> paths = Files.walk(workDirectory)) {
        for (Path path : (Iterable<Path>) paths.sorted(Comparator.reverseOrder())::iterator) {
          Files.deleteIfExists(path);
        }
      } catch (IOException e) {
        throw new UncheckedIOException("cannot delete " + workDirectory, e);
      }
    }
  }

  /** The official RabbitMQ image, published on a fixed loopback port so a restart keeps it. */
  private static final class Container extends Broker_ {
    private final RabbitMQContainer rabbit = new RabbitMQContainer(DockerImageName.parse(IMAGE));
    private final int port = FreePorts.free();

    Container() {
      Containerized.bindFixedPort(rabbit, 5672, port);
      rabbit.waitingFor(
          Containerized.loggedAndAnswering(
              ".*Server startup complete.*", 1, port, Containerized.Probe.AMQP));
      rabbit.start();
    }

    @Override
    public Endpoint endpoint() {
      return Endpoint.loopback(port);
    }

    @Override
    public String virtualHost() {
      return "/";
    }

    @Override
    public String username() {
      return rabbit.getAdminUsername();
    }

    @Override
    public String password() {
      return rabbit.getAdminPassword();
    }

    @Override
    public boolean isRunning() {
      return rabbit.isRunning();
    }

    @Override
    public void stop() {
      rabbit.stop();
    }

    @Override
    public void start() {
      if (!rabbit.isRunning()) {
        rabbit.start();
      }
    }

    @Override
    public void close() {
      rabbit.stop();
    }
  }
}
