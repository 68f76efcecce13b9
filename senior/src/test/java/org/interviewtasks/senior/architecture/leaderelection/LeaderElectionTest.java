package org.interviewtasks.senior.architecture.leaderelection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.curator.framework.CuratorFramework;
import org.interviewtasks.common.testing.StdStreams;
import org.interviewtasks.senior.architecture.leaderelection.FencedLedger.FencingException;
import org.interviewtasks.senior.architecture.leaderelection.LeaderElection.Leadership;
import org.interviewtasks.senior.infra.ZooKeeperEnsemble;
import org.interviewtasks.senior.infra.ZooKeeperNodes;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;

class LeaderElectionTest {

  private static final Duration PATIENCE = Duration.ofSeconds(60);

  @Nested
  @ZooKeeperEnsemble(3)
  class OnAThreeServerEnsemble {

    final List<CuratorFramework> clients = new ArrayList<>();
    final List<LeaderElection> workers = new ArrayList<>();
    final List<Leadership> elected = new CopyOnWriteArrayList<>();
    String path;

    @BeforeEach
    void startWorkers(ZooKeeperNodes zk, TestInfo test) {
      path = "/elections/" + test.getTestMethod().orElseThrow().getName();
      for (int i = 0; i < 3; i++) {
        CuratorFramework client = LeaderElectionDemo.client(zk.connectString());
        clients.add(client);
        LeaderElection worker = new LeaderElection(client, path, "worker-" + i, elected::add);
        workers.add(worker);
        worker.start();
      }
    }

    @AfterEach
    void stopWorkers() {
      workers.forEach(LeaderElection::close);
      clients.forEach(CuratorFramework::close);
    }

    LeaderElection awaitSingleLeader(List<LeaderElection> among) {
      await()
          .atMost(PATIENCE)
          .until(() -> among.stream().filter(LeaderElection::isLeader).count() == 1);
      return among.stream().filter(LeaderElection::isLeader).findFirst().orElseThrow();
    }

    List<LeaderElection> others(LeaderElection leader) {
      return workers.stream().filter(w -> w != leader).toList();
    }

    @Test
    void electsExactlyOneLeaderThatEveryoneAgreesOn() {
      LeaderElection leader = awaitSingleLeader(workers);

      assertThat(workers.stream().filter(LeaderElection::isLeader)).containsExactly(leader);
      for (LeaderElection worker : workers) {
        assertThat(worker.currentLeaderId()).contains(leader.participantId());
      }
      Leadership term = leader.leadership().orElseThrow();
      assertThat(term.participantId()).isEqualTo(leader.participantId());
      assertThat(term.fencingToken()).isEqualTo(1);
      assertThat(elected).containsExactly(term);
      assertThat(others(leader)).allSatisfy(w -> assertThat(w.leadership()).isEmpty());
      assertThat(leader).hasToString("LeaderElection[" + leader.participantId() + ", leader]");
      assertThat(others(leader).get(0).toString()).doesNotContain("leader]");
    }

    @Test
    void whenTheLeadersSessionDiesANewLeaderTakesOverWithAHigherToken() {
      LeaderElection first = awaitSingleLeader(workers);
      long firstToken = first.leadership().orElseThrow().fencingToken();

      LeaderElectionDemo.expireSession(clients.get(workers.indexOf(first)));

      LeaderElection second = awaitSingleLeader(others(first));
      await().atMost(PATIENCE).until(() -> !first.isLeader());
      assertThat(second.leadership().orElseThrow().fencingToken()).isGreaterThan(firstToken);
      await()
          .atMost(PATIENCE)
          .untilAsserted(
              () ->
                  assertThat(workers.stream().filter(LeaderElection::isLeader))
                      .containsExactly(second));
    }

    @Test
    void aLeaderThatLeavesHandsOverAtOnce() {
      LeaderElection first = awaitSingleLeader(workers);

      first.close();

      LeaderElection second = awaitSingleLeader(others(first));
      assertThat(first.isLeader()).isFalse();
      assertThat(first.leadership()).isEmpty();
      assertThat(second.leadership().orElseThrow().fencingToken()).isEqualTo(2);
      assertThat(elected).extracting(Leadership::fencingToken).containsExactly(1L, 2L);
    }

    @Test
    void aLeaderWhoseClientIsClosedUnderItStopsClaimingBeforeAnotherWins() throws Exception {
      LeaderElection first = awaitSingleLeader(workers);
      List<LeaderElection> rest = others(first);
      AtomicBoolean stop = new AtomicBoolean();
      AtomicInteger overlaps = new AtomicInteger();
      AtomicInteger samples = new AtomicInteger();
      Thread watcher =
          Thread.ofPlatform()
              .start(
                  () -> {
                    while (!stop.get()) {
                      // The others are read first: a closed client's leadership never comes back,
                      // so a claim by the first after another's means both claimed at once.
                      boolean another = rest.stream().anyMatch(LeaderElection::isLeader);
                      if (another && first.isLeader()) {
                        overlaps.incrementAndGet();
                      }
                      samples.incrementAndGet();
                    }
                  });

      clients.get(workers.indexOf(first)).close();

      assertThat(first.isLeader()).isFalse();
      LeaderElection second = awaitSingleLeader(rest);
      stop.set(true);
      watcher.join();
      assertThat(overlaps).hasValue(0);
      assertThat(samples.get()).isPositive();
      assertThat(first.leadership()).isEmpty();
      assertThat(second.leadership().orElseThrow().fencingToken()).isEqualTo(2);
      assertThat(workers.stream().filter(LeaderElection::isLeader)).containsExactly(second);
    }

