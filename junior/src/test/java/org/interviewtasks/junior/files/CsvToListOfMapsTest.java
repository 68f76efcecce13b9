package org.interviewtasks.junior.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SequencedMap;
import org.interviewtasks.common.testing.StdStreams;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvToListOfMapsTest {

  @TempDir Path dir;

  @Nested
  class Reading {

    @Test
    void zipsEachRowWithTheHeaderInColumnOrder() throws IOException {
      Path csv = write("name,age,city\r\nAda,36,London\r\nAlan,41,Wilmslow\r\n");

      List<SequencedMap<String, String>> rows = CsvToListOfMaps.read(csv);

      assertThat(maps(rows))
          .containsExactly(
              Map.of("name", "Ada", "age", "36", "city", "London"),
              Map.of("name", "Alan", "age", "41", "city", "Wilmslow"));
      assertThat(rows.getFirst().sequencedKeySet()).containsExactly("name", "age", "city");
    }

    @Test
    void valuesAreKeptExactly() throws IOException {
      Path csv = write("a,b,c\n\" x \",\"1,2\",\"say \"\"hi\"\"\n2nd line\"\n,,\n");

      assertThat(maps(CsvToListOfMaps.read(csv)))
          .containsExactly(
              Map.of("a", " x ", "b", "1,2", "c", "say \"hi\"\n2nd line"),
              Map.of("a", "", "b", "", "c", ""));
    }

    @Test
    void emptyFilesAndLoneHeadersHaveNoRows() throws IOException {
      assertThat(CsvToListOfMaps.read(write(""))).isEmpty();
      assertThat(CsvToListOfMaps.read(write("a,b\n"))).isEmpty();
      assertThat(CsvToListOfMaps.read(write("a,b"))).isEmpty();
    }

    @Test
    void blankLinesAreSkippedUnlessTheTableHasOneColumn() throws IOException {
      assertThat(maps(CsvToListOfMaps.read(write("a,b\n\n1,2\n\n"))))
          .containsExactly(Map.of("a", "1", "b", "2"));
      assertThat(maps(CsvToListOfMaps.read(write("a\n\nx\n"))))
          .containsExactly(Map.of("a", ""), Map.of("a", "x"));
    }

    @Test
    void aByteOrderMarkIsNotPartOfTheFirstName() throws IOException {
      assertThat(maps(CsvToListOfMaps.read(write("\uFEFFid,name\n1,Ada\n"))))
          .containsExactly(Map.of("id", "1", "name", "Ada"));
    }

    @Test
    void theResultCannotBeModified() throws IOException {
      List<SequencedMap<String, String>> rows = CsvToListOfMaps.read(write("a\n1\n"));

      assertThatThrownBy(() -> rows.add(rows.getFirst()))
          .isInstanceOf(UnsupportedOperationException.class);
      assertThatThrownBy(() -> rows.getFirst().put("a", "2"))
          .isInstanceOf(UnsupportedOperationException.class);
    }
  }

  @Nested
  class Malformed {

    @Test
    void aRowWithTooManyOrTooFewFieldsNamesItsLine() throws IOException {
      Path extra = write("a,b\n1,2\n\"multi\nline\",2\n1,2,3\n");
      Path missing = write("a,b,c\n1,2\n");

      assertThatThrownBy(() -> CsvToListOfMaps.read(extra))
          .isInstanceOf(MalformedFileException.class)
          .hasMessage(extra + ", line 5: 3 fields, but the header has 2 columns")
          .satisfies(e -> assertThat(((MalformedFileException) e).line()).isEqualTo(5));
      assertThatThrownBy(() -> CsvToListOfMaps.read(missing))
          .isInstanceOf(MalformedFileException.class)
          .hasMessage(missing + ", line 2: 2 fields, but the header has 3 columns");
    }

    @Test
    void aRepeatedOrEmptyColumnNameIsRefused() throws IOException {
      Path repeated = write("a,b,a\n1,2,3\n");
      Path empty = write("a,,c\n1,2,3\n");

      assertThatThrownBy(() -> CsvToListOfMaps.read(repeated))
          .isInstanceOf(MalformedFileException.class)
          .hasMessageStartingWith(
              repeated + ", line 1: The header contains a duplicate name: \"a\"")
          .hasCauseInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> CsvToListOfMaps.read(empty))
          .isInstanceOf(MalformedFileException.class)
          .hasMessage(empty + ", line 1: A header name is missing in [a, , c]");
    }

    @Test
    void aQuoteLeftOpenInTheHeaderNamesLineOne() throws IOException {
      Path csv = write("a,\"b\n");

      assertThatThrownBy(() -> CsvToListOfMaps.read(csv))
          .isInstanceOf(MalformedFileException.class)
          .hasMessageStartingWith(csv + ", line 1: ")
          .hasMessageContaining("EOF reached before encapsulated token finished");
    }

    @Test
    void bytesThatAreNotUtf8InTheHeaderOrARowAreNamed() throws IOException {
      Path header = dir.resolve("header.csv");
      Files.write(header, new byte[] {'a', (byte) 0xE9, '\n', '1', '\n'});
      Path row = dir.resolve("row.csv");
      Files.write(row, new byte[] {'a', '\n', (byte) 0xE9, '\n'});

      assertThatThrownBy(() -> CsvToListOfMaps.read(header))
          .isInstanceOf(MalformedFileException.class)
          .hasMessage(header + ": not valid UTF-8 text");
      assertThatThrownBy(() -> CsvToListOfMaps.read(row))
          .isInstanceOf(MalformedFileException.class)
          .hasMessage(row + ": not valid UTF-8 text");
    }

    @Test
    void aMissingFileIsNamed() {
      Path missing = dir.resolve("missing.csv");

      assertThatThrownBy(() -> CsvToListOfMaps.read(missing))
          .isInstanceOf(NoSuchFileException.class)
          .hasMessage(missing + ": no such file");
      assertThatNullPointerException()
          .isThrownBy(() -> CsvToListOfMaps.read(null))
          .withMessage("csv");
    }
  }

  @Nested
  class Main {

    @Test
    void printsOneMapPerLine() throws Exception {
      Path csv = write("name,age\nAda,36\nAlan,41\n");

      var printed = StdStreams.capture(() -> CsvToListOfMaps.main(csv.toString()));

      assertThat(printed.out().lines())
          .containsExactly("{name=Ada, age=36}", "{name=Alan, age=41}");
    }

    @Test
    void needsOneArgument() {
      assertThatIllegalArgumentException()
          .isThrownBy(CsvToListOfMaps::main)
          .withMessage("usage: junior.files.19 <file.csv>");
      assertThatIllegalArgumentException()
          .isThrownBy(() -> CsvToListOfMaps.main("a", "b"))
          .withMessage("usage: junior.files.19 <file.csv>");
    }
  }

  /** The rows as plain maps, to compare with {@code Map.of(...)}. */
  private static List<Map<String, String>> maps(List<SequencedMap<String, String>> rows) {
    return List.copyOf(rows);
  }

  private Path write(String content) throws IOException {
    return Files.writeString(Files.createTempFile(dir, "table", ".csv"), content);
  }
}
