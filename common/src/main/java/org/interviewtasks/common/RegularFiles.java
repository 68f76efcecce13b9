package org.interviewtasks.common;

import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * The project's one rule for a file that a task reads to its end: it must be a regular file. A
 * device ({@code /dev/zero}, {@code /dev/urandom}) or a named pipe may never end, so reading it "to
 * the end" would hang or fill memory; it is refused before anything is read. A write that replaces
 * its target (a temporary file moved into place) must not replace a device or a pipe either: run as
 * root, moving a file onto {@code /dev/null} deletes the device. A missing file and a directory are
 * left to the caller, whose own messages name them.
 */
public final class RegularFiles {

  private RegularFiles() {}

  /**
   * {@code file}, checked not to be a device, pipe or socket.
   *
   * @throws FileSystemException "FILE: is not a regular file (a device or a pipe may never end)"
   * @throws IOException if its attributes cannot be read
   */
  public static Path requireEnding(Path file) throws IOException {
    Objects.requireNonNull(file, "file");
    if (Files.exists(file) && !Files.isDirectory(file) && !Files.isRegularFile(file)) {
      throw new FileSystemException(
          file.toString(), null, "is not a regular file (a device or a pipe may never end)");
    }
    return file;
  }

  /**
   * {@code target}, checked to be absent or a regular file, so that moving a new file into its
   * place replaces no device, pipe or socket.
   *
   * @throws FileSystemException "FILE: is not a regular file (a device or a pipe is not replaced)"
   * @throws IOException if its attributes cannot be read
   */
  public static Path requireReplaceable(Path target) throws IOException {
    Objects.requireNonNull(target, "target");
    if (Files.exists(target) && !Files.isDirectory(target) && !Files.isRegularFile(target)) {
      throw new FileSystemException(
          target.toString(), null, "is not a regular file (a device or a pipe is not replaced)");
    }
    return target;
  }
}
