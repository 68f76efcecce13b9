package org.interviewtasks.senior.architecture.socialmedia;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.MessageProperties;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Accepts posts. {@code POST /posts?author=a} with the text as the body stores the post and puts it
 * in an <i>outbox</i>, answering 202 with its id at once; a relay thread publishes the outbox in
 * order with publisher confirms and removes a post only once the broker confirmed it. While the
 * broker is down, posts wait in the outbox and go out after the connection recovers: none is lost,
 * and a post confirmed twice (a confirm lost with the connection) is applied once by the timeline.
 * {@code GET /posts?id=...} answers a stored post.
 *
 * <p>Run as a process: {@code java -cp ... PostsService}, configured by the environment ({@link
 * ServiceConfig}).
 */
public final class PostsService extends PlatformService {

  private static final Logger LOG = LoggerFactory.getLogger(PostsService.class);

  private final Map<String, Events.PostCreated> posts = new ConcurrentHashMap<>();
  private final ConcurrentLinkedQueue<Events.PostCreated> outbox = new ConcurrentLinkedQueue<>();
  private final BlockingQueue<Boolean> wakeups = new LinkedBlockingQueue<>();
  private volatile Channel channel;
  private Thread relay;

  /** A service with this config; nothing connects before {@link #start()}. */
  public PostsService(ServiceConfig config) {
    super("posts", config);
  }

  /** Runs the service until the process is stopped. */
  public static void main(String[] args) throws InterruptedException {
    runUntilStopped(new PostsService(ServiceConfig.fromEnvironment(System.getenv())));
  }

  @Override
  protected void onStart(Connection connection) throws IOException {
    channel = connection.createChannel();
    channel.confirmSelect();
    relay = Thread.ofPlatform().name("posts-outbox-relay").daemon().start(this::relayLoop);
  }

  @Override
  protected void onClose() {
    if (relay != null) {
      relay.interrupt();
      try {
        relay.join(10_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /**
   * Stores a post and queues it for publishing.
   *
   * @return the stored post, with its new id
   * @throws IllegalArgumentException if the author or text is bad
   * @throws IllegalStateException after {@link #close()}
   */
  public Events.PostCreated post(String author, String text) {
    Events.PostCreated post = new Events.PostCreated(UUID.randomUUID().toString(), author, text);
    if (isClosed()) {
      throw new IllegalStateException("the posts service is closed");
    }
    posts.put(post.postId(), post);
    outbox.add(post);
    wakeups.offer(Boolean.TRUE);
    return post;
  }

  /** A stored post. */
  public Optional<Events.PostCreated> find(String postId) {
    return Optional.ofNullable(posts.get(postId));
  }

  /** Posts accepted but not confirmed by the broker yet. */
  public int pending() {
    return outbox.size();
  }

  private void relayLoop() {
    AMQP.BasicProperties props =
        MessageProperties.PERSISTENT_BASIC.builder().contentType("application/json").build();
    while (!Thread.currentThread().isInterrupted()) {
      try {
        wakeups.poll(100, TimeUnit.MILLISECONDS);
        if (outbox.isEmpty() || !isReady()) {
          continue;
        }
        if (!channel.isOpen()) {
          // Closed by a channel error (not a connection loss, which the client recovers).
          channel = connection().createChannel();
          channel.confirmSelect();
        }
        List<Events.PostCreated> batch = new ArrayList<>(outbox);
        for (Events.PostCreated post : batch) {
          channel.basicPublish(
              SocialMediaPlatform.EXCHANGE,
              SocialMediaPlatform.POST_CREATED,
              props,
              Events.write(post));
        }
        channel.waitForConfirmsOrDie(5_000);
        // Confirmed: only now may the posts leave the outbox (in order, the relay is alone).
        batch.forEach(p -> outbox.remove(p));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } catch (IOException | TimeoutException | RuntimeException e) {
        // The broker is away or refused the batch: keep the posts, the connection recovers.
        LOG.debug("posts outbox: {} not confirmed yet: {}", outbox.size(), e.toString());
      }
    }
  }

  @Override
  protected void routes(HttpServer server) {
    server.createContext(
        "/posts",
        exchange -> {
          Map<String, String> q = query(exchange);
          if (exchange.getRequestMethod().equals("GET")) {
            Optional<Events.PostCreated> post = find(String.valueOf(q.get("id")));
            if (post.isPresent()) {
              respondJson(exchange, 200, post.get());
            } else {
              respond(exchange, 404, "text/plain", "no post " + q.get("id"));
            }
            return;
          }
          if (!method(exchange, "POST")) {
            return;
          }
          String text;
          try (var body = exchange.getRequestBody()) {
            text = new String(body.readAllBytes(), StandardCharsets.UTF_8);
          }
          try {
            respondJson(exchange, 202, Map.of("postId", post(q.get("author"), text).postId()));
          } catch (IllegalArgumentException | NullPointerException e) {
            respond(exchange, 400, "text/plain", String.valueOf(e.getMessage()));
          } catch (IllegalStateException e) {
            respond(exchange, 503, "text/plain", e.getMessage());
          }
        });
  }
}
