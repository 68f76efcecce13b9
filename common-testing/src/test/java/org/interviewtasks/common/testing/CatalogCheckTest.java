package org.interviewtasks.common.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.ToolProvider;
import org.apiguardian.api.API;
import org.interviewtasks.common.CatalogEntry;
import org.interviewtasks.common.Task;
import org.interviewtasks.common.TaskId;
import org.interviewtasks.common.TaskIndex;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.commons.annotation.Testable;

/**
 * The catalog check against a small module compiled for the test: one complete task, and one task
 * for each way a task can be incomplete.
 */
class CatalogCheckTest {

  private static final String PACKAGE = "org.interviewtasks.junior.core";
  private static final String JAVADOC = "/**\n * A task.\n *\n * <p>Approach.\n */\n";

  /** The module's sources: main and test, by class name. */
  private static final Map<String, String> MAIN_SOURCES =
      Map.of(
          "Good",
              JAVADOC
                  + "@Task(id = \"junior.core.1\", title = \"Good\")\npublic final class Good {}",
          "NoJavadoc",
              "@Task(id = \"junior.core.2\", title = \"No Javadoc\")\npublic class NoJavadoc {}",
          "WrongId",
              JAVADOC
                  + "@Task(id = \"junior.core.33\", title = \"Wrong\")\npublic class WrongId {}",
          "NoTask", JAVADOC + "public class NoTask {}",
          "NoTest",
              JAVADOC
                  + "@Task(id = \"junior.core.5\", title = \"No test\")\npublic class NoTest {}",
          "EmptyTest",
              JAVADOC
                  + "@Task(id = \"junior.core.6\", title = \"Empty test\")\npublic class EmptyTest {}",
          "BlankTitle",
              JAVADOC
                  + "@Task(id = \"junior.core.7\", title = \" \")\npublic record BlankTitle() {}",
          "Nested",
              JAVADOC + "@Task(id = \"junior.core.8\", title = \"Nested\")\npublic enum Nested {}",
          "Extra",
              JAVADOC + "@Task(id = \"junior.core.99\", title = \"Extra\")\npublic class Extra {}");

  private static final Map<String, String> TEST_SOURCES =
      Map.of(
          "GoodTest", "class GoodTest { @org.junit.jupiter.api.Test void works() {} }",
          "NoJavadocTest", "class NoJavadocTest { @org.junit.jupiter.api.Test void works() {} }",
          "WrongIdTest", "class WrongIdTest { @org.junit.jupiter.api.Test void works() {} }",
          "NoTaskTest", "class NoTaskTest { @org.junit.jupiter.api.Test void works() {} }",
          "EmptyTestTest", "class EmptyTestTest { void notATest() {} }",
          "BlankTitleTest", "class BlankTitleTest { @org.junit.jupiter.api.Test void works() {} }",
          "NestedTest",
              "class NestedTest { @org.junit.jupiter.api.Nested class Inner {"
                  + " @org.junit.jupiter.api.RepeatedTest(2) void works() {} } }");

  @TempDir static Path module;
  private static URLClassLoader loader;
  private static CatalogCheck check;

  @BeforeAll
  static void compileTheModule() throws Exception {
    Path main = module.resolve("src/main/java/org/interviewtasks/junior/core");
    Path test = module.resolve("src/test/java/org/interviewtasks/junior/core");
    Files.createDirectories(main);
    Files.createDirectories(test);
    List<String> files = new ArrayList<>();
    for (var source : MAIN_SOURCES.entrySet()) {
      files.add(
          write(
              main,
              source.getKey(),
              "import org.interviewtasks.common.Task;\n\n" + source.getValue()));
    }
    for (var source : TEST_SOURCES.entrySet()) {
      files.add(write(test, source.getKey(), source.getValue()));
    }
    Path classes = module.resolve("classes");
    String classpath =
        Stream.of(Task.class, Test.class, Testable.class, API.class)
            .map(CatalogCheckTest::location)
            .map(Path::toString)
            .collect(Collectors.joining(java.io.File.pathSeparator));
    List<String> args =
        new ArrayList<>(List.of("-d", classes.toString(), "-cp", classpath, "-proc:none"));
    args.addAll(files);
    var output = new ByteArrayOutputStream();
    int status =
        ToolProvider.getSystemJavaCompiler().run(null, output, output, args.toArray(String[]::new));
    assertThat(status)
        .as("compiling the fixture module: %s", output.toString(StandardCharsets.UTF_8))
        .isZero();
    loader =
        new URLClassLoader(
            new URL[] {classes.toUri().toURL()}, CatalogCheckTest.class.getClassLoader());
    List<CatalogEntry> catalog =
        Stream.of(
                entry(1, "Good"),
                entry(2, "NoJavadoc"),
                entry(3, "WrongId"),
                entry(4, "NoTask"),
                entry(5, "NoTest"),
                entry(6, "EmptyTest"),
                entry(7, "BlankTitle"),
                entry(8, "Nested"),
                entry(9, "Missing"))
            .toList();
    check =
        new CatalogCheck(
            catalog, TaskIndex.scan(loader, "org.interviewtasks.junior").all(), loader, module);
  }

  @AfterAll
  static void closeTheLoader() throws IOException {
    loader.close();
  }

