package org.interviewtasks.junior.algorithms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.interviewtasks.common.testing.RandomData;
import org.interviewtasks.common.testing.Seeds;
import org.interviewtasks.common.testing.StdStreams;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class AnagramTest {

  @Nested
  class Strict {

    @ParameterizedTest(name = "\"{0}\" / \"{1}\" -> {2}")
    @CsvSource({
      "listen, silent, true",
      "triangle, integral, true",
      "abc, abc, true",
      "'', '', true",
      "a, a, true",
      "aab, abb, false",
      "ab, abc, false",
      "abc, ab, false",
      "'', a, false",
      "a, '', false",
      "Listen, Silent, false",
      "dormitory, 'dirty room', false",
      "😀a, a😀, true",
      "😀😁, 😁😀, true",
      "😀, 😁, false",
      "жук, кжу, true",
      "aabbcc, abcabc, true",
      "aabbcc, aabbbc, false"
    })
    void comparesCodePointCounts(String first, String second, boolean expected) {
      assertThat(Anagram.areAnagrams(first, second)).isEqualTo(expected);
      assertThat(Anagram.areAnagrams(second, first)).as("symmetric").isEqualTo(expected);
    }

    @Test
    void countsCodePointsNotChars() {
      // both have chars {D83D, DE00, DE01} in some multiset, but different code points
      assertThat(Anagram.areAnagrams("😀\uDE01", "😁\uDE00")).isFalse();
      assertThat(Anagram.areAnagrams("é", "e\u0301")).isFalse();
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("org.interviewtasks.junior.algorithms.AnagramTest#seeds")
    void agreesWithSortedCodePoints(long seed) {
      var random = new SplittableRandom(seed);
      String first = RandomData.text(random, 12, RandomData.alphabet("abcé😀"));
      String second =
          random.nextBoolean()
              ? shuffled(first, random)
              : RandomData.text(random, 12, RandomData.alphabet("abcé😀"));

      assertThat(Anagram.areAnagrams(first, second))
          .as("\"%s\" / \"%s\"", first, second)
          .isEqualTo(Arrays.equals(sorted(first), sorted(second)));
    }

    @Test
    void rejectsNull() {
      assertThatNullPointerException()
          .isThrownBy(() -> Anagram.areAnagrams(null, "a"))
          .withMessage("first");
      assertThatNullPointerException()
          .isThrownBy(() -> Anagram.areAnagrams("a", null))
          .withMessage("second");
    }
  }

  @Nested
  class Loose {

    @ParameterizedTest(name = "\"{0}\" / \"{1}\" -> {2}")
    @CsvSource({
      "Listen, Silent, true",
      "Dormitory, 'Dirty room!', true",
      "'The eyes', 'They see', true",
      "'Astronomer', 'Moon starer', true",
      "'a b c', cab, true",
      "'', '', true",
      "'?!', '', true",
      "Abc, abd, false",
      "ab, abb, false",
      "'Στάσις', 'στασις', false",
      "'Στάσις', 'σιςτάσ', true",
      "ΣΑΣ, σας, true",
      "'Ab1', 'b-A-1', true",
      "'a1', 'a2', false"
    })
    void ignoresCaseAndEverythingButLettersAndDigits(
        String first, String second, boolean expected) {
      assertThat(Anagram.areLooseAnagrams(first, second)).isEqualTo(expected);
      assertThat(Anagram.areLooseAnagrams(second, first)).as("symmetric").isEqualTo(expected);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("org.interviewtasks.junior.algorithms.AnagramTest#seeds")
    void agreesWithSortedFoldedLettersAndDigits(long seed) {
      var random = new SplittableRandom(seed);
      String first = RandomData.text(random, 12, RandomData.alphabet("aAbB1 ,.σΣς"));
      String second =
          random.nextBoolean()
              ? shuffled(first, random).toUpperCase(Locale.ROOT)
              : RandomData.text(random, 12, RandomData.alphabet("aAbB1 ,.σΣς"));

      assertThat(Anagram.areLooseAnagrams(first, second))
          .as("\"%s\" / \"%s\"", first, second)
          .isEqualTo(Arrays.equals(foldedLettersAndDigits(first), foldedLettersAndDigits(second)));
    }

    @Test
    void rejectsNull() {
      assertThatNullPointerException()
          .isThrownBy(() -> Anagram.areLooseAnagrams(null, "a"))
          .withMessage("first");
      assertThatNullPointerException()
          .isThrownBy(() -> Anagram.areLooseAnagrams("a", null))
          .withMessage("second");
    }
  }

  @Nested
  class Main {

    @Test
    void printsBothVerdicts() throws Exception {
      var printed = StdStreams.capture(() -> Anagram.main("Listen", "Silent"));

      assertThat(printed.out())
          .isEqualTo("\"Listen\" \"Silent\": strict=false, loose=true" + System.lineSeparator());
    }

    @Test
    void needsExactlyTwoArguments() {
      assertThatIllegalArgumentException()
          .isThrownBy(() -> Anagram.main("one"))
          .withMessage("usage: junior.algorithms.1 <first> <second>");
      assertThatIllegalArgumentException()
          .isThrownBy(() -> Anagram.main("a", "b", "c"))
          .withMessage("usage: junior.algorithms.1 <first> <second>");
    }
  }

  private static int[] sorted(String text) {
    return text.codePoints().sorted().toArray();
  }

  private static int[] foldedLettersAndDigits(String text) {
    return text.codePoints()
        .filter(Character::isLetterOrDigit)
        .map(cp -> Character.toLowerCase(Character.toUpperCase(cp)))
        .sorted()
        .toArray();
  }

  private static String shuffled(String text, SplittableRandom random) {
    List<String> codePoints =
        new ArrayList<>(text.codePoints().mapToObj(Character::toString).toList());
    Collections.shuffle(codePoints, random);
    return codePoints.stream().collect(Collectors.joining());
  }

  static LongStream seeds() {
    return Seeds.derive(200);
  }
}
