package org.interviewtasks.senior.advanced.memoization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.core.type.TypeReference;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.stream.LongStream;
import org.interviewtasks.common.testing.Seeds;
import org.interviewtasks.junior.core.Factorial;
import org.interviewtasks.mid.core.MemoizedFactorial;
import org.interviewtasks.senior.advanced.memoization.PersistentMemoization.Policy;
import org.interviewtasks.senior.infra.ChildJvm;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class PersistentMemoizationTest {

  @TempDir Path dir;

  private Path file;
  private PersistentMemoization store;

  @BeforeEach
  void open() {
    file = dir.resolve("memo.db");
    store = PersistentMemoization.open(file);
  }

  @AfterEach
  void close() {
    store.close();
  }

  static LongStream seeds() {
    return Seeds.derive(5);
  }

  /** A function that counts how often it really runs. */
  static <A, R> Function<A, R> counted(AtomicInteger runs, Function<A, R> function) {
    return a -> {
      runs.incrementAndGet();
      return function.apply(a);
    };
  }

  /** An interface to memoize through a proxy. */
  interface Catalog {
    BigDecimal price(String sku, int quantity);

    List<String> keys(Map<String, Integer> stock);

    String risky(String input) throws IOException;

    void record(String event);

    default String shout(String text) {
      return text.toUpperCase(java.util.Locale.ROOT) + "!";
    }
  }

  /** A catalog that counts its real calls. */
  static final class CountingCatalog implements Catalog {
    final AtomicInteger calls = new AtomicInteger();
    final List<String> events = new ArrayList<>();

    @Override
    public BigDecimal price(String sku, int quantity) {
      calls.incrementAndGet();
      return new BigDecimal("1.25").multiply(BigDecimal.valueOf(quantity));
    }

    @Override
    public List<String> keys(Map<String, Integer> stock) {
      calls.incrementAndGet();
      return List.copyOf(new TreeMap<>(stock).keySet());
    }

    @Override
    public String risky(String input) throws IOException {
      calls.incrementAndGet();
      throw new IOException("disk gone: " + input);
    }

    @Override
    public void record(String event) {
      events.add(event);
    }
  }

  @Nested
  class Functions {

    @Test
    void computesEachFactorialOnceAndAgreesWithJunior() {
      AtomicInteger runs = new AtomicInteger();
      MemoizedFactorial inner = new MemoizedFactorial();
      Function<Integer, BigInteger> factorial =
          store.memoize("factorial", 1, counted(runs, inner::factorial), BigInteger.class);
      for (int round = 0; round < 3; round++) {
        for (int n = 0; n <= 60; n++) {
          assertThat(factorial.apply(n)).isEqualTo(Factorial.iterative(n));
        }
      }
      assertThat(runs).hasValue(61);
      assertThat(store.stats()).isEqualTo(new PersistentMemoization.Stats(2 * 61, 61, 61, 0));
      assertThat(store.size()).isEqualTo(61);
      assertThat(store.file()).isEqualTo(file.toAbsolutePath());
    }

    @Test
    void aResultOfThousandsOfDigitsIsStoredAndReadBack() {
      AtomicInteger runs = new AtomicInteger();
      Function<Integer, BigInteger> factorial =
          store.memoize("big", 1, counted(runs, Factorial::iterative), BigInteger.class);
      BigInteger expected = Factorial.iterative(3000);
      assertThat(expected.toString()).hasSize(9131);
      assertThat(factorial.apply(3000)).isEqualTo(expected);
      assertThat(factorial.apply(3000)).isEqualTo(expected);
      assertThat(runs).hasValue(1);
      assertThat(store.stats().unreadable()).isZero();
    }

    @Test
    void survivesReopeningTheFile() {
      assertThat(store.memoize("square", 1, (Integer x) -> x * x, Integer.class).apply(12))
          .isNotNull();
      store.close();
      store = PersistentMemoization.open(file);
      AtomicInteger runs = new AtomicInteger();
      Function<Integer, Integer> square =
          store.memoize("square", 1, counted(runs, (Integer x) -> -1), Integer.class);
      assertThat(square.apply(12)).isEqualTo(144);
      assertThat(runs).hasValue(0);
    }

    @Test
    void aNewVersionDoesNotReadTheOldOnesResults() {
      assertThat(
              store
                  .memoize("greeting", 1, (String who) -> "hello " + who, String.class)
                  .apply("ada"))
          .isNotNull();
      Function<String, String> v2 =
          store.memoize("greeting", 2, (String who) -> "bonjour " + who, String.class);
      assertThat(v2.apply("ada")).isEqualTo("bonjour ada");
      assertThat(store.size()).isEqualTo(2);
      assertThat(store.invalidate("greeting")).isEqualTo(2);
      assertThat(store.size()).isZero();
    }

    @Test
    void unicodeArgumentsAndResultsRoundTripAndNullIsAResult() {
      AtomicInteger runs = new AtomicInteger();
      Function<String, String> echo =
          store.memoize(
              "echo", 1, counted(runs, (String s) -> s == null ? null : s + "✓"), String.class);
      String text = "東京 🚀 naïve \u0000 \"quoted\"";
      assertThat(echo.apply(text)).isEqualTo(text + "✓");
      assertThat(echo.apply(text)).isEqualTo(text + "✓");
      assertThat(echo.apply(null)).isNull();
      assertThat(echo.apply(null)).isNull();
      assertThat(runs).hasValue(2);
    }

    @Test
    void equalMapsInAnyOrderAreOneKey() {
      AtomicInteger runs = new AtomicInteger();
      Function<Map<String, Integer>, Integer> total =
          store.memoize(
              "total",
              1,
              counted(runs, (Map<String, Integer> m) -> m.values().stream().mapToInt(i -> i).sum()),
              Integer.class);
      Map<String, Integer> ab = new LinkedHashMap<>();
      ab.put("a", 1);
      ab.put("b", 2);
      Map<String, Integer> ba = new LinkedHashMap<>();
      ba.put("b", 2);
      ba.put("a", 1);
      assertThat(total.apply(ab)).isEqualTo(3);
      assertThat(total.apply(ba)).isEqualTo(3);
      assertThat(runs).hasValue(1);
    }

    @Test
    void genericResultTypesReadBack() {
      Function<Integer, List<String>> words =
          store.memoize(
              "words",
              1,
              (Integer n) -> List.of("w" + n, "x" + n),
              new TypeReference<List<String>>() {},
              Policy.defaults());
      assertThat(words.apply(3)).isNotNull();
      store.close();
      store = PersistentMemoization.open(file);
      Function<Integer, List<String>> again =
          store.memoize(
              "words",
              1,
              (Integer n) -> List.of(),
              new TypeReference<List<String>>() {},
              Policy.defaults());
      assertThat(again.apply(3)).containsExactly("w3", "x3");
    }

    @Test
    void aResultThatCannotBeSerializedIsReturnedButNotStored() {
      Object opaque = new Object();
      Function<Integer, Object> f = store.memoize("opaque", 1, (Integer n) -> opaque, Object.class);
      assertThat(f.apply(1)).isSameAs(opaque);
      assertThat(store.size()).isZero();
    }

    @Test
    void argumentsThatCannotBeSerializedAreRejectedBeforeComputing() {
      AtomicInteger runs = new AtomicInteger();
      Function<Object, String> f =
          store.memoize("f", 1, counted(runs, (Object o) -> "x"), String.class);
      assertThatIllegalArgumentException()
          .isThrownBy(() -> f.apply(new Object()))
          .withMessageStartingWith("cannot serialize the arguments of f: ");
      assertThat(runs).hasValue(0);
    }
  }

  @Nested
  class AcrossProcesses {

    @Test
    void aSecondJvmFindsTheFirstOnesResults() throws Exception {
      String first = runChild(0, 40);
      String second = runChild(0, 40);
      assertThat(first).startsWith("computations=41 hits=0 sum=");
      assertThat(second).startsWith("computations=0 hits=41 sum=");
      assertThat(second.substring(second.indexOf("sum=")))
          .isEqualTo(first.substring(first.indexOf("sum=")));
      Function<Integer, BigInteger> here =
          store.memoize(
              "factorial",
              1,
              (Integer n) -> {
                throw new AssertionError("should have been stored by the children");
              },
              BigInteger.class);
      assertThat(here.apply(40)).isEqualTo(Factorial.iterative(40));
    }

    private String runChild(int from, int to) throws IOException, InterruptedException {
      Path output = Files.createTempFile(dir, "child-", ".out");
      Process process =
          new ProcessBuilder(
                  ChildJvm.command(
                      List.of(
                          "-Xms8m",
                          "-Xmx64m",
                          "-XX:TieredStopAtLevel=1",
                          "-XX:+UseSerialGC",
                          "-Xshare:auto",
                          "--enable-native-access=ALL-UNNAMED",
                          "-Dorg.sqlite.tmpdir=" + dir),
                      MemoChild.class,
                      List.of(file.toString(), Integer.toString(from), Integer.toString(to))))
              .redirectErrorStream(true)
              .redirectOutput(output.toFile())
              .start();
      try {
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
      } finally {
        process.destroyForcibly().waitFor();
      }
      String printed = Files.readString(output, StandardCharsets.UTF_8);
      assertThat(process.exitValue()).as(printed).isZero();
      return printed.lines().filter(l -> l.startsWith("computations=")).findFirst().orElse(printed);
    }
  }

  @Nested
  class Concurrency {

    @Test
    void concurrentCallersOfOneKeyShareOneComputation() throws Exception {
      int threads = 8;
      AtomicInteger runs = new AtomicInteger();
      CountDownLatch finish = new CountDownLatch(1);
      Function<Integer, String> slow =
          store.memoize(
              "slow",
              1,
              (Integer n) -> {
                runs.incrementAndGet();
                try {
                  finish.await();
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                }
                return "done " + n;
              },
              String.class);
      CyclicBarrier start = new CyclicBarrier(threads);
      try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
        List<Future<String>> answers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
          answers.add(
              pool.submit(
                  () -> {
                    start.await();
                    return slow.apply(7);
                  }));
        }
        await()
            .atMost(Duration.ofSeconds(30))
            .until(() -> runs.get() == 1 && store.stats().hits() == threads - 1);
        finish.countDown();
        for (Future<String> answer : answers) {
          assertThat(answer.get()).isEqualTo("done 7");
        }
      }
      assertThat(runs).hasValue(1);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("org.interviewtasks.senior.advanced.memoization.PersistentMemoizationTest#seeds")
    void underContentionEveryKeyIsComputedOnceAndRight(long seed) throws Exception {
      int threads = 6;
      int keys = 25;
      Map<Integer, AtomicInteger> runs = new ConcurrentHashMap<>();
      Function<Integer, BigInteger> factorial =
          store.memoize(
              "factorial-" + seed,
              1,
              (Integer n) -> {
                runs.computeIfAbsent(n, k -> new AtomicInteger()).incrementAndGet();
                return Factorial.iterative(n);
              },
              BigInteger.class);
      CyclicBarrier start = new CyclicBarrier(threads);
      try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
        List<Future<?>> done = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
          SplittableRandom random = new SplittableRandom(seed + t);
          done.add(
              pool.submit(
                  () -> {
                    start.await();
                    for (int i = 0; i < 100; i++) {
                      int n = random.nextInt(keys);
                      assertThat(factorial.apply(n)).isEqualTo(Factorial.iterative(n));
                    }
                    return null;
                  }));
        }
        for (Future<?> f : done) {
          f.get();
        }
      }
      assertThat(runs.values()).allSatisfy(count -> assertThat(count).hasValue(1));
      assertThat(store.stats().computations()).isEqualTo(runs.size());
    }
  }

  @Nested
  class Failures {

    @Test
    void exceptionsAreNotMemoizedByDefault() {
      AtomicInteger runs = new AtomicInteger();
      Function<String, String> flaky =
          store.memoize(
              "flaky",
              1,
              (String s) -> {
                if (runs.incrementAndGet() == 1) {
                  throw new IllegalStateException("first call fails");
                }
                return s + " ok";
              },
              String.class);
      assertThatIllegalStateException()
          .isThrownBy(() -> flaky.apply("a"))
          .withMessage("first call fails");
      assertThat(flaky.apply("a")).isEqualTo("a ok");
      assertThat(flaky.apply("a")).isEqualTo("a ok");
      assertThat(runs).hasValue(2);
    }

    @Test
    void exceptionsAreMemoizedWhenAskedEvenAcrossAReopen() {
      AtomicInteger runs = new AtomicInteger();
      Function<String, String> failing =
          a -> {
            runs.incrementAndGet();
            throw new IllegalArgumentException("bad " + a);
          };
      Policy remember = Policy.defaults().memoizingFailures();
      Function<String, String> f =
          store.memoize("failing", 1, failing, new TypeReference<String>() {}, remember);
      assertThatIllegalArgumentException().isThrownBy(() -> f.apply("x")).withMessage("bad x");
      assertThatThrownBy(() -> f.apply("x"))
          .isInstanceOf(MemoizedFailureException.class)
          .hasMessage("java.lang.IllegalArgumentException: bad x (memoized)")
          .extracting(e -> ((MemoizedFailureException) e).originalType())
          .isEqualTo(IllegalArgumentException.class.getName());
      store.close();
      store = PersistentMemoization.open(file);
      Function<String, String> g =
          store.memoize("failing", 1, failing, new TypeReference<String>() {}, remember);
      assertThatThrownBy(() -> g.apply("x")).isInstanceOf(MemoizedFailureException.class);
      assertThat(runs).hasValue(1);
      assertThat(new MemoizedFailureException("T", null)).hasMessage("T (memoized)");
    }

    @Test
    void aStoredRowThatNoLongerDeserializesIsRecomputed() throws SQLException {
      assertThat(store.memoize("shape", 1, (Integer n) -> "not a number", String.class).apply(1))
          .isNotNull();
      AtomicInteger runs = new AtomicInteger();
      Function<Integer, Integer> changed =
          store.memoize("shape", 1, counted(runs, (Integer n) -> n * 10), Integer.class);
      assertThat(changed.apply(1)).isEqualTo(10);
      assertThat(changed.apply(1)).isEqualTo(10);
      assertThat(runs).hasValue(1);

      try (Connection raw = DriverManager.getConnection("jdbc:sqlite:" + file);
          Statement statement = raw.createStatement()) {
        statement.executeUpdate("UPDATE memo SET payload = '{broken'");
      }
      assertThat(changed.apply(1)).isEqualTo(10);
      assertThat(runs).hasValue(2);
      assertThat(store.stats().unreadable()).isEqualTo(2);

      try (Connection raw = DriverManager.getConnection("jdbc:sqlite:" + file);
          Statement statement = raw.createStatement()) {
        statement.executeUpdate("UPDATE memo SET kind = 'failure', payload = '{}'");
      }
      assertThat(changed.apply(1)).isEqualTo(10);
      assertThat(store.stats().unreadable()).isEqualTo(3);
    }
  }

  @Nested
  class Expiry {

    @Test
    void entriesExpireByTheInjectedClock() {
      AtomicLong now = new AtomicLong(Instant.parse("2026-06-01T00:00:00Z").toEpochMilli());
      InstantSource clock = () -> Instant.ofEpochMilli(now.get());
      store.close();
      store = PersistentMemoization.open(file, clock);
      AtomicInteger runs = new AtomicInteger();
      Function<String, Integer> length =
          store.memoize(
              "length",
              1,
              counted(runs, String::length),
              new TypeReference<Integer>() {},
              Policy.defaults().expiringAfter(Duration.ofSeconds(10)));
      assertThat(length.apply("abc")).isNotNull();
      now.addAndGet(9_999);
      assertThat(length.apply("abc")).isNotNull();
      assertThat(runs).hasValue(1);
      assertThat(store.purgeExpired()).isZero();
      now.addAndGet(1);
      assertThat(length.apply("abc")).isNotNull();
      assertThat(runs).hasValue(2);
      assertThat(length.apply("xy")).isNotNull();
      now.addAndGet(10_000);
      assertThat(store.purgeExpired()).isEqualTo(2);
      assertThat(store.size()).isZero();
    }

    @Test
    void anEnormousLifetimeNeverExpires() {
      Function<String, Integer> f =
          store.memoize(
              "long",
              1,
              String::length,
              new TypeReference<Integer>() {},
              Policy.defaults().expiringAfter(Duration.ofSeconds(Long.MAX_VALUE / 1000)));
      assertThat(f.apply("a")).isNotNull();
      assertThat(store.purgeExpired()).isZero();
      assertThat(store.size()).isOne();
    }
  }

  @Nested
  class Proxies {

    @Test
    void everyMethodOfAnInterfaceIsMemoizedByItsArguments() throws IOException {
      CountingCatalog target = new CountingCatalog();
      Catalog catalog = store.memoize(Catalog.class, target, "catalog", 1, Policy.defaults());
      assertThat(catalog.price("sku-1", 4)).isEqualByComparingTo("5.00");
      assertThat(catalog.price("sku-1", 4)).isEqualByComparingTo("5.00");
      assertThat(catalog.price("sku-1", 5)).isEqualByComparingTo("6.25");
      Map<String, Integer> stock = new LinkedHashMap<>();
      stock.put("z", 1);
      stock.put("a", 2);
      assertThat(catalog.keys(stock)).containsExactly("a", "z");
      assertThat(catalog.keys(new TreeMap<>(stock))).containsExactly("a", "z");
      assertThat(target.calls).hasValue(3);
      assertThat(catalog.shout("hé")).isEqualTo("HÉ!");
      assertThat(catalog.shout("hé")).isEqualTo("HÉ!");

      catalog.record("one");
      catalog.record("one");
      assertThat(target.events).containsExactly("one", "one");

      assertThatThrownBy(() -> catalog.risky("x"))
          .isInstanceOf(IOException.class)
          .hasMessage("disk gone: x");
      assertThatThrownBy(() -> catalog.risky("x")).isInstanceOf(IOException.class);
      assertThat(target.calls).hasValue(5);

      assertThat(List.of(catalog)).contains(catalog);
      assertThat(catalog).isNotEqualTo(target);
      assertThat(catalog.hashCode()).isEqualTo(System.identityHashCode(catalog));
      assertThat(catalog.toString()).isEqualTo("memoized Catalog catalog v1");
      assertThat(store.invalidate("catalog")).isEqualTo(4);
    }

    @Test
    void onlyInterfacesCanBeProxied() {
      assertThatIllegalArgumentException()
          .isThrownBy(() -> store.memoize(String.class, "x", "s", 1, Policy.defaults()))
          .withMessage("not an interface: java.lang.String");
    }
  }

  @Nested
  class BadInput {

    @Test
    void nullsAndRangesAreRejected() {
      Function<String, String> id = s -> s;
      assertThatNullPointerException().isThrownBy(() -> PersistentMemoization.open(null));
      assertThatNullPointerException().isThrownBy(() -> PersistentMemoization.open(file, null));
      assertThatNullPointerException().isThrownBy(() -> store.memoize(null, 1, id, String.class));
      assertThatNullPointerException()
          .isThrownBy(() -> store.memoize("f", 1, null, String.class))
          .withMessage("function");
      assertThatNullPointerException()
          .isThrownBy(() -> store.memoize("f", 1, id, (Class<String>) null));
      assertThatNullPointerException()
          .isThrownBy(() -> store.memoize("f", 1, id, new TypeReference<String>() {}, null));
      assertThatIllegalArgumentException()
          .isThrownBy(() -> store.memoize(" ", 1, id, String.class))
          .withMessage("name must be 1..200 chars, not blank: ' '");
      assertThatIllegalArgumentException()
          .isThrownBy(() -> store.memoize("n".repeat(201), 1, id, String.class));
      assertThat(store.memoize("n".repeat(200), 0, id, String.class).apply("ok")).isEqualTo("ok");
      assertThatIllegalArgumentException()
          .isThrownBy(() -> store.memoize("f", -1, id, String.class))
          .withMessage("version must not be negative: -1");
      assertThatIllegalArgumentException()
          .isThrownBy(() -> Policy.defaults().expiringAfter(Duration.ZERO))
          .withMessage("timeToLive must be positive: PT0S");
      assertThatIllegalArgumentException()
          .isThrownBy(() -> Policy.defaults().expiringAfter(Duration.ofSeconds(-1)));
      assertThatNullPointerException().isThrownBy(() -> Policy.defaults().expiringAfter(null));
      assertThatNullPointerException()
          .isThrownBy(() -> store.memoize(null, new CountingCatalog(), "c", 1, Policy.defaults()));
      assertThatNullPointerException()
          .isThrownBy(() -> store.memoize(Catalog.class, null, "c", 1, Policy.defaults()));
    }

    @Test
    void aFileThatIsNotADatabaseIsAClearError() throws IOException {
      Path garbage =
          Files.writeString(dir.resolve("garbage.db"), "this is not sqlite ".repeat(100));
      assertThatThrownBy(() -> PersistentMemoization.open(garbage))
          .isInstanceOf(MemoStoreException.class)
          .hasMessageContaining("cannot open the memo store " + garbage);
      assertThat(Files.readString(garbage)).startsWith("this is not sqlite");
    }

    @Test
    void aFolderPathOrAFolderThatCannotBeCreatedIsAClearError() throws IOException {
      assertThatIllegalArgumentException()
          .isThrownBy(() -> PersistentMemoization.open(dir))
          .withMessage("the memo file is a directory: " + dir);
      Path regular = Files.writeString(dir.resolve("plain"), "x");
      assertThatThrownBy(() -> PersistentMemoization.open(regular.resolve("memo.db")))
          .isInstanceOf(UncheckedIOException.class)
          .hasMessageContaining("cannot create the folder of the memo file");
    }

    @Test
    void everythingFailsClearlyAfterClose() {
      Function<String, String> f = store.memoize("f", 1, s -> s, String.class);
      store.close();
      store.close();
      assertThatIllegalStateException()
          .isThrownBy(() -> f.apply("x"))
          .withMessage("the memo store " + file.toAbsolutePath() + " is closed");
      assertThatIllegalStateException()
          .isThrownBy(() -> store.memoize("g", 1, (String s) -> s, String.class));
      assertThatIllegalStateException().isThrownBy(store::size);
      assertThatIllegalStateException().isThrownBy(store::purgeExpired);
      assertThatIllegalStateException().isThrownBy(() -> store.invalidate("f"));
    }
  }
}
