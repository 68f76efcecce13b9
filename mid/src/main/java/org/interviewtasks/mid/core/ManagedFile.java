package org.interviewtasks.mid.core;

import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import org.interviewtasks.common.RegularFiles;
import org.interviewtasks.common.Task;

/**
 * A text file opened for reading or writing and closed reliably: Python's class-based context
 * manager ({@code with ManagedFile(path) as f: ...}) in Java.
 *
 * <p><b>How the idea maps.</b> Python calls {@code __enter__} at the start of a {@code with} block
 * and {@code __exit__} at its end, however the block ends. Java's equivalent is a class that
 * implements {@link AutoCloseable} (here its I/O flavour, {@link Closeable}), opened in the header
 * of a try-with-resources statement: {@code try (var file = ManagedFile.openForReading(path)) { ...
 * }}. The factory method plays {@code __enter__} and {@link #close()} plays {@code __exit__}: the
 * compiler inserts the call on every path out of the block, returns and exceptions alike, and
 * closes several resources in the reverse order of opening. Two differences matter:
 *
 * <ul>
 *   <li>{@code __exit__} receives the exception that ended the block (and may swallow it); {@code
 *       close()} does not know whether the block failed. So a write that should take effect only on
 *       success needs an explicit {@link #commit()}, like a transaction; a file opened for writing
 *       and closed without commit leaves the target untouched. {@link #write(Path, Body)} is the
 *       higher-order form that sees the outcome, as {@code __exit__} does: it commits only if the
 *       body returns normally.
 *   <li>When the block throws and {@code close()} throws too, Java keeps the block's exception and
 *       attaches the other as {@linkplain Throwable#getSuppressed() suppressed}; Python chains them
 *       the other way round, raising the second with the first as its {@code __context__}.
 * </ul>
 *
 * <p><b>Approach.</b> Reading goes through a UTF-8 {@link BufferedReader} that reports malformed
 * input instead of replacing it. Writing goes to a temporary file in the target's directory, and
 * {@link #commit()} renames it over the target with {@link StandardCopyOption#ATOMIC_MOVE}: readers
 * see the old content or the new one, never half a file, even if the process dies mid-write. The
 * temporary file is created like any new file, so a replaced file gets default permissions, not
 * those of the file it replaces.
 *
 * <p><b>Edge cases.</b> {@link #close()} is idempotent: the second call does nothing, as the {@link
 * Closeable} contract requires, and after a failed close the file still counts as closed. Reading
 * from a file opened for writing, writing to one opened for reading, and any use after close are
 * {@link IllegalStateException}s that name the file. A missing file to read is a {@link
 * java.nio.file.NoSuchFileException}. Not thread-safe: a file handle belongs to one thread.
 *
 * <p><b>Follow-up.</b> <i>"contextlib.contextmanager?"</i> In Java, a method that takes the body as
 * a lambda, like {@link #write(Path, Body)}, so the method controls what happens before and after.
 * <i>"What if close is never called?"</i> Nothing closes the file until the process ends: there is
 * no destructor, and finalization is deprecated; {@link java.lang.ref.Cleaner} is only a safety
 * net.
 */
@Task(id = "mid.core.2", title = "Context manager for a file")
public final class ManagedFile implements Closeable {

  /** What the file was opened for. */
  public enum Mode {
    /** Reading lines from an existing file. */
    READ,
    /** Writing a new content that replaces the file on commit. */
    WRITE
  }

  /** The code run on an open file by {@link #write(Path, Body)}. */
  @FunctionalInterface
  public interface Body {
    /** Uses the open file. */
    void accept(ManagedFile file) throws IOException;
  }

  private final Path path;
  private final Mode mode;
  private final BufferedReader reader;
  private final Writer writer;
  private final Path temporary;
  private boolean open = true;

  /**
   * Wraps an open reader or writer; package-private so that tests can hand in a resource whose
   * close fails.
   */
  ManagedFile(Path path, Mode mode, BufferedReader reader, Writer writer, Path temporary) {
    this.path = path;
    this.mode = mode;
    this.reader = reader;
    this.writer = writer;
    this.temporary = temporary;
  }

