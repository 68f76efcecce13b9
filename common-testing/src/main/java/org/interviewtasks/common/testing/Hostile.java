package org.interviewtasks.common.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Duration;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.DoubleStream;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.opentest4j.AssertionFailedError;

/**
 * Hostile input for the tests of every level, and one verdict on what a public method did with it.
 *
 * <p>The argument sources hold the values that break code written for the happy path: sizes at the
 * ends of {@code int}, non-finite doubles, unpaired surrogates, control characters, a megabyte of
 * text, numbers that overflow their type, an endless device. {@link #assertHandled} runs a call on
 * a thread of its own and accepts exactly two outcomes: an answer (which the test then checks), or
 * an exception a caller can act on: {@link IllegalArgumentException}, {@link
 * IllegalStateException}, {@link NullPointerException}, {@link NoSuchElementException}, {@link
 * UnsupportedOperationException}, {@link ArithmeticException}, {@link DateTimeException} or an I/O
 * exception, with a message of its own. It fails on everything else: a call that runs past its time
 * or allocates past its bytes (interrupted, and reported as a hang or a memory blow-up before it
 * takes the JVM down), an {@link Error} such as {@link OutOfMemoryError} or {@link
 * StackOverflowError}, an exception that says nothing ({@code null}, blank, or the JDK's own {@code
 * "long overflow"}) and the ones that mean the input reached code that never checked it ({@link
 * NegativeArraySizeException}, {@link ClassCastException}, an {@link IndexOutOfBoundsException}
 * with the JDK's own message). An exception class of the project's own, with a message, is named.
 */
public final class Hostile {

  /** Messages the JDK gives on its own: they name no argument. */
  private static final Set<String> JDK_MESSAGES =
      Set.of("long overflow", "integer overflow", "/ by zero", "BigInteger would overflow");

  /** Exceptions of the project's own (a task's {@code InvalidAgeException}, say) are named. */
  private static final String PROJECT = "org.interviewtasks.";

  /**
   * What the JDK says when an index reached an array or {@code Objects.checkIndex} unchecked; an
   * {@link IndexOutOfBoundsException} with a message of the project's is an answer.
   */
  private static final Pattern JDK_INDEX_MESSAGE =
      Pattern.compile(
          "^(Index -?\\d+ out of bounds for length|Range \\[|Array index out of range)");

  /** Exceptions a caller can act on, when they carry a message of their own. */
  private static final Set<Class<? extends Throwable>> NAMED =
      Set.of(
          IllegalArgumentException.class,
          IllegalStateException.class,
          NullPointerException.class,
          NoSuchElementException.class,
          UnsupportedOperationException.class,
          ArithmeticException.class,
          DateTimeException.class,
          IOException.class,
          UncheckedIOException.class);

  private Hostile() {}

  /** Sizes and indices at and beyond the ends of {@code int}. */
  public static IntStream ints() {
    return IntStream.of(Integer.MIN_VALUE, -2, -1, 0, Integer.MAX_VALUE - 1, Integer.MAX_VALUE);
  }

  /** Values at and beyond the ends of {@code long}. */
  public static LongStream longs() {
    return LongStream.of(Long.MIN_VALUE, -1, 0, Long.MAX_VALUE - 1, Long.MAX_VALUE);
  }

  /** Doubles that are not ordinary numbers, and the extremes of the ordinary ones. */
  public static DoubleStream doubles() {
    return DoubleStream.of(
        Double.NaN,
        Double.POSITIVE_INFINITY,
        Double.NEGATIVE_INFINITY,
        -0.0,
        Double.MIN_VALUE,
        Double.MAX_VALUE,
        -Double.MAX_VALUE);
  }

  /**
   * Text that code written for ASCII words gets wrong: empty and blank, a NUL and other controls,
   * unpaired surrogates (which UTF-8 cannot encode), a pair across the last code point, an emoji
   * with a joiner, right-to-left text, a megabyte of one letter, and numbers that do not fit.
   */
  public static Stream<String> strings() {
    return Stream.of(
        "",
        " ",
        "\t\n\r",
        "\u0000",
        "\u001B[2J",
        "\uD800",
        "a\uDC00b",
        "\uDBFF\uDFFF",
        "👩‍💻",
        "שלום",
        "x".repeat(1 << 20),
        "-1",
        "2147483648",
        "-9223372036854775809",
        "1e309",
        "NaN",
        "/dev/zero");
  }

  /**
   * What a call did.
   *
   * @param value the answer, if it returned one (empty also for a null answer)
   * @param failure the exception it threw, if it threw
   */
  public record Outcome(Optional<Object> value, Optional<Throwable> failure) {

