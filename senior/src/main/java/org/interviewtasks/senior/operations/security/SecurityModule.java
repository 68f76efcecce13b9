package org.interviewtasks.senior.operations.security;

import java.nio.charset.StandardCharsets;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Objects;
import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.interviewtasks.common.Task;

/**
 * Encrypts sensitive values for storage with envelope encryption: each record gets its own random
 * data key (DEK) that encrypts its values with AES-256-GCM, and the DEK is stored beside them,
 * wrapped (encrypted) under a key-encryption key (KEK) of a {@link KeyRing}, named by its key id.
 *
 * <p><b>Approach.</b> {@link AesGcm} seals every value under a fresh random 96-bit nonce, with
 * associated data naming the table, row, column and key id, so a ciphertext only opens where it was
 * written. KEKs come from a password through {@link KeyDerivation#argon2id} (memory-hard, so
 * guesses are expensive) and {@link KeyDerivation#hkdf} (one sub-key per key id from one root), or
 * from a key manager. {@link EncryptedUserStore} applies this to a JDBC table.
 *
 * <p><b>Why envelopes.</b> Rotation costs no downtime: the ring gains a new primary KEK at once;
 * rows under the old one stay readable, and are re-encrypted lazily on their next read (or by a
 * background sweep), after which the old KEK is retired. Each DEK encrypts a handful of values, far
 * from GCM's nonce-collision bound, and a KEK never touches data, so it can live in an HSM or a KMS
 * that only wraps and unwraps 32-byte keys.
 *
 * <p><b>Complexity.</b> A value costs one AES-GCM pass (GB/s with AES-NI) and 28 bytes; a record
 * one wrap of 32 bytes plus 60 bytes stored; Argon2id costs what its {@link
 * KeyDerivation.Argon2Cost} says, once per process.
 *
 * <p><b>Edge cases and failure modes.</b> Any altered byte of a nonce, ciphertext, tag or wrapped
 * key, and any value moved to another row or column, fails authentication: a {@link
 * DecryptionException} naming the place, never the data. A key id the ring no longer holds is the
 * same exception. Keys and plaintexts never appear in {@code toString}, logs or messages; key bytes
 * are wiped from the arrays we own (the JDK's key objects keep their own copy, so a heap dump can
 * still find them: the limit of keys in a managed heap). Losing every KEK loses the data: back them
 * up apart from it.
 *
 * <p><b>Follow-ups.</b> <i>"Can you search an encrypted column?"</i> Not by its ciphertext (random
 * nonces make equal values differ); store a blind index beside it, an HMAC of the normalized value
 * under an HKDF sub-key, and look that up. <i>"Why not re-encrypt every row at rotation?"</i> A
 * million-row rewrite is a long transaction or a long inconsistent period; lazily, the work is
 * spread over reads and a throttled sweep, and the ring knows every row is readable meanwhile.
 */
@Task(id = "senior.operations.2", title = "Security module")
public final class SecurityModule {

  private final KeyRing ring;
  private final SecureRandom random;

  /** A data key: its key material, and the same wrapped under a KEK named by its key id. */
  public static final class DataKey {
    private final String keyId;
    private final byte[] wrapped;
    private final SecretKey key;

    private DataKey(String keyId, byte[] wrapped, SecretKey key) {
      this.keyId = keyId;
      this.wrapped = wrapped;
      this.key = key;
    }

    /** The id of the KEK the key is wrapped under. */
    public String keyId() {
      return keyId;
    }

    /** The wrapped key, as stored: {@code nonce ‖ encrypted key ‖ tag}. */
    public byte[] wrapped() {
      return wrapped.clone();
    }

    /** The key itself, for {@link AesGcm}. */
    SecretKey key() {
      return key;
    }

    @Override
    public String toString() {
      return "DataKey[keyId=" + keyId + ", key hidden]";
    }
  }

  /** A module wrapping data keys under {@code ring}'s keys, with randomness from {@code random}. */
  public SecurityModule(KeyRing ring, SecureRandom random) {
    this.ring = Objects.requireNonNull(ring, "ring");
    this.random = Objects.requireNonNull(random, "random");
  }

