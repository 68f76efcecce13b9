package org.interviewtasks.senior.architecture.socialmedia;

import com.rabbitmq.client.BuiltinExchangeType;
import com.rabbitmq.client.Channel;
import java.io.IOException;
import java.util.Locale;
import java.util.Map;
import org.interviewtasks.common.Task;

/**
 * A social media back end as three services that talk only through an AMQP 0-9-1 broker (RabbitMQ's
 * protocol, spoken with the RabbitMQ Java client): {@link UsersService} keeps who follows whom,
 * {@link PostsService} accepts posts, {@link TimelineService} builds every user's timeline. Each
 * runs as its own process with an HTTP API, a liveness and a readiness probe, and ships as a
 * container image with Kubernetes manifests ({@code src/main/deploy/socialmedia}).
 *
 * <p><b>Approach.</b> Events go to one durable <i>topic</i> exchange ({@value #EXCHANGE}) under
 * routing keys {@value #USER_FOLLOWED} and {@value #POST_CREATED}; the timeline service's durable
 * queue ({@value #TIMELINE_QUEUE}) binds {@code user.*} and {@code post.*}, so a new consumer (a
 * search indexer, say) binds its own queue without touching the publishers. Timelines are built by
 * <i>fan-out on write</i>: when a post arrives, it is appended to the timeline of its author and of
 * every follower, so reading a timeline is one lookup. Publishers use <i>publisher confirms</i>: a
 * post is taken out of the posts service's outbox only once the broker confirmed it, so a broker
 * that is down when a post is accepted delays the post instead of losing it. The timeline service
 * acknowledges a message <i>manually</i>, after applying it; a crash in between redelivers it, and
 * the timeline store, which remembers applied post ids, applies it once.
 *
 * <p><b>Bad input.</b> A message that cannot be read (bad JSON, missing fields, an unknown routing
 * key) is published to the dead-letter exchange {@value #DEAD_LETTER_EXCHANGE} with a header naming
 * the reason ({@value #REASON_HEADER}) and lands in the durable queue {@value #DEAD_LETTER_QUEUE};
 * only after that publish is confirmed is the original acknowledged. (RabbitMQ can dead-letter a
 * rejected message itself through a queue's {@code x-dead-letter-exchange}, but without an
 * application reason, and Qpid, the embedded test broker, spells the feature differently;
 * publishing explicitly works on both.) A broker that does not answer makes a service fail at start
 * with a message naming the broker; later outages make {@code /ready} answer 503 while the client
 * reconnects and declares its topology again.
 *
 * <p><b>Trade-offs.</b> Fan-out on write costs one write per follower per post: cheap reads, but a
 * user with ten million followers makes one post ten million writes; real platforms fan out on read
 * for such accounts and merge at read time. Follow and post events travel through one queue, so the
 * timeline sees a follow before a later post; a post published before the follow reached the
 * timeline is not back-filled (a follow could copy the followee's recent posts). The in-memory
 * stores stand for each service's database; the outbox and the applied-ids set belong in the same
 * transaction as the data they guard.
 *
 * <p><b>Follow-up.</b> <i>"Why not call the users service over HTTP for the followers?"</i> Then a
 * timeline write fails whenever the users service does; keeping a follower view from the events
 * decouples their availability at the price of eventual consistency. <i>"How does it scale?"</i>
 * Several timeline replicas consume the same queue (competing consumers, prefetch bounds each);
 * order per user is then lost, which fan-out by post id tolerates, and a consistent-hash exchange
 * restores it per user.
 */
@Task(id = "senior.architecture.5", title = "Social media microservices")
public final class SocialMediaPlatform {

  /** The topic exchange every event goes to. */
  public static final String EXCHANGE = "social";

  /** Where unreadable messages go, with their reason. */
  public static final String DEAD_LETTER_EXCHANGE = "social.dlx";

  /** The durable queue of dead letters. */
  public static final String DEAD_LETTER_QUEUE = "social.dead-letters";

  /** The timeline service's durable queue. */
  public static final String TIMELINE_QUEUE = "timeline.events";

  /** Routing key of {@link Events.UserFollowed}. */
  public static final String USER_FOLLOWED = "user.followed";

  /** Routing key of {@link Events.PostCreated}. */
  public static final String POST_CREATED = "post.created";

  /** On a dead letter: why it could not be handled. */
  public static final String REASON_HEADER = "x-reason";

  /** On a dead letter: the routing key it arrived with. */
  public static final String ORIGINAL_KEY_HEADER = "x-original-routing-key";

  /** The path of the liveness probe: 200 while the process serves HTTP. */
  public static final String LIVENESS_PATH = "/healthz";

  /** The path of the readiness probe: 200 while the broker connection is open, else 503. */
  public static final String READINESS_PATH = "/ready";

  private SocialMediaPlatform() {}

  /** The three services: their main class, container image and Kubernetes names. */
  public enum ServiceKind {
    /** Who follows whom. */
    USERS(UsersService.class),
    /** Accepting posts. */
    POSTS(PostsService.class),
    /** Timelines, fanned out on write. */
    TIMELINE(TimelineService.class);

    private final Class<?> mainClass;

    ServiceKind(Class<?> mainClass) {
      this.mainClass = mainClass;
    }

    /** {@code users}, {@code posts} or {@code timeline}. */
    public String id() {
      return name().toLowerCase(Locale.ROOT);
    }

    /** The class whose {@code main} runs the service. */
    public Class<?> mainClass() {
      return mainClass;
    }

    /** The Deployment, Service and container name: {@code social-<id>}. */
    public String deploymentName() {
      return "social-" + id();
    }

    /** The container image repository: {@code interviewtasks/social-<id>}. */
    public String image() {
      return "interviewtasks/" + deploymentName();
    }
  }

  /**
   * Declares the exchanges, queues and bindings, idempotently; every service does it on connect, so
   * none depends on another having started first, and a broker that lost its state (or a new one)
   * gets it back from whichever service reconnects first.
   */
  public static void declareTopology(Channel channel) throws IOException {
    channel.exchangeDeclare(EXCHANGE, BuiltinExchangeType.TOPIC, true);
    channel.exchangeDeclare(DEAD_LETTER_EXCHANGE, BuiltinExchangeType.FANOUT, true);
    channel.queueDeclare(DEAD_LETTER_QUEUE, true, false, false, Map.of());
    channel.queueBind(DEAD_LETTER_QUEUE, DEAD_LETTER_EXCHANGE, "");
    channel.queueDeclare(TIMELINE_QUEUE, true, false, false, Map.of());
    channel.queueBind(TIMELINE_QUEUE, EXCHANGE, "user.*");
    channel.queueBind(TIMELINE_QUEUE, EXCHANGE, "post.*");
  }
}
