package org.interviewtasks.junior.files;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.Objects;
import org.interviewtasks.common.Args;
import org.interviewtasks.common.Task;

/**
 * Appends text to a file as a new line, creating the file if it does not exist.
 *
 * <p><b>The newline rule.</b> The text always starts on a line of its own and ends with a line
 * terminator, like {@code echo text >> file}: if the file is not empty and does not end with a line
 * terminator, one is written first (otherwise the text would be glued to the last line), and if the
 * text does not end with one, one is added. The terminator is the file's own: {@code \r\n} if its
 * last line break is {@code \r\n}, {@code \n} otherwise (and for a new file). Line breaks inside
 * the text are written as given. So appending {@code "b"} to {@code "a"} gives {@code "a\nb\n"},
 * and appending {@code ""} adds an empty line.
 *
 * <p><b>Approach.</b> The text is encoded to UTF-8 bytes first, strictly (an unpaired surrogate is
 * an {@link IllegalArgumentException} before the file is touched); the end of the file is read (its
 * last 4 KB, not the whole file) to find its terminator; then the bytes are written in one call
 * with {@link StandardOpenOption#APPEND}, which makes every write go to the current end of the
 * file, even if another process appended in the meantime. O(text) time, whatever the file's size.
 *
 * <p><b>Edge cases.</b> A missing file is created (its folder must exist: that is a {@link
 * java.nio.file.NoSuchFileException}, and no file is created). A directory is an exception naming
 * it. Unlike the other file tasks, an append is not a rename of a temporary file (that would copy
 * the whole file each time), so a crash or a full disk in the middle of the write can leave part of
 * the text at the end: logs accept this, and readers skip a last line without a terminator.
 *
 * <p><b>Follow-up.</b> <i>"Many processes appending to one log?"</i> With {@code O_APPEND} each
 * write lands whole at the end on a local file system (not on NFS); keep each line one write.
 * <i>"Make it durable?"</i> {@code FileChannel.force} after the write, at a cost per call.
 */
@Task(id = "junior.files.20", title = "Append text to a file, creating it if needed")
public final class AppendText {

  /** How much of the file's end is read to find its line terminator. */
  static final int TAIL = 4096;

  private AppendText() {}

  /**
   * Appends {@code text} to a UTF-8 file as a line of its own (see the newline rule above),
   * creating the file if it does not exist.
   *
   * @return the number of bytes appended
   * @throws IllegalArgumentException if the text has an unpaired surrogate (not encodable)
   * @throws java.nio.file.NoSuchFileException if the file's folder does not exist
   * @throws java.nio.file.FileSystemException if the file is a directory
   */
  public static long append(Path file, String text) throws IOException {
    TextFiles.requireTarget(file, "file");
    byte[] bytes = encode(Objects.requireNonNull(text, "text"));
    Ending ending = endingOf(file);
    var out = new ByteArrayOutputStream(bytes.length + 4);
    byte[] terminator = ending.terminator().getBytes(StandardCharsets.US_ASCII);
    if (!ending.endsWithTerminator()) {
      out.writeBytes(terminator);
    }
    out.writeBytes(bytes);
    if (!text.endsWith("\n") && !text.endsWith("\r")) {
      out.writeBytes(terminator);
    }
    Files.write(file, out.toByteArray(), StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    return out.size();
  }

  private static byte[] encode(String text) {
    try {
      ByteBuffer buffer =
          StandardCharsets.UTF_8
              .newEncoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .encode(CharBuffer.wrap(text));
      byte[] bytes = new byte[buffer.remaining()];
      buffer.get(bytes);
      return bytes;
    } catch (CharacterCodingException e) {
      throw new IllegalArgumentException(
          "text has an unpaired surrogate, which UTF-8 cannot encode", e);
    }
  }

  /**
   * How a file ends.
   *
   * @param endsWithTerminator whether it is empty or ends with a line terminator
   * @param terminator the terminator to use: the file's last one, or {@code \n}
   */
  record Ending(boolean endsWithTerminator, String terminator) {}

  /** How {@code file} ends, from its last {@link #TAIL} bytes; a missing file is empty. */
  static Ending endingOf(Path file) throws IOException {
    if (!Files.exists(file)) {
      return new Ending(true, TextFiles.LF);
    }
    byte[] tail;
    try (SeekableByteChannel channel = Files.newByteChannel(file)) {
      long start = Math.max(0, channel.size() - TAIL);
      ByteBuffer buffer = ByteBuffer.allocate((int) (channel.size() - start));
      channel.position(start);
      while (buffer.hasRemaining() && channel.read(buffer) >= 0) {
        // read until the buffer is full or the file ends
      }
      tail = Arrays.copyOf(buffer.array(), buffer.position());
    }
    if (tail.length == 0) {
      return new Ending(true, TextFiles.LF);
    }
    byte last = tail[tail.length - 1];
    boolean terminated = last == '\n' || last == '\r';
    for (int i = tail.length - 1; i >= 0; i--) {
      if (tail[i] == '\n') { // UTF-8 never uses the bytes \n and \r inside a character
        boolean crlf = i > 0 && tail[i - 1] == '\r';
        return new Ending(terminated, crlf ? TextFiles.CRLF : TextFiles.LF);
      }
    }
    return new Ending(terminated, TextFiles.LF);
  }

  /**
   * Appends the text given as the second argument to the file named by the first, as a line.
   *
   * @throws IllegalArgumentException unless there are exactly two arguments
   */
  public static void main(String... args) throws IOException {
    if (args.length != 2) {
      throw new IllegalArgumentException("usage: junior.files.20 <file> <text>");
    }
    long bytes = append(Args.toPath(args[0]), args[1]);
    System.out.println(bytes + " bytes appended to " + args[0]);
  }
}
