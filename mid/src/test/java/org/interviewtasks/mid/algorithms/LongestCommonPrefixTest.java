package org.interviewtasks.mid.algorithms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Function;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.interviewtasks.common.testing.RandomData;
import org.interviewtasks.common.testing.Seeds;
import org.interviewtasks.common.testing.StdStreams;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class LongestCommonPrefixTest {

  static Stream<Function<List<String>, String>> methods() {
    return Stream.of(LongestCommonPrefix::of, LongestCommonPrefix::ofMinAndMax);
  }

  static List<String> split(String strings) {
    return Arrays.asList(strings.split("\\|", -1));
  }

  @Nested
  class Examples {

    @ParameterizedTest(name = "{0} -> \"{1}\"")
    @CsvSource(
        delimiter = ';',
        value = {
          "flower|flow|flight; fl",
          "dog|racecar|car; ''",
          "interview|interval|internet|internal; inter",
          "same|same|same; same",
          "alone; alone",
          "prefix|pre; pre",
          "pre|prefix; pre",
          "abc|; ''",
          "|abc; ''",
          "|; ''",
          "Case|case; ''",
          "naïve|naïf; naï",
          "中文字|中文; 中文",
          "ab|ab|abc|ab; ab",
          "abcd|abce|abcf|abcg; abc",
          "zebra|zeal|zero|aardvark; ''"
        })
    void findsThePrefix(String strings, String expected) {
      List<String> list = split(strings);

      assertThat(LongestCommonPrefix.of(list)).isEqualTo(expected);
      assertThat(LongestCommonPrefix.ofMinAndMax(list)).isEqualTo(expected);
    }

    @ParameterizedTest
    @MethodSource("org.interviewtasks.mid.algorithms.LongestCommonPrefixTest#methods")
    void anEmptyListHasTheEmptyPrefix(Function<List<String>, String> method) {
      assertThat(method.apply(List.of())).isEmpty();
    }
  }

  @Nested
  class Surrogates {

    @Test
    void doesNotSplitASurrogatePair() {
      List<String> emoji = List.of("a😀", "a😁"); // U+1F600 and U+1F601 share their high surrogate

      assertThat(LongestCommonPrefix.of(emoji)).isEqualTo("a");
      assertThat(LongestCommonPrefix.ofMinAndMax(emoji)).isEqualTo("a");
      assertThat(LongestCommonPrefix.of(List.of("😀x", "😀y"))).isEqualTo("😀");
      assertThat(LongestCommonPrefix.ofMinAndMax(List.of("😀x", "😀y"))).isEqualTo("😀");
    }

    @Test
    void aLoneHighSurrogateSharedByAllIsKept() {
      List<String> broken = List.of("a\uD83D", "a\uD83Db");

      assertThat(LongestCommonPrefix.of(broken)).isEqualTo("a\uD83D");
      assertThat(LongestCommonPrefix.ofMinAndMax(broken)).isEqualTo("a\uD83D");
    }

    @Test
    void backsOffWhenOnlyALaterStringContinuesThePair() {
      List<String> strings = List.of("a\uD83D", "a\uD83D\uDE00", "a\uD83D");

      assertThat(LongestCommonPrefix.of(strings)).isEqualTo("a");
      assertThat(LongestCommonPrefix.ofMinAndMax(strings)).isEqualTo("a");
    }
  }

  @ParameterizedTest
  @MethodSource("methods")
  void rejectsNulls(Function<List<String>, String> method) {
    assertThatNullPointerException().isThrownBy(() -> method.apply(null)).withMessage("strings");
    assertThatNullPointerException()
        .isThrownBy(() -> method.apply(Arrays.asList("a", null)))
        .withMessage("null string at index 1");
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void agreesWithAStartsWithOracle(long seed) {
    var random = new SplittableRandom(seed);
    int[] alphabet = RandomData.alphabet("ab😀😁é");
    String stem = RandomData.text(random, 6, alphabet);
    List<String> strings = new ArrayList<>();
    int count = random.nextInt(1, 6);
    for (int i = 0; i < count; i++) {
      strings.add(stem + RandomData.text(random, 4, alphabet));
    }

    String expected = oracle(strings);

    assertThat(LongestCommonPrefix.of(strings)).isEqualTo(expected);
    assertThat(LongestCommonPrefix.ofMinAndMax(strings)).isEqualTo(expected);
    assertThat(expected).startsWith(stem);
  }

  /** The longest prefix of whole code points of the first string that every string starts with. */
  private static String oracle(List<String> strings) {
    String first = strings.get(0);
    String best = "";
    for (int end = 0; end <= first.length(); end = first.offsetByCodePoints(end, 1)) {
      String candidate = first.substring(0, end);
      if (strings.stream().allMatch(s -> s.startsWith(candidate))) {
        best = candidate;
      }
      if (end == first.length()) {
        break;
      }
    }
    return best;
  }

  @Test
  void mainPrintsThePrefixInQuotes() throws Exception {
    var printed = StdStreams.capture(() -> LongestCommonPrefix.main("flower", "flow", "flight"));
    var none = StdStreams.capture(LongestCommonPrefix::main);

    assertThat(printed.out()).isEqualTo("\"fl\"" + System.lineSeparator());
    assertThat(none.out()).isEqualTo("\"\"" + System.lineSeparator());
  }

  static LongStream seeds() {
    return Seeds.derive(200);
  }
}
