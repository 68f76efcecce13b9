package org.interviewtasks.senior.advanced.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.interviewtasks.common.testing.StdStreams;
import org.interviewtasks.senior.architecture.consistenthashing.ConsistentHashRing;
import org.interviewtasks.senior.infra.Endpoint;
import org.interviewtasks.senior.infra.RedisNodes;
import org.interviewtasks.senior.infra.RedisServers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.params.SetParams;

class DistributedCacheTest {

  static DistributedCache.Builder builderFor(RedisNodes redis) {
    DistributedCache.Builder builder = DistributedCache.builder().writerId(7);
    for (int i = 0; i < redis.size(); i++) {
      Endpoint e = redis.endpoint(i);
      builder.node("node-" + i, e.host(), e.port());
    }
    return builder;
  }

  static RedisClient direct(RedisNodes redis, String node) {
    Endpoint e = redis.endpoint(Integer.parseInt(node.substring("node-".length())));
    return RedisClient.create(e.host(), e.port());
  }

  static int index(String node) {
    return Integer.parseInt(node.substring("node-".length()));
  }

  /** The node's clock in epoch milliseconds. */
  static long nodeMillis(RedisClient client) {
    Object millis =
        client.eval(
            "local t = redis.call('TIME') return tonumber(t[1]) * 1000"
                + " + math.floor(tonumber(t[2]) / 1000)");
    return ((Number) millis).longValue();
  }

  /** What remains of the entry's TTL on that node, in ms. */
  static long logicalTtl(RedisClient client, String key) {
    return Versioned.expiryOfStored(client.get(key)) - nodeMillis(client);
  }

  @Nested
  @RedisServers(4)
  class FoundByReadingTheJavadoc {

    DistributedCache cache;

    @BeforeEach
    void build(RedisNodes redis) {
      cache = builderFor(redis).build();
    }

    @AfterEach
    void close() {
      cache.close();
    }

    @Test
    void anExpiredWriteDoesNotBringBackTheOlderValueAReplicaKept(RedisNodes redis) {
      cache.put("k", "v1", Duration.ofHours(1));
      String lagging = cache.replicasOf("k").get(2);
      String v1Copy;
      try (RedisClient client = direct(redis, lagging)) {
        v1Copy = client.get("k");
      }
      long written;
      try (RedisClient client = direct(redis, cache.replicasOf("k").get(0))) {
        written = nodeMillis(client);
      }
      cache.put("k", "v2", Duration.ofMillis(200)); // acknowledged by the other two
      try (RedisClient client = direct(redis, lagging)) {
        client.set(
            "k",
            v1Copy,
            SetParams.setParams().px(Duration.ofHours(1).toMillis())); // its write timed out
      }

      try (RedisClient client = direct(redis, cache.replicasOf("k").get(0))) {
        await().atMost(Duration.ofSeconds(10)).until(() -> nodeMillis(client) > written + 400);
      }

      assertThat(cache.get("k")).as("v2 expired; v1 is older than it").isEmpty();
      assertThat(cache.get("k")).isEmpty();
      try (RedisClient client = direct(redis, lagging)) {
        assertThat(Versioned.fromStored(client.get("k")).isTombstone())
            .as("the lagging replica repaired with v2's marker")
            .isTrue();
      }
    }

