package org.interviewtasks.senior.operations.security;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import javax.crypto.SecretKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The key-encryption keys (KEKs) by key id, and which one is primary: new data keys are wrapped
 * under the primary, old ones are unwrapped under whichever key id they name. Rotation adds a key
 * and makes it primary in one atomic step, so readers never see a moment without a usable key; a
 * key is retired only when no row needs it any more.
 *
 * <p>Thread-safe: the state is one immutable snapshot behind a volatile field, replaced under a
 * lock by the rare writers; readers take no lock. {@link #toString()} names key ids only.
 */
public final class KeyRing {

  /** The longest key id (stored beside each row, so kept short). */
  public static final int MAX_KEY_ID = 64;

  private static final Logger LOG = LoggerFactory.getLogger(KeyRing.class);

  private record State(Map<String, SecretKey> keys, String primary) {}

  private volatile State state;

  /**
   * A ring holding one key, which is primary.
   *
   * @throws IllegalArgumentException if the id is empty, too long or not printable ASCII, or the
   *     key is not a 256-bit AES key
   */
  public KeyRing(String keyId, SecretKey key) {
    checkId(keyId);
    AesGcm.checkKey(key);
    state = new State(Map.of(keyId, key), keyId);
  }

  /**
   * Adds {@code key} under a new id and makes it primary: from now on new data keys are wrapped
   * under it, while rows under older ids stay readable.
   *
   * @throws IllegalArgumentException if the id is already in the ring or malformed, or the key is
   *     not a 256-bit AES key
   */
  public synchronized void rotateTo(String keyId, SecretKey key) {
    checkId(keyId);
    AesGcm.checkKey(key);
    State current = state;
    if (current.keys().containsKey(keyId)) {
      throw new IllegalArgumentException("key id already in the ring: " + keyId);
    }
    Map<String, SecretKey> keys = new LinkedHashMap<>(current.keys());
    keys.put(keyId, key);
    state = new State(Map.copyOf(keys), keyId);
    LOG.info("key ring rotated: primary {} (was {})", keyId, current.primary());
  }

  /**
   * Removes a key that no data needs any more (rows re-encrypted under a newer one).
   *
   * @throws IllegalArgumentException if the id is not in the ring or is the primary
   */
  public synchronized void retire(String keyId) {
    Objects.requireNonNull(keyId, "keyId");
    State current = state;
    if (!current.keys().containsKey(keyId)) {
      throw new IllegalArgumentException("key id not in the ring: " + safe(keyId));
    }
    if (current.primary().equals(keyId)) {
      throw new IllegalArgumentException("the primary key cannot be retired: " + keyId);
    }
    Map<String, SecretKey> keys = new LinkedHashMap<>(current.keys());
    keys.remove(keyId);
    state = new State(Map.copyOf(keys), current.primary());
    LOG.info("key {} retired", keyId);
  }

  /** The id new data keys are wrapped under. */
  public String primaryId() {
    return state.primary();
  }

  /** The ids in the ring. */
  public List<String> ids() {
    return state.keys().keySet().stream().sorted().toList();
  }

  /** The primary id and its key, read together. */
  Map.Entry<String, SecretKey> primary() {
    State current = state;
    return Map.entry(current.primary(), current.keys().get(current.primary()));
  }

  /** The key of an id, if the ring holds it. */
  Optional<SecretKey> key(String keyId) {
    return Optional.ofNullable(state.keys().get(keyId));
  }

  @Override
  public String toString() {
    State current = state;
    return "KeyRing[primary=" + current.primary() + ", ids=" + ids() + "]";
  }

  private static void checkId(String keyId) {
    Objects.requireNonNull(keyId, "keyId");
    if (keyId.isEmpty()
        || keyId.length() > MAX_KEY_ID
        || !keyId.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
      throw new IllegalArgumentException(
          "key id must be 1 to " + MAX_KEY_ID + " printable ASCII characters: " + safe(keyId));
    }
  }

  /** A key id as it may appear in a message: cut, with anything unprintable escaped. */
  static String safe(String keyId) {
    StringBuilder out = new StringBuilder("\"");
    keyId
        .codePoints()
        .limit(MAX_KEY_ID)
        .forEach(
            c -> {
              if (c > 0x20 && c < 0x7f) {
                out.appendCodePoint(c);
              } else {
                out.append(String.format(Locale.ROOT, "\\u%04x", c));
              }
            });
    return out.append('"').toString();
  }
}
