package org.interviewtasks.senior.operations.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The contract format: what parses into what, what each expectation accepts, and every error. */
class ContractTest {

  private static final String FULL =
      """
      # a comment
      case: reserves two
      tags: smoke, stock slow
      request: POST /items/W-1/reservations?dry=false
      header: Content-Type: application/json
      header: X-Trace: a:b
      body: \"""
      {
        "quantity": 2
      }
      \"""
      expect status: 201
      expect header: Content-Type: application/json
      expect json: /remaining = 3
      expect json: /reservedAt exists
      expect json: /error absent
      expect body contains: W-1

      case: second
      request: GET /health
      expect status: 200
      """;

  @Test
  void parsesEveryDirective() {
    Contract contract = Contract.parse("full.contract", FULL);

    assertThat(contract.name()).isEqualTo("full.contract");
    assertThat(contract.cases())
        .extracting(Contract.Case::name)
        .containsExactly("reserves two", "second");
    Contract.Case first = contract.cases().get(0);
    assertThat(first.line()).isEqualTo(2);
    assertThat(first.tags()).containsExactlyInAnyOrder("smoke", "stock", "slow");
    assertThat(first.request().method()).isEqualTo("POST");
    assertThat(first.request().path()).isEqualTo("/items/W-1/reservations?dry=false");
    assertThat(first.request().headers())
        .containsExactly(
            Map.entry("Content-Type", "application/json"), Map.entry("X-Trace", "a:b"));
    assertThat(first.request().body()).isEqualTo("{\n  \"quantity\": 2\n}");
    assertThat(first.expectations())
        .extracting(Contract.Expectation::line)
        .containsExactly(12, 13, 14, 15, 16, 17);
    assertThat(first.expectations().get(0)).isEqualTo(new Contract.Expectation.Status(12, 201));
    Contract.Case second = contract.cases().get(1);
    assertThat(second.line()).isEqualTo(19);
    assertThat(second.tags()).isEmpty();
    assertThat(second.request().body()).isEmpty();
    assertThat(contract.find("second")).contains(second);
    assertThat(contract.find("third")).isEmpty();
  }

  @Test
  void aMatchingAnswerHasNoMismatch() {
    Contract.Case c = Contract.parse("full.contract", FULL).cases().get(0);

    assertThat(
            c.check(
                201,
                Map.of("content-type", List.of("application/json")),
                "{\"remaining\": 3.0, \"reservedAt\": null, \"sku\": \"W-1\"}"))
        .isEmpty();
  }

  @Test
  void reportsEveryMismatchWithItsLine() {
    Contract.Case c = Contract.parse("full.contract", FULL).cases().get(0);

    List<Contract.Mismatch> mismatches =
        c.check(
            409,
            Map.of("content-type", List.of("application/problem+json")),
            "{\"remaining\": \"3\", \"error\": 1}");

    assertThat(mismatches)
        .extracting(Contract.Mismatch::line, Contract.Mismatch::message)
        .containsExactly(
            tuple(
                12, "expected status 201 but was 409; body: {\"remaining\": \"3\", \"error\": 1}"),
            tuple(
                13,
                "expected header Content-Type: 'application/json' but it was"
                    + " 'application/problem+json'"),
            tuple(14, "expected JSON field /remaining = 3 but was \"3\""),
            tuple(
                15,
                "expected JSON field /reservedAt to exist in {\"remaining\": \"3\", \"error\": 1}"),
            tuple(
                16,
                "expected JSON field /error to be absent in {\"remaining\": \"3\", \"error\": 1}"),
            tuple(
                17,
                "expected the body to contain 'W-1' but it was: {\"remaining\": \"3\", \"error\": 1}"));
    assertThat(mismatches.get(0).expected()).isEqualTo("201");
    assertThat(mismatches.get(0).actual()).isEqualTo("409");
  }

