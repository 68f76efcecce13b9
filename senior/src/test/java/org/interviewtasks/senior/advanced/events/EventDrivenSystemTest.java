package org.interviewtasks.senior.advanced.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.LongStream;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.interviewtasks.common.testing.Seeds;
import org.interviewtasks.senior.advanced.events.EventDrivenSystem.Config;
import org.interviewtasks.senior.advanced.events.EventDrivenSystem.EventContext;
import org.interviewtasks.senior.infra.KafkaCluster;
import org.interviewtasks.senior.infra.KafkaNodes;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class EventDrivenSystemTest {

  /** An event of the tests: a deposit of {@code cents} with a sequence number per account. */
  record Deposited(String account, int seq, long cents, String note) {}

  /** A second event type, published but handled by nobody in these tests. */
  record Audited(String by) {}

  private static final String DEPOSITED = "account.deposited";

  private final List<EventDrivenSystem> systems = new CopyOnWriteArrayList<>();

  @AfterEach
  void closeSystems() {
    systems.forEach(EventDrivenSystem::close);
  }

  private EventDrivenSystem track(EventDrivenSystem system) {
    systems.add(system);
    return system;
  }

  @Nested
  class Contract {

    private final Config config = Config.of("127.0.0.1:9", "events", "group");

    @Test
    void configRejectsBadValuesNamingThem() {
      assertThatThrownBy(() -> Config.of(" ", "t", "g"))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("bootstrapServers");
      assertThatThrownBy(() -> Config.of("h:1", "bad topic", "g"))
          .hasMessageContaining("\"bad topic\"");
      assertThatThrownBy(() -> Config.of("h:1", "t".repeat(201), "g"))
          .hasMessageContaining("1..200");
      assertThatThrownBy(() -> Config.of("h:1", "t", "")).hasMessageContaining("groupId");
      assertThatThrownBy(() -> config.withMaxAttempts(0)).hasMessageContaining("1..100: 0");
      assertThatThrownBy(() -> config.withMaxAttempts(101)).hasMessageContaining("1..100: 101");
      assertThatThrownBy(() -> config.withBackoff(Duration.ZERO, Duration.ofSeconds(1)))
          .hasMessageContaining("initialBackoff must be positive");
      assertThatThrownBy(() -> config.withBackoff(Duration.ofSeconds(2), Duration.ofSeconds(1)))
          .hasMessageContaining("maxBackoff");
      assertThatThrownBy(() -> config.withBackoff(Duration.ofSeconds(1), Duration.ofHours(2)))
          .hasMessageContaining("PT1H");
      assertThatThrownBy(() -> config.withBrokerTimeout(Duration.ofMillis(99)))
          .hasMessageContaining("PT0.1S to PT10M");
      assertThatThrownBy(() -> Config.of(null, "t", "g")).isInstanceOf(NullPointerException.class);
      assertThat(config.withMaxAttempts(100).maxAttempts()).isEqualTo(100);
      assertThat(config.retryTopic()).isEqualTo("events.retry");
      assertThat(config.deadLetterTopic()).isEqualTo("events.dlt");
    }

    @Test
    void backoffDoublesUpToTheCap() {
      Config c = config.withBackoff(Duration.ofMillis(100), Duration.ofMillis(500));
      assertThat(List.of(c.backoff(1), c.backoff(2), c.backoff(3), c.backoff(4), c.backoff(60)))
          .containsExactly(
              Duration.ofMillis(100),
              Duration.ofMillis(200),
              Duration.ofMillis(400),
              Duration.ofMillis(500),
              Duration.ofMillis(500));
      assertThatThrownBy(() -> c.backoff(0)).hasMessageContaining("at least 1: 0");
    }

    @Test
    void builderRejectsDuplicateAndBadRegistrations() {
      EventDrivenSystem.Builder builder =
          EventDrivenSystem.builder(config).on(Deposited.class, DEPOSITED, 1, (c, e) -> {});
      assertThatThrownBy(() -> builder.type(Audited.class, DEPOSITED, 1))
          .hasMessageContaining("already registered: " + DEPOSITED);
      assertThatThrownBy(() -> builder.type(Deposited.class, "other", 1))
          .hasMessageContaining("already registered: " + Deposited.class.getName());
      assertThatThrownBy(() -> builder.type(Audited.class, "bad name", 1))
          .hasMessageContaining("\"bad name\"");
      assertThatThrownBy(() -> builder.type(Audited.class, "audited", 0))
          .hasMessageContaining("at least 1: 0");
      assertThatThrownBy(() -> builder.on(Audited.class, "audited", 1, null))
          .isInstanceOf(NullPointerException.class)
          .hasMessageContaining("handler");
    }

    @Test
    void publishChecksItsInputAndStateBeforeAnyWork() {
      EventDrivenSystem system =
          track(EventDrivenSystem.builder(config).type(Deposited.class, DEPOSITED, 1).build());
      assertThatThrownBy(() -> system.publish("k", new Audited("me")))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("not registered: " + Audited.class.getName())
          .hasMessageContaining(DEPOSITED);
      assertThatThrownBy(() -> system.publish(" ", "k", new Deposited("a", 1, 1, "")))
          .hasMessageContaining("eventId is blank");
      assertThatThrownBy(() -> system.publish(null, new Deposited("a", 1, 1, "")))
          .isInstanceOf(NullPointerException.class);
      assertThatThrownBy(system::start).hasMessageContaining("no handler registered");
      system.close();
      system.close();
      assertThatThrownBy(() -> system.publish("k", new Deposited("a", 1, 1, "")))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("closed");
    }

    @Test
    void unreachableBrokerFailsFastNamingIt() throws Exception {
      int port;
      try (ServerSocket socket = new ServerSocket(0)) {
        port = socket.getLocalPort();
      }
      Config nowhere =
          Config.of("127.0.0.1:" + port, "events", "g").withBrokerTimeout(Duration.ofSeconds(1));
      EventDrivenSystem system =
          track(
              EventDrivenSystem.builder(nowhere)
                  .on(Deposited.class, DEPOSITED, 1, (c, e) -> {})
                  .build());
      assertThatThrownBy(system::start)
          .isInstanceOf(BrokerUnavailableException.class)
          .hasMessageContaining("127.0.0.1:" + port);
      assertThat(system.isRunning()).isFalse();
      assertThatThrownBy(system::start).hasMessageContaining("FAILED");
      CompletableFuture<?> published = system.publish("k", new Deposited("a", 1, 1, ""));
      assertThat(published)
          .failsWithin(Duration.ofSeconds(30))
          .withThrowableOfType(java.util.concurrent.ExecutionException.class)
          .havingCause()
          .isInstanceOf(BrokerUnavailableException.class)
          .withMessageContaining("127.0.0.1:" + port);
      assertThatThrownBy(() -> EventDrivenSystem.createTopics(nowhere, 1, 1, 1))
          .isInstanceOf(BrokerUnavailableException.class)
          .hasMessageContaining("127.0.0.1:" + port);
    }

    @Test
    void createTopicsChecksSizes() {
      assertThatThrownBy(() -> EventDrivenSystem.createTopics(config, 0, 1, 1))
          .hasMessageContaining("partitions must be 1..1000: 0");
      assertThatThrownBy(() -> EventDrivenSystem.createTopics(config, 1, 11, 1))
          .hasMessageContaining("replication must be 1..10: 11");
      assertThatThrownBy(() -> EventDrivenSystem.createTopics(config, 1, 3, 4))
          .hasMessageContaining("minInSyncReplicas must be 1..3: 4");
    }

    @Test
    void deadLetterHeadersAreRequired() {
      assertThatThrownBy(() -> DeadLetter.from(new RecordHeaders()))
          .hasMessageContaining("no header " + EventHeaders.DLT_REASON);
    }

    @Test
    void processedEventsRunsAnEffectOncePerScopeAndId() throws Exception {
      ProcessedEvents store = ProcessedEvents.inMemory();
      AtomicInteger runs = new AtomicInteger();
      assertThat(store.runOnce("g", "e1", runs::incrementAndGet)).isTrue();
      assertThat(store.runOnce("g", "e1", runs::incrementAndGet)).isFalse();
      assertThat(store.runOnce("other", "e1", runs::incrementAndGet)).isTrue();
      assertThat(runs).hasValue(2);
      assertThatThrownBy(
              () ->
                  store.runOnce(
                      "g",
                      "e2",
                      () -> {
                        throw new IllegalStateException("boom");
                      }))
          .hasMessage("boom");
      assertThat(store.runOnce("g", "e2", runs::incrementAndGet))
          .as("a failed effect is not recorded")
          .isTrue();
      assertThat(((ProcessedEvents.InMemory) store).size()).isEqualTo(3);
    }

    @Test
    void concurrentDuplicatesApplyOnce() throws Exception {
      ProcessedEvents store = ProcessedEvents.inMemory();
      AtomicInteger runs = new AtomicInteger();
      int threads = 16;
      CyclicBarrier start = new CyclicBarrier(threads);
      List<Future<Boolean>> results = new ArrayList<>();
      try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
        for (int i = 0; i < threads; i++) {
          results.add(
              pool.submit(
                  () -> {
                    start.await();
                    return store.runOnce("g", "same", runs::incrementAndGet);
                  }));
        }
      }
      long ran = 0;
      for (Future<Boolean> result : results) {
        ran += result.get() ? 1 : 0;
      }
      assertThat(ran).isEqualTo(1);
      assertThat(runs).hasValue(1);
    }
  }

  /** Runs against 3 brokers: replication factor 3, {@code min.insync.replicas} 2. */
  @Nested
  @KafkaCluster(brokers = 3)
  class OnKafka {

    private Config newTopic(KafkaNodes kafka, int partitions) {
      String name = "events-" + UUID.randomUUID();
      Config config =
          Config.of(kafka.bootstrapServers(), name, name + "-group")
              .withBackoff(Duration.ofMillis(50), Duration.ofMillis(200));
      EventDrivenSystem.createTopics(config, partitions, 3, 2);
      EventDrivenSystem.createTopics(config, partitions, 3, 2); // existing topics are fine
      return config;
    }

    static LongStream seeds() {
      return Seeds.derive(1);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void eventsOfOneKeyAreHandledInOrderAndRoundTripExactly(long seed, KafkaNodes kafka) {
      Config config = newTopic(kafka, 3);
      Map<String, List<Deposited>> byAccount = new ConcurrentHashMap<>();
      Set<String> ids = ConcurrentHashMap.newKeySet();
      EventDrivenSystem system =
          track(
              EventDrivenSystem.builder(config)
                  .on(
                      Deposited.class,
                      DEPOSITED,
                      1,
                      (context, event) -> {
                        assertThat(context.key()).isEqualTo(event.account());
                        assertThat(context.attempt()).isEqualTo(1);
                        ids.add(context.eventId());
                        byAccount
                            .computeIfAbsent(
                                event.account(),
                                a -> Collections.synchronizedList(new ArrayList<>()))
                            .add(event);
                      })
                  .type(Audited.class, "audited", 1)
                  .build());
      system.start();
      SplittableRandom random = new SplittableRandom(seed);
      List<String> accounts = List.of("ana", "björn", "chloé", "dmitrij", "乐", "zoë");
      Map<String, Integer> next = new HashMap<>();
      List<Deposited> sent = new ArrayList<>();
      List<CompletableFuture<?>> acks = new ArrayList<>();
      for (int i = 0; i < 150; i++) {
        String account = accounts.get(random.nextInt(accounts.size()));
        int seq = next.merge(account, 1, Integer::sum) - 1;
        Deposited event =
            new Deposited(account, seq, random.nextLong(1, 1_000_000), "dépôt №" + i + " 🚀");
        sent.add(event);
        acks.add(system.publish(account, event));
        if (i % 50 == 0) {
          acks.add(system.publish("audit", new Audited("ops")));
        }
      }
      CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new)).join();
      await()
          .atMost(Duration.ofSeconds(60))
          .until(() -> byAccount.values().stream().mapToInt(List::size).sum() >= sent.size());
      for (String account : byAccount.keySet()) {
        assertThat(byAccount.get(account))
            .as("events of %s in publishing order", account)
            .containsExactlyElementsOf(
                sent.stream().filter(e -> e.account().equals(account)).toList());
      }
      assertThat(ids).hasSize(sent.size());
      assertThat(system.stats()).isEqualTo(new EventDrivenSystem.Stats(sent.size(), 0, 0, 0));
      assertThatThrownBy(system::start).hasMessageContaining("RUNNING");
    }

    @Test
    void consumerKilledBetweenHandlingAndCommittingIsRedeliveredAndAppliedOnce(KafkaNodes kafka) {
      Config config = newTopic(kafka, 3);
      ProcessedEvents store = ProcessedEvents.inMemory();
      Map<Integer, AtomicInteger> applied = new ConcurrentHashMap<>();
      EventDrivenSystem.EventHandler<Deposited> handler =
          (context, event) ->
              applied.computeIfAbsent(event.seq(), s -> new AtomicInteger()).incrementAndGet();
      AtomicBoolean crashed = new AtomicBoolean();
      EventDrivenSystem first =
          track(
              EventDrivenSystem.builder(config)
                  .on(Deposited.class, DEPOSITED, 1, handler)
                  .processedEvents(store)
                  .beforeCommit(
                      offsets -> {
                        if (crashed.compareAndSet(false, true)) {
                          throw new IllegalStateException("killed before committing " + offsets);
                        }
                      })
                  .build());
      int count = 60;
      List<CompletableFuture<?>> acks = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        acks.add(first.publish("acct-" + (i % 7), new Deposited("acct-" + (i % 7), i, i, "")));
      }
      CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new)).join();
      first.start();
      await().atMost(Duration.ofSeconds(60)).until(() -> !first.isRunning());
      assertThat(first.failure()).get().asString().contains("killed before committing");
      long handledBeforeCrash = first.stats().handled();
      assertThat(handledBeforeCrash).isPositive();

      EventDrivenSystem second =
          track(
              EventDrivenSystem.builder(config)
                  .on(Deposited.class, DEPOSITED, 1, handler)
                  .processedEvents(store)
                  .build());
      second.start();
      await().atMost(Duration.ofSeconds(60)).until(() -> applied.size() == count);
      await()
          .atMost(Duration.ofSeconds(60))
          .until(() -> second.stats().handled() + second.stats().duplicates() >= count);
      assertThat(applied.values()).allSatisfy(n -> assertThat(n).hasValue(1));
      assertThat(second.stats().duplicates())
          .as("the uncommitted batch was redelivered and skipped")
          .isEqualTo(handledBeforeCrash);
      assertThat(second.stats().handled()).isEqualTo(count - handledBeforeCrash);
    }

    @Test
    void poisonEventIsDeadLetteredAfterItsAttemptsWhileThePartitionFlows(KafkaNodes kafka) {
      Config config = newTopic(kafka, 1);
      List<String> log = new CopyOnWriteArrayList<>();
      List<EventContext> poisonAttempts = new CopyOnWriteArrayList<>();
      EventDrivenSystem system =
          track(
              EventDrivenSystem.builder(config)
                  .on(
                      Deposited.class,
                      DEPOSITED,
                      1,
                      (context, event) -> {
                        log.add(event.note() + "#" + context.attempt());
                        if (event.note().equals("poison")) {
                          poisonAttempts.add(context);
                          throw new IllegalArgumentException(
                              "cannot deposit to " + event.account());
                        }
                      })
                  .build());
      List<CompletableFuture<?>> acks = new ArrayList<>();
      for (int i = 0; i < 10; i++) {
        acks.add(system.publish("k", new Deposited("acct", i, 1, i == 4 ? "poison" : "e" + i)));
      }
      CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new)).join();
      system.start();

      List<ConsumerRecord<String, byte[]>> dead = readAll(kafka, config.deadLetterTopic(), 1);
      assertThat(dead).hasSize(1);
      DeadLetter letter = DeadLetter.from(dead.getFirst().headers());
      assertThat(letter.reason()).isEqualTo(DeadLetter.Reason.HANDLER_FAILED);
      assertThat(letter.attempts()).isEqualTo(3);
      assertThat(letter.error())
          .isEqualTo(IllegalArgumentException.class.getName() + ": cannot deposit to acct");
      assertThat(letter.originalTopic()).isEqualTo(config.topic());
      assertThat(letter.originalPartition()).isZero();
      assertThat(letter.originalOffset()).isEqualTo(4);
      assertThat(letter.eventId()).isEqualTo(poisonAttempts.getFirst().eventId());
      assertThat(dead.getFirst().key()).isEqualTo("k");
      assertThat(new String(dead.getFirst().value(), StandardCharsets.UTF_8))
          .contains("\"note\":\"poison\"");
      assertThat(poisonAttempts).extracting(EventContext::attempt).containsExactly(1, 2, 3);
      assertThat(poisonAttempts)
          .extracting(EventContext::topic)
          .containsExactly(config.topic(), config.retryTopic(), config.retryTopic());
      assertThat(log.indexOf("e9#1"))
          .as("the events after the poison were handled before its first retry")
          .isLessThan(log.indexOf("poison#2"));
      for (int i = 0; i < 10; i++) {
        if (i != 4) {
          assertThat(log).containsOnlyOnce("e" + i + "#1");
        }
      }
      await().atMost(Duration.ofSeconds(30)).until(() -> system.stats().deadLettered() == 1);
      assertThat(system.stats()).isEqualTo(new EventDrivenSystem.Stats(9, 0, 2, 1));
    }

    @Test
    void unreadableRecordsGoToTheDeadLetterTopicWithTheirReason(KafkaNodes kafka) {
      Config config = newTopic(kafka, 1);
      List<Deposited> handled = new CopyOnWriteArrayList<>();
      EventDrivenSystem system =
          track(
              EventDrivenSystem.builder(config)
                  .on(Deposited.class, DEPOSITED, 2, (c, e) -> handled.add(e))
                  .build());
      try (KafkaProducer<String, byte[]> raw = rawProducer(kafka)) {
        raw.send(record(config, "id-1", DEPOSITED, "2", "{not json")).get();
        raw.send(record(config, null, DEPOSITED, "1", "{}")).get();
        raw.send(record(config, "id-3", "account.closed", "1", "{}")).get();
        raw.send(record(config, "id-4", DEPOSITED, "3", json("a", 1))).get();
        raw.send(record(config, "id-5", DEPOSITED, "x", json("a", 2))).get();
        raw.send(record(config, "id-6", DEPOSITED, "1", json("a", 3))).get();
        raw.send(record(config, "id-7", DEPOSITED, "2", null)).get();
      } catch (Exception e) {
        throw new AssertionError(e);
      }
      system.start();
      List<ConsumerRecord<String, byte[]>> dead = readAll(kafka, config.deadLetterTopic(), 6);
      List<DeadLetter> letters = dead.stream().map(r -> DeadLetter.from(r.headers())).toList();
      assertThat(letters)
          .extracting(DeadLetter::reason)
          .containsExactly(
              DeadLetter.Reason.MALFORMED,
              DeadLetter.Reason.MALFORMED,
              DeadLetter.Reason.UNKNOWN_TYPE,
              DeadLetter.Reason.UNSUPPORTED_VERSION,
              DeadLetter.Reason.MALFORMED,
              DeadLetter.Reason.MALFORMED);
      assertThat(letters)
          .extracting(DeadLetter::originalOffset)
          .containsExactly(0L, 1L, 2L, 3L, 4L, 6L);
      assertThat(letters).extracting(DeadLetter::attempts).containsOnly(0);
      assertThat(letters.get(0).error()).startsWith("cannot read " + DEPOSITED);
      assertThat(letters.get(1).error()).contains(EventHeaders.EVENT_ID);
      assertThat(letters.get(2).error()).contains("account.closed").contains(DEPOSITED);
      assertThat(letters.get(3).error()).contains("version 3").contains("newer than 2");
      assertThat(letters.get(5).error()).contains("no payload");
      await().atMost(Duration.ofSeconds(30)).until(() -> handled.size() == 1);
      assertThat(handled).containsExactly(new Deposited("a", 3, 100, "ünï"));
    }

    @Test
    void brokerStoppedAndRestartedMidStreamLosesNoAcknowledgedEvent(KafkaNodes kafka) {
      Config config = newTopic(kafka, 3);
      Map<Integer, AtomicInteger> applied = new ConcurrentHashMap<>();
      EventDrivenSystem system =
          track(
              EventDrivenSystem.builder(config)
                  .on(
                      Deposited.class,
                      DEPOSITED,
                      1,
                      (c, e) ->
                          applied
                              .computeIfAbsent(e.seq(), s -> new AtomicInteger())
                              .incrementAndGet())
                  .build());
      system.start();
      int broker = kafka.brokerIds().getFirst();
      List<CompletableFuture<EventDrivenSystem.Published>> acks = new ArrayList<>();
      publish(system, acks, 0, 80);
      await().atMost(Duration.ofSeconds(60)).until(() -> applied.size() >= 40);
      kafka.stopBroker(broker);
      publish(system, acks, 80, 160);
      kafka.startBroker(broker);
      publish(system, acks, 160, 240);
      Set<Integer> acknowledged = ConcurrentHashMap.newKeySet();
      for (int i = 0; i < acks.size(); i++) {
        try {
          acks.get(i).get();
          acknowledged.add(i);
        } catch (Exception e) {
          // Not acknowledged: the bus makes no promise about it.
        }
      }
      assertThat(acknowledged).as("min.insync.replicas=2 holds with one broker down").hasSize(240);
      await()
          .atMost(Duration.ofSeconds(90))
          .until(() -> applied.keySet().containsAll(acknowledged));
      assertThat(applied.values()).allSatisfy(n -> assertThat(n).hasValue(1));
      assertThat(system.isRunning()).isTrue();
    }

    private static void publish(
        EventDrivenSystem system,
        List<CompletableFuture<EventDrivenSystem.Published>> acks,
        int from,
        int to) {
      for (int i = from; i < to; i++) {
        acks.add(system.publish("acct-" + (i % 5), new Deposited("acct-" + (i % 5), i, i, "")));
      }
    }
  }

  private static String json(String account, int seq) {
    return "{\"account\":\"" + account + "\",\"seq\":" + seq + ",\"cents\":100,\"note\":\"ünï\"}";
  }

  private static ProducerRecord<String, byte[]> record(
      Config config, String id, String type, String version, String payload) {
    RecordHeaders headers = new RecordHeaders();
    if (id != null) {
      EventHeaders.put(headers, EventHeaders.EVENT_ID, id);
    }
    EventHeaders.put(headers, EventHeaders.EVENT_TYPE, type);
    EventHeaders.put(headers, EventHeaders.SCHEMA_VERSION, version);
    return new ProducerRecord<>(
        config.topic(),
        0,
        "k",
        payload == null ? null : payload.getBytes(StandardCharsets.UTF_8),
        headers);
  }

  private static KafkaProducer<String, byte[]> rawProducer(KafkaNodes kafka) {
    Properties props = new Properties();
    props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
    props.put(ProducerConfig.ACKS_CONFIG, "all");
    return new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer());
  }

  static List<ConsumerRecord<String, byte[]>> readAll(KafkaNodes kafka, String topic, int n) {
    Properties props = new Properties();
    props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
    props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
    try (KafkaConsumer<String, byte[]> consumer =
        new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer())) {
      consumer.assign(List.of(new TopicPartition(topic, 0)));
      await()
          .atMost(Duration.ofSeconds(60))
          .pollInSameThread()
          .pollDelay(Duration.ZERO)
          .until(
              () -> {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
                return records.size() >= n;
              });
    }
    return records;
  }
}
