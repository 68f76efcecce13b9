package org.interviewtasks.mid.oop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.Deque;
import java.util.NoSuchElementException;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.interviewtasks.common.testing.Seeds;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class MinStackTest {

  @Nested
  class Operations {

    @Test
    void tracksTheMinimumThroughPushesAndPops() {
      MinStack<Integer> stack = MinStack.natural();

      stack.push(5);
      assertThat(stack.min()).isEqualTo(5);
      stack.push(7);
      assertThat(stack.min()).isEqualTo(5);
      stack.push(3);
      assertThat(stack.min()).isEqualTo(3);
      stack.push(8);

      assertThat(stack.peek()).isEqualTo(8);
      assertThat(stack.size()).isEqualTo(4);
      assertThat(stack.pop()).isEqualTo(8);
      assertThat(stack.min()).isEqualTo(3);
      assertThat(stack.pop()).isEqualTo(3);
      assertThat(stack.min()).isEqualTo(5);
      assertThat(stack.pop()).isEqualTo(7);
      assertThat(stack.min()).isEqualTo(5);
      assertThat(stack.pop()).isEqualTo(5);
      assertThat(stack.isEmpty()).isTrue();
    }

    @Test
    void equalMinimaAreKeptOncePerCopy() {
      MinStack<Integer> stack = MinStack.natural();
      stack.push(2);
      stack.push(1);
      stack.push(1);

      stack.pop();

      assertThat(stack.min()).isEqualTo(1);
      stack.pop();
      assertThat(stack.min()).isEqualTo(2);
    }

    @Test
    void ofEqualMinimaTheLastPushedIsReturned() {
      MinStack<String> stack = new MinStack<>(String.CASE_INSENSITIVE_ORDER);
      stack.push("b");
      stack.push("A");
      stack.push("a");

      assertThat(stack.min()).isEqualTo("a");
      stack.pop();
      assertThat(stack.min()).isEqualTo("A");
    }

    @Test
    void rememberOnlyTheMinimaNeeded() {
      MinStack<Integer> increasing = MinStack.natural();
      MinStack<Integer> decreasing = MinStack.natural();
      for (int i = 0; i < 100; i++) {
        increasing.push(i);
        decreasing.push(-i);
      }

      assertThat(increasing.minimaSize()).isEqualTo(1);
      assertThat(decreasing.minimaSize()).isEqualTo(100);
      assertThat(decreasing.min()).isEqualTo(-99);
    }

    @Test
    void aReversedComparatorGivesTheMaximum() {
      MinStack<String> stack = new MinStack<>(Comparator.reverseOrder());
      stack.push("kiwi");
      stack.push("ünïcode");
      stack.push("apple");

      assertThat(stack.min()).isEqualTo("ünïcode");
    }

    @Test
    void peekDoesNotRemove() {
      MinStack<Integer> stack = MinStack.natural();
      stack.push(1);

      assertThat(stack.peek()).isEqualTo(1);
      assertThat(stack.peek()).isEqualTo(1);
      assertThat(stack.size()).isEqualTo(1);
      assertThat(stack.isEmpty()).isFalse();
    }
  }

  @Nested
  class Errors {

    @Test
    void anEmptyStackHasNoTopAndNoMinimum() {
      MinStack<Integer> stack = MinStack.natural();

      assertThatThrownBy(stack::pop)
          .isInstanceOf(NoSuchElementException.class)
          .hasMessage("the stack is empty");
      assertThatThrownBy(stack::peek)
          .isInstanceOf(NoSuchElementException.class)
          .hasMessage("the stack is empty");
      assertThatThrownBy(stack::min)
          .isInstanceOf(NoSuchElementException.class)
          .hasMessage("the stack is empty");
    }

    @Test
    void rejectsNulls() {
      assertThatNullPointerException()
          .isThrownBy(() -> MinStack.<Integer>natural().push(null))
          .withMessage("element");
      assertThatNullPointerException()
          .isThrownBy(() -> new MinStack<Integer>(null))
          .withMessage("comparator");
    }
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void agreesWithScanningForTheMinimum(long seed) {
    var random = new SplittableRandom(seed);
    MinStack<Integer> stack = MinStack.natural();
    Deque<Integer> oracle = new ArrayDeque<>();

    for (int op = 0; op < 300; op++) {
      if (oracle.isEmpty() || random.nextInt(5) < 3) {
        int value = random.nextInt(-10, 11);
        stack.push(value);
        oracle.push(value);
      } else {
        assertThat(stack.pop()).isEqualTo(oracle.pop());
      }
      assertThat(stack.size()).isEqualTo(oracle.size());
      if (!oracle.isEmpty()) {
        assertThat(stack.peek()).isEqualTo(oracle.peek());
        assertThat(stack.min()).isEqualTo(oracle.stream().min(Integer::compare).orElseThrow());
        assertThat(stack.minimaSize()).isLessThanOrEqualTo(stack.size());
      }
    }
  }

  static LongStream seeds() {
    return Seeds.derive(200);
  }
}
