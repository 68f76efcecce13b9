package org.interviewtasks.senior.architecture.consistenthashing;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import org.interviewtasks.common.Args;
import org.interviewtasks.common.Task;
import org.interviewtasks.common.Text;

/**
 * A consistent-hash ring: maps keys to servers so that adding or removing one server moves only the
 * keys that must move, about 1/n of them, instead of nearly all as {@code hash(key) % n} does.
 *
 * <p><b>Approach.</b> Each server is placed on a 64-bit ring at many pseudo-random points, its
 * <i>virtual nodes</i> ({@code weight × vnodesPerWeight} of them, so a server of weight 2 owns
 * about twice the share). A key belongs to the first vnode clockwise from the key's hash. The ring
 * is a sorted {@code long[]} of vnode hashes plus a parallel {@code int[]} of owners: a lookup
 * hashes the key's UTF-8 bytes (MurmurHash3, 64 bits) and binary-searches, O(log V) time with no
 * allocation beyond the key's bytes, for V vnodes. One vnode per server would leave shares very
 * uneven (the arcs between n random points vary wildly); with v vnodes per server the relative
 * spread of a server's share shrinks like 1/√v, so 160 vnodes give a few percent. The ring is
 * immutable: {@link #withNode} and {@link #withoutNode} return a new ring (O(V log V) to rebuild,
 * rare), so readers on other threads never see a half-built ring, with no lock on the lookup path.
 * {@link #nodesFor(String, int)} walks on clockwise to the next <i>distinct</i> servers, the
 * replica set that a replicated store such as Dynamo or Cassandra (or {@code senior.advanced.1}'s
 * cache) writes a key to.
 *
 * <p><b>Edge cases.</b> A server's positions come from its <i>name</i> (a function given at
 * creation), not from its identity or address, so a server that restarts elsewhere keeps its keys
 * and every client that knows the same names computes the same ring; the ring is the same whatever
 * order the servers were added in (vnode hash ties are broken by name). Two servers with one name,
 * a server added twice, an unknown server, and weights or vnode counts out of range (at most
 * {@value #MAX_VNODES} vnodes in all) are rejected; an empty ring has no server for a key ({@link
 * NoSuchElementException}). Names and keys are hashed as UTF-8, so one holding an unpaired
 * surrogate (which UTF-8 cannot encode) is rejected rather than hashed as {@code '?'}.
 *
 * <p><b>Follow-up.</b> <i>"Why not Guava's {@code Hashing.consistentHash} (jump hash)?"</i> It
 * needs no memory and balances better, but it maps to bucket numbers 0..n-1: it can only grow or
 * drop the <i>last</i> bucket, so removing a server from the middle renumbers the rest and moves
 * far more than 1/n of the keys; it has no weights either. <i>"And bounded loads?"</i> Consistent
 * hashing with bounded loads (Google, 2017) caps every server at (1+ε)× the mean by passing a key
 * on clockwise when its server is full.
 *
 * @param <N> the server type
 */
@Task(
    id = "senior.architecture.2",
    title = "Consistent hashing",
    usage = "[servers] [keys]   servers 2..1000 (default 5), keys 1..10000000 (default 100000)")
public final class ConsistentHashRing<N> {

  /** Virtual nodes per unit of weight when none is given: 160, as in ketama (memcached). */
  public static final int DEFAULT_VNODES_PER_WEIGHT = 160;

  /** The largest accepted weight of one server. */
  public static final int MAX_WEIGHT = 1_000;

  /** The largest accepted number of virtual nodes per unit of weight. */
  public static final int MAX_VNODES_PER_WEIGHT = 10_000;

  /**
   * The most virtual nodes one ring holds, whatever the weights: 2,000,000, 24 MB of arrays, built
   * in well under a second. Memcached's ketama uses 160 per server; this is 12,500 servers' worth.
   */
  public static final int MAX_VNODES = 2_000_000;