    @Test
    void aLoadRacingAnInvalidationDoesNotKeepTheValueItLoaded() throws Exception {
      CountDownLatch loaderEntered = new CountDownLatch(1);
      CountDownLatch release = new CountDownLatch(1);
      try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
        Future<String> load =
            pool.submit(
                () ->
                    cache.get(
                        "price",
                        k -> {
                          loaderEntered.countDown(); // read the source: the old price
                          awaitLatch(release);
                          return "old price";
                        }));
        assertThat(loaderEntered.await(10, TimeUnit.SECONDS)).isTrue();
        cache.invalidate("price"); // the source changed while the loader ran
        release.countDown();

        assertThat(load.get(10, TimeUnit.SECONDS)).isEqualTo("old price");
      }
      assertThat(cache.get("price")).as("the invalidation outranks the load").isEmpty();
    }
  }

  @Nested
  @RedisServers(4)
  class NormalUse {

    DistributedCache cache;

    @BeforeEach
    void build(RedisNodes redis) {
      cache = builderFor(redis).build();
    }

    @AfterEach
    void close() {
      cache.close();
    }

    @Test
    void storesReadsOverwritesAndInvalidates() {
      assertThat(cache.get("user:1")).isEmpty();

      cache.put("user:1", "Zoë 😀");
      assertThat(cache.get("user:1")).contains("Zoë 😀");

      cache.put("user:1", "a:b:c");
      assertThat(cache.get("user:1")).contains("a:b:c");

      cache.put("empty", "");
      assertThat(cache.get("empty")).contains("");

      cache.invalidate("user:1");
      assertThat(cache.get("user:1")).isEmpty();

      cache.put("user:1", "again");
      assertThat(cache.get("user:1")).contains("again");
      assertThat(cache.stats().hits()).isEqualTo(4);
      assertThat(cache.stats().misses()).isEqualTo(2);
    }

    @Test
    void defaultsToThreeReplicasWriteAndReadQuorumsOfTwo() {
      DistributedCache.Quorum quorum = cache.quorum();

      assertThat(quorum).isEqualTo(new DistributedCache.Quorum(3, 2, 2));
      assertThat(quorum.readsSeeAcknowledgedWrites()).isTrue();
      assertThat(new DistributedCache.Quorum(3, 1, 1).readsSeeAcknowledgedWrites()).isFalse();
      assertThat(new DistributedCache.Quorum(3, 2, 1).readsSeeAcknowledgedWrites()).isFalse();
      assertThat(new DistributedCache.Quorum(3, 3, 1).readsSeeAcknowledgedWrites()).isTrue();
    }

    @Test
    void writesEachKeyToExactlyItsReplicasOnTheRing(RedisNodes redis) {
      ConsistentHashRing<String> ring =
          ConsistentHashRing.of("node-0", "node-1", "node-2", "node-3");
      List<String> keys = IntStream.range(0, 200).mapToObj(i -> "k" + i).toList();
      keys.forEach(k -> cache.put(k, "v"));

      int[] perNode = new int[4];
      for (String key : keys) {
        List<String> replicas = cache.replicasOf(key);
        assertThat(replicas).isEqualTo(ring.nodesFor(key, 3));
        for (int i = 0; i < 4; i++) {
          try (RedisClient client = direct(redis, "node-" + i)) {
            boolean held = client.exists(key);
            assertThat(held).as(key + " on node-" + i).isEqualTo(replicas.contains("node-" + i));
            perNode[i] += held ? 1 : 0;
          }
        }
      }
      assertThat(IntStream.of(perNode).sum()).isEqualTo(600);
      assertThat(IntStream.of(perNode).boxed().toList())
          .allSatisfy(n -> assertThat(n).isBetween(100, 200));
    }

    @Test
    void entriesExpireAfterTheirTtl(RedisNodes redis) {
      cache.put("short", "lived", Duration.ofMillis(300));
      cache.put("long", "lived", Duration.ofMinutes(5));

      assertThat(cache.get("short")).contains("lived");
      try (RedisClient client = direct(redis, cache.replicasOf("long").get(0))) {
        assertThat(logicalTtl(client, "long"))
            .isBetween(Duration.ofMinutes(4).toMillis(), 300_000L);
        // the node keeps the key, as a marker once expired, for maxTtl (1 h)
        assertThat(client.pttl("long")).isBetween(Duration.ofMinutes(59).toMillis(), 3_600_000L);
      }
      await().atMost(Duration.ofSeconds(10)).until(() -> cache.get("short").isEmpty());
      assertThat(cache.get("long")).contains("lived");
    }

    @Test
    void rejectsTtlsOutsideTheLimits() {
      assertThatIllegalArgumentException()
          .isThrownBy(() -> cache.put("k", "v", Duration.ofHours(2)))
          .withMessage("ttl must be 1 ms..PT1H: PT2H");
      assertThatIllegalArgumentException()
          .isThrownBy(() -> cache.put("k", "v", Duration.ZERO))
          .withMessage("ttl must be 1 ms..PT1H: PT0S");
      cache.put("k", "v", Duration.ofHours(1));
      assertThat(cache.get("k")).contains("v");
    }

    @Test
    void aLaterVersionWinsWhateverTheOrderWritesArrive(RedisNodes redis) {
      Instant now = Instant.parse("2030-01-01T00:00:00Z");
      try (DistributedCache ahead = builderFor(redis).clock(() -> now).writerId(1).build();
          DistributedCache behind =
              builderFor(redis).clock(() -> now.minusSeconds(1)).writerId(2).build()) {
        ahead.put("race", "newer");
        behind.put("race", "older, but arrives last");

        assertThat(cache.get("race")).contains("newer");
        assertThat(behind.get("race")).contains("newer");
      }
    }

    @Test
    void rejectsNulls() {
      assertThatNullPointerException().isThrownBy(() -> cache.get(null)).withMessage("key");
      assertThatNullPointerException().isThrownBy(() -> cache.put(null, "v")).withMessage("key");
      assertThatNullPointerException().isThrownBy(() -> cache.put("k", null)).withMessage("value");
      assertThatNullPointerException()
          .isThrownBy(() -> cache.put("k", "v", null))
          .withMessage("ttl");
      assertThatNullPointerException().isThrownBy(() -> cache.invalidate(null)).withMessage("key");
      assertThatNullPointerException().isThrownBy(() -> cache.get("k", null)).withMessage("loader");
      assertThatNullPointerException().isThrownBy(() -> cache.replicasOf(null)).withMessage("key");
    }
  }

  @Nested
  @RedisServers(4)
  class CacheAside {

    DistributedCache cache;

    @BeforeEach
    void build(RedisNodes redis) {
      cache = builderFor(redis).defaultTtl(Duration.ofMinutes(10)).build();
    }

    @AfterEach
    void close() {
      cache.close();
    }

    @Test
    void aLoadedValueThatUtf8CannotCarryIsRefusedAndNotCached() {
      assertThatIllegalArgumentException()
          .isThrownBy(() -> cache.get("broken", k -> "a\uDC00"))
          .withMessage("the loaded value contains an unpaired surrogate at index 1 (U+DC00)");
      assertThat(cache.get("broken")).isEmpty();
      assertThat(cache.get("broken", k -> "fine")).isEqualTo("fine");
    }

    @Test
    void loadsOnAMissAndServesTheCachedValueAfter(RedisNodes redis) {
      AtomicInteger calls = new AtomicInteger();

      assertThat(cache.get("price:42", k -> "€" + calls.incrementAndGet())).isEqualTo("€1");
      assertThat(cache.get("price:42", k -> "€" + calls.incrementAndGet())).isEqualTo("€1");

      assertThat(calls).hasValue(1);
      assertThat(cache.stats().loads()).isEqualTo(1);
      try (RedisClient client = direct(redis, cache.replicasOf("price:42").get(0))) {
        long ttl = logicalTtl(client, "price:42");
        assertThat(ttl).isBetween(Duration.ofMinutes(9).toMillis() - 100, 600_000L);
      }
    }

    @Test
    void concurrentMissesOfOneKeyShareOneLoad() throws Exception {
      CountDownLatch loaderEntered = new CountDownLatch(1);
      CountDownLatch release = new CountDownLatch(1);
      AtomicInteger calls = new AtomicInteger();
      int callers = 32;
      List<Future<String>> results = new ArrayList<>();
      try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
        for (int i = 0; i < callers; i++) {
          results.add(
              pool.submit(
                  () ->
                      cache.get(
                          "hot",
                          k -> {
                            calls.incrementAndGet();
                            loaderEntered.countDown();
                            awaitLatch(release);
                            return "computed once";
                          })));
        }
        assertThat(loaderEntered.await(10, TimeUnit.SECONDS)).isTrue();
        await().until(() -> cache.stats().misses() >= callers);
        release.countDown();
        for (Future<String> result : results) {
          assertThat(result.get(10, TimeUnit.SECONDS)).isEqualTo("computed once");
        }
      }
      assertThat(calls).hasValue(1);
      assertThat(cache.stats().loads()).isEqualTo(1);
    }

    @Test
    void aFailingLoadReachesEveryWaiterAndCachesNothing() throws Exception {
      CountDownLatch loaderEntered = new CountDownLatch(1);
      CountDownLatch release = new CountDownLatch(1);
      List<Future<String>> results = new ArrayList<>();
      try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
        for (int i = 0; i < 8; i++) {
          results.add(
              pool.submit(
                  () ->
                      cache.get(
                          "broken",
                          k -> {
                            loaderEntered.countDown();
                            awaitLatch(release);
                            throw new IllegalStateException("database down");
                          })));
        }
        assertThat(loaderEntered.await(10, TimeUnit.SECONDS)).isTrue();
        await().until(() -> cache.stats().misses() >= 8);
        release.countDown();
        for (Future<String> result : results) {
          assertThatThrownBy(() -> result.get(10, TimeUnit.SECONDS))
              .hasRootCauseInstanceOf(IllegalStateException.class)
              .hasRootCauseMessage("database down");
        }
      }
      assertThat(cache.get("broken")).isEmpty();
      assertThat(cache.get("broken", k -> "recovered")).isEqualTo("recovered");
    }

    @Test
    void aNullFromTheLoaderIsAnError() {
      assertThatNullPointerException()
          .isThrownBy(() -> cache.get("nothing", k -> null))
          .withMessage("loader returned null for key 'nothing'");
      assertThat(cache.get("nothing")).isEmpty();
    }
  }

  @Nested
  @RedisServers(4)
  class Failures {

    DistributedCache cache;

    @BeforeEach
    void build(RedisNodes redis) {
      cache = builderFor(redis).timeout(Duration.ofMillis(300)).build();
    }

    @AfterEach
    void close() {
      cache.close();
    }

    @Test
    void aNodeKilledMidRunLosesNoAcknowledgedWriteAndIsRepairedWhenBack(RedisNodes redis)
        throws Exception {
      List<String> keys = IntStream.range(0, 120).mapToObj(i -> "acct:" + i).toList();
      Map<String, String> acknowledged = new ConcurrentHashMap<>();
      AtomicBoolean stop = new AtomicBoolean();
      CountDownLatch warmedUp = new CountDownLatch(1);
      AtomicInteger readsDuringRun = new AtomicInteger();
      AtomicInteger rounds = new AtomicInteger();
      try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
        Future<Integer> writer =
            pool.submit(
                () -> {
                  int round = 0;
                  while (!stop.get() || round < 3) {
                    for (String key : keys) {
                      String value = key + "@" + round;
                      cache.put(key, value); // throws if not acknowledged: fails the test
                      acknowledged.put(key, value);
                    }
                    round++;
                    rounds.set(round);
                    if (round == 2) {
                      warmedUp.countDown();
                    }
                  }
                  return round;
                });
        Future<?> reader =
            pool.submit(
                () -> {
                  while (!stop.get()) {
                    for (String key : keys) {
                      cache.get(key); // must not throw while one node is down
                      readsDuringRun.incrementAndGet();
                    }
                  }
                  return null;
                });
        assertThat(warmedUp.await(30, TimeUnit.SECONDS)).isTrue();

        redis.kill(1);
        long failuresBefore = cache.stats().replicaFailures();
        int roundAtKill = rounds.get();
        await()
            .atMost(Duration.ofSeconds(60))
            .until(
                () ->
                    rounds.get() >= roundAtKill + 2
                        && cache.stats().replicaFailures() > failuresBefore + 50);
        redis.restart(1);
        int roundAtRestart = rounds.get();
        await().atMost(Duration.ofSeconds(60)).until(() -> rounds.get() >= roundAtRestart + 2);
        stop.set(true);

        assertThat(writer.get(60, TimeUnit.SECONDS)).isGreaterThanOrEqualTo(3);
        reader.get(60, TimeUnit.SECONDS);
      }
      assertThat(readsDuringRun.get()).isPositive();

      for (String key : keys) {
        assertThat(cache.get(key)).as(key).contains(acknowledged.get(key));
      }
      List<String> onNode1 =
          keys.stream().filter(k -> cache.replicasOf(k).contains("node-1")).toList();
      assertThat(onNode1).isNotEmpty();
      try (RedisClient node1 = direct(redis, "node-1")) {
        for (String key : onNode1) {
          assertThat(Versioned.fromStored(node1.get(key)).value())
              .as("repaired copy of " + key)
              .isEqualTo(acknowledged.get(key));
        }
      }
    }

    @Test
    void readRepairFixesAStaleCopyAndTheNextReadFindsNothingToRepair(RedisNodes redis) {
      cache.put("doc", "v1");
      String lagging = cache.replicasOf("doc").get(2);
      String stale;
      try (RedisClient client = direct(redis, lagging)) {
        stale = client.get("doc");
      }
      cache.put("doc", "v2");
      try (RedisClient client = direct(redis, lagging)) {
        client.set("doc", stale); // as if this replica had missed the second write
      }

      assertThat(cache.get("doc")).contains("v2");

      assertThat(cache.stats().repairs()).isEqualTo(1);
      try (RedisClient client = direct(redis, lagging)) {
        assertThat(Versioned.fromStored(client.get("doc")).value()).isEqualTo("v2");
        assertThat(client.pttl("doc")).isPositive();
      }
      assertThat(cache.get("doc")).contains("v2");
      assertThat(cache.stats().repairs()).isEqualTo(1);
    }

    @Test
    void aReplicaThatMissedAnInvalidationCannotBringTheValueBack(RedisNodes redis) {
      cache.put("session", "token");
      String lagging = cache.replicasOf("session").get(0);
      String old;
      try (RedisClient client = direct(redis, lagging)) {
        old = client.get("session");
      }
      cache.invalidate("session");
      try (RedisClient client = direct(redis, lagging)) {
        client.set("session", old);
      }

      assertThat(cache.get("session")).isEmpty();

      try (RedisClient client = direct(redis, lagging)) {
        assertThat(Versioned.fromStored(client.get("session")).isTombstone()).isTrue();
      }
    }

    @Test
    void withTwoOfAKeysThreeReplicasDownWritesAndReadsFailLoudly(RedisNodes redis) {
      List<String> replicas = cache.replicasOf("fragile");
      redis.kill(index(replicas.get(0)));
      redis.kill(index(replicas.get(1)));

      assertThatThrownBy(() -> cache.put("fragile", "v"))
          .isInstanceOf(CacheUnavailableException.class)
          .hasMessage("write quorum not reached for key 'fragile': 1 of 2 replicas stored it");
      assertThatThrownBy(() -> cache.get("fragile"))
          .isInstanceOf(CacheUnavailableException.class)
          .hasMessage("read quorum not reached for key 'fragile': 1 of 2 replicas answered");
    }

    @Test
    void withOneReplicaDownEverythingStillWorks(RedisNodes redis) {
      String key = "steady";
      redis.kill(index(cache.replicasOf(key).get(0)));

      cache.put(key, "ok");

      assertThat(cache.get(key)).contains("ok");
      assertThat(cache.stats().replicaFailures()).isGreaterThanOrEqualTo(2);
    }
  }

  @Nested
  class Settings {

    DistributedCache.Builder threeNodes() {
      return DistributedCache.builder()
          .node("a", "127.0.0.1", 1)
          .node("b", "127.0.0.1", 2)
          .node("c", "127.0.0.1", 3);
    }

    @Test
    void manyWritesInOneMillisecondDoNotRunAheadOfTheClock() {
      long t = Instant.parse("2030-01-01T00:00:00Z").toEpochMilli();
      AtomicInteger reads = new AtomicInteger();
      // A's clock stands still for 300 readings: more than 256 writes within its millisecond.
      InstantSource fast = () -> Instant.ofEpochMilli(reads.incrementAndGet() <= 300 ? t : t + 1);
      try (DistributedCache a = threeNodes().clock(fast).writerId(200).build();
          DistributedCache b =
              threeNodes().clock(() -> Instant.ofEpochMilli(t + 1)).writerId(1).build()) {
        List<Long> madeWhileTheClockSaidT = new ArrayList<>();
        long previous = 0;
        for (int i = 0; i < 300; i++) {
          long version = a.nextVersion();
          assertThat(version).isGreaterThan(previous);
          previous = version;
          if (reads.get() <= 300) {
            madeWhileTheClockSaidT.add(version);
          }
        }
        assertThat(madeWhileTheClockSaidT).hasSize(256);
        assertThat(madeWhileTheClockSaidT).allSatisfy(v -> assertThat(v >>> 16).isEqualTo(t));
        // B writes later, by a clock that is later: it outranks everything A did at t.
        long later = b.nextVersion();
        assertThat(madeWhileTheClockSaidT).allSatisfy(v -> assertThat(v).isLessThan(later));
      }
    }

    @Test
    void aClockThatStepsBackNeverMakesVersionsGoBack() {
      long t = Instant.parse("2030-01-01T00:00:00Z").toEpochMilli();
      AtomicInteger reads = new AtomicInteger();
      InstantSource stepsBack =
          () -> Instant.ofEpochMilli(reads.incrementAndGet() <= 3 ? t : t - 5);
      try (DistributedCache a = threeNodes().clock(stepsBack).writerId(3).build()) {
        long previous = 0;
        for (int i = 0; i < 600; i++) {
          long version = a.nextVersion();
          assertThat(version).isGreaterThan(previous);
          assertThat(version & 0xFF).isEqualTo(3);
          previous = version;
        }
      }
    }

    @Test
    void derivesQuorumsFromTheReplicationFactor() {
      try (DistributedCache cache = threeNodes().replicas(1).build()) {
        assertThat(cache.quorum()).isEqualTo(new DistributedCache.Quorum(1, 1, 1));
      }
      try (DistributedCache cache = threeNodes().replicas(2).build()) {
        assertThat(cache.quorum()).isEqualTo(new DistributedCache.Quorum(2, 2, 1));
      }
      try (DistributedCache cache = threeNodes().replicas(3).writeQuorum(3).build()) {
        assertThat(cache.quorum()).isEqualTo(new DistributedCache.Quorum(3, 3, 1));
      }
      try (DistributedCache cache = threeNodes().writeQuorum(1).readQuorum(3).build()) {
        assertThat(cache.quorum()).isEqualTo(new DistributedCache.Quorum(3, 1, 3));
      }
    }

    @Test
    void placesKeysWithTheRing() {
      try (DistributedCache cache = threeNodes().replicas(2).build()) {
        ConsistentHashRing<String> ring = ConsistentHashRing.of("a", "b", "c");
        Set<String> owners = new HashSet<>();
        for (int i = 0; i < 100; i++) {
          assertThat(cache.replicasOf("k" + i)).isEqualTo(ring.nodesFor("k" + i, 2));
          owners.add(cache.replicasOf("k" + i).get(0));
        }
        assertThat(owners).containsExactlyInAnyOrder("a", "b", "c");
      }
    }

    @Test
    void rejectsSettingsThatDoNotFit() {
      assertThatIllegalArgumentException()
          .isThrownBy(() -> DistributedCache.builder().build())
          .withMessage("a cache needs at least one node");
      assertThatIllegalArgumentException()
          .isThrownBy(() -> threeNodes().replicas(4).build())
          .withMessage("replicas must be 1..3 (the nodes): 4");
      assertThatIllegalArgumentException()
          .isThrownBy(() -> threeNodes().replicas(0).build())
          .withMessage("replicas must be 1..3 (the nodes): 0");
      assertThatIllegalArgumentException()
          .isThrownBy(() -> threeNodes().replicas(2).writeQuorum(3).build())
          .withMessage("writeQuorum must be 1..2: 3");
      assertThatIllegalArgumentException()
          .isThrownBy(() -> threeNodes().replicas(2).readQuorum(3).build())
          .withMessage("readQuorum must be 1..2: 3");
      assertThatIllegalArgumentException()
          .isThrownBy(() -> threeNodes().writeQuorum(0))
          .withMessage("writeQuorum must be at least 1: 0");
      assertThatIllegalArgumentException()
          .isThrownBy(() -> threeNodes().readQuorum(0))
          .withMessage("readQuorum must be at least 1: 0");
      assertThatIllegalArgumentException()
          .isThrownBy(() -> threeNodes().defaultTtl(Duration.ofHours(2)).build())
          .withMessage("defaultTtl must be 1 ms..maxTtl (PT1H): PT2H");
      assertThatIllegalArgumentException()
          .isThrownBy(() -> threeNodes().defaultTtl(Duration.ZERO).build())
          .withMessage("defaultTtl must be 1 ms..maxTtl (PT1H): PT0S");
      assertThatIllegalArgumentException()
          .isThrownBy(() -> threeNodes().timeout(Duration.ZERO).build())
          .withMessage("timeout must be 1 ms..PT1H: PT0S");
      assertThatIllegalArgumentException()
          .isThrownBy(() -> threeNodes().node("a", "127.0.0.1", 9))
          .withMessage("two nodes named a");
      assertThatIllegalArgumentException()
          .isThrownBy(() -> threeNodes().writerId(256))
          .withMessage("writerId must be 0..255: 256");
      assertThatIllegalArgumentException()
          .isThrownBy(() -> threeNodes().writerId(-1))
          .withMessage("writerId must be 0..255: -1");
      assertThat(threeNodes().writerId(0).writerId(255).maxTtl(Duration.ofHours(3)).build())
          .isNotNull();
    }

    @Test
    void refusesQuorumsUnderWhichAReadCanMissAnAcknowledgedWrite() {
      assertThatIllegalArgumentException()
          .isThrownBy(() -> threeNodes().writeQuorum(1).readQuorum(1).build())
          .withMessage(
              "readQuorum + writeQuorum must exceed replicas, or a read can miss an acknowledged"
                  + " write: 1 + 1 <= 3");
      assertThatIllegalArgumentException()
          .isThrownBy(() -> threeNodes().writeQuorum(2).readQuorum(1).build())
          .withMessageEndingWith("1 + 2 <= 3");
      assertThatIllegalArgumentException()
          .isThrownBy(() -> threeNodes().readQuorum(1).build())
          .withMessageEndingWith("1 + 2 <= 3");
      try (DistributedCache cache = threeNodes().writeQuorum(1).build()) {
        assertThat(cache.quorum().readsSeeAcknowledgedWrites()).isTrue();
      }
    }

    @ParameterizedTest
    @ValueSource(ints = {-1, 0, 65_536, 70_000, Integer.MIN_VALUE})
    void refusesPortsNoServerHas(int port) {
      assertThatIllegalArgumentException()
          .isThrownBy(() -> DistributedCache.builder().node("n", "127.0.0.1", port))
          .withMessage("port of node n must be 1..65535: " + port);
    }

    @Test
    void refusesBlankHostsAndNames() {
      assertThatIllegalArgumentException()
          .isThrownBy(() -> DistributedCache.builder().node("n", " ", 6379))
          .withMessage("host of node n must not be blank");
      assertThatIllegalArgumentException()
          .isThrownBy(() -> DistributedCache.builder().node("", "h", 6379))
          .withMessage("a node's name must not be blank");
      assertThatIllegalArgumentException()
          .isThrownBy(() -> DistributedCache.builder().node("n\uD800", "h", 6379))
          .withMessage("name contains an unpaired surrogate at index 1 (U+D800)");
      assertThat(
              DistributedCache.builder()
                  .node("n", "h", 1)
                  .node("m", "h", 65_535)
                  .replicas(2)
                  .build())
          .isNotNull();
    }

    @Test
    void refusesDurationsBeyondTheirLimitsWithoutOverflowing() {
      Duration forever = Duration.ofSeconds(Long.MAX_VALUE);
      assertThatIllegalArgumentException()
          .isThrownBy(() -> threeNodes().maxTtl(forever).build())
          .withMessage("maxTtl must be 1 ms..PT8760H: " + forever);
      assertThatIllegalArgumentException()
          .isThrownBy(() -> threeNodes().maxTtl(Duration.ZERO).build())
          .withMessage("maxTtl must be 1 ms..PT8760H: PT0S");
      assertThatIllegalArgumentException()
          .isThrownBy(() -> threeNodes().defaultTtl(forever).build())
          .withMessage("defaultTtl must be 1 ms..maxTtl (PT1H): " + forever);
      assertThatIllegalArgumentException()
          .isThrownBy(() -> threeNodes().timeout(forever).build())
          .withMessage("timeout must be 1 ms..PT1H: " + forever);
      assertThatIllegalArgumentException()
          .isThrownBy(() -> threeNodes().timeout(Duration.ofNanos(999_999)).build())
          .withMessage("timeout must be 1 ms..PT1H: PT0.000999999S");
      try (DistributedCache cache = threeNodes().maxTtl(DistributedCache.MAX_TTL).build()) {
        assertThatIllegalArgumentException()
            .isThrownBy(() -> cache.put("k", "v", forever))
            .withMessage("ttl must be 1 ms..PT8760H: " + forever);
        assertThatIllegalArgumentException()
            .isThrownBy(() -> cache.put("k", "v", Duration.ofMillis(-1)))
            .withMessage("ttl must be 1 ms..PT8760H: PT-0.001S");
      }
    }

    @Test
    void refusesTextThatUtf8CannotCarryBeforeSendingIt() {
      try (DistributedCache cache = threeNodes().build()) {
        assertThatIllegalArgumentException()
            .isThrownBy(() -> cache.put("k", "a\uD800b"))
            .withMessage("value contains an unpaired surrogate at index 1 (U+D800)");
        assertThatIllegalArgumentException()
            .isThrownBy(() -> cache.put("\uD800", "v"))
            .withMessage("key contains an unpaired surrogate at index 0 (U+D800)");
        assertThatIllegalArgumentException()
            .isThrownBy(() -> cache.get("\uDC00"))
            .withMessage("key contains an unpaired surrogate at index 0 (U+DC00)");
        assertThatIllegalArgumentException()
            .isThrownBy(() -> cache.get("x\uD800", k -> "v"))
            .withMessage("key contains an unpaired surrogate at index 1 (U+D800)");
        assertThatIllegalArgumentException()
            .isThrownBy(() -> cache.invalidate("\uD800"))
            .withMessageStartingWith("key contains an unpaired surrogate");
        assertThatIllegalArgumentException()
            .isThrownBy(() -> cache.replicasOf("\uD800"))
            .withMessageStartingWith("key contains an unpaired surrogate");
        assertThat(cache.stats().replicaFailures()).isZero();
      }
    }

    @Test
    void aClockBeyondWhatVersionsHoldFailsTheWriteByName() {
      InstantSource year7000 = () -> Instant.parse("7000-01-01T00:00:00Z");
      try (DistributedCache cache = threeNodes().clock(year7000).build()) {
        assertThatIllegalStateException()
            .isThrownBy(() -> cache.put("k", "v"))
            .withMessage(
                "the clock reads 7000-01-01T00:00:00Z, outside what a version holds:"
                    + " 1970-01-01 to 6429-10-17T02:45:55.327Z");
        assertThat(cache.stats().replicaFailures()).isZero();
      }
      InstantSource before1970 = () -> Instant.parse("1969-12-31T23:59:59Z");
      try (DistributedCache cache = threeNodes().clock(before1970).build()) {
        assertThatIllegalStateException()
            .isThrownBy(() -> cache.invalidate("k"))
            .withMessageStartingWith("the clock reads 1969-12-31T23:59:59Z");
      }
    }

    @Test
    void everyCallAfterCloseFailsByName() {
      DistributedCache cache = threeNodes().build();
      cache.close();
      cache.close();
      assertThatIllegalStateException()
          .isThrownBy(() -> cache.get("k"))
          .withMessage("the cache is closed");
      assertThatIllegalStateException()
          .isThrownBy(() -> cache.put("k", "v"))
          .withMessage("the cache is closed");
      assertThatIllegalStateException()
          .isThrownBy(() -> cache.invalidate("k"))
          .withMessage("the cache is closed");
      assertThatIllegalStateException()
          .isThrownBy(() -> cache.get("k", key -> "v"))
          .withMessage("the cache is closed");
      assertThat(cache.stats().replicaFailures()).isZero();
    }

    @Test
    void rejectsNullSettings() {
      assertThatNullPointerException()
          .isThrownBy(() -> DistributedCache.builder().node(null, "h", 1))
          .withMessage("name");
      assertThatNullPointerException()
          .isThrownBy(() -> DistributedCache.builder().node("n", null, 1))
          .withMessage("host");
      assertThatNullPointerException()
          .isThrownBy(() -> DistributedCache.builder().defaultTtl(null))
          .withMessage("ttl");
      assertThatNullPointerException()
          .isThrownBy(() -> DistributedCache.builder().maxTtl(null))
          .withMessage("ttl");
      assertThatNullPointerException()
          .isThrownBy(() -> DistributedCache.builder().timeout(null))
          .withMessage("timeout");
      assertThatNullPointerException()
          .isThrownBy(() -> DistributedCache.builder().clock((InstantSource) null))
          .withMessage("clock");
    }
  }

  @Nested
  class Encoding {

    @ParameterizedTest
    @ValueSource(strings = {"", "plain", "with:colons:", "Zoë 😀", "line\nbreak"})
    void valuesRoundTrip(String value) {
      Versioned entry = new Versioned(123_456_789L, value);

      assertThat(entry.encode()).startsWith("0000000000123456789:V:");
      assertThat(Versioned.decode(entry.encode())).isEqualTo(entry);
    }

    @Test
    void tombstonesRoundTrip() {
      Versioned tombstone = Versioned.tombstone(Long.MAX_VALUE);

      assertThat(tombstone.encode()).isEqualTo("9223372036854775807:T:");
      assertThat(Versioned.decode(tombstone.encode()).isTombstone()).isTrue();
      assertThat(new Versioned(0, "x").isTombstone()).isFalse();
    }

    @Test
    void rejectsWhatItDidNotWrite() {
      for (String text :
          List.of(
              "",
              "plain",
              "000000000000000000x:V:v",
              "0000000000000000001:X:v",
              "0000000000000000001-V:v",
              "0000000000000000001:V-v",
              "0000000000000000001:V")) {
        assertThatIllegalArgumentException()
            .as(text)
            .isThrownBy(() -> Versioned.decode(text))
            .withMessageStartingWith("not a cache entry: ");
      }
      assertThatIllegalArgumentException()
          .isThrownBy(() -> Versioned.decode("y".repeat(40)))
          .withMessage("not a cache entry: " + "y".repeat(40));
      assertThatIllegalArgumentException()
          .isThrownBy(() -> Versioned.decode("x".repeat(50)))
          .withMessage("not a cache entry: " + "x".repeat(40) + "…");
      assertThatIllegalArgumentException()
          .isThrownBy(() -> new Versioned(-1, "v"))
          .withMessage("version must not be negative: -1");
    }
  }

  @Nested
  @Tag("infra")
  class Demo {

    @Test
    void showsAFailoverWithNothingLost() throws Exception {
      var printed = StdStreams.capture(() -> DistributedCache.main("200"));

      assertThat(printed.out())
          .contains("Redis 7.0.15 nodes: [127.0.0.1:")
          .contains("each key on N=3 nodes, writes acknowledged by W=2, reads need R=2")
          .contains("killed node-1")
          .contains("with node-1 down: updated 100 keys, read back 200 of 200")
          .contains("after the restart: 200 of 200 keys readable, 200 with their latest")
          .containsPattern("read repair rewrote [1-9][0-9]* stale or missing copies");
    }

    @Test
    void rejectsBadUsage() {
      assertThatIllegalArgumentException()
          .isThrownBy(() -> DistributedCache.main("1", "2"))
          .withMessage("usage: senior.advanced.1 [keys]");
      assertThatIllegalArgumentException()
          .isThrownBy(() -> DistributedCache.main("0"))
          .withMessage("usage: senior.advanced.1 [keys 1..100000]");
    }
  }

  static void awaitLatch(CountDownLatch latch) {
    try {
      if (!latch.await(30, TimeUnit.SECONDS)) {
        throw new IllegalStateException("latch not released");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
