package org.interviewtasks.junior.files;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;

/** What the file tests share: links and permissions where the file system has them, listings. */
final class TestFiles {

  private TestFiles() {}

  /**
   * Creates a symbolic link, or skips the test where the file system or the user cannot (Windows
   * without developer mode).
   */
  static Path symlink(Path link, Path target) throws IOException {
    try {
      return Files.createSymbolicLink(link, target);
    } catch (UnsupportedOperationException | IOException e) {
      assumeTrue(false, "symbolic links are not supported here: " + e);
      throw e;
    }
  }

  /**
   * Sets POSIX permissions (e.g. {@code r-x------}) on {@code path}, and skips the test unless the
   * file system has them and enforces them for this user (root ignores them).
   */
  static void assumePermissionsEnforced(Path path, String permissions) throws IOException {
    try {
      Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(permissions));
    } catch (UnsupportedOperationException e) {
      assumeTrue(false, "no POSIX permissions here");
    }
    boolean enforced =
        Files.isDirectory(path)
            ? !Files.isWritable(path)
            : !Files.isReadable(path) || !Files.isWritable(path);
    assumeTrue(enforced, "permissions are not enforced for this user (root?)");
  }

  /** The names in {@code dir}, sorted: to check that no temporary file was left behind. */
  static List<String> names(Path dir) throws IOException {
    try (Stream<Path> entries = Files.list(dir)) {
      return entries.map(path -> path.getFileName().toString()).sorted().toList();
    }
  }
}
