package org.interviewtasks.junior.files;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * How the file tasks read and write JSON, through Jackson.
 *
 * <p>Reading is strict: a key repeated in one object is an error (the JSON standard leaves it
 * undefined, and keeping the last silently drops data), and a file must hold exactly one JSON
 * value. Errors become a {@link MalformedFileException} with Jackson's line and column. Writing
 * indents by two spaces, one value per line, {@code "key": value}, and {@code {}} and {@code []}
 * for empty containers, like {@code JSON.stringify(value, null, 2)}.
 */
final class Json {

  /** Streaming parsers and generators. */
  static final JsonFactory FACTORY =
      JsonFactory.builder()
          .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
          .disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
          .build();

  /**
   * Trees for values that are read whole; decimals are kept exactly ({@code 1.10} stays {@code
   * 1.10}, not the {@code double} 1.1).
   */
  static final ObjectMapper MAPPER =
      JsonMapper.builder(FACTORY)
          .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
          .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
          .build();

  private static final DefaultPrettyPrinter PRETTY = prettyPrinter();

  /** Jackson repeats a redacted source in nested locations; the line and column are enough. */
  private static final Pattern SOURCE =
      Pattern.compile("\\[Source: [^\\]]*?; (line: \\d+, column: \\d+)\\]");

  private Json() {}

  private static DefaultPrettyPrinter prettyPrinter() {
    var separators =
        Separators.createDefaultInstance()
            .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
            .withObjectEmptySeparator("")
            .withArrayEmptySeparator("");
    var indenter = new DefaultIndenter("  ", "\n");
    var printer = new DefaultPrettyPrinter(separators);
    printer.indentArraysWith(indenter);
    printer.indentObjectsWith(indenter);
    return printer;
  }

  /** A parser of a UTF-8 JSON file, checked with {@link TextFiles#requireFile}. */
  static JsonParser parser(Path file) throws IOException {
    return FACTORY.createParser(TextFiles.newReaderSkippingBom(file));
  }

  /** A generator that pretty-prints to {@code out} and does not close it. */
  static JsonGenerator prettyGenerator(Writer out) throws IOException {
    JsonGenerator generator = FACTORY.createGenerator(out);
    generator.setPrettyPrinter(PRETTY.createInstance());
    return generator;
  }

  /**
   * Copies the event the parser is on to the generator; numbers keep their exact text ({@code
   * 1.10}, {@code 1e400}, {@code -0}), which Jackson's own copy would turn into a {@code double}.
   */
  private static void copyEvent(JsonParser parser, JsonGenerator generator) throws IOException {
    JsonToken token = parser.currentToken();
    if (token == JsonToken.VALUE_NUMBER_INT || token == JsonToken.VALUE_NUMBER_FLOAT) {
      generator.writeNumber(parser.getText());
    } else {
      generator.copyCurrentEvent(parser);
    }
  }

  /**
   * Copies the value the parser is on (a scalar, or an object or array with all it holds) to the
   * generator, one token at a time; the parser is left on the value's last token.
   */
  static void copyValue(JsonParser parser, JsonGenerator generator) throws IOException {
    int depth = 0;
    do {
      JsonToken token = parser.currentToken();
      copyEvent(parser, generator);
      if (token.isStructStart()) {
        depth++;
      } else if (token.isStructEnd()) {
        depth--;
      }
    } while (depth > 0 && parser.nextToken() != null);
  }

  /**
   * The first token of the file's one value.
   *
   * @throws MalformedFileException if the file holds no JSON value
   */
  static JsonToken start(Path file, JsonParser parser) throws IOException {
    JsonToken token = parser.nextToken();
    if (token == null) {
      throw new MalformedFileException(file, "no JSON value: the file is empty or blank", null);
    }
    return token;
  }

  /**
   * Checks that nothing but whitespace follows the value just read.
   *
   * @throws MalformedFileException if another value follows
   */
  static void end(Path file, JsonParser parser) throws IOException {
    if (parser.nextToken() != null) {
      JsonLocation at = parser.currentTokenLocation();
      throw new MalformedFileException(
          file, at.getLineNr(), at.getColumnNr(), "more than one JSON value", null);
    }
  }

  /** The exception to throw for a parse error in {@code file}. */
  static MalformedFileException malformed(Path file, JsonProcessingException e) {
    JsonLocation at = e.getLocation();
    String problem = SOURCE.matcher(e.getOriginalMessage()).replaceAll("$1");
    return at == null
        ? new MalformedFileException(file, problem, e)
        : new MalformedFileException(file, at.getLineNr(), at.getColumnNr(), problem, e);
  }
}
