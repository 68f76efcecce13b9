package org.interviewtasks.practice;

import com.github.javaparser.ast.CompilationUnit;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * A task's files in a source root of stubs or of the learner's work: writing the stubs, listing and
 * deleting what is there.
 */
final class Workspace {

  private Workspace() {}

  /** The header of every stub: what to do and how to check it. */
  static String header(PracticeTask task, String title) {
    return task.id()
        + " ("
        + title
        + "): your solution goes here.\n"
        + "Write each body that throws UnsupportedOperationException(\"TODO: ...\"); keep the\n"
        + "signatures, the task's tests call them. Add private helpers (or files in this package)\n"
        + "as you like. Check it:\n"
        + "  "
        + Practice.command("check " + task.id());
  }

  /**
   * Writes the stubs of a task's sources under a source root.
   *
   * @return the files written
   */
  static List<Path> writeStubs(TaskFiles files, StubWriter writer, Path sourceRoot, String header)
      throws IOException {
    List<Path> written = new ArrayList<>();
    for (Path source : files.sources()) {
      CompilationUnit unit = writer.parse(files.reference(source));
      String text = writer.stub(unit, header);
      Path target = sourceRoot.resolve(source);
      Files.createDirectories(target.getParent());
      Files.writeString(target, text, StandardCharsets.UTF_8);
      written.add(target);
    }
    return written;
  }

  /**
   * The task's files that exist under a source root: its stubbed sources and, for a package task,
   * every Java file of its package there (helpers the learner added).
   */
  static List<Path> existing(TaskFiles files, Path sourceRoot) throws IOException {
    Set<Path> found = new LinkedHashSet<>();
    for (Path source : files.sources()) {
      Path file = sourceRoot.resolve(source);
      if (Files.isRegularFile(file)) {
        found.add(file);
      }
    }
    if (files.task().isPackageTask()) {
      Path dir = sourceRoot.resolve(files.task().packagePath());
      if (Files.isDirectory(dir)) {
        try (Stream<Path> paths = Files.walk(dir)) {
          paths.filter(Files::isRegularFile).sorted().forEach(found::add);
        }
      }
    }
    return List.copyOf(found);
  }

  /** The task's Java files that exist under a source root (what check compiles). */
  static List<Path> existingJava(TaskFiles files, Path sourceRoot) throws IOException {
    return existing(files, sourceRoot).stream()
        .filter(f -> f.getFileName().toString().endsWith(".java"))
        .toList();
  }

  /** Deletes files, then the folders they leave empty up to (not including) the root. */
  static void delete(List<Path> files, Path root) throws IOException {
    for (Path file : files) {
      Files.deleteIfExists(file);
      for (Path dir = file.getParent();
          dir != null && dir.startsWith(root) && !dir.equals(root);
          dir = dir.getParent()) {
        if (!isEmptyDirectory(dir)) {
          break;
        }
        Files.delete(dir);
      }
    }
  }

  private static boolean isEmptyDirectory(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      return false;
    }
    try (Stream<Path> entries = Files.list(dir)) {
      return entries.findAny().isEmpty();
    }
  }

  /** The result of the learner's last check of a task, if any. */
  static Optional<String> lastResult(Layout layout, PracticeTask task) throws IOException {
    Path file = layout.results().resolve(task.id().toString());
    return Files.isRegularFile(file)
        ? Optional.of(Files.readString(file, StandardCharsets.UTF_8).strip())
        : Optional.empty();
  }

  /** Keeps the result of a check, for {@code list}. */
  static void saveResult(Layout layout, PracticeTask task, String result) throws IOException {
    Files.createDirectories(layout.results());
    Files.writeString(
        layout.results().resolve(task.id().toString()), result + "\n", StandardCharsets.UTF_8);
  }

  static Path resultFile(Layout layout, PracticeTask task) {
    return layout.results().resolve(task.id().toString());
  }
}
