package org.interviewtasks.senior.concurrency.nativeinterop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.interviewtasks.common.testing.Seeds;
import org.interviewtasks.senior.concurrency.nativeinterop.NativeInterop.Libc;
import org.interviewtasks.senior.concurrency.nativeinterop.NativeInterop.Mechanism;
import org.interviewtasks.senior.concurrency.nativeinterop.NativeInterop.OwnLibrary;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The same cases through JNA and FFM. FFM cases skip, saying why, on a JDK below 22; cases of our
 * own library skip when no C compiler is on the PATH.
 */
class NativeInteropTest {

  @TempDir static Path buildDir;

  private static Optional<Path> library;
  private static final Map<Mechanism, OwnLibrary> OWN = new EnumMap<>(Mechanism.class);

  @BeforeAll
  static void compileOwnLibrary() {
    library = NativeInterop.compileOwnLibrary(buildDir);
  }

  @AfterAll
  static void closeLibraries() {
    OWN.values().forEach(OwnLibrary::close);
  }

  private static void assumeAvailable(Mechanism mechanism) {
    if (mechanism == Mechanism.FFM) {
      assumeTrue(
          NativeInterop.ffmAvailable(),
          () -> "FFM case skipped: " + NativeInterop.ffmUnavailableReason().orElseThrow());
    }
  }

  private static Libc libc(Mechanism mechanism) {
    assumeAvailable(mechanism);
    return NativeInterop.libc(mechanism);
  }

  private static OwnLibrary own(Mechanism mechanism) {
    assumeAvailable(mechanism);
    assumeTrue(
        library.isPresent(),
        "own-library case skipped: no C compiler (cc, gcc, clang) on the PATH to build interop.c");
    synchronized (OWN) {
      return OWN.computeIfAbsent(
          mechanism, m -> NativeInterop.ownLibrary(m, library.orElseThrow()));
    }
  }

  static Stream<Arguments> mechanismsAndSeeds() {
    List<Arguments> cases = new ArrayList<>();
    for (Mechanism mechanism : Mechanism.values()) {
      Seeds.derive(8).forEach(seed -> cases.add(Arguments.of(mechanism, seed)));
    }
    return cases.stream();
  }

  static LongStream seeds() {
    return Seeds.derive(8);
  }

  // --- FFM availability -------------------------------------------------------------------

  @Test
  void ffmIsAvailableExactlyFromJdk22() {
    boolean newEnough = Runtime.version().feature() >= NativeInterop.FFM_RELEASE;
    assertThat(NativeInterop.ffmAvailable()).isEqualTo(newEnough);
    if (newEnough) {
      assertThat(NativeInterop.ffmUnavailableReason()).isEmpty();
      assertThat(NativeInterop.libc(Mechanism.FFM).mechanism()).isEqualTo(Mechanism.FFM);
    } else {
      assertThat(NativeInterop.ffmUnavailableReason().orElseThrow()).contains("JDK 22");
      assertThatThrownBy(() -> NativeInterop.libc(Mechanism.FFM))
          .isInstanceOf(UnsupportedOperationException.class)
          .hasMessageContaining("JDK 22");
    }
  }

  // --- libc: strlen -----------------------------------------------------------------------

  @ParameterizedTest(name = "{0}: strlen of \"{1}\"")
  @MethodSource("texts")
  void strlenCountsUtf8Bytes(Mechanism mechanism, String text) {
    assertThat(libc(mechanism).strlen(text))
        .isEqualTo(text.getBytes(StandardCharsets.UTF_8).length);
  }

  static Stream<Arguments> texts() {
    List<String> texts =
        List.of("", "a", "hello, world", "naïve café", "日本語", "😀 emoji", "ß\u0301");
    return Stream.of(Mechanism.values()).flatMap(m -> texts.stream().map(t -> Arguments.of(m, t)));
  }

