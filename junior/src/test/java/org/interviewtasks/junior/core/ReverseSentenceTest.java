package org.interviewtasks.junior.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.interviewtasks.common.testing.RandomData;
import org.interviewtasks.common.testing.Seeds;
import org.interviewtasks.common.testing.StdStreams;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class ReverseSentenceTest {

  @ParameterizedTest(name = "\"{0}\" -> \"{1}\"")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      value = {
        "\"\"|\"\"",
        "\"   \"|\"\"",
        "Hello|Hello",
        "Hello world|world Hello",
        "\"  Hello   world  \"|world Hello",
        "the quick brown fox|fox brown quick the",
        "Hello, world!|world! Hello,",
        "a b a|a b a",
        "Привет мир|мир Привет",
        "中文 字|字 中文",
        "😀 🎉👍 x|x 🎉👍 😀",
        "\" x\"|x",
        "\"x \"|x"
      })
  void reversesTheWordsAndJoinsThemWithSingleSpaces(String sentence, String expected) {
    assertThat(ReverseSentence.reverseWords(sentence)).isEqualTo(expected);
  }

  @Test
  void anyWhitespaceSeparatesWords() {
    assertThat(ReverseSentence.reverseWords("one\ttwo\nthree\r\nfour\u3000five\u2003six"))
        .isEqualTo("six five four three two one");
  }

  @Test
  void aNoBreakSpaceIsNotWhitespaceSoItStaysInsideItsWord() {
    assertThat(ReverseSentence.reverseWords("10\u00a0km away")).isEqualTo("away 10\u00a0km");
  }

  @Test
  void keepsSurrogatePairsAndCombiningMarksInsideTheirWords() {
    assertThat(ReverseSentence.reverseWords("𝔘x noe\u0308l 😀")).isEqualTo("😀 noe\u0308l 𝔘x");
    assertThat(ReverseSentence.reverseWords("a 😀")).isEqualTo("😀 a");
    assertThat(ReverseSentence.reverseWords("😀😀 b")).isEqualTo("b 😀😀");
  }

  @Test
  void rejectsNull() {
    assertThatNullPointerException()
        .isThrownBy(() -> ReverseSentence.reverseWords(null))
        .withMessage("sentence");
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void agreesWithSplittingOnAsciiWhitespace(long seed) {
    String sentence =
        RandomData.text(new SplittableRandom(seed), 40, RandomData.alphabet("ab  \t\n\r,😀Жé"));
    String stripped = sentence.strip();
    List<String> words = stripped.isEmpty() ? List.of() : Arrays.asList(stripped.split("\\s+"));
    Collections.reverse(words);

    assertThat(ReverseSentence.reverseWords(sentence)).isEqualTo(String.join(" ", words));
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void reversingTwiceNormalizesTheWhitespace(long seed) {
    String sentence = RandomData.text(new SplittableRandom(seed), 60);
    String once = ReverseSentence.reverseWords(sentence);

    assertThat(ReverseSentence.reverseWords(once)).isEqualTo(normalized(sentence));
    assertThat(once.codePointCount(0, once.length()))
        .isEqualTo(normalized(sentence).codePointCount(0, normalized(sentence).length()));
  }

  @Nested
  class Main {

    @Test
    void joinsTheArgumentsAndPrintsThemReversed() throws Exception {
      var printed = StdStreams.capture(() -> ReverseSentence.main("Hello,", "big  ", "world!"));

      assertThat(printed.out()).isEqualTo("world! big Hello," + System.lineSeparator());
    }

    @Test
    void rejectsNoArguments() {
      assertThatIllegalArgumentException()
          .isThrownBy(ReverseSentence::main)
          .withMessage("usage: junior.core.5 <word> [word...]");
    }
  }

  /** The sentence with each whitespace run replaced by one space, and no space at either end. */
  private static String normalized(String sentence) {
    var out = new StringBuilder();
    boolean pendingSpace = false;
    for (int cp : sentence.codePoints().toArray()) {
      if (Character.isWhitespace(cp)) {
        pendingSpace = !out.isEmpty();
      } else {
        if (pendingSpace) {
          out.append(' ');
          pendingSpace = false;
        }
        out.appendCodePoint(cp);
      }
    }
    return out.toString();
  }

  static LongStream seeds() {
    return Seeds.derive(200);
  }
}
