package org.interviewtasks.senior.concurrency.nativeinterop;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_DOUBLE;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.invoke.MethodHandle;
import java.nio.file.Path;

/**
 * Our {@code interop.c} through the FFM API (JDK 22+). The library is loaded into a shared arena:
 * {@link #close()} closes it, which unloads the library, and FFM itself then refuses every call
 * (the symbols belong to the closed arena) besides our own check. Closing while another thread is
 * inside a call fails with {@link IllegalStateException}: the arena is in use.
 *
 * <p>{@code interop_dot} is linked with {@code Linker.Option.critical(true)}: C reads the Java
 * arrays in place (no copy), which is allowed because the call is short, blocks on nothing and
 * calls no Java back.
 */
@SuppressWarnings("restricted") // loading and calling C is the purpose of this class
final class FfmOwnLibrary implements NativeInterop.OwnLibrary {

  private static final Linker LINKER = Linker.nativeLinker();

  private final Path path;
  private final Arena arena;
  private final MethodHandle noop;
  private final MethodHandle add;
  private final MethodHandle dot;
  private final MethodHandle codePoints;
  private final MethodHandle version;
  private volatile boolean closed;

  // The arena outlives the constructor on purpose: this object owns it and close() closes it (and
  // the constructor closes it itself if linking fails).
  @SuppressWarnings("MustBeClosedChecker")
  FfmOwnLibrary(Path path) {
    this.path = path;
    this.arena = Arena.ofShared();
    try {
      SymbolLookup lookup;
      try {
        lookup = SymbolLookup.libraryLookup(path, arena);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("cannot load " + path + ": " + e.getMessage(), e);
      }
      noop = LINKER.downcallHandle(find(lookup, "interop_noop"), FunctionDescriptor.ofVoid());
      add =
          LINKER.downcallHandle(
              find(lookup, "interop_add"), FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT));
      dot =
          LINKER.downcallHandle(
              find(lookup, "interop_dot"),
              FunctionDescriptor.of(JAVA_DOUBLE, ADDRESS, ADDRESS, JAVA_LONG),
              Linker.Option.critical(true));
      codePoints =
          LINKER.downcallHandle(
              find(lookup, "interop_code_points"), FunctionDescriptor.of(JAVA_LONG, ADDRESS));
      version =
          LINKER.downcallHandle(find(lookup, "interop_version"), FunctionDescriptor.of(ADDRESS));
    } catch (RuntimeException e) {
      arena.close();
      throw e;
    }
  }

  private MemorySegment find(SymbolLookup lookup, String name) {
    return lookup
        .find(name)
        .orElseThrow(() -> new IllegalArgumentException(path + " has no symbol " + name));
  }

  @Override
  public NativeInterop.Mechanism mechanism() {
    return NativeInterop.Mechanism.FFM;
  }

  @Override
  public void noop() {
    checkOpen();
    try {
      noop.invokeExact();
    } catch (Throwable t) {
      throw FfmSupport.unchecked(t);
    }
  }

  @Override
  public int add(int a, int b) {
    checkOpen();
    try {
      return (int) add.invokeExact(a, b);
    } catch (Throwable t) {
      throw FfmSupport.unchecked(t);
    }
  }

  @Override
  public double dot(double[] a, double[] b) {
    NativeInterop.checkSameLength(a, b);
    checkOpen();
    try {
      return (double)
          dot.invokeExact(MemorySegment.ofArray(a), MemorySegment.ofArray(b), (long) a.length);
    } catch (Throwable t) {
      throw FfmSupport.unchecked(t);
    }
  }

  @Override
  public long codePoints(String text) {
    NativeInterop.requireCString(text);
    checkOpen();
    try (Arena call = Arena.ofConfined()) {
      return (long) codePoints.invokeExact(call.allocateFrom(text));
    } catch (Throwable t) {
      throw FfmSupport.unchecked(t);
    }
  }

  @Override
  public String version() {
    checkOpen();
    try {
      MemorySegment pointer = (MemorySegment) version.invokeExact();
      // A returned pointer has size 0: C does not say how long the string is, so the segment is
      // widened (restricted) and read up to the NUL.
      return pointer.reinterpret(Long.MAX_VALUE).getString(0);
    } catch (Throwable t) {
      throw FfmSupport.unchecked(t);
    }
  }

  @Override
  public synchronized void close() {
    if (!closed) {
      arena.close(); // throws, and the binding stays open, while another thread is in a call
      closed = true;
    }
  }

  private void checkOpen() {
    if (closed) {
      throw new IllegalStateException("the FFM binding of " + path + " is closed");
    }
  }
}
