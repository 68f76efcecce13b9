package org.interviewtasks.senior.concurrency.messaging;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.CommitFailedException;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.CooperativeStickyAssignor;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.InvalidProducerEpochException;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.apache.kafka.common.errors.RebalanceInProgressException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.interviewtasks.senior.concurrency.messaging.MessageProcessing.BatchHook;
import org.interviewtasks.senior.concurrency.messaging.MessageProcessing.Config;
import org.interviewtasks.senior.concurrency.messaging.MessageProcessing.Delivery;
import org.interviewtasks.senior.concurrency.messaging.MessageProcessing.Processor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One member of the processing group: a consumer of the input topic and a producer of results, on a
 * thread of its own. Polls a batch, processes it, writes the results, then commits the batch (after
 * the acknowledgements, or in the same transaction): nothing is in flight when the next poll lets a
 * rebalance revoke partitions, so a member that leaves or loses partitions hands them over
 * committed.
 */
public final class Worker implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(Worker.class);
  private static final Duration POLL = Duration.ofMillis(100);

  /**
   * What a worker did so far.
   *
   * @param processed records processed (a record processed again after a failed batch counts again)
   * @param deadLettered records the processor rejected, written to the dead-letter topic
   * @param committed records of committed batches
   * @param uncommitted records whose results were written but whose batch was not committed: a
   *     commit lost to a rebalance, or the batch in hand when the worker died. At-least-once allows
   *     this many duplicates in the output; exactly-once hides them from {@code read_committed}
   *     readers
   */
  public record Stats(long processed, long deadLettered, long committed, long uncommitted) {}

  /**
   * A change of this member's partitions, as the group's rebalance callbacks reported it.
   *
   * @param kind assigned, revoked (handed over) or lost (taken without a handover)
   * @param partitions the partitions concerned
   */
  public record Rebalance(Kind kind, Set<Integer> partitions) {
    /** What happened to the partitions. */
    public enum Kind {
      /** Given to this member. */
      ASSIGNED,
      /** Handed over by this member, committed. */
      REVOKED,
      /** Taken away without a handover (this member was considered dead). */
      LOST
    }
  }

  private enum State {
    RUNNING,
    DEAD,
    CLOSED
  }

  private final Config config;
  private final String memberId;
  private final Processor processor;
  private final BatchHook hook;
  private final KafkaConsumer<String, byte[]> consumer;
  private final KafkaProducer<String, byte[]> producer;
  private final Thread thread;
  private final AtomicReference<State> state = new AtomicReference<>(State.RUNNING);
  private final AtomicReference<Throwable> failure = new AtomicReference<>();
  private final Set<TopicPartition> owned = ConcurrentHashMap.newKeySet();
  private final List<Rebalance> rebalances = new CopyOnWriteArrayList<>();
  private final LongAdder processed = new LongAdder();
  private final LongAdder deadLettered = new LongAdder();
  private final LongAdder committed = new LongAdder();
  private final LongAdder uncommitted = new LongAdder();
  private final byte[] memberBytes;
  // Touched only by the worker's thread (the rebalance callbacks run inside its poll).
  private final Map<TopicPartition, OffsetAndMetadata> pending = new HashMap<>();
  private final Map<TopicPartition, Integer> pendingRecords = new HashMap<>();

  private Worker(Config config, String memberId, Processor processor, BatchHook hook) {
    this.config = config;
    this.memberId = memberId;
    this.processor = processor;
    this.hook = hook;
    this.memberBytes = memberId.getBytes(StandardCharsets.UTF_8);
    Properties consumerProps = new Properties();
    consumerProps.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers());
    consumerProps.put(ConsumerConfig.GROUP_ID_CONFIG, config.groupId());
    consumerProps.put(ConsumerConfig.CLIENT_ID_CONFIG, config.groupId() + "-" + memberId);
    consumerProps.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    consumerProps.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    consumerProps.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, config.maxPollRecords());
    consumerProps.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    consumerProps.put(
        ConsumerConfig.PARTITION_ASSIGNMENT_STRATEGY_CONFIG,
        CooperativeStickyAssignor.class.getName());
    consumerProps.put(
        ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) config.brokerTimeout().toMillis());
    Properties producerProps = MessageProcessing.producerProperties(config);
    if (config.delivery() == Delivery.EXACTLY_ONCE) {
      producerProps.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, config.groupId() + "-" + memberId);
    }
    consumer =
        new KafkaConsumer<>(consumerProps, new StringDeserializer(), new ByteArrayDeserializer());
    KafkaProducer<String, byte[]> created;
    try {
      created =
          new KafkaProducer<>(producerProps, new StringSerializer(), new ByteArraySerializer());
      if (config.delivery() == Delivery.EXACTLY_ONCE) {
        created.initTransactions();
      }
    } catch (RuntimeException e) {
      consumer.close(CloseOptions.timeout(Duration.ZERO));
      throw e instanceof org.apache.kafka.common.errors.TimeoutException
          ? MessageProcessing.unavailable(config, "start a transactional producer", e)
          : e;
    }
    producer = created;
    thread = Thread.ofPlatform().name("worker-" + memberId).daemon().unstarted(this::run);
  }

  static Worker start(Config config, String memberId, Processor processor, BatchHook hook) {
    checkTopics(config);
    Worker worker = new Worker(config, memberId, processor, hook);
    worker.thread.start();
    return worker;
  }

  /** This member's id. */
  public String memberId() {
    return memberId;
  }

  /** Whether it runs (neither died nor closed). */
  public boolean isRunning() {
    return state.get() == State.RUNNING;
  }

  /** Why it died, if it did. */
  public Optional<Throwable> failure() {
    return Optional.ofNullable(failure.get());
  }

  /** What it did so far. */
  public Stats stats() {
    return new Stats(processed.sum(), deadLettered.sum(), committed.sum(), uncommitted.sum());
  }

  /** The partitions of the input topic it owns now. */
  public Set<Integer> assignment() {
    return numbers(owned);
  }

  /** Every change of its partitions, oldest first. */
  public List<Rebalance> rebalances() {
    return List.copyOf(rebalances);
  }

  /**
   * Leaves the group: finishes and commits the batch in hand, hands its partitions over, and closes
   * its clients. Idempotent.
   */
  @Override
  public void close() {
    state.compareAndSet(State.RUNNING, State.CLOSED);
    if (Thread.currentThread() != thread) {
      try {
        thread.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private void run() {
    try {
      consumer.subscribe(List.of(config.inputTopic()), new Listener());
      while (state.get() == State.RUNNING) {
        ConsumerRecords<String, byte[]> records = consumer.poll(POLL);
        commitPending();
        if (!records.isEmpty()) {
          if (config.delivery() == Delivery.EXACTLY_ONCE) {
            transactionalBatch(records);
          } else {
            acknowledgedBatch(records);
          }
        }
      }
    } catch (Died e) {
      LOG.info("worker {} died before committing: {}", memberId, e.getCause().toString());
    } catch (RuntimeException | Error e) {
      die(e);
      LOG.error("worker {} stopped", memberId, e);
    } finally {
      // Auto-commit is off: closing commits nothing, what was not committed is read again.
      consumer.close(CloseOptions.timeout(Duration.ofSeconds(5)));
      producer.close(state.get() == State.DEAD ? Duration.ZERO : config.brokerTimeout());
    }
  }

  /** At-least-once: write the results, wait for every acknowledgement, then commit. */
  private void acknowledgedBatch(ConsumerRecords<String, byte[]> records) {
    List<Future<RecordMetadata>> sends = new ArrayList<>(records.count());
    for (ConsumerRecord<String, byte[]> record : records) {
      sends.add(producer.send(transform(record)));
    }
    producer.flush();
    try {
      for (Future<RecordMetadata> send : sends) {
        send.get();
      }
    } catch (ExecutionException e) {
      LOG.warn("worker {}: a result was not written; reading the batch again", memberId, e);
      uncommitted.add(records.count());
      rewind(records);
      return;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw die(e);
    }
    beforeCommit(records);
    for (TopicPartition partition : records.partitions()) {
      List<ConsumerRecord<String, byte[]>> batch = records.records(partition);
      pending.put(partition, new OffsetAndMetadata(batch.getLast().offset() + 1));
      pendingRecords.merge(partition, batch.size(), Integer::sum);
    }
    commitPending();
  }

  /**
   * Commits the acknowledged batches not committed yet. A commit refused because the group is
   * rebalancing is kept, and made in {@code onPartitionsRevoked} (the handover) or after the next
   * poll; a commit refused because this member was dropped from the group is lost: the next owner
   * reads those records again.
   */
  private void commitPending() {
    if (pending.isEmpty()) {
      return;
    }
    try {
      consumer.commitSync(Map.copyOf(pending));
      pendingRecords.values().forEach(committed::add);
    } catch (RebalanceInProgressException e) {
      LOG.debug("worker {}: commit deferred to the rebalance", memberId);
      return;
    } catch (CommitFailedException e) {
      LOG.warn("worker {}: commit lost, this member left the group", memberId, e);
      pendingRecords.values().forEach(uncommitted::add);
    }
    pending.clear();
    pendingRecords.clear();
  }

  /** Drops what is pending for partitions taken away without a handover. */
  private void forget(Collection<TopicPartition> partitions) {
    for (TopicPartition partition : partitions) {
      pending.remove(partition);
      Integer records = pendingRecords.remove(partition);
      if (records != null) {
        uncommitted.add(records);
      }
    }
  }

  /** Exactly-once: results and input offsets in one transaction. */
  private void transactionalBatch(ConsumerRecords<String, byte[]> records) {
    try {
      producer.beginTransaction();
      for (ConsumerRecord<String, byte[]> record : records) {
        // The callback-less send fails the commit if a write fails; its future adds nothing.
        Future<RecordMetadata> unused = producer.send(transform(record));
      }
      producer.sendOffsetsToTransaction(offsets(records), consumer.groupMetadata());
      beforeCommit(records);
      producer.commitTransaction();
      committed.add(records.count());
    } catch (ProducerFencedException | InvalidProducerEpochException e) {
      // A newer member with this transactional id exists: this one is a zombie and must stop.
      throw die(e);
    } catch (KafkaException e) {
      LOG.warn("worker {}: transaction aborted; reading the batch again", memberId, e);
      producer.abortTransaction();
      uncommitted.add(records.count());
      rewind(records);
    }
  }

  private void beforeCommit(ConsumerRecords<String, byte[]> records) {
    try {
      hook.beforeCommit(memberId, records.count());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      uncommitted.add(records.count());
      throw die(e);
    } catch (Exception e) {
      uncommitted.add(records.count());
      throw die(e);
    }
  }

  private ProducerRecord<String, byte[]> transform(ConsumerRecord<String, byte[]> record) {
    processed.increment();
    Headers headers = new RecordHeaders();
    headers.add(MessageProcessing.PROCESSED_BY, memberBytes);
    try {
      byte[] result = processor.process(record.key(), record.value());
      if (result == null) {
        throw new IllegalStateException("the processor returned null");
      }
      return new ProducerRecord<>(config.outputTopic(), null, record.key(), result, headers);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw die(e);
    } catch (Exception e) {
      deadLettered.increment();
      put(headers, MessageProcessing.DLT_ERROR, e.getClass().getName() + ": " + e.getMessage());
      put(headers, MessageProcessing.DLT_TOPIC, record.topic());
      put(headers, MessageProcessing.DLT_PARTITION, Integer.toString(record.partition()));
      put(headers, MessageProcessing.DLT_OFFSET, Long.toString(record.offset()));
      return new ProducerRecord<>(
          config.deadLetterTopic(), null, record.key(), record.value(), headers);
    }
  }

  private static void put(Headers headers, String name, String value) {
    headers.add(name, value.getBytes(StandardCharsets.UTF_8));
  }

  private static Map<TopicPartition, OffsetAndMetadata> offsets(
      ConsumerRecords<String, byte[]> records) {
    Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
    for (TopicPartition partition : records.partitions()) {
      offsets.put(
          partition, new OffsetAndMetadata(records.records(partition).getLast().offset() + 1));
    }
    return offsets;
  }

  /** Reads the batch again from its first offsets: nothing of it was committed. */
  private void rewind(ConsumerRecords<String, byte[]> records) {
    for (TopicPartition partition : records.partitions()) {
      consumer.seek(partition, records.records(partition).getFirst().offset());
    }
  }

  /** Marks the worker dead (as a crashed process): no commit, clients closed without waiting. */
  private Died die(Throwable cause) {
    failure.compareAndSet(null, cause);
    state.set(State.DEAD);
    return new Died(cause);
  }

  /** Unwinds the loop of a worker that died. */
  private static final class Died extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Died(Throwable cause) {
      super(cause);
    }
  }

  private final class Listener implements ConsumerRebalanceListener {
    @Override
    public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
      // Called inside poll: nothing is in flight; a commit the rebalance refused is made now.
      record(Rebalance.Kind.REVOKED, partitions);
      commitPending();
      forget(partitions);
      owned.removeAll(partitions);
    }

    @Override
    public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
      record(Rebalance.Kind.ASSIGNED, partitions);
      owned.addAll(partitions);
    }

    @Override
    public void onPartitionsLost(Collection<TopicPartition> partitions) {
      record(Rebalance.Kind.LOST, partitions);
      forget(partitions);
      owned.removeAll(partitions);
    }

    private void record(Rebalance.Kind kind, Collection<TopicPartition> partitions) {
      // Cooperative rebalancing calls back with empty sets too; only changes are worth a line.
      if (!partitions.isEmpty()) {
        rebalances.add(new Rebalance(kind, numbers(partitions)));
        LOG.debug("worker {} {} {}", memberId, kind, partitions);
      }
    }
  }

  private static Set<Integer> numbers(Collection<TopicPartition> partitions) {
    Set<Integer> numbers = new TreeSet<>();
    partitions.forEach(p -> numbers.add(p.partition()));
    return java.util.Collections.unmodifiableSet(numbers);
  }

  private static void checkTopics(Config config) {
    List<String> topics =
        List.of(config.inputTopic(), config.outputTopic(), config.deadLetterTopic());
    Admin admin = MessageProcessing.admin(config);
    try {
      admin
          .describeTopics(topics)
          .allTopicNames()
          .get(config.brokerTimeout().toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof UnknownTopicOrPartitionException) {
        throw new IllegalStateException(
            "topics " + topics + " must exist (see createTopics): " + e.getCause().getMessage(),
            e.getCause());
      }
      throw MessageProcessing.unavailable(config, "describe topics " + topics, e.getCause());
    } catch (TimeoutException e) {
      throw MessageProcessing.unavailable(config, "describe topics " + topics, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while checking topics", e);
    } finally {
      admin.close(Duration.ZERO);
    }
  }
}
