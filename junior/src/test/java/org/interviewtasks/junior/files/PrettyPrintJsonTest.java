package org.interviewtasks.junior.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.StringWriter;
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

class PrettyPrintJsonTest {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  @TempDir Path dir;

  @Nested
  class Formatting {

    @Test
    void indentsByTwoSpacesOneValuePerLine() throws IOException {
      Path json =
          write(
              "{\"name\":\"Ada\",\"tags\":[\"math\",\"engines\"],\"address\":{},\"list\":[],"
                  + "\"nested\":{\"deep\":[1,{\"x\":null}]},\"ok\":true}");

      assertThat(PrettyPrintJson.prettyPrint(json))
          .isEqualTo(
              """
              {
                "name": "Ada",
                "tags": [
                  "math",
                  "engines"
                ],
                "address": {},
                "list": [],
                "nested": {
                  "deep": [
                    1,
                    {
                      "x": null
                    }
                  ]
                },
                "ok": true
              }
              """);
    }

    @Test
    void keepsNumbersAsWrittenAndKeysInFileOrder() throws IOException {
      Path json =
          write(
              "{\"z\":1.10,\"a\":1e400,\"m\":-0,\"big\":123456789012345678901234567890,\"f\":2.5E-3}");

      assertThat(PrettyPrintJson.prettyPrint(json))
          .isEqualTo(
              """
              {
                "z": 1.10,
                "a": 1e400,
                "m": -0,
                "big": 123456789012345678901234567890,
                "f": 2.5E-3
              }
              """);
    }

    @Test
    void writesNonAsciiAsItIsAndEscapesOnlyWhatJsonNeeds() throws IOException {
      Path json = write("[\"caf\\u00e9 😀\", \"tab\\tquote\\\" back\\\\ nl\\n\"]");

      assertThat(PrettyPrintJson.prettyPrint(json))
          .isEqualTo("[\n  \"café 😀\",\n  \"tab\\tquote\\\" back\\\\ nl\\n\"\n]\n");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
        delimiter = '|',
        quoteCharacter = '\'',
        value = {
          "42|42",
          "'\"text\"'|'\"text\"'",
          "null|null",
          "'  [ ]  '|[]",
          "'{ }'|{}",
          "-1.5e3|-1.5e3"
        })
    void printsAScalarOrEmptyRoot(String input, String expected) throws IOException {
      assertThat(PrettyPrintJson.prettyPrint(write(input))).isEqualTo(expected + "\n");
    }

    @Test
    void acceptsAByteOrderMarkAndWhitespaceAround() throws IOException {
      assertThat(PrettyPrintJson.prettyPrint(write("\uFEFF \r\n {\"a\":1} \n\n")))
          .isEqualTo("{\n  \"a\": 1\n}\n");
    }

    @Test
    void streamsToAWriterWithoutClosingIt() throws IOException {
      var out = new StringWriter();

      PrettyPrintJson.prettyPrint(write("[1]"), out);
      out.write("still open");

      assertThat(out).hasToString("[\n  1\n]\nstill open");
    }
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void theOutputIsTheSameJsonAsTheInput(long seed) throws IOException {
    JsonNode value = randomValue(new SplittableRandom(seed), 0);
    String compact = MAPPER.writeValueAsString(value);

    String pretty = PrettyPrintJson.prettyPrint(write(compact));

    assertThat(MAPPER.readTree(pretty)).isEqualTo(value);
    assertThat(MAPPER.writeValueAsString(MAPPER.readTree(pretty))).isEqualTo(compact);
    assertThat(pretty).endsWith("\n");
    assertThat(pretty.lines())
        .allSatisfy(line -> assertThat(line.length() - line.stripLeading().length()).isEven());
  }

  @Nested
  class Malformed {

