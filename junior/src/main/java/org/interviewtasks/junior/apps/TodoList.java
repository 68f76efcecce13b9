package org.interviewtasks.junior.apps;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import org.interviewtasks.common.RegularFiles;
import org.interviewtasks.common.Task;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * A to-do list kept in a JSON file, with a command line to add, list, complete and delete tasks.
 *
 * <p><b>Approach.</b> The list is a small type: items with an id, a text and a done flag, plus the
 * next id to hand out, so a deleted id is never reused (a script that said {@code done 3} must not
 * complete someone else's task later). Every command loads the file, changes the list and saves it
 * whole; saving writes a temporary file in the same folder and renames it over the old one ({@code
 * ATOMIC_MOVE}), so a crash or a full disk mid-write leaves the previous list intact instead of a
 * truncated JSON. Jackson maps the file to records. Each command is O(n) in the number of tasks,
 * which is fine for a personal list. The command line is picocli: {@code add TEXT}, {@code list
 * [--pending]}, {@code done ID}, {@code delete ID}, and {@code --file FILE} (default {@code
 * ~/.interview-tasks/todo.json}) before or after the command.
 *
 * <p><b>Edge cases.</b> A missing file is an empty list (the first {@code add} creates it and its
 * folder). A file that is not a valid to-do list (bad JSON, duplicate or non-positive ids, a next
 * id not above every id) fails with a message naming the file and is never overwritten. An unknown
 * id fails with exit code 1 and {@code error: no task with id 7}; a non-numeric id or blank text is
 * a usage error (exit code 2). Marking a done task done again is not an error. A task is one line:
 * a line break in its text is rejected so that {@code list} stays one task per line.
 *
 * <p><b>Follow-up.</b> <i>"Two terminals add at the same time?"</i> Both read the same file and the
 * last rename wins, losing the other task; a lock file ({@code FileChannel.lock}) around
 * load-modify-save, or a database such as SQLite, fixes it. <i>"Thousands of tasks?"</i> Rewriting
 * the whole file per change becomes the cost; an append-only log of changes, compacted now and
 * then, is the usual next step.
 */
@Task(id = "junior.apps.1", title = "Command-line to-do list")
public final class TodoList {

  /**
   * One task.
   *
   * @param id its number, unique in the list and never reused
   * @param text what to do, one line
   * @param done whether it is done
   */
  public record Item(int id, String text, boolean done) {
    /**
     * @throws IllegalArgumentException if the id is not positive or the text is blank or has a line
     *     break
     */
    public Item {
      if (id <= 0) {
        throw new IllegalArgumentException("a task id must be positive, was " + id);
      }
      text = checkText(text);
    }
  }

  /** The file's shape: a format version, the next id, the items. */
  private record Stored(int version, int nextId, List<Item> items) {}

  private static final int FORMAT_VERSION = 1;

  private static final ObjectMapper JSON =
      new ObjectMapper()
          .enable(SerializationFeature.INDENT_OUTPUT)
          .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
          .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  private final List<Item> items = new ArrayList<>();
  private int nextId = 1;

  /** An empty list. */
  public TodoList() {}

  /**
   * The list saved in {@code file}, or an empty list if there is no such file.
   *
   * @throws java.nio.file.FileSystemException if it is a device or a pipe, which may never end
   * @throws IOException if the file cannot be read or is not a to-do list
   */
  public static TodoList load(Path file) throws IOException {
    RegularFiles.requireEnding(file);
    Stored stored;
    try {
      stored = JSON.readValue(Files.readAllBytes(file), Stored.class);
    } catch (NoSuchFileException e) {
      return new TodoList();
    } catch (JacksonException e) {
      throw new IOException(
          "not a to-do list: "
              + file
              + " ("
              + e.getOriginalMessage().lines().findFirst().orElse("")
              + ")",
          e);
    }
    if (stored == null || stored.items() == null) {
      throw new IOException("not a to-do list: " + file + " (no items)");
    }
    try {
      return fromStored(stored);
    } catch (IllegalArgumentException e) {
      throw new IOException("not a to-do list: " + file + " (" + e.getMessage() + ")", e);
    }
  }

  private static TodoList fromStored(Stored stored) {
    if (stored.version() != FORMAT_VERSION) {
      throw new IllegalArgumentException("unknown format version " + stored.version());
    }
    var list = new TodoList();
    Set<Integer> ids = new HashSet<>();
    for (Item item : stored.items()) {
      if (item == null) {
        throw new IllegalArgumentException("null item");
      }
      if (!ids.add(item.id())) {
        throw new IllegalArgumentException("id " + item.id() + " appears twice");
      }
      if (item.id() >= stored.nextId()) {
        throw new IllegalArgumentException(
            "id " + item.id() + " is not below the next id " + stored.nextId());
      }
      list.items.add(item);
    }
    if (stored.nextId() <= 0) {
      throw new IllegalArgumentException("the next id must be positive, was " + stored.nextId());
    }
    list.nextId = stored.nextId();
    return list;
  }

  /**
   * Saves the list to {@code file} atomically: the old content or the new, never half of either.
   * Creates missing folders.
   */
  public void save(Path file) throws IOException {
    Objects.requireNonNull(file, "file");
    var stored = new Stored(FORMAT_VERSION, nextId, List.copyOf(items));
    AtomicFiles.write(file, out -> JSON.writeValue(out, stored));
  }

  /**
   * Adds a task that is not done yet.
   *
   * @return the new item, with the next id
   * @throws IllegalArgumentException if the text is blank or has a line break
   */
  public Item add(String text) {
    var item = new Item(nextId, text, false);
    items.add(item);
    nextId = Math.incrementExact(nextId);
    return item;
  }

  /**
   * Marks a task done.
   *
   * @return the task as it is now
   * @throws NoSuchElementException if there is no task with that id
   */
  public Item markDone(int id) {
    int index = indexOf(id);
    Item done = new Item(id, items.get(index).text(), true);
    items.set(index, done);
    return done;
  }

  /**
   * Deletes a task; its id is not given out again.
   *
   * @return the deleted task
   * @throws NoSuchElementException if there is no task with that id
   */
  public Item delete(int id) {
    return items.remove(indexOf(id));
  }

  /** The task with that id, if there is one. */
  public Optional<Item> find(int id) {
    return items.stream().filter(item -> item.id() == id).findFirst();
  }

  /** The tasks in the order they were added, as an unmodifiable snapshot. */
  public List<Item> items() {
    return List.copyOf(items);
  }

  /** The id the next {@link #add} will give. */
  public int nextId() {
    return nextId;
  }

  private int indexOf(int id) {
    for (int i = 0; i < items.size(); i++) {
      if (items.get(i).id() == id) {
        return i;
      }
    }
    throw new NoSuchElementException("no task with id " + id);
  }

  private static String checkText(String text) {
    Objects.requireNonNull(text, "text");
    String stripped = text.strip();
    if (stripped.isEmpty()) {
      throw new IllegalArgumentException("a task needs some text");
    }
    if (stripped.contains("\n") || stripped.contains("\r")) {
      throw new IllegalArgumentException("a task is one line of text, without line breaks");
    }
    return stripped;
  }

  /**
   * Runs the to-do command line with the given writers and returns its exit code: 0 done, 1 failed
   * (e.g. unknown id, unreadable file), 2 usage error.
   */
  public static int run(PrintWriter out, PrintWriter err, String... args) {
    return Cli.execute(new Root(), out, err, args);
  }

  /**
   * Runs the to-do command line on the console, e.g. {@code add Buy milk}, {@code list}, {@code
   * done 1}.
   *
   * @throws IllegalArgumentException on a usage error (the task runner's exit code 2)
   */
  public static void main(String... args) {
    Cli.main("junior.apps.1", new Root(), args);
  }

  @Command(
      name = "junior.apps.1",
      mixinStandardHelpOptions = true,
      versionProvider = Cli.Version.class,
      description = "A to-do list kept in a JSON file. Without a command, lists the tasks.",
      subcommands = {Add.class, ListTasks.class, Done.class, Delete.class},
      exitCodeListHeading = "%nExit codes:%n",
      exitCodeList = {"0:done", "1:failed (unknown id, unreadable file)", "2:usage error"})
  private static final class Root implements Callable<Integer> {

    @Spec private CommandSpec spec;

    @Option(
        names = "--file",
        paramLabel = "FILE",
        scope = ScopeType.INHERIT,
        defaultValue = "${sys:user.home}/.interview-tasks/todo.json",
        description = "The to-do file (default: ${DEFAULT-VALUE}).")
    private Path file;

    @Override
    public Integer call() throws IOException {
      return ListTasks.print(load(file), false, spec.commandLine().getOut());
    }
  }

  @Command(name = "add", mixinStandardHelpOptions = true, description = "Adds a task.")
  private static final class Add implements Callable<Integer> {

    @ParentCommand private Root root;
    @Spec private CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "TEXT", description = "What to do; words are joined.")
    private List<String> words;

    @Override
    public Integer call() throws IOException {
      TodoList list = load(root.file);
      Item item;
      try {
        item = list.add(String.join(" ", words));
      } catch (IllegalArgumentException e) {
        throw new ParameterException(spec.commandLine(), e.getMessage());
      }
      list.save(root.file);
      spec.commandLine().getOut().println("Added #" + item.id() + ": " + item.text());
      return Cli.OK;
    }
  }

  @Command(
      name = "list",
      aliases = "ls",
      mixinStandardHelpOptions = true,
      description = "Lists the tasks, [x] marking those done.")
  private static final class ListTasks implements Callable<Integer> {

    @ParentCommand private Root root;
    @Spec private CommandSpec spec;

    @Option(names = "--pending", description = "Only the tasks not done yet.")
    private boolean pending;

    @Override
    public Integer call() throws IOException {
      return print(load(root.file), pending, spec.commandLine().getOut());
    }

    static int print(TodoList list, boolean pendingOnly, PrintWriter out) {
      List<Item> shown =
          list.items().stream().filter(item -> !(pendingOnly && item.done())).toList();
      if (shown.isEmpty()) {
        out.println(pendingOnly ? "Nothing pending." : "No tasks yet; add one with: add TEXT");
      }
      int width = String.valueOf(list.nextId()).length();
      for (Item item : shown) {
        out.printf("%" + width + "d [%s] %s%n", item.id(), item.done() ? "x" : " ", item.text());
      }
      return Cli.OK;
    }
  }

  @Command(name = "done", mixinStandardHelpOptions = true, description = "Marks a task done.")
  private static final class Done implements Callable<Integer> {

    @ParentCommand private Root root;
    @Spec private CommandSpec spec;

    @Parameters(paramLabel = "ID", description = "The task's number, as list shows it.")
    private int id;

    @Override
    public Integer call() throws IOException {
      TodoList list = load(root.file);
      boolean wasDone = list.find(id).map(Item::done).orElse(false);
      Item item = list.markDone(id);
      if (wasDone) {
        spec.commandLine().getOut().println("#" + id + " was already done: " + item.text());
        return Cli.OK;
      }
      list.save(root.file);
      spec.commandLine().getOut().println("Done #" + id + ": " + item.text());
      return Cli.OK;
    }
  }

  @Command(
      name = "delete",
      aliases = "rm",
      mixinStandardHelpOptions = true,
      description = "Deletes a task; its number is not reused.")
  private static final class Delete implements Callable<Integer> {

    @ParentCommand private Root root;
    @Spec private CommandSpec spec;

    @Parameters(paramLabel = "ID", description = "The task's number, as list shows it.")
    private int id;

    @Override
    public Integer call() throws IOException {
      TodoList list = load(root.file);
      Item item = list.delete(id);
      list.save(root.file);
      spec.commandLine().getOut().println("Deleted #" + id + ": " + item.text());
      return Cli.OK;
    }
  }
}
