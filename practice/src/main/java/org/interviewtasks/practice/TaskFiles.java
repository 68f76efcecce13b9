package org.interviewtasks.practice;

import com.github.javaparser.ast.CompilationUnit;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Which sources of a task the learner writes, and which test classes judge them.
 *
 * <ul>
 *   <li>Junior and mid: the entry class's file (its nested types come with it), and the files of
 *       its package whose type extends or implements the entry class or one of its nested types
 *       ({@code Cat} and {@code Dog} for {@code Animal}). The tests are the test classes of the
 *       package named {@code <EntryClass>Test*}.
 *   <li>Senior: a package each (sub-packages included). The learner writes the entry class and
 *       every type of the package that the task's tests name, and what those types' signatures name
 *       in turn; a demo that no test names is left out. The tests are all test classes of the
 *       package.
 * </ul>
 *
 * @param task the task
 * @param sources the reference sources to stub, relative to the level's source root, entry first
 * @param tests the test source files, relative to the level's test source root
 */
public record TaskFiles(PracticeTask task, List<Path> sources, List<Path> tests) {

  /** Validates and copies the parts. */
  public TaskFiles {
    Objects.requireNonNull(task, "task");
    sources = List.copyOf(sources);
    tests = List.copyOf(tests);
  }

  /**
   * Finds a written task's files.
   *
   * @throws IOException if a source cannot be read
   * @throws IllegalStateException if the task has no reference solution
   */
  public static TaskFiles of(PracticeTask task, StubWriter writer) throws IOException {
    if (!task.written()) {
      throw new IllegalStateException(task.id() + " has no reference solution yet");
    }
    Layout layout = task.layout();
    Path mainRoot = layout.mainSources(task.level());
    Path testRoot = layout.testSources(task.level());
    Path packageDir = task.packagePath();
    List<Path> tests =
        testFiles(task, testRoot.resolve(packageDir)).stream().map(testRoot::relativize).toList();
    Path entry = mainRoot.relativize(task.referenceEntryFile());
    List<Path> sources =
        task.isPackageTask()
            ? packageSources(writer, mainRoot, entry, packageDir, testRoot, tests)
            : kinSources(writer, mainRoot, entry, task.simpleName());
    return new TaskFiles(task, sources, tests);
  }

  /** The fully qualified names of the test classes. */
  public List<String> testClasses() {
    return tests.stream().map(TaskFiles::className).toList();
  }

  /** The simple names of the test classes, for a reader. */
  public List<String> testNames() {
    return tests.stream().map(path -> path.getFileName().toString().replace(".java", "")).toList();
  }

  /** The reference's copy of a source. */
  public Path reference(Path source) {
    return task.layout().mainSources(task.level()).resolve(source);
  }

  /** The learner's copy of a source, in the workspace. */
  public Path learner(Path source) {
    return task.layout().workspace().resolve(source);
  }

  private static String className(Path relative) {
    String name = relative.toString().replace('\\', '/');
    return name.substring(0, name.length() - ".java".length()).replace('/', '.');
  }

  private static List<Path> testFiles(PracticeTask task, Path testPackage) throws IOException {
    if (!Files.isDirectory(testPackage)) {
      return List.of();
    }
    String prefix = task.simpleName() + "Test";
    try (Stream<Path> files =
        task.isPackageTask() ? Files.walk(testPackage) : Files.list(testPackage)) {
      return files
          .filter(Files::isRegularFile)
          .filter(f -> f.getFileName().toString().endsWith(".java"))
          .filter(f -> !f.getFileName().toString().equals("package-info.java"))
          .filter(f -> task.isPackageTask() || f.getFileName().toString().startsWith(prefix))
          .sorted()
          .toList();
    }
  }

  private static List<Path> javaFiles(Path dir, boolean recursive) throws IOException {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> files = recursive ? Files.walk(dir) : Files.list(dir)) {
      return files
          .filter(Files::isRegularFile)
          .filter(f -> f.getFileName().toString().endsWith(".java"))
          .filter(f -> !f.getFileName().toString().equals("package-info.java"))
          .sorted()
          .toList();
    }
  }

  /** Junior and mid: the entry file and the files of its package that extend or implement it. */
  private static List<Path> kinSources(
      StubWriter writer, Path mainRoot, Path entry, String entryName) throws IOException {
    List<Path> sources = new ArrayList<>();
    sources.add(entry);
    Path entryFile = mainRoot.resolve(entry);
    Path packageDir = entryFile.getParent();
    for (Path file : javaFiles(packageDir, false)) {
      if (file.equals(entryFile)) {
        continue;
      }
      Set<String> supertypes = StubWriter.supertypes(writer.parse(file));
      boolean kin =
          supertypes.stream().anyMatch(s -> s.equals(entryName) || s.startsWith(entryName + "."));
      if (kin) {
        sources.add(mainRoot.relativize(file));
      }
    }
    return sources;
  }

  /**
   * Senior: the entry and the package's types that the tests name, closed over what the stubs of
   * those types name.
   */
  private static List<Path> packageSources(
      StubWriter writer,
      Path mainRoot,
      Path entry,
      Path packageDir,
      Path testRoot,
      List<Path> tests)
      throws IOException {
    Map<Path, List<String>> typesByFile = new LinkedHashMap<>();
    for (Path file : javaFiles(mainRoot.resolve(packageDir), true)) {
      typesByFile.put(mainRoot.relativize(file), StubWriter.topLevelTypes(writer.parse(file)));
    }
    Set<String> named = new HashSet<>();
    for (Path test : tests) {
      named.addAll(StubWriter.namesIn(writer.parse(testRoot.resolve(test))));
    }
    Set<Path> chosen = new HashSet<>();
    List<Path> queue = new ArrayList<>();
    queue.add(entry);
    chosen.add(entry);
    typesByFile.forEach(
        (file, types) -> {
          if (types.stream().anyMatch(named::contains) && chosen.add(file)) {
            queue.add(file);
          }
        });
    for (int i = 0; i < queue.size(); i++) {
      CompilationUnit unit = writer.parse(mainRoot.resolve(queue.get(i)));
      writer.stub(unit, null);
      Set<String> mentioned = StubWriter.referencesIn(unit);
      typesByFile.forEach(
          (file, types) -> {
            if (types.stream().anyMatch(mentioned::contains) && chosen.add(file)) {
              queue.add(file);
            }
          });
    }
    List<Path> sources = new ArrayList<>();
    sources.add(entry);
    typesByFile.keySet().stream()
        .filter(chosen::contains)
        .filter(file -> !file.equals(entry))
        .forEach(sources::add);
    return sources;
  }
}
