package org.interviewtasks.senior.architecture.socialmedia;

import com.rabbitmq.client.ConnectionFactory;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a service reads from its environment: where the AMQP broker is and where to serve HTTP. The
 * names are {@link #ENVIRONMENT}; the Kubernetes manifests provide exactly these (a ConfigMap and a
 * Secret), which a test checks.
 *
 * @param amqpHost the broker's host
 * @param amqpPort the broker's AMQP port, 1 to 65535
 * @param virtualHost the broker's virtual host
 * @param username the broker user
 * @param password the broker password
 * @param httpHost the address the HTTP server binds ({@code 0.0.0.0} in a container)
 * @param httpPort the HTTP port, 0 (any free port) to 65535
 */
public record ServiceConfig(
    String amqpHost,
    int amqpPort,
    String virtualHost,
    String username,
    String password,
    String httpHost,
    int httpPort) {

  /** The broker's host. */
  public static final String AMQP_HOST = "AMQP_HOST";

  /** The broker's port, default 5672. */
  public static final String AMQP_PORT = "AMQP_PORT";

  /** The virtual host, default {@code /}. */
  public static final String AMQP_VHOST = "AMQP_VHOST";

  /** The broker user. */
  public static final String AMQP_USER = "AMQP_USER";

  /** The broker password. */
  public static final String AMQP_PASSWORD = "AMQP_PASSWORD";

  /** The HTTP bind address, default {@code 0.0.0.0}. */
  public static final String HTTP_HOST = "HTTP_HOST";

  /** The HTTP port, default {@link #DEFAULT_HTTP_PORT}. */
  public static final String HTTP_PORT = "HTTP_PORT";

  /** Every variable a service reads. */
  public static final List<String> ENVIRONMENT =
      List.of(AMQP_HOST, AMQP_PORT, AMQP_VHOST, AMQP_USER, AMQP_PASSWORD, HTTP_HOST, HTTP_PORT);

  /** The HTTP port of every service in its container. */
  public static final int DEFAULT_HTTP_PORT = 8080;

  /**
   * Checks the parts.
   *
   * @throws IllegalArgumentException naming the bad value and its limit
   */
  public ServiceConfig {
    Objects.requireNonNull(amqpHost, "amqpHost");
    Objects.requireNonNull(virtualHost, "virtualHost");
    Objects.requireNonNull(username, "username");
    Objects.requireNonNull(password, "password");
    Objects.requireNonNull(httpHost, "httpHost");
    if (amqpHost.isBlank()) {
      throw new IllegalArgumentException(AMQP_HOST + " is blank");
    }
    if (amqpPort < 1 || amqpPort > 65_535) {
      throw new IllegalArgumentException(AMQP_PORT + " must be 1..65535: " + amqpPort);
    }
    if (httpPort < 0 || httpPort > 65_535) {
      throw new IllegalArgumentException(HTTP_PORT + " must be 0..65535: " + httpPort);
    }
  }

  /**
   * The config from environment variables.
   *
   * @throws IllegalArgumentException naming a variable that is missing or malformed
   */
  public static ServiceConfig fromEnvironment(Map<String, String> env) {
    Objects.requireNonNull(env, "env");
    return new ServiceConfig(
        required(env, AMQP_HOST),
        port(env, AMQP_PORT, 5672),
        env.getOrDefault(AMQP_VHOST, "/"),
        required(env, AMQP_USER),
        required(env, AMQP_PASSWORD),
        env.getOrDefault(HTTP_HOST, "0.0.0.0"),
        port(env, HTTP_PORT, DEFAULT_HTTP_PORT));
  }

  private static String required(Map<String, String> env, String name) {
    String value = env.get(name);
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("environment variable " + name + " is not set");
    }
    return value;
  }

  private static int port(Map<String, String> env, String name, int fallback) {
    String value = env.get(name);
    if (value == null || value.isBlank()) {
      return fallback;
    }
    try {
      return Integer.parseInt(value.strip());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(name + " is not a port number: \"" + value + "\"", e);
    }
  }

  /** This config with another HTTP address and port (tests: 127.0.0.1 and 0). */
  public ServiceConfig withHttp(String host, int port) {
    return new ServiceConfig(amqpHost, amqpPort, virtualHost, username, password, host, port);
  }

  /** {@code host:port/vhost} of the broker, for messages. */
  public String broker() {
    return amqpHost + ":" + amqpPort + " (virtual host " + virtualHost + ")";
  }

  /**
   * A client factory for the broker with automatic recovery: after the broker or the network comes
   * back, the client reconnects and declares again the exchanges, queues, bindings and consumers it
   * had declared.
   */
  ConnectionFactory connectionFactory() {
    ConnectionFactory factory = new ConnectionFactory();
    factory.setHost(amqpHost);
    factory.setPort(amqpPort);
    factory.setVirtualHost(virtualHost);
    factory.setUsername(username);
    factory.setPassword(password);
    factory.setConnectionTimeout(5_000);
    factory.setAutomaticRecoveryEnabled(true);
    factory.setTopologyRecoveryEnabled(true);
    factory.setNetworkRecoveryInterval(250);
    factory.setRequestedHeartbeat(10);
    return factory;
  }

  /** Hides the password. */
  @Override
  public String toString() {
    return "ServiceConfig[broker="
        + broker()
        + ", user="
        + username
        + ", http="
        + httpHost
        + ":"
        + httpPort
        + "]";
  }
}
