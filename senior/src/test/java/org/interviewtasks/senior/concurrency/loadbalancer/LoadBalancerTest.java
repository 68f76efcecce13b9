package org.interviewtasks.senior.concurrency.loadbalancer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.interviewtasks.common.testing.Seeds;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Three worker JVMs, started once for the class; tests kill and restart them, and every test leaves
 * them running and unfaulted for the next. After the class no worker JVM is left.
 */
class LoadBalancerTest {

  private static final Logger LOG = LoggerFactory.getLogger(LoadBalancerTest.class);
  private static final Duration PROBE_INTERVAL = Duration.ofMillis(200);
  private static final Duration PATIENCE = Duration.ofSeconds(30);

  private static final List<WorkerProcess> WORKERS = new ArrayList<>();
  private static final List<ProcessHandle> STARTED = new ArrayList<>();
  private static HttpClient admin;

  @BeforeAll
  static void startWorkers() throws Exception {
    admin = HttpClient.newHttpClient();
    try (ExecutorService starters = Executors.newVirtualThreadPerTaskExecutor()) {
      List<Future<WorkerProcess>> started = new ArrayList<>();
      for (int i = 0; i < 3; i++) {
        String name = "w" + i;
        started.add(starters.submit(() -> WorkerProcess.start(name)));
      }
      for (Future<WorkerProcess> f : started) {
        WORKERS.add(f.get());
      }
    }
    WORKERS.forEach(w -> STARTED.add(w.handle()));
  }

  @AfterEach
  void healWorkers() throws Exception {
    for (WorkerProcess w : WORKERS) {
      if (!w.isAlive()) {
        w.restart();
        STARTED.add(w.handle());
      }
      adminCall(w, "/admin/latency?ms=0");
      adminCall(w, "/admin/fail?status=0");
    }
  }

  @AfterAll
  static void stopWorkersAndCheckNoneLeaked() {
    WORKERS.forEach(WorkerProcess::close);
    admin.close();
    assertThat(STARTED).allSatisfy(p -> assertThat(p.isAlive()).as("pid %d", p.pid()).isFalse());
    assertThat(
            ProcessHandle.current()
                .descendants()
                .filter(p -> p.info().commandLine().orElse("").contains(Worker.class.getName())))
        .as("worker JVMs still running")
        .isEmpty();
  }

  private static void adminCall(WorkerProcess w, String path) throws Exception {
    HttpResponse<String> r =
        admin.send(
            HttpRequest.newBuilder(w.uri().resolve(path))
                .POST(HttpRequest.BodyPublishers.noBody())
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).as("%s %s", w.name(), path).isEqualTo(200);
  }

  /**
   * A builder with a patient probe: on a loaded machine a JVM that has just started may take more
   * than the default second to answer its first probe.
   */
  private static LoadBalancer.Builder balancer(List<URI> workers) {
    return LoadBalancer.builder(workers).probeTimeout(Duration.ofSeconds(5));
  }

  private static List<URI> uris() {
    return WORKERS.stream().map(WorkerProcess::uri).toList();
  }

  private static LoadBalancer.WorkerStatus statusOf(LoadBalancer lb, int worker) {
    return lb.status().get(worker);
  }

  static Stream<Strategy> strategies() {
    return Stream.of(
        Strategy.roundRobin(), Strategy.leastConnections(), Strategy.powerOfTwoChoices(Seeds.BASE));
  }

  // --- spreading ------------------------------------------------------------------------------

