package org.interviewtasks.senior.concurrency.nativeinterop;

/** What the FFM bindings share. */
final class FfmSupport {

  private FfmSupport() {}

  /**
   * {@code MethodHandle.invokeExact} declares {@code Throwable}; a downcall only throws unchecked
   * exceptions (a closed arena, a wrong argument), which pass through as they are.
   */
  static RuntimeException unchecked(Throwable t) {
    return switch (t) {
      case RuntimeException e -> e;
      case Error e -> throw e;
      default -> new IllegalStateException("native call failed", t);
    };
  }
}
