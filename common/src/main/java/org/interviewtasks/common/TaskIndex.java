package org.interviewtasks.common;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * Every task on a classpath: the classes annotated with {@link Task}, found by scanning class files
 * under a package.
 *
 * <p>The scan reads each class file under the package (from directories and jars alike) and loads,
 * without initializing, only those whose bytes mention the {@code Task} annotation, so a large
 * classpath costs file reads, not class loading. Two classes claiming one id is an error.
 */
public final class TaskIndex {

  private static final String ROOT_PACKAGE = "org.interviewtasks";
  private static final byte[] MARKER =
      ("L" + Task.class.getName().replace('.', '/') + ";").getBytes(StandardCharsets.US_ASCII);

  private final SortedMap<TaskId, TaskInfo> tasks;

  private TaskIndex(SortedMap<TaskId, TaskInfo> tasks) {
    this.tasks = Collections.unmodifiableSortedMap(tasks);
  }

  /** Scans every package under {@code org.interviewtasks} on the thread's context class loader. */
  public static TaskIndex scan() {
    return scan(contextLoader(), ROOT_PACKAGE);
  }

  /**
   * Scans one package and its sub-packages.
   *
   * @param loader the class loader whose classpath is scanned
   * @param packageName e.g. {@code org.interviewtasks.junior}
   * @throws IllegalStateException if two classes claim the same id
   * @throws UncheckedIOException if a classpath entry cannot be read
   */
  public static TaskIndex scan(ClassLoader loader, String packageName) {
    Objects.requireNonNull(loader, "loader");
    String root = packageName.replace('.', '/') + "/";
    SortedMap<TaskId, TaskInfo> found = new TreeMap<>();
    try {
      Enumeration<URL> urls = loader.getResources(root);
      while (urls.hasMoreElements()) {
        for (String className : classNames(urls.nextElement(), root)) {
          register(found, loader, className);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot scan the classpath for " + packageName, e);
    }
    return new TaskIndex(found);
  }

  /** All tasks, ordered by id. */
  public List<TaskInfo> all() {
    return List.copyOf(tasks.values());
  }

  /** The tasks of one level, ordered by id. */
  public List<TaskInfo> ofLevel(Level level) {
    return tasks.values().stream().filter(t -> t.id().level() == level).toList();
  }

  /** The task with this id, if it is on the classpath. */
  public Optional<TaskInfo> find(TaskId id) {
    return Optional.ofNullable(tasks.get(id));
  }

  private static ClassLoader contextLoader() {
    ClassLoader context = Thread.currentThread().getContextClassLoader();
    return context != null ? context : TaskIndex.class.getClassLoader();
  }

  private static void register(
      SortedMap<TaskId, TaskInfo> found, ClassLoader loader, String className) {
    Class<?> type;
    try {
      type = Class.forName(className, false, loader);
    } catch (ClassNotFoundException | LinkageError e) {
      throw new IllegalStateException("cannot load " + className + " while indexing tasks", e);
    }
    if (!type.isAnnotationPresent(Task.class)) {
      return;
    }
    TaskInfo info = TaskInfo.of(type);
    TaskInfo previous = found.putIfAbsent(info.id(), info);
    if (previous != null && previous.entryClass() != type) {
      throw new IllegalStateException(
          "task id "
              + info.id()
              + " is claimed by both "
              + previous.entryClass().getName()
              + " and "
              + type.getName());
    }
  }

  private static List<String> classNames(URL url, String root) throws IOException {
    return switch (url.getProtocol()) {
      case "file" -> classNamesInDirectory(toPath(url), root);
      case "jar" -> classNamesInJar(url, root);
      default -> List.of();
    };
  }

  private static Path toPath(URL url) {
    try {
      return Path.of(url.toURI());
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("not a file URL: " + url, e);
    }
  }

  private static List<String> classNamesInDirectory(Path directory, String root)
      throws IOException {
    List<String> names = new ArrayList<>();
    try (Stream<Path> files = Files.walk(directory)) {
      for (Path file : (Iterable<Path>) files::iterator) {
        String relative = directory.relativize(file).toString().replace('\\', '/');
        if (isClassFile(relative)) {
          try (InputStream in = Files.newInputStream(file)) {
            if (mentionsTask(in)) {
              names.add(toClassName(root + relative));
            }
          }
        }
      }
    }
    return names;
  }

  private static List<String> classNamesInJar(URL url, String root) throws IOException {
    List<String> names = new ArrayList<>();
    JarURLConnection connection = (JarURLConnection) url.openConnection();
    connection.setUseCaches(false);
    try (JarFile jar = connection.getJarFile()) {
      for (JarEntry entry : Collections.list(jar.entries())) {
        String name = entry.getName();
        if (name.startsWith(root) && isClassFile(name)) {
          try (InputStream in = jar.getInputStream(entry)) {
            if (mentionsTask(in)) {
              names.add(toClassName(name));
            }
          }
        }
      }
    }
    return names;
  }

  private static boolean isClassFile(String path) {
    return path.endsWith(".class") && !path.endsWith("module-info.class");
  }

  private static String toClassName(String path) {
    return path.substring(0, path.length() - ".class".length()).replace('/', '.');
  }

  /** True when the class file's bytes contain the annotation's type descriptor. */
  static boolean mentionsTask(InputStream in) throws IOException {
    byte[] bytes = in.readAllBytes();
    outer:
    for (int i = 0; i + MARKER.length <= bytes.length; i++) {
      for (int j = 0; j < MARKER.length; j++) {
        if (bytes[i + j] != MARKER[j]) {
          continue outer;
        }
      }
      return true;
    }
    return false;
  }
}
