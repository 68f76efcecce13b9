package org.interviewtasks.junior.apps;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.interviewtasks.common.RegularFiles;

/**
 * Writes that replace a file all at once: the content goes to a temporary file in the target's
 * folder, which is then renamed over the target ({@link StandardCopyOption#ATOMIC_MOVE}). A reader
 * sees the old file or the new one, never half of one, and a crash mid-write leaves the old file
 * intact. The temporary file must be in the same folder: a rename is atomic only within one file
 * system.
 */
final class AtomicFiles {

  /** Writes the content of a file to a stream. */
  @FunctionalInterface
  interface Content {
    /** Writes the content to {@code out}. */
    void writeTo(OutputStream out) throws IOException;
  }

  private AtomicFiles() {}

  /**
   * Writes {@code content} to a temporary file beside {@code target}, creating missing folders. The
   * caller moves it into place with {@link #moveInto} or deletes it.
   */
  static Path writeTemporary(Path target, Content content) throws IOException {
    Path dir = target.toAbsolutePath().getParent();
    Files.createDirectories(dir);
    Path temporary = Files.createTempFile(dir, "." + target.getFileName(), ".tmp");
    try {
      try (OutputStream out = Files.newOutputStream(temporary)) {
        content.writeTo(out);
      }
      return temporary;
    } catch (IOException | RuntimeException e) {
      Files.deleteIfExists(temporary);
      throw e;
    }
  }

  /** Renames {@code temporary} over {@code target} atomically, replacing it if it exists. */
  static void moveInto(Path temporary, Path target) throws IOException {
    RegularFiles.requireReplaceable(target);
    try {
      Files.move(
          temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException | RuntimeException e) {
      Files.deleteIfExists(temporary);
      throw e;
    }
  }

  /** Replaces {@code target} with {@code content} atomically, creating missing folders. */
  static void write(Path target, Content content) throws IOException {
    moveInto(writeTemporary(target, content), target);
  }
}