  @Test
  void aBodyThatIsNotJsonFailsEachJsonExpectation() {
    Contract.Case c =
        Contract.parse(
                "x.contract",
                "case: c\nrequest: GET /\nexpect status: 200\nexpect json: /a = 1\nexpect json: /b exists\n")
            .cases()
            .get(0);

    assertThat(c.check(200, Map.of(), "<html>"))
        .extracting(Contract.Mismatch::message)
        .containsExactly(
            "expected JSON field /a but the body is not JSON: <html>",
            "expected JSON field /b but the body is not JSON: <html>");
    assertThat(c.check(200, Map.of(), ""))
        .extracting(Contract.Mismatch::message)
        .first()
        .isEqualTo("expected JSON field /a but the body is empty: (empty)");
    assertThat(c.check(200, Map.of(), "{\"a\": [1]}"))
        .extracting(Contract.Mismatch::message)
        .containsExactly(
            "expected JSON field /a = 1 but was [1]",
            "expected JSON field /b to exist in {\"a\": [1]}");
  }

  @Test
  void comparesObjectsAndArraysExactlyAndNumbersByValue() {
    Contract.Case c =
        Contract.parse(
                "x.contract",
                """
                case: c
                request: GET /
                expect status: 200
                expect json: /o = {"n": 1, "list": [1.0, "a", true, null]}
                """)
            .cases()
            .get(0);

    assertThat(c.check(200, Map.of(), "{\"o\": {\"list\": [1, \"a\", true, null], \"n\": 1.00}}"))
        .isEmpty();
    assertThat(c.check(200, Map.of(), "{\"o\": {\"list\": [1, \"a\", true], \"n\": 1}}"))
        .hasSize(1);
    assertThat(
            c.check(
                200, Map.of(), "{\"o\": {\"list\": [1, \"a\", true, null], \"n\": 1, \"x\": 0}}"))
        .hasSize(1);
  }

  @Test
  void abbreviatesLongBodiesInMessages() {
    Contract.Case c =
        Contract.parse("x.contract", "case: c\nrequest: GET /\nexpect status: 200\n")
            .cases()
            .get(0);

    String message = c.check(500, Map.of(), "x".repeat(500)).get(0).message();

    assertThat(message).endsWith("x".repeat(200) + "... (500 chars)");
  }

  static Stream<Arguments> malformed() {
    String ok = "case: c\nrequest: GET /\nexpect status: 200\n";
    return Stream.of(
        Arguments.of("", 1, "no 'case:' in the file"),
        Arguments.of("# only a comment\n", 1, "no 'case:' in the file"),
        Arguments.of("request: GET /\n", 1, "'request:' before the first 'case:'"),
        Arguments.of(
            ok + "frobnicate: yes\n",
            4,
            "unknown keyword 'frobnicate'; expected one of case, tags"),
        Arguments.of(ok + "expect stat: 200\n", 4, "unknown keyword 'expect stat'"),
        Arguments.of(ok + "just words\n", 4, "expected 'keyword: value' but found 'just words'"),
        Arguments.of("case:\n", 1, "a case needs a name"),
        Arguments.of(ok + "case: c\n", 4, "case 'c' is already in the file"),
        Arguments.of("case: c\nexpect status: 200\n", 1, "case 'c' has no 'request:'"),
        Arguments.of("case: c\nrequest: GET /\n", 1, "case 'c' has no 'expect status:'"),
        Arguments.of(ok + "request: GET /x\n", 4, "case 'c' has a second 'request:'"),
        Arguments.of(ok + "expect status: 201\n", 4, "case 'c' has a second 'expect status:'"),
        Arguments.of(
            "case: c\nrequest: GET\n", 2, "expected 'request: METHOD /path' but found 'GET'"),
        Arguments.of("case: c\nrequest: get /\n", 2, "'get' is not an HTTP method"),
        Arguments.of("case: c\nrequest: GET items\n", 2, "the path must start with '/'"),
        Arguments.of("case: c\nrequest: GET /a|b\n", 2, "the path is not a valid URI path"),
        Arguments.of(
            "case: c\nrequest: GET /\nexpect status: 99\n",
            3,
            "status must be a number from 100 to 599: 99"),
        Arguments.of(
            "case: c\nrequest: GET /\nexpect status: 600\n",
            3,
            "status must be a number from 100 to 599: 600"),
        Arguments.of(
            "case: c\nrequest: GET /\nexpect status: OK\n",
            3,
            "status must be a number from 100 to 599: 'OK'"),
        Arguments.of(ok + "tags: fine, not(valid)\n", 4, "'not(valid)' is not a valid tag"),
        Arguments.of(ok + "header: NoColon\n", 4, "expected 'header: Name: value'"),
        Arguments.of(ok + "header: Bad Name: v\n", 4, "expected 'header: Name: value'"),
        Arguments.of(
            ok + "header: Host: example.org\n", 4, "header 'Host' is set by the HTTP client"),
        Arguments.of(ok + "expect header: x\n", 4, "expected 'expect header: Name: value'"),
        Arguments.of(ok + "body: a\nbody: b\n", 5, "case 'c' has a second 'body:'"),
        Arguments.of(ok + "body: \"\"\"\n{\n", 4, "the body opened here has no closing \"\"\""),
        Arguments.of(
            ok + "expect json: status = 1\n", 4, "expected 'expect json: /pointer = <JSON>'"),
        Arguments.of(ok + "expect json: /status\n", 4, "expected 'expect json: /pointer = <JSON>'"),
        Arguments.of(
            ok + "expect json: /status is 1\n", 4, "expected 'expect json: /pointer = <JSON>'"),
        Arguments.of(
            ok + "expect json: /status = UP\n",
            4,
            "'UP' is not a JSON value (strings need quotes)"),
        Arguments.of(ok + "expect json: /status = 1 2\n", 4, "'1 2' is not a JSON value"),
        Arguments.of(ok + "expect json: /status =\n", 4, "no JSON value after '=' for /status"),
        Arguments.of(ok + "expect body contains:\n", 4, "'expect body contains:' needs a text"));
  }

