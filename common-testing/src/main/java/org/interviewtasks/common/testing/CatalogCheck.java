package org.interviewtasks.common.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.interviewtasks.common.CatalogEntry;
import org.interviewtasks.common.Task;
import org.interviewtasks.common.TaskInfo;
import org.junit.platform.commons.annotation.Testable;

/**
 * What {@link CatalogContract} checks, as plain methods that return the problems they find: a
 * level's catalog against the classes a class loader sees and the sources in a module folder.
 */
final class CatalogCheck {

  private static final Map<String, String> CATEGORY_NAMES =
      Map.ofEntries(
          Map.entry("core", "Core language"),
          Map.entry("algorithms", "Data structures and algorithms"),
          Map.entry("files", "File handling and data manipulation"),
          Map.entry("oop", "Object-oriented programming"),
          Map.entry("apps", "Real-world applications"),
          Map.entry("testing", "Testing and debugging"),
          Map.entry("advanced", "Advanced core and system design"),
          Map.entry("concurrency", "Concurrency and asynchronous programming"),
          Map.entry("bigdata", "Data structures, algorithms and big data"),
          Map.entry("architecture", "Software engineering, architecture and system design"),
          Map.entry("operations", "System monitoring, security and testing"));

  private static final Pattern TYPE_DECLARATION =
      Pattern.compile(
          "^(?:public\\s+|final\\s+|abstract\\s+|sealed\\s+|non-sealed\\s+)*"
              + "(?:class|record|interface|enum)\\s+(\\w+)",
          Pattern.MULTILINE);

  private final List<CatalogEntry> catalog;
  private final List<TaskInfo> tasks;
  private final ClassLoader loader;
  private final Path moduleDir;

  /**
   * @param catalog the level's catalog
   * @param tasks the tasks found on the classpath under the level's package
   * @param loader loads entry classes and their tests
   * @param moduleDir the module folder, holding {@code src/main/java}
   */
  CatalogCheck(
      List<CatalogEntry> catalog, List<TaskInfo> tasks, ClassLoader loader, Path moduleDir) {
    this.catalog = List.copyOf(catalog);
    this.tasks = List.copyOf(tasks);
    this.loader = loader;
    this.moduleDir = moduleDir;
  }

  /** Ids listed more than once. */
  List<String> duplicateIds() {
    return catalog.stream()
        .collect(Collectors.groupingBy(e -> e.id().toString(), Collectors.counting()))
        .entrySet()
        .stream()
        .filter(e -> e.getValue() > 1)
        .map(Map.Entry::getKey)
        .sorted()
        .toList();
  }

  /** What each written task lacks: its {@code @Task} id or title, its Javadoc, its test. */
  List<String> incompleteTasks() {
    List<String> problems = new ArrayList<>();
    for (CatalogEntry entry : catalog) {
      load(entry.entryClass()).ifPresent(type -> problems.addAll(problemsOf(entry, type)));
    }
    return problems;
  }

  /** Tasks not written yet, as ids. */
  List<String> notWritten() {
    return catalog.stream()
        .filter(e -> load(e.entryClass()).isEmpty())
        .map(e -> e.id().toString())
        .toList();
  }

  /** Tasks of the given categories that are not written, as "id class". */
  List<String> missingFrom(Set<String> categories) {
    return catalog.stream()
        .filter(e -> categories.contains(e.id().category()))
        .filter(e -> load(e.entryClass()).isEmpty())
        .map(e -> e.id() + " " + e.entryClass())
        .toList();
  }

  /** Classes whose {@code @Task} id the catalog does not list, or lists for another class. */
  List<String> unknownTasks() {
    Map<String, String> expected =
        catalog.stream()
            .collect(
                Collectors.toMap(e -> e.id().toString(), CatalogEntry::entryClass, (a, b) -> a));
    List<String> unknown = new ArrayList<>();
    for (TaskInfo task : tasks) {
      String want = expected.get(task.id().toString());
      String actual = task.entryClass().getName();
      if (want == null) {
        unknown.add(task.id() + " (" + actual + ") is not in the catalog");
      } else if (!want.equals(actual)) {
        unknown.add(task.id() + " is " + actual + ", the catalog says " + want);
      }
    }
    return unknown;
  }

