package org.interviewtasks.senior.infra;

import java.io.File;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The command line of a child JVM that runs a class of this JVM's own class path: the tasks that
 * spread work over processes (MapReduce's workers, the matrix product's bands, the load balancer's
 * workers) and the tests that kill a process start their children through it.
 *
 * <p>The child runs the {@code java} of this JVM ({@code java.home}), so it is the same JDK. Its
 * class path is this class loader's URLs when the loader has any (under {@code mvn exec:java} the
 * task's classes live in such a loader and {@code java.class.path} holds only Maven's launcher),
 * else {@code java.class.path}. The SLF4J backend this JVM named ({@code slf4j.provider}) is named
 * for the child too, unless the child's options name another.
 */
public final class ChildJvm {
  private ChildJvm() {}

  /** The {@code java} launcher of the running JDK. */
  public static Path java() {
    return Path.of(System.getProperty("java.home"), "bin", "java");
  }

  /** This JVM's class path, as a child needs it to load the same classes. */
  public static String classPath() {
    if (ChildJvm.class.getClassLoader() instanceof URLClassLoader loader
        && loader.getURLs().length > 0) {
      List<String> entries = new ArrayList<>();
      for (URL url : loader.getURLs()) {
        try {
          entries.add(Path.of(url.toURI()).toString());
        } catch (URISyntaxException | IllegalArgumentException e) {
          throw new IllegalStateException("class path entry is not a file: " + url, e);
        }
      }
      return String.join(File.pathSeparator, entries);
    }
    return System.getProperty("java.class.path");
  }

  /**
   * {@code java <jvmOptions> -cp <this class path> <mainClass> <args>}.
   *
   * @throws IllegalArgumentException if {@code mainClass} has no public {@code main(String[])}
   */
  public static List<String> command(
      List<String> jvmOptions, Class<?> mainClass, List<String> args) {
    Objects.requireNonNull(jvmOptions, "jvmOptions");
    Objects.requireNonNull(mainClass, "mainClass");
    Objects.requireNonNull(args, "args");
    try {
      var unused = mainClass.getMethod("main", String[].class);
    } catch (NoSuchMethodException e) {
      throw new IllegalArgumentException(mainClass.getName() + " has no public main(String[])", e);
    }
    List<String> command = new ArrayList<>();
    command.add(java().toString());
    for (String option : jvmOptions) {
      command.add(Objects.requireNonNull(option, "a JVM option"));
    }
    command.add("-cp");
    command.add(classPath());
    // The class path holds two SLF4J backends (slf4j-simple, and Logback for operations.1): a
    // child names the one this JVM named, rather than pick by class path order and warn, unless
    // its options name one.
    for (String property : List.of("slf4j.provider", "slf4j.internal.verbosity")) {
      String value = System.getProperty(property);
      boolean given = jvmOptions.stream().anyMatch(o -> o.startsWith("-D" + property + "="));
      if (value != null && !value.isEmpty() && !given) {
        command.add("-D" + property + "=" + value);
      }
    }
    command.add(mainClass.getName());
    for (String arg : args) {
      command.add(Objects.requireNonNull(arg, "an argument"));
    }
    return List.copyOf(command);
  }
}
