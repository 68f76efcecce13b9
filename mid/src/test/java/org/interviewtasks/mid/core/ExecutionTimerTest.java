package org.interviewtasks.mid.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.interviewtasks.mid.core.ExecutionTimer.Timing;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.slf4j.Marker;
import org.slf4j.event.Level;
import org.slf4j.helpers.LegacyAbstractLogger;
import org.slf4j.helpers.MessageFormatter;

class ExecutionTimerTest {

  /** A clock that advances by the given steps, one per reading, starting at 1 000 000 ns. */
  static LongSupplier clock(long... steps) {
    AtomicInteger reads = new AtomicInteger();
    long[] now = {1_000_000};
    return () -> {
      int read = reads.getAndIncrement();
      if (read > 0) {
        now[0] += steps[(read - 1) % steps.length];
      }
      return now[0];
    };
  }

  /** A package-private interface, reachable by reflection from ExecutionTimer's package. */
  interface Calculator {
    int divide(int a, int b);

    default int half(int a) {
      return divide(a, 2);
    }
  }

  List<Timing> timings;
  ExecutionTimer timer;

  @BeforeEach
  void setUp() {
    timings = new ArrayList<>();
    timer = new ExecutionTimer(clock(1_234_567, 10_000), timings::add);
  }

  @Nested
  class Wrappers {

    @Test
    void aFunctionIsTimedOnEveryCallAndItsResultPassesThrough() {
      Function<String, Integer> parse = timer.timedFunction("parse", Integer::parseInt);

      assertThat(parse.apply("42")).isEqualTo(42);
      assertThat(parse.apply("-7")).isEqualTo(-7);

      assertThat(timings)
          .containsExactly(
              new Timing("parse", Duration.ofNanos(1_234_567), true),
              new Timing("parse", Duration.ofNanos(1_234_567), true));
      assertThat(timings.get(0)).hasToString("parse took 1.235 ms");
    }

    @Test
    void aFailingCallIsTimedAndItsExceptionPassesThroughUnchanged() {
      Function<String, Integer> parse = timer.timedFunction("parse", Integer::parseInt);

      Throwable thrown = catchThrowable(() -> parse.apply("forty-two"));

      assertThat(thrown)
          .isInstanceOf(NumberFormatException.class)
          .hasMessageContaining("forty-two");
      assertThat(timings).containsExactly(new Timing("parse", Duration.ofNanos(1_234_567), false));
      assertThat(timings.get(0)).hasToString("parse failed after 1.235 ms");
    }

    @Test
    void suppliersRunnablesAndCallablesAreTimedToo() throws Exception {
      List<String> ran = new ArrayList<>();
      Supplier<String> supplier = timer.timedSupplier("supply", () -> "value");
      Runnable runnable = timer.timedRunnable("run", () -> ran.add("ran"));
      Callable<Integer> callable = timer.timedCallable("call", () -> 7);

      assertThat(supplier.get()).isEqualTo("value");
      runnable.run();
      assertThat(callable.call()).isEqualTo(7);

      assertThat(ran).containsExactly("ran");
      assertThat(timings)
          .extracting(Timing::name, Timing::completedNormally)
          .containsExactly(
              org.assertj.core.groups.Tuple.tuple("supply", true),
              org.assertj.core.groups.Tuple.tuple("run", true),
              org.assertj.core.groups.Tuple.tuple("call", true));
    }

    @Test
    void aCallableMayThrowACheckedException() {
      IOException failure = new IOException("no disk");
      Callable<String> callable =
          timer.timedCallable(
              "read",
              () -> {
                throw failure;
              });

      assertThat(catchThrowable(callable::call)).isSameAs(failure);
      assertThat(timings).containsExactly(new Timing("read", Duration.ofNanos(1_234_567), false));
    }

    @Test
    void elapsedTimeIsTheDifferenceOfTwoReadings() {
      ExecutionTimer steps = new ExecutionTimer(clock(5, 500_000_000), timings::add);
      Runnable noop = steps.timedRunnable("noop", () -> {});

      noop.run();
      noop.run();

      assertThat(timings)
          .extracting(Timing::elapsed)
          .containsExactly(Duration.ofNanos(5), Duration.ofNanos(5));
      assertThat(timings.get(0)).hasToString("noop took 0.000 ms");
      assertThat(new Timing("x", Duration.ofMillis(1500), true)).hasToString("x took 1500.000 ms");
    }

