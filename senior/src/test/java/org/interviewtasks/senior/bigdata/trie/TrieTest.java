package org.interviewtasks.senior.bigdata.trie;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.NavigableSet;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.stream.LongStream;
import org.interviewtasks.common.testing.RandomData;
import org.interviewtasks.common.testing.Seeds;
import org.interviewtasks.common.testing.StdStreams;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class TrieTest {

  private static final Trie CARS = Trie.of("car", "card", "care", "cart", "cat", "dog", "do");

  @Nested
  class Queries {

    @ParameterizedTest(name = "contains({0}) = {1}")
    @CsvSource({
      "car, true",
      "card, true",
      "do, true",
      "dog, true",
      "ca, false",
      "c, false",
      "cars, false",
      "dot, false",
      "x, false",
      "'', false"
    })
    void contains(String word, boolean expected) {
      assertThat(CARS.contains(word)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "prefix ''{0}'': {1} words")
    @CsvSource({
      "'', 7, car card care cart cat do dog",
      "c, 5, car card care cart cat",
      "car, 4, car card care cart",
      "card, 1, card",
      "d, 2, do dog",
      "cb, 0, ''",
      "cards, 0, ''",
      "z, 0, ''"
    })
    void prefixQueries(String prefix, int count, String words) {
      List<String> expected = words.isEmpty() ? List.of() : List.of(words.split(" "));

      assertThat(CARS.countWithPrefix(prefix)).isEqualTo(count);
      assertThat(CARS.startsWith(prefix)).isEqualTo(count > 0);
      assertThat(CARS.wordsWithPrefix(prefix).toList()).isEqualTo(expected);
      assertThat(CARS.wordsWithPrefix(prefix, 2))
          .isEqualTo(expected.subList(0, Math.min(2, expected.size())));
    }

    @Test
    void limitZeroGivesNothingAndNegativeIsRejected() {
      assertThat(CARS.wordsWithPrefix("c", 0)).isEmpty();
      assertThatIllegalArgumentException()
          .isThrownBy(() -> CARS.wordsWithPrefix("c", -1))
          .withMessage("limit must not be negative: -1");
    }

    @Test
    void theStreamIsSortedSizedAndLazy() {
      Spliterator<String> spliterator = CARS.wordsWithPrefix("car").spliterator();

      assertThat(spliterator.hasCharacteristics(Spliterator.SORTED | Spliterator.DISTINCT))
          .isTrue();
      assertThat(spliterator.hasCharacteristics(Spliterator.ORDERED | Spliterator.NONNULL))
          .isTrue();
      assertThat(spliterator.getComparator()).isNull();
      assertThat(spliterator.estimateSize()).isEqualTo(4);
      assertThat(CARS.wordsWithPrefix("zz").spliterator().estimateSize()).isZero();
      assertThat(CARS.wordsWithPrefix("").sorted().toList())
          .containsExactly("car", "card", "care", "cart", "cat", "do", "dog");
    }

    @Test
    void iteratorEndsWithNoSuchElement() {
      Iterator<String> words = CARS.wordsWithPrefix("dog").iterator();

      assertThat(words.next()).isEqualTo("dog");
      assertThat(words.hasNext()).isFalse();
      assertThatThrownBy(words::next).isInstanceOf(NoSuchElementException.class);
    }

    @Test
    void acceptsAnyCharSequenceAsQuery() {
      CharSequence cart = java.nio.CharBuffer.wrap("cart");
      assertThat(CARS.contains(cart)).isTrue();
      assertThat(CARS.countWithPrefix(cart.subSequence(0, 2))).isEqualTo(5);
    }
  }

  @Nested
  class Shape {

    @Test
    void sharesSuffixesAsWellAsPrefixes() {
      // A plain trie of these needs 1 + 4 + 4 * 3 = 17 states; the DAFSA shares "ing" and "ed".
      Trie trie = Trie.of("walking", "walked", "talking", "talked");

      assertThat(trie.size()).isEqualTo(4);
      assertThat(trie.stateCount()).isEqualTo(9);
      assertThat(trie.edgeCount()).isEqualTo(10);
      // Per state a header and a count, then its labels two per int (8 ints here), a target per
      // edge.
      assertThat(trie.arrayBytes()).isEqualTo(4L * (2 * 9 + 8 + 10));
    }

    @Test
    void emptyTrieHasOneStateAndNoWords() {
      Trie empty = Trie.of();

      assertThat(empty.size()).isZero();
      assertThat(empty.stateCount()).isOne();
      assertThat(empty.edgeCount()).isZero();
      assertThat(empty.contains("")).isFalse();
      assertThat(empty.startsWith("")).isFalse();
      assertThat(empty.wordsWithPrefix("")).isEmpty();
    }

    @Test
    void theEmptyWordIsAWord() {
      Trie trie = Trie.of("", "a");

      assertThat(trie.contains("")).isTrue();
      assertThat(trie.size()).isEqualTo(2);
      assertThat(trie.wordsWithPrefix("").toList()).containsExactly("", "a");
    }

    @Test
    void keepsDuplicatesOnceAndSortsAnyOrder() {
      Trie trie = Trie.of(List.of("b", "a", "b", "c", "a"));

      assertThat(trie.size()).isEqualTo(3);
      assertThat(trie.wordsWithPrefix("").toList()).containsExactly("a", "b", "c");
    }

    @Test
    void handlesUnicodeIncludingSurrogatePairsInStringOrder() {
      List<String> words = List.of("noël", "noé", "日本", "日本語", "😀", "😀🎉", "ℵ", "Ωmega");
      Trie trie = Trie.of(words);

      assertThat(trie.wordsWithPrefix("").toList())
          .isEqualTo(new TreeSet<>(words).stream().toList());
      assertThat(trie.wordsWithPrefix("日本").toList()).containsExactly("日本", "日本語");
      assertThat(trie.countWithPrefix("😀")).isEqualTo(2);
      assertThat(trie.countWithPrefix("\uD83D")).isEqualTo(2); // the high surrogate alone
      assertThat(trie.contains("noe")).isFalse();
    }

    @Test
    void veryLongWordsNeedNoRecursion() {
      String longWord = "ab".repeat(100_000);
      Trie trie = Trie.of(longWord, longWord + "c", "b");

      assertThat(trie.contains(longWord)).isTrue();
      assertThat(trie.wordsWithPrefix("ab").toList()).containsExactly(longWord, longWord + "c");
    }
  }

  @Nested
  class Builder {

    @Test
    void buildsFromSortedWordsAndIgnoresARepeat() {
      Trie trie = Trie.builder().add("a").add("a").add("ab").build();

      assertThat(trie.wordsWithPrefix("").toList()).containsExactly("a", "ab");
    }

    @Test
    void rejectsWordsOutOfOrder() {
      Trie.Builder builder = Trie.builder().add("b");

      assertThatIllegalArgumentException()
          .isThrownBy(() -> builder.add("a"))
          .withMessage("words must be added in ascending order: 'a' after 'b'");
    }

    @Test
    void cannotBeUsedAfterBuilding() {
      Trie.Builder builder = Trie.builder().add("a");
      builder.build();

      assertThatIllegalStateException()
          .isThrownBy(() -> builder.add("b"))
          .withMessage("builder already built its trie");
      assertThatIllegalStateException()
          .isThrownBy(builder::build)
          .withMessage("builder already built its trie");
    }

    @Test
    void rejectsNulls() {
      assertThatNullPointerException()
          .isThrownBy(() -> Trie.builder().add(null))
          .withMessage("word");
      assertThatNullPointerException()
          .isThrownBy(() -> Trie.of(Arrays.asList("a", null)))
          .withMessage("null word at index 1");
      assertThatNullPointerException()
          .isThrownBy(() -> Trie.of((List<String>) null))
          .withMessage("words");
      assertThatNullPointerException()
          .isThrownBy(() -> Trie.of((String[]) null))
          .withMessage("words");
      assertThatNullPointerException().isThrownBy(() -> CARS.contains(null)).withMessage("word");
      assertThatNullPointerException()
          .isThrownBy(() -> CARS.startsWith(null))
          .withMessage("prefix");
      assertThatNullPointerException()
          .isThrownBy(() -> CARS.countWithPrefix(null))
          .withMessage("prefix");
      assertThatNullPointerException()
          .isThrownBy(() -> CARS.wordsWithPrefix(null))
          .withMessage("prefix");
    }
  }

  @Nested
  class AgainstTreeSet {

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("org.interviewtasks.senior.bigdata.trie.TrieTest#seeds")
    void answersLikeTreeSetPrefixRanges(long seed) {
      SplittableRandom random = new SplittableRandom(seed);
      int[] alphabet = RandomData.alphabet(random.nextBoolean() ? "abc" : "ab日😀é");
      List<String> words = new ArrayList<>();
      int count = random.nextInt(60);
      for (int i = 0; i < count; i++) {
        words.add(RandomData.text(random, 6, alphabet));
      }
      NavigableSet<String> oracle = new TreeSet<>(words);
      Trie trie = Trie.of(words);

      assertThat(trie.size()).isEqualTo(oracle.size());
      for (int q = 0; q < 40; q++) {
        String query = RandomData.text(random, 4, alphabet);
        List<String> expected = withPrefix(oracle, query);
        assertThat(trie.contains(query)).as(query).isEqualTo(oracle.contains(query));
        assertThat(trie.countWithPrefix(query)).as(query).isEqualTo(expected.size());
        assertThat(trie.startsWith(query)).as(query).isEqualTo(!expected.isEmpty());
        assertThat(trie.wordsWithPrefix(query).toList()).as(query).isEqualTo(expected);
        int limit = random.nextInt(4);
        assertThat(trie.wordsWithPrefix(query, limit))
            .as("%s, limit %d", query, limit)
            .isEqualTo(expected.subList(0, Math.min(limit, expected.size())));
      }
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("org.interviewtasks.senior.bigdata.trie.TrieTest#seeds")
    void aStateWithManyEdgesIsSearchedLikeASmallOne(long seed) {
      // 60 letters: the root has dozens of edges to binary-search, its children a few.
      SplittableRandom random = new SplittableRandom(seed);
      int[] alphabet =
          RandomData.alphabet("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ01234567");
      List<String> words = new ArrayList<>();
      for (int i = 0, count = random.nextInt(400); i < count; i++) {
        words.add(RandomData.text(random, 3, alphabet));
      }
      NavigableSet<String> oracle = new TreeSet<>(words);
      Trie trie = Trie.of(words);

      for (int q = 0; q < 200; q++) {
        String query = RandomData.text(random, 3, alphabet);
        List<String> expected = withPrefix(oracle, query);
        assertThat(trie.contains(query)).as(query).isEqualTo(oracle.contains(query));
        assertThat(trie.countWithPrefix(query)).as(query).isEqualTo(expected.size());
        assertThat(trie.wordsWithPrefix(query, 5))
            .as(query)
            .isEqualTo(expected.subList(0, Math.min(5, expected.size())));
      }
      assertThat(trie.wordsWithPrefix("").toList()).isEqualTo(List.copyOf(oracle));
    }

    @Test
    void aLargeVocabularyIsCompact() {
      List<String> words = Vocabulary.words(42, 50_000);
      NavigableSet<String> oracle = new TreeSet<>(words);
      Trie trie = Trie.of(words);

      assertThat(trie.size()).isEqualTo(50_000);
      assertThat(trie.stateCount()).isLessThan(words.size());
      assertThat(trie.arrayBytes() / (double) words.size()).isLessThan(16.0);
      for (String prefix : List.of("ca", "pro", "stati", "zeing", "a")) {
        assertThat(trie.wordsWithPrefix(prefix).toList()).isEqualTo(withPrefix(oracle, prefix));
      }
      assertThat(words).allMatch(trie::contains);
    }

    private static List<String> withPrefix(NavigableSet<String> words, String prefix) {
      return words.tailSet(prefix, true).stream().takeWhile(w -> w.startsWith(prefix)).toList();
    }
  }

  @Nested
  class Main {

    @Test
    void printsCountWordsAndShape() throws Exception {
      var printed =
          StdStreams.capture(() -> Trie.main("car", "car", "card", "care", "cart", "cat"));

      assertThat(printed.out())
          .isEqualTo(
              "4 of 5 words start with 'car': car card care cart"
                  + System.lineSeparator()
                  + "automaton: 5 states, 7 edges, 94 bytes"
                  + System.lineSeparator());
    }

    @Test
    void needsAPrefixAndAWord() {
      assertThatIllegalArgumentException()
          .isThrownBy(() -> Trie.main("car"))
          .withMessage("usage: senior.bigdata.1 <prefix> <word> [word...]");
    }
  }

  static LongStream seeds() {
    return Seeds.derive(200);
  }
}
