package org.interviewtasks.junior.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.stream.LongStream;
import org.interviewtasks.common.testing.RandomData;
import org.interviewtasks.common.testing.Seeds;
import org.interviewtasks.common.testing.StdStreams;
import org.interviewtasks.junior.files.LetterFrequency.LetterCount;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class LetterFrequencyTest {

  @TempDir Path dir;

  @Nested
  class Counting {

    /** Expected counts are written {@code letter=count}, most common first. */
    @ParameterizedTest(name = "\"{0}\" -> {1}")
    @CsvSource(
        delimiter = '|',
        quoteCharacter = '"',
        value = {
          "\"\"|\"\"",
          "Hello, World!|l=3 o=2 d=1 e=1 h=1 r=1 w=1",
          "AaAa bB|a=4 b=2",
          "123 !? 😀 _|\"\"",
          "ΣσςΣ|σ=4",
          "Straße STRASSE|s=4 a=2 e=2 r=2 t=2 ß=1",
          "Жжж 中中|ж=3 中=2",
          "cafe\u0301 café|a=2 c=2 f=2 é=2",
          "𝔘𝔘x|𝔘=2 x=1"
        })
    void countsEveryLetterIgnoringCase(String text, String expected) throws IOException {
      assertThat(show(LetterFrequency.counts(write(text)))).isEqualTo(expected);
    }

    @Test
    void topFiveOfAText() throws IOException {
      Path file = write("The quick brown fox jumps over the lazy dog.\nTHE END\n");

      assertThat(LetterFrequency.top5(file))
          .containsExactly(
              new LetterCount("e", 5),
              new LetterCount("o", 4),
              new LetterCount("h", 3),
              new LetterCount("t", 3),
              new LetterCount("d", 2));
    }

    @Test
    void topNIsCutAfterTiesAreOrderedByCodePoint() throws IOException {
      Path file = write("dcba ba a");

      assertThat(LetterFrequency.top(file, 1)).containsExactly(new LetterCount("a", 3));
      assertThat(LetterFrequency.top(file, 3))
          .containsExactly(
              new LetterCount("a", 3), new LetterCount("b", 2), new LetterCount("c", 1));
      assertThat(LetterFrequency.top(file, 10)).hasSize(4);
    }

    @Test
    void aFileWithoutLettersHasNoTop() throws IOException {
      assertThat(LetterFrequency.top5(write("1234\n\n!!"))).isEmpty();
    }
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void agreesWithCountingTheWholeTextInATreeMap(long seed) throws IOException {
    String text =
        RandomData.text(new SplittableRandom(seed), 300, RandomData.alphabet("aAbZ9 .\nÉéжЖ中😀𝔘"));
    Map<String, Long> expected = new TreeMap<>();
    text.codePoints()
        .filter(Character::isLetter)
        .forEach(c -> expected.merge(Character.toString(Character.toLowerCase(c)), 1L, Long::sum));

    List<LetterCount> counts = LetterFrequency.counts(write(text));

    assertThat(counts).hasSize(expected.size());
    assertThat(counts).allSatisfy(c -> assertThat(expected).containsEntry(c.letter(), c.count()));
    assertThat(counts)
        .isSortedAccordingTo(
            Comparator.comparingLong(LetterCount::count)
                .reversed()
                .thenComparingInt(c -> c.letter().codePointAt(0)));
    assertThat(LetterFrequency.top5(write(text)))
        .isEqualTo(counts.subList(0, Math.min(5, counts.size())));
  }

  @Nested
  class Errors {

    @Test
    void nMustBePositive() throws IOException {
      Path file = write("abc");

      assertThatIllegalArgumentException()
          .isThrownBy(() -> LetterFrequency.top(file, 0))
          .withMessage("n must be at least 1: 0");
      assertThatIllegalArgumentException()
          .isThrownBy(() -> LetterFrequency.top(file, -3))
          .withMessage("n must be at least 1: -3");
    }

    @Test
    void aMissingOrMalformedFileIsNamed() throws IOException {
      Path missing = dir.resolve("missing.txt");
      Path latin1 = dir.resolve("latin1.txt");
      Files.write(latin1, new byte[] {'a', (byte) 0xE9});

      assertThatThrownBy(() -> LetterFrequency.top5(missing))
          .isInstanceOf(NoSuchFileException.class)
          .hasMessage(missing + ": no such file");
      assertThatThrownBy(() -> LetterFrequency.counts(latin1))
          .isInstanceOf(MalformedFileException.class)
          .hasMessage(latin1 + ": not valid UTF-8 text");
      assertThatNullPointerException()
          .isThrownBy(() -> LetterFrequency.counts(null))
          .withMessage("file");
    }
  }

  @Nested
  class Main {

    @Test
    void printsTheTopFiveOrN() throws Exception {
      Path file = write("aaaa bbb cc d e f");

      String n = System.lineSeparator();
      assertThat(StdStreams.capture(() -> LetterFrequency.main(file.toString())).out())
          .isEqualTo("a 4" + n + "b 3" + n + "c 2" + n + "d 1" + n + "e 1" + n);
      assertThat(StdStreams.capture(() -> LetterFrequency.main(file.toString(), "2")).out())
          .isEqualTo("a 4" + n + "b 3" + n);
    }

    @Test
    void rejectsBadArguments() {
      assertThatIllegalArgumentException()
          .isThrownBy(LetterFrequency::main)
          .withMessage("usage: junior.files.13 <file> [n]");
      assertThatIllegalArgumentException()
          .isThrownBy(() -> LetterFrequency.main("f", "1", "2"))
          .withMessage("usage: junior.files.13 <file> [n]");
      assertThatIllegalArgumentException()
          .isThrownBy(() -> LetterFrequency.main("f", "five"))
          .withMessage("not an int: 'five'");
    }
  }

  private static String show(List<LetterCount> counts) {
    return String.join(" ", counts.stream().map(c -> c.letter() + "=" + c.count()).toList());
  }

  private Path write(String text) throws IOException {
    return Files.writeString(Files.createTempFile(dir, "text", ".txt"), text);
  }

  static LongStream seeds() {
    return Seeds.derive(200);
  }
}
