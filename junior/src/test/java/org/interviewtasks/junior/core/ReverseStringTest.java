package org.interviewtasks.junior.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import java.text.BreakIterator;
import java.util.ArrayList;
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

class ReverseStringTest {

  /** Text with no combining marks, joiners, modifiers or flags: every code point stands alone. */
  private static final int[] STANDALONE_CODE_POINTS =
      RandomData.alphabet("aAbBzZ09 \t\n.,;!?'\"-()éÉüßñçøЖжЯяΣσςΩ中文字😀🎉𝔘👍\u00a0\u2003«»—…");

  @Nested
  class ByCodePoints {

    @ParameterizedTest(name = "''{0}'' -> ''{1}''")
    @CsvSource({
      "'', ''",
      "a, a",
      "ab, ba",
      "hello, olleh",
      "'a b ', ' b a'",
      "a😀b, b😀a",
      "😀🎉, 🎉😀",
      "𝔘x𝔘y, y𝔘x𝔘",
      "Жёлтый, йытлёЖ",
      "中文字, 字文中",
      "noël, lëon"
    })
    void reversesTheCodePoints(String text, String expected) {
      assertThat(ReverseString.reverse(text)).isEqualTo(expected);
    }

    @Test
    void keepsSurrogatePairsInOrder() {
      String reversed = ReverseString.reverse("a\uD83D\uDE00b");

      assertThat(reversed).isEqualTo("b\uD83D\uDE00a");
      assertThat(reversed.codePoints().toArray()).containsExactly(0x62, 0x1F600, 0x61);
    }

    @Test
    void movesACombiningMarkOntoTheOtherNeighbour() {
      assertThat(ReverseString.reverse("e\u0301a")).isEqualTo("a\u0301e");
    }

    @Test
    void keepsLoneSurrogatesAsTheyAre() {
      assertThat(ReverseString.reverse("a\uD800b")).isEqualTo("b\uD800a");
      assertThat(ReverseString.reverse("\uDC00x")).isEqualTo("x\uDC00");
      assertThat(ReverseString.reverse("\uDC00\uD800")).isEqualTo("\uD800\uDC00");
      assertThat(ReverseString.reverse("\uDC00\uD800"))
          .isEqualTo(new StringBuilder("\uDC00\uD800").reverse().toString());
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("org.interviewtasks.junior.core.ReverseStringTest#seeds")
    void agreesWithStringBuilderReverseAndUndoesItself(long seed) {
      String text = RandomData.text(new SplittableRandom(seed), 40);
      String reversed = ReverseString.reverse(text);

      assertThat(reversed).isEqualTo(new StringBuilder(text).reverse().toString());
      assertThat(ReverseString.reverse(reversed)).isEqualTo(text);
    }

    @Test
    void rejectsNull() {
      assertThatNullPointerException()
          .isThrownBy(() -> ReverseString.reverse(null))
          .withMessage("text");
    }
  }

  @Nested
  class ByGraphemes {

    @ParameterizedTest(name = "''{0}'' -> ''{1}''")
    @CsvSource({
      "'', ''",
      "a, a",
      "abc, cba",
      "a😀b, b😀a",
      "cafe\u0301!, !e\u0301fac",
      "e\u0301a, ae\u0301",
      "o\u0308\u0301x, xo\u0308\u0301",
      "👨‍👩‍👧!, !👨‍👩‍👧",
      "🇫🇷🇩🇪, 🇩🇪🇫🇷",
      "👍🏽a, a👍🏽",
      "1️⃣2, 21️⃣",
      "\u1100\u1161\u11A8z, z\u1100\u1161\u11A8"
    })
    void keepsUserPerceivedCharactersWhole(String text, String expected) {
      assertThat(ReverseString.reverseGraphemes(text)).isEqualTo(expected);
    }

    @Test
    void keepsCrLfTogether() {
      assertThat(ReverseString.reverseGraphemes("a\r\nb")).isEqualTo("b\r\na");
      assertThat(ReverseString.reverse("a\r\nb")).isEqualTo("b\n\ra");
    }

    @Test
    void keepsLoneSurrogatesAsTheyAre() {
      assertThat(ReverseString.reverseGraphemes("a\uD800b")).isEqualTo("b\uD800a");
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("org.interviewtasks.junior.core.ReverseStringTest#seeds")
    void equalsReverseWhenEveryCodePointStandsAlone(long seed) {
      String text = RandomData.text(new SplittableRandom(seed), 40, STANDALONE_CODE_POINTS);

      assertThat(ReverseString.reverseGraphemes(text)).isEqualTo(ReverseString.reverse(text));
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("org.interviewtasks.junior.core.ReverseStringTest#seeds")
    void reversesTheListOfClusters(long seed) {
      String text = RandomData.text(new SplittableRandom(seed), 40);
      List<String> clusters = new ArrayList<>();
      BreakIterator boundaries = BreakIterator.getCharacterInstance();
      boundaries.setText(text);
      for (int start = 0, end = boundaries.next(); end != BreakIterator.DONE; ) {
        clusters.add(text.substring(start, end));
        start = end;
        end = boundaries.next();
      }
      Collections.reverse(clusters);

      assertThat(ReverseString.reverseGraphemes(text)).isEqualTo(String.join("", clusters));
    }

    @Test
    void rejectsNull() {
      assertThatNullPointerException()
          .isThrownBy(() -> ReverseString.reverseGraphemes(null))
          .withMessage("text");
    }
  }

  @Test
  void mainPrintsBothReversalsOfTheJoinedArguments() throws Exception {
    var printed = StdStreams.capture(() -> ReverseString.main("noe\u0301l", "🇫🇷"));

    assertThat(printed.out())
        .isEqualTo(
            "by code points: 🇷🇫 l\u0301eon"
                + System.lineSeparator()
                + "by graphemes:   🇫🇷 le\u0301on"
                + System.lineSeparator());
  }

  @Test
  void mainRejectsNoArguments() {
    assertThatIllegalArgumentException()
        .isThrownBy(ReverseString::main)
        .withMessage("usage: junior.core.17 <text...>");
  }

  static LongStream seeds() {
    return Seeds.derive(200);
  }
}
