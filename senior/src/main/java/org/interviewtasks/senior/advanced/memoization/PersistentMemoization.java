package org.interviewtasks.senior.advanced.memoization;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.lang.reflect.UndeclaredThrowableException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Arrays;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.interviewtasks.common.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Memoization that outlives the process: wraps a {@link Function} (or, through a dynamic proxy,
 * every method of an interface) so that each result is computed once and then read back from an
 * SQLite file, in this run, the next one, or another process on the same machine.
 *
 * <p><b>What it adds to {@code mid.core.7}.</b> {@link
 * org.interviewtasks.mid.core.MemoizedFactorial} memoizes one function in one heap, and the memo
 * dies with the JVM. Here the memo is a table: any function, keyed by its <i>identity</i> (a name
 * and a version the caller gives, because a lambda has no stable name across builds, and a new
 * version must not read the old one's answers) plus a canonical JSON of its arguments (Jackson, map
 * entries and properties sorted); concurrent callers of one key share one computation (single
 * flight); failures are not remembered unless asked; entries may expire. The tests and the
 * benchmark wrap {@code MemoizedFactorial} itself, so the in-heap memo and the persistent one are
 * measured on the same function.
 *
 * <p><b>Why SQLite and not H2 file mode.</b> Both are embedded and reached over JDBC. SQLite was
 * made for several processes on one file: each connection takes the OS file locks itself, WAL mode
 * lets readers run beside a writer, and a busy timeout turns contention into a short wait. H2's
 * file mode locks the database to one process (a second one fails to open it) unless {@code
 * AUTO_SERVER} makes the first a TCP server that the others depend on; and H2's file format changes
 * between major versions (2.x does not read 1.4 files), a poor property for a store meant to be
 * read by future runs. SQLite's price is native code: {@code sqlite-jdbc} ships the library for the
 * common platforms and extracts it at first use.
 *
 * <p><b>Approach and cost.</b> One table, primary key {@code (function, version, args)}, payload
 * JSON, creation and expiry times in epoch millis. A call serializes its arguments (O(size)), looks
 * the key up (a B-tree probe, microseconds), and on a hit deserializes the payload; on a miss it
 * computes outside any lock, then upserts. In-process waiters for a key in flight join its {@link
 * CompletableFuture}. One JDBC connection per store, used under a lock: SQLite writes are serial
 * anyway.
 *
 * <p><b>Edge cases and failure modes.</b> A stored payload that no longer deserializes (the result
 * type changed without a version bump) is logged, deleted and recomputed, never fatal. A failure is
 * rethrown to every caller of that flight and forgotten, unless the policy memoizes failures: then
 * later calls throw {@link MemoizedFailureException} with the original type and message. An expired
 * entry (by the injected clock) is a miss. {@code null} results are stored as JSON {@code null}.
 * Arguments that Jackson cannot serialize are rejected before computing; a result it cannot
 * serialize is returned but not stored (logged). Two processes that miss the same key at once both
 * compute (single flight is per process); the last write wins, harmless for a pure function.
 * Arguments must have one canonical JSON: records, lists, maps, sorted sets; a {@code HashSet}'s
 * order or {@code 1.0} against {@code 1.00} as {@code BigDecimal} make different keys.
 *
 * <p><b>Follow-up.</b> <i>"Why not put Caffeine in front?"</i> A hit here pays for SQL, JDBC and
 * parsing the stored JSON; an in-heap first level makes it a hash lookup, four to five orders of
 * magnitude faster in the benchmark, at the price of memory and of expiring in step with the table.
 * A hit also re-reads a result as large as the one computed, so memoizing pays only when the
 * computation costs more than that: the benchmark shows a loss for 100! and a gain for 2000!.
 * <i>"Single flight across processes?"</i> A {@code pending} row inserted with {@code INSERT ... ON
 * CONFLICT DO NOTHING} acts as a lease that the other processes poll; it needs a lease expiry for a
 * computing process that dies.
 */
@Task(id = "senior.advanced.3", title = "Persistent memoization")
public final class PersistentMemoization implements AutoCloseable {

  /** The longest accepted function name. */
  public static final int MAX_NAME_LENGTH = 200;

  private static final Logger LOG = LoggerFactory.getLogger(PersistentMemoization.class);

  private static final String VALUE = "value";
  private static final String FAILURE = "failure";

