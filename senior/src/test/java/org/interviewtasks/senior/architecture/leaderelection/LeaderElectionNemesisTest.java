package org.interviewtasks.senior.architecture.leaderelection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.apache.curator.framework.CuratorFramework;
import org.interviewtasks.common.testing.Seeds;
import org.interviewtasks.senior.architecture.leaderelection.FencedLedger.FencingException;
import org.interviewtasks.senior.architecture.leaderelection.LeaderElection.Leadership;
import org.interviewtasks.senior.infra.Endpoint;
import org.interviewtasks.senior.infra.ZooKeeperEnsemble;
import org.interviewtasks.senior.infra.ZooKeeperNodes;
import org.interviewtasks.senior.infra.nemesis.Anomaly;
import org.interviewtasks.senior.infra.nemesis.FaultProxy;
import org.interviewtasks.senior.infra.nemesis.History;
import org.interviewtasks.senior.infra.nemesis.History.Op;
import org.interviewtasks.senior.infra.nemesis.History.Outcome;
import org.interviewtasks.senior.infra.nemesis.History.Result;
import org.interviewtasks.senior.infra.nemesis.LeaderChecker;
import org.interviewtasks.senior.infra.nemesis.Nemesis;
import org.interviewtasks.senior.infra.nemesis.Nemesis.Fault;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Three workers run for leader on a three-server ensemble and, while they believe they lead, write
 * to one {@link FencedLedger} under their token, while a nemesis partitions workers from ZooKeeper,
 * stalls a server (every link to it blackholed: it is in-process, so it cannot be SIGSTOPped),
 * kills and restarts servers one at a time, slows and cuts links. The history must pass {@link
 * LeaderChecker}. Each worker reaches each server through its own {@link FaultProxy}. Sessions last
 * 4 s, so partitions of up to 6 s make leaders lose theirs, and the old leader may go on believing
 * it leads for a while: that is when fencing must hold. {@code -Dnemesis.schedules=N}, {@code
 * -Dseed=S} as for the cache.
 */
@ZooKeeperEnsemble(3)
class LeaderElectionNemesisTest {

  static final int WORKERS = 3;

