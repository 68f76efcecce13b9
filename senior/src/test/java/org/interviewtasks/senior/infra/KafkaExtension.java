package org.interviewtasks.senior.infra;

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
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.utility.DockerImageName;

/** Starts the clusters of {@link KafkaCluster}. */
final class KafkaExtension implements ParameterResolver, AfterEachCallback {

  private static final String IMAGE = "apache/kafka:4.1.1";

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
    return ServerSupport.shared(context, key(brokers), Cluster.class, () -> start(brokers));
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

  private static Cluster start(int brokers) {
    return InfraSide.current() == InfraSide.CONTAINERS && brokers == 1
        ? new Container()
        : new Embedded(brokers);
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

  /** The official image, one node, published on a fixed loopback port so a restart keeps it. */
  private static final class Container extends Cluster {
    private final KafkaContainer kafka = new KafkaContainer(DockerImageName.parse(IMAGE));

    Container() {
      Containerized.bindFixedPort(kafka, 9092, FreePorts.free());
      kafka.start();
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
    public boolean isRunning(int id) {
      return kafka.isRunning();
    }

    @Override
    public void stopBroker(int id) {
      kafka.stop();
    }

    @Override
    public void startBroker(int id) {
      if (!kafka.isRunning()) {
        kafka.start();
      }
    }

    @Override
    public void close() {
      kafka.stop();
    }
  }
}
