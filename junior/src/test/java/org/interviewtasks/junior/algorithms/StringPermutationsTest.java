package org.interviewtasks.junior.algorithms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;
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

class StringPermutationsTest {

  @ParameterizedTest(name = "\"{0}\" -> {1}")
  @CsvSource(
      delimiter = ';',
      value = {
        "'';  ''",
        "a; a",
        "ab; ab ba",
        "ba; ab ba",
        "aa; aa",
        "aab; aab aba baa",
        "bba; abb bab bba",
        "abc; abc acb bac bca cab cba",
        "cba; abc acb bac bca cab cba",
        "aabb; aabb abab abba baab baba bbaa",
        "😀a; a😀 😀a",
        "😀😀b; b😀😀 😀b😀 😀😀b",
        "é\u0301; é\u0301 \u0301é"
      })
  void listsTheDistinctPermutationsInOrder(String text, String expected) {
    List<String> permutations = Arrays.asList(expected.split(" ", -1));

    assertThat(StringPermutations.list(text)).isEqualTo(permutations);
    assertThat(StringPermutations.stream(text).toList()).isEqualTo(permutations);
    assertThat(StringPermutations.count(text)).isEqualTo(permutations.size());
  }

  @ParameterizedTest(name = "\"{0}\" has {1}")
  @CsvSource({
    "'', 1",
    "a, 1",
    "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa, 1",
    "ab, 2",
    "aab, 3",
    "abcd, 24",
    "mississippi, 34650",
    "abcdefghijklmnopqrst, 2432902008176640000",
    "abcdefghijklmnopqrstuvwxyz, 403291461126605635584000000",
    "😀😀😁, 3"
  })
  void countsWithoutGenerating(String text, BigInteger count) {
    assertThat(StringPermutations.count(text)).isEqualTo(count);
  }

  @Test
  void generatesLazily() {
    String alphabet =
        "abcdefghijklmnopqrstuvwxyz"; // 26! permutations: only the first three are made

    assertThat(StringPermutations.stream(alphabet).limit(3))
        .containsExactly(
            "abcdefghijklmnopqrstuvwxyz",
            "abcdefghijklmnopqrstuvwxzy",
            "abcdefghijklmnopqrstuvwyxz");
  }

  @Test
  void theIteratorEndsCleanly() {
    Iterator<String> it = StringPermutations.iterator("ab");

    assertThat(it.next()).isEqualTo("ab");
    assertThat(it.hasNext()).isTrue();
    assertThat(it.next()).isEqualTo("ba");
    assertThat(it.hasNext()).isFalse();
    assertThatThrownBy(it::next)
        .isInstanceOf(NoSuchElementException.class)
        .hasMessage("no permutations left");
  }

  @Test
  void advanceLeavesTheLastPermutationUnchanged() {
    int[] last = {3, 2, 2, 1};

    assertThat(StringPermutations.advance(last)).isFalse();
    assertThat(last).containsExactly(3, 2, 2, 1);
  }

  @Test
  void listsUpToNineFactorialPermutations() {
    List<String> all = StringPermutations.list("ihgfedcba");

    assertThat(all).hasSize(StringPermutations.LIST_LIMIT);
    assertThat(new HashSet<>(all)).hasSize(StringPermutations.LIST_LIMIT);
    assertThat(all.getFirst()).isEqualTo("abcdefghi");
    assertThat(all.getLast()).isEqualTo("ihgfedcba");
  }

