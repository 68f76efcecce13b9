package org.interviewtasks.senior.operations.testkit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.platform.engine.TestTag;

/**
 * Reads the line format of {@link Contract}: one pass, one pending case at a time; the first error
 * stops the parse with its file and line.
 */
final class ContractParser {

  static final ObjectMapper JSON =
      new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  static final List<String> KEYWORDS =
      List.of(
          "case",
          "tags",
          "request",
          "header",
          "body",
          "expect status",
          "expect header",
          "expect json",
          "expect body contains");

  private static final Pattern METHOD = Pattern.compile("[A-Z]{3,10}");
  private static final Pattern HEADER_NAME = Pattern.compile("[A-Za-z0-9!#$%&'*+.^_`|~-]+");

  /** Headers the JDK's HTTP client sets itself and refuses from callers. */
  private static final Set<String> RESTRICTED =
      Set.of("connection", "content-length", "expect", "host", "upgrade");

  private static final String FENCE = "\"\"\"";

  private final String file;
  private final List<String> lines;
  private final List<Contract.Case> cases = new ArrayList<>();
  private Pending pending;

  ContractParser(String file, String text) {
    this.file = file;
    this.lines = text.lines().toList();
  }

  /** A case being read. */
  private static final class Pending {
    final String name;
    final int line;
    final Set<String> tags = new LinkedHashSet<>();
    String method;
    String path;
    final List<Map.Entry<String, String>> headers = new ArrayList<>();
    String body;
    Contract.Expectation.Status status;
    final List<Contract.Expectation> expectations = new ArrayList<>();

    Pending(String name, int line) {
      this.name = name;
      this.line = line;
    }
  }

  Contract parse() {
    for (int i = 0; i < lines.size(); i++) {
      String text = lines.get(i).strip();
      int number = i + 1;
      if (text.isEmpty() || text.startsWith("#")) {
        continue;
      }
      int colon = text.indexOf(':');
      if (colon < 0) {
        throw error(number, "expected 'keyword: value' but found '" + text + "'");
      }
      String keyword = text.substring(0, colon).strip().replaceAll("\\s+", " ");
      String value = text.substring(colon + 1).strip();
      if (!KEYWORDS.contains(keyword.toLowerCase(Locale.ROOT))) {
        throw error(
            number,
            "unknown keyword '" + keyword + "'; expected one of " + String.join(", ", KEYWORDS));
      }
      keyword = keyword.toLowerCase(Locale.ROOT);
      if (keyword.equals("case")) {
        finish();
        pending = startCase(number, value);
        continue;
      }
      if (pending == null) {
        throw error(number, "'" + keyword + ":' before the first 'case:'");
      }
      i = directive(i, keyword, value);
    }
    finish();
    if (cases.isEmpty()) {
      throw error(1, "no 'case:' in the file");
    }
    return new Contract(file, cases);
  }

  private Pending startCase(int number, String name) {
    if (name.isEmpty()) {
      throw error(number, "a case needs a name: 'case: <name>'");
    }
    if (cases.stream().anyMatch(c -> c.name().equals(name))) {
      throw error(number, "case '" + name + "' is already in the file");
    }
    return new Pending(name, number);
  }

  /** Applies one directive of the pending case; returns the last line index it used. */
  private int directive(int index, String keyword, String value) {
    int number = index + 1;
    switch (keyword) {
      case "tags" -> tags(number, value);
      case "request" -> request(number, value);
      case "header" -> pending.headers.add(header(number, value, "header"));
      case "body" -> {
        if (pending.body != null) {
          throw error(number, "case '" + pending.name + "' has a second 'body:'");
        }
        if (value.equals(FENCE)) {
          return fencedBody(index);
        }
        pending.body = value;
      }
      case "expect status" -> status(number, value);
      case "expect header" -> {
        Map.Entry<String, String> header = header(number, value, "expect header");
        pending.expectations.add(
            new Contract.Expectation.Header(number, header.getKey(), header.getValue()));
      }
      case "expect json" -> pending.expectations.add(json(number, value));
      case "expect body contains" -> {
        if (value.isEmpty()) {
          throw error(number, "'expect body contains:' needs a text");
        }
        pending.expectations.add(new Contract.Expectation.BodyContains(number, value));
      }
      default -> throw new IllegalStateException("keyword without a rule: " + keyword);
    }
    return index;
  }

  private void tags(int number, String value) {
    for (String tag : value.split("[,\\s]+", -1)) {
      if (tag.isEmpty()) {
        continue;
      }
      if (!TestTag.isValid(tag)) {
        throw error(number, "'" + tag + "' is not a valid tag");
      }
      pending.tags.add(tag);
    }
  }

