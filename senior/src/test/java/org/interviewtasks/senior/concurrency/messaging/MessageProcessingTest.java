package org.interviewtasks.senior.concurrency.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.LongStream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.GroupState;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.interviewtasks.common.testing.Seeds;
import org.interviewtasks.senior.concurrency.messaging.MessageProcessing.Config;
import org.interviewtasks.senior.concurrency.messaging.MessageProcessing.Delivery;
import org.interviewtasks.senior.concurrency.messaging.MessageProcessing.Processor;
import org.interviewtasks.senior.concurrency.messaging.ProducerTuning.Compression;
import org.interviewtasks.senior.concurrency.messaging.Worker.Rebalance;
import org.interviewtasks.senior.infra.KafkaCluster;
import org.interviewtasks.senior.infra.KafkaNodes;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

class MessageProcessingTest {

  /** The processing of the tests: a prefix, and the input rejected when it says "poison". */
  static final Processor DONE =
      (key, value) -> {
        String text = new String(value, StandardCharsets.UTF_8);
        if (text.startsWith("poison")) {
          throw new IllegalArgumentException("cannot process " + key);
        }
        return ("done:" + text).getBytes(StandardCharsets.UTF_8);
      };

  private final List<AutoCloseable> closeables = new CopyOnWriteArrayList<>();

  @AfterEach
  void closeAll() throws Exception {
    for (AutoCloseable closeable : closeables) {
      closeable.close();
    }
  }

  private <T extends AutoCloseable> T track(T closeable) {
    closeables.add(closeable);
    return closeable;
  }

  @Nested
  class Contract {
    private final Config config = Config.of("127.0.0.1:9", "in", "out", "group");

    @Test
    void tuningRejectsBadValuesNamingThem() {
      assertThatThrownBy(() -> new ProducerTuning(Duration.ofMillis(-1), 16_384, Compression.NONE))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("PT0S to PT1S");
      assertThatThrownBy(() -> new ProducerTuning(Duration.ofSeconds(2), 16_384, Compression.NONE))
          .hasMessageContaining("PT2S");
      assertThatThrownBy(() -> new ProducerTuning(Duration.ZERO, 1023, Compression.LZ4))
          .hasMessageContaining("1024..16777216: 1023");
      assertThatThrownBy(() -> new ProducerTuning(Duration.ZERO, 16 * 1024 * 1024 + 1, null))
          .isInstanceOf(NullPointerException.class);
      assertThat(new ProducerTuning(Duration.ofMillis(20), 256 * 1024, Compression.ZSTD).label())
          .isEqualTo("zstd, linger 20 ms, batch 256 KiB");
      assertThat(ProducerTuning.defaults().label()).isEqualTo("none, linger 5 ms, batch 16 KiB");
      Properties props = new Properties();
      new ProducerTuning(Duration.ofSeconds(1), 16 * 1024 * 1024, Compression.GZIP).applyTo(props);
      assertThat(props)
          .containsEntry("linger.ms", 1000)
          .containsEntry("batch.size", 16 * 1024 * 1024)
          .containsEntry("compression.type", "gzip");
    }

    @Test
    void configRejectsBadValuesNamingThem() {
      assertThatThrownBy(() -> Config.of(" ", "in", "out", "g"))
          .hasMessageContaining("bootstrapServers is blank");
      assertThatThrownBy(() -> Config.of("h:1", "bad topic", "out", "g"))
          .hasMessageContaining("\"bad topic\"");
      assertThatThrownBy(() -> Config.of("h:1", "in", "o".repeat(201), "g"))
          .hasMessageContaining("1..200");
      assertThatThrownBy(() -> Config.of("h:1", "same", "same", "g"))
          .hasMessageContaining("both same");
      assertThatThrownBy(() -> Config.of("h:1", "in", "out", "")).hasMessageContaining("groupId");
      assertThatThrownBy(() -> config.withMaxPollRecords(0)).hasMessageContaining("1..100000: 0");
      assertThatThrownBy(() -> config.withMaxPollRecords(100_001))
          .hasMessageContaining("1..100000: 100001");
      assertThatThrownBy(() -> config.withBrokerTimeout(Duration.ofMillis(99)))
          .hasMessageContaining("PT0.1S to PT10M");
      assertThatThrownBy(() -> config.withBrokerTimeout(Duration.ofMinutes(11)))
          .hasMessageContaining("PT0.1S to PT10M");
      assertThatThrownBy(() -> config.withDelivery(null)).isInstanceOf(NullPointerException.class);
      assertThat(config.withMaxPollRecords(100_000).maxPollRecords()).isEqualTo(100_000);
      assertThat(config.withDelivery(Delivery.EXACTLY_ONCE).delivery())
          .isEqualTo(Delivery.EXACTLY_ONCE);
      assertThat(config.deadLetterTopic()).isEqualTo("in.dlt");
    }