  @Test
  void refusesToListMore() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> StringPermutations.list("abcdefghij"))
        .withMessage(
            "\"abcdefghij\" has more than 362880 distinct permutations, the most a list may"
                + " hold; use stream(text) and take what you need");
    assertThat(StringPermutations.list("aaaabbbbc")).hasSize(630);
    assertThat(StringPermutations.list("abcdefghi")).hasSize(StringPermutations.LIST_LIMIT);
  }

  @Test
  void aLongTextIsJudgedWithoutCountingAllItsPermutations() {
    String letters = "abcdefghijklmnopqrstuvwxyz".repeat(40_000);
    assertThatIllegalArgumentException()
        .isThrownBy(() -> StringPermutations.list(letters))
        .withMessage(
            "\"abcdefghijklmnopqrst…\" (1040000 chars) has more than 362880 distinct permutations,"
                + " the most a list may hold; use stream(text) and take what you need");
    String same = "x".repeat(1 << 20);
    assertThat(StringPermutations.list(same)).containsExactly(same);
  }

  @Test
  void countsUpToItsLengthLimit() {
    String limit = "ab".repeat(StringPermutations.MAX_COUNT_LENGTH / 2);
    assertThat(StringPermutations.count(limit).toString()).hasSize(6019);
    assertThat(StringPermutations.count("x".repeat(StringPermutations.MAX_COUNT_LENGTH)))
        .isEqualTo(BigInteger.ONE);
    assertThat(StringPermutations.count("😀".repeat(StringPermutations.MAX_COUNT_LENGTH)))
        .isEqualTo(BigInteger.ONE);
    assertThatIllegalArgumentException()
        .isThrownBy(() -> StringPermutations.count("x".repeat(20_001)))
        .withMessage(
            "count takes a text of at most 20000 characters (its answer can have 77,338 digits):"
                + " 20001");
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("org.interviewtasks.junior.algorithms.StringPermutationsTest#seeds")
  void agreesWithASetOfAllRearrangements(long seed) {
    String text = RandomData.text(new SplittableRandom(seed), 7, RandomData.alphabet("aab😀c"));
    Set<String> expected = new HashSet<>();
    rearrange("", codePoints(text), expected);

    List<String> permutations = StringPermutations.list(text);

    assertThat(permutations).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(expected);
    assertThat(StringPermutations.count(text)).isEqualTo(expected.size());
    for (int i = 1; i < permutations.size(); i++) {
      assertThat(
              Arrays.compare(
                  permutations.get(i - 1).codePoints().toArray(),
                  permutations.get(i).codePoints().toArray()))
          .as("code point order at %d", i)
          .isNegative();
    }
  }

  /** The simple oracle: every arrangement, duplicates collapsed by the set. */
  private static void rearrange(String prefix, List<String> rest, Set<String> into) {
    if (rest.isEmpty()) {
      into.add(prefix);
    }
    for (int i = 0; i < rest.size(); i++) {
      List<String> others = new ArrayList<>(rest);
      String chosen = others.remove(i);
      rearrange(prefix + chosen, others, into);
    }
  }

  private static List<String> codePoints(String text) {
    return text.codePoints().mapToObj(Character::toString).toList();
  }

  @Test
  void rejectsNull() {
    assertThatNullPointerException()
        .isThrownBy(() -> StringPermutations.iterator(null))
        .withMessage("text");
    assertThatNullPointerException()
        .isThrownBy(() -> StringPermutations.stream(null))
        .withMessage("text");
    assertThatNullPointerException()
        .isThrownBy(() -> StringPermutations.list(null))
        .withMessage("text");
    assertThatNullPointerException()
        .isThrownBy(() -> StringPermutations.count(null))
        .withMessage("text");
  }

  @Nested
  class Main {

    @Test
    void printsOnePermutationPerLine() throws Exception {
      var printed = StdStreams.capture(() -> StringPermutations.main("aab"));

      assertThat(printed.out())
          .isEqualTo(String.join(System.lineSeparator(), "aab", "aba", "baa", ""));
    }

    @Test
    void needsOneArgumentWithFewEnoughPermutations() {
      assertThatIllegalArgumentException()
          .isThrownBy(StringPermutations::main)
          .withMessage("usage: junior.algorithms.9 <text> (at most 40320 permutations)");
      assertThatIllegalArgumentException()
          .isThrownBy(() -> StringPermutations.main("a", "b"))
          .withMessage("usage: junior.algorithms.9 <text> (at most 40320 permutations)");
      assertThatIllegalArgumentException()
          .isThrownBy(() -> StringPermutations.main("abcdefghi"))
          .withMessage(
              "\"abcdefghi\" has more than 40320 distinct permutations, the most the command line"
                  + " prints; use stream(text) in code");
    }
  }

  static LongStream seeds() {
    return Seeds.derive(200);
  }
}
