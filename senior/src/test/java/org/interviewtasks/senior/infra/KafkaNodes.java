package org.interviewtasks.senior.infra;

import java.util.List;

/** A Kafka cluster a test may produce to, consume from, and break. */
public interface KafkaNodes {

  /** {@code host:port,...} of the brokers, for {@code bootstrap.servers}. */
  String bootstrapServers();

  /** The brokers' node ids. */
  List<Integer> brokerIds();

  /** Whether broker {@code id} runs. */
  boolean isRunning(int id);

  /** Shuts broker {@code id} down; its partitions' leadership moves to the others. */
  void stopBroker(int id);

  /** Starts broker {@code id} again on its old port, with the log it had on disk. */
  void startBroker(int id);

  /** Stops and starts broker {@code id}. */
  default void restartBroker(int id) {
    stopBroker(id);
    startBroker(id);
  }
}