    @ParameterizedTest(name = "{0}")
    @CsvSource(
        delimiter = '|',
        quoteCharacter = '\'',
        value = {
          "'{\"a\":1,}'|1|8|Unexpected character ('}' (code 125)): was expecting double-quote",
          "'{\"a\":1,\"a\":2}'|1|11|Duplicate field 'a'",
          "'[1,\n2'|2|2|Unexpected end-of-input: expected close marker for Array (start marker at"
              + " line: 1, column: 1)",
          "tru|1|1|Unrecognized token 'tru'",
          "'{} {}'|1|4|more than one JSON value",
          "'[1]\n\n2'|3|1|more than one JSON value"
        })
    void namesTheFileLineAndColumn(String input, long line, long column, String problem)
        throws IOException {
      Path json = write(input);

      assertThatThrownBy(() -> PrettyPrintJson.prettyPrint(json))
          .isInstanceOf(MalformedFileException.class)
          .hasMessageStartingWith(json + ", line " + line + ", column " + column + ": " + problem)
          .satisfies(
              e -> {
                assertThat(((MalformedFileException) e).line()).isEqualTo(line);
                assertThat(((MalformedFileException) e).column()).isEqualTo(column);
              });
    }

    @Test
    void anEmptyOrBlankFileHoldsNoValue() throws IOException {
      for (String blank : new String[] {"", "  \n\t "}) {
        Path json = write(blank);

        assertThatThrownBy(() -> PrettyPrintJson.prettyPrint(json))
            .isInstanceOf(MalformedFileException.class)
            .hasMessage(json + ": no JSON value: the file is empty or blank");
      }
    }

    @Test
    void bytesThatAreNotUtf8AreNamed() throws IOException {
      Path json = dir.resolve("latin1.json");
      Files.write(json, new byte[] {'[', '"', (byte) 0xE9, '"', ']'});

      assertThatThrownBy(() -> PrettyPrintJson.prettyPrint(json))
          .isInstanceOf(MalformedFileException.class)
          .hasMessage(json + ": not valid UTF-8 text");
    }

    @Test
    void aMissingFileIsNamed() {
      Path missing = dir.resolve("missing.json");

      assertThatThrownBy(() -> PrettyPrintJson.prettyPrint(missing))
          .isInstanceOf(NoSuchFileException.class)
          .hasMessage(missing + ": no such file");
    }

    @Test
    void rejectsNulls() throws IOException {
      Path json = write("1");

      assertThatNullPointerException()
          .isThrownBy(() -> PrettyPrintJson.prettyPrint(null))
          .withMessage("json");
      assertThatNullPointerException()
          .isThrownBy(() -> PrettyPrintJson.prettyPrint(json, null))
          .withMessage("out");
    }
  }

  @Nested
  class Main {

    @Test
    void printsTheFilePrettyPrinted() throws Exception {
      Path json = write("{\"a\":[\"é\"]}");

      var printed = StdStreams.capture(() -> PrettyPrintJson.main(json.toString()));

      assertThat(printed.out()).isEqualTo("{\n  \"a\": [\n    \"é\"\n  ]\n}\n");
    }

    @Test
    void needsOneArgument() {
      assertThatIllegalArgumentException()
          .isThrownBy(PrettyPrintJson::main)
          .withMessage("usage: junior.files.8 <file.json>");
      assertThatIllegalArgumentException()
          .isThrownBy(() -> PrettyPrintJson.main("a", "b"))
          .withMessage("usage: junior.files.8 <file.json>");
    }
  }

  /** A random JSON value, at most four levels deep. */
  private static JsonNode randomValue(SplittableRandom random, int depth) {
    JsonNodeFactory nodes = JsonNodeFactory.instance;
    int kind = random.nextInt(depth >= 4 ? 5 : 7);
    return switch (kind) {
      case 0 -> nodes.textNode(RandomData.text(random, 6));
      case 1 -> nodes.numberNode(random.nextLong());
      case 2 -> nodes.numberNode(random.nextInt(-1000, 1000) / 8.0);
      case 3 -> nodes.booleanNode(random.nextBoolean());
      case 4 -> nodes.nullNode();
      case 5 -> {
        ArrayNode array = nodes.arrayNode();
        for (int i = random.nextInt(4); i > 0; i--) {
          array.add(randomValue(random, depth + 1));
        }
        yield array;
      }
      default -> {
        ObjectNode object = nodes.objectNode();
        for (int i = random.nextInt(4); i > 0; i--) {
          object.set("k" + i + RandomData.text(random, 3), randomValue(random, depth + 1));
        }
        yield object;
      }
    };
  }

  private Path write(String content) throws IOException {
    return Files.writeString(Files.createTempFile(dir, "data", ".json"), content);
  }

  static LongStream seeds() {
    return Seeds.derive(200);
  }
}
