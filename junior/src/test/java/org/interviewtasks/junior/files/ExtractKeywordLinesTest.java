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
import org.interviewtasks.junior.files.ExtractKeywordLines.Match;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class ExtractKeywordLinesTest {

  private static final String LOG =
      """
      2024-05-01 INFO  started
      2024-05-01 ERROR disk full [ERROR] (code $1)
      2024-05-01 WARN  errors=3 a.b
      2024-05-02 error lower case, twice: error
      2024-05-02 Échec ÉCHEC axb
      """;

  @TempDir Path dir;

  @Nested
  class Matching {

    @ParameterizedTest(name = "\"{0}\" ignoreCase={1} -> lines {2}")
    @CsvSource(
        delimiter = ';',
        value = {
          "ERROR; false; 2",
          "error; false; 3 4",
          "error; true; 2 3 4",
          "[ERROR]; false; 2",
          "a.b; false; 3",
          "(code $1); false; 2",
          "\\E; false; ''",
          "échec; false; ''",
          "échec; true; 5",
          "2024-05; false; 1 2 3 4 5",
          "WARNING; true; ''",
          "' '; false; 1 2 3 4 5"
        })
    void findsTheKeywordLiterallyAnywhereInTheLine(String keyword, boolean ignoreCase, String lines)
        throws IOException {
      List<Match> matches = extract(write(LOG), keyword, ignoreCase);

      assertThat(matches.stream().map(m -> String.valueOf(m.number())).toList())
          .isEqualTo(lines.isEmpty() ? List.of() : List.of(lines.split(" ", -1)));
      assertThat(matches)
          .allSatisfy(
              m -> assertThat(m.text()).isEqualTo(LOG.lines().toList().get((int) m.number() - 1)));
    }

    @Test
    void givesLinesWithoutTerminatorsAndCountsThem() throws IOException {
      Path log = write("a key\r\nno\rkey b\n\nlast key");
      List<Match> matches = new ArrayList<>();

      long count = ExtractKeywordLines.extract(log, "key", false, matches::add);

      assertThat(count).isEqualTo(3);
      assertThat(matches)
          .containsExactly(new Match(1, "a key"), new Match(3, "key b"), new Match(5, "last key"));
    }

    @Test
    void anEmptyLogHasNoMatches() throws IOException {
      assertThat(extract(write(""), "x", false)).isEmpty();
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("org.interviewtasks.junior.files.ExtractKeywordLinesTest#seeds")
    void agreesWithContainsOnEachLine(long seed) throws IOException {
      var random = new SplittableRandom(seed);
      String text = RandomData.text(random, 300, RandomData.alphabet("ab.é😀 \n\r"));
      String keyword = RandomData.text(random, 2, RandomData.alphabet("ab.é😀")) + "a";
      List<String> lines = text.lines().toList();
      List<Match> expected =
          IntStream.range(0, lines.size())
              .filter(i -> lines.get(i).contains(keyword))
              .mapToObj(i -> new Match(i + 1, lines.get(i)))
              .toList();

      assertThat(extract(write(text), keyword, false)).isEqualTo(expected);
    }
  }

  @Nested
  class Errors {

    @Test
    void anEmptyKeywordOrOneWithALineBreakIsRefused() throws IOException {
      Path log = write(LOG);

      assertThatIllegalArgumentException()
          .isThrownBy(() -> extract(log, "", false))
          .withMessage("keyword is empty");
      assertThatIllegalArgumentException()
          .isThrownBy(() -> extract(log, "a\nb", false))
          .withMessage("keyword must not contain a line break");
      assertThatIllegalArgumentException()
          .isThrownBy(() -> extract(log, "a\r", false))
          .withMessage("keyword must not contain a line break");
      assertThatIllegalArgumentException()
          .isThrownBy(() -> extract(log, "\na", false))
          .withMessage("keyword must not contain a line break");
      assertThatIllegalArgumentException()
          .isThrownBy(() -> extract(log, "\ra", false))
          .withMessage("keyword must not contain a line break");
    }

    @Test
    void aMissingOrMalformedLogIsNamed() throws IOException {
      Path missing = dir.resolve("missing.log");
      Path latin1 = dir.resolve("latin1.log");
      Files.write(latin1, new byte[] {'k', 'e', 'y', (byte) 0xE9, '\n'});

      assertThatThrownBy(() -> extract(missing, "key", false))
          .isInstanceOf(NoSuchFileException.class)
          .hasMessage(missing + ": no such file");
      assertThatThrownBy(() -> extract(latin1, "key", false))
          .isInstanceOf(MalformedFileException.class)
          .hasMessage(latin1 + ": not valid UTF-8 text");
    }

    @Test
    void rejectsNulls() throws IOException {
      Path log = write(LOG);

      assertThatNullPointerException()
          .isThrownBy(() -> ExtractKeywordLines.extract(null, "k", false, m -> {}))
          .withMessage("log");
      assertThatNullPointerException()
          .isThrownBy(() -> ExtractKeywordLines.extract(log, null, false, m -> {}))
          .withMessage("keyword");
      assertThatNullPointerException()
          .isThrownBy(() -> ExtractKeywordLines.extract(log, "k", false, null))
          .withMessage("action");
    }
  }

  @Nested
  class Main {

    @Test
    void printsTheMatchingLinesWithTheirNumbers() throws Exception {
      Path log = write(LOG);

      var printed = StdStreams.capture(() -> ExtractKeywordLines.main(log.toString(), "error"));

      String n = System.lineSeparator();
      assertThat(printed.out())
          .isEqualTo(
              "3: 2024-05-01 WARN  errors=3 a.b"
                  + n
                  + "4: 2024-05-02 error lower case, twice: error"
                  + n);
    }

    @Test
    void ignoresCaseWhenAsked() throws Exception {
      Path log = write(LOG);

      var printed =
          StdStreams.capture(
              () -> ExtractKeywordLines.main(log.toString(), "INFO", "--ignore-case"));

      assertThat(printed.out()).isEqualTo("1: 2024-05-01 INFO  started" + System.lineSeparator());
    }

    @Test
    void rejectsBadArguments() {
      String usage = "usage: junior.files.5 <log> <keyword> [--ignore-case]";
      assertThatIllegalArgumentException()
          .isThrownBy(() -> ExtractKeywordLines.main("log"))
          .withMessage(usage);
      assertThatIllegalArgumentException()
          .isThrownBy(() -> ExtractKeywordLines.main("log", "k", "--ignorecase"))
          .withMessage(usage);
      assertThatIllegalArgumentException()
          .isThrownBy(() -> ExtractKeywordLines.main("log", "k", "--ignore-case", "x"))
          .withMessage(usage);
    }
  }

  private static List<Match> extract(Path log, String keyword, boolean ignoreCase)
      throws IOException {
    List<Match> matches = new ArrayList<>();
    long count = ExtractKeywordLines.extract(log, keyword, ignoreCase, matches::add);
    assertThat(count).isEqualTo(matches.size());
    return matches;
  }

  private Path write(String text) throws IOException {
    return Files.writeString(Files.createTempFile(dir, "app", ".log"), text);
  }

  static LongStream seeds() {
    return Seeds.derive(200);
  }
}
