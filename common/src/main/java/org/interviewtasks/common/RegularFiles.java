package org.interviewtasks.common;

import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * The project's one rule for a file that a task reads to its end: it must be a regular file. A
 * device ({@code /dev/zero}, {@code /dev/urandom}) or a named pipe may never end, so reading it "to
 * the end" would hang or fill memory; it is refused before anything is read. A missing file and a
 * directory are left to the caller, whose own messages name them.
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
}
