package org.interviewtasks.common.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.interviewtasks.common.Task;
import org.interviewtasks.common.TaskExit;
import org.interviewtasks.common.TaskInfo;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.opentest4j.AssertionFailedError;

/**
 * Every task's {@code main}, called the way the task runner calls it, with command lines a careless
 * or hostile user types: an empty or blank argument, an unpaired surrogate, a megabyte of text,
 * numbers at and beyond the ends of {@code int} and {@code long}, {@code NaN}, an endless device,
 * {@code --help}, and many arguments at once. {@code --help} must show a usage line (printed, or as
 * the message of the usage error).
 *
 * <p>Each call must end, within {@link #TIME} and {@link #BYTES} allocated on its thread, in one of
 * the ways the runner reports in one line: a normal return, an {@link IllegalArgumentException}
 * with a message (a usage error, exit 2), a {@link TaskExit} (the task printed why), or one of the
 * named exceptions {@link Hostile#assertHandled} accepts. It may print at most {@link #OUTPUT}
 * bytes plus four times the size of its arguments (an echo of the input is fair; a flood is not).
 * Standard input is empty, so a program that would wait for a user ends at once.
 *
 * <p>A level's test extends this class; senior tasks whose {@code main} starts servers list the
 * hostile command lines they take no part in with {@link #skipped}, each with its reason.
 */
public abstract class HostileCommandLineContract extends HostileContract {

  /** The most a call may print, beyond four times the size of its arguments. */
  public static final int OUTPUT = 1 << 20;

  /**
   * Task ids whose {@code main} is not called here, each with the reason (for example a demo that
   * starts a cluster of servers and takes no arguments, tested on its own). Empty by default.
   */
  protected Set<String> skipped() {
    return Set.of();
  }

  /** The hostile command lines, each named for the report. */
  static List<CommandLine> commandLines() {
    List<CommandLine> lines = new ArrayList<>();
    lines.add(new CommandLine("--help", "--help"));
    lines.add(new CommandLine("an empty argument", ""));
    lines.add(new CommandLine("a blank argument", " \t"));
    lines.add(new CommandLine("an unpaired surrogate", "a\uD800b"));
    lines.add(new CommandLine("a megabyte of text", "x".repeat(1 << 20)));
    lines.add(new CommandLine("-1", "-1"));
    lines.add(new CommandLine("Integer.MAX_VALUE", Integer.toString(Integer.MAX_VALUE)));
    lines.add(new CommandLine("Integer.MIN_VALUE", Integer.toString(Integer.MIN_VALUE)));
    lines.add(new CommandLine("beyond Long.MAX_VALUE", "9223372036854775808"));
    lines.add(new CommandLine("NaN", "NaN"));
    lines.add(new CommandLine("1e309", "1e309"));
    lines.add(new CommandLine("/dev/zero", "/dev/zero"));
    lines.add(new CommandLine("Integer.MAX_VALUE twice", "2147483647", "2147483647"));
    lines.add(
        new CommandLine(
            "64 arguments",
            IntStream.rangeClosed(1, 64).mapToObj(Integer::toString).toArray(String[]::new)));
    return Collections.unmodifiableList(lines);
  }

  /** A command line: its name in the report and its arguments. */
  record CommandLine(String name, List<String> args) {
    CommandLine(String name, String... args) {
      this(name, List.of(args));
    }

    int size() {
      return args.stream().mapToInt(String::length).sum();
    }
  }

  @TestFactory
  Stream<DynamicContainer> everyMainEndsCleanlyOnHostileArguments() {
    return tasks().stream()
        .filter(task -> !skipped().contains(task.id().toString()))
        .flatMap(task -> mainOf(task).stream().map(main -> container(task, main)));
  }

  private static DynamicContainer container(TaskInfo task, Method main) {
    return DynamicContainer.dynamicContainer(
        task.id().toString(),
        commandLines().stream()
            .map(line -> DynamicTest.dynamicTest(line.name(), () -> call(task, main, line))));
  }

