package org.interviewtasks.junior.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.interviewtasks.common.testing.RandomData;
import org.interviewtasks.common.testing.Seeds;
import org.interviewtasks.common.testing.StdStreams;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class CsvPrinterTest {

  @TempDir Path dir;

  @Nested
  class Printing {

    @Test
    void printsEachRowWithItsFieldsQuoted() throws IOException {
      Path csv =
          write(
              "name,quote,city\r\n"
                  + "\"Smith, John\",\"say \"\"hi\"\"\",Zürich\r\n"
                  + "\"two\nlines\",,東京\n");
      var out = new StringBuilder();

      long rows = CsvPrinter.print(csv, out);

      assertThat(rows).isEqualTo(3);
      assertThat(out)
          .hasToString(
              """
              ["name", "quote", "city"]
              ["Smith, John", "say \\"hi\\"", "Zürich"]
              ["two\\nlines", "", "東京"]
              """);
    }

    @Test
    void aBlankLineIsARowOfOneEmptyFieldAndRowsMayDifferInLength() throws IOException {
      Path csv = write("a,b,c\n\nd\n");
      var out = new StringBuilder();

      assertThat(CsvPrinter.print(csv, out)).isEqualTo(3);

      assertThat(out).hasToString("[\"a\", \"b\", \"c\"]\n[\"\"]\n[\"d\"]\n");
    }

    @Test
    void anEmptyFilePrintsNothing() throws IOException {
      var out = new StringBuilder();

      assertThat(CsvPrinter.print(write(""), out)).isZero();

      assertThat(out).isEmpty();
    }

    @Test
    void aLastRowWithoutALineBreakAndAByteOrderMarkAreFine() throws IOException {
      var out = new StringBuilder();

      assertThat(CsvPrinter.print(write("\uFEFFid,name\n1,Ada"), out)).isEqualTo(2);

      assertThat(out).hasToString("[\"id\", \"name\"]\n[\"1\", \"Ada\"]\n");
    }

    @Test
    void spacesAroundFieldsAreKept() throws IOException {
      var out = new StringBuilder();

      CsvPrinter.print(write(" a , b\n"), out);

      assertThat(out).hasToString("[\" a \", \" b\"]\n");
    }
  }

  @Nested
  class Format {

    @Test
    void escapesWhatWouldHideAFieldBorder() {
      assertThat(
              CsvPrinter.format(
                  List.of("a\"b", "c\\d", "e\nf\r\ng", "\th", "bell\u0007", "\u007f")))
          .isEqualTo(
              "[\"a\\\"b\", \"c\\\\d\", \"e\\nf\\r\\ng\", \"\\th\", \"bell\\u0007\", \"\\u007f\"]");
    }

    @Test
    void keepsUnicodeAsItIs() {
      assertThat(CsvPrinter.format(List.of("é", "😀", "\u00a0", "\u2028")))
          .isEqualTo("[\"é\", \"😀\", \"\u00a0\", \"\u2028\"]");
    }

    @Test
    void formatsEmptyRowsAndFields() {
      assertThat(CsvPrinter.format(List.of())).isEqualTo("[]");
      assertThat(CsvPrinter.format(List.of(""))).isEqualTo("[\"\"]");
      assertThat(CsvPrinter.format(List.of("", ""))).isEqualTo("[\"\", \"\"]");
    }

    @Test
    void rejectsNulls() {
      assertThatNullPointerException().isThrownBy(() -> CsvPrinter.format(null)).withMessage("row");
      assertThatNullPointerException()
          .isThrownBy(() -> CsvPrinter.format(Arrays.asList("a", null)))
          .withMessage("field");
    }
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void printedRowsReadBackToTheFieldsThatWereWritten(long seed) throws IOException {
    var random = new SplittableRandom(seed);
    int[] alphabet = RandomData.alphabet("ab ,\"\n\r\t\\é😀");
    List<List<String>> rows = new ArrayList<>();
    for (int r = random.nextInt(6); r >= 0; r--) {
      List<String> row = new ArrayList<>();
      for (int f = random.nextInt(4); f >= 0; f--) {
        row.add(RandomData.text(random, 8, alphabet));
      }
      rows.add(row);
    }
    var text = new StringWriter();
    try (var printer = new CSVPrinter(text, CSVFormat.RFC4180)) {
      printer.printRecords(rows);
    }
    var out = new StringBuilder();

    assertThat(CsvPrinter.print(write(text.toString()), out)).isEqualTo(rows.size());

    assertThat(out.toString().lines().map(CsvPrinterTest::parse).toList()).isEqualTo(rows);
  }

  @Nested
  class Errors {

    @Test
    void aQuoteLeftOpenNamesTheFileAndTheLine() throws IOException {
      Path csv = write("a,b\n1,\"unfinished\n3,4\n");

      assertThatThrownBy(() -> CsvPrinter.print(csv, new StringBuilder()))
          .isInstanceOf(MalformedFileException.class)
          .hasMessageStartingWith(csv + ", line 2: ")
          .hasMessageContaining("EOF reached before encapsulated token finished")
          .satisfies(e -> assertThat(((MalformedFileException) e).line()).isEqualTo(2));
    }

    @Test
    void textAfterAClosingQuoteNamesTheLine() throws IOException {
      Path csv = write("a,b\n\"x\ny\",1\n\"x\"y,2\n");

      assertThatThrownBy(() -> CsvPrinter.print(csv, new StringBuilder()))
          .isInstanceOf(MalformedFileException.class)
          .hasMessageStartingWith(csv + ", line 4: ")
          .hasMessageContaining("Invalid character between encapsulated token and delimiter");
    }

    @Test
    void bytesThatAreNotUtf8AreNamed() throws IOException {
      Path csv = dir.resolve("latin1.csv");
      Files.write(csv, new byte[] {'a', ',', (byte) 0xE9, '\n'});

      assertThatThrownBy(() -> CsvPrinter.print(csv, new StringBuilder()))
          .isInstanceOf(MalformedFileException.class)
          .hasMessage(csv + ": not valid UTF-8 text");
    }

    @Test
    void aMissingFileIsNamed() {
      Path missing = dir.resolve("missing.csv");

      assertThatThrownBy(() -> CsvPrinter.print(missing, new StringBuilder()))
          .isInstanceOf(NoSuchFileException.class)
          .hasMessage(missing + ": no such file");
    }

    @Test
    void rejectsNulls() throws IOException {
      Path csv = write("a\n");

      assertThatNullPointerException()
          .isThrownBy(() -> CsvPrinter.print(null, new StringBuilder()))
          .withMessage("csv");
      assertThatNullPointerException()
          .isThrownBy(() -> CsvPrinter.print(csv, null))
          .withMessage("out");
    }
  }

  @Nested
  class Main {

    @Test
    void printsTheRows() throws Exception {
      Path csv = write("a,\"b,c\"\n");

      var printed = StdStreams.capture(() -> CsvPrinter.main(csv.toString()));

      assertThat(printed.out()).isEqualTo("[\"a\", \"b,c\"]\n");
    }

    @Test
    void needsOneArgument() {
      assertThatIllegalArgumentException()
          .isThrownBy(CsvPrinter::main)
          .withMessage("usage: junior.files.2 <file.csv>");
      assertThatIllegalArgumentException()
          .isThrownBy(() -> CsvPrinter.main("a", "b"))
          .withMessage("usage: junior.files.2 <file.csv>");
    }
  }

  /** The inverse of {@link CsvPrinter#format}: the oracle the round trip is checked against. */
  private static List<String> parse(String line) {
    assertThat(line).startsWith("[").endsWith("]");
    List<String> fields = new ArrayList<>();
    int i = 1;
    while (line.charAt(i) == '"') {
      var field = new StringBuilder();
      for (i++; line.charAt(i) != '"'; i++) {
        char c = line.charAt(i);
        if (c == '\\') {
          char next = line.charAt(++i);
          switch (next) {
            case 'n' -> field.append('\n');
            case 'r' -> field.append('\r');
            case 't' -> field.append('\t');
            case 'u' -> {
              field.append((char) Integer.parseInt(line.substring(i + 1, i + 5), 16));
              i += 4;
            }
            default -> field.append(next);
          }
        } else {
          field.append(c);
        }
      }
      fields.add(field.toString());
      i++; // the closing quote
      if (line.startsWith(", ", i)) {
        i += 2;
      }
    }
    return fields;
  }

  private Path write(String content) throws IOException {
    return Files.writeString(Files.createTempFile(dir, "data", ".csv"), content);
  }

  static LongStream seeds() {
    return Seeds.derive(200);
  }
}
