package org.interviewtasks.mid.files;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.interviewtasks.common.Args;
import org.interviewtasks.common.RegularFiles;
import org.interviewtasks.common.Task;

/**
 * Compresses and decompresses files: one file with gzip, a whole directory tree with zip.
 *
 * <p><b>Approach.</b> Everything streams through a fixed buffer ({@link InputStream#transferTo}),
 * so a 10 GB file needs no more memory than a small one: O(n) time, O(1) space. Every output is
 * written to a temporary file beside its target and moved into place only when complete, so a crash
 * never leaves half a {@code .gz} or {@code .zip} under the final name. A zip holds the tree under
 * names relative to the zipped directory, with {@code /} separators whatever the platform (the zip
 * specification demands it), a {@code name/} entry for every directory so empty ones survive, and
 * entries in sorted order so the same tree always gives the same sequence of entries.
 *
 * <p><b>Edge cases.</b> <i>Zip slip</i>: an archive is untrusted input, and an entry named {@code
 * ../../home/me/.bashrc} or {@code /etc/cron.d/x} would write outside the target directory. {@link
 * #unzip} first checks every name (backslashes read as separators, then normalised, then it must
 * still start with the target) and refuses the whole archive with a {@link ZipException} naming the
 * entry before writing anything. A symbolic link already inside the target that points elsewhere is
 * caught as well: each directory created is compared by its real path. <i>Zip bombs</i>: a few
 * kilobytes can inflate to terabytes, so {@link Limits} caps the number of entries and the bytes
 * actually inflated (the sizes an archive declares can lie); the default is 10,000 entries and 1
 * GiB. Existing files are never overwritten, and on any failure the files and directories this call
 * created are removed again. Symbolic links in a tree to zip are refused rather than followed or
 * silently dropped (zip has no portable link entry). Empty files, empty directories and Unicode
 * names round-trip (Java writes names as UTF-8 and sets the language-encoding flag).
 *
 * <p><b>Follow-up.</b> <i>"gzip a directory?"</i> gzip compresses one stream; tools tar first and
 * gzip the tar, which is what {@code .tar.gz} is. <i>"Faster?"</i> {@link
 * java.util.zip.Deflater#BEST_SPEED} trades ratio for speed; entries of a zip are independent, so
 * they can be compressed in parallel and stitched together (as {@code pigz} does for gzip).
 */
@Task(id = "mid.files.3", title = "Compress and decompress with gzip and zip")
public final class FileCompressor {

  /**
   * What extraction accepts before it gives up on an archive as a likely zip bomb.
   *
   * @param maxEntries the most entries (files and directories) an archive may hold
   * @param maxBytes the most bytes all its entries may inflate to, together
   */
  public record Limits(long maxEntries, long maxBytes) {

    /** 10,000 entries and 1 GiB: generous for documents, far below what a bomb inflates to. */
    public static final Limits DEFAULT = new Limits(10_000, 1L << 30);

    /** No limit at all: only for archives you made yourself. */
    public static final Limits NONE = new Limits(Long.MAX_VALUE, Long.MAX_VALUE);

    /**
     * Checks the limits.
     *
     * @throws IllegalArgumentException if a limit is negative
     */
    public Limits {
      if (maxEntries < 0 || maxBytes < 0) {
        throw new IllegalArgumentException(
            "limits must not be negative: " + maxEntries + " entries, " + maxBytes + " bytes");
      }
    }
  }

  private FileCompressor() {}

  /**
   * Compresses {@code source} into the gzip file {@code target}, replacing it if it exists.
   *
   * @return the size of the compressed file in bytes
   * @throws NoSuchFileException if the source does not exist
   * @throws IOException if the source is a directory or cannot be read, or the target not written
   */
  public static long gzip(Path source, Path target) throws IOException {
    requireRegularFile(source, "source");
    Objects.requireNonNull(target, "target");
    writeAtomically(
        target,
        out -> {
          try (InputStream in = Files.newInputStream(source);
              OutputStream gz = new GZIPOutputStream(out, 64 * 1024)) {
            in.transferTo(gz);
          }
        });
    return Files.size(target);
  }

  /**
   * Decompresses the gzip file {@code source} into {@code target} (several concatenated gzip
   * members are read one after the other, as {@code gunzip} does), replacing it if it exists.
   *
   * @return the number of bytes written
   * @throws ZipException if the source is not gzip data or inflates beyond {@code maxBytes}
   * @throws IOException if a file cannot be read or written
   */
  public static long gunzip(Path source, Path target, long maxBytes) throws IOException {
    requireRegularFile(source, "source");
    Objects.requireNonNull(target, "target");
    if (maxBytes < 0) {
      throw new IllegalArgumentException("maxBytes must not be negative: " + maxBytes);
    }
    long[] written = new long[1];
    writeAtomically(
        target,
        out -> {
          try (InputStream in = new GZIPInputStream(Files.newInputStream(source), 64 * 1024)) {
            written[0] = copyLimited(in, out, maxBytes, maxBytes, source);
          }
        });
    return written[0];
  }