    @Test
    void startAndCreateCheckTheirInputBeforeAnyWork() {
      assertThatThrownBy(() -> MessageProcessing.startWorker(config, " ", DONE))
          .hasMessageContaining("memberId is blank");
      assertThatThrownBy(() -> MessageProcessing.startWorker(config, "w", null))
          .isInstanceOf(NullPointerException.class)
          .hasMessageContaining("processor");
      assertThatThrownBy(() -> MessageProcessing.startWorker(config, "w", DONE, null))
          .hasMessageContaining("hook");
      assertThatThrownBy(() -> MessageProcessing.createTopics(config, 0, 1, 1))
          .hasMessageContaining("partitions must be 1..1000: 0");
      assertThatThrownBy(() -> MessageProcessing.createTopics(config, 1, 11, 1))
          .hasMessageContaining("replication must be 1..10: 11");
      assertThatThrownBy(() -> MessageProcessing.createTopics(config, 1, 3, 4))
          .hasMessageContaining("minInSyncReplicas must be 1..3: 4");
    }

    @Test
    void unreachableBrokerFailsFastNamingIt() throws Exception {
      int port;
      try (ServerSocket socket = new ServerSocket(0)) {
        port = socket.getLocalPort();
      }
      Config nowhere =
          Config.of("127.0.0.1:" + port, "in", "out", "g").withBrokerTimeout(Duration.ofSeconds(1));
      assertThatThrownBy(() -> MessageProcessing.startWorker(nowhere, "w", DONE))
          .isInstanceOf(KafkaUnavailableException.class)
          .hasMessageContaining("127.0.0.1:" + port);
      assertThatThrownBy(() -> MessageProcessing.createTopics(nowhere, 1, 1, 1))
          .isInstanceOf(KafkaUnavailableException.class)
          .hasMessageContaining("127.0.0.1:" + port);
      try (KafkaProducer<String, byte[]> source = MessageProcessing.sourceProducer(nowhere)) {
        assertThatThrownBy(
                () -> source.send(new ProducerRecord<>("in", "k", new byte[1])).get(5, SECONDS))
            .hasMessageContaining("in");
      }
    }
  }

  private static final TimeUnit SECONDS = TimeUnit.SECONDS;

  @Nested
  class ZeroMq {

    @Test
    void startRejectsBadValuesNamingThem() {
      assertThatThrownBy(() -> ZeroMqPipeline.start(0, DONE, 10, Duration.ofSeconds(1)))
          .hasMessageContaining("workers must be 1..64: 0");
      assertThatThrownBy(() -> ZeroMqPipeline.start(65, DONE, 10, Duration.ofSeconds(1)))
          .hasMessageContaining("1..64: 65");
      assertThatThrownBy(() -> ZeroMqPipeline.start(1, DONE, 0, Duration.ofSeconds(1)))
          .hasMessageContaining("highWaterMark must be 1..1000000: 0");
      assertThatThrownBy(() -> ZeroMqPipeline.start(1, DONE, 10, Duration.ZERO))
          .hasMessageContaining("PT0.001S to PT10M");
      assertThatThrownBy(() -> ZeroMqPipeline.start(1, null, 10, Duration.ofSeconds(1)))
          .isInstanceOf(NullPointerException.class);
    }

