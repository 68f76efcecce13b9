package org.interviewtasks.senior.architecture.socialmedia;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.Delivery;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds timelines by fan-out on write. Consumes {@value SocialMediaPlatform#TIMELINE_QUEUE} with
 * manual acknowledgements (prefetch {@value #PREFETCH}): a follow event updates the follower view,
 * a post is appended to its author's and followers' timelines through the {@link TimelineStore},
 * which skips a post already applied; only then is the message acknowledged. An unreadable message
 * is published to the dead-letter exchange with its reason, confirmed, then acknowledged. {@code
 * GET /timeline?user=a} answers {@code a}'s timeline, newest first.
 *
 * <p>Run as a process: {@code java -cp ... TimelineService}, configured by the environment ({@link
 * ServiceConfig}); the process keeps its store in memory.
 */
public final class TimelineService extends PlatformService {

  private static final Logger LOG = LoggerFactory.getLogger(TimelineService.class);

  /** How many unacknowledged messages the broker sends ahead. */
  public static final int PREFETCH = 50;

  /**
   * Called after a message was applied and before it is acknowledged, with its routing key; for
   * metrics, and in tests to kill the service there.
   */
  @FunctionalInterface
  public interface BeforeAck {
    /** A message was applied, not acknowledged yet. */
    void applied(String routingKey) throws InterruptedException;
  }

  /**
   * What the consumer did so far.
   *
   * @param applied posts fanned out and follows recorded
   * @param duplicates redelivered posts skipped because they were applied before
   * @param deadLettered unreadable messages sent to the dead-letter exchange
   */
  public record Stats(long applied, long duplicates, long deadLettered) {}

  private final TimelineStore store;
  private final BeforeAck beforeAck;
  private final LongAdder applied = new LongAdder();
  private final LongAdder duplicates = new LongAdder();
  private final LongAdder deadLettered = new LongAdder();
  private final Object deadLetterLock = new Object();
  private Channel consumer;
  private Channel deadLetters;

  /**
   * A service on {@code store}; nothing connects before {@link #start()}.
   *
   * @param beforeAck called between applying and acknowledging a message
   */
  public TimelineService(ServiceConfig config, TimelineStore store, BeforeAck beforeAck) {
    super("timeline", config);
    this.store = Objects.requireNonNull(store, "store");
    this.beforeAck = Objects.requireNonNull(beforeAck, "beforeAck");
  }

  /** A service with a new store and no hook. */
  public TimelineService(ServiceConfig config) {
    this(config, new TimelineStore(), routingKey -> {});
  }

  /** Runs the service until the process is stopped. */
  public static void main(String[] args) throws InterruptedException {
    runUntilStopped(new TimelineService(ServiceConfig.fromEnvironment(System.getenv())));
  }

  /** The store it writes. */
  public TimelineStore store() {
    return store;
  }

  /** What the consumer did so far. */
  public Stats stats() {
    return new Stats(applied.sum(), duplicates.sum(), deadLettered.sum());
  }

  @Override
  protected void onStart(Connection connection) throws IOException {
    deadLetters = connection.createChannel();
    deadLetters.confirmSelect();
    consumer = connection.createChannel();
    consumer.basicQos(PREFETCH);
    consumer.basicConsume(
        SocialMediaPlatform.TIMELINE_QUEUE,
        false,
        "timeline",
        (tag, delivery) -> handle(delivery),
        tag -> LOG.warn("timeline consumer cancelled by the broker"));
  }

  private void handle(Delivery delivery) throws IOException {
    long tag = delivery.getEnvelope().getDeliveryTag();
    String key = delivery.getEnvelope().getRoutingKey();
    try {
      switch (key) {
        case SocialMediaPlatform.USER_FOLLOWED -> {
          store.follow(Events.read(delivery.getBody(), Events.UserFollowed.class));
          applied.increment();
        }
        case SocialMediaPlatform.POST_CREATED -> {
          if (store.apply(Events.read(delivery.getBody(), Events.PostCreated.class))) {
            applied.increment();
          } else {
            duplicates.increment();
          }
        }
        default -> throw new IOException("no event has routing key " + key);
      }
    } catch (IOException e) {
      if (!deadLetter(delivery, e.getMessage())) {
        consumer.basicNack(tag, false, true);
        return;
      }
    }
    try {
      beforeAck.applied(key);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return;
    }
    if (consumer.isOpen()) {
      consumer.basicAck(tag, false);
    }
  }

  /** Publishes an unreadable message to the dead-letter exchange; true once confirmed. */
  private boolean deadLetter(Delivery delivery, String reason) {
    LOG.warn("dead-lettering a message of {}: {}", delivery.getEnvelope().getRoutingKey(), reason);
    Map<String, Object> headers = new HashMap<>();
    AMQP.BasicProperties original = delivery.getProperties();
    if (original.getHeaders() != null) {
      headers.putAll(original.getHeaders());
    }
    headers.put(SocialMediaPlatform.REASON_HEADER, reason);
    headers.put(SocialMediaPlatform.ORIGINAL_KEY_HEADER, delivery.getEnvelope().getRoutingKey());
    AMQP.BasicProperties props = original.builder().headers(headers).deliveryMode(2).build();
    synchronized (deadLetterLock) {
      try {
        deadLetters.basicPublish(
            SocialMediaPlatform.DEAD_LETTER_EXCHANGE,
            delivery.getEnvelope().getRoutingKey(),
            props,
            delivery.getBody());
        deadLetters.waitForConfirmsOrDie(5_000);
        deadLettered.increment();
        return true;
      } catch (IOException | TimeoutException | RuntimeException e) {
        LOG.warn("cannot dead-letter; the message goes back to the queue", e);
        return false;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
    }
  }

  @Override
  protected void routes(HttpServer server) {
    server.createContext(
        "/timeline",
        exchange -> {
          String user = query(exchange).get("user");
          List<Events.PostCreated> posts = user == null ? List.of() : store.timeline(user);
          respondJson(exchange, 200, posts);
        });
  }
}
