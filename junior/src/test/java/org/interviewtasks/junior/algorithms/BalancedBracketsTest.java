package org.interviewtasks.junior.algorithms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import java.util.SplittableRandom;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.interviewtasks.common.testing.RandomData;
import org.interviewtasks.common.testing.Seeds;
import org.interviewtasks.common.testing.StdStreams;
import org.interviewtasks.junior.algorithms.BalancedBrackets.Balanced;
import org.interviewtasks.junior.algorithms.BalancedBrackets.Mismatched;
import org.interviewtasks.junior.algorithms.BalancedBrackets.Result;
import org.interviewtasks.junior.algorithms.BalancedBrackets.Unclosed;
import org.interviewtasks.junior.algorithms.BalancedBrackets.Unopened;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class BalancedBracketsTest {

  @ParameterizedTest(name = "\"{0}\"")
  @ValueSource(
      strings = {
        "",
        "()",
        "[]",
        "{}",
        "()[]{}",
        "([{}])",
        "{[()()]}[]",
        "((()))",
        "f(a[i]) { return; }",
        "no brackets at all",
        "<>",
        "if (a < b) { x = y[0]; }",
        "😀(😀)😀",
        "\"(\" ignored? no: (\")\")"
      })
  void acceptsBalancedText(String text) {
    assertThat(BalancedBrackets.check(text)).isEqualTo(new Balanced());
    assertThat(BalancedBrackets.isBalanced(text)).isTrue();
  }

  static Stream<Arguments> unbalanced() {
    return Stream.of(
        Arguments.of("(", new Unclosed(0, '('), "'(' at index 0 is never closed"),
        Arguments.of("((", new Unclosed(1, '('), "'(' at index 1 is never closed"),
        Arguments.of("(()", new Unclosed(0, '('), "'(' at index 0 is never closed"),
        Arguments.of("{[]", new Unclosed(0, '{'), "'{' at index 0 is never closed"),
        Arguments.of("a[b", new Unclosed(1, '['), "'[' at index 1 is never closed"),
        Arguments.of(")", new Unopened(0, ')'), "')' at index 0 closes nothing"),
        Arguments.of("())", new Unopened(2, ')'), "')' at index 2 closes nothing"),
        Arguments.of("x]", new Unopened(1, ']'), "']' at index 1 closes nothing"),
        Arguments.of("}{", new Unopened(0, '}'), "'}' at index 0 closes nothing"),
        Arguments.of("a)b(", new Unopened(1, ')'), "')' at index 1 closes nothing"),
        Arguments.of(
            "(]", new Mismatched(0, '(', 1, ']'), "']' at index 1 does not close '(' at index 0"),
        Arguments.of(
            "(}", new Mismatched(0, '(', 1, '}'), "'}' at index 1 does not close '(' at index 0"),
        Arguments.of(
            "[)", new Mismatched(0, '[', 1, ')'), "')' at index 1 does not close '[' at index 0"),
        Arguments.of(
            "[}", new Mismatched(0, '[', 1, '}'), "'}' at index 1 does not close '[' at index 0"),
        Arguments.of(
            "{)", new Mismatched(0, '{', 1, ')'), "')' at index 1 does not close '{' at index 0"),
        Arguments.of(
            "{]", new Mismatched(0, '{', 1, ']'), "']' at index 1 does not close '{' at index 0"),
        Arguments.of(
            "([)]", new Mismatched(1, '[', 2, ')'), "')' at index 2 does not close '[' at index 1"),
        Arguments.of(
            "{(})", new Mismatched(1, '(', 2, '}'), "'}' at index 2 does not close '(' at index 1"),
        Arguments.of(
            "😀(😀]",
            new Mismatched(2, '(', 5, ']'),
            "']' at index 5 does not close '(' at index 2"));
  }

  @ParameterizedTest(name = "\"{0}\": {2}")
  @MethodSource("unbalanced")
  void namesTheFirstProblem(String text, Result expected, String message) {
    Result result = BalancedBrackets.check(text);

    assertThat(result).isEqualTo(expected);
    assertThat(result.isBalanced()).isFalse();
    assertThat(result.message()).isEqualTo(message);
    assertThat(BalancedBrackets.isBalanced(text)).isFalse();
  }

  @Test
  void describesTheBalancedResult() {
    Result result = BalancedBrackets.check("([])");

    assertThat(result.isBalanced()).isTrue();
    assertThat(result.message()).isEqualTo("balanced");
  }

  @Test
  void handlesDeepNesting() {
    String deep = "(".repeat(100_000) + "[" + "]" + ")".repeat(100_000);

    assertThat(BalancedBrackets.isBalanced(deep)).isTrue();
    assertThat(BalancedBrackets.check(deep + "}")).isEqualTo(new Unopened(200_002, '}'));
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("org.interviewtasks.junior.algorithms.BalancedBracketsTest#seeds")
  void agreesWithRemovingInnermostPairs(long seed) {
    var random = new SplittableRandom(seed);
    String text =
        random.nextBoolean()
            ? RandomData.text(random, 12, RandomData.alphabet("()[]{}x"))
            : balanced(random, 4);

    assertThat(BalancedBrackets.isBalanced(text))
        .as("\"%s\"", text)
        .isEqualTo(reducesToNothing(text));
  }

  /** The oracle: keep only brackets and delete adjacent matching pairs until none is left. */
  private static boolean reducesToNothing(String text) {
    String brackets = text.replaceAll("[^()\\[\\]{}]", "");
    String previous;
    do {
      previous = brackets;
      brackets = brackets.replace("()", "").replace("[]", "").replace("{}", "");
    } while (!brackets.equals(previous));
    return brackets.isEmpty();
  }

  /** A random balanced string with some filler. */
  private static String balanced(SplittableRandom random, int depth) {
    StringBuilder text = new StringBuilder();
    int parts = random.nextInt(3);
    for (int i = 0; i < parts; i++) {
      String pair = "()[]{}".substring(2 * random.nextInt(3)).substring(0, 2);
      text.append(pair.charAt(0))
          .append(depth > 0 ? balanced(random, depth - 1) : "x")
          .append(pair.charAt(1));
    }
    return text.toString();
  }

  @Test
  void rejectsNull() {
    assertThatNullPointerException()
        .isThrownBy(() -> BalancedBrackets.check(null))
        .withMessage("text");
  }

  @Nested
  class Main {

    @Test
    void printsTheVerdictPerArgument() throws Exception {
      var printed = StdStreams.capture(() -> BalancedBrackets.main("f(x[0])", "(]"));

      assertThat(printed.out())
          .isEqualTo(
              String.join(
                  System.lineSeparator(),
                  "\"f(x[0])\": balanced",
                  "\"(]\": ']' at index 1 does not close '(' at index 0",
                  ""));
    }

    @Test
    void needsAnArgument() {
      assertThatIllegalArgumentException()
          .isThrownBy(BalancedBrackets::main)
          .withMessage("usage: junior.algorithms.17 <text> [text...]");
    }
  }

  static LongStream seeds() {
    return Seeds.derive(200);
  }
}
