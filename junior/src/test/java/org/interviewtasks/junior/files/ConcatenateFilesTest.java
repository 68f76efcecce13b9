package org.interviewtasks.junior.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.interviewtasks.common.testing.RandomData;
import org.interviewtasks.common.testing.Seeds;
import org.interviewtasks.common.testing.StdStreams;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class ConcatenateFilesTest {

  @TempDir Path dir;

  @Nested
  class Concatenating {

    /** Contents are separated by {@code +}, use {@code \n} and {@code \r} escapes; ~ is empty. */
    @ParameterizedTest(name = "{0} -> \"{1}\" ({2} lines)")
    @CsvSource(
        delimiter = '|',
        value = {
          "a\\n+b\\n|a\\nb\\n|2",
          "x+y|x\\ny|2",
          "p\\r\\nq+r|p\\r\\nq\\r\\nr|3",
          "p\\rq+r\\n|p\\rq\\rr\\n|3",
          "x+~+y|x\\ny|2",
          "~+a|a|1",
          "a+~|a|1",
          "a\\n\\n+\\nb|a\\n\\n\\nb|4",
          "one|one|1",
          "é😀+中\\r\\n|é😀\\n中\\r\\n|2",
          "~+~|~|0"
        })
    void joinsFilesKeepingTheirLinesApart(String contents, String expected, long lines)
        throws IOException {
      List<Path> sources = new ArrayList<>();
      for (String content : contents.split("\\+", -1)) {
        sources.add(write(unescape(content)));
      }
      Path target = dir.resolve("all.txt");

      assertThat(ConcatenateFiles.concatenate(sources, target)).isEqualTo(lines);

      assertThat(Files.readString(target)).isEqualTo(unescape(expected));
    }

    @Test
    void noSourcesGiveAnEmptyTarget() throws IOException {
      Path target = Files.writeString(dir.resolve("all.txt"), "old");

      assertThat(ConcatenateFiles.concatenate(List.of(), target)).isZero();

      assertThat(target).isEmptyFile();
    }

    @Test
    void theTargetMayBeOneOfTheSources() throws IOException {
      Path a = write("first\n");
      Path b = write("second\n");

      ConcatenateFiles.concatenate(List.of(a, b, a), a);

      assertThat(Files.readString(a)).isEqualTo("first\nsecond\nfirst\n");
    }
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void agreesWithJoiningTheTextsInMemory(long seed) throws IOException {
    var random = new SplittableRandom(seed);
    int[] alphabet = RandomData.alphabet("ab é😀\n\r");
    List<String> texts = new ArrayList<>();
    List<Path> sources = new ArrayList<>();
    for (int i = random.nextInt(5); i > 0; i--) {
      String text = RandomData.text(random, 40, alphabet);
      texts.add(text);
      sources.add(write(text));
    }
    Path target = dir.resolve("target-" + seed);

    long lines = ConcatenateFiles.concatenate(sources, target);

    String expected = naive(texts);
    assertThat(Files.readString(target)).isEqualTo(expected);
    assertThat(lines).isEqualTo(texts.stream().mapToLong(text -> text.lines().count()).sum());
  }

  @Nested
  class Failing {

    @Test
    void aMissingSourceIsFoundBeforeAnythingIsWritten() throws IOException {
      Path target = Files.writeString(dir.resolve("all.txt"), "kept");
      Path missing = dir.resolve("missing.txt");
      List<Path> sources = List.of(write("a"), write("b"), missing);

      assertThatThrownBy(() -> ConcatenateFiles.concatenate(sources, target))
          .isInstanceOf(NoSuchFileException.class)
          .hasMessage(missing + ": no such file");

      assertThat(Files.readString(target)).isEqualTo("kept");
    }

    @Test
    void aSourceThatIsNotUtf8LeavesTheTargetAndNoTemporaryFile() throws IOException {
      Path folder = Files.createDirectory(dir.resolve("out"));
      Path target = Files.writeString(folder.resolve("all.txt"), "kept");
      Path latin1 = dir.resolve("latin1.txt");
      Files.write(latin1, new byte[] {'c', 'a', 'f', (byte) 0xE9});

      assertThatThrownBy(() -> ConcatenateFiles.concatenate(List.of(write("a\n"), latin1), target))
          .isInstanceOf(MalformedFileException.class)
          .hasMessage(latin1 + ": not valid UTF-8 text");

      assertThat(Files.readAllBytes(target)).isEqualTo("kept".getBytes(StandardCharsets.UTF_8));
      assertThat(TestFiles.names(folder)).containsExactly("all.txt");
    }

    @Test
    void rejectsNulls() throws IOException {
      Path a = write("a");
      Path target = dir.resolve("all.txt");

      assertThatNullPointerException()
          .isThrownBy(() -> ConcatenateFiles.concatenate(null, target))
          .withMessage("sources");
      assertThatNullPointerException()
          .isThrownBy(() -> ConcatenateFiles.concatenate(Arrays.asList(a, null), target))
          .withMessage("source 1");
      assertThatNullPointerException()
          .isThrownBy(() -> ConcatenateFiles.concatenate(List.of(a), null))
          .withMessage("target");
    }
  }

  @Nested
  class Main {

    @Test
    void concatenatesTheFilesAfterTheTarget() throws Exception {
      Path a = write("a");
      Path b = write("b\n");
      Path target = dir.resolve("all.txt");

      var printed =
          StdStreams.capture(
              () -> ConcatenateFiles.main(target.toString(), a.toString(), b.toString()));

      assertThat(printed.out()).isEqualTo("2 lines written to " + target + System.lineSeparator());
      assertThat(Files.readString(target)).isEqualTo("a\nb\n");
    }

    @Test
    void oneSourceIsEnough() throws Exception {
      Path a = write("only");
      Path target = dir.resolve("copy.txt");

      StdStreams.capture(() -> ConcatenateFiles.main(target.toString(), a.toString()));

      assertThat(Files.readString(target)).isEqualTo("only");
    }

    @Test
    void needsATargetAndASource() {
      assertThatIllegalArgumentException()
          .isThrownBy(() -> ConcatenateFiles.main(dir.resolve("all.txt").toString()))
          .withMessage("usage: junior.files.10 <target> <source> [source...]");
    }
  }

  /**
   * The rule written another way: glue the texts, adding the last terminator of a text that does
   * not end with one when a non-empty text follows.
   */
  private static String naive(List<String> texts) {
    var all = new StringBuilder();
    String pending = "";
    for (String text : texts) {
      if (text.isEmpty()) {
        continue;
      }
      all.append(pending).append(text);
      boolean terminated = text.endsWith("\n") || text.endsWith("\r");
      int lf = text.lastIndexOf('\n');
      int cr = text.lastIndexOf('\r');
      String last;
      if (lf < 0 && cr < 0) {
        last = "\n";
      } else if (lf > cr) {
        last = lf > 0 && text.charAt(lf - 1) == '\r' ? "\r\n" : "\n";
      } else {
        last = "\r";
      }
      pending = terminated ? "" : last;
    }
    return all.toString();
  }

  private static String unescape(String escaped) {
    return escaped.replace("\\n", "\n").replace("\\r", "\r").replace("~", "");
  }

  private Path write(String text) throws IOException {
    return Files.writeString(Files.createTempFile(dir, "part", ".txt"), text);
  }

  static LongStream seeds() {
    return Seeds.derive(200);
  }
}
