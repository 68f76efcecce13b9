package org.interviewtasks.senior.architecture.leaderelection;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.CuratorFrameworkFactory;
import org.apache.curator.retry.ExponentialBackoffRetry;
import org.interviewtasks.senior.architecture.leaderelection.LeaderElection.Leadership;
import org.interviewtasks.senior.infra.LocalZooKeeper;

/**
 * The demo of {@link LeaderElection#main}, kept apart so that the election never loads {@link
 * LocalZooKeeper} (whose server comes from an optional dependency).
 */
final class LeaderElectionDemo {

  private static final Duration PATIENCE = Duration.ofSeconds(30);

  private LeaderElectionDemo() {}

  static void run() {
    List<CuratorFramework> clients = new ArrayList<>();
    List<LeaderElection> workers = new ArrayList<>();
    try (LocalZooKeeper zooKeeper = LocalZooKeeper.start(3)) {
      System.out.println("ZooKeeper ensemble: " + zooKeeper.connectString());
      FencedLedger ledger = new FencedLedger();
      for (int i = 0; i < 3; i++) {
        CuratorFramework client = client(zooKeeper.connectString());
        clients.add(client);
        LeaderElection worker = new LeaderElection(client, "/demo/election", "worker-" + i);
        workers.add(worker);
        worker.start();
      }
      LeaderElection first = awaitLeader(workers);
      Leadership firstTerm = first.leadership().orElseThrow();
      System.out.println(
          "leader: " + first.participantId() + " (fencing token " + firstTerm.fencingToken() + ")");
      ledger.append(firstTerm.fencingToken(), "work by " + first.participantId());

      System.out.println(first.participantId() + " pauses; its ZooKeeper session expires");
      int index = workers.indexOf(first);
      expireSession(clients.get(index));
      LeaderElection second = awaitLeader(workers.stream().filter(w -> w != first).toList());
      Leadership secondTerm = second.leadership().orElseThrow();
      System.out.println(
          "new leader: "
              + second.participantId()
              + " (fencing token "
              + secondTerm.fencingToken()
              + ")");
      ledger.append(secondTerm.fencingToken(), "work by " + second.participantId());
      try {
        ledger.append(firstTerm.fencingToken(), "late work by " + first.participantId());
        System.out.println("the old leader's late write was accepted: fencing failed");
      } catch (FencedLedger.FencingException e) {
        System.out.println(
            first.participantId() + " wakes up and writes: rejected, " + e.getMessage());
      }

      zooKeeper.kill(0);
      System.out.println("ZooKeeper server 0 is down; 2 of 3 keep the quorum");
      LeaderElection third = awaitLeader(workers);
      Leadership thirdTerm = third.leadership().orElseThrow();
      ledger.append(thirdTerm.fencingToken(), "work by " + third.participantId());
      System.out.println(
          "leader: " + third.participantId() + " (fencing token " + thirdTerm.fencingToken() + ")");
      System.out.println("ledger: " + ledger.entries());
    } finally {
      workers.forEach(LeaderElection::close);
      clients.forEach(CuratorFramework::close);
    }
  }

  static CuratorFramework client(String connectString) {
    CuratorFramework client =
        CuratorFrameworkFactory.builder()
            .connectString(connectString)
            .sessionTimeoutMs(4_000)
            .connectionTimeoutMs(2_000)
            .retryPolicy(new ExponentialBackoffRetry(100, 5))
            .build();
    client.start();
    return client;
  }

  /** Makes ZooKeeper expire the client's session now, as a long pause or partition would. */
  static void expireSession(CuratorFramework client) {
    try {
      client.getZookeeperClient().getZooKeeper().getTestable().injectSessionExpiration();
    } catch (Exception e) {
      throw new IllegalStateException("cannot expire the session", e);
    }
  }

  /** The one worker that leads, once exactly one does. */
  private static LeaderElection awaitLeader(List<LeaderElection> candidates) {
    awaitTrue(() -> candidates.stream().filter(LeaderElection::isLeader).count() == 1);
    return candidates.stream().filter(LeaderElection::isLeader).findFirst().orElseThrow();
  }

  private static void awaitTrue(BooleanSupplier condition) {
    long deadline = System.nanoTime() + PATIENCE.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("no single leader within " + PATIENCE);
      }
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted", e);
      }
    }
  }
}
