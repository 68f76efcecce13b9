package org.interviewtasks.practice;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Compiles a learner's sources with the JDK's compiler (javax.tools), against the level's class
 * path, into a class folder that then goes first on the tests' class path.
 */
final class LearnerCompiler {

  /**
   * The outcome of a compilation.
   *
   * @param success whether javac produced the classes
   * @param errors the error messages, each {@code file:line: message}
   */
  record Result(boolean success, List<String> errors) {
    Result {
      errors = List.copyOf(errors);
    }
  }

  private final JavaCompiler compiler;

  LearnerCompiler() {
    this.compiler = ToolProvider.getSystemJavaCompiler();
    if (compiler == null) {
      throw new IllegalStateException(
          "no Java compiler in " + System.getProperty("java.home") + ": run Maven on a JDK");
    }
  }

  /**
   * Compiles the sources.
   *
   * @param sources the files to compile
   * @param sourcePath where javac looks for other sources they use (the learner's workspace)
   * @param classpath the level's class path
   * @param output the class folder, emptied first
   * @param layout to show paths relative to the project
   */
  Result compile(
      List<Path> sources, Path sourcePath, List<Path> classpath, Path output, Layout layout)
      throws IOException {
    Objects.requireNonNull(sources, "sources");
    deleteTree(output);
    Files.createDirectories(output);
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    List<String> options =
        List.of(
            "--release",
            "21",
            "-proc:none",
            "-g",
            "-parameters",
            "-encoding",
            "UTF-8",
            "-implicit:class",
            "-Xprefer:source",
            "-sourcepath",
            sourcePath.toString(),
            "-classpath",
            LevelClasspath.join(classpath),
            "-d",
            output.toString());
    boolean success;
    StringWriter out = new StringWriter();
    try (StandardJavaFileManager files =
        compiler.getStandardFileManager(diagnostics, Locale.ROOT, StandardCharsets.UTF_8)) {
      Iterable<? extends JavaFileObject> units = files.getJavaFileObjectsFromPaths(sources);
      success = compiler.getTask(out, files, diagnostics, options, null, units).call();
    }
    List<String> errors = new ArrayList<>();
    for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
      if (d.getKind() == Diagnostic.Kind.ERROR) {
        String where =
            d.getSource() == null
                ? ""
                : layout.show(Path.of(d.getSource().toUri())) + ":" + d.getLineNumber() + ": ";
        errors.add(where + d.getMessage(Locale.ROOT));
      }
    }
    if (!success && errors.isEmpty()) {
      errors.add(out.toString().strip());
    }
    return new Result(success, errors);
  }

  static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }
}
