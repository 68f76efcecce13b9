package org.interviewtasks.senior.concurrency.messaging;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.interviewtasks.common.Task;

/**
 * Services that pass a high volume of messages through Kafka: a source writes to an input topic, a
 * consumer group of {@link Worker}s reads it, processes each message and writes the result to an
 * output topic, and members may join and leave while messages flow.
 *
 * <p><b>Approach.</b> Throughput comes from doing per batch what would be costly per message: the
 * producer fills batches per partition ({@link ProducerTuning}: {@code linger.ms}, {@code
 * batch.size}) and compresses each batch (lz4, zstd...), the consumer polls up to {@code
 * maxPollRecords} at once, and a worker commits once per polled batch. Parallelism comes from
 * partitions: each partition belongs to one member of the group at a time, so adding members (up to
 * the partition count) adds throughput, and order holds per key. Members join and leave with
 * <i>cooperative</i> rebalancing ({@code CooperativeStickyAssignor}): only the partitions that move
 * are revoked, the others keep flowing, instead of the eager stop-the-world where every member
 * gives up everything.
 *
 * <p><b>Two guarantees.</b> {@link Delivery#AT_LEAST_ONCE}: a worker writes the results of a batch,
 * waits for their acknowledgements, then commits the input offsets by hand. A worker that dies
 * between the two has written results whose input is read again by the next owner: duplicates, at
 * most the batches it had not committed, and nothing lost. {@link Delivery#EXACTLY_ONCE}: the
 * results and the input offsets go in one Kafka transaction ({@code sendOffsetsToTransaction}, the
 * consumer's group metadata fencing a zombie), and readers of the output use {@code
 * read_committed}: a batch is in the output once or not at all. It costs a commit round trip per
 * batch and a transactional id per worker; only a Kafka-to-Kafka effect is covered.
 *
 * <p><b>Bad input.</b> A message the processor rejects (it throws) is written to {@code
 * <input>.dlt} with headers saying why and where it came from ({@link #DLT_ERROR}, {@link
 * #DLT_TOPIC}...), in the same batch and transaction as the results, so it is never dropped and
 * never blocks its partition. A broker that does not answer fails a worker's start and the source's
 * sends within {@code brokerTimeout}, naming the bootstrap servers.
 *
 * <p><b>Brokerless beside it.</b> {@link ZeroMqPipeline} runs the same source-workers-sink shape
 * over ZeroMQ PUSH/PULL sockets (JeroMQ, pure Java). It has no broker hop and no disk, so it moves
 * more messages per second on one machine, and gives up what the broker gives: durability (a
 * message queued in a worker that dies is gone), replay (nothing is kept after delivery, no offset
 * to rewind to), membership (PUSH deals round-robin to whoever is connected; a new worker gets no
 * backlog, a slow one gets its share anyway), and back-pressure beyond a high-water mark that
 * blocks the sender. The benchmark measures both in the same run.
 *
 * <p><b>Complexity.</b> Per message O(size) to process and compress; per batch one produce request
 * per broker and one commit (or transaction commit). Memory per worker: one polled batch and the
 * producer's buffer.
 *
 * <p><b>Follow-up.</b> <i>"Why not commit after every message?"</i> A synchronous commit is a round
 * trip to the group coordinator; per message it caps a worker at a few thousand messages per
 * second, per batch it costs almost nothing, and the price is the batch a crash replays. <i>"What
 * does KIP-848 change?"</i> The new consumer group protocol ({@code group.protocol=consumer}) moves
 * assignment to the broker and is incremental by design: no client-side assignor, no rejoin barrier
 * where all members wait for the slowest one.
 */
@Task(id = "senior.concurrency.5", title = "High-throughput message processing")
public final class MessageProcessing {

  /** On a dead letter: the processor's exception, {@code class: message}. */
  public static final String DLT_ERROR = "dlt-error";

  /** On a dead letter: the topic the message was read from. */
  public static final String DLT_TOPIC = "dlt-original-topic";

  /** On a dead letter: the partition it was read from. */
  public static final String DLT_PARTITION = "dlt-original-partition";

  /** On a dead letter: the offset it was read from. */
  public static final String DLT_OFFSET = "dlt-original-offset";

  /** On a result and on a dead letter: the member that processed it. */
  public static final String PROCESSED_BY = "processed-by";

  private static final Pattern TOPIC = Pattern.compile("[A-Za-z0-9._-]{1,200}");

  private MessageProcessing() {}

  /** What a crash between writing results and committing offsets may do to the output. */
  public enum Delivery {
    /** Manual commits after the results are acknowledged: duplicates possible, no loss. */
    AT_LEAST_ONCE,
    /** Results and offsets in one transaction, read with {@code read_committed}: neither. */
    EXACTLY_ONCE
  }

