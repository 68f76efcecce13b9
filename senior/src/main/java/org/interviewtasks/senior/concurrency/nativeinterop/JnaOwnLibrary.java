package org.interviewtasks.senior.concurrency.nativeinterop;

import com.sun.jna.Library;
import com.sun.jna.Native;
import java.nio.file.Path;
import java.util.Map;

/**
 * Our {@code interop.c} through JNA. JNA caches a loaded library per JVM and keeps it loaded until
 * the JVM exits (another binding of the same file shares it), so {@link #close()} only forbids
 * further calls through this binding.
 */
final class JnaOwnLibrary implements NativeInterop.OwnLibrary {

  /** The C declarations of {@code interop.c}; {@code size_t} as {@code long} (8 bytes). */
  interface Interop extends Library {
    void interop_noop();

    int interop_add(int a, int b);

    double interop_dot(double[] a, double[] b, long n);

    long interop_code_points(String text);

    String interop_version();
  }

  private final Interop library;
  private final Path path;
  private volatile boolean closed;

  JnaOwnLibrary(Path path) {
    if (Native.SIZE_T_SIZE != Long.BYTES) {
      throw new UnsupportedOperationException(
          "size_t is " + Native.SIZE_T_SIZE + " bytes here; this binding needs 8");
    }
    this.path = path;
    try {
      this.library =
          Native.load(
              path.toString(), Interop.class, Map.of(Library.OPTION_STRING_ENCODING, "UTF-8"));
    } catch (UnsatisfiedLinkError e) {
      throw new IllegalArgumentException("cannot load " + path + ": " + e.getMessage(), e);
    }
  }

  @Override
  public NativeInterop.Mechanism mechanism() {
    return NativeInterop.Mechanism.JNA;
  }

  @Override
  public void noop() {
    checkOpen();
    library.interop_noop();
  }

  @Override
  public int add(int a, int b) {
    checkOpen();
    return library.interop_add(a, b);
  }

  @Override
  public double dot(double[] a, double[] b) {
    NativeInterop.checkSameLength(a, b);
    checkOpen();
    // JNA copies each array to native memory and back around the call.
    return library.interop_dot(a, b, a.length);
  }

  @Override
  public long codePoints(String text) {
    NativeInterop.requireCString(text);
    checkOpen();
    return library.interop_code_points(text);
  }

  @Override
  public String version() {
    checkOpen();
    return library.interop_version();
  }

  @Override
  public void close() {
    closed = true;
  }

  private void checkOpen() {
    if (closed) {
      throw new IllegalStateException("the JNA binding of " + path + " is closed");
    }
  }
}