  /**
   * The longest server name: 1,024 characters. A name is hashed once per vnode, so a megabyte name
   * would cost hundreds of megabytes of garbage for one server.
   */
  public static final int MAX_NAME_LENGTH = 1_024;

  private final Function<? super N, String> nameOf;
  private final int vnodesPerWeight;
  private final Map<N, Integer> weights;
  private final List<N> members;
  private final long[] points;
  private final int[] owners;

  private ConsistentHashRing(
      Function<? super N, String> nameOf, int vnodesPerWeight, Map<N, Integer> weights) {
    this.nameOf = nameOf;
    this.vnodesPerWeight = vnodesPerWeight;
    this.weights = Collections.unmodifiableMap(weights);
    this.members = List.copyOf(weights.keySet());
    List<String> names = members.stream().map(this::nameOf).toList();
    int total = totalVnodes(weights, vnodesPerWeight);
    // Vnodes are laid out member by member in name order and sorted stably by hash, so that two
    // vnodes with one hash are ordered by name: the ring does not depend on the order of adding.
    Integer[] byName = new Integer[members.size()];
    Arrays.setAll(byName, m -> m);
    Arrays.sort(byName, Comparator.comparing(names::get));
    long[] hashes = new long[total];
    int[] owner = new int[total];
    int next = 0;
    for (int m : byName) {
      int vnodes = weights.get(members.get(m)) * vnodesPerWeight;
      for (int v = 0; v < vnodes; v++) {
        hashes[next] = hash(names.get(m) + "#" + v);
        owner[next] = m;
        next++;
      }
    }
    sortStablyByHash(hashes, owner);
    this.points = hashes;
    this.owners = owner;
  }

  private static int totalVnodes(Map<?, Integer> weights, int vnodesPerWeight) {
    long total = 0;
    for (int weight : weights.values()) {
      total += (long) weight * vnodesPerWeight;
    }
    if (total > MAX_VNODES) {
      throw new IllegalArgumentException(
          "a ring holds at most " + MAX_VNODES + " virtual nodes; this one would hold " + total);
    }
    return (int) total;
  }

  /**
   * Sorts {@code hashes} ascending and permutes {@code owner} with it, keeping the order of equal
   * hashes: a bottom-up merge sort on the two parallel arrays, O(V log V) with no boxing (sorting
   * boxed indices with a comparator took seconds and gigabytes for millions of vnodes).
   */
  private static void sortStablyByHash(long[] hashes, int[] owner) {
    int n = hashes.length;
    long[] hashBuffer = new long[n];
    int[] ownerBuffer = new int[n];
    long[] fromHash = hashes;
    int[] fromOwner = owner;
    long[] toHash = hashBuffer;
    int[] toOwner = ownerBuffer;
    boolean inBuffer = false;
    for (int width = 1; width < n; width *= 2) {
      for (int low = 0; low < n; low += 2 * width) {
        int mid = Math.min(low + width, n);
        int high = Math.min(low + 2 * width, n);
        int left = low;
        int right = mid;
        for (int k = low; k < high; k++) {
          boolean takeLeft = right >= high || (left < mid && fromHash[left] <= fromHash[right]);
          int source = takeLeft ? left++ : right++;
          toHash[k] = fromHash[source];
          toOwner[k] = fromOwner[source];
        }
      }
      long[] swapHash = fromHash;
      fromHash = toHash;
      toHash = swapHash;
      int[] swapOwner = fromOwner;
      fromOwner = toOwner;
      toOwner = swapOwner;
      inBuffer = !inBuffer;
    }
    if (inBuffer) {
      System.arraycopy(fromHash, 0, hashes, 0, n);
      System.arraycopy(fromOwner, 0, owner, 0, n);
    }
  }

  /**
   * An empty ring whose servers are placed by their names, with {@value #DEFAULT_VNODES_PER_WEIGHT}
   * virtual nodes per unit of weight.
   *
   * @param nameOf a server's stable, unique name, e.g. {@code Server::name}
   */
  public static <N> ConsistentHashRing<N> create(Function<? super N, String> nameOf) {
    return create(nameOf, DEFAULT_VNODES_PER_WEIGHT);
  }

