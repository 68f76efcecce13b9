package org.interviewtasks.practice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StubWriterTest {

  private static final String SOURCE =
      """
      package demo;

      import java.util.List;
      import java.util.Objects;

      /** Teaches something. */
      public final class Sample {

        private static final int BASE = 21;

        /** A constant the tests may use. */
        public static final int LIMIT = BASE * 2;

        private static final String SECRET = "the approach";

        private final List<String> items;

        private Sample() {}

        /** Builds one. */
        public Sample(List<String> items) {
          this.items = List.copyOf(Objects.requireNonNull(items, "items"));
        }

        /** Sums. */
        public static int sum(int a, int b) {
          return helper(a) + b;
        }

        int packagePrivate() {
          return items.size();
        }

        private static int helper(int a) {
          return a;
        }

        /** A value. */
        public record Point(int x, int y) {
          public Point {
            if (x < 0) {
              throw new IllegalArgumentException("x");
            }
          }

          public int distance() {
            return Math.abs(x) + Math.abs(y);
          }
        }

        /** Colours. */
        public enum Colour {
          RED("r"),
          GREEN("g") {
            @Override
            public String code() {
              return "G!";
            }
          };

          private final String code;

          Colour(String code) {
            this.code = code;
          }

          public String code() {
            return code;
          }
        }

        /** A shape. */
        public interface Shape {
          double area();

          default String describe() {
            return "area " + area();
          }

          private void hidden() {}
        }

        /** A failure. */
        public static final class Failure extends RuntimeException {
          private static final long serialVersionUID = 1L;

          public Failure(String message, Throwable cause) {
            super(message, cause);
          }

          public Failure(int code) {
            super(text(code));
          }

          private static String text(int code) {
            return "code " + code;
          }
        }

        sealed interface Node {}

        private record Leaf(int value) implements Node {}

        private static final class Unused {}

        static {
          System.out.println("side effect");
        }
      }
      """;

  private final StubWriter writer = new StubWriter();

  private String stubOf(Path dir, String source) throws IOException {
    Path file = dir.resolve("Sample.java");
    Files.writeString(file, source, StandardCharsets.UTF_8);
    return writer.stub(writer.parse(file), "header line");
  }

  @Test
  void replacesEveryBodyWithATodoAndKeepsSignaturesAndJavadoc(@TempDir Path dir)
      throws IOException {
    String stub = stubOf(dir, SOURCE);
    assertThat(stub)
        .startsWith("/*\n * header line\n */\npackage demo;")
        .contains("/**\n * Teaches something.\n */")
        .contains("public static int sum(int a, int b) {")
        .contains("throw new UnsupportedOperationException(\"TODO: Sample.sum\");")
        .contains("int packagePrivate() {")
        .contains("throw new UnsupportedOperationException(\"TODO: Sample constructor\");")
        .contains("public int distance() {")
        .contains("TODO: Sample.Point.distance")
        .doesNotContain("return helper(a) + b;")
        .doesNotContain("List.copyOf");
  }

  @Test
  void dropsPrivateMembersNothingKeptNamesAndKeepsThoseItDoes(@TempDir Path dir)
      throws IOException {
    String stub = stubOf(dir, SOURCE);
    assertThat(stub)
        .contains("public static final int LIMIT = BASE * 2;")
        .contains("private static final int BASE = 21;") // named by LIMIT
        .doesNotContain("SECRET")
        .doesNotContain("private final List<String> items")
        .doesNotContain("class Unused")
        .doesNotContain("side effect")
        .contains("private static String text(int code) {") // named by super(text(code))
        .contains("TODO: Sample.Failure.text")
        .contains("private Sample() {\n  }"); // a utility constructor stays empty
  }

  @Test
  void keepsTheShapeOfRecordsEnumsInterfacesAndSealedTypes(@TempDir Path dir) throws IOException {
    String stub = stubOf(dir, SOURCE);
    assertThat(stub)
        .contains("public record Point(int x, int y) {")
        .contains("// TODO: check (and normalize) the components")
        .doesNotContain("throw new IllegalArgumentException(\"x\")")
        .contains("RED(\"r\"), GREEN(\"g\") {")
        .contains("TODO: Sample.Colour.GREEN.code")
        .contains("this.code = code;") // an enum constant is data
        .contains("double area();")
        .contains("TODO: Sample.Shape.describe")
        .doesNotContain("hidden")
        .contains("super(message, cause);") // passes its parameters on: kept whole
        .contains("private record Leaf(int value) implements Node"); // the sealed type needs it
  }

  @Test
  void theStubCompiles(@TempDir Path dir) throws IOException {
    Path src = dir.resolve("src/demo");
    Files.createDirectories(src);
    Path file = src.resolve("Sample.java");
    Files.writeString(file, stubOf(dir, SOURCE), StandardCharsets.UTF_8);
    Layout layout = Layout.of(dir.resolve("practice"));
    LearnerCompiler.Result result =
        new LearnerCompiler()
            .compile(List.of(file), dir.resolve("src"), List.of(), dir.resolve("classes"), layout);
    assertThat(result.errors()).isEmpty();
    assertThat(result.success()).isTrue();
    assertThat(dir.resolve("classes/demo/Sample$Point.class")).exists();
  }

  @Test
  void reportsCompileErrorsWithFileAndLine(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("src/demo/Broken.java");
    Files.createDirectories(file.getParent());
    Files.writeString(file, "package demo;\nclass Broken { int x = ; }\n", StandardCharsets.UTF_8);
    LearnerCompiler.Result result =
        new LearnerCompiler()
            .compile(
                List.of(file),
                dir.resolve("src"),
                List.of(),
                dir.resolve("classes"),
                new Layout(dir, dir.resolve("practice"), dir.resolve("src")));
    assertThat(result.success()).isFalse();
    assertThat(result.errors()).first().asString().startsWith("src/demo/Broken.java:2: ");
  }

  @Test
  void refusesSourceThatDoesNotParse(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("Bad.java");
    Files.writeString(file, "class {", StandardCharsets.UTF_8);
    assertThatThrownBy(() -> writer.parse(file))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("cannot parse");
  }
}