  private static Optional<Method> mainOf(TaskInfo task) {
    try {
      Method main = task.entryClass().getMethod("main", String[].class);
      return Modifier.isStatic(main.getModifiers()) ? Optional.of(main) : Optional.empty();
    } catch (NoSuchMethodException e) {
      return Optional.empty();
    }
  }

  private static void call(TaskInfo task, Method main, CommandLine line) {
    String what = task.id() + " " + line.name();
    boolean help = line.args().equals(List.of("--help"));
    if (help && !task.entryClass().getAnnotation(Task.class).usage().isBlank()) {
      return; // the runner prints the task's usage itself, without calling main
    }
    long limit = OUTPUT + 4L * line.size();
    var out = new Bounded(limit);
    var err = new Bounded(limit);
    Set<Path> before = entries(WORKING_DIRECTORY);
    PrintStream originalOut = System.out;
    PrintStream originalErr = System.err;
    InputStream originalIn = System.in;
    Hostile.Outcome outcome;
    try (var outStream = new PrintStream(out, true, StandardCharsets.UTF_8);
        var errStream = new PrintStream(err, true, StandardCharsets.UTF_8)) {
      System.setOut(outStream);
      System.setErr(errStream);
      System.setIn(new ByteArrayInputStream(new byte[0]));
      outcome =
          Hostile.assertHandled(
              what,
              TIME,
              BYTES,
              () -> {
                try {
                  main.invoke(null, (Object) line.args().toArray(String[]::new));
                  return null;
                } catch (InvocationTargetException e) {
                  Throwable cause = e.getCause();
                  if (cause instanceof TaskExit exit) {
                    return exit.code();
                  }
                  if (cause instanceof Error error) {
                    throw error;
                  }
                  throw (Exception) cause;
                }
              });
    } finally {
      System.setOut(originalOut);
      System.setErr(originalErr);
      System.setIn(originalIn);
      removeCreated(before);
      Hostile.assertDevicesIntact(what);
    }
    assertThat(out.written).as("%s: bytes printed on standard output", what).isLessThan(limit);
    assertThat(err.written).as("%s: bytes printed on standard error", what).isLessThan(limit);
    if (help) {
      String shown =
          outcome.failure().map(Throwable::getMessage).orElse("") + out.head() + err.head();
      assertThat(shown.toLowerCase(Locale.ROOT))
          .as("%s shows how to call the task (a usage line)", what)
          .contains("usage");
    }
  }

  private static final Path WORKING_DIRECTORY = Path.of("").toAbsolutePath();

  private static Set<Path> entries(Path directory) {
    try (Stream<Path> listing = Files.list(directory)) {
      return listing.collect(Collectors.toSet());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list the working directory " + directory, e);
    }
  }

  private static void removeCreated(Set<Path> before) {
    for (Path created : entries(WORKING_DIRECTORY)) {
      if (!before.contains(created)) {
        try (Stream<Path> tree = Files.walk(created)) {
          for (Path path : tree.sorted(Comparator.reverseOrder()).toList()) {
            Files.deleteIfExists(path);
          }
        } catch (IOException e) {
          throw new UncheckedIOException("cannot delete " + created + ", made by a call", e);
        }
      }
    }
  }

  /**
   * Counts what is written and keeps none of it: a flood is a verdict, not a heap to fill. Past its
   * limit it throws an {@link Error}, which no task mistakes for bad input of its own.
   */
  private static final class Bounded extends OutputStream {
    private static final int HEAD = 8 * 1024;
    private final long limit;
    private final java.io.ByteArrayOutputStream head = new java.io.ByteArrayOutputStream();
    private long written;

    String head() {
      return head.toString(StandardCharsets.UTF_8);
    }

    Bounded(long limit) {
      this.limit = limit;
    }

    @Override
    public void write(int b) {
      if (written < HEAD) {
        head.write(b);
      }
      written++;
      if (written > limit) {
        throw new AssertionFailedError("printed more than " + limit + " bytes");
      }
    }

    @Override
    public void write(byte[] b, int off, int len) {
      if (written < HEAD) {
        head.write(b, off, (int) Math.min(len, HEAD - written));
      }
      written += len;
      if (written > limit) {
        throw new AssertionFailedError("printed more than " + limit + " bytes");
      }
    }
  }
}
