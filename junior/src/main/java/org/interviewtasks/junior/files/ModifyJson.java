package org.interviewtasks.junior.files;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Objects;
import org.interviewtasks.common.Args;
import org.interviewtasks.common.Task;

/**
 * Reads a JSON file holding an array of objects, adds a key-value pair to each object, and writes
 * the result to a new file.
 *
 * <p><b>Approach.</b> Streaming with Jackson, one entry at a time: the parser walks the array, each
 * element is read into a small tree ({@link ObjectNode}), the pair is put into it, and the tree is
 * written out at once, pretty-printed. Memory holds one entry, never the whole document, so the
 * array may be larger than the heap: O(n) time, O(largest entry) memory. The output goes to a
 * temporary file that replaces the target in one atomic rename: an error at entry 9,000 (or a
 * crash) never leaves a half-written target, and the target may be the source itself.
 *
 * <p><b>Edge cases.</b> When an entry already has the key, {@link OnConflict} decides: replace its
 * value, keep it, or fail (naming the entry's line and column), since silently overwriting data is
 * a choice the caller must make. The value is any JSON value ({@code "x"}, {@code 42}, {@code
 * true}, {@code null}, an object...). The other keys keep their order and their values, decimals
 * exactly ({@code 1.10} stays {@code 1.10}). The root must be an array and each element an object,
 * otherwise a {@link MalformedFileException} says what was found where; so is a key repeated in one
 * object, and any syntax error. An empty array gives an empty array.
 *
 * <p><b>Follow-up.</b> <i>"Why not {@code mapper.readTree(file)}, modify, write?"</i> Perfectly
 * fine for a small file, and shorter; it holds the whole document in memory, three times over in
 * objects. <i>"A nested path such as {@code meta.updated}?"</i> Walk or create the intermediate
 * objects with {@code ObjectNode.withObjectProperty}, or use a JSON Pointer ({@code
 * /meta/updated}).
 */
@Task(id = "junior.files.16", title = "Add a key to every entry of a JSON file")
public final class ModifyJson {

  /** What to do with an entry that already has the key. */
  public enum OnConflict {
    /** Put the new value in place of the old one, where the key was. */
    REPLACE,
    /** Keep the entry's own value. */
    KEEP,
    /** Fail with a {@link MalformedFileException}; the target is then unchanged. */
    FAIL
  }

  private ModifyJson() {}

  /**
   * Writes the array of objects in {@code source} to {@code target}, pretty-printed, with {@code
   * key: value} added to every object; the target is replaced atomically and may be the source.
   *
   * @return the number of entries written
   * @throws MalformedFileException if the source is not a valid JSON array of objects, or an entry
   *     has the key and {@code onConflict} is {@link OnConflict#FAIL}
   * @throws java.nio.file.NoSuchFileException if the source or the target's folder is missing
   */
  public static long addToEach(
      Path source, Path target, String key, JsonNode value, OnConflict onConflict)
      throws IOException {
    TextFiles.requireFile(source, "source");
    TextFiles.requireTarget(target, "target");
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(onConflict, "onConflict");
    return AtomicWrite.replaceText(
        target,
        out -> {
          try (JsonParser parser = Json.parser(source);
              JsonGenerator generator = Json.prettyGenerator(out)) {
            expect(source, parser, Json.start(source, parser), JsonToken.START_ARRAY, "the root");
            generator.writeStartArray();
            long entries = 0;
            for (JsonToken token = parser.nextToken();
                token != JsonToken.END_ARRAY;
                token = parser.nextToken()) {
              entries++;
              JsonLocation at = parser.currentTokenLocation();
              expect(source, parser, token, JsonToken.START_OBJECT, "entry " + entries);
              ObjectNode entry = Json.MAPPER.readTree(parser);
              if (entry.has(key) && onConflict == OnConflict.FAIL) {
                throw new MalformedFileException(
                    source,
                    at.getLineNr(),
                    at.getColumnNr(),
                    "entry " + entries + " already has the key \"" + key + "\"",
                    null);
              }
              if (!entry.has(key) || onConflict == OnConflict.REPLACE) {
                entry.set(key, value);
              }
              Json.MAPPER.writeTree(generator, entry);
            }
            generator.writeEndArray();
            Json.end(source, parser);
            generator.writeRaw('\n');
            return entries;
          } catch (JsonProcessingException e) {
            throw Json.malformed(source, e);
          }
        });
  }

  private static void expect(
      Path file, JsonParser parser, JsonToken actual, JsonToken expected, String what)
      throws MalformedFileException {
    if (actual != expected) {
      JsonLocation at = parser.currentTokenLocation();
      throw new MalformedFileException(
          file,
          at.getLineNr(),
          at.getColumnNr(),
          what + " must be " + describe(expected) + ", not " + describe(actual),
          null);
    }
  }

  private static String describe(JsonToken token) {
    return switch (token) {
      case START_ARRAY -> "an array";
      case START_OBJECT -> "an object";
      case VALUE_STRING -> "a string";
      case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
      case VALUE_TRUE, VALUE_FALSE -> "a boolean";
      case VALUE_NULL -> "null";
      default -> token.asString();
    };
  }

  /**
   * Writes the array of objects in the file named by the first argument to the second, adding the
   * key given third with the JSON value given fourth ({@code '"text"'}, {@code 42}, {@code true});
   * an entry that has the key already fails.
   *
   * @throws IllegalArgumentException unless there are four arguments, the last valid JSON
   */
  public static void main(String... args) throws IOException {
    if (args.length != 4) {
      throw new IllegalArgumentException(
          "usage: junior.files.16 <source.json> <target.json> <key> <json-value>");
    }
    JsonNode value;
    try {
      value =
          Json.MAPPER
              .reader()
              .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
              .readTree(args[3]);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(
          "not a JSON value: '" + args[3] + "' (a string needs quotes: '\"text\"')", e);
    }
    if (value.isMissingNode()) {
      throw new IllegalArgumentException("not a JSON value: '" + args[3] + "'");
    }
    long entries =
        addToEach(Args.toPath(args[0]), Args.toPath(args[1]), args[2], value, OnConflict.FAIL);
    System.out.println(entries + (entries == 1 ? " entry" : " entries") + " written to " + args[1]);
  }
}