  @ParameterizedTest(name = "{0}")
  @MethodSource("strategies")
  void spreadOnASkewedLoad(Strategy strategy) throws Exception {
    adminCall(WORKERS.get(0), "/admin/latency?ms=60"); // w0 is ten times slower than the others
    try (LoadBalancer lb =
        balancer(uris()).strategy(strategy).build().start(Duration.ofSeconds(5))) {
      int clients = 8;
      int perClient = 25;
      CountDownLatch go = new CountDownLatch(1);
      try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
        List<Future<?>> done = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
          int client = c;
          done.add(
              pool.submit(
                  () -> {
                    go.await();
                    for (int i = 0; i < perClient; i++) {
                      Response r = lb.send(Request.get("/work?ms=6&id=" + client + "-" + i));
                      assertThat(r.status()).isEqualTo(200);
                    }
                    return null;
                  }));
        }
        go.countDown();
        for (Future<?> f : done) {
          f.get();
        }
      }
      long[] answered = lb.status().stream().mapToLong(s -> s.answered()).toArray();
      long total = (long) clients * perClient;
      assertThat(answered[0] + answered[1] + answered[2]).isEqualTo(total);
      double slowShare = (double) answered[0] / total;
      LOG.info(
          "{}: answered per worker {} / {} / {} (slow w0 share {})",
          strategy,
          answered[0],
          answered[1],
          answered[2],
          String.format("%.2f", slowShare));
      if (strategy instanceof Strategy.RoundRobin) {
        // Blind to load: one in three each, slow or not.
        assertThat(answered).containsOnly(total / 3, total / 3 + 1);
      } else {
        // Load-aware: the slow worker, with requests piling up, gets clearly less than a third.
        assertThat(slowShare).isLessThan(0.30);
      }
    }
  }

  // --- failover -------------------------------------------------------------------------------

  /** What happened to one request of the load. */
  private record Outcome(Request request, Response response, Throwable failure) {}

  @Test
  void killingAWorkerUnderLoadLosesNothingAndRetriesOnlyWhatIsSafe() throws Exception {
    // w1 holds every request it gets until it is killed, so requests are surely in flight on it.
    adminCall(WORKERS.get(1), "/admin/latency?ms=60000");
    try (LoadBalancer lb =
        balancer(uris())
            .strategy(Strategy.roundRobin())
            .requestTimeout(Duration.ofSeconds(90))
            .build()
            .start(PROBE_INTERVAL)) {
      int clients = 8;
      int perClient = 30;
      Map<String, Outcome> outcomes = new ConcurrentHashMap<>();
      CountDownLatch go = new CountDownLatch(1);
      try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
        List<Future<?>> loads = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
          SplittableRandom random = new SplittableRandom(Seeds.BASE + c);
          int client = c;
          loads.add(
              pool.submit(
                  () -> {
                    go.await();
                    for (int i = 0; i < perClient; i++) {
                      String id = client + "-" + i;
                      Request request =
                          random.nextBoolean()
                              ? Request.get("/work?ms=5&id=" + id)
                              : Request.post(
                                  "/work?ms=5&id=" + id, id.getBytes(StandardCharsets.UTF_8));
                      try {
                        outcomes.put(id, new Outcome(request, lb.send(request), null));
                      } catch (LoadBalancerException e) {
                        outcomes.put(id, new Outcome(request, null, e));
                      }
                    }
                    return null;
                  }));
        }
        go.countDown();
        await().atMost(PATIENCE).until(() -> statusOf(lb, 1).inFlight() >= 4);
        int inFlightAtKill = statusOf(lb, 1).inFlight();
        WORKERS.get(1).kill();
        for (Future<?> load : loads) {
          load.get(); // rethrows an assertion or an unexpected exception of a client
        }

        // Nothing lost silently: every request has exactly one outcome, an answer or an error.
        assertThat(outcomes).hasSize(clients * perClient);
        List<Outcome> gets =
            outcomes.values().stream().filter(o -> o.request.idempotent()).toList();
        List<Outcome> posts =
            outcomes.values().stream().filter(o -> !o.request.idempotent()).toList();
        // Every idempotent request got exactly one successful answer, for itself.
        assertThat(gets)
            .allSatisfy(
                o -> {
                  assertThat(o.failure).isNull();
                  assertThat(o.response.status()).isEqualTo(200);
                  String id = o.request.path().substring(o.request.path().indexOf("id=") + 3);
                  assertThat(o.response.text()).contains(" GET " + id + " ");
                });
        // A POST either succeeded or failed with the clear, specific error: never a silent loss.
        List<Outcome> failedPosts = posts.stream().filter(o -> o.failure != null).toList();
        assertThat(failedPosts)
            .allSatisfy(
                o ->
                    assertThat(o.failure)
                        .isInstanceOf(LoadBalancerException.NotRetried.class)
                        .hasMessageContaining("not idempotent")
                        .hasMessageContaining("may or may not have been applied")
                        .hasMessageContaining(WORKERS.get(1).uri().toString()));
        assertThat(posts.stream().filter(o -> o.failure == null))
            .allSatisfy(o -> assertThat(o.response.status()).isEqualTo(200));
        // Everything that was in flight on w1 surfaced: retried elsewhere, or failed loudly.
        long retried = gets.stream().filter(o -> o.response.attempts() > 1).count();
        assertThat(retried + failedPosts.size()).isGreaterThanOrEqualTo(inFlightAtKill);
        assertThat(outcomes.values().stream().filter(o -> o.response != null))
            .allSatisfy(o -> assertThat(o.response.worker()).isNotEqualTo(uris().get(1)));
        LOG.info(
            "kill under load: {} in flight on w1, {} GETs retried, {} POSTs failed (of {})",
            inFlightAtKill,
            retried,
            failedPosts.size(),
            posts.size());
      }
      assertThat(statusOf(lb, 1).inRotation()).isFalse();
    }
  }

  @Test
  void aDeadWorkerLeavesWithinOneProbeIntervalAndReturnsAfterRestart() throws Exception {
    try (LoadBalancer lb = balancer(uris()).build()) {
      lb.start(PROBE_INTERVAL);
      assertThat(lb.status()).allSatisfy(s -> assertThat(s.inRotation()).isTrue());

      long roundsBefore = lb.probeRounds();
      WORKERS.get(2).kill();
      await().atMost(PATIENCE).until(() -> !statusOf(lb, 2).inRotation());
      // Out after the first probe round that started after the kill, at the latest: the round
      // under way at the kill may have seen it alive, the next cannot.
      assertThat(statusOf(lb, 2).probeChangedInRound() - roundsBefore).isBetween(1L, 2L);
      assertThat(statusOf(lb, 2).probeUp()).isFalse();
      assertThat(lb.send(Request.get("/work?id=a")).worker()).isNotEqualTo(uris().get(2));

      WORKERS.get(2).restart();
      STARTED.add(WORKERS.get(2).handle());
      long roundsAtRestart = lb.probeRounds();
      await().atMost(PATIENCE).until(() -> statusOf(lb, 2).inRotation());
      assertThat(statusOf(lb, 2).probeChangedInRound() - roundsAtRestart).isBetween(1L, 2L);
      List<URI> answeredBy = new ArrayList<>();
      for (int i = 0; i < 6; i++) {
        answeredBy.add(lb.send(Request.get("/work?id=b" + i)).worker());
      }
      assertThat(answeredBy).contains(uris().get(2));
    }
  }

  /** A clock the test moves by hand. */
  private static final class ManualClock implements InstantSource {
    private final AtomicReference<Instant> now =
        new AtomicReference<>(Instant.parse("2026-01-01T00:00:00Z"));

    @Override
    public Instant instant() {
      return now.get();
    }

    void advance(Duration d) {
      now.updateAndGet(t -> t.plus(d));
    }
  }

  @Test
  void aWorkerThatFailsRequestsIsEjectedForTheEjectionTimeThoughItsProbePasses() throws Exception {
    adminCall(WORKERS.get(0), "/admin/fail?status=503");
    ManualClock clock = new ManualClock();
    try (ScheduledExecutorService idle = Executors.newSingleThreadScheduledExecutor();
        LoadBalancer lb =
            balancer(uris())
                .strategy(Strategy.roundRobin())
                .failureThreshold(2)
                .ejectionTime(Duration.ofSeconds(30))
                .clock(clock)
                .scheduler(idle)
                .build()) {
      lb.start(Duration.ofHours(1)); // one probe round now; the next ones are the test's
      for (int i = 0; i < 6; i++) {
        Response r = lb.send(Request.get("/work?id=" + i));
        assertThat(r.status()).as("GET %d answered by %s", i, r.worker()).isEqualTo(200);
        assertThat(r.worker()).isNotEqualTo(uris().get(0));
      }
      LoadBalancer.WorkerStatus w0 = statusOf(lb, 0);
      assertThat(w0.probeUp()).isTrue();
      assertThat(w0.inRotation()).isFalse();
      assertThat(w0.failures()).isEqualTo(2);
      assertThat(w0.ejectedUntil()).isEqualTo(clock.instant().plusSeconds(30));
      lb.probeNow();
      assertThat(statusOf(lb, 0).inRotation())
          .as("a passing probe does not end an ejection")
          .isFalse();

      clock.advance(Duration.ofSeconds(29));
      assertThat(statusOf(lb, 0).inRotation()).isFalse();
      clock.advance(Duration.ofSeconds(1));
      assertThat(statusOf(lb, 0).inRotation()).isTrue();

      // Healed: it answers again. A 5xx to a POST is returned as it is, never sent twice.
      adminCall(WORKERS.get(0), "/admin/fail?status=0");
      for (int i = 0; i < 3; i++) {
        assertThat(lb.send(Request.get("/work?id=h" + i)).status()).isEqualTo(200);
      }
      assertThat(statusOf(lb, 0).answered()).isPositive();
      adminCall(WORKERS.get(0), "/admin/fail?status=500");
      List<Response> posts = new ArrayList<>();
      for (int i = 0; i < 3; i++) {
        posts.add(lb.send(Request.post("/work?id=p" + i, new byte[] {1})));
      }
      assertThat(posts)
          .filteredOn(r -> r.worker().equals(uris().get(0)))
          .singleElement()
          .satisfies(
              r -> {
                assertThat(r.status()).isEqualTo(500);
                assertThat(r.attempts()).isEqualTo(1);
              });
    }
  }

  @Test
  void aRefusedConnectionIsRetriedEvenForAPostAndEjectsAtOnce() throws Exception {
    ManualClock clock = new ManualClock();
    try (ScheduledExecutorService idle = Executors.newSingleThreadScheduledExecutor();
        LoadBalancer lb =
            balancer(uris()).strategy(Strategy.roundRobin()).clock(clock).scheduler(idle).build()) {
      lb.start(Duration.ofHours(1));
      WORKERS.get(0).kill(); // the balancer has not probed since: w0 is still in rotation
      Response r = lb.send(Request.post("/work?id=x", new byte[] {42}));
      assertThat(r.status()).isEqualTo(200);
      assertThat(r.attempts()).isEqualTo(2);
      assertThat(r.text()).endsWith(" POST x 1");
      assertThat(statusOf(lb, 0).inRotation()).isFalse();
      assertThat(statusOf(lb, 0).probeUp()).isTrue();
    }
  }

  @Test
  void withNoWorkerInRotationASendFailsAtOnceNamingEachWorker() throws Exception {
    List<URI> dead = new ArrayList<>();
    for (int i = 0; i < 2; i++) {
      try (ServerSocket socket = new ServerSocket(0)) {
        dead.add(URI.create("http://127.0.0.1:" + socket.getLocalPort()));
      }
    }
    try (LoadBalancer lb = LoadBalancer.builder(dead).build()) {
      assertThatThrownBy(() -> lb.send(Request.get("/work")))
          .isInstanceOf(LoadBalancerException.NoHealthyWorker.class)
          .hasMessageContaining("probe failed");
      lb.probeNow();
      assertThat(lb.probeRounds()).isEqualTo(1);
      assertThat(lb.status()).allSatisfy(s -> assertThat(s.probeUp()).isFalse());
      assertThatThrownBy(() -> lb.send(Request.get("/work")))
          .isInstanceOf(LoadBalancerException.NoHealthyWorker.class)
          .hasMessageContaining(dead.get(0).toString())
          .hasMessageContaining(dead.get(1).toString());
    }
  }

  @Test
  void whenEveryAttemptFailsTheErrorListsEachWorker() throws Exception {
    ManualClock clock = new ManualClock();
    try (ScheduledExecutorService idle = Executors.newSingleThreadScheduledExecutor();
        LoadBalancer lb =
            balancer(uris().subList(0, 2))
                .requestTimeout(Duration.ofMillis(300))
                .clock(clock)
                .scheduler(idle)
                .build()) {
      lb.start(Duration.ofHours(1));
      adminCall(WORKERS.get(0), "/admin/latency?ms=5000");
      adminCall(WORKERS.get(1), "/admin/latency?ms=5000");
      assertThatThrownBy(() -> lb.send(Request.get("/work?id=slow")))
          .isInstanceOf(LoadBalancerException.AttemptsExhausted.class)
          .hasMessageContaining(uris().get(0).toString())
          .hasMessageContaining(uris().get(1).toString());
      // A POST that timed out may have been applied: it fails at once, on one worker.
      assertThatThrownBy(() -> lb.send(Request.post("/work?id=slow", new byte[0])))
          .isInstanceOf(LoadBalancerException.NotRetried.class);
      // Marked idempotent (an idempotency key), the same POST is retried like a GET.
      assertThatThrownBy(() -> lb.send(Request.post("/work?id=slow", new byte[0]).asIdempotent()))
          .isInstanceOf(LoadBalancerException.AttemptsExhausted.class);
    }
  }

  // --- the public boundary --------------------------------------------------------------------

  @Test
  void rejectsBadSettingsBeforeAnyWork() {
    URI ok = URI.create("http://127.0.0.1:1");
    assertThatThrownBy(() -> LoadBalancer.builder(null)).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> LoadBalancer.builder(List.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("1..1000: 0");
    assertThatThrownBy(() -> LoadBalancer.builder(List.of(ok, ok)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("twice");
    for (String bad : List.of("https://127.0.0.1:1", "http://127.0.0.1", "http://h:1/x", "h:1")) {
      assertThatThrownBy(() -> LoadBalancer.builder(List.of(URI.create(bad))))
          .as(bad)
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining(bad);
    }
    LoadBalancer.Builder b = LoadBalancer.builder(List.of(ok));
    assertThatThrownBy(() -> b.maxAttempts(0)).hasMessageContaining("1..100: 0");
    assertThatThrownBy(() -> b.maxAttempts(101)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> b.failureThreshold(0)).hasMessageContaining("1..1000: 0");
    assertThatThrownBy(() -> b.probeTimeout(Duration.ZERO)).hasMessageContaining("positive");
    assertThatThrownBy(() -> b.requestTimeout(Duration.ofSeconds(-1)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> b.ejectionTime(null)).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> b.strategy(null)).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> b.clock(null)).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> b.scheduler(null)).isInstanceOf(NullPointerException.class);
  }

  @Test
  void aClosedBalancerRefusesWork() throws Exception {
    LoadBalancer lb = balancer(uris()).build().start(PROBE_INTERVAL);
    assertThatThrownBy(() -> lb.start(PROBE_INTERVAL)).hasMessageContaining("already started");
    assertThatThrownBy(() -> lb.send(null)).isInstanceOf(NullPointerException.class);
    lb.close();
    lb.close();
    assertThatThrownBy(() -> lb.send(Request.get("/work")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("closed");
    assertThatThrownBy(lb::probeNow).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> lb.start(PROBE_INTERVAL)).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void requestsAndResponsesCheckTheirParts() throws IOException {
    assertThat(Request.get("/a").idempotent()).isTrue();
    assertThat(Request.of("PUT", "/a", new byte[0]).idempotent()).isTrue();
    assertThat(Request.post("/a", new byte[0]).idempotent()).isFalse();
    assertThat(Request.post("/a", new byte[0]).asIdempotent().idempotent()).isTrue();
    assertThatThrownBy(() -> Request.get("a")).hasMessageContaining("start with '/'");
    assertThatThrownBy(() -> Request.get("/a b")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Request.of("get", "/", new byte[0]))
        .hasMessageContaining("upper-case");
    assertThatThrownBy(() -> Request.post("/", new byte[Request.MAX_BODY + 1]))
        .hasMessageContaining("longer than");
    byte[] body = {1, 2};
    Request r = Request.post("/x", body);
    body[0] = 9;
    assertThat(r.body()).containsExactly(1, 2);
    assertThat(r).isEqualTo(Request.post("/x", new byte[] {1, 2})).hasToString("POST /x (2 bytes)");
    assertThat(r.hashCode()).isEqualTo(Request.post("/x", new byte[] {1, 2}).hashCode());
    URI w = URI.create("http://127.0.0.1:1");
    assertThatThrownBy(() -> new Response(99, new byte[0], w, 1)).hasMessageContaining("100..599");
    assertThatThrownBy(() -> new Response(200, new byte[0], w, 0)).hasMessageContaining("attempts");
    Response ok = new Response(200, "héllo".getBytes(StandardCharsets.UTF_8), w, 1);
    assertThat(ok.text()).isEqualTo("héllo");
    assertThat(ok).isEqualTo(new Response(200, "héllo".getBytes(StandardCharsets.UTF_8), w, 1));
    assertThat(ok.hashCode())
        .isEqualTo(new Response(200, "héllo".getBytes(StandardCharsets.UTF_8), w, 1).hashCode());
    assertThatThrownBy(() -> WorkerProcess.start("bad name")).hasMessageContaining("bad name");
  }
}
