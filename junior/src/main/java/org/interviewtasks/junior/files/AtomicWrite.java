package org.interviewtasks.junior.files;

import java.io.BufferedWriter;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;
import org.interviewtasks.common.RegularFiles;

/**
 * Writes that replace a file all at once or not at all, so that a failure halfway (an exception, a
 * full disk, a crash) never leaves a truncated or half-written file behind.
 *
 * <p>The new content goes to a hidden temporary file in the <em>same folder</em> as the target (a
 * rename is atomic only within one file system), is flushed to the disk ({@link
 * FileChannel#force}), and then renamed over the target with {@link
 * StandardCopyOption#ATOMIC_MOVE}: readers see the old file or the new one, never a mix. If the
 * file system refuses atomic moves (some network and FUSE file systems do), the move falls back to
 * {@link StandardCopyOption#REPLACE_EXISTING}, which still never exposes a partly written file but
 * may, on a crash at that very moment, leave the target missing with the complete temporary file
 * beside it. On any failure the temporary file is deleted and the target is left untouched, byte
 * for byte.
 *
 * <p>An existing target keeps its POSIX permissions; a new one gets the default permissions of a
 * new file. When the target is a symbolic link, the file it points to is replaced and the link
 * stays. Because the target is only replaced at the end, it may also be one of the inputs: {@code
 * cat a b > a} would destroy {@code a}, this does not.
 */
final class AtomicWrite {

  /** Writes the content; the stream it gets ignores {@code close()}, so a library may close it. */
  @FunctionalInterface
  interface Body<R> {
    R write(OutputStream out) throws IOException;
  }

  /** Writes the content as text; the writer ignores {@code close()}, so a library may close it. */
  @FunctionalInterface
  interface TextBody<R> {
    R write(Writer out) throws IOException;
  }

  /** Edits one line of a text, given without its terminator. */
  @FunctionalInterface
  interface LineEdit {
    /** The new text of the line, or {@code null} to drop the line and its terminator. */
    String edit(String text) throws IOException;
  }

  private AtomicWrite() {}

  /**
   * Writes {@code source} to {@code target} line by line through {@code edit}, atomically; each
   * kept line keeps its own terminator, so {@code \r\n} files stay {@code \r\n} and a last line
   * without one stays without. {@code target} may be {@code source}: the file is rewritten in
   * place.
   *
   * @throws java.nio.file.NoSuchFileException if the source does not exist
   * @throws MalformedFileException if the source is not UTF-8; the target is then unchanged
   */
  static void rewriteLines(Path source, Path target, LineEdit edit) throws IOException {
    TextFiles.requireFile(source, "source");
    TextFiles.requireTarget(target, "target");
    replaceText(
        target,
        out -> {
          try (TextFiles.LineReader lines = TextFiles.lines(source)) {
            for (TextFiles.Line line = lines.next(); line != null; line = lines.next()) {
              String edited = edit.edit(line.text());
              if (edited != null) {
                out.write(edited);
                out.write(line.terminator());
              }
            }
          }
          return null;
        });
  }

  /**
   * Replaces (or creates) {@code target} with what {@code body} writes, atomically.
   *
   * @return what {@code body} returned
   * @throws java.nio.file.FileSystemException if the target is a directory or its folder is missing
   *     (see {@link TextFiles#requireTarget}); then nothing is written
   * @throws IOException whatever {@code body} or the file system throws; the target is unchanged
   */
  static <R> R replace(Path target, Body<R> body) throws IOException {
    return replace(target, body, FileMove.FILES);
  }

  /** {@link #replace(Path, Body)} with the move that puts the file in place given, for tests. */
  static <R> R replace(Path target, Body<R> body, FileMove move) throws IOException {
    TextFiles.requireTarget(target, "target");
    Path real = Files.exists(target) ? target.toRealPath() : target;
    Path temp = createTemp(real);
    try {
      R result;
      try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE);
          OutputStream out = Channels.newOutputStream(channel)) {
        result = body.write(new CloseShield(out));
        out.flush();
        channel.force(true); // on the disk before the rename makes it visible
      }
      keepPermissions(real, temp);
      moveIntoPlace(temp, real, move);
      return result;
    } catch (IOException | RuntimeException | Error e) {
      try {
        Files.deleteIfExists(temp);
      } catch (IOException cleanup) {
        e.addSuppressed(cleanup);
      }
      throw e;
    }
  }

  /**
   * Replaces (or creates) {@code target} with the UTF-8 text {@code body} writes, atomically. Text
   * that cannot be encoded (an unpaired surrogate) fails with an {@link IOException} naming the
   * target, and the target is unchanged.
   */
  static <R> R replaceText(Path target, TextBody<R> body) throws IOException {
    return replace(
        target,
        out -> {
          var encoder =
              StandardCharsets.UTF_8
                  .newEncoder()
                  .onMalformedInput(CodingErrorAction.REPORT)
                  .onUnmappableCharacter(CodingErrorAction.REPORT);
          Writer writer = new BufferedWriter(new OutputStreamWriter(out, encoder));
          try {
            R result = body.write(new NonClosingWriter(writer));
            writer.flush();
            return result;
          } catch (CharacterCodingException e) {
            throw new IOException(
                target + ": the text has an unpaired surrogate, which UTF-8 cannot encode", e);
          }
        });
  }

  /** A new empty file beside {@code target}, hidden, with default permissions. */
  private static Path createTemp(Path target) throws IOException {
    Path folder = TextFiles.folderOf(target);
    String prefix = "." + target.getFileName() + ".";
    while (true) {
      String random = HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong());
      try {
        return Files.createFile(folder.resolve(prefix + random + ".tmp"));
      } catch (FileAlreadyExistsException e) {
        // another writer picked the same name: 1 chance in 2^64, try another
      }
    }
  }

  private static void keepPermissions(Path target, Path temp) throws IOException {
    var from = Files.getFileAttributeView(target, PosixFileAttributeView.class);
    if (from != null && Files.exists(target)) {
      Files.setPosixFilePermissions(temp, from.readAttributes().permissions());
    }
  }

  /** Renames atomically; falls back to a plain replacing move where atomic moves are refused. */
  static void moveIntoPlace(Path temp, Path target, FileMove move) throws IOException {
    RegularFiles.requireReplaceable(target);
    try {
      move.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
    } catch (AtomicMoveNotSupportedException e) {
      move.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  /** Lets a library "close" the stream it was given without closing the file under it. */
  private static final class CloseShield extends FilterOutputStream {

    CloseShield(OutputStream out) {
      super(out);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
      out.write(bytes, offset, length); // FilterOutputStream would write byte by byte
    }

    @Override
    public void close() throws IOException {
      flush();
    }
  }

  /** The writer counterpart of {@link CloseShield}. */
  private static final class NonClosingWriter extends Writer {

    private final Writer out;

    NonClosingWriter(Writer out) {
      this.out = out;
    }

    @Override
    public void write(char[] chars, int offset, int length) throws IOException {
      out.write(chars, offset, length);
    }

    @Override
    public void write(String text, int offset, int length) throws IOException {
      out.write(text, offset, length);
    }

    @Override
    public void flush() throws IOException {
      out.flush();
    }

    @Override
    public void close() throws IOException {
      out.flush();
    }
  }
}
