package org.interviewtasks.senior.concurrency.nativeinterop;

import java.util.Objects;
import java.util.function.IntBinaryOperator;

/**
 * Runs a Java comparator called back from C without letting an exception cross into C: an FFM
 * upcall that throws terminates the JVM, and JNA only hands the exception to an uncaught-exception
 * handler. The first failure is kept, every later comparison returns 0 at once (so {@code qsort}
 * finishes quickly), and {@link #rethrowIfFailed()} throws it in Java once C has returned. One
 * guard serves one call on one thread.
 */
final class UpcallGuard {

  private final IntBinaryOperator comparator;
  private Throwable failure;

  UpcallGuard(IntBinaryOperator comparator) {
    this.comparator = Objects.requireNonNull(comparator, "comparator");
  }

  /** The comparator's answer, or 0 once any comparison has failed. Never throws. */
  int compare(int a, int b) {
    if (failure != null) {
      return 0;
    }
    try {
      return comparator.applyAsInt(a, b);
    } catch (Throwable t) { // every Throwable: none may unwind into C
      failure = t;
      return 0;
    }
  }

  /** Whether a comparison failed. */
  boolean failed() {
    return failure != null;
  }

  /** Throws the comparator's failure, unchecked as it was thrown, if there was one. */
  void rethrowIfFailed() {
    switch (failure) {
      case null -> {}
      case RuntimeException e -> throw e;
      case Error e -> throw e;
      default -> throw new IllegalStateException("the comparator failed", failure);
    }
  }
}