  private final Path file;
  private final InstantSource clock;
  private final ObjectMapper json;
  private final Connection connection;
  private final ReentrantLock db = new ReentrantLock();
  private final ConcurrentMap<Key, CompletableFuture<Object>> inFlight = new ConcurrentHashMap<>();
  private final LongAdder hits = new LongAdder();
  private final LongAdder misses = new LongAdder();
  private final LongAdder computations = new LongAdder();
  private final LongAdder unreadable = new LongAdder();
  private volatile boolean closed;

  /**
   * What to remember of a function.
   *
   * @param timeToLive how long an entry is valid, positive; {@link #FOREVER} for no expiry
   * @param memoizeFailures whether a thrown exception is remembered and rethrown as {@link
   *     MemoizedFailureException}
   */
  public record Policy(Duration timeToLive, boolean memoizeFailures) {

    /** No expiry. */
    public static final Duration FOREVER = Duration.ofSeconds(Long.MAX_VALUE, 999_999_999);

    /**
     * Checks the policy.
     *
     * @throws IllegalArgumentException if the time to live is not positive
     */
    public Policy {
      Objects.requireNonNull(timeToLive, "timeToLive");
      if (timeToLive.isNegative() || timeToLive.isZero()) {
        throw new IllegalArgumentException("timeToLive must be positive: " + timeToLive);
      }
    }

    /** Results kept forever, failures not kept. */
    public static Policy defaults() {
      return new Policy(FOREVER, false);
    }

    /** This policy with entries that expire {@code ttl} after they were stored. */
    public Policy expiringAfter(Duration ttl) {
      return new Policy(ttl, memoizeFailures);
    }

    /** This policy, remembering failures too. */
    public Policy memoizingFailures() {
      return new Policy(timeToLive, true);
    }
  }

  /**
   * What the store has done since it was opened.
   *
   * @param hits calls answered from the table (or by joining a computation in flight)
   * @param misses calls that found nothing valid
   * @param computations times a wrapped function actually ran
   * @param unreadable stored entries that no longer deserialized and were recomputed
   */
  public record Stats(long hits, long misses, long computations, long unreadable) {}

  /** A function's identity and the canonical JSON of one call's arguments. */
  private record Key(String function, int version, String args) {}

  private PersistentMemoization(Path file, InstantSource clock, ObjectMapper json, Connection c) {
    this.file = file;
    this.clock = clock;
    this.json = json;
    this.connection = c;
  }

  /**
   * Opens (or creates) the store in {@code file} on the system clock.
   *
   * @see #open(Path, InstantSource)
   */
  public static PersistentMemoization open(Path file) {
    return open(file, InstantSource.system());
  }

  /**
   * Opens (or creates) the store in {@code file}; its folder is created if missing.
   *
   * @param file the SQLite database file
   * @param clock decides expiry
   * @throws UncheckedIOException if the folder cannot be created
   * @throws MemoStoreException if the file is not an SQLite database or cannot be opened
   */
  public static PersistentMemoization open(Path file, InstantSource clock) {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(clock, "clock");
    Path absolute = file.toAbsolutePath().normalize();
    if (Files.isDirectory(absolute)) {
      throw new IllegalArgumentException("the memo file is a directory: " + absolute);
    }
    try {
      Files.createDirectories(absolute.getParent());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the folder of the memo file " + absolute, e);
    }
    // Jackson's default limits guard against hostile input (numbers of at most 1,000 digits, for
    // one); the store reads only what it wrote, and 3000! alone has 9,131 digits.
    JsonFactory factory =
        JsonFactory.builder()
            .streamReadConstraints(
                StreamReadConstraints.builder()
                    .maxNumberLength(Integer.MAX_VALUE)
                    .maxStringLength(Integer.MAX_VALUE)
                    .build())
            .build();
    ObjectMapper json =
        JsonMapper.builder(factory)
            .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .build();
    Connection connection = null;
    try {
      connection = DriverManager.getConnection("jdbc:sqlite:" + absolute);
      try (Statement statement = connection.createStatement()) {
        statement.execute("PRAGMA busy_timeout = 10000");
        statement.execute("PRAGMA journal_mode = WAL");
        statement.execute("PRAGMA synchronous = NORMAL");
        statement.execute(
            """
            CREATE TABLE IF NOT EXISTS memo (
              function TEXT NOT NULL,
              version INTEGER NOT NULL,
              args TEXT NOT NULL,
              kind TEXT NOT NULL CHECK (kind IN ('value', 'failure')),
              payload TEXT NOT NULL,
              created_at INTEGER NOT NULL,
              expires_at INTEGER,
              PRIMARY KEY (function, version, args)
            ) WITHOUT ROWID\
            """);
      }
      LOG.debug("opened memo store {}", absolute);
      return new PersistentMemoization(absolute, clock, json, connection);
    } catch (SQLException e) {
      closeQuietly(connection);
      throw new MemoStoreException(
          "cannot open the memo store " + absolute + ": " + e.getMessage(), e);
    }
  }