  /**
   * An empty ring whose servers are placed by their names.
   *
   * @param nameOf a server's stable, unique name
   * @param vnodesPerWeight virtual nodes per unit of weight, 1 to {@value #MAX_VNODES_PER_WEIGHT}
   * @throws IllegalArgumentException if {@code vnodesPerWeight} is out of range
   */
  public static <N> ConsistentHashRing<N> create(
      Function<? super N, String> nameOf, int vnodesPerWeight) {
    Objects.requireNonNull(nameOf, "nameOf");
    if (vnodesPerWeight < 1 || vnodesPerWeight > MAX_VNODES_PER_WEIGHT) {
      throw new IllegalArgumentException(
          "vnodesPerWeight must be 1.." + MAX_VNODES_PER_WEIGHT + ": " + vnodesPerWeight);
    }
    return new ConsistentHashRing<>(nameOf, vnodesPerWeight, new LinkedHashMap<>());
  }

  /** A ring of servers known by their names, each of weight 1, with the default vnodes. */
  public static ConsistentHashRing<String> of(String... names) {
    ConsistentHashRing<String> ring = create(Function.identity());
    for (String name : Objects.requireNonNull(names, "names")) {
      ring = ring.withNode(name);
    }
    return ring;
  }

  /** This ring plus {@code node} with weight 1. */
  public ConsistentHashRing<N> withNode(N node) {
    return withNode(node, 1);
  }

  /**
   * This ring plus {@code node}, which will own about {@code weight / totalWeight} of the keys.
   *
   * @throws IllegalArgumentException if the node (or another of the same name) is on the ring, the
   *     weight is not 1 to {@value #MAX_WEIGHT}, the ring would hold more than {@value #MAX_VNODES}
   *     vnodes, or the name holds an unpaired surrogate or more than {@value #MAX_NAME_LENGTH}
   *     characters
   */
  public ConsistentHashRing<N> withNode(N node, int weight) {
    Objects.requireNonNull(node, "node");
    if (weight < 1 || weight > MAX_WEIGHT) {
      throw new IllegalArgumentException("weight must be 1.." + MAX_WEIGHT + ": " + weight);
    }
    String name = nameOf(node);
    if (weights.containsKey(node)) {
      throw new IllegalArgumentException("node already on the ring: " + name);
    }
    for (N member : members) {
      if (nameOf(member).equals(name)) {
        throw new IllegalArgumentException("another node is named " + name);
      }
    }
    Map<N, Integer> next = new LinkedHashMap<>(weights);
    next.put(node, weight);
    return new ConsistentHashRing<>(nameOf, vnodesPerWeight, next);
  }

  /**
   * This ring without {@code node}: its keys go to the next servers clockwise, nobody else's move.
   *
   * @throws NoSuchElementException if the node is not on the ring
   */
  public ConsistentHashRing<N> withoutNode(N node) {
    Objects.requireNonNull(node, "node");
    if (!weights.containsKey(node)) {
      throw new NoSuchElementException("node not on the ring: " + nameOf(node));
    }
    Map<N, Integer> next = new LinkedHashMap<>(weights);
    next.remove(node);
    return new ConsistentHashRing<>(nameOf, vnodesPerWeight, next);
  }

  /**
   * The server that owns {@code key}.
   *
   * @throws NoSuchElementException if the ring has no servers
   */
  public N nodeFor(String key) {
    return members.get(owners[firstPointAtOrAfter(hashOfKey(key))]);
  }

