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
import java.util.Locale;
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

class UppercaseContentsTest {

  @TempDir Path dir;

  @Nested
  class Converting {

    @ParameterizedTest(name = "\"{0}\" -> \"{1}\"")
    @CsvSource(
        delimiter = '|',
        value = {
          "hello world|HELLO WORLD",
          "Straße|STRASSE",
          "ﬁle|FILE",
          "title|TITLE",
          "élan çà|ÉLAN ÇÀ",
          "привет|ПРИВЕТ",
          "123 中文 😀|123 中文 😀",
          "ǆ|Ǆ"
        })
    void upperCasesByRootLocaleRules(String text, String expected) throws IOException {
      Path source = write(text);
      Path target = dir.resolve("upper.txt");

      UppercaseContents.uppercase(source, target);

      assertThat(Files.readString(target)).isEqualTo(expected);
      assertThat(Files.readString(source)).isEqualTo(text);
    }

    @Test
    void keepsLineEndingsAndAMissingLastOne() throws IOException {
      Path source = write("a\r\nb\rc\n\nd");
      Path target = dir.resolve("upper.txt");

      UppercaseContents.uppercase(source, target);

      assertThat(Files.readAllBytes(target))
          .isEqualTo("A\r\nB\rC\n\nD".getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void theDefaultLocaleDoesNotMatterButAGivenOneDoes() throws IOException {
      Path source = write("title");
      Path root = dir.resolve("root.txt");
      Path turkish = dir.resolve("turkish.txt");
      Locale before = Locale.getDefault();
      try {
        Locale.setDefault(Locale.forLanguageTag("tr"));

        UppercaseContents.uppercase(source, root);
        UppercaseContents.uppercase(source, turkish, Locale.forLanguageTag("tr"));
      } finally {
        Locale.setDefault(before);
      }

      assertThat(Files.readString(root)).isEqualTo("TITLE");
      assertThat(Files.readString(turkish)).isEqualTo("TİTLE");
    }

    @Test
    void theTargetMayBeTheSource() throws IOException {
      Path file = write("in place\n");

      UppercaseContents.uppercase(file, file);

      assertThat(Files.readString(file)).isEqualTo("IN PLACE\n");
    }

    @Test
    void anEmptyFileGivesAnEmptyFile() throws IOException {
      Path target = dir.resolve("upper.txt");

      UppercaseContents.uppercase(write(""), target);

      assertThat(target).isEmptyFile();
    }
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void agreesWithUpperCasingTheWholeText(long seed) throws IOException {
    String text = RandomData.text(new SplittableRandom(seed), 300) + "\r\n" + "ßﬁ";
    Path target = dir.resolve("upper-" + seed);

    UppercaseContents.uppercase(write(text), target);

    assertThat(Files.readString(target)).isEqualTo(text.toUpperCase(Locale.ROOT));
  }

  @Nested
  class Failing {

    @Test
    void aSourceThatIsNotUtf8LeavesTheTargetByteForByteAndNoTemporaryFile() throws IOException {
      Path folder = Files.createDirectory(dir.resolve("out"));
      byte[] old = "old content\n".getBytes(StandardCharsets.UTF_8);
      Path target = Files.write(folder.resolve("upper.txt"), old);
      byte[] broken = ("a".repeat(50_000) + "\n").getBytes(StandardCharsets.UTF_8);
      broken[40_000] = (byte) 0xFF;
      Path source = Files.write(dir.resolve("latin1.txt"), broken);

      assertThatThrownBy(() -> UppercaseContents.uppercase(source, target))
          .isInstanceOf(MalformedFileException.class)
          .hasMessage(source + ": not valid UTF-8 text");

      assertThat(Files.readAllBytes(target)).isEqualTo(old);
      assertThat(TestFiles.names(folder)).containsExactly("upper.txt");
    }

    @Test
    void missingFilesAndDirectoriesAreNamed() throws IOException {
      Path missing = dir.resolve("missing.txt");
      Path source = write("a");

      assertThatThrownBy(() -> UppercaseContents.uppercase(missing, dir.resolve("t.txt")))
          .isInstanceOf(NoSuchFileException.class)
          .hasMessage(missing + ": no such file");
      assertThatThrownBy(() -> UppercaseContents.uppercase(source, dir))
          .isInstanceOf(FileSystemException.class)
          .hasMessage(dir + ": is a directory, not a file");
      assertThat(dir.resolve("t.txt")).doesNotExist();
    }

    @Test
    void rejectsNulls() throws IOException {
      Path source = write("a");
      Path target = dir.resolve("t.txt");

      assertThatNullPointerException()
          .isThrownBy(() -> UppercaseContents.uppercase(null, target))
          .withMessage("source");
      assertThatNullPointerException()
          .isThrownBy(() -> UppercaseContents.uppercase(source, null))
          .withMessage("target");
      assertThatNullPointerException()
          .isThrownBy(() -> UppercaseContents.uppercase(source, target, null))
          .withMessage("locale");
    }
  }

  @Nested
  class Main {

    @Test
    void writesTheTarget() throws Exception {
      Path source = write("abc");
      Path target = dir.resolve("upper.txt");

      var printed =
          StdStreams.capture(() -> UppercaseContents.main(source.toString(), target.toString()));

      assertThat(printed.out()).isEqualTo("written to " + target + System.lineSeparator());
      assertThat(Files.readString(target)).isEqualTo("ABC");
    }

    @Test
    void needsTwoArguments() {
      assertThatIllegalArgumentException()
          .isThrownBy(() -> UppercaseContents.main("a"))
          .withMessage("usage: junior.files.14 <source> <target>");
    }
  }

  private Path write(String text) throws IOException {
    return Files.writeString(Files.createTempFile(dir, "text", ".txt"), text);
  }

  static LongStream seeds() {
    return Seeds.derive(200);
  }
}
