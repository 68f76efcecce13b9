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

class ReplaceWordTest {

  @TempDir Path dir;

  @Nested
  class WholeWords {

    @ParameterizedTest(name = "\"{0}\": {1} -> {2} = \"{3}\" ({4})")
    @CsvSource(
        delimiter = '|',
        quoteCharacter = '~', // the texts are full of apostrophes
        value = {
          "the cat sat|cat|dog|the dog sat|1",
          "cat. (cat) \"cat\"|cat|dog|dog. (dog) \"dog\"|3",
          "concatenate cats bobcat|cat|dog|concatenate cats bobcat|0",
          "the cat's toy|cat|dog|the cat's toy|0",
          "the cats' toy|cats|dogs|the dogs' toy|1",
          "'cat' cat’s|cat|dog|'dog' cat’s|1",
          "don't do it|don|will|don't do it|0",
          "don't do it|don't|do|do do it|1",
          "cat-like cat_x|cat|dog|dog-like dog_x|2",
          "Cat CAT cat|cat|dog|Cat CAT dog|1",
          "cat2 2cat cat 2|cat|dog|cat2 2cat dog 2|1",
          "écat caté cat|cat|dog|écat caté dog|1",
          "cat\u0301 cat|cat|dog|cat\u0301 dog|1",
          "c++ and c|c++|C++|C++ and c|1",
          "costs $5 or $50|$5|five|costs five or $50|1",
          "a.b axb|a.b|x|x axb|1",
          "x \\E y|\\E|e|x e y|1",
          "pay it|it|$1\\0|pay $1\\0|1",
          "😀cat😀|cat|dog|😀dog😀|1"
        })
    void replacesOnlyWholeWordsLiterally(
        String text, String word, String replacement, String expected, long count)
        throws IOException {
      Path file = write(text);

      assertThat(ReplaceWord.replace(file, word, replacement)).isEqualTo(count);

      assertThat(Files.readString(file)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "\"{0}\": {1} -> {2} = \"{3}\"")
    @CsvSource(
        delimiter = '|',
        value = {
          "Cat CAT cat cats|cat|dog|dog dog dog cats",
          "Ärger ärger ÄRGER|ärger|x|x x x",
          "ΣΟΦΙΑ σοφια|σοφια|s|s s"
        })
    void ignoresCaseWhenAsked(String text, String word, String replacement, String expected)
        throws IOException {
      Path file = write(text);

      ReplaceWord.replace(file, word, replacement, true);

      assertThat(Files.readString(file)).isEqualTo(expected);
    }

    @Test
    void keepsLineEndingsAndAMissingLastOne() throws IOException {
      Path file = write("cat\r\ncat cat\rx\n\ncat");

      assertThat(ReplaceWord.replace(file, "cat", "dog")).isEqualTo(4);

      assertThat(Files.readAllBytes(file))
          .isEqualTo("dog\r\ndog dog\rx\n\ndog".getBytes(StandardCharsets.UTF_8));
    }
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void agreesWithReplacingTheTokensOfAHandWrittenTokenizer(long seed) throws IOException {
    var random = new SplittableRandom(seed);
    String text = RandomData.text(random, 200, RandomData.alphabet("abé '’-\n"));
    String word = RandomData.text(random, 2, RandomData.alphabet("abé")) + "a";
    Path file = write(text);

    long count = ReplaceWord.replace(file, word, "<X>");

    var expected = new StringBuilder();
    long tokens = replaceTokens(text, word, "<X>", expected);
    assertThat(Files.readString(file)).isEqualTo(expected.toString());
    assertThat(count).isEqualTo(tokens);
  }

  @Nested
  class Refusing {

    @Test
    void anEmptyWordOrOneWithALineBreak() throws IOException {
      Path file = write("a");

      assertThatIllegalArgumentException()
          .isThrownBy(() -> ReplaceWord.replace(file, "", "x"))
          .withMessage("word is empty");
      assertThatIllegalArgumentException()
          .isThrownBy(() -> ReplaceWord.replace(file, "a\nb", "x"))
          .withMessage("word must not contain a line break");
      assertThatIllegalArgumentException()
          .isThrownBy(() -> ReplaceWord.replace(file, "a\r", "x"))
          .withMessage("word must not contain a line break");
      assertThatIllegalArgumentException()
          .isThrownBy(() -> ReplaceWord.replace(file, "\na", "x"))
          .withMessage("word must not contain a line break");
      assertThatIllegalArgumentException()
          .isThrownBy(() -> ReplaceWord.replace(file, "\ra", "x"))
          .withMessage("word must not contain a line break");
    }

    @Test
    void aFileThatIsNotUtf8IsLeftByteForByte() throws IOException {
      byte[] broken = {'c', 'a', 't', '\n', (byte) 0xE9};
      Path file = Files.write(dir.resolve("latin1.txt"), broken);

      assertThatThrownBy(() -> ReplaceWord.replace(file, "cat", "dog"))
          .isInstanceOf(MalformedFileException.class)
          .hasMessage(file + ": not valid UTF-8 text");

      assertThat(Files.readAllBytes(file)).isEqualTo(broken);
      assertThat(TestFiles.names(dir)).containsExactly("latin1.txt");
    }

    @Test
    void missingFilesAndNullsAreNamed() throws IOException {
      Path missing = dir.resolve("missing.txt");
      Path file = write("a");

      assertThatThrownBy(() -> ReplaceWord.replace(missing, "a", "b"))
          .isInstanceOf(NoSuchFileException.class)
          .hasMessage(missing + ": no such file");
      assertThatNullPointerException()
          .isThrownBy(() -> ReplaceWord.replace(null, "a", "b"))
          .withMessage("file");
      assertThatNullPointerException()
          .isThrownBy(() -> ReplaceWord.replace(file, null, "b"))
          .withMessage("word");
      assertThatNullPointerException()
          .isThrownBy(() -> ReplaceWord.replace(file, "a", null))
          .withMessage("replacement");
    }
  }

  @Nested
  class Main {

    @Test
    void replacesAndSaysHowMany() throws Exception {
      Path file = write("Cat cat");

      String n = System.lineSeparator();
      assertThat(StdStreams.capture(() -> ReplaceWord.main(file.toString(), "cat", "dog")).out())
          .isEqualTo("1 word replaced" + n);
      assertThat(
              StdStreams.capture(
                      () -> ReplaceWord.main(file.toString(), "DOG", "cow", "--ignore-case"))
                  .out())
          .isEqualTo("1 word replaced" + n);
      assertThat(
              StdStreams.capture(
                      () -> ReplaceWord.main(file.toString(), "cat", "x", "--ignore-case"))
                  .out())
          .isEqualTo("1 word replaced" + n);
      assertThat(StdStreams.capture(() -> ReplaceWord.main(file.toString(), "y", "z")).out())
          .isEqualTo("0 words replaced" + n);
      assertThat(Files.readString(file)).isEqualTo("x cow");
    }

    @Test
    void rejectsBadArguments() {
      String usage = "usage: junior.files.17 <file> <word> <replacement> [--ignore-case]";
      assertThatIllegalArgumentException()
          .isThrownBy(() -> ReplaceWord.main("f", "a"))
          .withMessage(usage);
      assertThatIllegalArgumentException()
          .isThrownBy(() -> ReplaceWord.main("f", "a", "b", "-i"))
          .withMessage(usage);
      assertThatIllegalArgumentException()
          .isThrownBy(() -> ReplaceWord.main("f", "a", "b", "--ignore-case", "x"))
          .withMessage(usage);
    }
  }

  /**
   * The oracle: letters {@code a b é} make words, an apostrophe joins two letters, anything else
   * separates; tokens equal to {@code word} are replaced. Returns how many.
   */
  private static long replaceTokens(
      String text, String word, String replacement, StringBuilder out) {
    long count = 0;
    int i = 0;
    while (i < text.length()) {
      if (!isLetter(text.charAt(i))) {
        out.append(text.charAt(i++));
        continue;
      }
      int end = i;
      while (end < text.length()
          && (isLetter(text.charAt(end))
              || (isApostrophe(text.charAt(end))
                  && end + 1 < text.length()
                  && isLetter(text.charAt(end + 1))))) {
        end++;
      }
      String token = text.substring(i, end);
      if (token.equals(word)) {
        out.append(replacement);
        count++;
      } else {
        out.append(token);
      }
      i = end;
    }
    return count;
  }

  private static boolean isLetter(char c) {
    return c == 'a' || c == 'b' || c == 'é';
  }

  private static boolean isApostrophe(char c) {
    return c == '\'' || c == '’';
  }

  private Path write(String text) throws IOException {
    return Files.writeString(Files.createTempFile(dir, "text", ".txt"), text);
  }

  static LongStream seeds() {
    return Seeds.derive(200);
  }
}
