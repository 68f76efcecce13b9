package org.interviewtasks.junior.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import org.interviewtasks.common.testing.RandomData;
import org.interviewtasks.common.testing.Seeds;
import org.interviewtasks.common.testing.StdStreams;
import org.interviewtasks.junior.files.ReadEveryOtherLine.Parity;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class ReadEveryOtherLineTest {

  @TempDir Path dir;

  /** Texts use {@code \n} and {@code \r} escapes; lines are shown joined by {@code |}. */
  @ParameterizedTest(name = "\"{0}\" {1} -> {2}")
  @CsvSource(
      delimiter = ';',
      quoteCharacter = '"',
      value = {
        "1\\n2\\n3\\n4\\n5; ODD; 1|3|5",
        "1\\n2\\n3\\n4\\n5; EVEN; 2|4",
        "1\\r\\n2\\r3\\n; ODD; 1|3",
        "a\\n\\nb\\n\\n; ODD; a|b",
        "a\\n\\nb\\n\\n; EVEN; |",
        "only; ODD; only",
        "only\\n; EVEN; \"\"",
        "\"\"; ODD; \"\"",
        "é😀\\n中; EVEN; 中"
      })
  void keepsTheLinesOfTheParity(String text, Parity parity, String expected) throws IOException {
    List<String> lines = new ArrayList<>();

    long count = ReadEveryOtherLine.everyOtherLine(write(unescape(text)), parity, lines::add);

    assertThat(String.join("|", lines)).isEqualTo(expected);
    assertThat(count).isEqualTo(lines.size());
  }

  @Test
  void anEmptyLineCountsAsALine() throws IOException {
    List<String> lines = new ArrayList<>();

    assertThat(ReadEveryOtherLine.everyOtherLine(write("\n\nx\n"), Parity.ODD, lines::add))
        .isEqualTo(2);

    assertThat(lines).containsExactly("", "x");
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void agreesWithEveryOtherElementOfStringLines(long seed) throws IOException {
    var random = new SplittableRandom(seed);
    String text = RandomData.text(random, 200, RandomData.alphabet("ab é\n\r"));
    Parity parity = random.nextBoolean() ? Parity.ODD : Parity.EVEN;
    List<String> all = text.lines().toList();
    int first = parity == Parity.ODD ? 0 : 1;
    List<String> expected =
        IntStream.range(0, all.size()).filter(i -> i % 2 == first).mapToObj(all::get).toList();
    List<String> lines = new ArrayList<>();

    ReadEveryOtherLine.everyOtherLine(write(text), parity, lines::add);

    assertThat(lines).isEqualTo(expected);
  }

  @Nested
  class Errors {

    @Test
    void aMissingOrMalformedFileIsNamed() throws IOException {
      Path missing = dir.resolve("missing.txt");
      Path latin1 = dir.resolve("latin1.txt");
      Files.write(latin1, new byte[] {'a', '\n', (byte) 0xE9});

      assertThatThrownBy(() -> ReadEveryOtherLine.everyOtherLine(missing, Parity.ODD, l -> {}))
          .isInstanceOf(NoSuchFileException.class)
          .hasMessage(missing + ": no such file");
      assertThatThrownBy(() -> ReadEveryOtherLine.everyOtherLine(latin1, Parity.ODD, l -> {}))
          .isInstanceOf(MalformedFileException.class)
          .hasMessage(latin1 + ": not valid UTF-8 text");
    }

    @Test
    void rejectsNulls() throws IOException {
      Path file = write("a");

      assertThatNullPointerException()
          .isThrownBy(() -> ReadEveryOtherLine.everyOtherLine(null, Parity.ODD, l -> {}))
          .withMessage("file");
      assertThatNullPointerException()
          .isThrownBy(() -> ReadEveryOtherLine.everyOtherLine(file, null, l -> {}))
          .withMessage("parity");
      assertThatNullPointerException()
          .isThrownBy(() -> ReadEveryOtherLine.everyOtherLine(file, Parity.ODD, null))
          .withMessage("action");
    }
  }

  @Nested
  class Main {

    @Test
    void printsTheOddLinesOrTheEvenOnes() throws Exception {
      Path file = write("one\ntwo\nthree\n");

      String n = System.lineSeparator();
      assertThat(StdStreams.capture(() -> ReadEveryOtherLine.main(file.toString())).out())
          .isEqualTo("one" + n + "three" + n);
      assertThat(StdStreams.capture(() -> ReadEveryOtherLine.main(file.toString(), "Even")).out())
          .isEqualTo("two" + n);
      assertThat(StdStreams.capture(() -> ReadEveryOtherLine.main(file.toString(), "odd")).out())
          .isEqualTo("one" + n + "three" + n);
    }

    @Test
    void rejectsBadArguments() {
      assertThatIllegalArgumentException()
          .isThrownBy(ReadEveryOtherLine::main)
          .withMessage("usage: junior.files.11 <file> [odd|even]");
      assertThatIllegalArgumentException()
          .isThrownBy(() -> ReadEveryOtherLine.main("f", "odd", "x"))
          .withMessage("usage: junior.files.11 <file> [odd|even]");
      assertThatIllegalArgumentException()
          .isThrownBy(() -> ReadEveryOtherLine.main("f", "third"))
          .withMessage("not odd or even: 'third'");
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
