package org.interviewtasks.junior.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.interviewtasks.common.testing.RandomData;
import org.interviewtasks.common.testing.Seeds;
import org.interviewtasks.common.testing.StdStreams;
import org.interviewtasks.junior.files.AppendText.Ending;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class AppendTextTest {

  @TempDir Path dir;

  @Nested
  class Appending {

    @Test
    void createsAMissingFileWithTheTextAsALine() throws IOException {
      Path file = dir.resolve("new.log");

      assertThat(AppendText.append(file, "héllo")).isEqualTo(7);

      assertThat(Files.readString(file)).isEqualTo("héllo\n");
    }

    /** Texts use {@code \n} and {@code \r} escapes; ~ is the empty text. */
    @ParameterizedTest(name = "\"{0}\" + \"{1}\" -> \"{2}\"")
    @CsvSource(
        delimiter = '|',
        value = {
          "a\\n|b|a\\nb\\n|2",
          "a|b|a\\nb\\n|3",
          "~|a|a\\n|2",
          "a\\r\\nb|c|a\\r\\nb\\r\\nc\\r\\n|5",
          "a\\r\\n|c|a\\r\\nc\\r\\n|3",
          "a\\r|b|a\\rb\\n|2",
          "a\\n|b\\n|a\\nb\\n|2",
          "a\\n|b\\r|a\\nb\\r|2",
          "a\\n|~|a\\n\\n|1",
          "a|~|a\\n\\n|2",
          "a\\n|x\\ny|a\\nx\\ny\\n|4",
          "a\\r\\n|x\\ny|a\\r\\nx\\ny\\r\\n|5",
          "a\\nb\\r\\n|c|a\\nb\\r\\nc\\r\\n|3",
          "a\\r\\nb\\n|c|a\\r\\nb\\nc\\n|2"
        })
    void startsTheTextOnItsOwnLineAndEndsItWithTheFilesTerminator(
        String existing, String text, String expected, long bytes) throws IOException {
      Path file = Files.writeString(dir.resolve("log.txt"), unescape(existing));

      assertThat(AppendText.append(file, unescape(text))).isEqualTo(bytes);

      assertThat(Files.readString(file)).isEqualTo(unescape(expected));
    }

    @Test
    void appendsOneLineAfterAnother() throws IOException {
      Path file = dir.resolve("log.txt");

      AppendText.append(file, "one");
      AppendText.append(file, "two");
      AppendText.append(file, "3 ✓");

      assertThat(Files.readString(file)).isEqualTo("one\ntwo\n3 ✓\n");
    }

    @Test
    void onlyTheEndOfTheFileDecidesItsTerminator() throws IOException {
      String far = "x\r\n" + "y".repeat(AppendText.TAIL); // the \r\n is beyond the tail read
      String near = "y".repeat(AppendText.TAIL) + "\r\nz"; // the \r\n is in the tail
      String edge = "\r\n" + "y".repeat(AppendText.TAIL - 2); // the tail is exactly the file
      Path farFile = Files.writeString(dir.resolve("far.txt"), far);
      Path nearFile = Files.writeString(dir.resolve("near.txt"), near);
      Path edgeFile = Files.writeString(dir.resolve("edge.txt"), edge);

      AppendText.append(farFile, "t");
      AppendText.append(nearFile, "t");
      AppendText.append(edgeFile, "t");

      assertThat(Files.readString(farFile)).isEqualTo(far + "\nt\n");
      assertThat(Files.readString(nearFile)).isEqualTo(near + "\r\nt\r\n");
      assertThat(Files.readString(edgeFile)).isEqualTo(edge + "\r\nt\r\n");
    }

    @ParameterizedTest(name = "\"{0}\" -> {1} {2}")
    @CsvSource(
        delimiter = '|',
        value = {
          "~|true|LF",
          "a|false|LF",
          "a\\n|true|LF",
          "a\\r|true|LF",
          "a\\r\\n|true|CRLF",
          "\\r\\na|false|CRLF",
          "\\n\\r|true|LF",
          "\\n|true|LF"
        })
    void readsHowAFileEnds(String content, boolean terminated, String style) throws IOException {
      Path file = Files.writeString(dir.resolve("f.txt"), unescape(content));

      assertThat(AppendText.endingOf(file))
          .isEqualTo(new Ending(terminated, style.equals("LF") ? "\n" : "\r\n"));
    }

    @Test
    void aMissingFileEndsLikeAnEmptyOne() throws IOException {
      assertThat(AppendText.endingOf(dir.resolve("missing"))).isEqualTo(new Ending(true, "\n"));
    }
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void agreesWithTheRuleAppliedToStrings(long seed) throws IOException {
    var random = new SplittableRandom(seed);
    int[] alphabet = RandomData.alphabet("ab é\n\r");
    String existing = RandomData.text(random, 30, alphabet);
    String text = RandomData.text(random, 10, alphabet);
    Path file = Files.writeString(dir.resolve("f-" + seed), existing);

    long bytes = AppendText.append(file, text);

    String terminator =
        existing.contains("\r\n") && existing.lastIndexOf("\r\n") == existing.lastIndexOf('\n') - 1
            ? "\r\n"
            : "\n";
    String separator =
        existing.isEmpty() || existing.endsWith("\n") || existing.endsWith("\r") ? "" : terminator;
    String ending = text.endsWith("\n") || text.endsWith("\r") ? "" : terminator;
    String added = separator + text + ending;
    assertThat(Files.readString(file)).isEqualTo(existing + added);
    assertThat(bytes).isEqualTo(added.getBytes(StandardCharsets.UTF_8).length);
  }

  @Nested
  class Refusing {

    @Test
    void textUtf8CannotEncodeLeavesTheFileUntouchedOrUncreated() throws IOException {
      Path existing = Files.writeString(dir.resolve("log.txt"), "kept");
      Path missing = dir.resolve("missing.txt");

      assertThatIllegalArgumentException()
          .isThrownBy(() -> AppendText.append(existing, "a\uD800b"))
          .withMessage("text has an unpaired surrogate, which UTF-8 cannot encode");
      assertThatIllegalArgumentException()
          .isThrownBy(() -> AppendText.append(missing, "\uDC00"))
          .withMessage("text has an unpaired surrogate, which UTF-8 cannot encode");

      assertThat(Files.readString(existing)).isEqualTo("kept");
      assertThat(missing).doesNotExist();
    }

    @Test
    void aMissingFolderOrADirectoryIsNamed() {
      Path orphan = dir.resolve("no/such/log.txt");

      assertThatThrownBy(() -> AppendText.append(orphan, "x"))
          .isInstanceOf(NoSuchFileException.class)
          .hasMessage(orphan + ": folder " + orphan.getParent() + " does not exist");
      assertThatThrownBy(() -> AppendText.append(dir, "x"))
          .isInstanceOf(FileSystemException.class)
          .hasMessage(dir + ": is a directory, not a file");
      assertThat(dir.resolve("no")).doesNotExist();
    }

    @Test
    void rejectsNulls() {
      assertThatNullPointerException()
          .isThrownBy(() -> AppendText.append(null, "x"))
          .withMessage("file");
      assertThatNullPointerException()
          .isThrownBy(() -> AppendText.append(dir.resolve("a"), null))
          .withMessage("text");
    }
  }

  @Nested
  class Main {

    @Test
    void appendsTheTextAsALine() throws Exception {
      Path file = Files.writeString(dir.resolve("log.txt"), "first");

      var printed = StdStreams.capture(() -> AppendText.main(file.toString(), "second"));

      assertThat(printed.out()).isEqualTo("8 bytes appended to " + file + System.lineSeparator());
      assertThat(Files.readString(file)).isEqualTo("first\nsecond\n");
    }

    @Test
    void needsTwoArguments() {
      assertThatIllegalArgumentException()
          .isThrownBy(() -> AppendText.main(dir.resolve("log.txt").toString()))
          .withMessage("usage: junior.files.20 <file> <text>");
      assertThatIllegalArgumentException()
          .isThrownBy(() -> AppendText.main(dir.resolve("log.txt").toString(), "a", "b"))
          .withMessage("usage: junior.files.20 <file> <text>");
    }
  }

  private static String unescape(String escaped) {
    return escaped.replace("\\n", "\n").replace("\\r", "\r").replace("~", "");
  }

  static LongStream seeds() {
    return Seeds.derive(200);
  }
}
