package org.interviewtasks.junior.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

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

class PalindromeTest {

  @Nested
  class Strict {

    @ParameterizedTest(name = "\"{0}\" -> {1}")
    @CsvSource(
        delimiter = '|',
        quoteCharacter = '"',
        value = {
          "\"\"| true",
          "a| true",
          "aa| true",
          "ab| false",
          "aba| true",
          "abba| true",
          "abca| false",
          "abcb| false",
          "racecar| true",
          "Racecar| false",
          "race car| false",
          "😀| true",
          "😀a😀| true",
          "😀🎉😀| true",
          "😀🎉| false",
          "😀a😁| false",
          "a😀| false",
          "шалаш| true",
          "ΑΒΑ| true",
          "中文中| true",
          "\"12 21\"| true"
        })
    void comparesCodePointsFromBothEnds(String text, boolean expected) {
      assertThat(Palindrome.isPalindrome(text)).isEqualTo(expected);
    }

    @Test
    void doesNotTakeSurrogateHalvesApart() {
      // reversed char by char, "😀😀" would keep its surrogates in the wrong order; by code point
      // it is a palindrome, and a single pair is one character
      assertThat(Palindrome.isPalindrome("\uD83D\uDE00\uD83D\uDE00")).isTrue();
      assertThat(Palindrome.isPalindrome("\uD83D\uDE00")).isTrue();
      // a lone surrogate is still compared as itself
      assertThat(Palindrome.isPalindrome("\uD83Dx\uD83D")).isTrue();
      assertThat(Palindrome.isPalindrome("\uDE00\uD83D")).isFalse();
    }

    @Test
    void combiningMarksAreSeparateCodePointsNotPartOfTheirLetter() {
      // "é" decomposed is two code points: not a palindrome, although a user sees one letter
      assertThat(Palindrome.isPalindrome("e\u0301")).isFalse();
      assertThat(Palindrome.isPalindrome("\u00e9")).isTrue();
      // shown as "ée", whose reverse "eé" differs, yet its code points mirror
      assertThat(Palindrome.isPalindrome("e\u0301e")).isTrue();
    }

    @Test
    void rejectsNull() {
      assertThatNullPointerException()
          .isThrownBy(() -> Palindrome.isPalindrome(null))
          .withMessage("text");
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("org.interviewtasks.junior.core.PalindromeTest#seeds")
    void agreesWithStringBuilderReverse(long seed) {
      var random = new SplittableRandom(seed);
      String text = RandomData.text(random, 6, RandomData.alphabet("ab😀é"));

      assertThat(Palindrome.isPalindrome(text)).isEqualTo(reversed(text).equals(text));
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("org.interviewtasks.junior.core.PalindromeTest#seeds")
    void acceptsMirroredTextsAndRejectsThemWhenOneEndChanges(long seed) {
      var random = new SplittableRandom(seed);
      String half = RandomData.text(random, 20);
      String middle = random.nextBoolean() ? "" : RandomData.text(random, 1);
      String palindrome = half + middle + reversed(half);

      assertThat(Palindrome.isPalindrome(palindrome)).isTrue();
      String broken = palindrome + "x";
      assertThat(Palindrome.isPalindrome(broken)).isEqualTo(reversed(broken).equals(broken));
    }
  }

  @Nested
  class Loose {

    @ParameterizedTest(name = "\"{0}\" -> {1}")
    @CsvSource(
        delimiter = '|',
        quoteCharacter = '"',
        value = {
          "\"\"| true",
          "\" \"| true",
          "?!| true",
          "😀🎉| true",
          "a| true",
          "ab| false",
          "A man, a plan, a canal: Panama| true",
          "Was it a car or a cat I saw?| true",
          "No 'x' in Nixon| true",
          "Race car| true",
          "Race cars| false",
          "race a car| false",
          "Madam, I'm Adam.| true",
          "Искать такси| true",
          "А роза упала на лапу Азора| true",
          "Νίψον ανομήματα μη μόναν όψιν| false",
          "ΣΟΣ σος| true",
          "σοςΣ| false",
          "12,21| true",
          "1a2| false",
          "😀a😀b| false",
          "!a!| true",
          "a!!b| false",
          "..ab.a| true"
        })
    void ignoresCaseAndEverythingButLettersAndDigits(String text, boolean expected) {
      assertThat(Palindrome.isLoosePalindrome(text)).isEqualTo(expected);
    }

    @Test
    void skipsEmojiAndNonAsciiWhitespaceAsPunctuation() {
      assertThat(Palindrome.isLoosePalindrome("😀Ab\u3000🎉bA\u00a0")).isTrue();
      assertThat(Palindrome.isLoosePalindrome("😀Ab\u3000🎉bB\u00a0")).isFalse();
    }

    @Test
    void foldsEveryFormOfSigma() {
      assertThat(Palindrome.isLoosePalindrome("σας")).isTrue();
      assertThat(Palindrome.isLoosePalindrome("Σας")).isTrue();
    }

    @Test
    void comparesLettersOutsideTheBasicPlane() {
      // U+1D518 MATHEMATICAL FRAKTUR CAPITAL U is a letter encoded as a surrogate pair
      assertThat(Palindrome.isLoosePalindrome("𝔘 x, 𝔘")).isTrue();
      assertThat(Palindrome.isLoosePalindrome("𝔘 x, U")).isFalse();
      // Deseret has case pairs outside the Basic Multilingual Plane
      assertThat(Palindrome.isLoosePalindrome("\uD801\uDC00a\uD801\uDC28")).isTrue();
    }

    @Test
    void rejectsNull() {
      assertThatNullPointerException()
          .isThrownBy(() -> Palindrome.isLoosePalindrome(null))
          .withMessage("text");
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("org.interviewtasks.junior.core.PalindromeTest#seeds")
    void agreesWithReversingTheFoldedLettersAndDigits(long seed) {
      var random = new SplittableRandom(seed);
      String text = RandomData.text(random, 8, RandomData.alphabet("aAbB .,😀ΣσςЖж1"));
      StringBuilder kept = new StringBuilder();
      text.codePoints()
          .filter(Character::isLetterOrDigit)
          .map(cp -> Character.toLowerCase(Character.toUpperCase(cp)))
          .forEach(kept::appendCodePoint);
      String folded = kept.toString();

      assertThat(Palindrome.isLoosePalindrome(text)).isEqualTo(reversed(folded).equals(folded));
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("org.interviewtasks.junior.core.PalindromeTest#seeds")
    void everyStrictPalindromeIsALooseOne(long seed) {
      var random = new SplittableRandom(seed);
      String half = RandomData.text(random, 20);
      String palindrome = half + reversed(half);

      assertThat(Palindrome.isLoosePalindrome(palindrome)).isTrue();
    }
  }

  @Nested
  class Main {

    @Test
    void printsBothVerdictsForEachArgument() throws Exception {
      var printed = StdStreams.capture(() -> Palindrome.main("Race car", "abba", "😀x"));

      String n = System.lineSeparator();
      assertThat(printed.out())
          .isEqualTo(
              "\"Race car\": strict=false, loose=true"
                  + n
                  + "\"abba\": strict=true, loose=true"
                  + n
                  + "\"😀x\": strict=false, loose=true"
                  + n);
    }

    @Test
    void rejectsNoArguments() {
      assertThatIllegalArgumentException()
          .isThrownBy(Palindrome::main)
          .withMessage("usage: junior.core.2 <text> [text...]");
    }
  }

  private static String reversed(String text) {
    return new StringBuilder(text).reverse().toString();
  }

  static LongStream seeds() {
    return Seeds.derive(200);
  }
}
