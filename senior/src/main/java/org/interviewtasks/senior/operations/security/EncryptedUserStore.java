package org.interviewtasks.senior.operations.security;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@code users} table over JDBC whose sensitive columns ({@code email}, {@code national_id}) are
 * stored encrypted by a {@link SecurityModule}: per row, the key id and wrapped data key in plain
 * columns, and each sensitive value sealed with associated data {@code users/<id>/<column>}.
 *
 * <p>Reading a row still under an older key id re-encrypts it under the primary (a new data key,
 * new nonces) and writes it back with a compare-and-set on the old wrapped key, so a concurrent
 * writer is never overwritten; {@link #reencryptStale(int)} does the same for rows nobody reads.
 * When {@link #rowsUnder(String)} is zero the old key can be {@linkplain KeyRing#retire retired}.
 */
public final class EncryptedUserStore implements AutoCloseable {

  /** The longest username, email or national id, in characters. */
  public static final int MAX_TEXT = 200;

  private static final Logger LOG = LoggerFactory.getLogger(EncryptedUserStore.class);

  /**
   * One user. {@link #toString()} shows the id and username, never the sensitive fields.
   *
   * @param id the primary key, positive
   * @param username stored in clear (it is looked up)
   * @param email stored encrypted
   * @param nationalId stored encrypted
   */
  public record User(long id, String username, String email, String nationalId) {
    /** Checks the components. */
    public User {
      if (id < 1) {
        throw new IllegalArgumentException("id must be positive: " + id);
      }
      checkText("username", username);
      checkText("email", email);
      checkText("nationalId", nationalId);
    }

    @Override
    public String toString() {
      return "User[id=" + id + ", username=" + username + ", email=***, nationalId=***]";
    }
  }

  private final SecurityModule security;
  private final String url;
  private final Connection keeper;
  private final AtomicBoolean closed = new AtomicBoolean();
  private final AtomicLong reencrypted = new AtomicLong();

  /**
   * A store in the database at {@code jdbcUrl} (created if missing), keeping one connection open
   * until {@link #close()} (which keeps an in-memory H2 database alive).
   *
   * @throws SQLException if the database cannot be opened
   */
  public EncryptedUserStore(SecurityModule security, String jdbcUrl) throws SQLException {
    this.security = Objects.requireNonNull(security, "security");
    this.url = Objects.requireNonNull(jdbcUrl, "jdbcUrl");
    this.keeper = DriverManager.getConnection(jdbcUrl);
    try (Statement statement = keeper.createStatement()) {
      statement.execute(
          """
          CREATE TABLE IF NOT EXISTS users (
            id BIGINT PRIMARY KEY,
            username VARCHAR(200) NOT NULL UNIQUE,
            key_id VARCHAR(64) NOT NULL,
            data_key VARBINARY(128) NOT NULL,
            email VARBINARY(1024) NOT NULL,
            national_id VARBINARY(1024) NOT NULL)""");
      statement.execute("CREATE INDEX IF NOT EXISTS users_key_id ON users(key_id)");
    }
  }

  /**
   * Stores a new user, its sensitive fields encrypted under a new data key.
   *
   * @throws SQLException if the id or username exists already (nothing is written then)
   */
  public void insert(User user) throws SQLException {
    Objects.requireNonNull(user, "user");
    checkOpen();
    Sealed row = seal(user);
    try (Connection connection = connect();
        PreparedStatement insert =
            connection.prepareStatement(
                "INSERT INTO users(id, username, key_id, data_key, email, national_id)"
                    + " VALUES (?, ?, ?, ?, ?, ?)")) {
      insert.setLong(1, user.id());
      insert.setString(2, user.username());
      insert.setString(3, row.keyId());
      insert.setBytes(4, row.dataKey());
      insert.setBytes(5, row.email());
      insert.setBytes(6, row.nationalId());
      insert.executeUpdate();
    }
  }

  /**
   * The user with this id, decrypted; re-encrypted under the primary key first if it was under an
   * older one.
   *
   * @throws DecryptionException if a stored value or the data key was altered or moved
   */
  public Optional<User> find(long id) throws SQLException {
    checkOpen();
    Stored stored;
    try (Connection connection = connect();
        PreparedStatement select =
            connection.prepareStatement(
                "SELECT username, key_id, data_key, email, national_id FROM users WHERE id = ?")) {
      select.setLong(1, id);
      try (ResultSet rows = select.executeQuery()) {
        if (!rows.next()) {
          return Optional.empty();
        }
        stored =
            new Stored(
                rows.getString(1),
                new Sealed(
                    rows.getString(2), rows.getBytes(3), rows.getBytes(4), rows.getBytes(5)));
      }
    }
    User user = open(id, stored);
    if (!stored.sealed().keyId().equals(security.keyRing().primaryId())) {
      rewrite(user, stored.sealed());
    }
    return Optional.of(user);
  }

  /**
   * Re-encrypts up to {@code max} rows still under a key id other than the primary, for a
   * background sweep after a rotation.
   *
   * @return how many rows were rewritten
   * @throws IllegalArgumentException if max is not in [1, 100000]
   */
  public int reencryptStale(int max) throws SQLException {
    if (max < 1 || max > 100_000) {
      throw new IllegalArgumentException("max must be in [1, 100000]: " + max);
    }
    checkOpen();
    List<Long> ids = new ArrayList<>();
    try (Connection connection = connect();
        PreparedStatement select =
            connection.prepareStatement(
                "SELECT id FROM users WHERE key_id <> ? ORDER BY id LIMIT ?")) {
      select.setString(1, security.keyRing().primaryId());
      select.setInt(2, max);
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          ids.add(rows.getLong(1));
        }
      }
    }
    long before = reencrypted.get();
    for (long id : ids) {
      find(id);
    }
    return Math.toIntExact(reencrypted.get() - before);
  }

  /** How many rows are stored under {@code keyId}. */
  public long rowsUnder(String keyId) throws SQLException {
    Objects.requireNonNull(keyId, "keyId");
    checkOpen();
    try (Connection connection = connect();
        PreparedStatement count =
            connection.prepareStatement("SELECT COUNT(*) FROM users WHERE key_id = ?")) {
      count.setString(1, keyId);
      try (ResultSet rows = count.executeQuery()) {
        rows.next();
        return rows.getLong(1);
      }
    }
  }

  /** How many rows this store has re-encrypted under a newer key since it was opened. */
  public long reencryptedRows() {
    return reencrypted.get();
  }

  /** Closes the kept connection. Idempotent. */
  @Override
  public void close() throws SQLException {
    if (closed.compareAndSet(false, true)) {
      keeper.close();
    }
  }

  @Override
  public String toString() {
    return "EncryptedUserStore[" + security + (closed.get() ? ", closed]" : "]");
  }

  /** What is stored of a row's sensitive part (the arrays are not copied: private use only). */
  private static final class Sealed {
    private final String keyId;
    private final byte[] dataKey;
    private final byte[] email;
    private final byte[] nationalId;

    Sealed(String keyId, byte[] dataKey, byte[] email, byte[] nationalId) {
      this.keyId = keyId;
      this.dataKey = dataKey;
      this.email = email;
      this.nationalId = nationalId;
    }

    String keyId() {
      return keyId;
    }

    byte[] dataKey() {
      return dataKey;
    }

    byte[] email() {
      return email;
    }

    byte[] nationalId() {
      return nationalId;
    }

    @Override
    public String toString() {
      return "Sealed[keyId=" + keyId + "]";
    }
  }

  private record Stored(String username, Sealed sealed) {}

  private Sealed seal(User user) {
    SecurityModule.DataKey key = security.newDataKey(context(user.id()));
    return new Sealed(
        key.keyId(),
        key.wrapped(),
        security.seal(key, utf8(user.email()), place(user.id(), "email")),
        security.seal(key, utf8(user.nationalId()), place(user.id(), "national_id")));
  }

  private User open(long id, Stored stored) {
    Sealed sealed = stored.sealed();
    SecurityModule.DataKey key = security.unwrap(sealed.keyId(), sealed.dataKey(), context(id));
    String email = text(security.open(key, sealed.email(), place(id, "email")), id, "email");
    String nationalId =
        text(security.open(key, sealed.nationalId(), place(id, "national_id")), id, "national_id");
    return new User(id, stored.username(), email, nationalId);
  }

  private void rewrite(User user, Sealed old) throws SQLException {
    Sealed fresh = seal(user);
    try (Connection connection = connect();
        PreparedStatement update =
            connection.prepareStatement(
                "UPDATE users SET key_id = ?, data_key = ?, email = ?, national_id = ?"
                    + " WHERE id = ? AND key_id = ? AND data_key = ?")) {
      update.setString(1, fresh.keyId());
      update.setBytes(2, fresh.dataKey());
      update.setBytes(3, fresh.email());
      update.setBytes(4, fresh.nationalId());
      update.setLong(5, user.id());
      update.setString(6, old.keyId());
      update.setBytes(7, old.dataKey());
      if (update.executeUpdate() == 1) {
        reencrypted.incrementAndGet();
        LOG.debug(
            "users row {} re-encrypted from key {} to {}", user.id(), old.keyId(), fresh.keyId());
      }
    }
  }

  private static String context(long id) {
    return "users/" + id;
  }

  private static String place(long id, String column) {
    return "users/" + id + "/" + column;
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  /** Authenticated bytes are ours, so they are UTF-8; checked anyway, strictly. */
  private static String text(byte[] bytes, long id, String column) {
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException e) {
      throw new DecryptionException("users/" + id + "/" + column + ": not UTF-8 text");
    } finally {
      Arrays.fill(bytes, (byte) 0);
    }
  }

  private static void checkText(String name, String value) {
    Objects.requireNonNull(value, name);
    if (value.isEmpty() || value.length() > MAX_TEXT) {
      throw new IllegalArgumentException(
          name + " length must be in [1, " + MAX_TEXT + "]: " + value.length());
    }
  }

  private Connection connect() throws SQLException {
    return DriverManager.getConnection(url);
  }

  private void checkOpen() {
    if (closed.get()) {
      throw new IllegalStateException("user store closed");
    }
  }
}
