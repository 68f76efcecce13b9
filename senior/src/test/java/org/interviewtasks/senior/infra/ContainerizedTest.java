package org.interviewtasks.senior.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.rabbitmq.RabbitMQContainer;
import org.testcontainers.utility.DockerImageName;

/** The container side's set-up, checked without a Docker engine (nothing is started here). */
class ContainerizedTest {

  @Test
  void aFixedPortIsTheOnlyExposedOneSoTestcontainersWaitsForNoOther() {
    try (RabbitMQContainer rabbit = new RabbitMQContainer(DockerImageName.parse("rabbitmq:4"))) {
      assertThat(rabbit.getExposedPorts()).hasSize(4);

      Containerized.bindFixedPort(rabbit, 5672, 40_000);

      assertThat(rabbit.getExposedPorts()).containsExactly(5672);
    }
    try (GenericContainer<?> redis = new GenericContainer<>(DockerImageName.parse("redis:7"))) {
      Containerized.bindFixedPort(redis, 6379, 40_001);

      assertThat(redis.getExposedPorts()).containsExactly(6379);
    }
  }

  @Test
  void theRedisProbeWantsAPong() throws IOException {
    ByteArrayOutputStream sent = new ByteArrayOutputStream();

    assertThat(Containerized.Probe.REDIS.answers(in("+PONG\r\n"), sent)).isTrue();
    assertThat(sent.toString(StandardCharsets.US_ASCII)).isEqualTo("PING\r\n");
    assertThat(
            Containerized.Probe.REDIS.answers(
                in("-DENIED Redis is running in protected mode"), sent))
        .isFalse();
  }

  @Test
  void theAmqpProbeSendsTheProtocolHeaderAndWantsAMethodFrame() throws IOException {
    ByteArrayOutputStream sent = new ByteArrayOutputStream();

    assertThat(Containerized.Probe.AMQP.answers(new ByteArrayInputStream(new byte[] {1, 0}), sent))
        .isTrue();
    assertThat(sent.toByteArray()).containsExactly('A', 'M', 'Q', 'P', 0, 0, 9, 1);
    assertThat(Containerized.Probe.AMQP.answers(new ByteArrayInputStream(new byte[0]), sent))
        .isFalse();
  }

  @Test
  void theKafkaProbeSendsApiVersionsAndWantsItsCorrelationIdBack() throws IOException {
    ByteArrayOutputStream sent = new ByteArrayOutputStream();
    ByteBuffer sentRequest = ByteBuffer.allocate(14);

    byte[] response = ByteBuffer.allocate(12).putInt(8).putInt(0x1d5).putInt(0).array();
    assertThat(Containerized.Probe.KAFKA.answers(new ByteArrayInputStream(response), sent))
        .isTrue();

    sentRequest.put(sent.toByteArray()).flip();
    assertThat(sentRequest.getInt()).as("size").isEqualTo(10);
    assertThat(sentRequest.getShort()).as("api key: ApiVersions").isEqualTo((short) 18);
    assertThat(sentRequest.getShort()).as("version").isZero();
    int correlation = sentRequest.getInt();
    byte[] other = ByteBuffer.allocate(8).putInt(4).putInt(correlation + 1).array();
    assertThat(Containerized.Probe.KAFKA.answers(new ByteArrayInputStream(other), sent)).isFalse();
  }

  @ParameterizedTest
  @EnumSource(InfraSide.class)
  void aMultiBrokerKafkaAndZooKeeperAreEmbeddedWhateverTheJvmSide(InfraSide jvm) {
    assertThat(KafkaExtension.side(1, jvm)).isEqualTo(jvm);
    assertThat(KafkaExtension.side(3, jvm)).isEqualTo(InfraSide.EMBEDDED);
  }

  @Test
  void theStartUpLineNamesTheSideTheServerRunsOn() {
    assertThat(
            ServerSupport.startedLine(
                "kafka (1 controller + 3 brokers)", InfraSide.EMBEDDED, Duration.ofMillis(1_234)))
        .isEqualTo("started kafka (1 controller + 3 brokers) (embedded) in 1234 ms");
  }

  private static ByteArrayInputStream in(String text) {
    return new ByteArrayInputStream(text.getBytes(StandardCharsets.US_ASCII));
  }
}
