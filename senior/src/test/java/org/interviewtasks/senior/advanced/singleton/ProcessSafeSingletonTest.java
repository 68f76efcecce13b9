package org.interviewtasks.senior.advanced.singleton;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.interviewtasks.senior.advanced.singleton.ProcessSafeSingleton.Holder;
import org.interviewtasks.senior.advanced.singleton.ProcessSafeSingleton.Options;
import org.interviewtasks.senior.advanced.singleton.ProcessSafeSingleton.Role;
import org.interviewtasks.senior.infra.ChildJvm;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProcessSafeSingletonTest {

  private static final Duration CHILD_TIMEOUT = Duration.ofSeconds(60);
  private static final String UNICODE_NOTE = "nœud-α 東京:8080 🚀";

  @TempDir Path dir;

  private final List<Child> children = Collections.synchronizedList(new ArrayList<>());

  /** A competing JVM ({@link SingletonChild}), read line by line. */
  final class Child implements AutoCloseable {
    final Process process;
    final Path stderr;
    final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    final Writer stdin;

    Child(String mode, Path lockFile, Path instances, String note) throws IOException {
      stderr = Files.createTempFile(dir, "child-", ".err");
      List<String> command =
          ChildJvm.command(
              List.of(
                  "-Xms8m",
                  "-Xmx48m",
                  "-XX:TieredStopAtLevel=1",
                  "-XX:+UseSerialGC",
                  "-Xshare:auto",
                  "-XX:-UsePerfData"),
              SingletonChild.class,
              List.of(lockFile.toString(), mode, instances.toString(), note));
      process = new ProcessBuilder(command).redirectError(stderr.toFile()).start();
      children.add(this);
      stdin = new java.io.OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
      Thread.ofVirtual()
          .start(
              () -> {
                try (BufferedReader out =
                    new BufferedReader(
                        new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                  for (String line; (line = out.readLine()) != null; ) {
                    lines.add(line);
                  }
                } catch (IOException e) {
                  lines.add("EOF " + e);
                }
              });
    }

    /** The next line the child prints, which must start with {@code prefix}. */
    String expect(String prefix) throws InterruptedException, IOException {
      String line = lines.poll(CHILD_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
      assertThat(line)
          .as("pid %d's next line (stderr: %s)", process.pid(), Files.readString(stderr))
          .isNotNull()
          .startsWith(prefix);
      return line.substring(prefix.length()).strip();
    }

    void send(String line) throws IOException {
      stdin.write(line + "\n");
      stdin.flush();
    }

    @Override
    public void close() {
      process.destroyForcibly();
      try {
        process.waitFor(CHILD_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  @AfterEach
  void stopChildren() {
    for (Child child : List.copyOf(children)) {
      child.close();
    }
  }

  private static Options quick() {
    return Options.defaults().withPollInterval(Duration.ofMillis(5));
  }

  @Nested
  class AcrossProcesses {

    @Test
    void exactlyOneOfFiveJvmsReleasedTogetherBecomesTheInstance() throws Exception {
      Path lock = dir.resolve("app.lock");
      Path instances = dir.resolve("instances.log");
      List<Child> racers = new ArrayList<>();
      for (int i = 0; i < 5; i++) {
        racers.add(new Child("try", lock, instances, "racer-" + i));
      }
      for (Child racer : racers) {
        racer.expect("READY");
      }
      for (Child racer : racers) {
        racer.send("GO"); // all are waiting on stdin: released within microseconds
      }
      List<String> answers = new ArrayList<>();
      for (Child racer : racers) {
        String line = racer.lines.poll(CHILD_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        answers.add(line);
      }

      List<Child> winners =
          racers.stream()
              .filter(r -> answers.get(racers.indexOf(r)).startsWith("INSTANCE"))
              .toList();
      assertThat(winners).as("answers %s", answers).hasSize(1);
      long winner = winners.get(0).process.pid();
      // A loser names the winner if it has published itself already; the lock decides, not that.
      assertThat(answers)
          .filteredOn(a -> !a.equals("INSTANCE " + winner))
          .hasSize(4)
          .allSatisfy(a -> assertThat(a).isIn("BUSY " + winner, "BUSY ?"));
      assertThat(Files.readAllLines(instances)).containsExactly(Long.toString(winner));
      Optional<Holder> holder = ProcessSafeSingleton.of(lock, () -> "observer").holder();
      assertThat(holder).map(Holder::pid).contains(winner);
      assertThat(holder).map(Holder::note).get().asString().startsWith("racer-");
    }

    @Test
    void aHolderKilledWithSigkillReleasesTheRoleToAWaitingProcess() throws Exception {
      Path lock = dir.resolve("sub dir").resolve("app.lock");
      Path instances = dir.resolve("instances.log");
      Child holder = new Child("try", lock, instances, UNICODE_NOTE);
      holder.expect("READY");
      holder.send("GO");
      assertThat(holder.expect("INSTANCE ")).isEqualTo(Long.toString(holder.process.pid()));
      Child waiter = new Child("wait", lock, instances, "waiter");
      waiter.expect("READY");
      waiter.send("GO");
      waiter.expect("WAITING");
      ProcessSafeSingleton<String> observer = ProcessSafeSingleton.of(lock, () -> "observer");
      assertThat(observer.holder()).map(Holder::pid).contains(holder.process.pid());
      assertThat(observer.holder()).map(Holder::note).contains(UNICODE_NOTE);
      assertThat(observer.tryAcquire()).isEmpty();

      holder.process.destroyForcibly(); // SIGKILL: no shutdown hook, no finally, no release
      assertThat(holder.process.waitFor(CHILD_TIMEOUT.toSeconds(), TimeUnit.SECONDS)).isTrue();

      assertThat(waiter.expect("INSTANCE ")).isEqualTo(Long.toString(waiter.process.pid()));
      await()
          .atMost(CHILD_TIMEOUT)
          .untilAsserted(
              () -> assertThat(observer.holder()).map(Holder::pid).contains(waiter.process.pid()));
      assertThat(Files.readAllLines(instances))
          .containsExactly(
              Long.toString(holder.process.pid()), Long.toString(waiter.process.pid()));

      waiter.send("RELEASE"); // a clean release removes the holder file and frees the role
      assertThat(waiter.process.waitFor(CHILD_TIMEOUT.toSeconds(), TimeUnit.SECONDS)).isTrue();
      assertThat(waiter.process.exitValue()).isZero();
      assertThat(observer.holder()).isEmpty();
      try (Role<String> role = observer.tryAcquire().orElseThrow()) {
        assertThat(role.instance()).isEqualTo("observer");
      }
    }

    @Test
    void waitingForARoleHeldElsewhereTimesOutInSimulatedTime() throws Exception {
      Path lock = dir.resolve("app.lock");
      Child holder = new Child("try", lock, dir.resolve("instances.log"), "busy");
      holder.expect("READY");
      holder.send("GO");
      holder.expect("INSTANCE ");
      AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-01-01T00:00:00Z"));
      List<Duration> sleeps = new ArrayList<>();
      ProcessSafeSingleton<String> waiter =
          ProcessSafeSingleton.of(
              lock,
              () -> "never",
              Options.defaults()
                  .withPollInterval(Duration.ofMillis(30))
                  .withTime(
                      now::get,
                      d -> {
                        sleeps.add(d);
                        now.updateAndGet(t -> t.plus(d));
                      }));

      assertThatThrownBy(() -> waiter.acquire(Duration.ofMillis(100)))
          .isInstanceOf(TimeoutException.class)
          .hasMessageContaining(lock.toString())
          .hasMessageContaining("PT0.1S")
          .hasMessageContaining("by pid " + holder.process.pid());
      assertThat(sleeps)
          .containsExactly(
              Duration.ofMillis(30),
              Duration.ofMillis(30),
              Duration.ofMillis(30),
              Duration.ofMillis(10));
      assertThatThrownBy(() -> waiter.acquire(Duration.ZERO)).isInstanceOf(TimeoutException.class);
      assertThat(sleeps).hasSize(4);
    }
  }

  @Nested
  class InOneProcess {

    @Test
    void everyThreadGetsTheSameInstanceMadeOnce() throws Exception {
      AtomicInteger made = new AtomicInteger();
      ProcessSafeSingleton<Object> singleton =
          ProcessSafeSingleton.of(
              dir.resolve("threads.lock"),
              () -> {
                made.incrementAndGet();
                return new Object();
              },
              quick());
      int threads = 16;
      CountDownLatch start = new CountDownLatch(1);
      try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
        List<Future<Object>> instances = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
          instances.add(
              pool.submit(
                  () -> {
                    start.await();
                    return singleton.acquire(Duration.ofSeconds(10)).instance();
                  }));
        }
        start.countDown();
        Object first = instances.get(0).get();
        for (Future<Object> instance : instances) {
          assertThat(instance.get()).isSameAs(first);
        }
      }
      assertThat(made).hasValue(1);
      singleton.tryAcquire().orElseThrow().close();
    }

    @Test
    void aSecondObjectForTheSameFileIsRefusedLikeAnotherProcessUntilTheRoleIsReleased() {
      Path lock = dir.resolve("twice.lock");
      ProcessSafeSingleton<String> first = ProcessSafeSingleton.of(lock, () -> "first");
      ProcessSafeSingleton<String> second =
          ProcessSafeSingleton.of(dir.resolve(".").resolve("twice.lock"), () -> "second");
      Role<String> role = first.tryAcquire().orElseThrow();
      assertThat(role.isHeld()).isTrue();
      assertThat(first.tryAcquire()).containsSame(role);
      assertThat(second.tryAcquire()).isEmpty();
      assertThat(second.holder()).map(Holder::pid).contains(ProcessHandle.current().pid());

      role.close();
      role.close();
      assertThat(role.isHeld()).isFalse();
      assertThatThrownBy(role::instance)
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("released");
      assertThat(Files.exists(lock)).as("the lock file is never deleted").isTrue();
      assertThat(second.holder()).isEmpty();
      try (Role<String> taken = second.tryAcquire().orElseThrow()) {
        assertThat(taken.instance()).isEqualTo("second");
        assertThat(first.tryAcquire()).isEmpty();
      }
      Role<String> again = first.tryAcquire().orElseThrow();
      assertThat(again).isNotSameAs(role);
      again.close();
    }

    @Test
    void releasingClosesAnAutoCloseableInstanceFirst() {
      List<String> events = new ArrayList<>();
      Path lock = dir.resolve("closeable.lock");
      ProcessSafeSingleton<AutoCloseable> singleton =
          ProcessSafeSingleton.of(
              lock,
              () ->
                  () -> {
                    events.add("closed while held: " + Files.exists(Path.of(lock + ".holder")));
                    throw new IllegalStateException("close fails, the role is released anyway");
                  });
      singleton.tryAcquire().orElseThrow().close();
      assertThat(events).containsExactly("closed while held: true");
      assertThat(Files.exists(Path.of(lock + ".holder"))).isFalse();
      assertThat(singleton.tryAcquire()).isPresent();
      singleton.tryAcquire().orElseThrow().close();
    }

    @Test
    void aFailingFactoryLeavesTheRoleFree() {
      Path lock = dir.resolve("factory.lock");
      ProcessSafeSingleton<String> failing =
          ProcessSafeSingleton.of(
              lock,
              () -> {
                throw new IllegalStateException("cannot start");
              });
      assertThatThrownBy(failing::tryAcquire).hasMessage("cannot start");
      ProcessSafeSingleton<String> nulls = ProcessSafeSingleton.of(lock, () -> null);
      assertThatNullPointerException()
          .isThrownBy(nulls::tryAcquire)
          .withMessageContaining("factory returned null");
      assertThat(Files.exists(Path.of(lock + ".holder"))).isFalse();
      ProcessSafeSingleton<String> working = ProcessSafeSingleton.of(lock, () -> "ok");
      try (Role<String> role = working.tryAcquire().orElseThrow()) {
        assertThat(role.instance()).isEqualTo("ok");
        assertThat(role.holder().pid()).isEqualTo(ProcessHandle.current().pid());
      }
    }

    @Test
    void aStaleOrGarbledHolderFileNamesNobody() throws IOException {
      Path lock = dir.resolve("stale.lock");
      ProcessSafeSingleton<String> singleton = ProcessSafeSingleton.of(lock, () -> "x");
      Path holderFile = Path.of(lock + ".holder");
      Process dead = new ProcessBuilder("true").start();
      dead.onExit().join();
      Files.writeString(holderFile, "pid=" + dead.pid() + "\nacquiredAt=2026-01-01T00:00:00Z\n");
      assertThat(singleton.holder()).isEmpty();
      Files.writeString(
          holderFile,
          "pid=" + ProcessHandle.current().pid() + "\nacquiredAt=2026-01-01T00:00:00Z\nnote=me\n");
      assertThat(singleton.holder())
          .contains(
              new Holder(
                  ProcessHandle.current().pid(), Instant.parse("2026-01-01T00:00:00Z"), "me"));
      Files.writeString(
          holderFile,
          "pid="
              + ProcessHandle.current().pid()
              + "\nacquiredAt=2026-01-01T00:00:00Z\nprocessStart=2000-01-01T00:00:00Z\n");
      assertThat(singleton.holder()).isEmpty();
      Files.writeString(holderFile, "pid=not a number\n");
      assertThat(singleton.holder()).isEmpty();
    }

    @Test
    void theHolderRecordsTheInjectedClock() {
      Instant at = Instant.parse("2030-05-06T07:08:09Z");
      ProcessSafeSingleton<String> singleton =
          ProcessSafeSingleton.of(
              dir.resolve("clock.lock"),
              () -> "x",
              Options.defaults().withTime(InstantSource.fixed(at), d -> {}).withNote(UNICODE_NOTE));
      try (Role<String> role = singleton.tryAcquire().orElseThrow()) {
        assertThat(role.holder().acquiredAt()).isEqualTo(at);
        assertThat(singleton.holder()).contains(role.holder());
        assertThat(singleton.lockFile()).isEqualTo(dir.resolve("clock.lock"));
      }
    }
  }

  @Nested
  class BadInput {

    @Test
    void aLockFolderThatCannotBeWrittenIsAClearError() throws IOException {
      Path regularFile = Files.writeString(dir.resolve("not-a-folder"), "x");
      assertThatThrownBy(() -> ProcessSafeSingleton.of(regularFile.resolve("app.lock"), () -> "x"))
          .isInstanceOf(UncheckedIOException.class)
          .hasMessageContaining("cannot use lock file " + regularFile.resolve("app.lock"))
          .hasMessageContaining(regularFile + " exists and is not a directory");
      assertThatThrownBy(
              () ->
                  ProcessSafeSingleton.of(
                      regularFile.resolve("deeper").resolve("app.lock"), () -> "x"))
          .isInstanceOf(UncheckedIOException.class)
          .hasMessageContaining(regularFile.resolve("deeper") + ": Not a directory");
      Path folder = Files.createDirectory(dir.resolve("a-folder"));
      assertThatThrownBy(() -> ProcessSafeSingleton.of(folder, () -> "x"))
          .isInstanceOf(UncheckedIOException.class)
          .hasMessageContaining(folder + ": cannot be the lock file: it is a directory");
    }

    @Test
    void aLockFileThatTurnsIntoAFolderFailsAtTheAttempt() throws IOException {
      Path lock = dir.resolve("later.lock");
      ProcessSafeSingleton<String> singleton = ProcessSafeSingleton.of(lock, () -> "x");
      Files.createDirectory(lock);
      assertThatThrownBy(singleton::tryAcquire)
          .isInstanceOf(UncheckedIOException.class)
          .hasMessageStartingWith("cannot use lock file " + lock);
      Files.delete(lock);
      assertThat(singleton.tryAcquire()).isPresent();
      singleton.tryAcquire().orElseThrow().close();
    }

    @Test
    void nullsAndRangesAreRejected() {
      Path lock = dir.resolve("x.lock");
      assertThatNullPointerException()
          .isThrownBy(() -> ProcessSafeSingleton.of(null, () -> "x"))
          .withMessage("lockFile");
      assertThatNullPointerException()
          .isThrownBy(() -> ProcessSafeSingleton.of(lock, null))
          .withMessage("factory");
      assertThatNullPointerException()
          .isThrownBy(() -> ProcessSafeSingleton.of(lock, () -> "x", null))
          .withMessage("options");
      assertThatIllegalArgumentException()
          .isThrownBy(() -> ProcessSafeSingleton.of(Path.of("/"), () -> "x"))
          .withMessageContaining("not a root");
      assertThatIllegalArgumentException()
          .isThrownBy(() -> Options.defaults().withPollInterval(Duration.ZERO))
          .withMessage("pollInterval must be positive: PT0S");
      assertThatIllegalArgumentException()
          .isThrownBy(() -> Options.defaults().withPollInterval(Duration.ofMillis(-1)))
          .withMessageContaining("positive");
      assertThatIllegalArgumentException()
          .isThrownBy(() -> Options.defaults().withNote("n".repeat(1_001)))
          .withMessage("note must be at most 1000 chars: 1001");
      assertThat(Options.defaults().withNote("n".repeat(1_000)).note()).hasSize(1_000);
      assertThatNullPointerException().isThrownBy(() -> Options.defaults().withNote(null));
      assertThatNullPointerException().isThrownBy(() -> Options.defaults().withTime(null, d -> {}));
      assertThatNullPointerException()
          .isThrownBy(() -> Options.defaults().withTime(InstantSource.system(), null));
      assertThatNullPointerException().isThrownBy(() -> new Holder(1, null, ""));
      ProcessSafeSingleton<String> singleton = ProcessSafeSingleton.of(lock, () -> "x");
      assertThatNullPointerException().isThrownBy(() -> singleton.acquire(null));
      assertThatIllegalArgumentException()
          .isThrownBy(() -> singleton.acquire(Duration.ofNanos(-1)))
          .withMessage("timeout must not be negative: PT-0.000000001S");
    }

    @Test
    void aHugeTimeoutIsNoOverflow() throws Exception {
      ProcessSafeSingleton<String> singleton =
          ProcessSafeSingleton.of(dir.resolve("huge.lock"), () -> "x");
      try (Role<String> role = singleton.acquire(Duration.ofSeconds(Long.MAX_VALUE))) {
        assertThat(role.instance()).isEqualTo("x");
      }
    }
  }
}
