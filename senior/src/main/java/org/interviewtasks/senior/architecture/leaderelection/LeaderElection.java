package org.interviewtasks.senior.architecture.leaderelection;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.api.transaction.CuratorTransactionResult;
import org.apache.curator.framework.imps.CuratorFrameworkState;
import org.apache.curator.framework.recipes.leader.LeaderLatch;
import org.apache.curator.framework.recipes.leader.LeaderLatchListener;
import org.apache.curator.framework.recipes.leader.Participant;
import org.apache.zookeeper.KeeperException;
import org.interviewtasks.common.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One worker's part in electing a single leader among several, on ZooKeeper with Apache Curator;
 * each term of leadership comes with a <i>fencing token</i> that makes a deposed leader harmless.
 *
 * <p><b>Approach.</b> Curator's {@link LeaderLatch}: every participant creates an ephemeral
 * sequential znode under the election path; the lowest one leads, and each other participant
 * watches only its predecessor (no herd effect when the leader goes). Ephemeral nodes die with
 * their session, so a leader that crashes or is cut off for longer than the session timeout is
 * replaced automatically. On winning, the new leader takes a token: it increments an epoch znode in
 * one ZooKeeper transaction that also checks its own latch node still exists, so a participant
 * whose session has already expired cannot take a token; the epoch's version is the token, and it
 * grows with every term. The leader passes the token with everything it writes, and the resource
 * ({@link FencedLedger}) rejects tokens lower than the highest it has seen.
 *
 * <p><b>Why tokens.</b> Leader election alone cannot guarantee one leader at a time: between losing
 * its session and learning of it (a GC pause, a slow network, the time for Curator to report {@code
 * SUSPENDED}), the old leader still believes it leads while the new one already works. Two leaders
 * act at once; the token makes the old one's writes fail instead of corrupting the data. (The
 * resource must see the new leader's token first; until then nothing has happened that the old
 * write could overwrite.)
 *
 * <p><b>Edge cases.</b> On a lost connection Curator reports {@code SUSPENDED} and the latch gives
 * up leadership at once, before the session expires: a leader steps down as soon as it cannot be
 * sure. If a ZooKeeper server dies, the client reconnects to another within the session timeout and
 * the election may or may not change hands; with the majority of servers down there is no leader at
 * all (safety over availability). Closing a participant gives leadership away at once. A
 * participant starts once: {@code start()} after {@code close()} (or twice) is refused with {@link
 * IllegalStateException}. When the owner closes the Curator client under a leader, the latch is not
 * told, but {@link #isLeader()} reads the client's state and answers no from that moment, before
 * the session's end lets anyone else win: two participants never both report leadership because of
 * it.
 *
 * <p><b>Checked how.</b> Besides the tests that kill a chosen node, randomized fault schedules
 * (partitions of a worker, a stalled or killed ZooKeeper server, slow and cut links) run three
 * workers writing to one ledger, and a checker reads the recorded history: the ledger never
 * accepted a write whose token was lower than one accepted before it began, and no token was ever
 * used by two participants.
 *
 * <p><b>Follow-up.</b> <i>"And LeaderSelector?"</i> Curator's other recipe calls {@code
 * takeLeadership} and leads until it returns: handy for a leader that runs a loop; the latch suits
 * a leader that keeps serving requests. <i>"Without ZooKeeper?"</i> etcd leases, or Raft inside the
 * cluster itself (what Kafka's KRaft does): the fencing idea is the same (a term number).
 */
@Task(id = "senior.architecture.4", title = "Leader election with ZooKeeper")
public final class LeaderElection implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(LeaderElection.class);

  /**
   * A term of leadership.
   *
   * @param participantId who leads
   * @param fencingToken the term's token, higher than every earlier term's
   */
  public record Leadership(String participantId, long fencingToken) {}

  private final CuratorFramework client;
  private final String participantId;
  private final String epochPath;
  private final LeaderLatch latch;
  private final ExecutorService callbacks;
  private final AtomicReference<Leadership> leadership = new AtomicReference<>();
  private final AtomicReference<Lifecycle> lifecycle = new AtomicReference<>(Lifecycle.NEW);
  private final Consumer<Leadership> onElected;

  /** A participant starts once and closes once; a closed one never rejoins. */
  private enum Lifecycle {
    NEW,
    STARTED,
    CLOSED
  }

  /**
   * A participant that does nothing special on winning; see {@link
   * #LeaderElection(CuratorFramework, String, String, Consumer)}.
   */
  public LeaderElection(CuratorFramework client, String path, String participantId) {
    this(client, path, participantId, leadership -> {});
  }

  /**
   * A participant, not yet started.
   *
   * @param client a started Curator client; the caller owns it (and its session)
   * @param path the election's znode, e.g. {@code /elections/billing}; all participants use it
   * @param participantId this participant's name, unique in the election
   * @param onElected called with the new term each time this participant wins (on a callback thread
   *     of its own)
   * @throws IllegalArgumentException if the path is not absolute or the id is blank
   */
  public LeaderElection(
      CuratorFramework client, String path, String participantId, Consumer<Leadership> onElected) {
    this.client = Objects.requireNonNull(client, "client");
    Objects.requireNonNull(path, "path");
    this.participantId = Objects.requireNonNull(participantId, "participantId");
    this.onElected = Objects.requireNonNull(onElected, "onElected");
    if (!path.startsWith("/") || path.endsWith("/")) {
      throw new IllegalArgumentException("path must be absolute, without a trailing /: " + path);
    }
    if (participantId.isBlank()) {
      throw new IllegalArgumentException("participantId is blank");
    }
    this.epochPath = path + "/epoch";
    this.latch = new LeaderLatch(client, path + "/latch", participantId);
    this.callbacks =
        Executors.newSingleThreadExecutor(
            r -> Thread.ofPlatform().daemon().name("election-" + participantId).unstarted(r));
    latch.addListener(
        new LeaderLatchListener() {
          @Override
          public void isLeader() {
            takeToken();
          }

          @Override
          public void notLeader() {
            stepDown();
          }
        },
        callbacks);
  }

  /**
   * Joins the election.
   *
   * @throws IllegalStateException if ZooKeeper cannot be reached, the client is not started, or the
   *     participant was started or closed before (a closed participant cannot rejoin: its callbacks
   *     are gone, so ZooKeeper could name it leader while it never took a token)
   */
  public void start() {
    if (!lifecycle.compareAndSet(Lifecycle.NEW, Lifecycle.STARTED)) {
      throw new IllegalStateException(
          participantId
              + (lifecycle.get() == Lifecycle.CLOSED
                  ? " is closed; create a new participant to rejoin"
                  : " has already started"));
    }
    if (client.getState() != CuratorFrameworkState.STARTED) {
      throw new IllegalStateException(
          "the Curator client of " + participantId + " is " + client.getState() + ", not started");
    }
    try {
      client.create().creatingParentsIfNeeded().forPath(epochPath, new byte[0]);
    } catch (KeeperException.NodeExistsException e) {
      // another participant created it: the epoch carries on from its version
    } catch (Exception e) {
      throw new IllegalStateException("cannot prepare the election at " + epochPath, e);
    }
    try {
      latch.start();
    } catch (Exception e) {
      throw new IllegalStateException("cannot join the election as " + participantId, e);
    }
  }

  /**
   * Whether this participant leads now, by its own latest knowledge: it holds a term, the latch
   * says it leads, and its Curator client is still open and connected. The last check matters when
   * the client's owner closes it: the latch hears nothing then, but the session ends and its latch
   * node with it, so another participant is elected; this one must stop claiming to lead first.
   */
  public boolean isLeader() {
    return leadership().isPresent();
  }

  /** The current term if this participant leads (see {@link #isLeader()}). */
  public Optional<Leadership> leadership() {
    Leadership current = leadership.get();
    if (current == null || !latch.hasLeadership()) {
      return Optional.empty();
    }
    if (client.getState() != CuratorFrameworkState.STARTED) {
      if (leadership.compareAndSet(current, null)) {
        LOG.info("{} stepped down: its Curator client is closed", participantId);
      }
      return Optional.empty();
    }
    return client.getZookeeperClient().isConnected() ? Optional.of(current) : Optional.empty();
  }

  /** This participant's id. */
  public String participantId() {
    return participantId;
  }

  /**
   * Who leads according to ZooKeeper (the owner of the lowest latch node), if anyone.
   *
   * @throws IllegalStateException if ZooKeeper cannot be asked
   */
  public Optional<String> currentLeaderId() {
    try {
      Participant leader = latch.getLeader();
      return leader.isLeader() ? Optional.of(leader.getId()) : Optional.empty();
    } catch (Exception e) {
      throw new IllegalStateException("cannot ask ZooKeeper who leads", e);
    }
  }

  /**
   * Leaves the election; if this participant led, another takes over at once. Closing twice, or a
   * participant never started, is harmless.
   */
  @Override
  public void close() {
    Lifecycle was = lifecycle.getAndSet(Lifecycle.CLOSED);
    leadership.set(null);
    if (was != Lifecycle.STARTED) {
      callbacks.shutdownNow();
      return;
    }
    try {
      latch.close();
    } catch (java.io.IOException | IllegalStateException e) {
      LOG.debug("{} left the election uncleanly: {}", participantId, e.getMessage());
    } finally {
      callbacks.shutdownNow();
    }
  }

  @Override
  public String toString() {
    return "LeaderElection[" + participantId + (isLeader() ? ", leader" : "") + "]";
  }

  private void takeToken() {
    try {
      List<CuratorTransactionResult> results =
          client
              .transaction()
              .forOperations(
                  client.transactionOp().check().forPath(latch.getOurPath()),
                  client
                      .transactionOp()
                      .setData()
                      .forPath(epochPath, participantId.getBytes(StandardCharsets.UTF_8)));
      long token = results.get(1).getResultStat().getVersion();
      Leadership term = new Leadership(participantId, token);
      if (latch.hasLeadership() && lifecycle.get() == Lifecycle.STARTED) {
        leadership.set(term);
        LOG.info("{} leads with fencing token {}", participantId, token);
        onElected.accept(term);
      }
    } catch (Exception e) {
      // the session or the latch node is gone: no token, the latch will call notLeader
      LOG.info("{} won but could not take a token: {}", participantId, e.toString());
    }
  }

  private void stepDown() {
    Leadership old = leadership.getAndSet(null);
    if (old != null) {
      LOG.info("{} stepped down (token {})", participantId, old.fencingToken());
    }
  }

  /**
   * Runs the demo: three workers on a three-server ZooKeeper ensemble started for it; the leader's
   * session expires while it is "paused", a new leader is elected, the old one's late write is
   * rejected by its fencing token, then a ZooKeeper server dies and the election carries on.
   *
   * @throws IllegalArgumentException if given arguments
   */
  public static void main(String... args) {
    if (args.length > 0) {
      throw new IllegalArgumentException("usage: senior.architecture.4");
    }
    LeaderElectionDemo.run();
  }
}