  /** {@link #gunzip(Path, Path, long)} with the default limit of {@link Limits#DEFAULT}. */
  public static long gunzip(Path source, Path target) throws IOException {
    return gunzip(source, target, Limits.DEFAULT.maxBytes());
  }

  /**
   * Zips the directory {@code sourceDir} (its contents, not the directory itself) into {@code
   * zipFile}, replacing it if it exists.
   *
   * @return the names of the entries written, in order
   * @throws NoSuchFileException if the directory does not exist
   * @throws IOException if it is not a directory, holds a symbolic link, or the zip is inside it
   */
  public static List<String> zip(Path sourceDir, Path zipFile) throws IOException {
    Objects.requireNonNull(sourceDir, "sourceDir");
    Objects.requireNonNull(zipFile, "zipFile");
    if (!Files.exists(sourceDir, LinkOption.NOFOLLOW_LINKS)) {
      throw new NoSuchFileException(sourceDir.toString());
    }
    if (!Files.isDirectory(sourceDir, LinkOption.NOFOLLOW_LINKS)) {
      throw new IOException(sourceDir + " is not a directory");
    }
    Path root = sourceDir.toAbsolutePath().normalize();
    if (zipFile.toAbsolutePath().normalize().startsWith(root)) {
      throw new IOException("the zip file " + zipFile + " must not be inside " + sourceDir);
    }
    List<Path> tree = new ArrayList<>();
    collect(root, tree);
    List<String> names = new ArrayList<>(tree.size());
    writeAtomically(
        zipFile,
        out -> {
          try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (Path path : tree) {
              boolean directory = Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS);
              String name = entryName(root.relativize(path), directory);
              ZipEntry entry = new ZipEntry(name);
              entry.setLastModifiedTime(Files.getLastModifiedTime(path, LinkOption.NOFOLLOW_LINKS));
              zip.putNextEntry(entry);
              if (!directory) {
                try (InputStream in = Files.newInputStream(path, LinkOption.NOFOLLOW_LINKS)) {
                  in.transferTo(zip);
                }
              }
              zip.closeEntry();
              names.add(name);
            }
          }
        });
    return Collections.unmodifiableList(names);
  }

  /** Depth-first, children sorted by name: the same tree always gives the same entry order. */
  private static void collect(Path directory, List<Path> into) throws IOException {
    List<Path> children = new ArrayList<>();
    try (DirectoryStream<Path> stream = Files.newDirectoryStream(directory)) {
      stream.forEach(children::add);
    }
    Collections.sort(children);
    for (Path child : children) {
      if (Files.isSymbolicLink(child)) {
        throw new IOException("symbolic links are not zipped: " + child);
      }
      into.add(child);
      if (Files.isDirectory(child, LinkOption.NOFOLLOW_LINKS)) {
        collect(child, into);
      }
    }
  }

  private static String entryName(Path relative, boolean directory) {
    StringBuilder name = new StringBuilder();
    for (Path part : relative) {
      if (!name.isEmpty()) {
        name.append('/');
      }
      name.append(part);
    }
    return directory ? name.append('/').toString() : name.toString();
  }

  /** {@link #unzip(Path, Path, Limits)} with {@link Limits#DEFAULT}. */
  public static List<Path> unzip(Path zipFile, Path targetDir) throws IOException {
    return unzip(zipFile, targetDir, Limits.DEFAULT);
  }

  /**
   * Extracts {@code zipFile} into {@code targetDir} (created if missing). Existing files are never
   * overwritten: a name that is taken fails the extraction with {@link FileAlreadyExistsException}.
   *
   * @return the files and directories extracted, in archive order
   * @throws ZipException if an entry would land outside the target directory, or the archive
   *     exceeds the limits; nothing is left extracted then
   * @throws FileAlreadyExistsException if a file of the archive exists already
   * @throws IOException if the archive cannot be read or a file not written
   */
  public static List<Path> unzip(Path zipFile, Path targetDir, Limits limits) throws IOException {
    requireRegularFile(zipFile, "zipFile");
    Objects.requireNonNull(targetDir, "targetDir");
    Objects.requireNonNull(limits, "limits");
    try (ZipFile zip = new ZipFile(zipFile.toFile())) {
      if (zip.size() > limits.maxEntries()) {
        throw new ZipException(
            zipFile
                + " has "
                + zip.size()
                + " entries, more than the limit of "
                + limits.maxEntries());
      }
      Files.createDirectories(targetDir);
      Path root = targetDir.toRealPath();
      List<ZipEntry> entries = new ArrayList<>();
      List<Path> destinations = new ArrayList<>();
      for (ZipEntry entry : zip.stream().toList()) {
        entries.add(entry);
        destinations.add(safeDestination(root, entry.getName()));
      }
      List<Path> created = new ArrayList<>();
      try {
        long budget = limits.maxBytes();
        for (int i = 0; i < entries.size(); i++) {
          ZipEntry entry = entries.get(i);
          Path destination = destinations.get(i);
          createDirectoriesInside(
              root, entry.isDirectory() ? destination : destination.getParent(), created);
          if (!entry.isDirectory()) {
            try (OutputStream out =
                Files.newOutputStream(destination, StandardOpenOption.CREATE_NEW)) {
              created.add(destination); // ours from here on: removed again if anything fails
              try (InputStream in = zip.getInputStream(entry)) {
                budget -= copyLimited(in, out, budget, limits.maxBytes(), zipFile);
              }
            }
          }
        }
      } catch (IOException | RuntimeException e) {
        deleteQuietly(created, e);
        throw e;
      }
      return destinations;
    }
  }

  /** Where an entry goes, or a {@link ZipException} if that is outside {@code root}. */
  static Path safeDestination(Path root, String entryName) throws ZipException {
    String name = entryName.replace('\\', '/');
    if (name.startsWith("/") || name.matches("^[A-Za-z]:.*")) {
      throw new ZipException("zip entry '" + entryName + "' has an absolute path; refused");
    }
    Path destination = root.resolve(name).normalize();
    if (!destination.startsWith(root) || destination.equals(root)) {
      throw new ZipException(
          "zip entry '" + entryName + "' would be extracted outside " + root + "; refused");
    }
    return destination;
  }

  /** Creates {@code directory} and checks that, links resolved, it is still inside root. */
  private static void createDirectoriesInside(Path root, Path directory, List<Path> created)
      throws IOException {
    Path missing = directory;
    List<Path> toCreate = new ArrayList<>();
    while (!Files.exists(missing, LinkOption.NOFOLLOW_LINKS)) {
      toCreate.add(missing);
      missing = missing.getParent();
    }
    if (!missing.toRealPath().startsWith(root)) {
      throw new ZipException(
          directory + " leads outside " + root + " through a symbolic link; refused");
    }
    Collections.reverse(toCreate);
    for (Path path : toCreate) {
      Files.createDirectory(path);
      created.add(path);
    }
  }

  /** Copies at most {@code budget} bytes, or fails naming the archive and its whole limit. */
  private static long copyLimited(
      InputStream in, OutputStream out, long budget, long limit, Path archive) throws IOException {
    byte[] buffer = new byte[64 * 1024];
    long total = 0;
    for (int read = in.read(buffer); read != -1; read = in.read(buffer)) {
      total += read;
      if (total > budget) {
        throw new ZipException(archive + " inflates beyond the limit of " + limit + " bytes");
      }
      out.write(buffer, 0, read);
    }
    return total;
  }

  private static void deleteQuietly(List<Path> created, Exception failure) {
    for (int i = created.size() - 1; i >= 0; i--) {
      try {
        Files.deleteIfExists(created.get(i));
      } catch (IOException e) {
        failure.addSuppressed(e);
      }
    }
  }

  @FunctionalInterface
  private interface Writing {
    void to(OutputStream out) throws IOException;
  }

  /** Writes to a temporary file beside {@code target} and moves it into place when complete. */
  private static void writeAtomically(Path target, Writing writing) throws IOException {
    RegularFiles.requireReplaceable(target);
    Path absolute = target.toAbsolutePath();
    Path directory = absolute.getParent();
    if (directory == null || Files.isDirectory(absolute)) {
      throw new FileAlreadyExistsException(target + " is a directory");
    }
    Files.createDirectories(directory);
    Path temp = Files.createTempFile(directory, "." + absolute.getFileName(), ".tmp");
    try {
      try (OutputStream out = Files.newOutputStream(temp)) {
        writing.to(out);
      }
      Files.move(
          temp, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } finally {
      Files.deleteIfExists(temp);
    }
  }

  private static void requireRegularFile(Path file, String name) throws IOException {
    Objects.requireNonNull(file, name);
    if (!Files.exists(file)) {
      throw new NoSuchFileException(file.toString());
    }
    if (!Files.isRegularFile(file)) {
      throw new IOException(file + " is not a regular file");
    }
  }

  /**
   * {@code gzip|gunzip <source> <target>} or {@code zip <dir> <zip>} or {@code unzip <zip> <dir>}.
   *
   * @throws IllegalArgumentException on bad usage
   * @throws IOException if a file cannot be read or written, or an archive is unsafe
   */
  public static void main(String... args) throws IOException {
    if (args.length != 3) {
      throw usage();
    }
    Path from = Args.toPath(args[1]);
    Path to = Args.toPath(args[2]);
    switch (args[0]) {
      case "gzip" -> System.out.println(args[2] + ": " + gzip(from, to) + " bytes");
      case "gunzip" -> System.out.println(args[2] + ": " + gunzip(from, to) + " bytes");
      case "zip" -> zip(from, to).forEach(System.out::println);
      case "unzip" -> unzip(from, to).forEach(System.out::println);
      default -> throw usage();
    }
  }

  private static IllegalArgumentException usage() {
    return new IllegalArgumentException(
        "usage: mid.files.3 gzip|gunzip <source> <target> | zip <dir> <zip> | unzip <zip> <dir>");
  }
}
