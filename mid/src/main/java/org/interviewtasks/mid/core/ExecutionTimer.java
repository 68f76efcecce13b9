package org.interviewtasks.mid.core;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.interviewtasks.common.Task;
import org.slf4j.Logger;

/**
 * Measures and reports how long calls take: Python's timing decorator in Java.
 *
 * <p><b>How the idea maps.</b> A Python decorator is a function that takes a function and returns a
 * wrapped one, applied with {@code @timed} above a {@code def}. Java has no syntax for that, but
 * the idea carries over in two forms:
 *
 * <ul>
 *   <li>A higher-order wrapper: {@link #timedFunction}, {@link #timedSupplier}, {@link
 *       #timedCallable} and {@link #timedRunnable} take a lambda or method reference and return one
 *       of the same type that times every call: {@code Function<String, Integer> parse =
 *       timer.timedFunction("parse", Integer::parseInt)}.
 *   <li>A dynamic proxy: {@link #proxy} wraps every method of an interface at once, which is how
 *       Spring's {@code @Transactional} or {@code @Timed} work behind the scenes. {@link Proxy}
 *       creates a class at run time that implements the interface and sends each call to an {@link
 *       InvocationHandler}.
 * </ul>
 *
 * <p><b>Approach.</b> Read a clock before and after the call, in a {@code finally} block, so that
 * calls that throw are timed too (and reported as failed); the result or exception passes through
 * untouched. The clock is {@link System#nanoTime()}, which is monotonic, unlike {@link
 * System#currentTimeMillis()}, which can jump when the wall clock is adjusted. Both the clock and
 * the destination of the reports are injected: tests pass a fake clock and a list, and {@link
 * #loggingTo(Logger)} reports through SLF4J, so the application chooses the logging backend and
 * level; library code never prints.
 *
 * <p><b>Edge cases.</b> With the proxy, an exception thrown by the target arrives wrapped in an
 * {@link InvocationTargetException}; it is unwrapped, so callers see the original. {@code equals},
 * {@code hashCode} and {@code toString} are not timed: {@code equals} compares proxies by identity,
 * and {@code toString} names the target. The proxy works for interfaces only (a class needs byte
 * code generation, as with ByteBuddy), and the interface must be accessible to this class: public,
 * or in its package; reflection refuses to call methods of other non-public interfaces. A single
 * timing is a measurement of one run: for benchmarks, use JMH, which handles warm-up, dead-code
 * elimination and statistics.
 *
 * <p><b>Follow-up.</b> <i>"Decorate with arguments, like {@code @timed(unit='ms')}?"</i> A method
 * that returns the wrapper, here the {@code ExecutionTimer} instance that carries the
 * configuration. <i>"Time only slow calls?"</i> Report only above a threshold, in the sink.
 */
@Task(id = "mid.core.3", title = "Execution time decorator")
public final class ExecutionTimer {

  /**
   * One timed call.
   *
   * @param name what was called
   * @param elapsed how long it took
   * @param completedNormally false if it threw
   */
  public record Timing(String name, Duration elapsed, boolean completedNormally) {

    /** E.g. {@code parse took 1.235 ms} or {@code parse failed after 0.010 ms}. */
    @Override
    public String toString() {
      return String.format(
          Locale.ROOT,
          "%s %s %.3f ms",
          name,
          completedNormally ? "took" : "failed after",
          elapsed.toNanos() / 1e6);
    }
  }

  private final LongSupplier nanoClock;
  private final Consumer<? super Timing> sink;

  /**
   * A timer that reads {@code nanoClock} (like {@link System#nanoTime()}) and hands every {@link
   * Timing} to {@code sink}.
   */
  public ExecutionTimer(LongSupplier nanoClock, Consumer<? super Timing> sink) {
    this.nanoClock = Objects.requireNonNull(nanoClock, "nanoClock");
    this.sink = Objects.requireNonNull(sink, "sink");
  }

  /** A timer on {@link System#nanoTime()} that logs each timing at INFO level to {@code logger}. */
  public static ExecutionTimer loggingTo(Logger logger) {
    Objects.requireNonNull(logger, "logger");
    return new ExecutionTimer(System::nanoTime, timing -> logger.info("{}", timing));
  }

  /** {@code function}, timed on every call under {@code name}. */
  public <T, R> Function<T, R> timedFunction(String name, Function<T, R> function) {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(function, "function");
    return argument -> {
      long start = nanoClock.getAsLong();
      boolean completed = false;
      try {
        R result = function.apply(argument);
        completed = true;
        return result;
      } finally {
        report(name, start, completed);
      }
    };
  }

  /** {@code supplier}, timed on every call under {@code name}. */
  public <T> Supplier<T> timedSupplier(String name, Supplier<T> supplier) {
    Objects.requireNonNull(supplier, "supplier");
    Function<Void, T> function = timedFunction(name, ignored -> supplier.get());
    return () -> function.apply(null);
  }

  /** {@code runnable}, timed on every call under {@code name}. */
  public Runnable timedRunnable(String name, Runnable runnable) {
    Objects.requireNonNull(runnable, "runnable");
    Function<Void, Void> function =
        timedFunction(
            name,
            ignored -> {
              runnable.run();
              return null;
            });
    return () -> function.apply(null);
  }

  /** {@code callable}, timed on every call under {@code name}; checked exceptions pass through. */
  public <T> Callable<T> timedCallable(String name, Callable<T> callable) {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(callable, "callable");
    return () -> {
      long start = nanoClock.getAsLong();
      boolean completed = false;
      try {
        T result = callable.call();
        completed = true;
        return result;
      } finally {
        report(name, start, completed);
      }
    };
  }

  /**
   * A proxy that implements {@code type} by calling {@code target} and times every call of an
   * interface method under {@code Type.method}.
   *
   * @throws IllegalArgumentException if {@code type} is not an interface
   */
  @SuppressWarnings("ReferenceEquality") // a proxy equals only itself, as Proxy's own contract
  public <T> T proxy(Class<T> type, T target) {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(target, "target");
    if (!type.isInterface()) {
      throw new IllegalArgumentException(type.getName() + " is not an interface");
    }
    InvocationHandler handler =
        (proxy, method, args) -> {
          if (method.getDeclaringClass() == Object.class) { // the proxy's own identity
            return switch (method.getName()) {
              case "equals" -> proxy == args[0];
              case "hashCode" -> System.identityHashCode(proxy);
              default -> "timed " + target; // toString: the only other one a proxy forwards
            };
          }
          return invokeTimed(type.getSimpleName() + "." + method.getName(), method, target, args);
        };
    return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, handler));
  }

  private Object invokeTimed(String name, Method method, Object target, Object[] args)
      throws Throwable {
    long start = nanoClock.getAsLong();
    boolean completed = false;
    try {
      Object result = method.invoke(target, args);
      completed = true;
      return result;
    } catch (InvocationTargetException e) {
      throw e.getCause(); // what the target threw, not reflection's wrapper
    } finally {
      report(name, start, completed);
    }
  }

  private void report(String name, long start, boolean completed) {
    long elapsed = nanoClock.getAsLong() - start;
    sink.accept(new Timing(name, Duration.ofNanos(elapsed), completed));
  }
}
