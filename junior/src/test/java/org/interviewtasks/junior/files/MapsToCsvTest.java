package org.interviewtasks.junior.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.SequencedMap;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.interviewtasks.common.testing.RandomData;
import org.interviewtasks.common.testing.Seeds;
import org.interviewtasks.common.testing.StdStreams;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class MapsToCsvTest {

  @TempDir Path dir;

  @Nested
  class Writing {

    @Test
    void writesAHeaderAndOneRecordPerMapAsRfc4180() throws IOException {
      Path target = dir.resolve("people.csv");

      List<String> header = MapsToCsv.write(List.of(row("name", "Ada", "born", 1815)), target);

      assertThat(header).containsExactly("name", "born");
      assertThat(Files.readString(target)).isEqualTo("name,born\r\nAda,1815\r\n");
    }

    @Test
    void theHeaderIsTheUnionOfAllKeysInFirstSeenOrder() throws IOException {
      Path target = dir.resolve("union.csv");
      var rows =
          List.of(
              row("name", "Ada", "born", 1815),
              row("field", "math", "name", "Alan"),
              row("died", 1954, "born", 1912, "name", "x"));

      List<String> header = MapsToCsv.write(rows, target);

      assertThat(header).containsExactly("name", "born", "field", "died");
      assertThat(Files.readString(target))
          .isEqualTo("name,born,field,died\r\nAda,1815,,\r\nAlan,,math,\r\nx,1912,,1954\r\n");
    }

    @Test
    void nullValuesAndMissingKeysAreEmptyAndValuesUseToString() throws IOException {
      Path target = dir.resolve("values.csv");
      Map<String, Object> withNull = new LinkedHashMap<>();
      withNull.put("a", null);
      withNull.put("b", true);
      withNull.put("c", new BigDecimal("1.50"));

      MapsToCsv.write(List.of(withNull, row("d", 'x')), target);

      // Commons CSV quotes an empty first field, so that a one-column row is not a blank line.
      assertThat(Files.readString(target)).isEqualTo("a,b,c,d\r\n\"\",true,1.50,\r\n\"\",,,x\r\n");
    }

    @Test
    void quotesExactlyTheFieldsThatNeedItSoTheyReadBack() throws IOException {
      Path target = dir.resolve("quoted.csv");
      var rows =
          List.of(
              row("text", "Smith, John", "n", "1"),
              row("text", "say \"hi\"", "n", "2"),
              row("text", "two\nlines\r\nthree", "n", "3"),
              row("text", " spaced ", "n", ""),
              row("text", "é😀", "n", "5"));

      MapsToCsv.write(rows, target);

      assertThat(Files.readString(target))
          .isEqualTo(
              "text,n\r\n\"Smith, John\",1\r\n\"say \"\"hi\"\"\",2\r\n\"two\nlines\r\nthree\",3\r\n"
                  + "\" spaced \",\r\né😀,5\r\n");
      assertThat(CsvToListOfMaps.read(target)).isEqualTo(rows);
    }

    @Test
    void anEmptyListIsAnEmptyFile() throws IOException {
      Path target = Files.writeString(dir.resolve("old.csv"), "old,content\r\n");

      assertThat(MapsToCsv.write(List.of(), target)).isEmpty();

      assertThat(target).isEmptyFile();
    }

    @Test
    void aOneColumnTableWithAnEmptyValueStaysReadable() throws IOException {
      Path target = dir.resolve("one.csv");
      var rows = List.of(row("only", ""), row("only", "x"));

      MapsToCsv.write(rows, target);

      assertThat(Files.readString(target)).isEqualTo("only\r\n\"\"\r\nx\r\n");
      assertThat(CsvToListOfMaps.read(target)).isEqualTo(rows);
    }
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void whatIsWrittenReadsBackAsTheSameMaps(long seed) throws IOException {
    var random = new SplittableRandom(seed);
    int[] alphabet = RandomData.alphabet("ab ,\"\n\r\té😀");
    List<String> keys = List.of("id", "name, full", "note \"q\"", "x\ny", "ü");
    List<Map<String, String>> rows = new ArrayList<>();
    for (int r = random.nextInt(6); r > 0; r--) {
      Map<String, String> row = new LinkedHashMap<>();
      row.put(keys.get(random.nextInt(keys.size())), RandomData.text(random, 6, alphabet));
      for (String key : keys) {
        if (random.nextInt(3) == 0) {
          row.put(key, RandomData.text(random, 6, alphabet));
        }
      }
      rows.add(row);
    }
    Set<String> union = new LinkedHashSet<>();
    rows.forEach(row -> union.addAll(row.keySet()));
    Path target = dir.resolve("random.csv");

    assertThat(MapsToCsv.write(rows, target)).containsExactlyElementsOf(union);

    List<SequencedMap<String, String>> read = CsvToListOfMaps.read(target);
    assertThat(read).hasSameSizeAs(rows);
    for (int i = 0; i < rows.size(); i++) {
      Map<String, String> expected = new HashMap<>();
      for (String key : union) {
        expected.put(key, rows.get(i).getOrDefault(key, ""));
      }
      assertThat(read.get(i)).isEqualTo(expected);
      assertThat(read.get(i).sequencedKeySet()).containsExactlyElementsOf(union);
    }
  }

  @Nested
  class Refusing {

    @Test
    void rowsWithoutAnyKeyCannotBeWritten() throws IOException {
      Path target = Files.writeString(dir.resolve("kept.csv"), "kept");

      assertThatIllegalArgumentException()
          .isThrownBy(() -> MapsToCsv.write(List.of(Map.of(), Map.of()), target))
          .withMessage("2 rows but no keys: there is no column to write them in");

      assertThat(Files.readString(target)).isEqualTo("kept");
    }

    @Test
    void nullRowsNullKeysAndEmptyKeysAreNamed() throws IOException {
      Path target = Files.writeString(dir.resolve("kept.csv"), "kept");
      Map<String, Object> nullKey = new HashMap<>();
      nullKey.put(null, 1);

      assertThatNullPointerException()
          .isThrownBy(() -> MapsToCsv.write(Arrays.asList(row("a", 1), null), target))
          .withMessage("row 1 is null");
      assertThatNullPointerException()
          .isThrownBy(() -> MapsToCsv.write(List.of(row("a", 1), nullKey), target))
          .withMessage("row 1 has a null key");
      assertThatIllegalArgumentException()
          .isThrownBy(() -> MapsToCsv.write(List.of(row("", 1)), target))
          .withMessage("row 0 has an empty key");
      assertThatNullPointerException()
          .isThrownBy(() -> MapsToCsv.write(null, target))
          .withMessage("rows");
      assertThatNullPointerException()
          .isThrownBy(() -> MapsToCsv.write(List.of(), null))
          .withMessage("target");

      assertThat(Files.readString(target)).isEqualTo("kept");
    }

    @Test
    void aValueUtf8CannotEncodeLeavesTheTargetAndNoTemporaryFile() throws IOException {
      Path target = Files.writeString(dir.resolve("kept.csv"), "kept");

      assertThatThrownBy(() -> MapsToCsv.write(List.of(row("a", "ok"), row("a", "\uD800")), target))
          .isInstanceOf(IOException.class)
          .hasMessage(target + ": the text has an unpaired surrogate, which UTF-8 cannot encode");

      assertThat(Files.readString(target)).isEqualTo("kept");
      assertThat(TestFiles.names(dir)).containsExactly("kept.csv");
    }

    @Test
    void aMissingFolderIsNamed() {
      Path target = dir.resolve("missing/out.csv");

      assertThatThrownBy(() -> MapsToCsv.write(List.of(row("a", 1)), target))
          .isInstanceOf(NoSuchFileException.class)
          .hasMessage(target + ": folder " + target.getParent() + " does not exist");
    }
  }

  @Nested
  class Main {

    @Test
    void writesTheRowsGivenAsArguments() throws Exception {
      Path target = dir.resolve("out.csv");

      var printed =
          StdStreams.capture(
              () -> MapsToCsv.main(target.toString(), "name=Ada;born=1815", "name=Alan;x=a=b;e="));

      assertThat(printed.out())
          .isEqualTo(
              "2 rows, columns [name, born, x, e], written to " + target + System.lineSeparator());
      assertThat(Files.readString(target))
          .isEqualTo("name,born,x,e\r\nAda,1815,,\r\nAlan,,a=b,\r\n");
    }

    @Test
    void rejectsBadArguments() {
      assertThatIllegalArgumentException()
          .isThrownBy(() -> MapsToCsv.main(dir.resolve("out.csv").toString()))
          .withMessage("usage: junior.files.7 <target.csv> <key=value;key=value...> [row...]");
      assertThatIllegalArgumentException()
          .isThrownBy(() -> MapsToCsv.main(dir.resolve("o.csv").toString(), "a=1;b"))
          .withMessage("not key=value: 'b'");
      assertThatIllegalArgumentException()
          .isThrownBy(() -> MapsToCsv.main(dir.resolve("o.csv").toString(), "=v"))
          .withMessage("row 0 has an empty key");
    }
  }

  /** An ordered map from alternating keys and values. */
  private static Map<String, Object> row(Object... keysAndValues) {
    Map<String, Object> row = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      row.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return row;
  }

  static LongStream seeds() {
    return Seeds.derive(200);
  }
}