  /**
   * The {@code count} distinct servers that follow {@code key} clockwise, owner first: the replica
   * set of the key. Removing one of them shifts the later ones up and brings in the next server, so
   * the other replicas keep their copies.
   *
   * @throws IllegalArgumentException if {@code count} is not 1 to {@link #size()}
   * @throws NoSuchElementException if the ring has no servers
   */
  public List<N> nodesFor(String key, int count) {
    long hash = hashOfKey(key);
    if (count < 1 || count > members.size()) {
      throw new IllegalArgumentException(
          "count must be 1.." + members.size() + " (the servers on the ring): " + count);
    }
    List<N> found = new ArrayList<>(count);
    boolean[] taken = new boolean[members.size()];
    for (int i = firstPointAtOrAfter(hash); found.size() < count; i = (i + 1) % points.length) {
      int owner = owners[i];
      if (!taken[owner]) {
        taken[owner] = true;
        found.add(members.get(owner));
      }
    }
    return Collections.unmodifiableList(found);
  }

  /** The servers on the ring, in the order they were added. */
  public Set<N> nodes() {
    return Collections.unmodifiableSet(new LinkedHashSet<>(members));
  }

  /**
   * The weight of {@code node}.
   *
   * @throws NoSuchElementException if the node is not on the ring
   */
  public int weight(N node) {
    Integer weight = weights.get(Objects.requireNonNull(node, "node"));
    if (weight == null) {
      throw new NoSuchElementException("node not on the ring: " + nameOf(node));
    }
    return weight;
  }

  /** How many servers are on the ring. */
  public int size() {
    return members.size();
  }

  /** How many virtual nodes are on the ring. */
  public int vnodeCount() {
    return points.length;
  }

  /** Virtual nodes per unit of weight. */
  public int vnodesPerWeight() {
    return vnodesPerWeight;
  }

  /**
   * Each server's exact share of the hash space, from the arcs its vnodes own: what fraction of
   * uniformly hashed keys it gets. The shares add up to 1 (empty map for an empty ring).
   */
  public Map<N, Double> ownership() {
    Map<N, Double> shares = new LinkedHashMap<>();
    members.forEach(m -> shares.put(m, 0.0));
    for (int i = 0; i < points.length; i++) {
      shares.merge(members.get(owners[i]), arcEndingAt(i), Double::sum);
    }
    return Collections.unmodifiableMap(shares);
  }

  /**
   * The exact fraction of the hash space, so of uniformly hashed keys, whose server differs between
   * two rings (servers compared with {@code equals}): the cost of going from one to the other.
   *
   * @throws NoSuchElementException if either ring is empty
   */
  public static <N> double movedFraction(
      ConsistentHashRing<N> before, ConsistentHashRing<N> after) {
    Objects.requireNonNull(before, "before");
    Objects.requireNonNull(after, "after");
    if (before.points.length == 0 || after.points.length == 0) {
      throw new NoSuchElementException("the ring has no nodes");
    }
    long[] all = new long[before.points.length + after.points.length];
    System.arraycopy(before.points, 0, all, 0, before.points.length);
    System.arraycopy(after.points, 0, all, before.points.length, after.points.length);
    Arrays.sort(all);
    int distinct = 0;
    for (long point : all) {
      if (distinct == 0 || all[distinct - 1] != point) {
        all[distinct++] = point;
      }
    }
    double moved = 0;
    for (int i = 0; i < distinct; i++) {
      long point = all[i];
      N was = before.members.get(before.owners[before.firstPointAtOrAfter(point)]);
      N is = after.members.get(after.owners[after.firstPointAtOrAfter(point)]);
      if (!was.equals(is)) {
        moved += distinct == 1 ? 1.0 : fractionOfRing(point - all[(i - 1 + distinct) % distinct]);
      }
    }
    return moved;
  }

