package org.interviewtasks.junior.apps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.interviewtasks.common.TaskExit;
import org.interviewtasks.common.testing.Seeds;
import org.interviewtasks.common.testing.StdStreams;
import org.interviewtasks.junior.apps.TodoList.Item;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class TodoListTest {

  @TempDir Path dir;

  private static final String NL = System.lineSeparator();

  @Nested
  class TheList {

    @Test
    void addGivesIncreasingIdsAndStripsText() {
      var list = new TodoList();

      assertThat(list.add("  Buy milk ")).isEqualTo(new Item(1, "Buy milk", false));
      assertThat(list.add("Купить молоко 🥛")).isEqualTo(new Item(2, "Купить молоко 🥛", false));
      assertThat(list.nextId()).isEqualTo(3);
      assertThat(list.items()).extracting(Item::id).containsExactly(1, 2);
    }

    @Test
    void deletedIdsAreNeverReused() {
      var list = new TodoList();
      list.add("a");
      list.add("b");

      assertThat(list.delete(2)).isEqualTo(new Item(2, "b", false));
      assertThat(list.add("c").id()).isEqualTo(3);
      assertThat(list.items()).extracting(Item::text).containsExactly("a", "c");
    }

    @Test
    void markDoneKeepsPlaceAndText() {
      var list = new TodoList();
      list.add("a");
      list.add("b");
      list.add("c");

      assertThat(list.markDone(2)).isEqualTo(new Item(2, "b", true));
      assertThat(list.markDone(2)).isEqualTo(new Item(2, "b", true));
      assertThat(list.items())
          .containsExactly(
              new Item(1, "a", false), new Item(2, "b", true), new Item(3, "c", false));
    }

    @Test
    void findsById() {
      var list = new TodoList();
      list.add("a");
      list.add("b");

      assertThat(list.find(2)).contains(new Item(2, "b", false));
      assertThat(list.find(1)).contains(new Item(1, "a", false));
      assertThat(list.find(3)).isEmpty();
    }

    @Test
    void unknownIdsFailWithTheId() {
      var list = new TodoList();
      list.add("a");

      assertThatThrownBy(() -> list.markDone(7))
          .isInstanceOf(NoSuchElementException.class)
          .hasMessage("no task with id 7");
      assertThatThrownBy(() -> list.delete(0))
          .isInstanceOf(NoSuchElementException.class)
          .hasMessage("no task with id 0");
      assertThat(list.items()).hasSize(1);
    }

    @Test
    void itemsIsAnUnmodifiableSnapshot() {
      var list = new TodoList();
      list.add("a");
      List<Item> snapshot = list.items();
      list.add("b");

      assertThat(snapshot).hasSize(1);
      assertThatThrownBy(() -> snapshot.add(new Item(9, "x", false)))
          .isInstanceOf(UnsupportedOperationException.class);
    }

    @ParameterizedTest(name = "[{0}]")
    @ValueSource(strings = {"", "   ", "\t\n"})
    void rejectsBlankText(String text) {
      assertThatIllegalArgumentException()
          .isThrownBy(() -> new TodoList().add(text))
          .withMessage("a task needs some text");
    }

    @ParameterizedTest(name = "[{0}]")
    @ValueSource(strings = {"two\nlines", "two\rlines", "a\r\nb"})
    void rejectsLineBreaks(String text) {
      assertThatIllegalArgumentException()
          .isThrownBy(() -> new TodoList().add(text))
          .withMessage("a task is one line of text, without line breaks");
    }

    @Test
    void itemsValidateThemselves() {
      assertThatIllegalArgumentException()
          .isThrownBy(() -> new Item(0, "a", false))
          .withMessage("a task id must be positive, was 0");
      assertThatIllegalArgumentException()
          .isThrownBy(() -> new Item(-3, "a", false))
          .withMessage("a task id must be positive, was -3");
      assertThat(new Item(1, " a ", true).text()).isEqualTo("a");
      assertThatNullPointerException()
          .isThrownBy(() -> new Item(1, null, false))
          .withMessage("text");
    }
  }

  @Nested
  class File {

    @Test
    void savesAndLoadsTheSameList() throws IOException {
      var list = new TodoList();
      list.add("Buy milk");
      list.add("Купить 🥛 \"quoted\" \\ back");
      list.add("gone");
      list.markDone(1);
      list.delete(3);
      Path file = dir.resolve("deep/er/todo.json");

      list.save(file);
      TodoList loaded = TodoList.load(file);

      assertThat(loaded.items()).isEqualTo(list.items());
      assertThat(loaded.nextId()).isEqualTo(4);
      assertThat(siblings(file)).containsExactly("todo.json");
    }

    @Test
    void writesReadableJsonWithAVersion() throws IOException {
      var list = new TodoList();
      list.add("Buy milk");
      Path file = dir.resolve("todo.json");

      list.save(file);

      assertThat(Files.readString(file, StandardCharsets.UTF_8).replaceAll("\\s", ""))
          .isEqualTo(
              "{\"version\":1,\"nextId\":2,\"items\":[{\"id\":1,\"text\":\"Buymilk\",\"done\":false}]}");
    }

    @Test
    void aMissingFileIsAnEmptyList() throws IOException {
      TodoList list = TodoList.load(dir.resolve("none.json"));

      assertThat(list.items()).isEmpty();
      assertThat(list.nextId()).isEqualTo(1);
      assertThat(dir.resolve("none.json")).doesNotExist();
    }

    @Test
    void ignoresUnknownFields() throws IOException {
      Path file =
          write(
              "{\"version\":1,\"nextId\":5,\"owner\":\"me\","
                  + "\"items\":[{\"id\":4,\"text\":\"x\",\"done\":true,\"tag\":1}]}");

      assertThat(TodoList.load(file).items()).containsExactly(new Item(4, "x", true));
      assertThat(TodoList.load(file).nextId()).isEqualTo(5);
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(
        delimiter = '|',
        quoteCharacter = '`',
        value = {
          "{|Unexpected end-of-input",
          "[]|Cannot deserialize value",
          "``|No content to map due to end-of-input",
          "null|no items",
          "{\"version\":1,\"nextId\":2}|Missing creator property 'items'",
          "{\"version\":1,\"items\":[]}|Missing creator property 'nextId'",
          "{\"version\":2,\"nextId\":1,\"items\":[]}|unknown format version 2",
          "{\"version\":1,\"nextId\":0,\"items\":[]}|the next id must be positive, was 0",
          "{\"version\":1,\"nextId\":3,\"items\":[{\"id\":1,\"text\":\"a\",\"done\":false},"
              + "{\"id\":1,\"text\":\"b\",\"done\":false}]}|id 1 appears twice",
          "{\"version\":1,\"nextId\":2,\"items\":[{\"id\":2,\"text\":\"a\",\"done\":false}]}"
              + "|id 2 is not below the next id 2",
          "{\"version\":1,\"nextId\":2,\"items\":[{\"id\":0,\"text\":\"a\",\"done\":false}]}"
              + "|a task id must be positive, was 0",
          "{\"version\":1,\"nextId\":2,\"items\":[{\"id\":1,\"text\":\" \",\"done\":false}]}"
              + "|a task needs some text",
          "{\"version\":1,\"nextId\":2,\"items\":[null]}|null item",
          "{\"version\":1,\"nextId\":2,\"items\":[{\"id\":1,\"text\":\"a\",\"done\":null}]}"
              + "|Cannot map `null` into type `boolean`"
        })
    void rejectsAFileThatIsNotAToDoList(String content, String reason) throws IOException {
      Path file = write(content);

      assertThatThrownBy(() -> TodoList.load(file))
          .isInstanceOf(IOException.class)
          .hasMessageStartingWith("not a to-do list: " + file + " (")
          .hasMessageContaining(reason)
          .hasMessageEndingWith(")");
    }

    @Test
    void aFailedSaveLeavesNoTemporaryFile() throws IOException {
      Path file = dir.resolve("todo.json");
      Files.createDirectories(file.resolve("in-the-way"));
      var list = new TodoList();
      list.add("a");

      assertThatThrownBy(() -> list.save(file)).isInstanceOf(IOException.class);
      assertThat(siblings(file)).containsExactly("todo.json");
    }

    @Test
    void rejectsNullPaths() {
      assertThatNullPointerException().isThrownBy(() -> TodoList.load(null)).withMessage("file");
      assertThatNullPointerException()
          .isThrownBy(() -> new TodoList().save(null))
          .withMessage("file");
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("org.interviewtasks.junior.apps.TodoListTest#fileSeeds")
    void agreesWithAMapAcrossSaves(long seed) throws IOException {
      var random = new SplittableRandom(seed);
      Map<Integer, Item> oracle = new LinkedHashMap<>();
      int next = 1;
      Path file = dir.resolve("todo.json");
      for (int step = 0; step < 20; step++) {
        TodoList list = TodoList.load(file);
        List<Integer> ids = new ArrayList<>(oracle.keySet());
        int pick = ids.isEmpty() ? 1 : ids.get(random.nextInt(ids.size()));
        switch (random.nextInt(4)) {
          case 0, 1 -> {
            String text = "task " + random.nextInt(100);
            oracle.put(next, new Item(next, text, false));
            assertThat(list.add(text).id()).isEqualTo(next++);
          }
          case 2 -> {
            if (oracle.containsKey(pick)) {
              oracle.put(pick, new Item(pick, oracle.get(pick).text(), true));
              list.markDone(pick);
            }
          }
          default -> {
            if (oracle.remove(pick) != null) {
              list.delete(pick);
            }
          }
        }
        list.save(file);
        assertThat(TodoList.load(file).items()).containsExactlyElementsOf(oracle.values());
      }
    }
  }

  @Nested
  class CommandLine {

    private Path file;

    private CommandRun todo(String... args) throws Exception {
      file = dir.resolve("todo.json");
      String[] all =
          Stream.concat(Stream.of("--file", file.toString()), Stream.of(args))
              .toArray(String[]::new);
      return CommandRun.of((out, err) -> TodoList.run(out, err, all));
    }

    @Test
    void addListDoneDelete() throws Exception {
      assertThat(todo("add", "Buy", "milk").out()).isEqualTo("Added #1: Buy milk" + NL);
      assertThat(todo("add", "Call mom").out()).isEqualTo("Added #2: Call mom" + NL);
      assertThat(todo("done", "1").out()).isEqualTo("Done #1: Buy milk" + NL);
      assertThat(todo("list").lines()).containsExactly("1 [x] Buy milk", "2 [ ] Call mom");
      assertThat(todo("delete", "1").out()).isEqualTo("Deleted #1: Buy milk" + NL);
      CommandRun last = todo("ls");

      assertThat(last.lines()).containsExactly("2 [ ] Call mom");
      assertThat(last.code()).isZero();
      assertThat(last.err()).isEmpty();
      assertThat(TodoList.load(file).items()).containsExactly(new Item(2, "Call mom", false));
    }

    @Test
    void withoutACommandItLists() throws Exception {
      todo("add", "a");

      assertThat(todo().lines()).containsExactly("1 [ ] a");
    }

    @Test
    void theFileOptionMayFollowTheCommand() throws Exception {
      Path other = dir.resolve("other.json");

      CommandRun run =
          CommandRun.of(
              (out, err) -> TodoList.run(out, err, "add", "x", "--file", other.toString()));

      assertThat(run.code()).isZero();
      assertThat(TodoList.load(other).items()).containsExactly(new Item(1, "x", false));
    }

    @Test
    void pendingHidesDoneTasks() throws Exception {
      todo("add", "a");
      todo("add", "b");
      todo("done", "1");

      assertThat(todo("list", "--pending").lines()).containsExactly("2 [ ] b");
      todo("done", "2");
      assertThat(todo("list", "--pending").lines()).containsExactly("Nothing pending.");
    }

    @Test
    void anEmptyListSaysHowToAdd() throws Exception {
      CommandRun run = todo("list");

      assertThat(run.out()).isEqualTo("No tasks yet; add one with: add TEXT" + NL);
      assertThat(file).doesNotExist();
    }

    @Test
    void idsAreRightAligned() throws Exception {
      for (int i = 1; i <= 10; i++) {
        todo("add", "t" + i);
      }
      todo("rm", "10");

      assertThat(todo("list").lines()).startsWith(" 1 [ ] t1").endsWith(" 9 [ ] t9");
      todo("add", "t11");
      assertThat(todo("list").lines()).endsWith(" 9 [ ] t9", "11 [ ] t11");
    }

    @Test
    void doneTwiceIsNotAnError() throws Exception {
      todo("add", "a");
      todo("done", "1");
      long modified = Files.getLastModifiedTime(file).toMillis();

      CommandRun again = todo("done", "1");

      assertThat(again.code()).isZero();
      assertThat(again.out()).isEqualTo("#1 was already done: a" + NL);
      assertThat(Files.getLastModifiedTime(file).toMillis()).isEqualTo(modified);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"done", "delete"})
    void anUnknownIdFailsWithExitCode1(String command) throws Exception {
      todo("add", "a");

      CommandRun run = todo(command, "7");

      assertThat(run.code()).isEqualTo(1);
      assertThat(run.out()).isEmpty();
      assertThat(run.err()).isEqualTo("error: no task with id 7" + NL);
      assertThat(TodoList.load(file).items()).hasSize(1);
    }

    @Test
    void aNonNumericIdIsAUsageError() throws Exception {
      CommandRun run = todo("done", "first");

      assertThat(run.code()).isEqualTo(2);
      assertThat(run.err())
          .startsWith(
              "Invalid value for positional parameter at index 0 (ID): 'first' is not an int")
          .contains("Usage: junior.apps.1 done");
    }

    @Test
    void blankTextIsAUsageError() throws Exception {
      CommandRun run = todo("add", "  ");

      assertThat(run.code()).isEqualTo(2);
      assertThat(run.err()).startsWith("a task needs some text");
      assertThat(file).doesNotExist();
    }

    @Test
    void missingArgumentsAndUnknownCommandsAreUsageErrors() throws Exception {
      assertThat(todo("add").code()).isEqualTo(2);
      assertThat(todo("delete").code()).isEqualTo(2);
      CommandRun unknown = todo("finish", "1");

      assertThat(unknown.code()).isEqualTo(2);
      assertThat(unknown.err()).startsWith("Unmatched arguments from index 2: 'finish', '1'");
    }

    @Test
    void aCorruptFileIsReportedAndNeverOverwritten() throws Exception {
      Path corrupt = write("{ not json");

      CommandRun run =
          CommandRun.of(
              (out, err) -> TodoList.run(out, err, "--file", corrupt.toString(), "add", "x"));

      assertThat(run.code()).isEqualTo(1);
      assertThat(run.err()).startsWith("error: not a to-do list: " + corrupt + " (");
      assertThat(Files.readString(corrupt, StandardCharsets.UTF_8)).isEqualTo("{ not json");
    }

    @Test
    void theDefaultFileIsInTheHomeFolder() throws Exception {
      String home = System.getProperty("user.home");
      try {
        System.setProperty("user.home", dir.toString());
        CommandRun help = CommandRun.of((out, err) -> TodoList.run(out, err, "--help"));
        CommandRun add = CommandRun.of((out, err) -> TodoList.run(out, err, "add", "at home"));

        assertThat(help.out().replaceAll("\\s+", ""))
            .contains("(default:" + dir + "/.interview-tasks/todo.json)");
        assertThat(help.out())
            .contains("add         Adds a task.")
            .contains("1   failed (unknown id, unreadable file)");
        assertThat(add.code()).isZero();
        assertThat(TodoList.load(dir.resolve(".interview-tasks/todo.json")).items())
            .containsExactly(new Item(1, "at home", false));
      } finally {
        System.setProperty("user.home", home);
      }
    }

    @Test
    void eachCommandHasHelp() throws Exception {
      CommandRun run = todo("done", "--help");

      assertThat(run.code()).isZero();
      assertThat(run.out()).startsWith("Usage: junior.apps.1 done [-hV] [--file=FILE] ID");
    }
  }

  @Nested
  class Main {

    @Test
    void runsOnTheConsole() throws Exception {
      String path = dir.resolve("todo.json").toString();

      var printed = StdStreams.capture(() -> TodoList.main("--file", path, "add", "Buy milk"));

      assertThat(printed.out()).isEqualTo("Added #1: Buy milk" + NL);
    }

    @Test
    void mapsExitCodesForTheRunner() throws Exception {
      String path = dir.resolve("todo.json").toString();

      var printed =
          StdStreams.capture(
              () -> {
                assertThatIllegalArgumentException()
                    .isThrownBy(() -> TodoList.main("--file", path, "frobnicate"))
                    .withMessage("usage: junior.apps.1 --help shows how to call it");
                assertThatThrownBy(() -> TodoList.main("--file", path, "done", "3"))
                    .isInstanceOf(TaskExit.class)
                    .hasMessage("exit code 1");
              });

      assertThat(printed.err()).contains("error: no task with id 3");
    }
  }

  private Path write(String content) throws IOException {
    return Files.writeString(dir.resolve("given.json"), content, StandardCharsets.UTF_8);
  }

  private static List<String> siblings(Path file) throws IOException {
    try (Stream<Path> files = Files.list(file.getParent())) {
      return files.map(p -> p.getFileName().toString()).toList();
    }
  }

  /** Fewer seeds than usual: each case writes and reads the file twenty times. */
  static LongStream fileSeeds() {
    return Seeds.derive(50);
  }
}
