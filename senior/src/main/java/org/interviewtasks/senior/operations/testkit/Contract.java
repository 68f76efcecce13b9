package org.interviewtasks.senior.operations.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A contract file: HTTP cases run in file order against one service, each a request and what its
 * answer must show. Parsed by {@link #parse(String, String)}; run by {@link ContractTestEngine}.
 *
 * <h2>Format</h2>
 *
 * One directive per line, {@code keyword: value}; {@code #} starts a comment line; blank lines are
 * ignored (except inside a multi-line body).
 *
 * <pre>
 * case: reserves two widgets                    starts a case; the name is unique in the file
 * tags: smoke, stock                            optional: JUnit tags, by comma or space
 * request: POST /items/WIDGET-1/reservations    required: method and path under the base URI
 * header: Content-Type: application/json        any number
 * body: {"quantity": 2}                         one line, or body: """ then lines up to """
 * expect status: 201                            required, 100 to 599
 * expect header: Content-Type: application/json the exact value; the name in any case
 * expect json: /remaining = 3                   a JSON Pointer (RFC 6901) = a JSON value
 * expect json: /reservedAt exists               or: absent
 * expect body contains: WIDGET-1                a substring of the body
 * </pre>
 *
 * Numbers compare by value ({@code 3} equals {@code 3.0}); strings, booleans, null, arrays and
 * objects compare exactly. Every mismatch of a case is reported, each with its line.
 *
 * @param name the file's name, as errors and reports show it
 * @param cases the cases, in file order; at least one
 */
public record Contract(String name, List<Case> cases) {

  /**
   * Checks and copies the parts.
   *
   * @throws IllegalArgumentException if there is no case, or two share a name
   */
  public Contract {
    Objects.requireNonNull(name, "name");
    cases = List.copyOf(cases);
    if (cases.isEmpty()) {
      throw new IllegalArgumentException(name + ": no case");
    }
    if (cases.stream().map(Case::name).distinct().count() != cases.size()) {
      throw new IllegalArgumentException(name + ": two cases share a name");
    }
  }

  /**
   * Parses a contract file.
   *
   * @param name the file's name for messages, e.g. {@code inventory.contract}
   * @param text the whole file
   * @throws ContractSyntaxException naming the file and the line of the first error
   * @throws IllegalArgumentException if {@code name} is blank
   */
  public static Contract parse(String name, String text) {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(text, "text");
    if (name.isBlank()) {
      throw new IllegalArgumentException("name is blank");
    }
    return new ContractParser(name, text).parse();
  }

  /** The case called {@code caseName}, if there is one. */
  public Optional<Case> find(String caseName) {
    return cases.stream().filter(c -> c.name().equals(caseName)).findFirst();
  }

  /**
   * One case: a request and its expectations.
   *
   * @param name unique in its file
   * @param line the line of its {@code case:}
   * @param tags its tags (valid JUnit tag names)
   * @param request what to send
   * @param expectations what the answer must show; the first is the status
   */
  public record Case(
      String name, int line, Set<String> tags, Request request, List<Expectation> expectations) {

    /** Copies the parts. */
    public Case {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(request, "request");
      tags = Set.copyOf(tags);
      expectations = List.copyOf(expectations);
    }

    /**
     * What the answer fails to show, in the order of the file: empty when it matches.
     *
     * @param status the answer's status
     * @param headers its headers, names in lower case
     * @param body its body as text
     */
    public List<Mismatch> check(int status, Map<String, List<String>> headers, String body) {
      Objects.requireNonNull(headers, "headers");
      Objects.requireNonNull(body, "body");
      Answer answer = new Answer(status, headers, body);
      List<Mismatch> found = new ArrayList<>();
      for (Expectation expectation : expectations) {
        Optional<Mismatch> mismatch =
            switch (expectation) {
              case Expectation.Status s -> s.check(answer);
              case Expectation.Header h -> h.check(answer);
              case Expectation.JsonField j -> j.check(answer);
              case Expectation.BodyContains b -> b.check(answer);
            };
        mismatch.ifPresent(found::add);
      }
      return found;
    }
  }

  /**
   * An HTTP request.
   *
   * @param method an upper-case token, e.g. {@code GET}
   * @param path starting with {@code /}, resolved against the base URI
   * @param headers name and value pairs, in file order
   * @param body the body, empty for none
   */
  public record Request(
      String method, String path, List<Map.Entry<String, String>> headers, String body) {

    /** Copies the parts. */
    public Request {
      Objects.requireNonNull(method, "method");
      Objects.requireNonNull(path, "path");
      Objects.requireNonNull(body, "body");
      headers = List.copyOf(headers);
    }
  }

  /**
   * An expectation that failed.
   *
   * @param line the line of the expectation
   * @param message what was wanted and what came
   * @param expected the wanted value as text
   * @param actual the value that came, as text
   */
  public record Mismatch(int line, String message, String expected, String actual) {}

  /** A received answer, parsed at most once as JSON. */
  static final class Answer {
    final int status;
    final Map<String, List<String>> headers;
    final String body;
    private JsonNode json;
    private String jsonError;

    Answer(int status, Map<String, List<String>> headers, String body) {
      this.status = status;
      this.headers = headers;
      this.body = body;
    }

    /** The body as JSON, or empty with {@link #jsonError()} set. */
    Optional<JsonNode> json() {
      if (json == null && jsonError == null) {
        try {
          json = ContractParser.JSON.readTree(body);
          if (json == null || json.isMissingNode()) {
            jsonError = "the body is empty";
            json = null;
          }
        } catch (java.io.IOException e) {
          jsonError = "the body is not JSON";
        }
      }
      return Optional.ofNullable(json);
    }

    String jsonError() {
      return jsonError;
    }

    Optional<String> header(String name) {
      List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
      return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }
  }

  /** What an answer must show. */
  public sealed interface Expectation {

    /** The line it was written on. */
    int line();

    /**
     * {@code expect status: 201}.
     *
     * @param line its line
     * @param status 100 to 599
     */
    record Status(int line, int status) implements Expectation {
      Optional<Mismatch> check(Answer answer) {
        if (answer.status == status) {
          return Optional.empty();
        }
        return Optional.of(
            new Mismatch(
                line,
                "expected status "
                    + status
                    + " but was "
                    + answer.status
                    + "; body: "
                    + abbreviate(answer.body),
                String.valueOf(status),
                String.valueOf(answer.status)));
      }
    }

    /**
     * {@code expect header: Name: value}.
     *
     * @param line its line
     * @param name the header's name (compared in any case)
     * @param value its exact value
     */
    record Header(int line, String name, String value) implements Expectation {
      Optional<Mismatch> check(Answer answer) {
        Optional<String> actual = answer.header(name);
        if (actual.isPresent() && actual.get().equals(value)) {
          return Optional.empty();
        }
        String got = actual.map(v -> "'" + v + "'").orElse("missing");
        return Optional.of(
            new Mismatch(
                line,
                "expected header " + name + ": '" + value + "' but it was " + got,
                value,
                actual.orElse("")));
      }
    }

    /**
     * {@code expect json: /pointer = value}, {@code exists} or {@code absent}.
     *
     * @param line its line
     * @param pointer a JSON Pointer
     * @param value the wanted value, or empty for {@code exists} / {@code absent}
     * @param present whether the field must exist ({@code false}: {@code absent})
     */
    record JsonField(int line, String pointer, Optional<JsonNode> value, boolean present)
        implements Expectation {

      /** Checks the parts. */
      public JsonField {
        Objects.requireNonNull(pointer, "pointer");
        Objects.requireNonNull(value, "value");
        if (value.isPresent() && !present) {
          throw new IllegalArgumentException("an absent field has no value");
        }
      }

      Optional<Mismatch> check(Answer answer) {
        Optional<JsonNode> json = answer.json();
        if (json.isEmpty()) {
          return Optional.of(
              new Mismatch(
                  line,
                  "expected JSON field "
                      + pointer
                      + " but "
                      + answer.jsonError()
                      + ": "
                      + abbreviate(answer.body),
                  pointer,
                  abbreviate(answer.body)));
        }
        JsonNode field = json.get().at(pointer);
        boolean exists = !field.isMissingNode();
        if (value.isEmpty()) {
          if (exists == present) {
            return Optional.empty();
          }
          return Optional.of(
              new Mismatch(
                  line,
                  "expected JSON field "
                      + pointer
                      + (present ? " to exist" : " to be absent")
                      + " in "
                      + abbreviate(answer.body),
                  present ? "exists" : "absent",
                  exists ? field.toString() : "absent"));
        }
        JsonNode wanted = value.get();
        if (exists && field.equals(ContractParser::compareJson, wanted)) {
          return Optional.empty();
        }
        String got = exists ? field.toString() : "absent";
        return Optional.of(
            new Mismatch(
                line,
                "expected JSON field " + pointer + " = " + wanted + " but was " + got,
                wanted.toString(),
                got));
      }
    }

    /**
     * {@code expect body contains: text}.
     *
     * @param line its line
     * @param text a substring the body must have
     */
    record BodyContains(int line, String text) implements Expectation {
      Optional<Mismatch> check(Answer answer) {
        if (answer.body.contains(text)) {
          return Optional.empty();
        }
        return Optional.of(
            new Mismatch(
                line,
                "expected the body to contain '"
                    + text
                    + "' but it was: "
                    + abbreviate(answer.body),
                text,
                answer.body));
      }
    }
  }

  /** At most 200 characters of {@code text}, for messages. */
  static String abbreviate(String text) {
    if (text.isEmpty()) {
      return "(empty)";
    }
    return text.length() <= 200
        ? text
        : text.substring(0, 200) + "... (" + text.length() + " chars)";
  }
}
