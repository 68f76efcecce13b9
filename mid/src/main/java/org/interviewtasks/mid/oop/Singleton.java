package org.interviewtasks.mid.oop;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.interviewtasks.common.Task;

/**
 * The Singleton pattern, a class with exactly one instance and a global way to reach it, in the
 * three forms worth knowing in Java, each a nested type here.
 *
 * <p>Each one hands out ids from one shared sequence ({@link IdSource}), the kind of process-wide
 * service a singleton is used for. Python's usual answer is a module (imported once) or a {@code
 * __new__} that returns a cached instance; Java needs the class itself to guarantee it, and the
 * hard part is doing that when several threads ask for the instance first at the same moment.
 *
 * <ul>
 *   <li>{@link EnumSingleton}: an enum with one constant. The JVM creates enum constants exactly
 *       once, when the class is initialized, and class initialization is thread-safe. It also
 *       resists the two ways to make a second instance: reflection ({@code Constructor.newInstance}
 *       refuses enums) and deserialization (enums deserialize to the existing constant). The best
 *       default (Effective Java, item 3). Limits: it cannot extend a class, and it is created when
 *       the enum is first touched, not when the instance is first asked for.
 *   <li>{@link HolderSingleton}: the initialization-on-demand holder. The instance lives in a
 *       static field of a private nested class, which the JVM initializes only on first use of that
 *       class, that is on the first {@code getInstance()}, under the class-initialization lock:
 *       lazy and thread-safe with no synchronization code and no cost after initialization. The
 *       choice when the class must be lazy or extend another class. Its constructor refuses to run
 *       twice, against reflection.
 *   <li>{@link DoubleCheckedSingleton}: check, lock, check again. For when the instance is created
 *       from arguments or can be reset, which a holder's static final field cannot do. The field
 *       must be {@code volatile}: without it, another thread may see the reference before the
 *       constructor's writes (the famous broken DCL before Java 5). Reading it once into a local
 *       keeps the fast path to one volatile read.
 * </ul>
 *
 * <p><b>Edge cases.</b> "One instance" means one per class loader: a class loaded twice, by two
 * loaders, is two classes with two instances (application servers, plugins; the tests use exactly
 * that to repeat "first access" in fresh copies of these classes). The naive lazy version, {@code
 * if (instance == null) instance = new ...} without a lock, can create two instances when two
 * threads race; it is not shown as code because a test of it could only be flaky.
 *
 * <p><b>Follow-up.</b> <i>"Why do people call it an anti-pattern?"</i> It is global mutable state:
 * hidden dependencies, order-dependent tests, no way to substitute a fake. Prefer creating one
 * instance at startup and passing it to whoever needs it (dependency injection; Spring's beans are
 * singletons per container without any of this code). <i>"Serializable?"</i> Only the enum is safe
 * for free; the others need {@code readResolve()} returning the instance.
 */
@Task(id = "mid.oop.2", title = "Singleton pattern")
public final class Singleton {

  private Singleton() {}

  /** What each singleton offers: unique ids from one sequence. */
  public interface IdSource {

    /** The next id: 1, 2, 3, … across all threads, each handed out once. */
    long nextId();
  }

  /** The enum singleton: one constant, created by the JVM once. */
  @SuppressWarnings("ImmutableEnumChecker") // a singleton exists to hold shared state
  public enum EnumSingleton implements IdSource {
    /** The instance. */
    INSTANCE;

    private final AtomicLong ids = new AtomicLong();

    @Override
    public long nextId() {
      return ids.incrementAndGet();
    }
  }

  /** The initialization-on-demand holder: lazy, thread-safe by class initialization. */
  public static final class HolderSingleton implements IdSource {

    private static final AtomicInteger CREATED = new AtomicInteger();

    private final AtomicLong ids = new AtomicLong();

    private HolderSingleton() {
      if (!CREATED.compareAndSet(0, 1)) {
        throw new IllegalStateException("HolderSingleton exists already; use getInstance()");
      }
    }

    /** Initialized by the JVM on the first access to {@link #INSTANCE}, exactly once. */
    private static final class Holder {
      static final HolderSingleton INSTANCE = new HolderSingleton();
    }

    /** The instance, created on the first call. */
    public static HolderSingleton getInstance() {
      return Holder.INSTANCE;
    }

    @Override
    public long nextId() {
      return ids.incrementAndGet();
    }

    /** How many instances exist in this class loader: 1 once initialized, never more. */
    static int instancesCreated() {
      return CREATED.get();
    }
  }

  /** Double-checked locking on a volatile field: lazy, thread-safe, one volatile read when set. */
  public static final class DoubleCheckedSingleton implements IdSource {

    private static final AtomicInteger CREATED = new AtomicInteger();
    private static volatile DoubleCheckedSingleton instance;

    private final AtomicLong ids = new AtomicLong();

    private DoubleCheckedSingleton() {
      if (!CREATED.compareAndSet(0, 1)) {
        throw new IllegalStateException("DoubleCheckedSingleton exists already; use getInstance()");
      }
    }

    /** The instance, created on the first call. */
    public static DoubleCheckedSingleton getInstance() {
      DoubleCheckedSingleton local = instance; // the only volatile read once initialized
      if (local == null) {
        synchronized (DoubleCheckedSingleton.class) {
          local = instance;
          if (local == null) { // another thread may have won the race to the lock
            local = new DoubleCheckedSingleton();
            instance = local;
          }
        }
      }
      return local;
    }

    @Override
    public long nextId() {
      return ids.incrementAndGet();
    }

    /** How many instances exist in this class loader: 1 once initialized, never more. */
    static int instancesCreated() {
      return CREATED.get();
    }
  }
}
