package org.interviewtasks.mid.algorithms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.interviewtasks.common.testing.RandomData;
import org.interviewtasks.common.testing.Seeds;
import org.interviewtasks.common.testing.StdStreams;
import org.interviewtasks.junior.algorithms.BalancedBrackets;
import org.interviewtasks.mid.algorithms.BalancedParentheses.Mismatched;
import org.interviewtasks.mid.algorithms.BalancedParentheses.Problem;
import org.interviewtasks.mid.algorithms.BalancedParentheses.Syntax;
import org.interviewtasks.mid.algorithms.BalancedParentheses.Unclosed;
import org.interviewtasks.mid.algorithms.BalancedParentheses.Unopened;
import org.interviewtasks.mid.algorithms.BalancedParentheses.UnterminatedLiteral;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class BalancedParenthesesTest {

  static List<String> messages(String text, Syntax syntax) {
    return BalancedParentheses.problems(text, syntax).stream().map(Problem::message).toList();
  }

  @Nested
  class JuniorsQuestion {

    @ParameterizedTest(name = "\"{0}\" -> {1}")
    @CsvSource({
      "'', true",
      "(), true",
      "([]{}), true",
      "f(a[i]) { x; }, true",
      "([)], false",
      "((), false",
      "), false",
      "<>, true"
    })
    void isJuniorsCheck(String text, boolean balanced) {
      assertThat(BalancedParentheses.isBalanced(text))
          .isEqualTo(balanced)
          .isEqualTo(BalancedBrackets.isBalanced(text));
      assertThat(BalancedParentheses.isBalanced(text, Syntax.BRACKETS)).isEqualTo(balanced);
    }
  }

  @Nested
  class AllProblems {

    @Test
    void crossedPairsAreTwoMismatches() {
      assertThat(BalancedParentheses.problems("([)]", Syntax.BRACKETS))
          .containsExactly(new Mismatched(1, '[', 2, ')'), new Mismatched(0, '(', 3, ']'));
      assertThat(messages("([)]", Syntax.BRACKETS))
          .containsExactly(
              "')' at index 2 does not close '[' at index 1",
              "']' at index 3 does not close '(' at index 0");
    }

    @Test
    void strayClosersAreSkippedAndOpenBracketsReportedInnermostFirst() {
      assertThat(BalancedParentheses.problems("a)b]c", Syntax.BRACKETS))
          .containsExactly(new Unopened(1, ')'), new Unopened(3, ']'));
      assertThat(BalancedParentheses.problems(")(", Syntax.BRACKETS))
          .containsExactly(new Unopened(0, ')'), new Unclosed(1, '('));
      assertThat(BalancedParentheses.problems("{[(", Syntax.BRACKETS))
          .containsExactly(new Unclosed(2, '('), new Unclosed(1, '['), new Unclosed(0, '{'));
      assertThat(messages("x(", Syntax.BRACKETS)).containsExactly("'(' at index 1 is never closed");
      assertThat(messages("]", Syntax.BRACKETS)).containsExactly("']' at index 0 closes nothing");
    }

    @Test
    void theFirstProblemIsTheFirstOfAll() {
      assertThat(BalancedParentheses.firstProblem("a)b]c(", Syntax.BRACKETS))
          .contains(new Unopened(1, ')'));
      assertThat(BalancedParentheses.firstProblem("(ok)", Syntax.BRACKETS)).isEmpty();
      assertThat(BalancedParentheses.problems("(ok)", Syntax.BRACKETS)).isEmpty();
      assertThat(BalancedParentheses.problems("((", Syntax.BRACKETS)).isUnmodifiable();
    }

    @Test
    void problemsKnowTheirIndex() {
      assertThat(new Mismatched(1, '[', 2, ')').index()).isEqualTo(2);
      assertThat(new Unopened(4, ')').index()).isEqualTo(4);
      assertThat(new Unclosed(3, '(').index()).isEqualTo(3);
      assertThat(new UnterminatedLiteral(5, '"').index()).isEqualTo(5);
    }
  }

  @Nested
  class Literals {

    @ParameterizedTest(name = "{0}")
    @ValueSource(
        strings = {
          "print(\")\")",
          "f(\"(\", ')')",
          "s = \"a\\\"(\"",
          "\"it's\"",
          "'\"' + (x)",
          "\"\\\\\" + (y)",
          "\"\""
        })
    void bracketsInsideLiteralsAreText(String code) {
      assertThat(BalancedParentheses.problems(code, Syntax.CODE)).isEmpty();
      assertThat(BalancedParentheses.isBalanced(code, Syntax.CODE)).isTrue();
    }

    @Test
    void anUnterminatedLiteralIsReportedBeforeOpenBrackets() {
      assertThat(BalancedParentheses.problems("f(\"abc", Syntax.CODE))
          .containsExactly(new UnterminatedLiteral(2, '"'), new Unclosed(1, '('));
      assertThat(messages("x = 'a(", Syntax.CODE))
          .containsExactly("the literal opened by ' at index 4 is never closed");
      assertThat(BalancedParentheses.problems("\"abc\\", Syntax.CODE))
          .containsExactly(new UnterminatedLiteral(0, '"'));
    }

    @Test
    void theEscapeIsOrdinaryOutsideLiterals() {
      assertThat(BalancedParentheses.problems("\\(", Syntax.CODE))
          .containsExactly(new Unclosed(1, '('));
    }

    @Test
    void withoutQuotesLiteralsAreNotSpecial() {
      assertThat(BalancedParentheses.problems("print(\")\")", Syntax.BRACKETS))
          .containsExactly(new Unopened(9, ')'));
    }
  }

  @Nested
  class CustomSyntax {

    @Test
    void anglesAndGuillemets() {
      Syntax generics = Syntax.BRACKETS.withPairs("()<>");
      Syntax quotation = Syntax.BRACKETS.withPairs("«»");

      assertThat(BalancedParentheses.isBalanced("Map<K, List<V>>", generics)).isTrue();
      assertThat(BalancedParentheses.problems("a<b", generics))
          .containsExactly(new Unclosed(1, '<'));
      assertThat(BalancedParentheses.isBalanced("[", generics)).isTrue();
      assertThat(BalancedParentheses.isBalanced("«Il dit «oui».»", quotation)).isTrue();
      assertThat(BalancedParentheses.problems("»", quotation))
          .containsExactly(new Unopened(0, '»'));
      assertThat(Syntax.BRACKETS.withQuotes("`").quotes()).isEqualTo("`");
      assertThat(Syntax.CODE.pairs()).isEqualTo("()[]{}");
    }

    static Stream<Arguments> ambiguousSyntaxes() {
      return Stream.of(
          arguments(
              "(", "", '\\', "pairs must be opening and closing brackets alternately, got \"(\""),
          arguments(
              "", "", '\\', "pairs must be opening and closing brackets alternately, got \"\""),
          arguments("(())", "", '\\', "'(' has more than one role in the syntax"),
          arguments("()", "(", '\\', "'(' has more than one role in the syntax"),
          arguments("()", "\"\"", '\\', "'\"' has more than one role in the syntax"),
          arguments("()", "\\", '\\', "'\\' has more than one role in the syntax"),
          arguments("()", "", ')', "')' has more than one role in the syntax"),
          arguments("||", "", '\\', "'|' has more than one role in the syntax"));
    }

    @ParameterizedTest(name = "pairs \"{0}\", quotes \"{1}\", escape {2}")
    @MethodSource("ambiguousSyntaxes")
    void rejectsAmbiguousSyntaxes(String pairs, String quotes, char escape, String message) {
      assertThatIllegalArgumentException()
          .isThrownBy(() -> new Syntax(pairs, quotes, escape))
          .withMessage(message);
    }

    @Test
    void rejectsNulls() {
      assertThatNullPointerException()
          .isThrownBy(() -> new Syntax(null, "", '\\'))
          .withMessage("pairs");
      assertThatNullPointerException()
          .isThrownBy(() -> new Syntax("()", null, '\\'))
          .withMessage("quotes");
      assertThatNullPointerException()
          .isThrownBy(() -> BalancedParentheses.problems(null, Syntax.CODE))
          .withMessage("text");
      assertThatNullPointerException()
          .isThrownBy(() -> BalancedParentheses.problems("", null))
          .withMessage("syntax");
    }
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void theFirstProblemIsJuniorsAnswer(long seed) {
    var random = new SplittableRandom(seed);
    String text = RandomData.text(random, 12, RandomData.alphabet("()[]{}ab\"\\"));

    BalancedBrackets.Result junior = BalancedBrackets.check(text);
    Optional<Problem> first = BalancedParentheses.firstProblem(text, Syntax.BRACKETS);
    List<Problem> all = BalancedParentheses.problems(text, Syntax.BRACKETS);

    assertThat(first.isEmpty()).isEqualTo(junior.isBalanced());
    assertThat(first.map(Problem::message))
        .isEqualTo(junior.isBalanced() ? Optional.empty() : Optional.of(junior.message()));
    assertThat(all.stream().findFirst()).isEqualTo(first);
    assertThat(BalancedParentheses.firstProblem(text, Syntax.CODE))
        .isEqualTo(BalancedParentheses.problems(text, Syntax.CODE).stream().findFirst());
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void wrappingBalancedTextKeepsItBalanced(long seed) {
    var random = new SplittableRandom(seed);
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < 20; i++) {
      int pair = random.nextInt(3);
      String open = "([{".substring(pair, pair + 1);
      String close = ")]}".substring(pair, pair + 1);
      if (random.nextBoolean()) {
        text.insert(0, open).append(close); // around
      } else {
        text.append(open).append("\"" + close + "\"").append(close); // beside, with a quoted closer
      }
    }

    assertThat(BalancedParentheses.problems(text.toString(), Syntax.CODE)).isEmpty();
    assertThat(BalancedParentheses.problems(text.toString() + ")", Syntax.CODE))
        .containsExactly(new Unopened(text.length(), ')'));
  }

  @Nested
  class Main {

    @Test
    void printsEveryProblem() throws Exception {
      var printed = StdStreams.capture(() -> BalancedParentheses.main("f(\")\")", "([)"));

      assertThat(printed.out().lines())
          .containsExactly(
              "\"f(\")\")\": balanced",
              "\"([)\": 2 problem(s)",
              "  ')' at index 2 does not close '[' at index 1",
              "  '(' at index 0 is never closed");
    }

    @Test
    void needsAnArgument() {
      assertThatIllegalArgumentException()
          .isThrownBy(BalancedParentheses::main)
          .withMessage("usage: mid.algorithms.5 <text> [text...]");
    }
  }

  static LongStream seeds() {
    return Seeds.derive(200);
  }
}
