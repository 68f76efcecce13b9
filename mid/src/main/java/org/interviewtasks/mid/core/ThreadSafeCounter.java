package org.interviewtasks.mid.core;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import org.interviewtasks.common.Task;

/**
 * A counter that many threads can increment at once without losing an update, in three classic
 * implementations.
 *
 * <p><b>Why a plain counter fails.</b> {@code count++} on a {@code long} field is three steps:
 * read, add, write. Two threads can both read 41 and both write 42, so one increment is lost;
 * without a happens-before edge, a reader may also never see the new value. Python's answer is a
 * {@code threading.Lock} around the increment; Java offers three, with different costs:
 *
 * <ul>
 *   <li>{@link Locked}: a {@code synchronized} method, Java's built-in lock, the direct translation
 *       of Python's {@code with lock:}. Simple and always correct; under contention threads queue
 *       for the lock, and a lock can guard several fields at once (the only option when an update
 *       spans more than one variable).
 *   <li>{@link Atomic}: {@link AtomicLong}, one lock-free compare-and-swap instruction per update.
 *       It offers {@link Atomic#incrementAndGet()}, so each caller gets a unique value (an id
 *       generator). Under heavy contention every core fights for the same cache line, and failed
 *       CAS attempts retry.
 *   <li>{@link Adder}: {@link LongAdder} spreads updates over per-thread cells and adds them up on
 *       {@link #get()}. Increments scale with cores, but {@code get()} is O(cells) and not a
 *       snapshot: increments that run concurrently with it may or may not be counted. It cannot
 *       return the value of one particular increment, so it suits statistics, not ids.
 * </ul>
 *
 * <p><b>Edge cases.</b> {@link #add(long)} accepts negative deltas. The count wraps around past
 * {@code Long.MAX_VALUE}, as the JDK's atomics do; at a billion increments per second that takes
 * 292 years. {@link #get()} is exact once all updating threads are done (joined, or the tasks'
 * futures completed), which is how the tests check that no update was lost.
 *
 * <p><b>Follow-up.</b> <i>"Which is fastest?"</i> Uncontended, all three are a few nanoseconds;
 * with many threads, {@link LongAdder} wins for increments and loses for reads (the JMH benchmark
 * {@code ThreadSafeCounterBenchmark} measures it). <i>"Is {@code volatile long} enough?"</i> No:
 * volatile makes each read and write visible, but {@code count++} is still read, add, write.
 */
@Task(id = "mid.core.8", title = "Thread-safe counter")
public interface ThreadSafeCounter {

  /** Adds one. */
  void increment();

  /** Adds {@code delta}, which may be negative. */
  void add(long delta);

  /** The current count. */
  long get();

  /** The three implementations, for choosing one by name and for testing them alike. */
  enum Kind {
    /** {@link Locked}. */
    SYNCHRONIZED,
    /** {@link Atomic}. */
    ATOMIC,
    /** {@link Adder}. */
    ADDER;

    /** A new counter of this kind, at zero. */
    public ThreadSafeCounter create() {
      return switch (this) {
        case SYNCHRONIZED -> new Locked();
        case ATOMIC -> new Atomic();
        case ADDER -> new Adder();
      };
    }
  }

  /** A counter whose every method holds the counter's monitor. */
  final class Locked implements ThreadSafeCounter {

    private long count;

    @Override
    public synchronized void increment() {
      count++;
    }

    @Override
    public synchronized void add(long delta) {
      count += delta;
    }

    @Override
    public synchronized long get() {
      return count;
    }
  }

  /** A counter on an {@link AtomicLong}: lock-free compare-and-swap. */
  final class Atomic implements ThreadSafeCounter {

    private final AtomicLong count = new AtomicLong();

    @Override
    public void increment() {
      count.incrementAndGet();
    }

    /** Adds one and returns the new count: unique to this call, unlike {@link LongAdder}. */
    public long incrementAndGet() {
      return count.incrementAndGet();
    }

    @Override
    public void add(long delta) {
      count.addAndGet(delta);
    }

    @Override
    public long get() {
      return count.get();
    }
  }

  /** A counter on a {@link LongAdder}: striped cells, summed on read. */
  final class Adder implements ThreadSafeCounter {

    private final LongAdder count = new LongAdder();

    @Override
    public void increment() {
      count.increment();
    }

    @Override
    public void add(long delta) {
      count.add(delta);
    }

    @Override
    public long get() {
      return count.sum();
    }
  }
}