  /** The ring position of a key: 64 bits of MurmurHash3 of its UTF-8 bytes. */
  static long hash(String key) {
    return Murmur3.hash64(key.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * A key's position. A key with an unpaired surrogate is rejected: UTF-8 would turn it into {@code
   * '?'}, and {@code "\uD800"} would share the server of {@code "?"} without being that key.
   */
  private static long hashOfKey(String key) {
    return Murmur3.hash64(Text.utf8(Objects.requireNonNull(key, "key"), "key"));
  }

  private String nameOf(N node) {
    String name =
        Text.requireWellFormed(
            Objects.requireNonNull(nameOf.apply(node), "name of a node"), "name of a node");
    if (name.length() > MAX_NAME_LENGTH) {
      throw new IllegalArgumentException(
          "name of a node is longer than " + MAX_NAME_LENGTH + " characters: " + name.length());
    }
    return name;
  }

  /** Index of the first vnode at or after {@code hash}, wrapping to 0 past the last. */
  private int firstPointAtOrAfter(long hash) {
    if (points.length == 0) {
      throw new NoSuchElementException("the ring has no nodes");
    }
    int low = 0;
    int high = points.length;
    while (low < high) {
      int mid = (low + high) >>> 1;
      if (points[mid] < hash) {
        low = mid + 1;
      } else {
        high = mid;
      }
    }
    return low == points.length ? 0 : low;
  }

  /** The share of the ring between vnode {@code i} and the one before it (counter-clockwise). */
  private double arcEndingAt(int i) {
    if (points.length == 1) {
      return 1.0;
    }
    return fractionOfRing(points[i] - points[(i - 1 + points.length) % points.length]);
  }

  /** An arc length modulo 2^64, read as unsigned, as a fraction of the whole ring. */
  private static double fractionOfRing(long arc) {
    return (arc >>> 11) * 0x1.0p-53;
  }

  @Override
  public String toString() {
    Map<String, Integer> byName = new HashMap<>();
    weights.forEach((node, weight) -> byName.put(nameOf(node), weight));
    return "ConsistentHashRing" + byName + " (" + points.length + " vnodes)";
  }

  /**
   * Shows the ring at work: {@code senior.architecture.2 [servers] [keys]} spreads {@code keys}
   * keys (default 100000) over {@code servers} servers (default 5), then adds a server and removes
   * one, printing each server's load and how many keys moved.
   *
   * @throws IllegalArgumentException on bad arguments
   */
  public static void main(String... args) {
    if (args.length > 2) {
      throw new IllegalArgumentException("usage: senior.architecture.2 [servers] [keys]");
    }
    int servers = args.length > 0 ? Args.toInt(args[0]) : 5;
    int keys = args.length > 1 ? Args.toInt(args[1]) : 100_000;
    if (servers < 2 || servers > 1_000 || keys < 1 || keys > 10_000_000) {
      throw new IllegalArgumentException(
          "usage: senior.architecture.2 [servers 2..1000] [keys 1..10000000]");
    }
    ConsistentHashRing<String> ring = create(Function.identity());
    for (int s = 0; s < servers; s++) {
      ring = ring.withNode("server-" + s);
    }
    System.out.println("keys per server (" + ring.vnodeCount() + " vnodes):");
    Map<String, Integer> load = new LinkedHashMap<>();
    ring.nodes().forEach(n -> load.put(n, 0));
    String[] owner = new String[keys];
    for (int k = 0; k < keys; k++) {
      owner[k] = ring.nodeFor("key-" + k);
      load.merge(owner[k], 1, Integer::sum);
    }
    load.forEach((n, c) -> System.out.printf("  %-12s %8d%n", n, c));
    ConsistentHashRing<String> grown = ring.withNode("server-" + servers);
    System.out.printf(
        "add server-%d: %d of %d keys move (ideal 1/%d = %d)%n",
        servers, moved(grown, owner), keys, servers + 1, keys / (servers + 1));
    ConsistentHashRing<String> shrunk = ring.withoutNode("server-0");
    System.out.printf(
        "remove server-0: %d keys move (those it held: %d)%n",
        moved(shrunk, owner), load.get("server-0"));
  }

  private static int moved(ConsistentHashRing<String> ring, String[] owner) {
    int moved = 0;
    for (int k = 0; k < owner.length; k++) {
      if (!ring.nodeFor("key-" + k).equals(owner[k])) {
        moved++;
      }
    }
    return moved;
  }
}