  /** The database file. */
  public Path file() {
    return file;
  }

  /**
   * Wraps a one-argument function whose results are kept forever and whose failures are not.
   *
   * @see #memoize(String, int, Function, JavaType, Policy)
   */
  public <A, R> Function<A, R> memoize(
      String name, int version, Function<? super A, ? extends R> function, Class<R> resultType) {
    Objects.requireNonNull(resultType, "resultType");
    return memoize(name, version, function, json.constructType(resultType), Policy.defaults());
  }

  /**
   * Wraps a one-argument function whose result type is generic, e.g. {@code new
   * TypeReference<List<String>>() {}}.
   *
   * @see #memoize(String, int, Function, JavaType, Policy)
   */
  public <A, R> Function<A, R> memoize(
      String name,
      int version,
      Function<? super A, ? extends R> function,
      TypeReference<R> resultType,
      Policy policy) {
    Objects.requireNonNull(resultType, "resultType");
    return memoize(name, version, function, json.constructType(resultType), policy);
  }

  /**
   * Wraps a one-argument function: the returned function answers from the store when it can and
   * calls {@code function} otherwise.
   *
   * @param name the function's stable identity, 1 to {@value #MAX_NAME_LENGTH} chars, not blank
   * @param version bumped whenever the function's results change; old entries are then ignored
   * @param function the computation, pure
   * @param resultType how to read a stored result back
   * @param policy expiry and failures
   * @throws IllegalArgumentException if the name is blank or too long, or the version negative
   */
  public <A, R> Function<A, R> memoize(
      String name,
      int version,
      Function<? super A, ? extends R> function,
      JavaType resultType,
      Policy policy) {
    checkIdentity(name, version);
    Objects.requireNonNull(function, "function");
    Objects.requireNonNull(resultType, "resultType");
    Objects.requireNonNull(policy, "policy");
    requireOpen();
    return argument -> {
      Key key = new Key(name, version, canonical(name, argument));
      try {
        @SuppressWarnings("unchecked") // the stored payload was read as resultType, that is R
        R result = (R) call(key, resultType, policy, () -> function.apply(argument));
        return result;
      } catch (RuntimeException | Error e) {
        throw e;
      } catch (Throwable t) {
        throw new UndeclaredThrowableException(t); // a Function cannot throw checked exceptions
      }
    };
  }