  /** The key ring, for rotation. */
  public KeyRing keyRing() {
    return ring;
  }

  /**
   * The KEK of {@code keyId} derived from a password: Argon2id gives a root key, HKDF the sub-key
   * labelled {@code kek/<keyId>}. The same inputs give the same key in every process.
   *
   * @throws IllegalArgumentException as {@link KeyDerivation#argon2id} does
   */
  public static SecretKey deriveKek(
      char[] password, byte[] salt, KeyDerivation.Argon2Cost cost, String keyId) {
    Objects.requireNonNull(keyId, "keyId");
    SecretKey root = KeyDerivation.argon2id(password, salt, cost);
    return KeyDerivation.hkdf(root, "kek/" + keyId);
  }

  /** A new random 256-bit AES key, for example a KEK kept in a key manager. */
  public static SecretKey randomKey(SecureRandom random) {
    Objects.requireNonNull(random, "random");
    try {
      KeyGenerator generator = KeyGenerator.getInstance("AES");
      generator.init(AesGcm.KEY_BYTES * 8, random);
      return generator.generateKey();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("AES is not available", e);
    }
  }

  /**
   * A new random data key for the record named {@code context}, wrapped under the primary KEK with
   * the context as associated data (so it unwraps for that record only).
   */
  public DataKey newDataKey(String context) {
    Objects.requireNonNull(context, "context");
    var primary = ring.primary();
    byte[] raw = new byte[AesGcm.KEY_BYTES];
    random.nextBytes(raw);
    try {
      byte[] wrapped =
          AesGcm.seal(primary.getValue(), raw, wrapAad(primary.getKey(), context), random);
      return new DataKey(primary.getKey(), wrapped, new SecretKeySpec(raw, "AES"));
    } finally {
      Arrays.fill(raw, (byte) 0);
    }
  }

  /**
   * Unwraps the data key of the record named {@code context}.
   *
   * @throws DecryptionException if the ring has no key {@code keyId}, or the wrapped key was
   *     altered or belongs to another record
   */
  public DataKey unwrap(String keyId, byte[] wrapped, String context) {
    Objects.requireNonNull(keyId, "keyId");
    Objects.requireNonNull(wrapped, "wrapped");
    Objects.requireNonNull(context, "context");
    SecretKey kek =
        ring.key(keyId)
            .orElseThrow(
                () ->
                    new DecryptionException(
                        context + ": key id " + KeyRing.safe(keyId) + " is not in the key ring"));
    byte[] raw = AesGcm.open(kek, wrapped, wrapAad(keyId, context), context + " data key");
    try {
      if (raw.length != AesGcm.KEY_BYTES) {
        throw new DecryptionException(context + ": data key has the wrong length");
      }
      return new DataKey(keyId, wrapped.clone(), new SecretKeySpec(raw, "AES"));
    } finally {
      Arrays.fill(raw, (byte) 0);
    }
  }

  /** Seals one value of a record under its data key, bound to {@code place}. */
  public byte[] seal(DataKey key, byte[] plaintext, String place) {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(place, "place");
    return AesGcm.seal(key.key(), plaintext, valueAad(key.keyId(), place), random);
  }

  /**
   * Opens one value sealed by {@link #seal} at the same {@code place}.
   *
   * @throws DecryptionException if it was altered, moved, or sealed under another data key
   */
  public byte[] open(DataKey key, byte[] sealed, String place) {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(place, "place");
    return AesGcm.open(key.key(), sealed, valueAad(key.keyId(), place), place);
  }

  private static byte[] wrapAad(String keyId, String context) {
    return ("dek\0" + keyId + "\0" + context).getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] valueAad(String keyId, String place) {
    return ("value\0" + keyId + "\0" + place).getBytes(StandardCharsets.UTF_8);
  }

  @Override
  public String toString() {
    return "SecurityModule[" + ring + "]";
  }
}