    @Test
    void aParticipantStartsOnceAndAClosedOneCannotRejoin() {
      LeaderElection leader = awaitSingleLeader(workers);
      assertThatIllegalStateException()
          .isThrownBy(leader::start)
          .withMessage(leader.participantId() + " has already started");

      LeaderElection other = others(leader).get(0);
      other.close();
      assertThatIllegalStateException()
          .isThrownBy(other::start)
          .withMessage(other.participantId() + " is closed; create a new participant to rejoin");

      leader.close();
      LeaderElection last = awaitSingleLeader(others(leader));
      assertThat(last).isNotSameAs(other);
      assertThat(last.leadership().orElseThrow().fencingToken()).isEqualTo(2);
    }

    @Test
    void survivesAZooKeeperServerGoingDownWithOneLeaderAndRisingTokens(ZooKeeperNodes zk) {
      LeaderElection before = awaitSingleLeader(workers);
      FencedLedger ledger = new FencedLedger();
      ledger.append(before.leadership().orElseThrow().fencingToken(), "before");

      zk.kill(0);

      LeaderElection after = awaitSingleLeader(workers);
      Leadership term = after.leadership().orElseThrow();
      ledger.append(term.fencingToken(), "after");
      assertThat(ledger.entries())
          .extracting(FencedLedger.Entry::text)
          .containsExactly("before", "after");
      assertThat(elected)
          .extracting(Leadership::fencingToken)
          .isSorted()
          .doesNotHaveDuplicates()
          .last()
          .isEqualTo(term.fencingToken());
      assertThat(after.currentLeaderId()).contains(after.participantId());
    }