    static LongStream seeds() {
      return Seeds.derive(2);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void everyMessageIsProcessedOnceAcrossTheWorkers(long seed) {
      SplittableRandom random = new SplittableRandom(seed);
      ZeroMqPipeline pipeline =
          track(ZeroMqPipeline.start(3, DONE, 10_000, Duration.ofSeconds(10)));
      Map<String, String> expected = new HashMap<>();
      for (int i = 0; i < 600; i++) {
        String key = "k-" + i + "-" + "äβ🚀".repeat(random.nextInt(3));
        String value = (i == 17 ? "poison" : "v") + "-" + "ж".repeat(random.nextInt(40));
        expected.put(key, value);
        pipeline.send(key, value.getBytes(StandardCharsets.UTF_8));
      }
      Map<String, ZeroMqPipeline.Message> received = new HashMap<>();
      while (received.size() < expected.size()) {
        ZeroMqPipeline.Message message = pipeline.receive(Duration.ofSeconds(10)).orElseThrow();
        assertThat(received.put(message.key(), message)).as("once: " + message.key()).isNull();
      }
      assertThat(pipeline.receive(Duration.ofMillis(50))).isEmpty();
      for (var entry : expected.entrySet()) {
        ZeroMqPipeline.Message message = received.get(entry.getKey());
        String value = new String(message.value(), StandardCharsets.UTF_8);
        if (entry.getValue().startsWith("poison")) {
          assertThat(message.error())
              .hasValueSatisfying(
                  error ->
                      assertThat(error)
                          .startsWith(
                              IllegalArgumentException.class.getName() + ": cannot process k-17-"));
          assertThat(value).isEqualTo(entry.getValue());
        } else {
          assertThat(message.error()).isEmpty();
          assertThat(value).isEqualTo("done:" + entry.getValue());
        }
      }
      assertThat(pipeline.handledPerWorker())
          .as("PUSH deals among the connected workers")
          .allSatisfy(n -> assertThat(n).isPositive());
      assertThat(pipeline.handledPerWorker().stream().mapToLong(Long::longValue).sum())
          .isEqualTo(expected.size());
    }

    @Test
    void aStoppedWorkerLosesWhatWasQueuedToIt() throws Exception {
      CountDownLatch inHand = new CountDownLatch(1);
      CountDownLatch never = new CountDownLatch(1);
      Processor stuckOnFirst =
          (key, value) -> {
            if (key.equals("m-0")) {
              inHand.countDown();
              never.await(); // until stopWorker interrupts it: the crash
            }
            return value;
          };
      ZeroMqPipeline pipeline =
          track(ZeroMqPipeline.start(1, stuckOnFirst, 10_000, Duration.ofMillis(500)));
      int sent = 40;
      for (int i = 0; i < sent; i++) {
        pipeline.send("m-" + i, new byte[] {(byte) i});
      }
      assertThat(inHand.await(10, SECONDS)).isTrue();
      pipeline.stopWorker(0);
      assertThat(pipeline.receive(Duration.ofMillis(500)))
          .as("the 40 messages were only in sockets: gone with the worker, nothing to replay")
          .isEmpty();
      assertThat(pipeline.handledPerWorker()).containsExactly(0L);
      assertThatThrownBy(() -> pipeline.stopWorker(1))
          .isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void closeEndsWhileAWorkerIsStuckSendingToASinkNobodyReads() {
      // The worker processes at once, but nobody receives: with a high-water mark of 1 its sends
      // to the sink block. Closing must stop it without interrupting it inside ZeroMQ, which
      // would break its socket's signalling and leave the context unable to terminate.
      ZeroMqPipeline pipeline =
          track(ZeroMqPipeline.start(1, (key, value) -> value, 1, Duration.ofMillis(300)));
      byte[] large = new byte[256 * 1024];
      assertThatThrownBy(
              () -> {
                for (int i = 0; i < 2_000; i++) {
                  pipeline.send("k" + i, large);
                }
              })
          .hasMessageContaining("no worker took the message");

      assertTimeoutPreemptively(Duration.ofSeconds(20), pipeline::close);
    }

    @Test
    void aFullPipelineBlocksTheSenderAndThenFailsNamingIt() throws Exception {
      CountDownLatch release = new CountDownLatch(1);
      ZeroMqPipeline pipeline =
          track(
              ZeroMqPipeline.start(
                  1,
                  (key, value) -> {
                    release.await();
                    return value;
                  },
                  1,
                  Duration.ofMillis(300)));
      AtomicInteger accepted = new AtomicInteger();
      // Large messages, so that the sockets' kernel buffers fill after a few dozen.
      byte[] large = new byte[256 * 1024];
      try {
        assertThatThrownBy(
                () -> {
                  for (int i = 0; i < 2_000; i++) {
                    pipeline.send("k" + i, large);
                    accepted.incrementAndGet();
                  }
                })
            .isInstanceOf(IllegalStateException.class)
            .hasMessageContaining("zeromq-pipeline-")
            .hasMessageContaining("no worker took the message");
        assertThat(accepted.get()).as("the high-water marks bound what is queued").isLessThan(500);
      } finally {
        release.countDown();
      }
      pipeline.close();
      pipeline.close();
      assertThatThrownBy(() -> pipeline.send("k", new byte[1]))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("closed");
      assertThatThrownBy(() -> pipeline.receive(Duration.ZERO)).hasMessageContaining("closed");
      assertThatThrownBy(() -> pipeline.receive(Duration.ofMinutes(11)))
          .hasMessageContaining("PT0S to PT10M");
    }
  }

  /** 3 brokers, replication factor 3, {@code min.insync.replicas} 2; one cluster for the class. */
  @Nested
  @KafkaCluster(brokers = 3)
  class OnKafka {

    private Config newTopics(KafkaNodes kafka, Delivery delivery, int partitions) {
      String name = "msg-" + UUID.randomUUID();
      Config config =
          Config.of(kafka.bootstrapServers(), name + ".in", name + ".out", name + "-group")
              .withDelivery(delivery)
              .withTuning(new ProducerTuning(Duration.ofMillis(5), 64 * 1024, Compression.LZ4))
              .withMaxPollRecords(100);
      MessageProcessing.createTopics(config, partitions, 3, 2);
      MessageProcessing.createTopics(config, partitions, 3, 2); // existing topics are fine
      return config;
    }

    private Worker worker(
        Config config, String id, Processor processor, MessageProcessing.BatchHook hook) {
      return track(MessageProcessing.startWorker(config, id, processor, hook));
    }

    @ParameterizedTest
    @EnumSource(Delivery.class)
    void membersJoiningAndLeavingMidFlowLoseNothing(Delivery delivery, KafkaNodes kafka) {
      Config config = newTopics(kafka, delivery, 6);
      Map<String, AtomicInteger> attempts = new ConcurrentHashMap<>();
      Processor counting =
          (key, value) -> {
            attempts.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
            return DONE.process(key, value);
          };
      AtomicBoolean killW2 = new AtomicBoolean();
      MessageProcessing.BatchHook hook =
          (member, records) -> {
            if (member.equals("w2") && killW2.compareAndSet(true, false)) {
              throw new IllegalStateException("w2 killed before committing " + records);
            }
          };
      List<Worker> workers = new ArrayList<>();
      int total = 3000;
      try (KafkaProducer<String, byte[]> source = MessageProcessing.sourceProducer(config)) {
        Worker w1 = worker(config, "w1", counting, hook);
        workers.add(w1);
        send(source, config, 0, 1000);
        await().atMost(Duration.ofSeconds(60)).until(() -> attempts.size() >= 300);
        Worker w2 = worker(config, "w2", counting, hook);
        Worker w3 = worker(config, "w3", counting, hook);
        workers.add(w2);
        workers.add(w3);
        send(source, config, 1000, 1800);
        await()
            .atMost(Duration.ofSeconds(60))
            .until(() -> !w2.assignment().isEmpty() && !w3.assignment().isEmpty());
        w1.close();
        send(source, config, 1800, 2400);
        killW2.set(true);
        await().atMost(Duration.ofSeconds(60)).until(() -> !w2.isRunning());
        assertThat(w2.failure()).get().asString().contains("w2 killed before committing");
        // A replacement keeps the dead member's id: its transactional id fences the zombie.
        workers.add(worker(config, "w2", counting, hook));
        send(source, config, 2400, total);
        await().atMost(Duration.ofSeconds(90)).until(() -> attempts.size() == total);
      }
      Map<String, Integer> output = awaitOutput(kafka, config.outputTopic(), total);
      assertThat(output).hasSize(total);
      long duplicates = output.values().stream().mapToLong(n -> n - 1).sum();
      long allowed = workers.stream().mapToLong(w -> w.stats().uncommitted()).sum();
      assertThat(workers.get(1).stats().uncommitted()).as("w2 died holding a batch").isPositive();
      if (delivery == Delivery.EXACTLY_ONCE) {
        assertThat(duplicates).as("read_committed sees each result once").isZero();
      } else {
        assertThat(duplicates).as("at most the uncommitted batches").isBetween(0L, allowed);
      }
      Worker w1 = workers.getFirst();
      assertThat(w1.rebalances().getFirst())
          .isEqualTo(new Rebalance(Rebalance.Kind.ASSIGNED, java.util.Set.of(0, 1, 2, 3, 4, 5)));
      Rebalance firstRevoke =
          w1.rebalances().stream()
              .filter(r -> r.kind() == Rebalance.Kind.REVOKED)
              .findFirst()
              .orElseThrow();
      assertThat(firstRevoke.partitions())
          .as("cooperative: a joining member takes some partitions, w1 keeps the others")
          .isNotEmpty()
          .hasSizeLessThan(6);
    }

    @ParameterizedTest
    @EnumSource(Delivery.class)
    void aRebalanceWhileABatchIsInFlightHandsOverCommitted(Delivery delivery, KafkaNodes kafka)
        throws Exception {
      Config config = newTopics(kafka, delivery, 4);
      CountDownLatch inFlight = new CountDownLatch(1);
      CountDownLatch release = new CountDownLatch(1);
      AtomicBoolean hold = new AtomicBoolean(true);
      MessageProcessing.BatchHook hook =
          (member, records) -> {
            if (member.equals("w1") && hold.compareAndSet(true, false)) {
              inFlight.countDown();
              release.await();
            }
          };
      int total = 800;
      try (KafkaProducer<String, byte[]> source = MessageProcessing.sourceProducer(config);
          Admin admin = MessageProcessing.admin(config)) {
        Worker w1 = worker(config, "w1", DONE, hook);
        send(source, config, 0, 400);
        assertThat(inFlight.await(60, SECONDS)).isTrue();
        Worker w2 = worker(config, "w2", DONE, hook);
        await()
            .atMost(Duration.ofSeconds(60))
            .until(
                () ->
                    admin
                            .describeConsumerGroups(List.of(config.groupId()))
                            .all()
                            .get()
                            .get(config.groupId())
                            .groupState()
                        == GroupState.PREPARING_REBALANCE);
        assertThat(w2.assignment()).as("the group waits for w1's batch").isEmpty();
        release.countDown();
        send(source, config, 400, total);
        await().atMost(Duration.ofSeconds(60)).until(() -> !w2.assignment().isEmpty());
        Map<String, Integer> output = awaitOutput(kafka, config.outputTopic(), total);
        assertThat(output.values())
            .as("the batch in flight was committed, then handed over")
            .containsOnly(1);
        if (delivery == Delivery.AT_LEAST_ONCE) {
          assertThat(w1.stats().uncommitted() + w2.stats().uncommitted())
              .as("the commit the rebalance refused was made at the handover")
              .isZero();
        }
        // Exactly-once may instead abort w1's transaction (its group generation is stale after the
        // rebalance) and redo the batch: read_committed readers never see the aborted copy.
        assertThat(w1.assignment()).hasSizeLessThan(4).isNotEmpty();
      }
    }

    @Test
    void aRejectedMessageGoesToTheDeadLetterTopicInTheSameTransaction(KafkaNodes kafka) {
      Config config = newTopics(kafka, Delivery.EXACTLY_ONCE, 1);
      worker(config, "w1", DONE, (m, r) -> {});
      try (KafkaProducer<String, byte[]> source = MessageProcessing.sourceProducer(config)) {
        for (int i = 0; i < 20; i++) {
          String value = i == 7 ? "poison pill" : "v" + i;
          acked(
              source.send(
                  new ProducerRecord<>(
                      config.inputTopic(), "k" + i, value.getBytes(StandardCharsets.UTF_8))));
        }
      }
      Map<String, Integer> output = awaitOutput(kafka, config.outputTopic(), 19);
      assertThat(output).hasSize(19).doesNotContainKey("k7");
      await()
          .atMost(Duration.ofSeconds(30))
          .until(() -> readAll(kafka, config.deadLetterTopic()).size() == 1);
      List<ConsumerRecord<String, byte[]>> dead = readAll(kafka, config.deadLetterTopic());
      ConsumerRecord<String, byte[]> letter = dead.getFirst();
      assertThat(letter.key()).isEqualTo("k7");
      assertThat(new String(letter.value(), StandardCharsets.UTF_8)).isEqualTo("poison pill");
      assertThat(header(letter, MessageProcessing.DLT_ERROR))
          .isEqualTo(IllegalArgumentException.class.getName() + ": cannot process k7");
      assertThat(header(letter, MessageProcessing.DLT_TOPIC)).isEqualTo(config.inputTopic());
      assertThat(header(letter, MessageProcessing.DLT_PARTITION)).isEqualTo("0");
      assertThat(header(letter, MessageProcessing.DLT_OFFSET)).isEqualTo("7");
      assertThat(header(letter, MessageProcessing.PROCESSED_BY)).isEqualTo("w1");
    }

    static LongStream seeds() {
      return Seeds.derive(2);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void randomMessagesRoundTripUnderRandomSettings(long seed, KafkaNodes kafka) {
      SplittableRandom random = new SplittableRandom(seed);
      List<Delivery> deliveries = List.of(Delivery.AT_LEAST_ONCE, Delivery.EXACTLY_ONCE);
      Delivery delivery = deliveries.get(random.nextInt(deliveries.size()));
      List<Compression> codecs = List.copyOf(java.util.EnumSet.allOf(Compression.class));
      Compression compression = codecs.get(random.nextInt(codecs.size()));
      ProducerTuning tuning =
          new ProducerTuning(
              Duration.ofMillis(random.nextInt(0, 30)), 1024 << random.nextInt(0, 8), compression);
      Config config =
          newTopics(kafka, delivery, 3)
              .withTuning(tuning)
              .withMaxPollRecords(random.nextInt(1, 300));
      Map<String, String> expected = new HashMap<>();
      worker(config, "w1", DONE, (m, r) -> {});
      worker(config, "w2", DONE, (m, r) -> {});
      try (KafkaProducer<String, byte[]> source = MessageProcessing.sourceProducer(config)) {
        for (int i = 0; i < 400; i++) {
          String key = "ключ-" + i + "-" + "🚀".repeat(random.nextInt(3));
          StringBuilder value = new StringBuilder();
          int length = random.nextInt(0, 2000);
          for (int c = 0; c < length; c++) {
            value.appendCodePoint(
                random.nextInt(10) == 0 ? 0x4E00 + random.nextInt(500) : 'a' + random.nextInt(3));
          }
          expected.put(key, "done:" + value);
          acked(
              source.send(
                  new ProducerRecord<>(
                      config.inputTopic(),
                      key,
                      value.toString().getBytes(StandardCharsets.UTF_8))));
        }
      }
      awaitOutput(kafka, config.outputTopic(), expected.size());
      Map<String, String> actual = new HashMap<>();
      for (ConsumerRecord<String, byte[]> record : readAll(kafka, config.outputTopic())) {
        assertThat(actual.put(record.key(), new String(record.value(), StandardCharsets.UTF_8)))
            .as("once (%s, %s, seed %d)", tuning.label(), delivery, seed)
            .isNull();
      }
      assertThat(actual).isEqualTo(expected);
    }

    @Test
    void aWorkerNeedsItsTopics(KafkaNodes kafka) {
      Config config = Config.of(kafka.bootstrapServers(), "absent-in", "absent-out", "g");
      assertThatThrownBy(() -> MessageProcessing.startWorker(config, "w", DONE))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("must exist");
    }

    private static void send(
        KafkaProducer<String, byte[]> source, Config config, int from, int to) {
      List<java.util.concurrent.Future<?>> acks = new ArrayList<>();
      for (int i = from; i < to; i++) {
        acks.add(
            source.send(
                new ProducerRecord<>(
                    config.inputTopic(),
                    "m-" + i,
                    ("message " + i + " ✓").getBytes(StandardCharsets.UTF_8))));
      }
      acks.forEach(MessageProcessingTest::acked);
    }
  }

  /** Waits for a send's acknowledgement. */
  static void acked(java.util.concurrent.Future<?> send) {
    try {
      send.get(60, SECONDS);
    } catch (Exception e) {
      throw new AssertionError("not acknowledged", e);
    }
  }

  private static String header(ConsumerRecord<?, ?> record, String name) {
    Header header = record.headers().lastHeader(name);
    return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
  }

  /** How often each key is in the topic, once all {@code distinct} keys are there. */
  static Map<String, Integer> awaitOutput(KafkaNodes kafka, String topic, int distinct) {
    Map<String, Integer> counts = new HashMap<>();
    await()
        .atMost(Duration.ofSeconds(90))
        .pollInterval(Duration.ofMillis(300))
        .until(
            () -> {
              counts.clear();
              readAll(kafka, topic).forEach(r -> counts.merge(r.key(), 1, Integer::sum));
              return counts.size() >= distinct;
            });
    return counts;
  }

  /** Every committed record of {@code topic}, read with {@code read_committed}. */
  static List<ConsumerRecord<String, byte[]>> readAll(KafkaNodes kafka, String topic) {
    Properties props = new Properties();
    props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000);
    List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
    try (KafkaConsumer<String, byte[]> consumer =
        new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer())) {
      List<TopicPartition> partitions =
          consumer.partitionsFor(topic).stream()
              .map(p -> new TopicPartition(topic, p.partition()))
              .toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
      while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
        consumer.poll(Duration.ofMillis(200)).forEach(records::add);
      }
    }
    return records;
  }
}
