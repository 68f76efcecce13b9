package org.interviewtasks.senior.advanced.microservices;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class BulkheadTest {

  @Test
  void neverLetsMoreThanItsLimitInAtOnce() throws Exception {
    Bulkhead bulkhead = new Bulkhead("db", 3, Duration.ZERO);
    int threads = 12;
    CyclicBarrier start = new CyclicBarrier(threads);
    CountDownLatch decided = new CountDownLatch(threads);
    CountDownLatch release = new CountDownLatch(1);
    AtomicInteger inside = new AtomicInteger();
    AtomicInteger most = new AtomicInteger();
    AtomicInteger refused = new AtomicInteger();
    try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
      List<Future<Boolean>> results = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        results.add(
            pool.submit(
                () -> {
                  start.await(10, TimeUnit.SECONDS);
                  if (!bulkhead.tryEnter(Duration.ofSeconds(10))) {
                    refused.incrementAndGet();
                    decided.countDown();
                    return false;
                  }
                  try {
                    most.accumulateAndGet(inside.incrementAndGet(), Math::max);
                    decided.countDown();
                    release.await(10, TimeUnit.SECONDS);
                    return true;
                  } finally {
                    inside.decrementAndGet();
                    bulkhead.exit();
                  }
                }));
      }
      assertThat(decided.await(10, TimeUnit.SECONDS)).isTrue();
      assertThat(refused).hasValue(threads - 3);
      assertThat(bulkhead.available()).isZero();
      release.countDown();
      int entered = 0;
      for (Future<Boolean> result : results) {
        entered += result.get(10, TimeUnit.SECONDS) ? 1 : 0;
      }
      assertThat(entered).isEqualTo(3);
    }
    assertThat(most).hasValue(3);
    assertThat(bulkhead.available()).isEqualTo(3);
  }

  @Test
  void waitsAtMostTheShorterOfItsWaitAndTheBudget() throws Exception {
    Bulkhead bulkhead = new Bulkhead("db", 1, Duration.ofMillis(50));
    assertThat(bulkhead.tryEnter(Duration.ofSeconds(5))).isTrue();
    assertThat(bulkhead.tryEnter(Duration.ofSeconds(5))).isFalse(); // after 50 ms
    assertThat(bulkhead.tryEnter(Duration.ZERO)).isFalse();
    bulkhead.exit();
    assertThat(bulkhead.tryEnter(Duration.ofNanos(-1))).isTrue();
    assertThat(bulkhead.maxConcurrent()).isEqualTo(1);
    assertThat(bulkhead.maxWait()).isEqualTo(Duration.ofMillis(50));
    assertThat(bulkhead.name()).isEqualTo("db");
    assertThat(bulkhead).hasToString("Bulkhead[db, 0/1 free]");
  }

  @Test
  void rejectsBadSettings() {
    assertThatThrownBy(() -> new Bulkhead("x", 0, Duration.ZERO))
        .hasMessage("maxConcurrent must be in [1, 100000]: 0");
    assertThatThrownBy(() -> new Bulkhead("x", 100_001, Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Bulkhead("x", 1, Duration.ofMillis(-1)))
        .hasMessage("maxWait must be >= 0: PT-0.001S");
    assertThatThrownBy(() -> new Bulkhead(null, 1, Duration.ZERO))
        .isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> new Bulkhead("x", 1, null)).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> new Bulkhead("x", 1, Duration.ZERO).tryEnter(null))
        .isInstanceOf(NullPointerException.class);
  }
}
