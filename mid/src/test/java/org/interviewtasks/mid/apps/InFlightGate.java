package org.interviewtasks.mid.apps;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;

/**
 * A MockWebServer dispatcher that holds every request until {@link #release()}, counting how many
 * are in flight: a test waits for {@link #awaitSaturated()} (the bound reached), releases, and then
 * checks {@link #maxInFlight()}. No sleeps: the client's bound is proven by requests really waiting
 * on the server at the same time.
 */
final class InFlightGate extends Dispatcher {

  private static final long TIMEOUT_SECONDS = 30;

  private final int bound;
  private final Function<RecordedRequest, MockResponse> answer;
  private final AtomicInteger inFlight = new AtomicInteger();
  private final AtomicInteger maxInFlight = new AtomicInteger();
  private final CountDownLatch saturated = new CountDownLatch(1);
  private final CountDownLatch release = new CountDownLatch(1);

  /** Holds requests until released; {@code answer} builds each response once it is let through. */
  InFlightGate(int bound, Function<RecordedRequest, MockResponse> answer) {
    this.bound = bound;
    this.answer = answer;
  }

  @Override
  public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
    int now = inFlight.incrementAndGet();
    maxInFlight.accumulateAndGet(now, Math::max);
    if (now == bound) {
      saturated.countDown();
    }
    release.await(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    inFlight.decrementAndGet();
    return answer.apply(request);
  }

  /** True once {@code bound} requests were held at the same time; false after the timeout. */
  boolean awaitSaturated() throws InterruptedException {
    return saturated.await(TIMEOUT_SECONDS, TimeUnit.SECONDS);
  }

  /** Lets every held and future request through. */
  void release() {
    release.countDown();
  }

  /** The most requests that were in flight at once. */
  int maxInFlight() {
    return maxInFlight.get();
  }
}
