package org.interviewtasks.senior.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.GetResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The AMQP extension hands out a working broker: messages are routed, consumed, and redelivered
 * when a consumer dies before acknowledging.
 */
@AmqpBroker
class AmqpExtensionTest {

  record Delivery(String body, boolean redelivered, long tag) {}

  @Test
  void routesAPublishedMessageToAConsumer(AmqpEndpoint amqp) throws Exception {
    try (Connection connection = amqp.connectionFactory().newConnection();
        Channel channel = connection.createChannel()) {
      channel.exchangeDeclare("orders", "direct", false, true, null);
      String queue = channel.queueDeclare("orders.eu", false, false, true, null).getQueue();
      channel.queueBind(queue, "orders", "eu");
      BlockingQueue<Delivery> received = new ArrayBlockingQueue<>(10);
      channel.basicConsume(
          queue,
          true,
          (tag, delivery) ->
              received.add(
                  new Delivery(
                      new String(delivery.getBody(), StandardCharsets.UTF_8),
                      delivery.getEnvelope().isRedeliver(),
                      delivery.getEnvelope().getDeliveryTag())),
          tag -> {});

      channel.basicPublish(
          "orders", "eu", null, "commande n° 1 €".getBytes(StandardCharsets.UTF_8));
      channel.basicPublish("orders", "us", null, "unrouted".getBytes(StandardCharsets.UTF_8));

      Delivery delivery = received.poll(10, TimeUnit.SECONDS);
      assertThat(delivery).isNotNull();
      assertThat(delivery.body()).isEqualTo("commande n° 1 €");
      assertThat(delivery.redelivered()).isFalse();
      assertThat(received.poll(200, TimeUnit.MILLISECONDS)).isNull();
    }
  }

  @Test
  void redeliversAMessageWhoseConsumerDiedBeforeAcknowledging(AmqpEndpoint amqp) throws Exception {
    try (Connection owner = amqp.connectionFactory().newConnection();
        Channel setup = owner.createChannel()) {
      setup.queueDeclare("work", true, false, false, null);
      setup.queuePurge("work");
      setup.basicPublish("", "work", null, "job-1".getBytes(StandardCharsets.UTF_8));

      BlockingQueue<Delivery> firstConsumer = new ArrayBlockingQueue<>(1);
      Connection doomed = amqp.connectionFactory().newConnection();
      Channel doomedChannel = doomed.createChannel();
      doomedChannel.basicQos(1);
      doomedChannel.basicConsume(
          "work",
          false,
          (tag, d) ->
              firstConsumer.add(
                  new Delivery(
                      new String(d.getBody(), StandardCharsets.UTF_8),
                      d.getEnvelope().isRedeliver(),
                      d.getEnvelope().getDeliveryTag())),
          tag -> {});
      Delivery first = firstConsumer.poll(10, TimeUnit.SECONDS);
      assertThat(first).isNotNull();
      assertThat(first.body()).isEqualTo("job-1");
      assertThat(first.redelivered()).isFalse();

      doomed.abort(); // the consumer dies without acknowledging

      try (Channel survivor = owner.createChannel()) {
        GetResponse again = pollQueue(survivor, "work");
        assertThat(new String(again.getBody(), StandardCharsets.UTF_8)).isEqualTo("job-1");
        assertThat(again.getEnvelope().isRedeliver()).isTrue();
        survivor.basicAck(again.getEnvelope().getDeliveryTag(), false);
        assertThat(survivor.basicGet("work", false)).isNull();
      }
      setup.queueDelete("work");
    }
  }

  @Test
  void aStoppedBrokerRefusesConnectionsAndComesBackOnTheSameEndpoint(AmqpEndpoint amqp)
      throws Exception {
    Endpoint before = amqp.endpoint();

    amqp.stop();

    assertThat(amqp.isRunning()).isFalse();
    assertThatThrownBy(() -> amqp.connectionFactory().newConnection())
        .isInstanceOf(IOException.class);

    amqp.start();

    assertThat(amqp.endpoint()).isEqualTo(before);
    try (Connection connection = amqp.connectionFactory().newConnection()) {
      assertThat(connection.isOpen()).isTrue();
    }
  }

  /** basicGet until the broker has requeued the message (it does so when it sees the close). */
  private static GetResponse pollQueue(Channel channel, String queue) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    GetResponse response = channel.basicGet(queue, false);
    while (response == null && System.nanoTime() < deadline) {
      Thread.onSpinWait();
      response = channel.basicGet(queue, false);
    }
    assertThat(response).as("redelivered message").isNotNull();
    return response;
  }
}
