package org.interviewtasks.senior.advanced.cache;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Function;
import org.interviewtasks.common.Task;
import org.interviewtasks.common.Text;
import org.interviewtasks.senior.architecture.consistenthashing.ConsistentHashRing;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.ConnectionPoolConfig;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.exceptions.JedisException;

/**
 * A cache spread over several Redis servers that keeps working, and loses no acknowledged write,
 * when one of them dies.
 *
 * <p><b>Approach.</b> Client-side sharding with the consistent-hash ring of {@code
 * senior.architecture.2}: each key lives on its first {@code N} distinct servers clockwise (the
 * replica set, default 3). <i>Quorum replication</i>, chosen over a primary with replicas because
 * Redis replication is asynchronous (a failover loses the writes the replica had not received) and
 * because no failover step is needed: a write goes to all N replicas in parallel and is
 * acknowledged once {@code W} (default 2) have stored it; a read asks all N and needs {@code R}
 * (default 2) answers. Since R + W &gt; N, every successful read overlaps every acknowledged write.
 * Each entry carries a version (the writer's clock in milliseconds, a counter, and a writer id:
 * last writer wins) and a node keeps a write only if it is newer than its copy (a Lua script,
 * atomic on the node), so late or replayed writes never go back in time. A read returns the newest
 * answer and writes it back to replicas that answered with an older copy or none: <i>read
 * repair</i>. {@link #invalidate} writes a tombstone that outlives every copy it supersedes, so a
 * replica that missed the invalidation cannot bring the value back. Entries expire (TTL, capped by
 * {@code maxTtl}) the same way: a node keeps an expired entry as a marker of its version until
 * {@code maxTtl} after the write (it reads as a miss), so that a replica whose copy of that write
 * failed cannot bring its older, longer-lived value back (Cassandra turns expired cells into
 * tombstones for the same reason). The price is memory: every key occupies its nodes for {@code
 * maxTtl}, whatever its TTL. {@link #get(String, Function)} is cache-aside with stampede
 * protection: concurrent misses of one key in this process share one load (single flight), and
 * loaded entries get a TTL shortened by up to 10% at random so that keys loaded together do not all
 * expire together. A load's version is taken before the loader runs, so an invalidation made while
 * it runs (the source changed under it) outranks the loaded value.
 *
 * <p><b>Consistency model.</b> With one replica of a key down or restarted empty, reads and writes
 * go on, and a successful read returns the value of the latest write acknowledged before it began,
 * or something newer; never an older value, never an invalidated one. A write that failed ({@link
 * CacheUnavailableException}) may have reached fewer than W replicas: a reader may see it or not,
 * and it may appear later through read repair (it is not rolled back). Writes of one key are
 * ordered by version: "the latest write" means the highest version, which is real-time order for
 * one writer, and for two writers whose writes are further apart than the skew between their clocks
 * plus one millisecond (within a millisecond, the writer id decides); with skewed client clocks the
 * write that happened later in real time can lose. A writer makes at most 256 versions per
 * millisecond of its clock and waits for the next millisecond beyond that, so it never runs ahead
 * of its clock. With two of a key's three replicas down (or wiped before they were repaired) a read
 * may miss or fail: that is beyond the failures this design tolerates. It remains a cache: entries
 * expire and may be evicted, so a miss is always a legal answer.
 *
 * <p><b>Checked how.</b> Randomized fault schedules (a node killed, paused with SIGSTOP,
 * partitioned from one client, slowed, cut or throttled; a client's clock skewed) run three clients
 * against three nodes, and a checker reads the recorded history against the model above.
 *
 * <p><b>Edge cases.</b> A node that restarts empty is repaired lazily, key by key, as keys are read
 * (or their copies expire); writes during its absence are acknowledged by the others. Membership is
 * fixed: adding a server would move keys to replica sets that do not have them yet, which needs a
 * hand-off (a follow-up). Null keys and values are rejected; a loader's null is an error, not a
 * cached absence. Keys and values travel as UTF-8, so text that UTF-8 cannot carry (an unpaired
 * surrogate) is rejected before anything is sent: stored, it would come back changed, and two keys
 * could meet. Settings under which the guarantee above would not hold (R + W &le; N) are refused at
 * {@link Builder#build()}; so are ports outside 1..65535, a blank host, and durations beyond their
 * limits. A clock outside 1970..6429 (what a version's 47 bits of milliseconds hold) fails a write
 * with {@link IllegalStateException}; every call after {@link #close()} does too.
 *
 * <p><b>Follow-up.</b> <i>"A stampede across many processes?"</i> Take a short lease (Redis {@code
 * SET key:lease NX PX}) on the key's first replica before loading; the others wait briefly and
 * re-read, or serve the stale value (probabilistic early refresh, XFetch, avoids the expiry cliff
 * entirely). <i>"Why not Redis Cluster?"</i> It shards and fails over, but replication is
 * asynchronous and {@code WAIT} does not make it safe: quorums give a stated guarantee without a
 * failover. <i>"Hinted handoff?"</i> Writes meant for a dead replica kept on another node and
 * replayed when it returns: repair without waiting for reads.
 */
