package org.interviewtasks.senior.concurrency.messaging;

import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Properties;
import org.apache.kafka.clients.producer.ProducerConfig;

/**
 * How a Kafka producer trades latency for throughput: how long it waits to fill a batch ({@code
 * linger.ms}), how large a batch per partition may grow ({@code batch.size}), and how a batch is
 * compressed on the wire and on the broker's disk ({@code compression.type}).
 *
 * <p>A producer sends one request per broker holding batches for many partitions; a batch is sent
 * when it is full or when it has waited {@code linger}. With {@code linger = 0} a busy producer
 * still batches what piles up while a request is in flight; a few milliseconds more fill the
 * batches further and make compression pay, since it works per batch.
 *
 * @param linger how long a batch may wait for more records, 0 to 1 s
 * @param batchSize the most bytes of one partition's batch, 1 KiB to 16 MiB
 * @param compression the codec of a batch
 */
public record ProducerTuning(Duration linger, int batchSize, Compression compression) {

  /** The smallest batch size accepted. */
  public static final int MIN_BATCH_SIZE = 1024;

  /** The largest batch size accepted. */
  public static final int MAX_BATCH_SIZE = 16 * 1024 * 1024;

  /** The codecs Kafka offers for a record batch. */
  public enum Compression {
    /** Batches as they are: no CPU spent, most bytes sent. */
    NONE,
    /** The JDK's deflate: small, slow to compress. */
    GZIP,
    /** Fast, modest ratio. */
    SNAPPY,
    /** Fast, modest ratio; the usual choice for throughput. */
    LZ4,
    /** Close to gzip's ratio at lz4-like speed. */
    ZSTD;

    /** The name Kafka's {@code compression.type} takes. */
    public String kafkaName() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /**
   * Checks the parts.
   *
   * @throws IllegalArgumentException naming the bad value and its limit
   */
  public ProducerTuning {
    Objects.requireNonNull(linger, "linger");
    Objects.requireNonNull(compression, "compression");
    if (linger.isNegative() || linger.compareTo(Duration.ofSeconds(1)) > 0) {
      throw new IllegalArgumentException("linger must be PT0S to PT1S: " + linger);
    }
    if (batchSize < MIN_BATCH_SIZE || batchSize > MAX_BATCH_SIZE) {
      throw new IllegalArgumentException(
          "batchSize must be " + MIN_BATCH_SIZE + ".." + MAX_BATCH_SIZE + ": " + batchSize);
    }
  }

  /** Kafka's defaults since 4.0: 5 ms linger, 16 KiB batches, no compression. */
  public static ProducerTuning defaults() {
    return new ProducerTuning(Duration.ofMillis(5), 16 * 1024, Compression.NONE);
  }

  /** A short label for tables, e.g. {@code lz4, linger 5 ms, batch 64 KiB}. */
  public String label() {
    return compression.kafkaName()
        + ", linger "
        + linger.toMillis()
        + " ms, batch "
        + batchSize / 1024
        + " KiB";
  }

  /** Writes these settings into producer properties. */
  void applyTo(Properties props) {
    props.put(ProducerConfig.LINGER_MS_CONFIG, (int) linger.toMillis());
    props.put(ProducerConfig.BATCH_SIZE_CONFIG, batchSize);
    props.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, compression.kafkaName());
  }
}
