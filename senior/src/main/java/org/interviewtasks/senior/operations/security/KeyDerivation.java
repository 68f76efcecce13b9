package org.interviewtasks.senior.operations.security;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.generators.HKDFBytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;
import org.bouncycastle.crypto.params.HKDFParameters;

/**
 * Keys from a password (Argon2id, RFC 9106) and sub-keys from a key (HKDF-SHA-256, RFC 5869), both
 * through Bouncy Castle.
 *
 * <p>Argon2id is slow and memory-hard on purpose, so guessing a password costs an attacker as much
 * memory per guess as it costs us once; its output is a root key never used directly. HKDF then
 * derives one independent key per purpose from the root (the {@code info} label, such as {@code
 * kek/2026-05}): learning one sub-key tells nothing about the root or the others.
 */
public final class KeyDerivation {

  /** The shortest salt accepted (RFC 9106 recommends 16 bytes). */
  public static final int MIN_SALT = 16;

  private KeyDerivation() {}

  /**
   * The cost of Argon2id.
   *
   * @param iterations passes over memory, 1 to 100
   * @param memoryKiB memory in KiB, at least 8 per lane, at most 4 GiB
   * @param parallelism lanes, 1 to 64
   */
  public record Argon2Cost(int iterations, int memoryKiB, int parallelism) {

    /** OWASP's baseline for Argon2id: 19 MiB, 2 iterations, 1 lane. */
    public static final Argon2Cost OWASP = new Argon2Cost(2, 19 * 1024, 1);

    /** Checks the ranges. */
    public Argon2Cost {
      if (iterations < 1 || iterations > 100) {
        throw new IllegalArgumentException("iterations must be in [1, 100]: " + iterations);
      }
      if (parallelism < 1 || parallelism > 64) {
        throw new IllegalArgumentException("parallelism must be in [1, 64]: " + parallelism);
      }
      if (memoryKiB < 8 * parallelism || memoryKiB > 4 * 1024 * 1024) {
        throw new IllegalArgumentException(
            "memoryKiB must be in [8 * parallelism, 4194304]: " + memoryKiB);
      }
    }
  }

  /**
   * A 256-bit root key from a password. The password's UTF-8 bytes are wiped after use; the caller
   * should wipe the {@code char[]}.
   *
   * @throws IllegalArgumentException if the password is empty or the salt shorter than {@link
   *     #MIN_SALT}
   */
  public static SecretKey argon2id(char[] password, byte[] salt, Argon2Cost cost) {
    Objects.requireNonNull(password, "password");
    Objects.requireNonNull(salt, "salt");
    Objects.requireNonNull(cost, "cost");
    if (password.length == 0) {
      throw new IllegalArgumentException("password must not be empty");
    }
    if (salt.length < MIN_SALT) {
      throw new IllegalArgumentException(
          "salt must be at least " + MIN_SALT + " bytes: " + salt.length);
    }
    ByteBuffer encoded = StandardCharsets.UTF_8.encode(CharBuffer.wrap(password));
    byte[] bytes = new byte[encoded.remaining()];
    encoded.get(bytes);
    encoded.clear();
    while (encoded.hasRemaining()) {
      encoded.put((byte) 0);
    }
    byte[] key = argon2id(bytes, salt, new byte[0], new byte[0], cost, AesGcm.KEY_BYTES);
    Arrays.fill(bytes, (byte) 0);
    try {
      return new SecretKeySpec(key, "AES");
    } finally {
      Arrays.fill(key, (byte) 0);
    }
  }

  /** Argon2id version 1.3 with every input of RFC 9106 (secret and associated data too). */
  static byte[] argon2id(
      byte[] password, byte[] salt, byte[] secret, byte[] ad, Argon2Cost cost, int length) {
    Argon2Parameters parameters =
        new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
            .withVersion(Argon2Parameters.ARGON2_VERSION_13)
            .withIterations(cost.iterations())
            .withMemoryAsKB(cost.memoryKiB())
            .withParallelism(cost.parallelism())
            .withSalt(salt)
            .withSecret(secret)
            .withAdditional(ad)
            .build();
    Argon2BytesGenerator generator = new Argon2BytesGenerator();
    generator.init(parameters);
    byte[] out = new byte[length];
    generator.generateBytes(password, out);
    return out;
  }

  /**
   * A 256-bit AES sub-key of {@code root} for the purpose {@code info}.
   *
   * @throws IllegalArgumentException if info is empty or the root is not a 256-bit AES key
   */
  public static SecretKey hkdf(SecretKey root, String info) {
    Objects.requireNonNull(info, "info");
    AesGcm.checkKey(root);
    if (info.isEmpty()) {
      throw new IllegalArgumentException("info must not be empty");
    }
    byte[] ikm = root.getEncoded();
    byte[] key = hkdf(ikm, new byte[0], info.getBytes(StandardCharsets.UTF_8), AesGcm.KEY_BYTES);
    Arrays.fill(ikm, (byte) 0);
    try {
      return new SecretKeySpec(key, "AES");
    } finally {
      Arrays.fill(key, (byte) 0);
    }
  }

  /** HKDF-SHA-256 (extract then expand) of RFC 5869, {@code length} bytes. */
  static byte[] hkdf(byte[] ikm, byte[] salt, byte[] info, int length) {
    HKDFBytesGenerator generator = new HKDFBytesGenerator(new SHA256Digest());
    generator.init(new HKDFParameters(ikm, salt, info));
    byte[] out = new byte[length];
    generator.generateBytes(out, 0, length);
    return out;
  }
}