  /**
   * Turns one input message into one output value. It runs on the worker's thread; throwing rejects
   * the message to the dead-letter topic.
   */
  @FunctionalInterface
  public interface Processor {
    /** The output value for the message of {@code key} and {@code value}. */
    byte[] process(String key, byte[] value) throws Exception;
  }

  /**
   * Called after a worker processed a batch and its results were handed to the producer, and before
   * the batch is committed; for metrics, and in tests to hold a batch in flight or to kill the
   * worker there. If it throws, the worker dies on the spot, as a process would: nothing of the
   * batch is committed.
   */
  @FunctionalInterface
  public interface BatchHook {
    /**
     * A batch is processed and not committed yet.
     *
     * @param memberId the worker
     * @param records how many records the batch had
     */
    void beforeCommit(String memberId, int records) throws Exception;
  }

  /**
   * Where and how the pipeline runs.
   *
   * @param bootstrapServers {@code host:port,...} of the brokers
   * @param inputTopic what the workers read
   * @param outputTopic where they write results
   * @param groupId the workers' consumer group
   * @param delivery at-least-once or exactly-once
   * @param tuning the batching and compression of every producer
   * @param maxPollRecords the most records of one polled batch, 1 to 100,000
   * @param brokerTimeout how long to wait for a broker that does not answer, 100 ms to 10 min
   */
  public record Config(
      String bootstrapServers,
      String inputTopic,
      String outputTopic,
      String groupId,
      Delivery delivery,
      ProducerTuning tuning,
      int maxPollRecords,
      Duration brokerTimeout) {

    /** The most records of one polled batch. */
    public static final int MAX_POLL_RECORDS = 100_000;

    /**
     * Checks the parts.
     *
     * @throws IllegalArgumentException naming the bad value and its limit
     */
    public Config {
      Objects.requireNonNull(bootstrapServers, "bootstrapServers");
      Objects.requireNonNull(inputTopic, "inputTopic");
      Objects.requireNonNull(outputTopic, "outputTopic");
      Objects.requireNonNull(groupId, "groupId");
      Objects.requireNonNull(delivery, "delivery");
      Objects.requireNonNull(tuning, "tuning");
      Objects.requireNonNull(brokerTimeout, "brokerTimeout");
      if (bootstrapServers.isBlank()) {
        throw new IllegalArgumentException("bootstrapServers is blank");
      }
      for (String topic : List.of(inputTopic, outputTopic)) {
        if (!TOPIC.matcher(topic).matches()) {
          throw new IllegalArgumentException(
              "topic must be 1..200 of [A-Za-z0-9._-]: \"" + topic + "\"");
        }
      }
      if (inputTopic.equals(outputTopic)) {
        throw new IllegalArgumentException("input and output topic are both " + inputTopic);
      }
      if (groupId.isBlank()) {
        throw new IllegalArgumentException("groupId is blank");
      }
      if (maxPollRecords < 1 || maxPollRecords > MAX_POLL_RECORDS) {
        throw new IllegalArgumentException(
            "maxPollRecords must be 1.." + MAX_POLL_RECORDS + ": " + maxPollRecords);
      }
      if (brokerTimeout.compareTo(Duration.ofMillis(100)) < 0
          || brokerTimeout.compareTo(Duration.ofMinutes(10)) > 0) {
        throw new IllegalArgumentException(
            "brokerTimeout must be PT0.1S to PT10M: " + brokerTimeout);
      }
    }

    /** At-least-once, Kafka's default batching, 500 records a poll, 30 s for a silent broker. */
    public static Config of(
        String bootstrapServers, String inputTopic, String outputTopic, String groupId) {
      return new Config(
          bootstrapServers,
          inputTopic,
          outputTopic,
          groupId,
          Delivery.AT_LEAST_ONCE,
          ProducerTuning.defaults(),
          500,
          Duration.ofSeconds(30));
    }

    /** This config with another delivery guarantee. */
    public Config withDelivery(Delivery value) {
      return new Config(
          bootstrapServers,
          inputTopic,
          outputTopic,
          groupId,
          value,
          tuning,
          maxPollRecords,
          brokerTimeout);
    }

    /** This config with other producer settings. */
    public Config withTuning(ProducerTuning value) {
      return new Config(
          bootstrapServers,
          inputTopic,
          outputTopic,
          groupId,
          delivery,
          value,
          maxPollRecords,
          brokerTimeout);
    }

    /** This config with another poll size. */
    public Config withMaxPollRecords(int value) {
      return new Config(
          bootstrapServers,
          inputTopic,
          outputTopic,
          groupId,
          delivery,
          tuning,
          value,
          brokerTimeout);
    }

    /** This config with another time to wait for a silent broker. */
    public Config withBrokerTimeout(Duration value) {
      return new Config(
          bootstrapServers,
          inputTopic,
          outputTopic,
          groupId,
          delivery,
          tuning,
          maxPollRecords,
          value);
    }

    /** {@code <inputTopic>.dlt}. */
    public String deadLetterTopic() {
      return inputTopic + ".dlt";
    }
  }

