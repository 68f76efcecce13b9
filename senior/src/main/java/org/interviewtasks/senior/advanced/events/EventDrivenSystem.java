package org.interviewtasks.senior.advanced.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.interviewtasks.common.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A small event bus over Kafka: services publish typed events (Java records) and react to them in
 * handlers, with at-least-once delivery made exactly-once <i>in effect</i> by idempotent handlers,
 * retries on a retry topic and a dead-letter topic for what cannot be handled.
 *
 * <p><b>Approach.</b> An event is a record registered under a stable name and a schema version; on
 * the wire it is its JSON (Jackson) with the envelope in headers ({@link EventHeaders}: id, type,
 * version, attempt), so a consumer can route or dead-letter a record without parsing it. The
 * producer is idempotent ({@code enable.idempotence}, {@code acks=all}): a send the client retries
 * after a lost acknowledgement is not written twice, and with {@code min.insync.replicas=2} an
 * acknowledged event is on two brokers. The consumer commits offsets by hand and only after the
 * handlers of a batch finished, so a crash between handling and committing redelivers; the handler
 * runs through {@link ProcessedEvents}, which skips an event id it has already seen, so the
 * redelivery is applied zero times more. Each partition of a polled batch is handled on its own
 * virtual thread (the Java reading of {@code asyncio}: blocking code, cheap threads), records of
 * one partition in offset order, so events of one key, which share a partition, are handled in
 * order; {@link #publish} returns a {@link CompletableFuture} completed by the acknowledgement.
 *
 * <p><b>Failures.</b> A handler that throws does not stop its partition: the event is copied to
 * {@code <topic>.retry} with its attempt count and a due time (exponential backoff), the original
 * offset is committed, and the retry is consumed when due (its partition paused until then). After
 * {@code maxAttempts} the event goes to {@code <topic>.dlt} with headers that say why ({@link
 * DeadLetter}). A record that cannot be read (no id or type header, bad JSON, an unknown type, a
 * newer schema version) goes to the dead-letter topic at once: retrying cannot fix it, and it is
 * never dropped silently. A retry or dead-letter write is acknowledged before the original offset
 * is committed; if it fails, the partition is rewound to the record and tried again later. An
 * unreachable broker fails {@link #start} and {@link #publish} within {@code brokerTimeout} with a
 * {@link BrokerUnavailableException} naming the bootstrap servers.
 *
 * <p><b>Trade-offs.</b> Retrying through a topic keeps the partition flowing but gives up the order
 * of a key for its failed events (a later event of the key may be handled before the retried one);
 * a service that needs strict order per key would instead block the partition and retry in place.
 * The in-memory {@link ProcessedEvents} grows with every id; a real one keeps ids at least as long
 * as the topic retains events, in the same database transaction as the handler's effect. Throughput
 * is bounded by the slowest partition of a batch, since a batch is committed as a whole.
 *
 * <p><b>Follow-up.</b> <i>"Why not Kafka transactions?"</i> They make read-process-write
 * exactly-once when the effect is itself a Kafka write; an effect in a database or an email is
 * outside the transaction, and only an idempotent handler makes it happen once. <i>"How does a
 * schema evolve?"</i> Additively: a new optional field and a higher version; consumers ignore
 * unknown fields and reject versions newer than they read (to the dead-letter topic, replayed after
 * they are upgraded), so producers are upgraded last.
 */
@Task(id = "senior.advanced.8", title = "Event-driven system")
public final class EventDrivenSystem implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(EventDrivenSystem.class);
  private static final Pattern TOPIC = Pattern.compile("[A-Za-z0-9._-]{1,200}");
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]{1,100}");
  private static final Duration POLL = Duration.ofMillis(100);

  /**
   * Where and how the bus runs.
   *
   * @param bootstrapServers {@code host:port,...} of the Kafka brokers
   * @param topic the events' topic; the retry and dead-letter topics are named after it
   * @param groupId the consumer group, and the scope of the processed-event ids
   * @param maxAttempts how many times a handler may run for one event, 1 to 100
   * @param initialBackoff the wait before the first retry, doubled for each further one
   * @param maxBackoff the longest wait before a retry, at most one hour
   * @param brokerTimeout how long to wait for an unreachable broker before failing, 100 ms to 10
   *     min
   */
  public record Config(
      String bootstrapServers,
      String topic,
      String groupId,
      int maxAttempts,
      Duration initialBackoff,
      Duration maxBackoff,
      Duration brokerTimeout) {

    /** The most handler attempts for one event. */
    public static final int MAX_ATTEMPTS = 100;

    /**
     * Checks the parts.
     *
     * @throws IllegalArgumentException naming the bad value and its limit
     */
    public Config {
      Objects.requireNonNull(bootstrapServers, "bootstrapServers");
      Objects.requireNonNull(topic, "topic");
      Objects.requireNonNull(groupId, "groupId");
      Objects.requireNonNull(initialBackoff, "initialBackoff");
      Objects.requireNonNull(maxBackoff, "maxBackoff");
      Objects.requireNonNull(brokerTimeout, "brokerTimeout");
      if (bootstrapServers.isBlank()) {
        throw new IllegalArgumentException("bootstrapServers is blank");
      }
      // The retry and dead-letter topics add six characters; Kafka allows 249.
      if (!TOPIC.matcher(topic).matches()) {
        throw new IllegalArgumentException(
            "topic must be 1..200 of [A-Za-z0-9._-]: \"" + topic + "\"");
      }
      if (groupId.isBlank()) {
        throw new IllegalArgumentException("groupId is blank");
      }
      if (maxAttempts < 1 || maxAttempts > MAX_ATTEMPTS) {
        throw new IllegalArgumentException(
            "maxAttempts must be 1.." + MAX_ATTEMPTS + ": " + maxAttempts);
      }
      if (initialBackoff.isNegative() || initialBackoff.isZero()) {
        throw new IllegalArgumentException("initialBackoff must be positive: " + initialBackoff);
      }
      if (maxBackoff.compareTo(initialBackoff) < 0
          || maxBackoff.compareTo(Duration.ofHours(1)) > 0) {
        throw new IllegalArgumentException(
            "maxBackoff must be initialBackoff (" + initialBackoff + ") to PT1H: " + maxBackoff);
      }
      if (brokerTimeout.compareTo(Duration.ofMillis(100)) < 0
          || brokerTimeout.compareTo(Duration.ofMinutes(10)) > 0) {
        throw new IllegalArgumentException(
            "brokerTimeout must be PT0.1S to PT10M: " + brokerTimeout);
      }
    }

    /** Three attempts, backoff from 100 ms to 10 s, 30 s for an unreachable broker. */
    public static Config of(String bootstrapServers, String topic, String groupId) {
      return new Config(
          bootstrapServers,
          topic,
          groupId,
          3,
          Duration.ofMillis(100),
          Duration.ofSeconds(10),
          Duration.ofSeconds(30));
    }

    /** This config with another number of attempts. */
    public Config withMaxAttempts(int attempts) {
      return new Config(
          bootstrapServers, topic, groupId, attempts, initialBackoff, maxBackoff, brokerTimeout);
    }

    /** This config with another backoff. */
    public Config withBackoff(Duration initial, Duration max) {
      return new Config(bootstrapServers, topic, groupId, maxAttempts, initial, max, brokerTimeout);
    }

    /** This config with another time to wait for an unreachable broker. */
    public Config withBrokerTimeout(Duration timeout) {
      return new Config(
          bootstrapServers, topic, groupId, maxAttempts, initialBackoff, maxBackoff, timeout);
    }

    /** {@code <topic>.retry}. */
    public String retryTopic() {
      return topic + ".retry";
    }

    /** {@code <topic>.dlt}. */
    public String deadLetterTopic() {
      return topic + ".dlt";
    }

    /**
     * The wait after failed attempt {@code attempt}: {@code initialBackoff × 2^(attempt-1)}, at
     * most {@code maxBackoff}.
     *
     * @throws IllegalArgumentException if {@code attempt < 1}
     */
    public Duration backoff(int attempt) {
      if (attempt < 1) {
        throw new IllegalArgumentException("attempt must be at least 1: " + attempt);
      }
      Duration wait = initialBackoff;
      for (int i = 1; i < attempt && wait.compareTo(maxBackoff) < 0; i++) {
        wait = wait.multipliedBy(2);
      }
      return wait.compareTo(maxBackoff) > 0 ? maxBackoff : wait;
    }
  }

  /**
   * Reacts to one type of event. It may block (it runs on a virtual thread); an exception means the
   * event was not handled and is retried.
   *
   * @param <E> the event type
   */
  @FunctionalInterface
  public interface EventHandler<E> {
    /** Handles {@code event}, delivered as {@code context} says. */
    void handle(EventContext context, E event) throws Exception;
  }

  /**
   * How an event was delivered.
   *
   * @param eventId the event's id
   * @param key the record key (events of one key are handled in order)
   * @param type the registered type name
   * @param schemaVersion the version the payload was written with
   * @param attempt 1 for the first delivery, then 2, 3... from the retry topic
   * @param topic the topic it was read from
   * @param partition the partition it was read from
   * @param offset its offset there
   */
  public record EventContext(
      String eventId,
      String key,
      String type,
      int schemaVersion,
      int attempt,
      String topic,
      int partition,
      long offset) {}

  /**
   * Where an acknowledged event was written.
   *
   * @param eventId its id
   * @param partition its partition
   * @param offset its offset
   */
  public record Published(String eventId, int partition, long offset) {}

  /**
   * What the consumer did so far.
   *
   * @param handled events whose handler ran and completed
   * @param duplicates redelivered events skipped because their id was processed
   * @param retried failed attempts sent to the retry topic
   * @param deadLettered events sent to the dead-letter topic
   */
  public record Stats(long handled, long duplicates, long retried, long deadLettered) {}

  private enum State {
    NEW,
    RUNNING,
    FAILED,
    CLOSED
  }

  private record Registration<E>(
      Class<E> type, String name, int version, EventHandler<? super E> handler) {
    void handle(EventContext context, Object event) throws Exception {
      handler.handle(context, type.cast(event));
    }
  }

  /** Builds an {@link EventDrivenSystem}: event types, their handlers, the processed-id store. */
  public static final class Builder {
    private final Config config;
    private final Map<String, Registration<?>> byName = new LinkedHashMap<>();
    private final Map<Class<?>, Registration<?>> byType = new HashMap<>();
    private ProcessedEvents processed = ProcessedEvents.inMemory();
    private Clock clock = Clock.systemUTC();
    private Consumer<Map<TopicPartition, Long>> beforeCommit = offsets -> {};

    private Builder(Config config) {
      this.config = config;
    }

    /**
     * Registers an event type this system publishes or reads, without a handler: read events of it
     * are skipped (another service handles them).
     *
     * @param type a record class, written and read as JSON
     * @param name its stable name on the wire, 1..100 of {@code [A-Za-z0-9._-]}
     * @param version the schema version written, and the newest one read, from 1
     * @throws IllegalArgumentException if the type or name is registered, or name or version is bad
     */
    public <E extends Record> Builder type(Class<E> type, String name, int version) {
      return register(type, name, version, null);
    }

    /**
     * Registers an event type and the handler for it.
     *
     * @see #type(Class, String, int)
     */
    public <E extends Record> Builder on(
        Class<E> type, String name, int version, EventHandler<? super E> handler) {
      return register(type, name, version, Objects.requireNonNull(handler, "handler"));
    }

    private <E extends Record> Builder register(
        Class<E> type, String name, int version, EventHandler<? super E> handler) {
      Objects.requireNonNull(type, "type");
      Objects.requireNonNull(name, "name");
      if (!NAME.matcher(name).matches()) {
        throw new IllegalArgumentException(
            "event name must be 1..100 of [A-Za-z0-9._-]: \"" + name + "\"");
      }
      if (version < 1) {
        throw new IllegalArgumentException("schema version must be at least 1: " + version);
      }
      if (byName.containsKey(name)) {
        throw new IllegalArgumentException("event name already registered: " + name);
      }
      if (byType.containsKey(type)) {
        throw new IllegalArgumentException("event type already registered: " + type.getName());
      }
      Registration<E> registration = new Registration<>(type, name, version, handler);
      byName.put(name, registration);
      byType.put(type, registration);
      return this;
    }

    /** The store that makes handlers idempotent; an in-memory one unless given. */
    public Builder processedEvents(ProcessedEvents store) {
      this.processed = Objects.requireNonNull(store, "store");
      return this;
    }

    /** The clock that decides when a retry is due; the system clock unless given. */
    public Builder clock(Clock value) {
      this.clock = Objects.requireNonNull(value, "clock");
      return this;
    }

    /**
     * A hook run after the handlers of a batch finished and before its offsets (next offset per
     * partition) are committed, e.g. for metrics. If it throws, the consumer stops at once without
     * committing, as a process that dies there would: the batch is redelivered to the group.
     */
    public Builder beforeCommit(Consumer<Map<TopicPartition, Long>> hook) {
      this.beforeCommit = Objects.requireNonNull(hook, "hook");
      return this;
    }

    /** The system; nothing connects before {@link #publish} or {@link #start}. */
    public EventDrivenSystem build() {
      return new EventDrivenSystem(this);
    }
  }

  private final Config config;
  private final Map<String, Registration<?>> byName;
  private final Map<Class<?>, Registration<?>> byType;
  private final ProcessedEvents processed;
  private final Clock clock;
  private final Consumer<Map<TopicPartition, Long>> beforeCommit;
  private final ObjectMapper mapper =
      new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
  private final KafkaProducer<String, byte[]> producer;
  private final AtomicReference<State> state = new AtomicReference<>(State.NEW);
  private final AtomicReference<Throwable> failure = new AtomicReference<>();
  private final Map<TopicPartition, Long> pausedUntil = new ConcurrentHashMap<>();
  private final LongAdder handled = new LongAdder();
  private final LongAdder duplicates = new LongAdder();
  private final LongAdder retried = new LongAdder();
  private final LongAdder deadLettered = new LongAdder();
  private volatile KafkaConsumer<String, byte[]> consumer;
  private volatile Thread loop;

  private EventDrivenSystem(Builder builder) {
    this.config = builder.config;
    this.byName = Map.copyOf(builder.byName);
    this.byType = Map.copyOf(builder.byType);
    this.processed = builder.processed;
    this.clock = builder.clock;
    this.beforeCommit = builder.beforeCommit;
    Properties props = new Properties();
    props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers());
    props.put(ProducerConfig.ACKS_CONFIG, "all");
    props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, (int) config.brokerTimeout().toMillis());
    props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 120_000);
    this.producer = new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer());
  }

  /**
   * A builder for a system with this config.
   *
   * @param config where and how it runs
   */
  public static Builder builder(Config config) {
    return new Builder(Objects.requireNonNull(config, "config"));
  }

  /**
   * Creates the events', retry and dead-letter topics, if they do not exist.
   *
   * @param partitions partitions of each, 1 to 1000
   * @param replication replicas of each partition, 1 to 10
   * @param minInSyncReplicas replicas that must have a write before it is acknowledged, 1 to {@code
   *     replication}
   * @throws BrokerUnavailableException if Kafka does not answer within the config's broker timeout
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
    for (String name : List.of(config.topic(), config.retryTopic(), config.deadLetterTopic())) {
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

  /**
   * Publishes {@code event} under a new random id.
   *
   * @see #publish(String, String, Record)
   */
  public CompletableFuture<Published> publish(String key, Record event) {
    return publish(UUID.randomUUID().toString(), key, event);
  }

  /**
   * Publishes {@code event} with {@code key}: events of one key go to one partition and are handled
   * in the order published. The caller's thread waits only while the client learns where the topic
   * is (at most the broker timeout); the future completes when the brokers acknowledged the write
   * ({@code acks=all}), or fails, with a {@link BrokerUnavailableException} if none answered.
   *
   * @param eventId the idempotency key: a publisher that retries an event passes the same id
   * @param key the ordering key, e.g. an account id
   * @param event an instance of a registered type
   * @throws IllegalArgumentException if the event's type is not registered, or it cannot be written
   *     as JSON
   * @throws IllegalStateException after {@link #close}
   */
  public CompletableFuture<Published> publish(String eventId, String key, Record event) {
    Objects.requireNonNull(eventId, "eventId");
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(event, "event");
    if (eventId.isBlank()) {
      throw new IllegalArgumentException("eventId is blank");
    }
    Registration<?> registration = byType.get(event.getClass());
    if (registration == null) {
      throw new IllegalArgumentException(
          "event type not registered: " + event.getClass().getName() + "; registered: " + names());
    }
    byte[] payload;
    try {
      payload = mapper.writeValueAsBytes(event);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("cannot write event as JSON: " + e.getMessage(), e);
    }
    ensureOpen();
    Headers headers = new RecordHeaders();
    EventHeaders.put(headers, EventHeaders.EVENT_ID, eventId);
    EventHeaders.put(headers, EventHeaders.EVENT_TYPE, registration.name());
    EventHeaders.put(
        headers, EventHeaders.SCHEMA_VERSION, Integer.toString(registration.version()));
    EventHeaders.put(headers, EventHeaders.ATTEMPT, "1");
    CompletableFuture<Published> result = new CompletableFuture<>();
    try {
      // The callback completes the result; the client's own future adds nothing to it.
      Future<?> unused =
          producer.send(
              new ProducerRecord<>(config.topic(), null, key, payload, headers),
              (metadata, error) -> {
                if (error != null) {
                  result.completeExceptionally(translate("publish to " + config.topic(), error));
                } else {
                  result.complete(new Published(eventId, metadata.partition(), metadata.offset()));
                }
              });
    } catch (KafkaException e) {
      result.completeExceptionally(translate("publish to " + config.topic(), e));
    }
    return result;
  }

  /**
   * Joins the consumer group and handles events on a background thread until {@link #close}.
   *
   * @throws IllegalStateException if started before, closed, no handler is registered, or a topic
   *     does not exist
   * @throws BrokerUnavailableException if Kafka does not answer within the broker timeout
   */
  public void start() {
    if (byName.values().stream().allMatch(r -> r.handler() == null)) {
      throw new IllegalStateException("no handler registered; register one with Builder.on");
    }
    if (!state.compareAndSet(State.NEW, State.RUNNING)) {
      throw new IllegalStateException("cannot start: the system is " + state.get());
    }
    try {
      checkTopics();
    } catch (RuntimeException e) {
      state.set(State.FAILED);
      throw e;
    }
    Properties props = new Properties();
    props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers());
    props.put(ConsumerConfig.GROUP_ID_CONFIG, config.groupId());
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 200);
    KafkaConsumer<String, byte[]> created =
        new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer());
    created.subscribe(
        List.of(config.topic(), config.retryTopic()),
        new ConsumerRebalanceListener() {
          @Override
          public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
            // Nothing is in flight here: a batch is committed before the next poll.
            partitions.forEach(pausedUntil::remove);
          }

          @Override
          public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
            LOG.debug("{} assigned {}", config.groupId(), partitions);
          }
        });
    consumer = created;
    loop =
        Thread.ofPlatform()
            .name("events-" + config.groupId())
            .daemon()
            .start(() -> runLoop(created));
  }

  /** Whether the consumer runs (started, not failed, not closed). */
  public boolean isRunning() {
    return state.get() == State.RUNNING;
  }

  /** What stopped the consumer, if it failed. */
  public Optional<Throwable> failure() {
    return Optional.ofNullable(failure.get());
  }

  /** What the consumer did so far. */
  public Stats stats() {
    return new Stats(handled.sum(), duplicates.sum(), retried.sum(), deadLettered.sum());
  }

  /** The config this system runs with. */
  public Config config() {
    return config;
  }

  /**
   * Stops consuming (the batch in hand is finished, its commit may be lost and then redelivered)
   * and flushes the producer. Idempotent.
   */
  @Override
  public void close() {
    State previous = state.getAndSet(State.CLOSED);
    if (previous == State.CLOSED) {
      return;
    }
    KafkaConsumer<String, byte[]> running = consumer;
    if (running != null) {
      running.wakeup();
    }
    Thread thread = loop;
    if (thread != null) {
      try {
        thread.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    producer.close(config.brokerTimeout());
  }

  private void runLoop(KafkaConsumer<String, byte[]> kafka) {
    try (ExecutorService partitions = Executors.newVirtualThreadPerTaskExecutor()) {
      while (state.get() == State.RUNNING) {
        resumeDue(kafka);
        ConsumerRecords<String, byte[]> records = kafka.poll(POLL);
        if (records.isEmpty()) {
          continue;
        }
        Map<TopicPartition, Future<Progress>> work = new LinkedHashMap<>();
        for (TopicPartition partition : records.partitions()) {
          List<ConsumerRecord<String, byte[]>> batch = records.records(partition);
          work.put(partition, partitions.submit(() -> handlePartition(batch)));
        }
        Map<TopicPartition, OffsetAndMetadata> commits = new LinkedHashMap<>();
        Map<TopicPartition, Long> next = new LinkedHashMap<>();
        for (var entry : work.entrySet()) {
          Progress progress = entry.getValue().get();
          TopicPartition partition = entry.getKey();
          if (progress.handledUpTo() >= 0) {
            commits.put(partition, new OffsetAndMetadata(progress.handledUpTo() + 1));
            next.put(partition, progress.handledUpTo() + 1);
          }
          if (progress.stoppedAt() >= 0) {
            kafka.seek(partition, progress.stoppedAt());
            kafka.pause(List.of(partition));
            pausedUntil.put(partition, progress.resumeAt());
          }
        }
        beforeCommit.accept(Map.copyOf(next));
        if (!commits.isEmpty()) {
          kafka.commitSync(commits);
        }
      }
    } catch (WakeupException e) {
      if (state.get() == State.RUNNING) {
        fail(e);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      fail(e);
    } catch (ExecutionException e) {
      fail(e.getCause());
    } catch (RuntimeException | Error e) {
      fail(e);
    } finally {
      // With auto-commit off, closing commits nothing: what was not committed is redelivered.
      kafka.close(CloseOptions.timeout(Duration.ofSeconds(5)));
    }
  }

  private void fail(Throwable e) {
    failure.compareAndSet(null, e);
    if (state.compareAndSet(State.RUNNING, State.FAILED)) {
      LOG.error("consumer of group {} stopped", config.groupId(), e);
    }
  }

  private void resumeDue(KafkaConsumer<String, byte[]> kafka) {
    long now = clock.millis();
    List<TopicPartition> due = new ArrayList<>();
    pausedUntil.forEach(
        (partition, at) -> {
          if (at <= now) {
            due.add(partition);
          }
        });
    if (!due.isEmpty()) {
      due.forEach(pausedUntil::remove);
      kafka.resume(due);
    }
  }

  /**
   * How far a partition's batch went.
   *
   * @param handledUpTo the last offset dealt with (handled, skipped, retried or dead-lettered), or
   *     -1 if none was
   * @param stoppedAt the offset to read again later, or -1 if the whole batch was dealt with
   * @param resumeAt when to read it again, epoch milliseconds
   */
  private record Progress(long handledUpTo, long stoppedAt, long resumeAt) {}

  private Progress handlePartition(List<ConsumerRecord<String, byte[]>> batch) {
    long done = -1;
    for (ConsumerRecord<String, byte[]> record : batch) {
      long resumeAt = handleRecord(record);
      if (resumeAt >= 0) {
        return new Progress(done, record.offset(), resumeAt);
      }
      done = record.offset();
    }
    return new Progress(done, -1, 0);
  }

  /** Deals with one record: -1 when done, else the time at which to read it again. */
  private long handleRecord(ConsumerRecord<String, byte[]> record) {
    Headers headers = record.headers();
    int attempt = 1;
    if (record.topic().equals(config.retryTopic())) {
      String retryAt = EventHeaders.text(headers, EventHeaders.RETRY_AT);
      String attemptText = EventHeaders.text(headers, EventHeaders.ATTEMPT);
      Long due = parseLong(retryAt);
      Long parsedAttempt = parseLong(attemptText);
      if (due == null || parsedAttempt == null || parsedAttempt < 2) {
        return deadLetter(
            record, DeadLetter.Reason.MALFORMED, "bad retry headers on the retry topic", 0);
      }
      if (clock.millis() < due) {
        return due;
      }
      attempt = (int) Math.min(parsedAttempt, Config.MAX_ATTEMPTS);
    }
    String eventId = EventHeaders.text(headers, EventHeaders.EVENT_ID);
    String type = EventHeaders.text(headers, EventHeaders.EVENT_TYPE);
    Long version = parseLong(EventHeaders.text(headers, EventHeaders.SCHEMA_VERSION));
    if (eventId == null || eventId.isBlank() || type == null || version == null || version < 1) {
      return deadLetter(
          record,
          DeadLetter.Reason.MALFORMED,
          "missing or bad header: "
              + EventHeaders.EVENT_ID
              + ", "
              + EventHeaders.EVENT_TYPE
              + " and "
              + EventHeaders.SCHEMA_VERSION
              + " are required",
          0);
    }
    Registration<?> registration = byName.get(type);
    if (registration == null) {
      return deadLetter(
          record,
          DeadLetter.Reason.UNKNOWN_TYPE,
          "no event type named " + type + "; known: " + names(),
          0);
    }
    if (version > registration.version()) {
      return deadLetter(
          record,
          DeadLetter.Reason.UNSUPPORTED_VERSION,
          "schema version " + version + " of " + type + " is newer than " + registration.version(),
          0);
    }
    if (registration.handler() == null) {
      return -1;
    }
    Object event;
    try {
      if (record.value() == null) {
        throw new IOException("no payload");
      }
      event = mapper.readValue(record.value(), registration.type());
    } catch (IOException e) {
      return deadLetter(
          record, DeadLetter.Reason.MALFORMED, "cannot read " + type + ": " + e.getMessage(), 0);
    }
    EventContext context =
        new EventContext(
            eventId,
            record.key(),
            type,
            version.intValue(),
            attempt,
            record.topic(),
            record.partition(),
            record.offset());
    try {
      if (processed.runOnce(config.groupId(), eventId, () -> registration.handle(context, event))) {
        handled.increment();
      } else {
        duplicates.increment();
      }
      return -1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return retryOrDeadLetter(record, attempt, e);
    } catch (Exception e) {
      LOG.debug("attempt {} of event {} failed", attempt, eventId, e);
      return retryOrDeadLetter(record, attempt, e);
    }
  }

  private long retryOrDeadLetter(ConsumerRecord<String, byte[]> record, int attempt, Exception e) {
    String error = e.getClass().getName() + ": " + e.getMessage();
    if (attempt >= config.maxAttempts()) {
      return deadLetter(record, DeadLetter.Reason.HANDLER_FAILED, error, attempt);
    }
    Headers headers = new RecordHeaders(record.headers().toArray());
    EventHeaders.put(headers, EventHeaders.ATTEMPT, Integer.toString(attempt + 1));
    long due = clock.millis() + config.backoff(attempt).toMillis();
    EventHeaders.put(headers, EventHeaders.RETRY_AT, Long.toString(due));
    EventHeaders.put(headers, EventHeaders.DLT_ERROR, error);
    if (!send(config.retryTopic(), record, headers)) {
      return clock.millis() + config.initialBackoff().toMillis();
    }
    retried.increment();
    return -1;
  }

  private long deadLetter(
      ConsumerRecord<String, byte[]> record, DeadLetter.Reason reason, String error, int attempts) {
    LOG.warn(
        "dead-lettering {}-{}@{}: {} {}",
        record.topic(),
        record.partition(),
        record.offset(),
        reason,
        error);
    Headers headers = new RecordHeaders(record.headers().toArray());
    EventHeaders.put(headers, EventHeaders.DLT_REASON, reason.name());
    EventHeaders.put(headers, EventHeaders.DLT_ERROR, error);
    EventHeaders.put(headers, EventHeaders.ATTEMPT, Integer.toString(attempts));
    headers.remove(EventHeaders.RETRY_AT);
    // A retried event keeps the place it was first read from.
    if (headers.lastHeader(EventHeaders.DLT_TOPIC) == null) {
      EventHeaders.put(headers, EventHeaders.DLT_TOPIC, record.topic());
      EventHeaders.put(headers, EventHeaders.DLT_PARTITION, Integer.toString(record.partition()));
      EventHeaders.put(headers, EventHeaders.DLT_OFFSET, Long.toString(record.offset()));
    }
    if (!send(config.deadLetterTopic(), record, headers)) {
      return clock.millis() + config.initialBackoff().toMillis();
    }
    deadLettered.increment();
    return -1;
  }

  /** Writes a copy of {@code record} and waits for the acknowledgement; false if it failed. */
  private boolean send(String topic, ConsumerRecord<String, byte[]> record, Headers headers) {
    if (topic.equals(config.retryTopic()) && headers.lastHeader(EventHeaders.DLT_TOPIC) == null) {
      EventHeaders.put(headers, EventHeaders.DLT_TOPIC, record.topic());
      EventHeaders.put(headers, EventHeaders.DLT_PARTITION, Integer.toString(record.partition()));
      EventHeaders.put(headers, EventHeaders.DLT_OFFSET, Long.toString(record.offset()));
    }
    try {
      producer.send(new ProducerRecord<>(topic, null, record.key(), record.value(), headers)).get();
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      LOG.warn("interrupted while writing to {}", topic, e);
      return false;
    } catch (ExecutionException | KafkaException e) {
      LOG.warn("cannot write to {}; will read the record again", topic, e);
      return false;
    }
  }

  private void checkTopics() {
    List<String> topics = List.of(config.topic(), config.retryTopic(), config.deadLetterTopic());
    Admin admin = admin(config);
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
      throw unavailable(config, "describe topics " + topics, e.getCause());
    } catch (TimeoutException e) {
      throw unavailable(config, "describe topics " + topics, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while checking topics", e);
    } finally {
      admin.close(Duration.ZERO);
    }
  }

  private static Admin admin(Config config) {
    int timeout = (int) config.brokerTimeout().toMillis();
    return Admin.create(
        Map.of(
            AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers(),
            AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, timeout,
            AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, timeout));
  }

  private RuntimeException translate(String what, Throwable error) {
    return error instanceof org.apache.kafka.common.errors.TimeoutException
        ? unavailable(config, what, error)
        : new KafkaException("cannot " + what + " at " + config.bootstrapServers(), error);
  }

  private static BrokerUnavailableException unavailable(
      Config config, String what, Throwable cause) {
    return new BrokerUnavailableException(
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

  private void ensureOpen() {
    if (state.get() == State.CLOSED) {
      throw new IllegalStateException("the event system is closed");
    }
  }

  private List<String> names() {
    return byName.keySet().stream().sorted().toList();
  }

  private static Long parseLong(String text) {
    if (text == null) {
      return null;
    }
    try {
      return Long.parseLong(text);
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
