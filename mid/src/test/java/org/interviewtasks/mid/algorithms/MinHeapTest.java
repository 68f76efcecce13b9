package org.interviewtasks.mid.algorithms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.PriorityQueue;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import org.interviewtasks.common.testing.RandomData;
import org.interviewtasks.common.testing.Seeds;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class MinHeapTest {

  static <E> List<E> drain(MinHeap<E> heap) {
    List<E> out = new ArrayList<>();
    while (!heap.isEmpty()) {
      out.add(heap.poll());
    }
    return out;
  }

  @Nested
  class Basics {

    @ParameterizedTest(name = "[{0}]")
    @CsvSource(
        delimiter = ';',
        value = {"5", "2,1", "1,2", "3,1,2", "5,4,3,2,1", "1,1,0,1", "9,-3,7,-3,0,12,5,5,-8"})
    void pollsInAscendingOrder(String values) {
      int[] numbers = Arrays.stream(values.split(",")).mapToInt(Integer::parseInt).toArray();
      MinHeap<Integer> heap = MinHeap.natural();
      for (int n : numbers) {
        heap.add(n);
      }

      assertThat(heap.size()).isEqualTo(numbers.length);
      assertThat(heap.peek()).isEqualTo(IntStream.of(numbers).min().orElseThrow());
      assertThat(drain(heap))
          .containsExactlyElementsOf(IntStream.of(numbers).sorted().boxed().toList());
      assertThat(heap.size()).isZero();
    }

    @Test
    void peekDoesNotRemove() {
      MinHeap<String> heap = MinHeap.natural();
      heap.add("b");
      heap.add("a");

      assertThat(heap.peek()).isEqualTo("a");
      assertThat(heap.peek()).isEqualTo("a");
      assertThat(heap.size()).isEqualTo(2);
      assertThat(heap.isEmpty()).isFalse();
    }

    @Test
    void aReversedComparatorMakesAMaxHeap() {
      MinHeap<String> heap = new MinHeap<>(Comparator.reverseOrder());
      List.of("pear", "apple", "fig", "ünïcode", "kiwi").forEach(heap::add);

      assertThat(drain(heap)).containsExactly("ünïcode", "pear", "kiwi", "fig", "apple");
    }

    @Test
    void growsPastItsInitialCapacity() {
      MinHeap<Integer> heap = MinHeap.natural();
      for (int i = 1000; i > 0; i--) {
        heap.add(i);
      }

      assertThat(heap.size()).isEqualTo(1000);
      assertThat(drain(heap)).isSorted().hasSize(1000).startsWith(1, 2).endsWith(1000);
    }

    @Test
    void emptyHeapHasNothingToPeekOrPoll() {
      MinHeap<Integer> heap = MinHeap.natural();

      assertThat(heap.isEmpty()).isTrue();
      assertThatThrownBy(heap::peek)
          .isInstanceOf(NoSuchElementException.class)
          .hasMessage("the heap is empty");
      assertThatThrownBy(heap::poll)
          .isInstanceOf(NoSuchElementException.class)
          .hasMessage("the heap is empty");
      heap.add(1);
      heap.poll();
      assertThatThrownBy(heap::poll).isInstanceOf(NoSuchElementException.class);
    }

    @Test
    void rejectsNulls() {
      assertThatNullPointerException()
          .isThrownBy(() -> new MinHeap<Integer>(null))
          .withMessage("comparator");
      assertThatNullPointerException()
          .isThrownBy(() -> MinHeap.<Integer>natural().add(null))
          .withMessage("element");
      assertThatNullPointerException()
          .isThrownBy(() -> MinHeap.heapify(Arrays.asList(3, null, 1), Comparator.naturalOrder()))
          .withMessage("null element at index 1");
    }
  }

  @Nested
  class Heapify {

    @Test
    void buildsAValidHeap() {
      List<Integer> values = List.of(5, 3, 8, 1, 9, 2, 7, 3);

      assertThat(drain(MinHeap.heapify(values, Comparator.naturalOrder())))
          .containsExactly(1, 2, 3, 3, 5, 7, 8, 9);
    }

    @Test
    void handlesEmptyAndSingleInputsAndCanGrowAfterwards() {
      MinHeap<Integer> empty = MinHeap.heapify(List.<Integer>of(), Comparator.naturalOrder());
      assertThat(empty.isEmpty()).isTrue();
      for (int i = 40; i > 0; i--) {
        empty.add(i);
      }
      assertThat(empty.peek()).isEqualTo(1);

      MinHeap<Integer> single = MinHeap.heapify(List.of(7), Comparator.naturalOrder());
      assertThat(single.poll()).isEqualTo(7);
      assertThat(single.isEmpty()).isTrue();

      MinHeap<Integer> big =
          MinHeap.heapify(IntStream.range(0, 50).boxed().toList(), Comparator.reverseOrder());
      big.add(100);
      assertThat(big.peek()).isEqualTo(100);
      assertThat(big.size()).isEqualTo(51);
    }

    @Test
    void copiesItsInput() {
      List<Integer> values = new ArrayList<>(List.of(3, 1, 2));
      MinHeap<Integer> heap = MinHeap.heapify(values, Comparator.naturalOrder());
      values.set(1, 99);

      assertThat(drain(heap)).containsExactly(1, 2, 3);
      assertThat(values).containsExactly(3, 99, 2);
    }

    @ParameterizedTest(name = "{0} elements")
    @CsvSource({"1000", "65535", "65536", "100000"})
    void makesAtMostTwoComparisonsPerElement(int n) {
      AtomicLong comparisons = new AtomicLong();
      Comparator<Integer> counting =
          (a, b) -> {
            comparisons.incrementAndGet();
            return Integer.compare(a, b);
          };
      List<Integer> descending = IntStream.range(0, n).map(i -> n - i).boxed().toList();

      MinHeap<Integer> heap = MinHeap.heapify(descending, counting);

      assertThat(comparisons.get()).isLessThanOrEqualTo(2L * n);
      assertThat(heap.peek()).isEqualTo(1);
    }
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void behavesLikePriorityQueue(long seed) {
    var random = new SplittableRandom(seed);
    List<Integer> initial = RandomData.intList(random, 40, 20);
    MinHeap<Integer> heap =
        random.nextBoolean()
            ? MinHeap.heapify(initial, Comparator.naturalOrder())
            : MinHeap.natural();
    PriorityQueue<Integer> oracle = new PriorityQueue<>();
    if (heap.size() > 0) {
      oracle.addAll(initial);
    }

    for (int op = 0; op < 300; op++) {
      if (random.nextInt(3) > 0) {
        int value = random.nextInt(-20, 21);
        heap.add(value);
        oracle.add(value);
      } else if (oracle.isEmpty()) {
        assertThatThrownBy(heap::poll).isInstanceOf(NoSuchElementException.class);
      } else {
        assertThat(heap.peek()).isEqualTo(oracle.peek());
        assertThat(heap.poll()).isEqualTo(oracle.poll());
      }
      assertThat(heap.size()).isEqualTo(oracle.size());
      assertThat(heap.isEmpty()).isEqualTo(oracle.isEmpty());
    }
    List<Integer> rest = new ArrayList<>();
    while (!oracle.isEmpty()) {
      rest.add(oracle.poll());
    }
    assertThat(drain(heap)).isEqualTo(rest);
  }

  static LongStream seeds() {
    return Seeds.derive(200);
  }
}
