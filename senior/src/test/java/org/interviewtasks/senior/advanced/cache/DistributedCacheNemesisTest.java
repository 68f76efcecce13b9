package org.interviewtasks.senior.advanced.cache;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.interviewtasks.common.testing.Seeds;
import org.interviewtasks.senior.infra.Endpoint;
import org.interviewtasks.senior.infra.RedisNodes;
import org.interviewtasks.senior.infra.RedisServers;
import org.interviewtasks.senior.infra.nemesis.Anomaly;
import org.interviewtasks.senior.infra.nemesis.CacheChecker;
import org.interviewtasks.senior.infra.nemesis.FaultProxy;
import org.interviewtasks.senior.infra.nemesis.History;
import org.interviewtasks.senior.infra.nemesis.History.Result;
import org.interviewtasks.senior.infra.nemesis.Nemesis;
import org.interviewtasks.senior.infra.nemesis.Nemesis.Fault;
import org.interviewtasks.senior.infra.nemesis.SkewedClock;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Three clients use the cache on three Redis nodes (every key on all three) while a nemesis breaks
 * things on a seeded schedule; the whole history must pass {@link CacheChecker}. Each client
 * reaches each node through its own {@link FaultProxy}, and reads its own {@link SkewedClock}.
 *
 * <p>A schedule stays within what the design says it tolerates: either it kills nodes, and then
 * every node fault hits one victim node (a node restarted empty plus a second unreachable replica
 * is two failures), or it kills none and pauses, partitions, slows, cuts and throttles any node.
 * Clock skew is at most {@link #MAX_SKEW}, and the checker orders writes only when they are further
 * apart than twice that plus 2 ms. {@code -Dnemesis.schedules=N} runs N schedules (the {@code
 * nemesis} profile: 20), {@code -Dseed=S} replays one.
 */
@RedisServers(3)
class DistributedCacheNemesisTest {

  static final Duration MAX_SKEW = Duration.ofMillis(25);
  static final int CLIENTS = 3;
  static final int NODES = 3;
  static final List<String> KEYS = List.of("k0", "k1", "k2", "k3", "k4");

  /**
   * The schedules: {@code nemesis.schedules} seeds (2 by default), alternately without and with
   * kills; a seed given with {@code -Dseed} runs both ways.
   */
  static Stream<Arguments> schedules() {
    long[] seeds = Seeds.derive(Integer.getInteger("nemesis.schedules", 2)).toArray();
    if (seeds.length == 1) {
      return Stream.of(Arguments.of(seeds[0], false), Arguments.of(seeds[0], true));
    }
    return IntStream.range(0, seeds.length).mapToObj(i -> Arguments.of(seeds[i], i % 2 == 1));
  }

  @ParameterizedTest(name = "seed {0}, kills {1}")
  @MethodSource("schedules")
  void historyPassesTheChecker(long seed, boolean kills, RedisNodes redis) throws Exception {
    List<Anomaly> anomalies = run(seed, kills, redis, Integer.getInteger("nemesis.steps", 5));

    assertThat(anomalies).as("anomalies of seed " + seed).isEmpty();
  }

  /** Runs one schedule and returns what the checker found. */
  static List<Anomaly> run(long seed, boolean kills, RedisNodes redis, int steps) throws Exception {
    History history = new History();
    List<SkewedClock> clocks = new ArrayList<>();
    List<List<FaultProxy>> proxies = new ArrayList<>();
    List<DistributedCache> caches = new ArrayList<>();
    try {
      for (int c = 0; c < CLIENTS; c++) {
        SkewedClock clock = SkewedClock.system();
        clocks.add(clock);
        List<FaultProxy> links = new ArrayList<>();
        DistributedCache.Builder builder =
            DistributedCache.builder()
                .clock(clock)
                .writerId(c + 1)
                .timeout(Duration.ofSeconds(1))
                .defaultTtl(Duration.ofHours(1));
        for (int n = 0; n < NODES; n++) {
          FaultProxy proxy = FaultProxy.start(redis.endpoint(n));
          links.add(proxy);
          Endpoint e = proxy.endpoint();
          builder.node("node-" + n, e.host(), e.port());
        }
        proxies.add(links);
        caches.add(builder.build());
      }
      Nemesis nemesis =
          Nemesis.plan(
              seed,
              steps,
              menu(seed, kills, redis, proxies, clocks),
              new Nemesis.Timing(
                  Duration.ofMillis(200), Duration.ofMillis(1500), Duration.ofMillis(300)));
      nemesis.runWithClients(
          history,
          () -> heal(redis, proxies, clocks),
          CLIENTS,
          (client, stopped) ->
              work(
                  client,
                  caches.get(client),
                  new SplittableRandom(seed + client),
                  history,
                  stopped),
          () -> {});
      for (int c = 0; c < CLIENTS; c++) {
        for (String key : KEYS) {
          get("client-" + c, caches.get(c), key, history);
        }
      }
      List<Anomaly> anomalies =
          new CacheChecker(MAX_SKEW.multipliedBy(2).plusMillis(2)).check(history.ops());
      System.out.printf(
          "nemesis cache seed=%d kills=%b ops=%d faults=%s anomalies=%d schedule=%s%n",
          seed, kills, history.size(), nemesis.faultsByKind(), anomalies.size(), nemesis);
      anomalies.stream().limit(20).forEach(a -> System.out.println("  " + a));
      Nemesis.report(
          kills ? "cache, kills" : "cache, no kills",
          seed,
          history.size(),
          nemesis.faultsByKind(),
          anomalies.size());
      return anomalies;
    } finally {
      caches.forEach(DistributedCache::close);
      proxies.forEach(links -> links.forEach(FaultProxy::close));
      heal(redis, List.of(), clocks);
    }
  }

  private static void work(
      int client,
      DistributedCache cache,
      SplittableRandom random,
      History history,
      BooleanSupplier stopped) {
    String process = "client-" + client;
    int n = 0;
    while (!stopped.getAsBoolean()) {
      String key = KEYS.get(random.nextInt(KEYS.size()));
      int dice = random.nextInt(10);
      if (dice < 5) {
        get(process, cache, key, history);
      } else if (dice < 9) {
        String value = process + "#" + n++;
        history.record(
            process,
            "put",
            key,
            () -> {
              try {
                cache.put(key, value);
                return Result.ok(value);
              } catch (CacheUnavailableException e) {
                return Result.unknown(value);
              }
            });
      } else {
        history.record(
            process,
            "invalidate",
            key,
            () -> {
              try {
                cache.invalidate(key);
                return Result.ok(null);
              } catch (CacheUnavailableException e) {
                return Result.unknown(null);
              }
            });
      }
    }
  }

  private static void get(String process, DistributedCache cache, String key, History history) {
    history.record(
        process,
        "get",
        key,
        () -> {
          try {
            Optional<String> value = cache.get(key);
            return Result.ok(value.orElse(null));
          } catch (CacheUnavailableException e) {
            return Result.fail(null);
          }
        });
  }

  /**
   * The faults a schedule draws from. With kills, every node fault hits the victim the seed picks;
   * without, any node.
   */
  static List<Function<SplittableRandom, Fault>> menu(
      long seed,
      boolean kills,
      RedisNodes redis,
      List<List<FaultProxy>> proxies,
      List<SkewedClock> clocks) {
    int victim = Math.floorMod(seed, NODES);
    Function<SplittableRandom, Integer> node = r -> kills ? victim : r.nextInt(NODES);
    List<Function<SplittableRandom, Fault>> menu = new ArrayList<>();
    if (kills) {
      menu.add(
          r ->
              new Fault(
                  "kill",
                  "node-" + victim,
                  () -> redis.kill(victim),
                  () -> {
                    if (!redis.isRunning(victim)) {
                      redis.restart(victim);
                    }
                  }));
    }
    menu.add(
        r -> {
          int n = node.apply(r);
          return new Fault("pause", "node-" + n, () -> redis.pause(n), () -> redis.resume(n));
        });
    menu.add(
        r -> {
          int c = r.nextInt(CLIENTS);
          int n = node.apply(r);
          FaultProxy link = proxies.get(c).get(n);
          return new Fault(
              "partition", "client-" + c + " / node-" + n, link::blackhole, link::heal);
        });
    menu.add(
        r -> {
          int c = r.nextInt(CLIENTS);
          int n = node.apply(r);
          FaultProxy link = proxies.get(c).get(n);
          Duration delay = Duration.ofMillis(20 + r.nextInt(400));
          return new Fault(
              "delay",
              "client-" + c + " -> node-" + n + " +" + delay.toMillis() + "ms",
              () -> link.delay(delay),
              link::heal);
        });
    menu.add(
        r -> {
          int c = r.nextInt(CLIENTS);
          int n = node.apply(r);
          FaultProxy link = proxies.get(c).get(n);
          return new Fault("cut", "client-" + c + " -> node-" + n, link::cut, link::heal);
        });
    menu.add(
        r -> {
          int c = r.nextInt(CLIENTS);
          int n = node.apply(r);
          FaultProxy link = proxies.get(c).get(n);
          long rate = 1_000L + r.nextInt(20_000);
          return new Fault(
              "throttle",
              "client-" + c + " -> node-" + n + " " + rate + " B/s",
              () -> link.throttle(rate),
              link::heal);
        });
    menu.add(
        r -> {
          int c = r.nextInt(CLIENTS);
          long millis = 1 + r.nextLong(MAX_SKEW.toMillis());
          Duration offset = Duration.ofMillis(r.nextBoolean() ? millis : -millis);
          SkewedClock clock = clocks.get(c);
          return new Fault(
              "skew",
              "client-" + c + " " + offset.toMillis() + "ms",
              () -> clock.skew(offset),
              clock::heal);
        });
    return menu;
  }

  private static void heal(
      RedisNodes redis, List<List<FaultProxy>> proxies, List<SkewedClock> clocks) {
    for (int n = 0; n < redis.size(); n++) {
      redis.resume(n);
      if (!redis.isRunning(n)) {
        redis.restart(n);
      }
    }
    proxies.forEach(links -> links.forEach(FaultProxy::heal));
    clocks.forEach(SkewedClock::heal);
  }
}
