package org.interviewtasks.mid.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.LongStream;
import org.interviewtasks.common.testing.Seeds;
import org.interviewtasks.common.testing.StdStreams;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class MergeSortedListsTest {

  /** An element with a sort key and where it came from, to see stability. */
  record Tagged(int key, int list, int position) {}

  static final Comparator<Tagged> BY_KEY = Comparator.comparingInt(Tagged::key);

  /** The infinite sequence 0, step, 2 step, …, counting how many elements were taken. */
  static Iterator<Integer> multiplesOf(int step, AtomicInteger taken) {
    return new Iterator<>() {
      private int next;

      @Override
      public boolean hasNext() {
        return true;
      }

      @Override
      public Integer next() {
        taken.incrementAndGet();
        int value = next;
        next += step;
        return value;
      }
    };
  }

  static <T> List<T> drain(Iterator<T> iterator, int n) {
    List<T> out = new ArrayList<>();
    for (int i = 0; i < n && iterator.hasNext(); i++) {
      out.add(iterator.next());
    }
    return out;
  }

  @Nested
  class TwoLists {

    @Test
    void delegatesToJunior() {
      List<Integer> first = List.of(1, 4, 9);
      List<Integer> second = List.of(2, 3, 10);

      assertThat(MergeSortedLists.merge(first, second, Comparator.naturalOrder()))
          .containsExactly(1, 2, 3, 4, 9, 10)
          .isEqualTo(org.interviewtasks.junior.algorithms.MergeSortedLists.merge(first, second));
    }

    @Test
    void reportsAnUnsortedListAsJuniorDoes() {
      assertThatIllegalArgumentException()
          .isThrownBy(
              () -> MergeSortedLists.merge(List.of(1, 2), List.of(3, 1), Comparator.naturalOrder()))
          .withMessage(
              "second is not sorted: the element at index 1 is less than the one at index 0");
    }
  }

  @Nested
  class ManyLists {

    @Test
    void mergesKListsInOrder() {
      List<List<Integer>> lists =
          List.of(List.of(1, 4, 7), List.of(), List.of(2, 5, 8), List.of(0, 3, 6, 9, 12));

      assertThat(MergeSortedLists.mergeAll(lists))
          .containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 12);
      assertThat(MergeSortedLists.mergePairwise(lists, Comparator.naturalOrder()))
          .containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 12);
    }

    @Test
    void equalElementsKeepTheOrderOfTheirLists() {
      List<List<Tagged>> lists =
          List.of(
              List.of(new Tagged(1, 0, 0), new Tagged(2, 0, 1)),
              List.of(new Tagged(1, 1, 0), new Tagged(1, 1, 1)),
              List.of(new Tagged(0, 2, 0), new Tagged(1, 2, 1)));
      List<Tagged> expected =
          List.of(
              new Tagged(0, 2, 0),
              new Tagged(1, 0, 0),
              new Tagged(1, 1, 0),
              new Tagged(1, 1, 1),
              new Tagged(1, 2, 1),
              new Tagged(2, 0, 1));

      assertThat(MergeSortedLists.mergeAll(lists, BY_KEY)).isEqualTo(expected);
      assertThat(MergeSortedLists.mergePairwise(lists, BY_KEY)).isEqualTo(expected);
    }

    @Test
    void noListsOrEmptyListsGiveNothingAndOneListIsCopied() {
      List<Integer> single = List.of(3, 5, 5);

      assertThat(MergeSortedLists.mergeAll(List.<List<Integer>>of())).isEmpty();
      assertThat(
              MergeSortedLists.mergePairwise(List.<List<Integer>>of(), Comparator.naturalOrder()))
          .isEmpty();
      assertThat(MergeSortedLists.mergeAll(List.of(List.<Integer>of(), List.of()))).isEmpty();
      assertThat(MergeSortedLists.mergeAll(List.of(single))).isEqualTo(single).isNotSameAs(single);
      assertThat(MergeSortedLists.mergePairwise(List.of(single), Comparator.naturalOrder()))
          .isEqualTo(single)
          .isNotSameAs(single);
    }

    @Test
    void resultsAreNewMutableLists() {
      List<Integer> merged = MergeSortedLists.mergeAll(List.of(List.of(2), List.of(1)));
      merged.add(3);

      assertThat(merged).containsExactly(1, 2, 3);
      List<Integer> pairwise =
          MergeSortedLists.mergePairwise(
              List.of(List.of(2), List.of(1)), Comparator.naturalOrder());
      pairwise.add(0);
      assertThat(pairwise).containsExactly(1, 2, 0);
      List<Integer> none =
          MergeSortedLists.mergePairwise(List.<List<Integer>>of(), Comparator.naturalOrder());
      none.add(7);
      assertThat(none).containsExactly(7);
    }

    @Test
    void rejectsUnsortedListsNamingThePlace() {
      List<List<Integer>> lists = List.of(List.of(1, 2), List.of(1, 5, 4));

      assertThatIllegalArgumentException()
          .isThrownBy(() -> MergeSortedLists.mergeAll(lists))
          .withMessage(
              "source 1 is not sorted: the element at index 2 is less than the one at index 1");
      assertThatIllegalArgumentException()
          .isThrownBy(() -> MergeSortedLists.mergePairwise(lists, Comparator.naturalOrder()))
          .withMessage(
              "second is not sorted: the element at index 2 is less than the one at index 1");
    }

    @Test
    void rejectsNulls() {
      assertThatNullPointerException()
          .isThrownBy(() -> MergeSortedLists.mergeAll(List.of(List.of(1), Arrays.asList(2, null))))
          .withMessage("null element at index 1 of list 1");
      assertThatNullPointerException()
          .isThrownBy(() -> MergeSortedLists.mergeAll(null))
          .withMessage("lists");
      assertThatNullPointerException()
          .isThrownBy(() -> MergeSortedLists.mergeAll(Arrays.asList(List.of(1), null)))
          .withMessage("list 1");
      assertThatNullPointerException()
          .isThrownBy(() -> MergeSortedLists.mergePairwise(List.of(List.of(1)), null))
          .withMessage("order");
      assertThatNullPointerException()
          .isThrownBy(() -> MergeSortedLists.mergeLazily(null, Comparator.<Integer>naturalOrder()))
          .withMessage("sources");
      assertThatNullPointerException()
          .isThrownBy(
              () ->
                  MergeSortedLists.mergeLazily(
                      Arrays.asList(List.of(1).iterator(), null),
                      Comparator.<Integer>naturalOrder()))
          .withMessage("source 1");
      assertThatNullPointerException()
          .isThrownBy(() -> MergeSortedLists.mergeLazily(List.of(), null))
          .withMessage("order");
    }
  }

  @Nested
  class Lazily {

    @Test
    void mergesInfiniteSourcesOnDemand() {
      AtomicInteger taken = new AtomicInteger();
      Iterator<Integer> merged =
          MergeSortedLists.mergeLazily(
              List.of(multiplesOf(2, taken), multiplesOf(3, taken), multiplesOf(5, taken)),
              Comparator.naturalOrder());

      assertThat(taken).hasValue(3); // one head per source
      assertThat(drain(merged, 10)).containsExactly(0, 0, 0, 2, 3, 4, 5, 6, 6, 8);
      assertThat(taken).hasValue(13); // each output pulled one replacement
    }

    @Test
    void findsAnUnsortedSourceWhenItGetsThere() {
      Iterator<Integer> merged =
          MergeSortedLists.mergeLazily(
              List.of(List.of(1, 3).iterator(), List.of(2, 9, 4).iterator()),
              Comparator.naturalOrder());

      assertThat(drain(merged, 3)).containsExactly(1, 2, 3);
      assertThatIllegalArgumentException()
          .isThrownBy(merged::next)
          .withMessage(
              "source 1 is not sorted: the element at index 2 is less than the one at index 1");
    }

    @Test
    void anExhaustedMergeSaysSo() {
      Iterator<Integer> merged =
          MergeSortedLists.mergeLazily(List.of(List.of(1).iterator()), Comparator.naturalOrder());

      assertThat(merged.next()).isEqualTo(1);
      assertThat(merged.hasNext()).isFalse();
      assertThatThrownBy(merged::next)
          .isInstanceOf(NoSuchElementException.class)
          .hasMessage("all sources are exhausted");
    }
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void equalsConcatenatingAndSortingStably(long seed) {
    var random = new SplittableRandom(seed);
    int k = random.nextInt(0, 9);
    List<List<Tagged>> lists = new ArrayList<>();
    List<Tagged> concatenated = new ArrayList<>();
    for (int list = 0; list < k; list++) {
      int size = random.nextInt(0, 12);
      int[] keys = random.ints(size, -5, 6).sorted().toArray();
      List<Tagged> tagged = new ArrayList<>();
      for (int position = 0; position < size; position++) {
        tagged.add(new Tagged(keys[position], list, position));
      }
      lists.add(tagged);
      concatenated.addAll(tagged);
    }
    List<Tagged> expected = new ArrayList<>(concatenated);
    expected.sort(BY_KEY); // List.sort is stable

    assertThat(MergeSortedLists.mergeAll(lists, BY_KEY)).isEqualTo(expected);
    assertThat(MergeSortedLists.mergePairwise(lists, BY_KEY)).isEqualTo(expected);
    if (k == 2) {
      assertThat(MergeSortedLists.merge(lists.get(0), lists.get(1), BY_KEY)).isEqualTo(expected);
    }
  }

  @Nested
  class Main {

    @Test
    void mergesCommaSeparatedLists() throws Exception {
      var printed = StdStreams.capture(() -> MergeSortedLists.main("1,4,9", "2,3", "", "0,10"));

      assertThat(printed.out()).isEqualTo("0 1 2 3 4 9 10" + System.lineSeparator());
    }

    @Test
    void rejectsBadUsage() {
      assertThatIllegalArgumentException()
          .isThrownBy(MergeSortedLists::main)
          .withMessage("usage: mid.core.6 <sorted ints> [sorted ints...]");
      assertThatIllegalArgumentException()
          .isThrownBy(() -> MergeSortedLists.main("1,x"))
          .withMessage("not an int: 'x'");
      assertThatIllegalArgumentException()
          .isThrownBy(() -> MergeSortedLists.main("3,1"))
          .withMessageStartingWith("source 0 is not sorted");
    }
  }

  static LongStream seeds() {
    return Seeds.derive(200);
  }
}
