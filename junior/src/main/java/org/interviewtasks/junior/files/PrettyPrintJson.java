package org.interviewtasks.junior.files;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Objects;
import org.interviewtasks.common.Args;
import org.interviewtasks.common.Task;

/**
 * Reads a JSON file and prints it formatted: one value per line, indented by nesting.
 *
 * <p><b>Approach.</b> Jackson's streaming API: a parser reads the file token by token and a
 * generator with a pretty printer writes each token as it comes, so no tree of the document is ever
 * built and a file of any size prints in O(n) time and O(depth) memory. The output indents by two
 * spaces with {@code "key": value}, like {@code JSON.stringify(value, null, 2)} or {@code python -m
 * json.tool --indent 2}:
 *
 * <pre>
 * {
 *   "name": "Ada",
 *   "tags": [
 *     "math",
 *     "engines"
 *   ],
 *   "address": {}
 * }
 * </pre>
 *
 * <p><b>Edge cases.</b> The content is kept exactly: keys in file order, strings as they were
 * (non-ASCII characters unescaped, so <code>"&#92;u00e9"</code> prints as {@code "é"}), and numbers
 * as written, so {@code 1.10} stays {@code 1.10} and {@code 1e400} stays {@code 1e400} (reading
 * them as {@code double} would print {@code 1.1} and {@code Infinity}). A key repeated in one
 * object, an empty file, a second value after the first ({@code {} {}}) and any syntax error are a
 * {@link MalformedFileException} with the file, line and column. {@link #prettyPrint(Path, Writer)}
 * streams, so by then it may have written the part before the error (as {@code jq} does); {@link
 * #prettyPrint(Path)} returns all or nothing.
 *
 * <p><b>Follow-up.</b> <i>"Sort the keys?"</i> Then the whole object must be read first: read a
 * tree ({@code ObjectMapper.readTree}) and enable {@code ORDER_MAP_ENTRIES_BY_KEYS}, at the cost of
 * memory. <i>"Minify instead?"</i> The same loop without the pretty printer.
 */
@Task(id = "junior.files.8", title = "Pretty-print a JSON file", usage = "<file.json>")
public final class PrettyPrintJson {

  private PrettyPrintJson() {}

  /**
   * Writes the JSON value of a UTF-8 file to {@code out}, pretty-printed, followed by {@code \n}.
   *
   * @throws MalformedFileException if the file is not one valid JSON value, or not UTF-8
   * @throws java.nio.file.NoSuchFileException if the file does not exist
   */
  public static void prettyPrint(Path json, Writer out) throws IOException {
    TextFiles.requireFile(json, "json");
    Objects.requireNonNull(out, "out");
    try (JsonParser parser = Json.parser(json)) {
      Json.start(json, parser);
      try (JsonGenerator generator = Json.prettyGenerator(out)) {
        Json.copyValue(parser, generator);
      }
      Json.end(json, parser);
      out.write('\n');
    } catch (JsonProcessingException e) {
      throw Json.malformed(json, e);
    }
  }

  /** The JSON value of a UTF-8 file, pretty-printed; see {@link #prettyPrint(Path, Writer)}. */
  public static String prettyPrint(Path json) throws IOException {
    var out = new StringWriter();
    prettyPrint(json, out);
    return out.toString();
  }

  /**
   * Prints the JSON file named by the only argument, pretty-printed.
   *
   * @throws IllegalArgumentException unless there is exactly one argument
   */
  public static void main(String... args) throws IOException {
    if (args.length != 1) {
      throw new IllegalArgumentException("usage: junior.files.8 <file.json>");
    }
    Writer out = new OutputStreamWriter(System.out, StandardCharsets.UTF_8);
    prettyPrint(Args.toPath(args[0]), out);
    out.flush();
  }
}
