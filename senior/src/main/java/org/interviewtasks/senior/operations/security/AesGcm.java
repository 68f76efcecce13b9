package org.interviewtasks.senior.operations.security;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Objects;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;

/**
 * AES-256-GCM (NIST SP 800-38D) through the JDK's provider: authenticated encryption with
 * associated data, a fresh random 96-bit nonce per message, a 128-bit tag.
 *
 * <p>A sealed message is {@code nonce (12) ‖ ciphertext ‖ tag (16)}: 28 bytes over the plaintext.
 * The associated data is authenticated, not stored: the reader must supply the same bytes (here the
 * table, row and column a value belongs to), so a ciphertext copied elsewhere fails.
 *
 * <p>Random nonces are safe for up to about 2³² messages under one key (the birthday bound of a
 * 96-bit nonce at a 2⁻³² collision risk, NIST's limit); a repeated nonce under one key reveals the
 * XOR of two plaintexts and lets the tag be forged. Envelope encryption (a new data key per row)
 * keeps every key far below that.
 */
public final class AesGcm {

  /** Key length: AES-256. */
  public static final int KEY_BYTES = 32;

  /** Nonce length: the 96 bits GCM is designed for. */
  public static final int NONCE_BYTES = 12;

  /** Tag length: the full 128 bits. */
  public static final int TAG_BYTES = 16;

  /** The bytes a sealed message adds to its plaintext. */
  public static final int OVERHEAD = NONCE_BYTES + TAG_BYTES;

  private static final String TRANSFORMATION = "AES/GCM/NoPadding";

  private AesGcm() {}

  /**
   * Encrypts under a new random nonce.
   *
   * @return {@code nonce ‖ ciphertext ‖ tag}
   * @throws IllegalArgumentException if the key is not a 256-bit AES key
   */
  public static byte[] seal(SecretKey key, byte[] plaintext, byte[] aad, SecureRandom random) {
    Objects.requireNonNull(plaintext, "plaintext");
    Objects.requireNonNull(aad, "aad");
    Objects.requireNonNull(random, "random");
    checkKey(key);
    byte[] nonce = new byte[NONCE_BYTES];
    random.nextBytes(nonce);
    byte[] body = encrypt(key, nonce, plaintext, aad);
    return ByteBuffer.allocate(NONCE_BYTES + body.length).put(nonce).put(body).array();
  }

  /**
   * Decrypts and authenticates a sealed message.
   *
   * @param where names the value in an error message (for example {@code users row 7 email})
   * @throws DecryptionException if the message is too short, or its nonce, ciphertext, tag or the
   *     associated data differ from what was sealed, or the key is another
   * @throws IllegalArgumentException if the key is not a 256-bit AES key
   */
  public static byte[] open(SecretKey key, byte[] sealed, byte[] aad, String where) {
    Objects.requireNonNull(sealed, "sealed");
    Objects.requireNonNull(aad, "aad");
    Objects.requireNonNull(where, "where");
    checkKey(key);
    if (sealed.length < OVERHEAD) {
      throw new DecryptionException(
          where + ": sealed value is " + sealed.length + " bytes, less than " + OVERHEAD);
    }
    try {
      Cipher cipher = Cipher.getInstance(TRANSFORMATION);
      cipher.init(
          Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BYTES * 8, sealed, 0, NONCE_BYTES));
      cipher.updateAAD(aad);
      return cipher.doFinal(sealed, NONCE_BYTES, sealed.length - NONCE_BYTES);
    } catch (AEADBadTagException e) {
      throw new DecryptionException(
          where + ": authentication failed (altered, moved, or under another key)");
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM is not available: " + e.getClass().getName());
    }
  }

  /**
   * Encrypts under the given nonce: {@code ciphertext ‖ tag}. Only for known-answer tests: a nonce
   * must never be used twice with one key, which only a random nonce ensures here.
   */
  static byte[] encrypt(SecretKey key, byte[] nonce, byte[] plaintext, byte[] aad) {
    try {
      Cipher cipher = Cipher.getInstance(TRANSFORMATION);
      cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BYTES * 8, nonce));
      cipher.updateAAD(aad);
      return cipher.doFinal(plaintext);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM is not available: " + e.getClass().getName());
    }
  }

  /** Checks that {@code key} is an AES key of {@link #KEY_BYTES}, without naming its bytes. */
  static void checkKey(SecretKey key) {
    Objects.requireNonNull(key, "key");
    byte[] encoded = key.getEncoded();
    if (!"AES".equals(key.getAlgorithm()) || encoded == null || encoded.length != KEY_BYTES) {
      throw new IllegalArgumentException(
          "key must be a 256-bit AES key: "
              + key.getAlgorithm()
              + ", "
              + (encoded == null ? 0 : encoded.length * 8)
              + " bits");
    }
    Arrays.fill(encoded, (byte) 0);
  }
}