    @Test
    void rejectsNulls() {
      assertThatNullPointerException()
          .isThrownBy(() -> new ExecutionTimer(null, timings::add))
          .withMessage("nanoClock");
      assertThatNullPointerException()
          .isThrownBy(() -> new ExecutionTimer(System::nanoTime, null))
          .withMessage("sink");
      assertThatNullPointerException()
          .isThrownBy(() -> timer.timedFunction(null, x -> x))
          .withMessage("name");
      assertThatNullPointerException()
          .isThrownBy(() -> timer.timedFunction("f", null))
          .withMessage("function");
      assertThatNullPointerException()
          .isThrownBy(() -> timer.timedSupplier("s", null))
          .withMessage("supplier");
      assertThatNullPointerException()
          .isThrownBy(() -> timer.timedRunnable("r", null))
          .withMessage("runnable");
      assertThatNullPointerException()
          .isThrownBy(() -> timer.timedCallable(null, () -> 1))
          .withMessage("name");
      assertThatNullPointerException()
          .isThrownBy(() -> timer.timedCallable("c", null))
          .withMessage("callable");
      assertThatNullPointerException()
          .isThrownBy(() -> ExecutionTimer.loggingTo(null))
          .withMessage("logger");
    }
  }

  @Nested
  class Proxies {

    @Test
    void timesEveryInterfaceMethodUnderItsName() {
      Calculator calculator = timer.proxy(Calculator.class, (a, b) -> a / b);

      assertThat(calculator.divide(9, 3)).isEqualTo(3);
      assertThat(calculator.half(10)).isEqualTo(5);

      assertThat(timings)
          .containsExactly(
              new Timing("Calculator.divide", Duration.ofNanos(1_234_567), true),
              new Timing("Calculator.half", Duration.ofNanos(1_234_567), true));
    }

    @Test
    void theTargetsExceptionArrivesUnwrapped() {
      Calculator calculator = timer.proxy(Calculator.class, (a, b) -> a / b);

      Throwable thrown = catchThrowable(() -> calculator.divide(1, 0));

      assertThat(thrown).isInstanceOf(ArithmeticException.class).hasMessage("/ by zero");
      assertThat(timings)
          .containsExactly(new Timing("Calculator.divide", Duration.ofNanos(1_234_567), false));
    }

    @Test
    void wrapsPublicLibraryInterfaces() {
      @SuppressWarnings("unchecked") // the proxy implements exactly Function
      Function<String, String> upper =
          timer.proxy(Function.class, (Function<String, String>) String::toUpperCase);

      assertThat(upper.apply("straße")).isEqualTo("STRASSE");
      assertThat(timings).extracting(Timing::name).containsExactly("Function.apply");
    }

    @Test
    void objectMethodsAreNotTimed() {
      Calculator target = (a, b) -> a / b;
      Calculator calculator = timer.proxy(Calculator.class, target);
      Calculator other = timer.proxy(Calculator.class, target);

      assertThat(calculator.equals(calculator)).isTrue();
      assertThat(calculator.equals(other)).isFalse();
      assertThat(calculator.equals(target)).isFalse();
      assertThat(calculator.hashCode()).isEqualTo(System.identityHashCode(calculator));
      assertThat(calculator.toString()).isEqualTo("timed " + target);
      assertThat(timings).isEmpty();
    }

    @Test
    void onlyInterfacesCanBeProxied() {
      assertThatIllegalArgumentException()
          .isThrownBy(() -> timer.proxy(String.class, "x"))
          .withMessage("java.lang.String is not an interface");
      assertThatNullPointerException().isThrownBy(() -> timer.proxy(null, "x")).withMessage("type");
      assertThatNullPointerException()
          .isThrownBy(() -> timer.proxy(Runnable.class, null))
          .withMessage("target");
    }
  }

  @Nested
  class Logging {

    /** A logger that keeps what it is asked to log. */
    static final class CapturingLogger extends LegacyAbstractLogger {
      private static final long serialVersionUID = 1L;
      final transient List<String> events = new ArrayList<>();

      CapturingLogger() {
        this.name = "capture";
      }

      @Override
      protected String getFullyQualifiedCallerName() {
        return null;
      }

      @Override
      protected void handleNormalizedLoggingCall(
          Level level, Marker marker, String pattern, Object[] arguments, Throwable throwable) {
        events.add(level + " " + MessageFormatter.basicArrayFormat(pattern, arguments));
      }

      @Override
      public boolean isTraceEnabled() {
        return true;
      }

      @Override
      public boolean isDebugEnabled() {
        return true;
      }

      @Override
      public boolean isInfoEnabled() {
        return true;
      }

      @Override
      public boolean isWarnEnabled() {
        return true;
      }

      @Override
      public boolean isErrorEnabled() {
        return true;
      }
    }

    @Test
    void logsEachTimingAtInfoLevel() {
      CapturingLogger logger = new CapturingLogger();
      ExecutionTimer logging = ExecutionTimer.loggingTo(logger);

      String result = logging.timedSupplier("work", () -> "done").get();

      assertThat(result).isEqualTo("done");
      assertThat(logger.events)
          .singleElement()
          .asString()
          .matches("INFO work took \\d+\\.\\d{3} ms");
    }
  }
}
