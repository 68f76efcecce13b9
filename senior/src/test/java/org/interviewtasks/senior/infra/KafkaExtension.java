package org.interviewtasks.senior.infra;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import kafka.server.BrokerServer;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.testcontainers.containers.wait.strategy.WaitStrategy;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.utility.DockerImageName;

/** Starts the clusters of {@link KafkaCluster}. */
final class KafkaExtension implements ParameterResolver, AfterEachCallback {

  private static final String IMAGE = "apache/kafka:4.1.1";

  /** How long a container broker may take for a controlled shutdown before it is killed. */
  private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == KafkaNodes.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    int brokers = ServerSupport.annotation(context, KafkaCluster.class).brokers();
    if (brokers < 1 || brokers > 5) {
      throw new IllegalArgumentException("@KafkaCluster brokers must be 1..5: " + brokers);
    }
    InfraSide side = side(brokers, InfraSide.current());
    return ServerSupport.shared(
        context, key(brokers), Cluster.class, side, () -> start(brokers, side));
  }

  @Override
  public void afterEach(ExtensionContext context) {
    for (int brokers = 1; brokers <= 5; brokers++) {
      ServerSupport.existing(context, key(brokers), Cluster.class).ifPresent(Cluster::heal);
    }
  }

  private static String key(int brokers) {
    return brokers == 1 ? "kafka (1 node)" : "kafka (1 controller + " + brokers + " brokers)";
  }

  /**
   * Where a cluster of {@code brokers} runs when the JVM's side is {@code side}: a single node
   * follows it, a multi-broker cluster is always embedded.
   */
  static InfraSide side(int brokers, InfraSide side) {
    return side == InfraSide.CONTAINERS && brokers == 1 ? InfraSide.CONTAINERS : InfraSide.EMBEDDED;
  }

  private static Cluster start(int brokers, InfraSide side) {
    return side == InfraSide.CONTAINERS ? new Container() : new Embedded(brokers);
  }

  /** A cluster on either side. */
  abstract static class Cluster implements KafkaNodes, AutoCloseable {

    void heal() {
      for (int id : brokerIds()) {
        if (!isRunning(id)) {
          startBroker(id);
        }
      }
    }

    @Override
    public abstract void close();
  }

  /** Kafka's test kit: real brokers and a real KRaft controller quorum in this JVM. */
  private static final class Embedded extends Cluster {
    private final KafkaClusterTestKit kit;
    private final Set<Integer> stopped = new HashSet<>();

    Embedded(int brokers) {
      int replication = Math.min(brokers, 3);
      try {
        TestKitNodes nodes =
            new TestKitNodes.Builder()
                .setCombined(brokers == 1)
                .setNumControllerNodes(1)
                .setNumBrokerNodes(brokers)
                .build();
        kit =
            new KafkaClusterTestKit.Builder(nodes)
                .setConfigProp("offsets.topic.replication.factor", Integer.toString(replication))
                .setConfigProp("offsets.topic.num.partitions", "3")
                .setConfigProp(
                    "transaction.state.log.replication.factor", Integer.toString(replication))
                .setConfigProp("transaction.state.log.min.isr", "1")
                .setConfigProp("group.initial.rebalance.delay.ms", "0")
                .setConfigProp("auto.create.topics.enable", "false")
                .build();
        kit.format();
        kit.startup();
        kit.waitForReadyBrokers();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while starting Kafka", e);
      } catch (Exception e) {
        throw new IllegalStateException("cannot start Kafka", e);
      }
    }

    @Override
    public String bootstrapServers() {
      return kit.bootstrapServers();
    }

    @Override
    public List<Integer> brokerIds() {
      return kit.brokers().keySet().stream().sorted().toList();
    }

    @Override
    public synchronized boolean isRunning(int id) {
      broker(id);
      return !stopped.contains(id);
    }

    @Override
    public synchronized void stopBroker(int id) {
      if (stopped.add(id)) {
        broker(id).shutdown();
      }
    }

    @Override
    public synchronized void startBroker(int id) {
      if (stopped.remove(id)) {
        broker(id).startup();
        try {
          kit.waitForReadyBrokers();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException("interrupted while starting broker " + id, e);
        } catch (Exception e) {
          throw new IllegalStateException("broker " + id + " did not get ready", e);
        }
      }
    }

    private BrokerServer broker(int id) {
      BrokerServer broker = kit.brokers().get(id);
      if (broker == null) {
        throw new IllegalArgumentException("no broker " + id + " in " + brokerIds());
      }
      return broker;
    }

    @Override
    public void close() {
      try {
        kit.close();
      } catch (Exception e) {
        throw new IllegalStateException("cannot stop Kafka", e);
      }
    }
  }

  /**
   * The official image, one node, published on a fixed loopback port. A broker is stopped and
   * started as the same container (Docker's stop and start, not Testcontainers', which removes the
   * container): the restarted broker finds the log it had on disk, as a real one does.
   */
  private static final class Container extends Cluster {
    private static final String RUNNING = ".*Transitioning from RECOVERY to RUNNING.*";

    private final int port = FreePorts.free();
    private final KafkaContainer kafka = new LoopbackKafka(port);
    private int starts;

    Container() {
      Containerized.bindFixedPort(kafka, 9092, port);
      kafka.waitingFor(running(1));
      kafka.start();
      starts = 1;
    }

    /** The n-th RUNNING line of the container's log (it keeps the lines of earlier starts). */
    private WaitStrategy running(int times) {
      return Containerized.loggedAndAnswering(RUNNING, times, port, Containerized.Probe.KAFKA);
    }

    @Override
    public String bootstrapServers() {
      return kafka.getBootstrapServers();
    }

    @Override
    public List<Integer> brokerIds() {
      return List.of(1);
    }

    @Override
    public synchronized boolean isRunning(int id) {
      check(id);
      return kafka.isRunning();
    }

    @Override
    public synchronized void stopBroker(int id) {
      check(id);
      if (kafka.isRunning()) {
        kafka
            .getDockerClient()
            .stopContainerCmd(kafka.getContainerId())
            .withTimeout((int) STOP_TIMEOUT.toSeconds())
            .exec();
      }
    }

    @Override
    public synchronized void startBroker(int id) {
      check(id);
      if (!kafka.isRunning()) {
        kafka.getDockerClient().startContainerCmd(kafka.getContainerId()).exec();
        starts++;
        running(starts).waitUntilReady(kafka);
      }
    }

    private static void check(int id) {
      if (id != 1) {
        throw new IllegalArgumentException("no broker " + id + " in [1]");
      }
    }

    @Override
    public void close() {
      kafka.stop();
    }
  }

  /** Advertises the listener where it is published (127.0.0.1), not at Testcontainers' host. */
  private static final class LoopbackKafka extends KafkaContainer {
    private final int port;

    LoopbackKafka(int port) {
      super(DockerImageName.parse(IMAGE));
      this.port = port;
    }

    @Override
    public String getBootstrapServers() {
      return FreePorts.LOOPBACK + ":" + port;
    }
  }
}