    /** Whether the call threw. */
    public boolean threw() {
      return failure.isPresent();
    }
  }

  /**
   * Runs {@code call} and fails unless it answers or throws a named exception (see the class
   * comment) within {@code time}, allocating at most {@code bytes} on its thread.
   *
   * @param what names the call in a failure, e.g. {@code "Factorial.iterative(2147483647)"}
   * @return what the call did, for the test to check further
   * @throws AssertionFailedError if the call hung, blew up, or threw an unnamed exception
   */
  public static Outcome assertHandled(String what, Duration time, long bytes, Callable<?> call) {
    Objects.requireNonNull(what, "what");
    Objects.requireNonNull(time, "time");
    Objects.requireNonNull(call, "call");
    AtomicReference<Object> value = new AtomicReference<>();
    AtomicReference<Throwable> failure = new AtomicReference<>();
    CountDownLatch done = new CountDownLatch(1);
    Thread worker =
        Thread.ofPlatform()
            .daemon()
            .name("hostile " + abbreviate(what))
            .unstarted(
                () -> {
                  try {
                    value.set(call.call());
                  } catch (Throwable t) { // an Error is a verdict here, not a crash
                    failure.set(t);
                  } finally {
                    done.countDown();
                  }
                });
    worker.start();
    long deadline = System.nanoTime() + time.toNanos();
    try {
      while (!done.await(10, TimeUnit.MILLISECONDS)) {
        long allocated = allocatedBytes(worker);
        if (allocated > bytes) {
          worker.interrupt();
          throw new AssertionFailedError(
              what
                  + " allocated more than "
                  + bytes
                  + " bytes ("
                  + allocated
                  + ") and was stopped");
        }
        if (System.nanoTime() > deadline) {
          worker.interrupt();
          throw new AssertionFailedError(what + " did not finish within " + time);
        }
      }
    } catch (InterruptedException e) {
      worker.interrupt();
      Thread.currentThread().interrupt();
      throw new AssertionFailedError("interrupted while waiting for " + what, e);
    }
    Throwable thrown = failure.get();
    if (thrown == null) {
      return new Outcome(Optional.ofNullable(value.get()), Optional.empty());
    }
    Optional<String> defect = defectOf(thrown);
    if (defect.isPresent()) {
      throw new AssertionFailedError(what + " " + defect.get(), thrown);
    }
    return new Outcome(Optional.empty(), Optional.of(thrown));
  }

  /** Why a thrown exception is not an acceptable answer to bad input, or empty if it is one. */
  static Optional<String> defectOf(Throwable thrown) {
    if (thrown instanceof Error) {
      return Optional.of("failed with " + thrown);
    }
    boolean named =
        NAMED.stream().anyMatch(type -> type.isInstance(thrown))
            || thrown.getClass().getName().startsWith(PROJECT)
            || (thrown instanceof IndexOutOfBoundsException
                && !JDK_INDEX_MESSAGE.matcher(String.valueOf(thrown.getMessage())).find());
    if (!named) {
      return Optional.of("threw an exception no caller can act on: " + thrown);
    }
    String message = thrown.getMessage();
    if (message == null || message.isBlank() || JDK_MESSAGES.contains(message)) {
      return Optional.of("threw " + thrown.getClass().getName() + " without a message of its own");
    }
    return Optional.empty();
  }

  /**
   * Fails if a call replaced or deleted {@code /dev/zero} or {@code /dev/null} (where they exist):
   * tests that hand a device to code that writes must find out at once, not on the next machine.
   *
   * @throws AssertionFailedError naming the call and the device
   */
  public static void assertDevicesIntact(String what) {
    for (String device : new String[] {"/dev/zero", "/dev/null"}) {
      Path path = Path.of(device);
      if (DEVICES_PRESENT.contains(device) && (!Files.exists(path) || Files.isRegularFile(path))) {
        throw new AssertionFailedError(what + " replaced or deleted the device " + device);
      }
    }
  }

  private static final Set<String> DEVICES_PRESENT =
      Stream.of("/dev/zero", "/dev/null")
          .filter(d -> Files.exists(Path.of(d)))
          .filter(d -> !Files.isRegularFile(Path.of(d)))
          .collect(Collectors.toUnmodifiableSet());

  private static long allocatedBytes(Thread thread) {
    if (ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean hotspot
        && hotspot.isThreadAllocatedMemorySupported()) {
      long bytes = hotspot.getThreadAllocatedBytes(thread.threadId());
      return Math.max(bytes, 0);
    }
    return 0;
  }

  private static String abbreviate(String text) {
    return text.length() <= 60 ? text : text.substring(0, 60) + "…";
  }
}
