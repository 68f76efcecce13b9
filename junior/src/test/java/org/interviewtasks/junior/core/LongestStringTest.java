package org.interviewtasks.junior.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.interviewtasks.common.testing.RandomData;
import org.interviewtasks.common.testing.Seeds;
import org.interviewtasks.common.testing.StdStreams;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class LongestStringTest {

  private static final Comparator<String> BY_CODE_POINTS =
      Comparator.comparingInt(s -> s.codePointCount(0, s.length()));

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = ';',
      value = {
        "apple; apple",
        "a|bb|ccc; ccc",
        "ccc|bb|a; ccc",
        "bb|cccc|a|dd; cccc",
        "ab|cd|ef; ab",
        "x|yz|wv; yz",
        "|a; a",
        "|; ''"
      })
  void returnsTheLongestAndTheFirstOnTies(String joined, String expected) {
    List<String> strings = List.of(joined.split("\\|", -1));

    assertThat(LongestString.longest(strings)).isEqualTo(expected);
  }

  @Test
  void measuresInCodePointsSoAnEmojiIsOneCharacter() {
    assertThat(LongestString.longest(List.of("😀", "ab"))).isEqualTo("ab");
    assertThat(LongestString.longest(List.of("😀😀", "abc"))).isEqualTo("abc");
    assertThat(LongestString.longest(List.of("𝔘𝔘𝔘", "ab"))).isEqualTo("𝔘𝔘𝔘");
    assertThat(LongestString.longest(List.of("中文", "Жж", "😀a"))).isEqualTo("中文");
    assertThat(LongestString.longest(List.of("noël", "noe\u0308l"))).isEqualTo("noe\u0308l");
  }

  @Test
  void ofEqualStringsReturnsTheFirstInstance() {
    String first = new String("same");
    String second = new String("same");

    assertThat(LongestString.longest(List.of("a", first, second))).isSameAs(first);
  }

  @Test
  void longestAllReturnsEveryStringOfTheMaximumLengthInOrder() {
    assertThat(LongestString.longestAll(List.of("ab", "c", "de", "😀f", "g")))
        .containsExactly("ab", "de", "😀f");
    assertThat(LongestString.longestAll(List.of("a", "bcd", "ef"))).containsExactly("bcd");
    assertThat(LongestString.longestAll(List.of("", ""))).containsExactly("", "");
    assertThat(LongestString.longestAll(List.of())).isEmpty();
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void agreesWithAStreamMax(long seed) {
    var random = new SplittableRandom(seed);
    List<String> strings = new ArrayList<>();
    for (int i = random.nextInt(1, 12); i > 0; i--) {
      strings.add(RandomData.text(random, 6));
    }
    String expected = strings.stream().max(BY_CODE_POINTS).orElseThrow();

    assertThat(LongestString.longest(strings)).isSameAs(expected);
    assertThat(LongestString.longestAll(strings))
        .isEqualTo(strings.stream().filter(s -> BY_CODE_POINTS.compare(s, expected) == 0).toList());
  }

  @Test
  void rejectsAnEmptyList() {
    assertThatThrownBy(() -> LongestString.longest(List.of()))
        .isInstanceOf(NoSuchElementException.class)
        .hasMessage("no longest string in an empty list");
  }

  @Test
  void rejectsNullListAndNullElementsByIndex() {
    assertThatNullPointerException()
        .isThrownBy(() -> LongestString.longest(null))
        .withMessage("strings");
    assertThatNullPointerException()
        .isThrownBy(() -> LongestString.longestAll(null))
        .withMessage("strings");
    assertThatNullPointerException()
        .isThrownBy(() -> LongestString.longest(Arrays.asList(null, "a")))
        .withMessage("null element at index 0");
    assertThatNullPointerException()
        .isThrownBy(() -> LongestString.longest(Arrays.asList("abc", "d", null)))
        .withMessage("null element at index 2");
    assertThatNullPointerException()
        .isThrownBy(() -> LongestString.longestAll(Arrays.asList("abc", null)))
        .withMessage("null element at index 1");
  }

  @Test
  void mainPrintsTheLongestArgument() throws Exception {
    var printed = StdStreams.capture(() -> LongestString.main("pear", "😀😀😀😀😀", "banana"));

    assertThat(printed.out()).isEqualTo("banana" + System.lineSeparator());
  }

  @Test
  void mainRejectsNoArguments() {
    assertThatIllegalArgumentException()
        .isThrownBy(LongestString::main)
        .withMessage("usage: junior.core.16 <string> [string...]");
  }

  static LongStream seeds() {
    return Seeds.derive(200);
  }
}
