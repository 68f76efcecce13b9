package org.interviewtasks.senior.concurrency.nativeinterop;

import com.sun.jna.Callback;
import com.sun.jna.Library;
import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.Platform;
import com.sun.jna.Pointer;
import java.lang.ref.Reference;
import java.util.Map;
import java.util.Objects;
import java.util.function.IntBinaryOperator;

/** libc through JNA: an interface that mirrors the C declarations, loaded once per JVM. */
final class JnaLibc implements NativeInterop.Libc {

  /** The C declarations, with {@code size_t} as {@code long}: checked to be 8 bytes below. */
  interface CLibrary extends Library {
    long strlen(String text);

    void qsort(Pointer base, long count, long size, Compare compare);
  }

  /** {@code int (*)(const void *, const void *)}, the comparator {@code qsort} calls. */
  interface Compare extends Callback {
    int invoke(Pointer a, Pointer b);
  }

  private static final class Holder {
    static final CLibrary C =
        Native.load(
            Platform.C_LIBRARY_NAME,
            CLibrary.class,
            Map.of(Library.OPTION_STRING_ENCODING, "UTF-8"));
  }

  JnaLibc() {
    if (Native.SIZE_T_SIZE != Long.BYTES) {
      throw new UnsupportedOperationException(
          "size_t is " + Native.SIZE_T_SIZE + " bytes here; this binding needs 8");
    }
  }

  @Override
  public NativeInterop.Mechanism mechanism() {
    return NativeInterop.Mechanism.JNA;
  }

  @Override
  public long strlen(String text) {
    NativeInterop.requireCString(text);
    return Holder.C.strlen(text);
  }

  @Override
  public void qsort(int[] values, IntBinaryOperator comparator) {
    Objects.requireNonNull(values, "values");
    UpcallGuard guard = new UpcallGuard(comparator);
    if (values.length < 2) {
      return;
    }
    long bytes = (long) values.length * Integer.BYTES;
    try (Memory memory = new Memory(bytes)) {
      memory.write(0, values, 0, values.length);
      Compare compare = (a, b) -> guard.compare(a.getInt(0), b.getInt(0));
      try {
        Holder.C.qsort(memory, values.length, Integer.BYTES, compare);
      } finally {
        // The callback must stay reachable until qsort returns, or JNA may free its stub.
        Reference.reachabilityFence(compare);
      }
      guard.rethrowIfFailed();
      memory.read(0, values, 0, values.length);
    }
  }
}