  /**
   * Wraps every method of an interface: each method is a function of its arguments named {@code
   * name#method(ParamTypes)}. Methods returning {@code void} and those of {@link Object} go
   * straight to the target.
   *
   * @param type the interface
   * @param target the implementation to call on a miss
   * @param name the identity of the implementation, as for {@link #memoize(String, int, Function,
   *     JavaType, Policy)}
   * @param version bumped when any result changes
   * @param policy expiry and failures, for every method
   * @throws IllegalArgumentException if {@code type} is not an interface, or the name or version
   *     are out of range
   */
  public <I> I memoize(Class<I> type, I target, String name, int version, Policy policy) {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(target, "target");
    checkIdentity(name, version);
    Objects.requireNonNull(policy, "policy");
    if (!type.isInterface()) {
      throw new IllegalArgumentException("not an interface: " + type.getName());
    }
    requireOpen();
    InvocationHandler handler =
        (proxy, method, args) -> {
          if (method.getDeclaringClass() == Object.class) {
            return switch (method.getName()) {
              case "equals" -> isSameProxy(proxy, args[0]);
              case "hashCode" -> System.identityHashCode(proxy);
              default -> "memoized " + type.getSimpleName() + " " + name + " v" + version;
            };
          }
          if (method.getReturnType() == void.class) {
            return invoke(method, target, args);
          }
          String function = name + "#" + signature(method);
          Object[] arguments = args == null ? new Object[0] : args;
          Key key = new Key(function, version, canonical(function, arguments));
          JavaType resultType = json.constructType(method.getGenericReturnType());
          return call(key, resultType, policy, () -> invoke(method, target, arguments));
        };
    return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, handler));
  }

  /**
   * Deletes every stored entry of the function {@code name}, all versions.
   *
   * @return how many entries were deleted
   */
  public int invalidate(String name) {
    checkIdentity(name, 0);
    return update(
        "DELETE FROM memo WHERE function = ? OR function LIKE ? ESCAPE '\\'",
        name,
        escapeLike(name) + "#%");
  }

  /**
   * Deletes every entry that has expired by now.
   *
   * @return how many entries were deleted
   */
  public int purgeExpired() {
    return update(
        "DELETE FROM memo WHERE expires_at IS NOT NULL AND expires_at <= ?", clock.millis());
  }

  /** How many entries the store holds, expired ones included. */
  public long size() {
    requireOpen();
    db.lock();
    try (Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("SELECT count(*) FROM memo")) {
      rows.next();
      return rows.getLong(1);
    } catch (SQLException e) {
      throw failed("count", e);
    } finally {
      db.unlock();
    }
  }

  /** What this store has done since it was opened. */
  public Stats stats() {
    return new Stats(hits.sum(), misses.sum(), computations.sum(), unreadable.sum());
  }

  /** Closes the database connection; the wrappers then throw {@link IllegalStateException}. */
  @Override
  public void close() {
    db.lock();
    try {
      if (!closed) {
        closed = true;
        closeQuietly(connection);
      }
    } finally {
      db.unlock();
    }
  }

  /** A computation that may throw anything, as a method called reflectively does. */
  @FunctionalInterface
  private interface Computation {
    Object compute() throws Throwable;
  }

  private Object call(Key key, JavaType resultType, Policy policy, Computation computation)
      throws Throwable {
    requireOpen();
    Stored stored = read(key, resultType);
    if (stored instanceof Stored.Value value) {
      hits.increment();
      return value.result();
    }
    if (stored instanceof Stored.Failure failure) {
      hits.increment();
      throw new MemoizedFailureException(failure.type(), failure.message());
    }
    CompletableFuture<Object> mine = new CompletableFuture<>();
    CompletableFuture<Object> running = inFlight.putIfAbsent(key, mine);
    if (running != null) {
      hits.increment(); // shares the computation in flight
      try {
        return running.join();
      } catch (CompletionException e) {
        throw e.getCause();
      }
    }
    try {
      // Read again: the flight that just finished stored its result before leaving inFlight.
      Stored again = read(key, resultType);
      if (again instanceof Stored.Value value) {
        hits.increment();
        mine.complete(value.result());
        return value.result();
      }
      if (again instanceof Stored.Failure failure) {
        hits.increment();
        var remembered = new MemoizedFailureException(failure.type(), failure.message());
        mine.completeExceptionally(remembered);
        throw remembered;
      }
      misses.increment();
      Object result;
      try {
        computations.increment();
        result = computation.compute();
      } catch (Throwable t) {
        if (policy.memoizeFailures() && t instanceof Exception) {
          write(key, FAILURE, failurePayload(t), policy);
        }
        mine.completeExceptionally(t);
        throw t;
      }
      storeResult(key, result, policy);
      mine.complete(result);
      return result;
    } finally {
      inFlight.remove(key, mine);
    }
  }

  private sealed interface Stored {
    record Value(Object result) implements Stored {}

    record Failure(String type, String message) implements Stored {}

    record Absent() implements Stored {}
  }

  private Stored read(Key key, JavaType resultType) {
    String kind;
    String payload;
    db.lock();
    try (PreparedStatement select =
        connection.prepareStatement(
            "SELECT kind, payload, expires_at FROM memo WHERE function = ? AND version = ? AND args"
                + " = ?")) {
      select.setString(1, key.function());
      select.setInt(2, key.version());
      select.setString(3, key.args());
      try (ResultSet row = select.executeQuery()) {
        if (!row.next()) {
          return new Stored.Absent();
        }
        kind = row.getString(1);
        payload = row.getString(2);
        long expiresAt = row.getLong(3);
        if (!row.wasNull() && expiresAt <= clock.millis()) {
          return new Stored.Absent();
        }
      }
    } catch (SQLException e) {
      throw failed("read", e);
    } finally {
      db.unlock();
    }
    try {
      if (kind.equals(FAILURE)) {
        var failure = json.readTree(payload);
        return new Stored.Failure(
            failure.required("type").asText(), failure.path("message").asText(null));
      }
      return new Stored.Value(json.readValue(payload, resultType));
    } catch (JsonProcessingException | IllegalArgumentException e) {
      unreadable.increment();
      LOG.warn(
          "stored result of {} v{} no longer reads as {}; recomputing: {}",
          key.function(),
          key.version(),
          resultType,
          e.getMessage());
      update(
          "DELETE FROM memo WHERE function = ? AND version = ? AND args = ?",
          key.function(),
          key.version(),
          key.args());
      return new Stored.Absent();
    }
  }

  private void storeResult(Key key, Object result, Policy policy) {
    String payload;
    try {
      payload = json.writeValueAsString(result);
    } catch (JsonProcessingException e) {
      LOG.warn(
          "result of {} v{} cannot be serialized; not memoized", key.function(), key.version(), e);
      return;
    }
    write(key, VALUE, payload, policy);
  }

  private String failurePayload(Throwable t) {
    var node = json.createObjectNode();
    node.put("type", t.getClass().getName());
    node.put("message", t.getMessage());
    return node.toString();
  }

  private void write(Key key, String kind, String payload, Policy policy) {
    long now = clock.millis();
    Long expiresAt = expiry(now, policy.timeToLive());
    update(
        """
        INSERT INTO memo (function, version, args, kind, payload, created_at, expires_at)
        VALUES (?, ?, ?, ?, ?, ?, ?)
        ON CONFLICT (function, version, args) DO UPDATE SET
          kind = excluded.kind, payload = excluded.payload,
          created_at = excluded.created_at, expires_at = excluded.expires_at\
        """,
        key.function(),
        key.version(),
        key.args(),
        kind,
        payload,
        now,
        expiresAt);
  }

  /** Epoch millis at which an entry stored at {@code now} expires; null for never. */
  private static Long expiry(long now, Duration ttl) {
    if (ttl.equals(Policy.FOREVER)) {
      return null;
    }
    try {
      return Math.addExact(now, ttl.toMillis());
    } catch (ArithmeticException e) {
      return null; // beyond the year 292 million: never
    }
  }

  private int update(String sql, Object... parameters) {
    requireOpen();
    db.lock();
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      for (int i = 0; i < parameters.length; i++) {
        if (parameters[i] == null) {
          statement.setNull(i + 1, Types.BIGINT);
        } else {
          statement.setObject(i + 1, parameters[i]);
        }
      }
      return statement.executeUpdate();
    } catch (SQLException e) {
      throw failed("write", e);
    } finally {
      db.unlock();
    }
  }

  private String canonical(String function, Object arguments) {
    try {
      return json.writeValueAsString(arguments);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(
          "cannot serialize the arguments of " + function + ": " + e.getOriginalMessage(), e);
    }
  }

  private static Object invoke(Method method, Object target, Object[] args) throws Throwable {
    try {
      return method.invoke(target, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }

  // A proxy equals only itself: calling equals() on it would come back into the handler.
  @SuppressWarnings("ReferenceEquality")
  private static boolean isSameProxy(Object proxy, Object other) {
    return proxy == other;
  }

  private static String signature(Method method) {
    return method.getName()
        + Arrays.stream(method.getParameterTypes())
            .map(Class::getTypeName)
            .collect(Collectors.joining(",", "(", ")"));
  }

  private static void checkIdentity(String name, int version) {
    Objects.requireNonNull(name, "name");
    if (name.isBlank() || name.length() > MAX_NAME_LENGTH) {
      throw new IllegalArgumentException(
          "name must be 1.." + MAX_NAME_LENGTH + " chars, not blank: '" + name + "'");
    }
    if (version < 0) {
      throw new IllegalArgumentException("version must not be negative: " + version);
    }
  }

  private static String escapeLike(String text) {
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
  }

  private void requireOpen() {
    if (closed) {
      throw new IllegalStateException("the memo store " + file + " is closed");
    }
  }

  private MemoStoreException failed(String what, SQLException e) {
    return new MemoStoreException(
        "memo store " + file + ": " + what + " failed: " + e.getMessage(), e);
  }

  private static void closeQuietly(Connection connection) {
    if (connection != null) {
      try {
        connection.close();
      } catch (SQLException e) {
        LOG.warn("closing the memo store failed", e);
      }
    }
  }
}
