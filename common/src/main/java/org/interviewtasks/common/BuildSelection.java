package org.interviewtasks.common;

import java.util.ArrayList;
import java.util.List;

/**
 * Whether the build asked for the module that {@code exec:java} is running {@link TaskRunner} in.
 *
 * <p>{@code ./mvnw -pl mid -am compile exec:java -Dexec.args="mid.apps.5 ..."} runs {@code
 * exec:java} in every module of the reactor, junior included, because {@code -am} builds it too;
 * there the task is not on the classpath and the run would fail before mid's turn. The build passes
 * the module's name ({@value #MODULE}) and each {@code -pl} selector ({@value #SELECTED}{@code .0},
 * {@code .1}, ...) as system properties, and a module that was only built for another does nothing.
 * With no {@code -pl}, a task id runs in the module of its own level alone, so it runs once.
 *
 * @param module the module's artifact id, or null when not launched by the build
 * @param included the modules {@code -pl} selects (empty: no {@code -pl}, or only exclusions)
 * @param excluded the modules {@code -pl} excludes ({@code !senior} or {@code -senior})
 */
public record BuildSelection(String module, List<String> included, List<String> excluded) {

  /** The module {@code exec:java} runs in, set by the build. */
  static final String MODULE = "task.runner.module";

  /**
   * The prefix of the build's {@code -pl} selectors, set by the build: {@code .0}, {@code .1}...
   */
  static final String SELECTED = "task.runner.selected";

  /** How many selectors the build passes: one per module of this project, and more. */
  static final int MAX_SELECTORS = 8;

  /** The selection of this JVM's build, or an empty one when the build did not set it. */
  public static BuildSelection fromSystemProperties() {
    List<String> selectors = new ArrayList<>();
    for (int i = 0; i < MAX_SELECTORS; i++) {
      String selector = System.getProperty(SELECTED + "." + i);
      if (selector != null) {
        selectors.add(selector);
      }
    }
    return parse(System.getProperty(MODULE), selectors);
  }

  /**
   * Reads a module name and the {@code -pl} selectors, such as {@code mid}, {@code :mid}, {@code
   * org.interviewtasks:mid}, {@code ./mid/} or {@code !senior}. A selector the build could not fill
   * in (blank, or an expression left as {@code ${...}}) is ignored.
   */
  static BuildSelection parse(String module, List<String> selectors) {
    List<String> included = new ArrayList<>();
    List<String> excluded = new ArrayList<>();
    for (String entry : selectors) {
      String selector = entry == null ? "" : entry.strip();
      if (selector.isEmpty() || selector.startsWith("${")) {
        continue;
      }
      boolean exclude = selector.startsWith("!") || selector.startsWith("-");
      (exclude ? excluded : included).add(moduleName(exclude ? selector.substring(1) : selector));
    }
    boolean unset = module == null || module.isBlank() || module.startsWith("${");
    return new BuildSelection(
        unset ? null : module.strip(), List.copyOf(included), List.copyOf(excluded));
  }

  /** {@code mid}, {@code :mid}, {@code org.interviewtasks:mid}, {@code ./mid/}: all name mid. */
  private static String moduleName(String selector) {
    String name = selector.strip();
    while (name.endsWith("/")) {
      name = name.substring(0, name.length() - 1);
    }
    int cut = Math.max(name.lastIndexOf('/'), name.lastIndexOf(':'));
    return name.substring(cut + 1);
  }

  /** Whether the runner should run these arguments in this module. */
  public boolean runsHere(String... args) {
    if (module == null) {
      return true;
    }
    if (excluded.contains(module)) {
      return false;
    }
    if (!included.isEmpty()) {
      return included.contains(module);
    }
    if (args.length > 0 && !args[0].startsWith("-")) {
      try {
        return TaskId.parse(args[0]).level().key().equals(module);
      } catch (IllegalArgumentException e) {
        return true; // the runner reports the bad id
      }
    }
    return true;
  }
}
