package org.interviewtasks.junior.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
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
import org.interviewtasks.junior.files.ModifyJson.OnConflict;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class ModifyJsonTest {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  @TempDir Path dir;

  @Nested
  class Adding {

    @Test
    void addsThePairToEveryEntryPrettyPrinted() throws IOException {
      Path source = write("[{\"name\":\"Ada\"},{\"name\":\"Alan\",\"tags\":[1,2]}]");
      Path target = dir.resolve("out.json");

      long entries =
          ModifyJson.addToEach(source, target, "active", BooleanNode.TRUE, OnConflict.FAIL);

      assertThat(entries).isEqualTo(2);
      assertThat(Files.readString(target))
          .isEqualTo(
              """
              [
                {
                  "name": "Ada",
                  "active": true
                },
                {
                  "name": "Alan",
                  "tags": [
                    1,
                    2
                  ],
                  "active": true
                }
              ]
              """);
    }

    @Test
    void theValueMayBeAnyJsonValue() throws IOException {
      Path source = write("[{}]");
      Path target = dir.resolve("out.json");
      ObjectNode object = MAPPER.createObjectNode().put("nested", "é");

      ModifyJson.addToEach(source, target, "s", TextNode.valueOf("x"), OnConflict.FAIL);
      ModifyJson.addToEach(target, target, "n", IntNode.valueOf(7), OnConflict.FAIL);
      ModifyJson.addToEach(target, target, "z", NullNode.getInstance(), OnConflict.FAIL);
      ModifyJson.addToEach(target, target, "o", object, OnConflict.FAIL);
      ModifyJson.addToEach(target, target, "", TextNode.valueOf("empty key"), OnConflict.FAIL);

      assertThat(MAPPER.readTree(target.toFile()))
          .isEqualTo(
              MAPPER.readTree(
                  "[{\"s\":\"x\",\"n\":7,\"z\":null,\"o\":{\"nested\":\"é\"},\"\":\"empty key\"}]"));
    }

    @Test
    void keepsTheOtherValuesExactly() throws IOException {
      Path source =
          write("[{\"price\":1.10,\"big\":123456789012345678901234567890,\"t\":\"a\\\"b\"}]");
      Path target = dir.resolve("out.json");

      ModifyJson.addToEach(source, target, "k", IntNode.valueOf(1), OnConflict.FAIL);

      assertThat(Files.readString(target))
          .isEqualTo(
              """
              [
                {
                  "price": 1.10,
                  "big": 123456789012345678901234567890,
                  "t": "a\\"b",
                  "k": 1
                }
              ]
              """);
    }

    @Test
    void anEmptyArrayStaysEmpty() throws IOException {
      Path target = dir.resolve("out.json");

      assertThat(
              ModifyJson.addToEach(
                  write(" [ ] "), target, "k", NullNode.getInstance(), OnConflict.FAIL))
          .isZero();

      assertThat(Files.readString(target)).isEqualTo("[]\n");
    }

    @Test
    void theTargetMayBeTheSource() throws IOException {
      Path file = write("[{\"a\":1}]");

      ModifyJson.addToEach(file, file, "b", IntNode.valueOf(2), OnConflict.FAIL);

      assertThat(MAPPER.readTree(file.toFile())).isEqualTo(MAPPER.readTree("[{\"a\":1,\"b\":2}]"));
    }
  }

  @Nested
  class Conflicts {

    private static final String PEOPLE =
        "[{\"name\":\"Ada\",\"role\":\"math\"},{\"name\":\"Alan\"}]";

    @Test
    void replaceOverwritesInPlace() throws IOException {
      Path target = dir.resolve("out.json");

      ModifyJson.addToEach(
          write(PEOPLE), target, "name", TextNode.valueOf("?"), OnConflict.REPLACE);

      assertThat(Files.readString(target))
          .isEqualTo(
              "[\n  {\n    \"name\": \"?\",\n    \"role\": \"math\"\n  },\n  {\n    \"name\": \"?\"\n  }\n]\n");
    }

    @Test
    void keepLeavesTheEntrysOwnValue() throws IOException {
      Path target = dir.resolve("out.json");

      ModifyJson.addToEach(write(PEOPLE), target, "role", TextNode.valueOf("cs"), OnConflict.KEEP);

      assertThat(MAPPER.readTree(target.toFile()))
          .isEqualTo(
              MAPPER.readTree(
                  "[{\"name\":\"Ada\",\"role\":\"math\"},{\"name\":\"Alan\",\"role\":\"cs\"}]"));
    }

    @Test
    void failNamesTheEntryAndLeavesTheTargetWithNoTemporaryFile() throws IOException {
      Path source = write("[\n  {\"x\": 1},\n  {\"role\": 2}\n]");
      Path folder = Files.createDirectory(dir.resolve("out"));
      byte[] old = "old".getBytes(StandardCharsets.UTF_8);
      Path target = Files.write(folder.resolve("out.json"), old);

      assertThatThrownBy(
              () ->
                  ModifyJson.addToEach(
                      source, target, "role", TextNode.valueOf("cs"), OnConflict.FAIL))
          .isInstanceOf(MalformedFileException.class)
          .hasMessage(source + ", line 3, column 3: entry 2 already has the key \"role\"");

      assertThat(Files.readAllBytes(target)).isEqualTo(old);
      assertThat(TestFiles.names(folder)).containsExactly("out.json");
    }
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void agreesWithEditingTheWholeTree(long seed) throws IOException {
    var random = new SplittableRandom(seed);
    ArrayNode array = MAPPER.createArrayNode();
    for (int i = random.nextInt(6); i > 0; i--) {
      ObjectNode entry = array.addObject();
      for (int k = random.nextInt(4); k > 0; k--) {
        entry.put(random.nextBoolean() ? "key" : "k" + k, RandomData.text(random, 5));
      }
    }
    JsonNode value = TextNode.valueOf(RandomData.text(random, 5));
    Path source = write(MAPPER.writeValueAsString(array));
    Path target = dir.resolve("out-" + seed);

    ModifyJson.addToEach(source, target, "key", value, OnConflict.REPLACE);

    array.forEach(entry -> ((ObjectNode) entry).set("key", value));
    assertThat(MAPPER.readTree(target.toFile())).isEqualTo(array);
  }

  @Nested
  class Malformed {

    @ParameterizedTest(name = "{0}")
    @CsvSource(
        delimiter = '|',
        quoteCharacter = '\'',
        value = {
          "'{\"a\":1}'|1|1|the root must be an array, not an object",
          "'\"text\"'|1|1|the root must be an array, not a string",
          "'[{}, 42]'|1|6|entry 2 must be an object, not a number",
          "'[{},\n [1]]'|2|2|entry 2 must be an object, not an array",
          "'[true]'|1|2|entry 1 must be an object, not a boolean",
          "'[null]'|1|2|entry 1 must be an object, not null",
          "'[{\"a\":1,\"a\":2}]'|1|12|Duplicate field 'a'",
          "'[{\"a\":1}] [2]'|1|11|more than one JSON value",
          "'[{\"a\":}]'|1|7|Unexpected character ('}' (code 125))"
        })
    void saysWhatWasFoundWhere(String json, long line, long column, String problem)
        throws IOException {
      Path source = write(json);

      assertThatThrownBy(
              () ->
                  ModifyJson.addToEach(
                      source, dir.resolve("out.json"), "k", IntNode.valueOf(1), OnConflict.FAIL))
          .isInstanceOf(MalformedFileException.class)
          .hasMessageStartingWith(
              source + ", line " + line + ", column " + column + ": " + problem);
      assertThat(dir.resolve("out.json")).doesNotExist();
    }

    @Test
    void anEmptyFileHoldsNoArray() throws IOException {
      Path source = write("");

      assertThatThrownBy(
              () ->
                  ModifyJson.addToEach(
                      source, dir.resolve("out.json"), "k", IntNode.valueOf(1), OnConflict.FAIL))
          .isInstanceOf(MalformedFileException.class)
          .hasMessage(source + ": no JSON value: the file is empty or blank");
    }

    @Test
    void missingFilesAndNullsAreNamed() throws IOException {
      Path missing = dir.resolve("missing.json");
      Path source = write("[]");
      Path target = dir.resolve("out.json");
      JsonNode one = IntNode.valueOf(1);

      assertThatThrownBy(() -> ModifyJson.addToEach(missing, target, "k", one, OnConflict.FAIL))
          .isInstanceOf(NoSuchFileException.class)
          .hasMessage(missing + ": no such file");
      assertThatNullPointerException()
          .isThrownBy(() -> ModifyJson.addToEach(null, target, "k", one, OnConflict.FAIL))
          .withMessage("source");
      assertThatNullPointerException()
          .isThrownBy(() -> ModifyJson.addToEach(source, null, "k", one, OnConflict.FAIL))
          .withMessage("target");
      assertThatNullPointerException()
          .isThrownBy(() -> ModifyJson.addToEach(source, target, null, one, OnConflict.FAIL))
          .withMessage("key");
      assertThatNullPointerException()
          .isThrownBy(() -> ModifyJson.addToEach(source, target, "k", null, OnConflict.FAIL))
          .withMessage("value");
      assertThatNullPointerException()
          .isThrownBy(() -> ModifyJson.addToEach(source, target, "k", one, null))
          .withMessage("onConflict");
    }
  }

  @Nested
  class Main {

    @Test
    void addsTheJsonValueGiven() throws Exception {
      Path source = write("[{\"a\":1},{\"a\":2}]");
      Path target = dir.resolve("out.json");

      var printed =
          StdStreams.capture(
              () -> ModifyJson.main(source.toString(), target.toString(), "tag", "\"new\""));
      var one =
          StdStreams.capture(
              () ->
                  ModifyJson.main(write("[{}]").toString(), target.toString(), "n", "{\"x\":[]}"));

      assertThat(printed.out())
          .isEqualTo("2 entries written to " + target + System.lineSeparator());
      assertThat(one.out()).isEqualTo("1 entry written to " + target + System.lineSeparator());
      assertThat(MAPPER.readTree(target.toFile()))
          .isEqualTo(MAPPER.readTree("[{\"n\":{\"x\":[]}}]"));
    }

    @Test
    void rejectsBadArguments() {
      assertThatIllegalArgumentException()
          .isThrownBy(() -> ModifyJson.main("a", "b", "c"))
          .withMessage("usage: junior.files.16 <source.json> <target.json> <key> <json-value>");
      assertThatIllegalArgumentException()
          .isThrownBy(() -> ModifyJson.main("a", "b", "k", "text"))
          .withMessage("not a JSON value: 'text' (a string needs quotes: '\"text\"')");
      assertThatIllegalArgumentException()
          .isThrownBy(() -> ModifyJson.main("a", "b", "k", "1 2"))
          .withMessageStartingWith("not a JSON value: '1 2'");
      assertThatIllegalArgumentException()
          .isThrownBy(() -> ModifyJson.main("a", "b", "k", " "))
          .withMessage("not a JSON value: ' '");
    }
  }

  private Path write(String content) throws IOException {
    return Files.writeString(Files.createTempFile(dir, "data", ".json"), content);
  }

  static LongStream seeds() {
    return Seeds.derive(200);
  }
}
