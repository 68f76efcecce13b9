package org.interviewtasks.senior.architecture.socialmedia;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.MessageProperties;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeoutException;

/**
 * Who follows whom. {@code POST /follow?follower=a&followee=b} records the follow and publishes
 * {@link Events.UserFollowed} with a publisher confirm (204 once confirmed, 503 if the broker did
 * not confirm: the caller retries, and a repeated follow is harmless); {@code GET
 * /following?user=a} lists whom {@code a} follows.
 *
 * <p>Run as a process: {@code java -cp ... UsersService}, configured by the environment ({@link
 * ServiceConfig}).
 */
public final class UsersService extends PlatformService {

  private final Map<String, Set<String>> following = new ConcurrentHashMap<>();
  private final Object publishLock = new Object();
  private Channel channel;

  /** A service with this config; nothing connects before {@link #start()}. */
  public UsersService(ServiceConfig config) {
    super("users", config);
  }

  /** Runs the service until the process is stopped. */
  public static void main(String[] args) throws InterruptedException {
    runUntilStopped(new UsersService(ServiceConfig.fromEnvironment(System.getenv())));
  }

  @Override
  protected void onStart(Connection connection) throws IOException {
    channel = connection.createChannel();
    channel.confirmSelect();
  }

  /**
   * Records that {@code follower} follows {@code followee} and tells the other services.
   *
   * @throws IllegalArgumentException if a name is bad or a user would follow themself
   * @throws BrokerUnreachableException if the broker did not confirm the event
   * @throws IllegalStateException if the service is not running
   */
  public void follow(String follower, String followee) {
    Events.UserFollowed event = new Events.UserFollowed(follower, followee);
    if (!isReady()) {
      throw new IllegalStateException("users service is not connected to " + config.broker());
    }
    following.computeIfAbsent(follower, f -> ConcurrentHashMap.newKeySet()).add(followee);
    AMQP.BasicProperties props =
        MessageProperties.PERSISTENT_BASIC.builder().contentType("application/json").build();
    synchronized (publishLock) {
      try {
        channel.basicPublish(
            SocialMediaPlatform.EXCHANGE,
            SocialMediaPlatform.USER_FOLLOWED,
            props,
            Events.write(event));
        channel.waitForConfirmsOrDie(5_000);
      } catch (IOException | TimeoutException | RuntimeException e) {
        throw new BrokerUnreachableException(
            "the broker at " + config.broker() + " did not confirm " + event + ": " + e, e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while publishing " + event, e);
      }
    }
  }

  /** Whom {@code user} follows, sorted. */
  public List<String> following(String user) {
    return List.copyOf(new TreeSet<>(following.getOrDefault(user, Set.of())));
  }

  @Override
  protected void routes(HttpServer server) {
    server.createContext(
        "/follow",
        exchange -> {
          if (!method(exchange, "POST")) {
            return;
          }
          Map<String, String> q = query(exchange);
          try {
            follow(q.get("follower"), q.get("followee"));
            respond(exchange, 204, "text/plain", "");
          } catch (IllegalArgumentException | NullPointerException e) {
            respond(exchange, 400, "text/plain", String.valueOf(e.getMessage()));
          } catch (BrokerUnreachableException | IllegalStateException e) {
            respond(exchange, 503, "text/plain", e.getMessage());
          }
        });
    server.createContext(
        "/following",
        exchange -> {
          String user = query(exchange).get("user");
          respondJson(exchange, 200, user == null ? List.of() : following(user));
        });
  }
}