  @Test
  void namesEveryWayATaskIsIncomplete() {
    assertThat(check.incompleteTasks())
        .containsExactlyInAnyOrder(
            "junior.core.2: NoJavadoc has no Javadoc of 3 lines or more",
            "junior.core.3: its @Task id is 'junior.core.33'",
            "junior.core.4: NoTask has no @Task",
            "junior.core.5: no test class NoTestTest beside it",
            "junior.core.6: EmptyTestTest has no test method",
            "junior.core.7: its @Task title is blank");
  }

  @Test
  void reportsTasksNotWrittenAndFailsOnlyInCompleteCategories() {
    assertThat(check.notWritten()).containsExactly("junior.core.9");
    assertThat(check.missingFrom(Set.of("core")))
        .containsExactly("junior.core.9 " + PACKAGE + ".Missing");
    assertThat(check.missingFrom(Set.of("algorithms"))).isEmpty();
  }

  @Test
  void flagsIdsTheCatalogDoesNotKnowOrGivesToAnotherClass() {
    assertThat(check.unknownTasks())
        .containsExactlyInAnyOrder(
            "junior.core.33 (" + PACKAGE + ".WrongId) is not in the catalog",
            "junior.core.99 (" + PACKAGE + ".Extra) is not in the catalog");
    var swapped =
        new CatalogCheck(
            List.of(entry(1, "Other")),
            TaskIndex.scan(loader, "org.interviewtasks.junior").all(),
            loader,
            module);
    assertThat(swapped.unknownTasks())
        .contains("junior.core.1 is " + PACKAGE + ".Good, the catalog says " + PACKAGE + ".Other");
  }

  @Test
  void findsDuplicateIds() {
    assertThat(check.duplicateIds()).isEmpty();
    var twice =
        new CatalogCheck(List.of(entry(1, "Good"), entry(1, "Good")), List.of(), loader, module);
    assertThat(twice.duplicateIds()).containsExactly("junior.core.1");
  }

  @Test
  void aMissingSourceFileIsAProblem() throws IOException {
    Path elsewhere = Files.createTempDirectory(module, "other");
    var noSources = new CatalogCheck(List.of(entry(1, "Good")), List.of(), loader, elsewhere);

    assertThat(noSources.incompleteTasks())
        .containsExactly(
            "junior.core.1: no source file src/main/java/org/interviewtasks/junior/core/Good.java");
  }

  @Test
  void tableListsEveryTaskWithLinksOrAsNotWritten() {
    String table = check.table();

    assertThat(table)
        .startsWith(
            "### Core language (`core`, 8/9)\n\n| Id | Task | Solution | Test |\n|---|---|---|---|\n")
        .contains(
            "| junior.core.1 | Do Good \\| well. | [Good](src/main/java/org/interviewtasks/junior/core/Good.java)"
                + " | [GoodTest](src/test/java/org/interviewtasks/junior/core/GoodTest.java) |\n")
        .endsWith("| junior.core.9 | Do Missing \\| well. | not written yet |  |");
  }

  @Test
  void tableHasASectionPerCategoryInCatalogOrder() {
    var twoCategories =
        new CatalogCheck(
            List.of(entry("files", 1, "A"), entry("algorithms", 1, "B"), entry("unknown", 1, "C")),
            List.of(),
            loader,
            module);

    assertThat(twoCategories.table().lines().filter(l -> l.startsWith("### ")))
        .containsExactly(
            "### File handling and data manipulation (`files`, 0/1)",
            "### Data structures and algorithms (`algorithms`, 0/1)",
            "### unknown (`unknown`, 0/1)");
  }

  @Nested
  class JavadocLines {

    @Test
    void countsTheCommentRightBeforeTheDeclaration() {
      String source =
          "package x;\n\n/**\n * One.\n * Two.\n */\n@Deprecated\nfinal class Sample {}\n";

      assertThat(CatalogCheck.javadocLines(source, "Sample")).isEqualTo(4);
    }

    @Test
    void aCommentFarFromTheDeclarationDoesNotCount() {
      String source =
          "/**\n * About the import.\n *\n */\nimport java.util.List;\n\npublic class Sample {}\n";

      assertThat(CatalogCheck.javadocLines(source, "Sample")).isZero();
    }

    @Test
    void noCommentOrNoDeclarationIsZero() {
      assertThat(CatalogCheck.javadocLines("public class Sample {}", "Sample")).isZero();
      assertThat(CatalogCheck.javadocLines("/**\n*\n*/\nclass Other {}", "Sample")).isZero();
      assertThat(CatalogCheck.javadocLines("/* plain\n\n\n */ record Sample() {}", "Sample"))
          .isZero();
    }

    @Test
    void findsTheNamedTypeAmongSeveral() {
      String source = "/**\n*\n*\n*/\nclass First {}\n/**\n*/\nclass Sample {}\n";

      assertThat(CatalogCheck.javadocLines(source, "First")).isEqualTo(3);
      assertThat(CatalogCheck.javadocLines(source, "Sample")).isEqualTo(1);
    }
  }

  private static CatalogEntry entry(int number, String simpleName) {
    return entry("core", number, simpleName);
  }

  private static CatalogEntry entry(String category, int number, String simpleName) {
    return new CatalogEntry(
        TaskId.parse("junior." + category + "." + number),
        "org.interviewtasks.junior." + category + "." + simpleName,
        "Do " + simpleName + " | well.");
  }

  private static String write(Path dir, String name, String body) throws IOException {
    Path file = dir.resolve(name + ".java");
    Files.writeString(file, "package " + PACKAGE + ";\n\n" + body + "\n", StandardCharsets.UTF_8);
    return file.toString();
  }

  private static Path location(Class<?> type) {
    try {
      return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
