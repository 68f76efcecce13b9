package org.interviewtasks.senior.concurrency.nativeinterop;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.IntBinaryOperator;
import org.interviewtasks.common.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Calling C from Java the two ways a user has today: JNA, the analogue of Python's {@code cffi},
 * and the Foreign Function &amp; Memory API (FFM, {@code java.lang.foreign}), final since JDK 22.
 * Both call the same functions: two from libc ({@code strlen}, and {@code qsort} with a Java
 * comparator called back from C) and five from a small C library of our own ({@code interop.c},
 * compiled by {@link #compileOwnLibrary} with the {@code cc} on the PATH).
 *
 * <p><b>Approach.</b> {@link Libc} and {@link OwnLibrary} are the functions as Java sees them; each
 * {@link Mechanism} implements them. JNA builds a proxy from an interface that mirrors the C
 * declarations and converts arguments by reflection on every call: no glue code, but a few hundred
 * nanoseconds per call. FFM describes each function once ({@code FunctionDescriptor}), gets a
 * {@code MethodHandle} from the {@code Linker} that the JIT compiles into a direct call, and hands
 * C memory that Java allocates in an {@code Arena}, freed when the arena closes: a few nanoseconds
 * per call, less with {@code Linker.Option.critical}, which also lets C read a Java array in place.
 *
 * <p><b>Building for JDK 21 and 22+.</b> The project's release is 21, where FFM is still a preview.
 * The FFM classes live in {@code src/main/java22} (and their own tests in {@code src/test/java22});
 * senior's Maven profile {@code ffm}, activated on a JDK 22 or newer, compiles them with {@code
 * --release 22} into the ordinary output folders. This class never names them: {@link #libc} and
 * {@link #ownLibrary} load them by name, after checking {@link Runtime#version()}. On JDK 21 the
 * profile is inactive, the classes do not exist, and {@link #ffmAvailable()} is false (the tests
 * say why they skip). A multi-release jar ({@code META-INF/versions/22}) was the alternative; it
 * was not chosen because only a jar honours that folder: Surefire, JMH and an IDE run from the
 * class folders, where the FFM classes would be invisible. The price of the choice: a jar built on
 * JDK 22+ carries class files of version 66 beside the rest, which JDK 21 never loads.
 *
 * <p><b>Where native code pays, and where it does not.</b> An empty call costs nothing in Java (it
 * is inlined); kept out of line, a Java call is the unit: through FFM an empty C call cost about 6
 * of them and through JNA about 45 on the machine these notes come from (the benchmark {@code
 * NativeInteropBenchmark}, a loaded 2-core machine, so rough ratios). Fine-grained calls (one small
 * string, one pair of numbers) therefore never pay: write them in Java. C pays when one call does
 * much work that the JIT does worse: the dot product of two arrays of 65,536 {@code double}s was
 * 2.5 times faster in C through FFM than the plain Java loop, because a C compiler allowed to
 * reassociate the sum spreads it over vector registers while the JIT must add in Java's order, one
 * dependent addition after another. Honestly, though: a Java loop with four partial sums written by
 * hand was as fast as the C code; at 16 elements the FFM call was 2 times slower than Java; and
 * through JNA, which copies both arrays in and out, C lost at every size (2 times slower at
 * 65,536). Nor does C pay for what the JDK already calls natively or intrinsifies (zlib, {@code
 * Arrays.sort}, AES, CRC32).
 *
 * <p><b>Edge cases and failure modes.</b> Text crosses as NUL-terminated UTF-8, explicitly (JNA's
 * default is the platform charset): a string that contains U+0000 cannot be a C string and is
 * rejected. A Java exception thrown inside an FFM upcall terminates the JVM, and inside a JNA
 * callback it is swallowed: {@link Libc#qsort} catches it in the callback, returns 0 to C, and
 * rethrows after {@code qsort} returns, leaving the caller's array untouched. A library that was
 * closed cannot be called ({@link IllegalStateException}); a wrong signature or a freed pointer
 * crashes the process, which no Java check can prevent: that is the price of {@code
 * --enable-native-access}. Every binding is safe to share between threads.
 *
 * <p><b>Follow-up.</b> <i>"Why is JNA so much slower?"</i> Its interface mapping reflects on the
 * method and converts every argument on every call; JNA's direct mapping ({@code Native.register}
 * on {@code static native} methods) cuts that to tens of nanoseconds, and FFM removes the JNI layer
 * altogether. <i>"And JNI?"</i> Fastest before FFM, but it needs C glue compiled per platform for
 * every function; FFM makes it unnecessary for new code.
 */
@Task(id = "senior.concurrency.7", title = "Calling C from Java: JNA and the FFM API")
public final class NativeInterop {

  private static final Logger LOG = LoggerFactory.getLogger(NativeInterop.class);

  /** The JDK feature release from which FFM is final. */
  public static final int FFM_RELEASE = 22;

  /** The base name of our own library: {@code libinterop.so}, {@code libinterop.dylib}, ... */
  public static final String OWN_LIBRARY_NAME = "interop";

  private static final String PACKAGE = NativeInterop.class.getPackageName();
  private static final long COMPILE_TIMEOUT_SECONDS = 120;

  private NativeInterop() {}

  /** How the C functions are called. */
  public enum Mechanism {
    /** Java Native Access: an interface mirrors the C declarations; a proxy converts arguments. */
    JNA,
    /** The Foreign Function &amp; Memory API of JDK 22+: method handles from the native linker. */
    FFM
  }

  /** The libc functions of the task, as Java sees them. Implementations are thread-safe. */
  public interface Libc {

    /** Which mechanism calls C. */
    Mechanism mechanism();

    /**
     * C's {@code strlen} on the text encoded as UTF-8: its length in bytes.
     *
     * @throws NullPointerException if {@code text} is null
     * @throws IllegalArgumentException if {@code text} contains U+0000, which ends a C string
     */
    long strlen(String text);

    /**
     * Sorts {@code values} in place with C's {@code qsort}, which calls {@code comparator} back for
     * each comparison. The array is copied to native memory, sorted there and copied back only if
     * every comparison succeeded.
     *
     * @param comparator negative, zero or positive, as {@link java.util.Comparator#compare}
     * @throws NullPointerException if an argument is null
     * @throws RuntimeException whatever the comparator threw (then {@code values} is unchanged)
     */
    void qsort(int[] values, IntBinaryOperator comparator);
  }

  /**
   * The functions of our own {@code interop.c}. Implementations are thread-safe; {@link #close()}
   * unloads the library where the mechanism allows, and every later call throws {@link
   * IllegalStateException}.
   */
  public interface OwnLibrary extends AutoCloseable {

    /** Which mechanism calls C. */
    Mechanism mechanism();

    /** Calls {@code interop_noop}, which does nothing: the cost of a call itself. */
    void noop();

    /** {@code a + b} computed in C, wrapping on overflow like Java's {@code int}. */
    int add(int a, int b);

    /**
     * The dot product of two arrays of the same length, computed in C.
     *
     * @throws NullPointerException if an array is null
     * @throws IllegalArgumentException if the lengths differ
     */
    double dot(double[] a, double[] b);

    /**
     * The number of Unicode code points of {@code text}, counted in C over its UTF-8 bytes.
     *
     * @throws NullPointerException if {@code text} is null
     * @throws IllegalArgumentException if {@code text} contains U+0000
     */
    long codePoints(String text);

    /** The version string that C returns (a constant in the library, read as UTF-8). */
    String version();

    /** Releases the library; idempotent. */
    @Override
    void close();
  }

  /** Whether this JVM can use the FFM variant: JDK 22 or newer, with the FFM classes compiled. */
  public static boolean ffmAvailable() {
    return ffmUnavailableReason().isEmpty();
  }

  /**
   * Why FFM cannot be used here, or empty if it can.
   *
   * @return e.g. "the FFM API is final from JDK 22; this JVM is 21"
   */
  public static Optional<String> ffmUnavailableReason() {
    int feature = Runtime.version().feature();
    if (feature < FFM_RELEASE) {
      return Optional.of(
          "the FFM API is final from JDK " + FFM_RELEASE + "; this JVM is " + feature);
    }
    try {
      Class.forName(PACKAGE + ".FfmLibc", false, NativeInterop.class.getClassLoader());
      return Optional.empty();
    } catch (ClassNotFoundException e) {
      return Optional.of(
          "the FFM classes (src/main/java22) were not compiled: the build ran on a JDK below "
              + FFM_RELEASE);
    }
  }

  /**
   * libc through the given mechanism.
   *
   * @throws UnsupportedOperationException for {@link Mechanism#FFM} when {@link #ffmAvailable()} is
   *     false, with the reason
   */
  public static Libc libc(Mechanism mechanism) {
    Objects.requireNonNull(mechanism, "mechanism");
    return switch (mechanism) {
      case JNA -> new JnaLibc();
      case FFM -> instantiateFfm("FfmLibc", Libc.class, null);
    };
  }

  /**
   * Loads our own library, as built by {@link #compileOwnLibrary}, through the given mechanism.
   *
   * @param library the shared library file
   * @throws IllegalArgumentException if {@code library} is not a regular file, or not a library
   *     that loads (the message names the file)
   * @throws UnsupportedOperationException for {@link Mechanism#FFM} when {@link #ffmAvailable()} is
   *     false
   */
  public static OwnLibrary ownLibrary(Mechanism mechanism, Path library) {
    Objects.requireNonNull(mechanism, "mechanism");
    Objects.requireNonNull(library, "library");
    if (!Files.isRegularFile(library)) {
      throw new IllegalArgumentException("not a library file: " + library);
    }
    Path absolute = library.toAbsolutePath();
    return switch (mechanism) {
      case JNA -> new JnaOwnLibrary(absolute);
      case FFM -> instantiateFfm("FfmOwnLibrary", OwnLibrary.class, absolute);
    };
  }

  private static <T> T instantiateFfm(String simpleName, Class<T> type, Path library) {
    Optional<String> reason = ffmUnavailableReason();
    if (reason.isPresent()) {
      throw new UnsupportedOperationException("FFM unavailable: " + reason.get());
    }
    try {
      Class<?> implementation =
          Class.forName(PACKAGE + "." + simpleName, true, NativeInterop.class.getClassLoader());
      Object instance =
          library == null
              ? implementation.getDeclaredConstructor().newInstance()
              : implementation.getDeclaredConstructor(Path.class).newInstance(library);
      return type.cast(instance);
    } catch (InvocationTargetException e) {
      if (e.getCause() instanceof RuntimeException runtime) {
        throw runtime;
      }
      throw new IllegalStateException("cannot create " + simpleName, e.getCause());
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot create " + simpleName, e);
    }
  }

  /**
   * Compiles {@code interop.c} into a shared library in {@code directory} with the C compiler on
   * the PATH ({@code cc}, else {@code gcc} or {@code clang}).
   *
   * @return the library, or empty if no C compiler is on the PATH (logged, with the names tried)
   * @throws IllegalArgumentException if {@code directory} is not a directory
   * @throws IllegalStateException if the compiler fails (its output is in the message)
   * @throws UncheckedIOException if the source cannot be written or the compiler not run
   */
  public static Optional<Path> compileOwnLibrary(Path directory) {
    Objects.requireNonNull(directory, "directory");
    if (!Files.isDirectory(directory)) {
      throw new IllegalArgumentException("not a directory: " + directory);
    }
    Optional<Path> compiler = findCompiler();
    if (compiler.isEmpty()) {
      LOG.info("no C compiler (cc, gcc, clang) on the PATH: our own library is not built");
      return Optional.empty();
    }
    Path source = directory.resolve("interop.c");
    Path library = directory.resolve(System.mapLibraryName(OWN_LIBRARY_NAME));
    try (InputStream in = NativeInterop.class.getResourceAsStream("interop.c")) {
      if (in == null) {
        throw new IllegalStateException("interop.c is missing from the classpath");
      }
      Files.copy(in, source, StandardCopyOption.REPLACE_EXISTING);
      Path output = Files.createTempFile(directory, "cc-", ".log");
      try {
        List<String> command = new ArrayList<>(List.of(compiler.get().toString()));
        command.addAll(
            List.of(
                "-O3",
                "-fno-math-errno",
                "-fno-trapping-math",
                "-fno-signed-zeros",
                "-fassociative-math",
                "-fPIC",
                "-shared",
                "-o",
                library.toString(),
                source.toString()));
        Process process =
            new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(output.toFile())
                .start();
        if (!process.waitFor(COMPILE_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
          process.destroyForcibly().waitFor();
          throw new IllegalStateException(
              "the C compiler ran longer than " + COMPILE_TIMEOUT_SECONDS + " s: " + command);
        }
        if (process.exitValue() != 0 || !Files.isRegularFile(library)) {
          throw new IllegalStateException(
              "the C compiler failed (exit "
                  + process.exitValue()
                  + "): "
                  + command
                  + "\n"
                  + Files.readString(output, StandardCharsets.UTF_8));
        }
      } finally {
        Files.deleteIfExists(output);
      }
      LOG.debug("compiled {} with {}", library, compiler.get());
      return Optional.of(library);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot compile " + source, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while compiling " + source, e);
    }
  }

  /** The first of {@code cc}, {@code gcc}, {@code clang} that is an executable on the PATH. */
  static Optional<Path> findCompiler() {
    String path = Objects.requireNonNullElse(System.getenv("PATH"), "");
    for (String name : List.of("cc", "gcc", "clang")) {
      for (String dir : path.split(java.util.regex.Pattern.quote(java.io.File.pathSeparator), -1)) {
        if (dir.isEmpty()) {
          continue;
        }
        Path candidate = Path.of(dir, name);
        if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
          return Optional.of(candidate);
        }
      }
    }
    return Optional.empty();
  }

  /**
   * The dot product in plain Java, the loop the C function competes with.
   *
   * @throws IllegalArgumentException if the lengths differ
   */
  public static double dotJava(double[] a, double[] b) {
    checkSameLength(a, b);
    double sum = 0.0;
    for (int i = 0; i < a.length; i++) {
      sum += a[i] * b[i];
    }
    return sum;
  }

  /**
   * The text, checked to be representable as a C string.
   *
   * @throws NullPointerException if {@code text} is null
   * @throws IllegalArgumentException if {@code text} contains U+0000
   */
  static String requireCString(String text) {
    Objects.requireNonNull(text, "text");
    int nul = text.indexOf('\0');
    if (nul >= 0) {
      throw new IllegalArgumentException(
          "text contains U+0000 at index " + nul + ", which would end a C string");
    }
    return text;
  }

  static void checkSameLength(double[] a, double[] b) {
    Objects.requireNonNull(a, "a");
    Objects.requireNonNull(b, "b");
    if (a.length != b.length) {
      throw new IllegalArgumentException(
          "arrays differ in length: " + a.length + " and " + b.length);
    }
  }
}