  /**
   * Opens an existing file for reading as UTF-8.
   *
   * @throws IOException if it cannot be opened
   */
  public static ManagedFile openForReading(Path path) throws IOException {
    Objects.requireNonNull(path, "path");
    return new ManagedFile(
        path, Mode.READ, Files.newBufferedReader(path, StandardCharsets.UTF_8), null, null);
  }

  /**
   * Opens a file for writing as UTF-8: the text goes to a temporary file beside it, which {@link
   * #commit()} moves over {@code path}; without commit, {@code path} is left as it was.
   *
   * @throws IOException if the temporary file cannot be created
   */
  public static ManagedFile openForWriting(Path path) throws IOException {
    Objects.requireNonNull(path, "path");
    String suffix = Long.toUnsignedString(ThreadLocalRandom.current().nextLong(), 36);
    Path temporary = path.resolveSibling("." + path.getFileName() + "." + suffix + ".tmp");
    Writer writer =
        Files.newBufferedWriter(
            temporary,
            StandardCharsets.UTF_8,
            StandardOpenOption.CREATE_NEW, // never clobbers a file that happens to have the name
            StandardOpenOption.WRITE);
    return new ManagedFile(path, Mode.WRITE, null, writer, temporary);
  }

  /**
   * Writes {@code path} by running {@code body} on the open file and committing if it returns
   * normally; if it throws, the file is left as it was and the exception propagates.
   *
   * @throws IOException if the body, the commit or the close throws it
   */
  public static void write(Path path, Body body) throws IOException {
    Objects.requireNonNull(body, "body");
    try (ManagedFile file = openForWriting(path)) {
      body.accept(file);
      file.commit();
    }
  }

  /** The file this handle reads or writes. */
  public Path path() {
    return path;
  }

  /** What the file was opened for. */
  public Mode mode() {
    return mode;
  }

  /** Whether the file is still open: not yet closed or committed. */
  public boolean isOpen() {
    return open;
  }

  /**
   * The next line, without its terminator, or {@code null} at the end of the file.
   *
   * @throws IllegalStateException if the file is closed or was opened for writing
   * @throws IOException if reading fails, or the bytes are not UTF-8
   */
  public String readLine() throws IOException {
    requireOpenFor(Mode.READ);
    return reader.readLine();
  }

  /**
   * Appends text to what will become the file's content.
   *
   * @throws IllegalStateException if the file is closed or was opened for reading
   * @throws IOException if writing fails
   */
  public void write(CharSequence text) throws IOException {
    Objects.requireNonNull(text, "text");
    requireOpenFor(Mode.WRITE);
    writer.append(text);
  }

  /**
   * Makes what was written the file's content, atomically, and closes the file.
   *
   * @throws IllegalStateException if the file is closed or was opened for reading
   * @throws IOException if the text cannot be flushed or the file cannot be replaced; the target is
   *     then left as it was
   */
  public void commit() throws IOException {
    requireOpenFor(Mode.WRITE);
    RegularFiles.requireReplaceable(path);
    open = false;
    try {
      writer.close();
      Files.move(
          temporary, path, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } finally {
      Files.deleteIfExists(temporary); // gone after a successful move; removed after a failure
    }
  }

  /**
   * Closes the file; for a file opened for writing and not committed, discards what was written.
   * Does nothing if the file is already closed.
   *
   * @throws IOException if closing fails; the file counts as closed anyway
   */
  @Override
  public void close() throws IOException {
    if (!open) {
      return;
    }
    open = false;
    if (mode == Mode.READ) {
      reader.close();
      return;
    }
    try {
      writer.close();
    } finally {
      Files.deleteIfExists(temporary);
    }
  }

  private void requireOpenFor(Mode needed) {
    if (!open) {
      throw new IllegalStateException("the file is closed: " + path);
    }
    if (mode != needed) {
      throw new IllegalStateException(
          "the file is open for " + mode.name().toLowerCase(Locale.ROOT) + ": " + path);
    }
  }
}
