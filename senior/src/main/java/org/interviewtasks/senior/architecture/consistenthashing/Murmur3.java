package org.interviewtasks.senior.architecture.consistenthashing;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * MurmurHash3 x64 128-bit (seed 0), first 64 bits: the same value as Guava's {@code
 * Hashing.murmur3_128().hashBytes(bytes).asLong()}, without a dependency or an allocation per call.
 *
 * <p>Why this hash: ring positions need a fast function whose bits are uniformly spread (so vnodes
 * land evenly) and that never changes between JVMs or releases (so every client computes the same
 * ring). {@link String#hashCode()} fails both: 32 bits, poorly mixed, and only specified for
 * strings.
 */
final class Murmur3 {

  private static final long C1 = 0x87c37b91114253d5L;
  private static final long C2 = 0x4cf5ad432745937fL;
  private static final VarHandle LONG_LE =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

  private Murmur3() {}

  /** The first 64 bits of MurmurHash3_x64_128 of {@code data} with seed 0. */
  static long hash64(byte[] data) {
    int length = data.length;
    int blocks = length / 16;
    long h1 = 0;
    long h2 = 0;
    for (int i = 0; i < blocks; i++) {
      long k1 = (long) LONG_LE.get(data, i * 16);
      long k2 = (long) LONG_LE.get(data, i * 16 + 8);
      h1 ^= mixK1(k1);
      h1 = Long.rotateLeft(h1, 27) + h2;
      h1 = h1 * 5 + 0x52dce729;
      h2 ^= mixK2(k2);
      h2 = Long.rotateLeft(h2, 31) + h1;
      h2 = h2 * 5 + 0x38495ab5;
    }
    int tail = blocks * 16;
    int remaining = length - tail;
    long k1 = 0;
    long k2 = 0;
    for (int i = remaining - 1; i >= 8; i--) {
      k2 ^= (data[tail + i] & 0xffL) << ((i - 8) * 8);
    }
    for (int i = Math.min(remaining, 8) - 1; i >= 0; i--) {
      k1 ^= (data[tail + i] & 0xffL) << (i * 8);
    }
    if (remaining > 8) {
      h2 ^= mixK2(k2);
    }
    if (remaining > 0) {
      h1 ^= mixK1(k1);
    }
    h1 ^= length;
    h2 ^= length;
    h1 += h2;
    h2 += h1;
    h1 = fmix64(h1);
    h2 = fmix64(h2);
    return h1 + h2;
  }

  private static long mixK1(long k1) {
    return Long.rotateLeft(k1 * C1, 31) * C2;
  }

  private static long mixK2(long k2) {
    return Long.rotateLeft(k2 * C2, 33) * C1;
  }

  private static long fmix64(long k) {
    k ^= k >>> 33;
    k *= 0xff51afd7ed558ccdL;
    k ^= k >>> 33;
    k *= 0xc4ceb9fe1a85ec53L;
    k ^= k >>> 33;
    return k;
  }
}
