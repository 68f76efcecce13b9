package org.interviewtasks.mid.files;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import org.interviewtasks.common.Args;
import org.interviewtasks.common.Task;
import org.interviewtasks.junior.files.ListDirectory;
import org.interviewtasks.junior.files.ListDirectory.Entry;
import org.interviewtasks.junior.files.ListDirectory.Kind;

/**
 * Lists the files of a directory tree, filtered by extension or glob, with their sizes.
 *
 * <p>It goes deeper than junior's {@link ListDirectory}, which lists one directory: it is the
 * building block here, called once per directory, so every level comes sorted, hidden entries are
 * handled the same way, and links are never followed by accident. On top of it: recursion with a
 * depth limit, filters, sizes in bytes and human units, a total, and links followed on request with
 * loop detection.
 *
 * <p><b>Approach.</b> A depth-first walk over {@code ListDirectory.list(dir)}: entries sorted by
 * name at every level give a deterministic order (a directory's files and subtrees interleaved by
 * name, like {@code find | sort} on most trees), so output can be diffed and tested. A file is kept
 * when its extension is one of those asked for (case-insensitive, with or without the dot) and its
 * path relative to the root matches the glob, if any; sizes come from the file attributes, no file
 * is opened. O(n log k) for n entries in directories of k entries; memory O(depth + k) plus the
 * result.
 *
 * <p><b>Edge cases.</b> Symbolic links are not followed by default (junior's rule), so the walk
 * cannot loop or leave the tree. With {@code followLinks}, a link to a directory is entered unless
 * that directory (by real path) is already being walked above it: that would be a loop, and it is
 * reported in {@link Listing#skipped()} instead. A broken link and an unreadable directory are
 * reported there too, never silently dropped and never fatal. Depth 0 lists the root's own files
 * only. Paths are relative with {@code /} separators on every platform.
 *
 * <p><b>Follow-up.</b> <i>"Millions of files?"</i> Stream the results instead of collecting them,
 * and do not sort (the file system order is what {@code find} gives). <i>"Total per directory?"</i>
 * That is {@code du}: sum the sizes bottom-up during the walk.
 */
@Task(
    id = "mid.files.5",
    title = "List files recursively with filters and sizes",
    usage = "<dir> [ext...] [--depth N] [--glob G] [--all] [--follow]")
public final class FileLister {

  /**
   * What to list.
   *
   * @param maxDepth how many directory levels below the root to enter (0: the root's files only)
   * @param extensions the extensions to keep, with or without the dot; empty keeps all
   * @param glob a glob on the path relative to the root (e.g. {@code src/**}), or null for all
   * @param includeHidden whether to include entries whose names start with a dot
   * @param followLinks whether to follow symbolic links (loops are detected and skipped)
   */
  public record Options(
      int maxDepth,
      Set<String> extensions,
      String glob,
      boolean includeHidden,
      boolean followLinks) {

    /** Everything, any depth, hidden entries and links excluded. */
    public static final Options ALL = new Options(Integer.MAX_VALUE, Set.of(), null, false, false);

    /**
     * Checks the options and normalises the extensions (lower case, no dot).
     *
     * @throws IllegalArgumentException if {@code maxDepth} is negative or an extension is blank
     */
    public Options {
      if (maxDepth < 0) {
        throw new IllegalArgumentException("maxDepth must not be negative: " + maxDepth);
      }
      Set<String> normalised = new HashSet<>();
      for (String extension : Objects.requireNonNull(extensions, "extensions")) {
        String bare = extension.startsWith(".") ? extension.substring(1) : extension;
        if (bare.isBlank()) {
          throw new IllegalArgumentException("blank extension: '" + extension + "'");
        }
        normalised.add(bare.toLowerCase(Locale.ROOT));
      }
      extensions = Set.copyOf(normalised);
    }

    /** Only files with one of these extensions, any depth. */
    public static Options extensions(String... extensions) {
      return new Options(Integer.MAX_VALUE, Set.of(extensions), null, false, false);
    }
  }

  /**
   * A file found.
   *
   * @param path its path relative to the root, with {@code /} separators
   * @param size its size in bytes
   */
  public record FileInfo(String path, long size) {}

  /**
   * The result of a listing.
   *
   * @param files the files kept, in walk order
   * @param totalSize the sum of their sizes
   * @param skipped what could not be listed, and why: loops, broken links, unreadable directories
   */
  public record Listing(List<FileInfo> files, long totalSize, List<String> skipped) {}

  private FileLister() {}

  /**
   * Lists the files under {@code root}.
   *
   * @throws java.nio.file.NoSuchFileException if the root does not exist
   * @throws java.nio.file.NotDirectoryException if it is not a directory
   */
  public static Listing list(Path root, Options options) throws IOException {
    Objects.requireNonNull(root, "root");
    Objects.requireNonNull(options, "options");
    PathMatcher glob =
        options.glob() == null
            ? null
            : FileSystems.getDefault().getPathMatcher("glob:" + options.glob());
    ListDirectory.list(root, options.includeHidden()); // fails early, naming the root
    var walk = new Walk(root, options, glob);
    walk.directory(root, "", 0, new HashSet<>(Set.of(root.toRealPath())));
    long total = walk.files.stream().mapToLong(FileInfo::size).sum();
    return new Listing(List.copyOf(walk.files), total, List.copyOf(walk.skipped));
  }

