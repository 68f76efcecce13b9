package org.interviewtasks.practice;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import org.interviewtasks.common.TaskId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The commands end to end on the real project (the levels compiled by {@code -Ppractice -am}), with
 * the workspace in a temporary folder.
 */
class PracticeTest {

  @TempDir Path temp;

  private Layout layout;
  private Catalog catalog;
  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

  @BeforeEach
  void setUp() {
    layout = Layout.of(Path.of("")).withWorkspace(temp.resolve("workspace/src/main/java"));
    catalog = Catalog.load(getClass().getClassLoader(), layout);
  }

  private int run(String... args) throws IOException, InterruptedException {
    bytes.reset();
    try (PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
      return new Practice(layout, catalog, out).run(args);
    }
  }

  private String output() {
    return bytes.toString(StandardCharsets.UTF_8);
  }

  @Test
  void startCheckShowAndResetAJuniorTask() throws Exception {
    Path mine = layout.workspace().resolve("org/interviewtasks/junior/core/Palindrome.java");

    assertThat(run("start", "junior.core.2")).isEqualTo(Practice.OK);
    assertThat(mine).content().contains("TODO: Palindrome.isPalindrome");
    assertThat(output()).contains("Started junior.core.2").contains("PalindromeTest");

    assertThat(run("start junior.core.2")).isEqualTo(Practice.REFUSED);
    assertThat(output()).contains("already started").contains("reset junior.core.2");

    assertThat(run("check", "junior.core.2", "--no-reference")).isEqualTo(Practice.TESTS_FAILED);
    assertThat(output())
        .contains("[FAILED]")
        .contains("UnsupportedOperationException: TODO: Palindrome.");

    Files.copy(
        layout
            .mainSources(org.interviewtasks.common.Level.JUNIOR)
            .resolve("org/interviewtasks/junior/core/Palindrome.java"),
        mine,
        StandardCopyOption.REPLACE_EXISTING);
    assertThat(run("check", "junior.core.2")).isEqualTo(Practice.OK);
    assertThat(output()).contains("[PASSED]").contains("the reference");

    assertThat(run("list")).isEqualTo(Practice.OK);
    assertThat(output())
        .containsPattern("junior\\.core\\.2 +Palindrome +started, last check: passed");

    assertThat(run("show", "junior.core.2")).isEqualTo(Practice.OK);
    assertThat(output()).contains("git diff --no-index junior/src/main/java/");

    assertThat(run("reset", "junior.core.2")).isEqualTo(Practice.OK);
    assertThat(output()).contains("Deleting your files of junior.core.2");
    assertThat(mine).doesNotExist();
    assertThat(run("check", "junior.core.2")).isEqualTo(Practice.REFUSED);
  }

  @Test
  void codeThatDoesNotCompileIsReportedWithItsLine() throws Exception {
    assertThat(run("start", "junior.core.1")).isEqualTo(Practice.OK);
    Path mine = layout.workspace().resolve("org/interviewtasks/junior/core/LargestNumber.java");
    Files.writeString(
        mine, Files.readString(mine).replace("public final class", "public final clas"));
    assertThat(run("check", "junior.core.1")).isEqualTo(Practice.DOES_NOT_COMPILE);
    assertThat(output()).contains("[DOES NOT COMPILE]").contains("LargestNumber.java:");
  }

  @Test
  void refusesUnknownAndUnwrittenTasks() throws Exception {
    assertThat(run("start", "junior.core.999")).isEqualTo(Practice.USAGE);
    assertThat(run("start", "nonsense")).isEqualTo(Practice.USAGE);
    assertThat(output()).contains("not a task id");
    // Every task of the catalog is written today; while one is not, start refuses it.
    Optional<TaskId> unwritten =
        catalog.all().stream().filter(t -> !t.written()).map(t -> t.id()).findFirst();
    if (unwritten.isPresent()) {
      assertThat(run("start", unwritten.get().toString())).isEqualTo(Practice.NOT_WRITTEN);
    }
    assertThat(run()).isEqualTo(Practice.USAGE);
    assertThat(output()).contains("start <id>");
  }

  @Test
  void findsATasksKinAndItsTests() throws IOException {
    StubWriter writer = new StubWriter();
    TaskFiles animal =
        TaskFiles.of(
            catalog.all().stream()
                .filter(t -> t.simpleName().equals("Animal"))
                .findFirst()
                .orElseThrow(),
            writer);
    assertThat(animal.sources())
        .map(p -> p.getFileName().toString())
        .containsExactly("Animal.java", "Cat.java", "Dog.java");
    TaskFiles cache =
        TaskFiles.of(catalog.find(TaskId.parse("senior.advanced.1")).orElseThrow(), writer);
    assertThat(cache.sources())
        .map(p -> p.getFileName().toString())
        .startsWith("DistributedCache.java")
        .contains("Versioned.java", "CacheUnavailableException.java")
        .doesNotContain("DistributedCacheDemo.java");
    assertThat(cache.testNames()).contains("DistributedCacheTest");
    TaskFiles palindrome =
        TaskFiles.of(catalog.find(TaskId.parse("junior.core.2")).orElseThrow(), writer);
    assertThat(palindrome.testClasses())
        .containsExactly("org.interviewtasks.junior.core.PalindromeTest");
  }
}