    @Test
    void twoLeadersBelievingTheyLeadIsHarmlessThanksToTheFencingToken() throws Exception {
      LeaderElection first = awaitSingleLeader(workers);
      FencedLedger ledger = new FencedLedger();
      CountDownLatch paused = new CountDownLatch(1);
      CountDownLatch resume = new CountDownLatch(1);
      try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
        // The old leader's worker checked that it leads, then stalls (a GC pause, say).
        Future<Optional<FencingException>> oldLeaderWork =
            pool.submit(
                () -> {
                  Leadership believed = first.leadership().orElseThrow();
                  ledger.append(believed.fencingToken(), "old leader: step 1");
                  paused.countDown();
                  assertThat(resume.await(60, TimeUnit.SECONDS)).isTrue();
                  try {
                    ledger.append(believed.fencingToken(), "old leader: step 2");
                    return Optional.empty();
                  } catch (FencingException e) {
                    return Optional.of(e);
                  }
                });
        assertThat(paused.await(30, TimeUnit.SECONDS)).isTrue();

        LeaderElectionDemo.expireSession(clients.get(workers.indexOf(first)));
        LeaderElection second = awaitSingleLeader(others(first));
        Leadership newTerm = second.leadership().orElseThrow();
        ledger.append(newTerm.fencingToken(), "new leader: step 1");
        resume.countDown();

        FencingException rejected = oldLeaderWork.get(60, TimeUnit.SECONDS).orElseThrow();
        assertThat(rejected.token()).isEqualTo(1);
        assertThat(rejected.highestToken()).isEqualTo(newTerm.fencingToken());
        assertThat(rejected)
            .hasMessage(
                "stale fencing token 1: a leader with token "
                    + newTerm.fencingToken()
                    + " has written since");
      }
      assertThat(ledger.entries())
          .extracting(FencedLedger.Entry::text)
          .containsExactly("old leader: step 1", "new leader: step 1");
    }
  }

  @Nested
  class Ledger {

    @Test
    void acceptsEqualAndHigherTokensRejectsLowerOnes() {
      FencedLedger ledger = new FencedLedger();
      assertThat(ledger.highestToken()).isZero();

      ledger.append(1, "a");
      ledger.append(1, "b");
      ledger.append(3, "c");

      assertThatThrownBy(() -> ledger.append(2, "late"))
          .isInstanceOfSatisfying(
              FencingException.class,
              e -> {
                assertThat(e.token()).isEqualTo(2);
                assertThat(e.highestToken()).isEqualTo(3);
              })
          .hasMessage("stale fencing token 2: a leader with token 3 has written since");
      assertThat(ledger.highestToken()).isEqualTo(3);
      assertThat(ledger.entries())
          .containsExactly(
              new FencedLedger.Entry(1, "a"),
              new FencedLedger.Entry(1, "b"),
              new FencedLedger.Entry(3, "c"));
    }

    @Test
    void rejectsTokensBelowOneAndNullText() {
      FencedLedger ledger = new FencedLedger();

      assertThatIllegalArgumentException()
          .isThrownBy(() -> ledger.append(0, "x"))
          .withMessage("fencing tokens start at 1: 0");
      assertThatNullPointerException().isThrownBy(() -> ledger.append(1, null)).withMessage("text");
      ledger.append(1, "x");
      assertThat(ledger.entries()).hasSize(1);
    }

    @Test
    void keepsTheHighestTokenUnderConcurrentWriters() throws Exception {
      FencedLedger ledger = new FencedLedger();
      AtomicInteger rejected = new AtomicInteger();
      List<Future<?>> writes = new ArrayList<>();
      try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
        for (int token = 1; token <= 200; token++) {
          long t = token;
          writes.add(
              pool.submit(
                  () -> {
                    try {
                      ledger.append(t, "w" + t);
                    } catch (FencingException e) {
                      rejected.incrementAndGet();
                    }
                  }));
        }
        for (Future<?> write : writes) {
          write.get(10, TimeUnit.SECONDS);
        }
      }
      assertThat(ledger.highestToken()).isEqualTo(200);
      assertThat(ledger.entries()).extracting(FencedLedger.Entry::token).isSorted();
      assertThat(ledger.entries().size() + rejected.get()).isEqualTo(200);
    }

    @Test
    void entriesAreASnapshot() {
      FencedLedger ledger = new FencedLedger();
      ledger.append(1, "a");
      List<FencedLedger.Entry> snapshot = ledger.entries();

      ledger.append(2, "b");

      assertThat(snapshot).hasSize(1);
      assertThatThrownBy(() -> snapshot.add(new FencedLedger.Entry(9, "z")))
          .isInstanceOf(UnsupportedOperationException.class);
    }
  }

  @Nested
  class Validation {

    @Test
    void rejectsBadArgumentsBeforeTouchingZooKeeper() {
      CuratorFramework client = LeaderElectionDemo.client("127.0.0.1:1");
      try {
        assertThatIllegalArgumentException()
            .isThrownBy(() -> new LeaderElection(client, "elections", "w"))
            .withMessage("path must be absolute, without a trailing /: elections");
        assertThatIllegalArgumentException()
            .isThrownBy(() -> new LeaderElection(client, "/elections/", "w"))
            .withMessage("path must be absolute, without a trailing /: /elections/");
        assertThatIllegalArgumentException()
            .isThrownBy(() -> new LeaderElection(client, "/e", " "))
            .withMessage("participantId is blank");
        assertThatNullPointerException()
            .isThrownBy(() -> new LeaderElection(null, "/e", "w"))
            .withMessage("client");
        assertThatNullPointerException()
            .isThrownBy(() -> new LeaderElection(client, null, "w"))
            .withMessage("path");
        assertThatNullPointerException()
            .isThrownBy(() -> new LeaderElection(client, "/e", null))
            .withMessage("participantId");
        assertThatNullPointerException()
            .isThrownBy(() -> new LeaderElection(client, "/e", "w", null))
            .withMessage("onElected");
        try (LeaderElection idle = new LeaderElection(client, "/e", "w")) {
          assertThat(idle.isLeader()).isFalse();
          assertThat(idle.leadership()).isEmpty();
          assertThat(idle.participantId()).isEqualTo("w");
          assertThat(idle).hasToString("LeaderElection[w]");
        }
        LeaderElection neverStarted = new LeaderElection(client, "/e", "n");
        neverStarted.close();
        neverStarted.close();
        assertThatIllegalStateException()
            .isThrownBy(neverStarted::start)
            .withMessage("n is closed; create a new participant to rejoin");
        assertThat(neverStarted.isLeader()).isFalse();
      } finally {
        client.close();
      }
      LeaderElection onAClosedClient = new LeaderElection(client, "/e", "x");
      assertThatIllegalStateException()
          .isThrownBy(onAClosedClient::start)
          .withMessage("the Curator client of x is STOPPED, not started");
      onAClosedClient.close();
    }
  }

  @Nested
  @Tag("infra")
  class Demo {

    @Test
    void showsElectionFailoverAndFencing() throws Exception {
      var printed = StdStreams.capture(() -> LeaderElection.main());

      assertThat(printed.out())
          .contains("ZooKeeper ensemble: ")
          .containsPattern("leader: worker-\\d \\(fencing token 1\\)")
          .containsPattern("new leader: worker-\\d \\(fencing token 2\\)")
          .containsPattern(
              "worker-\\d wakes up and writes: rejected, stale fencing token 1: a leader with"
                  + " token 2 has written since")
          .contains("ZooKeeper server 0 is down; 2 of 3 keep the quorum")
          .doesNotContain("fencing failed");
    }

    @Test
    void takesNoArguments() {
      assertThatIllegalArgumentException()
          .isThrownBy(() -> LeaderElection.main("x"))
          .withMessage("usage: senior.architecture.4");
    }
  }
}