  private void request(int number, String value) {
    if (pending.method != null) {
      throw error(number, "case '" + pending.name + "' has a second 'request:'");
    }
    String[] parts = value.split("\\s+", -1);
    if (parts.length != 2) {
      throw error(number, "expected 'request: METHOD /path' but found '" + value + "'");
    }
    if (!METHOD.matcher(parts[0]).matches()) {
      throw error(number, "'" + parts[0] + "' is not an HTTP method (upper-case letters)");
    }
    if (!parts[1].startsWith("/")) {
      throw error(number, "the path must start with '/': '" + parts[1] + "'");
    }
    try {
      java.net.URI.create(parts[1]);
    } catch (IllegalArgumentException e) {
      throw error(number, "the path is not a valid URI path: '" + parts[1] + "'");
    }
    pending.method = parts[0];
    pending.path = parts[1];
  }

  private Map.Entry<String, String> header(int number, String value, String keyword) {
    int colon = value.indexOf(':');
    String name = colon < 0 ? "" : value.substring(0, colon).strip();
    if (colon < 0 || !HEADER_NAME.matcher(name).matches()) {
      throw error(number, "expected '" + keyword + ": Name: value' but found '" + value + "'");
    }
    if (keyword.equals("header") && RESTRICTED.contains(name.toLowerCase(Locale.ROOT))) {
      throw error(number, "header '" + name + "' is set by the HTTP client, not by a contract");
    }
    return Map.entry(name, value.substring(colon + 1).strip());
  }

  private int fencedBody(int index) {
    List<String> body = new ArrayList<>();
    for (int i = index + 1; i < lines.size(); i++) {
      if (lines.get(i).strip().equals(FENCE)) {
        pending.body = String.join("\n", body);
        return i;
      }
      body.add(lines.get(i));
    }
    throw error(index + 1, "the body opened here has no closing " + FENCE);
  }

  private void status(int number, String value) {
    if (pending.status != null) {
      throw error(number, "case '" + pending.name + "' has a second 'expect status:'");
    }
    int status;
    try {
      status = Integer.parseInt(value);
    } catch (NumberFormatException e) {
      throw error(number, "status must be a number from 100 to 599: '" + value + "'");
    }
    if (status < 100 || status > 599) {
      throw error(number, "status must be a number from 100 to 599: " + status);
    }
    pending.status = new Contract.Expectation.Status(number, status);
  }

  private Contract.Expectation.JsonField json(int number, String value) {
    String usage =
        "expected 'expect json: /pointer = <JSON>', '/pointer exists' or '/pointer absent'";
    String[] parts = value.split("\\s+", 2);
    String pointer = parts[0];
    if (!pointer.startsWith("/") || parts.length < 2) {
      throw error(number, usage + " but found '" + value + "'");
    }
    String rest = parts[1].strip();
    if (rest.equals("exists") || rest.equals("absent")) {
      return new Contract.Expectation.JsonField(
          number, pointer, Optional.empty(), rest.equals("exists"));
    }
    if (!rest.startsWith("=")) {
      throw error(number, usage + " but found '" + value + "'");
    }
    String literal = rest.substring(1).strip();
    try {
      JsonNode node = JSON.readTree(literal);
      if (node == null || node.isMissingNode()) {
        throw error(number, "no JSON value after '=' for " + pointer);
      }
      return new Contract.Expectation.JsonField(number, pointer, Optional.of(node), true);
    } catch (JsonProcessingException e) {
      throw error(number, "'" + literal + "' is not a JSON value (strings need quotes)");
    }
  }

  private void finish() {
    if (pending == null) {
      return;
    }
    if (pending.method == null) {
      throw error(pending.line, "case '" + pending.name + "' has no 'request:'");
    }
    if (pending.status == null) {
      throw error(pending.line, "case '" + pending.name + "' has no 'expect status:'");
    }
    List<Contract.Expectation> expectations = new ArrayList<>();
    expectations.add(pending.status);
    expectations.addAll(pending.expectations);
    cases.add(
        new Contract.Case(
            pending.name,
            pending.line,
            pending.tags,
            new Contract.Request(
                pending.method,
                pending.path,
                pending.headers,
                pending.body == null ? "" : pending.body),
            expectations));
    pending = null;
  }

  /** Numbers equal by value; everything else by Jackson's own equality. */
  static int compareJson(JsonNode a, JsonNode b) {
    if (a.isNumber() && b.isNumber()) {
      return a.decimalValue().compareTo(b.decimalValue());
    }
    return a.equals(b) ? 0 : 1;
  }

  private ContractSyntaxException error(int line, String problem) {
    return new ContractSyntaxException(file, line, problem);
  }
}