  private static final class Walk {
    private final Path root;
    private final Options options;
    private final PathMatcher glob;
    private final List<FileInfo> files = new ArrayList<>();
    private final List<String> skipped = new ArrayList<>();

    Walk(Path root, Options options, PathMatcher glob) {
      this.root = root;
      this.options = options;
      this.glob = glob;
    }

    /** Lists {@code dir}, whose real path is the last of {@code ancestors}, at {@code depth}. */
    void directory(Path dir, String relative, int depth, Set<Path> ancestors) {
      List<Entry> entries;
      try {
        entries = ListDirectory.list(dir, options.includeHidden());
      } catch (IOException e) {
        skipped.add(relative + ": cannot be read (" + e.getClass().getSimpleName() + ")");
        return;
      }
      for (Entry entry : entries) {
        Path path = dir.resolve(entry.name());
        String name = relative.isEmpty() ? entry.name() : relative + "/" + entry.name();
        Kind kind = entry.kind();
        if (kind == Kind.SYMBOLIC_LINK) {
          if (!options.followLinks()) {
            continue;
          }
          kind = followed(path, name);
          if (kind == null) {
            continue;
          }
        }
        if (kind == Kind.DIRECTORY && depth < options.maxDepth()) {
          Path real;
          try {
            real = path.toRealPath();
          } catch (IOException e) {
            skipped.add(name + ": cannot be resolved (" + e.getClass().getSimpleName() + ")");
            continue;
          }
          if (ancestors.contains(real)) {
            skipped.add(name + ": link loop back to " + display(real));
            continue;
          }
          ancestors.add(real);
          directory(path, name, depth + 1, ancestors);
          ancestors.remove(real);
        } else if (kind == Kind.FILE && keep(name)) {
          try {
            files.add(new FileInfo(name, Files.size(path)));
          } catch (IOException e) {
            skipped.add(name + ": size unknown (" + e.getClass().getSimpleName() + ")");
          }
        }
      }
    }

    /** What a link points to, or null (reported) if it points nowhere. */
    private Kind followed(Path link, String name) {
      if (!Files.exists(link)) {
        skipped.add(name + ": broken link");
        return null;
      }
      if (Files.isDirectory(link)) {
        return Kind.DIRECTORY;
      }
      return Files.isRegularFile(link) ? Kind.FILE : Kind.OTHER;
    }

    private boolean keep(String relative) {
      if (!options.extensions().isEmpty()) {
        int dot = relative.lastIndexOf('.');
        int slash = relative.lastIndexOf('/');
        String extension = dot > slash + 1 ? relative.substring(dot + 1) : "";
        if (!options.extensions().contains(extension.toLowerCase(Locale.ROOT))) {
          return false;
        }
      }
      return glob == null || glob.matches(Path.of(relative));
    }

    private String display(Path real) {
      try {
        Path base = root.toRealPath();
        return real.startsWith(base) ? "./" + base.relativize(real) : real.toString();
      } catch (IOException e) {
        return real.toString();
      }
    }
  }

  /** A size in binary units with one decimal: {@code 512 B}, {@code 1.5 KiB}, {@code 2.0 GiB}. */
  public static String humanSize(long bytes) {
    if (bytes < 0) {
      throw new IllegalArgumentException("size must not be negative: " + bytes);
    }
    if (bytes < 1024) {
      return bytes + " B";
    }
    String[] units = {"KiB", "MiB", "GiB", "TiB", "PiB", "EiB"};
    double value = bytes;
    int unit = -1;
    while (value >= 1024 && unit < units.length - 1) {
      value /= 1024;
      unit++;
    }
    return String.format(Locale.ROOT, "%.1f %s", value, units[unit]);
  }

  /**
   * Prints {@code size path} for each file under a directory, then the total: {@code <dir> [ext...]
   * [--depth N] [--glob G] [--all] [--follow]}.
   *
   * @throws IllegalArgumentException on bad usage
   * @throws IOException if the directory cannot be listed
   */
  public static void main(String... args) throws IOException {
    if (args.length == 0) {
      throw usage();
    }
    int depth = Integer.MAX_VALUE;
    String glob = null;
    boolean all = false;
    boolean follow = false;
    Set<String> extensions = new HashSet<>();
    for (int i = 1; i < args.length; i++) {
      switch (args[i]) {
        case "--depth" -> depth = Args.toInt(value(args, ++i));
        case "--glob" -> glob = value(args, ++i);
        case "--all" -> all = true;
        case "--follow" -> follow = true;
        default -> {
          if (args[i].startsWith("--")) {
            throw usage();
          }
          extensions.add(args[i]);
        }
      }
    }
    Listing listing = list(Args.toPath(args[0]), new Options(depth, extensions, glob, all, follow));
    for (FileInfo file : listing.files()) {
      System.out.printf(Locale.ROOT, "%10s  %s%n", humanSize(file.size()), file.path());
    }
    System.out.printf(
        Locale.ROOT,
        "%10s  total in %d files%n",
        humanSize(listing.totalSize()),
        listing.files().size());
    listing.skipped().forEach(reason -> System.err.println("skipped " + reason));
  }

  private static String value(String[] args, int i) {
    if (i >= args.length) {
      throw usage();
    }
    return args[i];
  }

  private static IllegalArgumentException usage() {
    return new IllegalArgumentException(
        "usage: mid.files.5 <dir> [ext...] [--depth N] [--glob G] [--all] [--follow]");
  }
}
