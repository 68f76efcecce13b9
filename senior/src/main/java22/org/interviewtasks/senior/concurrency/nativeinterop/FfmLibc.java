package org.interviewtasks.senior.concurrency.nativeinterop;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.Objects;
import java.util.function.IntBinaryOperator;

/**
 * libc through the Foreign Function &amp; Memory API (JDK 22+). The method handles are {@code
 * static final}, so the JIT treats them as constants and compiles each call into a direct one.
 *
 * <p>Calls to restricted methods ({@code downcallHandle}, {@code upcallStub}) are what this class
 * is for, so javac's "restricted" lint is suppressed here; at run time the JVM needs {@code
 * --enable-native-access=ALL-UNNAMED} to allow them without a warning.
 */
@SuppressWarnings("restricted") // calling C is the purpose of this class; see the class comment
final class FfmLibc implements NativeInterop.Libc {

  private static final Linker LINKER = Linker.nativeLinker();

  private static final MethodHandle STRLEN =
      LINKER.downcallHandle(
          LINKER.defaultLookup().find("strlen").orElseThrow(),
          FunctionDescriptor.of(JAVA_LONG, ADDRESS));

  private static final MethodHandle QSORT =
      LINKER.downcallHandle(
          LINKER.defaultLookup().find("qsort").orElseThrow(),
          FunctionDescriptor.ofVoid(ADDRESS, JAVA_LONG, JAVA_LONG, ADDRESS));

  /** {@code int (*)(const void *, const void *)}, each pointer to one {@code int}. */
  private static final FunctionDescriptor COMPARE =
      FunctionDescriptor.of(
          JAVA_INT, ADDRESS.withTargetLayout(JAVA_INT), ADDRESS.withTargetLayout(JAVA_INT));

  private static final MethodHandle COMPARE_TARGET;

  static {
    try {
      COMPARE_TARGET =
          MethodHandles.lookup()
              .findStatic(
                  FfmLibc.class,
                  "compare",
                  MethodType.methodType(
                      int.class, UpcallGuard.class, MemorySegment.class, MemorySegment.class));
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  FfmLibc() {
    if (!JAVA_LONG.equals(LINKER.canonicalLayouts().get("size_t"))) {
      throw new UnsupportedOperationException(
          "size_t is " + LINKER.canonicalLayouts().get("size_t") + " here; this binding needs 8");
    }
  }

  @Override
  public NativeInterop.Mechanism mechanism() {
    return NativeInterop.Mechanism.FFM;
  }

  @Override
  public long strlen(String text) {
    NativeInterop.requireCString(text);
    try (Arena arena = Arena.ofConfined()) {
      MemorySegment string = arena.allocateFrom(text); // UTF-8, NUL-terminated
      return (long) STRLEN.invokeExact(string);
    } catch (Throwable t) {
      throw FfmSupport.unchecked(t);
    }
  }

  @Override
  public void qsort(int[] values, IntBinaryOperator comparator) {
    Objects.requireNonNull(values, "values");
    UpcallGuard guard = new UpcallGuard(comparator);
    if (values.length < 2) {
      return;
    }
    try (Arena arena = Arena.ofConfined()) {
      MemorySegment array = arena.allocateFrom(JAVA_INT, values);
      MemorySegment stub = LINKER.upcallStub(COMPARE_TARGET.bindTo(guard), COMPARE, arena);
      QSORT.invokeExact(array, (long) values.length, (long) Integer.BYTES, stub);
      guard.rethrowIfFailed();
      MemorySegment.copy(array, JAVA_INT, 0, values, 0, values.length);
    } catch (Throwable t) {
      throw FfmSupport.unchecked(t);
    }
  }

  /**
   * The upcall, found by {@code MethodHandles.lookup()} above (package-private, not private, so
   * that the lookup is visibly a use). Never throws: an exception escaping into C ends the JVM.
   */
  static int compare(UpcallGuard guard, MemorySegment a, MemorySegment b) {
    return guard.compare(a.get(JAVA_INT, 0), b.get(JAVA_INT, 0));
  }
}
