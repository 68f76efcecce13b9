package org.interviewtasks.senior.concurrency.messaging;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;
import org.interviewtasks.senior.concurrency.messaging.MessageProcessing.Config;
import org.interviewtasks.senior.concurrency.messaging.MessageProcessing.Processor;
import org.interviewtasks.senior.concurrency.messaging.ProducerTuning.Compression;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Messages per second through the whole pipeline (source, two workers, sink) on one machine: over
 * an embedded single-node Kafka (KRaft, in the benchmark's JVM) for a few batching and compression
 * settings, and over ZeroMQ PUSH/PULL with no broker. Each invocation moves {@link #MESSAGES}
 * messages of about {@link #SIZE} bytes (JSON-like text, so compression has something to do); JMH's
 * ops/s are messages per second, and MB/s are those times {@link #SIZE}.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@OperationsPerInvocation(MessageProcessingBenchmark.MESSAGES)
@Warmup(iterations = 1, time = 5)
@Measurement(iterations = 3, time = 5)
@Fork(1)
public class MessageProcessingBenchmark {

  /** Messages per invocation. */
  static final int MESSAGES = 20_000;

  /** Bytes per message, about. */
  static final int SIZE = 200;

  static final Processor PROCESS =
      (key, value) -> {
        byte[] out = value.clone();
        out[0] = (byte) Character.toUpperCase(out[0]);
        return out;
      };

  static byte[] payload(int i) {
    String text =
        String.format(
            Locale.ROOT,
            "{\"id\":%d,\"user\":\"user-%d\",\"event\":\"page_view\",\"path\":\"/items/%d\","
                + "\"agent\":\"Mozilla/5.0 (X11; Linux x86_64)\",\"ms\":%d}",
            i,
            i % 1000,
            i % 97,
            i % 500);
    StringBuilder padded = new StringBuilder(text);
    while (padded.length() < SIZE) {
      padded.append(' ');
    }
    return padded.toString().getBytes(StandardCharsets.UTF_8);
  }

  /** One Kafka node, topics of 6 partitions, two workers, a source and a sink. */
  @State(Scope.Benchmark)
  public static class KafkaPipeline {
    /** {@code codec-lingerMs-batchKiB}. */
    @Param({"none-0-16", "lz4-5-64", "zstd-20-256", "gzip-5-64"})
    public String settings;

    private KafkaClusterTestKit kit;
    private Worker first;
    private Worker second;
    private KafkaProducer<String, byte[]> source;
    private KafkaConsumer<String, byte[]> sink;
    private Config config;
    private int sent;

    @Setup(Level.Trial)
    public void start() throws Exception {
      kit =
          new KafkaClusterTestKit.Builder(
                  new TestKitNodes.Builder()
                      .setCombined(true)
                      .setNumControllerNodes(1)
                      .setNumBrokerNodes(1)
                      .build())
              .setConfigProp("offsets.topic.replication.factor", "1")
              .setConfigProp("transaction.state.log.replication.factor", "1")
              .setConfigProp("transaction.state.log.min.isr", "1")
              .setConfigProp("group.initial.rebalance.delay.ms", "0")
              .build();
      kit.format();
      kit.startup();
      kit.waitForReadyBrokers();
      String[] parts = settings.split("-", -1);
      ProducerTuning tuning =
          new ProducerTuning(
              Duration.ofMillis(Integer.parseInt(parts[1])),
              Integer.parseInt(parts[2]) * 1024,
              Compression.valueOf(parts[0].toUpperCase(Locale.ROOT)));
      config =
          Config.of(kit.bootstrapServers(), "bench.in", "bench.out", "bench")
              .withTuning(tuning)
              .withMaxPollRecords(2000);
      MessageProcessing.createTopics(config, 6, 1, 1);
      first = MessageProcessing.startWorker(config, "w1", PROCESS);
      second = MessageProcessing.startWorker(config, "w2", PROCESS);
      source = MessageProcessing.sourceProducer(config);
      Properties props = new Properties();
      props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kit.bootstrapServers());
      props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000);
      sink = new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer());
      List<TopicPartition> partitions =
          sink.partitionsFor(config.outputTopic()).stream()
              .map(p -> new TopicPartition(config.outputTopic(), p.partition()))
              .toList();
      sink.assign(partitions);
      sink.seekToBeginning(partitions);
    }

    int transfer() {
      for (int i = 0; i < MESSAGES; i++) {
        // Acknowledgements are awaited through the sink: every result implies its input was sent.
        Future<?> unused =
            source.send(
                new ProducerRecord<>(config.inputTopic(), Integer.toString(sent + i), payload(i)));
      }
      sent += MESSAGES;
      int received = 0;
      while (received < MESSAGES) {
        received += sink.poll(Duration.ofMillis(100)).count();
      }
      return received;
    }

    @TearDown(Level.Trial)
    public void stop() throws Exception {
      sink.close();
      source.close();
      first.close();
      second.close();
      kit.close();
    }
  }

  /** Two workers behind PUSH/PULL sockets. */
  @State(Scope.Benchmark)
  public static class ZeroMqState {
    private ZeroMqPipeline pipeline;

    @Setup(Level.Trial)
    public void start() {
      pipeline = ZeroMqPipeline.start(2, PROCESS, 10_000, Duration.ofSeconds(30));
    }

    int transfer() throws InterruptedException {
      Thread sender =
          Thread.ofVirtual()
              .start(
                  () -> {
                    for (int i = 0; i < MESSAGES; i++) {
                      pipeline.send(Integer.toString(i), payload(i));
                    }
                  });
      int received = 0;
      while (received < MESSAGES) {
        received += pipeline.receive(Duration.ofSeconds(30)).map(m -> 1).orElseThrow();
      }
      sender.join();
      return received;
    }

    @TearDown(Level.Trial)
    public void stop() {
      pipeline.close();
    }
  }

  /** Through Kafka: source, input topic, two workers (at-least-once), output topic, sink. */
  @Benchmark
  public int pipeline_oursKafka(KafkaPipeline kafka) {
    return kafka.transfer();
  }

  /** Through ZeroMQ: source, PUSH/PULL to two workers, PUSH/PULL to the sink; no broker. */
  @Benchmark
  public int pipeline_zeromq(ZeroMqState zeromq) throws InterruptedException {
    return zeromq.transfer();
  }
}
