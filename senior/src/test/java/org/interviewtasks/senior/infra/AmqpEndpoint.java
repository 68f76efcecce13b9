package org.interviewtasks.senior.infra;

import com.rabbitmq.client.ConnectionFactory;

/** An AMQP 0-9-1 broker a test may connect to and restart. */
public interface AmqpEndpoint {

  /** Where the broker listens. */
  Endpoint endpoint();

  /** The virtual host to use ({@code default} on Qpid, {@code /} on RabbitMQ). */
  String virtualHost();

  /** The user name. */
  String username();

  /** The password. */
  String password();

  /** Whether the broker runs. */
  boolean isRunning();

  /** Stops the broker: every connection drops. */
  void stop();

  /** Starts the broker again on the same endpoint. */
  void start();

  /** A RabbitMQ client factory set up for this broker (loopback, credentials, virtual host). */
  default ConnectionFactory connectionFactory() {
    ConnectionFactory factory = new ConnectionFactory();
    factory.setHost(endpoint().host());
    factory.setPort(endpoint().port());
    factory.setVirtualHost(virtualHost());
    factory.setUsername(username());
    factory.setPassword(password());
    factory.setAutomaticRecoveryEnabled(false);
    return factory;
  }
}
