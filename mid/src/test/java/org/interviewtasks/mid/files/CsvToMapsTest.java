package org.interviewtasks.mid.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.stream.Stream;
import org.interviewtasks.common.testing.StdStreams;
import org.interviewtasks.junior.files.MalformedFileException;
import org.interviewtasks.mid.files.CsvToMaps.Row;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

class CsvToMapsTest {

  @TempDir Path dir;

  record Person(String name, int age, BigDecimal balance) {}

  Path csv(String content) throws IOException {
    return Files.writeString(dir.resolve("people.csv"), content, StandardCharsets.UTF_8);
  }

  List<Row> rows(Path file, String... required) throws IOException {
    try (Stream<Row> rows = CsvToMaps.stream(file, required)) {
      return rows.toList();
    }
  }

  @Nested
  class Streaming {

    @Test
    void zipsEachRowWithTheHeaderAndKnowsItsLine() throws IOException {
      Path file = csv("name,age\r\nAnn,31\r\n\"Smith, Bob\",42\r\n");

      List<Row> rows = rows(file);

      assertThat(rows).extracting(Row::line).containsExactly(2L, 3L);
      assertThat(rows.get(0).values())
          .containsExactly(Map.entry("name", "Ann"), Map.entry("age", "31"));
      assertThat(rows.get(1).get("name")).isEqualTo("Smith, Bob");
    }

    @Test
    void countsTheLineARowStartsOnAcrossQuotedLineBreaks() throws IOException {
      Path file = csv("id,note\n1,\"two\nlines\"\n\n2,\" spaced \"\n");

      List<Row> rows = rows(file);

      assertThat(rows).extracting(Row::line).containsExactly(2L, 5L);
      assertThat(rows.get(0).get("note")).isEqualTo("two\nlines");
      assertThat(rows.get(1).get("note")).isEqualTo(" spaced ");
    }

    @Test
    void keepsABlankLineInAOneColumnTable() throws IOException {
      assertThat(rows(csv("only\na\n\nb\n")))
          .extracting(r -> r.get("only"))
          .containsExactly("a", "", "b");
    }

    @Test
    void givesNoRowsForAnEmptyFileOrAHeaderAlone() throws IOException {
      assertThat(rows(csv(""))).isEmpty();
      assertThat(rows(csv("a,b\n"))).isEmpty();
      assertThat(rows(csv("a,b\n"), "a", "b")).isEmpty();
    }

    @Test
    void streamsLazilyAndInConstantMemory() throws IOException {
      Path file = dir.resolve("big.csv");
      try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
        out.write("n,square\n");
        for (int i = 0; i < 200_000; i++) {
          out.write(i + "," + (long) i * i + "\n");
        }
      }

      try (Stream<Row> rows = CsvToMaps.stream(file)) {
        assertThat(rows.mapToLong(r -> Long.parseLong(r.get("square"))).sum())
            .isEqualTo(2_666_646_666_700_000L);
      }
      try (Stream<Row> rows = CsvToMaps.stream(file)) {
        assertThat(rows.skip(99_999).findFirst()).get().extracting(Row::line).isEqualTo(100_001L);
      }
    }

