package org.interviewtasks.senior.advanced.microservices;

import java.io.ByteArrayOutputStream;
import java.net.URLEncoder;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Where a gRPC method lives on the REST side: an HTTP method and a path template such as {@code
 * /v1/items/{sku}}, whose {@code {variables}} name fields of the request message (the idea of
 * {@code google.api.http} annotations, declared here in Java). A {@code GET} takes the other fields
 * from the query string; a {@code POST}, {@code PUT} or {@code PATCH} takes the whole request as a
 * JSON body.
 *
 * @param method {@code GET}, {@code POST}, {@code PUT}, {@code PATCH} or {@code DELETE}
 * @param template a path starting with {@code /}, of literal segments and {@code {field}} segments
 */
public record HttpRoute(String method, String template) {

  private static final Pattern LITERAL = Pattern.compile("[A-Za-z0-9._~-]+");
  private static final Pattern VARIABLE = Pattern.compile("\\{([a-zA-Z][a-zA-Z0-9_]*)}");
  private static final List<String> METHODS = List.of("GET", "POST", "PUT", "PATCH", "DELETE");

  /**
   * Checks the route.
   *
   * @throws IllegalArgumentException for an unknown method, a malformed template, or a variable
   *     named twice
   */
  public HttpRoute {
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(template, "template");
    if (!METHODS.contains(method)) {
      throw new IllegalArgumentException("method must be one of " + METHODS + ": " + method);
    }
    if (!template.startsWith("/") || template.length() == 1 || template.endsWith("/")) {
      throw new IllegalArgumentException(
          "template must start with / and have segments, with no trailing /: " + template);
    }
    List<String> seen = new ArrayList<>();
    for (String segment : template.substring(1).split("/", -1)) {
      var variable = VARIABLE.matcher(segment);
      if (variable.matches()) {
        if (seen.contains(variable.group(1))) {
          throw new IllegalArgumentException("variable named twice in " + template);
        }
        seen.add(variable.group(1));
      } else if (!LITERAL.matcher(segment).matches()) {
        throw new IllegalArgumentException(
            "segment must be a literal or {field}: '" + segment + "' in " + template);
      }
    }
  }

  /** {@code GET template}. */
  public static HttpRoute get(String template) {
    return new HttpRoute("GET", template);
  }

  /** {@code POST template}. */
  public static HttpRoute post(String template) {
    return new HttpRoute("POST", template);
  }

  /** Whether the request travels as a JSON body (not for GET and DELETE). */
  public boolean hasBody() {
    return !method.equals("GET") && !method.equals("DELETE");
  }

  /** The field names of the template's variables, in order. */
  public List<String> variables() {
    List<String> names = new ArrayList<>();
    for (String segment : segments()) {
      var variable = VARIABLE.matcher(segment);
      if (variable.matches()) {
        names.add(variable.group(1));
      }
    }
    return names;
  }

  /**
   * Matches a raw (still percent-encoded) request path.
   *
   * @return the decoded variables by field name, or empty if the path does not fit the template
   */
  public Optional<Map<String, String>> match(String rawPath) {
    Objects.requireNonNull(rawPath, "rawPath");
    if (!rawPath.startsWith("/")) {
      return Optional.empty();
    }
    String[] parts = rawPath.substring(1).split("/", -1);
    List<String> segments = segments();
    if (parts.length != segments.size()) {
      return Optional.empty();
    }
    Map<String, String> values = new LinkedHashMap<>();
    for (int i = 0; i < parts.length; i++) {
      var variable = VARIABLE.matcher(segments.get(i));
      if (variable.matches()) {
        Optional<String> decoded = decode(parts[i]);
        if (decoded.isEmpty()) {
          return Optional.empty();
        }
        values.put(variable.group(1), decoded.get());
      } else if (!segments.get(i).equals(parts[i])) {
        return Optional.empty();
      }
    }
    return Optional.of(values);
  }

  /**
   * The path for these variable values, each percent-encoded as UTF-8 (so {@code /} and any Unicode
   * survive).
   *
   * @throws IllegalArgumentException if a variable has no value
   */
  public String expand(Map<String, String> values) {
    Objects.requireNonNull(values, "values");
    StringBuilder path = new StringBuilder();
    for (String segment : segments()) {
      path.append('/');
      var variable = VARIABLE.matcher(segment);
      if (variable.matches()) {
        String value = values.get(variable.group(1));
        if (value == null) {
          throw new IllegalArgumentException("no value for {" + variable.group(1) + "}");
        }
        path.append(encode(value));
      } else {
        path.append(segment);
      }
    }
    return path.toString();
  }

  /** Percent-encodes one path segment or query value ({@code %20} for a space, not {@code +}). */
  static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }

  /**
   * Decodes a percent-encoded segment or query value as UTF-8 ({@code +} is a plus sign); empty if
   * an escape is malformed or the bytes are not valid UTF-8 (never silently replaced).
   */
  static Optional<String> decode(String raw) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(raw.length());
    for (int i = 0; i < raw.length(); i++) {
      char c = raw.charAt(i);
      if (c == '%') {
        if (i + 2 >= raw.length()) {
          return Optional.empty();
        }
        int high = Character.digit(raw.charAt(i + 1), 16);
        int low = Character.digit(raw.charAt(i + 2), 16);
        if (high < 0 || low < 0) {
          return Optional.empty();
        }
        bytes.write(high << 4 | low);
        i += 2;
      } else if (c < 0x80) {
        bytes.write(c);
      } else {
        return Optional.empty(); // a raw path is ASCII; anything else was sent unencoded
      }
    }
    try {
      return Optional.of(
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(bytes.toByteArray()))
              .toString());
    } catch (CharacterCodingException e) {
      return Optional.empty();
    }
  }

  private List<String> segments() {
    return List.of(template.substring(1).split("/", -1));
  }

  @Override
  public String toString() {
    return method + " " + template;
  }
}
