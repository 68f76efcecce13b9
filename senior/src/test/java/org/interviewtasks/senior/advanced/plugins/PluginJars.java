package org.interviewtasks.senior.advanced.plugins;

import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.interviewtasks.senior.advanced.plugins.api.Plugin;

/**
 * Builds plugin jars in a test's temporary folder: compiles Java sources with {@code javax.tools}
 * against the plugin API, and writes the classes, a manifest with the API version and the {@code
 * META-INF/services} file into a jar with {@link JarOutputStream}.
 */
final class PluginJars {

  private PluginJars() {}

  /** A source file: the class's binary name and its code. */
  record Source(String className, String code) {}

  /**
   * Compiles {@code sources} and writes {@code jar}.
   *
   * @param work a folder for the classes
   * @param jar the jar to write (written under a temporary name and moved, as a real deployment
   *     would, so that the host never sees half a jar)
   * @param apiVersion the manifest's {@code Plugin-Api-Version}, or null for none
   * @param providers the classes named in {@code META-INF/services}
   */
  static Path build(
      Path work, Path jar, String apiVersion, List<Source> sources, List<String> providers)
      throws IOException {
    Path classes = Files.createTempDirectory(work, "classes-");
    compile(classes, sources);
    Manifest manifest = new Manifest();
    manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
    if (apiVersion != null) {
      manifest.getMainAttributes().putValue(Plugin.MANIFEST_ATTRIBUTE, apiVersion);
    }
    Path temp = Files.createTempFile(work, "plugin-", ".tmp");
    try (OutputStream file = Files.newOutputStream(temp);
        JarOutputStream out = new JarOutputStream(file, manifest)) {
      if (!providers.isEmpty()) {
        out.putNextEntry(new JarEntry("META-INF/services/" + Plugin.class.getName()));
        out.write((String.join("\n", providers) + "\n").getBytes(StandardCharsets.UTF_8));
        out.closeEntry();
      }
      List<Path> files;
      try (Stream<Path> walk = Files.walk(classes)) {
        files = walk.filter(Files::isRegularFile).sorted().toList();
      }
      for (Path classFile : files) {
        out.putNextEntry(new JarEntry(classes.relativize(classFile).toString().replace('\\', '/')));
        out.write(Files.readAllBytes(classFile));
        out.closeEntry();
      }
    }
    return Files.move(temp, jar, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
  }

  /**
   * A plugin named {@code name} whose {@code apply} is {@code body} (a Java expression of input).
   */
  static Source plugin(String className, String name, String body) {
    int dot = className.lastIndexOf('.');
    return new Source(
        className,
        """
        package %s;

        public final class %s implements org.interviewtasks.senior.advanced.plugins.api.Plugin {
          @Override public String name() { return "%s"; }
          @Override public String description() { return "built by the test"; }
          @Override public String apply(String input) { return %s; }
        }
        """
            .formatted(className.substring(0, dot), className.substring(dot + 1), name, body));
  }

  private static void compile(Path classes, List<Source> sources) throws IOException {
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    List<JavaFileObject> units = new ArrayList<>();
    for (Source source : sources) {
      units.add(
          new SimpleJavaFileObject(
              java.net.URI.create("string:///" + source.className().replace('.', '/') + ".java"),
              JavaFileObject.Kind.SOURCE) {
            @Override
            public CharSequence getCharContent(boolean ignoreEncodingErrors) {
              return source.code();
            }
          });
    }
    StringWriter diagnostics = new StringWriter();
    try (StandardJavaFileManager files =
        javac.getStandardFileManager(null, null, StandardCharsets.UTF_8)) {
      List<String> options =
          List.of(
              "--release",
              "21",
              "-proc:none",
              "-d",
              classes.toString(),
              "-classpath",
              apiClasses());
      boolean ok = javac.getTask(diagnostics, files, null, options, null, units).call();
      if (!ok) {
        throw new IllegalStateException("plugin sources do not compile:\n" + diagnostics);
      }
    }
  }

  /** Where the plugin API's classes are: plugins compile against the API only. */
  private static String apiClasses() {
    try {
      return Path.of(Plugin.class.getProtectionDomain().getCodeSource().getLocation().toURI())
          .toString();
    } catch (java.net.URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