  static LongStream seeds() {
    return Seeds.derive(Integer.getInteger("nemesis.schedules", 1));
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void historyPassesTheChecker(long seed, ZooKeeperNodes zk) throws Exception {
    List<Anomaly> anomalies = run(seed, zk, Integer.getInteger("nemesis.steps", 3));

    assertThat(anomalies).as("anomalies of seed " + seed).isEmpty();
  }

  static List<Anomaly> run(long seed, ZooKeeperNodes zk, int steps) throws Exception {
    History history = new History();
    FencedLedger ledger = new FencedLedger();
    String path = "/nemesis/" + Long.toUnsignedString(seed, 36) + "-" + System.nanoTime();
    List<List<FaultProxy>> proxies = new ArrayList<>();
    List<CuratorFramework> clients = new ArrayList<>();
    List<LeaderElection> workers = new ArrayList<>();
    try {
      for (int w = 0; w < WORKERS; w++) {
        List<FaultProxy> links = new ArrayList<>();
        for (int s = 0; s < zk.size(); s++) {
          String server = zk.connectString(s);
          int port = Integer.parseInt(server.substring(server.lastIndexOf(':') + 1));
          links.add(FaultProxy.start(Endpoint.loopback(port)));
        }
        proxies.add(links);
        CuratorFramework client =
            LeaderElectionDemo.client(
                links.stream().map(p -> p.endpoint().toString()).collect(Collectors.joining(",")));
        clients.add(client);
        String process = "worker-" + w;
        LeaderElection worker =
            new LeaderElection(
                client,
                path,
                process,
                term -> {
                  long now = history.now();
                  history.add(
                      new Op(
                          process,
                          "elected",
                          "",
                          Long.toString(term.fencingToken()),
                          now,
                          now,
                          Outcome.OK));
                });
        workers.add(worker);
        worker.start();
      }
      Nemesis nemesis =
          Nemesis.plan(
              seed,
              steps,
              menu(zk, proxies),
              new Nemesis.Timing(
                  Duration.ofMillis(500), Duration.ofMillis(6000), Duration.ofMillis(1000)));
      nemesis.runWithClients(
          history,
          () -> heal(zk, proxies),
          workers.size(),
          (w, stopped) -> work(workers.get(w), ledger, history, stopped),
          () -> {
            // Healed: someone leads again and gets a write through.
            AtomicInteger before = new AtomicInteger(ledger.entries().size());
            await()
                .atMost(Duration.ofSeconds(60))
                .until(
                    () ->
                        workers.stream().filter(LeaderElection::isLeader).count() == 1
                            && ledger.entries().size() > before.get());
          });
      List<Long> tokens = ledger.entries().stream().map(FencedLedger.Entry::token).toList();
      List<Anomaly> anomalies = new LeaderChecker().check(history.ops(), tokens);
      long fenced =
          history.ops().stream()
              .filter(op -> op.function().equals("append") && op.outcome() == Outcome.FAIL)
              .count();
      System.out.printf(
          "nemesis election seed=%d ops=%d accepted=%d fenced=%d terms=%d faults=%s"
              + " anomalies=%d schedule=%s%n",
          seed,
          history.size(),
          tokens.size(),
          fenced,
          tokens.stream().distinct().count(),
          nemesis.faultsByKind(),
          anomalies.size(),
          nemesis);
      anomalies.stream().limit(20).forEach(a -> System.out.println("  " + a));
      Nemesis.report("election", seed, history.size(), nemesis.faultsByKind(), anomalies.size());
      return anomalies;
    } finally {
      workers.forEach(LeaderElection::close);
      clients.forEach(CuratorFramework::close);
      proxies.forEach(links -> links.forEach(FaultProxy::close));
    }
  }

  /** While this worker believes it leads, it writes under its token, every few milliseconds. */
  private static void work(
      LeaderElection worker, FencedLedger ledger, History history, BooleanSupplier stopped) {
    String process = worker.participantId();
    int n = 0;
    while (!stopped.getAsBoolean()) {
      Optional<Leadership> term = worker.leadership();
      if (term.isPresent()) {
        long token = term.get().fencingToken();
        String text = process + "#" + n++;
        history.record(
            process,
            "append",
            text,
            () -> {
              try {
                ledger.append(token, text);
                return Result.ok(Long.toString(token));
              } catch (FencingException e) {
                return Result.fail(Long.toString(token));
              }
            });
      }
      LockSupport.parkNanos(Duration.ofMillis(5).toNanos()); // a leader's pace of work
    }
  }

  static List<Function<SplittableRandom, Fault>> menu(
      ZooKeeperNodes zk, List<List<FaultProxy>> proxies) {
    int servers = zk.size();
    List<Function<SplittableRandom, Fault>> menu = new ArrayList<>();
    menu.add(
        r -> {
          int w = r.nextInt(WORKERS);
          List<FaultProxy> links = proxies.get(w);
          return new Fault(
              "partition",
              "worker-" + w + " / zookeeper",
              () -> links.forEach(FaultProxy::blackhole),
              () -> links.forEach(FaultProxy::heal));
        });
    menu.add(
        r -> {
          int s = r.nextInt(servers);
          List<FaultProxy> links = proxies.stream().map(l -> l.get(s)).toList();
          return new Fault(
              "pause",
              "zookeeper-" + s + " (stalled proxies)",
              () -> links.forEach(FaultProxy::blackhole),
              () -> links.forEach(FaultProxy::heal));
        });
    menu.add(
        r -> {
          int s = r.nextInt(servers);
          return new Fault(
              "kill",
              "zookeeper-" + s,
              () -> zk.kill(s),
              () -> {
                if (!zk.isRunning(s)) {
                  zk.restart(s);
                }
              });
        });
    menu.add(
        r -> {
          int w = r.nextInt(WORKERS);
          Duration delay = Duration.ofMillis(100 + r.nextInt(900));
          List<FaultProxy> links = proxies.get(w);
          return new Fault(
              "delay",
              "worker-" + w + " +" + delay.toMillis() + "ms",
              () -> links.forEach(p -> p.delay(delay)),
              () -> links.forEach(FaultProxy::heal));
        });
    menu.add(
        r -> {
          int w = r.nextInt(WORKERS);
          List<FaultProxy> links = proxies.get(w);
          return new Fault(
              "cut",
              "worker-" + w,
              () -> links.forEach(FaultProxy::cut),
              () -> links.forEach(FaultProxy::heal));
        });
    return menu;
  }

  private static void heal(ZooKeeperNodes zk, List<List<FaultProxy>> proxies) {
    proxies.forEach(links -> links.forEach(FaultProxy::heal));
    for (int s = 0; s < zk.size(); s++) {
      if (!zk.isRunning(s)) {
        zk.restart(s);
      }
    }
  }
}
