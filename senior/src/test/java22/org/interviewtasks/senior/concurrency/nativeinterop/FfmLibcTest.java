package org.interviewtasks.senior.concurrency.nativeinterop;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_LONG;
import static org.assertj.core.api.Assertions.assertThat;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;
import org.junit.jupiter.api.Test;

/**
 * Compiled and run only on JDK 22+ (senior's {@code ffm} profile, like the class it tests): checks
 * the FFM binding against a downcall written here by hand, and that NativeInterop picks it.
 */
@SuppressWarnings("restricted") // the test links strlen itself, as the binding does
class FfmLibcTest {

  @Test
  void nativeInteropHandsOutTheFfmBinding() {
    assertThat(NativeInterop.libc(NativeInterop.Mechanism.FFM)).isInstanceOf(FfmLibc.class);
  }

  @Test
  void agreesWithAHandWrittenDowncallOnTheSameBytes() throws Throwable {
    Linker linker = Linker.nativeLinker();
    MethodHandle strlen =
        linker.downcallHandle(
            linker.defaultLookup().find("strlen").orElseThrow(),
            FunctionDescriptor.of(JAVA_LONG, ADDRESS));
    String text = "Grüße, 世界 🌍";
    try (Arena arena = Arena.ofConfined()) {
      MemorySegment string = arena.allocateFrom(text);
      assertThat(string.getString(0)).isEqualTo(text);
      assertThat((long) strlen.invokeExact(string)).isEqualTo(new FfmLibc().strlen(text));
    }
  }
}
