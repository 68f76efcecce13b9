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

class FindReplaceTest {

  @TempDir Path dir;

  @Nested
  class Replacing {

    /** Texts use {@code \n} and {@code \r} escapes. */
    @ParameterizedTest(name = "\"{0}\": {1} -> {2} = \"{3}\" ({4})")
    @CsvSource(
        delimiter = '|',
        quoteCharacter = '"',
        value = {
          "the cat sat|cat|dog|the dog sat|1",
          "concatenate a cat|cat|dog|condogenate a dog|2",
          "Cat cat CAT|cat|dog|Cat dog CAT|1",
          "aaa|aa|X|Xa|1",
          "aaaa|aa|X|XX|2",
          "a.b axb|a.b|!|! axb|1",
          "(x) x|(x)|y|y x|1",
          "price: 5|5|$1|price: $1|1",
          "go to x|x|C:\\dir|go to C:\\dir|1",
          "x \\E y|\\E|e|x e y|1",
          "one\\ntwo one\\r\\none|one|1|1\\ntwo 1\\r\\n1|3",
          "no match here|zzz|y|no match here|0",
          "\"\"|x|y|\"\"|0",
          "café CAFÉ|é|e|cafe CAFÉ|1",
          "a😀b😀|😀|-|a-b-|2",
          "remove me|\" me\"|\"\"|remove|1",
          "line|line|two\\nlines|two\\nlines|1"
        })
    void replacesEverySubstringLiterally(
        String text, String find, String replacement, String expected, long count)
        throws IOException {
      Path file = write(unescape(text));

      assertThat(FindReplace.replace(file, find, unescape(replacement))).isEqualTo(count);

      assertThat(Files.readString(file)).isEqualTo(unescape(expected));
    }

    @Test
    void keepsEveryLineEndingAndAMissingLastOne() throws IOException {
      Path file = write("a x\r\nx\rb\n\nx");

      assertThat(FindReplace.replace(file, "x", "yy")).isEqualTo(3);

      assertThat(Files.readAllBytes(file))
          .isEqualTo("a yy\r\nyy\rb\n\nyy".getBytes(StandardCharsets.UTF_8));
      assertThat(TestFiles.names(dir)).hasSize(1);
    }
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void agreesWithStringReplaceOnTheWholeText(long seed) throws IOException {
    var random = new SplittableRandom(seed);
    int[] alphabet = RandomData.alphabet("ab.$\\é😀 \n\r");
    String text = RandomData.text(random, 300, alphabet);
    String find = RandomData.text(random, 2, RandomData.alphabet("ab.$\\é😀")) + "a";
    String replacement = RandomData.text(random, 3, alphabet);
    Path file = write(text);

    long count = FindReplace.replace(file, find, replacement);

    assertThat(Files.readString(file)).isEqualTo(text.replace(find, replacement));
    assertThat(count).isEqualTo((text.length() - text.replace(find, "").length()) / find.length());
  }

  @Nested
  class Refusing {

    @Test
    void anEmptyTextOrOneWithALineBreakCannotBeFound() throws IOException {
      Path file = write("a\nb");

      assertThatIllegalArgumentException()
          .isThrownBy(() -> FindReplace.replace(file, "", "x"))
          .withMessage("the text to find is empty");
      assertThatIllegalArgumentException()
          .isThrownBy(() -> FindReplace.replace(file, "a\nb", "x"))
          .withMessage("the text to find must not contain a line break");
      assertThatIllegalArgumentException()
          .isThrownBy(() -> FindReplace.replace(file, "\r", "x"))
          .withMessage("the text to find must not contain a line break");
      assertThatIllegalArgumentException()
          .isThrownBy(() -> FindReplace.replace(file, "\nb", "x"))
          .withMessage("the text to find must not contain a line break");

      assertThat(Files.readString(file)).isEqualTo("a\nb");
    }

    @Test
    void aFileThatIsNotUtf8IsLeftByteForByteWithNoTemporaryFile() throws IOException {
      byte[] content = ("x".repeat(20_000) + "\n").getBytes(StandardCharsets.UTF_8);
      byte[] broken = new byte[content.length + 2];
      System.arraycopy(content, 0, broken, 0, content.length);
      broken[content.length] = (byte) 0xE9;
      broken[content.length + 1] = 'x';
      Path file = Files.write(dir.resolve("latin1.txt"), broken);

      assertThatThrownBy(() -> FindReplace.replace(file, "x", "y"))
          .isInstanceOf(MalformedFileException.class)
          .hasMessage(file + ": not valid UTF-8 text");

      assertThat(Files.readAllBytes(file)).isEqualTo(broken);
      assertThat(TestFiles.names(dir)).containsExactly("latin1.txt");
    }

    @Test
    void aMissingFileIsNamed() {
      Path missing = dir.resolve("missing.txt");

      assertThatThrownBy(() -> FindReplace.replace(missing, "a", "b"))
          .isInstanceOf(NoSuchFileException.class)
          .hasMessage(missing + ": no such file");
      assertThat(missing).doesNotExist();
    }

    @Test
    void rejectsNulls() throws IOException {
      Path file = write("a");

      assertThatNullPointerException()
          .isThrownBy(() -> FindReplace.replace(null, "a", "b"))
          .withMessage("file");
      assertThatNullPointerException()
          .isThrownBy(() -> FindReplace.replace(file, null, "b"))
          .withMessage("find");
      assertThatNullPointerException()
          .isThrownBy(() -> FindReplace.replace(file, "a", null))
          .withMessage("replacement");
    }
  }

  @Nested
  class Main {

    @Test
    void replacesAndSaysHowOften() throws Exception {
      Path one = write("a b");
      Path two = write("a a");
      Path none = write("b");

      String n = System.lineSeparator();
      assertThat(StdStreams.capture(() -> FindReplace.main(one.toString(), "a", "c")).out())
          .isEqualTo("1 occurrence replaced" + n);
      assertThat(StdStreams.capture(() -> FindReplace.main(two.toString(), "a", "c")).out())
          .isEqualTo("2 occurrences replaced" + n);
      assertThat(StdStreams.capture(() -> FindReplace.main(none.toString(), "a", "c")).out())
          .isEqualTo("0 occurrences replaced" + n);
      assertThat(Files.readString(two)).isEqualTo("c c");
    }

    @Test
    void needsThreeArguments() {
      assertThatIllegalArgumentException()
          .isThrownBy(() -> FindReplace.main("f", "a"))
          .withMessage("usage: junior.files.9 <file> <find> <replacement>");
      assertThatIllegalArgumentException()
          .isThrownBy(() -> FindReplace.main("f", "a", "b", "c"))
          .withMessage("usage: junior.files.9 <file> <find> <replacement>");
    }
  }

  private static String unescape(String escaped) {
    return escaped.replace("\\n", "\n").replace("\\r", "\r");
  }

  private Path write(String text) throws IOException {
    return Files.writeString(Files.createTempFile(dir, "text", ".txt"), text);
  }

  static LongStream seeds() {
    return Seeds.derive(200);
  }
}
