package org.interviewtasks.senior.advanced.events;

import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The event-id store that makes handlers idempotent: an event delivered twice (Kafka delivers at
 * least once) has its effect applied once.
 *
 * <p>The guarantee is only as strong as the store: the effect and the record of the id must commit
 * together. {@link #inMemory()} does that for effects on memory of the same process; a handler that
 * writes to a database would implement this interface with one transaction holding both its writes
 * and an {@code INSERT} into a table of processed ids (primary key on scope and id).
 */
public interface ProcessedEvents {

  /** The side effect of handling one event. */
  @FunctionalInterface
  interface Effect {
    /** Applies the effect; an exception means nothing was applied. */
    void run() throws Exception;
  }

  /**
   * Runs {@code effect} unless the event was already processed in {@code scope}, and records it as
   * processed when the effect completes normally; calls for the same id are serialised.
   *
   * @param scope who processes (e.g. a consumer group), so that two services each see the event
   * @param eventId the event's id
   * @param effect the handler's work
   * @return {@code true} if the effect ran, {@code false} if the event was a duplicate
   * @throws Exception what the effect threw; the id is then not recorded, so a retry runs it again
   */
  boolean runOnce(String scope, String eventId, Effect effect) throws Exception;

  /** A store in this process's memory, for effects that live in the same memory. */
  static ProcessedEvents inMemory() {
    return new InMemory();
  }

  /** Ids in a concurrent set, with one of 64 locks per id so a duplicate waits for the first. */
  final class InMemory implements ProcessedEvents {
    private static final int STRIPES = 64;
    private final Set<String> done = ConcurrentHashMap.newKeySet();
    private final ReentrantLock[] locks = new ReentrantLock[STRIPES];

    InMemory() {
      for (int i = 0; i < STRIPES; i++) {
        locks[i] = new ReentrantLock();
      }
    }

    @Override
    public boolean runOnce(String scope, String eventId, Effect effect) throws Exception {
      Objects.requireNonNull(scope, "scope");
      Objects.requireNonNull(eventId, "eventId");
      Objects.requireNonNull(effect, "effect");
      String key = scope + '\u0000' + eventId;
      ReentrantLock lock = locks[Math.floorMod(key.hashCode(), STRIPES)];
      lock.lock();
      try {
        if (done.contains(key)) {
          return false;
        }
        effect.run();
        done.add(key);
        return true;
      } finally {
        lock.unlock();
      }
    }

    /** How many (scope, id) pairs are recorded. */
    public int size() {
      return done.size();
    }
  }
}
