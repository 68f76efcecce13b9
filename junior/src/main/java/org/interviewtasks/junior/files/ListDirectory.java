package org.interviewtasks.junior.files;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.interviewtasks.common.Args;
import org.interviewtasks.common.Task;

/**
 * Lists the files and subdirectories in a directory, like {@code ls -F}.
 *
 * <p><b>Approach.</b> A {@link DirectoryStream} reads the entries one by one (unlike {@code
 * File.list()}, it reports why it fails instead of returning null), each entry's type is read
 * without following links, and the list is sorted by name: the file system returns entries in no
 * particular order, and a listing that changes from run to run is useless in a test or a diff. O(n
 * log n) time, O(n) space for n entries.
 *
 * <p><b>Edge cases.</b> Each entry is marked by its kind, as {@code ls -F} does: {@code docs/} is a
 * directory, {@code latest@} a symbolic link, {@code fifo|} anything else (a pipe, a socket, a
 * device), a plain name a regular file. Symbolic links are never followed: a link is listed as a
 * link whatever it points to, even a directory or nothing (a broken link), so a listing can neither
 * loop nor wander out of the directory. (The directory given may itself be a link; that one is
 * followed, since the caller named it.) Hidden entries, whose names start with a dot, are left out
 * unless asked for, like {@code ls} without {@code -a}; the Windows "hidden" attribute is not
 * consulted, so the result is the same everywhere. Names sort by {@link String#compareTo}, so
 * capitals come first ({@code B} before {@code a}). An empty directory gives an empty list; a
 * missing one or a file is an exception naming it.
 *
 * <p><b>Follow-up.</b> <i>"Recursively?"</i> {@link Files#walkFileTree} or {@link Files#walk}; they
 * do not follow links unless told to, and with {@code FOLLOW_LINKS} they detect cycles. <i>"A
 * directory with millions of entries?"</i> Then do not sort: stream the entries straight to the
 * output, as {@code ls -f} does.
 */
@Task(
    id = "junior.files.6",
    title = "List the files and subdirectories of a directory",
    usage = "<directory> [--all]")
public final class ListDirectory {

  /** What an entry is, and the mark that follows its name in a listing. */
  public enum Kind {
    /** A regular file: no mark. */
    FILE(""),
    /** A directory: {@code /}. */
    DIRECTORY("/"),
    /** A symbolic link, not followed: {@code @}. */
    SYMBOLIC_LINK("@"),
    /** A pipe, a socket, a device: {@code |}. */
    OTHER("|");

    private final String mark;

    Kind(String mark) {
      this.mark = mark;
    }

    /** The mark that follows the name in a listing. */
    public String mark() {
      return mark;
    }
  }

  /**
   * An entry of the directory.
   *
   * @param name its name, without the directory
   * @param kind what it is, links not followed
   */
  public record Entry(String name, Kind kind) {

    /** The name followed by the kind's mark: {@code docs/}, {@code notes.txt}. */
    @Override
    public String toString() {
      return name + kind.mark();
    }
  }

  private ListDirectory() {}

  /** The entries of {@code dir} that are not hidden, sorted by name. */
  public static List<Entry> list(Path dir) throws IOException {
    return list(dir, false);
  }

  /**
   * The entries of {@code dir}, sorted by name.
   *
   * @param includeHidden whether to include entries whose names start with a dot
   * @throws java.nio.file.NoSuchFileException if the directory does not exist
   * @throws java.nio.file.NotDirectoryException if it is not a directory
   */
  public static List<Entry> list(Path dir, boolean includeHidden) throws IOException {
    TextFiles.requireDirectory(dir, "dir");
    List<Entry> entries = new ArrayList<>();
    try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir)) {
      for (Path path : stream) {
        String name = path.getFileName().toString();
        if (includeHidden || !name.startsWith(".")) {
          entries.add(new Entry(name, kindOf(path)));
        }
      }
    }
    entries.sort(Comparator.comparing(Entry::name));
    return entries;
  }

  private static Kind kindOf(Path path) throws IOException {
    var attributes =
        Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
    if (attributes.isSymbolicLink()) {
      return Kind.SYMBOLIC_LINK;
    }
    if (attributes.isDirectory()) {
      return Kind.DIRECTORY;
    }
    return attributes.isRegularFile() ? Kind.FILE : Kind.OTHER;
  }

  /**
   * Prints the entries of the directory given as the first argument, one per line; {@code --all} as
   * a second argument includes hidden ones.
   *
   * @throws IllegalArgumentException on other arguments
   */
  public static void main(String... args) throws IOException {
    boolean all = args.length == 2 && args[1].equals("--all");
    if (args.length != 1 && !all) {
      throw new IllegalArgumentException("usage: junior.files.6 <directory> [--all]");
    }
    list(Args.toPath(args[0]), all).forEach(System.out::println);
  }
}
