package org.interviewtasks.senior.architecture.consistenthashing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.google.common.hash.Hashing;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.NoSuchElementException;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import org.interviewtasks.common.testing.Hostile;
import org.interviewtasks.common.testing.Seeds;
import org.interviewtasks.common.testing.StdStreams;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class ConsistentHashRingTest {

  private static final int KEYS = 100_000;
  private static final List<String> KEY_SET =
      IntStream.range(0, KEYS).mapToObj(i -> "user:" + i).toList();

  /** A server known by a name that is not its toString, to show names place it. */
  record Server(String name, int port) {}

  static ConsistentHashRing<String> ringOf(int servers, int vnodes) {
    ConsistentHashRing<String> ring = ConsistentHashRing.create(Function.identity(), vnodes);
    for (int s = 0; s < servers; s++) {
      ring = ring.withNode("server-" + s);
    }
    return ring;
  }

  static Map<String, Integer> loads(ConsistentHashRing<String> ring) {
    Map<String, Integer> load = new HashMap<>();
    ring.nodes().forEach(n -> load.put(n, 0));
    KEY_SET.forEach(k -> load.merge(ring.nodeFor(k), 1, Integer::sum));
    return load;
  }

  static double relativeStdDev(Iterable<Integer> counts, int n) {
    double mean = (double) KEYS / n;
    double sum = 0;
    for (int c : counts) {
      sum += (c - mean) * (c - mean);
    }
    return Math.sqrt(sum / n) / mean;
  }

  static double movedFraction(Function<String, ?> before, Function<String, ?> after) {
    long moved = KEY_SET.stream().filter(k -> !before.apply(k).equals(after.apply(k))).count();
    return (double) moved / KEYS;
  }

  @Nested
  class Hash {

    @ParameterizedTest(name = "seed {0}")
    @MethodSource(
        "org.interviewtasks.senior.architecture.consistenthashing.ConsistentHashRingTest#seeds")
    void isGuavasMurmur3_128(long seed) {
      SplittableRandom random = new SplittableRandom(seed);
      byte[] bytes = new byte[random.nextInt(0, 70)];
      random.nextBytes(bytes);

      assertThat(Murmur3.hash64(bytes)).isEqualTo(Hashing.murmur3_128().hashBytes(bytes).asLong());
    }

    @ParameterizedTest
    @ValueSource(
        strings = {"", "a", "user:42", "ключ", "鍵-🔑", "exactly-16-bytes", "seventeen bytes!!"})
    void ofAStringHashesItsUtf8Bytes(String key) {
      assertThat(ConsistentHashRing.hash(key))
          .isEqualTo(Hashing.murmur3_128().hashString(key, StandardCharsets.UTF_8).asLong());
    }
  }

  @Nested
  class Lookup {

    @ParameterizedTest(name = "seed {0}")
    @MethodSource(
        "org.interviewtasks.senior.architecture.consistenthashing.ConsistentHashRingTest#seeds")
    void agreesWithATreeMapRing(long seed) {
      SplittableRandom random = new SplittableRandom(seed);
      int servers = random.nextInt(1, 8);
      int vnodes = random.nextInt(1, 20);
      ConsistentHashRing<String> ring = ConsistentHashRing.create(Function.identity(), vnodes);
      NavigableMap<Long, String> oracle = new TreeMap<>();
      for (int s = 0; s < servers; s++) {
        String name = "s" + random.nextInt(1_000_000);
        if (ring.nodes().contains(name)) {
          continue;
        }
        int weight = random.nextInt(1, 4);
        ring = ring.withNode(name, weight);
        for (int v = 0; v < weight * vnodes; v++) {
          oracle.put(ConsistentHashRing.hash(name + "#" + v), name);
        }
      }
      for (int k = 0; k < 200; k++) {
        String key = Long.toString(random.nextLong(), 36);
        var entry = oracle.ceilingEntry(ConsistentHashRing.hash(key));
        String expected = entry != null ? entry.getValue() : oracle.firstEntry().getValue();

        assertThat(ring.nodeFor(key)).as(key).isEqualTo(expected);
      }
    }

    @Test
    void aKeyHashedExactlyOnAVnodeBelongsToThatVnode() {
      ConsistentHashRing<String> ring = ConsistentHashRing.of("a", "b", "c");

      for (String node : List.of("a", "b", "c")) {
        for (int v = 0; v < 5; v++) {
          assertThat(ring.nodeFor(node + "#" + v)).isEqualTo(node);
        }
      }
    }

    @Test
    void keysPastTheLastVnodeWrapToTheFirst() {
      ConsistentHashRing<String> ring = ConsistentHashRing.create(Function.identity(), 1);
      ring = ring.withNode("low").withNode("high");
      String low =
          ConsistentHashRing.hash("low#0") < ConsistentHashRing.hash("high#0") ? "low" : "high";
      String past =
          KEY_SET.stream()
              .filter(
                  k ->
                      ConsistentHashRing.hash(k)
                          > Math.max(
                              ConsistentHashRing.hash("low#0"), ConsistentHashRing.hash("high#0")))
              .findFirst()
              .orElseThrow();

      assertThat(ring.nodeFor(past)).isEqualTo(low);
    }

    @Test
    void aRingOfOneServerGivesItEverything() {
      ConsistentHashRing<String> ring = ConsistentHashRing.of("only");

      assertThat(KEY_SET.stream().limit(1000).map(ring::nodeFor).distinct())
          .containsExactly("only");
      assertThat(ring.nodesFor("x", 1)).containsExactly("only");
    }

    @Test
    void isTheSameWhateverTheOrderServersWereAdded() {
      ConsistentHashRing<String> forward = ConsistentHashRing.of("a", "b", "c", "d");
      ConsistentHashRing<String> backward = ConsistentHashRing.of("d", "c", "b", "a");

      assertThat(
              KEY_SET.stream()
                  .limit(5000)
                  .filter(k -> !forward.nodeFor(k).equals(backward.nodeFor(k))))
          .isEmpty();
      assertThat(forward.ownership()).containsExactlyInAnyOrderEntriesOf(backward.ownership());
    }

    @Test
    void placesServersByNameNotByAddress() {
      ConsistentHashRing<Server> before =
          ConsistentHashRing.create(Server::name)
              .withNode(new Server("a", 1))
              .withNode(new Server("b", 2));
      ConsistentHashRing<Server> movedAddress =
          ConsistentHashRing.create(Server::name)
              .withNode(new Server("a", 9))
              .withNode(new Server("b", 2));

      assertThat(
              KEY_SET.stream()
                  .limit(5000)
                  .filter(k -> !before.nodeFor(k).name().equals(movedAddress.nodeFor(k).name())))
          .isEmpty();
    }

    @Test
    void emptyRingHasNoServer() {
      ConsistentHashRing<String> ring = ConsistentHashRing.create(Function.identity());

      assertThatThrownBy(() -> ring.nodeFor("k"))
          .isInstanceOf(NoSuchElementException.class)
          .hasMessage("the ring has no nodes");
      assertThat(ring.ownership()).isEmpty();
      assertThat(ring.size()).isZero();
      assertThat(ring.vnodeCount()).isZero();
    }

    @Test
    void rejectsNullKeys() {
      ConsistentHashRing<String> ring = ConsistentHashRing.of("a");

      assertThatNullPointerException().isThrownBy(() -> ring.nodeFor(null)).withMessage("key");
      assertThatNullPointerException().isThrownBy(() -> ring.nodesFor(null, 1)).withMessage("key");
    }
  }

  @Nested
  class Replicas {

    @Test
    void areDistinctServersInRingOrderOwnerFirst() {
      ConsistentHashRing<String> ring = ringOf(5, 50);

      for (String key : KEY_SET.subList(0, 2000)) {
        List<String> replicas = ring.nodesFor(key, 3);

        assertThat(replicas).hasSize(3).doesNotHaveDuplicates();
        assertThat(replicas.get(0)).isEqualTo(ring.nodeFor(key));
        assertThat(ring.nodesFor(key, 2)).isEqualTo(replicas.subList(0, 2));
      }
    }

    @Test
    void allServersCanBeAsked() {
      ConsistentHashRing<String> ring = ConsistentHashRing.of("a", "b", "c");

      assertThat(ring.nodesFor("k", 3)).containsExactlyInAnyOrder("a", "b", "c");
    }

    @Test
    void whenAReplicaLeavesTheOthersStayAndTheNextServerJoins() {
      ConsistentHashRing<String> ring = ringOf(6, 40);
      ConsistentHashRing<String> without = ring.withoutNode("server-2");

      for (String key : KEY_SET.subList(0, 2000)) {
        List<String> expected = new ArrayList<>(ring.nodesFor(key, 4));
        expected.remove("server-2");

        assertThat(without.nodesFor(key, 3)).isEqualTo(expected.subList(0, 3));
      }
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -1, 4})
    void countMustBeOneToTheNumberOfServers(int count) {
      ConsistentHashRing<String> ring = ConsistentHashRing.of("a", "b", "c");

      assertThatIllegalArgumentException()
          .isThrownBy(() -> ring.nodesFor("k", count))
          .withMessage("count must be 1..3 (the servers on the ring): " + count);
    }

    @Test
    void areUnmodifiable() {
      List<String> replicas = ConsistentHashRing.of("a", "b").nodesFor("k", 2);

      assertThatThrownBy(() -> replicas.add("c")).isInstanceOf(UnsupportedOperationException.class);
    }
  }

  @Nested
  class Spread {

    @Test
    void manyVnodesSpreadKeysEvenlyOneVnodeDoesNot() {
      double onePerServer = relativeStdDev(loads(ringOf(10, 1)).values(), 10);
      Map<String, Integer> load = loads(ringOf(10, ConsistentHashRing.DEFAULT_VNODES_PER_WEIGHT));
      double many = relativeStdDev(load.values(), 10);
      int max = Collections.max(load.values());

      assertThat(onePerServer).isGreaterThan(0.4);
      // theory: a server's share varies by about 1/sqrt(vnodes) = 8% of the mean
      assertThat(many).isLessThan(0.15).isLessThan(onePerServer / 4);
      assertThat((double) max / (KEYS / 10)).isLessThan(1.3);
    }

    @Test
    void spreadImprovesAsVnodesGrow() {
      double ten = relativeStdDev(loads(ringOf(10, 10)).values(), 10);
      double thousand = relativeStdDev(loads(ringOf(10, 1000)).values(), 10);

      assertThat(thousand).isLessThan(ten / 3);
    }

    @Test
    void ownershipMatchesTheKeysEachServerGets() {
      ConsistentHashRing<String> ring = ringOf(8, 100);
      Map<String, Integer> load = loads(ring);
      Map<String, Double> share = ring.ownership();

      assertThat(share.values().stream().mapToDouble(d -> d).sum()).isCloseTo(1.0, within(1e-9));
      assertThat(share.keySet()).containsExactlyElementsOf(ring.nodes());
      share.forEach(
          (node, fraction) ->
              assertThat((double) load.get(node) / KEYS)
                  .as(node)
                  .isCloseTo(fraction, within(0.006)));
    }

    @Test
    void aServerOfWeightThreeGetsAboutThreeTimesTheKeys() {
      ConsistentHashRing<String> ring =
          ConsistentHashRing.<String>create(Function.identity())
              .withNode("small")
              .withNode("big", 3)
              .withNode("medium", 2);
      Map<String, Integer> load = loads(ring);

      assertThat(ring.vnodeCount()).isEqualTo(6 * 160);
      assertThat(ring.weight("big")).isEqualTo(3);
      assertThat((double) load.get("big") / KEYS).isCloseTo(0.5, within(0.04));
      assertThat((double) load.get("medium") / KEYS).isCloseTo(1 / 3.0, within(0.04));
      assertThat((double) load.get("small") / KEYS).isCloseTo(1 / 6.0, within(0.04));
    }

    @Test
    void oneVnodeOwnsTheWholeRing() {
      ConsistentHashRing<String> ring =
          ConsistentHashRing.create(Function.identity(), 1).withNode("a");

      assertThat(ring.ownership()).containsExactly(Map.entry("a", 1.0));
    }
  }

  @Nested
  class Movement {

    @ParameterizedTest(name = "{0} servers + 1")
    @ValueSource(ints = {2, 5, 10, 20})
    void addingAServerMovesAboutOneInNPlusOneKeysAllToIt(int servers) {
      ConsistentHashRing<String> before = ringOf(servers, 160);
      ConsistentHashRing<String> after = before.withNode("new");

      double moved = movedFraction(before::nodeFor, after::nodeFor);

      assertThat(moved).isCloseTo(1.0 / (servers + 1), within(0.25 / (servers + 1)));
      assertThat(ConsistentHashRing.movedFraction(before, after)).isCloseTo(moved, within(0.005));
      assertThat(KEY_SET.stream().filter(k -> !before.nodeFor(k).equals(after.nodeFor(k))))
          .allSatisfy(k -> assertThat(after.nodeFor(k)).isEqualTo("new"));
    }

    @ParameterizedTest(name = "{0} servers - 1")
    @ValueSource(ints = {3, 5, 10, 20})
    void removingAServerMovesOnlyItsKeys(int servers) {
      ConsistentHashRing<String> before = ringOf(servers, 160);
      ConsistentHashRing<String> after = before.withoutNode("server-1");

      double moved = movedFraction(before::nodeFor, after::nodeFor);

      assertThat(moved).isCloseTo(1.0 / servers, within(0.25 / servers));
      assertThat(moved).isCloseTo(before.ownership().get("server-1"), within(0.006));
      assertThat(ConsistentHashRing.movedFraction(before, after))
          .isCloseTo(before.ownership().get("server-1"), within(1e-9));
      assertThat(KEY_SET.stream().filter(k -> !before.nodeFor(k).equals(after.nodeFor(k))))
          .allSatisfy(k -> assertThat(before.nodeFor(k)).isEqualTo("server-1"));
    }

    @Test
    void movedFractionIsZeroForTheSameRingAndOneForDisjointRings() {
      ConsistentHashRing<String> ring = ConsistentHashRing.of("a", "b");

      assertThat(ConsistentHashRing.movedFraction(ring, ring)).isZero();
      assertThat(ConsistentHashRing.movedFraction(ring, ConsistentHashRing.of("c", "d")))
          .isCloseTo(1.0, within(1e-9));
      assertThat(
              ConsistentHashRing.movedFraction(
                  ConsistentHashRing.create(Function.identity(), 1).withNode("a"),
                  ConsistentHashRing.create(Function.identity(), 1).withNode("b")))
          .isCloseTo(1.0, within(1e-12));
      assertThatThrownBy(
              () ->
                  ConsistentHashRing.movedFraction(
                      ring, ConsistentHashRing.<String>create(Function.identity())))
          .isInstanceOf(NoSuchElementException.class)
          .hasMessage("the ring has no nodes");
    }

    @Test
    void naiveModuloMovesAlmostEverything() {
      double moved =
          movedFraction(
              k -> Math.floorMod(ConsistentHashRing.hash(k), 10),
              k -> Math.floorMod(ConsistentHashRing.hash(k), 11));

      assertThat(moved).isGreaterThan(0.85);
    }
  }

  /**
   * Guava's {@code Hashing.consistentHash} is jump consistent hash: buckets 0..n-1, no memory.
   * Growing moves the same ~1/(n+1) as the ring, and balances better; but only the last bucket can
   * go, so removing a server in the middle costs far more.
   */
  @Nested
  class ComparedWithGuavaJumpHash {

    static int jump(String key, int buckets) {
      return Hashing.consistentHash(ConsistentHashRing.hash(key), buckets);
    }

    @ParameterizedTest(name = "{0} buckets + 1")
    @ValueSource(ints = {5, 10, 20})
    void growingMovesTheSameShareAsTheRingAndOnlyToTheNewBucket(int buckets) {
      double jumpMoved = movedFraction(k -> jump(k, buckets), k -> jump(k, buckets + 1));
      ConsistentHashRing<String> ring = ringOf(buckets, 160);
      double ringMoved = movedFraction(ring::nodeFor, ring.withNode("server-" + buckets)::nodeFor);

      assertThat(jumpMoved).isCloseTo(1.0 / (buckets + 1), within(0.1 / (buckets + 1)));
      assertThat(ringMoved).isCloseTo(jumpMoved, within(0.25 / (buckets + 1)));
      assertThat(KEY_SET.stream().filter(k -> jump(k, buckets) != jump(k, buckets + 1)))
          .allSatisfy(k -> assertThat(jump(k, buckets + 1)).isEqualTo(buckets));
    }

    @Test
    void jumpHashBalancesBetterThanAVnodeRing() {
      int[] jumpLoad = new int[10];
      KEY_SET.forEach(k -> jumpLoad[jump(k, 10)]++);
      double jumpSpread = relativeStdDev(IntStream.of(jumpLoad).boxed().toList(), 10);
      double ringSpread = relativeStdDev(loads(ringOf(10, 160)).values(), 10);

      assertThat(jumpSpread).isLessThan(0.02).isLessThan(ringSpread);
    }

    @Test
    void removingAMiddleServerRenumbersBucketsAndMovesFarMoreThanTheRing() {
      List<String> servers = IntStream.range(0, 10).mapToObj(i -> "server-" + i).toList();
      List<String> withoutThree = new ArrayList<>(servers);
      withoutThree.remove("server-3");
      double jumpMoved =
          movedFraction(k -> servers.get(jump(k, 10)), k -> withoutThree.get(jump(k, 9)));
      ConsistentHashRing<String> ring = ringOf(10, 160);
      double ringMoved = movedFraction(ring::nodeFor, ring.withoutNode("server-3")::nodeFor);

      assertThat(ringMoved).isCloseTo(0.1, within(0.025));
      assertThat(jumpMoved).isGreaterThan(3 * ringMoved);
    }
  }

  @Nested
  class Membership {

    @Test
    void isImmutable() {
      ConsistentHashRing<String> ring = ConsistentHashRing.of("a", "b");
      ConsistentHashRing<String> more = ring.withNode("c");
      ConsistentHashRing<String> less = ring.withoutNode("a");

      assertThat(ring.nodes()).containsExactly("a", "b");
      assertThat(more.nodes()).containsExactly("a", "b", "c");
      assertThat(less.nodes()).containsExactly("b");
      assertThat(ring.size()).isEqualTo(2);
      assertThat(ring.vnodeCount()).isEqualTo(320);
      assertThat(less.vnodeCount()).isEqualTo(160);
      assertThatThrownBy(() -> ring.nodes().add("z"))
          .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void rejectsDuplicatesAndUnknowns() {
      ConsistentHashRing<Server> ring =
          ConsistentHashRing.create(Server::name).withNode(new Server("a", 1));

      assertThatIllegalArgumentException()
          .isThrownBy(() -> ring.withNode(new Server("a", 1)))
          .withMessage("node already on the ring: a");
      assertThatIllegalArgumentException()
          .isThrownBy(() -> ring.withNode(new Server("a", 2)))
          .withMessage("another node is named a");
      assertThatThrownBy(() -> ring.withoutNode(new Server("b", 1)))
          .isInstanceOf(NoSuchElementException.class)
          .hasMessage("node not on the ring: b");
      assertThatThrownBy(() -> ring.weight(new Server("b", 1)))
          .isInstanceOf(NoSuchElementException.class)
          .hasMessage("node not on the ring: b");
    }

    @ParameterizedTest
    @CsvSource({"0", "-3", "1001"})
    void rejectsWeightsOutOfRange(int weight) {
      assertThatIllegalArgumentException()
          .isThrownBy(() -> ConsistentHashRing.of().withNode("a", weight))
          .withMessage("weight must be 1..1000: " + weight);
    }

    @Test
    void acceptsTheWeightBounds() {
      ConsistentHashRing<String> ring =
          ConsistentHashRing.create(Function.identity(), 1).withNode("a", 1).withNode("b", 1000);

      assertThat(ring.vnodeCount()).isEqualTo(1001);
    }

    @ParameterizedTest
    @CsvSource({"0", "10001"})
    void rejectsVnodeCountsOutOfRange(int vnodes) {
      assertThatIllegalArgumentException()
          .isThrownBy(() -> ConsistentHashRing.create(Function.identity(), vnodes))
          .withMessage("vnodesPerWeight must be 1..10000: " + vnodes);
    }

    @Test
    void acceptsTheVnodeBoundsAndKeepsThem() {
      assertThat(ConsistentHashRing.create(Function.identity(), 1).vnodesPerWeight()).isOne();
      assertThat(ConsistentHashRing.create(Function.identity(), 10_000).vnodesPerWeight())
          .isEqualTo(10_000);
      assertThat(ConsistentHashRing.create(Function.identity()).vnodesPerWeight()).isEqualTo(160);
    }

    @Test
    void rejectsNulls() {
      assertThatNullPointerException()
          .isThrownBy(() -> ConsistentHashRing.create(null))
          .withMessage("nameOf");
      assertThatNullPointerException()
          .isThrownBy(() -> ConsistentHashRing.of((String[]) null))
          .withMessage("names");
      assertThatNullPointerException()
          .isThrownBy(() -> ConsistentHashRing.of().withNode(null))
          .withMessage("node");
      assertThatNullPointerException()
          .isThrownBy(() -> ConsistentHashRing.of().withoutNode(null))
          .withMessage("node");
      assertThatNullPointerException()
          .isThrownBy(() -> ConsistentHashRing.create(s -> null).withNode("x"))
          .withMessage("name of a node");
      assertThatNullPointerException()
          .isThrownBy(() -> ConsistentHashRing.movedFraction(null, ConsistentHashRing.of("a")))
          .withMessage("before");
      assertThatNullPointerException()
          .isThrownBy(() -> ConsistentHashRing.movedFraction(ConsistentHashRing.of("a"), null))
          .withMessage("after");
    }

    @Test
    void holdsAtMostMaxVnodes() {
      ConsistentHashRing<String> full =
          ConsistentHashRing.create(Function.identity(), 10_000)
              .withNode("a", 100)
              .withNode("b", 100);
      assertThat(full.vnodeCount()).isEqualTo(ConsistentHashRing.MAX_VNODES);
      assertThat(full.ownership().get("a")).isCloseTo(0.5, within(0.01));
      assertThat(full.ownership().values().stream().mapToDouble(Double::doubleValue).sum())
          .isCloseTo(1.0, within(1e-9));
      assertThatIllegalArgumentException()
          .isThrownBy(() -> full.withNode("c"))
          .withMessage("a ring holds at most 2000000 virtual nodes; this one would hold 2010000");
      assertThatIllegalArgumentException()
          .isThrownBy(
              () -> ConsistentHashRing.create(Function.identity(), 10_000).withNode("a", 1_000))
          .withMessage("a ring holds at most 2000000 virtual nodes; this one would hold 10000000");
    }

    @Test
    void hostileNamesKeysAndSizesAreAnsweredOrRefusedByName() {
      ConsistentHashRing<String> ring = ConsistentHashRing.of("a", "b", "c");
      Duration second = Duration.ofSeconds(5);
      Hostile.strings()
          .forEach(
              text -> {
                Hostile.Outcome owner =
                    Hostile.assertHandled("nodeFor", second, 64L << 20, () -> ring.nodeFor(text));
                owner.value().ifPresent(node -> assertThat(node).isIn("a", "b", "c"));
                Hostile.Outcome grown =
                    Hostile.assertHandled(
                        "withNode", second, 256L << 20, () -> ring.withNode(text));
                grown
                    .value()
                    .ifPresent(r -> assertThat(((ConsistentHashRing<?>) r).size()).isEqualTo(4));
              });
      Hostile.ints()
          .forEach(
              n -> {
                Hostile.assertHandled(
                    "withNode(d, " + n + ")", second, 256L << 20, () -> ring.withNode("d", n));
                Hostile.assertHandled(
                    "create(" + n + ")",
                    second,
                    1L << 20,
                    () -> ConsistentHashRing.create(Function.identity(), n));
                Hostile.assertHandled(
                    "nodesFor(k, " + n + ")", second, 1L << 20, () -> ring.nodesFor("k", n));
              });
    }

    @Test
    void rejectsNamesAndKeysThatUtf8CannotCarry() {
      assertThatIllegalArgumentException()
          .isThrownBy(() -> ConsistentHashRing.of("a\uD800"))
          .withMessage("name of a node contains an unpaired surrogate at index 1 (U+D800)");
      ConsistentHashRing<String> ring = ConsistentHashRing.of("a", "b", "?");
      assertThatIllegalArgumentException()
          .isThrownBy(() -> ring.withNode("\uDC00"))
          .withMessage("name of a node contains an unpaired surrogate at index 0 (U+DC00)");
      assertThatIllegalArgumentException()
          .isThrownBy(() -> ring.nodeFor("\uD800"))
          .withMessage("key contains an unpaired surrogate at index 0 (U+D800)");
      assertThatIllegalArgumentException()
          .isThrownBy(() -> ring.nodesFor("x\uDC00", 2))
          .withMessage("key contains an unpaired surrogate at index 1 (U+DC00)");
      assertThat(ring.nodeFor("😀")).isIn("a", "b", "?");
      String longest = "n".repeat(ConsistentHashRing.MAX_NAME_LENGTH);
      assertThat(ring.withNode(longest).nodes()).contains(longest);
      assertThatIllegalArgumentException()
          .isThrownBy(() -> ring.withNode(longest + "n"))
          .withMessage("name of a node is longer than 1024 characters: 1025");
    }

    @Test
    void describesItself() {
      assertThat(ConsistentHashRing.of("a").withNode("b", 2))
          .hasToString("ConsistentHashRing{a=1, b=2} (480 vnodes)");
    }
  }

  @Nested
  class Main {

    @Test
    void printsLoadsAndMovement() throws Exception {
      var printed = StdStreams.capture(() -> ConsistentHashRing.main("3", "3000"));

      ConsistentHashRing<String> ring = ringOf(3, 160);
      List<String> keys = IntStream.range(0, 3000).mapToObj(i -> "key-" + i).toList();
      Map<String, Integer> load = new HashMap<>();
      keys.forEach(k -> load.merge(ring.nodeFor(k), 1, Integer::sum));
      ConsistentHashRing<String> grown = ring.withNode("server-3");
      ConsistentHashRing<String> shrunk = ring.withoutNode("server-0");
      long added = keys.stream().filter(k -> !grown.nodeFor(k).equals(ring.nodeFor(k))).count();
      long removed = keys.stream().filter(k -> !shrunk.nodeFor(k).equals(ring.nodeFor(k))).count();
      String n = System.lineSeparator();

      assertThat(printed.out())
          .isEqualTo(
              "keys per server (480 vnodes):"
                  + n
                  + String.format("  %-12s %8d%n", "server-0", load.get("server-0"))
                  + String.format("  %-12s %8d%n", "server-1", load.get("server-1"))
                  + String.format("  %-12s %8d%n", "server-2", load.get("server-2"))
                  + "add server-3: "
                  + added
                  + " of 3000 keys move (ideal 1/4 = 750)"
                  + n
                  + "remove server-0: "
                  + removed
                  + " keys move (those it held: "
                  + load.get("server-0")
                  + ")"
                  + n);
      assertThat(removed).isEqualTo(load.get("server-0").longValue());
    }

    @Test
    void defaultsToFiveServersAndAHundredThousandKeys() throws Exception {
      var printed = StdStreams.capture(ConsistentHashRing::main);

      assertThat(printed.out())
          .startsWith("keys per server (800 vnodes):")
          .contains("server-4", "of 100000 keys move (ideal 1/6 = 16666)");
    }

    @Test
    void acceptsTheSmallestRun() throws Exception {
      var printed = StdStreams.capture(() -> ConsistentHashRing.main("2", "1"));

      assertThat(printed.out()).contains("of 1 keys move (ideal 1/3 = 0)");
    }

    @Test
    void rejectsBadUsage() {
      assertThatIllegalArgumentException()
          .isThrownBy(() -> ConsistentHashRing.main("1", "2", "3"))
          .withMessage("usage: senior.architecture.2 [servers] [keys]");
      assertThatIllegalArgumentException()
          .isThrownBy(() -> ConsistentHashRing.main("1"))
          .withMessage("usage: senior.architecture.2 [servers 2..1000] [keys 1..10000000]");
      for (String[] args :
          List.of(
              new String[] {"2", "0"},
              new String[] {"1001", "5"},
              new String[] {"2", "10000001"})) {
        assertThatIllegalArgumentException()
            .isThrownBy(() -> ConsistentHashRing.main(args))
            .withMessageStartingWith("usage: senior.architecture.2 [servers 2..1000]");
      }
    }
  }

  static LongStream seeds() {
    return Seeds.derive(200);
  }
}
