package org.interviewtasks.junior.files;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.interviewtasks.common.Args;
import org.interviewtasks.common.Task;

/**
 * Copies the contents of one file to another.
 *
 * <p><b>Approach.</b> The bytes are streamed ({@link InputStream#transferTo}, 8 KB at a time), so a
 * file larger than memory copies in O(n) time and O(1) space, and nothing is decoded: any file
 * copies exactly, text or not. They go to a temporary file beside the target, which is then renamed
 * over it in one atomic step: a reader of the target sees the old content or the whole new one, and
 * a failure halfway (a full disk, an unreadable source) leaves the target as it was, with no
 * temporary file behind.
 *
 * <p><b>Edge cases.</b> An existing target is replaced, like {@code cp}; its permissions are kept.
 * Only the content is copied, not the source's permissions or timestamps (as Python's {@code
 * shutil.copyfile}). An empty source gives an empty target. A missing source, a directory where a
 * file is expected, a missing target folder and copying a file onto itself (even through another
 * path or a link) fail with an exception naming the file and the problem, before anything is
 * written.
 *
 * <p><b>Follow-up.</b> <i>"Why not {@code Files.copy(source, target, REPLACE_EXISTING)}?"</i> It is
 * the one-liner, and it may use a fast kernel copy, but it writes the target in place: a crash
 * midway leaves a truncated file. <i>"And copying onto itself?"</i> A naive copy opens the target
 * for writing first, which truncates the source before it is read: the data is gone. Here the
 * rename at the end would make it harmless, but it is still a mistake worth reporting.
 */
@Task(id = "junior.files.1", title = "Copy a file")
public final class FileCopy {

  private FileCopy() {}

  /**
   * Copies {@code source} to {@code target}, replacing the target atomically.
   *
   * @return the number of bytes copied
   * @throws java.nio.file.NoSuchFileException if the source or the target's folder is missing
   * @throws java.nio.file.FileSystemException if the source or the target is a directory
   * @throws IllegalArgumentException if source and target are the same file
   */
  public static long copy(Path source, Path target) throws IOException {
    TextFiles.requireFile(source, "source");
    TextFiles.requireTarget(target, "target");
    if (Files.exists(target) && Files.isSameFile(source, target)) {
      throw new IllegalArgumentException(source + " and " + target + " are the same file");
    }
    return AtomicWrite.replace(
        target,
        out -> {
          try (InputStream in = Files.newInputStream(source)) {
            return in.transferTo(out);
          }
        });
  }

  /**
   * Copies the file named by the first argument to the second and prints how many bytes it copied.
   *
   * @throws IllegalArgumentException unless there are exactly two arguments
   */
  public static void main(String... args) throws IOException {
    if (args.length != 2) {
      throw new IllegalArgumentException("usage: junior.files.1 <source> <target>");
    }
    long bytes = copy(Args.toPath(args[0]), Args.toPath(args[1]));
    System.out.println(bytes + " bytes copied to " + args[1]);
  }
}
