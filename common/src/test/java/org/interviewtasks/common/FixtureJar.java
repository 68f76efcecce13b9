package org.interviewtasks.common;

import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import taskfixtures.valid.EchoTask;

/** Packs the fixture tasks into a jar, and a class loader that lists resources from it alone. */
final class FixtureJar {

  private FixtureJar() {}

  /**
   * Writes the fixture classes to a jar, plus an entry outside the fixture package (a task class
   * the scan must not see) and a non-class file that mentions the annotation (one it must not
   * load).
   */
  static Path write(Path dir) throws IOException, URISyntaxException {
    Path jar = dir.resolve("fixtures.jar");
    Path classes =
        Path.of(EchoTask.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    try (var out = new JarOutputStream(Files.newOutputStream(jar));
        Stream<Path> files = Files.walk(classes.resolve("taskfixtures/valid"))) {
      for (String folder :
          new String[] {
            "org/", "org/interviewtasks/", "org/interviewtasks/common/", "taskfixtures/"
          }) {
        out.putNextEntry(new JarEntry(folder));
      }
      out.putNextEntry(new JarEntry("taskfixtures/valid/"));
      for (Path file : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
        out.putNextEntry(new JarEntry(classes.relativize(file).toString().replace('\\', '/')));
        Files.copy(file, out);
      }
      out.putNextEntry(new JarEntry("taskfixtures/valid/notes.txt"));
      out.write("Lorg/interviewtasks/common/Task;".getBytes(StandardCharsets.US_ASCII));
      String outside = "taskfixtures/clash/First.class";
      out.putNextEntry(new JarEntry(outside));
      Files.copy(classes.resolve(outside), out);
    }
    return jar;
  }

  /**
   * A loader that loads classes from its parent first (so they are the same {@code Class} objects)
   * but lists resources from the jar alone, so a scan through it reads only the jar.
   */
  static URLClassLoader loader(Path jar, ClassLoader parent) throws IOException {
    return new URLClassLoader(new URL[] {jar.toUri().toURL()}, parent) {
      @Override
      public Enumeration<URL> getResources(String name) throws IOException {
        return findResources(name);
      }
    };
  }
}
