package org.interviewtasks.senior.concurrency.loadbalancer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.interviewtasks.senior.infra.nemesis.LoadBalancerChecker.IDEMPOTENT;
import static org.interviewtasks.senior.infra.nemesis.LoadBalancerChecker.ONCE;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.stream.LongStream;
import org.interviewtasks.common.testing.Seeds;
import org.interviewtasks.senior.concurrency.ratelimit.RateLimiter;
import org.interviewtasks.senior.infra.Endpoint;
import org.interviewtasks.senior.infra.nemesis.Anomaly;
import org.interviewtasks.senior.infra.nemesis.FaultProxy;
import org.interviewtasks.senior.infra.nemesis.History;
import org.interviewtasks.senior.infra.nemesis.History.Outcome;
import org.interviewtasks.senior.infra.nemesis.History.Result;
import org.interviewtasks.senior.infra.nemesis.LoadBalancerChecker;
import org.interviewtasks.senior.infra.nemesis.Nemesis;
import org.interviewtasks.senior.infra.nemesis.Nemesis.Fault;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Clients send requests through the balancer to three worker JVMs while a nemesis kills, pauses
 * (SIGSTOP), partitions, slows and cuts them on a seeded schedule; the history and the workers'
 * journals must pass {@link LoadBalancerChecker}: a request that is not idempotent is never applied
 * twice, every answer comes from a worker that applied its request, and a request the balancer says
 * it never sent was never applied. After the schedule every worker is back in rotation and answers.
 * The balancer reaches each worker through a {@link FaultProxy}, so a partition or a slow link is
 * the network's fault, not the worker's. {@code -Dnemesis.schedules=N} runs N schedules (the {@code
 * nemesis} profile: 20), {@code -Dseed=S} replays one.
 */
class LoadBalancerNemesisTest {

  static final int WORKERS = 3;
  static final int CLIENTS = 4;
  static final byte[] BODY = "order".getBytes(StandardCharsets.UTF_8);

  private static final List<WorkerProcess> PROCESSES = new ArrayList<>();

  @BeforeAll
  static void startWorkers() throws Exception {
    try (ExecutorService starters = Executors.newVirtualThreadPerTaskExecutor()) {
      List<Future<WorkerProcess>> started = new ArrayList<>();
      for (int i = 0; i < WORKERS; i++) {
        String name = "nw" + i;
        started.add(starters.submit(() -> WorkerProcess.start(name)));
      }
      for (Future<WorkerProcess> f : started) {
        PROCESSES.add(f.get());
      }
    }
  }

  @AfterAll
  static void stopWorkers() {
    PROCESSES.forEach(WorkerProcess::close);
    assertThat(PROCESSES).noneMatch(WorkerProcess::isAlive);
  }

  static LongStream schedules() {
    return Seeds.derive(Integer.getInteger("nemesis.schedules", 2));
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("schedules")
  void historyPassesTheChecker(long seed) throws Exception {
    String run = Long.toHexString(seed);
    History history = new History();
    List<FaultProxy> links = new ArrayList<>();
    Nemesis nemesis;
    try {
      for (WorkerProcess worker : PROCESSES) {
        links.add(FaultProxy.start(Endpoint.loopback(worker.uri().getPort())));
      }
      List<URI> uris =
          links.stream().map(l -> URI.create("http://127.0.0.1:" + l.endpoint().port())).toList();
      Strategy strategy =
          switch (Math.floorMod(seed, 3)) {
            case 0 -> Strategy.roundRobin();
            case 1 -> Strategy.leastConnections();
            default -> Strategy.powerOfTwoChoices(seed);
          };
      nemesis =
          Nemesis.plan(
              seed,
              Integer.getInteger("nemesis.steps", 4),
              menu(links),
              new Nemesis.Timing(
                  Duration.ofMillis(300), Duration.ofMillis(1500), Duration.ofMillis(400)));
      try (LoadBalancer balancer =
          LoadBalancer.builder(uris)
              .strategy(strategy)
              .probeTimeout(Duration.ofMillis(500))
              .requestTimeout(Duration.ofSeconds(2))
              .maxAttempts(3)
              .failureThreshold(2)
              .ejectionTime(Duration.ofSeconds(1))
              .build()
              .start(Duration.ofMillis(100))) {
        nemesis.runWithClients(
            history,
            () -> heal(links),
            CLIENTS,
            (client, stopped) ->
                work(run, client, balancer, new SplittableRandom(seed + client), history, stopped),
            () -> {});
        // Healed: every worker comes back into rotation, and a last round is answered by each.
        await()
            .atMost(Duration.ofSeconds(60))
            .until(
                () -> balancer.status().stream().allMatch(LoadBalancer.WorkerStatus::inRotation));
        for (int c = 0; c < CLIENTS; c++) {
          for (int i = 0; i < WORKERS; i++) {
            Result last =
                send(
                    balancer,
                    history,
                    "client-" + c,
                    run + "-c" + c + "-last" + i,
                    Request.get("/work?id=" + run + "-c" + c + "-last" + i));
            assertThat(last.outcome()).as("a request after healing").isEqualTo(Outcome.OK);
          }
        }
      }
    } finally {
      links.forEach(FaultProxy::close);
      heal(List.of());
    }
    List<History.Op> ops = history.ops();
    // Every answered request shows in a journal once its worker's output is read.
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                ops.stream()
                    .filter(
                        op -> op.outcome() == Outcome.OK && !op.process().equals(Nemesis.PROCESS))
                    .allMatch(op -> appliedBy(run).containsKey(op.key())));
    List<Anomaly> anomalies = new LoadBalancerChecker().check(ops, appliedBy(run));
    long clientOps = ops.stream().filter(op -> !op.process().equals(Nemesis.PROCESS)).count();
    System.out.printf(
        "nemesis balancer seed=%d ops=%d outcomes=%s faults=%s anomalies=%d schedule=%s%n",
        seed, clientOps, outcomes(ops), nemesis.faultsByKind(), anomalies.size(), nemesis);
    anomalies.stream().limit(20).forEach(a -> System.out.println("  " + a));
    Nemesis.report("balancer", seed, clientOps, nemesis.faultsByKind(), anomalies.size());

    assertThat(anomalies).as("anomalies of seed " + seed).isEmpty();
  }