  /** The README table: one section per category, one row per task. */
  String table() {
    Map<String, List<CatalogEntry>> byCategory =
        catalog.stream()
            .collect(
                Collectors.groupingBy(
                    e -> e.id().category(), LinkedHashMap::new, Collectors.toList()));
    StringBuilder out = new StringBuilder();
    for (var category : byCategory.entrySet()) {
      List<CatalogEntry> entries = category.getValue();
      long written = entries.stream().filter(e -> load(e.entryClass()).isPresent()).count();
      out.append(out.isEmpty() ? "" : "\n")
          .append("### ")
          .append(CATEGORY_NAMES.getOrDefault(category.getKey(), category.getKey()))
          .append(" (`")
          .append(category.getKey())
          .append("`, ")
          .append(written)
          .append('/')
          .append(entries.size())
          .append(")\n\n| Id | Task | Solution | Test |\n|---|---|---|---|\n");
      for (CatalogEntry entry : entries) {
        out.append("| ")
            .append(entry.id())
            .append(" | ")
            .append(entry.statement().replace("|", "\\|"))
            .append(" | ");
        if (load(entry.entryClass()).isPresent()) {
          String path = entry.entryClass().replace('.', '/');
          out.append(link(entry.simpleName(), "src/main/java/" + path + ".java"))
              .append(" | ")
              .append(link(entry.simpleName() + "Test", "src/test/java/" + path + "Test.java"));
        } else {
          out.append("not written yet | ");
        }
        out.append(" |\n");
      }
    }
    return out.toString().stripTrailing();
  }

  private List<String> problemsOf(CatalogEntry entry, Class<?> type) {
    List<String> problems = new ArrayList<>();
    Function<String, String> problem = text -> entry.id() + ": " + text;
    Task task = type.getAnnotation(Task.class);
    if (task == null) {
      problems.add(problem.apply(type.getSimpleName() + " has no @Task"));
    } else {
      if (!task.id().equals(entry.id().toString())) {
        problems.add(problem.apply("its @Task id is '" + task.id() + "'"));
      }
      if (task.title().isBlank()) {
        problems.add(problem.apply("its @Task title is blank"));
      }
    }
    Path source =
        moduleDir.resolve("src/main/java").resolve(type.getName().replace('.', '/') + ".java");
    if (!Files.isRegularFile(source)) {
      problems.add(problem.apply("no source file " + moduleDir.relativize(source)));
    } else if (javadocLines(read(source), type.getSimpleName()) < 3) {
      problems.add(problem.apply(type.getSimpleName() + " has no Javadoc of 3 lines or more"));
    }
    Optional<Class<?>> test = load(entry.entryClass() + "Test");
    if (test.isEmpty()) {
      problems.add(problem.apply("no test class " + entry.simpleName() + "Test beside it"));
    } else if (!hasTests(test.get())) {
      problems.add(problem.apply(entry.simpleName() + "Test has no test method"));
    }
    return problems;
  }

  /** Lines of the Javadoc comment right before the declaration of the named type, or 0. */
  static int javadocLines(String source, String simpleName) {
    Matcher declaration = TYPE_DECLARATION.matcher(source);
    while (declaration.find()) {
      if (declaration.group(1).equals(simpleName)) {
        String head = source.substring(0, declaration.start());
        int open = head.lastIndexOf("/**");
        int close = head.lastIndexOf("*/");
        if (open < 0 || close < open) {
          return 0;
        }
        String between = head.substring(close + 2).strip();
        if (!between.isEmpty() && !between.startsWith("@")) {
          return 0;
        }
        return (int) head.substring(open, close).lines().count();
      }
    }
    return 0;
  }

  /** True when the class or one of its nested classes declares a JUnit test method. */
  static boolean hasTests(Class<?> testClass) {
    for (Method method : testClass.getDeclaredMethods()) {
      for (Annotation annotation : method.getAnnotations()) {
        if (isTestable(annotation.annotationType(), 3)) {
          return true;
        }
      }
    }
    for (Class<?> nested : testClass.getDeclaredClasses()) {
      if (hasTests(nested)) {
        return true;
      }
    }
    return false;
  }

  /**
   * True when the annotation is {@link Testable} itself or carries it, up to {@code depth} deep.
   */
  private static boolean isTestable(Class<? extends Annotation> type, int depth) {
    if (type == Testable.class) {
      return true;
    }
    if (depth == 0 || type.getName().startsWith("java.lang.annotation.")) {
      return false;
    }
    for (Annotation meta : type.getAnnotations()) {
      if (isTestable(meta.annotationType(), depth - 1)) {
        return true;
      }
    }
    return false;
  }

  private Optional<Class<?>> load(String className) {
    try {
      return Optional.of(Class.forName(className, false, loader));
    } catch (ClassNotFoundException e) {
      return Optional.empty();
    }
  }

  private static String read(Path source) {
    try {
      return Files.readString(source, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + source, e);
    }
  }

  private static String link(String text, String path) {
    return "[" + text + "](" + path + ")";
  }
}