  @ParameterizedTest(name = "[{index}] line {1}: {2}")
  @MethodSource("malformed")
  void malformedFilesFailWithTheirFileAndLine(String text, int line, String problem) {
    assertThatThrownBy(() -> Contract.parse("bad.contract", text))
        .isInstanceOfSatisfying(
            ContractSyntaxException.class,
            e -> {
              assertThat(e.file()).isEqualTo("bad.contract");
              assertThat(e.line()).isEqualTo(line);
            })
        .hasMessageStartingWith("bad.contract:" + line + ": " + problem);
  }

  @Test
  void keywordsIgnoreCaseAndSpacing() {
    Contract contract =
        Contract.parse("x.contract", "CASE: c\n  Request :  GET /  \nExpect   Status: 204\n");

    assertThat(contract.cases().get(0).expectations())
        .containsExactly(new Contract.Expectation.Status(3, 204));
  }

  @Test
  void readsWindowsLineEndings() {
    Contract contract =
        Contract.parse("x.contract", "case: c\r\nrequest: GET /\r\nexpect status: 200\r\n");

    assertThat(contract.cases().get(0).request().path()).isEqualTo("/");
  }

  @Test
  void rejectsNullAndBlankArguments() {
    assertThatNullPointerException().isThrownBy(() -> Contract.parse(null, "")).withMessage("name");
    assertThatNullPointerException()
        .isThrownBy(() -> Contract.parse("x", null))
        .withMessage("text");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> Contract.parse(" ", ""))
        .withMessage("name is blank");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new ContractSyntaxException("x", 0, "p"))
        .withMessage("line must be positive: 0");
    Contract.Case c =
        Contract.parse("x.contract", "case: c\nrequest: GET /\nexpect status: 200\n")
            .cases()
            .get(0);
    assertThatNullPointerException()
        .isThrownBy(() -> c.check(200, null, ""))
        .withMessage("headers");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new Contract("x", List.of()))
        .withMessage("x: no case");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new Contract("x", List.of(c, c)))
        .withMessage("x: two cases share a name");
    assertThat(Set.copyOf(ContractParser.KEYWORDS)).hasSize(9);
  }
}
