package org.interviewtasks.mid.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.interviewtasks.mid.core.ThreadSafeCounter.Kind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ThreadSafeCounterTest {

  static final int THREADS = 8;
  static final int PER_THREAD = 50_000;

  /** Runs {@code work} on {@link #THREADS} threads released together, and waits for them all. */
  static void onManyThreadsAtOnce(Runnable work) throws Exception {
    CountDownLatch ready = new CountDownLatch(THREADS);
    CountDownLatch start = new CountDownLatch(1);
    try (ExecutorService pool = Executors.newFixedThreadPool(THREADS)) {
      List<Future<?>> futures = new ArrayList<>();
      for (int t = 0; t < THREADS; t++) {
        futures.add(
            pool.submit(
                () -> {
                  ready.countDown();
                  start.await(); // all threads hit the counter at the same moment
                  work.run();
                  return null;
                }));
      }
      assertThat(ready.await(30, TimeUnit.SECONDS)).isTrue();
      start.countDown();
      for (Future<?> future : futures) {
        future.get(60, TimeUnit.SECONDS); // rethrows what a thread threw
      }
    }
  }

  @ParameterizedTest
  @EnumSource(Kind.class)
  void countsSequentially(Kind kind) {
    ThreadSafeCounter counter = kind.create();
    assertThat(counter.get()).isZero();

    counter.increment();
    counter.increment();
    counter.add(40);
    counter.add(-5);

    assertThat(counter.get()).isEqualTo(37);
    assertThat(kind.create().get()).isZero();
  }

  @ParameterizedTest
  @EnumSource(Kind.class)
  void losesNoIncrementUnderContention(Kind kind) throws Exception {
    ThreadSafeCounter counter = kind.create();

    onManyThreadsAtOnce(
        () -> {
          for (int i = 0; i < PER_THREAD; i++) {
            counter.increment();
          }
        });

    assertThat(counter.get()).isEqualTo((long) THREADS * PER_THREAD);
  }

  @ParameterizedTest
  @EnumSource(Kind.class)
  void losesNoAdditionUnderContention(Kind kind) throws Exception {
    ThreadSafeCounter counter = kind.create();

    onManyThreadsAtOnce(
        () -> {
          for (int i = 0; i < PER_THREAD; i++) {
            counter.add(3);
            counter.add(-1);
          }
        });

    assertThat(counter.get()).isEqualTo(2L * THREADS * PER_THREAD);
  }

  @Test
  void eachKindIsItsOwnImplementation() {
    assertThat(Kind.SYNCHRONIZED.create()).isInstanceOf(ThreadSafeCounter.Locked.class);
    assertThat(Kind.ATOMIC.create()).isInstanceOf(ThreadSafeCounter.Atomic.class);
    assertThat(Kind.ADDER.create()).isInstanceOf(ThreadSafeCounter.Adder.class);
  }

  @Test
  void atomicIncrementAndGetHandsOutEveryValueOnce() throws Exception {
    ThreadSafeCounter.Atomic counter = new ThreadSafeCounter.Atomic();
    Set<Long> seen = ConcurrentHashMap.newKeySet();

    onManyThreadsAtOnce(
        () -> {
          for (int i = 0; i < PER_THREAD / 10; i++) {
            seen.add(counter.incrementAndGet());
          }
        });

    long total = (long) THREADS * (PER_THREAD / 10);
    assertThat(seen).hasSize((int) total).contains(1L, total).doesNotContain(0L, total + 1);
    assertThat(counter.get()).isEqualTo(total);
  }
}
