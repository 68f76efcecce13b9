package org.interviewtasks.junior.files;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.interviewtasks.common.Args;
import org.interviewtasks.common.Task;

/**
 * Renames every file in a directory by adding a suffix to its name, before the extension: {@code
 * report.txt} with suffix {@code _v2} becomes {@code report_v2.txt}.
 *
 * <p><b>Approach.</b> Plan first, then act. The plan lists the directory once, computes each new
 * name and checks them all: if any new name is already taken (by any entry, even one about to be
 * renamed itself), nothing is renamed and a {@link FileAlreadyExistsException} names the clash.
 * Only then are the files renamed, one {@link Files#move} each, without {@code REPLACE_EXISTING},
 * so a file that appears in the meantime is still never overwritten; if a rename fails halfway, the
 * ones already done are undone in reverse order, so the directory ends as it was. O(n log n) for n
 * entries (the plan is sorted).
 *
 * <p><b>Edge cases.</b> The extension is what follows the <em>last</em> dot: {@code archive.tar.gz}
 * becomes {@code archive.tar_v2.gz}, and a name without a dot just gets the suffix at the end. Only
 * regular files directly in the directory are renamed: subdirectories, symbolic links (never
 * followed, so nothing outside the directory is touched) and hidden files (names starting with a
 * dot, such as {@code .gitignore}, as {@code ls} hides them) are left alone. The suffix must be
 * non-empty and a plain piece of a name: a path separator ({@code ../x}, {@code /tmp/x}, {@code
 * a\b}) or a control character is an {@link IllegalArgumentException}, so a new name can never
 * leave the directory.
 *
 * <p><b>Follow-up.</b> <i>"Why not rename as you go?"</i> Then {@code a.txt -> a_v2.txt} can clash
 * with an existing {@code a_v2.txt} after half the files have moved, leaving a mess a user must
 * untangle by hand. <i>"Can it be truly atomic?"</i> Not file by file; for that, build the renamed
 * copy in a new directory and swap the two directories with one rename.
 */
@Task(id = "junior.files.3", title = "Rename the files of a directory with a suffix")
public final class RenameFiles {

  /**
   * One rename.
   *
   * @param from the old path
   * @param to the new path, in the same directory
   */
  public record Rename(Path from, Path to) {}

  private RenameFiles() {}

  /**
   * Adds {@code suffix} before the extension of every regular, non-hidden file in {@code dir}.
   *
   * @return the renames done, sorted by old name
   * @throws IllegalArgumentException if the suffix is empty or has a separator or control character
   * @throws FileAlreadyExistsException if a new name is taken; then nothing is renamed
   * @throws java.nio.file.NoSuchFileException if the directory does not exist
   * @throws java.nio.file.NotDirectoryException if it is not a directory
   */
  public static List<Rename> addSuffix(Path dir, String suffix) throws IOException {
    return addSuffix(dir, suffix, FileMove.FILES);
  }

  /** {@link #addSuffix(Path, String)} with the move given, for tests that make one fail. */
  static List<Rename> addSuffix(Path dir, String suffix, FileMove move) throws IOException {
    TextFiles.requireDirectory(dir, "dir");
    requireValidSuffix(suffix);
    List<Rename> plan = plan(dir, suffix);
    List<Rename> done = new ArrayList<>();
    try {
      for (Rename rename : plan) {
        move.move(rename.from(), rename.to());
        done.add(rename);
      }
    } catch (IOException e) {
      for (Rename rename : done.reversed()) {
        try {
          move.move(rename.to(), rename.from());
        } catch (IOException undo) {
          e.addSuppressed(undo);
        }
      }
      throw e;
    }
    return plan;
  }

  /** The new name of a file: {@code suffix} inserted before the last dot, if there is one. */
  public static String newName(String name, String suffix) {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(suffix, "suffix");
    int dot = name.lastIndexOf('.');
    return dot > 0 ? name.substring(0, dot) + suffix + name.substring(dot) : name + suffix;
  }

  private static void requireValidSuffix(String suffix) {
    Objects.requireNonNull(suffix, "suffix");
    if (suffix.isEmpty()) {
      throw new IllegalArgumentException("suffix is empty");
    }
    if (suffix.indexOf('/') >= 0 || suffix.indexOf('\\') >= 0) {
      throw new IllegalArgumentException(
          "suffix must not contain a path separator: '" + suffix + "'");
    }
    if (suffix.chars().anyMatch(Character::isISOControl)) {
      throw new IllegalArgumentException("suffix must not contain a control character");
    }
  }

  private static List<Rename> plan(Path dir, String suffix) throws IOException {
    List<Rename> plan = new ArrayList<>();
    Set<Path> taken = new HashSet<>();
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
      for (Path entry : entries) {
        taken.add(entry.getFileName());
        String name = entry.getFileName().toString();
        if (!name.startsWith(".") && Files.isRegularFile(entry, LinkOption.NOFOLLOW_LINKS)) {
          plan.add(new Rename(entry, dir.resolve(newName(name, suffix))));
        }
      }
    }
    plan.sort(Comparator.comparing(rename -> rename.from().getFileName().toString()));
    // Two files never get the same new name (the suffix goes between the same two parts it was
    // between), so the only clash is with a name already in the directory.
    for (Rename rename : plan) {
      if (taken.contains(rename.to().getFileName())) {
        throw new FileAlreadyExistsException(
            rename.from().toString(),
            rename.to().toString(),
            "the new name is taken; nothing was renamed");
      }
    }
    return plan;
  }

  /**
   * Adds the suffix given as the second argument to the files of the directory given as the first,
   * and prints each rename.
   *
   * @throws IllegalArgumentException unless there are exactly two arguments
   */
  public static void main(String... args) throws IOException {
    if (args.length != 2) {
      throw new IllegalArgumentException("usage: junior.files.3 <directory> <suffix>");
    }
    for (Rename rename : addSuffix(Args.toPath(args[0]), args[1])) {
      System.out.println(rename.from().getFileName() + " -> " + rename.to().getFileName());
    }
  }
}
