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
import org.junit.jupiter.params.provider.ValueSource;

class RemoveBlankLinesTest {

  @TempDir Path dir;

  @Nested
  class Removing {

    /** Texts use {@code \n}, {@code \r}, {@code \t} escapes; ~ is the empty text. */
    @ParameterizedTest(name = "\"{0}\" -> \"{1}\" ({2} removed)")
    @CsvSource(
        delimiter = '|',
        value = {
          "a\\n\\nb\\n|a\\nb\\n|1",
          "a\\r\\n\\r\\n  \\r\\nb|a\\r\\nb|2",
          "a\\n\\n|a\\n|1",
          "a\\n  \\t |a\\n|1",
          "\\n\\n\\n|~|3",
          "~|~|0",
          "a\\rb\\r\\r|a\\rb\\r|1",
          "  x  \\n\\n y|  x  \\n y|1",
          "no blank lines\\nat all|no blank lines\\nat all|0"
        })
    void removesBlankLinesAndKeepsTheRestByteForByte(String text, String expected, long removed)
        throws IOException {
      Path file = write(unescape(text));

      assertThat(RemoveBlankLines.removeBlankLines(file)).isEqualTo(removed);

      assertThat(Files.readAllBytes(file))
          .isEqualTo(unescape(expected).getBytes(StandardCharsets.UTF_8));
    }

    @ParameterizedTest(name = "U+{0}")
    @ValueSource(
        ints = {0x20, 0x09, 0x0B, 0x0C, 0x1C, 0xA0, 0x1680, 0x2003, 0x2007, 0x202F, 0x3000})
    void unicodeWhitespaceAndNoBreakSpacesAreBlank(int space) {
      assertThat(RemoveBlankLines.isBlank(Character.toString(space).repeat(2))).isTrue();
    }

    @ParameterizedTest(name = "U+{0}")
    @ValueSource(ints = {0x200B, 0xFEFF, 0x2060, 0x5F, 0x2E, 0x1F600})
    void formattingCharactersAndVisibleOnesAreNotBlank(int character) {
      assertThat(RemoveBlankLines.isBlank(" " + Character.toString(character) + " ")).isFalse();
    }

    @Test
    void theEmptyStringIsBlank() {
      assertThat(RemoveBlankLines.isBlank("")).isTrue();
      assertThatNullPointerException()
          .isThrownBy(() -> RemoveBlankLines.isBlank(null))
          .withMessage("text");
    }

    @Test
    void writesIntoAnotherFileAndLeavesTheSource() throws IOException {
      Path source = write("a\n\nb\n");
      Path target = dir.resolve("clean.txt");

      assertThat(RemoveBlankLines.removeBlankLines(source, target)).isEqualTo(1);

      assertThat(Files.readString(target)).isEqualTo("a\nb\n");
      assertThat(Files.readString(source)).isEqualTo("a\n\nb\n");
    }
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void agreesWithFilteringTheLinesInMemory(long seed) throws IOException {
    String text =
        RandomData.text(
            new SplittableRandom(seed), 200, RandomData.alphabet("a \t\u00a0\u3000\u200b\n\r"));
    Path file = write(text);
    var expected = new StringBuilder();
    long blank = 0;
    // Split after each terminator (\r\n kept whole), the way an editor sees lines.
    for (String line : text.split("(?<=\\r\\n)|(?<=\\r)(?!\\n)|(?<=\\n)", -1)) {
      String body = line.replaceAll("[\\r\\n]+$", "");
      if (line.isEmpty()) {
        continue;
      }
      if (body.chars().allMatch(c -> " \t\u00a0\u3000".indexOf(c) >= 0)) {
        blank++;
      } else {
        expected.append(line);
      }
    }

    assertThat(RemoveBlankLines.removeBlankLines(file)).isEqualTo(blank);

    assertThat(Files.readString(file)).isEqualTo(expected.toString());
  }

  @Nested
  class Failing {

    @Test
    void aFileThatIsNotUtf8IsLeftByteForByteWithNoTemporaryFile() throws IOException {
      byte[] broken = {'a', '\n', '\n', (byte) 0xE9, '\n'};
      Path file = Files.write(dir.resolve("latin1.txt"), broken);

      assertThatThrownBy(() -> RemoveBlankLines.removeBlankLines(file))
          .isInstanceOf(MalformedFileException.class)
          .hasMessage(file + ": not valid UTF-8 text");

      assertThat(Files.readAllBytes(file)).isEqualTo(broken);
      assertThat(TestFiles.names(dir)).containsExactly("latin1.txt");
    }

    @Test
    void aMissingSourceOrTargetFolderIsNamed() throws IOException {
      Path missing = dir.resolve("missing.txt");
      Path target = dir.resolve("nowhere/clean.txt");

      assertThatThrownBy(() -> RemoveBlankLines.removeBlankLines(missing))
          .isInstanceOf(NoSuchFileException.class)
          .hasMessage(missing + ": no such file");
      assertThatThrownBy(() -> RemoveBlankLines.removeBlankLines(write("a"), target))
          .isInstanceOf(NoSuchFileException.class)
          .hasMessage(target + ": folder " + target.getParent() + " does not exist");
    }

    @Test
    void rejectsNulls() throws IOException {
      Path file = write("a");

      assertThatNullPointerException()
          .isThrownBy(() -> RemoveBlankLines.removeBlankLines(null))
          .withMessage("source");
      assertThatNullPointerException()
          .isThrownBy(() -> RemoveBlankLines.removeBlankLines(file, null))
          .withMessage("target");
    }
  }

  @Nested
  class Main {

    @Test
    void removesInPlaceOrIntoATarget() throws Exception {
      Path file = write("a\n\n\nb");
      Path other = write("a\n\nb");
      Path target = dir.resolve("out.txt");

      String n = System.lineSeparator();
      assertThat(StdStreams.capture(() -> RemoveBlankLines.main(file.toString())).out())
          .isEqualTo("2 blank lines removed" + n);
      assertThat(
              StdStreams.capture(() -> RemoveBlankLines.main(other.toString(), target.toString()))
                  .out())
          .isEqualTo("1 blank line removed" + n);
      assertThat(Files.readString(file)).isEqualTo("a\nb");
      assertThat(Files.readString(target)).isEqualTo("a\nb");
      assertThat(Files.readString(other)).isEqualTo("a\n\nb");
    }

    @Test
    void rejectsBadArguments() {
      assertThatIllegalArgumentException()
          .isThrownBy(RemoveBlankLines::main)
          .withMessage("usage: junior.files.12 <file> [target]");
      assertThatIllegalArgumentException()
          .isThrownBy(() -> RemoveBlankLines.main("a", "b", "c"))
          .withMessage("usage: junior.files.12 <file> [target]");
    }
  }

  private static String unescape(String escaped) {
    return escaped.replace("\\n", "\n").replace("\\r", "\r").replace("\\t", "\t").replace("~", "");
  }

  private Path write(String text) throws IOException {
    return Files.writeString(Files.createTempFile(dir, "text", ".txt"), text);
  }

  static LongStream seeds() {
    return Seeds.derive(200);
  }
}