    @Test
    void rowsAreUnmodifiableAndNameMissingColumns() throws IOException {
      Row row = rows(csv("a\n1\n")).get(0);

      assertThatThrownBy(() -> row.values().put("b", "2"))
          .isInstanceOf(UnsupportedOperationException.class);
      assertThatThrownBy(() -> row.get("b"))
          .isInstanceOf(NoSuchElementException.class)
          .hasMessage("no column 'b'; columns: [a]");
    }
  }

  @Nested
  class Typed {

    @Test
    void mapsRowsToRecords() throws IOException {
      Path file = csv("name,age,balance\nAnn,31,10.50\nBob,42,-3\n");

      try (Stream<Person> people =
          CsvToMaps.map(
              file,
              r ->
                  new Person(
                      r.get("name"),
                      Integer.parseInt(r.get("age")),
                      new BigDecimal(r.get("balance"))),
              "name",
              "age")) {
        assertThat(people.toList())
            .containsExactly(
                new Person("Ann", 31, new BigDecimal("10.50")),
                new Person("Bob", 42, new BigDecimal("-3")));
      }
    }

    @Test
    void namesTheFileAndLineOfAConversionError() throws IOException {
      Path file = csv("name,age\nAnn,31\nBob,forty\n");

      try (Stream<Integer> ages = CsvToMaps.map(file, r -> Integer.parseInt(r.get("age")))) {
        assertThatThrownBy(ages::toList)
            .isInstanceOf(UncheckedIOException.class)
            .cause()
            .isInstanceOf(MalformedFileException.class)
            .hasMessage(file + ", line 3: cannot convert the row: For input string: \"forty\"")
            .hasCauseInstanceOf(NumberFormatException.class);
      }
    }
  }

  @Nested
  class Validation {

    @Test
    void rejectsAHeaderWithABlankOrRepeatedName() throws IOException {
      Path blank = csv("a,,c\n1,2,3\n");
      assertThatThrownBy(() -> CsvToMaps.stream(blank))
          .isInstanceOf(MalformedFileException.class)
          .hasMessage(blank + ", line 1: column 2 of the header has no name");
      Path repeated = csv("a,b,a\n1,2,3\n");
      assertThatThrownBy(() -> CsvToMaps.stream(repeated))
          .isInstanceOf(MalformedFileException.class)
          .hasMessage(repeated + ", line 1: column 'a' is repeated");
    }

    @Test
    void rejectsMissingRequiredColumns() throws IOException {
      Path file = csv("name,email\nAnn,a@b.c\n");

      assertThatThrownBy(() -> CsvToMaps.stream(file, "name", "age", "city"))
          .isInstanceOf(MalformedFileException.class)
          .hasMessage(
              file + ", line 1: missing required columns [age, city]; header: [name, email]")
          .extracting(e -> ((MalformedFileException) e).line())
          .isEqualTo(1L);
      Path empty = csv("");
      assertThatThrownBy(() -> CsvToMaps.stream(empty, "name"))
          .isInstanceOf(MalformedFileException.class)
          .hasMessage(empty + ": no header; required columns [name]");
    }

    @Test
    void rejectsARowOfTheWrongWidthNamingItsLine() throws IOException {
      Path file = csv("a,b\n1,2\n3\n");

      try (Stream<Row> rows = CsvToMaps.stream(file)) {
        assertThatThrownBy(rows::toList)
            .isInstanceOf(UncheckedIOException.class)
            .cause()
            .hasMessage(file + ", line 3: row has 1 fields, the header 2");
      }
    }

    @Test
    void rejectsAnOpenQuoteAndInvalidUtf8() throws IOException {
      Path quote = csv("a,b\n1,\"open\n");
      try (Stream<Row> rows = CsvToMaps.stream(quote)) {
        assertThatThrownBy(rows::toList)
            .isInstanceOf(UncheckedIOException.class)
            .cause()
            .isInstanceOf(MalformedFileException.class)
            .hasMessageStartingWith(quote + ", line 2: ");
      }
      Path latin1 = dir.resolve("latin1.csv");
      Files.write(latin1, new byte[] {'a', '\n', (byte) 0xE9, '\n'});
      // Small files are decoded with the header, large ones later: either way the file is named.
      Throwable thrown =
          org.assertj.core.api.Assertions.catchThrowable(
              () -> {
                try (Stream<Row> rows = CsvToMaps.stream(latin1)) {
                  rows.toList();
                }
              });
      Throwable malformed = thrown instanceof UncheckedIOException u ? u.getCause() : thrown;
      assertThat(malformed)
          .isInstanceOf(MalformedFileException.class)
          .hasMessage(latin1 + ": not valid UTF-8 text")
          .hasCauseInstanceOf(java.nio.charset.MalformedInputException.class);
    }

    @Test
    void rejectsMissingFilesAndNulls() {
      assertThatThrownBy(() -> CsvToMaps.stream(dir.resolve("none.csv")))
          .isInstanceOf(NoSuchFileException.class);
      assertThatNullPointerException().isThrownBy(() -> CsvToMaps.stream(null)).withMessage("csv");
      assertThatNullPointerException()
          .isThrownBy(() -> CsvToMaps.map(dir.resolve("x"), null))
          .withMessage("mapper");
    }

    @Test
    void stopsAtTheEnd() throws IOException {
      try (Stream<Row> rows = CsvToMaps.stream(csv("a\n1\n"))) {
        var iterator = rows.iterator();
        iterator.next();
        assertThat(iterator.hasNext()).isFalse();
        assertThatThrownBy(iterator::next).isInstanceOf(NoSuchElementException.class);
      }
    }
  }

  @Test
  void readAllIsJuniorsEagerVersion() throws IOException {
    Path file = csv("k,v\nx,1\n");

    assertThat(CsvToMaps.readAll(file))
        .containsExactly(new java.util.LinkedHashMap<>(Map.of("k", "x", "v", "1")));
  }

  @Test
  void mainPrintsEachRowWithItsLine() throws Exception {
    Path file = csv("k,v\nx,1\ny,2\n");

    var printed = StdStreams.capture(() -> CsvToMaps.main(file.toString()));

    String n = System.lineSeparator();
    assertThat(printed.out()).isEqualTo("2: {k=x, v=1}" + n + "3: {k=y, v=2}" + n);
    assertThatIllegalArgumentException()
        .isThrownBy(CsvToMaps::main)
        .withMessage("usage: mid.files.1 <file.csv>");
    Path bad = csv("a,b\n1\n");
    assertThatThrownBy(() -> CsvToMaps.main(bad.toString()))
        .isInstanceOf(MalformedFileException.class)
        .hasMessage(bad + ", line 2: row has 1 fields, the header 2");
  }

  @Test
  @EnabledOnOs({OS.LINUX, OS.MAC})
  void aDeviceThatNeverEndsIsRefusedNotRead() {
    assertThatThrownBy(() -> CsvToMaps.stream(Path.of("/dev/zero")))
        .isInstanceOf(FileSystemException.class)
        .hasMessage("/dev/zero: is not a regular file (a device or a pipe may never end)");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> CsvToMaps.main(" "))
        .withMessage("not a file name: ' '");
  }
}
