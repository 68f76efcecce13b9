package org.interviewtasks.senior.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The Kafka extension hands out working clusters: what was acknowledged before a broker restart is
 * still there after it, in order.
 */
class KafkaExtensionTest {

  static void createTopic(KafkaNodes kafka, String topic, int replication)
      throws ExecutionException, InterruptedException {
    try (Admin admin = Admin.create(Map.of("bootstrap.servers", kafka.bootstrapServers()))) {
      NewTopic newTopic =
          new NewTopic(topic, 1, (short) replication)
              .configs(Map.of("min.insync.replicas", Integer.toString(Math.min(2, replication))));
      admin.createTopics(List.of(newTopic)).all().get();
    }
  }

  static KafkaProducer<String, String> producer(KafkaNodes kafka) {
    Properties props = new Properties();
    props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
    props.put(ProducerConfig.ACKS_CONFIG, "all");
    props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 60_000);
    return new KafkaProducer<>(props, new StringSerializer(), new StringSerializer());
  }

  static void send(KafkaProducer<String, String> producer, String topic, int from, int to)
      throws ExecutionException, InterruptedException {
    for (int i = from; i < to; i++) {
      producer.send(new ProducerRecord<>(topic, "k" + i, "message " + i)).get();
    }
  }

  static List<String> readAll(KafkaNodes kafka, String topic, int expected) {
    Properties props = new Properties();
    props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
    props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    List<String> values = new ArrayList<>();
    try (KafkaConsumer<String, String> consumer =
        new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer())) {
      consumer.assign(List.of(new TopicPartition(topic, 0)));
      long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
      while (values.size() < expected && System.nanoTime() < deadline) {
        for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
          values.add(record.value());
        }
      }
    }
    return values;
  }

  static List<String> messages(int count) {
    List<String> expected = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      expected.add("message " + i);
    }
    return expected;
  }

  @Nested
  @KafkaCluster
  class SingleNode {

    @Test
    void keepsAcknowledgedMessagesAcrossABrokerRestart(KafkaNodes kafka) throws Exception {
      assertThat(kafka.brokerIds()).hasSize(1);
      createTopic(kafka, "single-restart", 1);
      try (KafkaProducer<String, String> producer = producer(kafka)) {
        send(producer, "single-restart", 0, 50);
      }

      kafka.restartBroker(kafka.brokerIds().get(0));

      try (KafkaProducer<String, String> producer = producer(kafka)) {
        send(producer, "single-restart", 50, 100);
      }
      assertThat(readAll(kafka, "single-restart", 100)).containsExactlyElementsOf(messages(100));
    }
  }

  @Nested
  @KafkaCluster(brokers = 3)
  class ThreeBrokers {

    @Test
    void keepsProducingAndLosesNothingWhileABrokerIsDown(KafkaNodes kafka) throws Exception {
      assertThat(kafka.brokerIds()).hasSize(3);
      createTopic(kafka, "three-restart", 3);
      try (KafkaProducer<String, String> producer = producer(kafka)) {
        send(producer, "three-restart", 0, 50);
        int victim = kafka.brokerIds().get(1);

        kafka.stopBroker(victim);

        assertThat(kafka.isRunning(victim)).isFalse();
        send(producer, "three-restart", 50, 100);
        kafka.startBroker(victim);
        send(producer, "three-restart", 100, 150);
      }

      assertThat(readAll(kafka, "three-restart", 150)).containsExactlyElementsOf(messages(150));
    }
  }
}