  @ParameterizedTest(name = "{0}, seed {1}")
  @MethodSource("mechanismsAndSeeds")
  void strlenAgreesWithJavaOnRandomUnicode(Mechanism mechanism, long seed) {
    Libc c = libc(mechanism);
    SplittableRandom random = new SplittableRandom(seed);
    for (int i = 0; i < 50; i++) {
      String text = randomText(random, random.nextInt(200));
      assertThat(c.strlen(text))
          .as("seed %d, %s", seed, text)
          .isEqualTo(text.getBytes(StandardCharsets.UTF_8).length);
    }
  }

  @ParameterizedTest
  @EnumSource(Mechanism.class)
  void strlenRejectsNulAndNull(Mechanism mechanism) {
    Libc c = libc(mechanism);
    assertThatThrownBy(() -> c.strlen("ab\0cd"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("U+0000 at index 2");
    assertThatThrownBy(() -> c.strlen(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("text");
  }

  // --- libc: qsort with an upcall ---------------------------------------------------------

  @ParameterizedTest(name = "{0}, seed {1}")
  @MethodSource("mechanismsAndSeeds")
  void qsortCallsTheJavaComparatorAndAgreesWithArraysSort(Mechanism mechanism, long seed) {
    Libc c = libc(mechanism);
    SplittableRandom random = new SplittableRandom(seed);
    for (int length : new int[] {0, 1, 2, 3, 17, 1000}) {
      int[] values = random.ints(length, -50, 50).toArray();
      int[] expected = values.clone();
      Arrays.sort(expected);
      c.qsort(values, Integer::compare);
      assertThat(values).as("seed %d, length %d", seed, length).containsExactly(expected);
      c.qsort(values, (a, b) -> Integer.compare(b, a));
      assertThat(values).isSortedAccordingTo((a, b) -> Integer.compare(b, a));
    }
  }

  @ParameterizedTest
  @EnumSource(Mechanism.class)
  void qsortHandlesExtremeValues(Mechanism mechanism) {
    int[] values = {Integer.MAX_VALUE, 0, Integer.MIN_VALUE, -1, 1, Integer.MIN_VALUE};
    libc(mechanism).qsort(values, Integer::compare);
    assertThat(values)
        .containsExactly(Integer.MIN_VALUE, Integer.MIN_VALUE, -1, 0, 1, Integer.MAX_VALUE);
  }

  @ParameterizedTest
  @EnumSource(Mechanism.class)
  void aComparatorThatThrowsFailsTheSortAndLeavesTheArrayUnchanged(Mechanism mechanism) {
    Libc c = libc(mechanism);
    int[] values = {5, 3, 9, 1, 7};
    int[] calls = {0};
    IllegalStateException failure = new IllegalStateException("comparator broke");
    assertThatThrownBy(
            () ->
                c.qsort(
                    values,
                    (a, b) -> {
                      if (++calls[0] == 3) {
                        throw failure;
                      }
                      return Integer.compare(a, b);
                    }))
        .isSameAs(failure);
    assertThat(values).containsExactly(5, 3, 9, 1, 7);
    // The JVM survived, and the binding still works.
    c.qsort(values, Integer::compare);
    assertThat(values).containsExactly(1, 3, 5, 7, 9);
  }

  @ParameterizedTest
  @EnumSource(Mechanism.class)
  void aComparatorErrorIsRethrownAsItWas(Mechanism mechanism) {
    Libc c = libc(mechanism);
    int[] values = {2, 1};
    assertThatThrownBy(
            () ->
                c.qsort(
                    values,
                    (a, b) -> {
                      throw new AssertionError("boom");
                    }))
        .isInstanceOf(AssertionError.class)
        .hasMessage("boom");
    assertThat(values).containsExactly(2, 1);
  }

  @ParameterizedTest
  @EnumSource(Mechanism.class)
  void qsortRejectsNullArguments(Mechanism mechanism) {
    Libc c = libc(mechanism);
    assertThatThrownBy(() -> c.qsort(null, Integer::compare))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("values");
    assertThatThrownBy(() -> c.qsort(new int[0], null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("comparator");
  }

  @ParameterizedTest
  @EnumSource(Mechanism.class)
  void oneBindingServesManyThreadsAtOnce(Mechanism mechanism) throws Exception {
    Libc c = libc(mechanism);
    int threads = 8;
    CountDownLatch start = new CountDownLatch(1);
    try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
      List<Future<Boolean>> results = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        long seed = Seeds.BASE + t;
        results.add(
            pool.submit(
                () -> {
                  start.await();
                  SplittableRandom random = new SplittableRandom(seed);
                  for (int i = 0; i < 200; i++) {
                    int[] values = random.ints(random.nextInt(1, 64)).toArray();
                    int[] expected = values.clone();
                    Arrays.sort(expected);
                    c.qsort(values, Integer::compare);
                    String text = randomText(random, random.nextInt(40));
                    if (!Arrays.equals(values, expected)
                        || c.strlen(text) != text.getBytes(StandardCharsets.UTF_8).length) {
                      return false;
                    }
                  }
                  return true;
                }));
      }
      start.countDown();
      for (Future<Boolean> result : results) {
        assertThat(result.get()).isTrue();
      }
    }
  }

  // --- our own library --------------------------------------------------------------------

  @ParameterizedTest
  @EnumSource(Mechanism.class)
  void ownLibraryAddsAndWrapsLikeJava(Mechanism mechanism) {
    OwnLibrary own = own(mechanism);
    assertThat(own.mechanism()).isEqualTo(mechanism);
    own.noop();
    assertThat(own.add(2, 3)).isEqualTo(5);
    assertThat(own.add(Integer.MAX_VALUE, 1)).isEqualTo(Integer.MIN_VALUE);
    assertThat(own.add(-7, -8)).isEqualTo(-15);
  }

  @ParameterizedTest(name = "{0}, seed {1}")
  @MethodSource("mechanismsAndSeeds")
  void ownDotProductAgreesWithJava(Mechanism mechanism, long seed) {
    OwnLibrary own = own(mechanism);
    SplittableRandom random = new SplittableRandom(seed);
    for (int length : new int[] {0, 1, 7, 1000, 65_537}) {
      double[] a = random.doubles(length).toArray();
      double[] b = random.doubles(length).toArray();
      double expected = NativeInterop.dotJava(a, b);
      // C may add in another order: equal within rounding (all terms positive, no cancellation).
      assertThat(own.dot(a, b))
          .as("seed %d, length %d", seed, length)
          .isCloseTo(expected, within(1e-12 * Math.max(1, expected)));
    }
    assertThat(own.dot(new double[] {1.5, -2}, new double[] {4, 3})).isEqualTo(0.0);
  }

  @ParameterizedTest
  @EnumSource(Mechanism.class)
  void ownDotProductRejectsBadArrays(Mechanism mechanism) {
    OwnLibrary own = own(mechanism);
    assertThatThrownBy(() -> own.dot(new double[2], new double[3]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("arrays differ in length: 2 and 3");
    assertThatThrownBy(() -> own.dot(null, new double[0]))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("a");
    assertThatThrownBy(() -> own.dot(new double[0], null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("b");
  }

  @ParameterizedTest(name = "{0}, seed {1}")
  @MethodSource("mechanismsAndSeeds")
  void ownCodePointCountAgreesWithJava(Mechanism mechanism, long seed) {
    OwnLibrary own = own(mechanism);
    SplittableRandom random = new SplittableRandom(seed);
    for (int i = 0; i < 50; i++) {
      String text = randomText(random, random.nextInt(100));
      assertThat(own.codePoints(text))
          .as("seed %d", seed)
          .isEqualTo(text.codePointCount(0, text.length()));
    }
    assertThatThrownBy(() -> own.codePoints("\0"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("U+0000");
  }

  @ParameterizedTest
  @EnumSource(Mechanism.class)
  void aStringReturnedByCRoundTripsAsUtf8(Mechanism mechanism) {
    assertThat(own(mechanism).version()).isEqualTo("interop 1 \u2713");
  }

  @ParameterizedTest
  @EnumSource(Mechanism.class)
  void aClosedBindingRefusesEveryCall(Mechanism mechanism) {
    assumeAvailable(mechanism);
    assumeTrue(library.isPresent(), "own-library case skipped: no C compiler on the PATH");
    OwnLibrary own = NativeInterop.ownLibrary(mechanism, library.orElseThrow());
    assertThat(own.add(1, 1)).isEqualTo(2);
    own.close();
    own.close(); // idempotent
    assertThatThrownBy(own::noop)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("closed");
    assertThatThrownBy(() -> own.add(1, 2)).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> own.dot(new double[1], new double[1]))
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> own.codePoints("x")).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(own::version).isInstanceOf(IllegalStateException.class);
  }

  // --- the public boundary ----------------------------------------------------------------

  @Test
  void rejectsBadArgumentsBeforeAnyWork(@TempDir Path dir) throws Exception {
    assertThatThrownBy(() -> NativeInterop.libc(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("mechanism");
    assertThatThrownBy(() -> NativeInterop.ownLibrary(null, dir))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("mechanism");
    assertThatThrownBy(() -> NativeInterop.ownLibrary(Mechanism.JNA, null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("library");
    assertThatThrownBy(() -> NativeInterop.ownLibrary(Mechanism.JNA, dir.resolve("absent.so")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not a library file");
    Path file = Files.writeString(dir.resolve("file.txt"), "x");
    assertThatThrownBy(() -> NativeInterop.compileOwnLibrary(file))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not a directory");
    assertThatThrownBy(() -> NativeInterop.compileOwnLibrary(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("directory");
    assertThatThrownBy(() -> NativeInterop.dotJava(new double[1], new double[2]))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @ParameterizedTest
  @ValueSource(strings = {"not a library", ""})
  void aFileThatIsNoLibraryFailsToLoadWithAnException(String content, @TempDir Path dir)
      throws Exception {
    Path bogus = Files.writeString(dir.resolve(System.mapLibraryName("bogus")), content);
    for (Mechanism mechanism : Mechanism.values()) {
      if (mechanism == Mechanism.FFM && !NativeInterop.ffmAvailable()) {
        continue;
      }
      assertThatThrownBy(() -> NativeInterop.ownLibrary(mechanism, bogus))
          .as("%s", mechanism)
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining(bogus.getFileName().toString());
    }
  }

  @Test
  void findsACompilerWhereThisMachineHasOne() {
    assumeTrue(
        NativeInterop.findCompiler().isPresent(), "no C compiler on the PATH of this machine");
    assertThat(library).isPresent();
    assertThat(library.orElseThrow().getFileName())
        .hasToString(System.mapLibraryName(NativeInterop.OWN_LIBRARY_NAME));
  }

  @Test
  void plainJavaDotProduct() {
    assertThat(NativeInterop.dotJava(new double[] {1, 2, 3}, new double[] {4, 5, 6}))
        .isEqualTo(32.0);
    assertThat(NativeInterop.dotJava(new double[0], new double[0])).isZero();
  }

  /** Text over the whole Unicode range but U+0000 and lone surrogates: ASCII, BMP, astral. */
  static String randomText(SplittableRandom random, int codePoints) {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < codePoints; i++) {
      int cp =
          switch (random.nextInt(3)) {
            case 0 -> random.nextInt(1, 0x80);
            case 1 -> random.nextInt(0x80, 0xD800);
            default -> random.nextInt(0x10000, 0x110000);
          };
      text.appendCodePoint(cp);
    }
    return text.toString();
  }
}
