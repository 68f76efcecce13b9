package org.interviewtasks.senior.architecture.consistenthashing;

import com.google.common.hash.HashFunction;
import com.google.common.hash.Hashing;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One key lookup, ours (a sorted {@code long[]} of vnode hashes, binary search) against the two
 * things a user would reach for instead: the textbook ring, a {@code TreeMap<Long, String>} of the
 * same 160 vnodes per server hashed with Guava's MurmurHash3, looked up with {@code ceilingEntry};
 * and Guava's {@code Hashing.consistentHash} (jump hash), which needs no ring at all but can only
 * add or remove the last bucket. Every side hashes the key's UTF-8 bytes with a 64-bit MurmurHash3,
 * so the figure compares the structures. One operation looks up 4,096 fixed keys in order and JMH
 * divides by 4,096, so every iteration measures the same mix.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(1)
public class ConsistentHashRingBenchmark {

  static final int KEYS = 4096;

  /** The servers and the keys. */
  @State(Scope.Benchmark)
  public static class Setting {
    @Param({"10", "100"})
    int servers;

    List<String> names;
    String[] keys = new String[KEYS];

    @Setup(Level.Trial)
    public void generate() {
      names = new ArrayList<>();
      for (int i = 0; i < servers; i++) {
        names.add("cache-" + i + ".internal:6379");
      }
      SplittableRandom random = new SplittableRandom(11);
      for (int i = 0; i < KEYS; i++) {
        keys[i] = "user:" + random.nextLong(1_000_000_000L) + ":session";
      }
    }
  }

  /** Our ring. */
  @State(Scope.Benchmark)
  public static class Ours {
    ConsistentHashRing<String> ring;

    @Setup(Level.Trial)
    public void build(Setting setting) {
      ring = ConsistentHashRing.of(setting.names.toArray(String[]::new));
    }
  }

  /** The textbook ring: a sorted map from vnode hash to server. */
  @State(Scope.Benchmark)
  public static class TreeMapRing {
    final HashFunction hash = Hashing.murmur3_128();
    final TreeMap<Long, String> ring = new TreeMap<>();

    @Setup(Level.Trial)
    public void build(Setting setting) {
      for (String name : setting.names) {
        for (int v = 0; v < ConsistentHashRing.DEFAULT_VNODES_PER_WEIGHT; v++) {
          ring.put(hash.hashString(name + "#" + v, StandardCharsets.UTF_8).asLong(), name);
        }
      }
    }

    String nodeFor(String key) {
      Map.Entry<Long, String> owner =
          ring.ceilingEntry(hash.hashString(key, StandardCharsets.UTF_8).asLong());
      return (owner != null ? owner : ring.firstEntry()).getValue();
    }
  }

  /** Guava's jump consistent hash over the server list. */
  @State(Scope.Benchmark)
  public static class JumpHash {
    final HashFunction hash = Hashing.murmur3_128();
    List<String> servers;

    @Setup(Level.Trial)
    public void build(Setting setting) {
      servers = List.copyOf(setting.names);
    }

    String nodeFor(String key) {
      return servers.get(
          Hashing.consistentHash(hash.hashString(key, StandardCharsets.UTF_8), servers.size()));
    }
  }

  @Benchmark
  @OperationsPerInvocation(KEYS)
  public int lookup_ours(Setting setting, Ours ours) {
    int sum = 0;
    for (String key : setting.keys) {
      sum += ours.ring.nodeFor(key).length();
    }
    return sum;
  }

  @Benchmark
  @OperationsPerInvocation(KEYS)
  public int lookup_treeMapRing(Setting setting, TreeMapRing ring) {
    int sum = 0;
    for (String key : setting.keys) {
      sum += ring.nodeFor(key).length();
    }
    return sum;
  }

  @Benchmark
  @OperationsPerInvocation(KEYS)
  public int lookup_guavaJumpHash(Setting setting, JumpHash jump) {
    int sum = 0;
    for (String key : setting.keys) {
      sum += jump.nodeFor(key).length();
    }
    return sum;
  }
}
