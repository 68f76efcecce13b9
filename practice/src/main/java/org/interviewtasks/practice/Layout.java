package org.interviewtasks.practice;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import org.interviewtasks.common.Level;

/**
 * Where things are: the project's root, a level's sources and build output, the learner's workspace
 * and the practice module's own output.
 *
 * @param root the project's root folder (the parent of {@code practice/})
 * @param home the practice module's folder
 * @param workspace the learner's source root, {@code practice/workspace/src/main/java}
 */
public record Layout(Path root, Path home, Path workspace) {

  /** The system property that the build sets to the practice module's folder. */
  static final String HOME_PROPERTY = "practice.home";

  /** The system property that moves the learner's source root elsewhere (tests use it). */
  static final String WORKSPACE_PROPERTY = "practice.workspace";

  /** Validates the parts and makes them absolute. */
  public Layout {
    root = Objects.requireNonNull(root, "root").toAbsolutePath().normalize();
    home = Objects.requireNonNull(home, "home").toAbsolutePath().normalize();
    workspace = Objects.requireNonNull(workspace, "workspace").toAbsolutePath().normalize();
  }

  /** The layout of a practice module folder, with the workspace in its usual place. */
  public static Layout of(Path home) {
    Path absolute = home.toAbsolutePath().normalize();
    Path parent = absolute.getParent();
    if (parent == null) {
      throw new IllegalArgumentException("the practice folder has no parent: " + absolute);
    }
    return new Layout(parent, absolute, absolute.resolve("workspace/src/main/java"));
  }

  /**
   * The layout this JVM was started for: {@value #HOME_PROPERTY} (set by the build), else {@code
   * practice/} or the current folder when it holds the practice module; {@value
   * #WORKSPACE_PROPERTY} moves the workspace.
   */
  public static Layout fromSystemProperties() {
    String home = System.getProperty(HOME_PROPERTY);
    Path folder;
    if (home != null && !home.isBlank()) {
      folder = Path.of(home);
    } else if (Files.isDirectory(Path.of("practice", "src"))) {
      folder = Path.of("practice");
    } else {
      folder = Path.of("");
    }
    Layout layout = of(folder);
    String workspace = System.getProperty(WORKSPACE_PROPERTY);
    return workspace == null || workspace.isBlank()
        ? layout
        : layout.withWorkspace(Path.of(workspace));
  }

  /** The same layout with another workspace. */
  public Layout withWorkspace(Path otherWorkspace) {
    return new Layout(root, home, otherWorkspace);
  }

  /** A level's module folder, e.g. {@code junior/}. */
  public Path levelDir(Level level) {
    return root.resolve(level.key());
  }

  /** A level's main sources. */
  public Path mainSources(Level level) {
    return levelDir(level).resolve("src/main/java");
  }

  /** A level's test sources. */
  public Path testSources(Level level) {
    return levelDir(level).resolve("src/test/java");
  }

  /** The practice module's build output, {@code practice/target}. */
  public Path target() {
    return home.resolve("target");
  }

  /** Where the last check's results per task are kept: beside the learner's sources. */
  public Path results() {
    Path base = workspace;
    for (int i = 0; i < 3 && base.getParent() != null; i++) {
      base = base.getParent(); // workspace/src/main/java -> workspace
    }
    return base.resolve(".results");
  }

  /** A path as the learner should read it: relative to the project's root when inside it. */
  public String show(Path path) {
    Path absolute = path.toAbsolutePath().normalize();
    return absolute.startsWith(root) ? root.relativize(absolute).toString() : absolute.toString();
  }
}
