package org.interviewtasks.senior.advanced.microservices;

import io.grpc.Context;
import io.grpc.Deadline;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.interviewtasks.senior.advanced.microservices.proto.InventoryGrpc;
import org.interviewtasks.senior.advanced.microservices.proto.Item;

/**
 * The inventory service with knobs for tests: fail the next calls with a code, hang until the
 * caller gives up, hold calls on a latch; and what it saw: calls received, deadlines,
 * cancellations.
 */
final class ControlledInventory {

  enum Mode {
    NORMAL,
    FAIL,
    HANG,
    HOLD,
    CRASH
  }

  final Shop.InventoryStore store = new Shop.InventoryStore();
  final AtomicInteger calls = new AtomicInteger();
  final AtomicInteger failuresLeft = new AtomicInteger();
  final AtomicReference<ErrorCode> failure = new AtomicReference<>(ErrorCode.UNAVAILABLE);
  final AtomicReference<Mode> mode = new AtomicReference<>(Mode.NORMAL);
  final List<Long> deadlinesMs = new CopyOnWriteArrayList<>();
  final CountDownLatch cancelled = new CountDownLatch(1);
  final AtomicReference<CountDownLatch> entered = new AtomicReference<>(new CountDownLatch(0));
  final CountDownLatch hold = new CountDownLatch(1);

  ControlledInventory() {
    store.put(
        Item.newBuilder()
            .setSku("tea")
            .setName("Oolong tea")
            .setPriceCents(450)
            .setAvailable(40)
            .build());
    store.put(
        Item.newBuilder()
            .setSku("café/moulu 🍵")
            .setName("Café moulu, 250 g")
            .setPriceCents(1_290)
            .setAvailable(3)
            .build());
  }

  /** Fails every call with {@code code} until {@link #recover()}. */
  void failWith(ErrorCode code) {
    failure.set(code);
    mode.set(Mode.FAIL);
  }

  /** Fails the next {@code n} calls with {@code code}, then serves normally. */
  void failNext(int n, ErrorCode code) {
    failure.set(code);
    failuresLeft.set(n);
  }

  void recover() {
    mode.set(Mode.NORMAL);
  }

  ServiceDefinition definition() {
    return ServiceDefinition.builder(Shop.INVENTORY)
        .unary(
            InventoryGrpc.getGetItemMethod(),
            request -> {
              before();
              return store.getItem(request);
            })
        .unary(
            InventoryGrpc.getReserveMethod(),
            request -> {
              before();
              return store.reserve(request);
            })
        .build();
  }

  private void before() {
    calls.incrementAndGet();
    Deadline deadline = Context.current().getDeadline();
    if (deadline != null) {
      deadlinesMs.add(deadline.timeRemaining(TimeUnit.MILLISECONDS));
    }
    entered.get().countDown();
    if (failuresLeft.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
      throw ServiceException.of(failure.get(), "injected " + failure.get());
    }
    switch (mode.get()) {
      case NORMAL -> {}
      case FAIL -> throw ServiceException.of(failure.get(), "injected " + failure.get());
      case CRASH -> throw new IllegalStateException("secret internal state");
      case HANG -> hangUntilCancelled();
      case HOLD -> {
        try {
          hold.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
    }
  }

  private void hangUntilCancelled() {
    CountDownLatch gone = new CountDownLatch(1);
    Context.current().addListener(c -> gone.countDown(), Runnable::run);
    try {
      if (gone.await(30, TimeUnit.SECONDS)) {
        cancelled.countDown();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    throw ServiceException.of(ErrorCode.CANCELLED, "the caller went away");
  }
}