  /** Sends requests at a bounded rate until told to stop: reads, one-off writes, keyed writes. */
  private static void work(
      String run,
      int client,
      LoadBalancer balancer,
      SplittableRandom random,
      History history,
      BooleanSupplier stopped)
      throws InterruptedException {
    String process = "client-" + client;
    // A steady 100 requests a second per client, also while no worker is in rotation.
    RateLimiter pace = RateLimiter.tokenBucket(1, 1, Duration.ofMillis(10));
    for (int n = 0; !stopped.getAsBoolean(); n++) {
      pace.acquire();
      String id = run + "-c" + client + "-" + n;
      String path = "/work?id=" + id + "&ms=" + random.nextInt(20);
      int dice = random.nextInt(10);
      Request request =
          dice < 5
              ? Request.get(path)
              : dice < 8 ? Request.post(path, BODY) : Request.post(path, BODY).asIdempotent();
      send(balancer, history, process, id, request);
    }
  }

  private static Result send(
      LoadBalancer balancer, History history, String process, String id, Request request) {
    return history.record(
        process,
        request.idempotent() ? IDEMPOTENT : ONCE,
        id,
        () -> {
          try {
            Response response = balancer.send(request);
            if (response.status() == 200) {
              return Result.ok(response.text().split(" ", 2)[0]); // the worker's name
            }
            return Result.unknown("status " + response.status());
          } catch (LoadBalancerException.NoHealthyWorker e) {
            return Result.fail(null); // thrown before any attempt: never sent
          } catch (LoadBalancerException e) {
            return Result.unknown(null);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Result.unknown(null);
          }
        });
  }

  /** Which workers applied each request of this run, once per application. */
  private static Map<String, List<String>> appliedBy(String run) {
    Map<String, List<String>> applied = new HashMap<>();
    for (WorkerProcess worker : PROCESSES) {
      for (WorkerProcess.Applied entry : worker.journal()) {
        if (entry.id().startsWith(run + "-")) {
          applied.computeIfAbsent(entry.id(), id -> new ArrayList<>()).add(entry.worker());
        }
      }
    }
    return applied;
  }

  private static Map<Outcome, Long> outcomes(List<History.Op> ops) {
    Map<Outcome, Long> counts = new java.util.EnumMap<>(Outcome.class);
    ops.stream()
        .filter(op -> !op.process().equals(Nemesis.PROCESS))
        .forEach(op -> counts.merge(op.outcome(), 1L, Long::sum));
    return counts;
  }

  /** The faults a schedule draws from: any worker, or the link to it. */
  static List<Function<SplittableRandom, Fault>> menu(List<FaultProxy> links) {
    List<Function<SplittableRandom, Fault>> menu = new ArrayList<>();
    menu.add(
        r -> {
          WorkerProcess worker = PROCESSES.get(r.nextInt(WORKERS));
          return new Fault(
              "kill",
              worker.name(),
              worker::kill,
              () -> {
                if (!worker.isAlive()) {
                  worker.restart();
                }
              });
        });
    menu.add(
        r -> {
          WorkerProcess worker = PROCESSES.get(r.nextInt(WORKERS));
          return new Fault("pause", worker.name(), worker::pause, worker::resume);
        });
    menu.add(
        r -> {
          int w = r.nextInt(WORKERS);
          FaultProxy link = links.get(w);
          return new Fault("partition", "balancer / nw" + w, link::blackhole, link::heal);
        });
    menu.add(
        r -> {
          int w = r.nextInt(WORKERS);
          FaultProxy link = links.get(w);
          Duration delay = Duration.ofMillis(50 + r.nextInt(450));
          return new Fault(
              "delay",
              "balancer -> nw" + w + " +" + delay.toMillis() + "ms",
              () -> link.delay(delay),
              link::heal);
        });
    menu.add(
        r -> {
          int w = r.nextInt(WORKERS);
          FaultProxy link = links.get(w);
          return new Fault("cut", "balancer -> nw" + w, link::cut, link::heal);
        });
    return menu;
  }

  private static void heal(List<FaultProxy> links) {
    for (WorkerProcess worker : PROCESSES) {
      worker.resume();
      if (!worker.isAlive()) {
        worker.restart();
      }
    }
    links.forEach(FaultProxy::heal);
  }
}
