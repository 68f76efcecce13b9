package org.interviewtasks.practice;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.interviewtasks.common.Level;

/**
 * A level's test class path, as its own tests see it under Surefire: the level's test classes and
 * classes, then its dependencies (test scope), which the practice profile writes to {@code
 * <level>/target/practice-test-classpath.txt} during {@code test-compile}.
 */
final class LevelClasspath {

  static final String FILE = "target/practice-test-classpath.txt";

  private static final Pattern SEPARATOR =
      Pattern.compile(Pattern.quote(java.io.File.pathSeparator));

  private LevelClasspath() {}

  /**
   * The entries, test classes first.
   *
   * @throws IllegalStateException if the build has not written the file or compiled the level
   */
  static List<Path> of(Layout layout, Level level) throws IOException {
    Path levelDir = layout.levelDir(level);
    Path file = levelDir.resolve(FILE);
    Path testClasses = levelDir.resolve("target/test-classes");
    if (!Files.isRegularFile(file) || !Files.isDirectory(testClasses)) {
      throw new IllegalStateException(
          level.key()
              + "'s test classes or class path are missing ("
              + layout.show(file)
              + "): run the command through the practice profile, with test-compile, as"
              + " practice/README.md shows");
    }
    List<Path> entries = new ArrayList<>();
    entries.add(testClasses);
    entries.add(levelDir.resolve("target/classes"));
    String line = Files.readString(file, StandardCharsets.UTF_8).strip();
    for (String entry : SEPARATOR.split(line, -1)) {
      if (!entry.isBlank()) {
        entries.add(Path.of(entry));
      }
    }
    return entries;
  }

  /** The level's own class folders: its test classes, then its classes. */
  static List<Path> ownClasses(Layout layout, Level level) throws IOException {
    return of(layout, level).subList(0, 2);
  }

  /** The level's dependencies, without its own class folders. */
  static List<Path> dependencies(Layout layout, Level level) throws IOException {
    List<Path> all = of(layout, level);
    return all.subList(2, all.size());
  }

  static String join(List<Path> entries) {
    return String.join(java.io.File.pathSeparator, entries.stream().map(Path::toString).toList());
  }
}
