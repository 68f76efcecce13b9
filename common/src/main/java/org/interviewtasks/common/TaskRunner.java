package org.interviewtasks.common;

import java.io.PrintStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Runs a task's {@code main} by its id: {@code TaskRunner junior.core.1 3 -7 42}.
 *
 * <p>This is what the README's run command calls through {@code exec:java}. It finds the task with
 * {@link TaskIndex}, passes the remaining arguments to the entry class's {@code main}, and turns
 * failures into a message on stderr and an exit code: 0 ok, 1 the task failed, 2 a usage error
 * (unknown id, a task without {@code main}, or an {@link IllegalArgumentException} from the task),
 * or the code of a {@link TaskExit} the task threw after printing its reason. Either way the
 * message is one line; {@code --verbose} before the id adds the stack trace of a failure. {@code
 * --list} prints every task of the level on the classpath, written or not.
 */
public final class TaskRunner {

  static final int OK = 0;
  static final int FAILED = 1;
  static final int USAGE = 2;

  private final TaskIndex index;
  private final ClassLoader loader;
  private final PrintStream out;
  private final PrintStream err;

  TaskRunner(TaskIndex index, ClassLoader loader, PrintStream out, PrintStream err) {
    this.index = index;
    this.loader = loader;
    this.out = out;
    this.err = err;
  }

  /**
   * Entry point: exits with the code of {@link #run(String...)} when it is not 0. Launched by the
   * build in a module that {@code -pl} did not ask for (one that {@code -am} builds), it does
   * nothing: see {@link BuildSelection}.
   */
  public static void main(String... args) {
    if (!BuildSelection.fromSystemProperties().runsHere(args)) {
      return;
    }
    ClassLoader loader = Thread.currentThread().getContextClassLoader();
    TaskIndex index;
    try {
      index = TaskIndex.scan();
    } catch (RuntimeException e) {
      System.err.println("error: cannot index the tasks on the classpath: " + e.getMessage());
      System.exit(FAILED);
      return;
    }
    int code = new TaskRunner(index, loader, System.out, System.err).run(args);
    if (code != OK) {
      System.exit(code);
    }
  }

  /** Runs the command line and returns the exit code. */
  int run(String... args) {
    boolean verbose = args.length > 0 && args[0].equals("--verbose");
    if (verbose) {
      args = Arrays.copyOfRange(args, 1, args.length);
    }
    if (args.length == 0 || args[0].equals("--help") || args[0].equals("-h")) {
      usage(args.length == 0 ? err : out);
      return args.length == 0 ? USAGE : OK;
    }
    if (args[0].equals("--list")) {
      list();
      return OK;
    }
    TaskId id;
    try {
      id = TaskId.parse(args[0]);
    } catch (IllegalArgumentException e) {
      err.println("error: " + e.getMessage());
      return USAGE;
    }
    Optional<TaskInfo> task = index.find(id);
    if (task.isEmpty()) {
      err.println("error: task " + id + " is not on the classpath; --list shows the tasks here");
      return USAGE;
    }
    return invoke(task.get(), Arrays.copyOfRange(args, 1, args.length), verbose);
  }

  private int invoke(TaskInfo task, String[] taskArgs, boolean verbose) {
    String usage = usageOf(task.entryClass());
    if (!usage.isEmpty() && taskArgs.length == 1 && List.of("--help", "-h").contains(taskArgs[0])) {
      out.println("usage: " + task.id() + " " + usage);
      out.println(task.title() + ".");
      return OK;
    }
    Optional<Method> main = mainOf(task.entryClass());
    if (main.isEmpty()) {
      err.println(
          "error: task "
              + task.id()
              + " ("
              + task.entryClass().getSimpleName()
              + ") has no main method; read its Javadoc and run its tests");
      return USAGE;
    }
    try {
      main.get().invoke(null, (Object) taskArgs);
      return OK;
    } catch (InvocationTargetException e) {
      Throwable cause = e.getCause();
      if (cause instanceof TaskExit exit) {
        return exit.code();
      }
      if (cause instanceof IllegalArgumentException && cause.getMessage() != null) {
        err.println("error: " + cause.getMessage());
        trace(cause, verbose);
        return USAGE;
      }
      err.println(
          "error: task "
              + task.id()
              + " failed: "
              + cause
              + (verbose ? "" : " (--verbose shows where)"));
      trace(cause, verbose);
      return FAILED;
    } catch (IllegalAccessException e) {
      err.println("error: cannot call main of " + task.entryClass().getName() + ": " + e);
      return FAILED;
    }
  }

  private void trace(Throwable failure, boolean verbose) {
    if (verbose) {
      failure.printStackTrace(err);
    }
  }

  /** The task's {@link Task#usage}, or empty. */
  static String usageOf(Class<?> type) {
    Task task = type.getAnnotation(Task.class);
    return task == null ? "" : task.usage();
  }

  private static Optional<Method> mainOf(Class<?> type) {
    try {
      Method main = type.getMethod("main", String[].class);
      return Modifier.isStatic(main.getModifiers()) ? Optional.of(main) : Optional.empty();
    } catch (NoSuchMethodException e) {
      return Optional.empty();
    }
  }

  private void list() {
    for (Level level : Level.values()) {
      List<CatalogEntry> catalog = CatalogEntry.load(loader, level);
      for (CatalogEntry entry : catalog) {
        String line =
            index
                .find(entry.id())
                .map(t -> String.format("%-24s %s", t.id(), t.title()))
                .orElseGet(() -> String.format("%-24s (not written yet)", entry.id()));
        out.println(line);
      }
      index.ofLevel(level).stream()
          .filter(t -> catalog.stream().noneMatch(e -> e.id().equals(t.id())))
          .forEach(t -> out.println(String.format("%-24s %s", t.id(), t.title())));
    }
  }

  private static void usage(PrintStream stream) {
    stream.println("usage: TaskRunner [--verbose] <task-id> [arguments...]   run a task's main");
    stream.println("       TaskRunner --list              list the tasks on the classpath");
    stream.println("       TaskRunner <task-id> --help    the task's arguments and their limits");
    stream.println("       --verbose                      show the stack trace of a failure");
    stream.println("e.g.   TaskRunner junior.core.1 3 -7 42");
  }
}