  /**
   * Starts a member of the group: it joins, is assigned some partitions, and processes them on its
   * own thread until {@link Worker#close()}.
   *
   * @param config where and how
   * @param memberId this member's name, also the suffix of its transactional id: a restarted member
   *     that keeps its id fences its dead predecessor and aborts its open transaction
   * @param processor what to do with each message
   * @param hook called before each commit (see {@link BatchHook})
   * @throws IllegalStateException if a topic does not exist
   * @throws KafkaUnavailableException if the brokers do not answer within the broker timeout
   */
  public static Worker startWorker(
      Config config, String memberId, Processor processor, BatchHook hook) {
    Objects.requireNonNull(config, "config");
    Objects.requireNonNull(memberId, "memberId");
    Objects.requireNonNull(processor, "processor");
    Objects.requireNonNull(hook, "hook");
    if (memberId.isBlank()) {
      throw new IllegalArgumentException("memberId is blank");
    }
    return Worker.start(config, memberId, processor, hook);
  }

  /** {@link #startWorker(Config, String, Processor, BatchHook)} without a hook. */
  public static Worker startWorker(Config config, String memberId, Processor processor) {
    return startWorker(config, memberId, processor, (member, records) -> {});
  }

  /**
   * A producer for the input topic with the config's batching and compression, idempotent and
   * {@code acks=all}: a source service writes through it.
   */
  public static KafkaProducer<String, byte[]> sourceProducer(Config config) {
    Objects.requireNonNull(config, "config");
    return new KafkaProducer<>(
        producerProperties(config), new StringSerializer(), new ByteArraySerializer());
  }

  static Properties producerProperties(Config config) {
    Properties props = new Properties();
    props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers());
    props.put(ProducerConfig.ACKS_CONFIG, "all");
    props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, (int) config.brokerTimeout().toMillis());
    // Kafka insists on delivery.timeout >= linger + request.timeout.
    int request = (int) Math.min(config.brokerTimeout().toMillis(), 30_000);
    props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, request);
    props.put(
        ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG,
        (int) (request + config.tuning().linger().toMillis() + config.brokerTimeout().toMillis()));
    config.tuning().applyTo(props);
    return props;
  }

  /**
   * Creates the input, output and dead-letter topics if they do not exist.
   *
   * @param partitions partitions of each, 1 to 1000 (the most members that can share the work)
   * @param replication replicas of each partition, 1 to 10
   * @param minInSyncReplicas replicas that must have a write before it is acknowledged, 1 to {@code
   *     replication}
   * @throws KafkaUnavailableException if the brokers do not answer within the broker timeout
   */
  public static void createTopics(
      Config config, int partitions, int replication, int minInSyncReplicas) {
    Objects.requireNonNull(config, "config");
    if (partitions < 1 || partitions > 1000) {
      throw new IllegalArgumentException("partitions must be 1..1000: " + partitions);
    }
    if (replication < 1 || replication > 10) {
      throw new IllegalArgumentException("replication must be 1..10: " + replication);
    }
    if (minInSyncReplicas < 1 || minInSyncReplicas > replication) {
      throw new IllegalArgumentException(
          "minInSyncReplicas must be 1.." + replication + ": " + minInSyncReplicas);
    }
    List<NewTopic> topics = new ArrayList<>();
    for (String name :
        List.of(config.inputTopic(), config.outputTopic(), config.deadLetterTopic())) {
      topics.add(
          new NewTopic(name, partitions, (short) replication)
              .configs(Map.of("min.insync.replicas", Integer.toString(minInSyncReplicas))));
    }
    Admin admin = admin(config);
    try {
      for (var entry : admin.createTopics(topics).values().entrySet()) {
        try {
          entry.getValue().get(config.brokerTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
          if (!(e.getCause() instanceof TopicExistsException)) {
            throw unavailable(config, "create topic " + entry.getKey(), e.getCause());
          }
        }
      }
    } catch (TimeoutException e) {
      throw unavailable(config, "create topics", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while creating topics", e);
    } finally {
      // Nothing is pending once the answers are in (or given up on): do not wait for a broker.
      admin.close(Duration.ZERO);
    }
  }

  static Admin admin(Config config) {
    int timeout = (int) config.brokerTimeout().toMillis();
    return Admin.create(
        Map.of(
            AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers(),
            AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, timeout,
            AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, timeout));
  }

  static KafkaUnavailableException unavailable(Config config, String what, Throwable cause) {
    return new KafkaUnavailableException(
        "cannot "
            + what
            + ": Kafka at "
            + config.bootstrapServers()
            + " did not answer within "
            + config.brokerTimeout()
            + " ("
            + cause
            + ")",
        cause);
  }
}