@Task(
    id = "senior.advanced.1",
    title = "Distributed cache",
    usage = "[keys]   1..100000 keys (default 1000), on three Redis nodes started for the demo")
public final class DistributedCache implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(DistributedCache.class);

  /** The longest accepted TTL (and so tombstone life): a year. */
  public static final Duration MAX_TTL = Duration.ofDays(365);

  /** The longest accepted timeout of one call to a node. */
  public static final Duration MAX_TIMEOUT = Duration.ofHours(1);

  /** The latest clock reading a version holds: 2^47 - 1 ms after 1970, in the year 6429. */
  static final long MAX_CLOCK_MILLIS = (1L << 47) - 1;

  private static final Duration ONE_MILLI = Duration.ofMillis(1);

  /**
   * Stores ARGV[1] unless the node holds a version at least as new. The entry is kept for ARGV[3]
   * ms (the marker's life) with its logical expiry, node time + ARGV[2] ms, spliced in after the
   * version: an expired entry stays as a marker of its version, so an older copy cannot outrank it.
   */
  private static final String SET_IF_NEWER =
      """
      local current = redis.call('GET', KEYS[1])
      if current and string.sub(current, 1, 19) >= string.sub(ARGV[1], 1, 19) then
        return 0
      end
      local t = redis.call('TIME')
      local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
      local stored = string.sub(ARGV[1], 1, 19) .. ':'
        .. string.format('%015d', now + tonumber(ARGV[2])) .. string.sub(ARGV[1], 20)
      redis.call('SET', KEYS[1], stored, 'PX', ARGV[3])
      return 1
      """;

  /** The stored entry, its remaining logical TTL in ms (0 or less: expired), its life, or nil. */
  private static final String GET_WITH_TTL =
      """
      local current = redis.call('GET', KEYS[1])
      if not current then
        return nil
      end
      local t = redis.call('TIME')
      local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
      local expires = tonumber(string.sub(current, 21, 35))
      return {current, expires - now, redis.call('PTTL', KEYS[1])}
      """;

  private final ConsistentHashRing<String> ring;
  private final Map<String, RedisClient> clients;
  private final int replicas;
  private final int writeQuorum;
  private final int readQuorum;
  private final Duration defaultTtl;
  private final Duration maxTtl;
  private final InstantSource clock;
  private final int writerId;
  private final AtomicLong lastTick = new AtomicLong();
  private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
  private final ConcurrentHashMap<String, CompletableFuture<String>> loading =
      new ConcurrentHashMap<>();
  private final LongAdder hits = new LongAdder();
  private final LongAdder misses = new LongAdder();
  private final LongAdder loads = new LongAdder();
  private final LongAdder repairs = new LongAdder();
  private final LongAdder replicaFailures = new LongAdder();
  private volatile boolean closed;

  private DistributedCache(Builder builder, int writeQuorum, int readQuorum) {
    this.replicas = builder.replicas;
    this.writeQuorum = writeQuorum;
    this.readQuorum = readQuorum;
    this.defaultTtl = builder.defaultTtl;
    this.maxTtl = builder.maxTtl;
    this.clock = builder.clock;
    this.writerId = builder.writerId;
    ConsistentHashRing<String> ring = ConsistentHashRing.create(Function.identity());
    Map<String, RedisClient> clients = new LinkedHashMap<>();
    DefaultJedisClientConfig config =
        DefaultJedisClientConfig.builder()
            .connectionTimeoutMillis((int) builder.timeout.toMillis())
            .socketTimeoutMillis((int) builder.timeout.toMillis())
            .build();
    for (Map.Entry<String, HostAndPort> node : builder.nodes.entrySet()) {
      ring = ring.withNode(node.getKey());
      ConnectionPoolConfig pool = new ConnectionPoolConfig();
      pool.setMaxTotal(32);
      clients.put(
          node.getKey(),
          RedisClient.builder()
              .hostAndPort(node.getValue())
              .clientConfig(config)
              .poolConfig(pool)
              .build());
    }
    this.ring = ring;
    this.clients = clients;
  }

  /** A builder: add nodes, optionally change N, W, R, TTLs, timeout, clock and writer id. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The value of {@code key}, if cached.
   *
   * @throws CacheUnavailableException if fewer than R replicas answer
   */
  public Optional<String> get(String key) {
    checkKey(key);
    ensureOpen();
    List<String> owners = ring.nodesFor(key, replicas);
    List<Future<Answer>> calls = new ArrayList<>(owners.size());
    for (String node : owners) {
      calls.add(submit(() -> read(node, key)));
    }
    List<Answer> answers = new ArrayList<>(owners.size());
    for (Future<Answer> call : calls) {
      Answer answer = await(call);
      if (answer != null) {
        answers.add(answer);
      }
    }
    if (answers.size() < readQuorum) {
      throw new CacheUnavailableException(
          "read quorum not reached for key '"
              + key
              + "': "
              + answers.size()
              + " of "
              + readQuorum
              + " replicas answered");
    }
    Answer newest = null;
    for (Answer answer : answers) {
      if (answer.entry != null && (newest == null || newest.isOlderThan(answer))) {
        newest = answer;
      }
    }
    if (newest != null) {
      repairStale(key, newest, answers);
    }
    if (newest == null || newest.entry.isTombstone()) {
      misses.increment();
      return Optional.empty();
    }
    hits.increment();
    return Optional.of(newest.entry.value());
  }

  /**
   * The cached value of {@code key}, or the loader's, which is then cached with the default TTL
   * (less up to 10%). Concurrent misses of one key in this process call the loader once. A loader's
   * exception reaches every caller waiting for that load and nothing is cached.
   *
   * @throws NullPointerException if the loader returns null
   * @throws CacheUnavailableException if fewer than R replicas answer the read
   */
  public String get(String key, Function<? super String, String> loader) {
    checkKey(key);
    Objects.requireNonNull(loader, "loader");
    Optional<String> cached = get(key);
    if (cached.isPresent()) {
      return cached.get();
    }
    CompletableFuture<String> mine = new CompletableFuture<>();
    CompletableFuture<String> running = loading.putIfAbsent(key, mine);
    if (running != null) {
      return join(running);
    }
    try {
      String value = get(key).orElseGet(() -> loadAndStore(key, loader));
      mine.complete(value);
      return value;
    } catch (RuntimeException | Error e) {
      mine.completeExceptionally(e);
      throw e;
    } finally {
      loading.remove(key, mine);
    }
  }

  private String loadAndStore(String key, Function<? super String, String> loader) {
    loads.increment();
    // The version is taken before the load: an invalidation that happens while the loader runs
    // (the source changed; the loaded value may predate it) gets a newer version and wins.
    long version = nextVersion();
    String value =
        Objects.requireNonNull(
            loader.apply(key), () -> "loader returned null for key '" + key + "'");
    Text.requireWellFormed(value, "the loaded value");
    long ttl = defaultTtl.toMillis();
    long jittered = ttl - ThreadLocalRandom.current().nextLong(ttl / 10 + 1);
    try {
      write(key, new Versioned(version, value), Math.max(1, jittered));
    } catch (CacheUnavailableException e) {
      LOG.warn("loaded '{}' but could not cache it: {}", key, e.getMessage());
    }
    return value;
  }

  /**
   * Caches {@code value} under {@code key} with the default TTL.
   *
   * @throws CacheUnavailableException if fewer than W replicas stored it (not acknowledged)
   */
  public void put(String key, String value) {
    put(key, value, defaultTtl);
  }

  /**
   * Caches {@code value} under {@code key} for {@code ttl}.
   *
   * @throws IllegalArgumentException if the TTL is not positive or exceeds the maximum TTL
   * @throws CacheUnavailableException if fewer than W replicas stored it (not acknowledged)
   */
  public void put(String key, String value, Duration ttl) {
    checkKey(key);
    Text.requireWellFormed(value, "value");
    Objects.requireNonNull(ttl, "ttl");
    if (ttl.compareTo(ONE_MILLI) < 0 || ttl.compareTo(maxTtl) > 0) {
      throw new IllegalArgumentException("ttl must be 1 ms.." + maxTtl + ": " + ttl);
    }
    write(key, new Versioned(nextVersion(), value), ttl.toMillis());
  }

  /**
   * Removes {@code key}: writes a tombstone that lives as long as the maximum TTL, so no copy that
   * missed it can come back.
   *
   * @throws CacheUnavailableException if fewer than W replicas stored the tombstone
   */
  public void invalidate(String key) {
    checkKey(key);
    write(key, Versioned.tombstone(nextVersion()), maxTtl.toMillis());
  }

  /** The servers holding {@code key}, owner first. */
  public List<String> replicasOf(String key) {
    return ring.nodesFor(checkKey(key), replicas);
  }

  /** N, W and R. */
  public Quorum quorum() {
    return new Quorum(replicas, writeQuorum, readQuorum);
  }

  /** Counters since this cache was built. */
  public Stats stats() {
    return new Stats(hits.sum(), misses.sum(), loads.sum(), repairs.sum(), replicaFailures.sum());
  }

  /** Closes the connections to every node; later calls fail with {@link IllegalStateException}. */
  @Override
  public void close() {
    closed = true;
    executor.shutdownNow();
    clients.values().forEach(RedisClient::close);
  }

  private static String checkKey(String key) {
    return Text.requireWellFormed(key, "key");
  }

  private void ensureOpen() {
    if (closed) {
      throw new IllegalStateException("the cache is closed");
    }
  }

  private <T> Future<T> submit(Callable<T> call) {
    try {
      return executor.submit(call);
    } catch (RejectedExecutionException e) {
      throw new IllegalStateException("the cache is closed", e);
    }
  }

  /** Every write took its version first, and {@link #nextVersion()} checked the cache is open. */
  private void write(String key, Versioned entry, long ttlMillis) {
    List<String> owners = ring.nodesFor(key, replicas);
    List<Future<Boolean>> calls = new ArrayList<>(owners.size());
    for (String node : owners) {
      calls.add(submit(() -> store(node, key, entry, ttlMillis)));
    }
    int acks = 0;
    for (Future<Boolean> call : calls) {
      if (Boolean.TRUE.equals(await(call))) {
        acks++;
      }
    }
    if (acks < writeQuorum) {
      throw new CacheUnavailableException(
          "write quorum not reached for key '"
              + key
              + "': "
              + acks
              + " of "
              + writeQuorum
              + " replicas stored it");
    }
  }

  private void repairStale(String key, Answer newest, List<Answer> answers) {
    if (newest.ttlMillis <= 0) {
      return;
    }
    for (Answer answer : answers) {
      if (answer.entry == null || answer.isOlderThan(newest)) {
        if (store(answer.node, key, newest.entry, newest.ttlMillis)) {
          repairs.increment();
        }
      }
    }
  }

  /** The node's copy (entry null when it has none), or null when the node does not answer. */
  private Answer read(String node, String key) {
    try {
      Object reply = clients.get(node).eval(GET_WITH_TTL, List.of(key), List.of());
      if (reply == null) {
        return new Answer(node, null, 0);
      }
      List<?> parts = (List<?>) reply;
      Versioned entry = Versioned.fromStored((String) parts.get(0));
      long ttl = ((Number) parts.get(1)).longValue();
      long life = ((Number) parts.get(2)).longValue();
      // An entry past its TTL is a miss, but its version still outranks every older copy: it
      // answers as a tombstone for the rest of its life (as Cassandra turns expired cells into
      // tombstones), so a replica that missed this write cannot bring an older value back.
      return ttl > 0
          ? new Answer(node, entry, ttl)
          : new Answer(node, Versioned.tombstone(entry.version()), life);
    } catch (JedisException e) {
      replicaFailures.increment();
      LOG.debug("{} did not answer a read: {}", node, e.getMessage());
      return null;
    }
  }

  /** Whether the node now holds this version or a newer one. */
  private boolean store(String node, String key, Versioned entry, long ttlMillis) {
    try {
      clients
          .get(node)
          .eval(
              SET_IF_NEWER,
              List.of(key),
              List.of(
                  entry.encode(),
                  Long.toString(ttlMillis),
                  Long.toString(Math.max(ttlMillis, maxTtl.toMillis()))));
      return true;
    } catch (JedisException e) {
      replicaFailures.increment();
      LOG.debug("{} did not answer a write: {}", node, e.getMessage());
      return false;
    }
  }

  /**
   * A version larger than any this cache made before: the clock's millisecond, then a tick within
   * it (8 bits), then this writer's id (8 bits). A writer that has used the 256 ticks of its
   * clock's current millisecond waits for the next one instead of borrowing from the future, so its
   * versions never run ahead of its clock (a later write by another writer, whose clock is later,
   * wins). Only a clock that steps back makes versions run ahead, by at most the step, since they
   * never go back.
   */
  long nextVersion() {
    ensureOpen();
    while (true) {
      long now = clock.millis();
      if (now < 0 || now > MAX_CLOCK_MILLIS) {
        throw new IllegalStateException(
            "the clock reads "
                + Instant.ofEpochMilli(now)
                + ", outside what a version holds: 1970-01-01 to "
                + Instant.ofEpochMilli(MAX_CLOCK_MILLIS));
      }
      long last = lastTick.get();
      long next = Math.max(last + 1, now << 8);
      if ((next >>> 8) > now && (last >>> 8) == now) {
        Thread.onSpinWait(); // this millisecond's ticks are used up: wait for the clock
        continue;
      }
      if (lastTick.compareAndSet(last, next)) {
        return next << 8 | writerId;
      }
    }
  }

  private static <T> T await(Future<T> call) {
    try {
      return call.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for a replica", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("a replica call failed", e.getCause());
    }
  }

  private static String join(CompletableFuture<String> load) {
    try {
      return load.join();
    } catch (java.util.concurrent.CompletionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw e;
    }
  }

  /** One replica's answer to a read. */
  private record Answer(String node, Versioned entry, long ttlMillis) {
    boolean isOlderThan(Answer other) {
      return entry == null || entry.version() < other.entry.version();
    }
  }

  /**
   * The replication settings: each key on {@code replicas} servers, writes acknowledged by {@code
   * write} of them, reads answered by {@code read}.
   *
   * @param replicas N
   * @param write W
   * @param read R
   */
  public record Quorum(int replicas, int write, int read) {
    /** Whether every successful read overlaps every acknowledged write (R + W &gt; N). */
    public boolean readsSeeAcknowledgedWrites() {
      return read + write > replicas;
    }
  }

  /**
   * Counters.
   *
   * @param hits reads that found a value
   * @param misses reads that found none (or a tombstone)
   * @param loads loader calls by {@link #get(String, Function)}
   * @param repairs stale or missing copies rewritten by reads
   * @param replicaFailures calls to a node that failed (down, timed out)
   */
  public record Stats(long hits, long misses, long loads, long repairs, long replicaFailures) {}

  /** Collects the settings of a {@link DistributedCache}. */
  public static final class Builder {
    private final Map<String, HostAndPort> nodes = new LinkedHashMap<>();
    private int replicas = 3;
    private int writeQuorum;
    private int readQuorum;
    private Duration defaultTtl = Duration.ofMinutes(10);
    private Duration maxTtl = Duration.ofHours(1);
    private Duration timeout = Duration.ofMillis(500);
    private InstantSource clock = InstantSource.system();
    private int writerId = ThreadLocalRandom.current().nextInt(256);

    private Builder() {}

    /**
     * Adds a Redis server under a stable name; the name, not the address, places it on the ring.
     *
     * @throws IllegalArgumentException if the name is taken or blank, the host blank, or the port
     *     not 1..65535
     */
    public Builder node(String name, String host, int port) {
      Text.requireWellFormed(name, "name");
      Objects.requireNonNull(host, "host");
      if (name.isBlank()) {
        throw new IllegalArgumentException("a node's name must not be blank");
      }
      if (host.isBlank()) {
        throw new IllegalArgumentException("host of node " + name + " must not be blank");
      }
      if (port < 1 || port > 65_535) {
        throw new IllegalArgumentException("port of node " + name + " must be 1..65535: " + port);
      }
      if (nodes.containsKey(name)) {
        throw new IllegalArgumentException("two nodes named " + name);
      }
      nodes.put(name, new HostAndPort(host, port));
      return this;
    }

    /** Each key is stored on {@code n} servers (N, default 3). */
    public Builder replicas(int n) {
      this.replicas = n;
      return this;
    }

    /** A write is acknowledged when {@code w} replicas stored it (W, default N/2+1). */
    public Builder writeQuorum(int w) {
      if (w < 1) {
        throw new IllegalArgumentException("writeQuorum must be at least 1: " + w);
      }
      this.writeQuorum = w;
      return this;
    }

    /** A read needs {@code r} answers (R, default N-W+1). */
    public Builder readQuorum(int r) {
      if (r < 1) {
        throw new IllegalArgumentException("readQuorum must be at least 1: " + r);
      }
      this.readQuorum = r;
      return this;
    }

    /** TTL of {@link DistributedCache#put(String, String)} and of loaded values (10 min). */
    public Builder defaultTtl(Duration ttl) {
      this.defaultTtl = Objects.requireNonNull(ttl, "ttl");
      return this;
    }

    /** The longest TTL, and so the life of a tombstone (1 h; at most {@link #MAX_TTL}). */
    public Builder maxTtl(Duration ttl) {
      this.maxTtl = Objects.requireNonNull(ttl, "ttl");
      return this;
    }

    /** Connect and read timeout of one call to a node (500 ms; at most {@link #MAX_TIMEOUT}). */
    public Builder timeout(Duration timeout) {
      this.timeout = Objects.requireNonNull(timeout, "timeout");
      return this;
    }

    /** The clock of write versions (the system clock). */
    public Builder clock(InstantSource clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /** This writer's id, 0..255, breaking version ties between writers (random). */
    public Builder writerId(int id) {
      if (id < 0 || id > 255) {
        throw new IllegalArgumentException("writerId must be 0..255: " + id);
      }
      this.writerId = id;
      return this;
    }

    /**
     * The cache, connected lazily to its nodes.
     *
     * @throws IllegalArgumentException if the settings do not fit together
     */
    public DistributedCache build() {
      if (nodes.isEmpty()) {
        throw new IllegalArgumentException("a cache needs at least one node");
      }
      if (replicas < 1 || replicas > nodes.size()) {
        throw new IllegalArgumentException(
            "replicas must be 1.." + nodes.size() + " (the nodes): " + replicas);
      }
      if (writeQuorum > replicas) {
        throw new IllegalArgumentException(
            "writeQuorum must be 1.." + replicas + ": " + writeQuorum);
      }
      if (readQuorum > replicas) {
        throw new IllegalArgumentException("readQuorum must be 1.." + replicas + ": " + readQuorum);
      }
      int w = writeQuorum == 0 ? replicas / 2 + 1 : writeQuorum;
      int r = readQuorum == 0 ? replicas - w + 1 : readQuorum;
      if (r + w <= replicas) {
        throw new IllegalArgumentException(
            "readQuorum + writeQuorum must exceed replicas, or a read can miss an acknowledged"
                + " write: "
                + r
                + " + "
                + w
                + " <= "
                + replicas);
      }
      if (maxTtl.compareTo(ONE_MILLI) < 0 || maxTtl.compareTo(MAX_TTL) > 0) {
        throw new IllegalArgumentException("maxTtl must be 1 ms.." + MAX_TTL + ": " + maxTtl);
      }
      if (defaultTtl.compareTo(ONE_MILLI) < 0 || defaultTtl.compareTo(maxTtl) > 0) {
        throw new IllegalArgumentException(
            "defaultTtl must be 1 ms..maxTtl (" + maxTtl + "): " + defaultTtl);
      }
      if (timeout.compareTo(ONE_MILLI) < 0 || timeout.compareTo(MAX_TIMEOUT) > 0) {
        throw new IllegalArgumentException("timeout must be 1 ms.." + MAX_TIMEOUT + ": " + timeout);
      }
      return new DistributedCache(this, w, r);
    }
  }

  /**
   * Runs the demo on four Redis servers started for it: writes, a node killed mid-run, reads and
   * writes that go on, the node back empty and repaired by reads. {@code senior.advanced.1 [keys]}
   * (default 1000).
   *
   * @throws IllegalArgumentException on bad arguments
   */
  public static void main(String... args) {
    DistributedCacheDemo.run(args);
  }
}
