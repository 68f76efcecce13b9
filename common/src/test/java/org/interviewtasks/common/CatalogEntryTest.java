package org.interviewtasks.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class CatalogEntryTest {

  static final String HEADER = "id\tclass\ttask\n";

  @Test
  void parsesEntriesInOrderSkippingBlankLines() throws IOException {
    List<CatalogEntry> entries =
        parse(
            HEADER
                + "junior.core.2\torg.interviewtasks.junior.core.Palindrome\tCheck a palindrome.\n"
                + "\n"
                + "junior.core.1\torg.interviewtasks.junior.core.LargestNumber\tFind the"
                + " largest. Ünïcödé stays.\n");

    assertThat(entries)
        .containsExactly(
            new CatalogEntry(
                TaskId.parse("junior.core.2"),
                "org.interviewtasks.junior.core.Palindrome",
                "Check a palindrome."),
            new CatalogEntry(
                TaskId.parse("junior.core.1"),
                "org.interviewtasks.junior.core.LargestNumber",
                "Find the largest. Ünïcödé stays."));
    assertThat(entries.get(0).simpleName()).isEqualTo("Palindrome");
  }

  @Test
  void rejectsAMissingOrWrongHeader() {
    assertThatIllegalStateException()
        .isThrownBy(() -> parse("id,class,task\n"))
        .withMessage("t.tsv: expected the header 'id<TAB>class<TAB>task', found 'id,class,task'");
    assertThatIllegalStateException()
        .isThrownBy(() -> parse(""))
        .withMessageEndingWith("found 'null'");
  }

  @Test
  void namesTheLineOfAMalformedRow() {
    assertThatIllegalStateException()
        .isThrownBy(() -> parse(HEADER + "junior.core.1\tx.Y\n"))
        .withMessage("t.tsv:2: expected 3 tab-separated cells, found 2");
    assertThatIllegalStateException()
        .isThrownBy(() -> parse(HEADER + "\njunior.core.x\tx.Y\tz\n"))
        .withMessageStartingWith("t.tsv:3: not a task id: 'junior.core.x'");
  }

  @Test
  void theEntryClassMustLiveInTheTasksPackage() {
    assertThatIllegalArgumentException()
        .isThrownBy(
            () ->
                new CatalogEntry(
                    TaskId.parse("junior.core.1"), "org.interviewtasks.mid.core.Largest", "x"))
        .withMessage(
            "junior.core.1: entry class org.interviewtasks.mid.core.Largest is not in package"
                + " org.interviewtasks.junior.core.");
  }

  @Test
  void loadsALevelFromTheClasspathOrNothing() {
    ClassLoader loader =
        new ClassLoader(null) {
          @Override
          public InputStream getResourceAsStream(String name) {
            return name.equals("org/interviewtasks/mid/tasks.tsv")
                ? stream(HEADER + "mid.core.1\torg.interviewtasks.mid.core.A\tDo A.\n")
                : null;
          }
        };

    assertThat(CatalogEntry.load(loader, Level.MID))
        .extracting(e -> e.id().toString())
        .containsExactly("mid.core.1");
    assertThat(CatalogEntry.load(loader, Level.SENIOR)).isEmpty();
    assertThat(CatalogEntry.resourceName(Level.JUNIOR))
        .isEqualTo("org/interviewtasks/junior/tasks.tsv");
  }

  private static List<CatalogEntry> parse(String text) throws IOException {
    return CatalogEntry.parse(stream(text), "t.tsv");
  }

  static InputStream stream(String text) {
    return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
  }
}
